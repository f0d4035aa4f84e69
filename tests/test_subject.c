/* subject (Art. 10, 11, 12; R19) and store (transactions, rollback, JSON). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "qaward.h"

static qaward_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    return qaward_ctx_new(&ctx, NULL);
}

static int teardown(void **state)
{
    (void)state;
    qaward_ctx_free(ctx);
    return 0;
}

static int load_list(const char *json, qaward_subject_list **out)
{
    *out = NULL;
    return qaward_subject_list_load_json(out, ctx, json, strlen(json));
}

#define EXPECT_LIST(json, code, needle)                                                                              \
    do {                                                                                                             \
        qaward_subject_list *l_;                                                                                     \
        assert_int_equal(load_list(json, &l_), code);                                                                \
        assert_null(l_);                                                                                             \
        if (!strstr(qaward_ctx_message(ctx), needle))                                                                \
            fail_msg("message \"%s\" lacks \"%s\"", qaward_ctx_message(ctx), needle);                                \
    } while (0)

static void subject_json_round_trip_and_art12_trade_secrets_r19(void **state)
{
    (void)state;
    const char *doc = "{\"id\":\"o1\",\"kind\":\"organization\",\"name\":\"甲\",\"region_code\":\"360802\","
                      "\"legal_person\":true,\"for_profit\":true,\"registration_date\":\"2012-02-29\","
                      "\"certificates\":[{\"type\":\"iso9001\",\"valid_from\":\"2015-01-01\",\"valid_to\":\"2027-12-31\"}],"
                      "\"net_profit_fen\":{\"2024\":-5,\"2023\":7},\"events\":[],"
                      "\"attestations\":{\"good_reputation\":false},\"trade_secrets\":[\"net_profit_fen\"]}";
    qaward_subject *s;
    assert_int_equal(qaward_subject_load_json(&s, ctx, doc, strlen(doc)), 0);
    assert_string_equal(qaward_subject_id(s), "o1");
    assert_string_equal(qaward_subject_kind(s), "organization");
    assert_int_equal(qaward_subject_is_secret(s, "net_profit_fen"), 1);
    assert_int_equal(qaward_subject_is_secret(s, "name"), 0);
    char *full, *pub;
    assert_int_equal(qaward_subject_to_json(&full, s, ctx, 0), 0);
    assert_non_null(strstr(full, "\"net_profit_fen\":{\"2023\":7,\"2024\":-5}"));
    assert_non_null(strstr(full, "\"registration_date\":\"2012-02-29\""));
    assert_int_equal(qaward_subject_to_json(&pub, s, ctx, 1), 0);
    assert_null(strstr(pub, "net_profit_fen"));
    assert_non_null(strstr(pub, "\"events\":[]"));
    qaward_subject *back;
    assert_int_equal(qaward_subject_load_json(&back, ctx, full, strlen(full)), 0);
    char *again;
    assert_int_equal(qaward_subject_to_json(&again, back, ctx, 0), 0);
    assert_string_equal(full, again);
    qaward_string_free(ctx, full);
    qaward_string_free(ctx, pub);
    qaward_string_free(ctx, again);
    qaward_subject_free(back);
    qaward_subject_free(s);
}

static void subject_list_bad_input_names_the_path(void **state)
{
    (void)state;
    qaward_subject_list *l;
    assert_int_equal(load_list("[{\"id\":\"a\",\"kind\":\"organization\"},{\"id\":\"b\",\"kind\":\"individual\"}]", &l), 0);
    assert_int_equal(qaward_subject_list_count(l), 2);
    assert_string_equal(qaward_subject_id(qaward_subject_list_get(l, 1)), "b");
    assert_null(qaward_subject_list_get(l, 2));
    qaward_subject_list_free(l);
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\"},{\"id\":\"a\",\"kind\":\"individual\"}]", QAWARD_EEXISTS,
                "$[1].id: duplicate subject id \"a\" (first at $[0])");
    EXPECT_LIST("{\"subjects\":[{\"id\":\"a\",\"kind\":\"organization\",\"colour\":1}]}", QAWARD_ESCHEMA,
                "$.subjects[0]: unknown field \"colour\"");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\",\"registration_date\":\"2025-02-30\"}]", QAWARD_EINVAL,
                "$[0].registration_date");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\",\"registration_date\":\"2025-4-1\"}]", QAWARD_EPARSE,
                "$[0].registration_date");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\",\"net_profit_fen\":{\"99999\":5}}]", QAWARD_ESCHEMA,
                "$[0].net_profit_fen.99999: fiscal year must be 4 digits");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\",\"net_profit_fen\":{\"2024\":1.5}}]", QAWARD_ESCHEMA,
                "$[0].net_profit_fen.2024: expected an integer");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\",\"events\":[{\"kind\":\"x\",\"deaths\":-1,\"date\":\"2024-01-01\"}]}]",
                QAWARD_ERANGE, "$[0].events[0].deaths");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\",\"certificates\":[{\"type\":\"iso9001\",\"valid_from\":\"2024-01-01\",\"valid_to\":\"2023-01-01\"}]}]",
                QAWARD_ERANGE, "$[0].certificates[0]");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\",\"region_code\":\"36-08\"}]", QAWARD_ERANGE, "$[0].region_code");
    EXPECT_LIST("[{\"id\":\"\",\"kind\":\"organization\"}]", QAWARD_ESCHEMA, "$[0].id: must not be empty");
    EXPECT_LIST("[{\"kind\":\"organization\"}]", QAWARD_ESCHEMA, "$[0].id: required field is missing");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\",\"trade_secrets\":[\"soul\"]}]", QAWARD_ESCHEMA,
                "$[0].trade_secrets[0]");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"individual\",\"employer\":{\"id\":\"e\"}}]", QAWARD_ESCHEMA,
                "$[0].employer: unknown field \"id\"");
    EXPECT_LIST("[{\"id\":\"a\",\"kind\":\"organization\"}", QAWARD_EPARSE, "line 1");
    EXPECT_LIST("\"subjects\"", QAWARD_ESCHEMA, "$: expected an array");
    char deep[300];
    memset(deep, '[', 150);
    memset(deep + 150, ']', 149);
    deep[299] = '\0';
    EXPECT_LIST(deep, QAWARD_EPARSE, "");
}

static void subject_setters_reject_bad_values(void **state)
{
    (void)state;
    qaward_subject *s = NULL, *e;
    assert_int_equal(qaward_subject_new(&s, ctx, "", "organization"), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_new(&s, ctx, "a", NULL), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_new(NULL, ctx, "a", "organization"), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_new(&s, ctx, "a", "organization"), 0);
    assert_int_equal(qaward_subject_set_region(s, ctx, "abc"), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_region(NULL, ctx, "3608"), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_legal_person(s, ctx, 2), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_date(s, ctx, 7, 20240101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 20240230), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 999990101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_profit(s, ctx, 99999, 1), QAWARD_ERANGE);
    assert_int_equal(qaward_subject_set_profit(s, ctx, -1, 1), QAWARD_ERANGE);
    assert_int_equal(qaward_subject_add_event(s, ctx, "quality_accident", NULL, -1, 20240101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_add_event(s, ctx, NULL, NULL, 0, 20240101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "iso9001", NULL, 0, 0), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "x", 5), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_mark_secret(s, ctx, "nope"), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_known(s, ctx, 9, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_employer(&e, ctx, s), 0);
    qaward_subject *e2;
    assert_int_equal(qaward_subject_employer(&e2, ctx, s), 0);
    assert_ptr_equal(e, e2);
    assert_int_equal(qaward_subject_employer(&e2, ctx, e), QAWARD_EINVAL);
    qaward_subject_free(s);
    qaward_subject_free(NULL);
    qaward_subject_list_free(NULL);
}

/* ---- store ------------------------------------------------------------------------------- */
static qaward_award_record award(const char *id, const char *cycle, qaward_date d)
{
    qaward_award_record r;
    qaward_award_record_init(&r, QAWARD_AWARD_RECORD_VERSION);
    r.subject_id = id;
    r.level = "award";
    r.kind = "organization";
    r.cycle_id = cycle;
    r.award_date = d;
    r.prize_fen = 50000000;
    return r;
}

static int count_read(void *ud, const char *id, qaward_history *h)
{
    (void)id;
    (void)h;
    (*(int *)ud)++;
    return 0;
}

static void memstore_transactions_commit_and_real_rollback(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    assert_int_equal(qaward_memstore_as_store(&st, ms), 0);
    qaward_award_record a = award("o1", "2023-2024", 20241220);
    assert_int_equal(st.write_award_fn(st.userdata, &a), QAWARD_ESTATE); /* outside a transaction */
    assert_int_equal(st.begin_fn(st.userdata), 0);
    assert_int_equal(st.begin_fn(st.userdata), QAWARD_ESTATE);
    assert_int_equal(st.write_award_fn(st.userdata, &a), 0);
    int fin = -1;
    assert_int_equal(st.cycle_finalised_fn(st.userdata, "2023-2024", &fin), 0);
    assert_int_equal(fin, 1);
    assert_int_equal(qaward_memstore_award_count(ms), 0); /* not committed yet */
    assert_int_equal(st.rollback_fn(st.userdata), 0);
    assert_int_equal(qaward_memstore_award_count(ms), 0);
    assert_int_equal(st.cycle_finalised_fn(st.userdata, "2023-2024", &fin), 0);
    assert_int_equal(fin, 0);
    assert_int_equal(st.begin_fn(st.userdata), 0);
    assert_int_equal(st.write_award_fn(st.userdata, &a), 0);
    assert_int_equal(st.commit_fn(st.userdata), 0);
    assert_int_equal(qaward_memstore_award_count(ms), 1);
    /* revocation rolls back too */
    assert_int_equal(st.begin_fn(st.userdata), 0);
    assert_int_equal(st.revoke_award_fn(st.userdata, "o1", 20241220, 20250301), 0);
    assert_int_equal(st.revoke_award_fn(st.userdata, "o1", 20200101, 20250301), QAWARD_ENOTFOUND);
    qaward_sanction_record s;
    qaward_sanction_record_init(&s, QAWARD_SANCTION_RECORD_VERSION);
    s.subject_id = "o1";
    s.kind = "fraud_bribery";
    s.decided_on = 20250301;
    s.ban_from = 20250301;
    s.ban_until = 20350301;
    s.revokes_award_date = 20241220;
    assert_int_equal(st.write_sanction_fn(st.userdata, &s), 0);
    assert_int_equal(st.rollback_fn(st.userdata), 0);
    char *json;
    assert_int_equal(qaward_memstore_to_json(&json, ms, ctx), 0);
    assert_null(strstr(json, "revoked_on"));
    assert_null(strstr(json, "fraud_bribery"));
    qaward_string_free(ctx, json);
    assert_int_equal(st.begin_fn(st.userdata), 0);
    assert_int_equal(st.revoke_award_fn(st.userdata, "o1", 20241220, 20250301), 0);
    assert_int_equal(st.write_sanction_fn(st.userdata, &s), 0);
    assert_int_equal(st.commit_fn(st.userdata), 0);
    assert_int_equal(qaward_memstore_sanction_count(ms), 1);
    assert_int_equal(qaward_memstore_to_json(&json, ms, ctx), 0);
    assert_non_null(strstr(json, "\"revoked_on\": \"2025-03-01\""));
    /* the dump loads back into a fresh store */
    qaward_memstore *ms2;
    qaward_memstore_new(&ms2, ctx);
    assert_int_equal(qaward_memstore_load_json(ms2, ctx, json, strlen(json)), 0);
    char *json2;
    assert_int_equal(qaward_memstore_to_json(&json2, ms2, ctx), 0);
    assert_string_equal(json, json2);
    qaward_string_free(ctx, json);
    qaward_string_free(ctx, json2);
    qaward_memstore_free(ms2);
    assert_int_equal(st.commit_fn(st.userdata), QAWARD_ESTATE);
    qaward_memstore_free(ms);
    /* NULL read_fn: no history; a read_fn's calls are counted */
    int calls = 0;
    qaward_store_init(&st, QAWARD_STORE_VERSION);
    st.userdata = &calls;
    st.read_fn = count_read;
    qaward_policy *p;
    qaward_policy_builtin(&p, ctx, "jian-2023");
    qaward_subject *o;
    qaward_subject_new(&o, ctx, "o", "organization");
    qaward_verdict *v;
    assert_int_equal(qaward_check(&v, ctx, p, o, &st, 20250401), 0);
    assert_int_equal(calls, 1);
    qaward_verdict_free(v);
    qaward_subject_free(o);
    qaward_policy_free(p);
}

static void memstore_load_json_is_all_or_nothing(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_memstore_new(&ms, ctx);
    const char *good = "{\"awards\":[{\"subject_id\":\"a\",\"level\":\"award\",\"kind\":\"organization\",\"award_date\":\"2022-12-20\"}]}";
    assert_int_equal(qaward_memstore_load_json(ms, ctx, good, strlen(good)), 0);
    const char *bad = "{\"awards\":[{\"subject_id\":\"b\",\"level\":\"award\",\"kind\":\"organization\",\"award_date\":\"2022-12-20\"}],"
                      "\"sanctions\":[{\"subject_id\":\"b\",\"kind\":\"false_materials\",\"decided_on\":\"2023-01-01\",\"ban_from\":\"2023-01-01\"}]}";
    assert_int_equal(qaward_memstore_load_json(ms, ctx, bad, strlen(bad)), QAWARD_ERANGE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "$.sanctions[0]"));
    assert_int_equal(qaward_memstore_award_count(ms), 1);
    const char *unk = "{\"awards\":[{\"subject_id\":\"b\",\"level\":\"award\",\"kind\":\"organization\",\"award_date\":\"2022-12-20\",\"x\":1}]}";
    assert_int_equal(qaward_memstore_load_json(ms, ctx, unk, strlen(unk)), QAWARD_ESCHEMA);
    assert_non_null(strstr(qaward_ctx_message(ctx), "$.awards[0]: unknown field \"x\""));
    assert_int_equal(qaward_memstore_load_json(ms, ctx, good, 10), QAWARD_EPARSE);
    assert_int_equal(qaward_memstore_award_count(ms), 1);
    qaward_award_record r = award(NULL, NULL, 20220101);
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &r), QAWARD_EINVAL);
    r = award("a", NULL, 20220230);
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &r), QAWARD_EINVAL);
    r = award("a", NULL, 20220101);
    r.version = 7;
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &r), QAWARD_EVERSION);
    assert_int_equal(qaward_award_record_init(&r, 2), QAWARD_EVERSION);
    assert_int_equal(qaward_store_init(NULL, QAWARD_STORE_VERSION), QAWARD_EINVAL);
    assert_int_equal(qaward_history_add_award(NULL, &r), QAWARD_EINVAL);
    assert_int_equal(qaward_memstore_award_count(NULL), 0);
    qaward_memstore_free(ms);
    qaward_memstore_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(subject_json_round_trip_and_art12_trade_secrets_r19),
        cmocka_unit_test(subject_list_bad_input_names_the_path),
        cmocka_unit_test(subject_setters_reject_bad_values),
        cmocka_unit_test(memstore_transactions_commit_and_real_rollback),
        cmocka_unit_test(memstore_load_json_is_all_or_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

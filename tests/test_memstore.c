/* The in-memory store (DESIGN part B, "storage by callback"): record
 * validation field by field, the transaction state machine through the
 * callback table (begin/commit/rollback, writes and revocations only inside a
 * transaction, rollback restoring revocations and finalised cycles), the index
 * and filter after growth (R9, R10: every finding of a subject is read back),
 * and the history document's refusals (all or nothing). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qaward.h>

static qaward_ctx *ctx;

static qaward_award_record award(const char *id, qaward_date d)
{
    qaward_award_record a;
    qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
    a.subject_id = id;
    a.level = "award";
    a.kind = "organization";
    a.award_date = d;
    return a;
}

static qaward_sanction_record sanction(const char *id, qaward_date d)
{
    qaward_sanction_record x;
    qaward_sanction_record_init(&x, QAWARD_SANCTION_RECORD_VERSION);
    x.subject_id = id;
    x.kind = "false_materials";
    x.decided_on = d;
    return x;
}

static char *dump(const qaward_memstore *ms)
{
    char *s;
    assert_int_equal(qaward_memstore_to_json(&s, ms, ctx), QAWARD_OK);
    return s;
}

/* Each field of an award record, alone wrong, is refused and nothing is stored. */
static void award_record_fields_refused_one_at_a_time(void **state)
{
    (void)state;
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    for (int k = 0; k < 13; k++) {
        qaward_award_record a = award("org-1", 20200101);
        int want = QAWARD_EINVAL;
        switch (k) {
        case 0: a.subject_id = NULL; break;
        case 1: a.subject_id = ""; break;
        case 2: a.level = NULL; break;
        case 3: a.level = ""; break;
        case 4: a.kind = NULL; break;
        case 5: a.kind = ""; break;
        case 6: a.award_date = QAWARD_DATE_NONE; break;
        case 7: a.award_date = 20200230; break;
        case 8: a.revoked_on = 20201301; break;
        case 9: a.revoked_on = 20191231; break; /* before the award */
        case 10: a.prize_fen = -1; break;
        case 11: a.re_win = 2; break;
        default: a.version = 99; want = QAWARD_EVERSION; break;
        }
        assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), want);
        assert_non_null(strstr(qaward_ctx_message(ctx), "memstore_add_award"));
        assert_int_equal(qaward_memstore_award_count(ms), 0);
    }
    qaward_award_record a = award("org-1", 20200101);
    a.revoked_on = 20200101; /* revoked the same day: allowed */
    a.re_win = 1;
    a.cycle_id = "c-2020";
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), QAWARD_OK);
    assert_int_equal(qaward_memstore_award_count(ms), 1);
    assert_int_equal(qaward_memstore_add_award(NULL, ctx, &a), QAWARD_EINVAL);
    assert_int_equal(qaward_memstore_add_award(ms, ctx, NULL), QAWARD_EINVAL);
    qaward_memstore_free(ms);
}

static void sanction_record_fields_refused_one_at_a_time(void **state)
{
    (void)state;
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    for (int k = 0; k < 12; k++) {
        qaward_sanction_record x = sanction("org-1", 20200101);
        int want = QAWARD_EINVAL;
        switch (k) {
        case 0: x.subject_id = NULL; break;
        case 1: x.subject_id = ""; break;
        case 2: x.kind = NULL; break;
        case 3: x.kind = ""; break;
        case 4: x.decided_on = 20200431; break;
        case 5: x.ban_from = 20201340; x.ban_until = 20211231; break;
        case 6: x.ban_from = 20200101; x.ban_until = 20210229; break;
        case 7: x.revokes_award_date = 20190000; break;
        case 8: x.ban_from = 20200101; break;               /* from without until */
        case 9: x.ban_until = 20230101; break;              /* until without from */
        case 10: x.ban_from = 20230101; x.ban_until = 20220101; break; /* until before from */
        default: x.version = 0; want = QAWARD_EVERSION; break;
        }
        assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &x), want);
        assert_non_null(strstr(qaward_ctx_message(ctx), "memstore_add_sanction"));
        assert_int_equal(qaward_memstore_sanction_count(ms), 0);
    }
    qaward_sanction_record x = sanction("org-1", 20200101);
    x.ban_from = x.ban_until = 20200101; /* a one-day window: allowed */
    x.citation = "Art. 20";
    x.revokes_award_date = 20190101;
    assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &x), QAWARD_OK);
    char *j = dump(ms);
    assert_non_null(strstr(j, "\"ban_from\": \"2020-01-01\""));
    assert_non_null(strstr(j, "\"revokes_award_date\": \"2019-01-01\""));
    assert_non_null(strstr(j, "\"citation\": \"Art. 20\""));
    qaward_string_free(ctx, j);
    qaward_memstore_free(ms);
}

/* Writes, revocations, commit and rollback only in their states; the counts
 * and the document show committed records only while a transaction is open. */
static void transaction_states_through_the_callbacks(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    assert_int_equal(qaward_memstore_as_store(&st, ms), 0);
    assert_int_equal(qaward_memstore_as_store(NULL, ms), QAWARD_EINVAL);
    assert_int_equal(qaward_memstore_as_store(&st, NULL), QAWARD_EINVAL);
    void *u = st.userdata;
    qaward_award_record a = award("org-1", 20200101);
    qaward_sanction_record x = sanction("org-1", 20210101);
    /* outside a transaction */
    assert_int_equal(st.write_award_fn(u, &a), QAWARD_ESTATE);
    assert_int_equal(st.write_sanction_fn(u, &x), QAWARD_ESTATE);
    assert_int_equal(st.revoke_award_fn(u, "org-1", 20200101, 20220101), QAWARD_ESTATE);
    assert_int_equal(st.commit_fn(u), QAWARD_ESTATE);
    assert_int_equal(st.rollback_fn(u), QAWARD_ESTATE);
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), QAWARD_OK);
    assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &x), QAWARD_OK);

    assert_int_equal(st.begin_fn(u), 0);
    assert_int_equal(st.begin_fn(u), QAWARD_ESTATE);
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), QAWARD_ESTATE);
    assert_string_equal(qaward_ctx_message(ctx), "memstore_add_award: a transaction is open");
    assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &x), QAWARD_ESTATE);
    assert_int_equal(qaward_memstore_load_json(ms, ctx, "{}", 2), QAWARD_ESTATE);
    assert_string_equal(qaward_ctx_message(ctx), "memstore_load_json: a transaction is open");
    qaward_award_record b = award("org-2", 20230101);
    b.cycle_id = "c-2023";
    qaward_sanction_record y = sanction("org-2", 20230201);
    assert_int_equal(st.write_award_fn(u, &b), 0);
    assert_int_equal(st.write_sanction_fn(u, &y), 0);
    b.award_date = 0;
    assert_int_equal(st.write_award_fn(u, &b), QAWARD_EINVAL);
    y.kind = NULL;
    assert_int_equal(st.write_sanction_fn(u, &y), QAWARD_EINVAL);
    /* revocation arguments */
    assert_int_equal(st.revoke_award_fn(u, NULL, 20200101, 20220101), QAWARD_EINVAL);
    assert_int_equal(st.revoke_award_fn(u, "org-1", 20200230, 20220101), QAWARD_EINVAL);
    assert_int_equal(st.revoke_award_fn(u, "org-1", 20200101, 0), QAWARD_EINVAL);
    assert_int_equal(st.revoke_award_fn(u, "org-1", 20200101, 20191231), QAWARD_EINVAL);
    assert_int_equal(st.revoke_award_fn(u, "org-1", 20200102, 20220101), QAWARD_ENOTFOUND);
    assert_int_equal(st.revoke_award_fn(u, "org-9", 20200101, 20220101), QAWARD_ENOTFOUND);
    assert_int_equal(st.revoke_award_fn(u, "org-1", 20200101, 20220101), 0);
    /* the committed view while open */
    assert_int_equal(qaward_memstore_award_count(ms), 1);
    assert_int_equal(qaward_memstore_sanction_count(ms), 1);
    char *j = dump(ms);
    assert_null(strstr(j, "org-2"));
    assert_null(strstr(j, "c-2023"));
    qaward_string_free(ctx, j);
    int fin = -1;
    assert_int_equal(st.cycle_finalised_fn(u, "c-2023", &fin), 0);
    assert_int_equal(fin, 1);
    assert_int_equal(st.cycle_finalised_fn(u, NULL, &fin), QAWARD_EINVAL);
    assert_int_equal(st.cycle_finalised_fn(u, "c-2023", NULL), QAWARD_EINVAL);
    /* rollback: the revocation, the writes and the cycle are undone */
    assert_int_equal(st.rollback_fn(u), 0);
    assert_int_equal(st.rollback_fn(u), QAWARD_ESTATE);
    assert_int_equal(st.cycle_finalised_fn(u, "c-2023", &fin), 0);
    assert_int_equal(fin, 0);
    j = dump(ms);
    assert_null(strstr(j, "revoked_on"));
    assert_null(strstr(j, "org-2"));
    qaward_string_free(ctx, j);
    /* commit keeps them */
    assert_int_equal(st.begin_fn(u), 0);
    b.award_date = 20230101;
    assert_int_equal(st.write_award_fn(u, &b), 0);
    assert_int_equal(st.write_award_fn(u, &b), 0); /* the cycle is marked once */
    assert_int_equal(st.revoke_award_fn(u, "org-1", 20200101, 20220101), 0);
    assert_int_equal(st.commit_fn(u), 0);
    assert_int_equal(st.commit_fn(u), QAWARD_ESTATE);
    assert_int_equal(qaward_memstore_award_count(ms), 3);
    j = dump(ms);
    assert_non_null(strstr(j, "\"revoked_on\": \"2022-01-01\""));
    assert_non_null(strstr(j, "\"finalised_cycles\": [\n    \"c-2023\"\n  ]"));
    qaward_string_free(ctx, j);
    /* the read callback's own argument checks */
    assert_int_equal(st.read_fn(u, NULL, NULL), QAWARD_EINVAL);
    assert_int_equal(st.read_fn(u, "org-1", NULL), QAWARD_EINVAL);
    qaward_memstore_free(ms);
}

/* After the table and the filter grow, every record of every subject is read
 * back, in order (R9, R10: the number of findings and the latest of them). */
static void index_growth_reads_every_record(void **state)
{
    (void)state;
    qaward_policy *p;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "jian-2023"), 0);
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    assert_int_equal(qaward_memstore_as_store(&st, ms), 0);
    char id[32];
    for (int i = 0; i < 300; i++) { /* three sanctions for each fifth subject, awards between */
        snprintf(id, sizeof id, "org-%03d", i / 3);
        qaward_sanction_record x = sanction(id, 20200101 + (qaward_date)(i % 3) * 10000);
        if (i % 15 < 3)
            assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &x), 0);
        snprintf(id, sizeof id, "award-%03d", i);
        qaward_award_record a = award(id, 20150101);
        assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), 0);
    }
    assert_int_equal(qaward_memstore_sanction_count(ms), 60);
    /* rollback of an empty transaction rebuilds the index at the same size */
    assert_int_equal(st.begin_fn(st.userdata), 0);
    assert_int_equal(st.rollback_fn(st.userdata), 0);
    qaward_checker *c;
    assert_int_equal(qaward_checker_new(&c, ctx, p, &st), 0);
    for (int i = 0; i < 100; i++) {
        snprintf(id, sizeof id, "org-%03d", i);
        qaward_subject *s;
        assert_int_equal(qaward_subject_new(&s, ctx, id, "organization"), 0);
        for (int bound = 0; bound < 2; bound++) {
            if (bound)
                assert_int_equal(qaward_subject_bind(s, ctx, p), 0);
            qaward_verdict *v;
            assert_int_equal(qaward_checker_check(&v, c, s, 20230601), 0);
            size_t k = qaward_verdict_check_count(v) - 1;
            while (strcmp(qaward_verdict_check_rule(v, k), "art20_false_materials_ban") != 0)
                k--;
            const char *f = qaward_verdict_check_facts(v, k);
            if (i % 5 == 0) {
                assert_string_equal(f, "{\"findings\":3,\"decided_on\":\"2022-01-01\",\"ban_until\":\"2027-01-01\","
                                       "\"revokes_award_date\":null}");
                assert_int_equal(qaward_verdict_check_earliest(v, k), 20270101);
            } else {
                assert_string_equal(f, "{\"findings\":0}");
            }
            int status;
            qaward_date e;
            size_t n;
            uint32_t codes[64];
            assert_int_equal(qaward_checker_fast(&status, &e, codes, NULL, 64, &n, c, s, 20230601), 0);
            assert_int_equal(status, qaward_verdict_status(v));
            assert_int_equal(e, qaward_verdict_earliest(v));
            qaward_verdict_free(v);
        }
        qaward_subject_free(s);
    }
    qaward_checker_free(c);
    qaward_memstore_free(ms);
    qaward_policy_free(p);
}

/* The history document: each refusal names the path, and nothing of the
 * document is kept (all or nothing). */
static void history_document_refusals_keep_nothing(void **state)
{
    (void)state;
    static const struct {
        const char *doc, *needle;
        int rc;
    } bad[] = {
        {"{\"awards\": [{\"subject_id\": \"a\", \"level\": \"award\", \"kind\": \"organization\"}]}",
         "$.awards[1].award_date", QAWARD_ESCHEMA},
        {"{\"awards\": [{\"subject_id\": \"a\", \"level\": \"award\", \"kind\": \"organization\", \"award_date\": \"2020-01-01\","
         " \"prize_fen\": -5}]}", "$.awards[1].prize_fen", QAWARD_ERANGE},
        {"{\"awards\": [{\"subject_id\": \"a\", \"level\": \"award\", \"kind\": \"organization\", \"award_date\": \"2020-01-01\","
         " \"revoked_on\": \"2019-12-31\"}]}", "$.awards[1].revoked_on: before award_date", QAWARD_ERANGE},
        {"{\"sanctions\": [{\"subject_id\": \"a\", \"kind\": \"false_materials\"}]}", "$.sanctions[1].decided_on",
         QAWARD_ESCHEMA},
        {"{\"sanctions\": [{\"subject_id\": \"a\", \"kind\": \"k\", \"decided_on\": \"2020-01-01\", \"ban_from\": \"2020-13-01\"}]}",
         "$.sanctions[1].ban_from", QAWARD_EINVAL},
        {"{\"sanctions\": [{\"subject_id\": \"a\", \"kind\": \"k\", \"decided_on\": \"2020-01-01\", \"ban_from\": \"2020-01-01\","
         " \"ban_until\": 5}]}", "$.sanctions[1].ban_until", QAWARD_ESCHEMA},
        {"{\"sanctions\": [{\"subject_id\": \"a\", \"kind\": \"k\", \"decided_on\": \"2020-01-01\", \"ban_from\": \"2021-01-01\","
         " \"ban_until\": \"2020-12-31\"}]}", "$.sanctions[1]: ban_from and ban_until must both be set", QAWARD_ERANGE},
        {"{\"finalised_cycles\": [\"\"]}", "$.finalised_cycles[0]: expected a cycle id", QAWARD_ESCHEMA},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        qaward_memstore *ms;
        assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
        qaward_award_record a = award("kept", 20100101);
        qaward_sanction_record x = sanction("kept", 20110101);
        assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), 0);
        assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &x), 0);
        /* a valid first element of each array, which must be dropped too */
        char doc[600];
        const char *arr = strstr(bad[i].doc, "[{") ? strstr(bad[i].doc, "[{") + 1 : NULL;
        if (arr && strstr(bad[i].doc, "awards"))
            snprintf(doc, sizeof doc, "{\"awards\": [{\"subject_id\": \"new\", \"level\": \"award\", \"kind\": \"organization\","
                                      " \"award_date\": \"2020-01-01\"}, %s", arr);
        else if (arr)
            snprintf(doc, sizeof doc, "{\"sanctions\": [{\"subject_id\": \"new\", \"kind\": \"false_materials\","
                                      " \"decided_on\": \"2020-01-01\"}, %s", arr);
        else
            snprintf(doc, sizeof doc, "%s", bad[i].doc);
        int rc = qaward_memstore_load_json(ms, ctx, doc, strlen(doc));
        if (rc != bad[i].rc || !strstr(qaward_ctx_message(ctx), bad[i].needle))
            fprintf(stderr, "case %zu: %d %s\n", i, rc, qaward_ctx_message(ctx));
        assert_int_equal(rc, bad[i].rc);
        assert_non_null(strstr(qaward_ctx_message(ctx), bad[i].needle));
        assert_int_equal(qaward_memstore_award_count(ms), 1);
        assert_int_equal(qaward_memstore_sanction_count(ms), 1);
        char *j = dump(ms);
        assert_null(strstr(j, "\"new\""));
        qaward_string_free(ctx, j);
        qaward_memstore_free(ms);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(award_record_fields_refused_one_at_a_time),
        cmocka_unit_test(sanction_record_fields_refused_one_at_a_time),
        cmocka_unit_test(transaction_states_through_the_callbacks),
        cmocka_unit_test(index_growth_reads_every_record),
        cmocka_unit_test(history_document_refusals_keep_nothing),
    };
    if (qaward_ctx_new(&ctx, NULL))
        return 1;
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    qaward_ctx_free(ctx);
    return rc;
}

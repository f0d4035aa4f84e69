/* policy: built-ins, getters (Art. 4, 5, 15, 26), and strict validation naming JSON paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "embedded.h"
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

static void art4_art15_jian_quotas_prizes_and_cycle(void **state)
{
    (void)state;
    qaward_policy *p;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "jian-2023"), 0);
    assert_string_equal(qaward_policy_id(p), "jian-2023");
    assert_string_equal(qaward_policy_name(p, QAWARD_LANG_ZH), "吉安市市长质量奖管理办法");
    assert_int_equal(qaward_policy_valid_from(p), 20230205);
    assert_int_equal(qaward_policy_valid_to(p), QAWARD_DATE_NONE);
    assert_int_equal(qaward_policy_in_force(p, 20230204), 0);
    assert_int_equal(qaward_policy_in_force(p, 20230205), 1);
    assert_int_equal(qaward_policy_in_force(p, 20230206), 1);
    assert_int_equal(qaward_policy_cycle_years(p), 2);
    assert_int_equal(qaward_policy_fictional(p), 0);
    assert_int_equal(qaward_policy_kind_count(p), 2);
    assert_int_equal(qaward_policy_level_count(p), 2);
    assert_string_equal(qaward_policy_level_id(p, 0), "award");
    assert_int_equal(qaward_policy_level_index(p, "nomination"), 1);
    assert_int_equal(qaward_policy_level_main(p, 0), 1);
    assert_int_equal(qaward_policy_level_main(p, 1), 0);
    int prize, quota;
    assert_int_equal(qaward_policy_level_rewin(&prize, &quota, p, 0), 0);
    assert_int_equal(prize, 0); /* R8 */
    assert_int_equal(quota, 0);
    struct { const char *level, *kind; int64_t fen; } prizes[] = {
        {"award", "organization", 50000000}, {"award", "individual", 3000000},
        {"nomination", "organization", 3000000}, {"nomination", "individual", 1000000}};
    size_t groups[4];
    for (int i = 0; i < 4; i++) {
        int64_t fen;
        int32_t max;
        int pooled;
        assert_int_equal(qaward_policy_prize(&fen, ctx, p, prizes[i].level, prizes[i].kind), 0);
        assert_int_equal(fen, prizes[i].fen); /* R13 */
        assert_int_equal(qaward_policy_quota(&max, &groups[i], &pooled, ctx, p, prizes[i].level, prizes[i].kind), 0);
        assert_int_equal(max, 3); /* R12 */
        assert_int_equal(pooled, 0);
    }
    assert_true(groups[0] != groups[1] && groups[2] != groups[3]);
    assert_int_equal(qaward_policy_quota_count(p), 4);
    const char *lv;
    int32_t mx;
    size_t nk;
    assert_int_equal(qaward_policy_quota_get(&lv, &mx, &nk, p, 3), 0);
    assert_string_equal(lv, "nomination");
    assert_string_equal(qaward_policy_quota_kind(p, 3, 0), "individual");
    assert_null(qaward_policy_quota_kind(p, 3, 1));
    int64_t fen;
    assert_int_equal(qaward_policy_prize(&fen, ctx, p, "gold", "organization"), QAWARD_ENOTFOUND);
    assert_non_null(strstr(qaward_ctx_message(ctx), "gold"));
    assert_int_equal(qaward_policy_prize(&fen, ctx, p, "award", "robot"), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_policy_sanction_count(p), 4);
    assert_string_equal(qaward_policy_sanction_kind(p, 0), "false_materials");
    assert_int_equal(qaward_policy_rule_count(p, "organization"), 19 + 1 + 4);
    assert_string_equal(qaward_policy_rule_id(p, "organization", 19), "art5_reapply_wait");
    assert_null(qaward_policy_rule_id(p, "organization", 24));
    qaward_policy_free(p);
}

static void builtin_unknown_name_and_null_arguments(void **state)
{
    (void)state;
    qaward_policy *p = (qaward_policy *)1;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "paris-2030"), QAWARD_ENOTFOUND);
    assert_null(p);
    assert_int_equal(qaward_policy_builtin(NULL, ctx, "jian-2023"), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_builtin(&p, ctx, NULL), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_load_json(&p, ctx, NULL, 3), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_load_json(&p, NULL, "{}", 2), QAWARD_EINVAL);
    qaward_policy_free(NULL);
    assert_string_equal(qaward_policy_id(NULL), "");
    assert_int_equal(qaward_policy_cycle_years(NULL), 0);
    assert_null(qaward_policy_level_id(NULL, 0));
    assert_int_equal(qaward_policy_in_force(NULL, 20250101), 0);
}

/* Load jian-2023 with one textual replacement; return the status and keep the message. */
static int load_variant(const char *from, const char *to)
{
    const qa_embedded *e = qa_embedded_find("policy", "jian-2023");
    assert_non_null(e);
    const char *at = strstr(e->data, from);
    if (!at)
        fail_msg("variant text not found: %s", from);
    size_t n = e->len - strlen(from) + strlen(to);
    char *buf = malloc(n + 1);
    size_t pre = (size_t)(at - e->data);
    memcpy(buf, e->data, pre);
    memcpy(buf + pre, to, strlen(to));
    strcpy(buf + pre + strlen(to), at + strlen(from));
    qaward_policy *p = NULL;
    int rc = qaward_policy_load_json(&p, ctx, buf, n);
    if (rc == 0)
        qaward_policy_free(p);
    else
        assert_null(p);
    free(buf);
    return rc;
}

#define EXPECT(from, to, code, needle)                                                                               \
    do {                                                                                                             \
        assert_int_equal(load_variant(from, to), code);                                                              \
        if (!strstr(qaward_ctx_message(ctx), needle))                                                                \
            fail_msg("message \"%s\" lacks \"%s\"", qaward_ctx_message(ctx), needle);                                \
    } while (0)

static void validation_names_the_json_path(void **state)
{
    (void)state;
    assert_int_equal(load_variant("\"fictional\": false", "\"fictional\": false"), 0);
    EXPECT("\"fictional\": false", "\"fictional\": false, \"colour\": 1", QAWARD_ESCHEMA, "$: unknown field \"colour\"");
    EXPECT("\"honour_only\": false, \"main\": true", "\"honour_only\": \"no\", \"main\": true", QAWARD_ESCHEMA,
           "$.levels[0].honour_only: expected a boolean");
    EXPECT("\"cycle\": {\"years\": 2", "\"cycle\": {\"years\": 0", QAWARD_ERANGE, "$.cycle.years");
    EXPECT("\"cycle\": {\"years\": 2", "\"cycle\": {\"years\": 2.5", QAWARD_ESCHEMA, "$.cycle.years: expected an integer");
    EXPECT("\"valid_to\": null", "\"valid_to\": \"2020-01-01\"", QAWARD_ERANGE, "$.in_force.valid_to");
    EXPECT("\"valid_from\": \"2023-02-05\"", "\"valid_from\": \"2023-02-30\"", QAWARD_EINVAL, "$.in_force.valid_from");
    EXPECT("\"valid_from\": \"2023-02-05\"", "\"valid_from\": \"99999-02-05\"", QAWARD_EPARSE, "$.in_force.valid_from");
    EXPECT("{\"level\": \"award\", \"kinds\": [\"individual\"], \"max\": 3",
           "{\"level\": \"award\", \"kinds\": [\"organization\"], \"max\": 3", QAWARD_ERANGE, "already have a quota");
    EXPECT("{\"level\": \"award\", \"kinds\": [\"individual\"], \"max\": 3",
           "{\"level\": \"award\", \"kinds\": [\"robot\"], \"max\": 3", QAWARD_ESCHEMA, "$.quotas[1].kinds[0]: unknown subject kind \"robot\"");
    EXPECT("\"honour_only\": false, \"main\": false", "\"honour_only\": true, \"main\": false", QAWARD_ERANGE,
           "honour-only: its prize must be 0");
    EXPECT("{\"level\": \"award\", \"kind\": \"individual\", \"fen\": 3000000},", "", QAWARD_ERANGE,
           "no prize for level \"award\" and kind \"individual\"");
    EXPECT("{\"kind\": \"quality_complaint\", \"min_grade\": \"重大\"}", "{\"kind\": \"quality_complaint\", \"min_grade\": \"巨大\"}",
           QAWARD_ESCHEMA, "$.eligibility.organization[14].events[0].min_grade: unknown grade \"巨大\"");
    EXPECT("{\"kind\": \"spot_check_failure\"}", "{\"kind\": \"meteor\"}", QAWARD_ESCHEMA, "unknown event kind \"meteor\"");
    EXPECT("\"type\": \"profit_years\", \"years\": 2,", "\"type\": \"profit_years\",", QAWARD_ESCHEMA,
           "$.eligibility.organization[9].years: required field is missing");
    EXPECT("\"type\": \"profit_years\", \"years\": 2,", "\"type\": \"profit_years\", \"years\": 2, \"fact\": \"registration_date\",",
           QAWARD_ESCHEMA, "not a parameter of a \"profit_years\" condition");
    EXPECT("\"type\": \"region\",", "\"type\": \"horoscope\",", QAWARD_ESCHEMA, "$.eligibility.organization[0].type: unknown value");
    EXPECT("\"id\": \"art10_1_supports_policies\"", "\"id\": \"art2_region\"", QAWARD_ESCHEMA, "duplicate id \"art2_region\"");
    EXPECT("\"certificates\": [\"iso9001\",", "\"certificates\": [\"iso9999\",", QAWARD_ESCHEMA, "unknown certificate type \"iso9999\"");
    EXPECT("\"at_least\": \"三级\",\n       \"citation\": {\"zh\": \"第十条（六）\"", "\"at_least\": \"零级\",\n       \"citation\": {\"zh\": \"第十条（六）\"",
           QAWARD_ESCHEMA, "unknown level \"零级\"");
    EXPECT("\"region_prefixes\": [\"3608\"]", "\"region_prefixes\": [\"36a8\"]", QAWARD_ESCHEMA, "$.jurisdiction.region_prefixes[0]");
    EXPECT("\"format\": \"qaward-policy/1\"", "\"format\": \"qaward-policy/9\"", QAWARD_ESCHEMA, "$.format");
    EXPECT("\"count\": \"exclude_award_year\"", "\"count\": \"whenever\"", QAWARD_ESCHEMA, "$.waits[0].count");
    EXPECT("{\"id\": \"organization\", \"person\": false", "{\"id\": \"individual\", \"person\": false", QAWARD_ESCHEMA,
           "duplicate id \"individual\"");
    EXPECT("\"type\": \"no_event\", \"on\": \"employer\", \"look_back_years\": 3,\n       \"events\": [{\"kind\": \"production_safety_accident\", \"any_death\": true}]",
           "\"type\": \"no_event\", \"on\": \"employer\", \"look_back_years\": 3,\n       \"events\": [{\"kind\": \"production_safety_accident\", \"any_death\": \"yes\"}]",
           QAWARD_ESCHEMA, "any_death: expected a boolean");
}

static void truncated_and_deep_json_are_parse_errors(void **state)
{
    (void)state;
    const qa_embedded *e = qa_embedded_find("policy", "jian-2023");
    qaward_policy *p = NULL;
    assert_int_equal(qaward_policy_load_json(&p, ctx, e->data, e->len / 2), QAWARD_EPARSE);
    assert_null(p);
    assert_non_null(strstr(qaward_ctx_message(ctx), "line"));
    char deep[400];
    memset(deep, '[', 200);
    memset(deep + 200, ']', 200);
    assert_int_equal(qaward_policy_load_json(&p, ctx, deep, sizeof deep), QAWARD_EPARSE);
    assert_int_equal(qaward_policy_load_json(&p, ctx, "[]", 2), QAWARD_ESCHEMA);
    assert_int_equal(qaward_policy_load_json(&p, ctx, "{}", 2), QAWARD_ESCHEMA);
    assert_non_null(strstr(qaward_ctx_message(ctx), "$.format"));
}

static void lakeside_is_pure_data(void **state)
{
    (void)state;
    qaward_policy *p;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "lakeside-2024"), 0);
    assert_int_equal(qaward_policy_fictional(p), 1);
    assert_non_null(strstr(qaward_policy_name(p, QAWARD_LANG_EN), "FICTIONAL"));
    assert_int_equal(qaward_policy_level_count(p), 3);
    assert_int_equal(qaward_policy_quota_count(p), 3);
    size_t nk;
    assert_int_equal(qaward_policy_quota_get(NULL, NULL, &nk, p, 0), 0);
    assert_int_equal(nk, 2);
    int prize, quota;
    assert_int_equal(qaward_policy_level_rewin(&prize, &quota, p, 0), 0);
    assert_int_equal(prize, 0);
    assert_int_equal(quota, 1);
    qaward_date f, u;
    /* "the next two editions" of an annual award: 2024 finding -> refused until 2027-01-01 */
    assert_int_equal(qaward_policy_ban_window(&f, &u, ctx, p, "false_materials", 20241115), 0);
    assert_int_equal(f, 20241115);
    assert_int_equal(u, 20270101);
    assert_int_equal(qaward_policy_ban_window(&f, &u, ctx, p, "nonsense", 20241115), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_policy_ban_window(&f, &u, ctx, p, "false_materials", 20241131), QAWARD_EINVAL);
    qaward_policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(art4_art15_jian_quotas_prizes_and_cycle),
        cmocka_unit_test(builtin_unknown_name_and_null_arguments),
        cmocka_unit_test(validation_names_the_json_path),
        cmocka_unit_test(truncated_and_deep_json_are_parse_errors),
        cmocka_unit_test(lakeside_is_pure_data),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

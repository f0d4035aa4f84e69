/* Issue 7.2: every public call under a failing allocator returns OK or ENOMEM,
 * never crashes, never leaks. Each module adds its scenarios here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "oom.h"
#include "json.h"

static int scenario_json(qaward_ctx *ctx)
{
    static const char text[] = "{\"a\":[1,2,{\"b\":\"c\\u00e9\"}],\"d\":\"2025-04-01\"}";
    qj_doc *doc;
    int rc = qj_parse(&doc, ctx, text, sizeof text - 1, "oom");
    if (rc)
        return rc;
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    qw_kstr(&w, "b", qj_get(&qj_get(qj_root(doc), "a")->items[2], "b")->str);
    qw_obj_end(&w);
    char *out;
    rc = qw_finish(&w, &out, NULL);
    qj_free(doc);
    if (rc)
        return rc;
    qaward_string_free(ctx, out);
    return 0;
}

static void json_layer_survives_every_failing_allocation(void **state)
{
    (void)state;
    assert_true(oom_run("json", scenario_json) >= 3);
}

/* The cycle: load the sample-like document, run, report (text and JSON), finalise. */
static int scenario_cycle(qaward_ctx *ctx)
{
    static const char doc[] =
        "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"decision_date\":\"2025-12-18\"},"
        "\"policy\":\"jian-2023\",\"review_rules\":\"jian-2025-example\","
        "\"history\":{\"awards\":[{\"subject_id\":\"R\",\"level\":\"award\",\"kind\":\"organization\","
        "\"award_date\":\"2017-12-20\",\"prize_fen\":50000000}]},"
        "\"candidates\":["
        "{\"id\":\"A\",\"name\":\"甲公司\",\"kind\":\"organization\",\"verdict\":\"eligible\",\"composite\":850.00,"
        "\"vote\":{\"for\":9,\"against\":1,\"abstain\":0,\"present\":10,\"members\":12},"
        "\"notes\":[{\"key\":\"k\",\"value\":\"v\",\"trade_secret\":true}]},"
        "{\"id\":\"R\",\"kind\":\"organization\",\"verdict\":\"eligible\",\"composite\":800.00,"
        "\"vote\":{\"for\":9,\"against\":1,\"abstain\":0,\"present\":10,\"members\":12}},"
        "{\"id\":\"B\",\"kind\":\"organization\",\"verdict\":\"ineligible\","
        "\"reasons\":[{\"rule_id\":\"art20\",\"citation\":\"第二十条\",\"zh\":\"禁\",\"en\":\"banned\"}]},"
        "{\"id\":\"C\",\"kind\":\"individual\",\"verdict\":\"eligible\",\"stages\":{\"material\":80.00,\"site\":75.00},"
        "\"vote\":{\"for\":9,\"against\":1,\"abstain\":0,\"present\":10,\"members\":12}}]}";
    qaward_cycle *c;
    int rc = qaward_cycle_load_json(&c, ctx, doc, sizeof doc - 1);
    if (rc)
        return rc;
    char *out = NULL;
    if (!(rc = qaward_cycle_run(ctx, c, NULL)) &&
        !(rc = qaward_cycle_report(&out, ctx, c, QAWARD_REPORT_TEXT, QAWARD_LANG_ZH, 1))) {
        qaward_string_free(ctx, out);
        out = NULL;
        if (!(rc = qaward_cycle_report(&out, ctx, c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0))) {
            qaward_string_free(ctx, out);
            rc = qaward_cycle_finalise(ctx, c, NULL);
        }
    }
    qaward_cycle_free(c);
    return rc;
}

/* Sanctions: a fraud finding revoking an award, written to an in-memory store. */
static int scenario_sanction(qaward_ctx *ctx)
{
    qaward_policy *p;
    int rc = qaward_policy_builtin(&p, ctx, "jian-2023");
    if (rc)
        return rc;
    qaward_memstore *ms = NULL;
    if ((rc = qaward_memstore_new(&ms, ctx)))
        goto out;
    qaward_award_record a;
    qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
    a.subject_id = "F";
    a.level = "award";
    a.kind = "organization";
    a.award_date = 20211216;
    a.revoked_on = QAWARD_DATE_NONE;
    if ((rc = qaward_memstore_add_award(ms, ctx, &a)))
        goto out;
    qaward_store st;
    qaward_memstore_as_store(&st, ms);
    qaward_finding f;
    qaward_finding_init(&f, QAWARD_FINDING_VERSION);
    f.subject_id = "F";
    f.kind = "fraud_bribery";
    f.decided_on = 20240310;
    rc = qaward_sanction_apply(NULL, ctx, p, &st, &f);
out:
    qaward_memstore_free(ms);
    qaward_policy_free(p);
    return rc;
}

static void cycle_survives_every_failing_allocation(void **state)
{
    (void)state;
    assert_true(oom_run("cycle", scenario_cycle) >= 10);
}

static void sanctions_survive_every_failing_allocation(void **state)
{
    (void)state;
    assert_true(oom_run("sanctions", scenario_sanction) >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_layer_survives_every_failing_allocation),
        cmocka_unit_test(cycle_survives_every_failing_allocation),
        cmocka_unit_test(sanctions_survive_every_failing_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

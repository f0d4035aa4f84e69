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

static int scenario_json_lazy(qaward_ctx *ctx)
{
    static const char text[] = "{\"items\":[{\"a\":\"x\\n\"},[1,2,3],{\"b\":{\"c\":[true]}}],\"z\":1}";
    static const char *const lazy[] = {"items", NULL};
    qj_doc *doc;
    int rc = qj_parse_lazy(&doc, ctx, text, sizeof text - 1, "oom", lazy);
    if (rc)
        return rc;
    qj_iter it;
    const qj_value *e;
    if ((rc = qj_iter_init(&it, ctx, doc, qj_get(qj_root(doc), "items"))) == 0)
        while ((rc = qj_iter_next(&it, &e)) == 1)
            ;
    qj_iter_free(&it);
    qj_free(doc);
    return rc;
}

static void json_layer_survives_every_failing_allocation(void **state)
{
    (void)state;
    assert_true(oom_run("json", scenario_json) >= 3);
    assert_true(oom_run("json lazy", scenario_json_lazy) >= 3);
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

/* Modules joined: a cycle deciding eligibility from facts and history, its
 * report, a verdict applied to a candidate, and a refusal letter from a verdict. */
static int scenario_facts(qaward_ctx *ctx)
{
    static const char doc[] =
        "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"as_of\":\"2025-06-30\","
        "\"decision_date\":\"2025-12-18\"},\"policy\":\"jian-2023\",\"review_rules\":\"jian-2025-example\","
        "\"history\":{\"sanctions\":[{\"subject_id\":\"B\",\"kind\":\"false_materials\","
        "\"decided_on\":\"2022-03-10\",\"ban_from\":\"2022-03-10\",\"ban_until\":\"2027-03-10\"}]},"
        "\"candidates\":["
        "{\"id\":\"B\",\"name\":\"乙\",\"kind\":\"organization\",\"subject\":{\"region_code\":\"360802\","
        "\"registration_date\":\"2023-03-01\",\"net_profit_fen\":{\"2023\":1}}},"
        "{\"id\":\"I\",\"kind\":\"individual\",\"subject\":{\"region_code\":\"360802\"}}]}";
    qaward_cycle *c;
    int rc = qaward_cycle_load_json(&c, ctx, doc, sizeof doc - 1);
    if (rc)
        return rc;
    char *out = NULL;
    qaward_verdict *v = NULL;
    qaward_refusal *r = NULL;
    qaward_procedure *p = NULL;
    qaward_subject *s = NULL;
    if ((rc = qaward_cycle_run(ctx, c, NULL)) ||
        (rc = qaward_cycle_report(&out, ctx, c, QAWARD_REPORT_TEXT, QAWARD_LANG_EN, 0)))
        goto out;
    qaward_string_free(ctx, out);
    out = NULL;
    static const char sj[] = "{\"id\":\"B\",\"kind\":\"organization\",\"region_code\":\"360802\"}";
    qaward_store st;
    qaward_memstore_as_store(&st, qaward_cycle_memstore(c));
    if ((rc = qaward_subject_load_json(&s, ctx, sj, sizeof sj - 1)) ||
        (rc = qaward_check(&v, ctx, qaward_cycle_policy(c), s, &st, 20250630)) ||
        (rc = qaward_cycle_apply_verdict(ctx, c, 0, v)) || (rc = qaward_cycle_set_subject(ctx, c, 0, s)) ||
        (rc = qaward_cycle_check_candidates(ctx, c, NULL)) ||
        (rc = qaward_refusal_from_verdict(&r, ctx, "乙", v)) ||
        (rc = qaward_procedure_builtin(&p, ctx, "jian-2023")) ||
        (rc = qaward_refusal_letter(&out, r, ctx, p, 20250715, QAWARD_LANG_ZH)))
        goto out;
    qaward_string_free(ctx, out);
out:
    qaward_procedure_free(p);
    qaward_refusal_free(r);
    qaward_verdict_free(v);
    qaward_cycle_free(c); /* before the subject it borrows */
    qaward_subject_free(s);
    return rc;
}

static void facts_cycle_survives_every_failing_allocation(void **state)
{
    (void)state;
    assert_true(oom_run("facts", scenario_facts) >= 10);
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

/* The batch fast check (issue 6.3): load a list, a history, check the list in one call. */
static int scenario_checker_many(qaward_ctx *ctx)
{
    static const char subjects[] =
        "[{\"id\":\"A\",\"kind\":\"organization\",\"registration_date\":\"2015-03-01\"},"
        "{\"id\":\"B\",\"kind\":\"organization\",\"legal_person\":true}]";
    static const char hist[] = "{\"awards\":[{\"subject_id\":\"A\",\"level\":\"award\",\"kind\":"
                               "\"organization\",\"award_date\":\"2021-12-20\"}]}";
    qaward_policy *p = NULL;
    qaward_subject_list *l = NULL;
    qaward_memstore *ms = NULL;
    qaward_checker *c = NULL;
    qaward_store st;
    int stat[2];
    qaward_date ear[2];
    int rc = qaward_policy_builtin(&p, ctx, "jian-2023");
    if (!rc)
        rc = qaward_subject_list_load_json(&l, ctx, subjects, sizeof subjects - 1);
    if (!rc)
        rc = qaward_memstore_new(&ms, ctx);
    if (!rc)
        rc = qaward_memstore_load_json(ms, ctx, hist, sizeof hist - 1);
    if (!rc)
        rc = qaward_memstore_as_store(&st, ms);
    if (!rc)
        rc = qaward_checker_new(&c, ctx, p, &st);
    if (!rc)
        rc = qaward_checker_fast_list(stat, ear, NULL, c, l, 20250401);
    qaward_checker_free(c);
    qaward_memstore_free(ms);
    qaward_subject_list_free(l);
    qaward_policy_free(p);
    return rc;
}

static void checker_many_survives_every_failing_allocation(void **state)
{
    (void)state;
    assert_true(oom_run("checker_many", scenario_checker_many) >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_layer_survives_every_failing_allocation),
        cmocka_unit_test(cycle_survives_every_failing_allocation),
        cmocka_unit_test(sanctions_survive_every_failing_allocation),
        cmocka_unit_test(checker_many_survives_every_failing_allocation),
        cmocka_unit_test(facts_cycle_survives_every_failing_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

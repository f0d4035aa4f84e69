/* Issue 7.2: every public call under a failing allocator returns OK or ENOMEM,
 * never crashes, never leaks. Each module adds its scenarios here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "oom.h"
#include "sample_cycle.h"
#include "json.h"
#include <stdio.h>
#include <stdlib.h>

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
    static const char doc[] = SAMPLE_CYCLE_DOC;
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

/* ---- Helpers: source files read once with malloc (outside the failing allocator). */
#define TRY(x)                                                                                                         \
    do {                                                                                                               \
        if ((rc = (x)) != QAWARD_OK)                                                                                   \
            goto out;                                                                                                  \
    } while (0)

typedef struct srcfile {
    const char *rel;
    char *text;
    size_t len;
} srcfile;

static srcfile F_POLICY = {"data/policies/jian-2023.json", NULL, 0}, F_RULES = {"data/review-rules/jian-2025-example.json", NULL, 0},
               F_SCHEME = {"data/schemes/individual-example.json", NULL, 0},
               F_SHEETS = {"data/examples/sheets-2025-individual.json", NULL, 0},
               F_APPLICANTS = {"data/examples/applicants.json", NULL, 0}, F_HISTORY = {"data/examples/history.json", NULL, 0},
               F_CALENDAR = {"data/calendars/cn-2023-2026.json", NULL, 0}, F_PROCEDURE = {"data/procedures/jian-2023.json", NULL, 0},
               F_TIMELINE = {"data/examples/timeline-2025.json", NULL, 0},
               F_CYCLE = {"data/examples/cycle-lakeside-2025.json", NULL, 0};

static void load(srcfile *f)
{
    if (f->text)
        return;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", QA_SOURCE_ROOT, f->rel);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "cannot open %s\n", path);
        abort();
    }
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    f->text = malloc((size_t)n + 1);
    if (!f->text || fread(f->text, 1, (size_t)n, fp) != (size_t)n)
        abort();
    f->text[n] = 0;
    f->len = (size_t)n;
    fclose(fp);
}

static long points_total;

static void run(const char *name, oom_scenario_fn fn, long at_least)
{
    long n = oom_run(name, fn);
    fprintf(stderr, "oom %-14s %6ld failure points\n", name, n);
    points_total += n;
    assert_true(n >= at_least);
}

/* Policy: load (file), built-in, free. */
static int scenario_policy(qaward_ctx *ctx)
{
    qaward_policy *a = NULL, *b = NULL;
    int rc;
    TRY(qaward_policy_load_json(&a, ctx, F_POLICY.text, F_POLICY.len));
    TRY(qaward_policy_builtin(&b, ctx, "lakeside-2024"));
    int32_t max;
    size_t group;
    int pooled;
    int64_t fen;
    qaward_date d1, d2;
    int r1, r2;
    int32_t w;
    TRY(qaward_policy_quota(&max, &group, &pooled, ctx, a, "award", "organization"));
    TRY(qaward_policy_prize(&fen, ctx, a, "award", "organization"));
    TRY(qaward_policy_ban_window(&d1, &d2, ctx, a, "fraud_bribery", 20240310));
    TRY(qaward_policy_sanction_info(&r1, &r2, &w, ctx, a, "fraud_bribery"));
    TRY(qaward_policy_reapply_date(&d1, ctx, a, "award", 20201220));
out:
    qaward_policy_free(a);
    qaward_policy_free(b);
    return rc;
}

/* Review rules: load (file), built-in, free. */
static int scenario_review_rules(qaward_ctx *ctx)
{
    qaward_review_rules *a = NULL, *b = NULL;
    int rc;
    TRY(qaward_review_rules_load_json(&a, ctx, F_RULES.text, F_RULES.len));
    TRY(qaward_review_rules_builtin(&b, ctx, "lakeside-2025-example"));
out:
    qaward_review_rules_free(a);
    qaward_review_rules_free(b);
    return rc;
}

/* Scheme: load (file), built-in, free. */
static int scenario_scheme(qaward_ctx *ctx)
{
    qaward_scheme *a = NULL, *b = NULL;
    int rc;
    TRY(qaward_scheme_load_json(&a, ctx, F_SCHEME.text, F_SCHEME.len));
    TRY(qaward_scheme_builtin(&b, ctx, "gbt19580-2012"));
out:
    qaward_scheme_free(a);
    qaward_scheme_free(b);
    return rc;
}

/* Sheets (file and built by calls), scores, composites and their JSON/text. */
static int scenario_sheets_scores_composites(qaward_ctx *ctx)
{
    qaward_scheme *sc = NULL;
    qaward_review_rules *r = NULL;
    qaward_sheets *sh = NULL, *built = NULL;
    qaward_scores *s = NULL;
    qaward_composites *c = NULL;
    char *out = NULL;
    int rc;
    TRY(qaward_scheme_builtin(&sc, ctx, "individual-example"));
    TRY(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"));
    TRY(qaward_sheets_scheme_name(&out, ctx, F_SHEETS.text, F_SHEETS.len));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_sheets_load_json(&sh, ctx, sc, F_SHEETS.text, F_SHEETS.len));
    TRY(qaward_sheets_validate(ctx, sh));
    TRY(qaward_sheets_new(&built, ctx, sc));
    size_t idx;
    TRY(qaward_sheets_add(&idx, ctx, built, "X", "material", "E1", QAWARD_ROLE_ASSESSOR));
    TRY(qaward_sheets_set(ctx, built, idx, "I1.1", 80, "good"));
    TRY(qaward_sheets_set_at(ctx, built, idx, 1, 60, NULL));
    TRY(qaward_sheets_set_kind(ctx, built, "X", "individual"));
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    TRY(qaward_score_options_from_rules(&o, ctx, r));
    TRY(qaward_scores_compute(&s, ctx, sh, &o));
    TRY(qaward_scores_to_json(&out, ctx, s));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_scores_to_text(&out, ctx, s, "zh"));
    qaward_string_free(ctx, out);
    out = NULL;
    const qaward_scores *const list[1] = {s};
    TRY(qaward_composites_compute(&c, ctx, r, 1, list));
    TRY(qaward_composites_to_json(&out, ctx, c));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_composites_to_text(&out, ctx, c, "en"));
    qaward_string_free(ctx, out);
    out = NULL;
out:
    qaward_composites_free(c);
    qaward_scores_free(s);
    qaward_sheets_free(built);
    qaward_sheets_free(sh);
    qaward_review_rules_free(r);
    qaward_scheme_free(sc);
    return rc;
}

/* Subject: every setter, employer, secrets, JSON in (single, list) and out. */
static int scenario_subject(qaward_ctx *ctx)
{
    qaward_subject *s = NULL, *ind = NULL, *emp = NULL, *one = NULL;
    qaward_subject_list *l = NULL;
    qaward_policy *p = NULL;
    char *out = NULL;
    int rc;
    TRY(qaward_policy_builtin(&p, ctx, "jian-2023"));
    TRY(qaward_subject_new(&s, ctx, "org-x", "organization"));
    TRY(qaward_subject_set_name(s, ctx, "某某有限公司"));
    TRY(qaward_subject_set_region(s, ctx, "360802"));
    TRY(qaward_subject_set_legal_person(s, ctx, 1));
    TRY(qaward_subject_set_for_profit(s, ctx, 1));
    TRY(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 20120618));
    TRY(qaward_subject_set_date(s, ctx, QAWARD_DATE_EXCELLENCE_SINCE, 20210101));
    TRY(qaward_subject_add_certificate(s, ctx, "iso9001", NULL, 20160301, 20260228));
    TRY(qaward_subject_add_certificate(s, ctx, "safety_standardisation", "3", 20200101, QAWARD_DATE_NONE));
    TRY(qaward_subject_add_event(s, ctx, "production_safety_accident", "一般", 0, 20230505));
    TRY(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1));
    TRY(qaward_subject_set_profit(s, ctx, 2023, 1000000));
    TRY(qaward_subject_set_profit(s, ctx, 2024, -5));
    TRY(qaward_subject_set_attestation(s, ctx, "no_major_quality_accident", 1));
    TRY(qaward_subject_mark_secret(s, ctx, "net_profit_fen"));
    TRY(qaward_subject_bind(s, ctx, p));
    TRY(qaward_subject_to_json(&out, s, ctx, 0));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_subject_to_json(&out, s, ctx, 1));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_subject_new(&ind, ctx, "ind-x", "individual"));
    TRY(qaward_subject_set_date(ind, ctx, QAWARD_DATE_QUALITY_WORK_SINCE, 20100101));
    TRY(qaward_subject_employer(&emp, ctx, ind));
    TRY(qaward_subject_set_region(emp, ctx, "360802"));
    TRY(qaward_subject_bind(ind, ctx, p)); /* the individual and its employer */
    TRY(qaward_subject_to_json(&out, ind, ctx, 0));
    TRY(qaward_subject_load_json(&one, ctx, out, strlen(out)));
    TRY(qaward_subject_list_load_json(&l, ctx, F_APPLICANTS.text, F_APPLICANTS.len));
    TRY(qaward_subject_list_bind(l, ctx, p)); /* every subject and employer of the list */
out:
    qaward_string_free(ctx, out);
    qaward_subject_list_free(l);
    qaward_subject_free(one);
    qaward_subject_free(ind);
    qaward_subject_free(s);
    qaward_policy_free(p);
    return rc;
}

/* Memory store: new, add records, load JSON, to JSON. */
static int scenario_memstore(qaward_ctx *ctx)
{
    qaward_memstore *ms = NULL;
    char *out = NULL;
    int rc;
    TRY(qaward_memstore_new(&ms, ctx));
    qaward_award_record a;
    qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
    a.subject_id = "S";
    a.level = "award";
    a.kind = "organization";
    a.cycle_id = "2019-2020";
    a.award_date = 20201220;
    a.prize_fen = 50000000;
    TRY(qaward_memstore_add_award(ms, ctx, &a));
    qaward_sanction_record r;
    qaward_sanction_record_init(&r, QAWARD_SANCTION_RECORD_VERSION);
    r.subject_id = "T";
    r.kind = "false_materials";
    r.decided_on = 20230310;
    r.citation = "第二十条";
    TRY(qaward_memstore_add_sanction(ms, ctx, &r));
    TRY(qaward_memstore_load_json(ms, ctx, F_HISTORY.text, F_HISTORY.len));
    TRY(qaward_memstore_to_json(&out, ms, ctx));
out:
    qaward_string_free(ctx, out);
    qaward_memstore_free(ms);
    return rc;
}

/* A caller's own store (not the memory store): its read_fn hands records to
 * the library's history collector, which copies them (qaward_history_add_*). */
static int history_read(void *userdata, const char *subject_id, qaward_history *out)
{
    (void)userdata;
    qaward_award_record a;
    qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
    a.subject_id = subject_id;
    a.level = "award";
    a.kind = "organization";
    a.cycle_id = "2021-2022";
    a.award_date = 20221220;
    a.prize_fen = 50000000;
    int rc = qaward_history_add_award(out, &a);
    if (rc)
        return rc;
    qaward_sanction_record r;
    qaward_sanction_record_init(&r, QAWARD_SANCTION_RECORD_VERSION);
    r.subject_id = subject_id;
    r.kind = "false_materials";
    r.decided_on = 20230310;
    r.citation = "第二十条";
    return qaward_history_add_sanction(out, &r);
}

static int scenario_history_collector(qaward_ctx *ctx)
{
    qaward_policy *p = NULL;
    qaward_subject_list *l = NULL;
    qaward_verdict *v = NULL;
    int rc;
    qaward_store st;
    qaward_store_init(&st, QAWARD_STORE_VERSION);
    st.read_fn = history_read;
    TRY(qaward_policy_builtin(&p, ctx, "jian-2023"));
    TRY(qaward_subject_list_load_json(&l, ctx, F_APPLICANTS.text, F_APPLICANTS.len));
    for (size_t i = 0; i < qaward_subject_list_count(l); i++) {
        TRY(qaward_check(&v, ctx, p, qaward_subject_list_get(l, i), &st, 20250601));
        /* the collected finding of 2023-03-10 bans everyone until 2026 (Art. 20) */
        assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
        qaward_verdict_free(v);
        v = NULL;
    }
out:
    qaward_verdict_free(v);
    qaward_subject_list_free(l);
    qaward_policy_free(p);
    return rc;
}

/* Eligibility: every sample applicant checked with history; verdict JSON and
 * text (both languages), lazily built messages; checker (full and fast); batch JSON. */
static int scenario_check(qaward_ctx *ctx)
{
    qaward_policy *p = NULL;
    qaward_memstore *ms = NULL;
    qaward_subject_list *l = NULL;
    qaward_checker *ck = NULL;
    qaward_verdict *v = NULL;
    char *out = NULL;
    int rc;
    TRY(qaward_policy_builtin(&p, ctx, "jian-2023"));
    TRY(qaward_memstore_new(&ms, ctx));
    TRY(qaward_memstore_load_json(ms, ctx, F_HISTORY.text, F_HISTORY.len));
    qaward_store st;
    TRY(qaward_memstore_as_store(&st, ms));
    TRY(qaward_subject_list_load_json(&l, ctx, F_APPLICANTS.text, F_APPLICANTS.len));
    TRY(qaward_checker_new(&ck, ctx, p, &st));
    qaward_subject *s;
    for (size_t i = 0; (s = qaward_subject_list_get(l, i)) != NULL; i++) {
        TRY(qaward_check(&v, ctx, p, s, &st, 20250601));
        for (size_t k = 0; k < qaward_verdict_check_count(v); k++) {
            if (!qaward_verdict_check_message(v, k, QAWARD_LANG_ZH) || !qaward_verdict_check_facts(v, k) ||
                !qaward_verdict_check_threshold(v, k)) {
                rc = qaward_ctx_status(ctx) ? qaward_ctx_status(ctx) : QAWARD_ENOMEM;
                goto out;
            }
        }
        TRY(qaward_verdict_to_json(&out, v, ctx));
        qaward_string_free(ctx, out);
        out = NULL;
        TRY(qaward_verdict_to_text(&out, v, ctx, QAWARD_LANG_ZH));
        qaward_string_free(ctx, out);
        out = NULL;
        TRY(qaward_verdict_to_text(&out, v, ctx, QAWARD_LANG_EN));
        qaward_string_free(ctx, out);
        out = NULL;
        qaward_verdict_free(v);
        v = NULL;
        TRY(qaward_checker_check(&v, ck, s, 20250601));
        qaward_verdict_free(v);
        v = NULL;
        int status;
        qaward_date earliest;
        uint32_t codes[64];
        uint8_t outcomes[64];
        size_t n;
        TRY(qaward_checker_fast(&status, &earliest, codes, outcomes, 64, &n, ck, s, 20250601));
    }
    TRY(qaward_check_batch_json(&out, ctx, p, &st, 20250601, F_APPLICANTS.text, F_APPLICANTS.len, 0));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_check_batch_json(&out, ctx, p, &st, 20250601, F_APPLICANTS.text, F_APPLICANTS.len,
                                QAWARD_BATCH_BRIEF | QAWARD_BATCH_PRETTY));
out:
    qaward_string_free(ctx, out);
    qaward_verdict_free(v);
    qaward_checker_free(ck);
    qaward_subject_list_free(l);
    qaward_memstore_free(ms);
    qaward_policy_free(p);
    return rc;
}

static int every_weekday(void *opaque, qaward_date d, int *out)
{
    (void)opaque;
    int wd = qaward_date_weekday(d);
    *out = wd >= 1 && wd <= 5;
    return 0;
}

/* Calendar: load (file), built-in, merge, callbacks, queries, to JSON. */
static int scenario_calendar(qaward_ctx *ctx)
{
    static const char extra[] =
        "{\"format\":\"qaward-calendar\",\"version\":1,\"name\":\"x\",\"years\":[{\"year\":2027,"
        "\"holidays\":[{\"name\":\"元旦\",\"first\":\"2027-01-01\",\"last\":\"2027-01-03\"}],\"makeup_working_days\":[\"2027-01-09\"]}]}";
    qaward_calendar *a = NULL, *b = NULL, *cb = NULL;
    char *out = NULL;
    int rc;
    TRY(qaward_calendar_load_json(&a, ctx, F_CALENDAR.text, F_CALENDAR.len));
    TRY(qaward_calendar_builtin(&b, ctx, "cn-2023-2026"));
    TRY(qaward_calendar_merge_json(b, ctx, extra, sizeof extra - 1));
    qaward_calendar_callbacks c;
    qaward_calendar_callbacks_init(&c, QAWARD_CALENDAR_CALLBACKS_VERSION);
    c.is_working_day_fn = every_weekday;
    TRY(qaward_calendar_from_callbacks(&cb, ctx, &c));
    int w;
    int32_t n;
    qaward_date end;
    TRY(qaward_calendar_is_working_day(&w, ctx, b, 20270104));
    TRY(qaward_calendar_working_days(&n, ctx, a, 20250926, 20251010));
    TRY(qaward_calendar_notice_end(&end, ctx, cb, 20250926, 5));
    TRY(qaward_calendar_to_json(&out, b, ctx));
out:
    qaward_string_free(ctx, out);
    qaward_calendar_free(cb);
    qaward_calendar_free(b);
    qaward_calendar_free(a);
    return rc;
}

/* Procedure: load (file), built-in, notices, refusal letters, a timeline
 * driven call by call through every stage with an objection, public lists,
 * and the sample timeline document validated. */
static int scenario_procedure(qaward_ctx *ctx)
{
    static const char *const ALL[] = {"O", "I", "R"};
    qaward_procedure *a = NULL, *p = NULL;
    qaward_calendar *cal = NULL;
    qaward_refusal *r = NULL;
    qaward_timeline *t = NULL;
    char *out = NULL;
    int rc;
    TRY(qaward_procedure_load_json(&a, ctx, F_PROCEDURE.text, F_PROCEDURE.len));
    TRY(qaward_procedure_builtin(&p, ctx, "jian-2023"));
    TRY(qaward_calendar_builtin(&cal, ctx, "cn-2023-2026"));
    int sat;
    int32_t wd;
    TRY(qaward_notice_check(&sat, &wd, ctx, p, cal, "acceptance", 20250926, 20251009));
    TRY(qaward_notice_check_json(&out, ctx, p, cal, "acceptance", 20250926, 20251002));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_refusal_new(&r, ctx, "甲公司"));
    TRY(qaward_refusal_add_reason(r, ctx, "art10_4", 0, "第十条（四）", "Art. 10(4)", "不满三年", "under 3 years"));
    TRY(qaward_refusal_letter(&out, r, ctx, p, 20250919, QAWARD_LANG_ZH));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_refusal_to_json(&out, r, ctx, p, 20250919));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_timeline_new(&t, ctx, p, cal));
    TRY(qaward_timeline_add_applicant(t, ctx, "O", "吉安示例电子科技有限公司", "organization", 20250825));
    TRY(qaward_timeline_add_applicant(t, ctx, "I", "张示例", "individual", 20250825));
    TRY(qaward_timeline_add_applicant(t, ctx, "R", "乙公司", "organization", 20250825));
    TRY(qaward_timeline_add_field(t, ctx, "O", "product", "主轴", 0));
    TRY(qaward_timeline_add_field(t, ctx, "O", "process", "secret", 1));
    TRY(qaward_timeline_add_notice(t, ctx, "internal", 20250825, 20250829, ALL, 3));
    TRY(qaward_timeline_objection_open(t, ctx, "OB1", "O", 20250827, "internal"));
    TRY(qaward_timeline_objection_resolve(t, ctx, "OB1", 20250829, 0, "异议不成立"));
    TRY(qaward_timeline_advance(t, ctx, "O", "recommended", 20250901));
    TRY(qaward_timeline_advance(t, ctx, "I", "recommended", 20250901));
    TRY(qaward_timeline_advance(t, ctx, "R", "recommended", 20250901));
    TRY(qaward_timeline_add_notice(t, ctx, "county", 20250902, 20250908, ALL, 3));
    TRY(qaward_timeline_advance(t, ctx, "O", "qualification", 20250909));
    TRY(qaward_timeline_advance(t, ctx, "I", "qualification", 20250909));
    TRY(qaward_timeline_advance(t, ctx, "R", "qualification", 20250909));
    TRY(qaward_timeline_refuse(t, ctx, "R", 20250919, r));
    TRY(qaward_timeline_set_qualification(t, ctx, "O", QAWARD_QUALIFICATION_PASSED));
    TRY(qaward_timeline_set_qualification(t, ctx, "I", QAWARD_QUALIFICATION_PASSED));
    TRY(qaward_timeline_add_notice(t, ctx, "acceptance", 20250926, 20251009, ALL, 2));
    TRY(qaward_timeline_advance(t, ctx, "O", "material_review", 20251010));
    TRY(qaward_timeline_advance(t, ctx, "I", "material_review", 20251010));
    TRY(qaward_timeline_set_score(t, ctx, "O", "material_review", 81235));
    TRY(qaward_timeline_set_score(t, ctx, "I", "material_review", 8800));
    TRY(qaward_timeline_add_notice(t, ctx, "candidates", 20251020, 20251024, ALL, 2));
    TRY(qaward_timeline_set_site_review(t, ctx, "I", 20251028, 20251028));
    TRY(qaward_timeline_advance(t, ctx, "I", "site_review", 20251027));
    TRY(qaward_timeline_drop(t, ctx, "I", 20251103, "未列入候选名单"));
    TRY(qaward_timeline_public_list_json(&out, t, ctx, "acceptance"));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_timeline_to_json(&out, t, ctx));
    qaward_string_free(ctx, out);
    out = NULL;
    size_t violations;
    TRY(qaward_timeline_validate_json(&out, &violations, ctx, p, cal, F_TIMELINE.text, F_TIMELINE.len));
    qaward_string_free(ctx, out);
    out = NULL;
    qaward_timeline_free(t);
    t = NULL;
    TRY(qaward_timeline_load_json(&t, &out, &violations, ctx, NULL, NULL, F_TIMELINE.text, F_TIMELINE.len));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_timeline_refusal_letter(&out, t, ctx, "A2", 1));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_timeline_public_list_json(&out, t, ctx, "candidates"));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_timeline_public_list_text(&out, t, ctx, "candidates", 1));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_timeline_report_text(&out, t, ctx, 0));
out:
    qaward_string_free(ctx, out);
    qaward_timeline_free(t);
    qaward_refusal_free(r);
    qaward_calendar_free(cal);
    qaward_procedure_free(p);
    qaward_procedure_free(a);
    return rc;
}

/* A cycle built call by call (every setter), run, reported, finalised; and
 * the fictional pooled sample loaded from file and serialised. */
/* A report sink that only counts the bytes it is given. */
static int count_sink(void *userdata, const char *data, size_t len)
{
    (void)data;
    *(size_t *)userdata += len;
    return 0;
}

static int scenario_cycle_calls(qaward_ctx *ctx)
{
    qaward_policy *p = NULL;
    qaward_review_rules *r = NULL;
    qaward_cycle *c = NULL, *f = NULL;
    qaward_memstore *ms = NULL;
    char *out = NULL;
    int rc;
    TRY(qaward_memstore_new(&ms, ctx));
    qaward_store st;
    TRY(qaward_memstore_as_store(&st, ms));
    TRY(qaward_policy_builtin(&p, ctx, "jian-2023"));
    TRY(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"));
    TRY(qaward_cycle_new(&c, ctx, p, r, "2025", 20251218));
    size_t a, b, i;
    TRY(qaward_cycle_add_candidate(&a, ctx, c, "A", "甲公司", "organization"));
    TRY(qaward_cycle_add_candidate(&b, ctx, c, "B", "乙公司", "organization"));
    TRY(qaward_cycle_add_candidate(&i, ctx, c, "I", "张三", "individual"));
    TRY(qaward_cycle_set_verdict(ctx, c, a, QAWARD_CYCLE_ELIGIBLE));
    TRY(qaward_cycle_set_verdict(ctx, c, b, QAWARD_CYCLE_INELIGIBLE));
    TRY(qaward_cycle_add_reason(ctx, c, b, "art20", "第二十条", "禁", "banned"));
    TRY(qaward_cycle_set_verdict(ctx, c, i, QAWARD_CYCLE_ELIGIBLE));
    TRY(qaward_cycle_set_composite(ctx, c, a, 85000));
    TRY(qaward_cycle_set_defence(ctx, c, a, 1));
    TRY(qaward_cycle_set_vote(ctx, c, a, 9, 1, 0, 10, 12));
    TRY(qaward_cycle_add_note(ctx, c, a, "k", "v", 1));
    TRY(qaward_cycle_set_scores_secret(ctx, c, a, 1));
    TRY(qaward_cycle_set_stage_total(ctx, c, i, "material", 8000));
    TRY(qaward_cycle_set_stage_total(ctx, c, i, "site", 7500));
    TRY(qaward_cycle_set_vote(ctx, c, i, 9, 1, 0, 10, 12));
    TRY(qaward_cycle_run(ctx, c, &st));
    TRY(qaward_cycle_report(&out, ctx, c, QAWARD_REPORT_TEXT, QAWARD_LANG_EN, 0));
    qaward_string_free(ctx, out);
    out = NULL;
    size_t streamed = 0;
    TRY(qaward_cycle_report_write(ctx, c, QAWARD_REPORT_JSON, QAWARD_LANG_ZH, 1, count_sink, &streamed));
    TRY(qaward_cycle_to_json(&out, c, ctx));
    qaward_string_free(ctx, out);
    out = NULL;
    TRY(qaward_cycle_finalise(ctx, c, &st));
    TRY(qaward_cycle_load_json(&f, ctx, F_CYCLE.text, F_CYCLE.len));
    TRY(qaward_cycle_run(ctx, f, NULL));
    TRY(qaward_cycle_to_json(&out, f, ctx));
out:
    qaward_string_free(ctx, out);
    qaward_cycle_free(f);
    qaward_cycle_free(c);
    qaward_memstore_free(ms);
    qaward_review_rules_free(r);
    qaward_policy_free(p);
    return rc;
}

/* Sanctions: compute without a store write, for a kind that does not revoke. */
static int scenario_sanction_compute(qaward_ctx *ctx)
{
    qaward_policy *p = NULL;
    qaward_memstore *ms = NULL;
    int rc;
    TRY(qaward_policy_builtin(&p, ctx, "jian-2023"));
    TRY(qaward_memstore_new(&ms, ctx));
    TRY(qaward_memstore_load_json(ms, ctx, F_HISTORY.text, F_HISTORY.len));
    qaward_store st;
    TRY(qaward_memstore_as_store(&st, ms));
    qaward_finding f;
    qaward_finding_init(&f, QAWARD_FINDING_VERSION);
    f.subject_id = "org-yongfeng-pharma";
    f.kind = "fraud_bribery";
    f.decided_on = 20240310;
    qaward_sanction_outcome o;
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
    TRY(qaward_sanction_compute(&o, ctx, p, &st, &f));
    f.kind = "false_materials";
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
    TRY(qaward_sanction_apply(&o, ctx, p, &st, &f));
out:
    qaward_memstore_free(ms);
    qaward_policy_free(p);
    return rc;
}

/* One cmocka test per scenario: run it for every failing allocation and
 * require at least `at_least` failure points (the scenario really allocates). */
#define OOM_TEST(test, label, scenario, at_least)                                                                      \
    static void test(void **state)                                                                                     \
    {                                                                                                                  \
        (void)state;                                                                                                   \
        run(label, scenario, at_least);                                                                                \
    }

OOM_TEST(policy_survives_every_failing_allocation, "policy", scenario_policy, 10)
OOM_TEST(review_rules_survive_every_failing_allocation, "review_rules", scenario_review_rules, 5)
OOM_TEST(scheme_survives_every_failing_allocation, "scheme", scenario_scheme, 5)
/* A cycle document carrying every kind of sub-document inline: policy, review
 * rules, history, a candidate's subject and a sheets document, each built from
 * the parsed tree (no re-encoded copy). */
static char *sub_docs_cycle;
static size_t sub_docs_cycle_len;

static int scenario_cycle_sub_documents(qaward_ctx *ctx)
{
    qaward_cycle *c = NULL;
    int rc;
    TRY(qaward_cycle_load_json(&c, ctx, sub_docs_cycle, sub_docs_cycle_len));
    TRY(qaward_cycle_run(ctx, c, NULL));
out:
    qaward_cycle_free(c);
    return rc;
}

static void cycle_sub_documents_survive_every_failing_allocation(void **state)
{
    (void)state;
    size_t n = F_POLICY.len + F_RULES.len + F_HISTORY.len + F_SHEETS.len + 1024;
    sub_docs_cycle = malloc(n);
    assert_non_null(sub_docs_cycle);
    int len = snprintf(sub_docs_cycle, n,
                       "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"as_of\":\"2025-06-30\","
                       "\"decision_date\":\"2025-12-18\"},\n\"policy\":%s,\n\"review_rules\":%s,\n\"history\":%s,\n"
                       "\"candidates\":[{\"id\":\"IND-001\",\"kind\":\"individual\",\"subject\":"
                       "{\"region_code\":\"360802\"}},{\"id\":\"IND-002\",\"kind\":\"individual\","
                       "\"verdict\":\"eligible\"}],\n\"sheets\":[%s]}",
                       F_POLICY.text, F_RULES.text, F_HISTORY.text, F_SHEETS.text);
    assert_true(len > 0 && (size_t)len < n);
    sub_docs_cycle_len = (size_t)len;
    run("cycle subdocs", scenario_cycle_sub_documents, 20);
    free(sub_docs_cycle);
}
OOM_TEST(sheets_scores_composites_survive_every_failing_allocation, "scoring", scenario_sheets_scores_composites, 20)
OOM_TEST(subject_survives_every_failing_allocation, "subject", scenario_subject, 20)
OOM_TEST(memstore_survives_every_failing_allocation, "memstore", scenario_memstore, 5)
OOM_TEST(history_collector_survives_every_failing_allocation, "history collector", scenario_history_collector, 10)
OOM_TEST(check_survives_every_failing_allocation, "check", scenario_check, 50)
OOM_TEST(calendar_survives_every_failing_allocation, "calendar", scenario_calendar, 5)
OOM_TEST(procedure_survives_every_failing_allocation, "procedure", scenario_procedure, 30)
OOM_TEST(cycle_calls_survive_every_failing_allocation, "cycle_calls", scenario_cycle_calls, 20)
OOM_TEST(sanction_compute_survives_every_failing_allocation, "sanction2", scenario_sanction_compute, 5)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_layer_survives_every_failing_allocation),
        cmocka_unit_test(cycle_survives_every_failing_allocation),
        cmocka_unit_test(sanctions_survive_every_failing_allocation),
        cmocka_unit_test(checker_many_survives_every_failing_allocation),
        cmocka_unit_test(facts_cycle_survives_every_failing_allocation),
        cmocka_unit_test(policy_survives_every_failing_allocation),
        cmocka_unit_test(review_rules_survive_every_failing_allocation),
        cmocka_unit_test(scheme_survives_every_failing_allocation),
        cmocka_unit_test(sheets_scores_composites_survive_every_failing_allocation),
        cmocka_unit_test(cycle_sub_documents_survive_every_failing_allocation),
        cmocka_unit_test(subject_survives_every_failing_allocation),
        cmocka_unit_test(memstore_survives_every_failing_allocation),
        cmocka_unit_test(history_collector_survives_every_failing_allocation),
        cmocka_unit_test(check_survives_every_failing_allocation),
        cmocka_unit_test(calendar_survives_every_failing_allocation),
        cmocka_unit_test(procedure_survives_every_failing_allocation),
        cmocka_unit_test(cycle_calls_survive_every_failing_allocation),
        cmocka_unit_test(sanction_compute_survives_every_failing_allocation),
    };
    srcfile *files[] = {&F_POLICY, &F_RULES, &F_SCHEME, &F_SHEETS, &F_APPLICANTS, &F_HISTORY,
                        &F_CALENDAR, &F_PROCEDURE, &F_TIMELINE, &F_CYCLE};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        load(files[i]);
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    fprintf(stderr, "oom: %ld failure points in the new scenarios\n", points_total);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        free(files[i]->text);
    return failed;
}

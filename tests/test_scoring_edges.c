/* Scoring edges: sheets refused by value, aggregation options and their
 * versions, consensus-only and large panels, results text in both languages,
 * composites with missing stages (Art. 13(二)(四)–(六), R14). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scoring_internal.h"

static qaward_ctx *ctx;
static qaward_scheme *ind; /* individual-example: I1.1 10, I1.2 10, I2.1 25, I2.2 15, I3.1 25, I3.2 15 points */

static int setup(void **s)
{
    (void)s;
    if (qaward_ctx_new(&ctx, NULL))
        return -1;
    return qaward_scheme_builtin(&ind, ctx, "individual-example");
}
static int teardown(void **s)
{
    (void)s;
    qaward_scheme_free(ind);
    qaward_ctx_free(ctx);
    return 0;
}

#define MSG(s) assert_string_equal(qaward_ctx_message(ctx), (s))

static qaward_sheets *new_sheets(void)
{
    qaward_sheets *s;
    assert_int_equal(qaward_sheets_new(&s, ctx, ind), 0);
    return s;
}

/* A sheet with every item at pct. */
static size_t sheet(qaward_sheets *s, const char *app, const char *stage, const char *who, int role, int pct)
{
    size_t idx;
    assert_int_equal(qaward_sheets_add(&idx, ctx, s, app, stage, who, role), 0);
    for (size_t i = 0; i < qaward_scheme_item_count(ind); i++)
        assert_int_equal(qaward_sheets_set_at(ctx, s, idx, i, pct, NULL), 0);
    return idx;
}

static qaward_score_options opts(int method, size_t min, int spread)
{
    qaward_score_options o;
    assert_int_equal(qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION), 0);
    o.aggregation = method;
    o.min_assessors = min;
    o.spread_threshold_pct = spread;
    return o;
}

/* ---- sheets ------------------------------------------------------------------------ */

static void sheet_values_refused_with_their_name(void **s)
{
    (void)s;
    qaward_sheets *sh = new_sheets();
    size_t idx = 99;
    assert_int_equal(qaward_sheets_add(&idx, ctx, sh, "", "material", "E1", QAWARD_ROLE_ASSESSOR), QAWARD_EINVAL);
    MSG("sheet: applicant, stage and assessor must be non-empty");
    assert_int_equal(qaward_sheets_add(&idx, ctx, sh, "P", "", "E1", QAWARD_ROLE_ASSESSOR), QAWARD_EINVAL);
    MSG("sheet: applicant, stage and assessor must be non-empty");
    assert_int_equal(qaward_sheets_add(&idx, ctx, sh, "P", "material", "", QAWARD_ROLE_ASSESSOR), QAWARD_EINVAL);
    MSG("sheet: applicant, stage and assessor must be non-empty");
    assert_int_equal(qaward_sheets_add(&idx, ctx, sh, "P", "material", "E1", 0), QAWARD_EINVAL);
    MSG("sheet: role 0 is not a qaward_sheet_role");
    assert_int_equal(qaward_sheets_add(&idx, ctx, sh, "P", "material", "E1", 4), QAWARD_EINVAL);
    MSG("sheet: role 4 is not a qaward_sheet_role");
    assert_int_equal(idx, 99);
    assert_int_equal(qaward_sheets_count(sh), 0);
    assert_int_equal(qaward_sheets_count(NULL), 0);
    /* the index out-parameter is optional */
    assert_int_equal(qaward_sheets_add(NULL, ctx, sh, "P", "material", "E1", QAWARD_ROLE_ASSESSOR), 0);
    assert_int_equal(qaward_sheets_count(sh), 1);
    assert_int_equal(qaward_sheets_set_at(ctx, sh, 1, 0, 50, NULL), QAWARD_EINVAL);
    MSG("qaward_sheets_set_at: sheet 1 or item 0 does not exist");
    assert_int_equal(qaward_sheets_set_at(ctx, sh, 0, 6, 50, NULL), QAWARD_EINVAL);
    MSG("qaward_sheets_set_at: sheet 0 or item 6 does not exist");
    assert_int_equal(qaward_sheets_set_at(ctx, sh, 0, 0, 101, NULL), QAWARD_ERANGE);
    MSG("sheet 0 (applicant P, stage material, assessor E1): item I1.1: 101% is outside 0..100");
    assert_int_equal(qaward_sheets_set_at(ctx, sh, 0, 0, 7, NULL), QAWARD_ERANGE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "item I1.1: 7% is not a multiple of"));
    assert_int_equal(qaward_sheets_set_kind(ctx, sh, "", "individual"), QAWARD_EINVAL);
    MSG("qaward_sheets_set_kind: NULL or empty argument");
    assert_int_equal(qaward_sheets_set_kind(ctx, sh, "P", ""), QAWARD_EINVAL);
    MSG("qaward_sheets_set_kind: NULL or empty argument");
    /* an incomplete sheet is refused by scores_compute, naming the first item missing */
    qaward_scores *sc = (qaward_scores *)1;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, NULL), QAWARD_ESCHEMA);
    MSG("sheet 0 (applicant P, stage material, assessor E1): item I1.1 is not scored");
    assert_null(sc);
    qaward_sheets_free(sh);
}

/* Comments are kept (an empty one is no comment); applicants interned by their
 * sheets before their kind is set (more than the first 16 slots). */
static void comments_and_many_applicants_kept(void **s)
{
    (void)s;
    qaward_sheets *sh = new_sheets();
    char app[16];
    for (int a = 0; a < 20; a++) {
        snprintf(app, sizeof app, "P%02d", a);
        size_t idx;
        assert_int_equal(qaward_sheets_add(&idx, ctx, sh, app, "material", "E1", QAWARD_ROLE_ASSESSOR), 0);
        for (size_t i = 0; i < 6; i++)
            assert_int_equal(qaward_sheets_set_at(ctx, sh, idx, i, 50 + 5 * (a % 5), a < 10 ? "note" : ""), 0);
    }
    assert_int_equal(sh->n_comments, 60);
    for (int a = 0; a < 20; a++) {
        snprintf(app, sizeof app, "P%02d", a);
        assert_int_equal(qaward_sheets_set_kind(ctx, sh, app, "individual"), 0);
    }
    assert_int_equal(qaward_sheets_validate(ctx, sh), 0);
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, NULL), 0);
    assert_int_equal(qaward_scores_count(sc), 20);
    size_t r;
    assert_int_equal(qaward_scores_find(&r, ctx, sc, "P19", "material", QAWARD_ROLE_ASSESSOR), 0);
    int64_t total;
    assert_int_equal(qaward_scores_totals(NULL, NULL, &total, ctx, sc, r), 0);
    assert_int_equal(total, 7000); /* 19 % 5 = 4: 70 % of 100 points */
    qaward_scores_free(sc);
    qaward_sheets_free(sh);
}

/* ---- options and aggregation ------------------------------------------------------- */

static void r14_options_versions_and_unknown_method(void **s)
{
    (void)s;
    qaward_score_options o;
    assert_int_equal(qaward_score_options_init(NULL, QAWARD_SCORE_OPTIONS_VERSION), QAWARD_EINVAL);
    assert_int_equal(qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION + 1), QAWARD_EVERSION);
    o = opts(0, 0, -1);
    o.version = 7;
    qaward_review_rules *r;
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    assert_int_equal(qaward_score_options_from_rules(&o, ctx, r), QAWARD_EVERSION);
    MSG("qaward_score_options: version 7");
    qaward_sheets *sh = new_sheets();
    sheet(sh, "P", "material", "E1", QAWARD_ROLE_ASSESSOR, 50);
    qaward_scores *sc = (qaward_scores *)1;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, &o), QAWARD_EVERSION);
    MSG("qaward_score_options: version 7");
    assert_null(sc);
    o = opts(99, 0, -1);
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, &o), QAWARD_EINVAL);
    MSG("qaward_score_options: aggregation 99 is unknown");
    /* rules that set nothing leave the options as they were */
    const char *doc = "{\"format\":\"qaward-review-rules/1\",\"id\":\"bare\"}";
    qaward_review_rules *bare;
    assert_int_equal(qaward_review_rules_load_json(&bare, ctx, doc, strlen(doc)), 0);
    o = opts(QAWARD_AGG_MEDIAN, 4, 15);
    assert_int_equal(qaward_score_options_from_rules(&o, ctx, bare), 0);
    assert_int_equal(o.aggregation, QAWARD_AGG_MEDIAN);
    assert_int_equal(o.min_assessors, 4);
    assert_int_equal(o.spread_threshold_pct, 15);
    assert_int_equal(qaward_score_options_from_rules(&o, ctx, r), 0);
    assert_int_equal(o.aggregation, QAWARD_AGG_TRIMMED_MEAN);
    assert_int_equal(o.min_assessors, 5);
    assert_int_equal(o.spread_threshold_pct, 20);
    /* names of the methods (CLI --aggregation) */
    assert_int_equal(qa_aggregation_parse("mean"), QAWARD_AGG_MEAN);
    assert_int_equal(qa_aggregation_parse("median"), QAWARD_AGG_MEDIAN);
    assert_int_equal(qa_aggregation_parse("trimmed_mean"), QAWARD_AGG_TRIMMED_MEAN);
    assert_int_equal(qa_aggregation_parse("consensus"), QAWARD_AGG_CONSENSUS);
    assert_int_equal(qa_aggregation_parse("mode"), 0);
    qaward_review_rules_free(bare);
    qaward_review_rules_free(r);
    qaward_sheets_free(sh);
}

/* R14: with an assessor and a consensus sheet but no method, the rule is named
 * with both sheets counted. */
static void r14_no_method_names_the_consensus_sheet(void **s)
{
    (void)s;
    qaward_sheets *sh = new_sheets();
    sheet(sh, "P", "site", "E1", QAWARD_ROLE_ASSESSOR, 50);
    sheet(sh, "P", "site", "panel", QAWARD_ROLE_CONSENSUS, 60);
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, NULL), QAWARD_ENORULE);
    MSG("review rule aggregation.method is not set (applicant P, stage site has 1 assessor sheets and a consensus "
        "sheet)");
    qaward_sheets_free(sh);
}

/* A consensus sheet alone decides (no assessor sheets: no spread); an assessor
 * and the consensus sheet may have the same name. */
static void art13_consensus_sheet_alone_and_same_name(void **s)
{
    (void)s;
    qaward_sheets *sh = new_sheets();
    sheet(sh, "P", "site", "panel", QAWARD_ROLE_CONSENSUS, 80);
    sheet(sh, "Q", "site", "E1", QAWARD_ROLE_ASSESSOR, 40);
    sheet(sh, "Q", "site", "E1", QAWARD_ROLE_CONSENSUS, 70);
    assert_int_equal(qaward_sheets_validate(ctx, sh), 0);
    qaward_score_options o = opts(QAWARD_AGG_CONSENSUS, 0, 10);
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, &o), 0);
    size_t r;
    int64_t total;
    int spread = -1, flagged = -1;
    assert_int_equal(qaward_scores_find(&r, ctx, sc, "P", "site", QAWARD_ROLE_ASSESSOR), 0);
    assert_int_equal(qaward_scores_totals(NULL, NULL, &total, ctx, sc, r), 0);
    assert_int_equal(total, 8000);
    assert_int_equal(qaward_scores_item_spread(&spread, &flagged, ctx, sc, r, 0), 0);
    assert_int_equal(spread, 0);
    assert_int_equal(flagged, 0);
    assert_int_equal(qaward_scores_find(&r, ctx, sc, "Q", "site", QAWARD_ROLE_ASSESSOR), 0);
    assert_int_equal(qaward_scores_totals(NULL, NULL, &total, ctx, sc, r), 0);
    assert_int_equal(total, 7000);
    /* the optional out-parameters may be NULL */
    assert_int_equal(qaward_scores_item_spread(NULL, NULL, ctx, sc, r, 5), 0);
    assert_int_equal(qaward_scores_item_spread(&spread, NULL, ctx, sc, r, 5), 0);
    assert_int_equal(spread, 0); /* one assessor sheet */
    qaward_scores_free(sc);
    qaward_sheets_free(sh);
}

/* Two sheets of one assessor for one applicant and stage: scores_compute finds
 * it even when the sheets were not validated first. */
static void duplicate_assessor_sheet_refused_by_compute(void **s)
{
    (void)s;
    qaward_sheets *sh = new_sheets();
    sheet(sh, "P", "material", "E1", QAWARD_ROLE_ASSESSOR, 50);
    sheet(sh, "P", "material", "E2", QAWARD_ROLE_ASSESSOR, 60);
    sheet(sh, "P", "material", "E1", QAWARD_ROLE_ASSESSOR, 70);
    qaward_score_options o = opts(QAWARD_AGG_MEAN, 0, -1);
    qaward_scores *sc = (qaward_scores *)1;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, &o), QAWARD_EEXISTS);
    MSG("applicant P, stage material: assessor E1 has two sheets (0 and 2)");
    assert_null(sc);
    qaward_sheets_free(sh);
}

/* At most 256 sheets per applicant and stage (the aggregation works on a fixed
 * buffer): the 257th is refused by name. */
static void art13_panel_of_257_refused_256_accepted(void **s)
{
    (void)s;
    for (int n = 256; n <= 257; n++) {
        qaward_sheets *sh = new_sheets();
        char who[16];
        for (int k = 0; k < n; k++) {
            snprintf(who, sizeof who, "E%03d", k);
            sheet(sh, "P", "material", who, QAWARD_ROLE_ASSESSOR, k % 2 ? 60 : 40);
        }
        qaward_score_options o = opts(QAWARD_AGG_MEDIAN, 0, -1);
        qaward_scores *sc = NULL;
        if (n == 256) {
            assert_int_equal(qaward_scores_compute(&sc, ctx, sh, &o), 0);
            int64_t total;
            assert_int_equal(qaward_scores_totals(NULL, NULL, &total, ctx, sc, 0), 0);
            assert_int_equal(total, 5000); /* median of 128 × 40 % and 128 × 60 % */
            qaward_scores_free(sc);
        } else {
            assert_int_equal(qaward_scores_compute(&sc, ctx, sh, &o), QAWARD_ERANGE);
            MSG("applicant P, stage material: 257 sheets (at most 256)");
        }
        qaward_sheets_free(sh);
    }
}

/* No sheets at all: no results, and both renderings are empty but valid. */
static void no_sheets_no_results(void **s)
{
    (void)s;
    qaward_sheets *sh = new_sheets();
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, NULL), 0);
    assert_int_equal(qaward_scores_count(sc), 0);
    size_t r;
    assert_int_equal(qaward_scores_find(&r, ctx, sc, "P", "material", QAWARD_ROLE_ASSESSOR), QAWARD_ENOTFOUND);
    MSG("no panel scores for applicant P at stage material");
    assert_int_equal(qaward_scores_find(&r, ctx, sc, "P", "self", QAWARD_ROLE_SELF), QAWARD_ENOTFOUND);
    MSG("no self-assessment scores for applicant P at stage self");
    char *t;
    assert_int_equal(qaward_scores_to_text(&t, ctx, sc, NULL), 0);
    assert_string_equal(t, "");
    qaward_string_free(ctx, t);
    assert_int_equal(qaward_scores_to_json(&t, ctx, sc), 0);
    assert_non_null(strstr(t, "\"aggregation\":null,"));
    assert_non_null(strstr(t, "\"results\":[]}"));
    qaward_string_free(ctx, t);
    qaward_scores_free(sc);
    qaward_sheets_free(sh);
}

/* ---- results as text ------------------------------------------------------------------ */

static void art13_results_text_flags_spread_in_both_languages(void **s)
{
    (void)s;
    qaward_sheets *sh = new_sheets();
    size_t a = sheet(sh, "P", "material", "E1", QAWARD_ROLE_ASSESSOR, 50);
    sheet(sh, "P", "material", "E2", QAWARD_ROLE_ASSESSOR, 70);
    assert_int_equal(qaward_sheets_set(ctx, sh, a, "I3.2", 90, NULL), QAWARD_EEXISTS);
    qaward_score_options o = opts(QAWARD_AGG_MEAN, 2, 15);
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, &o), 0);
    char *t;
    assert_int_equal(qaward_scores_to_text(&t, ctx, sc, "en"), 0);
    if (!strstr(t, "Applicant P — stage material (individual-example, 2 assessors, mean)\n") ||
        !strstr(t, "    I1.1    Years and roles in quality work  6.00 / 10  spread 20%  ! confer\n") ||
        !strstr(t, "  Process 36.00 / 60 · Results 24.00 / 40 · Total 60.00 / 100\n"))
        fail_msg("%s", t);
    qaward_string_free(ctx, t);
    /* no language: Chinese */
    assert_int_equal(qaward_scores_to_text(&t, ctx, sc, NULL), 0);
    if (!strstr(t, "申报者 P — 阶段 material（individual-example，评审员 2 人, mean）\n") ||
        !strstr(t, "  极差 20%  ！需合议\n") || !strstr(t, "  过程 36.00 / 60 · 结果 24.00 / 40 · 总分 60.00 / 100\n"))
        fail_msg("%s", t);
    qaward_string_free(ctx, t);
    qaward_scores_free(sc);
    qaward_sheets_free(sh);
}

/* ---- composites -------------------------------------------------------------------- */

#define RULES(kinds)                                                                                                   \
    "{\"format\":\"qaward-review-rules/1\",\"id\":\"t\",\"example\":true,\"kinds\":[" kinds "]}"

static qaward_review_rules *rules(const char *doc)
{
    qaward_review_rules *r;
    if (qaward_review_rules_load_json(&r, ctx, doc, strlen(doc)))
        fail_msg("%s", qaward_ctx_message(ctx));
    return r;
}

/* A stage the sheets never name is "-" in the text and null in JSON; the
 * composite is incomplete and says which stage is missing. */
static void art13_composite_incomplete_names_missing_stage(void **s)
{
    (void)s;
    qaward_review_rules *r =
        rules(RULES("{\"id\":\"individual\",\"stages\":[{\"id\":\"material\",\"weight_permille\":500},"
                    "{\"id\":\"site\",\"weight_permille\":500}]}"));
    qaward_sheets *sh = new_sheets();
    sheet(sh, "P", "material", "E1", QAWARD_ROLE_ASSESSOR, 60);
    assert_int_equal(qaward_sheets_set_kind(ctx, sh, "P", "individual"), 0);
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, NULL), 0);
    qaward_composites *c;
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 1, (const qaward_scores *const *)&sc), 0);
    int status = -1;
    int64_t comp = -1;
    assert_int_equal(qaward_composites_get(NULL, NULL, &status, &comp, ctx, c, 0), 0);
    assert_int_equal(status, QAWARD_COMPOSITE_INCOMPLETE);
    const char *app = NULL;
    assert_int_equal(qaward_composites_get(&app, NULL, NULL, NULL, ctx, c, 0), 0);
    assert_string_equal(app, "P");
    assert_int_equal(qaward_composites_get(&app, NULL, NULL, NULL, ctx, c, 1), QAWARD_EINVAL);
    MSG("qaward_composites_get: NULL argument or index out of range");
    int64_t t;
    assert_int_equal(qaward_composites_stage_total(&t, ctx, c, 0, "site"), QAWARD_ENOTFOUND);
    MSG("applicant P has no scores at stage site");
    assert_int_equal(qaward_composites_stage_total(&t, ctx, c, 1, "site"), QAWARD_EINVAL);
    MSG("qaward_composites_stage_total: NULL argument or index out of range");
    assert_int_equal(qaward_composites_stage_total(&t, ctx, c, 0, "material"), 0);
    assert_int_equal(t, 6000);
    char *txt;
    assert_int_equal(qaward_composites_to_text(&txt, ctx, c, "en"), 0);
    assert_string_equal(txt, "Composite scores (review rules t, example values)\n"
                             "  P            individual    incomplete: no site  [material 60.00, site -]\n");
    qaward_string_free(ctx, txt);
    assert_int_equal(qaward_composites_to_text(&txt, ctx, c, NULL), 0);
    assert_string_equal(txt, "综合评审得分（评审规则 t，示例值）\n"
                             "  P            individual    不完整：缺site  [material 60.00, site -]\n");
    qaward_string_free(ctx, txt);
    assert_int_equal(qaward_composites_to_json(&txt, ctx, c), 0);
    if (!strstr(txt, "\"status\":\"incomplete\",\"composite\":null,\"missing_stage\":\"site\"") ||
        !strstr(txt, "{\"id\":\"site\",\"weight_permille\":500,\"total\":null}"))
        fail_msg("%s", txt);
    qaward_string_free(ctx, txt);
    qaward_composites_free(c);
    /* a NULL score set is named */
    const qaward_scores *sets[2] = {sc, NULL};
    c = (qaward_composites *)1;
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 2, sets), QAWARD_EINVAL);
    MSG("qaward_composites_compute: scores[1] is NULL");
    assert_null(c);
    qaward_scores_free(sc);
    qaward_sheets_free(sh);
    qaward_review_rules_free(r);
}

/* R14: a kind the rules do not have, or a kind scored on another scheme than
 * its rule names, is refused with the applicant. */
static void r14_composite_kind_and_scheme_checked(void **s)
{
    (void)s;
    qaward_sheets *sh = new_sheets();
    sheet(sh, "P", "material", "E1", QAWARD_ROLE_ASSESSOR, 60);
    assert_int_equal(qaward_sheets_set_kind(ctx, sh, "P", "organization"), 0);
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, NULL), 0);
    const qaward_scores *sets[1] = {sc};
    qaward_review_rules *r = rules(RULES("{\"id\":\"individual\",\"stages\":[{\"id\":\"material\",\"weight_permille\":1000}]}"));
    qaward_composites *c = (qaward_composites *)1;
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 1, sets), QAWARD_ENORULE);
    MSG("applicant P: review rule kinds.organization is not set (rules t)");
    assert_null(c);
    qaward_review_rules_free(r);
    r = rules(RULES("{\"id\":\"organization\",\"scheme\":\"gbt19580-2012\",\"stages\":[{\"id\":\"material\","
                    "\"weight_permille\":1000}]}"));
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 1, sets), QAWARD_EINVAL);
    MSG("applicant P: scored on scheme individual-example, but review rule kinds.organization.scheme is gbt19580-2012");
    qaward_review_rules_free(r);
    /* without a scheme in the rule any scheme is accepted */
    r = rules(RULES("{\"id\":\"organization\",\"stages\":[{\"id\":\"material\",\"weight_permille\":1000}]}"));
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 1, sets), 0);
    int64_t comp;
    int status;
    assert_int_equal(qaward_composites_get(NULL, NULL, &status, &comp, ctx, c, 0), 0);
    assert_int_equal(status, QAWARD_COMPOSITE_OK);
    assert_int_equal(comp, 6000);
    qaward_composites_free(c);
    qaward_review_rules_free(r);
    qaward_scores_free(sc);
    qaward_sheets_free(sh);
}

/* Review rules at their edges: a gate without pass mark, an empty tie-break
 * list, a kind without stages, stage ids NULL (R14: each is named). */
static void r14_rules_edges_named(void **s)
{
    (void)s;
    qaward_review_rules *r = rules(
        "{\"format\":\"qaward-review-rules/1\",\"id\":\"e\",\"kinds\":[{\"id\":\"organization\",\"stages\":["
        "{\"id\":\"material\",\"weight_permille\":1000},{\"id\":\"defence\",\"weight_permille\":0,\"gate\":true}]},"
        "{\"id\":\"individual\",\"stages\":[]}],\"tie_break\":[]}");
    int64_t v;
    assert_int_equal(qaward_review_rules_stage_pass_mark(&v, ctx, r, "organization", "defence"), QAWARD_ENORULE);
    MSG("review rule kinds.organization.stages[defence].pass_mark is not set");
    assert_int_equal(qaward_review_rules_stage_pass_mark(&v, ctx, r, "organization", "material"), QAWARD_ENORULE);
    MSG("review rule kinds.organization.stages[material].pass_mark is not set");
    size_t n;
    assert_int_equal(qaward_review_rules_tie_break_count(&n, ctx, r), QAWARD_ENORULE);
    MSG("review rule tie_break is not set");
    const char *id;
    assert_int_equal(qaward_review_rules_tie_break_at(&id, ctx, r, 0), QAWARD_ENORULE);
    MSG("review rule tie_break is not set");
    const char *ids[] = {"material", "defence"};
    int64_t tot[] = {70000, 60000};
    int gates = -1;
    assert_int_equal(qaward_review_rules_composite(&v, &gates, ctx, r, "organization", 2, ids, tot), QAWARD_ENORULE);
    MSG("review rule kinds.organization.stages[defence].pass_mark is not set");
    assert_int_equal(qaward_review_rules_composite(&v, &gates, ctx, r, "individual", 0, NULL, NULL), QAWARD_ENORULE);
    MSG("review rule kinds.individual.stages is empty");
    const char *nul[] = {"material", NULL};
    assert_int_equal(qaward_review_rules_composite(&v, &gates, ctx, r, "organization", 2, nul, tot), QAWARD_EINVAL);
    MSG("qaward_review_rules_composite: stage_ids[1] is NULL");
    qaward_review_rules_free(r);
}

/* ---- schemes -------------------------------------------------------------------- */

#define SCHEME(step, name)                                                                                             \
    "{\"format\":\"qaward-scheme/1\",\"id\":\"s\",\"title\":{\"zh\":\"标题\"},\"total\":10,\"step\":" step            \
    ",\"categories\":[{\"id\":\"C\",\"name\":" name ",\"points\":10,\"kind\":\"results\",\"items\":[{\"id\":\"C.1\"," \
    "\"name\":" name ",\"points\":10}]}]}"

static void art6_scheme_step_must_divide_100(void **s)
{
    (void)s;
    const char *steps[] = {"3", "7", "30"};
    char doc[600];
    for (size_t i = 0; i < 3; i++) {
        snprintf(doc, sizeof doc, SCHEME("%s", "{\"zh\":\"甲\"}"), steps[i]);
        qaward_scheme *sch = (qaward_scheme *)1;
        assert_int_equal(qaward_scheme_load_json(&sch, ctx, doc, strlen(doc)), QAWARD_ERANGE);
        char want[100];
        snprintf(want, sizeof want, "scheme: scheme s: step %s does not divide 100", steps[i]);
        MSG(want);
        assert_null(sch);
    }
    /* a name in Chinese only is shown for English too; no language means Chinese */
    snprintf(doc, sizeof doc, SCHEME("%s", "{\"zh\":\"甲\"}"), "50");
    qaward_scheme *sch;
    assert_int_equal(qaward_scheme_load_json(&sch, ctx, doc, strlen(doc)), 0);
    assert_string_equal(qaward_scheme_item_name(sch, 0, "en"), "甲");
    assert_string_equal(qaward_scheme_item_name(sch, 0, NULL), "甲");
    assert_string_equal(qaward_scheme_category_name(sch, 0, "en"), "甲");
    assert_int_equal(qaward_scheme_item_kind(sch, 0), QAWARD_ITEM_RESULTS);
    qaward_scheme_free(sch);
    snprintf(doc, sizeof doc, SCHEME("%s", "{\"zh\":\"甲\",\"en\":\"A\"}"), "50");
    assert_int_equal(qaward_scheme_load_json(&sch, ctx, doc, strlen(doc)), 0);
    assert_string_equal(qaward_scheme_item_name(sch, 0, "en"), "A");
    assert_string_equal(qaward_scheme_item_name(sch, 0, "zh"), "甲");
    assert_string_equal(qaward_scheme_item_name(sch, 0, "fr"), "甲");
    qaward_scheme_free(sch);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sheet_values_refused_with_their_name),
        cmocka_unit_test(comments_and_many_applicants_kept),
        cmocka_unit_test(r14_options_versions_and_unknown_method),
        cmocka_unit_test(r14_no_method_names_the_consensus_sheet),
        cmocka_unit_test(art13_consensus_sheet_alone_and_same_name),
        cmocka_unit_test(duplicate_assessor_sheet_refused_by_compute),
        cmocka_unit_test(art13_panel_of_257_refused_256_accepted),
        cmocka_unit_test(no_sheets_no_results),
        cmocka_unit_test(art13_results_text_flags_spread_in_both_languages),
        cmocka_unit_test(art13_composite_incomplete_names_missing_stage),
        cmocka_unit_test(r14_rules_edges_named),
        cmocka_unit_test(r14_composite_kind_and_scheme_checked),
        cmocka_unit_test(art6_scheme_step_must_divide_100),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

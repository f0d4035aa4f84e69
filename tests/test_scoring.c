/* scoring: GB/T 19580 scheme (Art. 6), sheets, aggregation and results
 * (Art. 13), review rules and composites (R14). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scoring_internal.h"
#include "oom.h"

static qaward_ctx *ctx;
static qaward_scheme *gbt;

static int setup(void **state)
{
    (void)state;
    if (qaward_ctx_new(&ctx, NULL))
        return -1;
    return qaward_scheme_builtin(&gbt, ctx, "gbt19580-2012");
}

static int teardown(void **state)
{
    (void)state;
    qaward_scheme_free(gbt);
    qaward_ctx_free(ctx);
    return 0;
}

#define MSG_HAS(s) assert_non_null(strstr(qaward_ctx_message(ctx), (s)))

/* Add a sheet with every item at pct, then overrides "id", pct, ..., NULL. */
static size_t add_sheet(qaward_sheets *s, const char *app, const char *stage, const char *assessor, int role, int pct,
                        ...)
{
    size_t idx;
    assert_int_equal(qaward_sheets_add(&idx, ctx, s, app, stage, assessor, role), 0);
    const char *over[32];
    int overp[32];
    size_t n = 0;
    va_list ap;
    va_start(ap, pct);
    for (const char *id; (id = va_arg(ap, const char *)) != NULL;) {
        over[n] = id;
        overp[n++] = va_arg(ap, int);
    }
    va_end(ap);
    const qaward_scheme *sch = s->scheme;
    for (size_t i = 0; i < sch->n_items; i++) {
        int p = pct;
        for (size_t k = 0; k < n; k++)
            if (strcmp(over[k], sch->items[i].id) == 0)
                p = overp[k];
        assert_int_equal(qaward_sheets_set(ctx, s, idx, sch->items[i].id, p, NULL), 0);
    }
    return idx;
}

static int64_t item_score(const qaward_scores *sc, size_t r, const char *id)
{
    size_t i;
    int64_t v;
    assert_int_equal(qaward_scheme_item_find(&i, ctx, sc->scheme, id), 0);
    assert_int_equal(qaward_scores_item(&v, ctx, sc, r, i), 0);
    return v;
}

static int64_t total_of(const qaward_scores *sc, size_t r)
{
    int64_t t;
    assert_int_equal(qaward_scores_totals(NULL, NULL, &t, ctx, sc, r), 0);
    return t;
}

/* ----------------------------------------------------------- the scheme */

static void art6_gbt19580_2012_table(void **state)
{
    (void)state;
    assert_string_equal(qaward_scheme_id(gbt), "gbt19580-2012");
    /* DESIGN part B table: 23 items (the prose says 22; the table wins, docs/scoring.md) */
    assert_int_equal(qaward_scheme_item_count(gbt), 23);
    assert_int_equal(qaward_scheme_category_count(gbt), 7);
    assert_int_equal(qaward_scheme_total_points(gbt), 1000);
    assert_int_equal(qaward_scheme_step(gbt), 5);
    assert_int_equal(gbt->parts[QAWARD_ITEM_PROCESS], 600);
    assert_int_equal(gbt->parts[QAWARD_ITEM_RESULTS], 400);
    assert_false(qaward_scheme_is_example(gbt));
    size_t i;
    assert_int_equal(qaward_scheme_item_find(&i, ctx, gbt, "4.4.3"), 0);
    assert_int_equal(qaward_scheme_item_points(gbt, i), 15);
    assert_string_equal(qaward_scheme_item_name(gbt, i, "zh"), "财务资源");
    assert_string_equal(qaward_scheme_item_name(gbt, i, "en"), "Financial resources");
    assert_int_equal(qaward_scheme_item_kind(gbt, i), QAWARD_ITEM_PROCESS);
    assert_string_equal(qaward_scheme_category_id(gbt, qaward_scheme_item_category(gbt, i)), "4.4");
    assert_int_equal(qaward_scheme_item_find(&i, ctx, gbt, "4.7.7"), 0);
    assert_int_equal(qaward_scheme_item_kind(gbt, i), QAWARD_ITEM_RESULTS);
    assert_int_equal(qaward_scheme_item_find(&i, ctx, gbt, "4.1.1"), QAWARD_ENOTFOUND);
    MSG_HAS("4.1.1");
    assert_int_equal(qaward_scheme_category_points(gbt, 6), 400);
    assert_null(qaward_scheme_item_id(gbt, 23));
    assert_int_equal(qaward_scheme_item_points(gbt, 99), -1);
}

static void art11_individual_scheme_is_an_example(void **state)
{
    (void)state;
    qaward_scheme *ind;
    assert_int_equal(qaward_scheme_builtin(&ind, ctx, "individual-example"), 0);
    assert_true(qaward_scheme_is_example(ind));
    assert_int_equal(qaward_scheme_total_points(ind), 100);
    qaward_scheme_free(ind);
    assert_int_equal(qaward_scheme_builtin(&ind, ctx, "gbt19580-2030"), QAWARD_ENOTFOUND);
    assert_null(ind);
}

static const char *bad_scheme_head =
    "{\"format\":\"qaward-scheme/1\",\"id\":\"t\",\"title\":{\"zh\":\"t\"},\"total\":%d,%s\"step\":%d,"
    "\"categories\":[{\"id\":\"1\",\"name\":{\"zh\":\"a\"},\"points\":%d,\"kind\":\"process\",\"items\":["
    "{\"id\":\"1.1\",\"name\":{\"zh\":\"x\"},\"points\":%d},{\"id\":\"%s\",\"name\":{\"zh\":\"y\"},\"points\":30}]},"
    "{\"id\":\"2\",\"name\":{\"zh\":\"b\"},\"points\":50,%s\"items\":["
    "{\"id\":\"2.1\",\"name\":{\"zh\":\"z\"},\"points\":50}]}]}";

static int load_bad_scheme(int total, const char *parts, int step, int cat1, int item11, const char *item12,
                           const char *kind2)
{
    char buf[2048];
    snprintf(buf, sizeof buf, bad_scheme_head, total, parts, step, cat1, item11, item12, kind2);
    qaward_scheme *s = (qaward_scheme *)1;
    int rc = qaward_scheme_load_json(&s, ctx, buf, strlen(buf));
    if (rc)
        assert_null(s);
    qaward_scheme_free(s);
    return rc;
}

static void scheme_sums_are_checked_and_name_the_node(void **state)
{
    (void)state;
    const char *p = "\"parts\":{\"process\":50,\"results\":50},";
    assert_int_equal(load_bad_scheme(100, p, 5, 50, 20, "1.2", "\"kind\":\"results\","), 0);
    /* items 25 + 30 = 55 in a category of 50 */
    assert_int_equal(load_bad_scheme(100, p, 5, 50, 25, "1.2", "\"kind\":\"results\","), QAWARD_ERANGE);
    MSG_HAS("category 1: items add up to 55 points, the category has 50");
    /* categories 50 + 50 = 100, total 110 */
    assert_int_equal(load_bad_scheme(110, "", 5, 50, 20, "1.2", "\"kind\":\"results\","), QAWARD_ERANGE);
    MSG_HAS("categories add up to 100 points, the total is 110");
    /* process part declared 60 but process items total 50 */
    assert_int_equal(load_bad_scheme(100, "\"parts\":{\"process\":60,\"results\":40},", 5, 50, 20, "1.2",
                                     "\"kind\":\"results\","),
                     QAWARD_ERANGE);
    MSG_HAS("process items add up to 50 points, the process part is 60");
    assert_int_equal(load_bad_scheme(100, p, 7, 50, 20, "1.2", "\"kind\":\"results\","), QAWARD_ERANGE);
    MSG_HAS("step 7");
    assert_int_equal(load_bad_scheme(100, p, 5, 50, 20, "1.1", "\"kind\":\"results\","), QAWARD_EEXISTS);
    MSG_HAS("item 1.1 appears twice");
    assert_int_equal(load_bad_scheme(100, p, 5, 50, 20, "1.2", ""), QAWARD_ESCHEMA);
    MSG_HAS("item 2.1 has no kind");
    assert_int_equal(load_bad_scheme(100, p, 5, 50, -20, "1.2", "\"kind\":\"results\","), QAWARD_ERANGE);
    MSG_HAS("points");
    assert_int_equal(qaward_scheme_load_json(NULL, ctx, "{}", 2), QAWARD_EINVAL);
    qaward_scheme *s;
    assert_int_equal(qaward_scheme_load_json(&s, ctx, "{\"format\":\"qaward-policy/1\"}", 28), QAWARD_ESCHEMA);
    MSG_HAS("$.format");
}

/* ------------------------------------------------------- exact item scores */

static void art6_every_item_at_50_percent_gives_500(void **state)
{
    (void)state;
    qaward_sheets *s;
    qaward_scores *sc;
    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    add_sheet(s, "A", "material", "E1", QAWARD_ROLE_ASSESSOR, 50, NULL);
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, NULL), 0);
    int64_t p, r, t;
    assert_int_equal(qaward_scores_totals(&p, &r, &t, ctx, sc, 0), 0);
    assert_int_equal(t, 50000);
    assert_int_equal(p, 30000);
    assert_int_equal(r, 20000);
    int64_t c;
    assert_int_equal(qaward_scores_category(&c, ctx, sc, 0, 3), 0); /* 4.4: 130 points */
    assert_int_equal(c, 6500);
    char *json;
    assert_int_equal(qaward_scores_to_json(&json, ctx, sc), 0);
    assert_non_null(strstr(json, "\"total\":500.00,\"process\":300.00,\"results\":200.00"));
    assert_non_null(strstr(json, "{\"id\":\"4.4\",\"points\":130,\"score\":65.00,\"share_pct\":50.00}"));
    qaward_string_free(ctx, json);
    qaward_scores_free(sc);
    qaward_sheets_free(s);
}

static void art6_item_443_at_35_percent_gives_5_25(void **state)
{
    (void)state;
    qaward_sheets *s;
    qaward_scores *sc;
    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    add_sheet(s, "A", "material", "E1", QAWARD_ROLE_ASSESSOR, 0, "4.4.3", 35, NULL);
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, NULL), 0);
    assert_int_equal(item_score(sc, 0, "4.4.3"), 525);
    assert_int_equal(total_of(sc, 0), 525);
    char *txt;
    assert_int_equal(qaward_scores_to_text(&txt, ctx, sc, "en"), 0);
    assert_non_null(strstr(txt, "4.4.3   Financial resources  5.25 / 15"));
    assert_non_null(strstr(txt, "Total 5.25 / 1000"));
    assert_non_null(strstr(txt, "Strongest: 4.4.3"));
    qaward_string_free(ctx, txt);
    assert_int_equal(qaward_scores_to_text(&txt, ctx, sc, "zh"), 0);
    assert_non_null(strstr(txt, "财务资源  5.25 / 15"));
    assert_non_null(strstr(txt, "总分 5.25 / 1000"));
    qaward_string_free(ctx, txt);
    qaward_scores_free(sc);
    qaward_sheets_free(s);
}

/* -------------------------------------------------------------- rounding */

static void rounding_half_away_from_zero(void **state)
{
    (void)state;
    assert_int_equal(qa_div_round(5, 2), 3);
    assert_int_equal(qa_div_round(-5, 2), -3);
    assert_int_equal(qa_div_round(4, 3), 1);
    assert_int_equal(qa_div_round(5, 3), 2);
    assert_int_equal(qa_div_round(-4, 3), -1);
    assert_int_equal(qa_div_round(1124999, 1000), 1125);
    assert_int_equal(qa_div_round(1124499, 1000), 1124);
    assert_int_equal(qa_div_round(1124500, 1000), 1125);
    assert_int_equal(qa_div_round(0, 7), 0);
}

/* One item varied across assessors, every other item at 50 %. */
static qaward_scores *score_one_item(qaward_sheets **sp, int method, size_t min, const char *item, const int *pcts,
                                     size_t n, int rc_want)
{
    qaward_sheets *s;
    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    for (size_t k = 0; k < n; k++) {
        char as[8];
        snprintf(as, sizeof as, "E%zu", k + 1);
        add_sheet(s, "A", "material", as, QAWARD_ROLE_ASSESSOR, 50, item, pcts[k], NULL);
    }
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    o.aggregation = method;
    o.min_assessors = min;
    qaward_scores *sc = NULL;
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, &o), rc_want);
    *sp = s;
    return sc;
}

static int64_t agg(int method, size_t min, const char *item, const int *p, size_t n)
{
    qaward_sheets *s;
    qaward_scores *sc = score_one_item(&s, method, min, item, p, n, 0);
    int64_t v = item_score(sc, 0, item);
    qaward_scores_free(sc);
    qaward_sheets_free(s);
    return v;
}

static void art13_mean_odd_and_even(void **state)
{
    (void)state;
    /* 4.4.6 (10 points): 5, 10, 10 % -> (50+100+100)/3 = 83.33.. -> 0.83 */
    assert_int_equal(agg(QAWARD_AGG_MEAN, 0, "4.4.6", (int[]){5, 10, 10}, 3), 83);
    /* 50, 50, 100 % of 10 points: 2000/3 = 666.67 hundredths -> 6.67 (rounds up) */
    assert_int_equal(agg(QAWARD_AGG_MEAN, 0, "4.4.6", (int[]){50, 50, 100}, 3), 667);
    /* 4.4.3 (15 points): 35, 40 % -> (525 + 600)/2 = 562.5 -> 5.63 (half away from zero) */
    assert_int_equal(agg(QAWARD_AGG_MEAN, 0, "4.4.3", (int[]){35, 40}, 2), 563);
    /* even, exact: 4.1.2 (50): 60, 70, 80, 90 -> 75 % = 37.50 */
    assert_int_equal(agg(QAWARD_AGG_MEAN, 0, "4.1.2", (int[]){60, 70, 80, 90}, 4), 3750);
}

static void art13_median_odd_and_even(void **state)
{
    (void)state;
    assert_int_equal(agg(QAWARD_AGG_MEDIAN, 0, "4.1.2", (int[]){90, 60, 70}, 3), 3500);
    assert_int_equal(agg(QAWARD_AGG_MEDIAN, 0, "4.1.2", (int[]){100, 0, 55, 60, 95}, 5), 3000);
    /* even: mean of the two middle: 4.4.3 35, 40 (+ 0, 100) -> 5.625 -> 5.63 */
    assert_int_equal(agg(QAWARD_AGG_MEDIAN, 0, "4.4.3", (int[]){100, 35, 0, 40}, 4), 563);
    assert_int_equal(agg(QAWARD_AGG_MEDIAN, 0, "4.1.2", (int[]){60, 70}, 2), 3250);
}

static void art13_trimmed_mean_odd_and_even(void **state)
{
    (void)state;
    /* 5 assessors: drop 100 and 0, mean of 50, 60, 70 -> 60 % of 50 = 30.00 */
    assert_int_equal(agg(QAWARD_AGG_TRIMMED_MEAN, 5, "4.1.2", (int[]){100, 50, 0, 60, 70}, 5), 3000);
    /* 4 assessors: drop 100 and 0, 35 and 40 of 15 points -> 5.625 -> 5.63 */
    assert_int_equal(agg(QAWARD_AGG_TRIMMED_MEAN, 4, "4.4.3", (int[]){100, 35, 0, 40}, 4), 563);
    /* 3 assessors (the least a trim allows): the middle one */
    assert_int_equal(agg(QAWARD_AGG_TRIMMED_MEAN, 0, "4.4.6", (int[]){5, 95, 40}, 3), 400);
    /* ties at the extremes drop one copy each: 50, 50, 50, 80 -> (50 + 50) / 2 */
    assert_int_equal(agg(QAWARD_AGG_TRIMMED_MEAN, 0, "4.1.2", (int[]){50, 50, 50, 80}, 4), 2500);
}

static void art13_trimmed_mean_below_min_assessors_fails(void **state)
{
    (void)state;
    qaward_sheets *s;
    qaward_scores *sc = score_one_item(&s, QAWARD_AGG_TRIMMED_MEAN, 5, "4.1.2", (int[]){50, 60, 70, 80}, 4,
                                       QAWARD_ERANGE);
    assert_null(sc);
    MSG_HAS("4 assessor sheets, trimmed_mean needs at least 5 (review rule aggregation.min_assessors)");
    qaward_sheets_free(s);
    sc = score_one_item(&s, QAWARD_AGG_TRIMMED_MEAN, 0, "4.1.2", (int[]){50, 60}, 2, QAWARD_ERANGE);
    MSG_HAS("needs at least 3");
    qaward_sheets_free(s);
}

static void art13_consensus_sheet_decides(void **state)
{
    (void)state;
    qaward_sheets *s;
    qaward_scores *sc;
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    o.aggregation = QAWARD_AGG_CONSENSUS;
    o.spread_threshold_pct = 20;
    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    add_sheet(s, "A", "site", "E1", QAWARD_ROLE_ASSESSOR, 50, "4.1.2", 40, NULL);
    add_sheet(s, "A", "site", "E2", QAWARD_ROLE_ASSESSOR, 50, "4.1.2", 70, NULL);
    /* no consensus sheet yet */
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, &o), QAWARD_ERANGE);
    MSG_HAS("no consensus sheet");
    add_sheet(s, "A", "site", "panel", QAWARD_ROLE_CONSENSUS, 55, NULL);
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, &o), 0);
    assert_int_equal(item_score(sc, 0, "4.1.2"), 2750);
    assert_int_equal(total_of(sc, 0), 55000);
    int spread, flagged;
    assert_int_equal(qaward_scores_item_spread(&spread, &flagged, ctx, sc, 0, 0), 0);
    assert_int_equal(spread, 30);
    assert_true(flagged);
    assert_int_equal(qaward_scores_item_spread(&spread, &flagged, ctx, sc, 0, 1), 0);
    assert_int_equal(spread, 0);
    assert_false(flagged);
    qaward_scores_free(sc);
    /* a consensus sheet under another method is refused, not ignored */
    o.aggregation = QAWARD_AGG_MEAN;
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, &o), QAWARD_ERANGE);
    MSG_HAS("a consensus sheet is given but aggregation is mean");
    qaward_sheets_free(s);
}

static void spread_is_flagged_only_above_threshold(void **state)
{
    (void)state;
    qaward_sheets *s;
    qaward_scores *sc;
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    o.aggregation = QAWARD_AGG_MEAN;
    o.spread_threshold_pct = 20;
    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    add_sheet(s, "A", "material", "E1", QAWARD_ROLE_ASSESSOR, 50, "4.1.2", 40, "4.1.3", 40, NULL);
    add_sheet(s, "A", "material", "E2", QAWARD_ROLE_ASSESSOR, 50, "4.1.2", 60, "4.1.3", 65, NULL);
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, &o), 0);
    int spread, flagged;
    qaward_scores_item_spread(&spread, &flagged, ctx, sc, 0, 0);
    assert_int_equal(spread, 20); /* equal to the threshold: not flagged */
    assert_false(flagged);
    qaward_scores_item_spread(&spread, &flagged, ctx, sc, 0, 1);
    assert_int_equal(spread, 25);
    assert_true(flagged);
    char *json;
    assert_int_equal(qaward_scores_to_json(&json, ctx, sc), 0);
    assert_non_null(strstr(json, "{\"id\":\"4.1.3\",\"points\":30,\"score\":15.75,\"spread_pct\":25,\"flagged\":true}"));
    qaward_string_free(ctx, json);
    qaward_scores_free(sc);
    qaward_sheets_free(s);
}

static void r14_several_assessors_without_a_method_is_enorule(void **state)
{
    (void)state;
    qaward_sheets *s;
    qaward_scores *sc = score_one_item(&s, 0, 0, "4.1.2", (int[]){50, 60}, 2, QAWARD_ENORULE);
    assert_null(sc);
    MSG_HAS("review rule aggregation.method is not set");
    MSG_HAS("applicant A, stage material has 2 assessor sheets");
    qaward_sheets_free(s);
}

/* ------------------------------------------------------- self-assessment */

static void art13_2_self_assessment_scored_by_same_code(void **state)
{
    (void)state;
    qaward_sheets *s;
    qaward_scores *sc;
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    o.aggregation = QAWARD_AGG_MEAN;
    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    add_sheet(s, "A", "self", "self", QAWARD_ROLE_SELF, 80, "4.7.4", 20, "4.4.2", 100, NULL);
    add_sheet(s, "A", "self", "E1", QAWARD_ROLE_ASSESSOR, 50, NULL);
    add_sheet(s, "A", "self", "E2", QAWARD_ROLE_ASSESSOR, 60, NULL);
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, &o), 0);
    assert_int_equal(qaward_scores_count(sc), 2);
    size_t r;
    assert_int_equal(qaward_scores_find(&r, ctx, sc, "A", "self", QAWARD_ROLE_SELF), 0);
    assert_int_equal(qaward_scores_role(sc, r), QAWARD_ROLE_SELF);
    /* 800 - 80 % of 80 + 20 % of 80 - 80 % of 60 + 100 % of 60 = 800 - 48 + 12 = 764 */
    assert_int_equal(total_of(sc, r), 76400);
    assert_int_equal(qaward_scores_find(&r, ctx, sc, "A", "self", QAWARD_ROLE_ASSESSOR), 0);
    assert_int_equal(total_of(sc, r), 55000);
    char *json;
    assert_int_equal(qaward_scores_to_json(&json, ctx, sc), 0);
    assert_non_null(strstr(json, "\"role\":\"self\""));
    assert_non_null(strstr(json, "\"strongest\":[\"4.4.2\",\"4.1.2\",\"4.1.3\"],\"weakest\":[\"4.7.4\",\"4.1.2\",\"4.1.3\"]"));
    qaward_string_free(ctx, json);
    assert_int_equal(qaward_scores_find(&r, ctx, sc, "B", "self", QAWARD_ROLE_SELF), QAWARD_ENOTFOUND);
    qaward_scores_free(sc);
    qaward_sheets_free(s);
}

/* --------------------------------------------------------- invalid sheets */

static void sheet_values_are_checked_and_named(void **state)
{
    (void)state;
    qaward_sheets *s;
    size_t idx;
    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    assert_int_equal(qaward_sheets_add(&idx, ctx, s, "A", "material", "E1", QAWARD_ROLE_ASSESSOR), 0);
    assert_int_equal(qaward_sheets_set(ctx, s, idx, "4.1.2", 101, NULL), QAWARD_ERANGE);
    MSG_HAS("item 4.1.2: 101% is outside 0..100");
    assert_int_equal(qaward_sheets_set(ctx, s, idx, "4.1.2", -5, NULL), QAWARD_ERANGE);
    MSG_HAS("-5%");
    assert_int_equal(qaward_sheets_set(ctx, s, idx, "4.1.2", 37, NULL), QAWARD_ERANGE);
    MSG_HAS("item 4.1.2: 37% is not a multiple of the step 5%");
    assert_int_equal(qaward_sheets_set(ctx, s, idx, "4.8.2", 50, NULL), QAWARD_ENOTFOUND);
    MSG_HAS("item \"4.8.2\" is not in scheme gbt19580-2012");
    assert_int_equal(qaward_sheets_set(ctx, s, idx, "4.1.2", 0, "ok"), 0);
    assert_int_equal(qaward_sheets_set(ctx, s, idx, "4.1.2", 100, NULL), QAWARD_EEXISTS);
    MSG_HAS("item 4.1.2 is scored twice (0%, then 100%)");
    MSG_HAS("applicant A, stage material, assessor E1");
    assert_int_equal(qaward_sheets_set(ctx, s, 7, "4.1.2", 50, NULL), QAWARD_EINVAL);
    /* every item exactly once */
    assert_int_equal(qaward_sheets_validate(ctx, s), QAWARD_ESCHEMA);
    MSG_HAS("item 4.1.3 is not scored");
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, NULL), QAWARD_ESCHEMA);
    qaward_sheets_free(s);

    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    assert_int_equal(qaward_sheets_add(&idx, ctx, s, "A", "", "E1", QAWARD_ROLE_ASSESSOR), QAWARD_EINVAL);
    assert_int_equal(qaward_sheets_add(&idx, ctx, s, "A", "m", "E1", 9), QAWARD_EINVAL);
    add_sheet(s, "A", "material", "E1", QAWARD_ROLE_ASSESSOR, 50, NULL);
    add_sheet(s, "A", "material", "E1", QAWARD_ROLE_ASSESSOR, 60, NULL);
    assert_int_equal(qaward_sheets_validate(ctx, s), QAWARD_EEXISTS);
    MSG_HAS("applicant A, stage material: assessor E1 has two sheets (0 and 1)");
    qaward_sheets_free(s);

    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    add_sheet(s, "A", "material", "P1", QAWARD_ROLE_CONSENSUS, 50, NULL);
    add_sheet(s, "A", "material", "P2", QAWARD_ROLE_CONSENSUS, 60, NULL);
    assert_int_equal(qaward_sheets_validate(ctx, s), QAWARD_EEXISTS);
    MSG_HAS("more than one consensus sheet");
    qaward_sheets_free(s);

    assert_int_equal(qaward_sheets_new(&s, ctx, gbt), 0);
    add_sheet(s, "A", "self", "self", QAWARD_ROLE_SELF, 50, NULL);
    add_sheet(s, "A", "self", "cfo", QAWARD_ROLE_SELF, 60, NULL);
    assert_int_equal(qaward_sheets_validate(ctx, s), QAWARD_EEXISTS);
    MSG_HAS("more than one self-assessment");
    assert_int_equal(qaward_sheets_set_kind(ctx, s, "A", "organization"), 0);
    assert_int_equal(qaward_sheets_set_kind(ctx, s, "A", "individual"), QAWARD_EEXISTS);
    qaward_sheets_free(s);
}

static char *gbt_scores_json(int pct, const char *extra)
{
    static char buf[4096];
    size_t n = 0;
    n += (size_t)snprintf(buf + n, sizeof buf - n, "[");
    for (size_t i = 0; i < gbt->n_items; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s{\"item\":\"%s\",\"pct\":%d}", i ? "," : "",
                              gbt->items[i].id, pct);
    snprintf(buf + n, sizeof buf - n, "%s]", extra);
    return buf;
}

static int load_sheets_doc(const char *sheet_extra, const char *scores_extra, const char *top_extra)
{
    char doc[8192];
    snprintf(doc, sizeof doc,
             "{\"format\":\"qaward-sheets/1\",\"scheme\":\"gbt19580-2012\"%s,"
             "\"sheets\":[{\"applicant\":\"A\",\"stage\":\"material\",\"assessor\":\"E1\"%s,\"scores\":%s}]}",
             top_extra, sheet_extra, gbt_scores_json(50, scores_extra));
    qaward_sheets *s = (qaward_sheets *)1;
    int rc = qaward_sheets_load_json(&s, ctx, gbt, doc, strlen(doc));
    if (rc)
        assert_null(s);
    qaward_sheets_free(s);
    return rc;
}

static void sheets_json_errors_name_path_item_and_value(void **state)
{
    (void)state;
    assert_int_equal(load_sheets_doc("", "", ""), 0);
    assert_int_equal(load_sheets_doc("", ",{\"item\":\"4.1.2\",\"pct\":60}", ""), QAWARD_EEXISTS);
    MSG_HAS("$.sheets[0].scores[23]");
    MSG_HAS("item 4.1.2 is scored twice (50%, then 60%)");
    assert_int_equal(load_sheets_doc("", ",{\"item\":\"4.9\",\"pct\":60}", ""), QAWARD_ENOTFOUND);
    MSG_HAS("item \"4.9\" is not in scheme");
    assert_int_equal(load_sheets_doc("", ",{\"item\":\"4.1.2\",\"pct\":62.5}", ""), QAWARD_ESCHEMA);
    MSG_HAS("$.sheets[0].scores[23].pct");
    assert_int_equal(load_sheets_doc("", ",{\"item\":\"4.1.2\",\"pct\":60,\"weight\":1}", ""), QAWARD_ESCHEMA);
    MSG_HAS("weight");
    assert_int_equal(load_sheets_doc(",\"role\":\"boss\"", "", ""), QAWARD_ESCHEMA);
    MSG_HAS("$.sheets[0].role");
    assert_int_equal(load_sheets_doc("", "", ",\"applicants\":[{\"id\":\"A\"}]"), QAWARD_ESCHEMA);
    MSG_HAS("$.applicants[0].kind");
    char doc[256];
    snprintf(doc, sizeof doc, "{\"format\":\"qaward-sheets/1\",\"scheme\":\"individual-example\",\"sheets\":[]}");
    qaward_sheets *s;
    assert_int_equal(qaward_sheets_load_json(&s, ctx, gbt, doc, strlen(doc)), QAWARD_ESCHEMA);
    MSG_HAS("not on scheme gbt19580-2012");
    char *name;
    assert_int_equal(qaward_sheets_scheme_name(&name, ctx, doc, strlen(doc)), 0);
    assert_string_equal(name, "individual-example");
    qaward_string_free(ctx, name);
    assert_int_equal(qaward_sheets_load_json(&s, ctx, gbt, "{\"format\":", 10), QAWARD_EPARSE);
    /* the self-assessment needs neither stage nor assessor (Art. 13(2)) */
    snprintf(doc, sizeof doc, "%s", "");
    char big[8192];
    snprintf(big, sizeof big,
             "{\"format\":\"qaward-sheets/1\",\"applicants\":[{\"id\":\"A\",\"kind\":\"organization\"}],"
             "\"sheets\":[{\"applicant\":\"A\",\"role\":\"self\",\"scores\":%s}]}",
             gbt_scores_json(50, ""));
    assert_int_equal(qaward_sheets_load_json(&s, ctx, gbt, big, strlen(big)), 0);
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, NULL), 0);
    assert_string_equal(qaward_scores_stage(sc, 0), "self");
    assert_int_equal(total_of(sc, 0), 50000);
    qaward_scores_free(sc);
    qaward_sheets_free(s);
}

/* ---------------------------------------------------------- review rules */

static qaward_review_rules *rules_from(const char *json, int rc_want)
{
    qaward_review_rules *r = NULL;
    assert_int_equal(qaward_review_rules_load_json(&r, ctx, json, strlen(json)), rc_want);
    return r;
}

static void r14_example_rules_load_with_their_values(void **state)
{
    (void)state;
    qaward_review_rules *r;
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    assert_true(qaward_review_rules_is_example(r));
    assert_string_equal(qaward_review_rules_id(r), "jian-2025-example");
    assert_int_equal(qaward_review_rules_kind_count(r), 2);
    const char *s;
    assert_int_equal(qaward_review_rules_kind_at(&s, ctx, r, 1), 0);
    assert_string_equal(s, "individual");
    assert_int_equal(qaward_review_rules_kind_at(&s, ctx, r, 2), QAWARD_EINVAL);
    assert_int_equal(qaward_review_rules_scheme(&s, ctx, r, "organization"), 0);
    assert_string_equal(s, "gbt19580-2012");
    size_t n;
    assert_int_equal(qaward_review_rules_stage_count(&n, ctx, r, "organization"), 0);
    assert_int_equal(n, 3);
    assert_int_equal(qaward_review_rules_stage_at(&s, ctx, r, "organization", 1), 0);
    assert_string_equal(s, "defence");
    int64_t v, d;
    assert_int_equal(qaward_review_rules_stage_weight(&v, ctx, r, "organization", "site"), 0);
    assert_int_equal(v, 600);
    int g;
    assert_int_equal(qaward_review_rules_stage_is_gate(&g, ctx, r, "organization", "defence"), 0);
    assert_true(g);
    assert_int_equal(qaward_review_rules_stage_pass_mark(&v, ctx, r, "organization", "defence"), 0);
    assert_int_equal(v, 55000);
    assert_int_equal(qaward_review_rules_stage_pass_mark(&v, ctx, r, "organization", "site"), QAWARD_ENORULE);
    MSG_HAS("kinds.organization.stages[site].pass_mark");
    assert_int_equal(qaward_review_rules_min_composite(&v, ctx, r, "organization", "nomination"), 0);
    assert_int_equal(v, 50000);
    int m;
    assert_int_equal(qaward_review_rules_aggregation(&m, ctx, r), 0);
    assert_int_equal(m, QAWARD_AGG_TRIMMED_MEAN);
    assert_int_equal(qaward_review_rules_min_assessors(&n, ctx, r), 0);
    assert_int_equal(n, 5);
    assert_int_equal(qaward_review_rules_spread_threshold(&m, ctx, r), 0);
    assert_int_equal(m, 20);
    assert_int_equal(qaward_review_rules_tie_break_count(&n, ctx, r), 0);
    assert_int_equal(n, 2);
    assert_int_equal(qaward_review_rules_tie_break_at(&s, ctx, r, 0), 0);
    assert_string_equal(s, "site");
    assert_int_equal(qaward_review_rules_vote_quorum(&v, &d, ctx, r), 0);
    assert_int_equal(v, 2);
    assert_int_equal(d, 3);
    int strict;
    assert_int_equal(qaward_review_rules_vote_pass(&v, &d, &strict, ctx, r), 0);
    assert_true(v == 1 && d == 2 && strict == 1);
    assert_int_equal(qaward_review_rules_vote_backfill(&m, ctx, r), 0);
    assert_false(m);
    qaward_review_rules_free(r);

    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "lakeside-2025-example"), 0);
    assert_int_equal(qaward_review_rules_min_composite(&v, ctx, r, "individual", "commendation"), 0);
    assert_int_equal(v, 6000);
    assert_int_equal(qaward_review_rules_min_composite(&v, ctx, r, "organization", "award"), QAWARD_ENORULE);
    MSG_HAS("kinds.organization.min_composite.award");
    assert_int_equal(qaward_review_rules_tie_break_count(&n, ctx, r), QAWARD_ENORULE);
    MSG_HAS("review rule tie_break is not set");
    qaward_review_rules_free(r);
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "nowhere"), QAWARD_ENOTFOUND);
}

static void r14_every_unset_rule_is_enorule_naming_it(void **state)
{
    (void)state;
    qaward_review_rules *r = rules_from("{\"format\":\"qaward-review-rules/1\",\"id\":\"empty\","
                                        "\"kinds\":[{\"id\":\"organization\"},{\"id\":\"individual\",\"stages\":[{\"id\":\"material\"}]}]}",
                                        0);
    const char *s;
    size_t n;
    int64_t v, d;
    int i, strict;
    assert_int_equal(qaward_review_rules_scheme(&s, ctx, r, "organization"), QAWARD_ENORULE);
    MSG_HAS("kinds.organization.scheme");
    assert_int_equal(qaward_review_rules_scheme(&s, ctx, r, "team"), QAWARD_ENORULE);
    MSG_HAS("kinds.team");
    assert_int_equal(qaward_review_rules_stage_count(&n, ctx, r, "organization"), QAWARD_ENORULE);
    MSG_HAS("kinds.organization.stages");
    assert_int_equal(qaward_review_rules_stage_weight(&v, ctx, r, "individual", "material"), QAWARD_ENORULE);
    MSG_HAS("kinds.individual.stages[material].weight_permille");
    assert_int_equal(qaward_review_rules_stage_weight(&v, ctx, r, "individual", "site"), QAWARD_ENORULE);
    MSG_HAS("has no stage \"site\"");
    assert_int_equal(qaward_review_rules_min_composite(&v, ctx, r, "individual", "award"), QAWARD_ENORULE);
    assert_int_equal(qaward_review_rules_aggregation(&i, ctx, r), QAWARD_ENORULE);
    MSG_HAS("aggregation.method");
    assert_int_equal(qaward_review_rules_min_assessors(&n, ctx, r), QAWARD_ENORULE);
    MSG_HAS("aggregation.min_assessors");
    assert_int_equal(qaward_review_rules_spread_threshold(&i, ctx, r), QAWARD_ENORULE);
    MSG_HAS("spread_threshold_pct");
    assert_int_equal(qaward_review_rules_tie_break_at(&s, ctx, r, 0), QAWARD_ENORULE);
    assert_int_equal(qaward_review_rules_vote_quorum(&v, &d, ctx, r), QAWARD_ENORULE);
    MSG_HAS("vote.quorum");
    assert_int_equal(qaward_review_rules_vote_pass(&v, &d, &strict, ctx, r), QAWARD_ENORULE);
    MSG_HAS("vote.pass");
    assert_int_equal(qaward_review_rules_vote_backfill(&i, ctx, r), QAWARD_ENORULE);
    MSG_HAS("vote.backfill");
    const char *ids[] = {"material"};
    int64_t tot[] = {50000};
    int gp;
    assert_int_equal(qaward_review_rules_composite(&v, &gp, ctx, r, "individual", 1, ids, tot), QAWARD_ENORULE);
    MSG_HAS("weight_permille");
    assert_int_equal(qaward_review_rules_composite(&v, &gp, ctx, r, "organization", 1, ids, tot), QAWARD_ENORULE);
    qaward_review_rules_free(r);
}

static void r14_rules_documents_are_checked(void **state)
{
    (void)state;
    const char *head = "{\"format\":\"qaward-review-rules/1\",\"id\":\"x\",";
    char buf[1024];
#define BAD(body, code, text)                                                                                          \
    do {                                                                                                               \
        snprintf(buf, sizeof buf, "%s%s}", head, body);                                                                \
        assert_null(rules_from(buf, code));                                                                            \
        MSG_HAS(text);                                                                                                 \
    } while (0)
    BAD("\"kinds\":[{\"id\":\"o\",\"stages\":[{\"id\":\"m\",\"weight_permille\":400},{\"id\":\"s\",\"weight_permille\":500}]}]",
        QAWARD_ERANGE, "kinds.o.stages: weights total 900 per mille, not 1000");
    BAD("\"kinds\":[{\"id\":\"o\",\"stages\":[{\"id\":\"m\",\"weight_permille\":1000},{\"id\":\"d\",\"gate\":true}]}]",
        QAWARD_ESCHEMA, "weight_permille is set on 1 of 2 stages");
    BAD("\"kinds\":[{\"id\":\"o\",\"stages\":[{\"id\":\"m\",\"pass_mark\":500}]}]", QAWARD_ESCHEMA,
        "$.kinds[0].stages[0].pass_mark: set on a stage that is not a gate");
    BAD("\"kinds\":[{\"id\":\"o\",\"stages\":[{\"id\":\"m\"},{\"id\":\"m\"}]}]", QAWARD_EEXISTS, "stage m appears twice");
    BAD("\"kinds\":[{\"id\":\"o\"},{\"id\":\"o\"}]", QAWARD_EEXISTS, "kinds.o appears twice");
    BAD("\"vote\":{\"quorum\":{\"num\":3,\"den\":2}}", QAWARD_ERANGE, "$.vote.quorum: 3/2 is above 1");
    BAD("\"vote\":{\"pass\":{\"num\":1,\"den\":0,\"strict\":true}}", QAWARD_ERANGE, "$.vote.pass.den");
    BAD("\"vote\":{\"pass\":{\"num\":1,\"den\":2}}", QAWARD_ESCHEMA, "$.vote.pass.strict");
    BAD("\"tie_break\":[\"site\"]", QAWARD_ERANGE, "tie_break[0]: \"site\" is not a stage");
    BAD("\"aggregation\":{\"method\":\"mode\"}", QAWARD_ESCHEMA, "$.aggregation.method");
    BAD("\"aggregation\":{\"method\":\"trimmed_mean\",\"min_assessors\":2}", QAWARD_ERANGE, "needs at least 3");
    BAD("\"spread_threshold_pct\":101", QAWARD_ERANGE, "spread_threshold_pct");
    BAD("\"weights\":{}", QAWARD_ESCHEMA, "weights");
#undef BAD
}

static void art13_composite_is_exact_with_one_rounding(void **state)
{
    (void)state;
    qaward_review_rules *r;
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    const char *ids[] = {"material", "defence", "site"};
    int64_t tot[] = {70001, 60000, 80000};
    int64_t c;
    int gp;
    /* 400 × 700.01 + 600 × 800.00 = 760.004 -> 760.00 */
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "organization", 3, ids, tot), 0);
    assert_int_equal(c, 76000);
    assert_true(gp);
    /* 400 × 700.05 + 600 × 800.00 -> 760.02 exactly */
    tot[0] = 70005;
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "organization", 3, ids, tot), 0);
    assert_int_equal(c, 76002);
    /* 400 × 700.03 + 600 × 800.01 = 760.018 -> 760.02 */
    tot[0] = 70003;
    tot[2] = 80001;
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "organization", 3, ids, tot), 0);
    assert_int_equal(c, 76002);
    /* individual 500/500: 70.01 and 70.00 -> 70.005 -> 70.01 (half away from zero) */
    const char *iids[] = {"site", "material"};
    int64_t itot[] = {7001, 7000};
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "individual", 2, iids, itot), 0);
    assert_int_equal(c, 7001);
    qaward_review_rules_free(r);
}

static void art13_5_defence_gate_day_before_of_after(void **state)
{
    (void)state;
    qaward_review_rules *r;
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    const char *ids[] = {"material", "defence", "site"};
    int64_t tot[] = {70000, 54999, 80000};
    int64_t c;
    int gp;
    /* 549.99 < pass mark 550.00: fails, no composite, no site review needed */
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "organization", 2, ids, tot), 0);
    assert_false(gp);
    assert_int_equal(c, 0);
    tot[1] = 55000; /* exactly the pass mark passes */
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "organization", 3, ids, tot), 0);
    assert_true(gp);
    assert_int_equal(c, 76000);
    tot[1] = 55001;
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "organization", 3, ids, tot), 0);
    assert_true(gp);
    /* passed the gate but the site review is missing */
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "organization", 2, ids, tot), QAWARD_ENOTFOUND);
    MSG_HAS("no total for stage site");
    /* the gate stage itself missing */
    const char *only[] = {"material"};
    assert_int_equal(qaward_review_rules_composite(&c, &gp, ctx, r, "organization", 1, only, tot), QAWARD_ENOTFOUND);
    MSG_HAS("gate stage defence");
    qaward_review_rules_free(r);
}

static void art13_composites_batch_over_kinds_and_schemes(void **state)
{
    (void)state;
    qaward_review_rules *r;
    qaward_scheme *ind;
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    assert_int_equal(qaward_scheme_builtin(&ind, ctx, "individual-example"), 0);
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    assert_int_equal(qaward_score_options_from_rules(&o, ctx, r), 0);
    assert_int_equal(o.aggregation, QAWARD_AGG_TRIMMED_MEAN);
    assert_int_equal(o.min_assessors, 5);
    assert_int_equal(o.spread_threshold_pct, 20);
    qaward_sheets *so, *si;
    assert_int_equal(qaward_sheets_new(&so, ctx, gbt), 0);
    assert_int_equal(qaward_sheets_new(&si, ctx, ind), 0);
    const char *as[] = {"E1", "E2", "E3", "E4", "E5"};
    for (int k = 0; k < 5; k++) {
        add_sheet(so, "O1", "material", as[k], QAWARD_ROLE_ASSESSOR, 60, NULL);
        add_sheet(so, "O1", "defence", as[k], QAWARD_ROLE_ASSESSOR, 60, NULL);
        add_sheet(so, "O1", "site", as[k], QAWARD_ROLE_ASSESSOR, 70, NULL);
        add_sheet(so, "O2", "material", as[k], QAWARD_ROLE_ASSESSOR, 50, NULL);
        add_sheet(so, "O2", "defence", as[k], QAWARD_ROLE_ASSESSOR, 50, NULL);
        add_sheet(so, "O3", "material", as[k], QAWARD_ROLE_ASSESSOR, 60, NULL);
        add_sheet(so, "O3", "defence", as[k], QAWARD_ROLE_ASSESSOR, 60, NULL);
        add_sheet(si, "I1", "material", as[k], QAWARD_ROLE_ASSESSOR, 80, NULL);
        add_sheet(si, "I1", "site", as[k], QAWARD_ROLE_ASSESSOR, 70, NULL);
    }
    add_sheet(so, "O1", "self", "self", QAWARD_ROLE_SELF, 90, NULL);
    qaward_scores *sco, *sci;
    assert_int_equal(qaward_scores_compute(&sco, ctx, so, &o), 0);
    assert_int_equal(qaward_scores_compute(&sci, ctx, si, &o), 0);
    const qaward_scores *sets[] = {sco, sci};
    qaward_composites *c;
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 2, sets), QAWARD_EINVAL);
    MSG_HAS("applicant O1: no subject kind given");
    qaward_sheets_set_kind(ctx, so, "O1", "organization");
    qaward_sheets_set_kind(ctx, so, "O2", "organization");
    qaward_sheets_set_kind(ctx, so, "O3", "organization");
    qaward_sheets_set_kind(ctx, si, "I1", "organization");
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 2, sets), QAWARD_EINVAL);
    MSG_HAS("scored on scheme individual-example, but review rule kinds.organization.scheme is gbt19580-2012");
    qaward_sheets_free(si);
    qaward_scores_free(sci);
    assert_int_equal(qaward_sheets_new(&si, ctx, ind), 0);
    for (int k = 0; k < 5; k++) {
        add_sheet(si, "I1", "material", as[k], QAWARD_ROLE_ASSESSOR, 80, NULL);
        add_sheet(si, "I1", "site", as[k], QAWARD_ROLE_ASSESSOR, 70, NULL);
    }
    qaward_sheets_set_kind(ctx, si, "I1", "individual");
    assert_int_equal(qaward_scores_compute(&sci, ctx, si, &o), 0);
    sets[1] = sci;
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 2, sets), 0);
    assert_int_equal(qaward_composites_count(c), 4);
    const char *app, *kind;
    int st;
    int64_t v;
    assert_int_equal(qaward_composites_get(&app, &kind, &st, &v, ctx, c, 0), 0);
    assert_string_equal(app, "O1");
    assert_int_equal(st, QAWARD_COMPOSITE_OK);
    assert_int_equal(v, 66000); /* 0.4 × 600 + 0.6 × 700 */
    assert_int_equal(qaward_composites_get(&app, NULL, &st, &v, ctx, c, 1), 0);
    assert_string_equal(app, "O2");
    assert_int_equal(st, QAWARD_COMPOSITE_GATE_FAILED); /* 500 < 550 */
    assert_int_equal(qaward_composites_get(&app, NULL, &st, &v, ctx, c, 2), 0);
    assert_int_equal(st, QAWARD_COMPOSITE_INCOMPLETE); /* passed the defence, no site review yet */
    assert_int_equal(qaward_composites_get(&app, &kind, &st, &v, ctx, c, 3), 0);
    assert_string_equal(kind, "individual");
    assert_int_equal(v, 7500);
    assert_int_equal(qaward_composites_stage_total(&v, ctx, c, 0, "defence"), 0);
    assert_int_equal(v, 60000);
    assert_int_equal(qaward_composites_stage_total(&v, ctx, c, 1, "site"), QAWARD_ENOTFOUND);
    char *json;
    assert_int_equal(qaward_composites_to_json(&json, ctx, c), 0);
    assert_non_null(strstr(json, "\"applicant\":\"O2\",\"kind\":\"organization\",\"scheme\":\"gbt19580-2012\","
                                 "\"status\":\"gate_failed\",\"composite\":null,\"failed_gate\":\"defence\""));
    assert_non_null(strstr(json, "\"status\":\"incomplete\",\"composite\":null,\"missing_stage\":\"site\""));
    qaward_string_free(ctx, json);
    assert_int_equal(qaward_composites_to_text(&json, ctx, c, "en"), 0);
    assert_non_null(strstr(json, "O1           organization  660.00  [material 600.00, defence 600.00, site 700.00]"));
    qaward_string_free(ctx, json);
    qaward_composites_free(c);
    /* an applicant in two sets */
    const qaward_scores *twice[] = {sco, sco};
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 2, twice), QAWARD_EEXISTS);
    qaward_scores_free(sco);
    qaward_scores_free(sci);
    qaward_sheets_free(so);
    qaward_sheets_free(si);
    qaward_scheme_free(ind);
    qaward_review_rules_free(r);
}

static void example_sheets_file_scores_end_to_end(void **state)
{
    (void)state;
    FILE *f = fopen(QA_SOURCE_ROOT "/data/examples/sheets-2025.json", "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    qaward_sheets *s;
    qaward_review_rules *r;
    qaward_scores *sc;
    qaward_composites *c;
    assert_int_equal(qaward_sheets_load_json(&s, ctx, gbt, buf, n), 0);
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    qaward_score_options_from_rules(&o, ctx, r);
    assert_int_equal(qaward_scores_compute(&sc, ctx, s, &o), 0);
    const qaward_scores *sets[] = {sc};
    assert_int_equal(qaward_composites_compute(&c, ctx, r, 1, sets), 0);
    assert_int_equal(qaward_composites_count(c), 3);
    qaward_composites_free(c);
    qaward_scores_free(sc);
    qaward_sheets_free(s);
    qaward_review_rules_free(r);
}

/* Issue 7.2: the whole scoring path under a failing allocator: OK or ENOMEM, no leak. */
static char oom_doc[1 << 16];
static size_t oom_doc_len;

static int scenario_scoring(qaward_ctx *c)
{
    qaward_scheme *gb = NULL, *ind = NULL;
    qaward_review_rules *r = NULL;
    qaward_sheets *s = NULL;
    qaward_scores *sc = NULL;
    qaward_composites *comp = NULL;
    char *j = NULL, *t = NULL;
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    int rc = qaward_scheme_builtin(&gb, c, "gbt19580-2012");
    if (!rc)
        rc = qaward_scheme_builtin(&ind, c, "individual-example");
    if (!rc)
        rc = qaward_review_rules_builtin(&r, c, "jian-2025-example");
    if (!rc)
        rc = qaward_score_options_from_rules(&o, c, r);
    if (!rc)
        rc = qaward_sheets_load_json(&s, c, ind, oom_doc, oom_doc_len);
    if (!rc)
        rc = qaward_scores_compute(&sc, c, s, &o);
    const qaward_scores *sets[1] = {sc};
    if (!rc)
        rc = qaward_composites_compute(&comp, c, r, 1, sets);
    if (!rc)
        rc = qaward_scores_to_json(&j, c, sc);
    if (!rc)
        rc = qaward_scores_to_text(&t, c, sc, "zh");
    qaward_string_free(c, j);
    qaward_string_free(c, t);
    j = t = NULL;
    if (!rc)
        rc = qaward_composites_to_json(&j, c, comp);
    if (!rc)
        rc = qaward_composites_to_text(&t, c, comp, "en");
    qaward_string_free(c, j);
    qaward_string_free(c, t);
    qaward_composites_free(comp);
    qaward_scores_free(sc);
    qaward_sheets_free(s);
    qaward_review_rules_free(r);
    qaward_scheme_free(ind);
    qaward_scheme_free(gb);
    return rc;
}

static void oom_scoring_path_survives_every_failing_allocation(void **state)
{
    (void)state;
    FILE *f = fopen(QA_SOURCE_ROOT "/data/examples/sheets-2025-individual.json", "rb");
    assert_non_null(f);
    oom_doc_len = fread(oom_doc, 1, sizeof oom_doc, f);
    fclose(f);
    long points = oom_run("scoring", scenario_scoring);
    assert_true(points >= 200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(art6_gbt19580_2012_table),
        cmocka_unit_test(art11_individual_scheme_is_an_example),
        cmocka_unit_test(scheme_sums_are_checked_and_name_the_node),
        cmocka_unit_test(art6_every_item_at_50_percent_gives_500),
        cmocka_unit_test(art6_item_443_at_35_percent_gives_5_25),
        cmocka_unit_test(rounding_half_away_from_zero),
        cmocka_unit_test(art13_mean_odd_and_even),
        cmocka_unit_test(art13_median_odd_and_even),
        cmocka_unit_test(art13_trimmed_mean_odd_and_even),
        cmocka_unit_test(art13_trimmed_mean_below_min_assessors_fails),
        cmocka_unit_test(art13_consensus_sheet_decides),
        cmocka_unit_test(spread_is_flagged_only_above_threshold),
        cmocka_unit_test(r14_several_assessors_without_a_method_is_enorule),
        cmocka_unit_test(art13_2_self_assessment_scored_by_same_code),
        cmocka_unit_test(sheet_values_are_checked_and_named),
        cmocka_unit_test(sheets_json_errors_name_path_item_and_value),
        cmocka_unit_test(r14_example_rules_load_with_their_values),
        cmocka_unit_test(r14_every_unset_rule_is_enorule_naming_it),
        cmocka_unit_test(r14_rules_documents_are_checked),
        cmocka_unit_test(art13_composite_is_exact_with_one_rounding),
        cmocka_unit_test(art13_5_defence_gate_day_before_of_after),
        cmocka_unit_test(art13_composites_batch_over_kinds_and_schemes),
        cmocka_unit_test(example_sheets_file_scores_end_to_end),
        cmocka_unit_test(oom_scoring_path_survives_every_failing_allocation),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

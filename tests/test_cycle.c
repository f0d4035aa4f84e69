/* The award cycle (Art. 4, 5, 13, 15, 17; R8, R12, R13, R19) and sanctions (Art. 20, 22; R9–R11). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qaward.h>
#include "faultstore.h"
#include "policy_fixture.h"

#define RULES_HEAD "{\"format\":\"qaward-review-rules/1\",\"id\":\"test\","
#define RULES_KINDS                                                                                                   \
    "\"kinds\":[{\"id\":\"organization\",\"stages\":[{\"id\":\"material\",\"weight_permille\":400},"                   \
    "{\"id\":\"site\",\"weight_permille\":600}],\"min_composite\":{\"award\":600.00,\"nomination\":500.00}},"          \
    "{\"id\":\"individual\",\"min_composite\":{\"award\":70.00,\"nomination\":60.00}}],"
#define RULES_VOTE(backfill)                                                                                           \
    "\"vote\":{\"quorum\":{\"num\":2,\"den\":3},\"pass\":{\"num\":1,\"den\":2,\"strict\":true},\"backfill\":" backfill "}"

static qaward_review_rules *rules_load(const char *json)
{
    qaward_review_rules *r = NULL;
    int rc = qaward_review_rules_load_json(&r, ctx, json, strlen(json));
    if (rc)
        fail_msg("rules: %s", qaward_ctx_message(ctx));
    return r;
}

static qaward_review_rules *rules_plain(void) { return rules_load(RULES_HEAD RULES_KINDS RULES_VOTE("false") "}"); }
static qaward_review_rules *rules_tb(void)
{
    return rules_load(RULES_HEAD RULES_KINDS "\"tie_break\":[\"site\",\"material\"]," RULES_VOTE("false") "}");
}
static qaward_review_rules *rules_backfill(void) { return rules_load(RULES_HEAD RULES_KINDS RULES_VOTE("true") "}"); }

static qaward_cycle *mk(const qaward_policy *p, const qaward_review_rules *r)
{
    qaward_cycle *c = NULL;
    assert_int_equal(qaward_cycle_new(&c, ctx, p, r, "2025", 20251218), 0);
    return c;
}

/* Add an eligible candidate with a composite (hundredths) and a passing vote. */
static size_t add(qaward_cycle *c, const char *id, const char *kind, int64_t composite)
{
    size_t ix;
    assert_int_equal(qaward_cycle_add_candidate(&ix, ctx, c, id, NULL, kind), 0);
    assert_int_equal(qaward_cycle_set_verdict(ctx, c, ix, QAWARD_CYCLE_ELIGIBLE), 0);
    if (composite >= 0)
        assert_int_equal(qaward_cycle_set_composite(ctx, c, ix, composite), 0);
    assert_int_equal(qaward_cycle_set_vote(ctx, c, ix, 10, 2, 1, 13, 15), 0);
    return ix;
}

static int outcome(const qaward_cycle *c, const char *id)
{
    return qaward_cycle_candidate_outcome(c, (size_t)qaward_cycle_candidate_find(c, id));
}
static const char *level(const qaward_cycle *c, const char *id)
{
    const char *l = qaward_cycle_candidate_level(c, (size_t)qaward_cycle_candidate_find(c, id));
    return l ? l : "-";
}

/* Art. 4 / R12: at most 3 per (level × kind); the 4th goes to the nomination. */
static void art4_quota_three_then_nomination(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = mk(jian, r);
    add(c, "A", "organization", 90000);
    add(c, "B", "organization", 80000);
    add(c, "C", "organization", 70000);
    add(c, "D", "organization", 65000);
    add(c, "E", "organization", 55000);
    add(c, "F", "organization", 49999); /* below the nomination minimum 500.00 */
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_string_equal(level(c, "A"), "award");
    assert_string_equal(level(c, "C"), "award");
    assert_string_equal(level(c, "D"), "nomination");
    assert_string_equal(level(c, "E"), "nomination");
    assert_int_equal(outcome(c, "F"), QAWARD_OUTCOME_BELOW_MIN);
    int32_t max, placed, vacant, tied;
    int64_t total;
    const char *lv;
    assert_int_equal(qaward_cycle_bucket_get(&lv, &max, &placed, &vacant, &tied, &total, c, 0), 0);
    assert_string_equal(lv, "award");
    assert_int_equal(placed, 3);
    assert_int_equal(vacant, 0);
    assert_int_equal(total, 3 * 50000000LL); /* R13: 500,000 CNY each */
    /* nomination-organisation bucket: 2 placed, 1 vacant */
    int found = 0;
    for (size_t i = 0; i < qaward_cycle_bucket_count(c); i++) {
        qaward_cycle_bucket_get(&lv, &max, &placed, &vacant, &tied, &total, c, i);
        if (strcmp(lv, "nomination") == 0 && placed == 2) {
            assert_int_equal(vacant, 1);
            assert_int_equal(total, 2 * 3000000LL);
            found = 1;
        }
    }
    assert_true(found);
    assert_int_equal(qaward_cycle_prize_total(c), 3 * 50000000LL + 2 * 3000000LL);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* R12: the minimum is inclusive (a composite equal to it qualifies); one hundredth below does not. */
static void r12_minimum_boundary(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = mk(jian, r);
    add(c, "AT", "organization", 60000);
    add(c, "BELOW", "organization", 59999);
    add(c, "IND", "individual", 7000);
    add(c, "IND2", "individual", 5999);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_string_equal(level(c, "AT"), "award");
    assert_string_equal(level(c, "BELOW"), "nomination");
    assert_string_equal(level(c, "IND"), "award");
    assert_int_equal(qaward_cycle_candidate_prize(c, 2), 3000000); /* individual award 30,000 */
    assert_int_equal(outcome(c, "IND2"), QAWARD_OUTCOME_BELOW_MIN);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* R12: a tie across the last place without a tie-break order is left to the leading group. */
static void r12_tie_at_last_place_reported(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = mk(jian, r);
    add(c, "A", "organization", 90000);
    add(c, "B", "organization", 80000);
    add(c, "T1", "organization", 70000);
    add(c, "T2", "organization", 70000);
    add(c, "T3", "organization", 70000);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(outcome(c, "T1"), QAWARD_OUTCOME_TIE);
    assert_int_equal(outcome(c, "T3"), QAWARD_OUTCOME_TIE);
    int32_t placed, vacant, tied;
    qaward_cycle_bucket_get(NULL, NULL, &placed, &vacant, &tied, NULL, c, 0);
    assert_int_equal(placed, 2);
    assert_int_equal(tied, 1);
    assert_int_equal(vacant, 0);
    /* finalising with an open tie is refused */
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&st, ms);
    assert_int_equal(qaward_cycle_finalise(ctx, c, &st), QAWARD_ESTATE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "tied"));
    /* the leading group decides: T2 gets the place; T1, T3 go to the nomination */
    qaward_cycle_decide_tie(ctx, c, 2, 0);
    qaward_cycle_decide_tie(ctx, c, 3, 1);
    qaward_cycle_decide_tie(ctx, c, 4, 0);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_string_equal(level(c, "T2"), "award");
    assert_string_equal(level(c, "T1"), "nomination");
    assert_string_equal(level(c, "T3"), "nomination");
    assert_int_equal(qaward_cycle_finalise(ctx, c, &st), 0);
    assert_int_equal(qaward_memstore_award_count(ms), 5);
    qaward_memstore_free(ms);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* R12: a tie exactly inside the quota is no tie at the last place. */
static void r12_tie_inside_quota_is_placed(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = mk(jian, r);
    add(c, "A", "organization", 70000);
    add(c, "B", "organization", 70000);
    add(c, "C", "organization", 65000);
    add(c, "D", "organization", 61000);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_string_equal(level(c, "A"), "award");
    assert_string_equal(level(c, "B"), "award");
    assert_string_equal(level(c, "C"), "award");
    assert_string_equal(level(c, "D"), "nomination");
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* R12: with a tie-break order the tie is broken by the stage totals, and traced. */
static void r12_tie_break_order_traced(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_tb();
    qaward_cycle *c = mk(jian, r);
    add(c, "A", "organization", 90000);
    add(c, "B", "organization", 80000);
    size_t t1 = add(c, "T1", "organization", 70000), t2 = add(c, "T2", "organization", 70000);
    qaward_cycle_set_stage_total(ctx, c, t1, "site", 69000);
    qaward_cycle_set_stage_total(ctx, c, t2, "site", 71000);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_string_equal(level(c, "T2"), "award");
    assert_string_equal(level(c, "T1"), "nomination");
    char *js = NULL;
    assert_int_equal(qaward_cycle_report(&js, ctx, c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0), 0);
    assert_non_null(strstr(js, "\"tie_breaks\""));
    assert_non_null(strstr(js, "\"above\": \"T2\""));
    qaward_string_free(ctx, js);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* Determinism: the same candidates in reverse order give the same outcomes. */
static void determinism_any_input_order(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    const char *ids[] = {"A", "B", "C", "D", "E", "F", "G"};
    int64_t sc[] = {90000, 70000, 70000, 70000, 65000, 52000, 30000};
    qaward_cycle *c1 = mk(jian, r), *c2 = mk(jian, r);
    for (int i = 0; i < 7; i++)
        add(c1, ids[i], "organization", sc[i]);
    for (int i = 6; i >= 0; i--)
        add(c2, ids[i], "organization", sc[i]);
    assert_int_equal(qaward_cycle_run(ctx, c1, NULL), 0);
    assert_int_equal(qaward_cycle_run(ctx, c2, NULL), 0);
    for (int i = 0; i < 7; i++) {
        assert_int_equal(outcome(c1, ids[i]), outcome(c2, ids[i]));
        assert_string_equal(level(c1, ids[i]), level(c2, ids[i]));
    }
    char *j1, *j2;
    assert_int_equal(qaward_cycle_report(&j1, ctx, c1, QAWARD_REPORT_JSON, 0, 0), 0);
    assert_int_equal(qaward_cycle_report(&j2, ctx, c2, QAWARD_REPORT_JSON, 0, 0), 0);
    assert_string_equal(j1, j2);
    qaward_string_free(ctx, j1);
    qaward_string_free(ctx, j2);
    qaward_cycle_free(c1);
    qaward_cycle_free(c2);
    qaward_review_rules_free(r);
}

static qaward_memstore *store_with_award(const char *id, const char *lvl, qaward_date d, qaward_date revoked)
{
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_award_record a;
    qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
    a.subject_id = id;
    a.level = lvl;
    a.kind = "organization";
    a.cycle_id = "2017";
    a.award_date = d;
    a.revoked_on = revoked;
    a.prize_fen = 50000000;
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), 0);
    return ms;
}

/* R8: a re-winner gets the title, prize 0, outside the count; the others still fill 3 places. */
static void r8_rewinner_outside_quota_prize_zero(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_memstore *ms = store_with_award("RW", "award", 20171220, QAWARD_DATE_NONE);
    qaward_store st;
    qaward_memstore_as_store(&st, ms);
    qaward_cycle *c = mk(jian, r);
    add(c, "RW", "organization", 95000);
    add(c, "A", "organization", 90000);
    add(c, "B", "organization", 80000);
    add(c, "C", "organization", 70000);
    assert_int_equal(qaward_cycle_run(ctx, c, &st), 0);
    assert_int_equal(outcome(c, "RW"), QAWARD_OUTCOME_REWIN);
    assert_int_equal(qaward_cycle_candidate_prize(c, 0), 0);
    assert_int_equal(qaward_cycle_candidate_rank(c, 0), 1);
    assert_string_equal(level(c, "C"), "award");
    int32_t placed;
    qaward_cycle_bucket_get(NULL, NULL, &placed, NULL, NULL, NULL, c, 0);
    assert_int_equal(placed, 3);
    assert_int_equal(qaward_cycle_prize_total(c), 3 * 50000000LL);
    /* finalise writes the re-win flag */
    assert_int_equal(qaward_cycle_finalise(ctx, c, &st), 0);
    char *js;
    assert_int_equal(qaward_memstore_to_json(&js, ms, ctx), 0);
    assert_non_null(strstr(js, "\"re_win\": true") ? js : strstr(js, "\"re_win\":true"));
    qaward_string_free(ctx, js);
    qaward_cycle_free(c);
    qaward_memstore_free(ms);
    qaward_review_rules_free(r);
}

/* R8: a revoked earlier award, or an earlier nomination, does not make a re-win. */
static void r8_revoked_or_nomination_is_no_rewin(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_store st;
    qaward_memstore *ms = store_with_award("X", "award", 20171220, 20190301);
    qaward_memstore_as_store(&st, ms);
    qaward_cycle *c = mk(jian, r);
    add(c, "X", "organization", 95000);
    assert_int_equal(qaward_cycle_run(ctx, c, &st), 0);
    assert_int_equal(outcome(c, "X"), QAWARD_OUTCOME_AWARDED);
    assert_int_equal(qaward_cycle_candidate_prize(c, 0), 50000000);
    qaward_cycle_free(c);
    qaward_memstore_free(ms);
    ms = store_with_award("X", "nomination", 20211216, QAWARD_DATE_NONE);
    qaward_memstore_as_store(&st, ms);
    c = mk(jian, r);
    add(c, "X", "organization", 95000);
    assert_int_equal(qaward_cycle_run(ctx, c, &st), 0);
    assert_int_equal(outcome(c, "X"), QAWARD_OUTCOME_AWARDED);
    qaward_cycle_free(c);
    qaward_memstore_free(ms);
    qaward_review_rules_free(r);
}

/* Art. 13(7): a failed vote leaves the place vacant; no backfill unless the rules allow it. */
static void art13_7_failed_vote_vacant_without_backfill(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = mk(jian, r);
    add(c, "A", "organization", 90000);
    size_t b = add(c, "B", "organization", 80000);
    add(c, "C", "organization", 70000);
    add(c, "D", "organization", 65000);
    /* 7 of 13 present: 7 × 2 > 13 passes (strict); 6 fails */
    qaward_cycle_set_vote(ctx, c, b, 6, 5, 2, 13, 15);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(outcome(c, "B"), QAWARD_OUTCOME_VOTE_FAILED);
    assert_int_equal(qaward_cycle_candidate_vote(c, b), QAWARD_VOTE_FAILED);
    assert_string_equal(level(c, "D"), "nomination");
    int32_t placed, vacant;
    qaward_cycle_bucket_get(NULL, NULL, &placed, &vacant, NULL, NULL, c, 0);
    assert_int_equal(placed, 2);
    assert_int_equal(vacant, 1);
    qaward_cycle_set_vote(ctx, c, b, 7, 4, 2, 13, 15);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(outcome(c, "B"), QAWARD_OUTCOME_AWARDED);
    /* quorum 2/3 of 15 = 10 present: 9 present is no quorum */
    qaward_cycle_set_vote(ctx, c, b, 9, 0, 0, 9, 15);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(qaward_cycle_candidate_vote(c, b), QAWARD_VOTE_NO_QUORUM);
    qaward_cycle_set_vote(ctx, c, b, 10, 0, 0, 10, 15);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(qaward_cycle_candidate_vote(c, b), QAWARD_VOTE_PASSED);
    /* inconsistent counts are refused */
    assert_int_equal(qaward_cycle_set_vote(ctx, c, b, 10, 4, 0, 13, 15), QAWARD_ERANGE);
    assert_int_equal(qaward_cycle_set_vote(ctx, c, b, 1, 0, 0, 16, 15), QAWARD_ERANGE);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

static void art13_7_failed_vote_backfilled_when_allowed(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_backfill();
    qaward_cycle *c = mk(jian, r);
    add(c, "A", "organization", 90000);
    size_t b = add(c, "B", "organization", 80000);
    add(c, "C", "organization", 70000);
    add(c, "D", "organization", 65000);
    add(c, "E", "organization", 52000);
    qaward_cycle_set_vote(ctx, c, b, 3, 8, 2, 13, 15);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(outcome(c, "B"), QAWARD_OUTCOME_VOTE_FAILED);
    assert_string_equal(level(c, "D"), "award");
    assert_string_equal(level(c, "E"), "nomination");
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* R14: a needed review rule that is not set is an error, never a guess. */
static void r14_missing_rule_is_enorule(void **s)
{
    (void)s;
    qaward_cycle *c = mk(jian, NULL);
    add(c, "A", "organization", 90000);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), QAWARD_ENORULE);
    qaward_cycle_free(c);
    qaward_review_rules *r = rules_load(RULES_HEAD RULES_KINDS "\"vote\":{}}");
    c = mk(jian, r);
    add(c, "A", "organization", 90000);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), QAWARD_ENORULE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "A"));
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* Art. 13(3), (5): refused, incomplete and defence-gate candidates take no place. */
static void art13_refused_incomplete_gate(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = mk(jian, r);
    size_t x = add(c, "REF", "organization", 90000);
    qaward_cycle_set_verdict(ctx, c, x, QAWARD_CYCLE_INELIGIBLE);
    qaward_cycle_add_reason(ctx, c, x, "art20_false_materials_ban", "第二十条", "五年内不予受理", "banned for 5 years");
    x = add(c, "INC", "organization", 90000);
    qaward_cycle_set_verdict(ctx, c, x, QAWARD_CYCLE_INCOMPLETE);
    x = add(c, "GATE", "organization", 90000);
    qaward_cycle_set_defence(ctx, c, x, 0);
    add(c, "NOSCORE", "organization", -1);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(outcome(c, "REF"), QAWARD_OUTCOME_REFUSED);
    assert_int_equal(outcome(c, "INC"), QAWARD_OUTCOME_INCOMPLETE);
    assert_int_equal(outcome(c, "GATE"), QAWARD_OUTCOME_GATE_FAILED);
    assert_int_equal(outcome(c, "NOSCORE"), QAWARD_OUTCOME_NOT_SCORED);
    char *t;
    assert_int_equal(qaward_cycle_report(&t, ctx, c, QAWARD_REPORT_TEXT, QAWARD_LANG_EN, 1), 0);
    assert_non_null(strstr(t, "banned for 5 years"));
    qaward_string_free(ctx, t);
    /* a candidate without a verdict stops the run */
    size_t y;
    qaward_cycle_add_candidate(&y, ctx, c, "NOVERDICT", NULL, "organization");
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), QAWARD_ESTATE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "NOVERDICT"));
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* Bad inputs name what is wrong. */
static void bad_inputs(void **s)
{
    (void)s;
    qaward_cycle *c = mk(jian, NULL);
    assert_int_equal(qaward_cycle_add_candidate(NULL, ctx, c, "A", NULL, "robot"), QAWARD_ENOTFOUND);
    assert_non_null(strstr(qaward_ctx_message(ctx), "robot"));
    assert_int_equal(qaward_cycle_add_candidate(NULL, ctx, c, "A", NULL, "organization"), 0);
    assert_int_equal(qaward_cycle_add_candidate(NULL, ctx, c, "A", NULL, "organization"), QAWARD_EEXISTS);
    /* candidate getters (used by the bindings): name defaults to the id */
    assert_string_equal(qaward_cycle_candidate_id(c, 0), "A");
    assert_string_equal(qaward_cycle_candidate_name(c, 0), "A");
    assert_string_equal(qaward_cycle_candidate_kind(c, 0), "organization");
    assert_null(qaward_cycle_candidate_id(c, 1));
    assert_null(qaward_cycle_candidate_name(c, 1));
    assert_null(qaward_cycle_candidate_kind(NULL, 0));
    assert_int_equal(qaward_cycle_set_composite(ctx, c, 0, -1), QAWARD_ERANGE);
    assert_int_equal(qaward_cycle_set_composite(ctx, c, 5, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_cycle_set_verdict(ctx, c, 0, 9), QAWARD_EINVAL);
    char *out;
    assert_int_equal(qaward_cycle_report(&out, ctx, c, QAWARD_REPORT_TEXT, 0, 0), QAWARD_ESTATE);
    qaward_cycle_free(c);
    qaward_cycle *c2 = NULL;
    assert_int_equal(qaward_cycle_new(&c2, ctx, jian, NULL, "2022", 20220101), QAWARD_ENOPOLICY); /* R17 */
    assert_null(c2);
}

/* Pooled quotas (fictional Lakeside policy): kinds share one quota; honour-only tier pays nothing. */
static void pooled_quota_lakeside(void **s)
{
    (void)s;
    const char *json = "{\"format\":\"qaward-review-rules/1\",\"id\":\"lk\",\"kinds\":["
                       "{\"id\":\"organization\",\"min_composite\":{\"gold\":700.00,\"silver\":600.00,\"commendation\":500.00}},"
                       "{\"id\":\"individual\",\"min_composite\":{\"gold\":700.00,\"silver\":600.00,\"commendation\":500.00}}],"
                       "\"vote\":{\"quorum\":{\"num\":1,\"den\":2},\"pass\":{\"num\":2,\"den\":3,\"strict\":false},"
                       "\"backfill\":true}}";
    qaward_review_rules *r = rules_load(json);
    qaward_cycle *c = NULL;
    assert_int_equal(qaward_cycle_new(&c, ctx, lake, r, "lk-2025", 20251120), 0);
    add(c, "O1", "organization", 85000);
    add(c, "I1", "individual", 80000);
    add(c, "O2", "organization", 75000);
    add(c, "I2", "individual", 55000);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_string_equal(level(c, "O1"), "gold");
    assert_string_equal(level(c, "I1"), "gold"); /* pooled: 2 gold places across both kinds */
    assert_string_equal(level(c, "O2"), "silver");
    assert_string_equal(level(c, "I2"), "commendation");
    assert_int_equal(qaward_cycle_candidate_prize(c, 3), 0); /* honour-only */
    assert_int_equal(qaward_cycle_candidate_prize(c, 0), 20000000);
    assert_int_equal(qaward_cycle_candidate_prize(c, 1), 2000000);
    assert_int_equal(qaward_cycle_prize_total(c), 20000000 + 2000000 + 5000000);
    assert_int_equal(qaward_cycle_bucket_count(c), 3);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* R19: the public report never contains trade-secret-marked material. */
static void r19_public_report_omits_trade_secrets(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = mk(jian, r);
    size_t a = add(c, "A", "organization", -1);
    qaward_cycle_set_stage_total(ctx, c, a, "material", 81234);
    qaward_cycle_set_stage_total(ctx, c, a, "site", 80000);
    qaward_cycle_set_scores_secret(ctx, c, a, 1);
    qaward_cycle_add_note(ctx, c, a, "工艺", "SECRET-PROCESS-42", 1);
    qaward_cycle_add_note(ctx, c, a, "产品", "public product", 0);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    int64_t comp;
    assert_int_equal(qaward_cycle_candidate_composite(&comp, c, a), 0);
    assert_int_equal(comp, 80494); /* 0.4 × 812.34 + 0.6 × 800.00 = 804.936 -> 804.94 */
    for (int fmt = 0; fmt < 2; fmt++)
        for (int lang = 0; lang < 2; lang++) {
            char *pub, *rev;
            assert_int_equal(qaward_cycle_report(&pub, ctx, c, fmt, lang, 1), 0);
            assert_int_equal(qaward_cycle_report(&rev, ctx, c, fmt, lang, 0), 0);
            assert_null(strstr(pub, "SECRET-PROCESS-42"));
            assert_null(strstr(pub, "812.34"));
            assert_non_null(strstr(pub, "public product"));
            assert_non_null(strstr(rev, "SECRET-PROCESS-42"));
            assert_non_null(strstr(rev, "812.34"));
            qaward_string_free(ctx, pub);
            qaward_string_free(ctx, rev);
        }
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

static qaward_cycle *finalisable(qaward_review_rules *r)
{
    qaward_cycle *c = mk(jian, r);
    add(c, "A", "organization", 90000);
    add(c, "B", "organization", 80000);
    add(c, "I", "individual", 8000);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    return c;
}

/* Storage failure at each callback position k: nothing committed, rollback called, error unchanged. */
static void store_failure_at_each_callback(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = finalisable(r);
    long k;
    for (k = 1;; k++) {
        qaward_memstore *ms;
        assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
        qaward_store inner, st;
        qaward_memstore_as_store(&inner, ms);
        faultstore f;
        faultstore_wrap(&f, &st, &inner, k);
        int rc = qaward_cycle_finalise(ctx, c, &st);
        if (!f.failed) {
            assert_int_equal(rc, 0);
            assert_int_equal(qaward_memstore_award_count(ms), 3);
            qaward_memstore_free(ms);
            break;
        }
        assert_int_equal(rc, FAULT_CODE);
        assert_int_equal(qaward_ctx_status(ctx), FAULT_CODE);
        assert_int_equal(f.commits, 0);
        assert_int_equal(qaward_memstore_award_count(ms), 0);
        assert_int_equal(f.in_tx, 0);
        if (f.began)
            assert_int_equal(f.rollbacks, 1);
        qaward_memstore_free(ms);
    }
    assert_true(k >= 5); /* finalised?, begin, 3 writes, commit */
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* Finalising the same cycle twice is refused (QAWARD_EEXISTS). */
static void double_finalise_refused(void **s)
{
    (void)s;
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = finalisable(r);
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&st, ms);
    assert_int_equal(qaward_cycle_finalise(ctx, c, &st), 0);
    assert_int_equal(qaward_cycle_finalise(ctx, c, &st), QAWARD_EEXISTS);
    assert_non_null(strstr(qaward_ctx_message(ctx), "already finalised"));
    assert_int_equal(qaward_memstore_award_count(ms), 3);
    qaward_memstore_free(ms);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
}

/* The sample cycle document runs end to end. */
static void sample_cycle_document(void **s)
{
    (void)s;
    char path[1024];
    snprintf(path, sizeof path, "%s/data/examples/cycle-2025.json", QA_SOURCE_ROOT);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    qaward_cycle *c;
    int rc = qaward_cycle_load_json(&c, ctx, buf, (size_t)n);
    free(buf);
    if (rc)
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(outcome(c, "ORG-02"), QAWARD_OUTCOME_REWIN);
    assert_int_equal(outcome(c, "ORG-04"), QAWARD_OUTCOME_TIE);
    assert_int_equal(outcome(c, "ORG-05"), QAWARD_OUTCOME_TIE);
    assert_int_equal(outcome(c, "ORG-10"), QAWARD_OUTCOME_REFUSED);
    assert_int_equal(outcome(c, "ORG-11"), QAWARD_OUTCOME_INCOMPLETE);
    assert_int_equal(outcome(c, "ORG-09"), QAWARD_OUTCOME_GATE_FAILED);
    assert_int_equal(outcome(c, "IND-05"), QAWARD_OUTCOME_VOTE_FAILED);
    assert_int_equal(qaward_cycle_prize_total(c), 114000000);
    qaward_cycle_free(c);
}

static void load_json_errors_name_path(void **s)
{
    (void)s;
    struct {
        const char *doc;
        int code;
        const char *needle;
    } cases[] = {
        {"{\"format\":\"qaward-cycle/2\"}", QAWARD_ESCHEMA, "$.format"},
        {"{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"x\",\"decision_date\":\"2025-12-18\"},\"policy\":\"nope\","
         "\"candidates\":[]}",
         QAWARD_ENOTFOUND, "$.policy"},
        {"{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"x\",\"decision_date\":\"2025-12-18\"},\"policy\":\"jian-2023\","
         "\"candidates\":[{\"id\":\"A\",\"kind\":\"organization\",\"verdict\":\"maybe\"}]}",
         QAWARD_ESCHEMA, "$.candidates[0].verdict"},
        {"{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"x\",\"decision_date\":\"2025-12-18\"},\"policy\":\"jian-2023\","
         "\"candidates\":[{\"id\":\"A\",\"kind\":\"organization\",\"verdict\":\"eligible\",\"bogus\":1}]}",
         QAWARD_ESCHEMA, "bogus"},
        {"{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"x\",\"decision_date\":\"2025-12-18\"},\"policy\":\"jian-2023\","
         "\"candidates\":[{\"id\":\"A\",\"kind\":\"organization\",\"verdict\":\"eligible\",\"vote\":{\"for\":9,"
         "\"against\":9,\"abstain\":0,\"present\":10,\"members\":15}}]}",
         QAWARD_ERANGE, "$.candidates[0].vote"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        qaward_cycle *c = (qaward_cycle *)1;
        int rc = qaward_cycle_load_json(&c, ctx, cases[i].doc, strlen(cases[i].doc));
        if (rc != cases[i].code || !strstr(qaward_ctx_message(ctx), cases[i].needle))
            fail_msg("case %zu: rc %d message \"%s\"", i, rc, qaward_ctx_message(ctx));
        assert_null(c);
    }
}

/* ---- sanctions ------------------------------------------------------------------- */

/* R10: fraud revokes the award and bans for 10 years from the finding. */
static void r10_fraud_revokes_and_bans_ten_years(void **s)
{
    (void)s;
    qaward_memstore *ms = store_with_award("F", "award", 20211216, QAWARD_DATE_NONE);
    qaward_store st;
    qaward_memstore_as_store(&st, ms);
    qaward_finding f;
    finding(&f, "F", "fraud_bribery", 20240310);
    qaward_sanction_outcome o;
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
    assert_int_equal(qaward_sanction_apply(&o, ctx, jian, &st, &f), 0);
    assert_int_equal(o.revokes, 1);
    assert_int_equal(o.revoked_award_date, 20211216);
    assert_int_equal(o.revoked_on, 20240310);
    assert_int_equal(o.ban_from, 20240310);
    assert_int_equal(o.ban_until, 20340310);
    assert_int_equal(o.public_notice, 1);
    assert_int_equal(qaward_memstore_sanction_count(ms), 1);
    char *js;
    assert_int_equal(qaward_memstore_to_json(&js, ms, ctx), 0);
    assert_non_null(strstr(js, "2024-03-10"));
    qaward_string_free(ctx, js);
    /* the revoked award no longer makes a re-win (R8) */
    qaward_review_rules *r = rules_plain();
    qaward_cycle *c = NULL;
    assert_int_equal(qaward_cycle_new(&c, ctx, jian, r, "2035", 20351218), 0);
    add(c, "F", "organization", 95000);
    assert_int_equal(qaward_cycle_run(ctx, c, &st), 0);
    assert_int_equal(outcome(c, "F"), QAWARD_OUTCOME_AWARDED);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
    qaward_memstore_free(ms);
}

/* R9: false materials: ban D <= as_of < D + 5 years, nothing revoked. */
static void r9_false_materials_five_year_ban(void **s)
{
    (void)s;
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_store st;
    qaward_memstore_as_store(&st, ms);
    qaward_finding f;
    finding(&f, "S", "false_materials", 20240229);
    qaward_sanction_outcome o;
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
    assert_int_equal(qaward_sanction_apply(&o, ctx, jian, &st, &f), 0);
    assert_int_equal(o.revokes, 0);
    assert_int_equal(o.ban_from, 20240229);
    assert_int_equal(o.ban_until, 20290228); /* R1: 29 Feb -> 28 Feb */
    qaward_memstore_free(ms);
}

/* R11: a post-award incident revokes only an award with award_date <= e < award_date + 5 years. */
static void r11_incident_window_boundary(void **s)
{
    (void)s;
    qaward_date events[] = {20261215, 20261216, 20211215};
    int revokes[] = {1, 0, 0};
    for (int i = 0; i < 3; i++) {
        qaward_memstore *ms = store_with_award("P", "award", 20211216, QAWARD_DATE_NONE);
        qaward_store st;
        qaward_memstore_as_store(&st, ms);
        qaward_finding f;
        finding(&f, "P", "post_award_incident", 20270105);
        f.event_date = events[i];
        qaward_sanction_outcome o;
        qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
        assert_int_equal(qaward_sanction_compute(&o, ctx, jian, &st, &f), 0);
        assert_int_equal(o.revokes, revokes[i]);
        assert_int_equal(o.ban_from, QAWARD_DATE_NONE); /* R11: no ban length stated */
        qaward_memstore_free(ms);
    }
}

/* Sanctions are written in one transaction: a failure at any callback leaves nothing. */
static void sanction_store_failure_at_each_callback(void **s)
{
    (void)s;
    long k;
    for (k = 1;; k++) {
        qaward_memstore *ms = store_with_award("F", "award", 20211216, QAWARD_DATE_NONE);
        qaward_store inner, st;
        qaward_memstore_as_store(&inner, ms);
        faultstore fs;
        faultstore_wrap(&fs, &st, &inner, k);
        qaward_finding f;
        finding(&f, "F", "fraud_bribery", 20240310);
        int rc = qaward_sanction_apply(NULL, ctx, jian, &st, &f);
        char *js;
        if (!fs.failed) {
            assert_int_equal(rc, 0);
            qaward_memstore_free(ms);
            break;
        }
        assert_int_equal(rc, FAULT_CODE);
        assert_int_equal(qaward_memstore_sanction_count(ms), 0);
        assert_int_equal(qaward_memstore_to_json(&js, ms, ctx), 0);
        assert_null(strstr(js, "2024-03-10")); /* not revoked */
        qaward_string_free(ctx, js);
        assert_int_equal(fs.commits, 0);
        if (fs.began)
            assert_int_equal(fs.rollbacks, 1);
        qaward_memstore_free(ms);
    }
    assert_true(k >= 4);
}

static void sanction_bad_inputs(void **s)
{
    (void)s;
    qaward_finding f;
    finding(&f, "X", "jaywalking", 20240101);
    qaward_sanction_outcome o;
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, NULL, &f), QAWARD_ENOTFOUND);
    assert_non_null(strstr(qaward_ctx_message(ctx), "jaywalking"));
    finding(&f, "X", "fraud_bribery", 20240230);
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, NULL, &f), QAWARD_EINVAL);
    finding(&f, "X", "fraud_bribery", 20240101);
    f.award_date = 20200101;
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, NULL, &f), QAWARD_ENOTFOUND);
    f.version = 99;
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, NULL, &f), QAWARD_EVERSION);
}

/* Every field of a finding, the outcome and the store is checked and named. */
static void sanction_each_field_refused_with_its_name(void **s)
{
    (void)s;
    qaward_finding f;
    qaward_sanction_outcome o;
    assert_int_equal(qaward_finding_init(&f, 2), QAWARD_EVERSION);
    assert_int_equal(qaward_sanction_outcome_init(&o, 2), QAWARD_EVERSION);
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
    finding(&f, "", "fraud_bribery", 20240101);
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, NULL, &f), QAWARD_EINVAL);
    MSG_HAS("qaward_sanction_compute: the finding needs subject_id and kind");
    finding(&f, "X", NULL, 20240101);
    assert_int_equal(qaward_sanction_apply(&o, ctx, jian, NULL, &f), QAWARD_EINVAL);
    MSG_HAS("qaward_sanction_apply: the finding needs subject_id and kind");
    finding(&f, "X", "fraud_bribery", 20240101);
    f.event_date = 20240230;
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, NULL, &f), QAWARD_EINVAL);
    MSG_HAS("finding against X: invalid event_date 20240230");
    f.event_date = QAWARD_DATE_NONE;
    f.award_date = 20241301;
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, NULL, &f), QAWARD_EINVAL);
    MSG_HAS("finding against X: invalid award_date 20241301");
    f.award_date = QAWARD_DATE_NONE;
    assert_int_equal(qaward_sanction_compute(NULL, ctx, jian, NULL, &f), QAWARD_EINVAL);
    MSG_HAS("qaward_sanction_compute: NULL out");
    o.version = 9;
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, NULL, &f), QAWARD_EVERSION);
    MSG_HAS("sanction outcome version 9 is not supported");
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
    qaward_store st;
    qaward_store_init(&st, QAWARD_STORE_VERSION);
    st.version = 7;
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, &st, &f), QAWARD_EVERSION);
    MSG_HAS("store version 7 is not supported");
    assert_int_equal(qaward_sanction_apply(&o, ctx, jian, NULL, &f), QAWARD_EINVAL);
    MSG_HAS("qaward_sanction_apply: no store");
    assert_int_equal(qaward_sanction_apply(&o, ctx, jian, &st, &f), QAWARD_EVERSION);
    MSG_HAS("store version 7 is not supported");
    qaward_store_init(&st, QAWARD_STORE_VERSION);
    o.version = 9;
    assert_int_equal(qaward_sanction_apply(&o, ctx, jian, &st, &f), QAWARD_EVERSION);
    MSG_HAS("sanction outcome version 9");
    assert_int_equal(qaward_sanction_apply(NULL, ctx, jian, &st, &f), QAWARD_EINVAL);
    MSG_HAS("the store needs begin_fn, write_sanction_fn, revoke_award_fn");
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&st, ms);
    static const char *const fns[] = {"begin", "commit", "rollback", "write_sanction", "revoke_award"};
    for (int i = 0; i < 5; i++) {
        qaward_store part = st;
        switch (i) {
        case 0: part.begin_fn = NULL; break;
        case 1: part.commit_fn = NULL; break;
        case 2: part.rollback_fn = NULL; break;
        case 3: part.write_sanction_fn = NULL; break;
        default: part.revoke_award_fn = NULL; break;
        }
        if (qaward_sanction_apply(NULL, ctx, jian, &part, &f) != QAWARD_EINVAL)
            fail_msg("store without %s_fn accepted", fns[i]);
        MSG_HAS("the store needs begin_fn");
    }
    assert_int_equal(qaward_memstore_sanction_count(ms), 0);
    qaward_memstore_free(ms);
}

static void add_award(qaward_memstore *ms, const char *id, const char *lvl, qaward_date d, qaward_date revoked)
{
    qaward_award_record a;
    qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
    a.subject_id = id;
    a.level = lvl;
    a.kind = "organization";
    a.award_date = d;
    a.revoked_on = revoked;
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), 0);
}

/* R10/R11 with a named award: the award must exist unrevoked on or before the
 * finding, and for Art. 22(2) the incident must fall in its 5-year window;
 * without a named award the latest one qualifying is revoked. */
static void r11_named_award_and_latest_award_choice(void **s)
{
    (void)s;
    qaward_memstore *ms = store_with_award("P", "award", 20211216, QAWARD_DATE_NONE);
    add_award(ms, "P", "nomination", 20150101, 20160101); /* revoked already */
    add_award(ms, "P", "award", 20181216, QAWARD_DATE_NONE);
    add_award(ms, "P", "award", 20300101, QAWARD_DATE_NONE); /* after the finding */
    qaward_store st;
    qaward_memstore_as_store(&st, ms);
    qaward_finding f;
    qaward_sanction_outcome o;
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);

    finding(&f, "P", "post_award_incident", 20270105);
    f.event_date = 20261215;
    f.award_date = 20211216;
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, &st, &f), 0);
    assert_int_equal(o.revokes, 1);
    assert_int_equal(o.revoked_award_date, 20211216);
    assert_string_equal(o.revoked_level, "award");
    assert_int_equal(o.revoked_on, 20270105);

    f.event_date = 20261216; /* day after the window closes: nothing revoked */
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, &st, &f), 0);
    assert_int_equal(o.revokes, 0);
    assert_int_equal(o.revoked_award_date, QAWARD_DATE_NONE);

    f.award_date = 20150101; /* revoked in 2016 */
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, &st, &f), QAWARD_ENOTFOUND);
    MSG_HAS("finding against P: no unrevoked award dated 2015-01-01 in its history");
    f.award_date = 20300101; /* after the finding */
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, &st, &f), QAWARD_ENOTFOUND);
    MSG_HAS("no unrevoked award dated 2030-01-01");

    /* Art. 22(1): no window; the latest unrevoked award before the finding */
    finding(&f, "P", "fraud_bribery", 20270105);
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, &st, &f), 0);
    assert_int_equal(o.revokes, 1);
    assert_int_equal(o.revoked_award_date, 20211216);
    assert_int_equal(o.ban_from, 20270105);
    assert_int_equal(o.ban_until, 20370105);
    f.award_date = 20181216;
    assert_int_equal(qaward_sanction_compute(&o, ctx, jian, &st, &f), 0);
    assert_int_equal(o.revoked_award_date, 20181216);
    qaward_memstore_free(ms);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(art4_quota_three_then_nomination),
        cmocka_unit_test(sanction_each_field_refused_with_its_name),
        cmocka_unit_test(r11_named_award_and_latest_award_choice),
        cmocka_unit_test(r12_minimum_boundary),
        cmocka_unit_test(r12_tie_at_last_place_reported),
        cmocka_unit_test(r12_tie_inside_quota_is_placed),
        cmocka_unit_test(r12_tie_break_order_traced),
        cmocka_unit_test(determinism_any_input_order),
        cmocka_unit_test(r8_rewinner_outside_quota_prize_zero),
        cmocka_unit_test(r8_revoked_or_nomination_is_no_rewin),
        cmocka_unit_test(art13_7_failed_vote_vacant_without_backfill),
        cmocka_unit_test(art13_7_failed_vote_backfilled_when_allowed),
        cmocka_unit_test(r14_missing_rule_is_enorule),
        cmocka_unit_test(art13_refused_incomplete_gate),
        cmocka_unit_test(bad_inputs),
        cmocka_unit_test(pooled_quota_lakeside),
        cmocka_unit_test(r19_public_report_omits_trade_secrets),
        cmocka_unit_test(store_failure_at_each_callback),
        cmocka_unit_test(double_finalise_refused),
        cmocka_unit_test(sample_cycle_document),
        cmocka_unit_test(load_json_errors_name_path),
        cmocka_unit_test(r10_fraud_revokes_and_bans_ten_years),
        cmocka_unit_test(r9_false_materials_five_year_ban),
        cmocka_unit_test(r11_incident_window_boundary),
        cmocka_unit_test(sanction_store_failure_at_each_callback),
        cmocka_unit_test(sanction_bad_inputs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

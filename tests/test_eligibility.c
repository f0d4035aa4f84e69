/* eligibility: every Art. 10/11 condition, waits (Art. 5) and bans (Art. 20, 22)
 * with boundary dates (day before, of, after), R1 29 February, R5 unknowns, R17. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "qaward.h"

#define QA_LEN(a) (sizeof(a) / sizeof((a)[0]))

static qaward_ctx *ctx;
static qaward_policy *jian, *lake;

static int setup(void **state)
{
    (void)state;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    assert_int_equal(qaward_policy_builtin(&jian, ctx, "jian-2023"), 0);
    assert_int_equal(qaward_policy_builtin(&lake, ctx, "lakeside-2024"), 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    qaward_policy_free(jian);
    qaward_policy_free(lake);
    qaward_ctx_free(ctx);
    return 0;
}

#define D(y, m, d) ((qaward_date)((y) * 10000 + (m) * 100 + (d)))

/* An organisation that passes every Art. 10 condition as of 2025-04-01. */
static qaward_subject *good_org(const char *region)
{
    qaward_subject *s;
    assert_int_equal(qaward_subject_new(&s, ctx, "org-1", "organization"), 0);
    assert_int_equal(qaward_subject_set_region(s, ctx, region), 0);
    assert_int_equal(qaward_subject_set_legal_person(s, ctx, 1), 0);
    assert_int_equal(qaward_subject_set_for_profit(s, ctx, 1), 0);
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, D(2010, 1, 1)), 0);
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_EXCELLENCE_SINCE, D(2020, 1, 1)), 0);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "iso9001", NULL, D(2012, 1, 1), QAWARD_DATE_NONE), 0);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "safety_standardization", "三级", D(2022, 1, 1), D(2027, 12, 31)), 0);
    for (int y = 2018; y <= 2040; y++)
        assert_int_equal(qaward_subject_set_profit(s, ctx, y, 100000000), 0);
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
    static const char *const att[] = {"supports_central_policies", "policy_compliance", "notable_quality_benefits",
                                      "industry_leading", "good_reputation", "social_contribution_leading"};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(qaward_subject_set_attestation(s, ctx, att[i], 1), 0);
    return s;
}

static qaward_subject *good_person(void)
{
    qaward_subject *s, *e;
    assert_int_equal(qaward_subject_new(&s, ctx, "ind-1", "individual"), 0);
    assert_int_equal(qaward_subject_set_region(s, ctx, "360802"), 0);
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_QUALITY_WORK_SINCE, D(2010, 1, 1)), 0);
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
    static const char *const att[] = {"supports_central_policies", "excellence_contribution", "widely_recognised",
                                      "professional_ethics"};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(qaward_subject_set_attestation(s, ctx, att[i], 1), 0);
    assert_int_equal(qaward_subject_employer(&e, ctx, s), 0);
    assert_int_equal(qaward_subject_add_certificate(e, ctx, "safety_standardization", "二级", D(2022, 1, 1), QAWARD_DATE_NONE), 0);
    assert_int_equal(qaward_subject_set_known(e, ctx, QAWARD_LIST_EVENTS, 1), 0);
    return s;
}

static qaward_verdict *check(const qaward_policy *p, const qaward_subject *s, const qaward_store *st, qaward_date d)
{
    qaward_verdict *v = NULL;
    int rc = qaward_check(&v, ctx, p, s, st, d);
    if (rc)
        fail_msg("qaward_check: %d %s", rc, qaward_ctx_message(ctx));
    return v;
}

static size_t find(const qaward_verdict *v, const char *rule)
{
    for (size_t i = 0; i < qaward_verdict_check_count(v); i++)
        if (strcmp(qaward_verdict_check_rule(v, i), rule) == 0)
            return i;
    fail_msg("rule %s not in verdict", rule);
    return 0;
}

/* Outcome of a rule as of a date; *earliest receives its earliest-pass date. */
static int outcome(const qaward_policy *p, const qaward_subject *s, const qaward_store *st, qaward_date d,
                   const char *rule, qaward_date *earliest)
{
    qaward_verdict *v = check(p, s, st, d);
    size_t i = find(v, rule);
    int o = qaward_verdict_check_outcome(v, i);
    if (earliest)
        *earliest = qaward_verdict_check_earliest(v, i);
    qaward_verdict_free(v);
    return o;
}

static int status(const qaward_policy *p, const qaward_subject *s, const qaward_store *st, qaward_date d,
                  qaward_date *earliest)
{
    qaward_verdict *v = check(p, s, st, d);
    int r = qaward_verdict_status(v);
    if (earliest)
        *earliest = qaward_verdict_earliest(v);
    qaward_verdict_free(v);
    return r;
}

static void baseline_org_and_person_eligible(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802"), *i = good_person();
    qaward_date e;
    assert_int_equal(status(jian, o, NULL, D(2025, 4, 1), &e), QAWARD_ELIGIBLE);
    assert_int_equal(e, D(2025, 4, 1));
    assert_int_equal(status(jian, i, NULL, D(2025, 4, 1), NULL), QAWARD_ELIGIBLE);
    qaward_verdict *v = check(jian, o, NULL, D(2025, 4, 1));
    size_t k = find(v, "art10_4_management_system_3_years");
    assert_string_equal(qaward_verdict_check_citation(v, k, QAWARD_LANG_ZH), "第十条（四）");
    assert_string_equal(qaward_verdict_check_citation(v, k, QAWARD_LANG_EN), "Art. 10(4)");
    assert_string_equal(qaward_verdict_check_type(v, k), "certificate_held");
    assert_non_null(strstr(qaward_verdict_check_facts(v, k), "\"held_since\":\"2012-01-01\""));
    assert_non_null(strstr(qaward_verdict_check_threshold(v, k), "\"years\":3"));
    assert_non_null(strstr(qaward_verdict_check_message(v, k, QAWARD_LANG_ZH), "2012-01-01"));
    qaward_verdict_free(v);
    qaward_subject_free(o);
    qaward_subject_free(i);
}

static void r17_no_policy_in_force_before_art26_date(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802");
    qaward_verdict *v = NULL;
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, D(2023, 2, 4)), QAWARD_ENOPOLICY);
    assert_null(v);
    assert_non_null(strstr(qaward_ctx_message(ctx), "2023-02-05"));
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, D(2023, 2, 5)), 0);
    qaward_verdict_free(v);
    /* lakeside ends 2028-12-31 (inclusive) */
    qaward_subject_set_region(o, ctx, "990101");
    assert_int_equal(qaward_check(&v, ctx, lake, o, NULL, D(2028, 12, 31)), 0);
    qaward_verdict_free(v);
    assert_int_equal(qaward_check(&v, ctx, lake, o, NULL, D(2029, 1, 1)), QAWARD_ENOPOLICY);
    qaward_subject_free(o);
}

static void art10_2_operating_3_years_boundary(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802");
    qaward_subject_set_date(o, ctx, QAWARD_DATE_REGISTRATION, D(2022, 4, 1));
    qaward_date e;
    assert_int_equal(outcome(jian, o, NULL, D(2025, 3, 31), "art10_2_operating_3_years", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2025, 4, 1));
    assert_int_equal(status(jian, o, NULL, D(2025, 3, 31), &e), QAWARD_INELIGIBLE);
    assert_int_equal(e, D(2025, 4, 1));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_2_operating_3_years", &e), QAWARD_PASS);
    assert_int_equal(e, QAWARD_DATE_NONE);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 2), "art10_2_operating_3_years", NULL), QAWARD_PASS);
    qaward_subject_set_date(o, ctx, QAWARD_DATE_REGISTRATION, QAWARD_DATE_NONE);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 2), "art10_2_operating_3_years", NULL), QAWARD_UNKNOWN);
    assert_int_equal(status(jian, o, NULL, D(2025, 4, 2), &e), QAWARD_INCOMPLETE);
    assert_int_equal(e, QAWARD_DATE_NONE);
    qaward_subject_free(o);
}

static void r1_feb29_start_maps_to_feb28(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802");
    qaward_subject_set_date(o, ctx, QAWARD_DATE_REGISTRATION, D(2020, 2, 29));
    qaward_date e;
    assert_int_equal(outcome(jian, o, NULL, D(2023, 2, 27), "art10_2_operating_3_years", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2023, 2, 28));
    assert_int_equal(outcome(jian, o, NULL, D(2023, 2, 28), "art10_2_operating_3_years", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, NULL, D(2023, 3, 1), "art10_2_operating_3_years", NULL), QAWARD_PASS);
    /* excellence since 2024-02-29 + 1 year = 2025-02-28 */
    qaward_subject_set_date(o, ctx, QAWARD_DATE_EXCELLENCE_SINCE, D(2024, 2, 29));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 2, 27), "art10_4_excellence_model_1_year", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2025, 2, 28));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 2, 28), "art10_4_excellence_model_1_year", NULL), QAWARD_PASS);
    qaward_subject_free(o);
}

static void art10_1_3_attestations_r6(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802");
    qaward_subject_set_attestation(o, ctx, "supports_central_policies", 0);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_1_supports_policies", NULL), QAWARD_FAIL);
    qaward_subject_set_attestation(o, ctx, "supports_central_policies", -1);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_1_supports_policies", NULL), QAWARD_UNKNOWN);
    assert_int_equal(status(jian, o, NULL, D(2025, 4, 1), NULL), QAWARD_INCOMPLETE);
    qaward_subject_set_attestation(o, ctx, "policy_compliance", 0);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_3_policy_compliance", NULL), QAWARD_FAIL);
    assert_int_equal(status(jian, o, NULL, D(2025, 4, 1), NULL), QAWARD_INELIGIBLE);
    qaward_subject_free(o);
}

static void art10_2_legal_person_and_art2_region(void **state)
{
    (void)state;
    qaward_subject *o = good_org("440305");
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art2_region", NULL), QAWARD_FAIL);
    qaward_subject_set_region(o, ctx, "3608");
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art2_region", NULL), QAWARD_PASS);
    qaward_subject_set_legal_person(o, ctx, 0);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_2_legal_person", NULL), QAWARD_FAIL);
    qaward_subject_set_legal_person(o, ctx, -1);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_2_legal_person", NULL), QAWARD_UNKNOWN);
    qaward_subject_free(o);
    /* Art. 2 region applies to individuals too (reading adopted) */
    qaward_subject *i = good_person();
    qaward_subject_set_region(i, ctx, "360101");
    assert_int_equal(outcome(jian, i, NULL, D(2025, 4, 1), "art2_region", NULL), QAWARD_FAIL);
    qaward_subject_free(i);
    qaward_subject *u;
    qaward_subject_new(&u, ctx, "ind-2", "individual");
    assert_int_equal(outcome(jian, u, NULL, D(2025, 4, 1), "art2_region", NULL), QAWARD_UNKNOWN);
    qaward_subject_free(u);
}

static void art10_4_iso9001_three_years_boundary(void **state)
{
    (void)state;
    qaward_subject *o;
    qaward_date e;
    /* rebuild the certificate list: only a 2022-04-01 ISO 9001 */
    o = good_org("360802");
    qaward_subject_free(o);
    qaward_subject_new(&o, ctx, "org-c", "organization");
    qaward_subject_add_certificate(o, ctx, "iso9001", NULL, D(2022, 4, 1), D(2028, 3, 31));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 3, 31), "art10_4_management_system_3_years", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2025, 4, 1));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_4_management_system_3_years", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 2), "art10_4_management_system_3_years", NULL), QAWARD_PASS);
    /* R3: still valid on as_of: valid_to is the last valid day */
    assert_int_equal(outcome(jian, o, NULL, D(2028, 3, 31), "art10_4_management_system_3_years", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, NULL, D(2028, 4, 1), "art10_4_management_system_3_years", &e), QAWARD_FAIL);
    assert_int_equal(e, QAWARD_DATE_NONE);
    qaward_subject_free(o);
}

static void art10_4_certificate_renewal_gap_restarts_the_run(void **state)
{
    (void)state;
    qaward_subject *o;
    qaward_subject_new(&o, ctx, "org-r", "organization");
    qaward_subject_add_certificate(o, ctx, "iso9001", NULL, D(2019, 1, 1), D(2021, 12, 31));
    qaward_subject_add_certificate(o, ctx, "iso9001", NULL, D(2022, 1, 1), D(2024, 12, 31));
    qaward_subject_add_certificate(o, ctx, "iso9001", NULL, D(2025, 1, 2), D(2027, 12, 31)); /* one-day gap */
    qaward_date e;
    assert_int_equal(outcome(jian, o, NULL, D(2024, 6, 1), "art10_4_management_system_3_years", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_4_management_system_3_years", &e), QAWARD_FAIL);
    assert_int_equal(e, QAWARD_DATE_NONE); /* 3 years (2028-01-02) fall after it lapses */
    qaward_subject_free(o);
    /* a certificate that lapses before 3 years is not blocked by time alone */
    qaward_subject_new(&o, ctx, "org-l", "organization");
    qaward_subject_add_certificate(o, ctx, "iso14001", NULL, D(2024, 1, 1), D(2026, 12, 31));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_4_management_system_3_years", &e), QAWARD_FAIL);
    assert_int_equal(e, QAWARD_DATE_NONE);
    qaward_subject_free(o);
    /* certificates not known: unknown; known and empty: fail */
    qaward_subject_new(&o, ctx, "org-u", "organization");
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_4_management_system_3_years", NULL), QAWARD_UNKNOWN);
    qaward_subject_set_known(o, ctx, QAWARD_LIST_CERTIFICATES, 1);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_4_management_system_3_years", NULL), QAWARD_FAIL);
    /* a certificate type the policy does not list does not count */
    qaward_subject_add_certificate(o, ctx, "iso27001", NULL, D(2010, 1, 1), QAWARD_DATE_NONE);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_4_management_system_3_years", NULL), QAWARD_FAIL);
    qaward_subject_free(o);
}

static void art10_4_excellence_model_one_year_boundary(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802");
    qaward_subject_set_date(o, ctx, QAWARD_DATE_EXCELLENCE_SINCE, D(2024, 4, 1));
    qaward_date e;
    assert_int_equal(outcome(jian, o, NULL, D(2025, 3, 31), "art10_4_excellence_model_1_year", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2025, 4, 1));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_4_excellence_model_1_year", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 2), "art10_4_excellence_model_1_year", NULL), QAWARD_PASS);
    qaward_subject_free(o);
}

static void art10_5_r4_profit_last_two_complete_years(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802");
    /* as of 2025: fiscal years 2023 and 2024 */
    qaward_subject_set_profit(o, ctx, 2025, -5); /* the current year does not count */
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_5_profit_2_years", NULL), QAWARD_PASS);
    qaward_subject_set_profit(o, ctx, 2024, 0); /* zero is not profit */
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_5_profit_2_years", NULL), QAWARD_FAIL);
    /* on 2024-12-31 the years are 2022 and 2023 */
    assert_int_equal(outcome(jian, o, NULL, D(2024, 12, 31), "art10_5_profit_2_years", NULL), QAWARD_PASS);
    /* on 2026-01-01: 2024 (zero) and 2025 (loss) */
    assert_int_equal(outcome(jian, o, NULL, D(2026, 1, 1), "art10_5_profit_2_years", NULL), QAWARD_FAIL);
    qaward_subject_free(o);
    o = good_org("360802");
    qaward_subject_free(o);
    qaward_subject_new(&o, ctx, "org-p", "organization");
    qaward_subject_set_for_profit(o, ctx, 1);
    qaward_subject_set_profit(o, ctx, 2024, 100);
    qaward_verdict *v = check(jian, o, NULL, D(2025, 4, 1));
    size_t k = find(v, "art10_5_profit_2_years");
    assert_int_equal(qaward_verdict_check_outcome(v, k), QAWARD_UNKNOWN); /* R4: a missing year is unknown */
    assert_string_equal(qaward_verdict_check_facts(v, k), "{\"net_profit_fen\":{\"2023\":null,\"2024\":100}}");
    qaward_verdict_free(v);
    qaward_subject_set_profit(o, ctx, 2023, -1); /* a known loss beats an unknown year */
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_5_profit_2_years", NULL), QAWARD_FAIL);
    /* non-profit: the profit and industry-leading checks do not apply; social contribution does */
    qaward_subject_set_for_profit(o, ctx, 0);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_5_profit_2_years", NULL), QAWARD_NOT_APPLICABLE);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_5_industry_leading", NULL), QAWARD_NOT_APPLICABLE);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_5_social_contribution", NULL), QAWARD_UNKNOWN);
    qaward_subject_set_for_profit(o, ctx, -1);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_5_profit_2_years", NULL), QAWARD_UNKNOWN);
    qaward_subject_free(o);
}

static void art10_6_r18_accident_grades_and_three_year_lookback(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802");
    qaward_date e;
    qaward_subject_add_event(o, ctx, "quality_accident", "一般", 0, D(2024, 1, 1));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_no_accidents", NULL), QAWARD_PASS);
    qaward_subject_add_event(o, ctx, "environmental_accident", "较大", 0, D(2023, 4, 1));
    assert_int_equal(outcome(jian, o, NULL, D(2026, 3, 31), "art10_6_no_accidents", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2026, 4, 1));
    assert_int_equal(outcome(jian, o, NULL, D(2026, 4, 1), "art10_6_no_accidents", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, NULL, D(2026, 4, 2), "art10_6_no_accidents", NULL), QAWARD_PASS);
    /* an event dated after as_of is not yet on record */
    assert_int_equal(outcome(jian, o, NULL, D(2023, 3, 31), "art10_6_no_accidents", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, NULL, D(2023, 4, 1), "art10_6_no_accidents", NULL), QAWARD_FAIL);
    qaward_subject_free(o);
    /* production-safety accident with any death disqualifies whatever its grade (R18) */
    o = good_org("360802");
    qaward_subject_add_event(o, ctx, "production_safety_accident", "一般", 0, D(2024, 6, 1));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_no_accidents", NULL), QAWARD_PASS);
    qaward_subject_add_event(o, ctx, "production_safety_accident", "一般", 1, D(2024, 6, 2));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_no_accidents", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2027, 6, 2));
    qaward_subject_free(o);
    /* a graded kind without its grade cannot be decided */
    o = good_org("360802");
    qaward_subject_add_event(o, ctx, "food_safety_accident", NULL, 0, D(2024, 6, 1));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_no_accidents", NULL), QAWARD_UNKNOWN);
    qaward_subject_free(o);
    /* events not known: unknown */
    qaward_subject_new(&o, ctx, "org-e", "organization");
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_no_accidents", NULL), QAWARD_UNKNOWN);
    qaward_subject_free(o);
}

static void art10_6_complaints_spot_checks_credit_violations(void **state)
{
    (void)state;
    struct {
        const char *kind, *grade, *rule;
        int out;
    } cases[] = {
        {"quality_complaint", "一般", "art10_6_no_major_complaint", QAWARD_PASS},
        {"quality_complaint", "重大", "art10_6_no_major_complaint", QAWARD_FAIL},
        {"spot_check_failure", NULL, "art10_6_no_spot_check_failure", QAWARD_FAIL},
        {"labour_credit", "一般", "art10_6_no_labour_credit", QAWARD_PASS},
        {"labour_credit", "较大", "art10_6_no_labour_credit", QAWARD_FAIL},
        {"tax_credit", "较大", "art10_6_no_tax_financial_credit", QAWARD_PASS},
        {"financial_credit", "重大", "art10_6_no_tax_financial_credit", QAWARD_FAIL},
        {"tax_credit", "严重", "art10_6_no_tax_financial_credit", QAWARD_FAIL},
        {"violation", NULL, "art10_6_no_violation", QAWARD_FAIL},
    };
    for (size_t i = 0; i < QA_LEN(cases); i++) {
        qaward_subject *o = good_org("360802");
        qaward_subject_add_event(o, ctx, cases[i].kind, cases[i].grade, 0, D(2023, 1, 1));
        assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), cases[i].rule, NULL), cases[i].out);
        /* R2 + reading: the 3-year look-back covers the whole of Art. 10(6) */
        assert_int_equal(outcome(jian, o, NULL, D(2026, 1, 1), cases[i].rule, NULL), QAWARD_PASS);
        qaward_subject_free(o);
    }
}

static void art10_6_safety_standardisation_level_three_or_better(void **state)
{
    (void)state;
    qaward_subject *o;
    qaward_subject_new(&o, ctx, "org-s", "organization");
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_safety_standardization", NULL), QAWARD_UNKNOWN);
    qaward_subject_add_certificate(o, ctx, "safety_standardization", NULL, D(2022, 1, 1), D(2026, 12, 31));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_safety_standardization", NULL), QAWARD_UNKNOWN);
    qaward_subject_add_certificate(o, ctx, "safety_standardization", "三级", D(2022, 1, 1), D(2025, 3, 31));
    qaward_subject_free(o);
    qaward_subject_new(&o, ctx, "org-s", "organization");
    qaward_subject_add_certificate(o, ctx, "safety_standardization", "三级", D(2022, 1, 1), D(2025, 3, 31));
    assert_int_equal(outcome(jian, o, NULL, D(2025, 3, 31), "art10_6_safety_standardization", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_safety_standardization", NULL), QAWARD_FAIL);
    qaward_subject_add_certificate(o, ctx, "safety_standardization", "一级", D(2025, 4, 1), QAWARD_DATE_NONE);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_safety_standardization", NULL), QAWARD_PASS);
    /* a level not on the scale is an error naming it */
    qaward_subject_add_certificate(o, ctx, "safety_standardization", "四级", D(2025, 1, 1), QAWARD_DATE_NONE);
    qaward_verdict *v = NULL;
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "四级"));
    qaward_subject_free(o);
}

static void art11_2_quality_work_five_years_boundary(void **state)
{
    (void)state;
    qaward_subject *i = good_person();
    qaward_subject_set_date(i, ctx, QAWARD_DATE_QUALITY_WORK_SINCE, D(2020, 4, 1));
    qaward_date e;
    assert_int_equal(outcome(jian, i, NULL, D(2025, 3, 31), "art11_2_quality_work_5_years", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2025, 4, 1));
    assert_int_equal(outcome(jian, i, NULL, D(2025, 4, 1), "art11_2_quality_work_5_years", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, i, NULL, D(2025, 4, 2), "art11_2_quality_work_5_years", NULL), QAWARD_PASS);
    qaward_subject_free(i);
}

static void art11_1_3_4_6_attestations(void **state)
{
    (void)state;
    const char *att[] = {"supports_central_policies", "excellence_contribution", "widely_recognised", "professional_ethics"};
    const char *rule[] = {"art11_1_supports_policies", "art11_3_excellence_contribution", "art11_4_recognition",
                          "art11_6_professional_ethics"};
    for (int k = 0; k < 4; k++) {
        qaward_subject *i = good_person();
        qaward_subject_set_attestation(i, ctx, att[k], 0);
        assert_int_equal(outcome(jian, i, NULL, D(2025, 4, 1), rule[k], NULL), QAWARD_FAIL);
        qaward_subject_set_attestation(i, ctx, att[k], -1);
        assert_int_equal(outcome(jian, i, NULL, D(2025, 4, 1), rule[k], NULL), QAWARD_UNKNOWN);
        qaward_subject_free(i);
    }
}

static void art11_5_7_employer_accidents_and_certificate(void **state)
{
    (void)state;
    qaward_subject *i = good_person(), *e;
    qaward_date d;
    qaward_subject_employer(&e, ctx, i);
    qaward_subject_add_event(e, ctx, "quality_accident", "较大", 0, D(2022, 4, 1));
    assert_int_equal(outcome(jian, i, NULL, D(2025, 3, 31), "art11_5_employer_no_accidents", &d), QAWARD_FAIL);
    assert_int_equal(d, D(2025, 4, 1));
    assert_int_equal(outcome(jian, i, NULL, D(2025, 3, 31), "art11_7_employer_no_fatal_accident", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, i, NULL, D(2025, 4, 1), "art11_5_employer_no_accidents", NULL), QAWARD_PASS);
    qaward_subject_add_event(e, ctx, "production_safety_accident", "一般", 2, D(2023, 5, 5));
    assert_int_equal(outcome(jian, i, NULL, D(2026, 5, 4), "art11_7_employer_no_fatal_accident", &d), QAWARD_FAIL);
    assert_int_equal(d, D(2026, 5, 5));
    assert_int_equal(outcome(jian, i, NULL, D(2026, 5, 5), "art11_7_employer_no_fatal_accident", NULL), QAWARD_PASS);
    /* the individual's own accidents are not Art. 11(5) */
    qaward_subject_free(i);
    i = good_person();
    qaward_subject_add_event(i, ctx, "quality_accident", "重大", 0, D(2024, 1, 1));
    assert_int_equal(outcome(jian, i, NULL, D(2025, 4, 1), "art11_5_employer_no_accidents", NULL), QAWARD_PASS);
    qaward_subject_free(i);
    /* no employer facts: unknown */
    qaward_subject *u;
    qaward_subject_new(&u, ctx, "ind-u", "individual");
    assert_int_equal(outcome(jian, u, NULL, D(2025, 4, 1), "art11_5_employer_no_accidents", NULL), QAWARD_UNKNOWN);
    assert_int_equal(outcome(jian, u, NULL, D(2025, 4, 1), "art11_7_employer_safety_standardization", NULL), QAWARD_UNKNOWN);
    qaward_subject_free(u);
}

static void art11_6_credit_records_have_no_lookback(void **state)
{
    (void)state;
    qaward_subject *i = good_person();
    qaward_subject_add_event(i, ctx, "financial_credit", "重大", 0, D(2005, 1, 1));
    qaward_date d;
    assert_int_equal(outcome(jian, i, NULL, D(2025, 4, 1), "art11_6_no_tax_financial_credit", &d), QAWARD_FAIL);
    assert_int_equal(d, QAWARD_DATE_NONE);
    assert_int_equal(status(jian, i, NULL, D(2025, 4, 1), &d), QAWARD_INELIGIBLE);
    assert_int_equal(d, QAWARD_DATE_NONE);
    qaward_subject_free(i);
}

/* ---- waits and bans ------------------------------------------------------------------- */
static void add_award(qaward_memstore *ms, const char *id, const char *level, qaward_date d, qaward_date revoked)
{
    qaward_award_record r;
    qaward_award_record_init(&r, QAWARD_AWARD_RECORD_VERSION);
    r.subject_id = id;
    r.level = level;
    r.kind = "organization";
    r.award_date = d;
    r.revoked_on = revoked;
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &r), 0);
}

static void add_sanction(qaward_memstore *ms, const char *id, const char *kind, qaward_date d)
{
    qaward_sanction_record r;
    qaward_sanction_record_init(&r, QAWARD_SANCTION_RECORD_VERSION);
    r.subject_id = id;
    r.kind = kind;
    r.decided_on = d;
    assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &r), 0);
}

static void art5_r7_wait_excludes_award_year(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_store st;
    qaward_memstore_new(&ms, ctx);
    qaward_memstore_as_store(&st, ms);
    add_award(ms, "org-1", "award", D(2022, 12, 20), QAWARD_DATE_NONE);
    qaward_subject *o = good_org("360802");
    qaward_date e;
    assert_int_equal(outcome(jian, o, &st, D(2027, 12, 31), "art5_reapply_wait", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2028, 1, 1));
    assert_int_equal(status(jian, o, &st, D(2027, 12, 31), &e), QAWARD_INELIGIBLE);
    assert_int_equal(e, D(2028, 1, 1));
    assert_int_equal(outcome(jian, o, &st, D(2028, 1, 1), "art5_reapply_wait", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, &st, D(2028, 1, 2), "art5_reapply_wait", NULL), QAWARD_PASS);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

static void art5_nomination_has_no_wait_and_r8_revoked_award_still_waits(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_store st;
    qaward_memstore_new(&ms, ctx);
    qaward_memstore_as_store(&st, ms);
    add_award(ms, "org-1", "nomination", D(2024, 12, 20), QAWARD_DATE_NONE);
    qaward_subject *o = good_org("360802");
    assert_int_equal(outcome(jian, o, &st, D(2025, 4, 1), "art5_reapply_wait", NULL), QAWARD_PASS);
    add_award(ms, "org-1", "award", D(2020, 1, 1), D(2021, 6, 1));
    qaward_date e;
    assert_int_equal(outcome(jian, o, &st, D(2025, 12, 31), "art5_reapply_wait", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2026, 1, 1));
    assert_int_equal(outcome(jian, o, &st, D(2026, 1, 1), "art5_reapply_wait", NULL), QAWARD_PASS);
    qaward_date r;
    assert_int_equal(qaward_policy_reapply_date(&r, ctx, jian, "award", D(2020, 1, 1)), 0);
    assert_int_equal(r, D(2026, 1, 1));
    assert_int_equal(qaward_policy_reapply_date(&r, ctx, jian, "nomination", D(2020, 1, 1)), 0);
    assert_int_equal(r, QAWARD_DATE_NONE);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

static void art20_r9_false_materials_five_years(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_store st;
    qaward_memstore_new(&ms, ctx);
    qaward_memstore_as_store(&st, ms);
    add_sanction(ms, "org-1", "false_materials", D(2023, 3, 10));
    qaward_subject *o = good_org("360802");
    qaward_date e;
    assert_int_equal(outcome(jian, o, &st, D(2023, 3, 9), "art20_false_materials_ban", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, &st, D(2023, 3, 10), "art20_false_materials_ban", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2028, 3, 10));
    assert_int_equal(outcome(jian, o, &st, D(2028, 3, 9), "art20_false_materials_ban", NULL), QAWARD_FAIL);
    assert_int_equal(outcome(jian, o, &st, D(2028, 3, 10), "art20_false_materials_ban", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, &st, D(2028, 3, 11), "art20_false_materials_ban", NULL), QAWARD_PASS);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

static void art22_1_r10_fraud_ten_years_from_feb29(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_store st;
    qaward_memstore_new(&ms, ctx);
    qaward_memstore_as_store(&st, ms);
    add_sanction(ms, "org-1", "fraud_bribery", D(2024, 2, 29));
    qaward_subject *o = good_org("360802");
    qaward_date e;
    assert_int_equal(outcome(jian, o, &st, D(2034, 2, 27), "art22_1_fraud_bribery_ban", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2034, 2, 28));
    assert_int_equal(outcome(jian, o, &st, D(2034, 2, 28), "art22_1_fraud_bribery_ban", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, o, &st, D(2034, 3, 1), "art22_1_fraud_bribery_ban", NULL), QAWARD_PASS);
    qaward_date f, u;
    assert_int_equal(qaward_policy_ban_window(&f, &u, ctx, jian, "fraud_bribery", D(2024, 2, 29)), 0);
    assert_int_equal(f, D(2024, 2, 29));
    assert_int_equal(u, D(2034, 2, 28));
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

static void art22_2_r11_post_award_incident_imposes_no_ban(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_store st;
    qaward_memstore_new(&ms, ctx);
    qaward_memstore_as_store(&st, ms);
    add_award(ms, "org-1", "nomination", D(2023, 12, 1), D(2024, 6, 1));
    add_sanction(ms, "org-1", "post_award_incident", D(2024, 6, 1));
    qaward_subject *o = good_org("360802");
    assert_int_equal(outcome(jian, o, &st, D(2024, 6, 1), "art22_2_post_award_incident", NULL), QAWARD_PASS);
    int revokes, pub;
    int32_t win;
    assert_int_equal(qaward_policy_sanction_info(&revokes, &pub, &win, ctx, jian, "post_award_incident"), 0);
    assert_int_equal(revokes, 1);
    assert_int_equal(pub, 1);
    assert_int_equal(win, 5);
    qaward_date f, u;
    assert_int_equal(qaward_policy_ban_window(&f, &u, ctx, jian, "post_award_incident", D(2024, 6, 1)), 0);
    assert_int_equal(f, QAWARD_DATE_NONE);
    assert_int_equal(u, QAWARD_DATE_NONE);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

static void earliest_eligible_is_latest_time_only_block(void **state)
{
    (void)state;
    qaward_memstore *ms;
    qaward_store st;
    qaward_memstore_new(&ms, ctx);
    qaward_memstore_as_store(&st, ms);
    add_sanction(ms, "org-1", "false_materials", D(2023, 3, 10));
    qaward_subject *o = good_org("360802");
    qaward_subject_set_date(o, ctx, QAWARD_DATE_REGISTRATION, D(2024, 1, 1));
    qaward_date e;
    assert_int_equal(status(jian, o, &st, D(2025, 4, 1), &e), QAWARD_INELIGIBLE);
    assert_int_equal(e, D(2028, 3, 10));
    qaward_subject_set_legal_person(o, ctx, 0); /* not a matter of time */
    assert_int_equal(status(jian, o, &st, D(2025, 4, 1), &e), QAWARD_INELIGIBLE);
    assert_int_equal(e, QAWARD_DATE_NONE);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

/* ---- the fictional second jurisdiction --------------------------------------------------- */
static void lakeside_differs_from_jian_on_the_same_facts(void **state)
{
    (void)state;
    qaward_subject *j = good_org("360802"), *l = good_org("990101");
    qaward_subject_set_date(j, ctx, QAWARD_DATE_REGISTRATION, D(2021, 1, 1));
    qaward_subject_set_date(l, ctx, QAWARD_DATE_REGISTRATION, D(2021, 1, 1));
    qaward_date e;
    assert_int_equal(status(jian, j, NULL, D(2025, 4, 1), NULL), QAWARD_ELIGIBLE);
    assert_int_equal(outcome(lake, l, NULL, D(2025, 4, 1), "art8_operating_5_years", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2026, 1, 1));
    /* region: each policy's own jurisdiction */
    assert_int_equal(outcome(lake, j, NULL, D(2025, 4, 1), "art8_region", NULL), QAWARD_FAIL);
    /* wait counted including the award year: gold 2024-06-01 -> 2027-01-01; Ji'an award -> 2030-01-01 */
    qaward_memstore *ms;
    qaward_store st;
    qaward_memstore_new(&ms, ctx);
    qaward_memstore_as_store(&st, ms);
    add_award(ms, "org-1", "gold", D(2024, 6, 1), QAWARD_DATE_NONE);
    assert_int_equal(outcome(lake, l, &st, D(2026, 12, 31), "art6_reapply_wait", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2027, 1, 1));
    assert_int_equal(outcome(lake, l, &st, D(2027, 1, 1), "art6_reapply_wait", NULL), QAWARD_PASS);
    qaward_date r;
    assert_int_equal(qaward_policy_reapply_date(&r, ctx, jian, "award", D(2024, 6, 1)), 0);
    assert_int_equal(r, D(2030, 1, 1));
    /* a ban of "the next two editions" (annual): finding in 2025 -> refused through 2027 */
    qaward_memstore_free(ms);
    qaward_memstore_new(&ms, ctx);
    qaward_memstore_as_store(&st, ms);
    add_sanction(ms, "org-1", "false_materials", D(2025, 5, 1));
    assert_int_equal(outcome(lake, l, &st, D(2027, 12, 31), "art20_false_materials_ban", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2028, 1, 1));
    assert_int_equal(outcome(lake, l, &st, D(2028, 1, 1), "art20_false_materials_ban", NULL), QAWARD_PASS);
    assert_int_equal(outcome(jian, j, &st, D(2028, 1, 1), "art20_false_materials_ban", &e), QAWARD_FAIL);
    assert_int_equal(e, D(2030, 5, 1));
    qaward_memstore_free(ms);
    /* pooled quota, honour-only tier */
    int32_t max;
    size_t g1, g2;
    int pooled;
    assert_int_equal(qaward_policy_quota(&max, &g1, &pooled, ctx, lake, "gold", "organization"), 0);
    assert_int_equal(qaward_policy_quota(&max, &g2, &pooled, ctx, lake, "gold", "individual"), 0);
    assert_int_equal(g1, g2);
    assert_int_equal(pooled, 1);
    assert_int_equal(max, 2);
    assert_int_equal(qaward_policy_level_honour_only(lake, 2), 1);
    int64_t fen;
    assert_int_equal(qaward_policy_prize(&fen, ctx, lake, "commendation", "organization"), 0);
    assert_int_equal(fen, 0);
    assert_int_equal(qaward_policy_cycle_years(lake), 1);
    assert_int_equal(qaward_policy_fictional(lake), 1);
    qaward_subject_free(j);
    qaward_subject_free(l);
}

/* ---- bad input ------------------------------------------------------------------------------ */
static int failing_read(void *ud, const char *id, qaward_history *h)
{
    (void)ud;
    (void)id;
    (void)h;
    return -1000;
}

static int bad_level_read(void *ud, const char *id, qaward_history *h)
{
    (void)ud;
    qaward_award_record r;
    qaward_award_record_init(&r, QAWARD_AWARD_RECORD_VERSION);
    r.subject_id = id;
    r.level = "platinum";
    r.kind = "organization";
    r.award_date = 20200101;
    return qaward_history_add_award(h, &r);
}

static void bad_input_null_handles_dates_kinds_and_callbacks(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802");
    qaward_verdict *v = (qaward_verdict *)1;
    assert_int_equal(qaward_check(NULL, ctx, jian, o, NULL, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_int_equal(qaward_check(&v, NULL, jian, o, NULL, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_null(v);
    assert_int_equal(qaward_check(&v, ctx, NULL, o, NULL, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_int_equal(qaward_check(&v, ctx, jian, NULL, NULL, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, 20250230), QAWARD_EINVAL);
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, 999990101), QAWARD_EINVAL);
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, 0), QAWARD_EINVAL);
    /* a store callback's negative return comes back unchanged */
    qaward_store st;
    qaward_store_init(&st, QAWARD_STORE_VERSION);
    st.read_fn = failing_read;
    assert_int_equal(qaward_check(&v, ctx, jian, o, &st, D(2025, 4, 1)), -1000);
    assert_null(v);
    st.read_fn = bad_level_read;
    assert_int_equal(qaward_check(&v, ctx, jian, o, &st, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "platinum"));
    st.version = 99;
    assert_int_equal(qaward_check(&v, ctx, jian, o, &st, D(2025, 4, 1)), QAWARD_EVERSION);
    /* unknown event kind and grade: EINVAL naming them */
    qaward_subject_add_event(o, ctx, "meteor_strike", NULL, 0, D(2024, 1, 1));
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "meteor_strike"));
    qaward_subject_free(o);
    o = good_org("360802");
    qaward_subject_add_event(o, ctx, "quality_accident", "巨大", 0, D(2024, 1, 1));
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "巨大"));
    qaward_subject_free(o);
    qaward_subject_new(&o, ctx, "x", "robot");
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, D(2025, 4, 1)), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "robot"));
    qaward_subject_free(o);
    /* getters are NULL-safe */
    assert_int_equal(qaward_verdict_status(NULL), QAWARD_EINVAL);
    assert_int_equal(qaward_verdict_check_count(NULL), 0);
    assert_null(qaward_verdict_check_rule(NULL, 0));
    assert_null(qaward_verdict_check_message(NULL, 0, 0));
    qaward_verdict_free(NULL);
    qaward_checker_free(NULL);
}

static void fast_checker_matches_full_verdict(void **state)
{
    (void)state;
    qaward_checker *c;
    assert_int_equal(qaward_checker_new(&c, ctx, jian, NULL), 0);
    qaward_subject *o = good_org("360802");
    qaward_subject_set_date(o, ctx, QAWARD_DATE_REGISTRATION, D(2024, 1, 1));
    qaward_subject_set_attestation(o, ctx, "good_reputation", -1);
    int st;
    qaward_date e;
    uint32_t codes[8];
    uint8_t outs[8];
    size_t n;
    assert_int_equal(qaward_checker_fast(&st, &e, codes, outs, 8, &n, c, o, D(2025, 4, 1)), 0);
    assert_int_equal(st, QAWARD_INELIGIBLE);
    assert_int_equal(e, QAWARD_DATE_NONE);
    assert_int_equal(n, 2);
    assert_string_equal(qaward_policy_rule_id(jian, "organization", codes[0]), "art10_2_operating_3_years");
    assert_int_equal(outs[0], QAWARD_FAIL);
    assert_string_equal(qaward_policy_rule_id(jian, "organization", codes[1]), "art10_6_reputation");
    assert_int_equal(outs[1], QAWARD_UNKNOWN);
    qaward_verdict *v;
    assert_int_equal(qaward_checker_check(&v, c, o, D(2025, 4, 1)), 0);
    assert_int_equal(qaward_verdict_status(v), st);
    assert_int_equal(qaward_verdict_check_code(v, codes[0]), (int)codes[0]);
    char *json;
    assert_int_equal(qaward_verdict_to_json(&json, v, ctx), 0);
    assert_non_null(strstr(json, "\"status\": \"ineligible\""));
    assert_non_null(strstr(json, "\"earliest_pass\": \"2027-01-01\""));
    qaward_string_free(ctx, json);
    assert_int_equal(qaward_verdict_to_text(&json, v, ctx, QAWARD_LANG_ZH), 0);
    assert_non_null(strstr(json, "不符合申报条件"));
    qaward_string_free(ctx, json);
    qaward_verdict_free(v);
    qaward_subject_free(o);
    qaward_checker_free(c);
}

static void bound_subject_gives_the_same_verdicts(void **state)
{
    (void)state;
    qaward_subject *o = good_org("360802"), *i = good_person(), *e;
    qaward_subject_add_event(o, ctx, "production_safety_accident", "一般", 1, D(2024, 1, 1));
    qaward_subject_employer(&e, ctx, i);
    qaward_subject_add_event(e, ctx, "quality_accident", "较大", 0, D(2024, 1, 1));
    qaward_subject *subj[2] = {o, i};
    for (int k = 0; k < 2; k++) {
        char *a, *b;
        qaward_verdict *v = check(jian, subj[k], NULL, D(2025, 4, 1));
        assert_int_equal(qaward_verdict_to_json(&a, v, ctx), 0);
        qaward_verdict_free(v);
        assert_int_equal(qaward_subject_bind(subj[k], ctx, jian), 0);
        v = check(jian, subj[k], NULL, D(2025, 4, 1));
        assert_int_equal(qaward_verdict_to_json(&b, v, ctx), 0);
        qaward_verdict_free(v);
        assert_string_equal(a, b);
        qaward_string_free(ctx, a);
        qaward_string_free(ctx, b);
    }
    /* a setter after binding takes effect (the binding is dropped) */
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_reputation", NULL), QAWARD_PASS);
    qaward_subject_set_attestation(o, ctx, "good_reputation", 0);
    assert_int_equal(outcome(jian, o, NULL, D(2025, 4, 1), "art10_6_reputation", NULL), QAWARD_FAIL);
    /* checking a subject bound to another policy takes the ordinary path */
    assert_int_equal(qaward_subject_bind(o, ctx, jian), 0);
    qaward_subject_set_region(o, ctx, "990101");
    assert_int_equal(qaward_subject_bind(o, ctx, jian), 0);
    assert_int_equal(outcome(lake, o, NULL, D(2025, 4, 1), "art8_no_accidents", NULL), QAWARD_FAIL);
    /* binding validates kinds, event kinds and grades */
    qaward_subject_add_event(o, ctx, "meteor_strike", NULL, 0, D(2024, 1, 1));
    assert_int_equal(qaward_subject_bind(o, ctx, jian), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "meteor_strike"));
    assert_int_equal(qaward_subject_bind(NULL, ctx, jian), QAWARD_EINVAL);
    qaward_subject_free(o);
    qaward_subject_free(i);
}

static void batch_json_checks_many_subjects_once(void **state)
{
    (void)state;
    const char *doc = "[{\"id\":\"a\",\"kind\":\"organization\",\"region_code\":\"360802\"},"
                      "{\"id\":\"b\",\"kind\":\"individual\",\"region_code\":\"110101\"}]";
    char *out;
    assert_int_equal(qaward_check_batch_json(&out, ctx, jian, NULL, D(2025, 4, 1), doc, strlen(doc), QAWARD_BATCH_BRIEF), 0);
    assert_non_null(strstr(out, "{\"subject_id\":\"a\",\"status\":\"incomplete\""));
    assert_non_null(strstr(out, "{\"subject_id\":\"b\",\"status\":\"ineligible\""));
    assert_non_null(strstr(out, "\"summary\":{\"eligible\":0,\"ineligible\":1,\"incomplete\":1}"));
    qaward_string_free(ctx, out);
    assert_int_equal(qaward_check_batch_json(&out, ctx, jian, NULL, D(2025, 4, 1), doc, strlen(doc), 0), 0);
    assert_non_null(strstr(out, "\"rule\":\"art2_region\""));
    qaward_string_free(ctx, out);
    assert_int_equal(qaward_check_batch_json(&out, ctx, jian, NULL, D(2020, 4, 1), doc, strlen(doc), 0), QAWARD_ENOPOLICY);
    assert_null(out);
    assert_int_equal(qaward_check_batch_json(&out, ctx, jian, NULL, D(2025, 4, 1), doc, strlen(doc) - 3, 0), QAWARD_EPARSE);
    assert_int_equal(qaward_check_batch_json(&out, ctx, jian, NULL, D(2025, 4, 1), doc, strlen(doc), 64), QAWARD_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(baseline_org_and_person_eligible),
        cmocka_unit_test(r17_no_policy_in_force_before_art26_date),
        cmocka_unit_test(art10_2_operating_3_years_boundary),
        cmocka_unit_test(r1_feb29_start_maps_to_feb28),
        cmocka_unit_test(art10_1_3_attestations_r6),
        cmocka_unit_test(art10_2_legal_person_and_art2_region),
        cmocka_unit_test(art10_4_iso9001_three_years_boundary),
        cmocka_unit_test(art10_4_certificate_renewal_gap_restarts_the_run),
        cmocka_unit_test(art10_4_excellence_model_one_year_boundary),
        cmocka_unit_test(art10_5_r4_profit_last_two_complete_years),
        cmocka_unit_test(art10_6_r18_accident_grades_and_three_year_lookback),
        cmocka_unit_test(art10_6_complaints_spot_checks_credit_violations),
        cmocka_unit_test(art10_6_safety_standardisation_level_three_or_better),
        cmocka_unit_test(art11_2_quality_work_five_years_boundary),
        cmocka_unit_test(art11_1_3_4_6_attestations),
        cmocka_unit_test(art11_5_7_employer_accidents_and_certificate),
        cmocka_unit_test(art11_6_credit_records_have_no_lookback),
        cmocka_unit_test(art5_r7_wait_excludes_award_year),
        cmocka_unit_test(art5_nomination_has_no_wait_and_r8_revoked_award_still_waits),
        cmocka_unit_test(art20_r9_false_materials_five_years),
        cmocka_unit_test(art22_1_r10_fraud_ten_years_from_feb29),
        cmocka_unit_test(art22_2_r11_post_award_incident_imposes_no_ban),
        cmocka_unit_test(earliest_eligible_is_latest_time_only_block),
        cmocka_unit_test(lakeside_differs_from_jian_on_the_same_facts),
        cmocka_unit_test(bad_input_null_handles_dates_kinds_and_callbacks),
        cmocka_unit_test(fast_checker_matches_full_verdict),
        cmocka_unit_test(bound_subject_gives_the_same_verdicts),
        cmocka_unit_test(batch_json_checks_many_subjects_once),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

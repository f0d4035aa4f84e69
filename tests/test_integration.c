/* Modules joined end to end: sanctions written through the store and then seen
 * by the eligibility checks (Art. 5, 20, 22; R7–R11), cycles deciding eligibility
 * from facts (Art. 13(三); R5), refusal letters from a verdict (Art. 13(3)), and
 * review rules that must name the policy's tiers (R14). */
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

/* An organisation meeting every Art. 10 condition in 2024–2034 (events as given). */
#define ORG_FACTS(id, events)                                                                                          \
    "{\"id\":\"" id "\",\"kind\":\"organization\",\"name\":\"" id " Co.\",\"region_code\":\"360802\","                \
    "\"legal_person\":true,\"for_profit\":true,\"registration_date\":\"2005-01-01\","                                \
    "\"excellence_model_since\":\"2015-01-01\",\"certificates\":["                                                    \
    "{\"type\":\"iso9001\",\"valid_from\":\"2008-01-01\",\"valid_to\":\"2040-12-31\"},"                               \
    "{\"type\":\"safety_standardization\",\"level\":\"二级\",\"valid_from\":\"2015-01-01\",\"valid_to\":\"2040-12-31\"}]," \
    "\"net_profit_fen\":{\"2017\":1,\"2018\":1,\"2019\":1,\"2020\":1,\"2021\":1,\"2022\":1,\"2023\":1,\"2024\":1,"      \
    "\"2025\":1,\"2026\":1,\"2027\":1,\"2028\":1,\"2029\":1,\"2030\":1,\"2031\":1,\"2032\":1,\"2033\":1},"              \
    "\"events\":[" events "],\"attestations\":{\"supports_central_policies\":true,\"policy_compliance\":true,"          \
    "\"notable_quality_benefits\":true,\"industry_leading\":true,\"good_reputation\":true}}"

static qaward_subject *subject(const char *json)
{
    qaward_subject *s = NULL;
    if (qaward_subject_load_json(&s, ctx, json, strlen(json)))
        fail_msg("subject: %s", qaward_ctx_message(ctx));
    return s;
}

/* Status of a check on date d; *rule receives the non-passing rule ids, comma-separated (or NULL). */
static int status_on(const qaward_subject *s, const qaward_store *st, qaward_date d, const char **rule)
{
    qaward_verdict *v = NULL;
    int rc = qaward_check(&v, ctx, jian, s, st, d);
    if (rc)
        fail_msg("check: %s", qaward_ctx_message(ctx));
    int status = qaward_verdict_status(v);
    static char all[512];
    size_t off = 0;
    all[0] = 0;
    for (size_t i = 0; i < qaward_verdict_check_count(v) && off < sizeof all; i++) {
        int o = qaward_verdict_check_outcome(v, i);
        if (o == QAWARD_FAIL || o == QAWARD_UNKNOWN)
            off += (size_t)snprintf(all + off, sizeof all - off, "%s%s", off ? "," : "", qaward_verdict_check_rule(v, i));
    }
    if (rule)
        *rule = all[0] ? all : NULL;
    qaward_verdict_free(v);
    return status;
}

static void award(qaward_memstore *ms, const char *id, const char *level, qaward_date d)
{
    qaward_award_record a;
    qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
    a.subject_id = id;
    a.level = level;
    a.kind = "organization";
    a.cycle_id = "earlier";
    a.award_date = d;
    a.prize_fen = 50000000;
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), 0);
}

/* ---- sanctions followed by eligibility checks (issue 4 item 6) ---------------------- */

/* Art. 20, R9: a false-materials finding on 2024-03-10 written with
 * qaward_sanction_apply refuses applications dated 2024-03-10 .. 2029-03-09. */
static void r9_applied_ban_seen_by_check_boundaries(void **s)
{
    (void)s;
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&st, ms);
    qaward_subject *o = subject(ORG_FACTS("ORG-A", ""));
    const char *rule;
    assert_int_equal(status_on(o, &st, 20240310, &rule), QAWARD_ELIGIBLE);

    qaward_finding f;
    finding(&f, "ORG-A", "false_materials", 20240310);
    qaward_sanction_outcome out;
    qaward_sanction_outcome_init(&out, QAWARD_SANCTION_OUTCOME_VERSION);
    assert_int_equal(qaward_sanction_apply(&out, ctx, jian, &st, &f), 0);
    assert_int_equal(out.ban_from, 20240310);
    assert_int_equal(out.ban_until, 20290310);
    assert_int_equal(out.revokes, 0);

    assert_int_equal(status_on(o, &st, 20240309, &rule), QAWARD_ELIGIBLE); /* day before the finding */
    assert_int_equal(status_on(o, &st, 20240310, &rule), QAWARD_INELIGIBLE); /* day of the finding */
    assert_string_equal(rule, "art20_false_materials_ban");
    assert_int_equal(status_on(o, &st, 20290309, &rule), QAWARD_INELIGIBLE); /* last banned day */
    assert_string_equal(rule, "art20_false_materials_ban");
    assert_int_equal(status_on(o, &st, 20290310, &rule), QAWARD_ELIGIBLE); /* ban end (exclusive, R2) */
    assert_int_equal(status_on(o, &st, 20290311, &rule), QAWARD_ELIGIBLE);

    /* the verdict tells when the subject may apply again */
    qaward_verdict *v;
    assert_int_equal(qaward_check(&v, ctx, jian, o, &st, 20260630), 0);
    assert_int_equal(qaward_verdict_earliest(v), 20290310);
    qaward_verdict_free(v);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

/* Art. 22 ¶1, R10, R7, R8: fraud found on 2022-05-10 revokes the 2019 award and
 * bans until 2032-05-10; the revoked award still imposes the Art. 5 wait but a
 * later win is not a re-win. */
static void r10_revocation_then_check_and_cycle(void **s)
{
    (void)s;
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&st, ms);
    award(ms, "ORG-B", "award", 20191220);
    qaward_subject *o = subject(ORG_FACTS("ORG-B", ""));
    const char *rule;
    /* R7 before any finding: award year 2019, apply again from 2025-01-01 */
    assert_int_equal(status_on(o, &st, 20241231, &rule), QAWARD_INELIGIBLE);
    assert_string_equal(rule, "art5_reapply_wait");
    assert_int_equal(status_on(o, &st, 20250101, &rule), QAWARD_ELIGIBLE);

    qaward_finding f;
    finding(&f, "ORG-B", "fraud_bribery", 20220510);
    qaward_sanction_outcome out;
    qaward_sanction_outcome_init(&out, QAWARD_SANCTION_OUTCOME_VERSION);
    assert_int_equal(qaward_sanction_apply(&out, ctx, jian, &st, &f), 0);
    assert_int_equal(out.revokes, 1);
    assert_int_equal(out.revoked_award_date, 20191220);
    assert_int_equal(out.revoked_on, 20220510);
    assert_int_equal(out.public_notice, 1);
    assert_int_equal(out.ban_until, 20320510);

    assert_int_equal(status_on(o, &st, 20250101, &rule), QAWARD_INELIGIBLE);
    assert_string_equal(rule, "art22_1_fraud_bribery_ban");
    assert_int_equal(status_on(o, &st, 20320509, &rule), QAWARD_INELIGIBLE); /* day before the ban end */
    assert_string_equal(rule, "art22_1_fraud_bribery_ban");
    assert_int_equal(status_on(o, &st, 20320510, &rule), QAWARD_ELIGIBLE); /* day of the ban end */
    assert_int_equal(status_on(o, &st, 20320511, &rule), QAWARD_ELIGIBLE); /* day after */

    /* a cycle of 2032 deciding from the facts through the same store: eligible,
     * and the revoked award does not make the new win a re-win (R8) */
    qaward_cycle *c;
    assert_int_equal(qaward_cycle_new(&c, ctx, jian, NULL, "2032", 20321218), 0);
    size_t ix;
    assert_int_equal(qaward_cycle_add_candidate(&ix, ctx, c, "ORG-B", NULL, "organization"), 0);
    assert_int_equal(qaward_cycle_set_subject(ctx, c, ix, o), 0);
    assert_int_equal(qaward_cycle_set_as_of(ctx, c, 20320510), 0);
    assert_int_equal(qaward_cycle_check_candidates(ctx, c, &st), 0);
    assert_int_equal(qaward_cycle_candidate_verdict(c, ix), QAWARD_CYCLE_ELIGIBLE);
    assert_int_equal(qaward_cycle_candidate_reason_count(c, ix), 0);
    /* a day earlier the ban still holds: refused with the ban as the written reason */
    assert_int_equal(qaward_cycle_set_as_of(ctx, c, 20320509), 0);
    assert_int_equal(qaward_cycle_check_candidates(ctx, c, &st), 0);
    assert_int_equal(qaward_cycle_candidate_verdict(c, ix), QAWARD_CYCLE_INELIGIBLE);
    assert_int_equal(qaward_cycle_candidate_reason_count(c, ix), 1);
    assert_string_equal(qaward_cycle_candidate_reason_rule(c, ix, 0), "art22_1_fraud_bribery_ban");
    assert_non_null(strstr(qaward_cycle_candidate_reason_message(c, ix, 0, QAWARD_LANG_EN), "2032-05-10"));
    qaward_cycle_free(c);

    /* R8: ranked and placed at the award level after the ban, as an ordinary winner with the full prize */
    static const char rules_json[] =
        "{\"format\":\"qaward-review-rules/1\",\"id\":\"t\",\"kinds\":[{\"id\":\"organization\","
        "\"min_composite\":{\"award\":600.00,\"nomination\":500.00}}],"
        "\"vote\":{\"quorum\":{\"num\":1,\"den\":2},\"pass\":{\"num\":1,\"den\":2,\"strict\":true},\"backfill\":false}}";
    qaward_review_rules *r;
    assert_int_equal(qaward_review_rules_load_json(&r, ctx, rules_json, strlen(rules_json)), 0);
    assert_int_equal(qaward_cycle_new(&c, ctx, jian, r, "2032", 20321218), 0);
    assert_int_equal(qaward_cycle_add_candidate(&ix, ctx, c, "ORG-B", NULL, "organization"), 0);
    assert_int_equal(qaward_cycle_set_subject(ctx, c, ix, o), 0);
    assert_int_equal(qaward_cycle_set_as_of(ctx, c, 20320601), 0);
    assert_int_equal(qaward_cycle_set_composite(ctx, c, ix, 80000), 0);
    assert_int_equal(qaward_cycle_run(ctx, c, &st), 0);
    assert_int_equal(qaward_cycle_candidate_outcome(c, ix), QAWARD_OUTCOME_AWARDED);
    assert_int_equal(qaward_cycle_candidate_prize(c, ix), 50000000);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

/* Art. 22 ¶2, R11: a major accident on 2024-06-01, within 5 years of the
 * 2021-12-20 award, revokes it; no ban is written, but the accident counts in
 * the Art. 10(6) three-year look-back (until 2027-06-01) and the revoked award
 * keeps the Art. 5 wait (until 2027-01-01). */
static void r11_post_award_incident_revokes_without_ban(void **s)
{
    (void)s;
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&st, ms);
    award(ms, "ORG-C", "award", 20211220);
    qaward_subject *o = subject(ORG_FACTS("ORG-C", "{\"kind\":\"quality_accident\",\"grade\":\"重大\",\"date\":\"2024-06-01\"}"));
    qaward_finding f;
    finding(&f, "ORG-C", "post_award_incident", 20240901);
    f.event_date = 20240601;
    qaward_sanction_outcome out;
    qaward_sanction_outcome_init(&out, QAWARD_SANCTION_OUTCOME_VERSION);
    assert_int_equal(qaward_sanction_apply(&out, ctx, jian, &st, &f), 0);
    assert_int_equal(out.revokes, 1);
    assert_int_equal(out.revoked_award_date, 20211220);
    assert_int_equal(out.ban_from, QAWARD_DATE_NONE);
    assert_int_equal(out.ban_until, QAWARD_DATE_NONE);
    assert_int_equal(qaward_memstore_sanction_count(ms), 1);

    const char *rule;
    assert_int_equal(status_on(o, &st, 20261231, &rule), QAWARD_INELIGIBLE);
    assert_string_equal(rule, "art10_6_no_accidents,art5_reapply_wait"); /* R8: the revoked award keeps the wait */
    assert_int_equal(status_on(o, &st, 20270101, &rule), QAWARD_INELIGIBLE);
    assert_string_equal(rule, "art10_6_no_accidents"); /* wait over on 2027-01-01 */
    assert_int_equal(status_on(o, &st, 20270531, &rule), QAWARD_INELIGIBLE);
    assert_string_equal(rule, "art10_6_no_accidents"); /* the incident, last day of the look-back */
    assert_int_equal(status_on(o, &st, 20270601, &rule), QAWARD_ELIGIBLE); /* no ban (R11) */

    /* an incident outside the award's five years revokes nothing */
    qaward_memstore *ms2;
    qaward_store st2;
    assert_int_equal(qaward_memstore_new(&ms2, ctx), 0);
    qaward_memstore_as_store(&st2, ms2);
    award(ms2, "ORG-C", "award", 20191220);
    finding(&f, "ORG-C", "post_award_incident", 20250101);
    f.event_date = 20241220; /* award date + 5 years: outside [2019-12-20, 2024-12-20) */
    qaward_sanction_outcome_init(&out, QAWARD_SANCTION_OUTCOME_VERSION);
    assert_int_equal(qaward_sanction_apply(&out, ctx, jian, &st2, &f), 0);
    assert_int_equal(out.revokes, 0);
    f.event_date = 20241219; /* the last day inside */
    qaward_sanction_outcome_init(&out, QAWARD_SANCTION_OUTCOME_VERSION);
    assert_int_equal(qaward_sanction_compute(&out, ctx, jian, &st2, &f), 0);
    assert_int_equal(out.revokes, 1);
    qaward_memstore_free(ms2);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

/* ---- cycle verdicts from facts (Art. 13(三); R5) -------------------------------------- */

static void art13_3_cycle_verdicts_from_facts(void **s)
{
    (void)s;
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&st, ms);
    qaward_subject *ok = subject(ORG_FACTS("OK", ""));
    qaward_subject *banned = subject(ORG_FACTS("BAN", ""));
    qaward_subject *inc = subject("{\"id\":\"INC\",\"kind\":\"organization\",\"region_code\":\"360802\"}");
    qaward_finding f;
    finding(&f, "BAN", "false_materials", 20230310);
    assert_int_equal(qaward_sanction_apply(NULL, ctx, jian, &st, &f), 0);

    qaward_cycle *c;
    assert_int_equal(qaward_cycle_new(&c, ctx, jian, NULL, "2025", 20251218), 0);
    size_t a, b, i3, g;
    assert_int_equal(qaward_cycle_add_candidate(&a, ctx, c, "OK", NULL, "organization"), 0);
    assert_int_equal(qaward_cycle_add_candidate(&b, ctx, c, "BAN", NULL, "organization"), 0);
    assert_int_equal(qaward_cycle_add_candidate(&i3, ctx, c, "INC", NULL, "organization"), 0);
    assert_int_equal(qaward_cycle_add_candidate(&g, ctx, c, "GIVEN", NULL, "organization"), 0);
    assert_int_equal(qaward_cycle_set_subject(ctx, c, a, ok), 0);
    assert_int_equal(qaward_cycle_set_subject(ctx, c, b, banned), 0);
    assert_int_equal(qaward_cycle_set_subject(ctx, c, i3, inc), 0);
    assert_int_equal(qaward_cycle_set_verdict(ctx, c, g, QAWARD_CYCLE_INELIGIBLE), 0); /* decided elsewhere */
    assert_int_equal(qaward_cycle_add_reason(ctx, c, g, "external", NULL, "外部", "external"), 0);

    /* bad inputs */
    assert_int_equal(qaward_cycle_set_subject(ctx, c, g, ok), QAWARD_EINVAL);
    MSG_HAS("the subject's id is \"OK\"");
    assert_int_equal(qaward_cycle_set_subject(ctx, c, 99, ok), QAWARD_EINVAL);
    assert_int_equal(qaward_cycle_set_subject(ctx, c, a, NULL), QAWARD_EINVAL);
    assert_int_equal(qaward_cycle_set_as_of(ctx, c, 20250231), QAWARD_EINVAL);
    /* facts without an application date: refused, naming the need (R1) */
    assert_int_equal(qaward_cycle_run(ctx, c, &st), QAWARD_ESTATE);
    MSG_HAS("application date");
    assert_int_equal(qaward_cycle_set_as_of(ctx, c, 20250630), 0);
    assert_int_equal(qaward_cycle_as_of(c), 20250630);
    assert_int_equal(qaward_cycle_candidate_verdict(c, a), QAWARD_CYCLE_UNSET);

    assert_int_equal(qaward_cycle_run(ctx, c, &st), 0);
    assert_int_equal(qaward_cycle_candidate_verdict(c, a), QAWARD_CYCLE_ELIGIBLE);
    assert_int_equal(qaward_cycle_candidate_outcome(c, a), QAWARD_OUTCOME_NOT_SCORED);
    assert_int_equal(qaward_cycle_candidate_outcome(c, b), QAWARD_OUTCOME_REFUSED);
    assert_int_equal(qaward_cycle_candidate_reason_count(c, b), 1);
    assert_string_equal(qaward_cycle_candidate_reason_rule(c, b, 0), "art20_false_materials_ban");
    assert_non_null(strstr(qaward_cycle_candidate_reason_message(c, b, 0, QAWARD_LANG_ZH), "2028-03-10"));
    assert_int_equal(qaward_cycle_candidate_outcome(c, i3), QAWARD_OUTCOME_INCOMPLETE);
    assert_true(qaward_cycle_candidate_reason_count(c, i3) > 3); /* every unknown fact is a reason (R5) */
    assert_int_equal(qaward_cycle_candidate_outcome(c, g), QAWARD_OUTCOME_REFUSED);
    assert_string_equal(qaward_cycle_candidate_reason_rule(c, g, 0), "external");
    assert_true(qaward_cycle_candidate_has_subject(c, a));
    assert_false(qaward_cycle_candidate_has_subject(c, g));

    /* the report carries the checks' reasons with both citations */
    char *rep;
    assert_int_equal(qaward_cycle_report(&rep, ctx, c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 1), 0);
    assert_non_null(strstr(rep, "\"citation_en\": \"Art. 20\""));
    assert_non_null(strstr(rep, "\"outcome\": \"unknown\""));
    qaward_string_free(ctx, rep);
    assert_int_equal(qaward_cycle_report(&rep, ctx, c, QAWARD_REPORT_TEXT, QAWARD_LANG_EN, 0), 0);
    assert_non_null(strstr(rep, "Art. 20 "));
    qaward_string_free(ctx, rep);

    /* a verdict made elsewhere (e.g. with a checker) applied directly; it detaches the facts */
    qaward_verdict *v;
    assert_int_equal(qaward_check(&v, ctx, jian, banned, &st, 20280310), 0);
    assert_int_equal(qaward_cycle_apply_verdict(ctx, c, a, v), QAWARD_EINVAL); /* another subject */
    MSG_HAS("BAN");
    assert_int_equal(qaward_cycle_apply_verdict(ctx, c, b, v), 0);
    qaward_verdict_free(v);
    assert_false(qaward_cycle_candidate_has_subject(c, b));
    assert_int_equal(qaward_cycle_candidate_verdict(c, b), QAWARD_CYCLE_ELIGIBLE);
    assert_int_equal(qaward_cycle_candidate_reason_count(c, b), 0);
    assert_int_equal(qaward_cycle_run(ctx, c, &st), 0);
    assert_int_equal(qaward_cycle_candidate_outcome(c, b), QAWARD_OUTCOME_NOT_SCORED);

    /* a subject of another kind is refused */
    qaward_subject *ind = subject("{\"id\":\"OK\",\"kind\":\"individual\"}");
    assert_int_equal(qaward_cycle_set_subject(ctx, c, a, ind), QAWARD_EINVAL);
    MSG_HAS("kind organization");
    qaward_subject_free(ind);

    qaward_cycle_free(c);
    qaward_subject_free(ok);
    qaward_subject_free(banned);
    qaward_subject_free(inc);
    qaward_memstore_free(ms);
}

/* A store failure while the cycle checks its candidates comes back unchanged
 * and leaves no verdict half-set; the run succeeds once the store answers. */
static void art13_3_cycle_checks_store_failure_at_each_callback(void **s)
{
    (void)s;
    qaward_memstore *ms;
    qaward_store inner;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&inner, ms);
    qaward_finding f;
    finding(&f, "BAN", "false_materials", 20230310);
    assert_int_equal(qaward_sanction_apply(NULL, ctx, jian, &inner, &f), 0);
    qaward_subject *ok = subject(ORG_FACTS("OK", "")), *banned = subject(ORG_FACTS("BAN", ""));
    int done = 0;
    for (int k = 1; k < 20 && !done; k++) {
        qaward_cycle *c;
        assert_int_equal(qaward_cycle_new(&c, ctx, jian, NULL, "2025", 20251218), 0);
        size_t a, b;
        assert_int_equal(qaward_cycle_add_candidate(&a, ctx, c, "OK", NULL, "organization"), 0);
        assert_int_equal(qaward_cycle_add_candidate(&b, ctx, c, "BAN", NULL, "organization"), 0);
        assert_int_equal(qaward_cycle_set_subject(ctx, c, a, ok), 0);
        assert_int_equal(qaward_cycle_set_subject(ctx, c, b, banned), 0);
        assert_int_equal(qaward_cycle_set_as_of(ctx, c, 20250630), 0);
        faultstore fs;
        qaward_store wrapped;
        faultstore_wrap(&fs, &wrapped, &inner, k);
        int rc = qaward_cycle_run(ctx, c, &wrapped);
        if (rc == 0) {
            done = 1;
            assert_int_equal(qaward_cycle_candidate_outcome(c, b), QAWARD_OUTCOME_REFUSED);
        } else {
            assert_int_equal(rc, FAULT_CODE);
            assert_false(qaward_cycle_is_run(c));
        }
        qaward_cycle_free(c);
    }
    assert_true(done);
    assert_int_equal(qaward_memstore_sanction_count(ms), 1);
    qaward_subject_free(ok);
    qaward_subject_free(banned);
    qaward_memstore_free(ms);
}

static qaward_cycle *load(const char *json, int want)
{
    qaward_cycle *c = NULL;
    int rc = qaward_cycle_load_json(&c, ctx, json, strlen(json));
    if (rc != want)
        fail_msg("load: rc %d (want %d): %s", rc, want, qaward_ctx_message(ctx));
    return c;
}

#define DOC_HEAD                                                                                                       \
    "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"as_of\":\"2025-06-30\",\"decision_date\":"           \
    "\"2025-12-18\"},\"policy\":\"jian-2023\","

static void art13_3_cycle_document_with_facts(void **s)
{
    (void)s;
    /* facts + history in one document: the sanction record refuses, a missing year leaves incomplete */
    qaward_cycle *c = load(DOC_HEAD "\"history\":{\"sanctions\":[{\"subject_id\":\"B\",\"kind\":\"false_materials\","
                                    "\"decided_on\":\"2022-03-10\",\"ban_from\":\"2022-03-10\",\"ban_until\":"
                                    "\"2027-03-10\"}]},\"candidates\":["
                                    "{\"id\":\"B\",\"kind\":\"organization\",\"subject\":{\"region_code\":\"360802\"}},"
                                    "{\"id\":\"C\",\"kind\":\"organization\",\"name\":\"C Co.\",\"subject\":{\"id\":\"C\","
                                    "\"region_code\":\"360802\"}}]}",
                           0);
    assert_int_equal(qaward_cycle_as_of(c), 20250630);
    assert_int_equal(qaward_cycle_check_candidates(ctx, c, NULL), 0);
    assert_int_equal(qaward_cycle_candidate_verdict(c, 0), QAWARD_CYCLE_INELIGIBLE);
    int found = 0;
    for (size_t i = 0; i < qaward_cycle_candidate_reason_count(c, 0); i++)
        found |= strcmp(qaward_cycle_candidate_reason_rule(c, 0, i), "art20_false_materials_ban") == 0;
    assert_true(found);
    assert_int_equal(qaward_cycle_candidate_verdict(c, 1), QAWARD_CYCLE_INCOMPLETE);
    qaward_cycle_free(c);

    /* both forms at once, neither, a mismatching id, bad facts: errors naming the path */
    load(DOC_HEAD "\"candidates\":[{\"id\":\"B\",\"kind\":\"organization\",\"verdict\":\"eligible\","
                  "\"subject\":{}}]}",
         QAWARD_ESCHEMA);
    MSG_HAS("$.candidates[0]: give either \"subject\"");
    load(DOC_HEAD "\"candidates\":[{\"id\":\"B\",\"kind\":\"organization\"}]}", QAWARD_ESCHEMA);
    MSG_HAS("needs \"verdict\" or \"subject\"");
    load(DOC_HEAD "\"candidates\":[{\"id\":\"B\",\"kind\":\"organization\",\"subject\":{\"id\":\"X\"}}]}",
         QAWARD_ESCHEMA);
    MSG_HAS("$.candidates[0].subject.id: expected \"B\"");
    load(DOC_HEAD "\"candidates\":[{\"id\":\"B\",\"kind\":\"organization\",\"subject\":{\"kind\":\"individual\"}}]}",
         QAWARD_ESCHEMA);
    MSG_HAS("$.candidates[0].subject.kind");
    load(DOC_HEAD "\"candidates\":[{\"id\":\"B\",\"kind\":\"organization\",\"subject\":"
                  "{\"registration_date\":\"2025-02-30\"}}]}",
         QAWARD_EINVAL);
    /* the position is the field's in the cycle document */
    MSG_HAS("$.candidates[0].subject: $.registration_date (line 1, column 198): date \"2025-02-30\"");
}

/* ---- refusal letters from a verdict (issue 5 item 5) ------------------------------------ */

static void art13_3_refusal_letter_from_verdict(void **s)
{
    (void)s;
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_memstore_as_store(&st, ms);
    qaward_finding f;
    finding(&f, "R", "false_materials", 20230310);
    assert_int_equal(qaward_sanction_apply(NULL, ctx, jian, &st, &f), 0);
    /* registered 2023-03-01: Art. 10(2) fails; plus the Art. 20 ban; 2024 profit missing (unknown) */
    qaward_subject *o = subject(
        "{\"id\":\"R\",\"kind\":\"organization\",\"region_code\":\"360802\",\"legal_person\":true,"
        "\"for_profit\":true,\"registration_date\":\"2023-03-01\",\"excellence_model_since\":\"2020-01-01\","
        "\"certificates\":[{\"type\":\"iso9001\",\"valid_from\":\"2015-01-01\",\"valid_to\":\"2030-12-31\"},"
        "{\"type\":\"safety_standardization\",\"level\":\"三级\",\"valid_from\":\"2023-01-01\",\"valid_to\":"
        "\"2030-12-31\"}],\"net_profit_fen\":{\"2023\":100},\"events\":[],\"attestations\":{"
        "\"supports_central_policies\":true,\"policy_compliance\":true,\"notable_quality_benefits\":true,"
        "\"industry_leading\":true,\"good_reputation\":true}}");
    qaward_verdict *v;
    assert_int_equal(qaward_check(&v, ctx, jian, o, &st, 20250630), 0);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    qaward_procedure *p;
    assert_int_equal(qaward_procedure_builtin(&p, ctx, "jian-2023"), 0);

    qaward_refusal *r;
    assert_int_equal(qaward_refusal_from_verdict(&r, ctx, "博远光电有限公司", v), 0);
    assert_int_equal(qaward_refusal_reason_count(r), 3); /* 10(2) fail, 10(5) unknown, Art. 20 fail */
    char *zh, *en, *js;
    assert_int_equal(qaward_refusal_letter(&zh, r, ctx, p, 20250715, QAWARD_LANG_ZH), 0);
    assert_int_equal(qaward_refusal_letter(&en, r, ctx, p, 20250715, QAWARD_LANG_EN), 0);
    assert_non_null(strstr(zh, "博远光电有限公司"));
    assert_non_null(strstr(zh, "第十条（二）"));
    assert_non_null(strstr(zh, "第二十条"));
    assert_non_null(strstr(zh, "2026-03-01"));
    assert_non_null(strstr(en, "Art. 10(2)"));
    assert_non_null(strstr(en, "Art. 20"));
    assert_non_null(strstr(en, "2024"));
    assert_int_equal(qaward_refusal_to_json(&js, r, ctx, p, 20250715), 0);
    assert_non_null(strstr(js, "art10_2_operating_3_years"));
    assert_non_null(strstr(js, "art10_5_profit_2_years"));
    assert_non_null(strstr(js, "art20_false_materials_ban"));
    qaward_string_free(ctx, zh);
    qaward_string_free(ctx, en);
    qaward_string_free(ctx, js);
    qaward_refusal_free(r);

    /* no name: the subject id is used */
    assert_int_equal(qaward_refusal_from_verdict(&r, ctx, NULL, v), 0);
    assert_int_equal(qaward_refusal_letter(&en, r, ctx, p, 20250715, QAWARD_LANG_EN), 0);
    assert_non_null(strstr(en, "R"));
    qaward_string_free(ctx, en);
    qaward_refusal_free(r);
    qaward_verdict_free(v);

    /* an eligible verdict has nothing to refuse; NULL is refused */
    assert_int_equal(qaward_check(&v, ctx, jian, o, NULL, 20260301), 0);
    int st2 = qaward_verdict_status(v);
    assert_int_equal(st2, QAWARD_INCOMPLETE); /* 2025 profit unknown as of 2026: only unknowns */
    assert_int_equal(qaward_refusal_from_verdict(&r, ctx, "X", v), 0);
    assert_int_equal(qaward_refusal_reason_count(r), 1);
    qaward_refusal_free(r);
    qaward_verdict_free(v);
    qaward_subject *good = subject(ORG_FACTS("G", ""));
    assert_int_equal(qaward_check(&v, ctx, jian, good, NULL, 20250630), 0);
    assert_int_equal(qaward_refusal_from_verdict(&r, ctx, "G", v), QAWARD_ESTATE);
    assert_null(r);
    MSG_HAS("nothing to refuse");
    assert_int_equal(qaward_refusal_from_verdict(&r, ctx, "G", NULL), QAWARD_EINVAL);
    qaward_verdict_free(v);
    qaward_subject_free(good);
    qaward_procedure_free(p);
    qaward_subject_free(o);
    qaward_memstore_free(ms);
}

/* ---- review rules must name the policy's tiers (R14) ------------------------------------ */

static void r14_review_rules_tier_not_in_policy(void **s)
{
    (void)s;
    static const char bad[] = "{\"format\":\"qaward-review-rules/1\",\"id\":\"old\",\"kinds\":[{\"id\":\"organization\","
                              "\"min_composite\":{\"gold\":700.00,\"honour\":500.00}}]}";
    qaward_review_rules *r;
    assert_int_equal(qaward_review_rules_load_json(&r, ctx, bad, strlen(bad)), 0);
    qaward_cycle *c = NULL;
    assert_int_equal(qaward_cycle_new(&c, ctx, lake, r, "2025", 20251120), QAWARD_ENOTFOUND);
    assert_null(c);
    MSG_HAS("tier \"honour\"");
    MSG_HAS("lakeside-2024");
    MSG_HAS("commendation");
    qaward_review_rules_free(r);
    static const char badkind[] = "{\"format\":\"qaward-review-rules/1\",\"id\":\"k\",\"kinds\":[{\"id\":\"team\","
                                  "\"min_composite\":{\"gold\":700.00}}]}";
    assert_int_equal(qaward_review_rules_load_json(&r, ctx, badkind, strlen(badkind)), 0);
    assert_int_equal(qaward_cycle_new(&c, ctx, lake, r, "2025", 20251120), QAWARD_ENOTFOUND);
    MSG_HAS("\"team\" is not a subject kind");
    qaward_review_rules_free(r);

    /* the shipped example rules agree with their policies */
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "lakeside-2025-example"), 0);
    assert_int_equal(qaward_cycle_new(&c, ctx, lake, r, "2025", 20251120), 0);
    qaward_cycle_free(c);
    /* R14: rules naming their policy serve that policy only */
    assert_int_equal(qaward_cycle_new(&c, ctx, jian, r, "2025", 20251120), QAWARD_ENOTFOUND);
    assert_null(c);
    assert_string_equal(qaward_ctx_message(ctx),
                        "cycle 2025: review rules lakeside-2025-example are for policy lakeside-2024, not jian-2023");
    qaward_review_rules_free(r);
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    assert_int_equal(qaward_cycle_new(&c, ctx, jian, r, "2025", 20251218), 0);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);

    /* a cycle document with such rules fails to load, naming the tier */
    static const char doc[] =
        "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"x\",\"decision_date\":\"2025-11-20\"},"
        "\"policy\":\"lakeside-2024\",\"review_rules\":{\"format\":\"qaward-review-rules/1\",\"id\":\"old\","
        "\"kinds\":[{\"id\":\"individual\",\"min_composite\":{\"honour\":60.00}}]},\"candidates\":[]}";
    assert_int_equal(qaward_cycle_load_json(&c, ctx, doc, strlen(doc)), QAWARD_ENOTFOUND);
    MSG_HAS("tier \"honour\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(r9_applied_ban_seen_by_check_boundaries),
        cmocka_unit_test(r10_revocation_then_check_and_cycle),
        cmocka_unit_test(r11_post_award_incident_revokes_without_ban),
        cmocka_unit_test(art13_3_cycle_verdicts_from_facts),
        cmocka_unit_test(art13_3_cycle_document_with_facts),
        cmocka_unit_test(art13_3_cycle_checks_store_failure_at_each_callback),
        cmocka_unit_test(art13_3_refusal_letter_from_verdict),
        cmocka_unit_test(r14_review_rules_tier_not_in_policy),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

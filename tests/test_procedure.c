/* Review procedure (Art. 13, 14; R15, R16, R19): notices, every illegal
 * transition, objections both ways, refusal letters, public lists, timeline
 * documents. Dates follow data/examples/timeline-2025-clean.json. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qaward.h"
#include "srcfile.h"

typedef struct fx {
    qaward_ctx *ctx;
    qaward_procedure *p;
    qaward_calendar *cal;
    qaward_timeline *t;
} fx;

static const char *const ALL[] = {"O", "I"};

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    assert_int_equal(qaward_ctx_new(&f->ctx, NULL), QAWARD_OK);
    assert_int_equal(qaward_procedure_builtin(&f->p, f->ctx, "jian-2023"), QAWARD_OK);
    assert_int_equal(qaward_calendar_builtin(&f->cal, f->ctx, qaward_procedure_calendar_name(f->p)), QAWARD_OK);
    assert_int_equal(qaward_timeline_new(&f->t, f->ctx, f->p, f->cal), QAWARD_OK);
    assert_int_equal(qaward_timeline_add_applicant(f->t, f->ctx, "O", "吉安示例电子科技有限公司", "organization", 20250825),
                     QAWARD_OK);
    assert_int_equal(qaward_timeline_add_applicant(f->t, f->ctx, "I", "张示例", "individual", 20250825), QAWARD_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    qaward_timeline_free(f->t);
    qaward_calendar_free(f->cal);
    qaward_procedure_free(f->p);
    qaward_ctx_free(f->ctx);
    free(f);
    return 0;
}

static void notice(fx *f, const char *kind, qaward_date a, qaward_date b)
{
    assert_int_equal(qaward_timeline_add_notice(f->t, f->ctx, kind, a, b, ALL, 2), QAWARD_OK);
}

static void go(fx *f, const char *id, const char *to, qaward_date d)
{
    int rc = qaward_timeline_advance(f->t, f->ctx, id, to, d);
    if (rc)
        fail_msg("%s -> %s: %s", id, to, qaward_ctx_message(f->ctx));
    assert_string_equal(qaward_timeline_stage(f->t, id), to);
}

/* An illegal move: ESTATE, the message names `needle`, the stage is unchanged. */
static void refused_move(fx *f, const char *id, const char *to, qaward_date d, const char *needle)
{
    const char *before = qaward_timeline_stage(f->t, id);
    char was[64];
    snprintf(was, sizeof was, "%s", before);
    assert_int_equal(qaward_timeline_advance(f->t, f->ctx, id, to, d), QAWARD_ESTATE);
    if (!strstr(qaward_ctx_message(f->ctx), needle))
        fail_msg("message \"%s\" lacks \"%s\"", qaward_ctx_message(f->ctx), needle);
    assert_string_equal(qaward_timeline_stage(f->t, id), was);
}

/* Everything up to material review for both applicants. */
static void to_material_review(fx *f)
{
    notice(f, "internal", 20250825, 20250829);
    go(f, "O", "recommended", 20250901);
    go(f, "I", "recommended", 20250901);
    notice(f, "county", 20250902, 20250908);
    go(f, "O", "qualification", 20250909);
    go(f, "I", "qualification", 20250909);
    assert_int_equal(qaward_timeline_set_qualification(f->t, f->ctx, "O", QAWARD_QUALIFICATION_PASSED), 0);
    assert_int_equal(qaward_timeline_set_qualification(f->t, f->ctx, "I", QAWARD_QUALIFICATION_PASSED), 0);
    notice(f, "acceptance", 20250926, 20251009);
    go(f, "O", "material_review", 20251010);
    go(f, "I", "material_review", 20251010);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "O", "material_review", 81235), 0);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "I", "material_review", 8800), 0);
    notice(f, "candidates", 20251020, 20251024);
}

static void art13_builtin_procedure_is_data(void **state)
{
    fx *f = *state;
    assert_string_equal(qaward_procedure_id(f->p), "jian-2023");
    assert_int_equal(qaward_procedure_notice_count(f->p), 5);
    assert_int_equal(qaward_procedure_stage_count(f->p), 9);
    assert_int_equal(qaward_procedure_site_review_max_days(f->p), 2);
    assert_string_equal(qaward_procedure_notice_kind(f->p, 2), "acceptance");
    assert_int_equal(qaward_procedure_notice_min_days(f->p, 2), 5);
    assert_string_equal(qaward_procedure_notice_citation(f->p, 2, 1), "第十三条（三）");
    assert_string_equal(qaward_procedure_notice_citation(f->p, 2, 0), "Art. 13(3)");
    assert_string_equal(qaward_procedure_stage_id(f->p, 4), "defence");
    assert_string_equal(qaward_procedure_stage_name(f->p, 4, 1), "陈述答辩");
    assert_null(qaward_procedure_stage_id(f->p, 9));
    assert_null(qaward_procedure_notice_kind(f->p, 5));
    assert_int_equal(qaward_procedure_notice_min_days(NULL, 0), -1);
    assert_string_equal(qaward_procedure_id(NULL), "");
    qaward_procedure *q = (qaward_procedure *)1;
    assert_int_equal(qaward_procedure_builtin(&q, f->ctx, "nope"), QAWARD_ENOTFOUND);
    assert_null(q);
}

static void art13_r16_notice_exactly_5_working_days_vs_4(void **state)
{
    fx *f = *state;
    int sat = -1;
    int32_t n = -1;
    /* Across National Day: 09-26, 09-28 (Sunday worked), 09-29, 09-30, 10-09. */
    assert_int_equal(qaward_notice_check(&sat, &n, f->ctx, f->p, f->cal, "acceptance", 20250926, 20251009), 0);
    assert_int_equal(n, 5);
    assert_int_equal(sat, 1);
    assert_int_equal(qaward_notice_check(&sat, &n, f->ctx, f->p, f->cal, "acceptance", 20250926, 20251008), 0);
    assert_int_equal(n, 4);
    assert_int_equal(sat, 0);
    /* An ordinary week: Monday to Friday is 5, to Thursday 4. */
    assert_int_equal(qaward_notice_check(&sat, &n, f->ctx, f->p, f->cal, "internal", 20250303, 20250307), 0);
    assert_int_equal(sat, 1);
    assert_int_equal(qaward_notice_check(&sat, &n, f->ctx, f->p, f->cal, "internal", 20250303, 20250306), 0);
    assert_int_equal(sat, 0);
    assert_int_equal(qaward_notice_check(&sat, &n, f->ctx, f->p, f->cal, "nope", 20250303, 20250306),
                     QAWARD_ENOTFOUND);
    assert_int_equal(qaward_notice_check(&sat, &n, f->ctx, f->p, f->cal, "county", 20271201, 20271207),
                     QAWARD_ECALENDAR);
    char *s = NULL;
    assert_int_equal(qaward_notice_check_json(&s, f->ctx, f->p, f->cal, "acceptance", 20250926, 20251002), 0);
    assert_non_null(strstr(s, "\"working_days\": 4"));
    assert_non_null(strstr(s, "\"satisfied\": false"));
    assert_non_null(strstr(s, "\"earliest_last_day\": \"2025-10-09\""));
    assert_non_null(strstr(s, "第十三条（三）"));
    qaward_string_free(f->ctx, s);
}

static void r15_full_run_individual_skips_defence(void **state)
{
    fx *f = *state;
    to_material_review(f);
    assert_int_equal(qaward_timeline_set_site_review(f->t, f->ctx, "I", 20251028, 20251028), 0);
    assert_int_equal(qaward_timeline_set_site_review(f->t, f->ctx, "O", 20251104, 20251105), 0);
    go(f, "I", "site_review", 20251027);
    go(f, "O", "defence", 20251027);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "O", "defence", 8650), 0);
    go(f, "O", "site_review", 20251029);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "O", "site_review", 82500), 0);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "I", "site_review", 9050), 0);
    go(f, "I", "ranking", 20251103);
    go(f, "O", "ranking", 20251110);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "O", "ranking", 82040), 0);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "I", "ranking", 8960), 0);
    go(f, "O", "vote", 20251117);
    go(f, "I", "vote", 20251117);
    notice(f, "proposed_winners", 20251118, 20251124);
    go(f, "O", "approved", 20251126);
    go(f, "I", "approved", 20251126);
    refused_move(f, "O", "approved", 20251201, "final stage");
    char *s = NULL;
    assert_int_equal(qaward_timeline_to_json(&s, f->t, f->ctx), 0);
    assert_non_null(strstr(s, "\"stage\": \"approved\""));
    assert_non_null(strstr(s, "\"date\": \"2025-11-26\""));
    qaward_string_free(f->ctx, s);
}

static void r15_illegal_skip_a_stage(void **state)
{
    fx *f = *state;
    notice(f, "internal", 20250825, 20250829);
    refused_move(f, "O", "qualification", 20250901, "the next stage is recommended");
    refused_move(f, "O", "declared", 20250901, "the next stage is recommended");
}

static void art13_2_illegal_without_internal_notice(void **state)
{
    fx *f = *state;
    refused_move(f, "O", "recommended", 20250901, "no internal notice lists the applicant");
    /* A notice that lists someone else does not count. */
    const char *only_i[] = {"I"};
    assert_int_equal(qaward_timeline_add_notice(f->t, f->ctx, "internal", 20250825, 20250829, only_i, 1), 0);
    refused_move(f, "O", "recommended", 20250901, "no internal notice");
    go(f, "I", "recommended", 20250901);
}

static void art13_2_illegal_notice_four_working_days(void **state)
{
    fx *f = *state;
    notice(f, "internal", 20250825, 20250828);
    refused_move(f, "O", "recommended", 20250901, "holds 4 working days; at least 5");
}

static void art13_illegal_before_notice_ends(void **state)
{
    fx *f = *state;
    notice(f, "internal", 20250825, 20250829);
    refused_move(f, "O", "recommended", 20250829, "has not ended");
    go(f, "O", "recommended", 20250830);
}

static void art13_3_illegal_without_passed_qualification(void **state)
{
    fx *f = *state;
    notice(f, "internal", 20250825, 20250829);
    go(f, "O", "recommended", 20250901);
    notice(f, "county", 20250902, 20250908);
    go(f, "O", "qualification", 20250909);
    notice(f, "acceptance", 20250926, 20251009);
    refused_move(f, "O", "material_review", 20251010, "qualification check has not passed (recorded: unknown");
    assert_int_equal(qaward_timeline_set_qualification(f->t, f->ctx, "O", QAWARD_QUALIFICATION_FAILED), 0);
    refused_move(f, "O", "material_review", 20251010, "recorded: failed");
    assert_int_equal(qaward_timeline_set_qualification(f->t, f->ctx, "O", 3), QAWARD_EINVAL);
}

static void art13_5_illegal_defence_without_scores(void **state)
{
    fx *f = *state;
    notice(f, "internal", 20250825, 20250829);
    go(f, "O", "recommended", 20250901);
    notice(f, "county", 20250902, 20250908);
    go(f, "O", "qualification", 20250909);
    assert_int_equal(qaward_timeline_set_qualification(f->t, f->ctx, "O", QAWARD_QUALIFICATION_PASSED), 0);
    notice(f, "acceptance", 20250926, 20251009);
    go(f, "O", "material_review", 20251010);
    notice(f, "candidates", 20251020, 20251024);
    refused_move(f, "O", "defence", 20251027, "no material_review score");
}

static void art13_5_defence_for_organisations_only(void **state)
{
    fx *f = *state;
    to_material_review(f);
    refused_move(f, "I", "defence", 20251027, "is not for individual applicants; the next stage is site_review");
    /* An organisation may not skip it. */
    refused_move(f, "O", "site_review", 20251027, "the next stage is defence");
    go(f, "O", "defence", 20251027);
    refused_move(f, "O", "site_review", 20251029, "no defence score");
}

static void art13_6_site_review_at_most_2_days(void **state)
{
    fx *f = *state;
    to_material_review(f);
    go(f, "I", "site_review", 20251027);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "I", "site_review", 9050), 0);
    refused_move(f, "I", "ranking", 20251103, "site review days are not recorded");
    assert_int_equal(qaward_timeline_set_site_review(f->t, f->ctx, "I", 20251028, 20251030), 0);
    refused_move(f, "I", "ranking", 20251103, "lasted 3 days; at most 2");
    assert_int_equal(qaward_timeline_set_site_review(f->t, f->ctx, "I", 20251030, 20251028), QAWARD_ERANGE);
    assert_int_equal(qaward_timeline_set_site_review(f->t, f->ctx, "I", 20251028, 20251029), 0);
    go(f, "I", "ranking", 20251103);
}

static void r15_illegal_date_before_last_transition(void **state)
{
    fx *f = *state;
    notice(f, "internal", 20250801, 20250807);
    go(f, "O", "recommended", 20250901);
    notice(f, "county", 20250902, 20250908);
    refused_move(f, "O", "qualification", 20250831, "dated before its last transition");
}

static void r15_unknown_stage_or_applicant(void **state)
{
    fx *f = *state;
    assert_int_equal(qaward_timeline_advance(f->t, f->ctx, "O", "nope", 20250901), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_timeline_advance(f->t, f->ctx, "X", "recommended", 20250901), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_timeline_advance(f->t, f->ctx, "O", "recommended", 20250231), QAWARD_EINVAL);
    assert_int_equal(qaward_timeline_add_applicant(f->t, f->ctx, "O", "dup", "organization", 20250825),
                     QAWARD_EEXISTS);
    assert_int_equal(qaward_timeline_add_applicant(f->t, f->ctx, "Z", "z", "robot", 20250825), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_timeline_add_notice(f->t, f->ctx, "nope", 20250825, 20250829, ALL, 2), QAWARD_ENOTFOUND);
    const char *x[] = {"X"};
    assert_int_equal(qaward_timeline_add_notice(f->t, f->ctx, "internal", 20250825, 20250829, x, 1),
                     QAWARD_ENOTFOUND);
    assert_int_equal(qaward_timeline_add_notice(f->t, f->ctx, "internal", 20271201, 20271207, ALL, 2),
                     QAWARD_ECALENDAR);
    assert_int_equal(qaward_timeline_set_score(f->t, f->ctx, "O", "nope", 1), QAWARD_ENOTFOUND);
    assert_null(qaward_timeline_stage(f->t, "X"));
    assert_string_equal(qaward_timeline_stage(f->t, "O"), "declared");
}

static qaward_refusal *two_reasons(fx *f)
{
    qaward_refusal *r = NULL;
    assert_int_equal(qaward_refusal_new(&r, f->ctx, "吉安示例食品有限公司"), 0);
    assert_int_equal(qaward_refusal_add_reason(r, f->ctx, "art10.3.iso9001", 0, "第十条（三）", "Art. 10(3)",
                                               "质量管理体系认证运行未满3年。",
                                               "The quality management system has run for less than 3 years."),
                     0);
    assert_int_equal(qaward_refusal_add_reason(r, f->ctx, "art10.5.profit", 1, "第十条（五）", "Art. 10(5)",
                                               "未提供2024年度财务报表。", "The 2024 accounts were not supplied."),
                     0);
    return r;
}

static void art13_3_refusal_letter_zh_en(void **state)
{
    fx *f = *state;
    qaward_refusal *r = two_reasons(f);
    assert_int_equal(qaward_refusal_reason_count(r), 2);
    assert_int_equal(qaward_refusal_add_reason(r, f->ctx, "x", 0, "", "Art. 1", "m", "m"), QAWARD_EINVAL);
    char *zh = NULL, *en = NULL, *js = NULL;
    assert_int_equal(qaward_refusal_letter(&zh, r, f->ctx, f->p, 20250919, 1), 0);
    assert_non_null(strstr(zh, "吉安示例食品有限公司"));
    assert_non_null(strstr(zh, "第十三条（三）"));
    assert_non_null(strstr(zh, "1. 质量管理体系认证运行未满3年。（第十条（三））"));
    assert_non_null(strstr(zh, "材料不足"));
    assert_non_null(strstr(zh, "2025年9月19日"));
    assert_int_equal(qaward_refusal_letter(&en, r, f->ctx, f->p, 20250919, 0), 0);
    assert_non_null(strstr(en, "Art. 13(3)"));
    assert_non_null(strstr(en, "2. The 2024 accounts were not supplied. (Art. 10(5)) [undetermined"));
    assert_non_null(strstr(en, "2025-09-19"));
    assert_int_equal(qaward_refusal_to_json(&js, r, f->ctx, f->p, 20250919), 0);
    assert_non_null(strstr(js, "\"outcome\": \"unknown\""));
    assert_non_null(strstr(js, "\"rule_id\": \"art10.3.iso9001\""));
    qaward_string_free(f->ctx, zh);
    qaward_string_free(f->ctx, en);
    qaward_string_free(f->ctx, js);
    qaward_refusal_free(r);
    qaward_refusal *empty = NULL;
    assert_int_equal(qaward_refusal_new(&empty, f->ctx, "x"), 0);
    assert_int_equal(qaward_refusal_letter(&zh, empty, f->ctx, f->p, 20250919, 1), QAWARD_ESTATE);
    qaward_refusal_free(empty);
    assert_int_equal(qaward_refusal_new(&empty, f->ctx, ""), QAWARD_EINVAL);
}

static void art13_3_refuse_only_at_qualification_with_reasons(void **state)
{
    fx *f = *state;
    qaward_refusal *r = two_reasons(f), *empty = NULL;
    assert_int_equal(qaward_refusal_new(&empty, f->ctx, "x"), 0);
    assert_int_equal(qaward_timeline_refuse(f->t, f->ctx, "O", 20250901, r), QAWARD_ESTATE);
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "is made at qualification"));
    notice(f, "internal", 20250825, 20250829);
    go(f, "O", "recommended", 20250901);
    notice(f, "county", 20250902, 20250908);
    go(f, "O", "qualification", 20250909);
    assert_int_equal(qaward_timeline_refuse(f->t, f->ctx, "O", 20250919, empty), QAWARD_ESTATE);
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "no written reasons"));
    assert_int_equal(qaward_timeline_refuse(f->t, f->ctx, "O", 20250919, r), QAWARD_OK);
    assert_string_equal(qaward_timeline_stage(f->t, "O"), "refused");
    refused_move(f, "O", "material_review", 20251010, "was refused on 2025-09-19");
    assert_int_equal(qaward_timeline_drop(f->t, f->ctx, "O", 20251010, "x"), QAWARD_ESTATE);
    qaward_refusal_free(r);
    qaward_refusal_free(empty);
}

static void r15_drop_after_a_gate(void **state)
{
    fx *f = *state;
    assert_int_equal(qaward_timeline_drop(f->t, f->ctx, "I", 20250901, ""), QAWARD_EINVAL);
    assert_int_equal(qaward_timeline_drop(f->t, f->ctx, "I", 20250901, "未列入候选名单"), 0);
    assert_string_equal(qaward_timeline_stage(f->t, "I"), "dropped");
}

static void art14_open_objection_blocks_then_dismissed(void **state)
{
    fx *f = *state;
    to_material_review(f);
    assert_int_equal(qaward_timeline_objection_open(f->t, f->ctx, "O2", "O", 20251022, "candidates"), 0);
    assert_int_equal(qaward_timeline_open_objections(f->t, "O"), 1);
    assert_int_equal(qaward_timeline_open_objections(f->t, "I"), 0);
    refused_move(f, "O", "defence", 20251027, "objection O2 (opened 2025-10-22, Art. 14) is unresolved");
    go(f, "I", "site_review", 20251027); /* the other applicant is not held */
    assert_int_equal(qaward_timeline_objection_resolve(f->t, f->ctx, "O2", 20251021, 0, "x"), QAWARD_ESTATE);
    assert_int_equal(qaward_timeline_objection_resolve(f->t, f->ctx, "O2", 20251028, 0, "异议不成立"), 0);
    assert_int_equal(qaward_timeline_open_objections(f->t, "O"), 0);
    assert_int_equal(qaward_timeline_objection_resolve(f->t, f->ctx, "O2", 20251028, 1, "again"), QAWARD_ESTATE);
    go(f, "O", "defence", 20251029);
    char *s = NULL;
    assert_int_equal(qaward_timeline_to_json(&s, f->t, f->ctx), 0);
    assert_non_null(strstr(s, "\"outcome\": \"dismissed\""));
    qaward_string_free(f->ctx, s);
}

static void art14_objection_upheld_removes_applicant(void **state)
{
    fx *f = *state;
    notice(f, "internal", 20250825, 20250829);
    assert_int_equal(qaward_timeline_objection_open(f->t, f->ctx, "O1", "I", 20250827, "internal"), 0);
    assert_int_equal(qaward_timeline_objection_open(f->t, f->ctx, "O1", "O", 20250827, NULL), QAWARD_EEXISTS);
    assert_int_equal(qaward_timeline_objection_open(f->t, f->ctx, "O9", "X", 20250827, NULL), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_timeline_objection_open(f->t, f->ctx, "O9", "O", 20250827, "nope"), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_timeline_objection_resolve(f->t, f->ctx, "O7", 20250905, 1, "x"), QAWARD_ENOTFOUND);
    refused_move(f, "I", "recommended", 20250901, "objection O1");
    assert_int_equal(qaward_timeline_objection_resolve(f->t, f->ctx, "O1", 20250905, 1, "材料造假"), 0);
    assert_string_equal(qaward_timeline_stage(f->t, "I"), "removed");
    refused_move(f, "I", "recommended", 20250908, "was removed on 2025-09-05");
    assert_int_equal(qaward_timeline_objection_open(f->t, f->ctx, "O3", "I", 20250910, NULL), QAWARD_ESTATE);
    char *s = NULL;
    assert_int_equal(qaward_timeline_to_json(&s, f->t, f->ctx), 0);
    assert_non_null(strstr(s, "\"note\": \"材料造假\""));
    assert_non_null(strstr(s, "\"outcome\": \"upheld\""));
    qaward_string_free(f->ctx, s);
}

static void r19_public_list_omits_trade_secrets(void **state)
{
    fx *f = *state;
    assert_int_equal(qaward_timeline_add_field(f->t, f->ctx, "O", "county", "吉州区", 0), 0);
    assert_int_equal(qaward_timeline_add_field(f->t, f->ctx, "O", "key_process", "压合工艺参数 SECRET-42", 1), 0);
    assert_int_equal(qaward_timeline_add_field(f->t, f->ctx, "X", "k", "v", 0), QAWARD_ENOTFOUND);
    notice(f, "internal", 20250825, 20250829);
    char *pub = NULL, *all = NULL;
    assert_int_equal(qaward_timeline_public_list_json(&pub, f->t, f->ctx, "internal"), 0);
    assert_non_null(strstr(pub, "吉安示例电子科技有限公司"));
    assert_non_null(strstr(pub, "吉州区"));
    assert_null(strstr(pub, "SECRET-42"));
    assert_null(strstr(pub, "key_process"));
    assert_int_equal(qaward_timeline_to_json(&all, f->t, f->ctx), 0);
    assert_non_null(strstr(all, "SECRET-42")); /* reviewers' output may carry it */
    qaward_string_free(f->ctx, pub);
    qaward_string_free(f->ctx, all);
    char *none = NULL;
    assert_int_equal(qaward_timeline_public_list_json(&none, f->t, f->ctx, "nope"), QAWARD_ENOTFOUND);
}

static void art13_validate_example_timelines(void **state)
{
    fx *f = *state;
    size_t len, nv = 99;
    char *doc = read_src("data/examples/timeline-2025-clean.json", &len), *rep = NULL;
    assert_int_equal(qaward_timeline_validate_json(&rep, &nv, f->ctx, NULL, NULL, doc, len), 0);
    assert_int_equal(nv, 0);
    assert_non_null(strstr(rep, "\"ok\": true"));
    qaward_string_free(f->ctx, rep);
    free(doc);
    doc = read_src("data/examples/timeline-2025.json", &len);
    assert_int_equal(qaward_timeline_validate_json(&rep, &nv, f->ctx, f->p, f->cal, doc, len), 0);
    assert_int_equal(nv, 4);
    assert_non_null(strstr(rep, "\"code\": \"notice_too_short\""));
    assert_non_null(strstr(rep, "\"code\": \"site_review_too_long\""));
    qaward_string_free(f->ctx, rep);
    free(doc);
}


/* A replayed document keeps its timeline: public lists without trade secrets
 * (R19), the refused applicant's letter (Art. 13(3)), strict transitions after (R15). */
static void art13_load_timeline_document(void **state)
{
    fx *f = *state;
    size_t len, nv = 99;
    char *doc = read_src("data/examples/timeline-2025.json", &len), *rep = NULL, *s = NULL;
    qaward_timeline *t = NULL;
    assert_int_equal(qaward_timeline_load_json(&t, &rep, &nv, f->ctx, NULL, NULL, doc, len), QAWARD_OK);
    assert_int_equal(nv, 4);
    assert_non_null(strstr(rep, "\"code\": \"site_review_too_long\""));
    qaward_string_free(f->ctx, rep);
    assert_string_equal(qaward_timeline_stage(t, "A2"), "refused");
    assert_int_equal(qaward_timeline_public_list_json(&s, t, f->ctx, "candidates"), QAWARD_OK);
    assert_non_null(strstr(s, "吉安示例电子科技有限公司"));
    assert_null(strstr(s, "key_process"));
    assert_null(strstr(s, "高频覆铜板压合工艺参数"));
    qaward_string_free(f->ctx, s);
    assert_int_equal(qaward_timeline_refusal_letter(&s, t, f->ctx, "A2", 1), QAWARD_OK);
    assert_non_null(strstr(s, "吉安示例食品有限公司"));
    assert_non_null(strstr(s, "第十条（三）"));
    qaward_string_free(f->ctx, s);
    assert_int_equal(qaward_timeline_refusal_letter(&s, t, f->ctx, "A2", 0), QAWARD_OK);
    assert_non_null(strstr(s, "Art. 10(3)"));
    qaward_string_free(f->ctx, s);
    assert_int_equal(qaward_timeline_refusal_letter(&s, t, f->ctx, "P1", 0), QAWARD_ESTATE);
    assert_null(s);
    assert_int_equal(qaward_timeline_refusal_letter(&s, t, f->ctx, "ZZ", 0), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_timeline_public_list_text(&s, t, f->ctx, "candidates", 1), QAWARD_OK);
    assert_non_null(strstr(s, "公示期 2025-10-20 至 2025-10-24"));
    assert_null(strstr(s, "key_process"));
    qaward_string_free(f->ctx, s);
    assert_int_equal(qaward_timeline_public_list_text(&s, t, f->ctx, "nope", 1), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_timeline_public_list_text(&s, t, f->ctx, "candidates", 2), QAWARD_EINVAL);
    assert_int_equal(qaward_timeline_report_text(&s, t, f->ctx, 1), QAWARD_OK);
    assert_non_null(strstr(s, "[第十三条（六）] applicant A1 -> ranking"));
    assert_non_null(strstr(s, "根据第十三条（三），现退回申报材料"));
    qaward_string_free(f->ctx, s);
    assert_int_equal(qaward_timeline_report_text(&s, t, f->ctx, 0), QAWARD_OK);
    assert_non_null(strstr(s, "[Art. 13(6)] applicant A1 -> ranking"));
    assert_non_null(strstr(s, "A2 吉安示例食品有限公司: refused (2025-09-19)"));
    qaward_string_free(f->ctx, s);
    /* strict from here: an approved applicant cannot move on */
    assert_int_equal(qaward_timeline_advance(t, f->ctx, "P1", "vote", 20251201), QAWARD_ESTATE);
    qaward_timeline_free(t);
    /* report is optional; the caller's procedure and calendar are borrowed */
    assert_int_equal(qaward_timeline_load_json(&t, NULL, NULL, f->ctx, f->p, f->cal, doc, len), QAWARD_OK);
    qaward_timeline_free(t);
    assert_int_equal(qaward_timeline_load_json(&t, NULL, NULL, f->ctx, NULL, NULL, "{", 1), QAWARD_EPARSE);
    assert_null(t);
    assert_int_equal(qaward_timeline_load_json(NULL, NULL, NULL, f->ctx, NULL, NULL, doc, len), QAWARD_EINVAL);
    free(doc);
}

static void art13_validate_bad_documents(void **state)
{
    fx *f = *state;
    char *rep = NULL;
    static const char head[] = "{\"format\":\"qaward-timeline\",\"version\":1,\"procedure\":\"jian-2023\","
                               "\"applicants\":[{\"id\":\"A\",\"name\":\"a\",\"kind\":\"organization\","
                               "\"declared\":\"2025-03-03\"}],\"notices\":[],";
    char buf[1024];
    snprintf(buf, sizeof buf, "%s\"transitions\":[{\"applicant\":\"A\",\"to\":\"recommended\",\"date\":\"2025-3-1\"}],"
                              "\"objections\":[]}", head);
    assert_int_equal(qaward_timeline_validate_json(&rep, NULL, f->ctx, NULL, NULL, buf, strlen(buf)), QAWARD_EPARSE);
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "$.transitions[0].date"));
    snprintf(buf, sizeof buf, "%s\"transitions\":[{\"applicant\":\"B\",\"to\":\"recommended\",\"date\":\"2025-03-10\"}],"
                              "\"objections\":[]}", head);
    assert_int_equal(qaward_timeline_validate_json(&rep, NULL, f->ctx, NULL, NULL, buf, strlen(buf)),
                     QAWARD_ENOTFOUND);
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "$.transitions[0]"));
    snprintf(buf, sizeof buf, "%s\"transitions\":[],\"objections\":[{\"id\":\"o\",\"applicant\":\"A\","
                              "\"opened\":\"2025-03-04\",\"resolved\":\"2025-03-05\"}]}", head);
    assert_int_equal(qaward_timeline_validate_json(&rep, NULL, f->ctx, NULL, NULL, buf, strlen(buf)), QAWARD_ESCHEMA);
    /* An objection never resolved is itself a violation (Art. 14). */
    size_t nv = 0;
    snprintf(buf, sizeof buf, "%s\"transitions\":[],\"objections\":[{\"id\":\"o\",\"applicant\":\"A\","
                              "\"opened\":\"2025-03-04\"}]}", head);
    assert_int_equal(qaward_timeline_validate_json(&rep, &nv, f->ctx, NULL, NULL, buf, strlen(buf)), 0);
    assert_int_equal(nv, 1);
    assert_non_null(strstr(rep, "objection_unresolved"));
    qaward_string_free(f->ctx, rep);
    assert_int_equal(qaward_timeline_validate_json(&rep, NULL, f->ctx, NULL, NULL, "{}", 2), QAWARD_ESCHEMA);
}

static void art13_procedure_json_errors(void **state)
{
    fx *f = *state;
    qaward_procedure *q = NULL;
    static const char *bad[] = {
        /* unknown notice in a precondition */
        "{\"format\":\"qaward-procedure\",\"version\":1,\"id\":\"x\",\"name\":{\"zh\":\"x\",\"en\":\"x\"},"
        "\"subject_kinds\":[\"organization\"],\"notices\":[],\"stages\":[{\"id\":\"a\",\"name\":{\"zh\":\"a\",\"en\":\"a\"},"
        "\"citation\":{\"zh\":\"a\",\"en\":\"a\"},\"requires\":[{\"type\":\"notice\",\"notice\":\"zzz\"}]}],"
        "\"site_review\":{\"max_days\":2,\"citation\":{\"zh\":\"a\",\"en\":\"a\"}},\"refusal\":{\"stage\":\"a\","
        "\"citation\":{\"zh\":\"a\",\"en\":\"a\"},\"issuer\":{\"zh\":\"a\",\"en\":\"a\"}},\"objection\":{\"citation\":"
        "{\"zh\":\"a\",\"en\":\"a\"}}}",
        "{\"format\":\"qaward-procedure\",\"version\":2}",
        "{\"format\":\"qaward-procedure\",\"version\":1,\"id\":\"x\",\"extra\":1}",
    };
    int want[] = {QAWARD_ENOTFOUND, QAWARD_ERANGE, QAWARD_ESCHEMA};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(qaward_procedure_load_json(&q, f->ctx, bad[i], strlen(bad[i])), want[i]);
        assert_null(q);
    }
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "extra"));
}

/* R15 in a replayed document (lenient): moves after a refusal, a refusal at
 * the wrong stage, a second refusal and a drop after it, a stage not for the
 * applicant's kind and a move past an open objection are each reported, and
 * the replay goes on. */
static void r15_lenient_replay_reports_every_broken_rule(void **state)
{
    fx *f = *state;
    static const char doc[] =
        "{\"format\":\"qaward-timeline\",\"version\":1,\"procedure\":\"jian-2023\",\"calendar\":\"cn-2023-2026\","
        "\"applicants\":[{\"id\":\"O\",\"name\":\"甲\",\"kind\":\"organization\",\"declared\":\"2025-08-25\"},"
        "{\"id\":\"I\",\"name\":\"乙\",\"kind\":\"individual\",\"declared\":\"2025-08-25\"}],"
        "\"notices\":[{\"kind\":\"internal\",\"first\":\"2025-08-25\",\"last\":\"2025-08-29\",\"applicants\":[\"O\",\"I\"]}],"
        "\"transitions\":["
        "{\"applicant\":\"O\",\"to\":\"recommended\",\"date\":\"2025-09-01\"},"
        "{\"applicant\":\"I\",\"to\":\"recommended\",\"date\":\"2025-09-01\"},"
        "{\"applicant\":\"O\",\"to\":\"refused\",\"date\":\"2025-09-02\",\"reasons\":[{\"rule_id\":\"r\",\"outcome\":\"fail\","
        "\"citation\":{\"zh\":\"第十条\",\"en\":\"Art. 10\"},\"message\":{\"zh\":\"不符合\",\"en\":\"fails\"}}]},"
        "{\"applicant\":\"O\",\"to\":\"qualification\",\"date\":\"2025-09-03\"},"
        "{\"applicant\":\"O\",\"to\":\"refused\",\"date\":\"2025-09-04\",\"reasons\":[{\"rule_id\":\"r\",\"outcome\":\"fail\","
        "\"citation\":{\"zh\":\"第十条\",\"en\":\"Art. 10\"},\"message\":{\"zh\":\"不符合\",\"en\":\"fails\"}}]},"
        "{\"applicant\":\"O\",\"to\":\"dropped\",\"date\":\"2025-09-05\"},"
        "{\"applicant\":\"I\",\"to\":\"defence\",\"date\":\"2025-09-10\"}],"
        "\"objections\":[{\"id\":\"X1\",\"applicant\":\"I\",\"opened\":\"2025-09-08\"}]}";
    char *rep = NULL;
    size_t nv = 0;
    assert_int_equal(qaward_timeline_validate_json(&rep, &nv, f->ctx, f->p, f->cal, doc, sizeof doc - 1), 0);
    assert_int_equal(nv, 9);
    static const char *const want[] = {
        "\"code\": \"refusal_wrong_stage\"",
        "applicant O: refusal on 2025-09-02 at stage recommended; a refusal with written reasons is made at "
        "qualification (Art. 13(3))",
        "applicant O: transition to qualification on 2025-09-03 not allowed: the applicant was refused on 2025-09-02",
        "applicant O: refusal on 2025-09-04 not allowed: the applicant was refused on 2025-09-02",
        "applicant O: drop on 2025-09-05 not allowed: the applicant was refused on 2025-09-02",
        "applicant I -> defence on 2025-09-10: stage defence (Art. 13(5)) is not for individual applicants; the next "
        "stage is qualification",
        "applicant I -> defence on 2025-09-10: objection X1 (opened 2025-09-08, Art. 14) is unresolved; the applicant "
        "is held at recommended",
        "\"code\": \"objection_unresolved\"",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(rep, want[i]))
            fail_msg("missing %s in\n%s", want[i], rep);
    qaward_string_free(f->ctx, rep);
}

int main(void)
{
#define T(n) cmocka_unit_test_setup_teardown(n, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(r15_lenient_replay_reports_every_broken_rule),
        T(art13_builtin_procedure_is_data),
        T(art13_r16_notice_exactly_5_working_days_vs_4),
        T(r15_full_run_individual_skips_defence),
        T(r15_illegal_skip_a_stage),
        T(art13_2_illegal_without_internal_notice),
        T(art13_2_illegal_notice_four_working_days),
        T(art13_illegal_before_notice_ends),
        T(art13_3_illegal_without_passed_qualification),
        T(art13_5_illegal_defence_without_scores),
        T(art13_5_defence_for_organisations_only),
        T(art13_6_site_review_at_most_2_days),
        T(r15_illegal_date_before_last_transition),
        T(r15_unknown_stage_or_applicant),
        T(art13_3_refusal_letter_zh_en),
        T(art13_3_refuse_only_at_qualification_with_reasons),
        T(r15_drop_after_a_gate),
        T(art14_open_objection_blocks_then_dismissed),
        T(art14_objection_upheld_removes_applicant),
        T(r19_public_list_omits_trade_secrets),
        T(art13_validate_example_timelines),
        T(art13_load_timeline_document),
        T(art13_validate_bad_documents),
        T(art13_procedure_json_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

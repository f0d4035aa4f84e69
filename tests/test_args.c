/* Issue 7.6: every public status-returning call refuses a NULL required
 * argument with QAWARD_EINVAL, whichever argument it is, with a message on the
 * context, and leaves its out-parameters NULL (DESIGN part C: "on error ...
 * leave inputs untouched; free everything partially built"). The calls are
 * generated from the headers (scripts/gen_arg_sweep.py -> tests/arg_sweep.inc):
 * each pointer argument in turn is NULL while every other one is a valid
 * object (the fixtures below), so the argument checks are taken one operand
 * at a time, not only the first one as in tests/test_edges.c's NULL sweep. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "store_int.h"
#include "qaward.h"
#include "srcfile.h"

#define OK(call) assert_int_equal((call), 0)

static int failures;

/* With a context: EINVAL, the context's status equals it, and a message. */
static void expect_ctx(qaward_ctx *ctx, const char *fn, const char *arg, int rc)
{
    const char *msg = qaward_ctx_message(ctx);
    if (rc != QAWARD_EINVAL || qaward_ctx_status(ctx) != rc || !msg || !*msg) {
        print_error("%s with NULL %s: rc %d, status %d, message \"%s\"\n", fn, arg, rc, qaward_ctx_status(ctx),
                    msg ? msg : "(null)");
        failures++;
    }
    qa_ok(ctx);
}

static void expect_plain(const char *fn, const char *arg, int rc)
{
    if (rc != QAWARD_EINVAL) {
        print_error("%s with NULL %s: rc %d, expected EINVAL\n", fn, arg, rc);
        failures++;
    }
}

/* A lookup whose context only carries the message: same status without it. */
static void expect_same(qaward_ctx *ctx, const char *fn, int rc_noctx, int rc_ctx)
{
    if (rc_noctx != rc_ctx) {
        print_error("%s without a context: rc %d, with one: %d\n", fn, rc_noctx, rc_ctx);
        failures++;
    }
    qa_ok(ctx);
}

#define SWEEP_SAME(fn, call_noctx, call_ctx) expect_same(ctx, fn, (call_noctx), (call_ctx))
#define SWEEP_CTX(fn, arg, call) expect_ctx(ctx, fn, arg, (call))
#define SWEEP_NOCTX(fn, arg, call) expect_plain(fn, arg, (call))
#define SWEEP_PLAIN(fn, arg, call) expect_plain(fn, arg, (call))

static void null_argument_refused_one_at_a_time(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    OK(qaward_ctx_new(&ctx, NULL));
    size_t hist_len, sheets_len, app_len;
    char *hist = read_src("data/examples/history.json", &hist_len);
    char *sheets_text = read_src("data/examples/sheets-2025.json", &sheets_len);
    char *app = read_src("data/examples/applicants.json", &app_len);

    qaward_policy *F_policy;
    qaward_review_rules *F_review_rules;
    qaward_scheme *F_scheme;
    qaward_sheets *F_sheets;
    qaward_scores *F_scores;
    qaward_composites *F_composites;
    qaward_memstore *F_memstore;
    qaward_subject_list *F_subject_list;
    qaward_calendar *F_calendar;
    qaward_procedure *F_procedure;
    qaward_timeline *F_timeline;
    qaward_refusal *F_refusal;
    qaward_cycle *F_cycle;
    qaward_checker *F_checker;
    qaward_verdict *F_verdict;
    qaward_store store_v;
    qaward_store *F_store = &store_v;
    OK(qaward_policy_builtin(&F_policy, ctx, "jian-2023"));
    OK(qaward_review_rules_builtin(&F_review_rules, ctx, "jian-2025-example"));
    OK(qaward_scheme_builtin(&F_scheme, ctx, "gbt19580-2012"));
    OK(qaward_sheets_load_json(&F_sheets, ctx, F_scheme, sheets_text, sheets_len));
    qaward_score_options rule_opts;
    OK(qaward_score_options_init(&rule_opts, QAWARD_SCORE_OPTIONS_VERSION));
    OK(qaward_score_options_from_rules(&rule_opts, ctx, F_review_rules));
    OK(qaward_scores_compute(&F_scores, ctx, F_sheets, &rule_opts));
    const qaward_scores *A_scores[1] = {F_scores};
    OK(qaward_composites_compute(&F_composites, ctx, F_review_rules, 1, A_scores));
    OK(qaward_memstore_new(&F_memstore, ctx));
    OK(qaward_memstore_load_json(F_memstore, ctx, hist, hist_len));
    OK(qaward_memstore_as_store(F_store, F_memstore));
    OK(qaward_subject_list_load_json(&F_subject_list, ctx, app, app_len));
    qaward_subject *F_subject = qaward_subject_list_get(F_subject_list, 0);
    assert_non_null(F_subject);
    const qaward_subject *A_subject[1] = {F_subject};
    OK(qaward_calendar_builtin(&F_calendar, ctx, "cn-2023-2026"));
    OK(qaward_procedure_builtin(&F_procedure, ctx, "jian-2023"));
    OK(qaward_timeline_new(&F_timeline, ctx, F_procedure, F_calendar));
    OK(qaward_refusal_new(&F_refusal, ctx, "X"));
    OK(qaward_cycle_new(&F_cycle, ctx, F_policy, F_review_rules, "c", 20251201));
    OK(qaward_checker_new(&F_checker, ctx, F_policy, F_store));
    OK(qaward_check(&F_verdict, ctx, F_policy, F_subject, F_store, 20250601));

    qaward_finding finding;
    qaward_finding *F_finding = &finding;
    OK(qaward_finding_init(F_finding, QAWARD_FINDING_VERSION));
    qaward_sanction_outcome outcome;
    qaward_sanction_outcome *F_sanction_outcome = &outcome;
    OK(qaward_sanction_outcome_init(F_sanction_outcome, QAWARD_SANCTION_OUTCOME_VERSION));
    qaward_score_options opts;
    qaward_score_options *F_score_options = &opts;
    OK(qaward_score_options_init(F_score_options, QAWARD_SCORE_OPTIONS_VERSION));
    qaward_award_record award;
    qaward_award_record *F_award_record = &award;
    OK(qaward_award_record_init(F_award_record, QAWARD_AWARD_RECORD_VERSION));
    qaward_sanction_record sanction;
    qaward_sanction_record *F_sanction_record = &sanction;
    OK(qaward_sanction_record_init(F_sanction_record, QAWARD_SANCTION_RECORD_VERSION));
    qaward_calendar_callbacks cbs;
    qaward_calendar_callbacks *F_calendar_callbacks = &cbs;
    OK(qaward_calendar_callbacks_init(F_calendar_callbacks, QAWARD_CALENDAR_CALLBACKS_VERSION));
    qaward_history hist_v;
    qa_history_init(&hist_v, &ctx->alloc);
    qaward_history *F_history = &hist_v;

    /* out-parameters and plain buffers */
    qaward_policy *o_policy = NULL;
    qaward_review_rules *o_review_rules = NULL;
    qaward_scheme *o_scheme = NULL;
    qaward_sheets *o_sheets = NULL;
    qaward_scores *o_scores = NULL;
    qaward_composites *o_composites = NULL;
    qaward_memstore *o_memstore = NULL;
    qaward_subject_list *o_subject_list = NULL;
    qaward_subject *o_subject = NULL;
    qaward_calendar *o_calendar = NULL;
    qaward_procedure *o_procedure = NULL;
    qaward_timeline *o_timeline = NULL;
    qaward_refusal *o_refusal = NULL;
    qaward_cycle *o_cycle = NULL;
    qaward_checker *o_checker = NULL;
    qaward_verdict *o_verdict = NULL;
    char *o_str = NULL;
    const char *o_cstr = NULL;
    char o_buf[64];
    int o_int = 0;
    int64_t o_i64 = 0, o_i64s[4] = {0};
    int32_t o_i32 = 0;
    uint32_t o_u32 = 0;
    uint8_t o_u8[64] = {0};
    size_t o_size = 0;
    qaward_date o_date = 0;
    const char *o_strs[2] = {"x", NULL};
    (void)o_buf, (void)o_i64s, (void)o_u8, (void)o_strs, (void)o_cstr, (void)o_str;

#include "arg_sweep.inc"

    assert_int_equal(failures, 0);

    qa_history_free(&hist_v);
    qaward_verdict_free(F_verdict);
    qaward_checker_free(F_checker);
    qaward_cycle_free(F_cycle);
    qaward_refusal_free(F_refusal);
    qaward_timeline_free(F_timeline);
    qaward_procedure_free(F_procedure);
    qaward_calendar_free(F_calendar);
    qaward_subject_list_free(F_subject_list);
    qaward_memstore_free(F_memstore);
    qaward_composites_free(F_composites);
    qaward_scores_free(F_scores);
    qaward_sheets_free(F_sheets);
    qaward_scheme_free(F_scheme);
    qaward_review_rules_free(F_review_rules);
    qaward_policy_free(F_policy);
    qaward_ctx_free(ctx);
    free(hist);
    free(sheets_text);
    free(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(null_argument_refused_one_at_a_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

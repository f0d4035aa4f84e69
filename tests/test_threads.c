/* Issue 7.5: thread safety. N threads share one policy, one review-rules
 * object, one scheme and its sheets, one read-only memory store, one subject
 * list (and a second copy bound to the policy with qaward_subject_bind before
 * the threads start), one calendar and one procedure; each thread has its own
 * context. Every thread checks every subject (qaward_check, its own checker,
 * the fast check, qaward_checker_fast_list over the bound list, the batch call),
 * scores the shared sheets into composites and checks notices; its results
 * (as JSON) must be identical to a single-threaded run. Run under TSan by
 * `scripts/full-check.sh tsan`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qaward.h>
#include "srcfile.h"

#define N_THREADS 8
#define ROUNDS 3

typedef struct shared {
    const qaward_policy *policy;
    const qaward_review_rules *rules;
    const qaward_sheets *sheets;
    const qaward_subject_list *subjects;
    const qaward_subject_list *bound; /* the same subjects, bound to policy (R5 fast checks) */
    const qaward_calendar *cal;
    const qaward_procedure *proc;
    qaward_store store; /* read-only memory store */
    const char *applicants;
    size_t applicants_len;
} shared;

/* Append s to a growing buffer (plain malloc: results, not library data). */
static void cat(char **buf, size_t *len, const char *s)
{
    size_t n = strlen(s);
    char *b = realloc(*buf, *len + n + 2);
    if (!b)
        abort();
    memcpy(b + *len, s, n);
    b[*len + n] = '\n';
    b[*len + n + 1] = 0;
    *len += n + 1;
    *buf = b;
}

#define OK(x)                                                                                                          \
    do {                                                                                                               \
        if ((x) != QAWARD_OK) {                                                                                        \
            fprintf(stderr, "%s failed: %s\n", #x, qaward_ctx_message(ctx));                                           \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

/* Everything one thread computes, as one string. */
static char *work(const shared *sh)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        abort();
    char *res = NULL, *out;
    size_t len = 0;
    qaward_checker *ck;
    OK(qaward_checker_new(&ck, ctx, sh->policy, &sh->store));
    const qaward_subject *s;
    for (size_t i = 0; (s = qaward_subject_list_get(sh->subjects, i)) != NULL; i++) {
        static const qaward_date dates[] = {20231231, 20250601};
        for (size_t d = 0; d < 2; d++) {
            qaward_verdict *v, *v2;
            OK(qaward_check(&v, ctx, sh->policy, s, &sh->store, dates[d]));
            OK(qaward_verdict_to_json(&out, v, ctx));
            cat(&res, &len, out);
            qaward_string_free(ctx, out);
            OK(qaward_verdict_to_text(&out, v, ctx, QAWARD_LANG_ZH));
            cat(&res, &len, out);
            qaward_string_free(ctx, out);
            OK(qaward_checker_check(&v2, ck, s, dates[d]));
            OK(qaward_verdict_to_json(&out, v2, ctx));
            cat(&res, &len, out);
            qaward_string_free(ctx, out);
            int status;
            qaward_date earliest;
            uint32_t codes[64];
            uint8_t outcomes[64];
            size_t n;
            OK(qaward_checker_fast(&status, &earliest, codes, outcomes, 64, &n, ck, s, dates[d]));
            char line[64];
            snprintf(line, sizeof line, "fast %d %d %zu", status, (int)earliest, n);
            cat(&res, &len, line);
            qaward_verdict_free(v);
            qaward_verdict_free(v2);
        }
    }
    /* the bound list through the batch fast check: per subject the unbound
       subject's fast result, and a line of the results */
    size_t n_bound = qaward_subject_list_count(sh->bound);
    int *sts = malloc((n_bound + 1) * sizeof *sts);
    qaward_date *ear = malloc((n_bound + 1) * sizeof *ear);
    if (!sts || !ear)
        abort();
    static const qaward_date list_dates[] = {20231231, 20250601, 20270101};
    for (size_t d = 0; d < 3; d++) {
        size_t done = 0;
        OK(qaward_checker_fast_list(sts, ear, &done, ck, sh->bound, list_dates[d]));
        if (done != n_bound)
            abort();
        for (size_t i = 0; i < n_bound; i++) {
            int status;
            qaward_date earliest;
            OK(qaward_checker_fast(&status, &earliest, NULL, NULL, 0, NULL, ck, qaward_subject_list_get(sh->subjects, i),
                                   list_dates[d]));
            if (status != sts[i] || earliest != ear[i]) {
                fprintf(stderr, "fast_list: subject %zu: %d %d, unbound %d %d\n", i, sts[i], (int)ear[i], status,
                        (int)earliest);
                abort();
            }
            char line[64];
            snprintf(line, sizeof line, "list %zu %d %d", i, sts[i], (int)ear[i]);
            cat(&res, &len, line);
        }
    }
    free(sts);
    free(ear);
    qaward_checker_free(ck);
    OK(qaward_check_batch_json(&out, ctx, sh->policy, &sh->store, 20250601, sh->applicants, sh->applicants_len, 0));
    cat(&res, &len, out);
    qaward_string_free(ctx, out);

    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    OK(qaward_score_options_from_rules(&o, ctx, sh->rules));
    qaward_scores *sc;
    OK(qaward_scores_compute(&sc, ctx, sh->sheets, &o));
    OK(qaward_scores_to_json(&out, ctx, sc));
    cat(&res, &len, out);
    qaward_string_free(ctx, out);
    const qaward_scores *const list[1] = {sc};
    qaward_composites *comp;
    OK(qaward_composites_compute(&comp, ctx, sh->rules, 1, list));
    OK(qaward_composites_to_json(&out, ctx, comp));
    cat(&res, &len, out);
    qaward_string_free(ctx, out);
    qaward_composites_free(comp);
    qaward_scores_free(sc);

    OK(qaward_notice_check_json(&out, ctx, sh->proc, sh->cal, "acceptance", 20250926, 20251002));
    cat(&res, &len, out);
    qaward_string_free(ctx, out);
    qaward_ctx_free(ctx);
    return res;
}

typedef struct job {
    const shared *sh;
    const char *expected;
    int mismatches;
} job;

static void *thread_main(void *arg)
{
    job *j = arg;
    for (int r = 0; r < ROUNDS; r++) {
        char *got = work(j->sh);
        if (strcmp(got, j->expected) != 0)
            j->mismatches++;
        free(got);
    }
    return NULL;
}

static void threads_share_policy_rules_store_identical_results(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    size_t hist_len, sheets_len, app_len;
    char *hist = read_src("data/examples/history.json", &hist_len);
    char *sheets_text = read_src("data/examples/sheets-2025.json", &sheets_len);
    char *app = read_src("data/examples/applicants.json", &app_len);
    qaward_policy *p;
    qaward_review_rules *r;
    qaward_scheme *scheme;
    qaward_sheets *sheets;
    qaward_memstore *ms;
    qaward_subject_list *subjects, *bound;
    qaward_calendar *cal;
    qaward_procedure *proc;
    OK(qaward_policy_builtin(&p, ctx, "jian-2023"));
    OK(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"));
    OK(qaward_scheme_builtin(&scheme, ctx, "gbt19580-2012"));
    OK(qaward_sheets_load_json(&sheets, ctx, scheme, sheets_text, sheets_len));
    OK(qaward_memstore_new(&ms, ctx));
    OK(qaward_memstore_load_json(ms, ctx, hist, hist_len));
    OK(qaward_subject_list_load_json(&subjects, ctx, app, app_len));
    OK(qaward_subject_list_load_json(&bound, ctx, app, app_len));
    for (size_t i = 0; i < qaward_subject_list_count(bound); i++)
        OK(qaward_subject_bind(qaward_subject_list_get(bound, i), ctx, p));
    OK(qaward_calendar_builtin(&cal, ctx, "cn-2023-2026"));
    OK(qaward_procedure_builtin(&proc, ctx, "jian-2023"));
    shared sh = {p, r, sheets, subjects, bound, cal, proc, {0}, app, app_len};
    OK(qaward_memstore_as_store(&sh.store, ms));

    char *expected = work(&sh);
    assert_true(strlen(expected) > 10000);
    pthread_t th[N_THREADS];
    job jobs[N_THREADS];
    for (int i = 0; i < N_THREADS; i++) {
        jobs[i] = (job){&sh, expected, 0};
        assert_int_equal(pthread_create(&th[i], NULL, thread_main, &jobs[i]), 0);
    }
    for (int i = 0; i < N_THREADS; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_int_equal(jobs[i].mismatches, 0);
    }
    fprintf(stderr, "threads: %d threads x %d rounds, %zu bytes of results each, identical\n", N_THREADS, ROUNDS,
            strlen(expected));
    free(expected);
    qaward_procedure_free(proc);
    qaward_calendar_free(cal);
    qaward_subject_list_free(subjects);
    qaward_subject_list_free(bound);
    qaward_memstore_free(ms);
    qaward_sheets_free(sheets);
    qaward_scheme_free(scheme);
    qaward_review_rules_free(r);
    qaward_policy_free(p);
    free(app);
    free(sheets_text);
    free(hist);
    qaward_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threads_share_policy_rules_store_identical_results),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

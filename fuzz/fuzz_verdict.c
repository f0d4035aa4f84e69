/* Fuzz the eligibility path: a fuzzed subject document (one subject, or a
 * list) is checked against the built-in jian-2023 policy with the sample
 * history, through qaward_check, the checker (full and fast) and the batch
 * JSON call; verdicts are serialised as JSON and text. The fast paths
 * (qaward_checker_fast on the subject as loaded and once bound to the policy,
 * qaward_checker_fast_list over a list, partly bound and then bound whole by
 * qaward_subject_list_bind) must agree with the full check on the
 * status, the earliest date and the codes and outcomes of failing and unknown
 * checks. */
#include "harness.h"

static const char history[] =
    "{\"awards\":[{\"subject_id\":\"org-a\",\"level\":\"award\",\"kind\":\"organization\",\"cycle_id\":\"2021-2022\","
    "\"award_date\":\"2022-12-20\",\"prize_fen\":50000000,\"re_win\":false}],"
    "\"sanctions\":[{\"subject_id\":\"org-b\",\"kind\":\"fraud_bribery\",\"decided_on\":\"2024-03-10\"}]}";

/* qaward_checker_fast must agree with the full verdict: status, earliest
 * date, and the codes and outcomes of the failing and unknown checks in rule
 * order (as documented for @p codes). */
static void fast_agrees(qaward_checker *ck, const qaward_subject *s, qaward_date as_of, const qaward_verdict *v,
                        const char *how)
{
    int status;
    qaward_date earliest;
    uint32_t codes[64];
    uint8_t outcomes[64];
    size_t n;
    if (qaward_checker_fast(&status, &earliest, codes, outcomes, 64, &n, ck, s, as_of) != QAWARD_OK)
        return;
    int bad = status != qaward_verdict_status(v) || earliest != qaward_verdict_earliest(v);
    size_t k = 0;
    for (size_t i = 0; i < qaward_verdict_check_count(v) && !bad; i++) {
        int o = qaward_verdict_check_outcome(v, i);
        if (o != QAWARD_FAIL && o != QAWARD_UNKNOWN)
            continue;
        if (k < 64 && (codes[k] != (uint32_t)qaward_verdict_check_code(v, i) || outcomes[k] != (uint8_t)o))
            bad = 1;
        k++;
    }
    if (bad || k != n) {
        fprintf(stderr, "checker_fast (%s) disagrees with check: %d/%d/%zu vs %d/%d/%zu\n", how, status,
                (int)earliest, n, qaward_verdict_status(v), (int)qaward_verdict_earliest(v), k);
        abort();
    }
}

static void check_one(qaward_ctx *ctx, const qaward_policy *p, const qaward_store *st, qaward_checker *ck,
                      qaward_subject *s, qaward_date as_of)
{
    qaward_verdict *v = NULL;
    int rc = fz_check(ctx, qaward_check(&v, ctx, p, s, st, as_of), "check");
    if (rc)
        return;
    char *out = NULL;
    if (fz_check(ctx, qaward_verdict_to_json(&out, v, ctx), "verdict_to_json") == QAWARD_OK)
        qaward_string_free(ctx, out);
    for (int lang = 0; lang < 2; lang++) {
        out = NULL;
        if (fz_check(ctx, qaward_verdict_to_text(&out, v, ctx, lang), "verdict_to_text") == QAWARD_OK)
            qaward_string_free(ctx, out);
    }
    for (size_t i = 0; i < qaward_verdict_check_count(v); i++) {
        (void)qaward_verdict_check_message(v, i, QAWARD_LANG_ZH);
        (void)qaward_verdict_check_facts(v, i);
        (void)qaward_verdict_check_threshold(v, i);
    }
    fast_agrees(ck, s, as_of, v, "unbound");
    /* the compiled path over the compact block of a bound subject (speed
     * path of issue 2) must give the same answer as the full check */
    if (qaward_subject_bind(s, ctx, p) == QAWARD_OK)
        fast_agrees(ck, s, as_of, v, "bound");
    qaward_verdict_free(v);
}

/* qaward_checker_fast_list over a list (its first subjects bound by
 * check_one, the rest not) must give each subject's qaward_checker_fast answer. */
static void list_agrees(qaward_checker *ck, const qaward_subject_list *l, qaward_date as_of)
{
    size_t n = qaward_subject_list_count(l), done = 0;
    int *st = malloc((n ? n : 1) * sizeof *st);
    qaward_date *ed = malloc((n ? n : 1) * sizeof *ed);
    if (st && ed && qaward_checker_fast_list(st, ed, &done, ck, l, as_of) == QAWARD_OK) {
        for (size_t i = 0; i < n; i++) {
            int one;
            qaward_date e1;
            if (qaward_checker_fast(&one, &e1, NULL, NULL, 0, NULL, ck, qaward_subject_list_get(l, i), as_of) ==
                    QAWARD_OK &&
                (one != st[i] || e1 != ed[i] || done != n)) {
                fprintf(stderr, "checker_fast_list disagrees at %zu: %d/%d vs %d/%d\n", i, st[i], (int)ed[i], one,
                        (int)e1);
                abort();
            }
        }
    }
    free(st);
    free(ed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const qaward_date dates[] = {20250601, 20231231};
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    qaward_policy *p = NULL;
    qaward_memstore *ms = NULL;
    qaward_store st;
    qaward_checker *ck = NULL;
    if (qaward_policy_builtin(&p, ctx, "jian-2023") || qaward_memstore_new(&ms, ctx) ||
        qaward_memstore_load_json(ms, ctx, history, sizeof history - 1) || qaward_memstore_as_store(&st, ms) ||
        qaward_checker_new(&ck, ctx, p, &st))
        abort();
    char *buf = fz_copy(data, size);
    if (buf) {
        qaward_subject *s = NULL;
        qaward_subject_list *l = NULL;
        if (qaward_subject_load_json(&s, ctx, buf, size) == QAWARD_OK) {
            for (size_t d = 0; d < 2; d++)
                check_one(ctx, p, &st, ck, s, dates[d]);
            qaward_subject_free(s);
        }
        if (qaward_subject_list_load_json(&l, ctx, buf, size) == QAWARD_OK) {
            qaward_subject *x;
            for (size_t i = 0; (x = qaward_subject_list_get(l, i)) != NULL && i < 16; i++)
                check_one(ctx, p, &st, ck, x, dates[0]);
            list_agrees(ck, l, dates[0]);
            /* the whole list bound at once (on failure nothing stays bound) */
            fz_check(ctx, qaward_subject_list_bind(l, ctx, p), "subject_list_bind");
            list_agrees(ck, l, dates[0]);
            qaward_subject_list_free(l);
        }
        for (uint32_t flags = 0; flags < 4; flags++) {
            char *out = NULL;
            if (fz_check(ctx, qaward_check_batch_json(&out, ctx, p, &st, dates[0], buf, size, flags), "batch") ==
                QAWARD_OK)
                qaward_string_free(ctx, out);
        }
    }
    free(buf);
    qaward_checker_free(ck);
    qaward_memstore_free(ms);
    qaward_policy_free(p);
    qaward_ctx_free(ctx);
    return 0;
}

/* Benchmark: eligibility checks per second against jian-2023 with the in-memory
 * store, fast mode (status + reason codes) and full mode (verdict with reason
 * records), for 1,000 and 200,000 synthetic organisations. Prints figures; not a test. */
#include <qaward.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); /* CPU time of this thread: robust on a shared machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define CHECK(x)                                                                                                       \
    do {                                                                                                               \
        int rc_ = (x);                                                                                                 \
        if (rc_) {                                                                                                     \
            fprintf(stderr, "%s failed: %d %s\n", #x, rc_, qaward_ctx_message(ctx));                                   \
            exit(1);                                                                                                   \
        }                                                                                                              \
    } while (0)

static const char *const att[] = {"supports_central_policies", "policy_compliance", "notable_quality_benefits",
                                  "industry_leading", "good_reputation"};

static qaward_subject **make_orgs(qaward_ctx *ctx, qaward_memstore *ms, size_t n)
{
    qaward_subject **v = malloc(n * sizeof *v);
    uint32_t seed = 12345;
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "org-%06zu", i);
        seed = seed * 1103515245u + 12345u;
        uint32_t r = seed >> 8;
        qaward_subject *s;
        CHECK(qaward_subject_new(&s, ctx, id, "organization"));
        CHECK(qaward_subject_set_region(s, ctx, r % 50 ? "360802" : "440305"));
        CHECK(qaward_subject_set_legal_person(s, ctx, 1));
        CHECK(qaward_subject_set_for_profit(s, ctx, r % 13 != 0));
        CHECK(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, (qaward_date)((2000 + r % 25) * 10000 + 101 + r % 12 * 100)));
        CHECK(qaward_subject_set_date(s, ctx, QAWARD_DATE_EXCELLENCE_SINCE, (qaward_date)((2018 + r % 7) * 10000 + 601)));
        CHECK(qaward_subject_add_certificate(s, ctx, r % 3 ? "iso9001" : "iatf16949", NULL,
                                             (qaward_date)((2015 + r % 9) * 10000 + 301), QAWARD_DATE_NONE));
        CHECK(qaward_subject_add_certificate(s, ctx, "safety_standardization", r % 17 ? "二级" : "三级", 20220101, 20271231));
        CHECK(qaward_subject_set_profit(s, ctx, 2023, (int64_t)(r % 1000) * 100000 - 5000000));
        CHECK(qaward_subject_set_profit(s, ctx, 2024, (int64_t)(r % 997) * 100000));
        CHECK(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1));
        if (r % 11 == 0)
            CHECK(qaward_subject_add_event(s, ctx, "production_safety_accident", "一般", (int32_t)(r % 2), 20230712));
        if (r % 7 == 0)
            CHECK(qaward_subject_add_event(s, ctx, "quality_complaint", "一般", 0, 20240301));
        for (size_t k = 0; k < 5; k++)
            if (k != 4 || r % 19)
                CHECK(qaward_subject_set_attestation(s, ctx, att[k], 1));
        if (r % 10 == 0) {
            qaward_award_record a;
            qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
            a.subject_id = id;
            a.level = r % 20 ? "award" : "nomination";
            a.kind = "organization";
            a.award_date = (qaward_date)((2016 + r % 8) * 10000 + 1220);
            CHECK(qaward_memstore_add_award(ms, ctx, &a));
        }
        if (r % 50 == 1) {
            qaward_sanction_record x;
            qaward_sanction_record_init(&x, QAWARD_SANCTION_RECORD_VERSION);
            x.subject_id = id;
            x.kind = "false_materials";
            x.decided_on = 20230310;
            CHECK(qaward_memstore_add_sanction(ms, ctx, &x));
        }
        v[i] = s;
    }
    return v;
}

static void bind_all(qaward_ctx *ctx, const qaward_policy *p, qaward_subject **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        CHECK(qaward_subject_bind(v[i], ctx, p));
}

/* Only one measurement (for callgrind/perf): bound subjects, mode "fast", "many" or "full". */
static void run_only(qaward_ctx *ctx, const qaward_policy *p, size_t n, const char *mode, size_t total)
{
    qaward_memstore *ms;
    qaward_store st;
    CHECK(qaward_memstore_new(&ms, ctx));
    CHECK(qaward_memstore_as_store(&st, ms));
    qaward_subject **orgs = make_orgs(ctx, ms, n);
    bind_all(ctx, p, orgs, n);
    qaward_checker *c;
    CHECK(qaward_checker_new(&c, ctx, p, &st));
    size_t rounds = (total + n - 1) / n, counts[3] = {0, 0, 0};
    int *sts = malloc(n * sizeof *sts);
    uint32_t codes[32];
    double t0 = now();
    for (size_t r = 0; r < rounds; r++) {
        if (strcmp(mode, "many") == 0) {
            CHECK(qaward_checker_fast_many(sts, NULL, NULL, NULL, c, (const qaward_subject *const *)orgs, n, 20250401));
            for (size_t i = 0; i < n; i++)
                counts[sts[i]]++;
        } else if (strcmp(mode, "fast") == 0) {
            for (size_t i = 0; i < n; i++) {
                size_t nc;
                CHECK(qaward_checker_fast(&sts[i], NULL, codes, NULL, 32, &nc, c, orgs[i], 20250401));
                counts[sts[i]]++;
            }
        } else {
            for (size_t i = 0; i < n; i++) {
                qaward_verdict *v;
                CHECK(qaward_checker_check(&v, c, orgs[i], 20250401));
                counts[qaward_verdict_status(v)]++;
                qaward_verdict_free(v);
            }
        }
    }
    double t = now() - t0;
    printf("bound %zu organisations, %s: %.0f/s [eligible %zu, ineligible %zu, incomplete %zu of %zu]\n", n, mode,
           (double)(rounds * n) / t, counts[0] / rounds, counts[1] / rounds, counts[2] / rounds, n);
    free(sts);
    qaward_checker_free(c);
    for (size_t i = 0; i < n; i++)
        qaward_subject_free(orgs[i]);
    free(orgs);
    qaward_memstore_free(ms);
}

static void run(qaward_ctx *ctx, const qaward_policy *p, size_t n, int bind)
{
    qaward_memstore *ms;
    qaward_store st;
    CHECK(qaward_memstore_new(&ms, ctx));
    CHECK(qaward_memstore_as_store(&st, ms));
    qaward_subject **orgs = make_orgs(ctx, ms, n);
    if (bind)
        bind_all(ctx, p, orgs, n);
    qaward_checker *c;
    CHECK(qaward_checker_new(&c, ctx, p, &st));
    size_t target = 2000000, rounds = (target + n - 1) / n, counts[3] = {0, 0, 0};
    uint32_t codes[32];
    int status;
    double t0 = now();
    for (size_t r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++) {
            size_t nc;
            CHECK(qaward_checker_fast(&status, NULL, codes, NULL, 32, &nc, c, orgs[i], 20250401));
            counts[status]++;
        }
    double fast = (double)(rounds * n) / (now() - t0);
    int *sts = malloc(n * sizeof *sts);
    t0 = now();
    for (size_t r = 0; r < rounds; r++)
        CHECK(qaward_checker_fast_many(sts, NULL, NULL, NULL, c, (const qaward_subject *const *)orgs, n, 20250401));
    double many = (double)(rounds * n) / (now() - t0);
    free(sts);
    size_t full_rounds = (1000000 + n - 1) / n;
    t0 = now();
    for (size_t r = 0; r < full_rounds; r++)
        for (size_t i = 0; i < n; i++) {
            qaward_verdict *v;
            CHECK(qaward_checker_check(&v, c, orgs[i], 20250401));
            qaward_verdict_free(v);
        }
    double full = (double)(full_rounds * n) / (now() - t0);
    t0 = now();
    size_t once = n < 200000 ? n : 200000;
    for (size_t i = 0; i < once; i++) {
        qaward_verdict *v;
        CHECK(qaward_check(&v, ctx, p, orgs[i], &st, 20250401));
        qaward_verdict_free(v);
    }
    double plain = (double)once / (now() - t0);
    printf("%-8s %7zu organisations: fast %9.0f/s  fast_many %9.0f/s  full (checker) %9.0f/s  qaward_check %9.0f/s"
           "  [eligible %zu, ineligible %zu, incomplete %zu of %zu]\n",
           bind ? "bound" : "unbound", n, fast, many, full, plain, counts[0] / rounds, counts[1] / rounds, counts[2] / rounds, n);
    qaward_checker_free(c);
    for (size_t i = 0; i < n; i++)
        qaward_subject_free(orgs[i]);
    free(orgs);
    qaward_memstore_free(ms);
}

/* Usage: bench_check            all figures
 *        bench_check N MODE [TOTAL]  bound only, MODE fast|many|full, TOTAL checks (default 2,000,000) */
int main(int argc, char **argv)
{
    qaward_ctx *ctx;
    qaward_policy *p;
    if (qaward_ctx_new(&ctx, NULL))
        return 1;
    CHECK(qaward_policy_builtin(&p, ctx, "jian-2023"));
    if (argc >= 3) {
        run_only(ctx, p, (size_t)strtoul(argv[1], NULL, 10), argv[2], argc > 3 ? (size_t)strtoul(argv[3], NULL, 10) : 2000000);
        qaward_policy_free(p);
        qaward_ctx_free(ctx);
        return 0;
    }
    printf("libqaward %s, policy %s, as of 2025-04-01, in-memory store, one core (checks per CPU-second of the thread)\n", qaward_version(), qaward_policy_id(p));
    for (int bind = 0; bind < 2; bind++) {
        run(ctx, p, 1000, bind);
        run(ctx, p, 200000, bind);
    }
    qaward_policy_free(p);
    qaward_ctx_free(ctx);
    return 0;
}

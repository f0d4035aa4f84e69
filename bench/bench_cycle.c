/* A 100,000-candidate cycle from one JSON document to the report (issue 4):
 * target <= 2 s on one core, peak RSS <= 3x the input size. Prints both. */
#include <qaward.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* the report goes to a file (here /dev/null), as `qaward cycle` writes it to stdout */
typedef struct {
    FILE *f;
    size_t bytes;
} sink_state;

static int to_file(void *ud, const char *data, size_t len)
{
    sink_state *s = ud;
    s->bytes += len;
    return fwrite(data, 1, len, s->f) == len ? 0 : -1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 100000;
    /* the document: composites, stage totals, votes, some refused with reasons, some re-winners */
    size_t cap = n * 420 + 4096, len = 0;
    char *doc = malloc(cap);
    if (!doc)
        return 1;
    len += (size_t)snprintf(doc + len, cap - len,
                            "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"decision_date\":\"2025-12-18\"},"
                            "\"policy\":\"jian-2023\",\"review_rules\":\"jian-2025-example\",\"history\":{\"awards\":[");
    for (size_t i = 0; i < n; i += 1000)
        len += (size_t)snprintf(doc + len, cap - len,
                                "%s{\"subject_id\":\"S%07zu\",\"level\":\"award\",\"kind\":\"organization\","
                                "\"award_date\":\"2017-12-20\",\"prize_fen\":50000000}",
                                i ? "," : "", i);
    len += (size_t)snprintf(doc + len, cap - len, "]},\"candidates\":[");
    unsigned long long x = 88172645463325252ULL;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int org = i % 5 != 0;
        long site = org ? 40000 + (long)(x % 50000) : 4000 + (long)(x % 5000);
        long mat = org ? 40000 + (long)((x >> 20) % 50000) : 4000 + (long)((x >> 20) % 5000);
        int refused = i % 37 == 0;
        len += (size_t)snprintf(
            doc + len, cap - len,
            "%s{\"id\":\"S%07zu\",\"name\":\"示例企业%zu有限公司\",\"kind\":\"%s\",\"verdict\":\"%s\",%s"
            "\"stages\":{\"material\":%ld.%02ld,%s\"site\":%ld.%02ld},"
            "\"vote\":{\"for\":%d,\"against\":2,\"abstain\":1,\"present\":13,\"members\":15}}",
            i ? "," : "", i, i, org ? "organization" : "individual", refused ? "ineligible" : "eligible",
            refused ? "\"reasons\":[{\"rule_id\":\"art20_false_materials_ban\",\"citation\":\"第二十条\","
                      "\"zh\":\"五年内不予受理\",\"en\":\"refused for 5 years\"}],"
                    : "",
            mat / 100, mat % 100, org ? "\"defence\":700.00," : "", site / 100, site % 100, (int)(x % 4) + 7);
        if (cap - len < 1024) {
            cap *= 2;
            doc = realloc(doc, cap);
            if (!doc)
                return 1;
        }
    }
    len += (size_t)snprintf(doc + len, cap - len, "]}");

    struct rusage ru0;
    getrusage(RUSAGE_SELF, &ru0);
    qaward_ctx *ctx;
    qaward_ctx_new(&ctx, NULL);
    double t0 = now();
    qaward_cycle *c;
    int rc = qaward_cycle_load_json(&c, ctx, doc, len);
    if (rc) {
        fprintf(stderr, "load: %s\n", qaward_ctx_message(ctx));
        return 1;
    }
    double t1 = now();
    if ((rc = qaward_cycle_run(ctx, c, NULL))) {
        fprintf(stderr, "run: %s\n", qaward_ctx_message(ctx));
        return 1;
    }
    double t2 = now();
    sink_state sink = {fopen("/dev/null", "wb"), 0};
    if (!sink.f)
        return 1;
    if ((rc = qaward_cycle_report_write(ctx, c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0, to_file, &sink))) {
        fprintf(stderr, "report: %s\n", qaward_ctx_message(ctx));
        return 1;
    }
    double t3 = now();
    size_t outlen = sink.bytes;
    fclose(sink.f);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("bench_cycle: %zu candidates, input %.1f MB, report %.1f MB (streamed with qaward_cycle_report_write)\n", n, len / 1e6, outlen / 1e6);
    printf("  load %.3f s, run %.3f s, report %.3f s, total %.3f s (target <= 2 s)\n", t1 - t0, t2 - t1, t3 - t2,
           t3 - t0);
    printf("  peak RSS %.1f MB = %.2f x input (target <= 3x; includes the input buffer itself)\n",
           ru.ru_maxrss / 1024.0, (ru.ru_maxrss * 1024.0) / (double)len);
    printf("  peak RSS before loading (document generation) %.1f MB\n", ru0.ru_maxrss / 1024.0);
    printf("  prize total %lld fen\n", (long long)qaward_cycle_prize_total(c));
    qaward_cycle_free(c);
    qaward_ctx_free(ctx);
    free(doc);
    return 0;
}

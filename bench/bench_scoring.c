/* bench_scoring: 100,000 applicants × 5 assessors × 23 GB/T 19580 items,
 * material review and site review, aggregated (trimmed mean) to stage totals
 * and composites under example review rules (Art. 13, R14).
 * Target: ≤ 0.5 s on one core with JSON excluded. Prints figures; no asserts
 * on time (speed lives here, not in tests). Usage: bench_scoring [applicants] */
#include <qaward.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint32_t rng = 2025;
static int pct_for(void)
{
    rng = rng * 1103515245u + 12345u;
    return (int)((rng >> 16) % 21) * 5; /* 0..100 in steps of 5 */
}

static void die(qaward_ctx *ctx, const char *what, int rc)
{
    fprintf(stderr, "bench_scoring: %s: %s (%s)\n", what, qaward_ctx_message(ctx), qaward_strerror(rc));
    exit(1);
}

static const char *const stages[] = {"material", "site"};
#define N_ASSESSORS 5

int main(int argc, char **argv)
{
    size_t n_app = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 100000;
    qaward_ctx *ctx;
    qaward_scheme *scheme;
    qaward_review_rules *rules;
    int rc;
    if (qaward_ctx_new(&ctx, NULL))
        return 1;
    if ((rc = qaward_scheme_builtin(&scheme, ctx, "gbt19580-2012")))
        die(ctx, "scheme", rc);
    /* example review rules with the two weighted stages (no defence gate:
     * every applicant gets a composite) */
    static const char two_stage[] =
        "{\"format\":\"qaward-review-rules/1\",\"id\":\"bench\",\"example\":true,"
        "\"kinds\":[{\"id\":\"organization\",\"scheme\":\"gbt19580-2012\",\"stages\":["
        "{\"id\":\"material\",\"weight_permille\":400},{\"id\":\"site\",\"weight_permille\":600}]}],"
        "\"aggregation\":{\"method\":\"trimmed_mean\",\"min_assessors\":5},\"spread_threshold_pct\":20}";
    if ((rc = qaward_review_rules_load_json(&rules, ctx, two_stage, sizeof two_stage - 1)))
        die(ctx, "rules", rc);
    size_t n_items = qaward_scheme_item_count(scheme);
    qaward_score_options opts;
    qaward_score_options_init(&opts, QAWARD_SCORE_OPTIONS_VERSION);
    qaward_score_options_from_rules(&opts, ctx, rules);

    /* ---- build the sheets through the API (not timed as aggregation) ---- */
    double t0 = now();
    qaward_sheets *sheets;
    if ((rc = qaward_sheets_new(&sheets, ctx, scheme)))
        die(ctx, "sheets", rc);
    char app[32], as[8];
    for (size_t a = 0; a < n_app; a++) {
        snprintf(app, sizeof app, "ORG-%06zu", a);
        qaward_sheets_set_kind(ctx, sheets, app, "organization");
        for (int st = 0; st < 2; st++)
            for (int e = 0; e < N_ASSESSORS; e++) {
                size_t idx;
                snprintf(as, sizeof as, "E%d", e + 1);
                if ((rc = qaward_sheets_add(&idx, ctx, sheets, app, stages[st], as, QAWARD_ROLE_ASSESSOR)))
                    die(ctx, "add", rc);
                for (size_t i = 0; i < n_items; i++)
                    if ((rc = qaward_sheets_set_at(ctx, sheets, idx, i, pct_for(), NULL)))
                        die(ctx, "set", rc);
            }
    }
    double t_build = now() - t0;

    /* ---- aggregation to stage totals and composites (JSON excluded) ---- */
    t0 = now();
    qaward_scores *scores;
    if ((rc = qaward_scores_compute(&scores, ctx, sheets, &opts)))
        die(ctx, "scores", rc);
    double t_scores = now() - t0;
    qaward_composites *comp;
    const qaward_scores *sets[] = {scores};
    if ((rc = qaward_composites_compute(&comp, ctx, rules, 1, sets)))
        die(ctx, "composites", rc);
    double t_agg = now() - t0;
    int64_t sum = 0, c;
    for (size_t i = 0; i < qaward_composites_count(comp); i++) {
        qaward_composites_get(NULL, NULL, NULL, &c, ctx, comp, i);
        sum += c;
    }
    size_t n_scores = n_app * 2 * N_ASSESSORS * n_items;
    printf("bench_scoring: %zu applicants x 2 stages (material, site) x %d assessors x %zu items = %zu scores\n",
           n_app, N_ASSESSORS, n_items, n_scores);
    printf("  build sheets via API           %8.3f s\n", t_build);
    printf("  aggregate (trimmed mean)       %8.3f s  (%.3f s per stage)\n", t_scores, t_scores / 2);
    printf("  aggregate + composites         %8.3f s  target <= 0.5 s, JSON excluded: %s\n", t_agg,
           t_agg <= 0.5 ? "met" : "MISSED");
    printf("  checksum of composites         %lld\n", (long long)sum);
    qaward_composites_free(comp);
    qaward_scores_free(scores);
    qaward_sheets_free(sheets);

    /* ---- JSON-inclusive: documents of 10,000 applicants each, parsed,
     * validated, scored, then composites over all the score sets ---- */
    size_t chunk = 10000, n_chunks = (n_app + chunk - 1) / chunk;
    qaward_sheets **sh = calloc(n_chunks, sizeof *sh);
    qaward_scores **sc = calloc(n_chunks, sizeof *sc);
    size_t cap = chunk * 2 * N_ASSESSORS * (n_items * 28 + 96) + 4096;
    char *doc = malloc(cap);
    if (!sh || !sc || !doc)
        return 1;
    double t_json = 0;
    size_t json_bytes = 0;
    char **ids = malloc(n_items * sizeof *ids);
    for (size_t i = 0; i < n_items; i++)
        ids[i] = (char *)qaward_scheme_item_id(scheme, i);
    for (size_t k = 0; k < n_chunks; k++) {
        size_t lo = k * chunk, hi = lo + chunk < n_app ? lo + chunk : n_app, n = 0;
        n += (size_t)sprintf(doc + n, "{\"format\":\"qaward-sheets/1\",\"scheme\":\"gbt19580-2012\",\"applicants\":[");
        for (size_t a = lo; a < hi; a++)
            n += (size_t)sprintf(doc + n, "%s{\"id\":\"ORG-%06zu\",\"kind\":\"organization\"}", a > lo ? "," : "", a);
        n += (size_t)sprintf(doc + n, "],\"sheets\":[");
        int first = 1;
        for (size_t a = lo; a < hi; a++)
            for (int st = 0; st < 2; st++)
                for (int e = 0; e < N_ASSESSORS; e++) {
                    n += (size_t)sprintf(doc + n,
                                         "%s{\"applicant\":\"ORG-%06zu\",\"stage\":\"%s\",\"assessor\":\"E%d\",\"scores\":[",
                                         first ? "" : ",", a, stages[st], e + 1);
                    first = 0;
                    for (size_t i = 0; i < n_items; i++)
                        n += (size_t)sprintf(doc + n, "%s{\"item\":\"%s\",\"pct\":%d}", i ? "," : "", ids[i], pct_for());
                    n += (size_t)sprintf(doc + n, "]}");
                }
        n += (size_t)sprintf(doc + n, "]}");
        json_bytes += n;
        t0 = now();
        if ((rc = qaward_sheets_load_json(&sh[k], ctx, scheme, doc, n)))
            die(ctx, "load json", rc);
        if ((rc = qaward_scores_compute(&sc[k], ctx, sh[k], &opts)))
            die(ctx, "scores", rc);
        t_json += now() - t0;
    }
    t0 = now();
    if ((rc = qaward_composites_compute(&comp, ctx, rules, n_chunks, (const qaward_scores *const *)sc)))
        die(ctx, "composites", rc);
    t_json += now() - t0;
    printf("  JSON-inclusive (parse + validate + aggregate + composites, %zu documents, %.0f MB) %8.3f s\n",
           n_chunks, (double)json_bytes / 1e6, t_json);
    qaward_composites_free(comp);
    for (size_t k = 0; k < n_chunks; k++) {
        qaward_scores_free(sc[k]);
        qaward_sheets_free(sh[k]);
    }
    free(ids);
    free(sh);
    free(sc);
    free(doc);
    qaward_review_rules_free(rules);
    qaward_scheme_free(scheme);
    qaward_ctx_free(ctx);
    return 0;
}

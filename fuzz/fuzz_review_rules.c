/* Fuzz qaward_review_rules_load_json; rules that load are queried for every
 * getter and combine two stage totals into a composite (R14). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    char *buf = fz_copy(data, size);
    qaward_review_rules *r = NULL;
    if (buf && fz_check(ctx, qaward_review_rules_load_json(&r, ctx, buf, size), "review_rules_load_json") == QAWARD_OK) {
        int i1, i2;
        int64_t n, d;
        size_t sz;
        fz_check(ctx, qaward_review_rules_aggregation(&i1, ctx, r), "aggregation");
        fz_check(ctx, qaward_review_rules_min_assessors(&sz, ctx, r), "min_assessors");
        fz_check(ctx, qaward_review_rules_spread_threshold(&i1, ctx, r), "spread");
        fz_check(ctx, qaward_review_rules_vote_quorum(&n, &d, ctx, r), "quorum");
        fz_check(ctx, qaward_review_rules_vote_pass(&n, &d, &i2, ctx, r), "vote_pass");
        fz_check(ctx, qaward_review_rules_vote_backfill(&i1, ctx, r), "backfill");
        static const char *const kinds[] = {"organization", "individual", "x"};
        static const char *const stages[] = {"material", "defence", "site"};
        static const int64_t totals[] = {80000, 75050, 99999};
        for (size_t k = 0; k < 3; k++) {
            const char *sch;
            int64_t v;
            int g;
            fz_check(ctx, qaward_review_rules_scheme(&sch, ctx, r, kinds[k]), "scheme");
            for (size_t s = 0; s < 3; s++) {
                fz_check(ctx, qaward_review_rules_stage_weight(&v, ctx, r, kinds[k], stages[s]), "weight");
                fz_check(ctx, qaward_review_rules_stage_is_gate(&g, ctx, r, kinds[k], stages[s]), "gate");
                fz_check(ctx, qaward_review_rules_stage_pass_mark(&v, ctx, r, kinds[k], stages[s]), "pass_mark");
            }
            fz_check(ctx, qaward_review_rules_min_composite(&v, ctx, r, kinds[k], "award"), "min_composite");
            for (size_t ns = 0; ns <= 3; ns++)
                fz_check(ctx, qaward_review_rules_composite(&v, &g, ctx, r, kinds[k], ns, stages, totals),
                         "composite");
        }
        qaward_score_options o;
        qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
        fz_check(ctx, qaward_score_options_from_rules(&o, ctx, r), "options_from_rules");
        qaward_review_rules_free(r);
    }
    free(buf);
    qaward_ctx_free(ctx);
    return 0;
}

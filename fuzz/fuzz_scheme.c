/* Fuzz qaward_scheme_load_json; a scheme that loads gets one sheet scored at
 * 60 % on every item, computed and written as JSON and text. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    char *buf = fz_copy(data, size);
    qaward_scheme *sc = NULL;
    if (buf && fz_check(ctx, qaward_scheme_load_json(&sc, ctx, buf, size), "scheme_load_json") == QAWARD_OK) {
        (void)qaward_scheme_total_points(sc);
        qaward_sheets *sh = NULL;
        if (fz_check(ctx, qaward_sheets_new(&sh, ctx, sc), "sheets_new") == QAWARD_OK) {
            size_t idx;
            if (fz_check(ctx, qaward_sheets_add(&idx, ctx, sh, "A", "material", "e1", QAWARD_ROLE_ASSESSOR), "sheets_add") == QAWARD_OK) {
                size_t n = qaward_scheme_item_count(sc);
                for (size_t i = 0; i < n; i++)
                    fz_check(ctx, qaward_sheets_set_at(ctx, sh, idx, i, 60, NULL), "sheets_set_at");
            }
            qaward_score_options o;
            qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
            o.aggregation = QAWARD_AGG_MEAN;
            o.min_assessors = 1;
            qaward_scores *s = NULL;
            if (fz_check(ctx, qaward_scores_compute(&s, ctx, sh, &o), "scores_compute") == QAWARD_OK) {
                char *out = NULL;
                if (fz_check(ctx, qaward_scores_to_json(&out, ctx, s), "scores_to_json") == QAWARD_OK)
                    qaward_string_free(ctx, out);
                out = NULL;
                if (fz_check(ctx, qaward_scores_to_text(&out, ctx, s, "zh"), "scores_to_text") == QAWARD_OK)
                    qaward_string_free(ctx, out);
                qaward_scores_free(s);
            }
            qaward_sheets_free(sh);
        }
        qaward_scheme_free(sc);
    }
    free(buf);
    qaward_ctx_free(ctx);
    return 0;
}

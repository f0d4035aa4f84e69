/* Fuzz qaward_sheets_scheme_name and qaward_sheets_load_json on the built-in
 * GB/T 19580-2012 scheme (a document that loads and names a scheme names that
 * one); sheets
 * that load are validated, scored under the built-in example review rules,
 * written as JSON and text, and combined into composites. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    qaward_scheme *sc = NULL;
    qaward_review_rules *r = NULL;
    if (qaward_scheme_builtin(&sc, ctx, "gbt19580-2012") || qaward_review_rules_builtin(&r, ctx, "jian-2025-example"))
        abort();
    char *buf = fz_copy(data, size);
    qaward_sheets *sh = NULL;
    char *name = NULL;
    int named = buf ? fz_check(ctx, qaward_sheets_scheme_name(&name, ctx, buf, size), "sheets_scheme_name") : -1;
    if (buf && fz_check(ctx, qaward_sheets_load_json(&sh, ctx, sc, buf, size), "sheets_load_json") == QAWARD_OK) {
        /* sheets that load on the scheme name it, if they name one */
        if (named == QAWARD_OK && strcmp(name, "gbt19580-2012") != 0) {
            fprintf(stderr, "sheets loaded on gbt19580-2012 but name scheme \"%s\"\n", name);
            abort();
        }
        fz_check(ctx, qaward_sheets_validate(ctx, sh), "sheets_validate");
        qaward_score_options o;
        qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
        if (qaward_score_options_from_rules(&o, ctx, r))
            abort();
        for (int pass = 0; pass < 2; pass++) {
            if (pass) {
                o.aggregation = QAWARD_AGG_MEAN;
                o.min_assessors = 1;
            }
            qaward_scores *s = NULL;
            if (fz_check(ctx, qaward_scores_compute(&s, ctx, sh, &o), "scores_compute") != QAWARD_OK)
                continue;
            char *out = NULL;
            if (fz_check(ctx, qaward_scores_to_json(&out, ctx, s), "scores_to_json") == QAWARD_OK)
                qaward_string_free(ctx, out);
            out = NULL;
            if (fz_check(ctx, qaward_scores_to_text(&out, ctx, s, pass ? "en" : "zh"), "scores_to_text") == QAWARD_OK)
                qaward_string_free(ctx, out);
            const qaward_scores *const list[1] = {s};
            qaward_composites *c = NULL;
            if (fz_check(ctx, qaward_composites_compute(&c, ctx, r, 1, list), "composites_compute") == QAWARD_OK) {
                out = NULL;
                if (fz_check(ctx, qaward_composites_to_json(&out, ctx, c), "composites_to_json") == QAWARD_OK)
                    qaward_string_free(ctx, out);
                out = NULL;
                if (fz_check(ctx, qaward_composites_to_text(&out, ctx, c, "en"), "composites_to_text") == QAWARD_OK)
                    qaward_string_free(ctx, out);
                qaward_composites_free(c);
            }
            qaward_scores_free(s);
        }
        qaward_sheets_free(sh);
    }
    qaward_string_free(ctx, name);
    free(buf);
    qaward_review_rules_free(r);
    qaward_scheme_free(sc);
    qaward_ctx_free(ctx);
    return 0;
}

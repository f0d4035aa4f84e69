/* Fuzz qaward_cycle_load_json (a cycle document); a cycle that loads is run,
 * reported (JSON and text, full and public), serialised and finalised into
 * its own memory store. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    char *buf = fz_copy(data, size);
    qaward_cycle *c = NULL;
    if (buf && fz_check(ctx, qaward_cycle_load_json(&c, ctx, buf, size), "cycle_load_json") == QAWARD_OK) {
        char *out = NULL;
        if (fz_check(ctx, qaward_cycle_to_json(&out, c, ctx), "cycle_to_json") == QAWARD_OK)
            qaward_string_free(ctx, out);
        if (fz_check(ctx, qaward_cycle_run(ctx, c, NULL), "cycle_run") == QAWARD_OK) {
            for (int f = 0; f < 4; f++) {
                out = NULL;
                if (fz_check(ctx, qaward_cycle_report(&out, ctx, c, f & 1, f >> 1, f & 1), "cycle_report") ==
                    QAWARD_OK)
                    qaward_string_free(ctx, out);
            }
            out = NULL;
            if (fz_check(ctx, qaward_cycle_to_json(&out, c, ctx), "cycle_to_json") == QAWARD_OK)
                qaward_string_free(ctx, out);
            fz_check(ctx, qaward_cycle_finalise(ctx, c, NULL), "cycle_finalise");
        }
        qaward_cycle_free(c);
    }
    free(buf);
    qaward_ctx_free(ctx);
    return 0;
}

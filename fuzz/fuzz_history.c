/* Fuzz qaward_memstore_load_json (award and sanction history); a history that
 * loads is written back, and the output loads into a fresh store and writes
 * back identically. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    char *buf = fz_copy(data, size);
    qaward_memstore *ms = NULL;
    if (buf && qaward_memstore_new(&ms, ctx) == QAWARD_OK) {
        if (fz_check(ctx, qaward_memstore_load_json(ms, ctx, buf, size), "memstore_load_json") == QAWARD_OK) {
            char *out = NULL;
            if (fz_check(ctx, qaward_memstore_to_json(&out, ms, ctx), "memstore_to_json") == QAWARD_OK) {
                qaward_memstore *again = NULL;
                if (qaward_memstore_new(&again, ctx))
                    abort();
                if (qaward_memstore_load_json(again, ctx, out, strlen(out))) {
                    fprintf(stderr, "memstore_to_json output does not load: %s\n%s\n", qaward_ctx_message(ctx), out);
                    abort();
                }
                char *out2 = NULL;
                if (qaward_memstore_to_json(&out2, again, ctx) || strcmp(out, out2)) {
                    fprintf(stderr, "history round trip differs:\n%s\n---\n%s\n", out, out2 ? out2 : "(null)");
                    abort();
                }
                qaward_string_free(ctx, out2);
                qaward_memstore_free(again);
                qaward_string_free(ctx, out);
            }
        }
        qaward_memstore_free(ms);
    }
    free(buf);
    qaward_ctx_free(ctx);
    return 0;
}

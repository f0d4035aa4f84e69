/* Fuzz the JSON parser: every input either parses or fails with EPARSE, and a
 * parsed document re-serialised parses again. */
#include "json.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    qj_doc *doc;
    int rc = qj_parse(&doc, ctx, (const char *)data, size, "fuzz");
    if (rc == QAWARD_OK) {
        qj_writer w;
        qw_init(&w, &ctx->alloc, size & 1);
        qw_value(&w, qj_root(doc));
        char *out;
        size_t len;
        if (qw_finish(&w, &out, &len) == QAWARD_OK) {
            qj_doc *again;
            if (qj_parse(&again, ctx, out, len, "again") != QAWARD_OK)
                abort();
            qj_free(again);
            qaward_string_free(ctx, out);
        }
        qj_free(doc);
    } else if (rc != QAWARD_EPARSE) {
        abort();
    }
    qaward_ctx_free(ctx);
    return 0;
}

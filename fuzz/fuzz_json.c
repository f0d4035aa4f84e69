/* Fuzz the JSON parser: every input either parses or fails with EPARSE, and a
 * parsed document re-serialised parses again. */
#include "json.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void emit(qj_writer *w, const qj_value *v)
{
    switch (v->type) {
    case QJ_NULL: qw_null(w); break;
    case QJ_TRUE: qw_bool(w, 1); break;
    case QJ_FALSE: qw_bool(w, 0); break;
    case QJ_NUMBER: qw_raw(w, v->str); break;
    case QJ_STRING: qw_strn(w, v->str, v->len); break;
    case QJ_ARRAY:
        qw_arr_begin(w);
        for (size_t i = 0; i < v->len; i++)
            emit(w, &v->items[i]);
        qw_arr_end(w);
        break;
    case QJ_OBJECT:
        qw_obj_begin(w);
        for (size_t i = 0; i < v->len; i++) {
            qw_key(w, v->keys[i]);
            emit(w, &v->items[i]);
        }
        qw_obj_end(w);
        break;
    }
}

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
        emit(&w, qj_root(doc));
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

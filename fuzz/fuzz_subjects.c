/* Fuzz qaward_subject_list_load_json and qaward_subject_load_json; subjects
 * that load are written back (full and public) and the output loads again. */
#include "harness.h"

static void roundtrip(qaward_ctx *ctx, qaward_subject *s)
{
    for (int pub = 0; pub < 2; pub++) {
        char *out = NULL;
        if (fz_check(ctx, qaward_subject_to_json(&out, s, ctx, pub), "subject_to_json") != QAWARD_OK)
            continue;
        if (!pub) {
            qaward_subject *again = NULL;
            int rc = qaward_subject_load_json(&again, ctx, out, strlen(out));
            if (rc) {
                fprintf(stderr, "subject_to_json output does not load: %s\n%s\n", qaward_ctx_message(ctx), out);
                abort();
            }
            qaward_subject_free(again);
        }
        qaward_string_free(ctx, out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    char *buf = fz_copy(data, size);
    if (buf) {
        qaward_subject_list *l = NULL;
        if (fz_check(ctx, qaward_subject_list_load_json(&l, ctx, buf, size), "subject_list_load_json") == QAWARD_OK) {
            qaward_subject *s;
            for (size_t i = 0; (s = qaward_subject_list_get(l, i)) != NULL; i++)
                roundtrip(ctx, s);
            qaward_subject_list_free(l);
        }
        qaward_subject *s = NULL;
        if (fz_check(ctx, qaward_subject_load_json(&s, ctx, buf, size), "subject_load_json") == QAWARD_OK) {
            roundtrip(ctx, s);
            qaward_subject *emp = NULL;
            if (qaward_subject_employer(&emp, ctx, s) == QAWARD_OK && emp)
                roundtrip(ctx, emp);
            qaward_subject_free(s);
        }
    }
    free(buf);
    qaward_ctx_free(ctx);
    return 0;
}

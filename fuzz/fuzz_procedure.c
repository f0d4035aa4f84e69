/* Fuzz qaward_procedure_load_json; a procedure that loads checks notices on
 * the built-in calendar (Art. 13, R16) and writes a refusal letter. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    qaward_calendar *cal = NULL;
    if (qaward_calendar_builtin(&cal, ctx, "cn-2023-2026"))
        abort();
    char *buf = fz_copy(data, size);
    qaward_procedure *p = NULL;
    if (buf && fz_check(ctx, qaward_procedure_load_json(&p, ctx, buf, size), "procedure_load_json") == QAWARD_OK) {
        const char *kind;
        for (size_t i = 0; (kind = qaward_procedure_notice_kind(p, i)) != NULL; i++) {
            int ok;
            int32_t wd;
            fz_check(ctx, qaward_notice_check(&ok, &wd, ctx, p, cal, kind, 20250926, 20251010), "notice_check");
            char *out = NULL;
            if (fz_check(ctx, qaward_notice_check_json(&out, ctx, p, cal, kind, 20250926, 20251010),
                         "notice_check_json") == QAWARD_OK)
                qaward_string_free(ctx, out);
        }
        qaward_refusal *r = NULL;
        if (qaward_refusal_new(&r, ctx, "甲公司") == QAWARD_OK) {
            if (qaward_refusal_add_reason(r, ctx, "art10_4", 0, "第十条", "Art. 10", "不满三年", "under 3 years") ==
                QAWARD_OK) {
                for (int lang = 0; lang < 2; lang++) {
                    char *out = NULL;
                    if (fz_check(ctx, qaward_refusal_letter(&out, r, ctx, p, 20251020, lang), "refusal_letter") ==
                        QAWARD_OK)
                        qaward_string_free(ctx, out);
                }
                char *out = NULL;
                if (fz_check(ctx, qaward_refusal_to_json(&out, r, ctx, p, 20251020), "refusal_to_json") == QAWARD_OK)
                    qaward_string_free(ctx, out);
            }
            qaward_refusal_free(r);
        }
        qaward_procedure_free(p);
    }
    free(buf);
    qaward_calendar_free(cal);
    qaward_ctx_free(ctx);
    return 0;
}

/* Fuzz qaward_timeline_validate_json (a cycle's timeline document) under the
 * built-in jian-2023 procedure and cn-2023-2026 calendar (Art. 13, 14, R16). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    qaward_calendar *cal = NULL;
    qaward_procedure *p = NULL;
    if (qaward_calendar_builtin(&cal, ctx, "cn-2023-2026") || qaward_procedure_builtin(&p, ctx, "jian-2023"))
        abort();
    char *buf = fz_copy(data, size);
    char *report = NULL;
    size_t violations = 0;
    if (buf && fz_check(ctx, qaward_timeline_validate_json(&report, &violations, ctx, p, cal, buf, size),
                        "timeline_validate_json") == QAWARD_OK)
        qaward_string_free(ctx, report);
    free(buf);
    qaward_procedure_free(p);
    qaward_calendar_free(cal);
    qaward_ctx_free(ctx);
    return 0;
}

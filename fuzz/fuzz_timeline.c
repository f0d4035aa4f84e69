/* Fuzz the timeline documents of a cycle (Art. 13, 14, R16, R19) under the
 * built-in jian-2023 procedure and cn-2023-2026 calendar:
 * qaward_timeline_validate_json, and qaward_timeline_load_json, which must
 * give the same report and violation count; a loaded timeline is written
 * (JSON, text report zh/en) and its public list of every notice kind is made
 * (JSON and text). */
#include "harness.h"

static void outputs(qaward_ctx *ctx, const qaward_procedure *p, const qaward_timeline *t)
{
    char *out = NULL;
    if (fz_check(ctx, qaward_timeline_to_json(&out, t, ctx), "timeline_to_json") == QAWARD_OK)
        qaward_string_free(ctx, out);
    for (int lang = 0; lang < 2; lang++) {
        out = NULL;
        if (fz_check(ctx, qaward_timeline_report_text(&out, t, ctx, lang), "timeline_report_text") == QAWARD_OK)
            qaward_string_free(ctx, out);
    }
    for (size_t i = 0; i < qaward_procedure_notice_count(p); i++) {
        const char *kind = qaward_procedure_notice_kind(p, i);
        out = NULL;
        if (fz_check(ctx, qaward_timeline_public_list_json(&out, t, ctx, kind), "public_list_json") == QAWARD_OK)
            qaward_string_free(ctx, out);
        out = NULL;
        if (fz_check(ctx, qaward_timeline_public_list_text(&out, t, ctx, kind, QAWARD_LANG_ZH), "public_list_text") ==
            QAWARD_OK)
            qaward_string_free(ctx, out);
    }
}

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
    char *report = NULL, *report2 = NULL;
    size_t violations = 0, violations2 = 0;
    qaward_timeline *t = NULL;
    if (buf) {
        int rc = fz_check(ctx, qaward_timeline_validate_json(&report, &violations, ctx, p, cal, buf, size),
                          "timeline_validate_json");
        int rc2 = fz_check(ctx, qaward_timeline_load_json(&t, &report2, &violations2, ctx, p, cal, buf, size),
                           "timeline_load_json");
        if (rc != rc2 || (rc == QAWARD_OK && (violations != violations2 || strcmp(report, report2) != 0))) {
            fprintf(stderr, "timeline_load_json disagrees with timeline_validate_json: %d/%zu vs %d/%zu\n", rc2,
                    violations2, rc, violations);
            abort();
        }
        if (rc2 == QAWARD_OK)
            outputs(ctx, p, t);
    }
    qaward_string_free(ctx, report);
    qaward_string_free(ctx, report2);
    qaward_timeline_free(t);
    free(buf);
    qaward_procedure_free(p);
    qaward_calendar_free(cal);
    qaward_ctx_free(ctx);
    return 0;
}

/* Fuzz qaward_calendar_load_json and qaward_calendar_merge_json (into the
 * built-in cn-2023-2026); a calendar that loads is queried (working day,
 * working days between, notice end, R16) and written back; the output loads. */
#include "harness.h"

static void query(qaward_ctx *ctx, const qaward_calendar *cal)
{
    static const qaward_date days[] = {20230101, 20241001, 20250929, 20251011, 20261231, 20270104};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        int w;
        int32_t n;
        qaward_date end;
        fz_check(ctx, qaward_calendar_is_working_day(&w, ctx, cal, days[i]), "is_working_day");
        fz_check(ctx, qaward_calendar_working_days(&n, ctx, cal, days[i], 20251231), "working_days");
        fz_check(ctx, qaward_calendar_notice_end(&end, ctx, cal, days[i], 5), "notice_end");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    char *buf = fz_copy(data, size);
    qaward_calendar *cal = NULL;
    if (buf && fz_check(ctx, qaward_calendar_load_json(&cal, ctx, buf, size), "calendar_load_json") == QAWARD_OK) {
        query(ctx, cal);
        char *out = NULL;
        if (fz_check(ctx, qaward_calendar_to_json(&out, cal, ctx), "calendar_to_json") == QAWARD_OK) {
            qaward_calendar *again = NULL;
            if (qaward_calendar_load_json(&again, ctx, out, strlen(out))) {
                fprintf(stderr, "calendar_to_json output does not load: %s\n%s\n", qaward_ctx_message(ctx), out);
                abort();
            }
            qaward_calendar_free(again);
            qaward_string_free(ctx, out);
        }
        qaward_calendar_free(cal);
    }
    cal = NULL;
    if (buf && qaward_calendar_builtin(&cal, ctx, "cn-2023-2026") == QAWARD_OK) {
        fz_check(ctx, qaward_calendar_merge_json(cal, ctx, buf, size), "calendar_merge_json");
        query(ctx, cal);
        qaward_calendar_free(cal);
    }
    free(buf);
    qaward_ctx_free(ctx);
    return 0;
}

/* libFuzzer harness: strict ISO-8601 date parser (R1) and year arithmetic. */
#include <qaward.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char text[64];
    char back[QAWARD_DATE_STRLEN];
    qaward_ctx *ctx = NULL;
    qaward_date d = 0, again = 0, later = 0;

    if (size >= sizeof text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (qaward_ctx_new(&ctx, NULL) != QAWARD_OK)
        abort();
    if (qaward_date_parse(&d, ctx, text) == QAWARD_OK) {
        /* A parsed date formats back to the same text and re-parses to itself. */
        if (qaward_date_format(back, d) != QAWARD_OK || strcmp(back, text) != 0)
            abort();
        if (qaward_date_parse(&again, ctx, back) != QAWARD_OK || again != d)
            abort();
        /* R1: N years later keeps month/day except 29 Feb -> 28 Feb. */
        if (qaward_date_add_years(&later, d, 5) == QAWARD_OK &&
            qaward_date_month(later) != qaward_date_month(d))
            abort();
    }
    qaward_ctx_free(ctx);
    return 0;
}

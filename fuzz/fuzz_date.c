/* Fuzz the strict date parser and R1/R2 arithmetic: parse, format, round-trip. */
#include "internal.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[32];
    if (size >= sizeof buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    qaward_date d;
    if (qaward_date_parse(&d, NULL, buf) == QAWARD_OK) {
        char out[QAWARD_DATE_STRLEN];
        if (qaward_date_format(out, d) || strcmp(out, buf) != 0)
            abort();
        qaward_date e;
        int32_t n = (int32_t)size * 37 - 500;
        if (qaward_date_add_years(&e, d, n) == QAWARD_OK && !qaward_date_valid(e))
            abort();
        if (qaward_date_add_days(&e, d, n * 1000) == QAWARD_OK) {
            int32_t diff;
            if (qaward_date_diff_days(&diff, d, e) || diff != n * 1000)
                abort();
        }
    }
    return 0;
}

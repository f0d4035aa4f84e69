/* Shared checks for the libFuzzer harnesses (issue 7.3): every call returns
 * OK or a documented negative status with a message on the context; ENOMEM and
 * EINTERNAL never come out of valid-or-invalid input; a document is handed to
 * the library as an exact-length buffer (no terminating NUL). */
#ifndef QAWARD_FUZZ_HARNESS_H
#define QAWARD_FUZZ_HARNESS_H

#include <qaward.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort on a status that input alone must never produce. */
static inline int fz_check(qaward_ctx *ctx, int rc, const char *call)
{
    if (rc == QAWARD_OK)
        return rc;
    if (rc > 0 || rc < QAWARD_EINTERNAL || rc == QAWARD_ENOMEM || rc == QAWARD_EINTERNAL) {
        fprintf(stderr, "%s: status %d (%s): %s\n", call, rc, qaward_strerror(rc), qaward_ctx_message(ctx));
        abort();
    }
    const char *m = qaward_ctx_message(ctx);
    if (!m || !*m) {
        fprintf(stderr, "%s: status %d without a message\n", call, rc);
        abort();
    }
    return rc;
}

/* Copy the input so that reads past `size` are caught by ASan. */
static inline char *fz_copy(const uint8_t *data, size_t size)
{
    char *p = malloc(size ? size : 1);
    if (p && size)
        memcpy(p, data, size);
    return p;
}

#endif

/* Internal helpers shared by every module. Not installed. */
#ifndef QAWARD_INTERNAL_H
#define QAWARD_INTERNAL_H

#include "qaward/core.h"
#include "qaward/date.h"
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#define QA_MSG_MAX 512

struct qaward_ctx {
    qaward_allocator alloc;
    int status;
    char msg[QA_MSG_MAX];
};

/* Allocation through an allocator copy (objects keep their own copy so they can be
 * freed without a context). All return NULL on failure without setting a message. */
void *qa_amalloc(const qaward_allocator *a, size_t n);
void *qa_acalloc(const qaward_allocator *a, size_t n, size_t size); /* overflow-checked, zeroed */
void *qa_arealloc(const qaward_allocator *a, void *p, size_t n);
void qa_afree(const qaward_allocator *a, void *p);
char *qa_astrdup(const qaward_allocator *a, const char *s);
char *qa_astrndup(const qaward_allocator *a, const char *s, size_t n);

/* Same through a context; on failure they set QAWARD_ENOMEM and a message. */
void *qa_malloc(qaward_ctx *ctx, size_t n);
void *qa_calloc(qaward_ctx *ctx, size_t n, size_t size);
void *qa_realloc(qaward_ctx *ctx, void *p, size_t n);
void qa_free(qaward_ctx *ctx, void *p);
char *qa_strdup(qaward_ctx *ctx, const char *s);
char *qa_strndup(qaward_ctx *ctx, const char *s, size_t n);

/* Grow *arr (of *cap elements of size `size`) so that it holds at least `need`. */
int qa_grow(qaward_ctx *ctx, void **arr, size_t *cap, size_t need, size_t size);

/* Record a failure on ctx (NULL-safe) and return code. */
int qa_error(qaward_ctx *ctx, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Prefix the current message with "prefix: " (keeps the code). Returns ctx->status. */
int qa_error_prefix(qaward_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Mark success: status 0, message "". */
void qa_ok(qaward_ctx *ctx);

/* Days since 0001-01-01 (day 0) for a valid date, and back. */
int32_t qa_date_to_days(qaward_date d);
qaward_date qa_days_to_date(int32_t days);
int qa_is_leap(int32_t y);
int qa_days_in_month(int32_t y, int32_t m);
/* R1 year arithmetic without checks (d valid, result year in range). */
qaward_date qa_add_years(qaward_date d, int32_t years);

#define QA_UNUSED(x) ((void)(x))
#define QA_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif

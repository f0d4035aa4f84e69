/* core: version, status codes, allocator, context messages. */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>

const char *qaward_version(void) { return QAWARD_VERSION_STRING; }
int qaward_version_number(void) { return QAWARD_VERSION_NUMBER; }

const char *qaward_strerror(int code)
{
    switch (code) {
    case QAWARD_OK: return "success";
    case QAWARD_ENOMEM: return "out of memory";
    case QAWARD_EINVAL: return "invalid argument";
    case QAWARD_EPARSE: return "malformed input";
    case QAWARD_ESCHEMA: return "input does not match its format";
    case QAWARD_ERANGE: return "value out of range";
    case QAWARD_ENOPOLICY: return "no policy in force on that date";
    case QAWARD_ENOTFOUND: return "not found";
    case QAWARD_EEXISTS: return "already exists";
    case QAWARD_ESTATE: return "not allowed in the current state";
    case QAWARD_ENORULE: return "review rule not set";
    case QAWARD_ECALENDAR: return "date outside the calendar's known years";
    case QAWARD_EVERSION: return "unsupported struct version";
    case QAWARD_EUSER: return "a callback failed";
    case QAWARD_EBUFSIZE: return "buffer too small";
    case QAWARD_EINTERNAL: return "internal error";
    default: return code < 0 ? "error returned by a callback" : "unknown status";
    }
}

static void *std_malloc(void *o, size_t n) { (void)o; return malloc(n ? n : 1); }
static void *std_realloc(void *o, void *p, size_t n) { (void)o; return realloc(p, n ? n : 1); }
static void std_free(void *o, void *p) { (void)o; free(p); }

int qaward_allocator_init(qaward_allocator *alloc, uint32_t version)
{
    if (!alloc)
        return QAWARD_EINVAL;
    if (version != QAWARD_ALLOCATOR_VERSION)
        return QAWARD_EVERSION;
    alloc->version = version;
    alloc->opaque = NULL;
    alloc->malloc_fn = std_malloc;
    alloc->realloc_fn = std_realloc;
    alloc->free_fn = std_free;
    return QAWARD_OK;
}

int qaward_ctx_new(qaward_ctx **out, const qaward_allocator *alloc)
{
    qaward_allocator a;
    if (!out)
        return QAWARD_EINVAL;
    *out = NULL;
    if (alloc) {
        if (alloc->version != QAWARD_ALLOCATOR_VERSION)
            return QAWARD_EVERSION;
        if (!alloc->malloc_fn || !alloc->realloc_fn || !alloc->free_fn)
            return QAWARD_EINVAL;
        a = *alloc;
    } else {
        qaward_allocator_init(&a, QAWARD_ALLOCATOR_VERSION);
    }
    qaward_ctx *ctx = a.malloc_fn(a.opaque, sizeof *ctx);
    if (!ctx)
        return QAWARD_ENOMEM;
    memset(ctx, 0, sizeof *ctx);
    ctx->alloc = a;
    *out = ctx;
    return QAWARD_OK;
}

void qaward_ctx_free(qaward_ctx *ctx)
{
    if (ctx)
        ctx->alloc.free_fn(ctx->alloc.opaque, ctx);
}

const char *qaward_ctx_message(const qaward_ctx *ctx) { return ctx ? ctx->msg : ""; }
int qaward_ctx_status(const qaward_ctx *ctx) { return ctx ? ctx->status : QAWARD_EINVAL; }

void qaward_string_free(qaward_ctx *ctx, char *p)
{
    if (ctx && p)
        ctx->alloc.free_fn(ctx->alloc.opaque, p);
}

void *qa_amalloc(const qaward_allocator *a, size_t n) { return a->malloc_fn(a->opaque, n ? n : 1); }

void *qa_acalloc(const qaward_allocator *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = qa_amalloc(a, n * size);
    if (p)
        memset(p, 0, (n * size) > 0 ? n * size : 1);
    return p;
}

void *qa_arealloc(const qaward_allocator *a, void *p, size_t n) { return a->realloc_fn(a->opaque, p, n ? n : 1); }
void qa_afree(const qaward_allocator *a, void *p) { if (p) a->free_fn(a->opaque, p); }

char *qa_astrndup(const qaward_allocator *a, const char *s, size_t n)
{
    char *d = qa_amalloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *qa_astrdup(const qaward_allocator *a, const char *s) { return s ? qa_astrndup(a, s, strlen(s)) : NULL; }

static void *nomem(qaward_ctx *ctx, void *p)
{
    if (!p)
        qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    return p;
}

void *qa_malloc(qaward_ctx *ctx, size_t n) { return nomem(ctx, qa_amalloc(&ctx->alloc, n)); }
void *qa_calloc(qaward_ctx *ctx, size_t n, size_t size) { return nomem(ctx, qa_acalloc(&ctx->alloc, n, size)); }
void *qa_realloc(qaward_ctx *ctx, void *p, size_t n) { return nomem(ctx, qa_arealloc(&ctx->alloc, p, n)); }
void qa_free(qaward_ctx *ctx, void *p) { qa_afree(&ctx->alloc, p); }
char *qa_strdup(qaward_ctx *ctx, const char *s) { return s ? nomem(ctx, qa_astrdup(&ctx->alloc, s)) : NULL; }
char *qa_strndup(qaward_ctx *ctx, const char *s, size_t n) { return nomem(ctx, qa_astrndup(&ctx->alloc, s, n)); }

int qa_grow(qaward_ctx *ctx, void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return QAWARD_OK;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        ncap *= 2;
    }
    void *p = qa_realloc(ctx, *arr, ncap * size);
    if (!p)
        return QAWARD_ENOMEM;
    *arr = p;
    *cap = ncap;
    return QAWARD_OK;
}

int qa_error(qaward_ctx *ctx, int code, const char *fmt, ...)
{
    if (ctx) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ctx->msg, sizeof ctx->msg, fmt, ap);
        va_end(ap);
        ctx->status = code;
    }
    return code;
}

int qa_error_prefix(qaward_ctx *ctx, const char *fmt, ...)
{
    if (!ctx)
        return QAWARD_EINVAL;
    char old[QA_MSG_MAX];
    memcpy(old, ctx->msg, sizeof old);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(ctx->msg, sizeof ctx->msg, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n + 2 < sizeof ctx->msg) {
        memcpy(ctx->msg + n, ": ", 2);
        size_t room = sizeof ctx->msg - (size_t)n - 2;
        size_t ol = strlen(old);
        if (ol >= room)
            ol = room - 1;
        memcpy(ctx->msg + n + 2, old, ol);
        ctx->msg[(size_t)n + 2 + ol] = '\0';
    }
    return ctx->status;
}

void qa_ok(qaward_ctx *ctx)
{
    if (ctx) {
        ctx->status = QAWARD_OK;
        ctx->msg[0] = '\0';
    }
}

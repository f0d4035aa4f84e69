/* core: version twins, status strings, contexts, allocator (DESIGN part C). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "internal.h"
#include <stdlib.h>

static void version_twins_agree(void **state)
{
    (void)state;
    assert_string_equal(qaward_version(), QAWARD_VERSION_STRING);
    assert_int_equal(qaward_version_number(), QAWARD_VERSION_NUMBER);
    assert_int_equal(QAWARD_VERSION_NUMBER,
                     QAWARD_VERSION_MAJOR * 10000 + QAWARD_VERSION_MINOR * 100 + QAWARD_VERSION_PATCH);
}

static void every_status_has_a_distinct_message(void **state)
{
    (void)state;
    for (int a = QAWARD_EINTERNAL; a <= 0; a++)
        for (int b = a + 1; b <= 0; b++)
            assert_string_not_equal(qaward_strerror(a), qaward_strerror(b));
    assert_string_equal(qaward_strerror(-1000), "error returned by a callback");
    assert_string_equal(qaward_strerror(5), "unknown status");
}

static int allocs;
static void *count_malloc(void *o, size_t n) { (void)o; allocs++; return malloc(n); }
static void *count_realloc(void *o, void *p, size_t n) { (void)o; return realloc(p, n); }
static void count_free(void *o, void *p) { (void)o; if (p) allocs--; free(p); }

static void ctx_uses_caller_allocator_and_keeps_messages(void **state)
{
    (void)state;
    qaward_allocator a;
    assert_int_equal(qaward_allocator_init(&a, QAWARD_ALLOCATOR_VERSION), 0);
    a.malloc_fn = count_malloc;
    a.realloc_fn = count_realloc;
    a.free_fn = count_free;
    qaward_ctx *ctx = NULL;
    assert_int_equal(qaward_ctx_new(&ctx, &a), 0);
    assert_int_equal(allocs, 1);
    assert_string_equal(qaward_ctx_message(ctx), "");
    assert_int_equal(qa_error(ctx, QAWARD_ERANGE, "$.years: %d is out of range", 99999), QAWARD_ERANGE);
    assert_int_equal(qaward_ctx_status(ctx), QAWARD_ERANGE);
    assert_string_equal(qaward_ctx_message(ctx), "$.years: 99999 is out of range");
    qa_error_prefix(ctx, "policy");
    assert_string_equal(qaward_ctx_message(ctx), "policy: $.years: 99999 is out of range");
    qa_ok(ctx);
    assert_string_equal(qaward_ctx_message(ctx), "");
    char *s = qa_strdup(ctx, "x");
    assert_int_equal(allocs, 2);
    qaward_string_free(ctx, s);
    qaward_ctx_free(ctx);
    assert_int_equal(allocs, 0);
}

static void bad_allocator_and_versions_are_refused(void **state)
{
    (void)state;
    qaward_allocator a;
    qaward_ctx *ctx = (qaward_ctx *)&a;
    assert_int_equal(qaward_allocator_init(NULL, QAWARD_ALLOCATOR_VERSION), QAWARD_EINVAL);
    assert_int_equal(qaward_allocator_init(&a, 99), QAWARD_EVERSION);
    qaward_allocator_init(&a, QAWARD_ALLOCATOR_VERSION);
    a.free_fn = NULL;
    assert_int_equal(qaward_ctx_new(&ctx, &a), QAWARD_EINVAL);
    assert_null(ctx);
    /* each of the three functions is required */
    for (int i = 0; i < 2; i++) {
        qaward_allocator b;
        qaward_allocator_init(&b, QAWARD_ALLOCATOR_VERSION);
        if (i == 0)
            b.malloc_fn = NULL;
        else
            b.realloc_fn = NULL;
        ctx = (qaward_ctx *)&b;
        assert_int_equal(qaward_ctx_new(&ctx, &b), QAWARD_EINVAL);
        assert_null(ctx);
    }
    a.version = 7;
    assert_int_equal(qaward_ctx_new(&ctx, &a), QAWARD_EVERSION);
    assert_int_equal(qaward_ctx_new(NULL, NULL), QAWARD_EINVAL);
    assert_int_equal(qaward_ctx_status(NULL), QAWARD_EINVAL);
    assert_string_equal(qaward_ctx_message(NULL), "");
    qaward_ctx_free(NULL);
}

static void grow_doubles_and_detects_overflow(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    qaward_ctx_new(&ctx, NULL);
    int *arr = NULL;
    size_t cap = 0;
    assert_int_equal(qa_grow(ctx, (void **)&arr, &cap, 9, sizeof *arr), 0);
    assert_int_equal(cap, 16);
    assert_int_equal(qa_grow(ctx, (void **)&arr, &cap, SIZE_MAX / 2, sizeof *arr), QAWARD_ENOMEM);
    assert_int_equal(cap, 16);
    qa_free(ctx, arr);
    assert_null(qa_calloc(ctx, SIZE_MAX / 2, 4));
    assert_int_equal(qaward_ctx_status(ctx), QAWARD_ENOMEM);
    qaward_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_twins_agree),
        cmocka_unit_test(every_status_has_a_distinct_message),
        cmocka_unit_test(ctx_uses_caller_allocator_and_keeps_messages),
        cmocka_unit_test(bad_allocator_and_versions_are_refused),
        cmocka_unit_test(grow_doubles_and_detects_overflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Allocation failure at every step of load -> check -> output: ENOMEM, no crash,
 * nothing leaked (DESIGN part C; issue 2 "bad input"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qaward.h"
#include "srcfile.h"

static long budget = -1, live;

static void *t_malloc(void *o, size_t n)
{
    (void)o;
    if (budget == 0)
        return NULL;
    if (budget > 0)
        budget--;
    void *p = malloc(n);
    if (p)
        live++;
    return p;
}

static void *t_realloc(void *o, void *p, size_t n)
{
    (void)o;
    if (budget == 0)
        return NULL;
    if (budget > 0)
        budget--;
    void *q = realloc(p, n);
    if (q && !p)
        live++;
    return q;
}

static void t_free(void *o, void *p)
{
    (void)o;
    if (p)
        live--;
    free(p);
}

/* One whole run; returns 0 or the first error. */
static int run_once(qaward_ctx *ctx, const char *apps, size_t alen, const char *hist, size_t hlen)
{
    qaward_policy *p = NULL;
    qaward_memstore *ms = NULL;
    qaward_subject_list *l = NULL;
    qaward_verdict *v = NULL;
    char *out = NULL;
    qaward_store st;
    int rc;
    if ((rc = qaward_policy_builtin(&p, ctx, "jian-2023")) || (rc = qaward_memstore_new(&ms, ctx)) ||
        (rc = qaward_memstore_as_store(&st, ms)) || (rc = qaward_memstore_load_json(ms, ctx, hist, hlen)) ||
        (rc = qaward_subject_list_load_json(&l, ctx, apps, alen)) ||
        (rc = qaward_check(&v, ctx, p, qaward_subject_list_get(l, 1), &st, 20250401)) ||
        (rc = qaward_verdict_to_json(&out, v, ctx)))
        goto done;
    qaward_string_free(ctx, out);
    out = NULL;
    if ((rc = qaward_verdict_to_text(&out, v, ctx, QAWARD_LANG_ZH)))
        goto done;
    qaward_string_free(ctx, out);
    out = NULL;
    if (!qaward_verdict_check_message(v, 3, QAWARD_LANG_EN) || !qaward_verdict_check_facts(v, 3)) {
        rc = QAWARD_ENOMEM;
        goto done;
    }
    rc = qaward_check_batch_json(&out, ctx, p, &st, 20250401, apps, alen, 0);
done:
    qaward_string_free(ctx, out);
    qaward_verdict_free(v);
    qaward_subject_list_free(l);
    qaward_memstore_free(ms);
    qaward_policy_free(p);
    return rc;
}

static void every_allocation_failure_is_enomem_without_leak(void **state)
{
    (void)state;
    size_t alen, hlen;
    char *apps = read_src("data/examples/applicants.json", &alen);
    char *hist = read_src("data/examples/history.json", &hlen);
    qaward_allocator a;
    qaward_allocator_init(&a, QAWARD_ALLOCATOR_VERSION);
    a.malloc_fn = t_malloc;
    a.realloc_fn = t_realloc;
    a.free_fn = t_free;
    qaward_ctx *ctx;
    budget = -1;
    assert_int_equal(qaward_ctx_new(&ctx, &a), 0);
    long base = live;
    assert_int_equal(run_once(ctx, apps, alen, hist, hlen), 0);
    assert_int_equal(live, base);
    int failures = 0;
    for (long k = 0;; k++) {
        budget = k;
        int rc = run_once(ctx, apps, alen, hist, hlen);
        budget = -1;
        assert_int_equal(live, base);
        if (rc == 0)
            break;
        assert_int_equal(rc, QAWARD_ENOMEM);
        failures++;
    }
    assert_true(failures > 50);
    qaward_ctx_free(ctx);
    free(apps);
    free(hist);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_allocation_failure_is_enomem_without_leak),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

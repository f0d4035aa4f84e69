/* Out-of-memory driver (issue 7.2): run a scenario with an allocator that fails
 * the Nth allocation, for N = 1, 2, ... until the scenario succeeds. Every run
 * must return QAWARD_OK or QAWARD_ENOMEM (never another code, never crash) and
 * leave no allocation outstanding (a counting allocator checks it, so leaks are
 * caught without a sanitizer). */
#ifndef QAWARD_TEST_OOM_H
#define QAWARD_TEST_OOM_H

#include <qaward.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct oom_state {
    long countdown; /* allocations left before failure; < 0 = never fail */
    long live;      /* allocations not yet freed */
    long total;     /* allocations attempted */
} oom_state;

static void *oom_malloc(void *o, size_t n)
{
    oom_state *s = o;
    s->total++;
    if (s->countdown == 0)
        return NULL;
    if (s->countdown > 0)
        s->countdown--;
    void *p = malloc(n);
    if (p)
        s->live++;
    return p;
}

static void *oom_realloc(void *o, void *p, size_t n)
{
    oom_state *s = o;
    s->total++;
    if (s->countdown == 0)
        return NULL;
    if (s->countdown > 0)
        s->countdown--;
    void *q = realloc(p, n);
    if (q && !p)
        s->live++;
    return q;
}

static void oom_free(void *o, void *p)
{
    oom_state *s = o;
    if (p)
        s->live--;
    free(p);
}

/* A scenario gets a fresh context using the failing allocator and returns the
 * first non-zero status it met (after freeing everything it made). */
typedef int (*oom_scenario_fn)(qaward_ctx *ctx);

/* Returns the number of failure points exercised; aborts the test on a violation. */
static long oom_run(const char *name, oom_scenario_fn fn)
{
    for (long n = 0;; n++) {
        oom_state st = {-1, 0, 0};
        qaward_allocator a = {QAWARD_ALLOCATOR_VERSION, &st, oom_malloc, oom_realloc, oom_free};
        qaward_ctx *ctx = NULL;
        if (qaward_ctx_new(&ctx, &a) != QAWARD_OK) {
            fprintf(stderr, "oom %s: cannot create context\n", name);
            abort();
        }
        st.countdown = n;
        int rc = fn(ctx);
        st.countdown = -1;
        if (rc != QAWARD_OK && rc != QAWARD_ENOMEM) {
            fprintf(stderr, "oom %s: failing allocation %ld gave %d (%s): %s\n", name, n, rc, qaward_strerror(rc),
                    qaward_ctx_message(ctx));
            abort();
        }
        qaward_ctx_free(ctx);
        if (st.live != 0) {
            fprintf(stderr, "oom %s: failing allocation %ld leaked %ld allocations\n", name, n, st.live);
            abort();
        }
        if (rc == QAWARD_OK)
            return n;
        if (n > 1000000) {
            fprintf(stderr, "oom %s: never succeeds\n", name);
            abort();
        }
    }
}

#endif

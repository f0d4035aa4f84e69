/* The batch fast check (issue 6.3): qaward_checker_fast_many / _fast_list give
 * per subject the same status and earliest date as qaward_checker_fast (R5, R7, R9). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qaward.h>
#include "faultstore.h"

static qaward_ctx *ctx;
static qaward_policy *jian;
static qaward_subject_list *list;
static qaward_memstore *ms;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b)
        b[n] = '\0';
    *len = (size_t)n;
    return b;
}

static int setup(void **s)
{
    (void)s;
    size_t len = 0, hlen = 0;
    char *doc = slurp(QA_SOURCE_ROOT "/examples/data/subjects.json", &len);
    char *hist = slurp(QA_SOURCE_ROOT "/examples/data/history.json", &hlen);
    int rc = !doc || !hist || qaward_ctx_new(&ctx, NULL) || qaward_policy_builtin(&jian, ctx, "jian-2023") ||
             qaward_subject_list_load_json(&list, ctx, doc, len) || qaward_memstore_new(&ms, ctx) ||
             qaward_memstore_load_json(ms, ctx, hist, hlen);
    free(doc);
    free(hist);
    return rc ? -1 : 0;
}

static int teardown(void **s)
{
    (void)s;
    qaward_subject_list_free(list);
    qaward_memstore_free(ms);
    qaward_policy_free(jian);
    qaward_ctx_free(ctx);
    return 0;
}

/* Each date: a day before, of and after the R7 wait of examples/data/history.json. */
static const qaward_date DATES[] = {20250401, 20261231, 20270101, 20270102, 20270315};

static void batch_equals_one_by_one_r5_r7_r9(void **state)
{
    (void)state;
    qaward_store st;
    qaward_memstore_as_store(&st, ms);
    qaward_checker *c = NULL;
    assert_int_equal(qaward_checker_new(&c, ctx, jian, &st), QAWARD_OK);
    size_t n = qaward_subject_list_count(list);
    assert_true(n >= 2);
    int *stat = calloc(n, sizeof *stat);
    qaward_date *ear = calloc(n, sizeof *ear);
    for (size_t d = 0; d < sizeof DATES / sizeof DATES[0]; d++) {
        size_t done = 99;
        assert_int_equal(qaward_checker_fast_list(stat, ear, &done, c, list, DATES[d]), QAWARD_OK);
        assert_int_equal(done, n);
        for (size_t i = 0; i < n; i++) {
            int s1 = -1;
            qaward_date e1 = -1;
            assert_int_equal(qaward_checker_fast(&s1, &e1, NULL, NULL, 0, NULL, c, qaward_subject_list_get(list, i),
                                                 DATES[d]),
                             QAWARD_OK);
            assert_int_equal(stat[i], s1);
            assert_int_equal(ear[i], e1);
        }
    }
    /* earliest may be NULL; n = 0 needs no arrays */
    assert_int_equal(qaward_checker_fast_list(stat, NULL, NULL, c, list, 20250401), QAWARD_OK);
    assert_int_equal(qaward_checker_fast_many(NULL, NULL, NULL, c, NULL, 0, 20250401), QAWARD_OK);
    free(stat);
    free(ear);
    qaward_checker_free(c);
}

static void batch_bad_input_names_the_index(void **state)
{
    (void)state;
    qaward_checker *c = NULL;
    assert_int_equal(qaward_checker_new(&c, ctx, jian, NULL), QAWARD_OK);
    const qaward_subject *subs[3] = {qaward_subject_list_get(list, 0), NULL, qaward_subject_list_get(list, 1)};
    int stat[3] = {-1, -1, -1};
    size_t done = 99;
    assert_int_equal(qaward_checker_fast_many(stat, NULL, &done, c, subs, 3, 20250401), QAWARD_EINVAL);
    assert_int_equal(done, 1);
    assert_int_not_equal(stat[0], -1);
    assert_int_equal(stat[1], -1);
    assert_non_null(strstr(qaward_ctx_message(ctx), "[1]"));
    assert_int_equal(qaward_checker_fast_many(NULL, NULL, &done, c, subs, 3, 20250401), QAWARD_EINVAL);
    assert_int_equal(done, 0);
    assert_int_equal(qaward_checker_fast_many(stat, NULL, NULL, c, NULL, 3, 20250401), QAWARD_EINVAL);
    assert_int_equal(qaward_checker_fast_list(stat, NULL, NULL, c, NULL, 20250401), QAWARD_EINVAL);
    assert_int_equal(qaward_checker_fast_list(stat, NULL, NULL, NULL, list, 20250401), QAWARD_EINVAL);
    qaward_checker_free(c);
}

static void batch_store_failure_returned_unchanged(void **state)
{
    (void)state;
    qaward_store inner, wrapped;
    qaward_memstore_as_store(&inner, ms);
    faultstore f;
    faultstore_wrap(&f, &wrapped, &inner, 2); /* the second subject's read fails */
    qaward_checker *c = NULL;
    assert_int_equal(qaward_checker_new(&c, ctx, jian, &wrapped), QAWARD_OK);
    size_t n = qaward_subject_list_count(list), done = 99;
    int *stat = calloc(n, sizeof *stat);
    assert_int_equal(qaward_checker_fast_list(stat, NULL, &done, c, list, 20250401), FAULT_CODE);
    assert_int_equal(done, 1);
    assert_non_null(strstr(qaward_ctx_message(ctx), qaward_subject_id(qaward_subject_list_get(list, 1))));
    free(stat);
    qaward_checker_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(batch_equals_one_by_one_r5_r7_r9),
        cmocka_unit_test(batch_bad_input_names_the_index),
        cmocka_unit_test(batch_store_failure_returned_unchanged),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

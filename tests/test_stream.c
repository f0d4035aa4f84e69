/* Streamed reports (qaward_cycle_report_write): the same bytes as the in-memory
 * report, in chunks; a failing sink's code comes back unchanged (issue 4 memory). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qaward.h>

typedef struct {
    char *buf;
    size_t len, cap;
    int calls, fail_at;
} sink_t;

static int collect(void *ud, const char *data, size_t len)
{
    sink_t *s = ud;
    if (++s->calls == s->fail_at)
        return -4242;
    if (s->len + len + 1 > s->cap) {
        s->cap = (s->len + len + 1) * 2;
        s->buf = realloc(s->buf, s->cap);
    }
    memcpy(s->buf + s->len, data, len);
    s->len += len;
    s->buf[s->len] = '\0';
    return 0;
}

/* a cycle with many candidates so the report spans several chunks */
static qaward_cycle *big_cycle(qaward_ctx *ctx, size_t n)
{
    size_t cap = n * 200 + 1024, len = 0;
    char *doc = malloc(cap);
    len += (size_t)snprintf(doc + len, cap - len,
                            "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"decision_date\":\"2025-12-18\"},"
                            "\"policy\":\"jian-2023\",\"review_rules\":\"jian-2025-example\",\"candidates\":[");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(doc + len, cap - len,
                                "%s{\"id\":\"S%05zu\",\"name\":\"企业%zu\",\"kind\":\"organization\",\"verdict\":\"eligible\","
                                "\"composite\":%zu.%02zu}",
                                i ? "," : "", i, i, 600 + i % 300, i % 100);
    len += (size_t)snprintf(doc + len, cap - len, "]}");
    qaward_cycle *c = NULL;
    int rc = qaward_cycle_load_json(&c, ctx, doc, len);
    if (rc)
        fail_msg("load: %s", qaward_ctx_message(ctx));
    free(doc);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    return c;
}

static void streamed_report_equals_the_in_memory_one(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    qaward_ctx_new(&ctx, NULL);
    qaward_cycle *c = big_cycle(ctx, 3000);
    for (int format = 0; format <= 1; format++)
        for (int pub = 0; pub <= 1; pub++) {
            char *whole;
            assert_int_equal(qaward_cycle_report(&whole, ctx, c, format, QAWARD_LANG_ZH, pub), 0);
            sink_t s = {0};
            assert_int_equal(qaward_cycle_report_write(ctx, c, format, QAWARD_LANG_ZH, pub, collect, &s), 0);
            assert_true(s.calls >= 2); /* really streamed in chunks */
            assert_int_equal(s.len, strlen(whole));
            assert_string_equal(s.buf, whole);
            free(s.buf);
            qaward_string_free(ctx, whole);
        }
    qaward_cycle_free(c);
    qaward_ctx_free(ctx);
}

static void failing_sink_code_comes_back_unchanged(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    qaward_ctx_new(&ctx, NULL);
    qaward_cycle *c = big_cycle(ctx, 3000);
    for (int at = 1; at <= 3; at++) {
        sink_t s = {0};
        s.fail_at = at;
        assert_int_equal(qaward_cycle_report_write(ctx, c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0, collect, &s), -4242);
        assert_int_equal(s.calls, at); /* stops at the first failure */
        assert_non_null(strstr(qaward_ctx_message(ctx), "sink failed"));
        free(s.buf);
    }
    assert_int_equal(qaward_cycle_report_write(ctx, c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0, NULL, NULL),
                     QAWARD_EINVAL);
    qaward_cycle_free(c);
    qaward_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(streamed_report_equals_the_in_memory_one),
        cmocka_unit_test(failing_sink_code_comes_back_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The internal JSON layer at its edges: values ending the input, \u escapes,
 * lazy arrays (built or not, elements larger than an arena block), readers on
 * the wrong type or out of range, long paths and enum lists, the text buffer
 * and the writer streaming to a sink (64 KiB chunks) or failing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"

static qaward_ctx *ctx;
static int setup(void **s) { (void)s; return qaward_ctx_new(&ctx, NULL); }
static int teardown(void **s) { (void)s; qaward_ctx_free(ctx); return 0; }

#define MSG(s) assert_string_equal(qaward_ctx_message(ctx), (s))

static qj_doc *parsed(const char *text)
{
    qj_doc *doc = NULL;
    if (qj_parse(&doc, ctx, text, strlen(text), "doc"))
        fail_msg("%s: %s", text, qaward_ctx_message(ctx));
    return doc;
}

static void refused(const char *text, const char *msg)
{
    qj_doc *doc = (qj_doc *)1;
    int rc = qj_parse(&doc, ctx, text, strlen(text), "doc");
    if (rc != QAWARD_EPARSE || strcmp(qaward_ctx_message(ctx), msg) != 0)
        fail_msg("%s: rc %d \"%s\", wanted \"%s\"", text, rc, qaward_ctx_message(ctx), msg);
    assert_null(doc);
}

/* A number, literal or string that ends the input is read to its last byte;
 * tabs and CRs are white space and do not count as lines. */
static void scalars_ending_the_input(void **s)
{
    (void)s;
    static const struct {
        const char *text, *as_written;
    } ok[] = {{"12", "12"}, {"-3", "-3"}, {"0", "0"}, {"1.5", "1.5"}, {"1e5", "1e5"}, {"2E-3", "2E-3"},
              {"\t-0.25e+2\r\n", "-0.25e+2"}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        qj_doc *d = parsed(ok[i].text);
        assert_int_equal(qj_root(d)->type, QJ_NUMBER);
        assert_string_equal(qj_root(d)->str, ok[i].as_written);
        qj_free(d);
    }
    refused("-", "doc: line 1, column 1: invalid number");
    refused("1.", "doc: line 1, column 3: digit expected after decimal point");
    refused("1e", "doc: line 1, column 3: digit expected in exponent");
    refused("1e-", "doc: line 1, column 4: digit expected in exponent");
    refused("01", "doc: line 1, column 1: leading zero in number");
    refused("\t\r[1,\r\n\t2 x]", "doc: line 2, column 4: ',' or ']' expected");
    qj_doc *d = parsed("\t[1,\r\n\t2]");
    assert_int_equal(qj_root(d)->items[1].line, 2);
    assert_int_equal(qj_root(d)->items[1].col, 2);
    qj_free(d);
    /* no document, no root */
    qj_free(NULL);
    assert_null(qj_root(NULL));
}

/* \u escapes: each non-hex digit is named at its position; a high surrogate
 * needs a low one right after. */
static void unicode_escapes_at_their_edges(void **s)
{
    (void)s;
    refused("\"\\u00!0\"", "doc: line 1, column 6: invalid \\u escape");
    refused("\"\\u00:0\"", "doc: line 1, column 6: invalid \\u escape");
    refused("\"\\u00G0\"", "doc: line 1, column 6: invalid \\u escape");
    refused("\"\\u00g0\"", "doc: line 1, column 6: invalid \\u escape");
    refused("\"\\ud83d\\n\"", "doc: line 1, column 8: unpaired surrogate in \\u escape");
    refused("\"\\ud83d\\x0000\"", "doc: line 1, column 8: unpaired surrogate in \\u escape");
    refused("\"\\ud83d\\ue000\"", "doc: line 1, column 8: unpaired surrogate in \\u escape");
    refused("\"\\ud83d\\u12\"", "doc: line 1, column 8: unpaired surrogate in \\u escape");
    qj_doc *d = parsed("\"\\uD83D\\uDFFF\\u00Af\"");
    assert_string_equal(qj_root(d)->str, "\xF0\x9F\x9F\xBF\xC2\xAF");
    qj_free(d);
}

/* ---- lazy arrays ---------------------------------------------------------------- */

static void lazy_arrays_edges(void **s)
{
    (void)s;
    static const char *const lazy[] = {"c", NULL};
    qj_doc *d;
    /* a lazy key whose value is not an array is built as usual */
    const char *t1 = "{\"c\": 5}";
    assert_int_equal(qj_parse_lazy(&d, ctx, t1, strlen(t1), NULL, lazy), 0);
    const qj_value *c = qj_get(qj_root(d), "c");
    assert_int_equal(c->type, QJ_NUMBER);
    assert_int_equal(c->lazy, 0);
    qj_iter it;
    assert_int_equal(qj_iter_init(&it, ctx, d, c), QAWARD_EINVAL);
    MSG("qj_iter_init: not an array");
    const qj_value *e = (const qj_value *)1;
    assert_int_equal(qj_iter_next(&it, &e), 0); /* a failed init iterates nothing */
    assert_null(e);
    qj_iter_free(&it);
    qj_iter_free(NULL);
    assert_int_equal(qj_iter_init(&it, ctx, NULL, c), QAWARD_EINVAL);
    assert_int_equal(qj_iter_init(&it, ctx, d, NULL), QAWARD_EINVAL);
    assert_int_equal(qj_iter_init(&it, NULL, d, c), QAWARD_EINVAL);
    qj_free(d);
    /* the input ends after the key: named with the default document name */
    const char *t2 = "{\"c\": ";
    d = (qj_doc *)1;
    assert_int_equal(qj_parse_lazy(&d, ctx, t2, strlen(t2), NULL, lazy), QAWARD_EPARSE);
    MSG("json: line 1, column 7: unexpected end of input");
    assert_null(d);
    assert_int_equal(qj_parse_lazy(NULL, ctx, t2, strlen(t2), NULL, lazy), QAWARD_EINVAL);
    MSG("json: NULL output");
    assert_int_equal(qj_parse_lazy(&d, ctx, NULL, 0, NULL, lazy), QAWARD_EINVAL);
    MSG("json: NULL input");
    assert_int_equal(qj_parse_lazy(&d, ctx, NULL, 0, "cycle", lazy), QAWARD_EINVAL);
    MSG("cycle: NULL input");
    /* a built array iterates the same way */
    d = parsed("{\"c\": [1, 2]}");
    assert_int_equal(qj_iter_init(&it, ctx, d, qj_get(qj_root(d), "c")), 0);
    int64_t v;
    assert_int_equal(qj_iter_next(&it, &e), 1);
    assert_int_equal(qj_int(e, &v), 0);
    assert_int_equal(v, 1);
    assert_int_equal(qj_iter_next(&it, &e), 1);
    assert_int_equal(qj_int(e, &v), 0);
    assert_int_equal(v, 2);
    assert_int_equal(qj_iter_next(&it, &e), 0);
    qj_iter_free(&it);
    qj_free(d);
}

/* Elements larger than an arena block: the extra blocks of one element are
 * dropped before the next one is parsed. */
static void lazy_elements_larger_than_a_block(void **s)
{
    (void)s;
    static const char *const lazy[] = {"c", NULL};
    size_t big = 200000;
    char *text = malloc(3 * big + 64);
    size_t n = 0;
    n += (size_t)sprintf(text + n, "{\"c\": [");
    for (int k = 0; k < 3; k++) {
        text[n++] = k ? ',' : ' ';
        text[n++] = '"';
        memset(text + n, 'a' + k, big - 100 * (size_t)k);
        n += big - 100 * (size_t)k;
        text[n++] = '"';
    }
    n += (size_t)sprintf(text + n, ", [\"x\"]]}");
    qj_doc *d;
    assert_int_equal(qj_parse_lazy(&d, ctx, text, n, "big", lazy), 0);
    qj_iter it;
    assert_int_equal(qj_iter_init(&it, ctx, d, qj_get(qj_root(d), "c")), 0);
    const qj_value *e;
    for (int k = 0; k < 3; k++) {
        assert_int_equal(qj_iter_next(&it, &e), 1);
        assert_int_equal(e->type, QJ_STRING);
        assert_int_equal(e->len, big - 100 * (size_t)k);
        assert_int_equal(e->str[0], 'a' + k);
    }
    assert_int_equal(qj_iter_next(&it, &e), 1);
    assert_int_equal(e->type, QJ_ARRAY);
    assert_string_equal(e->items[0].str, "x");
    assert_int_equal(qj_iter_next(&it, &e), 0);
    qj_iter_free(&it);
    qj_free(d);
    free(text);
}

/* ---- accessors and readers ---------------------------------------------------------- */

static void accessors_on_the_wrong_type(void **s)
{
    (void)s;
    qj_doc *d = parsed("{\"a\": [1], \"n\": 1.5, \"e\": 1e5, \"s\": \"x\", \"t\": true, \"f\": false, "
                       "\"big\": 100000000000000000, \"ok\": 1000000000000000, \"neg\": -1.5}");
    const qj_value *r = qj_root(d), *a = qj_get(r, "a");
    assert_null(qj_get(NULL, "a"));
    assert_null(qj_get(a, "a"));
    assert_null(qj_get(r, NULL));
    int64_t v = 77;
    assert_int_equal(qj_int(NULL, &v), -1);
    assert_int_equal(qj_int(qj_get(r, "s"), &v), -1);
    assert_int_equal(qj_int(qj_get(r, "n"), &v), -1); /* '.' */
    assert_int_equal(qj_int(qj_get(r, "e"), &v), -1); /* 'e' */
    assert_int_equal(qj_fixed2(NULL, &v), -1);
    assert_int_equal(qj_fixed2(qj_get(r, "t"), &v), -1);
    assert_int_equal(qj_fixed2(qj_get(r, "e"), &v), -1);
    assert_int_equal(v, 77);
    /* 10^17 points is 10^19 hundredths: above int64 */
    assert_int_equal(qj_fixed2(qj_get(r, "big"), &v), -1);
    assert_int_equal(qj_fixed2(qj_get(r, "ok"), &v), 0);
    assert_int_equal(v, INT64_C(100000000000000000));
    assert_int_equal(qj_fixed2(qj_get(r, "neg"), &v), 0);
    assert_int_equal(v, -150);
    /* booleans: either one is "a boolean" */
    assert_int_equal(qj_expect(ctx, qj_get(r, "f"), QJ_TRUE, "$.f"), 0);
    assert_int_equal(qj_expect(ctx, qj_get(r, "t"), QJ_FALSE, "$.t"), 0);
    assert_int_equal(qj_expect(ctx, qj_get(r, "n"), QJ_TRUE, "$.n"), QAWARD_ESCHEMA);
    MSG("$.n: expected a boolean, found a number (line 1, column 17)");
    assert_int_equal(qj_expect(ctx, NULL, QJ_OBJECT, "$.x"), QAWARD_ESCHEMA);
    MSG("$.x: missing");
    assert_int_equal(qj_read_fixed2(ctx, r, "$", "neg", 1, 0, 100, &v), QAWARD_ERANGE);
    MSG("$.neg: -1.5 is out of range (line 1, column 123)");
    assert_int_equal(qj_read_fixed2(ctx, r, "$", "n", 1, 0, 100, &v), QAWARD_ERANGE);
    MSG("$.n: 1.5 is out of range (line 1, column 17)");
    assert_int_equal(qj_read_int(ctx, a->items, "$", "x", 0, 0, 1, &v), 1); /* not an object: absent */
    qj_free(d);
}

static void long_paths_are_cut_with_an_ellipsis(void **s)
{
    (void)s;
    qj_path p;
    qj_path_key(&p, NULL, "a");
    assert_string_equal(p.s, "$.a");
    qj_path_index(&p, NULL, 3);
    assert_string_equal(p.s, "$[3]");
    char key[400];
    memset(key, 'k', sizeof key - 1);
    key[sizeof key - 1] = '\0';
    qj_path_key(&p, "$.x", key);
    assert_int_equal(strlen(p.s), sizeof p.s - 1);
    assert_memory_equal(p.s, "$.x.kkk", 7);
    assert_string_equal(p.s + sizeof p.s - 4, "...");
    qj_path q;
    qj_path_index(&q, p.s, 12);
    assert_int_equal(strlen(q.s), sizeof q.s - 1);
    assert_string_equal(q.s + sizeof q.s - 4, "...");
    /* the same text as "%s.%s" / "%s[%zu]" cut with "...", at every length
     * around the buffer's end, for the largest index, and in place */
    for (size_t len = 240; len < 260; len++) {
        char parent[300], want[256];
        memset(parent, 'p', len);
        parent[len] = '\0';
        static const size_t ix[] = {0, 7, 12345, SIZE_MAX};
        for (size_t i = 0; i < 4; i++) {
            int n = snprintf(want, sizeof want, "%s[%zu]", parent, ix[i]);
            if ((size_t)n >= sizeof want)
                memcpy(want + sizeof want - 4, "...", 4);
            qj_path_index(&q, parent, ix[i]);
            assert_string_equal(q.s, want);
        }
        int n = snprintf(want, sizeof want, "%s.%s", parent, "key");
        if ((size_t)n >= sizeof want)
            memcpy(want + sizeof want - 4, "...", 4);
        qj_path_key(&q, parent, "key");
        assert_string_equal(q.s, want);
        qj_path_key(&q, q.s, "");
        n = snprintf(parent, sizeof parent, "%s.", want);
        if ((size_t)n >= sizeof want)
            memcpy(parent + sizeof want - 4, "...", 4);
        assert_string_equal(q.s, parent);
    }
}

/* The list of expected values is cut at 200 bytes, never overrun. */
static void enum_with_a_long_list_of_names(void **s)
{
    (void)s;
    char names[12][40];
    const char *list[13];
    for (int i = 0; i < 12; i++) {
        snprintf(names[i], sizeof names[i], "a_rather_long_enumeration_value_%02d", i);
        list[i] = names[i];
    }
    list[12] = NULL;
    qj_doc *d = parsed("{\"m\": \"none\"}");
    int out = -1;
    assert_int_equal(qj_read_enum(ctx, qj_root(d), "$", "m", 1, list, &out), QAWARD_ESCHEMA);
    const char *m = qaward_ctx_message(ctx);
    assert_non_null(strstr(m, "$.m: unknown value \"none\", expected one of \"a_rather_long_enumeration_value_00\", "));
    assert_non_null(strstr(m, "(line 1, column 7)"));
    assert_null(strstr(m, "value_11"));
    assert_int_equal(out, -1);
    assert_int_equal(qj_read_enum(ctx, qj_root(d), "$", "x", 0, list, &out), 1);
    qj_free(d);
}

/* ---- text buffer and writer streaming to a sink ----------------------------------------- */

struct sink {
    int fail_at; /* the call that fails (1-based), 0 = never */
    int calls;
    size_t total;
    char last;
};
static int sink_fn(void *ud, const char *data, size_t len)
{
    struct sink *k = ud;
    k->calls++;
    if (k->fail_at && k->calls >= k->fail_at)
        return -99;
    k->total += len;
    if (len)
        k->last = data[len - 1];
    return 0;
}

static void text_buffer_streams_and_fails(void **s)
{
    (void)s;
    char line[101];
    memset(line, 'x', 99);
    line[99] = '\n';
    line[100] = '\0';
    /* 1,000 lines of 100 bytes: one flush at 64 KiB, the rest at finish */
    struct sink k = {0};
    qa_buf b;
    qa_buf_init(&b, &ctx->alloc);
    qa_buf_set_sink(&b, sink_fn, &k);
    for (int i = 0; i < 1000; i++)
        qa_buf_puts(&b, line);
    qa_buf_printf(&b, "%s", "end");
    char *out = (char *)1;
    assert_int_equal(qa_buf_finish(&b, &out, NULL), 0);
    assert_null(out);
    assert_int_equal(k.calls, 2);
    assert_int_equal(k.total, 100003);
    assert_int_equal(k.last, 'd');
    /* the sink fails at its first call: its value comes back, later writes are dropped */
    memset(&k, 0, sizeof k);
    k.fail_at = 1;
    qa_buf_init(&b, &ctx->alloc);
    qa_buf_set_sink(&b, sink_fn, &k);
    for (int i = 0; i < 1000; i++)
        qa_buf_puts(&b, line);
    assert_int_equal(qa_buf_finish(&b, &out, NULL), -99);
    assert_int_equal(k.calls, 1);
    /* nothing written, no sink: an empty string */
    qa_buf_init(&b, &ctx->alloc);
    size_t len = 9;
    assert_int_equal(qa_buf_finish(&b, &out, &len), 0);
    assert_string_equal(out, "");
    assert_int_equal(len, 0);
    qa_afree(&ctx->alloc, out);
    /* nothing written, with a sink: the sink is not called */
    memset(&k, 0, sizeof k);
    qa_buf_init(&b, &ctx->alloc);
    qa_buf_set_sink(&b, sink_fn, &k);
    assert_int_equal(qa_buf_finish(&b, &out, NULL), 0);
    assert_int_equal(k.calls, 0);
}

static void writer_streams_escapes_and_caps_depth(void **s)
{
    (void)s;
    struct sink k = {0};
    qj_writer w;
    qw_init(&w, &ctx->alloc, 0);
    qw_set_sink(&w, sink_fn, &k);
    char big[1001];
    memset(big, 'y', 1000);
    big[1000] = '\0';
    qw_arr_begin(&w);
    for (int i = 0; i < 100; i++)
        qw_str(&w, big);
    qw_arr_end(&w);
    char *out = (char *)1;
    size_t len = 5;
    assert_int_equal(qw_finish(&w, &out, &len), 0);
    assert_null(out);
    assert_int_equal(len, 0);
    assert_int_equal(k.calls, 2);
    assert_int_equal(k.total, 100 * 1003 - 1 + 2);
    assert_int_equal(k.last, ']');
    memset(&k, 0, sizeof k);
    k.fail_at = 1;
    qw_init(&w, &ctx->alloc, 0);
    qw_set_sink(&w, sink_fn, &k);
    qw_arr_begin(&w);
    for (int i = 0; i < 100; i++)
        qw_str(&w, big);
    qw_arr_end(&w);
    assert_int_equal(qw_finish(&w, &out, NULL), -99);
    assert_int_equal(k.calls, 1);

    /* escapes, invalid dates as null, parsed values re-encoded */
    qw_init(&w, &ctx->alloc, 0);
    qw_obj_begin(&w);
    qw_kstr(&w, "s", "q\"b\\\b\f\n\r\t\x01/");
    qw_kdate(&w, "bad", 20251340);
    qw_kdate(&w, "none", QAWARD_DATE_NONE);
    qw_kdate(&w, "ok", 20240229);
    qw_key(&w, "v");
    qj_doc *d = parsed("[null, true, false, -1.50, \"\\u00e9\", {\"k\": []}, {}]");
    qw_value(&w, qj_root(d));
    qj_free(d);
    qw_obj_end(&w);
    assert_int_equal(qw_finish(&w, &out, &len), 0);
    assert_string_equal(out, "{\"s\":\"q\\\"b\\\\\\b\\f\\n\\r\\t\\u0001/\",\"bad\":null,\"none\":null,\"ok\":\"2024-02-29\","
                             "\"v\":[null,true,false,-1.50,\"\xC3\xA9\",{\"k\":[]},{}]}");
    assert_int_equal(len, strlen(out));
    qa_afree(&ctx->alloc, out);

    /* nesting deeper than the writer tracks stays balanced; an extra close is harmless */
    qw_init(&w, &ctx->alloc, 0);
    for (int i = 0; i < QJ_MAX_DEPTH + 6; i++)
        qw_arr_begin(&w);
    for (int i = 0; i < QJ_MAX_DEPTH + 6; i++)
        qw_arr_end(&w);
    assert_int_equal(qw_finish(&w, &out, NULL), 0);
    assert_int_equal(strlen(out), 2 * (QJ_MAX_DEPTH + 6));
    assert_int_equal(out[QJ_MAX_DEPTH + 5], '[');
    assert_int_equal(out[QJ_MAX_DEPTH + 6], ']');
    qa_afree(&ctx->alloc, out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scalars_ending_the_input),
        cmocka_unit_test(unicode_escapes_at_their_edges),
        cmocka_unit_test(lazy_arrays_edges),
        cmocka_unit_test(lazy_elements_larger_than_a_block),
        cmocka_unit_test(accessors_on_the_wrong_type),
        cmocka_unit_test(long_paths_are_cut_with_an_ellipsis),
        cmocka_unit_test(enum_with_a_long_list_of_names),
        cmocka_unit_test(text_buffer_streams_and_fails),
        cmocka_unit_test(writer_streams_escapes_and_caps_depth),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

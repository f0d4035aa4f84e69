/* The internal JSON layer: strict parsing with positions, path-naming readers, writer. */
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

static int parse(const char *text, qj_doc **doc) { return qj_parse(doc, ctx, text, strlen(text), "doc"); }

static void expect_parse_error(const char *text, const char *needle)
{
    qj_doc *doc = (qj_doc *)1;
    int rc = parse(text, &doc);
    if (rc != QAWARD_EPARSE || !strstr(qaward_ctx_message(ctx), needle))
        fail_msg("input %s: rc %d, message \"%s\", wanted \"%s\"", text, rc, qaward_ctx_message(ctx), needle);
    assert_null(doc);
}

static void parses_values_with_positions(void **state)
{
    (void)state;
    qj_doc *doc;
    assert_int_equal(parse("{\"a\": [1, -2, 3.25, true, false, null],\n \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"}", &doc), 0);
    const qj_value *r = qj_root(doc);
    assert_int_equal(r->type, QJ_OBJECT);
    assert_int_equal(r->len, 2);
    const qj_value *a = qj_get(r, "a");
    assert_int_equal(a->len, 6);
    int64_t i;
    assert_int_equal(qj_int(&a->items[1], &i), 0);
    assert_int_equal(i, -2);
    assert_int_equal(qj_int(&a->items[2], &i), -1);
    assert_int_equal(qj_fixed2(&a->items[2], &i), 0);
    assert_int_equal(i, 325);
    assert_int_equal(a->items[3].type, QJ_TRUE);
    assert_int_equal(a->items[5].type, QJ_NULL);
    const qj_value *b = qj_get(r, "b");
    assert_string_equal(b->str, "x\xc3\xa9\xf0\x9f\x98\x80\n");
    assert_int_equal(b->line, 2);
    assert_int_equal(b->col, 7);
    assert_null(qj_get(r, "c"));
    qj_free(doc);
}

static void rejects_malformed_input_naming_the_position(void **state)
{
    (void)state;
    expect_parse_error("", "line 1, column 1: unexpected end of input");
    expect_parse_error("{\"a\":1,}", "column 8: object key");
    expect_parse_error("[1,2", "unterminated array");
    expect_parse_error("[1 2]", "',' or ']' expected");
    expect_parse_error("{\"a\":1}x", "unexpected data after");
    expect_parse_error("{\"a\":1,\"a\":2}", "duplicate object key");
    expect_parse_error("[01]", "leading zero");
    expect_parse_error("[1.]", "digit expected after decimal point");
    expect_parse_error("[NaN]", "unexpected character");
    expect_parse_error("[tru]", "invalid literal");
    expect_parse_error("\"abc", "unterminated string");
    expect_parse_error("\"a\tb\"", "control character");
    expect_parse_error("\"\\x\"", "invalid escape");
    expect_parse_error("\"\\ud800\"", "unpaired surrogate");
    expect_parse_error("\"\\u12\"", "\\u escape");
    expect_parse_error("\"\xc3\x28\"", "invalid UTF-8");
    expect_parse_error("\"\xed\xa0\x80\"", "invalid UTF-8"); /* encoded surrogate */
    expect_parse_error("[1,\n  // comment\n]", "line 2, column 3");
    char deep[200];
    memset(deep, '[', 100);
    memset(deep + 100, ']', 100);
    expect_parse_error("", "end of input");
    qj_doc *doc;
    assert_int_equal(qj_parse(&doc, ctx, deep, 200, "deep"), QAWARD_EPARSE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "nesting deeper than 64"));
    assert_int_equal(qj_parse(&doc, ctx, deep + 36, 128, "ok"), 0); /* 64 levels are fine */
    qj_free(doc);
    assert_int_equal(qj_parse(NULL, ctx, "1", 1, "x"), QAWARD_EINVAL);
    assert_int_equal(qj_parse(&doc, ctx, NULL, 1, "x"), QAWARD_EINVAL);
}

static void integers_and_fixed_point_are_exact(void **state)
{
    (void)state;
    qj_doc *doc;
    assert_int_equal(parse("[9223372036854775807, -9223372036854775808, 9223372036854775808, 1e3, 812.35, 7, 0.5, 1.234, -0.05]", &doc), 0);
    const qj_value *a = qj_root(doc);
    int64_t v;
    assert_int_equal(qj_int(&a->items[0], &v), 0);
    assert_true(v == INT64_MAX);
    assert_int_equal(qj_int(&a->items[1], &v), 0);
    assert_true(v == INT64_MIN);
    assert_int_equal(qj_int(&a->items[2], &v), -1);
    assert_int_equal(qj_int(&a->items[3], &v), -1);
    assert_int_equal(qj_fixed2(&a->items[3], &v), -1);
    assert_int_equal(qj_fixed2(&a->items[4], &v), 0);
    assert_int_equal(v, 81235);
    assert_int_equal(qj_fixed2(&a->items[5], &v), 0);
    assert_int_equal(v, 700);
    assert_int_equal(qj_fixed2(&a->items[6], &v), 0);
    assert_int_equal(v, 50);
    assert_int_equal(qj_fixed2(&a->items[7], &v), -1);
    assert_int_equal(qj_fixed2(&a->items[8], &v), 0);
    assert_int_equal(v, -5);
    qj_free(doc);
}

static void readers_name_the_path(void **state)
{
    (void)state;
    qj_doc *doc;
    assert_int_equal(parse("{\"years\": 99999, \"name\": \"\", \"on\": \"2025-02-30\", \"kind\": \"orgs\",\n"
                           " \"n\": 2.5, \"flag\": 1, \"list\": {}, \"ok\": 3, \"d\": \"2025-04-01\"}", &doc), 0);
    const qj_value *r = qj_root(doc);
    int64_t v = -1;
    assert_int_equal(qj_read_int(ctx, r, "$.conditions[3]", "years", 1, 0, 200, &v), QAWARD_ERANGE);
    assert_string_equal(qaward_ctx_message(ctx), "$.conditions[3].years: 99999 is out of range 0..200 (line 1, column 11)");
    assert_int_equal(v, -1);
    assert_int_equal(qj_read_int(ctx, r, "$", "n", 1, 0, 10, &v), QAWARD_ESCHEMA);
    assert_non_null(strstr(qaward_ctx_message(ctx), "$.n: expected an integer, found 2.5"));
    assert_int_equal(qj_read_int(ctx, r, "$", "missing", 1, 0, 10, &v), QAWARD_ESCHEMA);
    assert_string_equal(qaward_ctx_message(ctx), "$.missing: required field is missing");
    assert_int_equal(qj_read_int(ctx, r, "$", "missing", 0, 0, 10, &v), 1);
    assert_int_equal(qj_read_int(ctx, r, "$", "ok", 1, 0, 10, &v), 0);
    assert_int_equal(v, 3);
    const char *s;
    assert_int_equal(qj_read_str(ctx, r, "$", "name", 1, 1, &s), QAWARD_ESCHEMA);
    assert_non_null(strstr(qaward_ctx_message(ctx), "$.name: must not be empty"));
    qaward_date d = 0;
    assert_int_equal(qj_read_date(ctx, r, "$", "on", 1, &d), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "$.on (line 1, column 36): date \"2025-02-30\": day 30"));
    assert_int_equal(qj_read_date(ctx, r, "$", "d", 1, &d), 0);
    assert_int_equal(d, 20250401);
    static const char *const kinds[] = {"organization", "individual", NULL};
    int k;
    assert_int_equal(qj_read_enum(ctx, r, "$", "kind", 1, kinds, &k), QAWARD_ESCHEMA);
    assert_non_null(strstr(qaward_ctx_message(ctx), "unknown value \"orgs\", expected one of \"organization\", \"individual\""));
    int b;
    assert_int_equal(qj_read_bool(ctx, r, "$", "flag", 1, &b), QAWARD_ESCHEMA);
    assert_non_null(strstr(qaward_ctx_message(ctx), "$.flag: expected a boolean, found a number"));
    const qj_value *arr;
    assert_int_equal(qj_read_array(ctx, r, "$", "list", 1, &arr), QAWARD_ESCHEMA);
    static const char *const allowed[] = {"years", "name", "on", "kind", "n", "flag", "list", "d", NULL};
    assert_int_equal(qj_only_keys(ctx, r, "$.x", allowed), QAWARD_ESCHEMA);
    assert_string_equal(qaward_ctx_message(ctx), "$.x: unknown field \"ok\" (line 2, column 41)");
    qj_path p;
    qj_path_index(&p, "$.subjects", 12);
    assert_string_equal(p.s, "$.subjects[12]");
    qj_path_key(&p, p.s, "events");
    assert_string_equal(p.s, "$.subjects[12].events");
    qj_free(doc);
}

static void writer_escapes_and_round_trips(void **state)
{
    (void)state;
    qj_writer w;
    qw_init(&w, &ctx->alloc, 0);
    qw_obj_begin(&w);
    qw_kstr(&w, "s", "a\"b\\c\n\x01 中");
    qw_kint(&w, "i", -42);
    qw_kfixed2(&w, "score", 81235);
    qw_kfixed2(&w, "neg", -5);
    qw_kdate(&w, "d", 20250401);
    qw_kdate(&w, "none", QAWARD_DATE_NONE);
    qw_key(&w, "arr");
    qw_arr_begin(&w);
    qw_bool(&w, 1);
    qw_null(&w);
    qw_arr_begin(&w);
    qw_arr_end(&w);
    qw_arr_end(&w);
    qw_obj_end(&w);
    char *out;
    size_t len;
    assert_int_equal(qw_finish(&w, &out, &len), 0);
    assert_string_equal(out, "{\"s\":\"a\\\"b\\\\c\\n\\u0001 中\",\"i\":-42,\"score\":812.35,\"neg\":-0.05,"
                             "\"d\":\"2025-04-01\",\"none\":null,\"arr\":[true,null,[]]}");
    assert_int_equal(len, strlen(out));
    qj_doc *doc;
    assert_int_equal(qj_parse(&doc, ctx, out, len, "round trip"), 0);
    assert_string_equal(qj_get(qj_root(doc), "s")->str, "a\"b\\c\n\x01 中");
    /* qw_value re-encodes a parsed document to the same compact text */
    qj_writer w2;
    qw_init(&w2, &ctx->alloc, 0);
    qw_value(&w2, qj_root(doc));
    char *again;
    assert_int_equal(qw_finish(&w2, &again, NULL), 0);
    assert_string_equal(again, out);
    qaward_string_free(ctx, again);
    qj_free(doc);
    qaward_string_free(ctx, out);

    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    qw_kint(&w, "a", 1);
    qw_key(&w, "b");
    qw_arr_begin(&w);
    qw_int(&w, 2);
    qw_arr_end(&w);
    qw_obj_end(&w);
    assert_int_equal(qw_finish(&w, &out, NULL), 0);
    assert_string_equal(out, "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}");
    qaward_string_free(ctx, out);
}

static int fail_after;
static void *failing_malloc(void *o, size_t n) { (void)o; return fail_after-- > 0 ? malloc(n) : NULL; }
static void *failing_realloc(void *o, void *p, size_t n) { (void)o; return fail_after-- > 0 ? realloc(p, n) : NULL; }
static void plain_free(void *o, void *p) { (void)o; free(p); }

static void out_of_memory_is_reported_at_every_allocation(void **state)
{
    (void)state;
    qaward_allocator a = {QAWARD_ALLOCATOR_VERSION, NULL, failing_malloc, failing_realloc, plain_free};
    const char *text = "{\"a\":[1,2,{\"b\":\"c\\n\"}],\"d\":\"e\"}";
    for (int n = 1;; n++) {
        qaward_ctx *c;
        fail_after = 1000;
        assert_int_equal(qaward_ctx_new(&c, &a), 0);
        fail_after = n;
        qj_doc *doc;
        int rc = qj_parse(&doc, c, text, strlen(text), "oom");
        if (rc == 0) {
            qj_free(doc);
            qaward_ctx_free(c);
            break;
        }
        assert_int_equal(rc, QAWARD_ENOMEM);
        assert_null(doc);
        qaward_ctx_free(c);
        assert_true(n < 100);
    }
    qj_writer w;
    fail_after = 0;
    qw_init(&w, &a, 0);
    qw_obj_begin(&w);
    qw_kstr(&w, "x", "y");
    qw_obj_end(&w);
    char *out = (char *)1;
    assert_int_equal(qw_finish(&w, &out, NULL), QAWARD_ENOMEM);
    assert_null(out);
}

static void text_buffer_formats(void **state)
{
    (void)state;
    qa_buf b;
    qa_buf_init(&b, &ctx->alloc);
    qa_buf_puts(&b, "第十条（四）");
    char big[600];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    qa_buf_printf(&b, " %d %s", 42, big);
    char *out;
    size_t len;
    assert_int_equal(qa_buf_finish(&b, &out, &len), 0);
    assert_int_equal(len, strlen("第十条（四）") + 4 + 599);
    assert_memory_equal(out, "第十条（四） 42 xxx", strlen("第十条（四） 42 xxx"));
    qaward_string_free(ctx, out);
}

static void lazy_arrays_iterate_like_built_ones(void **state)
{
    (void)state;
    static const char text[] = "{\"head\": 1,\n \"items\": [\n  {\"id\": \"a\", \"n\": [1, 2]},\n  {\"id\": \"b\\u00e9\"},\n  3\n ],\n \"tail\": [4]}";
    static const char *const lazy[] = {"items", "tail", NULL};
    qj_doc *doc;
    assert_int_equal(qj_parse_lazy(&doc, ctx, text, sizeof text - 1, "doc", lazy), 0);
    const qj_value *r = qj_root(doc), *items = qj_get(r, "items"), *e;
    assert_int_equal(items->type, QJ_ARRAY);
    assert_int_equal(items->lazy, 1);
    assert_int_equal(items->len, 3);
    assert_null(items->items);
    assert_int_equal(qj_get(r, "head")->lazy, 0);
    qj_iter it;
    assert_int_equal(qj_iter_init(&it, ctx, doc, items), 0);
    assert_int_equal(qj_iter_next(&it, &e), 1);
    assert_string_equal(qj_get(e, "id")->str, "a");
    assert_int_equal(qj_get(e, "n")->len, 2);
    assert_int_equal(e->line, 3);
    assert_int_equal(e->col, 3);
    assert_int_equal(qj_iter_next(&it, &e), 1);
    assert_string_equal(qj_get(e, "id")->str, "b\xc3\xa9");
    assert_int_equal(e->line, 4);
    assert_int_equal(qj_iter_next(&it, &e), 1);
    assert_int_equal(e->type, QJ_NUMBER);
    assert_int_equal(e->line, 5);
    assert_int_equal(qj_iter_next(&it, &e), 0);
    assert_null(e);
    qj_iter_free(&it);
    /* a built array iterates the same way */
    assert_int_equal(qj_iter_init(&it, ctx, doc, qj_get(r, "tail")), 0);
    assert_int_equal(qj_iter_next(&it, &e), 1);
    assert_int_equal(qj_iter_next(&it, &e), 0);
    qj_iter_free(&it);
    qj_free(doc);
    /* lazy keys only apply to root members */
    static const char nested[] = "{\"x\": {\"items\": [1]}, \"items\": []}";
    assert_int_equal(qj_parse_lazy(&doc, ctx, nested, sizeof nested - 1, "doc", lazy), 0);
    assert_int_equal(qj_get(qj_get(qj_root(doc), "x"), "items")->lazy, 0);
    assert_int_equal(qj_get(qj_root(doc), "items")->len, 0);
    qj_free(doc);
}

static void lazy_arrays_report_errors_with_positions(void **state)
{
    (void)state;
    static const char *const lazy[] = {"items", NULL};
    qj_doc *doc;
    static const char bad_syntax[] = "{\"items\": [{\"a\": 1},\n {\"a\": 2,}]}";
    assert_int_equal(qj_parse_lazy(&doc, ctx, bad_syntax, sizeof bad_syntax - 1, "doc", lazy), QAWARD_EPARSE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "line 2, column 10: object key"));
    static const char bad_escape[] = "{\"items\": [\"\\ud800\"]}";
    assert_int_equal(qj_parse_lazy(&doc, ctx, bad_escape, sizeof bad_escape - 1, "doc", lazy), QAWARD_EPARSE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "unpaired surrogate"));
    /* duplicate keys inside a lazy element surface while iterating */
    static const char dup[] = "{\"items\": [{\"a\": 1},\n {\"a\": 2, \"a\": 3}]}";
    assert_int_equal(qj_parse_lazy(&doc, ctx, dup, sizeof dup - 1, "doc", lazy), 0);
    qj_iter it;
    const qj_value *e;
    assert_int_equal(qj_iter_init(&it, ctx, doc, qj_get(qj_root(doc), "items")), 0);
    assert_int_equal(qj_iter_next(&it, &e), 1);
    assert_int_equal(qj_iter_next(&it, &e), QAWARD_EPARSE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "line 2"));
    assert_non_null(strstr(qaward_ctx_message(ctx), "duplicate object key"));
    qj_iter_free(&it);
    qj_free(doc);
    /* nesting inside lazy arrays keeps the 64-level limit */
    char deep[200] = "{\"items\":";
    size_t n = strlen(deep);
    memset(deep + n, '[', 70);
    memset(deep + n + 70, ']', 70);
    deep[n + 140] = '}';
    assert_int_equal(qj_parse_lazy(&doc, ctx, deep, n + 141, "deep", lazy), QAWARD_EPARSE);
    assert_non_null(strstr(qaward_ctx_message(ctx), "nesting deeper than 64"));
}

/* Lexer corners: every escape, surrogate pairs, UTF-8 lengths and their
 * rejections, number grammar, BOM and CR whitespace; each rejection names its
 * position and reason. */
static void lexer_corners_accept_and_reject_with_reasons(void **state)
{
    (void)state;
    qj_doc *doc;
    assert_int_equal(parse("\xEF\xBB\xBF\r\n[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u00E9\\u00eA\\uD83D\\uDE00\", "
                           "\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\", -0, 0.5, 1e5, 2E-2, 3e+1, -1.25e0]\r\n",
                           &doc), 0);
    const qj_value *r = qj_root(doc);
    assert_int_equal(r->type, QJ_ARRAY);
    assert_int_equal(r->len, 9);
    assert_string_equal(r->items[0].str, "\"\\/\b\f\n\r\t");
    assert_string_equal(r->items[1].str, "\xc3\xa9\xc3\xaa\xf0\x9f\x98\x80");
    assert_string_equal(r->items[2].str, "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
    assert_int_equal(r->items[1].line, 2); /* the BOM and CR do not count */
    int64_t i;
    assert_int_equal(qj_int(&r->items[3], &i), 0);
    assert_int_equal(i, 0);
    assert_int_equal(qj_fixed2(&r->items[4], &i), 0);
    assert_int_equal(i, 50);
    assert_int_equal(qj_int(&r->items[5], &i), -1); /* exponents are not integers */
    assert_int_equal(qj_fixed2(&r->items[6], &i), -1);
    qj_free(doc);

    expect_parse_error("[-]", "invalid number");
    expect_parse_error("[-x]", "invalid number");
    expect_parse_error("-", "invalid number");
    expect_parse_error("[1e]", "digit expected in exponent");
    expect_parse_error("[1e+]", "digit expected in exponent");
    expect_parse_error("1.", "digit expected after decimal point");
    expect_parse_error("1e", "digit expected in exponent");
    expect_parse_error("\"\\", "unterminated string");
    expect_parse_error("\"\\u00G0\"", "line 1, column 6: invalid \\u escape");
    expect_parse_error("\"\\ud800\\u0041\"", "unpaired surrogate");
    expect_parse_error("\"\\ud800\\ue000\"", "unpaired surrogate");
    expect_parse_error("\"\\ud800x\"", "unpaired surrogate");
    expect_parse_error("\"\\udc00\"", "unpaired surrogate");
    expect_parse_error("\"\\u0000\"", "\\u0000 is not allowed");
    expect_parse_error("\"\x80\"", "invalid UTF-8");          /* lone continuation byte */
    expect_parse_error("\"\xc0\xaf\"", "invalid UTF-8");      /* overlong 2-byte */
    expect_parse_error("\"\xe0\x80\xaf\"", "invalid UTF-8");  /* overlong 3-byte */
    expect_parse_error("\"\xf0\x80\x80\xaf\"", "invalid UTF-8"); /* overlong 4-byte */
    expect_parse_error("\"\xf4\x90\x80\x80\"", "invalid UTF-8"); /* above U+10FFFF */
    expect_parse_error("\"\xf5\x80\x80\x80\"", "invalid UTF-8");
    expect_parse_error("\"\xe4\xb8", "invalid UTF-8");          /* truncated at the end */
    expect_parse_error("\"\xe4\x41\x41\"", "invalid UTF-8");
    expect_parse_error("{\"a\" 1}", "':' expected");
    expect_parse_error("{\"a\"", "':' expected");
    expect_parse_error("{\"a\":1", "unterminated object");
    expect_parse_error("{\"a\":1 \"b\":2}", "',' or '}' expected");
    expect_parse_error("[nul]", "invalid literal");
    expect_parse_error("[f", "invalid literal");

    /* integers at the edges of int64 */
    assert_int_equal(parse("[9223372036854775807, -9223372036854775808, 9223372036854775808, "
                           "-9223372036854775809, 99999999999999999999, 92233720368547758.07, 1.999]", &doc), 0);
    r = qj_root(doc);
    assert_int_equal(qj_int(&r->items[0], &i), 0);
    assert_true(i == INT64_MAX);
    assert_int_equal(qj_int(&r->items[1], &i), 0);
    assert_true(i == INT64_MIN);
    assert_int_equal(qj_int(&r->items[2], &i), -1);
    assert_int_equal(qj_int(&r->items[3], &i), -1);
    assert_int_equal(qj_int(&r->items[4], &i), -1);
    assert_int_equal(qj_fixed2(&r->items[4], &i), -1); /* x100 overflows */
    assert_int_equal(qj_fixed2(&r->items[5], &i), -1);
    assert_int_equal(qj_fixed2(&r->items[6], &i), -1); /* three decimals */
    assert_int_equal(qj_int(NULL, &i), -1);
    assert_int_equal(qj_fixed2(&r->items[0], &i), -1);
    qj_free(doc);

    /* the type named in schema errors, for every JSON type */
    assert_int_equal(parse("{\"n\": null, \"b\": false, \"x\": 1, \"s\": \"s\", \"a\": [], \"o\": {}}", &doc), 0);
    r = qj_root(doc);
    static const char *const keys[] = {"n", "b", "x", "s", "a", "o"};
    static const char *const found[] = {"found null", "found a boolean", "found a number", "found a string",
                                        "found an array", "found an object"};
    for (int k = 0; k < 6; k++) {
        qj_type want = k == 5 ? QJ_ARRAY : QJ_OBJECT;
        assert_int_equal(qj_expect(ctx, qj_get(r, keys[k]), want, "$.v"), QAWARD_ESCHEMA);
        assert_non_null(strstr(qaward_ctx_message(ctx), found[k]));
        assert_non_null(strstr(qaward_ctx_message(ctx), "$.v: expected"));
    }
    assert_int_equal(qj_expect(ctx, qj_get(r, "b"), QJ_TRUE, "$.b"), 0);
    assert_int_equal(qj_expect(ctx, NULL, QJ_TRUE, "$.zz"), QAWARD_ESCHEMA);
    assert_string_equal(qaward_ctx_message(ctx), "$.zz: missing");
    assert_null(qj_get(r, NULL));
    assert_null(qj_get(&r->items[0], "n"));
    qj_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_values_with_positions),
        cmocka_unit_test(rejects_malformed_input_naming_the_position),
        cmocka_unit_test(integers_and_fixed_point_are_exact),
        cmocka_unit_test(readers_name_the_path),
        cmocka_unit_test(writer_escapes_and_round_trips),
        cmocka_unit_test(out_of_memory_is_reported_at_every_allocation),
        cmocka_unit_test(text_buffer_formats),
        cmocka_unit_test(lazy_arrays_iterate_like_built_ones),
        cmocka_unit_test(lazy_arrays_report_errors_with_positions),
        cmocka_unit_test(lexer_corners_accept_and_reject_with_reasons),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

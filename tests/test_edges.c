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
#include "srcfile.h"

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


/* Every public function with NULL pointers and zero numbers: no crash, an
 * error or a neutral value (generated list, scripts/gen_null_sweep.py); once
 * with a context, once without. */
static void sweep(qaward_ctx *ctx)
{
#include "null_sweep.inc"
}

static void null_handles_never_crash(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    sweep(ctx);
    sweep(NULL);
    qaward_ctx_free(ctx);
}

/* Valid handles, unknown ids and out-of-range indexes on the getters. */
static void getters_unknown_ids_and_ranges(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    qaward_policy *p;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "nope"), QAWARD_ENOTFOUND);
    assert_null(p);
    assert_int_equal(qaward_policy_builtin(&p, ctx, "jian-2023"), 0);
    assert_string_equal(qaward_policy_id(p), "jian-2023");
    assert_true(qaward_policy_name(p, QAWARD_LANG_ZH)[0] != 0);
    assert_true(qaward_policy_name(p, QAWARD_LANG_EN)[0] != 0);
    assert_int_equal(qaward_policy_fictional(p), 0);
    assert_int_equal(qaward_policy_in_force(p, qaward_policy_valid_from(p)), 1);
    assert_int_equal(qaward_policy_in_force(p, 20000101), 0);
    assert_int_equal(qaward_policy_in_force(p, 20230230), 0);
    assert_true(qaward_policy_cycle_years(p) > 0);
    assert_true(qaward_policy_first_edition_year(p) > 0);
    size_t nk = qaward_policy_kind_count(p), nl = qaward_policy_level_count(p);
    assert_true(nk >= 2 && nl >= 1);
    assert_null(qaward_policy_kind_id(p, nk));
    assert_null(qaward_policy_level_id(p, nl));
    assert_null(qaward_policy_level_name(p, nl, 0));
    assert_int_equal(qaward_policy_kind_index(p, "robot"), -1);
    assert_int_equal(qaward_policy_level_index(p, "gold"), -1);
    assert_int_equal(qaward_policy_level_honour_only(p, nl), 0);
    assert_int_equal(qaward_policy_level_main(p, nl), 0);
    int prize, quota;
    assert_int_equal(qaward_policy_level_rewin(&prize, &quota, p, nl), QAWARD_EINVAL);
    for (size_t i = 0; i < nl; i++) {
        assert_non_null(qaward_policy_level_name(p, i, QAWARD_LANG_EN));
        assert_int_equal(qaward_policy_level_rewin(&prize, &quota, p, i), 0);
        (void)qaward_policy_level_honour_only(p, i);
        (void)qaward_policy_level_main(p, i);
    }
    int32_t max;
    size_t group;
    int pooled;
    int64_t fen;
    assert_int_equal(qaward_policy_quota(NULL, &group, &pooled, ctx, p, "award", "organization"), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_quota(&max, &group, &pooled, ctx, p, "gold", "organization"), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_policy_quota(&max, &group, &pooled, ctx, p, "award", "robot"), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_policy_quota(&max, NULL, NULL, ctx, p, "award", "organization"), 0);
    assert_int_equal(qaward_policy_prize(NULL, ctx, p, "award", "organization"), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_prize(&fen, ctx, p, "award", "robot"), QAWARD_ENOTFOUND);
    size_t nq = qaward_policy_quota_count(p);
    assert_int_equal(qaward_policy_quota_get(NULL, NULL, NULL, p, nq), QAWARD_EINVAL);
    assert_null(qaward_policy_quota_kind(p, nq, 0));
    assert_null(qaward_policy_quota_kind(p, 0, 99));
    size_t ns = qaward_policy_sanction_count(p);
    assert_null(qaward_policy_sanction_kind(p, ns));
    int rev, pub;
    int32_t win;
    assert_int_equal(qaward_policy_sanction_info(&rev, &pub, &win, ctx, p, "jaywalking"), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_policy_sanction_info(NULL, NULL, NULL, ctx, p, "fraud_bribery"), 0);
    qaward_date a, b;
    assert_int_equal(qaward_policy_ban_window(NULL, &b, ctx, p, "fraud_bribery", 20240101), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_ban_window(&a, &b, ctx, p, "fraud_bribery", 20240230), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_ban_window(&a, &b, ctx, p, "jaywalking", 20240101), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_policy_ban_window(&a, &b, ctx, p, "fraud_bribery", 99991231), QAWARD_ERANGE);
    assert_int_equal(qaward_policy_reapply_date(NULL, ctx, p, "award", 20201220), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_reapply_date(&a, ctx, p, "gold", 20201220), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_policy_reapply_date(&a, ctx, p, "award", 20200230), QAWARD_EINVAL);
    assert_int_equal(qaward_policy_reapply_date(&a, ctx, p, "award", 99991220), QAWARD_ERANGE);
    for (size_t k = 0; k < nk; k++) {
        const char *kind = qaward_policy_kind_id(p, k);
        size_t nr = qaward_policy_rule_count(p, kind);
        for (size_t i = 0; i <= nr; i++)
            (void)qaward_policy_rule_id(p, kind, i);
    }
    assert_int_equal(qaward_policy_rule_count(p, "robot"), 0);
    assert_null(qaward_policy_rule_id(p, "robot", 0));

    /* subject */
    qaward_subject *s, *ind, *emp;
    assert_int_equal(qaward_subject_new(&s, ctx, "", "organization"), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_new(&s, ctx, "x", NULL), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_new(&s, ctx, "x", "organization"), 0);
    assert_int_equal(qaward_subject_set_name(s, ctx, "甲"), 0);
    assert_string_equal(qaward_subject_name(s), "甲");
    assert_int_equal(qaward_subject_set_date(s, ctx, 99, 20200101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 20200230), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, QAWARD_DATE_NONE), 0);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "iso9001", NULL, 20200101, 20190101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "", NULL, 20200101, 20210101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "iso9001", NULL, 20200230, 20210101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_add_event(s, ctx, "", NULL, 0, 20200101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_add_event(s, ctx, "safety_accident", NULL, -1, 20200101), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_add_event(s, ctx, "safety_accident", NULL, 0, 20200230), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_known(s, ctx, 7, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2024, 5), 0);
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2024, 6), 0); /* replaces */
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "", 1), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "a", 1), 0);
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "a", 0), 0); /* replaces */
    assert_int_equal(qaward_subject_mark_secret(s, ctx, NULL), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_mark_secret(s, ctx, "name"), 0);
    assert_int_equal(qaward_subject_is_secret(s, "name"), 1);
    assert_int_equal(qaward_subject_is_secret(s, "nope"), 0);
    qaward_subject *emp2;
    assert_int_equal(qaward_subject_employer(&emp, ctx, s), 0);
    assert_int_equal(qaward_subject_employer(&emp2, ctx, emp), QAWARD_EINVAL); /* an employer has none */
    assert_int_equal(qaward_subject_new(&ind, ctx, "i", "individual"), 0);
    assert_int_equal(qaward_subject_employer(&emp, ctx, ind), 0);
    assert_int_equal(qaward_subject_employer(&emp2, ctx, ind), 0);
    assert_ptr_equal(emp, emp2);
    char *js;
    assert_int_equal(qaward_subject_to_json(&js, ind, ctx, 1), 0);
    qaward_string_free(ctx, js);
    qaward_subject_free(ind);
    qaward_subject_free(s);

    /* memory store */
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_award_record ar;
    assert_int_equal(qaward_award_record_init(&ar, 99), QAWARD_EVERSION);
    qaward_award_record_init(&ar, QAWARD_AWARD_RECORD_VERSION);
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &ar), QAWARD_EINVAL); /* no subject */
    ar.subject_id = "S";
    ar.level = "award";
    ar.kind = "organization";
    ar.award_date = 20200230;
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &ar), QAWARD_EINVAL);
    ar.award_date = 20201220;
    ar.version = 99;
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &ar), QAWARD_EVERSION);
    qaward_sanction_record sr;
    assert_int_equal(qaward_sanction_record_init(&sr, 99), QAWARD_EVERSION);
    qaward_sanction_record_init(&sr, QAWARD_SANCTION_RECORD_VERSION);
    assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &sr), QAWARD_EINVAL);
    sr.subject_id = "S";
    sr.kind = "fraud_bribery";
    sr.decided_on = 20240230;
    assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &sr), QAWARD_EINVAL);
    qaward_store st;
    assert_int_equal(qaward_store_init(&st, 99), QAWARD_EVERSION);
    assert_int_equal(qaward_memstore_as_store(&st, ms), 0);
    /* transactions: commit without begin, nested begin, rollback */
    assert_int_not_equal(st.commit_fn(st.userdata), 0);
    assert_int_equal(st.begin_fn(st.userdata), 0);
    assert_int_not_equal(st.begin_fn(st.userdata), 0);
    ar.version = QAWARD_AWARD_RECORD_VERSION;
    assert_int_equal(st.write_award_fn(st.userdata, &ar), 0);
    assert_int_equal(st.rollback_fn(st.userdata), 0);
    assert_int_equal(qaward_memstore_award_count(ms), 0);
    assert_int_equal(st.begin_fn(st.userdata), 0);
    assert_int_equal(st.write_award_fn(st.userdata, &ar), 0);
    assert_int_not_equal(st.revoke_award_fn(st.userdata, "nobody", 20201220, 20210101), 0);
    assert_int_equal(st.revoke_award_fn(st.userdata, "S", 20201220, 20210101), 0);
    int fin = -1;
    assert_int_equal(st.cycle_finalised_fn(st.userdata, "2025", &fin), 0);
    assert_int_equal(fin, 0);
    assert_int_equal(st.commit_fn(st.userdata), 0);
    assert_int_equal(qaward_memstore_award_count(ms), 1);
    assert_int_equal(qaward_memstore_load_json(ms, ctx, "[", 1), QAWARD_EPARSE);
    assert_int_equal(qaward_memstore_load_json(ms, ctx, "[]", 2), QAWARD_ESCHEMA);
    assert_int_equal(qaward_memstore_award_count(ms), 1); /* untouched on error */
    qaward_memstore_free(ms);

    /* review rules */
    qaward_review_rules *r;
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "nope"), QAWARD_ENOTFOUND);
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    assert_int_equal(qaward_review_rules_is_example(r), 1);
    size_t nkind = qaward_review_rules_kind_count(r), n;
    const char *str;
    assert_true(qaward_review_rules_kind_at(&str, ctx, r, nkind) < 0);
    for (size_t k = 0; k < nkind; k++) {
        assert_int_equal(qaward_review_rules_kind_at(&str, ctx, r, k), 0);
        const char *kind = str;
        assert_int_equal(qaward_review_rules_stage_count(&n, ctx, r, kind), 0);
        assert_true(qaward_review_rules_stage_at(&str, ctx, r, kind, n) < 0);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(qaward_review_rules_stage_at(&str, ctx, r, kind, i), 0);
    }
    assert_true(qaward_review_rules_stage_count(&n, ctx, r, "robot") < 0);
    int64_t v64;
    int iv;
    assert_true(qaward_review_rules_stage_weight(&v64, ctx, r, "organization", "nope") < 0);
    assert_true(qaward_review_rules_stage_is_gate(&iv, ctx, r, "robot", "material") < 0);
    assert_true(qaward_review_rules_stage_pass_mark(&v64, ctx, r, "organization", "nope") < 0);
    assert_true(qaward_review_rules_min_composite(&v64, ctx, r, "organization", "nope") < 0);
    assert_true(qaward_review_rules_scheme(&str, ctx, r, "robot") < 0);
    assert_int_equal(qaward_review_rules_tie_break_count(&n, ctx, r), 0);
    assert_true(qaward_review_rules_tie_break_at(&str, ctx, r, n) < 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(qaward_review_rules_tie_break_at(&str, ctx, r, i), 0);
    int gates;
    static const char *const st_ids[] = {"nope"};
    static const int64_t tot[] = {1};
    assert_true(qaward_review_rules_composite(&v64, &gates, ctx, r, "organization", 1, st_ids, tot) < 0);
    assert_true(qaward_review_rules_composite(&v64, &gates, ctx, r, "robot", 1, st_ids, tot) < 0);
    qaward_review_rules_free(r);

    qaward_policy_free(p);
    qaward_ctx_free(ctx);
}

/* rc, the context's status, and a message containing `needle`. */
#define REFUSED(call, code, needle)                                                                     \
    do {                                                                                                \
        int rc_ = (call);                                                                               \
        if (rc_ != (code) || qaward_ctx_status(ctx) != rc_ || !strstr(qaward_ctx_message(ctx), needle)) \
            fail_msg("%s: rc %d, message \"%s\", wanted %d and \"%s\"", #call, rc_,                    \
                     qaward_ctx_message(ctx), (int)(code), needle);                                     \
    } while (0)

/* Subject setters: every out-of-range value is refused naming the subject, the
 * field and the value; the subject keeps its previous state. */
static void subject_setters_refuse_bad_values(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    qaward_subject *s;
    REFUSED(qaward_subject_new(&s, ctx, "", "organization"), QAWARD_EINVAL, "");
    REFUSED(qaward_subject_new(&s, ctx, "S1", ""), QAWARD_EINVAL, "");
    assert_null(s);
    assert_int_equal(qaward_subject_new(&s, ctx, "S1", "organization"), 0);
    REFUSED(qaward_subject_set_legal_person(s, ctx, 2), QAWARD_EINVAL, "subject S1: legal_person must be 0, 1 or -1, not 2");
    REFUSED(qaward_subject_set_for_profit(s, ctx, -2), QAWARD_EINVAL, "subject S1: for_profit must be 0, 1 or -1, not -2");
    REFUSED(qaward_subject_set_date(s, ctx, 3, 20200101), QAWARD_EINVAL, "subject S1: unknown date 3");
    REFUSED(qaward_subject_set_date(s, ctx, -1, 20200101), QAWARD_EINVAL, "unknown date -1");
    REFUSED(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 20230229), QAWARD_EINVAL, "invalid date 20230229");
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, QAWARD_DATE_NONE), 0);
    REFUSED(qaward_subject_add_certificate(s, ctx, "", NULL, 20200101, QAWARD_DATE_NONE), QAWARD_EINVAL,
            "certificate type is NULL or empty");
    REFUSED(qaward_subject_add_certificate(s, ctx, "iso9001", NULL, 20201301, QAWARD_DATE_NONE), QAWARD_EINVAL,
            "certificate iso9001: invalid valid_from 20201301");
    REFUSED(qaward_subject_add_certificate(s, ctx, "iso9001", NULL, 20200101, 20191231), QAWARD_EINVAL,
            "valid_to 20191231 is invalid or before valid_from");
    REFUSED(qaward_subject_add_certificate(s, ctx, "iso9001", NULL, 20200101, 20200230), QAWARD_EINVAL,
            "valid_to 20200230");
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "iso9001", "A", 20200101, 20230101), 0);
    REFUSED(qaward_subject_set_known(s, ctx, 2, 1), QAWARD_EINVAL, "set_known: bad list 2 or value 1");
    REFUSED(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 2), QAWARD_EINVAL, "bad list 1 or value 2");
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_CERTIFICATES, 0), 0);
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 0), 0);
    REFUSED(qaward_subject_set_profit(s, ctx, 0, 1), QAWARD_ERANGE, "fiscal year 0 out of range 1..9999");
    REFUSED(qaward_subject_set_profit(s, ctx, 10000, 1), QAWARD_ERANGE, "fiscal year 10000");
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2024, 5), 0);
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2022, 3), 0); /* inserted before 2024 */
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2024, 7), 0); /* replaced */
    REFUSED(qaward_subject_set_attestation(s, ctx, "", 1), QAWARD_EINVAL, "attestation: NULL id or value 1");
    REFUSED(qaward_subject_set_attestation(s, ctx, "x", 2), QAWARD_EINVAL, "value 2 not in -1..1");
    REFUSED(qaward_subject_set_attestation(s, ctx, "x", -2), QAWARD_EINVAL, "value -2 not in -1..1");
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "x", 1), 0);
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "y", 0), 0);
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "x", -1), 0); /* withdrawn */
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "zz", -1), 0); /* unknown: nothing to withdraw */
    char *json;
    assert_int_equal(qaward_subject_to_json(&json, s, ctx, 0), 0);
    assert_non_null(strstr(json, "\"y\": false") ? strstr(json, "\"y\": false") : strstr(json, "\"y\":false"));
    assert_null(strstr(json, "\"x\""));
    assert_non_null(strstr(json, "2022"));
    qaward_string_free(ctx, json);
    qaward_subject_free(s);
    qaward_ctx_free(ctx);
}

/* Cycle setters and getters: bad values and indexes name the candidate;
 * results are refused before a run (ESTATE). */
static void cycle_setters_refuse_bad_values(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    qaward_policy *p;
    qaward_review_rules *r;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "jian-2023"), 0);
    assert_int_equal(qaward_review_rules_builtin(&r, ctx, "jian-2025-example"), 0);
    qaward_cycle *c;
    REFUSED(qaward_cycle_new(&c, ctx, p, r, "", 20251201), QAWARD_EINVAL, "cycle id: empty");
    REFUSED(qaward_cycle_new(&c, ctx, p, r, "c1", 20251301), QAWARD_EINVAL, "cycle c1: invalid decision date 20251301");
    REFUSED(qaward_cycle_new(&c, ctx, p, r, "c1", 20000101), QAWARD_ENOPOLICY, "not in force on 2000-01-01 (R17)");
    assert_null(c);
    assert_int_equal(qaward_cycle_new(&c, ctx, p, r, "c1", 20251201), 0);
    assert_int_equal(qaward_cycle_decision_date(c), 20251201);
    size_t ix = 99;
    REFUSED(qaward_cycle_add_candidate(&ix, ctx, c, "", NULL, "organization"), QAWARD_EINVAL, "candidate 0: empty subject id");
    REFUSED(qaward_cycle_add_candidate(&ix, ctx, c, "A", NULL, "nope"), QAWARD_ENOTFOUND,
            "candidate A: kind \"nope\" is not a subject kind of policy jian-2023");
    assert_int_equal(ix, 99);
    assert_int_equal(qaward_cycle_candidate_find(c, "A"), -1); /* empty cycle */
    assert_int_equal(qaward_cycle_add_candidate(&ix, ctx, c, "A", NULL, "organization"), 0);
    assert_int_equal(ix, 0);
    assert_int_equal(qaward_cycle_add_candidate(NULL, ctx, c, "B", "Bee", "organization"), 0);
    REFUSED(qaward_cycle_add_candidate(NULL, ctx, c, "A", NULL, "organization"), QAWARD_EEXISTS,
            "candidate A: duplicate subject id");
    assert_int_equal(qaward_cycle_candidate_find(c, "B"), 1);
    assert_int_equal(qaward_cycle_candidate_find(c, "C"), -1);
    assert_int_equal(qaward_cycle_candidate_find(c, NULL), -1);
    assert_string_equal(qaward_cycle_candidate_name(c, 0), "A"); /* no name: the id */
    assert_string_equal(qaward_cycle_candidate_name(c, 1), "Bee");
    assert_null(qaward_cycle_candidate_name(c, 2));
    assert_null(qaward_cycle_candidate_id(c, 2));
    assert_null(qaward_cycle_candidate_kind(c, 2));
    assert_string_equal(qaward_cycle_candidate_kind(c, 1), "organization");

    REFUSED(qaward_cycle_set_verdict(ctx, c, 0, 0), QAWARD_EINVAL, "candidate A: verdict 0 is not a qaward_cycle_verdict");
    REFUSED(qaward_cycle_set_verdict(ctx, c, 0, QAWARD_CYCLE_INCOMPLETE + 1), QAWARD_EINVAL, "verdict 4");
    REFUSED(qaward_cycle_set_verdict(ctx, c, 5, QAWARD_CYCLE_ELIGIBLE), QAWARD_EINVAL, "5");
    REFUSED(qaward_cycle_set_stage_total(ctx, c, 0, "site", -1), QAWARD_ERANGE, "candidate A: stage site total -1 is negative");
    assert_int_equal(qaward_cycle_set_stage_total(ctx, c, 0, "site", 100), 0);
    assert_int_equal(qaward_cycle_set_stage_total(ctx, c, 0, "site", 200), 0); /* replaced */
    assert_int_equal(qaward_cycle_set_stage_total(ctx, c, 1, "site", 300), 0); /* interned name reused */
    static const int32_t bad_votes[][5] = {{-1, 0, 0, 5, 9}, {0, -1, 0, 5, 9}, {0, 0, -1, 5, 9}, {0, 0, 0, -1, 9},
                                           {0, 0, 0, 5, 0}};
    for (size_t i = 0; i < 5; i++)
        REFUSED(qaward_cycle_set_vote(ctx, c, 0, bad_votes[i][0], bad_votes[i][1], bad_votes[i][2], bad_votes[i][3],
                                      bad_votes[i][4]),
                QAWARD_ERANGE, "candidate A: vote counts must be >= 0 and members > 0");
    REFUSED(qaward_cycle_set_vote(ctx, c, 0, 3, 2, 1, 5, 9), QAWARD_ERANGE,
            "vote for 3 + against 2 + abstain 1 exceeds 5 present");
    REFUSED(qaward_cycle_set_vote(ctx, c, 0, 3, 0, 0, 10, 9), QAWARD_ERANGE, "vote: 10 present exceeds 9 members");

    /* results before a run */
    int64_t v;
    assert_int_equal(qaward_cycle_is_run(c), 0);
    assert_int_equal(qaward_cycle_bucket_count(c), 0);
    assert_int_equal(qaward_cycle_bucket_get(NULL, NULL, NULL, NULL, NULL, NULL, c, 0), QAWARD_ESTATE);
    assert_int_equal(qaward_cycle_prize_total(c), 0);
    assert_null(qaward_cycle_candidate_level(c, 0));
    assert_int_equal(qaward_cycle_candidate_composite(&v, c, 2), QAWARD_EINVAL);
    REFUSED(qaward_cycle_finalise(ctx, c, NULL), QAWARD_EINVAL, "qaward_cycle_finalise: no store");
    qaward_store st;
    assert_int_equal(qaward_store_init(&st, QAWARD_STORE_VERSION), 0);
    REFUSED(qaward_cycle_finalise(ctx, c, &st), QAWARD_EINVAL, "the store needs begin_fn");
    st.version = 99;
    REFUSED(qaward_cycle_finalise(ctx, c, &st), QAWARD_EVERSION, "store version 99 is not supported");
    REFUSED(qaward_cycle_run(ctx, c, &st), QAWARD_EVERSION, "store version 99");
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    assert_int_equal(qaward_memstore_as_store(&st, ms), 0);
    REFUSED(qaward_cycle_finalise(ctx, c, &st), QAWARD_ESTATE, "cycle c1: not run (call qaward_cycle_run first)");

    /* after a run: ranges */
    assert_int_equal(qaward_cycle_set_verdict(ctx, c, 0, QAWARD_CYCLE_ELIGIBLE), 0);
    assert_int_equal(qaward_cycle_set_verdict(ctx, c, 1, QAWARD_CYCLE_ELIGIBLE), 0);
    assert_int_equal(qaward_cycle_set_composite(ctx, c, 0, 85000), 0);
    assert_int_equal(qaward_cycle_set_composite(ctx, c, 1, 86000), 0);
    assert_int_equal(qaward_cycle_run(ctx, c, &st), 0);
    assert_int_equal(qaward_cycle_is_run(c), 1);
    size_t nb = qaward_cycle_bucket_count(c);
    assert_true(nb > 0);
    assert_int_equal(qaward_cycle_bucket_get(NULL, NULL, NULL, NULL, NULL, NULL, c, nb), QAWARD_EINVAL);
    const char *level = NULL;
    int32_t max = -1;
    assert_int_equal(qaward_cycle_bucket_get(&level, &max, NULL, NULL, NULL, NULL, c, 0), 0);
    assert_non_null(level);
    assert_true(max >= 0);
    assert_int_equal(qaward_cycle_candidate_composite(&v, c, 1), 0);
    assert_int_equal(v, 86000);
    assert_int_equal(qaward_cycle_candidate_rank(c, 1), 1);
    assert_int_equal(qaward_cycle_candidate_rank(c, 0), 2);
    assert_int_equal(qaward_cycle_candidate_rank(c, 2), 0);
    assert_int_equal(qaward_cycle_candidate_prize(c, 2), 0);
    assert_int_equal(qaward_cycle_candidate_reason_count(c, 2), 0);
    assert_null(qaward_cycle_candidate_reason_rule(c, 0, 0));
    assert_null(qaward_cycle_candidate_reason_message(c, 0, 0, QAWARD_LANG_EN));
    assert_int_equal(qaward_cycle_candidate_has_subject(c, 0), 0);
    assert_int_equal(qaward_cycle_candidate_has_subject(c, 7), 0);
    assert_int_equal(qaward_cycle_candidate_verdict(c, 7), QAWARD_CYCLE_UNSET);
    char *out;
    REFUSED(qaward_cycle_report(&out, ctx, c, 7, QAWARD_LANG_EN, 0), QAWARD_EINVAL, "");
    REFUSED(qaward_cycle_report(&out, ctx, c, QAWARD_REPORT_TEXT, 7, 0), QAWARD_EINVAL, "");
    qaward_memstore_free(ms);
    qaward_cycle_free(c);
    qaward_review_rules_free(r);
    qaward_policy_free(p);
    qaward_ctx_free(ctx);
}

/* Dates: each component out of range, on both sides. */
static void r1_dates_each_component_out_of_range(void **state)
{
    (void)state;
    static const qaward_date bad[] = {0, -20250101, 101, 100000101, 20250001, 20251301, 20250100, 20250132,
                                      20250230, 20230229, 99991232};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(qaward_date_valid(bad[i]), 0);
        char b[QAWARD_DATE_STRLEN];
        assert_int_equal(qaward_date_format(b, bad[i]), QAWARD_EINVAL);
        int32_t n;
        assert_int_equal(qaward_date_diff_days(&n, bad[i], 20250101), QAWARD_EINVAL);
        assert_int_equal(qaward_date_diff_days(&n, 20250101, bad[i]), QAWARD_EINVAL);
        assert_int_equal(qaward_date_in_window(bad[i], 20250101, 1), 0);
        assert_int_equal(qaward_date_in_window(20250101, bad[i], 1), 0);
    }
    assert_int_equal(qaward_date_valid(20240229), 1);
    assert_int_equal(qaward_date_valid(99991231), 1);
    assert_int_equal(qaward_date_valid(10101), 1);
    assert_int_equal(qaward_date_in_window(20250101, 20240101, -1), 0);
    qaward_date d;
    assert_int_equal(qaward_date_make(&d, 2025, 0, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_date_make(&d, 2025, 13, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_date_make(&d, 2025, 2, 0), QAWARD_EINVAL);
    assert_int_equal(qaward_date_make(&d, 2025, 2, 29), QAWARD_EINVAL);
    assert_int_equal(qaward_date_make(&d, 2024, 2, 29), 0);
    assert_int_equal(d, 20240229);
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    REFUSED(qaward_date_parse(&d, ctx, "2025-00-10"), QAWARD_EINVAL, "2025-00-10");
    REFUSED(qaward_date_parse(&d, ctx, "2025-02-30"), QAWARD_EINVAL, "2025-02-30");
    assert_int_equal(qaward_date_add_days(&d, 10101, -1), QAWARD_ERANGE);
    qaward_ctx_free(ctx);
}

/* Scheme, scores and procedure getters: the last valid index answers, the
 * next one gives the documented neutral value or EINVAL naming the call. */
static void scoring_and_procedure_getters_index_boundaries(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    qaward_scheme *sch;
    assert_int_equal(qaward_scheme_builtin(&sch, ctx, "gbt19580-2012"), 0);
    size_t ni = qaward_scheme_item_count(sch), nc = qaward_scheme_category_count(sch);
    assert_true(ni > 0 && nc > 0);
    assert_non_null(qaward_scheme_item_id(sch, ni - 1));
    assert_null(qaward_scheme_item_id(sch, ni));
    assert_non_null(qaward_scheme_item_name(sch, ni - 1, "en"));
    assert_non_null(qaward_scheme_item_name(sch, ni - 1, "zh"));
    assert_non_null(qaward_scheme_item_name(sch, ni - 1, NULL));
    assert_null(qaward_scheme_item_name(sch, ni, "en"));
    assert_true(qaward_scheme_item_points(sch, ni - 1) > 0);
    assert_int_equal(qaward_scheme_item_kind(sch, ni), 0);
    assert_true(qaward_scheme_item_category(sch, ni - 1) < nc);
    assert_int_equal(qaward_scheme_item_category(sch, ni), (size_t)-1);
    assert_non_null(qaward_scheme_category_id(sch, nc - 1));
    assert_null(qaward_scheme_category_id(sch, nc));
    assert_string_equal(qaward_scheme_category_name(sch, 0, "en"), "Leadership");
    assert_true(strcmp(qaward_scheme_category_name(sch, 0, "zh"), "Leadership") != 0);
    assert_null(qaward_scheme_category_name(sch, nc, "en"));
    assert_true(qaward_scheme_category_points(sch, nc - 1) > 0);
    assert_int_equal(qaward_scheme_category_points(sch, nc), -1);

    size_t len;
    char *text = read_src("data/examples/sheets-2025.json", &len);
    qaward_sheets *sh;
    assert_int_equal(qaward_sheets_load_json(&sh, ctx, sch, text, len), 0);
    free(text);
    qaward_review_rules *rules;
    assert_int_equal(qaward_review_rules_builtin(&rules, ctx, "jian-2025-example"), 0);
    qaward_score_options o;
    qaward_score_options_init(&o, QAWARD_SCORE_OPTIONS_VERSION);
    assert_int_equal(qaward_score_options_from_rules(&o, ctx, rules), 0);
    qaward_scores *sc;
    assert_int_equal(qaward_scores_compute(&sc, ctx, sh, &o), 0);
    size_t n = qaward_scores_count(sc);
    assert_true(n > 0);
    assert_non_null(qaward_scores_applicant(sc, n - 1));
    assert_null(qaward_scores_applicant(sc, n));
    assert_non_null(qaward_scores_stage(sc, n - 1));
    assert_null(qaward_scores_stage(sc, n));
    assert_int_equal(qaward_scores_role(sc, n), 0);
    int64_t v, pr, rs, tot;
    assert_int_equal(qaward_scores_item(&v, ctx, sc, n - 1, ni - 1), 0);
    REFUSED(qaward_scores_item(&v, ctx, sc, n, 0), QAWARD_EINVAL, "qaward_scores_item: NULL argument or index out of range");
    REFUSED(qaward_scores_item(&v, ctx, sc, 0, ni), QAWARD_EINVAL, "qaward_scores_item:");
    int sp = -1, fl = -1;
    assert_int_equal(qaward_scores_item_spread(&sp, &fl, ctx, sc, n - 1, ni - 1), 0);
    assert_true(sp >= 0 && sp <= 100 && (fl == 0 || fl == 1));
    REFUSED(qaward_scores_item_spread(&sp, &fl, ctx, sc, n, 0), QAWARD_EINVAL, "qaward_scores_item_spread:");
    REFUSED(qaward_scores_item_spread(&sp, &fl, ctx, sc, 0, ni), QAWARD_EINVAL, "qaward_scores_item_spread:");
    assert_int_equal(qaward_scores_category(&v, ctx, sc, n - 1, nc - 1), 0);
    REFUSED(qaward_scores_category(&v, ctx, sc, n, 0), QAWARD_EINVAL, "qaward_scores_category:");
    REFUSED(qaward_scores_category(&v, ctx, sc, 0, nc), QAWARD_EINVAL, "qaward_scores_category:");
    assert_int_equal(qaward_scores_totals(&pr, &rs, &tot, ctx, sc, n - 1), 0);
    assert_int_equal(pr + rs, tot);
    assert_int_equal(qaward_scores_totals(NULL, NULL, NULL, ctx, sc, 0), 0);
    REFUSED(qaward_scores_totals(&pr, &rs, &tot, ctx, sc, n), QAWARD_EINVAL, "qaward_scores_totals:");
    size_t at;
    REFUSED(qaward_scores_find(&at, ctx, sc, "ORG-001", "nope", QAWARD_ROLE_ASSESSOR), QAWARD_ENOTFOUND,
            "no panel scores for applicant ORG-001 at stage nope");
    REFUSED(qaward_scores_find(&at, ctx, sc, "ORG-404", qaward_scores_stage(sc, 0), QAWARD_ROLE_SELF), QAWARD_ENOTFOUND,
            "no self-assessment scores for applicant ORG-404");
    qaward_scores_free(sc);
    qaward_sheets_free(sh);
    qaward_review_rules_free(rules);
    qaward_scheme_free(sch);

    qaward_procedure *p;
    assert_int_equal(qaward_procedure_builtin(&p, ctx, "jian-2023"), 0);
    size_t nn = qaward_procedure_notice_count(p), ns = qaward_procedure_stage_count(p);
    assert_true(nn > 0 && ns > 0);
    assert_true(qaward_procedure_notice_min_days(p, nn - 1) > 0);
    assert_int_equal(qaward_procedure_notice_min_days(p, nn), -1);
    assert_non_null(qaward_procedure_notice_citation(p, nn - 1, QAWARD_LANG_EN));
    assert_null(qaward_procedure_notice_citation(p, nn, QAWARD_LANG_ZH));
    assert_null(qaward_procedure_notice_kind(p, nn));
    assert_non_null(qaward_procedure_stage_name(p, ns - 1, QAWARD_LANG_EN));
    assert_null(qaward_procedure_stage_name(p, ns, QAWARD_LANG_EN));
    assert_null(qaward_procedure_stage_id(p, ns));
    assert_string_equal(qaward_procedure_id(p), "jian-2023");
    assert_string_equal(qaward_procedure_id(NULL), "");
    assert_string_equal(qaward_procedure_calendar_name(NULL), "");
    assert_true(qaward_procedure_calendar_name(p)[0] != 0);
    int ok = -1;
    int32_t wd = -1;
    qaward_calendar *cal;
    assert_int_equal(qaward_calendar_builtin(&cal, ctx, "cn-2023-2026"), 0);
    REFUSED(qaward_notice_check(&ok, &wd, ctx, p, cal, "no-such-notice", 20250901, 20250910), QAWARD_ENOTFOUND,
            "no-such-notice");
    assert_int_equal(qaward_notice_check(&ok, NULL, ctx, p, cal, qaward_procedure_notice_kind(p, 0), 20250901,
                                         20250930), 0);
    assert_int_equal(ok, 1);
    qaward_calendar_free(cal);
    qaward_procedure_free(p);
    qaward_ctx_free(ctx);
}

/* Art. 13 timeline setters: empty strings, impossible dates and out-of-range
 * values are refused naming the applicant, objection or value; nothing is added. */
static void art13_timeline_setters_refuse_bad_values(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    assert_int_equal(qaward_ctx_new(&ctx, NULL), 0);
    qaward_procedure *p;
    qaward_calendar *cal;
    qaward_timeline *t;
    assert_int_equal(qaward_procedure_builtin(&p, ctx, "jian-2023"), 0);
    assert_int_equal(qaward_calendar_builtin(&cal, ctx, "cn-2023-2026"), 0);
    assert_int_equal(qaward_timeline_new(&t, ctx, p, cal), 0);
    REFUSED(qaward_timeline_add_applicant(t, ctx, "", "N", "organization", 20250301), QAWARD_EINVAL,
            "timeline: applicant id, name and kind are required");
    REFUSED(qaward_timeline_add_applicant(t, ctx, "A", "", "organization", 20250301), QAWARD_EINVAL,
            "applicant id, name and kind are required");
    REFUSED(qaward_timeline_add_applicant(t, ctx, "A", "N", "organization", 20250229), QAWARD_EINVAL,
            "applicant \"A\": invalid declaration date");
    assert_null(qaward_timeline_stage(t, "A"));
    assert_int_equal(qaward_timeline_add_applicant(t, ctx, "A", "N", "organization", 20250301), 0);
    assert_non_null(qaward_timeline_stage(t, "A"));
    REFUSED(qaward_timeline_add_field(t, ctx, "A", "", "v", 0), QAWARD_EINVAL, "");
    REFUSED(qaward_timeline_set_qualification(t, ctx, "A", 3), QAWARD_EINVAL,
            "qualification 3: expected 0 (unknown), 1 (passed) or 2 (failed)");
    REFUSED(qaward_timeline_set_qualification(t, ctx, "A", -1), QAWARD_EINVAL, "qualification -1");
    REFUSED(qaward_timeline_set_site_review(t, ctx, "A", 20250230, 20250302), QAWARD_EINVAL,
            "applicant \"A\": invalid site-review date");
    REFUSED(qaward_timeline_set_site_review(t, ctx, "A", 20250301, 20250332), QAWARD_EINVAL, "invalid site-review date");
    const char *ids[] = {"A"};
    REFUSED(qaward_timeline_add_notice(t, ctx, qaward_procedure_notice_kind(p, 0), 20250230, 20250305, ids, 1),
            QAWARD_EINVAL, "");
    REFUSED(qaward_timeline_add_notice(t, ctx, qaward_procedure_notice_kind(p, 0), 20250301, 20250230, ids, 1),
            QAWARD_EINVAL, "");
    qaward_refusal *r;
    assert_int_equal(qaward_refusal_new(&r, ctx, "N"), 0);
    REFUSED(qaward_timeline_refuse(t, ctx, "A", 20250231, r), QAWARD_EINVAL, "applicant A: invalid refusal date");
    REFUSED(qaward_timeline_refuse(t, ctx, NULL, 20250231, r), QAWARD_EINVAL, "applicant ?: invalid refusal date");
    REFUSED(qaward_timeline_drop(t, ctx, "A", 20250231, "withdrew"), QAWARD_EINVAL, "applicant A: invalid date");
    REFUSED(qaward_timeline_drop(t, ctx, NULL, 20250231, "withdrew"), QAWARD_EINVAL, "applicant ?: invalid date");
    REFUSED(qaward_timeline_drop(t, ctx, "A", 20250310, ""), QAWARD_EINVAL, "timeline drop: a reason is required");
    REFUSED(qaward_timeline_objection_resolve(t, ctx, "O1", 20250231, 0, "unfounded"), QAWARD_EINVAL,
            "objection O1: invalid date");
    REFUSED(qaward_timeline_objection_resolve(t, ctx, "O1", 20250310, 0, ""), QAWARD_EINVAL,
            "objection resolve: id and reason are required");
    REFUSED(qaward_timeline_objection_resolve(t, ctx, "O1", 20250310, 0, "unfounded"), QAWARD_ENOTFOUND, "O1");
    assert_int_equal(qaward_timeline_open_objections(t, "A"), 0);
    assert_int_equal(qaward_timeline_open_objections(t, "B"), 0);
    qaward_refusal_free(r);
    qaward_timeline_free(t);
    qaward_calendar_free(cal);
    qaward_procedure_free(p);
    qaward_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mutations_policy),     cmocka_unit_test(mutations_review_rules),
        cmocka_unit_test(mutations_scheme),     cmocka_unit_test(mutations_sheets),
        cmocka_unit_test(mutations_subjects),   cmocka_unit_test(mutations_history),
        cmocka_unit_test(mutations_calendar),   cmocka_unit_test(mutations_procedure),
        cmocka_unit_test(mutations_timeline),   cmocka_unit_test(mutations_cycle),
        cmocka_unit_test(null_handles_never_crash), cmocka_unit_test(getters_unknown_ids_and_ranges),
        cmocka_unit_test(subject_setters_refuse_bad_values), cmocka_unit_test(cycle_setters_refuse_bad_values),
        cmocka_unit_test(r1_dates_each_component_out_of_range),
        cmocka_unit_test(scoring_and_procedure_getters_index_boundaries),
        cmocka_unit_test(art13_timeline_setters_refuse_bad_values),
    };
    (void)oom_run;
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    fprintf(stderr, "edges: %ld mutated documents loaded, %ld accepted, %ld refused with a documented error\n", n_loads,
            n_ok, n_err);
    return rc;
}

/* scoring at the JSON edge: schemes (qaward-scheme/1), sheets
 * (qaward-sheets/1), review rules (qaward-review-rules/1) in; scores and
 * composites out as JSON and zh/en text. Formats: docs/scoring.md,
 * docs/review-rules.md, docs/schema/. */
#include "scoring_internal.h"
#include <stdio.h>
#include "embedded.h"
#include "json.h"

/* ------------------------------------------------------------ shared bits */

static int read_text(qaward_ctx *ctx, const qaward_allocator *a, const qj_value *obj, const char *path,
                     const char *key, int required, qa_text *out)
{
    const qj_value *t;
    int rc = qj_read_object(ctx, obj, path, key, required, &t);
    if (rc)
        return rc < 0 ? rc : QAWARD_OK;
    qj_path p;
    qj_path_key(&p, path, key);
    static const char *const keys[] = {"zh", "en", NULL};
    const char *zh = NULL, *en = NULL;
    if ((rc = qj_only_keys(ctx, t, p.s, keys)) != 0 ||
        (rc = qj_read_str(ctx, t, p.s, "zh", 1, 1, &zh)) < 0 || (rc = qj_read_str(ctx, t, p.s, "en", 0, 1, &en)) < 0)
        return rc;
    out->zh = qa_astrdup(a, zh);
    out->en = en ? qa_astrdup(a, en) : NULL;
    if (!out->zh || (en && !out->en))
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    return QAWARD_OK;
}

static int read_format(qaward_ctx *ctx, const qj_value *root, const char *want)
{
    const char *f;
    int rc = qj_read_str(ctx, root, "$", "format", 1, 1, &f);
    if (rc)
        return rc;
    if (strcmp(f, want) != 0) {
        const qj_value *v = qj_get(root, "format");
        return qa_error(ctx, QAWARD_ESCHEMA, "$.format: expected \"%s\", found \"%s\" (line %u, column %u)", want,
                        f, (unsigned)v->line, (unsigned)v->col);
    }
    return QAWARD_OK;
}

static int dup_str(qaward_ctx *ctx, const qaward_allocator *a, const char *s, char **out)
{
    *out = s ? qa_astrdup(a, s) : NULL;
    if (s && !*out)
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    return QAWARD_OK;
}

/* ---------------------------------------------------------------- schemes */

static const char *const item_kinds[] = {"", "process", "results", NULL};

static int load_scheme(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *arg)
{
    qaward_scheme *s = *obj;
    const qj_value *root = qj_root(doc);
    QA_UNUSED(arg);
    static const char *const top[] = {"format", "id", "title", "example", "note", "source", "total",
                                      "parts", "step", "categories", NULL};
    static const char *const ckeys[] = {"id", "name", "points", "kind", "items", NULL};
    static const char *const ikeys[] = {"id", "name", "points", "kind", NULL};
    static const char *const pkeys[] = {"process", "results", NULL};
    int rc;
    const char *id, *note = NULL;
    const qj_value *cats, *parts = NULL;
    int64_t total, step;
    if ((rc = qj_expect(ctx, root, QJ_OBJECT, "$")) || (rc = qj_only_keys(ctx, root, "$", top)) ||
        (rc = read_format(ctx, root, "qaward-scheme/1")) || (rc = qj_read_str(ctx, root, "$", "id", 1, 1, &id)) ||
        (rc = dup_str(ctx, &s->alloc, id, &s->id)) ||
        (rc = read_text(ctx, &s->alloc, root, "$", "title", 1, &s->title)) ||
        (rc = qj_read_bool(ctx, root, "$", "example", 0, &s->example)) < 0 ||
        (rc = qj_read_str(ctx, root, "$", "note", 0, 0, &note)) < 0 || (rc = dup_str(ctx, &s->alloc, note, &s->note)) ||
        (rc = qj_read_int(ctx, root, "$", "total", 1, 1, 1000000, &total)) ||
        (rc = qj_read_int(ctx, root, "$", "step", 1, 1, 100, &step)) ||
        (rc = qj_read_object(ctx, root, "$", "parts", 0, &parts)) < 0 ||
        (rc = qj_read_array(ctx, root, "$", "categories", 1, &cats)))
        return rc;
    const char *src;
    if ((rc = qj_read_str(ctx, root, "$", "source", 0, 0, &src)) < 0)
        return rc;
    s->total = total;
    s->step = (int)step;
    s->parts[QAWARD_ITEM_PROCESS] = s->parts[QAWARD_ITEM_RESULTS] = -1;
    if (parts) {
        if ((rc = qj_only_keys(ctx, parts, "$.parts", pkeys)) ||
            (rc = qj_read_int(ctx, parts, "$.parts", "process", 1, 0, 1000000, &s->parts[QAWARD_ITEM_PROCESS])) ||
            (rc = qj_read_int(ctx, parts, "$.parts", "results", 1, 0, 1000000, &s->parts[QAWARD_ITEM_RESULTS])))
            return rc;
        if (s->parts[1] + s->parts[2] != total)
            return qa_error(ctx, QAWARD_ERANGE, "$.parts: process %lld + results %lld is not the total %lld",
                            (long long)s->parts[1], (long long)s->parts[2], (long long)total);
    }
    size_t ni = 0;
    for (size_t c = 0; c < cats->len; c++) {
        const qj_value *items = qj_get(&cats->items[c], "items");
        if (items && items->type == QJ_ARRAY)
            ni += items->len;
    }
    s->cats = qa_acalloc(&s->alloc, cats->len ? cats->len : 1, sizeof *s->cats);
    s->items = qa_acalloc(&s->alloc, ni ? ni : 1, sizeof *s->items);
    if (!s->cats || !s->items)
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    for (size_t c = 0; c < cats->len; c++) {
        qj_path cp;
        qj_path_index(&cp, "$.categories", c);
        const qj_value *cv = &cats->items[c];
        qa_category *cat = &s->cats[c];
        const qj_value *items;
        int ckind = 0;
        if ((rc = qj_expect(ctx, cv, QJ_OBJECT, cp.s)) || (rc = qj_only_keys(ctx, cv, cp.s, ckeys)) ||
            (rc = qj_read_str(ctx, cv, cp.s, "id", 1, 1, &id)) || (rc = dup_str(ctx, &s->alloc, id, &cat->id)))
            return rc;
        s->n_cats = c + 1;
        if ((rc = read_text(ctx, &s->alloc, cv, cp.s, "name", 1, &cat->name)) ||
            (rc = qj_read_int(ctx, cv, cp.s, "points", 1, 1, 1000000, &cat->points)) ||
            (rc = qj_read_enum(ctx, cv, cp.s, "kind", 0, item_kinds, &ckind)) < 0 ||
            (rc = qj_read_array(ctx, cv, cp.s, "items", 1, &items)))
            return rc;
        cat->first = s->n_items;
        cat->count = items->len;
        for (size_t i = 0; i < items->len; i++) {
            qj_path ip;
            char base[300];
            snprintf(base, sizeof base, "%s.items", cp.s);
            qj_path_index(&ip, base, i);
            const qj_value *iv = &items->items[i];
            qa_item *it = &s->items[s->n_items];
            int ikind = ckind;
            if ((rc = qj_expect(ctx, iv, QJ_OBJECT, ip.s)) || (rc = qj_only_keys(ctx, iv, ip.s, ikeys)) ||
                (rc = qj_read_str(ctx, iv, ip.s, "id", 1, 1, &id)) || (rc = dup_str(ctx, &s->alloc, id, &it->id)))
                return rc;
            s->n_items++;
            if ((rc = read_text(ctx, &s->alloc, iv, ip.s, "name", 1, &it->name)) ||
                (rc = qj_read_int(ctx, iv, ip.s, "points", 1, 1, 1000000, &it->points)) ||
                (rc = qj_read_enum(ctx, iv, ip.s, "kind", 0, item_kinds, &ikind)) < 0)
                return rc;
            if (ikind < QAWARD_ITEM_PROCESS)
                return qa_error(ctx, QAWARD_ESCHEMA, "%s: item %s has no kind (set \"kind\" on it or its category)",
                                ip.s, it->id);
            it->kind = ikind;
            it->category = c;
        }
    }
    return qa_scheme_check(ctx, s);
}

static void release_scheme(void *s) { qaward_scheme_free(s); }

static const qj_loader scheme_loader = {"scheme", NULL, sizeof(qaward_scheme), offsetof(qaward_scheme, alloc),
                                        load_scheme, release_scheme, "scheme"};

int qaward_scheme_load_json(qaward_scheme **out, qaward_ctx *ctx, const char *json, size_t len)
{
    if (out)
        *out = NULL; /* on every failure, as the other loaders */
    if (!out || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scheme_load_json: NULL argument");
    void *s;
    int rc = qj_load(&s, ctx, json, len, &scheme_loader, NULL);
    *out = s;
    return rc;
}

int qaward_scheme_builtin(qaward_scheme **out, qaward_ctx *ctx, const char *name)
{
    if (!out || !ctx || !name)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scheme_builtin: NULL argument");
    *out = NULL;
    const qa_embedded *e = qa_embedded_find("scheme", name);
    if (!e)
        return qa_error(ctx, QAWARD_ENOTFOUND, "no built-in scheme \"%s\"", name);
    return qaward_scheme_load_json(out, ctx, e->data, e->len);
}

/* ----------------------------------------------------------------- sheets */

static const char *const roles[] = {"", "assessor", "self", "consensus", NULL};

static int load_sheets(qaward_sheets *s, qaward_ctx *ctx, const qj_value *root)
{
    static const char *const top[] = {"format", "scheme", "note", "applicants", "sheets", NULL};
    static const char *const akeys[] = {"id", "kind", "name", NULL};
    static const char *const skeys[] = {"applicant", "stage", "assessor", "role", "scores", NULL};
    static const char *const ikeys[] = {"item", "pct", "comment", NULL};
    int rc;
    const char *scheme = NULL, *note;
    const qj_value *apps = NULL, *sheets;
    if ((rc = qj_expect(ctx, root, QJ_OBJECT, "$")) || (rc = qj_only_keys(ctx, root, "$", top)) ||
        (rc = read_format(ctx, root, "qaward-sheets/1")) ||
        (rc = qj_read_str(ctx, root, "$", "scheme", 0, 1, &scheme)) < 0 ||
        (rc = qj_read_str(ctx, root, "$", "note", 0, 0, &note)) < 0 ||
        (rc = qj_read_array(ctx, root, "$", "applicants", 0, &apps)) < 0 ||
        (rc = qj_read_array(ctx, root, "$", "sheets", 1, &sheets)))
        return rc;
    if (scheme && strcmp(scheme, s->scheme->id) != 0) {
        const qj_value *v = qj_get(root, "scheme");
        return qa_error(ctx, QAWARD_ESCHEMA, "$.scheme: the sheets are on \"%s\", not on scheme %s (line %u, column %u)",
                        scheme, s->scheme->id, (unsigned)v->line, (unsigned)v->col);
    }
    for (size_t i = 0; apps && i < apps->len; i++) {
        qj_path p;
        qj_path_index(&p, "$.applicants", i);
        const qj_value *v = &apps->items[i];
        const char *id, *kind, *name;
        if ((rc = qj_expect(ctx, v, QJ_OBJECT, p.s)) || (rc = qj_only_keys(ctx, v, p.s, akeys)) ||
            (rc = qj_read_str(ctx, v, p.s, "id", 1, 1, &id)) || (rc = qj_read_str(ctx, v, p.s, "kind", 1, 1, &kind)) ||
            (rc = qj_read_str(ctx, v, p.s, "name", 0, 0, &name)) < 0)
            return rc;
        if ((rc = qaward_sheets_set_kind(ctx, s, id, kind)) != 0)
            return qa_error_prefix(ctx, "%s", p.s);
    }
    for (size_t i = 0; i < sheets->len; i++) {
        qj_path p;
        qj_path_index(&p, "$.sheets", i);
        const qj_value *v = &sheets->items[i], *scores;
        const char *app, *stage = NULL, *assessor = NULL;
        int role = QAWARD_ROLE_ASSESSOR;
        if ((rc = qj_expect(ctx, v, QJ_OBJECT, p.s)) || (rc = qj_only_keys(ctx, v, p.s, skeys)) ||
            (rc = qj_read_str(ctx, v, p.s, "applicant", 1, 1, &app)) ||
            (rc = qj_read_enum(ctx, v, p.s, "role", 0, roles, &role)) < 0 ||
            (rc = qj_read_str(ctx, v, p.s, "stage", role != QAWARD_ROLE_SELF, 1, &stage)) < 0 ||
            (rc = qj_read_str(ctx, v, p.s, "assessor", role == QAWARD_ROLE_ASSESSOR, 1, &assessor)) < 0 ||
            (rc = qj_read_array(ctx, v, p.s, "scores", 1, &scores)))
            return rc;
        if (role < QAWARD_ROLE_ASSESSOR)
            return qa_error(ctx, QAWARD_ESCHEMA, "%s.role: must be assessor, self or consensus", p.s);
        /* Art. 13(二): the applicant's own self-assessment against the standard */
        if (!stage)
            stage = "self";
        if (!assessor)
            assessor = role == QAWARD_ROLE_SELF ? "self" : "consensus";
        size_t idx;
        if ((rc = qaward_sheets_add(&idx, ctx, s, app, stage, assessor, role)) != 0)
            return qa_error_prefix(ctx, "%s", p.s);
        for (size_t k = 0; k < scores->len; k++) {
            qj_path q;
            char base[300];
            snprintf(base, sizeof base, "%s.scores", p.s);
            qj_path_index(&q, base, k);
            const qj_value *e = &scores->items[k];
            const char *item, *comment = NULL;
            int64_t pct;
            if ((rc = qj_expect(ctx, e, QJ_OBJECT, q.s)) || (rc = qj_only_keys(ctx, e, q.s, ikeys)) ||
                (rc = qj_read_str(ctx, e, q.s, "item", 1, 1, &item)) ||
                (rc = qj_read_int(ctx, e, q.s, "pct", 1, INT32_MIN, INT32_MAX, &pct)) ||
                (rc = qj_read_str(ctx, e, q.s, "comment", 0, 0, &comment)) < 0)
                return rc;
            /* sheets usually list items in scheme order: try position k first */
            const qaward_scheme *sch = s->scheme;
            if (k < sch->n_items && strcmp(sch->items[k].id, item) == 0)
                rc = qa_sheets_set_item(ctx, s, idx, k, (int)pct, comment);
            else
                rc = qaward_sheets_set(ctx, s, idx, item, (int)pct, comment);
            if (rc != 0) {
                const qj_value *pv = qj_get(e, "pct");
                return qa_error_prefix(ctx, "%s (line %u, column %u)", q.s, (unsigned)pv->line, (unsigned)pv->col);
            }
        }
    }
    return qaward_sheets_validate(ctx, s);
}

/* The "sheets" prefix goes on reading errors only, not on those of
 * qaward_sheets_new. */
static int build_sheets(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *scheme)
{
    qaward_sheets *s;
    int rc = qaward_sheets_new(&s, ctx, scheme);
    if (rc)
        return rc;
    *obj = s;
    if ((rc = load_sheets(s, ctx, qj_root(doc))))
        qa_error_prefix(ctx, "sheets");
    return rc;
}

static void release_sheets(void *s) { qaward_sheets_free(s); }

static const qj_loader sheets_loader = {"sheets", NULL, 0, 0, build_sheets, release_sheets, NULL};

int qaward_sheets_load_json(qaward_sheets **out, qaward_ctx *ctx, const qaward_scheme *scheme, const char *json,
                            size_t len)
{
    if (out)
        *out = NULL; /* on every failure, as the other loaders */
    if (!out || !ctx || !scheme || !json)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_load_json: NULL argument");
    void *s;
    int rc = qj_load(&s, ctx, json, len, &sheets_loader, scheme);
    *out = s;
    return rc;
}

int qaward_sheets_scheme_name(char **out, qaward_ctx *ctx, const char *json, size_t len)
{
    if (!out || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_scheme_name: NULL argument");
    *out = NULL;
    qj_doc *doc;
    int rc = qj_parse(&doc, ctx, json, len, "sheets");
    if (rc)
        return rc;
    const char *name = NULL;
    const qj_value *root = qj_root(doc);
    if (!(rc = qj_expect(ctx, root, QJ_OBJECT, "$")) && !(rc = qj_read_str(ctx, root, "$", "scheme", 1, 1, &name))) {
        *out = qa_strdup(ctx, name);
        rc = *out ? QAWARD_OK : QAWARD_ENOMEM;
    }
    qj_free(doc);
    if (rc)
        return qa_error_prefix(ctx, "sheets");
    qa_ok(ctx);
    return QAWARD_OK;
}

/* ----------------------------------------------------------- review rules */

static const char *const agg_names[] = {"", "mean", "median", "trimmed_mean", "consensus", NULL};

static int read_fraction(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int64_t *num,
                         int64_t *den, int *strict)
{
    static const char *const fkeys[] = {"num", "den", NULL};
    static const char *const fkeys_strict[] = {"num", "den", "strict", NULL};
    const qj_value *f;
    int rc = qj_read_object(ctx, obj, path, key, 0, &f);
    if (rc)
        return rc;
    qj_path p;
    qj_path_key(&p, path, key);
    if ((rc = qj_only_keys(ctx, f, p.s, strict ? fkeys_strict : fkeys)) ||
        (rc = qj_read_int(ctx, f, p.s, "num", 1, 0, 1000000, num)) ||
        (rc = qj_read_int(ctx, f, p.s, "den", 1, 1, 1000000, den)))
        return rc;
    if (*num > *den)
        return qa_error(ctx, QAWARD_ERANGE, "%s: %lld/%lld is above 1 (line %u, column %u)", p.s, (long long)*num,
                        (long long)*den, (unsigned)f->line, (unsigned)f->col);
    if (strict && (rc = qj_read_bool(ctx, f, p.s, "strict", 1, strict)))
        return rc;
    return QAWARD_OK;
}

static int load_rules(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *arg)
{
    qaward_review_rules *r = *obj;
    const qj_value *root = qj_root(doc);
    QA_UNUSED(arg);
    static const char *const top[] = {"format", "id", "example", "note", "policy", "cycle", "kinds", "aggregation",
                                      "spread_threshold_pct", "tie_break", "vote", NULL};
    static const char *const kkeys[] = {"id", "scheme", "stages", "min_composite", NULL};
    static const char *const stkeys[] = {"id", "weight_permille", "gate", "pass_mark", NULL};
    static const char *const akeys[] = {"method", "min_assessors", NULL};
    static const char *const vkeys[] = {"quorum", "pass", "backfill", NULL};
    int rc;
    const char *id, *note = NULL, *policy = NULL;
    const qj_value *kinds = NULL, *agg = NULL, *tie = NULL, *vote = NULL;
    int64_t cycle, spread;
    r->min_assessors = -1;
    r->spread_threshold = -1;
    if ((rc = qj_expect(ctx, root, QJ_OBJECT, "$")) || (rc = qj_only_keys(ctx, root, "$", top)) ||
        (rc = read_format(ctx, root, "qaward-review-rules/1")) ||
        (rc = qj_read_str(ctx, root, "$", "id", 1, 1, &id)) || (rc = dup_str(ctx, &r->alloc, id, &r->id)) ||
        (rc = qj_read_bool(ctx, root, "$", "example", 0, &r->example)) < 0 ||
        (rc = qj_read_str(ctx, root, "$", "note", 0, 0, &note)) < 0 || (rc = dup_str(ctx, &r->alloc, note, &r->note)) ||
        (rc = qj_read_str(ctx, root, "$", "policy", 0, 1, &policy)) < 0 ||
        (rc = dup_str(ctx, &r->alloc, policy, &r->policy)) ||
        (rc = qj_read_int(ctx, root, "$", "cycle", 0, 1, 9999, &cycle)) < 0 ||
        (rc = qj_read_array(ctx, root, "$", "kinds", 0, &kinds)) < 0 ||
        (rc = qj_read_object(ctx, root, "$", "aggregation", 0, &agg)) < 0 ||
        (rc = qj_read_int(ctx, root, "$", "spread_threshold_pct", 0, 0, 100, &spread)) < 0 ||
        (rc = qj_read_array(ctx, root, "$", "tie_break", 0, &tie)) < 0 ||
        (rc = qj_read_object(ctx, root, "$", "vote", 0, &vote)) < 0)
        return rc;
    if (qj_get(root, "spread_threshold_pct"))
        r->spread_threshold = (int)spread;
    if (kinds) {
        r->kinds = qa_acalloc(&r->alloc, kinds->len ? kinds->len : 1, sizeof *r->kinds);
        if (!r->kinds)
            return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        for (size_t i = 0; i < kinds->len; i++) {
            qj_path p;
            qj_path_index(&p, "$.kinds", i);
            const qj_value *kv = &kinds->items[i], *stages = NULL, *mins = NULL;
            qa_kind_rule *k = &r->kinds[i];
            const char *scheme = NULL;
            if ((rc = qj_expect(ctx, kv, QJ_OBJECT, p.s)) || (rc = qj_only_keys(ctx, kv, p.s, kkeys)) ||
                (rc = qj_read_str(ctx, kv, p.s, "id", 1, 1, &id)) || (rc = dup_str(ctx, &r->alloc, id, &k->id)))
                return rc;
            r->n_kinds = i + 1;
            if ((rc = qj_read_str(ctx, kv, p.s, "scheme", 0, 1, &scheme)) < 0 ||
                (rc = dup_str(ctx, &r->alloc, scheme, &k->scheme)) ||
                (rc = qj_read_array(ctx, kv, p.s, "stages", 0, &stages)) < 0 ||
                (rc = qj_read_object(ctx, kv, p.s, "min_composite", 0, &mins)) < 0)
                return rc;
            if (stages) {
                k->stages_set = 1;
                k->stages = qa_acalloc(&r->alloc, stages->len ? stages->len : 1, sizeof *k->stages);
                if (!k->stages)
                    return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
                for (size_t s = 0; s < stages->len; s++) {
                    qj_path sp;
                    char base[300];
                    snprintf(base, sizeof base, "%s.stages", p.s);
                    qj_path_index(&sp, base, s);
                    const qj_value *sv = &stages->items[s];
                    qa_stage_rule *st = &k->stages[s];
                    st->weight = st->pass_mark = -1;
                    if ((rc = qj_expect(ctx, sv, QJ_OBJECT, sp.s)) || (rc = qj_only_keys(ctx, sv, sp.s, stkeys)) ||
                        (rc = qj_read_str(ctx, sv, sp.s, "id", 1, 1, &id)) ||
                        (rc = dup_str(ctx, &r->alloc, id, &st->id)))
                        return rc;
                    k->n_stages = s + 1;
                    if ((rc = qj_read_int(ctx, sv, sp.s, "weight_permille", 0, 0, 1000, &st->weight)) < 0 ||
                        (rc = qj_read_bool(ctx, sv, sp.s, "gate", 0, &st->gate)) < 0 ||
                        (rc = qj_read_fixed2(ctx, sv, sp.s, "pass_mark", 0, 0, INT64_MAX / 1000, &st->pass_mark)) < 0)
                        return rc;
                    if (st->pass_mark >= 0 && !st->gate)
                        return qa_error(ctx, QAWARD_ESCHEMA, "%s.pass_mark: set on a stage that is not a gate", sp.s);
                }
            }
            if (mins) {
                qj_path mp;
                qj_path_key(&mp, p.s, "min_composite");
                k->mins = qa_acalloc(&r->alloc, mins->len ? mins->len : 1, sizeof *k->mins);
                if (!k->mins)
                    return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
                for (size_t m = 0; m < mins->len; m++) {
                    if ((rc = dup_str(ctx, &r->alloc, mins->keys[m], &k->mins[m].tier)))
                        return rc;
                    k->n_mins = m + 1;
                    if ((rc = qj_read_fixed2(ctx, mins, mp.s, mins->keys[m], 1, 0, INT64_MAX / 1000,
                                             &k->mins[m].min)))
                        return rc;
                }
            }
        }
    }
    if (agg) {
        int method = 0;
        if ((rc = qj_only_keys(ctx, agg, "$.aggregation", akeys)) ||
            (rc = qj_read_enum(ctx, agg, "$.aggregation", "method", 0, agg_names, &method)) < 0 ||
            (rc = qj_read_int(ctx, agg, "$.aggregation", "min_assessors", 0, 1, 255, &r->min_assessors)) < 0)
            return rc;
        if (!qj_get(agg, "min_assessors"))
            r->min_assessors = -1;
        if (qj_get(agg, "method") && method < QAWARD_AGG_MEAN)
            return qa_error(ctx, QAWARD_ESCHEMA, "$.aggregation.method: must be mean, median, trimmed_mean or consensus");
        r->aggregation = qj_get(agg, "method") ? method : 0;
    }
    if (tie) {
        r->tie_break_set = 1;
        r->tie_break = qa_acalloc(&r->alloc, tie->len ? tie->len : 1, sizeof *r->tie_break);
        if (!r->tie_break)
            return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        for (size_t t = 0; t < tie->len; t++) {
            qj_path tp;
            qj_path_index(&tp, "$.tie_break", t);
            if ((rc = qj_expect(ctx, &tie->items[t], QJ_STRING, tp.s)))
                return rc;
            if ((rc = dup_str(ctx, &r->alloc, tie->items[t].str, &r->tie_break[t])))
                return rc;
            r->n_tie_break = t + 1;
        }
    }
    if (vote) {
        int strict = 0;
        if ((rc = qj_only_keys(ctx, vote, "$.vote", vkeys)) ||
            (rc = read_fraction(ctx, vote, "$.vote", "quorum", &r->quorum_num, &r->quorum_den, NULL)) < 0 ||
            (rc = read_fraction(ctx, vote, "$.vote", "pass", &r->pass_num, &r->pass_den, &strict)) < 0 ||
            (rc = qj_read_bool(ctx, vote, "$.vote", "backfill", 0, &r->backfill)) < 0)
            return rc;
        r->quorum_set = qj_get(vote, "quorum") != NULL;
        r->pass_set = qj_get(vote, "pass") != NULL;
        r->pass_strict = strict;
        r->backfill_set = qj_get(vote, "backfill") != NULL;
    }
    return qa_review_rules_check(ctx, r);
}

static void release_rules(void *r) { qaward_review_rules_free(r); }

static const qj_loader rules_loader = {"review rules", NULL, sizeof(qaward_review_rules),
                                       offsetof(qaward_review_rules, alloc), load_rules, release_rules, "review rules"};

int qaward_review_rules_load_json(qaward_review_rules **out, qaward_ctx *ctx, const char *json, size_t len)
{
    if (out)
        *out = NULL; /* on every failure, as the other loaders */
    if (!out || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_load_json: NULL argument");
    void *r;
    int rc = qj_load(&r, ctx, json, len, &rules_loader, NULL);
    *out = r;
    return rc;
}

int qaward_review_rules_builtin(qaward_review_rules **out, qaward_ctx *ctx, const char *name)
{
    if (!out || !ctx || !name)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_builtin: NULL argument");
    *out = NULL;
    const qa_embedded *e = qa_embedded_find("review-rule", name);
    if (!e)
        return qa_error(ctx, QAWARD_ENOTFOUND, "no built-in review rules \"%s\"", name);
    return qaward_review_rules_load_json(out, ctx, e->data, e->len);
}

/* ---------------------------------------------------------------- results */

#define RANK_N 3

/* Items ordered by share of their points (score_i / points_i), strongest first
 * or weakest first; equal shares keep scheme order. */
static void rank_items(const qaward_scheme *sch, const int64_t *sc, size_t *order, int weakest_first)
{
    size_t n = sch->n_items;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = 1; i < n; i++) {
        size_t x = order[i], j = i;
        while (j > 0) {
            size_t y = order[j - 1];
            /* compare sc[x]/p[x] with sc[y]/p[y] by cross-multiplication */
            int64_t lx = sc[x] * sch->items[y].points, ly = sc[y] * sch->items[x].points;
            int before = weakest_first ? lx < ly : lx > ly;
            if (!before)
                break;
            order[j] = y;
            j--;
        }
        order[j] = x;
    }
}

static const char *agg_label(int m) { return m ? qa_aggregation_name(m) : NULL; }

static const char ROUNDING[] = "half away from zero to 0.01 point, at the item aggregation and the composite";

int qaward_scores_to_json(char **out, qaward_ctx *ctx, const qaward_scores *sc)
{
    if (!out || !ctx || !sc)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scores_to_json: NULL argument");
    const qaward_scheme *sch = sc->scheme;
    size_t order[256];
    if (sch->n_items > 256)
        return qa_error(ctx, QAWARD_ERANGE, "scheme %s: more than 256 items", sch->id);
    qj_writer w;
    qw_init(&w, &ctx->alloc, 0);
    qw_obj_begin(&w);
    qw_kstr(&w, "format", "qaward-scores/1");
    qw_kstr(&w, "scheme", sch->id);
    qw_kstr(&w, "aggregation", agg_label(sc->aggregation));
    qw_kstr(&w, "rounding", ROUNDING);
    qw_key(&w, "spread_threshold_pct");
    if (sc->spread_threshold >= 0)
        qw_int(&w, sc->spread_threshold);
    else
        qw_null(&w);
    qw_key(&w, "results");
    qw_arr_begin(&w);
    for (size_t g = 0; g < sc->n; g++) {
        const qa_group *gr = &sc->groups[g];
        const int64_t *it = sc->items + g * sch->n_items;
        const uint8_t *sp = sc->spread + g * sch->n_items;
        const int64_t *cats = sc->cats + g * sch->n_cats, *t = sc->totals + g * 3;
        qw_obj_begin(&w);
        qw_kstr(&w, "applicant", sc->sheets->applicants.s[gr->applicant]);
        qw_kstr(&w, "stage", sc->sheets->stages.s[gr->stage]);
        qw_kstr(&w, "role", gr->role == QAWARD_ROLE_SELF ? "self" : "panel");
        qw_kint(&w, "assessors", gr->n_assessors);
        qw_kbool(&w, "consensus", gr->consensus);
        qw_kfixed2(&w, "total", t[2]);
        qw_kfixed2(&w, "process", t[0]);
        qw_kfixed2(&w, "results", t[1]);
        qw_key(&w, "categories");
        qw_arr_begin(&w);
        for (size_t c = 0; c < sch->n_cats; c++) {
            qw_obj_begin(&w);
            qw_kstr(&w, "id", sch->cats[c].id);
            qw_kint(&w, "points", sch->cats[c].points);
            qw_kfixed2(&w, "score", cats[c]);
            /* share of the category's points, hundredths of a percent */
            qw_kfixed2(&w, "share_pct", qa_div_round(cats[c] * 100, sch->cats[c].points));
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
        qw_key(&w, "items");
        qw_arr_begin(&w);
        for (size_t i = 0; i < sch->n_items; i++) {
            qw_obj_begin(&w);
            qw_kstr(&w, "id", sch->items[i].id);
            qw_kint(&w, "points", sch->items[i].points);
            qw_kfixed2(&w, "score", it[i]);
            qw_kint(&w, "spread_pct", sp[i]);
            qw_kbool(&w, "flagged", sc->spread_threshold >= 0 && sp[i] > sc->spread_threshold);
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
        for (int weak = 0; weak < 2; weak++) {
            rank_items(sch, it, order, weak);
            qw_key(&w, weak ? "weakest" : "strongest");
            qw_arr_begin(&w);
            for (size_t k = 0; k < RANK_N && k < sch->n_items; k++)
                qw_str(&w, sch->items[order[k]].id);
            qw_arr_end(&w);
        }
        qw_obj_end(&w);
    }
    qw_arr_end(&w);
    qw_obj_end(&w);
    return qw_finish_ctx(&w, out, ctx, "out of memory");
}

static void put_fixed2(qa_buf *b, int64_t v)
{
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    qa_buf_printf(b, "%s%llu.%02llu", v < 0 ? "-" : "", (unsigned long long)(a / 100), (unsigned long long)(a % 100));
}

int qaward_scores_to_text(char **out, qaward_ctx *ctx, const qaward_scores *sc, const char *lang)
{
    if (!out || !ctx || !sc)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scores_to_text: NULL argument");
    int zh = !lang || strcmp(lang, "en") != 0;
    const qaward_scheme *sch = sc->scheme;
    size_t order[256];
    if (sch->n_items > 256)
        return qa_error(ctx, QAWARD_ERANGE, "scheme %s: more than 256 items", sch->id);
    qa_buf b;
    qa_buf_init(&b, &ctx->alloc);
    for (size_t g = 0; g < sc->n; g++) {
        const qa_group *gr = &sc->groups[g];
        const int64_t *it = sc->items + g * sch->n_items;
        const uint8_t *sp = sc->spread + g * sch->n_items;
        const int64_t *cats = sc->cats + g * sch->n_cats, *t = sc->totals + g * 3;
        const char *app = sc->sheets->applicants.s[gr->applicant], *stage = sc->sheets->stages.s[gr->stage];
        if (g)
            qa_buf_puts(&b, "\n");
        if (gr->role == QAWARD_ROLE_SELF)
            qa_buf_printf(&b, zh ? "申报者 %s — 自我评价（%s）\n" : "Applicant %s — self-assessment (%s)\n", app,
                          sch->id);
        else
            qa_buf_printf(&b, zh ? "申报者 %s — 阶段 %s（%s，评审员 %u 人%s%s）\n"
                                 : "Applicant %s — stage %s (%s, %u assessors%s%s)\n",
                          app, stage, sch->id, (unsigned)gr->n_assessors, sc->aggregation ? ", " : "",
                          sc->aggregation ? qa_aggregation_name(sc->aggregation) : "");
        for (size_t c = 0; c < sch->n_cats; c++) {
            const qa_category *cat = &sch->cats[c];
            qa_buf_printf(&b, "  %-7s %s  ", cat->id, qa_text_get(&cat->name, zh ? "zh" : "en"));
            put_fixed2(&b, cats[c]);
            qa_buf_printf(&b, " / %lld  (", (long long)cat->points);
            put_fixed2(&b, qa_div_round(cats[c] * 100, cat->points));
            qa_buf_puts(&b, "%)\n");
            for (size_t i = cat->first; i < cat->first + cat->count; i++) {
                qa_buf_printf(&b, "    %-7s %s  ", sch->items[i].id, qa_text_get(&sch->items[i].name, zh ? "zh" : "en"));
                put_fixed2(&b, it[i]);
                qa_buf_printf(&b, " / %lld", (long long)sch->items[i].points);
                if (gr->n_assessors > 1)
                    qa_buf_printf(&b, zh ? "  极差 %d%%" : "  spread %d%%", sp[i]);
                if (sc->spread_threshold >= 0 && sp[i] > sc->spread_threshold)
                    qa_buf_puts(&b, zh ? "  ！需合议" : "  ! confer");
                qa_buf_puts(&b, "\n");
            }
        }
        qa_buf_puts(&b, zh ? "  过程 " : "  Process ");
        put_fixed2(&b, t[0]);
        qa_buf_printf(&b, " / %lld · %s", (long long)(sch->parts[1] >= 0 ? sch->parts[1] : 0), zh ? "结果 " : "Results ");
        put_fixed2(&b, t[1]);
        qa_buf_printf(&b, " / %lld · %s", (long long)(sch->parts[2] >= 0 ? sch->parts[2] : 0), zh ? "总分 " : "Total ");
        put_fixed2(&b, t[2]);
        qa_buf_printf(&b, " / %lld\n", (long long)sch->total);
        for (int weak = 0; weak < 2; weak++) {
            rank_items(sch, it, order, weak);
            qa_buf_puts(&b, weak ? (zh ? "  最弱：" : "  Weakest: ") : (zh ? "  最强：" : "  Strongest: "));
            for (size_t k = 0; k < RANK_N && k < sch->n_items; k++)
                qa_buf_printf(&b, "%s%s", k ? ", " : "", sch->items[order[k]].id);
            qa_buf_puts(&b, "\n");
        }
    }
    int rc = qa_buf_finish(&b, out, NULL);
    if (rc)
        return qa_error(ctx, rc, "out of memory");
    qa_ok(ctx);
    return QAWARD_OK;
}

/* ------------------------------------------------------------- composites */

static const char *status_name(int s)
{
    return s == QAWARD_COMPOSITE_OK ? "ok" : s == QAWARD_COMPOSITE_GATE_FAILED ? "gate_failed" : "incomplete";
}

int qaward_composites_to_json(char **out, qaward_ctx *ctx, const qaward_composites *c)
{
    if (!out || !ctx || !c)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_composites_to_json: NULL argument");
    qj_writer w;
    qw_init(&w, &ctx->alloc, 0);
    qw_obj_begin(&w);
    qw_kstr(&w, "format", "qaward-composites/1");
    qw_kstr(&w, "rules", qaward_review_rules_id(c->rules));
    qw_kbool(&w, "example_rules", c->rules->example);
    qw_kstr(&w, "rounding", ROUNDING);
    qw_key(&w, "composites");
    qw_arr_begin(&w);
    for (size_t i = 0; i < c->n; i++) {
        const qa_composite *it = &c->items[i];
        const qaward_scores *sc = c->sets[it->scores_set];
        const qa_kind_rule *k = qa_rules_kind(c->rules, it->kind);
        qw_obj_begin(&w);
        qw_kstr(&w, "applicant", sc->sheets->applicants.s[it->applicant]);
        qw_kstr(&w, "kind", it->kind);
        qw_kstr(&w, "scheme", sc->scheme->id);
        qw_kstr(&w, "status", status_name(it->status));
        qw_key(&w, "composite");
        if (it->status == QAWARD_COMPOSITE_OK)
            qw_fixed2(&w, it->composite);
        else
            qw_null(&w);
        if (it->failed_gate)
            qw_kstr(&w, "failed_gate", it->failed_gate);
        if (it->missing)
            qw_kstr(&w, "missing_stage", it->missing);
        qw_key(&w, "stages");
        qw_arr_begin(&w);
        for (size_t s = 0; k && s < k->n_stages; s++) {
            const qa_stage_rule *st = &k->stages[s];
            int64_t stx = qa_strtab_find(&sc->sheets->stages, st->id);
            int64_t g = stx < 0 ? -1 : qa_scores_find_group(sc, it->applicant, (uint32_t)stx, QAWARD_ROLE_ASSESSOR);
            qw_obj_begin(&w);
            qw_kstr(&w, "id", st->id);
            qw_kint(&w, "weight_permille", st->weight);
            qw_key(&w, "total");
            if (g >= 0)
                qw_fixed2(&w, sc->totals[(size_t)g * 3 + 2]);
            else
                qw_null(&w);
            if (st->gate) {
                qw_kfixed2(&w, "pass_mark", st->pass_mark);
                qw_key(&w, "passed");
                if (g >= 0)
                    qw_bool(&w, sc->totals[(size_t)g * 3 + 2] >= st->pass_mark);
                else
                    qw_null(&w);
            }
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
        qw_obj_end(&w);
    }
    qw_arr_end(&w);
    qw_obj_end(&w);
    return qw_finish_ctx(&w, out, ctx, "out of memory");
}

int qaward_composites_to_text(char **out, qaward_ctx *ctx, const qaward_composites *c, const char *lang)
{
    if (!out || !ctx || !c)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_composites_to_text: NULL argument");
    int zh = !lang || strcmp(lang, "en") != 0;
    qa_buf b;
    qa_buf_init(&b, &ctx->alloc);
    qa_buf_printf(&b, zh ? "综合评审得分（评审规则 %s%s）\n" : "Composite scores (review rules %s%s)\n",
                  qaward_review_rules_id(c->rules),
                  c->rules->example ? (zh ? "，示例值" : ", example values") : "");
    for (size_t i = 0; i < c->n; i++) {
        const qa_composite *it = &c->items[i];
        const qaward_scores *sc = c->sets[it->scores_set];
        const qa_kind_rule *k = qa_rules_kind(c->rules, it->kind);
        qa_buf_printf(&b, "  %-12s %-13s ", sc->sheets->applicants.s[it->applicant], it->kind);
        if (it->status == QAWARD_COMPOSITE_OK)
            put_fixed2(&b, it->composite);
        else if (it->status == QAWARD_COMPOSITE_GATE_FAILED)
            qa_buf_printf(&b, zh ? "未通过%s" : "failed %s", it->failed_gate);
        else
            qa_buf_printf(&b, zh ? "不完整：缺%s" : "incomplete: no %s", it->missing);
        qa_buf_puts(&b, "  [");
        for (size_t s = 0; k && s < k->n_stages; s++) {
            int64_t stx = qa_strtab_find(&sc->sheets->stages, k->stages[s].id);
            int64_t g = stx < 0 ? -1 : qa_scores_find_group(sc, it->applicant, (uint32_t)stx, QAWARD_ROLE_ASSESSOR);
            qa_buf_printf(&b, "%s%s ", s ? ", " : "", k->stages[s].id);
            if (g >= 0)
                put_fixed2(&b, sc->totals[(size_t)g * 3 + 2]);
            else
                qa_buf_puts(&b, "-");
        }
        qa_buf_puts(&b, "]\n");
    }
    int rc = qa_buf_finish(&b, out, NULL);
    if (rc)
        return qa_error(ctx, rc, "out of memory");
    qa_ok(ctx);
    return QAWARD_OK;
}

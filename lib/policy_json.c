/* policy JSON: the documented policy format (docs/policy.md) into a qaward_policy,
 * with strict validation naming the JSON path. */
#include "json.h"
#include "policy_int.h"
#include <stdio.h>

typedef struct pb {
    qaward_ctx *ctx;
    qaward_policy *p;
} pb;

static int oom(pb *b) { return qa_error(b->ctx, QAWARD_ENOMEM, "out of memory while loading the policy"); }

static void *aalloc(pb *b, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    return qa_arena_alloc(&b->p->arena, n * size);
}

static const char *adup(pb *b, const char *s) { return qa_arena_strdup(&b->p->arena, s); }

static int at(qaward_ctx *ctx, int code, const qj_value *v, const char *path, const char *fmt, const char *arg)
{
    char msg[300];
    snprintf(msg, sizeof msg, fmt, arg);
    return qa_error(ctx, code, "%s: %s (line %u, column %u)", path, msg, v ? (unsigned)v->line : 0u,
                    v ? (unsigned)v->col : 0u);
}

/* {"zh": "...", "en": "..."}; at least one of them. */
static int read_text(pb *b, const qj_value *obj, const char *path, const char *key, int required, qa_text *out)
{
    const qj_value *t;
    int rc = qj_read_object(b->ctx, obj, path, key, required, &t);
    if (rc)
        return rc < 0 ? rc : 0;
    qj_path tp;
    qj_path_key(&tp, path, key);
    static const char *const keys[] = {"zh", "en", NULL};
    if ((rc = qj_only_keys(b->ctx, t, tp.s, keys)))
        return rc;
    const char *zh = NULL, *en = NULL;
    if ((rc = qj_read_str(b->ctx, t, tp.s, "zh", 0, 1, &zh)) < 0 || (rc = qj_read_str(b->ctx, t, tp.s, "en", 0, 1, &en)) < 0)
        return rc;
    if (!zh && !en)
        return at(b->ctx, QAWARD_ESCHEMA, t, tp.s, "%sneeds \"zh\" or \"en\"", "");
    out->zh = zh ? adup(b, zh) : NULL;
    out->en = en ? adup(b, en) : NULL;
    if ((zh && !out->zh) || (en && !out->en))
        return oom(b);
    return 0;
}

static int read_id(pb *b, const qj_value *obj, const char *path, const char *key, const char **out)
{
    const char *s;
    int rc = qj_read_str(b->ctx, obj, path, key, 1, 1, &s);
    if (rc)
        return rc;
    if (strlen(s) > 100)
        return at(b->ctx, QAWARD_ERANGE, qj_get(obj, key), path, "%sid longer than 100 bytes", "");
    *out = adup(b, s);
    return *out ? 0 : oom(b);
}

/* Optional int with a default. */
static int read_int_def(pb *b, const qj_value *obj, const char *path, const char *key, int required, int64_t min,
                        int64_t max, int64_t def, int32_t *out)
{
    int64_t v = def;
    int rc = qj_read_int(b->ctx, obj, path, key, required, min, max, &v);
    if (rc < 0)
        return rc;
    *out = (int32_t)v;
    return 0;
}

static int read_bool_def(pb *b, const qj_value *obj, const char *path, const char *key, int def, int *out)
{
    int v = def;
    int rc = qj_read_bool(b->ctx, obj, path, key, 0, &v);
    if (rc < 0)
        return rc;
    *out = v;
    return 0;
}

/* An id member that must name an entry: returns its index via lookup. */
typedef int (*lookup_fn)(const qaward_policy *p, const char *id);
static int read_ref(pb *b, const qj_value *obj, const char *path, const char *key, int required, lookup_fn fn,
                    const char *what, int *out)
{
    const char *s = NULL;
    int rc = qj_read_str(b->ctx, obj, path, key, required, 1, &s);
    if (rc)
        return rc;
    int i = fn(b->p, s);
    if (i < 0) {
        qj_path kp;
        qj_path_key(&kp, path, key);
        char m[200];
        snprintf(m, sizeof m, "unknown %s \"%.60s\"", what, s);
        return at(b->ctx, QAWARD_ESCHEMA, qj_get(obj, key), kp.s, "%s", m);
    }
    *out = i;
    return 0;
}

/* Arrays of objects: check array, return element count. */
static int read_list(pb *b, const qj_value *obj, const char *path, const char *key, int required, size_t max,
                     const qj_value **out)
{
    int rc = qj_read_array(b->ctx, obj, path, key, required, out);
    if (rc)
        return rc;
    if ((*out)->len > max) {
        qj_path kp;
        qj_path_key(&kp, path, key);
        char m[64];
        snprintf(m, sizeof m, "more than %zu entries", max);
        return at(b->ctx, QAWARD_ERANGE, *out, kp.s, "%s", m);
    }
    return 0;
}

#define TRY(x)                                                                                                         \
    do {                                                                                                               \
        int rc_ = (x);                                                                                                 \
        if (rc_ < 0)                                                                                                   \
            return rc_;                                                                                                \
    } while (0)

static int check_dup(pb *b, const qj_value *v, const char *path, const char *id, const char *const *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return at(b->ctx, QAWARD_ESCHEMA, v, path, "duplicate id \"%.60s\"", id);
    return 0;
}

static int parse_scales(pb *b, const qj_value *root)
{
    const qj_value *arr;
    int rc = read_list(b, root, "$", "grade_scales", 0, 64, &arr);
    if (rc)
        return rc < 0 ? rc : 0;
    qaward_policy *p = b->p;
    p->scales = aalloc(b, arr->len, sizeof *p->scales);
    if (!p->scales && arr->len)
        return oom(b);
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip, gp;
        qj_path_index(&ip, "$.grade_scales", i);
        const qj_value *o = &arr->items[i];
        static const char *const keys[] = {"id", "grades", NULL};
        TRY(qj_only_keys(b->ctx, o, ip.s, keys));
        qa_scale *s = &p->scales[i];
        TRY(read_id(b, o, ip.s, "id", &s->id));
        for (size_t j = 0; j < i; j++)
            if (strcmp(p->scales[j].id, s->id) == 0)
                return at(b->ctx, QAWARD_ESCHEMA, o, ip.s, "duplicate grade scale id \"%.60s\"", s->id);
        const qj_value *g;
        TRY(read_list(b, o, ip.s, "grades", 1, 32, &g));
        qj_path_key(&gp, ip.s, "grades");
        if (g->len == 0)
            return at(b->ctx, QAWARD_ESCHEMA, g, gp.s, "%sa scale needs at least one grade", "");
        s->grades = aalloc(b, g->len, sizeof *s->grades);
        if (!s->grades)
            return oom(b);
        for (size_t j = 0; j < g->len; j++) {
            qj_path jp;
            qj_path_index(&jp, gp.s, j);
            if (g->items[j].type != QJ_STRING || g->items[j].len == 0)
                return at(b->ctx, QAWARD_ESCHEMA, &g->items[j], jp.s, "%sexpected a non-empty string", "");
            for (size_t k = 0; k < j; k++)
                if (strcmp(s->grades[k], g->items[j].str) == 0)
                    return at(b->ctx, QAWARD_ESCHEMA, &g->items[j], jp.s, "duplicate grade \"%.60s\"",
                              g->items[j].str);
            if (!(s->grades[j] = adup(b, g->items[j].str)))
                return oom(b);
        }
        s->n_grades = g->len;
        p->n_scales = i + 1;
    }
    return 0;
}

static int scale_lookup(const qaward_policy *p, const char *id)
{
    for (size_t i = 0; i < p->n_scales; i++)
        if (strcmp(p->scales[i].id, id) == 0)
            return (int)i;
    return -1;
}

static int parse_named_list(pb *b, const qj_value *root, const char *key, int which)
{
    const qj_value *arr;
    qaward_policy *p = b->p;
    int rc = read_list(b, root, "$", key, which == 2, 64, &arr);
    if (rc)
        return rc < 0 ? rc : 0;
    qj_path lp;
    qj_path_key(&lp, "$", key);
    if (which == 2 && arr->len == 0)
        return at(b->ctx, QAWARD_ESCHEMA, arr, lp.s, "%sat least one subject kind is needed", "");
    size_t n = arr->len;
    if (which == 0 && !(p->event_kinds = aalloc(b, n, sizeof *p->event_kinds)) && n)
        return oom(b);
    if (which == 1 && !(p->cert_types = aalloc(b, n, sizeof *p->cert_types)) && n)
        return oom(b);
    if (which == 2 && !(p->kinds = aalloc(b, n, sizeof *p->kinds)))
        return oom(b);
    const char **ids = aalloc(b, n, sizeof *ids);
    if (!ids && n)
        return oom(b);
    for (size_t i = 0; i < n; i++) {
        qj_path ip;
        qj_path_index(&ip, lp.s, i);
        const qj_value *o = &arr->items[i];
        static const char *const k_sc[] = {"id", "name", "scale", NULL};
        static const char *const k_kind[] = {"id", "name", "person", NULL};
        TRY(qj_only_keys(b->ctx, o, ip.s, which == 2 ? k_kind : k_sc));
        const char *id;
        qa_text name = {0};
        TRY(read_id(b, o, ip.s, "id", &id));
        TRY(check_dup(b, o, ip.s, id, ids, i));
        ids[i] = id;
        TRY(read_text(b, o, ip.s, "name", 0, &name));
        int scale = -1;
        if (which != 2) {
            const char *s = NULL;
            TRY(qj_read_str(b->ctx, o, ip.s, "scale", 0, 1, &s));
            if (s && (scale = scale_lookup(p, s)) < 0) {
                qj_path sp;
                qj_path_key(&sp, ip.s, "scale");
                return at(b->ctx, QAWARD_ESCHEMA, qj_get(o, "scale"), sp.s, "unknown grade scale \"%.60s\"", s);
            }
        }
        if (which == 0) {
            p->event_kinds[i] = (qa_event_kind){id, qa_hash(id), name, scale};
            p->n_event_kinds = i + 1;
        } else if (which == 1) {
            p->cert_types[i] = (qa_cert_type){id, qa_hash(id), name, scale};
            p->n_cert_types = i + 1;
        } else {
            int person = 0;
            TRY(read_bool_def(b, o, ip.s, "person", 0, &person));
            p->kinds[i] = (qa_kind){id, qa_hash(id), name, person};
            p->n_kinds = i + 1;
        }
    }
    return 0;
}

static int parse_levels(pb *b, const qj_value *root)
{
    const qj_value *arr;
    qaward_policy *p = b->p;
    TRY(read_list(b, root, "$", "levels", 1, 16, &arr));
    if (arr->len == 0)
        return at(b->ctx, QAWARD_ESCHEMA, arr, "$.levels", "%sat least one award level is needed", "");
    p->levels = aalloc(b, arr->len, sizeof *p->levels);
    const char **ids = aalloc(b, arr->len, sizeof *ids);
    if (!p->levels || !ids)
        return oom(b);
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.levels", i);
        const qj_value *o = &arr->items[i];
        static const char *const keys[] = {"id", "name", "honour_only", "main", "rewin", NULL};
        TRY(qj_only_keys(b->ctx, o, ip.s, keys));
        qa_level *l = &p->levels[i];
        TRY(read_id(b, o, ip.s, "id", &l->id));
        TRY(check_dup(b, o, ip.s, l->id, ids, i));
        ids[i] = l->id;
        TRY(read_text(b, o, ip.s, "name", 0, &l->name));
        l->rank = (int)i + 1;
        TRY(read_bool_def(b, o, ip.s, "honour_only", 0, &l->honour_only));
        TRY(read_bool_def(b, o, ip.s, "main", 0, &l->main));
        l->rewin_prize = 1;
        l->rewin_quota = 1;
        const qj_value *rw;
        int rc = qj_read_object(b->ctx, o, ip.s, "rewin", 0, &rw);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            qj_path rp;
            qj_path_key(&rp, ip.s, "rewin");
            static const char *const rk[] = {"prize", "quota", NULL};
            TRY(qj_only_keys(b->ctx, rw, rp.s, rk));
            TRY(qj_read_bool(b->ctx, rw, rp.s, "prize", 1, &l->rewin_prize));
            TRY(qj_read_bool(b->ctx, rw, rp.s, "quota", 1, &l->rewin_quota));
            if (!l->main)
                return at(b->ctx, QAWARD_ESCHEMA, rw, rp.s, "%sre-win rules need \"main\": true on the level", "");
        }
        p->n_levels = i + 1;
    }
    return 0;
}

static int parse_quotas(pb *b, const qj_value *root)
{
    const qj_value *arr;
    qaward_policy *p = b->p;
    TRY(read_list(b, root, "$", "quotas", 1, 256, &arr));
    size_t cells = p->n_levels * p->n_kinds;
    p->quotas = aalloc(b, arr->len, sizeof *p->quotas);
    p->quota_of = aalloc(b, cells, sizeof *p->quota_of);
    if ((!p->quotas && arr->len) || !p->quota_of)
        return oom(b);
    for (size_t c = 0; c < cells; c++)
        p->quota_of[c] = -1;
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip, kp;
        qj_path_index(&ip, "$.quotas", i);
        const qj_value *o = &arr->items[i];
        static const char *const keys[] = {"level", "kinds", "max", "citation", NULL};
        TRY(qj_only_keys(b->ctx, o, ip.s, keys));
        qa_quota *q = &p->quotas[i];
        TRY(read_ref(b, o, ip.s, "level", 1, qa_policy_level, "award level", &q->level));
        int64_t max;
        TRY(qj_read_int(b->ctx, o, ip.s, "max", 1, 0, 100000, &max));
        q->max = (int32_t)max;
        TRY(read_text(b, o, ip.s, "citation", 0, &q->citation));
        const qj_value *ks;
        TRY(read_list(b, o, ip.s, "kinds", 1, 64, &ks));
        qj_path_key(&kp, ip.s, "kinds");
        if (ks->len == 0)
            return at(b->ctx, QAWARD_ESCHEMA, ks, kp.s, "%sa quota needs at least one kind", "");
        q->kinds = aalloc(b, ks->len, sizeof *q->kinds);
        if (!q->kinds)
            return oom(b);
        for (size_t k = 0; k < ks->len; k++) {
            qj_path jp;
            qj_path_index(&jp, kp.s, k);
            const qj_value *v = &ks->items[k];
            if (v->type != QJ_STRING)
                return at(b->ctx, QAWARD_ESCHEMA, v, jp.s, "%sexpected a subject kind id", "");
            int ki = qa_policy_kind(p, v->str);
            if (ki < 0)
                return at(b->ctx, QAWARD_ESCHEMA, v, jp.s, "unknown subject kind \"%.60s\"", v->str);
            int *cell = &p->quota_of[(size_t)q->level * p->n_kinds + (size_t)ki];
            if (*cell >= 0) {
                char m[200];
                snprintf(m, sizeof m, "level \"%s\" and kind \"%s\" already have a quota", p->levels[q->level].id,
                         v->str);
                return at(b->ctx, QAWARD_ERANGE, v, jp.s, "%s", m);
            }
            *cell = (int)i;
            q->kinds[k] = ki;
        }
        q->n_kinds = ks->len;
        p->n_quotas = i + 1;
    }
    for (size_t l = 0; l < p->n_levels; l++)
        for (size_t k = 0; k < p->n_kinds; k++)
            if (p->quota_of[l * p->n_kinds + k] < 0) {
                char m[200];
                snprintf(m, sizeof m, "no quota for level \"%s\" and kind \"%s\"", p->levels[l].id, p->kinds[k].id);
                return at(b->ctx, QAWARD_ERANGE, arr, "$.quotas", "%s", m);
            }
    return 0;
}

static int parse_prizes(pb *b, const qj_value *root)
{
    qaward_policy *p = b->p;
    const qj_value *o, *arr;
    TRY(qj_read_object(b->ctx, root, "$", "prizes", 1, &o));
    static const char *const keys[] = {"citation", "table", NULL};
    TRY(qj_only_keys(b->ctx, o, "$.prizes", keys));
    TRY(read_text(b, o, "$.prizes", "citation", 0, &p->prize_citation));
    TRY(read_list(b, o, "$.prizes", "table", 1, 1024, &arr));
    size_t cells = p->n_levels * p->n_kinds;
    p->prize_fen = aalloc(b, cells, sizeof *p->prize_fen);
    unsigned char *seen = aalloc(b, cells, 1);
    if (!p->prize_fen || !seen)
        return oom(b);
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.prizes.table", i);
        const qj_value *e = &arr->items[i];
        static const char *const ek[] = {"level", "kind", "fen", NULL};
        TRY(qj_only_keys(b->ctx, e, ip.s, ek));
        int li, ki;
        int64_t fen;
        TRY(read_ref(b, e, ip.s, "level", 1, qa_policy_level, "award level", &li));
        TRY(read_ref(b, e, ip.s, "kind", 1, qa_policy_kind, "subject kind", &ki));
        TRY(qj_read_int(b->ctx, e, ip.s, "fen", 1, 0, INT64_C(100000000000000), &fen));
        size_t c = (size_t)li * p->n_kinds + (size_t)ki;
        if (seen[c])
            return at(b->ctx, QAWARD_ERANGE, e, ip.s, "%sduplicate prize for this level and kind", "");
        if (p->levels[li].honour_only && fen != 0) {
            char m[160];
            snprintf(m, sizeof m, "level \"%s\" is honour-only: its prize must be 0", p->levels[li].id);
            return at(b->ctx, QAWARD_ERANGE, qj_get(e, "fen"), ip.s, "%s", m);
        }
        seen[c] = 1;
        p->prize_fen[c] = fen;
    }
    for (size_t l = 0; l < p->n_levels; l++)
        for (size_t k = 0; k < p->n_kinds; k++)
            if (!p->levels[l].honour_only && !seen[l * p->n_kinds + k]) {
                char m[200];
                snprintf(m, sizeof m, "no prize for level \"%s\" and kind \"%s\" (levels without money need "
                         "\"honour_only\": true)", p->levels[l].id, p->kinds[k].id);
                return at(b->ctx, QAWARD_ERANGE, arr, "$.prizes.table", "%s", m);
            }
    return 0;
}

static const char *const cond_types[] = {"attestation", "flag", "region", "years_since", "certificate_held",
                                         "certificate_level", "profit_years", "no_event", NULL};
static const char *const fact_names[] = {"registration_date", "excellence_model_since", "quality_work_since",
                                         "legal_person", "for_profit", NULL};
static const char *const on_names[] = {"self", "employer", NULL};
static const char *const applies_names[] = {"all", "for_profit", "non_profit", NULL};

static int parse_events(pb *b, const qj_value *o, const char *path, qa_cond *c)
{
    const qj_value *arr;
    qj_path ap;
    TRY(read_list(b, o, path, "events", 1, 64, &arr));
    qj_path_key(&ap, path, "events");
    if (arr->len == 0)
        return at(b->ctx, QAWARD_ESCHEMA, arr, ap.s, "%sat least one disqualifying event is needed", "");
    c->events = aalloc(b, arr->len, sizeof *c->events);
    if (!c->events)
        return oom(b);
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, ap.s, i);
        const qj_value *e = &arr->items[i];
        static const char *const keys[] = {"kind", "min_grade", "any_death", NULL};
        TRY(qj_only_keys(b->ctx, e, ip.s, keys));
        qa_event_rule *r = &c->events[i];
        TRY(read_ref(b, e, ip.s, "kind", 1, qa_policy_event_kind, "event kind", &r->kind));
        r->min_grade = -1;
        const char *g = NULL;
        TRY(qj_read_str(b->ctx, e, ip.s, "min_grade", 0, 1, &g));
        if (g) {
            int sc = b->p->event_kinds[r->kind].scale;
            qj_path gp;
            qj_path_key(&gp, ip.s, "min_grade");
            if (sc < 0)
                return at(b->ctx, QAWARD_ESCHEMA, qj_get(e, "min_grade"), gp.s, "event kind \"%s\" has no grade scale",
                          b->p->event_kinds[r->kind].id);
            if ((r->min_grade = qa_scale_grade(&b->p->scales[sc], g)) < 0)
                return at(b->ctx, QAWARD_ESCHEMA, qj_get(e, "min_grade"), gp.s, "unknown grade \"%.60s\"", g);
        }
        TRY(read_bool_def(b, e, ip.s, "any_death", 0, &r->any_death));
        if (!g && r->any_death)
            r->min_grade = QA_GRADE_NONE; /* R18: only fatal events of this kind disqualify */
    }
    c->n_events = arr->len;
    return 0;
}

static int parse_cond(pb *b, const qj_value *o, const char *path, qa_cond *c, const char **ids, size_t n_ids)
{
    static const char *const keys[] = {"id", "type", "citation", "title", "on", "applies_to", "attestation", "fact",
                                       "years", "look_back_years", "certificates", "certificate", "at_least",
                                       "events", NULL};
    TRY(qj_only_keys(b->ctx, o, path, keys));
    TRY(read_id(b, o, path, "id", &c->id));
    TRY(check_dup(b, o, path, c->id, ids, n_ids));
    int t, on = 0, ap = 0, fact = -1;
    TRY(qj_read_enum(b->ctx, o, path, "type", 1, cond_types, &t));
    c->type = (qa_cond_type)t;
    TRY(read_text(b, o, path, "citation", 1, &c->citation));
    TRY(read_text(b, o, path, "title", 0, &c->title));
    TRY(qj_read_enum(b->ctx, o, path, "on", 0, on_names, &on));
    TRY(qj_read_enum(b->ctx, o, path, "applies_to", 0, applies_names, &ap));
    c->on = (qa_cond_on)on;
    c->applies = (qa_applies)ap;
    /* Which parameters each type takes; anything else is rejected by name. */
    static const char *const need[QA_COND__COUNT][5] = {
        [QA_COND_ATTESTATION] = {"attestation"},
        [QA_COND_FLAG] = {"fact"},
        [QA_COND_REGION] = {0},
        [QA_COND_YEARS_SINCE] = {"fact", "years"},
        [QA_COND_CERT_HELD] = {"certificates", "years"},
        [QA_COND_CERT_LEVEL] = {"certificate", "at_least"},
        [QA_COND_PROFIT_YEARS] = {"years"},
        [QA_COND_NO_EVENT] = {"events", "look_back_years"},
    };
    static const char *const params[] = {"attestation", "fact", "years", "look_back_years", "certificates",
                                         "certificate", "at_least", "events", NULL};
    for (const char *const *k = params; *k; k++) {
        const qj_value *v = qj_get(o, *k);
        int wanted = 0;
        for (int j = 0; j < 5 && need[t][j]; j++)
            if (strcmp(need[t][j], *k) == 0)
                wanted = 1;
        qj_path kp;
        qj_path_key(&kp, path, *k);
        if (v && !wanted) {
            char m[160];
            snprintf(m, sizeof m, "not a parameter of a \"%s\" condition", cond_types[t]);
            return at(b->ctx, QAWARD_ESCHEMA, v, kp.s, "%s", m);
        }
        if (!v && wanted && strcmp(*k, "look_back_years") != 0)
            return qa_error(b->ctx, QAWARD_ESCHEMA, "%s: required field is missing", kp.s);
    }
    switch (c->type) {
    case QA_COND_ATTESTATION: {
        const char *a;
        TRY(qj_read_str(b->ctx, o, path, "attestation", 1, 1, &a));
        if (!(c->attestation = adup(b, a)))
            return oom(b);
        c->attestation_h = qa_hash(a);
        break;
    }
    case QA_COND_FLAG:
    case QA_COND_YEARS_SINCE: {
        TRY(qj_read_enum(b->ctx, o, path, "fact", 1, fact_names, &fact));
        int is_flag = fact == QA_FACT_LEGAL_PERSON || fact == QA_FACT_FOR_PROFIT;
        if (is_flag != (c->type == QA_COND_FLAG)) {
            qj_path kp;
            qj_path_key(&kp, path, "fact");
            return at(b->ctx, QAWARD_ESCHEMA, qj_get(o, "fact"), kp.s, "\"%s\" is not a fact of that type",
                      fact_names[fact]);
        }
        c->fact = (qa_fact)fact;
        if (c->type == QA_COND_YEARS_SINCE)
            TRY(read_int_def(b, o, path, "years", 1, 0, 200, 0, &c->years));
        break;
    }
    case QA_COND_REGION:
        break;
    case QA_COND_CERT_HELD: {
        const qj_value *arr;
        qj_path ap;
        TRY(read_list(b, o, path, "certificates", 1, 64, &arr));
        qj_path_key(&ap, path, "certificates");
        if (arr->len == 0)
            return at(b->ctx, QAWARD_ESCHEMA, arr, ap.s, "%sat least one certificate type is needed", "");
        c->cert_types = aalloc(b, arr->len, sizeof *c->cert_types);
        if (!c->cert_types)
            return oom(b);
        for (size_t i = 0; i < arr->len; i++) {
            qj_path ip;
            qj_path_index(&ip, ap.s, i);
            const qj_value *v = &arr->items[i];
            if (v->type != QJ_STRING)
                return at(b->ctx, QAWARD_ESCHEMA, v, ip.s, "%sexpected a certificate type id", "");
            if ((c->cert_types[i] = qa_policy_cert_type(b->p, v->str)) < 0)
                return at(b->ctx, QAWARD_ESCHEMA, v, ip.s, "unknown certificate type \"%.60s\"", v->str);
        }
        c->n_cert_types = arr->len;
        TRY(read_int_def(b, o, path, "years", 1, 0, 200, 0, &c->years));
        break;
    }
    case QA_COND_CERT_LEVEL: {
        int ct;
        TRY(read_ref(b, o, path, "certificate", 1, qa_policy_cert_type, "certificate type", &ct));
        c->cert_types = aalloc(b, 1, sizeof *c->cert_types);
        if (!c->cert_types)
            return oom(b);
        c->cert_types[0] = ct;
        c->n_cert_types = 1;
        int sc = b->p->cert_types[ct].scale;
        const char *g;
        TRY(qj_read_str(b->ctx, o, path, "at_least", 1, 1, &g));
        qj_path gp;
        qj_path_key(&gp, path, "at_least");
        if (sc < 0)
            return at(b->ctx, QAWARD_ESCHEMA, qj_get(o, "at_least"), gp.s, "certificate type \"%s\" has no level scale",
                      b->p->cert_types[ct].id);
        if ((c->min_level = qa_scale_grade(&b->p->scales[sc], g)) < 0)
            return at(b->ctx, QAWARD_ESCHEMA, qj_get(o, "at_least"), gp.s, "unknown level \"%.60s\"", g);
        break;
    }
    case QA_COND_PROFIT_YEARS:
        TRY(read_int_def(b, o, path, "years", 1, 1, 50, 0, &c->years));
        break;
    case QA_COND_NO_EVENT:
        TRY(read_int_def(b, o, path, "look_back_years", 0, 1, 200, 0, &c->years));
        TRY(parse_events(b, o, path, c));
        break;
    default:
        break;
    }
    return 0;
}

static int parse_eligibility(pb *b, const qj_value *root)
{
    qaward_policy *p = b->p;
    const qj_value *o;
    TRY(qj_read_object(b->ctx, root, "$", "eligibility", 1, &o));
    p->conds = aalloc(b, p->n_kinds, sizeof *p->conds);
    p->n_conds = aalloc(b, p->n_kinds, sizeof *p->n_conds);
    if (!p->conds || !p->n_conds)
        return oom(b);
    for (size_t i = 0; i < o->len; i++) {
        qj_path kp;
        qj_path_key(&kp, "$.eligibility", o->keys[i]);
        if (qa_policy_kind(p, o->keys[i]) < 0)
            return at(b->ctx, QAWARD_ESCHEMA, &o->items[i], kp.s, "unknown subject kind \"%.60s\"", o->keys[i]);
    }
    for (size_t k = 0; k < p->n_kinds; k++) {
        qj_path kp;
        qj_path_key(&kp, "$.eligibility", p->kinds[k].id);
        const qj_value *arr;
        TRY(read_list(b, o, "$.eligibility", p->kinds[k].id, 1, 256, &arr));
        p->conds[k] = aalloc(b, arr->len, sizeof **p->conds);
        const char **ids = aalloc(b, arr->len + p->n_waits + p->n_sanctions, sizeof *ids);
        if ((!p->conds[k] && arr->len) || !ids)
            return oom(b);
        for (size_t i = 0; i < arr->len; i++) {
            qj_path ip;
            qj_path_index(&ip, kp.s, i);
            qa_cond *c = &p->conds[k][i];
            TRY(parse_cond(b, &arr->items[i], ip.s, c, ids, i));
            ids[i] = c->id;
            if (c->on == QA_ON_EMPLOYER && !p->kinds[k].person)
                return at(b->ctx, QAWARD_ESCHEMA, &arr->items[i], ip.s,
                          "\"on\": \"employer\" needs a subject kind with \"person\": true (kind \"%s\")",
                          p->kinds[k].id);
            p->n_conds[k] = i + 1;
        }
        /* The table of distinct attestation ids (bound subjects index it). */
        for (size_t i = 0; i < arr->len; i++) {
            qa_cond *c = &p->conds[k][i];
            if (c->type != QA_COND_ATTESTATION)
                continue;
            size_t a = 0;
            while (a < p->n_attest_ids && strcmp(p->attest_ids[a], c->attestation) != 0)
                a++;
            if (a == p->n_attest_ids) {
                if (a % 16 == 0) {
                    const char **ni = aalloc(b, a + 16, sizeof *ni);
                    uint64_t *nh = aalloc(b, a + 16, sizeof *nh);
                    if (!ni || !nh)
                        return oom(b);
                    if (a) {
                        memcpy(ni, p->attest_ids, a * sizeof *ni);
                        memcpy(nh, p->attest_h, a * sizeof *nh);
                    }
                    p->attest_ids = ni;
                    p->attest_h = nh;
                }
                p->attest_ids[a] = c->attestation;
                p->attest_h[a] = c->attestation_h;
                p->n_attest_ids++;
            }
            c->attest_idx = (int)a;
        }
        /* Rule ids are unique across conditions, waits and bans of a kind. */
        for (size_t w = 0; w < p->n_waits; w++)
            TRY(check_dup(b, arr, kp.s, p->waits[w].id, ids, arr->len));
        for (size_t s = 0; s < p->n_sanctions; s++)
            TRY(check_dup(b, arr, kp.s, p->sanctions[s].rule_id, ids, arr->len));
    }
    return 0;
}

static const char *const unit_names[] = {"years", "cycles", NULL};
static const char *const count_names[] = {"exclude_award_year", "include_award_year", "from_date", NULL};

static int parse_waits(pb *b, const qj_value *root)
{
    qaward_policy *p = b->p;
    const qj_value *arr;
    int rc = read_list(b, root, "$", "waits", 0, 64, &arr);
    if (rc)
        return rc < 0 ? rc : 0;
    p->waits = aalloc(b, arr->len, sizeof *p->waits);
    const char **ids = aalloc(b, arr->len, sizeof *ids);
    if ((!p->waits || !ids) && arr->len)
        return oom(b);
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.waits", i);
        const qj_value *o = &arr->items[i];
        static const char *const keys[] = {"id", "level", "length", "unit", "count", "revoked_counts", "citation", NULL};
        TRY(qj_only_keys(b->ctx, o, ip.s, keys));
        qa_wait *w = &p->waits[i];
        int u = 0, c = 0;
        TRY(read_id(b, o, ip.s, "id", &w->id));
        TRY(check_dup(b, o, ip.s, w->id, ids, i));
        ids[i] = w->id;
        TRY(read_ref(b, o, ip.s, "level", 1, qa_policy_level, "award level", &w->level));
        TRY(read_int_def(b, o, ip.s, "length", 1, 1, 100, 0, &w->length));
        TRY(qj_read_enum(b->ctx, o, ip.s, "unit", 1, unit_names, &u));
        TRY(qj_read_enum(b->ctx, o, ip.s, "count", 1, count_names, &c));
        w->unit = (qa_unit)u;
        w->count = (qa_count)c;
        TRY(read_bool_def(b, o, ip.s, "revoked_counts", 1, &w->revoked_counts));
        TRY(read_text(b, o, ip.s, "citation", 1, &w->citation));
        p->n_waits = i + 1;
    }
    return 0;
}

static int parse_sanctions(pb *b, const qj_value *root)
{
    qaward_policy *p = b->p;
    const qj_value *arr;
    int rc = read_list(b, root, "$", "sanctions", 0, 64, &arr);
    if (rc)
        return rc < 0 ? rc : 0;
    p->sanctions = aalloc(b, arr->len, sizeof *p->sanctions);
    const char **ids = aalloc(b, arr->len * 2, sizeof *ids);
    if ((!p->sanctions || !ids) && arr->len)
        return oom(b);
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.sanctions", i);
        const qj_value *o = &arr->items[i];
        static const char *const keys[] = {"kind", "rule_id", "name", "citation", "ban", "revokes", "public",
                                           "incident_window_years", NULL};
        TRY(qj_only_keys(b->ctx, o, ip.s, keys));
        qa_sanction *s = &p->sanctions[i];
        TRY(read_id(b, o, ip.s, "kind", &s->kind));
        TRY(read_id(b, o, ip.s, "rule_id", &s->rule_id));
        TRY(check_dup(b, o, ip.s, s->kind, ids, i));
        ids[i] = s->kind;
        for (size_t j = 0; j < i; j++)
            if (strcmp(p->sanctions[j].rule_id, s->rule_id) == 0)
                return at(b->ctx, QAWARD_ESCHEMA, o, ip.s, "duplicate rule_id \"%.60s\"", s->rule_id);
        for (size_t w = 0; w < p->n_waits; w++)
            if (strcmp(p->waits[w].id, s->rule_id) == 0)
                return at(b->ctx, QAWARD_ESCHEMA, o, ip.s, "rule_id \"%.60s\" is also a wait id", s->rule_id);
        TRY(read_text(b, o, ip.s, "name", 0, &s->name));
        TRY(read_text(b, o, ip.s, "citation", 1, &s->citation));
        TRY(read_bool_def(b, o, ip.s, "revokes", 0, &s->revokes));
        TRY(read_bool_def(b, o, ip.s, "public", 0, &s->public_notice));
        TRY(read_int_def(b, o, ip.s, "incident_window_years", 0, 0, 100, 0, &s->incident_window_years));
        const qj_value *ban;
        rc = qj_read_object(b->ctx, o, ip.s, "ban", 0, &ban);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            qj_path bp;
            qj_path_key(&bp, ip.s, "ban");
            static const char *const bk[] = {"length", "unit", "count", NULL};
            TRY(qj_only_keys(b->ctx, ban, bp.s, bk));
            int u = 0, c = 0;
            TRY(read_int_def(b, ban, bp.s, "length", 1, 1, 100, 0, &s->ban_length));
            TRY(qj_read_enum(b->ctx, ban, bp.s, "unit", 1, unit_names, &u));
            TRY(qj_read_enum(b->ctx, ban, bp.s, "count", 1, count_names, &c));
            s->ban_unit = (qa_unit)u;
            s->ban_count = (qa_count)c;
            s->has_ban = 1;
        }
        p->n_sanctions = i + 1;
    }
    return 0;
}

/* The policy lives in its own arena, made here. */
static int build_policy(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *arg)
{
    int rc;
    QA_UNUSED(arg);
    qa_arena arena;
    qa_arena_init(&arena, &ctx->alloc);
    qaward_policy *p = qa_arena_alloc(&arena, sizeof *p);
    if (!p)
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory while loading the policy");
    p->arena = arena;
    *obj = p;
    pb bb = {ctx, p}, *b = &bb;
    const qj_value *root = qj_root(doc);
    static const char *const keys[] = {"format", "id", "fictional", "name", "source", "in_force", "jurisdiction",
                                       "cycle", "grade_scales", "event_kinds", "certificate_types", "subject_kinds",
                                       "levels", "quotas", "prizes", "eligibility", "waits", "sanctions", NULL};
    const char *fmt;
    const qj_value *o;
    static const char *const formats[] = {"qaward-policy/1", NULL};
    int fi;
    if ((rc = qj_only_keys(ctx, root, "$", keys)) || (rc = qj_read_enum(ctx, root, "$", "format", 1, formats, &fi)) ||
        (rc = read_id(b, root, "$", "id", &p->id)) || (rc = read_bool_def(b, root, "$", "fictional", 0, &p->fictional)) ||
        (rc = read_text(b, root, "$", "name", 1, &p->name)) || (rc = read_text(b, root, "$", "source", 0, &p->source)))
        goto fail;
    (void)fmt;
    /* R17 / Art. 26: validity */
    static const char *const fk[] = {"valid_from", "valid_to", "citation", NULL};
    if ((rc = qj_read_object(ctx, root, "$", "in_force", 1, &o)) || (rc = qj_only_keys(ctx, o, "$.in_force", fk)) ||
        (rc = qj_read_date(ctx, o, "$.in_force", "valid_from", 1, &p->valid_from)) ||
        (rc = qj_read_date(ctx, o, "$.in_force", "valid_to", 0, &p->valid_to)) < 0 ||
        (rc = read_text(b, o, "$.in_force", "citation", 0, &p->in_force_citation)))
        goto fail;
    if (p->valid_to != QAWARD_DATE_NONE && p->valid_to < p->valid_from) {
        rc = at(ctx, QAWARD_ERANGE, qj_get(o, "valid_to"), "$.in_force.valid_to", "%sis before valid_from", "");
        goto fail;
    }
    static const char *const jk[] = {"name", "region_prefixes", NULL};
    const qj_value *rp;
    if ((rc = qj_read_object(ctx, root, "$", "jurisdiction", 1, &o)) ||
        (rc = qj_only_keys(ctx, o, "$.jurisdiction", jk)) || (rc = read_text(b, o, "$.jurisdiction", "name", 0, &p->jurisdiction)) ||
        (rc = read_list(b, o, "$.jurisdiction", "region_prefixes", 1, 64, &rp)))
        goto fail;
    if (rp->len == 0) {
        rc = at(ctx, QAWARD_ESCHEMA, rp, "$.jurisdiction.region_prefixes", "%sat least one region prefix is needed", "");
        goto fail;
    }
    p->region_prefixes = aalloc(b, rp->len, sizeof *p->region_prefixes);
    if (!p->region_prefixes) {
        rc = oom(b);
        goto fail;
    }
    for (size_t i = 0; i < rp->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.jurisdiction.region_prefixes", i);
        const qj_value *v = &rp->items[i];
        int digits = v->type == QJ_STRING && v->len >= 2 && v->len <= 6;
        for (size_t j = 0; digits && j < v->len; j++)
            digits = v->str[j] >= '0' && v->str[j] <= '9';
        if (!digits) {
            rc = at(ctx, QAWARD_ESCHEMA, v, ip.s, "%sexpected 2 to 6 digits of an administrative division code", "");
            goto fail;
        }
        if (!(p->region_prefixes[i] = adup(b, v->str))) {
            rc = oom(b);
            goto fail;
        }
    }
    p->n_region_prefixes = rp->len;
    static const char *const ck[] = {"years", "first_edition_year", "citation", NULL};
    if ((rc = qj_read_object(ctx, root, "$", "cycle", 1, &o)) || (rc = qj_only_keys(ctx, o, "$.cycle", ck)) ||
        (rc = read_int_def(b, o, "$.cycle", "years", 1, 1, 20, 0, &p->cycle_years)) ||
        (rc = read_int_def(b, o, "$.cycle", "first_edition_year", 1, 1900, 9999, 0, &p->first_edition_year)) ||
        (rc = read_text(b, o, "$.cycle", "citation", 0, &p->cycle_citation)))
        goto fail;
    if ((rc = parse_scales(b, root)) || (rc = parse_named_list(b, root, "event_kinds", 0)) ||
        (rc = parse_named_list(b, root, "certificate_types", 1)) || (rc = parse_named_list(b, root, "subject_kinds", 2)) ||
        (rc = parse_levels(b, root)) || (rc = parse_quotas(b, root)) || (rc = parse_prizes(b, root)) ||
        (rc = parse_waits(b, root)) || (rc = parse_sanctions(b, root)) || (rc = parse_eligibility(b, root)))
        goto fail;
    return QAWARD_OK;
fail:
    if (rc > 0)
        rc = QAWARD_EINTERNAL;
    return rc;
}

static void release_policy(void *p) { qaward_policy_free(p); }

int qa_policy_load_json_named(qaward_policy **out, qaward_ctx *ctx, const char *json, size_t len, const char *what);
int qa_policy_load_json_named(qaward_policy **out, qaward_ctx *ctx, const char *json, size_t len, const char *what)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "policy_load_json: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    if (!json)
        return qa_error(ctx, QAWARD_EINVAL, "policy_load_json: json is NULL");
    const qj_loader policy_loader = {what, NULL, 0, 0, build_policy, release_policy, NULL};
    void *p;
    int rc = qj_load(&p, ctx, json, len, &policy_loader, NULL);
    *out = p;
    return rc;
}

int qaward_policy_load_json(qaward_policy **out, qaward_ctx *ctx, const char *json, size_t len)
{
    return qa_policy_load_json_named(out, ctx, json, len, "policy");
}

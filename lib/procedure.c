/* Review procedure (Art. 13, 14): notices, stage state machine (R15),
 * objections, refusal letters. Documents live in procedure_json.c. */
#include "procedure_int.h"
#include <stdio.h>

/* ---- procedure getters ----------------------------------------------------------- */

const char *qa_ptext_get(const qa_ptext *t, int lang)
{
    const char *s = lang == 1 ? t->zh : t->en;
    if (!s || !*s)
        s = lang == 1 ? t->en : t->zh;
    return s ? s : "";
}

void qa_ptext_clear(const qaward_allocator *a, qa_ptext *t)
{
    qa_afree(a, t->zh);
    qa_afree(a, t->en);
    t->zh = t->en = NULL;
}

int qa_proc_notice_index(const qaward_procedure *p, const char *kind, size_t *out)
{
    for (size_t i = 0; kind && i < p->nnotices; i++)
        if (strcmp(p->notices[i].kind, kind) == 0) {
            *out = i;
            return 1;
        }
    return 0;
}

int qa_proc_stage_index(const qaward_procedure *p, const char *id, size_t *out)
{
    for (size_t i = 0; id && i < p->nstages; i++)
        if (strcmp(p->stages[i].id, id) == 0) {
            *out = i;
            return 1;
        }
    return 0;
}

int qa_proc_kind_index(const qaward_procedure *p, const char *kind, size_t *out)
{
    for (size_t i = 0; kind && i < p->nkinds; i++)
        if (strcmp(p->kinds[i], kind) == 0) {
            *out = i;
            return 1;
        }
    return 0;
}

const char *qaward_procedure_id(const qaward_procedure *p)
{
    return p && p->id ? p->id : "";
}

const char *qaward_procedure_calendar_name(const qaward_procedure *p)
{
    return p && p->calendar ? p->calendar : "";
}

size_t qaward_procedure_notice_count(const qaward_procedure *p)
{
    return p ? p->nnotices : 0;
}

const char *qaward_procedure_notice_kind(const qaward_procedure *p, size_t i)
{
    return p && i < p->nnotices ? p->notices[i].kind : NULL;
}

int32_t qaward_procedure_notice_min_days(const qaward_procedure *p, size_t i)
{
    return p && i < p->nnotices ? p->notices[i].min_days : -1;
}

const char *qaward_procedure_notice_citation(const qaward_procedure *p, size_t i, int lang)
{
    return p && i < p->nnotices ? qa_ptext_get(&p->notices[i].citation, lang) : NULL;
}

size_t qaward_procedure_stage_count(const qaward_procedure *p)
{
    return p ? p->nstages : 0;
}

const char *qaward_procedure_stage_id(const qaward_procedure *p, size_t i)
{
    return p && i < p->nstages ? p->stages[i].id : NULL;
}

const char *qaward_procedure_stage_name(const qaward_procedure *p, size_t i, int lang)
{
    return p && i < p->nstages ? qa_ptext_get(&p->stages[i].name, lang) : NULL;
}

int32_t qaward_procedure_site_review_max_days(const qaward_procedure *p)
{
    return p ? p->site_max_days : -1;
}

/* ---- notices (R16) --------------------------------------------------------------- */

int qaward_notice_check(int *satisfied, int32_t *working_days, qaward_ctx *ctx, const qaward_procedure *p,
                        const qaward_calendar *cal, const char *kind, qaward_date first, qaward_date last)
{
    if (!satisfied || !p || !cal || !kind)
        return qa_error(ctx, QAWARD_EINVAL, "notice check: NULL argument");
    size_t k;
    if (!qa_proc_notice_index(p, kind, &k))
        return qa_error(ctx, QAWARD_ENOTFOUND, "notice kind \"%s\" is not in procedure \"%s\"", kind, p->id);
    int32_t n = 0;
    int rc = qaward_calendar_working_days(&n, ctx, cal, first, last);
    if (rc)
        return qa_error_prefix(ctx, "%s notice (%s)", kind, p->notices[k].citation.en);
    *satisfied = n >= p->notices[k].min_days;
    if (working_days)
        *working_days = n;
    qa_ok(ctx);
    return QAWARD_OK;
}

/* ---- refusals (Art. 13(3)) ------------------------------------------------------- */

int qaward_refusal_new(qaward_refusal **out, qaward_ctx *ctx, const char *applicant_name)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !applicant_name || !*applicant_name)
        return qa_error(ctx, QAWARD_EINVAL, "refusal: applicant name missing");
    qaward_refusal *r = qa_calloc(ctx, 1, sizeof *r);
    if (!r)
        return QAWARD_ENOMEM;
    r->alloc = ctx->alloc;
    r->applicant = qa_astrdup(&r->alloc, applicant_name);
    if (!r->applicant) {
        qa_free(ctx, r);
        return qa_error(ctx, QAWARD_ENOMEM, "refusal: out of memory");
    }
    *out = r;
    qa_ok(ctx);
    return QAWARD_OK;
}

static void reason_clear(const qaward_allocator *a, qa_reason *x)
{
    qa_afree(a, x->rule_id);
    qa_ptext_clear(a, &x->citation);
    qa_ptext_clear(a, &x->message);
}

void qaward_refusal_free(qaward_refusal *r)
{
    if (!r)
        return;
    qaward_allocator a = r->alloc;
    for (size_t i = 0; i < r->n; i++)
        reason_clear(&a, &r->reasons[i]);
    qa_afree(&a, r->reasons);
    qa_afree(&a, r->applicant);
    qa_afree(&a, r);
}

int qaward_refusal_add_reason(qaward_refusal *r, qaward_ctx *ctx, const char *rule_id, int unknown,
                              const char *citation_zh, const char *citation_en, const char *message_zh,
                              const char *message_en)
{
    if (!r || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "refusal: NULL argument");
    const char *parts[] = {rule_id, citation_zh, citation_en, message_zh, message_en};
    static const char *const names[] = {"rule_id", "citation_zh", "citation_en", "message_zh", "message_en"};
    for (size_t i = 0; i < QA_ARRAY_LEN(parts); i++)
        if (!parts[i] || !*parts[i])
            return qa_error(ctx, QAWARD_EINVAL, "refusal reason %zu: %s is missing", r->n + 1, names[i]);
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 4;
        qa_reason *nr = qa_arealloc(&r->alloc, r->reasons, cap * sizeof *nr);
        if (!nr)
            return qa_error(ctx, QAWARD_ENOMEM, "refusal: out of memory");
        r->reasons = nr;
        r->cap = cap;
    }
    qa_reason x = {0};
    x.rule_id = qa_astrdup(&r->alloc, rule_id);
    x.unknown = unknown ? 1 : 0;
    x.citation.zh = qa_astrdup(&r->alloc, citation_zh);
    x.citation.en = qa_astrdup(&r->alloc, citation_en);
    x.message.zh = qa_astrdup(&r->alloc, message_zh);
    x.message.en = qa_astrdup(&r->alloc, message_en);
    if (!x.rule_id || !x.citation.zh || !x.citation.en || !x.message.zh || !x.message.en) {
        reason_clear(&r->alloc, &x);
        return qa_error(ctx, QAWARD_ENOMEM, "refusal: out of memory");
    }
    r->reasons[r->n++] = x;
    qa_ok(ctx);
    return QAWARD_OK;
}

size_t qaward_refusal_reason_count(const qaward_refusal *r)
{
    return r ? r->n : 0;
}

static qaward_refusal *refusal_copy(const qaward_allocator *a, const qaward_refusal *r)
{
    qaward_refusal *c = qa_acalloc(a, 1, sizeof *c);
    if (!c)
        return NULL;
    c->alloc = *a;
    c->applicant = qa_astrdup(a, r->applicant);
    c->reasons = qa_acalloc(a, r->n ? r->n : 1, sizeof *c->reasons);
    if (!c->applicant || !c->reasons) {
        qaward_refusal_free(c);
        return NULL;
    }
    c->cap = r->n;
    for (size_t i = 0; i < r->n; i++) {
        const qa_reason *s = &r->reasons[i];
        qa_reason *d = &c->reasons[i];
        c->n = i + 1;
        d->unknown = s->unknown;
        d->rule_id = qa_astrdup(a, s->rule_id);
        d->citation.zh = qa_astrdup(a, s->citation.zh);
        d->citation.en = qa_astrdup(a, s->citation.en);
        d->message.zh = qa_astrdup(a, s->message.zh);
        d->message.en = qa_astrdup(a, s->message.en);
        if (!d->rule_id || !d->citation.zh || !d->citation.en || !d->message.zh || !d->message.en) {
            qaward_refusal_free(c);
            return NULL;
        }
    }
    return c;
}

/* ---- timeline -------------------------------------------------------------------- */

int qa_tl_grow(qaward_timeline *t, qaward_ctx *ctx, void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 4;
    while (n < need)
        n *= 2;
    void *p = qa_arealloc(&t->alloc, *arr, n * size);
    if (!p)
        return qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory");
    *arr = p;
    *cap = n;
    return 0;
}

int qa_tl_find(const qaward_timeline *t, const char *id, size_t *out)
{
    for (size_t i = 0; id && i < t->napps; i++)
        if (strcmp(t->apps[i].id, id) == 0) {
            *out = i;
            return 1;
        }
    return 0;
}

int qaward_timeline_new(qaward_timeline **out, qaward_ctx *ctx, const qaward_procedure *p, const qaward_calendar *cal)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !p || !cal)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: NULL argument");
    qaward_timeline *t = qa_calloc(ctx, 1, sizeof *t);
    if (!t)
        return QAWARD_ENOMEM;
    t->alloc = ctx->alloc;
    t->p = p;
    t->cal = cal;
    *out = t;
    qa_ok(ctx);
    return QAWARD_OK;
}

void qaward_timeline_free(qaward_timeline *t)
{
    if (!t)
        return;
    const qaward_allocator *a = &t->alloc;
    for (size_t i = 0; i < t->napps; i++) {
        qa_applicant *x = &t->apps[i];
        qa_afree(a, x->id);
        qa_afree(a, x->name);
        for (size_t f = 0; f < x->nfields; f++) {
            qa_afree(a, x->fields[f].key);
            qa_afree(a, x->fields[f].value);
        }
        qa_afree(a, x->fields);
        qa_afree(a, x->scores);
        qa_afree(a, x->has_score);
        for (size_t s = 0; s < x->nsteps; s++)
            qa_afree(a, x->steps[s].note);
        qa_afree(a, x->steps);
        qaward_refusal_free(x->refusal);
    }
    for (size_t i = 0; i < t->nnotices; i++)
        qa_afree(a, t->notices[i].apps);
    for (size_t i = 0; i < t->nobjs; i++) {
        qa_afree(a, t->objs[i].id);
        qa_afree(a, t->objs[i].notice);
        qa_afree(a, t->objs[i].reason);
    }
    for (size_t i = 0; i < t->nviol; i++) {
        qa_afree(a, t->viol[i].code);
        qa_afree(a, t->viol[i].applicant);
        qa_afree(a, t->viol[i].message);
    }
    qa_afree(a, t->apps);
    qa_afree(a, t->notices);
    qa_afree(a, t->objs);
    qa_afree(a, t->viol);
    qaward_procedure_free(t->own_p);
    qaward_calendar_free(t->own_cal);
    qaward_allocator copy = t->alloc;
    qa_afree(&copy, t);
}

static int find_app(const qaward_timeline *t, qaward_ctx *ctx, const char *id, size_t *out)
{
    if (!id)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: applicant id missing");
    if (!qa_tl_find(t, id, out))
        return qa_error(ctx, QAWARD_ENOTFOUND, "applicant \"%s\" is not in the timeline", id);
    return 0;
}

static int push_step(qaward_timeline *t, qaward_ctx *ctx, qa_applicant *a, int state, size_t stage, qaward_date date,
                     const char *note)
{
    if (qa_tl_grow(t, ctx, (void **)&a->steps, &a->capsteps, a->nsteps + 1, sizeof *a->steps))
        return QAWARD_ENOMEM;
    qa_step s = {state, stage, date, NULL};
    if (note) {
        s.note = qa_astrdup(&t->alloc, note);
        if (!s.note)
            return qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory");
    }
    a->steps[a->nsteps++] = s;
    return 0;
}

int qaward_timeline_add_applicant(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *name,
                                  const char *kind, qaward_date declared)
{
    if (!t || !ctx || !id || !*id || !name || !*name || !kind)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: applicant id, name and kind are required");
    if (!qaward_date_valid(declared))
        return qa_error(ctx, QAWARD_EINVAL, "applicant \"%s\": invalid declaration date", id);
    size_t k, dummy;
    if (qa_tl_find(t, id, &dummy))
        return qa_error(ctx, QAWARD_EEXISTS, "applicant \"%s\": duplicate id", id);
    if (!qa_proc_kind_index(t->p, kind, &k))
        return qa_error(ctx, QAWARD_ENOTFOUND, "applicant \"%s\": subject kind \"%s\" is not in procedure \"%s\"",
                        id, kind, t->p->id);
    if (t->p->nstages == 0)
        return qa_error(ctx, QAWARD_ESTATE, "procedure \"%s\" has no stages", t->p->id);
    if (qa_tl_grow(t, ctx, (void **)&t->apps, &t->capapps, t->napps + 1, sizeof *t->apps))
        return QAWARD_ENOMEM;
    qa_applicant a = {0};
    a.kind = k;
    a.id = qa_astrdup(&t->alloc, id);
    a.name = qa_astrdup(&t->alloc, name);
    a.scores = qa_acalloc(&t->alloc, t->p->nstages, sizeof *a.scores);
    a.has_score = qa_acalloc(&t->alloc, t->p->nstages, 1);
    int rc = (!a.id || !a.name || !a.scores || !a.has_score) ? qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory")
                                                              : push_step(t, ctx, &a, QA_ST_STAGE, 0, declared, NULL);
    if (rc) {
        qa_afree(&t->alloc, a.id);
        qa_afree(&t->alloc, a.name);
        qa_afree(&t->alloc, a.scores);
        qa_afree(&t->alloc, a.has_score);
        qa_afree(&t->alloc, a.steps);
        return rc;
    }
    t->apps[t->napps++] = a;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_timeline_add_field(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *key,
                              const char *value, int trade_secret)
{
    if (!t || !ctx || !key || !*key || !value)
        return qa_error(ctx, QAWARD_EINVAL, "timeline field: NULL argument");
    size_t i;
    int rc = find_app(t, ctx, id, &i);
    if (rc)
        return rc;
    qa_applicant *a = &t->apps[i];
    if (qa_tl_grow(t, ctx, (void **)&a->fields, &a->capfields, a->nfields + 1, sizeof *a->fields))
        return QAWARD_ENOMEM;
    qa_field f = {qa_astrdup(&t->alloc, key), qa_astrdup(&t->alloc, value), trade_secret ? 1 : 0};
    if (!f.key || !f.value) {
        qa_afree(&t->alloc, f.key);
        qa_afree(&t->alloc, f.value);
        return qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory");
    }
    a->fields[a->nfields++] = f;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qa_tl_violation(qaward_timeline *t, qaward_ctx *ctx, const char *code, const char *applicant, qaward_date date,
                    const qa_ptext *citation, const char *message)
{
    if (qa_tl_grow(t, ctx, (void **)&t->viol, &t->capviol, t->nviol + 1, sizeof *t->viol))
        return QAWARD_ENOMEM;
    qa_violation v = {0};
    v.code = qa_astrdup(&t->alloc, code);
    v.applicant = applicant ? qa_astrdup(&t->alloc, applicant) : NULL;
    v.message = qa_astrdup(&t->alloc, message);
    v.date = date;
    if (citation)
        v.citation = *citation;
    if (!v.code || !v.message || (applicant && !v.applicant)) {
        qa_afree(&t->alloc, v.code);
        qa_afree(&t->alloc, v.applicant);
        qa_afree(&t->alloc, v.message);
        return qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory");
    }
    t->viol[t->nviol++] = v;
    return 0;
}

/* A broken precondition: ESTATE in strict mode; a recorded violation in lenient mode. */
#if defined(__GNUC__)
__attribute__((format(printf, 7, 8)))
#endif
static int broken(qaward_timeline *t, qaward_ctx *ctx, const char *code, const qa_applicant *a, qaward_date date,
                  const qa_ptext *citation, const char *fmt, ...)
{
    char msg[QA_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!t->lenient)
        return qa_error(ctx, QAWARD_ESTATE, "%s", msg);
    return qa_tl_violation(t, ctx, code, a ? a->id : NULL, date, citation, msg);
}

int qaward_timeline_add_notice(qaward_timeline *t, qaward_ctx *ctx, const char *kind, qaward_date first,
                               qaward_date last, const char *const *ids, size_t n)
{
    if (!t || !ctx || !kind || (n && !ids))
        return qa_error(ctx, QAWARD_EINVAL, "timeline notice: NULL argument");
    size_t k;
    if (!qa_proc_notice_index(t->p, kind, &k))
        return qa_error(ctx, QAWARD_ENOTFOUND, "notice kind \"%s\" is not in procedure \"%s\"", kind, t->p->id);
    int32_t wd = 0;
    int rc = qaward_calendar_working_days(&wd, ctx, t->cal, first, last);
    if (rc)
        return qa_error_prefix(ctx, "%s notice", kind);
    qa_notice nt = {k, first, last, wd, NULL, n};
    nt.apps = qa_acalloc(&t->alloc, n ? n : 1, sizeof *nt.apps);
    if (!nt.apps)
        return qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory");
    for (size_t i = 0; i < n; i++) {
        rc = find_app(t, ctx, ids[i], &nt.apps[i]);
        if (rc) {
            qa_afree(&t->alloc, nt.apps);
            return qa_error_prefix(ctx, "%s notice", kind);
        }
    }
    if (qa_tl_grow(t, ctx, (void **)&t->notices, &t->capnotices, t->nnotices + 1, sizeof *t->notices)) {
        qa_afree(&t->alloc, nt.apps);
        return QAWARD_ENOMEM;
    }
    if (t->lenient && wd < t->p->notices[k].min_days) {
        char a[QAWARD_DATE_STRLEN], b[QAWARD_DATE_STRLEN];
        qaward_date_format(a, first);
        qaward_date_format(b, last);
        rc = broken(t, ctx, "notice_too_short", NULL, first, &t->p->notices[k].citation,
                    "%s notice %s..%s holds %d working days; at least %d are required (%s)", kind, a, b, (int)wd,
                    (int)t->p->notices[k].min_days, t->p->notices[k].citation.en);
        if (rc) {
            qa_afree(&t->alloc, nt.apps);
            return rc;
        }
    }
    t->notices[t->nnotices++] = nt;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_timeline_set_qualification(qaward_timeline *t, qaward_ctx *ctx, const char *id, int qualification)
{
    if (!t || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: NULL argument");
    if (qualification < QAWARD_QUALIFICATION_UNKNOWN || qualification > QAWARD_QUALIFICATION_FAILED)
        return qa_error(ctx, QAWARD_EINVAL, "qualification %d: expected 0 (unknown), 1 (passed) or 2 (failed)",
                        qualification);
    size_t i;
    int rc = find_app(t, ctx, id, &i);
    if (rc)
        return rc;
    t->apps[i].qualification = qualification;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_timeline_set_score(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *stage,
                              int64_t hundredths)
{
    if (!t || !ctx || !stage)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: NULL argument");
    size_t i, s;
    int rc = find_app(t, ctx, id, &i);
    if (rc)
        return rc;
    if (!qa_proc_stage_index(t->p, stage, &s))
        return qa_error(ctx, QAWARD_ENOTFOUND, "applicant \"%s\": stage \"%s\" is not in procedure \"%s\"", id,
                        stage, t->p->id);
    t->apps[i].scores[s] = hundredths;
    t->apps[i].has_score[s] = 1;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_timeline_set_site_review(qaward_timeline *t, qaward_ctx *ctx, const char *id, qaward_date first,
                                    qaward_date last)
{
    if (!t || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: NULL argument");
    size_t i;
    int rc = find_app(t, ctx, id, &i);
    if (rc)
        return rc;
    if (!qaward_date_valid(first) || !qaward_date_valid(last))
        return qa_error(ctx, QAWARD_EINVAL, "applicant \"%s\": invalid site-review date", id);
    if (last < first)
        return qa_error(ctx, QAWARD_ERANGE, "applicant \"%s\": site review ends before it starts", id);
    t->apps[i].site_first = first;
    t->apps[i].site_last = last;
    qa_ok(ctx);
    return QAWARD_OK;
}

const char *qa_tl_state_name(const qaward_timeline *t, const qa_applicant *a)
{
    const qa_step *s = &a->steps[a->nsteps - 1];
    switch (s->state) {
    case QA_ST_REFUSED: return "refused";
    case QA_ST_REMOVED: return "removed";
    case QA_ST_DROPPED: return "dropped";
    default: return t->p->stages[s->stage].id;
    }
}

const char *qaward_timeline_stage(const qaward_timeline *t, const char *id)
{
    size_t i;
    if (!t || !qa_tl_find(t, id, &i))
        return NULL;
    return qa_tl_state_name(t, &t->apps[i]);
}

static const qa_objection *open_objection(const qaward_timeline *t, size_t app, qaward_date date)
{
    for (size_t i = 0; i < t->nobjs; i++)
        if (t->objs[i].app == app && t->objs[i].resolved == QAWARD_DATE_NONE && t->objs[i].opened <= date)
            return &t->objs[i];
    return NULL;
}

size_t qaward_timeline_open_objections(const qaward_timeline *t, const char *id)
{
    size_t i, n = 0;
    if (!t || !qa_tl_find(t, id, &i))
        return 0;
    for (size_t o = 0; o < t->nobjs; o++)
        n += t->objs[o].app == i && t->objs[o].resolved == QAWARD_DATE_NONE;
    return n;
}

static int applies(const qaward_procedure *p, size_t stage, size_t kind)
{
    return (p->stages[stage].kinds >> kind) & 1u;
}

/* Common checks before any move: not out of the cycle, date order. */
static int check_live(qaward_timeline *t, qaward_ctx *ctx, const qa_applicant *a, qaward_date date, const char *what,
                      int *terminal)
{
    const qa_step *cur = &a->steps[a->nsteps - 1];
    char d[QAWARD_DATE_STRLEN], c[QAWARD_DATE_STRLEN];
    qaward_date_format(d, date);
    qaward_date_format(c, cur->date);
    *terminal = 0;
    if (cur->state != QA_ST_STAGE) {
        *terminal = 1;
        return broken(t, ctx, "applicant_out", a, date, NULL,
                      "applicant %s: %s on %s not allowed: the applicant was %s on %s", a->id, what, d,
                      qa_tl_state_name(t, a), c);
    }
    if (date < cur->date)
        return broken(t, ctx, "date_order", a, date, NULL,
                      "applicant %s: %s on %s is dated before its last transition (%s on %s)", a->id, what, d,
                      qa_tl_state_name(t, a), c);
    return 0;
}

/* Precondition: a notice of kind k listing applicant ai, long enough, ended before `date`. */
static int check_notice(qaward_timeline *t, qaward_ctx *ctx, size_t ai, size_t k, qaward_date date, const char *to)
{
    const qa_notice_kind *nk = &t->p->notices[k];
    const qa_applicant *a = &t->apps[ai];
    const qa_notice *best = NULL; /* a listing notice; prefer a satisfied, ended one */
    int best_rank = -1;
    for (size_t i = 0; i < t->nnotices; i++) {
        const qa_notice *n = &t->notices[i];
        if (n->kind != k)
            continue;
        int listed = 0;
        for (size_t j = 0; j < n->napps && !listed; j++)
            listed = n->apps[j] == ai;
        if (!listed)
            continue;
        int rank = (n->working_days >= nk->min_days) * 2 + (n->last < date);
        if (rank > best_rank) {
            best = n;
            best_rank = rank;
        }
    }
    char d[QAWARD_DATE_STRLEN];
    qaward_date_format(d, date);
    if (!best)
        return broken(t, ctx, "notice_missing", a, date, &nk->citation,
                      "applicant %s -> %s on %s: no %s notice lists the applicant (%s, at least %d working days)",
                      a->id, to, d, nk->kind, nk->citation.en, (int)nk->min_days);
    char f[QAWARD_DATE_STRLEN], l[QAWARD_DATE_STRLEN];
    qaward_date_format(f, best->first);
    qaward_date_format(l, best->last);
    if (best->working_days < nk->min_days)
        return broken(t, ctx, "notice_too_short", a, date, &nk->citation,
                      "applicant %s -> %s on %s: the %s notice %s..%s holds %d working days; at least %d are "
                      "required (%s)",
                      a->id, to, d, nk->kind, f, l, (int)best->working_days, (int)nk->min_days, nk->citation.en);
    if (best->last >= date)
        return broken(t, ctx, "notice_not_ended", a, date, &nk->citation,
                      "applicant %s -> %s on %s: the %s notice %s..%s has not ended; the next step may follow "
                      "only after its last day (%s)",
                      a->id, to, d, nk->kind, f, l, nk->citation.en);
    return 0;
}

static int do_advance(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *to, qaward_date date)
{
    if (!t || !ctx || !to)
        return qa_error(ctx, QAWARD_EINVAL, "timeline advance: NULL argument");
    if (!qaward_date_valid(date))
        return qa_error(ctx, QAWARD_EINVAL, "applicant %s -> %s: invalid date", id ? id : "?", to);
    const qaward_procedure *p = t->p;
    size_t ai, s;
    int rc = find_app(t, ctx, id, &ai);
    if (rc)
        return rc;
    if (!qa_proc_stage_index(p, to, &s))
        return qa_error(ctx, QAWARD_ENOTFOUND, "applicant %s: stage \"%s\" is not in procedure \"%s\"", id, to,
                        p->id);
    qa_applicant *a = &t->apps[ai];
    const qa_stage *st = &p->stages[s];
    char what[160], d[QAWARD_DATE_STRLEN];
    qaward_date_format(d, date);
    snprintf(what, sizeof what, "transition to %s", to);
    int terminal;
    if ((rc = check_live(t, ctx, a, date, what, &terminal)))
        return rc;
    if (terminal)
        return 0; /* lenient: reported; nothing to apply */
    size_t cur = a->steps[a->nsteps - 1].stage;
    /* R15: the next stage that applies to the applicant's kind; individuals skip the defence. */
    size_t next = cur + 1;
    while (next < p->nstages && !applies(p, next, a->kind))
        next++;
    if (!applies(p, s, a->kind)) {
        if ((rc = broken(t, ctx, "stage_not_for_kind", a, date, &st->citation,
                         "applicant %s -> %s on %s: stage %s (%s) is not for %s applicants; the next stage is %s",
                         a->id, to, d, to, st->citation.en, p->kinds[a->kind],
                         next < p->nstages ? p->stages[next].id : "(none: final stage reached)")))
            return rc;
    } else if (s != next) {
        if ((rc = broken(t, ctx, "illegal_transition", a, date, &st->citation,
                         "applicant %s: transition %s -> %s on %s is not allowed; the next stage is %s", a->id,
                         p->stages[cur].id, to, d,
                         next < p->nstages ? p->stages[next].id : "(none: final stage reached)")))
            return rc;
    }
    /* Art. 14 / R15: an open objection holds the applicant at its stage. */
    const qa_objection *o = open_objection(t, ai, date);
    if (o) {
        char od[QAWARD_DATE_STRLEN];
        qaward_date_format(od, o->opened);
        if ((rc = broken(t, ctx, "objection_open", a, date, &p->objection_citation,
                         "applicant %s -> %s on %s: objection %s (opened %s, %s) is unresolved; the applicant is "
                         "held at %s",
                         a->id, to, d, o->id, od, p->objection_citation.en, p->stages[cur].id)))
            return rc;
    }
    for (size_t r = 0; r < st->nreqs; r++) {
        const qa_req *q = &st->reqs[r];
        switch (q->type) {
        case QA_REQ_NOTICE:
            rc = check_notice(t, ctx, ai, q->ref, date, to);
            break;
        case QA_REQ_QUALIFICATION:
            if (a->qualification != QAWARD_QUALIFICATION_PASSED)
                rc = broken(t, ctx, "qualification_not_passed", a, date, &p->refusal_citation,
                            "applicant %s -> %s on %s: the qualification check has not passed (recorded: %s; %s)",
                            a->id, to, d, a->qualification == QAWARD_QUALIFICATION_FAILED ? "failed" : "unknown",
                            p->refusal_citation.en);
            break;
        case QA_REQ_SCORES:
            if (applies(p, q->ref, a->kind) && !a->has_score[q->ref])
                rc = broken(t, ctx, "scores_missing", a, date, &p->stages[q->ref].citation,
                            "applicant %s -> %s on %s: no %s score recorded (%s)", a->id, to, d,
                            p->stages[q->ref].id, p->stages[q->ref].citation.en);
            break;
        case QA_REQ_SITE_LIMIT:
            if (a->site_first == QAWARD_DATE_NONE) {
                rc = broken(t, ctx, "site_review_missing", a, date, &p->site_citation,
                            "applicant %s -> %s on %s: the site review days are not recorded (%s)", a->id, to, d,
                            p->site_citation.en);
            } else {
                int32_t days = qa_date_to_days(a->site_last) - qa_date_to_days(a->site_first) + 1;
                if (days > p->site_max_days)
                    rc = broken(t, ctx, "site_review_too_long", a, date, &p->site_citation,
                                "applicant %s -> %s on %s: the site review lasted %d days; at most %d are allowed "
                                "(%s)",
                                a->id, to, d, (int)days, (int)p->site_max_days, p->site_citation.en);
            }
            break;
        default:
            rc = qa_error(ctx, QAWARD_EINTERNAL, "unknown precondition type %d", q->type);
        }
        if (rc)
            return rc;
    }
    return push_step(t, ctx, a, QA_ST_STAGE, s, date, NULL);
}

int qa_tl_advance(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *to, qaward_date date)
{
    return do_advance(t, ctx, id, to, date);
}

int qaward_timeline_advance(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *to, qaward_date date)
{
    int rc = do_advance(t, ctx, id, to, date);
    if (!rc)
        qa_ok(ctx);
    return rc;
}

int qaward_timeline_refuse(qaward_timeline *t, qaward_ctx *ctx, const char *id, qaward_date date,
                           const qaward_refusal *reasons)
{
    if (!t || !ctx || !reasons)
        return qa_error(ctx, QAWARD_EINVAL, "timeline refuse: NULL argument");
    if (!qaward_date_valid(date))
        return qa_error(ctx, QAWARD_EINVAL, "applicant %s: invalid refusal date", id ? id : "?");
    const qaward_procedure *p = t->p;
    size_t ai;
    int rc = find_app(t, ctx, id, &ai);
    if (rc)
        return rc;
    qa_applicant *a = &t->apps[ai];
    int terminal;
    if ((rc = check_live(t, ctx, a, date, "refusal", &terminal)))
        return rc;
    if (terminal)
        return 0;
    char d[QAWARD_DATE_STRLEN];
    qaward_date_format(d, date);
    size_t cur = a->steps[a->nsteps - 1].stage;
    if (cur != p->refusal_stage)
        rc = broken(t, ctx, "refusal_wrong_stage", a, date, &p->refusal_citation,
                    "applicant %s: refusal on %s at stage %s; a refusal with written reasons is made at %s (%s)",
                    a->id, d, p->stages[cur].id, p->stages[p->refusal_stage].id, p->refusal_citation.en);
    else if (reasons->n == 0)
        rc = broken(t, ctx, "refusal_without_reasons", a, date, &p->refusal_citation,
                    "applicant %s: refusal on %s gives no written reasons (%s)", a->id, d, p->refusal_citation.en);
    if (rc)
        return rc;
    qaward_refusal *copy = refusal_copy(&t->alloc, reasons);
    if (!copy)
        return qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory");
    char note[64];
    snprintf(note, sizeof note, "%zu written reason(s)", reasons->n);
    rc = push_step(t, ctx, a, QA_ST_REFUSED, cur, date, note);
    if (rc) {
        qaward_refusal_free(copy);
        return rc;
    }
    qaward_refusal_free(a->refusal);
    a->refusal = copy;
    a->qualification = QAWARD_QUALIFICATION_FAILED;
    if (!t->lenient)
        qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_timeline_drop(qaward_timeline *t, qaward_ctx *ctx, const char *id, qaward_date date, const char *reason)
{
    if (!t || !ctx || !reason || !*reason)
        return qa_error(ctx, QAWARD_EINVAL, "timeline drop: a reason is required");
    if (!qaward_date_valid(date))
        return qa_error(ctx, QAWARD_EINVAL, "applicant %s: invalid date", id ? id : "?");
    size_t ai;
    int rc = find_app(t, ctx, id, &ai);
    if (rc)
        return rc;
    qa_applicant *a = &t->apps[ai];
    int terminal;
    if ((rc = check_live(t, ctx, a, date, "drop", &terminal)))
        return rc;
    if (terminal)
        return 0;
    rc = push_step(t, ctx, a, QA_ST_DROPPED, a->steps[a->nsteps - 1].stage, date, reason);
    if (!rc && !t->lenient)
        qa_ok(ctx);
    return rc;
}

int qaward_timeline_objection_open(qaward_timeline *t, qaward_ctx *ctx, const char *objection_id,
                                   const char *applicant_id, qaward_date date, const char *notice_kind)
{
    if (!t || !ctx || !objection_id || !*objection_id)
        return qa_error(ctx, QAWARD_EINVAL, "objection: id missing");
    if (!qaward_date_valid(date))
        return qa_error(ctx, QAWARD_EINVAL, "objection %s: invalid date", objection_id);
    size_t ai, k;
    int rc = find_app(t, ctx, applicant_id, &ai);
    if (rc)
        return qa_error_prefix(ctx, "objection %s", objection_id);
    for (size_t i = 0; i < t->nobjs; i++)
        if (strcmp(t->objs[i].id, objection_id) == 0)
            return qa_error(ctx, QAWARD_EEXISTS, "objection %s: duplicate id", objection_id);
    if (notice_kind && !qa_proc_notice_index(t->p, notice_kind, &k))
        return qa_error(ctx, QAWARD_ENOTFOUND, "objection %s: notice kind \"%s\" is not in procedure \"%s\"",
                        objection_id, notice_kind, t->p->id);
    qa_applicant *a = &t->apps[ai];
    if (a->steps[a->nsteps - 1].state != QA_ST_STAGE) {
        char d[QAWARD_DATE_STRLEN];
        qaward_date_format(d, date);
        return qa_error(ctx, QAWARD_ESTATE, "objection %s on %s: applicant %s is already %s", objection_id, d,
                        a->id, qa_tl_state_name(t, a));
    }
    if (qa_tl_grow(t, ctx, (void **)&t->objs, &t->capobjs, t->nobjs + 1, sizeof *t->objs))
        return QAWARD_ENOMEM;
    qa_objection o = {0};
    o.id = qa_astrdup(&t->alloc, objection_id);
    o.notice = notice_kind ? qa_astrdup(&t->alloc, notice_kind) : NULL;
    o.app = ai;
    o.stage_state = a->nsteps - 1;
    o.opened = date;
    if (!o.id || (notice_kind && !o.notice)) {
        qa_afree(&t->alloc, o.id);
        qa_afree(&t->alloc, o.notice);
        return qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory");
    }
    t->objs[t->nobjs++] = o;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_timeline_objection_resolve(qaward_timeline *t, qaward_ctx *ctx, const char *objection_id,
                                      qaward_date date, int upheld, const char *reason)
{
    if (!t || !ctx || !objection_id || !reason || !*reason)
        return qa_error(ctx, QAWARD_EINVAL, "objection resolve: id and reason are required");
    if (!qaward_date_valid(date))
        return qa_error(ctx, QAWARD_EINVAL, "objection %s: invalid date", objection_id);
    qa_objection *o = NULL;
    for (size_t i = 0; i < t->nobjs && !o; i++)
        if (strcmp(t->objs[i].id, objection_id) == 0)
            o = &t->objs[i];
    if (!o)
        return qa_error(ctx, QAWARD_ENOTFOUND, "objection %s does not exist", objection_id);
    char d[QAWARD_DATE_STRLEN], od[QAWARD_DATE_STRLEN];
    qaward_date_format(d, date);
    qaward_date_format(od, o->opened);
    if (o->resolved != QAWARD_DATE_NONE)
        return qa_error(ctx, QAWARD_ESTATE, "objection %s is already resolved", objection_id);
    if (date < o->opened)
        return qa_error(ctx, QAWARD_ESTATE, "objection %s: resolved on %s, before it was opened (%s)", objection_id,
                        d, od);
    char *r = qa_astrdup(&t->alloc, reason);
    if (!r)
        return qa_error(ctx, QAWARD_ENOMEM, "timeline: out of memory");
    qa_applicant *a = &t->apps[o->app];
    if (upheld && a->steps[a->nsteps - 1].state == QA_ST_STAGE) {
        /* Art. 14: an upheld objection removes the applicant, with the finding as reason. */
        int rc = push_step(t, ctx, a, QA_ST_REMOVED, a->steps[a->nsteps - 1].stage, date, reason);
        if (rc) {
            qa_afree(&t->alloc, r);
            return rc;
        }
    }
    o->resolved = date;
    o->upheld = upheld ? 1 : 0;
    o->reason = r;
    qa_ok(ctx);
    return QAWARD_OK;
}

/* Art. 13(3): the written reasons of a refusal are the verdict's failing checks
 * and, for an incomplete verdict, the unknown ones (R5), in the policy's order. */
int qaward_refusal_from_verdict(qaward_refusal **out, qaward_ctx *ctx, const char *applicant_name, qaward_verdict *v)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !v)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_refusal_from_verdict: NULL argument");
    const char *id = qaward_verdict_subject_id(v);
    if (qaward_verdict_status(v) == QAWARD_ELIGIBLE)
        return qa_error(ctx, QAWARD_ESTATE, "refusal of %s: the verdict is eligible; there is nothing to refuse", id);
    qaward_refusal *r = NULL;
    int rc = qaward_refusal_new(&r, ctx, applicant_name && *applicant_name ? applicant_name : id);
    if (rc)
        return rc;
    size_t n = qaward_verdict_check_count(v);
    for (size_t i = 0; i < n; i++) {
        int o = qaward_verdict_check_outcome(v, i);
        if (o != QAWARD_FAIL && o != QAWARD_UNKNOWN)
            continue;
        const char *zh = qaward_verdict_check_message(v, i, QAWARD_LANG_ZH);
        const char *en = zh ? qaward_verdict_check_message(v, i, QAWARD_LANG_EN) : NULL;
        if (!zh || !en) {
            qaward_refusal_free(r);
            return qa_error(ctx, QAWARD_ENOMEM, "refusal of %s: out of memory", id);
        }
        rc = qaward_refusal_add_reason(r, ctx, qaward_verdict_check_rule(v, i), o == QAWARD_UNKNOWN,
                                       qaward_verdict_check_citation(v, i, QAWARD_LANG_ZH),
                                       qaward_verdict_check_citation(v, i, QAWARD_LANG_EN), zh, en);
        if (rc) {
            qaward_refusal_free(r);
            return qa_error_prefix(ctx, "refusal of %s", id);
        }
    }
    *out = r;
    qa_ok(ctx);
    return QAWARD_OK;
}

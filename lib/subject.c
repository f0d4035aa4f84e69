/* subject: an applicant's facts, built by setters (bindings) or subject_json.c. */
#include "subject_int.h"

static const char *const secret_names[] = {
#define X(e, n) n,
    QA_SECRET_FIELDS
#undef X
    NULL};

int qa_secret_field(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; secret_names[i]; i++)
        if (strcmp(secret_names[i], name) == 0)
            return i;
    return -1;
}

const char *qa_secret_field_name(int i) { return i >= 0 && i < (int)QA_ARRAY_LEN(secret_names) - 1 ? secret_names[i] : NULL; }

static qaward_subject *subject_alloc(const qaward_allocator *alloc)
{
    qa_arena a;
    qa_arena_init(&a, alloc);
    a.chunk = 1024; /* one small chunk keeps a subject's facts together (cache locality) */
    qaward_subject *s = qa_arena_alloc(&a, sizeof *s);
    if (!s) {
        qa_arena_free(&a);
        return NULL;
    }
    s->arena = a;
    s->legal_person = -1;
    s->for_profit = -1;
    return s;
}

int qaward_subject_new(qaward_subject **out, qaward_ctx *ctx, const char *id, const char *kind)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "subject_new: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    if (!id || !*id)
        return qa_error(ctx, QAWARD_EINVAL, "subject_new: id is NULL or empty");
    if (!kind || !*kind)
        return qa_error(ctx, QAWARD_EINVAL, "subject %.60s: kind is NULL or empty", id);
    qaward_subject *s = subject_alloc(&ctx->alloc);
    if (!s || !(s->id = qa_arena_strdup(&s->arena, id)) || !(s->kind = qa_arena_strdup(&s->arena, kind))) {
        qaward_subject_free(s);
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    }
    s->kind_h = qa_hash(kind);
    *out = s;
    qa_ok(ctx);
    return QAWARD_OK;
}

void qaward_subject_free(qaward_subject *s)
{
    if (!s)
        return;
    qaward_subject_free(s->employer);
    qa_arena a = s->arena;
    qa_arena_free(&a);
}

const char *qaward_subject_id(const qaward_subject *s) { return s ? s->id : ""; }
const char *qaward_subject_kind(const qaward_subject *s) { return s ? s->kind : ""; }
const char *qaward_subject_name(const qaward_subject *s) { return s ? s->name : NULL; }

#define NEED_S()                                                                                                       \
    do {                                                                                                               \
        if (!s)                                                                                                        \
            return qa_error(ctx, QAWARD_EINVAL, "%s: subject is NULL", __func__);                                      \
        s->bound = NULL;                                                                                               \
    } while (0)

static int nomem(qaward_ctx *ctx) { return qa_error(ctx, QAWARD_ENOMEM, "out of memory"); }

int qaward_subject_set_name(qaward_subject *s, qaward_ctx *ctx, const char *name)
{
    NEED_S();
    if (!name)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: name is NULL", s->id);
    const char *n = qa_arena_strdup(&s->arena, name);
    if (!n)
        return nomem(ctx);
    s->name = n;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_subject_set_region(qaward_subject *s, qaward_ctx *ctx, const char *code)
{
    NEED_S();
    if (!code)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: region code is NULL", s->id);
    size_t n = strlen(code);
    int ok = n >= 2 && n <= 12;
    for (size_t i = 0; ok && i < n; i++)
        ok = code[i] >= '0' && code[i] <= '9';
    if (!ok)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: region code \"%.20s\" is not 2 to 12 digits", s->id, code);
    const char *c = qa_arena_strdup(&s->arena, code);
    if (!c)
        return nomem(ctx);
    s->region = c;
    qa_ok(ctx);
    return QAWARD_OK;
}

static int set_flag(qaward_subject *s, qaward_ctx *ctx, int *f, int value, const char *what)
{
    if (value < -1 || value > 1)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: %s must be 0, 1 or -1, not %d", s->id, what, value);
    *f = value;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_subject_set_legal_person(qaward_subject *s, qaward_ctx *ctx, int value)
{
    NEED_S();
    return set_flag(s, ctx, &s->legal_person, value, "legal_person");
}

int qaward_subject_set_for_profit(qaward_subject *s, qaward_ctx *ctx, int value)
{
    NEED_S();
    return set_flag(s, ctx, &s->for_profit, value, "for_profit");
}

int qaward_subject_set_date(qaward_subject *s, qaward_ctx *ctx, int which, qaward_date d)
{
    NEED_S();
    if (which < 0 || which > 2)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: unknown date %d", s->id, which);
    if (d != QAWARD_DATE_NONE && !qaward_date_valid(d))
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: invalid date %d", s->id, (int)d);
    s->dates[which] = d;
    qa_ok(ctx);
    return QAWARD_OK;
}

static int grow(qaward_subject *s, qaward_ctx *ctx, void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 4;
    while (nc < need)
        nc *= 2;
    /* arrays live in the subject's arena (the old copy stays there until free) */
    void *p = nc > SIZE_MAX / size ? NULL : qa_arena_alloc(&s->arena, nc * size);
    if (!p)
        return nomem(ctx);
    if (*cap)
        memcpy(p, *arr, *cap * size);
    *arr = p;
    *cap = nc;
    return 0;
}

int qaward_subject_add_certificate(qaward_subject *s, qaward_ctx *ctx, const char *type, const char *level,
                                   qaward_date valid_from, qaward_date valid_to)
{
    NEED_S();
    if (!type || !*type)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: certificate type is NULL or empty", s->id);
    if (!qaward_date_valid(valid_from))
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: certificate %.60s: invalid valid_from %d", s->id, type,
                        (int)valid_from);
    if (valid_to != QAWARD_DATE_NONE && (!qaward_date_valid(valid_to) || valid_to < valid_from))
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: certificate %.60s: valid_to %d is invalid or before valid_from",
                        s->id, type, (int)valid_to);
    if (grow(s, ctx, (void **)&s->certs, &s->cap_certs, s->n_certs + 1, sizeof *s->certs))
        return QAWARD_ENOMEM;
    qa_cert c = {.type = qa_arena_strdup(&s->arena, type), .type_h = qa_hash(type), .type_idx = -1,
                 .level = level ? qa_arena_strdup(&s->arena, level) : NULL, .valid_from = valid_from, .valid_to = valid_to};
    if (!c.type || (level && !c.level))
        return nomem(ctx);
    s->certs[s->n_certs++] = c;
    s->certs_known = 1;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_subject_add_event(qaward_subject *s, qaward_ctx *ctx, const char *kind, const char *grade, int32_t deaths,
                             qaward_date date)
{
    NEED_S();
    if (!kind || !*kind)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: event kind is NULL or empty", s->id);
    if (deaths < 0)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: event %.60s: negative deaths %d", s->id, kind, (int)deaths);
    if (!qaward_date_valid(date))
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: event %.60s: invalid date %d", s->id, kind, (int)date);
    if (grow(s, ctx, (void **)&s->events, &s->cap_events, s->n_events + 1, sizeof *s->events))
        return QAWARD_ENOMEM;
    qa_event e = {.kind = qa_arena_strdup(&s->arena, kind), .kind_h = qa_hash(kind), .kind_idx = -1,
                  .grade = grade ? qa_arena_strdup(&s->arena, grade) : NULL, .deaths = deaths, .date = date};
    if (!e.kind || (grade && !e.grade))
        return nomem(ctx);
    s->events[s->n_events++] = e;
    s->events_known = 1;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_subject_set_known(qaward_subject *s, qaward_ctx *ctx, int list, int known)
{
    NEED_S();
    if ((list != QAWARD_LIST_CERTIFICATES && list != QAWARD_LIST_EVENTS) || (known != 0 && known != 1))
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: set_known: bad list %d or value %d", s->id, list, known);
    if (list == QAWARD_LIST_CERTIFICATES)
        s->certs_known = known || s->n_certs;
    else
        s->events_known = known || s->n_events;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_subject_set_profit(qaward_subject *s, qaward_ctx *ctx, int32_t fiscal_year, int64_t fen)
{
    NEED_S();
    if (fiscal_year < 1 || fiscal_year > 9999)
        return qa_error(ctx, QAWARD_ERANGE, "subject %s: fiscal year %d out of range 1..9999", s->id, (int)fiscal_year);
    size_t i = 0;
    while (i < s->n_profits && s->profits[i].year < fiscal_year)
        i++;
    if (i < s->n_profits && s->profits[i].year == fiscal_year) {
        s->profits[i].fen = fen;
    } else {
        if (grow(s, ctx, (void **)&s->profits, &s->cap_profits, s->n_profits + 1, sizeof *s->profits))
            return QAWARD_ENOMEM;
        memmove(s->profits + i + 1, s->profits + i, (s->n_profits - i) * sizeof *s->profits);
        s->profits[i] = (qa_profit){fiscal_year, fen};
        s->n_profits++;
    }
    qa_ok(ctx);
    return QAWARD_OK;
}

int qa_subject_profit(const qaward_subject *s, int32_t year, int64_t *fen)
{
    for (size_t i = 0; i < s->n_profits; i++)
        if (s->profits[i].year == year) {
            *fen = s->profits[i].fen;
            return 1;
        }
    return 0;
}

int qaward_subject_set_attestation(qaward_subject *s, qaward_ctx *ctx, const char *id, int value)
{
    NEED_S();
    if (!id || !*id || value < -1 || value > 1)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: attestation: NULL id or value %d not in -1..1", s->id, value);
    for (size_t i = 0; i < s->n_attests; i++)
        if (strcmp(s->attests[i].id, id) == 0) {
            if (value < 0) {
                s->attests[i] = s->attests[--s->n_attests];
            } else {
                s->attests[i].value = value;
            }
            qa_ok(ctx);
            return QAWARD_OK;
        }
    if (value >= 0) {
        if (grow(s, ctx, (void **)&s->attests, &s->cap_attests, s->n_attests + 1, sizeof *s->attests))
            return QAWARD_ENOMEM;
        const char *d = qa_arena_strdup(&s->arena, id);
        if (!d)
            return nomem(ctx);
        s->attests[s->n_attests++] = (qa_attest){d, qa_hash(d), value};
    }
    qa_ok(ctx);
    return QAWARD_OK;
}

int qa_subject_attestation(const qaward_subject *s, const char *id, uint64_t h)
{
    for (size_t i = 0; i < s->n_attests; i++)
        if (s->attests[i].h == h && strcmp(s->attests[i].id, id) == 0)
            return s->attests[i].value;
    return -1;
}

int qaward_subject_mark_secret(qaward_subject *s, qaward_ctx *ctx, const char *field)
{
    NEED_S();
    int i = qa_secret_field(field);
    if (i < 0)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: \"%.60s\" is not a field that can be marked a trade secret",
                        s->id, field ? field : "(null)");
    s->secrets |= 1u << i;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_subject_is_secret(const qaward_subject *s, const char *field)
{
    int i = qa_secret_field(field);
    return s && i >= 0 && (s->secrets >> i & 1u);
}

int qaward_subject_employer(qaward_subject **out, qaward_ctx *ctx, qaward_subject *s)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "subject_employer: out is NULL");
    *out = NULL;
    NEED_S();
    if (s->is_employer)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: an employer has no employer", s->id);
    if (!s->employer) {
        qaward_subject *e = subject_alloc(&s->arena.alloc);
        if (!e)
            return nomem(ctx);
        e->is_employer = 1;
        e->id = qa_arena_strdup(&e->arena, s->id);
        e->kind = qa_arena_strdup(&e->arena, "organization");
        e->kind_h = qa_hash("organization");
        if (!e->id || !e->kind) {
            qaward_subject_free(e);
            return nomem(ctx);
        }
        s->employer = e;
    }
    *out = s->employer;
    qa_ok(ctx);
    return QAWARD_OK;
}

void qaward_subject_list_free(qaward_subject_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        qaward_subject_free(l->items[i]);
    qaward_allocator a = l->alloc;
    qa_afree(&a, l->items);
    qa_afree(&a, l);
}

size_t qaward_subject_list_count(const qaward_subject_list *l) { return l ? l->n : 0; }
qaward_subject *qaward_subject_list_get(const qaward_subject_list *l, size_t i) { return l && i < l->n ? l->items[i] : NULL; }

/* Grade index of a level on a certificate type's scale; -2 when it is not on it. */
static int cert_grade(const qaward_policy *p, const qa_cert *c)
{
    if (!c->level)
        return -1;
    int sc = p->cert_types[c->type_idx].scale;
    int g = sc < 0 ? -1 : qa_scale_grade(&p->scales[sc], c->level);
    return g < 0 || g > 127 ? -2 : g;
}

/* The compact block of a subject whose ids bind_one() resolved; s->fast stays
 * NULL (the checks take the general path) when a fact does not fit it. 1 on OOM. */
static int build_fast(qaward_subject *s, const qaward_policy *p)
{
    s->fast = NULL;
    size_t nc = 0;
    for (size_t i = 0; i < s->n_certs; i++) {
        if (s->certs[i].type_idx < 0)
            continue; /* a type the policy does not list: no condition reads it */
        if (s->certs[i].type_idx > INT16_MAX || cert_grade(p, &s->certs[i]) == -2)
            return 0; /* a level off the scale: the general path reports it */
        nc++;
    }
    if (s->bound_kind < 0 || p->n_conds[s->bound_kind] > 64 || nc > UINT16_MAX || s->n_events > UINT16_MAX || s->n_profits > UINT16_MAX || p->n_attest_ids > UINT8_MAX ||
        p->n_event_kinds > INT16_MAX)
        return 0;
    for (size_t i = 0; i < s->n_events; i++)
        if (s->events[i].grade && p->event_kinds[s->events[i].kind_idx].scale >= 0 &&
            qa_scale_grade(&p->scales[p->event_kinds[s->events[i].kind_idx].scale], s->events[i].grade) > 127)
            return 0;
    size_t size = sizeof(qa_fast) + nc * sizeof(qa_fcert) + s->n_events * sizeof(qa_fevent) +
                  s->n_profits * sizeof(qa_fprofit) + p->n_attest_ids;
    if (size > s->fast_cap) {
        void *m = qa_arena_alloc(&s->arena, size + 63);
        if (!m)
            return 1;
        s->fast_mem = m;
        s->fast_cap = size;
    }
    qa_fast *f = (qa_fast *)(((uintptr_t)s->fast_mem + 63) & ~(uintptr_t)63); /* one cache line or two */
    memset(f, 0, size);
    memcpy(f->dates, s->dates, sizeof f->dates);
    f->legal_person = (int8_t)s->legal_person;
    f->for_profit = (int8_t)s->for_profit;
    f->region = -1;
    if (s->region) { /* Art. 2, 10(2) */
        f->region = 0;
        for (size_t j = 0; j < p->n_region_prefixes; j++)
            if (strncmp(s->region, p->region_prefixes[j], strlen(p->region_prefixes[j])) == 0) {
                f->region = 1;
                break;
            }
    }
    f->certs_known = (uint8_t)(s->certs_known != 0);
    f->events_known = (uint8_t)(s->events_known != 0);
    f->n_att = (uint8_t)p->n_attest_ids;
    f->n_certs = (uint16_t)nc;
    f->n_events = (uint16_t)s->n_events;
    f->n_profits = (uint16_t)s->n_profits;
    qa_fcert *fc = (qa_fcert *)(f + 1);
    for (size_t i = 0; i < s->n_certs; i++) {
        const qa_cert *c = &s->certs[i];
        if (c->type_idx < 0)
            continue;
        fc->from = c->valid_from;
        fc->to = c->valid_to;
        fc->type = (int16_t)c->type_idx;
        fc->level = (int8_t)cert_grade(p, c);
        fc++;
    }
    qa_fevent *fe = (qa_fevent *)fc;
    for (size_t i = 0; i < s->n_events; i++, fe++) {
        const qa_event *e = &s->events[i];
        int sc = p->event_kinds[e->kind_idx].scale;
        fe->date = e->date;
        fe->kind = (int16_t)e->kind_idx;
        fe->grade = (int8_t)(e->grade && sc >= 0 ? qa_scale_grade(&p->scales[sc], e->grade) : -1);
        fe->dead = e->deaths > 0;
    }
    qa_fprofit *fp = (qa_fprofit *)fe;
    for (size_t i = 0; i < s->n_profits; i++, fp++) {
        fp->year = s->profits[i].year;
        fp->positive = s->profits[i].fen > 0;
    }
    if (p->n_attest_ids)
        memcpy(fp, s->bound_att, p->n_attest_ids);
    /* Conditions decided by the facts alone, whatever the date (R5, R6). Those on
     * the employer stay dynamic: the employer can be bound again on its own. */
    for (size_t i = 0; i < p->n_conds[s->bound_kind]; i++) {
        const qa_cond *cd = &p->conds[s->bound_kind][i];
        uint64_t bit = UINT64_C(1) << i;
        int v = 1;
        if (cd->applies != QA_APPLIES_ALL) { /* Art. 10(5) */
            if (f->for_profit < 0) {
                f->st_unknown |= bit;
                continue;
            }
            if ((cd->applies == QA_APPLIES_FOR_PROFIT) != (f->for_profit == 1))
                continue; /* not applicable */
        }
        if (cd->on != QA_ON_SELF) {
            f->dyn |= bit;
            continue;
        }
        switch (cd->type) {
        case QA_COND_ATTESTATION: v = QA_FAST_ATT(f)[cd->attest_idx]; break;
        case QA_COND_FLAG: v = cd->fact == QA_FACT_LEGAL_PERSON ? f->legal_person : f->for_profit; break;
        case QA_COND_REGION: v = f->region; break;
        case QA_COND_YEARS_SINCE: v = f->dates[cd->fact] ? 2 : -1; break;
        case QA_COND_CERT_HELD:
        case QA_COND_CERT_LEVEL: v = f->certs_known ? 2 : -1; break;
        case QA_COND_NO_EVENT: /* R18: only events of the rule's kinds can fail it */
            v = f->events_known ? 1 : -1;
            for (size_t e = 0; v == 1 && e < s->n_events; e++)
                for (size_t j = 0; j < cd->n_events; j++)
                    if (cd->events[j].kind == s->events[e].kind_idx)
                        v = 2;
            break;
        default: v = 2; break;
        }
        if (v < 0)
            f->st_unknown |= bit;
        else if (v == 0)
            f->st_fail |= bit;
        else if (v == 2)
            f->dyn |= bit;
    }
    s->fast = f;
    return 0;
}

/* Resolve one subject's ids against a policy (R18: unknown event kinds and
 * grades, certificate levels and the kind itself are EINVAL naming them). */
static int bind_one(qaward_subject *s, qaward_ctx *ctx, const qaward_policy *p, const char *whose)
{
    for (size_t i = 0; i < s->n_events; i++) {
        qa_event *e = &s->events[i];
        e->kind_idx = -1;
        for (size_t j = 0; j < p->n_event_kinds; j++)
            if (p->event_kinds[j].h == e->kind_h && strcmp(p->event_kinds[j].id, e->kind) == 0)
                e->kind_idx = (int)j;
        if (e->kind_idx < 0)
            return qa_error(ctx, QAWARD_EINVAL, "subject %s: %sevents[%zu].kind \"%.60s\" is not an event kind of policy %s",
                            s->id, whose, i, e->kind, p->id);
        if (e->grade) {
            int sc = p->event_kinds[e->kind_idx].scale;
            if (sc < 0)
                return qa_error(ctx, QAWARD_EINVAL, "subject %s: %sevents[%zu]: event kind \"%s\" takes no grade (got \"%.40s\")",
                                s->id, whose, i, e->kind, e->grade);
            if (qa_scale_grade(&p->scales[sc], e->grade) < 0)
                return qa_error(ctx, QAWARD_EINVAL, "subject %s: %sevents[%zu].grade \"%.40s\" is not on scale \"%s\" of policy %s",
                                s->id, whose, i, e->grade, p->scales[sc].id, p->id);
        }
    }
    for (size_t i = 0; i < s->n_certs; i++) {
        qa_cert *c = &s->certs[i];
        c->type_idx = -1;
        for (size_t j = 0; j < p->n_cert_types; j++)
            if (p->cert_types[j].h == c->type_h && strcmp(p->cert_types[j].id, c->type) == 0)
                c->type_idx = (int)j;
    }
    int8_t *att = s->bound_att;
    if (s->bound_att_n < p->n_attest_ids) {
        att = qa_arena_alloc(&s->arena, p->n_attest_ids);
        if (!att)
            return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        s->bound_att_n = p->n_attest_ids;
    }
    for (size_t a = 0; a < p->n_attest_ids; a++)
        att[a] = (int8_t)qa_subject_attestation(s, p->attest_ids[a], p->attest_h[a]);
    s->bound_att = att;
    s->bound_kind = qa_policy_kind(p, s->kind);
    s->id_h = qa_hash(s->id);
    if (build_fast(s, p))
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    s->bound = p;
    return 0;
}

int qaward_subject_bind(qaward_subject *s, qaward_ctx *ctx, const qaward_policy *p)
{
    if (!s || !p)
        return qa_error(ctx, QAWARD_EINVAL, "subject_bind: NULL subject or policy");
    s->bound = NULL;
    if (qa_policy_kind(p, s->kind) < 0)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: kind \"%.60s\" is not a subject kind of policy %s", s->id,
                        s->kind, p->id);
    if (s->employer) {
        s->employer->bound = NULL;
        int rc = bind_one(s->employer, ctx, p, "employer.");
        if (rc)
            return rc;
    }
    int rc = bind_one(s, ctx, p, "");
    if (rc)
        return rc;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_subject_list_bind(qaward_subject_list *l, qaward_ctx *ctx, const qaward_policy *p)
{
    if (!l || !p)
        return qa_error(ctx, QAWARD_EINVAL, "subject_list_bind: NULL list or policy");
    for (size_t i = 0; i < l->n; i++) {
        qaward_subject *s = l->items[i];
        int rc = qaward_subject_bind(s, ctx, p);
        if (rc) {
            /* all or nothing: no subject keeps a binding, old or new */
            for (size_t j = 0; j < l->n; j++) {
                l->items[j]->bound = NULL;
                if (l->items[j]->employer)
                    l->items[j]->employer->bound = NULL;
            }
            qa_error_prefix(ctx, "subject_list_bind: subjects[%zu] (id \"%.60s\")", i, s->id);
            return rc;
        }
    }
    qa_ok(ctx);
    return QAWARD_OK;
}

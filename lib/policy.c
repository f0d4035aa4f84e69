/* policy: immutable measures as data; getters, built-ins, year/cycle arithmetic
 * for waits and bans (Art. 4, 5, 15, 20, 22, 26; R7–R13, R17). */
#include "policy_int.h"
#include "embedded.h"
#include <stdio.h>

/* ---- arena ------------------------------------------------------------------- */
struct qa_arena_chunk {
    qa_arena_chunk *next;
    size_t cap;
    _Alignas(8) unsigned char data[];
};

void qa_arena_init(qa_arena *a, const qaward_allocator *alloc)
{
    memset(a, 0, sizeof *a);
    a->alloc = *alloc;
}

void *qa_arena_alloc(qa_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0)
        n = 8;
    if (!a->head || a->cap - a->used < n) {
        size_t min = a->chunk ? a->chunk : 4000;
        size_t cap = n > min ? n : min;
        qa_arena_chunk *c = qa_amalloc(&a->alloc, sizeof *c + cap);
        if (!c)
            return NULL;
        c->cap = cap;
        c->next = a->head;
        a->head = c;
        a->used = 0;
        a->cap = cap;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    memset(p, 0, n);
    return p;
}

char *qa_arena_strdup(qa_arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *d = qa_arena_alloc(a, n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

void qa_arena_reset(qa_arena *a)
{
    if (!a->head)
        return;
    while (a->head->next) {
        qa_arena_chunk *n = a->head->next;
        a->head->next = n->next;
        qa_afree(&a->alloc, n);
    }
    a->used = 0;
    a->cap = a->head->cap;
}

void qa_arena_free(qa_arena *a)
{
    qa_arena_chunk *c = a->head;
    while (c) {
        qa_arena_chunk *n = c->next;
        qa_afree(&a->alloc, c);
        c = n;
    }
    a->head = NULL;
    a->used = a->cap = 0;
}

/* ---- lookups ------------------------------------------------------------------ */
#define FIND(arr, n, field, key)                                                                                       \
    do {                                                                                                               \
        if (!(key))                                                                                                    \
            return -1;                                                                                                 \
        for (size_t i_ = 0; i_ < (n); i_++)                                                                            \
            if (strcmp((arr)[i_].field, (key)) == 0)                                                                   \
                return (int)i_;                                                                                        \
        return -1;                                                                                                     \
    } while (0)

int qa_policy_level(const qaward_policy *p, const char *id) { FIND(p->levels, p->n_levels, id, id); }
int qa_policy_kind(const qaward_policy *p, const char *id) { FIND(p->kinds, p->n_kinds, id, id); }
int qa_policy_event_kind(const qaward_policy *p, const char *id) { FIND(p->event_kinds, p->n_event_kinds, id, id); }
int qa_policy_cert_type(const qaward_policy *p, const char *id) { FIND(p->cert_types, p->n_cert_types, id, id); }
int qa_policy_sanction(const qaward_policy *p, const char *kind) { FIND(p->sanctions, p->n_sanctions, kind, kind); }

int qa_scale_grade(const qa_scale *s, const char *grade)
{
    if (!grade)
        return -1;
    for (size_t i = 0; i < s->n_grades; i++)
        if (strcmp(s->grades[i], grade) == 0)
            return (int)i;
    return -1;
}

/* ---- editions and windows ------------------------------------------------------ */
int32_t qa_policy_edition_of(const qaward_policy *p, qaward_date d)
{
    int32_t off = qaward_date_year(d) - p->first_edition_year;
    int32_t c = p->cycle_years > 0 ? p->cycle_years : 1;
    return off >= 0 ? off / c : -((-off + c - 1) / c);
}

qaward_date qa_policy_edition_start(const qaward_policy *p, int32_t edition)
{
    int64_t y = (int64_t)p->first_edition_year + (int64_t)edition * p->cycle_years;
    if (y < 1 || y > 9999)
        return QAWARD_DATE_NONE;
    return (qaward_date)(y * 10000 + 101);
}

static qaward_date jan1(int64_t y) { return (y < 1 || y > 9999) ? QAWARD_DATE_NONE : (qaward_date)(y * 10000 + 101); }

static qaward_date count_from(const qaward_policy *p, qaward_date d, int32_t n, qa_unit unit, qa_count count)
{
    if (unit == QA_UNIT_YEARS) {
        int64_t y = qaward_date_year(d);
        switch (count) {
        case QA_COUNT_EXCLUDE_AWARD_YEAR: return jan1(y + n + 1); /* R7: Y+1..Y+N, then 1 Jan Y+N+1 */
        case QA_COUNT_INCLUDE_AWARD_YEAR: return jan1(y + n);     /* Y..Y+N-1 */
        case QA_COUNT_FROM_DATE:
            if (y + n > 9999)
                return QAWARD_DATE_NONE;
            return qa_add_years(d, n); /* R1 */
        }
        return QAWARD_DATE_NONE;
    }
    int32_t e = qa_policy_edition_of(p, d);
    switch (count) {
    case QA_COUNT_EXCLUDE_AWARD_YEAR: return qa_policy_edition_start(p, e + n + 1); /* "the next N editions" */
    case QA_COUNT_INCLUDE_AWARD_YEAR: return qa_policy_edition_start(p, e + n);
    case QA_COUNT_FROM_DATE: {
        int64_t years = (int64_t)n * p->cycle_years;
        if (qaward_date_year(d) + years > 9999)
            return QAWARD_DATE_NONE;
        return qa_add_years(d, (int32_t)years);
    }
    }
    return QAWARD_DATE_NONE;
}

qaward_date qa_wait_until(const qaward_policy *p, const qa_wait *w, qaward_date award_date)
{
    return count_from(p, award_date, w->length, w->unit, w->count);
}

int qa_sanction_window(const qaward_policy *p, const qa_sanction *s, qaward_date decided, qaward_date *from,
                       qaward_date *until)
{
    *from = *until = QAWARD_DATE_NONE;
    if (!s->has_ban)
        return QAWARD_OK;
    qaward_date u = count_from(p, decided, s->ban_length, s->ban_unit, s->ban_count);
    if (u == QAWARD_DATE_NONE)
        return QAWARD_ERANGE;
    *from = decided;
    *until = u;
    return QAWARD_OK;
}

/* ---- load ---------------------------------------------------------------------- */
int qa_policy_load_json_named(qaward_policy **out, qaward_ctx *ctx, const char *json, size_t len, const char *what);

int qaward_policy_builtin(qaward_policy **out, qaward_ctx *ctx, const char *name)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "policy_builtin: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    if (!name)
        return qa_error(ctx, QAWARD_EINVAL, "policy_builtin: name is NULL");
    const qa_embedded *e = qa_embedded_find("policy", name);
    if (!e)
        return qa_error(ctx, QAWARD_ENOTFOUND, "no built-in policy \"%.60s\" (built-ins: jian-2023, lakeside-2024)",
                        name);
    char what[96];
    snprintf(what, sizeof what, "built-in policy %s", name);
    return qa_policy_load_json_named(out, ctx, e->data, e->len, what);
}

void qaward_policy_free(qaward_policy *p)
{
    if (!p)
        return;
    qa_arena a = p->arena; /* p itself lives in its arena */
    qa_arena_free(&a);
}

/* ---- getters ------------------------------------------------------------------- */
static const char *pick(qa_text t, int lang)
{
    const char *a = lang == QAWARD_LANG_ZH ? t.zh : t.en;
    const char *b = lang == QAWARD_LANG_ZH ? t.en : t.zh;
    return a ? a : b ? b : "";
}

const char *qaward_policy_id(const qaward_policy *p) { return p ? p->id : ""; }
const char *qaward_policy_name(const qaward_policy *p, int lang) { return p ? pick(p->name, lang) : ""; }
int qaward_policy_fictional(const qaward_policy *p) { return p ? p->fictional : 0; }
qaward_date qaward_policy_valid_from(const qaward_policy *p) { return p ? p->valid_from : QAWARD_DATE_NONE; }
qaward_date qaward_policy_valid_to(const qaward_policy *p) { return p ? p->valid_to : QAWARD_DATE_NONE; }

int qaward_policy_in_force(const qaward_policy *p, qaward_date d)
{
    if (!p || !qaward_date_valid(d))
        return 0;
    /* R17 / Art. 26 */
    return d >= p->valid_from && (p->valid_to == QAWARD_DATE_NONE || d <= p->valid_to);
}

int32_t qaward_policy_cycle_years(const qaward_policy *p) { return p ? p->cycle_years : 0; }
int32_t qaward_policy_first_edition_year(const qaward_policy *p) { return p ? p->first_edition_year : 0; }
size_t qaward_policy_kind_count(const qaward_policy *p) { return p ? p->n_kinds : 0; }
const char *qaward_policy_kind_id(const qaward_policy *p, size_t i) { return p && i < p->n_kinds ? p->kinds[i].id : NULL; }
int qaward_policy_kind_index(const qaward_policy *p, const char *id) { return p ? qa_policy_kind(p, id) : -1; }
size_t qaward_policy_level_count(const qaward_policy *p) { return p ? p->n_levels : 0; }
const char *qaward_policy_level_id(const qaward_policy *p, size_t i) { return p && i < p->n_levels ? p->levels[i].id : NULL; }

const char *qaward_policy_level_name(const qaward_policy *p, size_t i, int lang)
{
    return p && i < p->n_levels ? pick(p->levels[i].name, lang) : NULL;
}

int qaward_policy_level_index(const qaward_policy *p, const char *id) { return p ? qa_policy_level(p, id) : -1; }
int qaward_policy_level_honour_only(const qaward_policy *p, size_t i) { return p && i < p->n_levels ? p->levels[i].honour_only : 0; }
int qaward_policy_level_main(const qaward_policy *p, size_t i) { return p && i < p->n_levels ? p->levels[i].main : 0; }

int qaward_policy_level_rewin(int *prize, int *quota, const qaward_policy *p, size_t i)
{
    if (!prize || !quota || !p || i >= p->n_levels)
        return QAWARD_EINVAL;
    *prize = p->levels[i].rewin_prize;
    *quota = p->levels[i].rewin_quota;
    return QAWARD_OK;
}

static int level_kind(qaward_ctx *ctx, const qaward_policy *p, const char *level, const char *kind, int *li, int *ki)
{
    if (!p || !level || !kind)
        return qa_error(ctx, QAWARD_EINVAL, "policy: NULL policy, level or kind");
    *li = qa_policy_level(p, level);
    if (*li < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "policy %s: unknown award level \"%.60s\"", p->id, level);
    *ki = qa_policy_kind(p, kind);
    if (*ki < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "policy %s: unknown subject kind \"%.60s\"", p->id, kind);
    return QAWARD_OK;
}

int qaward_policy_quota(int32_t *max, size_t *group, int *pooled, qaward_ctx *ctx, const qaward_policy *p,
                        const char *level, const char *kind)
{
    int li, ki;
    if (!max)
        return qa_error(ctx, QAWARD_EINVAL, "policy_quota: max is NULL");
    int rc = level_kind(ctx, p, level, kind, &li, &ki);
    if (rc)
        return rc;
    int q = p->quota_of[(size_t)li * p->n_kinds + (size_t)ki];
    *max = p->quotas[q].max;
    if (group)
        *group = (size_t)q;
    if (pooled)
        *pooled = p->quotas[q].n_kinds > 1;
    qa_ok(ctx);
    return QAWARD_OK;
}

size_t qaward_policy_quota_count(const qaward_policy *p) { return p ? p->n_quotas : 0; }

int qaward_policy_quota_get(const char **level, int32_t *max, size_t *n_kinds, const qaward_policy *p, size_t i)
{
    if (!p || i >= p->n_quotas)
        return QAWARD_EINVAL;
    if (level)
        *level = p->levels[p->quotas[i].level].id;
    if (max)
        *max = p->quotas[i].max;
    if (n_kinds)
        *n_kinds = p->quotas[i].n_kinds;
    return QAWARD_OK;
}

const char *qaward_policy_quota_kind(const qaward_policy *p, size_t i, size_t k)
{
    if (!p || i >= p->n_quotas || k >= p->quotas[i].n_kinds)
        return NULL;
    return p->kinds[p->quotas[i].kinds[k]].id;
}

int qaward_policy_prize(int64_t *fen, qaward_ctx *ctx, const qaward_policy *p, const char *level, const char *kind)
{
    int li, ki;
    if (!fen)
        return qa_error(ctx, QAWARD_EINVAL, "policy_prize: fen is NULL");
    int rc = level_kind(ctx, p, level, kind, &li, &ki);
    if (rc)
        return rc;
    *fen = p->prize_fen[(size_t)li * p->n_kinds + (size_t)ki]; /* Art. 15; R13 */
    qa_ok(ctx);
    return QAWARD_OK;
}

size_t qaward_policy_sanction_count(const qaward_policy *p) { return p ? p->n_sanctions : 0; }

const char *qaward_policy_sanction_kind(const qaward_policy *p, size_t i)
{
    return p && i < p->n_sanctions ? p->sanctions[i].kind : NULL;
}

static int sanction_of(qaward_ctx *ctx, const qaward_policy *p, const char *kind, const qa_sanction **out)
{
    if (!p || !kind)
        return qa_error(ctx, QAWARD_EINVAL, "policy: NULL policy or sanction kind");
    int i = qa_policy_sanction(p, kind);
    if (i < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "policy %s: unknown sanction kind \"%.60s\"", p->id, kind);
    *out = &p->sanctions[i];
    return QAWARD_OK;
}

int qaward_policy_sanction_info(int *revokes, int *public_notice, int32_t *incident_window_years, qaward_ctx *ctx,
                                const qaward_policy *p, const char *kind)
{
    const qa_sanction *s;
    int rc = sanction_of(ctx, p, kind, &s);
    if (rc)
        return rc;
    if (revokes)
        *revokes = s->revokes;
    if (public_notice)
        *public_notice = s->public_notice;
    if (incident_window_years)
        *incident_window_years = s->incident_window_years;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_policy_ban_window(qaward_date *ban_from, qaward_date *ban_until, qaward_ctx *ctx, const qaward_policy *p,
                             const char *kind, qaward_date decided_on)
{
    const qa_sanction *s;
    if (!ban_from || !ban_until)
        return qa_error(ctx, QAWARD_EINVAL, "policy_ban_window: NULL output");
    int rc = sanction_of(ctx, p, kind, &s);
    if (rc)
        return rc;
    if (!qaward_date_valid(decided_on))
        return qa_error(ctx, QAWARD_EINVAL, "policy_ban_window: invalid decision date %d", (int)decided_on);
    qaward_date f, u;
    if (qa_sanction_window(p, s, decided_on, &f, &u))
        return qa_error(ctx, QAWARD_ERANGE, "policy_ban_window: ban of \"%s\" from %d ends after year 9999", kind,
                        (int)decided_on);
    *ban_from = f;
    *ban_until = u;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_policy_reapply_date(qaward_date *out, qaward_ctx *ctx, const qaward_policy *p, const char *level,
                               qaward_date award_date)
{
    if (!out || !p || !level)
        return qa_error(ctx, QAWARD_EINVAL, "policy_reapply_date: NULL argument");
    int li = qa_policy_level(p, level);
    if (li < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "policy %s: unknown award level \"%.60s\"", p->id, level);
    if (!qaward_date_valid(award_date))
        return qa_error(ctx, QAWARD_EINVAL, "policy_reapply_date: invalid award date %d", (int)award_date);
    qaward_date best = QAWARD_DATE_NONE;
    for (size_t i = 0; i < p->n_waits; i++) {
        if (p->waits[i].level != li)
            continue;
        qaward_date u = qa_wait_until(p, &p->waits[i], award_date);
        if (u == QAWARD_DATE_NONE)
            return qa_error(ctx, QAWARD_ERANGE, "policy_reapply_date: wait from %d ends after year 9999",
                            (int)award_date);
        if (u > best)
            best = u;
    }
    *out = best;
    qa_ok(ctx);
    return QAWARD_OK;
}

size_t qaward_policy_rule_count(const qaward_policy *p, const char *kind)
{
    int k = p ? qa_policy_kind(p, kind) : -1;
    if (k < 0)
        return 0;
    return p->n_conds[k] + p->n_waits + p->n_sanctions;
}

const char *qaward_policy_rule_id(const qaward_policy *p, const char *kind, size_t i)
{
    int k = p ? qa_policy_kind(p, kind) : -1;
    if (k < 0)
        return NULL;
    if (i < p->n_conds[k])
        return p->conds[k][i].id;
    i -= p->n_conds[k];
    if (i < p->n_waits)
        return p->waits[i].id;
    i -= p->n_waits;
    if (i < p->n_sanctions)
        return p->sanctions[i].rule_id;
    return NULL;
}

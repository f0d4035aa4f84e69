/* scoring: criteria schemes, assessors' sheets, aggregation and results
 * (Art. 6: GB/T 19580 is the scoring standard; Art. 13: assessors score the
 * materials, the defence and the site review; Art. 13(二): self-assessment).
 *
 * Rounding rule of the module (docs/scoring.md): round half away from zero to
 * the hundredth of a point, only where a division happens. */
#include "scoring_internal.h"
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------- arithmetic */

int64_t qa_div_round(int64_t num, int64_t den)
{
    if (num < 0)
        return -qa_div_round(-num, den);
    int64_t q = num / den, r = num % den;
    return r >= den - r ? q + 1 : q;
}

/* ---------------------------------------------------------------- strings */

void qa_text_free(const qaward_allocator *a, qa_text *t)
{
    qa_afree(a, t->zh);
    qa_afree(a, t->en);
    t->zh = t->en = NULL;
}

const char *qa_text_get(const qa_text *t, const char *lang)
{
    if (lang && strcmp(lang, "en") == 0 && t->en)
        return t->en;
    return t->zh ? t->zh : (t->en ? t->en : "");
}

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

int64_t qa_strtab_find(const qa_strtab *t, const char *s)
{
    if (!t->nslots)
        return -1;
    size_t mask = t->nslots - 1;
    for (size_t i = hash_str(s) & mask;; i = (i + 1) & mask) {
        uint32_t v = t->slots[i];
        if (!v)
            return -1;
        if (strcmp(t->s[v - 1], s) == 0)
            return v - 1;
    }
}

static int strtab_rehash(const qaward_allocator *a, qa_strtab *t, size_t nslots)
{
    uint32_t *slots = qa_acalloc(a, nslots, sizeof *slots);
    if (!slots)
        return -1;
    size_t mask = nslots - 1;
    for (size_t k = 0; k < t->n; k++) {
        size_t i = hash_str(t->s[k]) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = (uint32_t)(k + 1);
    }
    qa_afree(a, t->slots);
    t->slots = slots;
    t->nslots = nslots;
    return 0;
}

int64_t qa_strtab_intern(const qaward_allocator *a, qa_strtab *t, const char *s)
{
    int64_t found = qa_strtab_find(t, s);
    if (found >= 0)
        return found;
    if (t->n >= UINT32_MAX - 1)
        return -1;
    if ((t->n + 1) * 2 > t->nslots && strtab_rehash(a, t, t->nslots ? t->nslots * 2 : 16) != 0)
        return -1;
    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 16;
        char **ns = qa_arealloc(a, t->s, ncap * sizeof *ns);
        if (!ns)
            return -1;
        t->s = ns;
        t->cap = ncap;
    }
    char *copy = qa_astrdup(a, s);
    if (!copy)
        return -1;
    t->s[t->n] = copy;
    size_t mask = t->nslots - 1, i = hash_str(s) & mask;
    while (t->slots[i])
        i = (i + 1) & mask;
    t->slots[i] = (uint32_t)(t->n + 1);
    return (int64_t)t->n++;
}

void qa_strtab_free(const qaward_allocator *a, qa_strtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        qa_afree(a, t->s[i]);
    qa_afree(a, t->s);
    qa_afree(a, t->slots);
    memset(t, 0, sizeof *t);
}

/* ---------------------------------------------------------------- schemes */

static const char *kind_name(int kind)
{
    return kind == QAWARD_ITEM_PROCESS ? "process" : kind == QAWARD_ITEM_RESULTS ? "results" : "?";
}

int qa_scheme_check(qaward_ctx *ctx, const qaward_scheme *s)
{
    if (s->step < 1 || s->step > 100 || 100 % s->step != 0)
        return qa_error(ctx, QAWARD_ERANGE, "scheme %s: step %d does not divide 100", s->id, s->step);
    if (s->n_cats == 0)
        return qa_error(ctx, QAWARD_ERANGE, "scheme %s: no categories", s->id);
    int64_t sum = 0, part[3] = {0, 0, 0};
    for (size_t c = 0; c < s->n_cats; c++) {
        const qa_category *cat = &s->cats[c];
        for (size_t d = 0; d < c; d++)
            if (strcmp(s->cats[d].id, cat->id) == 0)
                return qa_error(ctx, QAWARD_EEXISTS, "scheme %s: category %s appears twice", s->id, cat->id);
        if (cat->count == 0)
            return qa_error(ctx, QAWARD_ERANGE, "scheme %s: category %s has no items", s->id, cat->id);
        int64_t csum = 0;
        for (size_t i = cat->first; i < cat->first + cat->count; i++) {
            const qa_item *it = &s->items[i];
            if (it->points <= 0)
                return qa_error(ctx, QAWARD_ERANGE, "scheme %s: item %s: points %lld must be positive", s->id,
                                it->id, (long long)it->points);
            csum += it->points;
            part[it->kind] += it->points;
        }
        if (csum != cat->points)
            return qa_error(ctx, QAWARD_ERANGE,
                            "scheme %s: category %s: items add up to %lld points, the category has %lld", s->id,
                            cat->id, (long long)csum, (long long)cat->points);
        sum += cat->points;
    }
    for (size_t i = 0; i < s->n_items; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(s->items[i].id, s->items[j].id) == 0)
                return qa_error(ctx, QAWARD_EEXISTS, "scheme %s: item %s appears twice", s->id, s->items[i].id);
    if (sum != s->total)
        return qa_error(ctx, QAWARD_ERANGE, "scheme %s: categories add up to %lld points, the total is %lld", s->id,
                        (long long)sum, (long long)s->total);
    for (int k = QAWARD_ITEM_PROCESS; k <= QAWARD_ITEM_RESULTS; k++)
        if (s->parts[k] >= 0 && s->parts[k] != part[k])
            return qa_error(ctx, QAWARD_ERANGE, "scheme %s: %s items add up to %lld points, the %s part is %lld",
                            s->id, kind_name(k), (long long)part[k], kind_name(k), (long long)s->parts[k]);
    return QAWARD_OK;
}

void qaward_scheme_free(qaward_scheme *s)
{
    if (!s)
        return;
    qaward_allocator a = s->alloc;
    for (size_t i = 0; i < s->n_items; i++) {
        qa_afree(&a, s->items[i].id);
        qa_text_free(&a, &s->items[i].name);
    }
    for (size_t c = 0; c < s->n_cats; c++) {
        qa_afree(&a, s->cats[c].id);
        qa_text_free(&a, &s->cats[c].name);
    }
    qa_afree(&a, s->items);
    qa_afree(&a, s->cats);
    qa_afree(&a, s->id);
    qa_afree(&a, s->note);
    qa_text_free(&a, &s->title);
    qa_afree(&a, s);
}

const char *qaward_scheme_id(const qaward_scheme *s) { return s ? s->id : ""; }
int qaward_scheme_is_example(const qaward_scheme *s) { return s ? s->example : 0; }
int64_t qaward_scheme_total_points(const qaward_scheme *s) { return s ? s->total : 0; }
int qaward_scheme_step(const qaward_scheme *s) { return s ? s->step : 0; }
size_t qaward_scheme_category_count(const qaward_scheme *s) { return s ? s->n_cats : 0; }
size_t qaward_scheme_item_count(const qaward_scheme *s) { return s ? s->n_items : 0; }

static int64_t scheme_item_index(const qaward_scheme *s, const char *id)
{
    for (size_t i = 0; i < s->n_items; i++)
        if (strcmp(s->items[i].id, id) == 0)
            return (int64_t)i;
    return -1;
}

int qaward_scheme_item_find(size_t *out, qaward_ctx *ctx, const qaward_scheme *s, const char *item_id)
{
    if (!out || !s || !item_id)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scheme_item_find: NULL argument");
    int64_t i = scheme_item_index(s, item_id);
    if (i < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "scheme %s has no item \"%s\"", s->id, item_id);
    *out = (size_t)i;
    qa_ok(ctx);
    return QAWARD_OK;
}

const char *qaward_scheme_item_id(const qaward_scheme *s, size_t i)
{
    return s && i < s->n_items ? s->items[i].id : NULL;
}
const char *qaward_scheme_item_name(const qaward_scheme *s, size_t i, const char *lang)
{
    return s && i < s->n_items ? qa_text_get(&s->items[i].name, lang) : NULL;
}
int64_t qaward_scheme_item_points(const qaward_scheme *s, size_t i)
{
    return s && i < s->n_items ? s->items[i].points : -1;
}
int qaward_scheme_item_kind(const qaward_scheme *s, size_t i)
{
    return s && i < s->n_items ? s->items[i].kind : 0;
}
size_t qaward_scheme_item_category(const qaward_scheme *s, size_t i)
{
    return s && i < s->n_items ? s->items[i].category : (size_t)-1;
}
const char *qaward_scheme_category_id(const qaward_scheme *s, size_t c)
{
    return s && c < s->n_cats ? s->cats[c].id : NULL;
}
const char *qaward_scheme_category_name(const qaward_scheme *s, size_t c, const char *lang)
{
    return s && c < s->n_cats ? qa_text_get(&s->cats[c].name, lang) : NULL;
}
int64_t qaward_scheme_category_points(const qaward_scheme *s, size_t c)
{
    return s && c < s->n_cats ? s->cats[c].points : -1;
}

/* ----------------------------------------------------------------- sheets */

int qaward_sheets_new(qaward_sheets **out, qaward_ctx *ctx, const qaward_scheme *scheme)
{
    if (!out || !ctx || !scheme)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_new: NULL argument");
    *out = NULL;
    qaward_sheets *s = qa_calloc(ctx, 1, sizeof *s);
    if (!s)
        return QAWARD_ENOMEM;
    s->alloc = ctx->alloc;
    s->scheme = scheme;
    *out = s;
    qa_ok(ctx);
    return QAWARD_OK;
}

void qaward_sheets_free(qaward_sheets *s)
{
    if (!s)
        return;
    qaward_allocator a = s->alloc;
    qa_strtab_free(&a, &s->applicants);
    qa_strtab_free(&a, &s->stages);
    qa_strtab_free(&a, &s->assessors);
    qa_strtab_free(&a, &s->kinds);
    for (size_t i = 0; i < s->n_comments; i++)
        qa_afree(&a, s->comments[i].text);
    qa_afree(&a, s->comments);
    qa_afree(&a, s->app_kind);
    qa_afree(&a, s->sheets);
    qa_afree(&a, s->pct);
    qa_afree(&a, s);
}

size_t qaward_sheets_count(const qaward_sheets *s) { return s ? s->n : 0; }

static const char *role_name(int role)
{
    return role == QAWARD_ROLE_SELF ? "self" : role == QAWARD_ROLE_CONSENSUS ? "consensus" : "assessor";
}

static int grow_app_kind(qaward_ctx *ctx, qaward_sheets *s)
{
    size_t need = s->applicants.n;
    if (need <= s->app_kind_cap)
        return QAWARD_OK;
    size_t ncap = s->app_kind_cap ? s->app_kind_cap : 16;
    while (ncap < need)
        ncap *= 2;
    uint32_t *p = qa_arealloc(&s->alloc, s->app_kind, ncap * sizeof *p);
    if (!p)
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    for (size_t i = s->app_kind_cap; i < ncap; i++)
        p[i] = QA_KIND_NONE;
    s->app_kind = p;
    s->app_kind_cap = ncap;
    return QAWARD_OK;
}

int qaward_sheets_add(size_t *index, qaward_ctx *ctx, qaward_sheets *s, const char *applicant, const char *stage,
                      const char *assessor, int role)
{
    if (!ctx || !s || !applicant || !stage || !assessor)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_add: NULL argument");
    if (!*applicant || !*stage || !*assessor)
        return qa_error(ctx, QAWARD_EINVAL, "sheet: applicant, stage and assessor must be non-empty");
    if (role < QAWARD_ROLE_ASSESSOR || role > QAWARD_ROLE_CONSENSUS)
        return qa_error(ctx, QAWARD_EINVAL, "sheet: role %d is not a qaward_sheet_role", role);
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 16;
        qa_sheet *ns = qa_arealloc(&s->alloc, s->sheets, ncap * sizeof *ns);
        if (!ns)
            return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        s->sheets = ns;
        size_t ni = s->scheme->n_items;
        int8_t *np = qa_arealloc(&s->alloc, s->pct, ncap * ni);
        if (!np) {
            s->cap = ncap;
            return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        }
        s->pct = np;
        s->cap = ncap;
    }
    int64_t a = qa_strtab_intern(&s->alloc, &s->applicants, applicant);
    int64_t st = a < 0 ? -1 : qa_strtab_intern(&s->alloc, &s->stages, stage);
    int64_t as = st < 0 ? -1 : qa_strtab_intern(&s->alloc, &s->assessors, assessor);
    if (as < 0)
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    int rc = grow_app_kind(ctx, s);
    if (rc)
        return rc;
    qa_sheet *sh = &s->sheets[s->n];
    sh->applicant = (uint32_t)a;
    sh->stage = (uint32_t)st;
    sh->assessor = (uint32_t)as;
    sh->role = (uint8_t)role;
    memset(s->pct + s->n * s->scheme->n_items, -1, s->scheme->n_items);
    if (index)
        *index = s->n;
    s->n++;
    qa_ok(ctx);
    return QAWARD_OK;
}

static void sheet_label(char *buf, size_t n, const qaward_sheets *s, size_t index)
{
    const qa_sheet *sh = &s->sheets[index];
    snprintf(buf, n, "sheet %zu (applicant %s, stage %s, %s %s)", index, s->applicants.s[sh->applicant],
             s->stages.s[sh->stage], role_name(sh->role), s->assessors.s[sh->assessor]);
}

int qa_sheets_set_item(qaward_ctx *ctx, qaward_sheets *s, size_t index, size_t it, int pct, const char *comment)
{
    const char *item_id = s->scheme->items[it].id;
    /* Art. 6 (GB/T 19580): a percentage 0..100 in the scheme's step */
    if (pct < 0 || pct > 100 || pct % s->scheme->step != 0) {
        char label[400];
        sheet_label(label, sizeof label, s, index);
        if (pct < 0 || pct > 100)
            return qa_error(ctx, QAWARD_ERANGE, "%s: item %s: %d%% is outside 0..100", label, item_id, pct);
        return qa_error(ctx, QAWARD_ERANGE, "%s: item %s: %d%% is not a multiple of the step %d%%", label, item_id,
                        pct, s->scheme->step);
    }
    int8_t *slot = &s->pct[index * s->scheme->n_items + it];
    if (*slot >= 0) {
        char label[400];
        sheet_label(label, sizeof label, s, index);
        return qa_error(ctx, QAWARD_EEXISTS, "%s: item %s is scored twice (%d%%, then %d%%)", label, item_id, *slot,
                        pct);
    }
    if (comment && *comment) {
        if (s->n_comments == s->comments_cap) {
            size_t ncap = s->comments_cap ? s->comments_cap * 2 : 8;
            qa_comment *nc = qa_arealloc(&s->alloc, s->comments, ncap * sizeof *nc);
            if (!nc)
                return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
            s->comments = nc;
            s->comments_cap = ncap;
        }
        char *text = qa_astrdup(&s->alloc, comment);
        if (!text)
            return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        s->comments[s->n_comments].sheet = index;
        s->comments[s->n_comments].item = it;
        s->comments[s->n_comments].text = text;
        s->n_comments++;
    }
    *slot = (int8_t)pct;
    return QAWARD_OK;
}

int qaward_sheets_set(qaward_ctx *ctx, qaward_sheets *s, size_t index, const char *item_id, int pct,
                      const char *comment)
{
    if (!ctx || !s || !item_id)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_set: NULL argument");
    if (index >= s->n)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_set: sheet %zu does not exist", index);
    int64_t it = scheme_item_index(s->scheme, item_id);
    if (it < 0) {
        char label[400];
        sheet_label(label, sizeof label, s, index);
        return qa_error(ctx, QAWARD_ENOTFOUND, "%s: item \"%s\" is not in scheme %s", label, item_id,
                        s->scheme->id);
    }
    int rc = qa_sheets_set_item(ctx, s, index, (size_t)it, pct, comment);
    if (!rc)
        qa_ok(ctx);
    return rc;
}

int qaward_sheets_set_at(qaward_ctx *ctx, qaward_sheets *s, size_t index, size_t item, int pct,
                         const char *comment)
{
    if (!ctx || !s)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_set_at: NULL argument");
    if (index >= s->n || item >= s->scheme->n_items)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_set_at: sheet %zu or item %zu does not exist", index,
                        item);
    int rc = qa_sheets_set_item(ctx, s, index, item, pct, comment);
    if (!rc)
        qa_ok(ctx);
    return rc;
}

int qaward_sheets_set_kind(qaward_ctx *ctx, qaward_sheets *s, const char *applicant, const char *kind)
{
    if (!ctx || !s || !applicant || !kind || !*applicant || !*kind)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_set_kind: NULL or empty argument");
    int64_t a = qa_strtab_intern(&s->alloc, &s->applicants, applicant);
    if (a < 0)
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    int rc = grow_app_kind(ctx, s);
    if (rc)
        return rc;
    int64_t k = qa_strtab_intern(&s->alloc, &s->kinds, kind);
    if (k < 0)
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    if (s->app_kind[a] != QA_KIND_NONE && s->app_kind[a] != (uint32_t)k)
        return qa_error(ctx, QAWARD_EEXISTS, "applicant %s: kind %s, then %s", applicant,
                        s->kinds.s[s->app_kind[a]], kind);
    s->app_kind[a] = (uint32_t)k;
    qa_ok(ctx);
    return QAWARD_OK;
}

/* Sheet indices ordered by group key (applicant, stage, self?) via a counting
 * sort; keys[] receives the bucket start offsets (n_keys + 1). */
static int group_order(qaward_ctx *ctx, const qaward_sheets *s, size_t **order_out, size_t **start_out,
                       size_t *n_keys_out)
{
    size_t napp = s->applicants.n, nst = s->stages.n ? s->stages.n : 1;
    if (napp && nst > SIZE_MAX / 2 / napp)
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    size_t nk = napp * nst * 2;
    size_t *start = qa_acalloc(&s->alloc, nk + 1, sizeof *start);
    size_t *order = qa_acalloc(&s->alloc, s->n ? s->n : 1, sizeof *order);
    if (!start || !order) {
        qa_afree(&s->alloc, start);
        qa_afree(&s->alloc, order);
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < s->n; i++) {
        const qa_sheet *sh = &s->sheets[i];
        start[((size_t)sh->applicant * nst + sh->stage) * 2 + (sh->role == QAWARD_ROLE_SELF) + 1]++;
    }
    for (size_t k = 0; k < nk; k++)
        start[k + 1] += start[k];
    size_t *fill = qa_acalloc(&s->alloc, nk ? nk : 1, sizeof *fill);
    if (!fill) {
        qa_afree(&s->alloc, start);
        qa_afree(&s->alloc, order);
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < s->n; i++) {
        const qa_sheet *sh = &s->sheets[i];
        size_t k = ((size_t)sh->applicant * nst + sh->stage) * 2 + (sh->role == QAWARD_ROLE_SELF);
        order[start[k] + fill[k]++] = i;
    }
    qa_afree(&s->alloc, fill);
    *order_out = order;
    *start_out = start;
    *n_keys_out = nk;
    return QAWARD_OK;
}

static int validate_group(qaward_ctx *ctx, const qaward_sheets *s, const size_t *idx, size_t n)
{
    int consensus = 0;
    for (size_t a = 0; a < n; a++) {
        const qa_sheet *x = &s->sheets[idx[a]];
        if (x->role == QAWARD_ROLE_CONSENSUS && consensus++)
            return qa_error(ctx, QAWARD_EEXISTS, "applicant %s, stage %s: more than one consensus sheet",
                            s->applicants.s[x->applicant], s->stages.s[x->stage]);
        if (x->role == QAWARD_ROLE_SELF && a > 0)
            return qa_error(ctx, QAWARD_EEXISTS, "applicant %s, stage %s: more than one self-assessment",
                            s->applicants.s[x->applicant], s->stages.s[x->stage]);
        for (size_t b = 0; b < a; b++) {
            const qa_sheet *y = &s->sheets[idx[b]];
            if (y->assessor == x->assessor && y->role == x->role)
                return qa_error(ctx, QAWARD_EEXISTS, "applicant %s, stage %s: %s %s has two sheets (%zu and %zu)",
                                s->applicants.s[x->applicant], s->stages.s[x->stage], role_name(x->role),
                                s->assessors.s[x->assessor], idx[b], idx[a]);
        }
    }
    return QAWARD_OK;
}

static int validate_complete(qaward_ctx *ctx, const qaward_sheets *s)
{
    size_t ni = s->scheme->n_items;
    for (size_t i = 0; i < s->n; i++) {
        const int8_t *p = s->pct + i * ni;
        for (size_t it = 0; it < ni; it++)
            if (p[it] < 0) {
                char label[400];
                sheet_label(label, sizeof label, s, i);
                return qa_error(ctx, QAWARD_ESCHEMA, "%s: item %s is not scored", label, s->scheme->items[it].id);
            }
    }
    return QAWARD_OK;
}

int qaward_sheets_validate(qaward_ctx *ctx, const qaward_sheets *s)
{
    if (!ctx || !s)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sheets_validate: NULL argument");
    int rc = validate_complete(ctx, s);
    if (rc)
        return rc;
    size_t *order, *start, nk;
    rc = group_order(ctx, s, &order, &start, &nk);
    if (rc)
        return rc;
    for (size_t k = 0; k < nk && !rc; k++)
        if (start[k + 1] > start[k])
            rc = validate_group(ctx, s, order + start[k], start[k + 1] - start[k]);
    qa_afree(&s->alloc, order);
    qa_afree(&s->alloc, start);
    if (!rc)
        qa_ok(ctx);
    return rc;
}

/* ----------------------------------------------------------------- scores */

int qaward_score_options_init(qaward_score_options *o, uint32_t version)
{
    if (!o)
        return QAWARD_EINVAL;
    if (version != QAWARD_SCORE_OPTIONS_VERSION)
        return QAWARD_EVERSION;
    memset(o, 0, sizeof *o);
    o->version = version;
    o->spread_threshold_pct = -1;
    return QAWARD_OK;
}

int qaward_score_options_from_rules(qaward_score_options *o, qaward_ctx *ctx, const qaward_review_rules *r)
{
    if (!o || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_score_options_from_rules: NULL argument");
    if (o->version != QAWARD_SCORE_OPTIONS_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "qaward_score_options: version %u", o->version);
    if (r->aggregation)
        o->aggregation = r->aggregation;
    if (r->min_assessors >= 0)
        o->min_assessors = (size_t)r->min_assessors;
    if (r->spread_threshold >= 0)
        o->spread_threshold_pct = r->spread_threshold;
    qa_ok(ctx);
    return QAWARD_OK;
}

void qaward_scores_free(qaward_scores *s)
{
    if (!s)
        return;
    qaward_allocator a = s->alloc;
    qa_afree(&a, s->groups);
    qa_afree(&a, s->items);
    qa_afree(&a, s->spread);
    qa_afree(&a, s->cats);
    qa_afree(&a, s->totals);
    qa_afree(&a, s->lookup);
    qa_afree(&a, s);
}

static void sort_small(int64_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        int64_t x = v[i];
        size_t j = i;
        while (j > 0 && v[j - 1] > x) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* One (applicant, stage) group: item scores in hundredths of a point. */
static int score_group(qaward_ctx *ctx, qaward_scores *sc, size_t g, const size_t *idx, size_t n,
                       const qaward_score_options *o, int64_t *scratch)
{
    const qaward_sheets *s = sc->sheets;
    const qaward_scheme *sch = s->scheme;
    size_t ni = sch->n_items;
    qa_group *grp = &sc->groups[g];
    const char *app = s->applicants.s[grp->applicant], *stage = s->stages.s[grp->stage];
    size_t nass = 0;
    const int8_t *cons = NULL;
    const int8_t *only = NULL;
    size_t pos[256];
    size_t *as = n <= 256 ? pos : NULL;
    if (!as)
        return qa_error(ctx, QAWARD_ERANGE, "applicant %s, stage %s: %zu sheets (at most 256)", app, stage, n);
    for (size_t k = 0; k < n; k++) {
        const qa_sheet *sh = &s->sheets[idx[k]];
        if (sh->role == QAWARD_ROLE_CONSENSUS)
            cons = s->pct + idx[k] * ni;
        else {
            as[nass++] = idx[k];
            only = s->pct + idx[k] * ni;
        }
    }
    grp->n_assessors = (uint32_t)nass;
    int method = o->aggregation;
    int64_t *out = sc->items + g * ni;
    uint8_t *spread = sc->spread + g * ni;
    if (grp->role == QAWARD_ROLE_SELF || (!method && nass == 1 && !cons && o->min_assessors <= 1)) {
        /* one sheet: item score = points × percentage, exact */
        for (size_t i = 0; i < ni; i++) {
            out[i] = sch->items[i].points * only[i];
            spread[i] = 0;
        }
        return QAWARD_OK;
    }
    if (!method)
        return qa_error(ctx, QAWARD_ENORULE,
                        "review rule aggregation.method is not set (applicant %s, stage %s has %zu assessor sheets%s)",
                        app, stage, nass, cons ? " and a consensus sheet" : "");
    if (method == QAWARD_AGG_CONSENSUS) {
        if (!cons)
            return qa_error(ctx, QAWARD_ERANGE,
                            "applicant %s, stage %s: aggregation is consensus but there is no consensus sheet", app,
                            stage);
    } else {
        if (cons)
            return qa_error(ctx, QAWARD_ERANGE,
                            "applicant %s, stage %s: a consensus sheet is given but aggregation is %s", app, stage,
                            qa_aggregation_name(method));
        size_t min = o->min_assessors ? o->min_assessors : 1;
        if (method == QAWARD_AGG_TRIMMED_MEAN && min < 3)
            min = 3;
        if (nass < min)
            return qa_error(ctx, QAWARD_ERANGE,
                            "applicant %s, stage %s: %zu assessor sheets, %s needs at least %zu%s", app, stage,
                            nass, qa_aggregation_name(method), min,
                            o->min_assessors ? " (review rule aggregation.min_assessors)" : "");
    }
    grp->consensus = method == QAWARD_AGG_CONSENSUS;
    for (size_t i = 0; i < ni; i++) {
        int64_t pts = sch->items[i].points;
        int lo = 100, hi = 0;
        int64_t sum = 0;
        for (size_t k = 0; k < nass; k++) {
            int p = s->pct[as[k] * ni + i];
            if (p < lo)
                lo = p;
            if (p > hi)
                hi = p;
            sum += p;
            scratch[k] = p;
        }
        spread[i] = (uint8_t)(nass ? hi - lo : 0);
        switch (method) {
        case QAWARD_AGG_CONSENSUS:
            out[i] = pts * cons[i];
            break;
        case QAWARD_AGG_MEAN:
            out[i] = qa_div_round(pts * sum, (int64_t)nass);
            break;
        case QAWARD_AGG_TRIMMED_MEAN:
            out[i] = qa_div_round(pts * (sum - lo - hi), (int64_t)nass - 2);
            break;
        case QAWARD_AGG_MEDIAN:
            sort_small(scratch, nass);
            if (nass & 1)
                out[i] = pts * scratch[nass / 2];
            else
                out[i] = qa_div_round(pts * (scratch[nass / 2 - 1] + scratch[nass / 2]), 2);
            break;
        default:
            return qa_error(ctx, QAWARD_EINVAL, "aggregation method %d is unknown", method);
        }
    }
    return QAWARD_OK;
}

static void sum_group(qaward_scores *sc, size_t g)
{
    const qaward_scheme *sch = sc->scheme;
    const int64_t *it = sc->items + g * sch->n_items;
    int64_t *cats = sc->cats + g * sch->n_cats;
    int64_t *tot = sc->totals + g * 3;
    tot[0] = tot[1] = tot[2] = 0;
    for (size_t c = 0; c < sch->n_cats; c++) {
        const qa_category *cat = &sch->cats[c];
        int64_t sum = 0;
        for (size_t i = cat->first; i < cat->first + cat->count; i++) {
            sum += it[i];
            tot[sch->items[i].kind == QAWARD_ITEM_RESULTS] += it[i];
        }
        cats[c] = sum;
        tot[2] += sum;
    }
}

int qaward_scores_compute(qaward_scores **out, qaward_ctx *ctx, const qaward_sheets *s,
                          const qaward_score_options *opts)
{
    if (!out || !ctx || !s)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scores_compute: NULL argument");
    *out = NULL;
    qaward_score_options none;
    qaward_score_options_init(&none, QAWARD_SCORE_OPTIONS_VERSION);
    if (!opts)
        opts = &none;
    if (opts->version != QAWARD_SCORE_OPTIONS_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "qaward_score_options: version %u", opts->version);
    if (opts->aggregation && !qa_aggregation_name(opts->aggregation)[0])
        return qa_error(ctx, QAWARD_EINVAL, "qaward_score_options: aggregation %d is unknown", opts->aggregation);
    int rc = validate_complete(ctx, s);
    if (rc)
        return rc;
    size_t *order, *start, nk;
    rc = group_order(ctx, s, &order, &start, &nk);
    if (rc)
        return rc;
    size_t ng = 0;
    for (size_t k = 0; k < nk; k++)
        ng += start[k + 1] > start[k];
    const qaward_scheme *sch = s->scheme;
    qaward_scores *sc = qa_calloc(ctx, 1, sizeof *sc);
    int64_t scratch[256];
    if (!sc) {
        rc = QAWARD_ENOMEM;
        goto done;
    }
    sc->alloc = ctx->alloc;
    sc->sheets = s;
    sc->scheme = sch;
    sc->aggregation = opts->aggregation;
    sc->spread_threshold = opts->spread_threshold_pct;
    sc->n = ng;
    sc->n_apps = s->applicants.n;
    sc->n_stages = s->stages.n ? s->stages.n : 1;
    sc->groups = qa_acalloc(&sc->alloc, ng ? ng : 1, sizeof *sc->groups);
    sc->items = qa_acalloc(&sc->alloc, ng ? ng * sch->n_items : 1, sizeof *sc->items);
    sc->spread = qa_acalloc(&sc->alloc, ng ? ng * sch->n_items : 1, 1);
    sc->cats = qa_acalloc(&sc->alloc, ng ? ng * sch->n_cats : 1, sizeof *sc->cats);
    sc->totals = qa_acalloc(&sc->alloc, ng ? ng * 3 : 1, sizeof *sc->totals);
    sc->lookup = qa_acalloc(&sc->alloc, nk ? nk : 1, sizeof *sc->lookup);
    if (!sc->groups || !sc->items || !sc->spread || !sc->cats || !sc->totals || !sc->lookup) {
        rc = qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        goto done;
    }
    size_t g = 0;
    for (size_t k = 0; k < nk && !rc; k++) {
        size_t n = start[k + 1] - start[k];
        if (!n)
            continue;
        const size_t *idx = order + start[k];
        rc = validate_group(ctx, s, idx, n);
        if (rc)
            break;
        const qa_sheet *first = &s->sheets[idx[0]];
        sc->groups[g].applicant = first->applicant;
        sc->groups[g].stage = first->stage;
        sc->groups[g].role = first->role == QAWARD_ROLE_SELF ? QAWARD_ROLE_SELF : QAWARD_ROLE_ASSESSOR;
        rc = score_group(ctx, sc, g, idx, n, opts, scratch);
        if (rc)
            break;
        sum_group(sc, g);
        sc->lookup[k] = (uint32_t)(g + 1);
        g++;
    }
done:
    qa_afree(&s->alloc, order);
    qa_afree(&s->alloc, start);
    if (rc) {
        qaward_scores_free(sc);
        return rc;
    }
    *out = sc;
    qa_ok(ctx);
    return QAWARD_OK;
}

int64_t qa_scores_find_group(const qaward_scores *s, uint32_t applicant, uint32_t stage, int role)
{
    if (applicant >= s->n_apps || stage >= s->n_stages)
        return -1;
    uint32_t v = s->lookup[((size_t)applicant * s->n_stages + stage) * 2 + (role == QAWARD_ROLE_SELF)];
    return v ? (int64_t)v - 1 : -1;
}

size_t qaward_scores_count(const qaward_scores *s) { return s ? s->n : 0; }

int qaward_scores_find(size_t *out, qaward_ctx *ctx, const qaward_scores *s, const char *applicant,
                       const char *stage, int role)
{
    if (!out || !s || !applicant || !stage)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scores_find: NULL argument");
    int64_t a = qa_strtab_find(&s->sheets->applicants, applicant);
    int64_t st = qa_strtab_find(&s->sheets->stages, stage);
    int64_t g = a < 0 || st < 0 ? -1 : qa_scores_find_group(s, (uint32_t)a, (uint32_t)st, role);
    if (g < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "no %s scores for applicant %s at stage %s",
                        role == QAWARD_ROLE_SELF ? "self-assessment" : "panel", applicant, stage);
    *out = (size_t)g;
    qa_ok(ctx);
    return QAWARD_OK;
}

const char *qaward_scores_applicant(const qaward_scores *s, size_t r)
{
    return s && r < s->n ? s->sheets->applicants.s[s->groups[r].applicant] : NULL;
}
const char *qaward_scores_stage(const qaward_scores *s, size_t r)
{
    return s && r < s->n ? s->sheets->stages.s[s->groups[r].stage] : NULL;
}
int qaward_scores_role(const qaward_scores *s, size_t r) { return s && r < s->n ? s->groups[r].role : 0; }

int qaward_scores_item(int64_t *out, qaward_ctx *ctx, const qaward_scores *s, size_t r, size_t item)
{
    if (!out || !s || r >= s->n || item >= s->scheme->n_items)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scores_item: NULL argument or index out of range");
    *out = s->items[r * s->scheme->n_items + item];
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_scores_item_spread(int *spread_pct, int *flagged, qaward_ctx *ctx, const qaward_scores *s, size_t r,
                              size_t item)
{
    if (!s || r >= s->n || item >= s->scheme->n_items)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scores_item_spread: NULL argument or index out of range");
    int sp = s->spread[r * s->scheme->n_items + item];
    if (spread_pct)
        *spread_pct = sp;
    if (flagged)
        *flagged = s->spread_threshold >= 0 && sp > s->spread_threshold;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_scores_category(int64_t *out, qaward_ctx *ctx, const qaward_scores *s, size_t r, size_t c)
{
    if (!out || !s || r >= s->n || c >= s->scheme->n_cats)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scores_category: NULL argument or index out of range");
    *out = s->cats[r * s->scheme->n_cats + c];
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_scores_totals(int64_t *process, int64_t *results, int64_t *total, qaward_ctx *ctx,
                         const qaward_scores *s, size_t r)
{
    if (!s || r >= s->n)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_scores_totals: NULL argument or index out of range");
    const int64_t *t = s->totals + r * 3;
    if (process)
        *process = t[0];
    if (results)
        *results = t[1];
    if (total)
        *total = t[2];
    qa_ok(ctx);
    return QAWARD_OK;
}

const char *qa_aggregation_name(int m)
{
    switch (m) {
    case QAWARD_AGG_MEAN: return "mean";
    case QAWARD_AGG_MEDIAN: return "median";
    case QAWARD_AGG_TRIMMED_MEAN: return "trimmed_mean";
    case QAWARD_AGG_CONSENSUS: return "consensus";
    default: return "";
    }
}

int qa_aggregation_parse(const char *s)
{
    for (int m = QAWARD_AGG_MEAN; m <= QAWARD_AGG_CONSENSUS; m++)
        if (strcmp(s, qa_aggregation_name(m)) == 0)
            return m;
    return 0;
}

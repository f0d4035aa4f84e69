/* review rules (评审规则, Art. 7(二), 8(一)) kept apart from the measures (R14):
 * getters that fail with QAWARD_ENORULE naming the unset rule, the stage
 * composite (Art. 13(六)) and the defence gate (Art. 13(五)). */
#include "scoring_internal.h"
#include "qaward/policy.h"
#include <stdio.h>

static void free_kind(const qaward_allocator *a, qa_kind_rule *k)
{
    qa_afree(a, k->id);
    qa_afree(a, k->scheme);
    for (size_t i = 0; i < k->n_stages; i++)
        qa_afree(a, k->stages[i].id);
    qa_afree(a, k->stages);
    for (size_t i = 0; i < k->n_mins; i++)
        qa_afree(a, k->mins[i].tier);
    qa_afree(a, k->mins);
}

void qaward_review_rules_free(qaward_review_rules *r)
{
    if (!r)
        return;
    qaward_allocator a = r->alloc;
    for (size_t i = 0; i < r->n_kinds; i++)
        free_kind(&a, &r->kinds[i]);
    qa_afree(&a, r->kinds);
    for (size_t i = 0; i < r->n_tie_break; i++)
        qa_afree(&a, r->tie_break[i]);
    qa_afree(&a, r->tie_break);
    qa_afree(&a, r->id);
    qa_afree(&a, r->policy);
    qa_afree(&a, r->note);
    qa_afree(&a, r);
}

const qa_kind_rule *qa_rules_kind(const qaward_review_rules *r, const char *kind)
{
    for (size_t i = 0; i < r->n_kinds; i++)
        if (strcmp(r->kinds[i].id, kind) == 0)
            return &r->kinds[i];
    return NULL;
}

static const qa_stage_rule *kind_stage(const qa_kind_rule *k, const char *stage)
{
    for (size_t i = 0; i < k->n_stages; i++)
        if (strcmp(k->stages[i].id, stage) == 0)
            return &k->stages[i];
    return NULL;
}

int qa_review_rules_check(qaward_ctx *ctx, const qaward_review_rules *r)
{
    for (size_t i = 0; i < r->n_kinds; i++) {
        const qa_kind_rule *k = &r->kinds[i];
        for (size_t j = 0; j < i; j++)
            if (strcmp(r->kinds[j].id, k->id) == 0)
                return qa_error(ctx, QAWARD_EEXISTS, "kinds.%s appears twice", k->id);
        int64_t sum = 0;
        size_t set = 0;
        for (size_t s = 0; s < k->n_stages; s++) {
            const qa_stage_rule *st = &k->stages[s];
            for (size_t t = 0; t < s; t++)
                if (strcmp(k->stages[t].id, st->id) == 0)
                    return qa_error(ctx, QAWARD_EEXISTS, "kinds.%s.stages: stage %s appears twice", k->id, st->id);
            if (st->weight >= 0) {
                sum += st->weight;
                set++;
            }
        }
        /* R14: weights are either all set (pure gates with 0) and total 1000 ‰, or none is */
        if (set && set != k->n_stages)
            return qa_error(ctx, QAWARD_ESCHEMA,
                            "kinds.%s.stages: weight_permille is set on %zu of %zu stages (set it on all, 0 for a "
                            "pure gate)",
                            k->id, set, k->n_stages);
        if (set && sum != 1000)
            return qa_error(ctx, QAWARD_ERANGE, "kinds.%s.stages: weights total %lld per mille, not 1000", k->id,
                            (long long)sum);
        for (size_t a = 0; a < k->n_mins; a++)
            for (size_t b = 0; b < a; b++)
                if (strcmp(k->mins[a].tier, k->mins[b].tier) == 0)
                    return qa_error(ctx, QAWARD_EEXISTS, "kinds.%s.min_composite.%s appears twice", k->id,
                                    k->mins[a].tier);
    }
    for (size_t t = 0; t < r->n_tie_break; t++) {
        int found = 0;
        for (size_t i = 0; i < r->n_kinds && !found; i++)
            found = kind_stage(&r->kinds[i], r->tie_break[t]) != NULL;
        if (!found)
            return qa_error(ctx, QAWARD_ERANGE, "tie_break[%zu]: \"%s\" is not a stage of any kind", t,
                            r->tie_break[t]);
    }
    if (r->aggregation == QAWARD_AGG_TRIMMED_MEAN && r->min_assessors >= 0 && r->min_assessors < 3)
        return qa_error(ctx, QAWARD_ERANGE,
                        "aggregation.min_assessors: %lld, a trimmed mean needs at least 3 assessors",
                        (long long)r->min_assessors);
    return QAWARD_OK;
}

const char *qaward_review_rules_id(const qaward_review_rules *r) { return r && r->id ? r->id : ""; }
int qaward_review_rules_is_example(const qaward_review_rules *r) { return r ? r->example : 0; }
size_t qaward_review_rules_kind_count(const qaward_review_rules *r) { return r ? r->n_kinds : 0; }

#define NORULE(ctx, ...) qa_error(ctx, QAWARD_ENORULE, __VA_ARGS__)

int qaward_review_rules_kind_at(const char **out, qaward_ctx *ctx, const qaward_review_rules *r, size_t i)
{
    if (!out || !r || i >= r->n_kinds)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_kind_at: NULL argument or index out of range");
    *out = r->kinds[i].id;
    qa_ok(ctx);
    return QAWARD_OK;
}

static int get_kind(const qa_kind_rule **out, qaward_ctx *ctx, const qaward_review_rules *r, const char *kind,
                    const char *fn)
{
    if (!r || !kind)
        return qa_error(ctx, QAWARD_EINVAL, "%s: NULL argument", fn);
    *out = qa_rules_kind(r, kind);
    if (!*out)
        return NORULE(ctx, "review rule kinds.%s is not set (rules %s)", kind, qaward_review_rules_id(r));
    return QAWARD_OK;
}

int qaward_review_rules_scheme(const char **out, qaward_ctx *ctx, const qaward_review_rules *r, const char *kind)
{
    const qa_kind_rule *k;
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_scheme: NULL argument");
    int rc = get_kind(&k, ctx, r, kind, "qaward_review_rules_scheme");
    if (rc)
        return rc;
    if (!k->scheme)
        return NORULE(ctx, "review rule kinds.%s.scheme is not set", kind);
    *out = k->scheme;
    qa_ok(ctx);
    return QAWARD_OK;
}

static int get_stages(const qa_kind_rule **out, qaward_ctx *ctx, const qaward_review_rules *r, const char *kind,
                      const char *fn)
{
    int rc = get_kind(out, ctx, r, kind, fn);
    if (rc)
        return rc;
    if (!(*out)->stages_set)
        return NORULE(ctx, "review rule kinds.%s.stages is not set", kind);
    return QAWARD_OK;
}

int qaward_review_rules_stage_count(size_t *out, qaward_ctx *ctx, const qaward_review_rules *r, const char *kind)
{
    const qa_kind_rule *k;
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_stage_count: NULL argument");
    int rc = get_stages(&k, ctx, r, kind, "qaward_review_rules_stage_count");
    if (rc)
        return rc;
    *out = k->n_stages;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_stage_at(const char **out, qaward_ctx *ctx, const qaward_review_rules *r, const char *kind,
                                 size_t index)
{
    const qa_kind_rule *k;
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_stage_at: NULL argument");
    int rc = get_stages(&k, ctx, r, kind, "qaward_review_rules_stage_at");
    if (rc)
        return rc;
    if (index >= k->n_stages)
        return qa_error(ctx, QAWARD_EINVAL, "kinds.%s.stages[%zu]: index out of range (%zu stages)", kind, index,
                        k->n_stages);
    *out = k->stages[index].id;
    qa_ok(ctx);
    return QAWARD_OK;
}

static int get_stage(const qa_stage_rule **out, qaward_ctx *ctx, const qaward_review_rules *r, const char *kind,
                     const char *stage, const char *fn)
{
    const qa_kind_rule *k;
    if (!stage)
        return qa_error(ctx, QAWARD_EINVAL, "%s: NULL argument", fn);
    int rc = get_stages(&k, ctx, r, kind, fn);
    if (rc)
        return rc;
    *out = kind_stage(k, stage);
    if (!*out)
        return NORULE(ctx, "review rule kinds.%s.stages has no stage \"%s\"", kind, stage);
    return QAWARD_OK;
}

int qaward_review_rules_stage_weight(int64_t *out, qaward_ctx *ctx, const qaward_review_rules *r, const char *kind,
                                     const char *stage)
{
    const qa_stage_rule *st;
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_stage_weight: NULL argument");
    int rc = get_stage(&st, ctx, r, kind, stage, "qaward_review_rules_stage_weight");
    if (rc)
        return rc;
    if (st->weight < 0)
        return NORULE(ctx, "review rule kinds.%s.stages[%s].weight_permille is not set", kind, stage);
    *out = st->weight;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_stage_is_gate(int *out, qaward_ctx *ctx, const qaward_review_rules *r, const char *kind,
                                      const char *stage)
{
    const qa_stage_rule *st;
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_stage_is_gate: NULL argument");
    int rc = get_stage(&st, ctx, r, kind, stage, "qaward_review_rules_stage_is_gate");
    if (rc)
        return rc;
    *out = st->gate;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_stage_pass_mark(int64_t *out, qaward_ctx *ctx, const qaward_review_rules *r,
                                        const char *kind, const char *stage)
{
    const qa_stage_rule *st;
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_stage_pass_mark: NULL argument");
    int rc = get_stage(&st, ctx, r, kind, stage, "qaward_review_rules_stage_pass_mark");
    if (rc)
        return rc;
    if (!st->gate || st->pass_mark < 0)
        return NORULE(ctx, "review rule kinds.%s.stages[%s].pass_mark is not set", kind, stage);
    *out = st->pass_mark;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_min_composite(int64_t *out, qaward_ctx *ctx, const qaward_review_rules *r,
                                      const char *kind, const char *tier)
{
    const qa_kind_rule *k;
    if (!out || !tier)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_min_composite: NULL argument");
    int rc = get_kind(&k, ctx, r, kind, "qaward_review_rules_min_composite");
    if (rc)
        return rc;
    for (size_t i = 0; i < k->n_mins; i++)
        if (strcmp(k->mins[i].tier, tier) == 0) {
            *out = k->mins[i].min;
            qa_ok(ctx);
            return QAWARD_OK;
        }
    return NORULE(ctx, "review rule kinds.%s.min_composite.%s is not set", kind, tier);
}

int qaward_review_rules_aggregation(int *out, qaward_ctx *ctx, const qaward_review_rules *r)
{
    if (!out || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_aggregation: NULL argument");
    if (!r->aggregation)
        return NORULE(ctx, "review rule aggregation.method is not set");
    *out = r->aggregation;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_min_assessors(size_t *out, qaward_ctx *ctx, const qaward_review_rules *r)
{
    if (!out || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_min_assessors: NULL argument");
    if (r->min_assessors < 0)
        return NORULE(ctx, "review rule aggregation.min_assessors is not set");
    *out = (size_t)r->min_assessors;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_spread_threshold(int *out, qaward_ctx *ctx, const qaward_review_rules *r)
{
    if (!out || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_spread_threshold: NULL argument");
    if (r->spread_threshold < 0)
        return NORULE(ctx, "review rule spread_threshold_pct is not set");
    *out = r->spread_threshold;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_tie_break_count(size_t *out, qaward_ctx *ctx, const qaward_review_rules *r)
{
    if (!out || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_tie_break_count: NULL argument");
    if (!r->tie_break_set || !r->n_tie_break)
        return NORULE(ctx, "review rule tie_break is not set");
    *out = r->n_tie_break;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_tie_break_at(const char **out, qaward_ctx *ctx, const qaward_review_rules *r, size_t index)
{
    if (!out || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_tie_break_at: NULL argument");
    if (!r->tie_break_set || !r->n_tie_break)
        return NORULE(ctx, "review rule tie_break is not set");
    if (index >= r->n_tie_break)
        return qa_error(ctx, QAWARD_EINVAL, "tie_break[%zu]: index out of range (%zu entries)", index,
                        r->n_tie_break);
    *out = r->tie_break[index];
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_vote_quorum(int64_t *num, int64_t *den, qaward_ctx *ctx, const qaward_review_rules *r)
{
    if (!num || !den || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_vote_quorum: NULL argument");
    if (!r->quorum_set)
        return NORULE(ctx, "review rule vote.quorum is not set");
    *num = r->quorum_num;
    *den = r->quorum_den;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_vote_pass(int64_t *num, int64_t *den, int *strict, qaward_ctx *ctx,
                                  const qaward_review_rules *r)
{
    if (!num || !den || !strict || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_vote_pass: NULL argument");
    if (!r->pass_set)
        return NORULE(ctx, "review rule vote.pass is not set");
    *num = r->pass_num;
    *den = r->pass_den;
    *strict = r->pass_strict;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_review_rules_vote_backfill(int *out, qaward_ctx *ctx, const qaward_review_rules *r)
{
    if (!out || !r)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_vote_backfill: NULL argument");
    if (!r->backfill_set)
        return NORULE(ctx, "review rule vote.backfill is not set");
    *out = r->backfill;
    qa_ok(ctx);
    return QAWARD_OK;
}

/* Art. 13(五)(六): gates first (the defence), then Σ weight‰ × total / 1000. */
static int composite_core(int64_t *composite, int *gates_passed, const char **missing, const char **failed_gate,
                          qaward_ctx *ctx, const qaward_review_rules *r, const char *kind, size_t n,
                          const char *const *ids, const int64_t *totals)
{
    const qa_kind_rule *k;
    int rc = get_stages(&k, ctx, r, kind, "qaward_review_rules_composite");
    if (rc)
        return rc;
    *missing = NULL;
    *failed_gate = NULL;
    for (size_t s = 0; s < k->n_stages; s++) {
        const qa_stage_rule *st = &k->stages[s];
        if (!st->gate)
            continue;
        if (st->pass_mark < 0)
            return NORULE(ctx, "review rule kinds.%s.stages[%s].pass_mark is not set", kind, st->id);
        size_t j = 0;
        while (j < n && strcmp(ids[j], st->id) != 0)
            j++;
        if (j == n) {
            *missing = st->id;
            return qa_error(ctx, QAWARD_ENOTFOUND, "kind %s: no total for gate stage %s", kind, st->id);
        }
        if (totals[j] < st->pass_mark) {
            *composite = 0;
            *gates_passed = 0;
            *failed_gate = st->id;
            return QAWARD_OK;
        }
    }
    int64_t sum = 0;
    for (size_t s = 0; s < k->n_stages; s++) {
        const qa_stage_rule *st = &k->stages[s];
        if (st->weight < 0)
            return NORULE(ctx, "review rule kinds.%s.stages[%s].weight_permille is not set", kind, st->id);
        if (st->weight == 0)
            continue;
        size_t j = 0;
        while (j < n && strcmp(ids[j], st->id) != 0)
            j++;
        if (j == n) {
            *missing = st->id;
            return qa_error(ctx, QAWARD_ENOTFOUND, "kind %s: no total for stage %s", kind, st->id);
        }
        sum += st->weight * totals[j];
    }
    if (!k->n_stages)
        return NORULE(ctx, "review rule kinds.%s.stages is empty", kind);
    /* the one rounding of the composite: half away from zero to the hundredth */
    *composite = qa_div_round(sum, 1000);
    *gates_passed = 1;
    return QAWARD_OK;
}

int qaward_review_rules_composite(int64_t *composite, int *gates_passed, qaward_ctx *ctx,
                                  const qaward_review_rules *r, const char *kind, size_t n,
                                  const char *const *stage_ids, const int64_t *totals)
{
    if (!composite || !gates_passed || !r || !kind || (n && (!stage_ids || !totals)))
        return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_composite: NULL argument");
    for (size_t i = 0; i < n; i++)
        if (!stage_ids[i])
            return qa_error(ctx, QAWARD_EINVAL, "qaward_review_rules_composite: stage_ids[%zu] is NULL", i);
    const char *missing, *failed;
    int64_t c = 0;
    int g = 0;
    int rc = composite_core(&c, &g, &missing, &failed, ctx, r, kind, n, stage_ids, totals);
    if (rc)
        return rc;
    *composite = c;
    *gates_passed = g;
    qa_ok(ctx);
    return QAWARD_OK;
}

/* ------------------------------------------------------------- composites */

void qaward_composites_free(qaward_composites *c)
{
    if (!c)
        return;
    qaward_allocator a = c->alloc;
    qa_afree(&a, c->sets);
    qa_afree(&a, c->items);
    qa_afree(&a, c);
}

int qaward_composites_compute(qaward_composites **out, qaward_ctx *ctx, const qaward_review_rules *r, size_t n,
                              const qaward_scores *const *sets)
{
    if (!out || !ctx || !r || (n && !sets))
        return qa_error(ctx, QAWARD_EINVAL, "qaward_composites_compute: NULL argument");
    *out = NULL;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (!sets[i])
            return qa_error(ctx, QAWARD_EINVAL, "qaward_composites_compute: scores[%zu] is NULL", i);
        total += sets[i]->sheets->applicants.n;
    }
    qaward_composites *c = qa_calloc(ctx, 1, sizeof *c);
    if (!c)
        return QAWARD_ENOMEM;
    c->alloc = ctx->alloc;
    c->rules = r;
    c->n_sets = n;
    c->sets = qa_acalloc(&c->alloc, n ? n : 1, sizeof *c->sets);
    c->items = qa_acalloc(&c->alloc, total ? total : 1, sizeof *c->items);
    const char **ids = NULL;
    int64_t *tot = NULL;
    int rc = QAWARD_OK;
    if (!c->sets || !c->items) {
        rc = qa_error(ctx, QAWARD_ENOMEM, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < n; i++)
        c->sets[i] = sets[i];
    for (size_t si = 0; si < n; si++) {
        const qaward_scores *sc = sets[si];
        const qaward_sheets *sh = sc->sheets;
        size_t nst = sh->stages.n;
        qa_afree(&c->alloc, ids);
        qa_afree(&c->alloc, tot);
        ids = qa_acalloc(&c->alloc, nst ? nst : 1, sizeof *ids);
        tot = qa_acalloc(&c->alloc, nst ? nst : 1, sizeof *tot);
        if (!ids || !tot) {
            rc = qa_error(ctx, QAWARD_ENOMEM, "out of memory");
            goto fail;
        }
        for (size_t a = 0; a < sh->applicants.n; a++) {
            const char *app = sh->applicants.s[a];
            size_t m = 0;
            for (size_t st = 0; st < nst; st++) {
                int64_t g = qa_scores_find_group(sc, (uint32_t)a, (uint32_t)st, QAWARD_ROLE_ASSESSOR);
                if (g < 0)
                    continue;
                ids[m] = sh->stages.s[st];
                tot[m] = sc->totals[(size_t)g * 3 + 2];
                m++;
            }
            if (!m)
                continue; /* only a self-assessment: no composite */
            if (sh->app_kind[a] == QA_KIND_NONE) {
                rc = qa_error(ctx, QAWARD_EINVAL, "applicant %s: no subject kind given (needed for the composite)",
                              app);
                goto fail;
            }
            const char *kind = sh->kinds.s[sh->app_kind[a]];
            const qa_kind_rule *k = qa_rules_kind(r, kind);
            if (k && k->scheme && strcmp(k->scheme, sc->scheme->id) != 0) {
                rc = qa_error(ctx, QAWARD_EINVAL,
                              "applicant %s: scored on scheme %s, but review rule kinds.%s.scheme is %s", app,
                              sc->scheme->id, kind, k->scheme);
                goto fail;
            }
            for (size_t prev = 0; prev < si; prev++)
                if (qa_strtab_find(&sets[prev]->sheets->applicants, app) >= 0) {
                    rc = qa_error(ctx, QAWARD_EEXISTS, "applicant %s appears in two score sets (%zu and %zu)", app,
                                  prev, si);
                    goto fail;
                }
            qa_composite *it = &c->items[c->n];
            it->scores_set = (uint32_t)si;
            it->applicant = (uint32_t)a;
            it->kind = kind;
            int gp = 0;
            rc = composite_core(&it->composite, &gp, &it->missing, &it->failed_gate, ctx, r, kind, m, ids, tot);
            if (rc == QAWARD_ENOTFOUND) {
                rc = QAWARD_OK;
                it->status = QAWARD_COMPOSITE_INCOMPLETE;
                it->composite = 0;
            } else if (rc) {
                qa_error_prefix(ctx, "applicant %s", app);
                goto fail;
            } else
                it->status = gp ? QAWARD_COMPOSITE_OK : QAWARD_COMPOSITE_GATE_FAILED;
            c->n++;
        }
    }
    qa_afree(&c->alloc, ids);
    qa_afree(&c->alloc, tot);
    *out = c;
    qa_ok(ctx);
    return QAWARD_OK;
fail:
    qa_afree(&c->alloc, ids);
    qa_afree(&c->alloc, tot);
    qaward_composites_free(c);
    return rc;
}

size_t qaward_composites_count(const qaward_composites *c) { return c ? c->n : 0; }

int qaward_composites_get(const char **applicant, const char **kind, int *status, int64_t *composite,
                          qaward_ctx *ctx, const qaward_composites *c, size_t index)
{
    if (!c || index >= c->n)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_composites_get: NULL argument or index out of range");
    const qa_composite *it = &c->items[index];
    if (applicant)
        *applicant = c->sets[it->scores_set]->sheets->applicants.s[it->applicant];
    if (kind)
        *kind = it->kind;
    if (status)
        *status = it->status;
    if (composite)
        *composite = it->composite;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_composites_stage_total(int64_t *out, qaward_ctx *ctx, const qaward_composites *c, size_t index,
                                  const char *stage)
{
    if (!out || !c || !stage || index >= c->n)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_composites_stage_total: NULL argument or index out of range");
    const qa_composite *it = &c->items[index];
    const qaward_scores *sc = c->sets[it->scores_set];
    int64_t st = qa_strtab_find(&sc->sheets->stages, stage);
    int64_t g = st < 0 ? -1 : qa_scores_find_group(sc, it->applicant, (uint32_t)st, QAWARD_ROLE_ASSESSOR);
    if (g < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "applicant %s has no scores at stage %s",
                        sc->sheets->applicants.s[it->applicant], stage);
    *out = sc->totals[(size_t)g * 3 + 2];
    qa_ok(ctx);
    return QAWARD_OK;
}

/* R14: review rules belong to one policy; a tier or kind the policy does not
 * have would make a minimum silently unused, so it is an error. */
int qa_review_rules_check_policy(qaward_ctx *ctx, const qaward_review_rules *r, const qaward_policy *p)
{
    /* R14: rules that name their policy are for that policy only */
    if (r->policy && strcmp(r->policy, qaward_policy_id(p)) != 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "review rules %s are for policy %s, not %s", r->id ? r->id : "",
                        r->policy, qaward_policy_id(p));
    for (size_t i = 0; i < r->n_kinds; i++) {
        const qa_kind_rule *k = &r->kinds[i];
        if (qaward_policy_kind_index(p, k->id) < 0)
            return qa_error(ctx, QAWARD_ENOTFOUND,
                            "review rules %s: kinds[%zu] \"%s\" is not a subject kind of policy %s", r->id ? r->id : "",
                            i, k->id, qaward_policy_id(p));
        for (size_t j = 0; j < k->n_mins; j++)
            if (qaward_policy_level_index(p, k->mins[j].tier) < 0) {
                size_t nl = qaward_policy_level_count(p);
                char known[256];
                size_t off = 0;
                known[0] = 0;
                for (size_t l = 0; l < nl && off < sizeof known; l++)
                    off += (size_t)snprintf(known + off, sizeof known - off, "%s%s", l ? ", " : "",
                                            qaward_policy_level_id(p, l));
                return qa_error(ctx, QAWARD_ENOTFOUND,
                                "review rules %s: kinds.%s.min_composite names tier \"%s\", which policy %s does not "
                                "have (its levels: %s)",
                                r->id ? r->id : "", k->id, k->mins[j].tier, qaward_policy_id(p), known);
            }
    }
    return 0;
}

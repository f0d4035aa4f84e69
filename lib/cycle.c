/* The award cycle: allocation per quota, re-winners, ties, votes, prizes,
 * finalisation through the store (Art. 4, 5, 13, 15, 17; R8, R12–R14). */
#include "cycle_int.h"
#include "store_int.h"
#include <stdlib.h>

static int bad(qaward_ctx *ctx, const char *fn) { return qa_error(ctx, QAWARD_EINVAL, "%s: NULL argument", fn); }

static cy_cand *cand_at(qaward_ctx *ctx, qaward_cycle *c, size_t i, const char *fn)
{
    if (!c) {
        bad(ctx, fn);
        return NULL;
    }
    if (i >= c->n_cands) {
        qa_error(ctx, QAWARD_EINVAL, "%s: candidate index %zu out of range (%zu candidates)", fn, i, c->n_cands);
        return NULL;
    }
    c->run = 0;
    return &c->cands[i];
}

/* ---- lifetime ------------------------------------------------------------------ */

int qaward_cycle_new(qaward_cycle **out, qaward_ctx *ctx, const qaward_policy *policy,
                     const qaward_review_rules *rules, const char *cycle_id, qaward_date decision_date)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !policy || !cycle_id)
        return bad(ctx, "qaward_cycle_new");
    if (!*cycle_id)
        return qa_error(ctx, QAWARD_EINVAL, "cycle id: empty");
    if (!qaward_date_valid(decision_date))
        return qa_error(ctx, QAWARD_EINVAL, "cycle %s: invalid decision date %d", cycle_id, (int)decision_date);
    if (!qaward_policy_in_force(policy, decision_date)) {
        char d[QAWARD_DATE_STRLEN];
        qaward_date_format(d, decision_date);
        return qa_error(ctx, QAWARD_ENOPOLICY, "cycle %s: policy %s is not in force on %s (R17)", cycle_id,
                        qaward_policy_id(policy), d);
    }
    if (policy->n_levels > CY_MAX_LEVELS)
        return qa_error(ctx, QAWARD_ERANGE, "policy %s: %zu levels; the cycle supports at most %d",
                        qaward_policy_id(policy), policy->n_levels, CY_MAX_LEVELS);
    if (rules) {
        int rc = qa_review_rules_check_policy(ctx, rules, policy);
        if (rc)
            return qa_error_prefix(ctx, "cycle %s", cycle_id);
    }
    qaward_cycle *c = qa_calloc(ctx, 1, sizeof *c);
    if (!c)
        return QAWARD_ENOMEM;
    c->alloc = ctx->alloc;
    c->policy = policy;
    c->rules = rules;
    c->decision_date = decision_date;
    c->as_of = QAWARD_DATE_NONE;
    c->id = qa_strdup(ctx, cycle_id);
    if (!c->id) {
        qa_free(ctx, c);
        return QAWARD_ENOMEM;
    }
    *out = c;
    qa_ok(ctx);
    return QAWARD_OK;
}

void cy_results_clear(qaward_cycle *c)
{
    for (size_t i = 0; i < c->n_buckets; i++) {
        qa_afree(&c->alloc, c->buckets[i].members);
        qa_afree(&c->alloc, c->buckets[i].traces);
    }
    qa_afree(&c->alloc, c->buckets);
    c->buckets = NULL;
    c->n_buckets = 0;
    c->prize_total = 0;
    c->run = 0;
}

void cy_reasons_clear(const qaward_allocator *a, cy_cand *k)
{
    for (size_t j = 0; j < k->n_reasons; j++) {
        qa_afree(a, k->reasons[j].rule_id);
        qa_afree(a, k->reasons[j].citation);
        qa_afree(a, k->reasons[j].citation_en);
        qa_afree(a, k->reasons[j].zh);
        qa_afree(a, k->reasons[j].en);
    }
    qa_afree(a, k->reasons);
    k->reasons = NULL;
    k->n_reasons = k->cap_reasons = 0;
}

void qaward_cycle_free(qaward_cycle *c)
{
    if (!c)
        return;
    const qaward_allocator *a = &c->alloc;
    for (size_t i = 0; i < c->n_cands; i++) {
        cy_cand *k = &c->cands[i];
        cy_reasons_clear(a, k);
        qaward_subject_free(k->own_subject);
        qa_afree(a, k->stages);
        for (size_t j = 0; j < k->n_notes; j++) {
            qa_afree(a, k->notes[j].key);
            qa_afree(a, k->notes[j].value);
        }
        qa_afree(a, k->notes);
    }
    qa_afree(a, c->cands);
    qa_afree(a, c->by_id);
    while (c->pool) {
        struct cy_pool *next = c->pool->next;
        qa_afree(a, c->pool);
        c->pool = next;
    }
    for (size_t j = 0; j < c->n_stage_names; j++)
        qa_afree(a, c->stage_names[j]);
    qa_afree(a, c->stage_names);
    cy_results_clear(c);
    qa_afree(a, c->id);
    qa_afree(a, c->title_zh);
    qa_afree(a, c->title_en);
    qaward_memstore_free(c->own_store);
    qaward_review_rules_free(c->own_rules);
    qaward_policy_free(c->own_policy);
    qaward_allocator copy = c->alloc;
    qa_afree(&copy, c);
}

const char *qaward_cycle_id(const qaward_cycle *c) { return c ? c->id : ""; }
qaward_date qaward_cycle_decision_date(const qaward_cycle *c) { return c ? c->decision_date : QAWARD_DATE_NONE; }
const qaward_policy *qaward_cycle_policy(const qaward_cycle *c) { return c ? c->policy : NULL; }
size_t qaward_cycle_candidate_count(const qaward_cycle *c) { return c ? c->n_cands : 0; }
qaward_memstore *qaward_cycle_memstore(qaward_cycle *c) { return c ? c->own_store : NULL; }

/* ---- candidates ------------------------------------------------------------------ */


/* Subject ids are looked up through an open-addressing hash of candidate indices
 * (slot = index + 1, 0 = empty), grown to keep the load factor below 1/2. */
static uint64_t id_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

int64_t qaward_cycle_candidate_find(const qaward_cycle *c, const char *subject_id)
{
    if (!c || !subject_id || !c->n_by_id)
        return -1;
    size_t mask = c->n_by_id - 1;
    for (size_t h = (size_t)id_hash(subject_id) & mask;; h = (h + 1) & mask) {
        size_t slot = c->by_id[h];
        if (!slot)
            return -1;
        if (strcmp(c->cands[slot - 1].id, subject_id) == 0)
            return (int64_t)(slot - 1);
    }
}

static void hash_put(size_t *tab, size_t cap, const char *id, size_t index)
{
    size_t mask = cap - 1, h = (size_t)id_hash(id) & mask;
    while (tab[h])
        h = (h + 1) & mask;
    tab[h] = index + 1;
}

/* Make room for one more id (n_by_id is the table's capacity, a power of two). */
static int hash_reserve(qaward_ctx *ctx, qaward_cycle *c)
{
    if ((c->n_cands + 1) * 2 <= c->n_by_id)
        return 0;
    size_t cap = c->n_by_id ? c->n_by_id * 2 : 64;
    while ((c->n_cands + 1) * 2 > cap)
        cap *= 2;
    size_t *tab = qa_calloc(ctx, cap, sizeof *tab);
    if (!tab)
        return QAWARD_ENOMEM;
    for (size_t i = 0; i < c->n_cands; i++)
        hash_put(tab, cap, c->cands[i].id, i);
    qa_free(ctx, c->by_id);
    c->by_id = tab;
    c->n_by_id = cap;
    return 0;
}

/* Copy a string into the cycle's pool. */
static char *pool_strdup(qaward_ctx *ctx, qaward_cycle *c, const char *str)
{
    size_t n = strlen(str) + 1;
    if (!c->pool || c->pool->cap - c->pool->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        struct cy_pool *b = qa_malloc(ctx, sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = c->pool;
        b->used = 0;
        b->cap = cap;
        c->pool = b;
    }
    char *d = c->pool->data + c->pool->used;
    memcpy(d, str, n);
    c->pool->used += n;
    return d;
}

int qaward_cycle_add_candidate(size_t *index, qaward_ctx *ctx, qaward_cycle *c, const char *subject_id,
                               const char *name, const char *kind)
{
    if (!ctx || !c || !subject_id || !kind)
        return bad(ctx, "qaward_cycle_add_candidate");
    if (!*subject_id)
        return qa_error(ctx, QAWARD_EINVAL, "candidate %zu: empty subject id", c->n_cands);
    int k = qa_policy_kind(c->policy, kind);
    if (k < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "candidate %s: kind \"%s\" is not a subject kind of policy %s",
                        subject_id, kind, qaward_policy_id(c->policy));
    if (qaward_cycle_candidate_find(c, subject_id) >= 0)
        return qa_error(ctx, QAWARD_EEXISTS, "candidate %s: duplicate subject id", subject_id);
    if (qa_grow(ctx, (void **)&c->cands, &c->cap_cands, c->n_cands + 1, sizeof *c->cands))
        return QAWARD_ENOMEM;
    cy_cand *n = &c->cands[c->n_cands];
    memset(n, 0, sizeof *n);
    if (hash_reserve(ctx, c))
        return QAWARD_ENOMEM;
    n->id = pool_strdup(ctx, c, subject_id);
    n->name = name ? pool_strdup(ctx, c, name) : NULL;
    if (!n->id || (name && !n->name))
        return QAWARD_ENOMEM; /* pool space is reclaimed with the cycle */
    hash_put(c->by_id, c->n_by_id, n->id, c->n_cands);
    n->kind = k;
    n->defence = -1;
    n->tie_decision = -1;
    n->level = -1;
    n->bucket = -1;
    if (index)
        *index = c->n_cands;
    c->n_cands++;
    c->run = 0;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_set_verdict(qaward_ctx *ctx, qaward_cycle *c, size_t index, int verdict)
{
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_set_verdict");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    if (verdict < QAWARD_CYCLE_ELIGIBLE || verdict > QAWARD_CYCLE_INCOMPLETE)
        return qa_error(ctx, QAWARD_EINVAL, "candidate %s: verdict %d is not a qaward_cycle_verdict", k->id, verdict);
    k->verdict = verdict;
    k->subject = NULL; /* a given verdict replaces the check of the facts */
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_add_reason(qaward_ctx *ctx, qaward_cycle *c, size_t index, const char *rule_id,
                            const char *citation, const char *message_zh, const char *message_en)
{
    if (!rule_id)
        return bad(ctx, "qaward_cycle_add_reason");
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_add_reason");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    if (qa_grow(ctx, (void **)&k->reasons, &k->cap_reasons, k->n_reasons + 1, sizeof *k->reasons))
        return QAWARD_ENOMEM;
    cy_reason r = {qa_strdup(ctx, rule_id), citation ? qa_strdup(ctx, citation) : NULL,
                   message_zh ? qa_strdup(ctx, message_zh) : NULL, message_en ? qa_strdup(ctx, message_en) : NULL,
                   NULL, 0};
    if (!r.rule_id || (citation && !r.citation) || (message_zh && !r.zh) || (message_en && !r.en)) {
        qa_free(ctx, r.rule_id);
        qa_free(ctx, r.citation);
        qa_free(ctx, r.zh);
        qa_free(ctx, r.en);
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    }
    k->reasons[k->n_reasons++] = r;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_set_composite(qaward_ctx *ctx, qaward_cycle *c, size_t index, int64_t composite)
{
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_set_composite");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    if (composite < 0)
        return qa_error(ctx, QAWARD_ERANGE, "candidate %s: composite %lld is negative", k->id, (long long)composite);
    k->has_composite = 1;
    k->composite_in = composite;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_set_stage_total(qaward_ctx *ctx, qaward_cycle *c, size_t index, const char *stage, int64_t total)
{
    if (!stage)
        return bad(ctx, "qaward_cycle_set_stage_total");
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_set_stage_total");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    if (total < 0)
        return qa_error(ctx, QAWARD_ERANGE, "candidate %s: stage %s total %lld is negative", k->id, stage,
                        (long long)total);
    for (size_t j = 0; j < k->n_stages; j++)
        if (strcmp(k->stages[j].id, stage) == 0) {
            k->stages[j].total = total;
            qa_ok(ctx);
            return QAWARD_OK;
        }
    /* stage ids are few: intern them once per cycle (memory, issue 4) */
    const char *id = NULL;
    for (size_t j = 0; j < c->n_stage_names && !id; j++)
        if (strcmp(c->stage_names[j], stage) == 0)
            id = c->stage_names[j];
    if (!id) {
        if (qa_grow(ctx, (void **)&c->stage_names, &c->cap_stage_names, c->n_stage_names + 1,
                    sizeof *c->stage_names))
            return QAWARD_ENOMEM;
        char *copy = qa_strdup(ctx, stage);
        if (!copy)
            return QAWARD_ENOMEM;
        c->stage_names[c->n_stage_names++] = copy;
        id = copy;
    }
    if (k->n_stages == k->cap_stages) {
        uint32_t ncap = k->cap_stages ? k->cap_stages * 2 : 4;
        cy_stage *ns = qa_realloc(ctx, k->stages, ncap * sizeof *ns);
        if (!ns)
            return QAWARD_ENOMEM;
        k->stages = ns;
        k->cap_stages = ncap;
    }
    k->stages[k->n_stages].id = id;
    k->stages[k->n_stages].total = total;
    k->n_stages++;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_set_defence(qaward_ctx *ctx, qaward_cycle *c, size_t index, int passed)
{
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_set_defence");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    k->defence = passed ? 1 : 0;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_set_vote(qaward_ctx *ctx, qaward_cycle *c, size_t index, int32_t votes_for, int32_t against,
                          int32_t abstain, int32_t present, int32_t members)
{
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_set_vote");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    if (votes_for < 0 || against < 0 || abstain < 0 || present < 0 || members <= 0)
        return qa_error(ctx, QAWARD_ERANGE, "candidate %s: vote counts must be >= 0 and members > 0", k->id);
    if ((int64_t)votes_for + against + abstain > present)
        return qa_error(ctx, QAWARD_ERANGE, "candidate %s: vote for %d + against %d + abstain %d exceeds %d present",
                        k->id, votes_for, against, abstain, present);
    if (present > members)
        return qa_error(ctx, QAWARD_ERANGE, "candidate %s: vote: %d present exceeds %d members", k->id, present,
                        members);
    k->has_vote = 1;
    k->v_for = votes_for;
    k->v_against = against;
    k->v_abstain = abstain;
    k->v_present = present;
    k->v_members = members;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_decide_tie(qaward_ctx *ctx, qaward_cycle *c, size_t index, int placed)
{
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_decide_tie");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    k->tie_decision = placed ? 1 : 0;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_add_note(qaward_ctx *ctx, qaward_cycle *c, size_t index, const char *key, const char *value,
                          int trade_secret)
{
    if (!key || !value)
        return bad(ctx, "qaward_cycle_add_note");
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_add_note");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    if (qa_grow(ctx, (void **)&k->notes, &k->cap_notes, k->n_notes + 1, sizeof *k->notes))
        return QAWARD_ENOMEM;
    cy_note n = {qa_strdup(ctx, key), qa_strdup(ctx, value), trade_secret ? 1 : 0};
    if (!n.key || !n.value) {
        qa_free(ctx, n.key);
        qa_free(ctx, n.value);
        return QAWARD_ENOMEM;
    }
    k->notes[k->n_notes++] = n;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_set_scores_secret(qaward_ctx *ctx, qaward_cycle *c, size_t index, int secret)
{
    cy_cand *k = cand_at(ctx, c, index, "qaward_cycle_set_scores_secret");
    if (!k)
        return ctx ? ctx->status : QAWARD_EINVAL;
    k->scores_secret = secret ? 1 : 0;
    qa_ok(ctx);
    return QAWARD_OK;
}

/* ---- ranking -------------------------------------------------------------------- */

/* Ranking context: the tie-break order as stage ids (R12). */
typedef struct rank_ctx {
    const qaward_cycle *c;
    const char **tb;
    size_t n_tb;
} rank_ctx;

static int stage_total(const cy_cand *k, const char *stage, int64_t *out)
{
    for (size_t j = 0; j < k->n_stages; j++)
        if (strcmp(k->stages[j].id, stage) == 0) {
            *out = k->stages[j].total;
            return 1;
        }
    return 0;
}

/* Compare by composite then the tie-break stages (higher first). Returns <0 when a
 * ranks above b, >0 below, 0 when tied; *stage receives the deciding tie-break index. */
static int key_cmp(const rank_ctx *r, const cy_cand *a, const cy_cand *b, size_t *stage)
{
    if (a->composite != b->composite)
        return a->composite > b->composite ? -1 : 1;
    for (size_t i = 0; i < r->n_tb; i++) {
        int64_t ta = 0, tb = 0;
        int ha = stage_total(a, r->tb[i], &ta), hb = stage_total(b, r->tb[i], &tb);
        if (!ha || !hb || ta == tb)
            continue;
        if (stage)
            *stage = i;
        return ta > tb ? -1 : 1;
    }
    return 0;
}

/* Merge sort of candidate indices: key order, then subject id (display order of ties). */
static int full_cmp(const rank_ctx *r, size_t x, size_t y)
{
    const cy_cand *a = &r->c->cands[x], *b = &r->c->cands[y];
    int k = key_cmp(r, a, b, NULL);
    return k ? k : strcmp(a->id, b->id);
}

static void msort(const rank_ctx *r, size_t *v, size_t *tmp, size_t n)
{
    if (n < 2)
        return;
    if (n <= 8) {
        for (size_t i = 1; i < n; i++) {
            size_t x = v[i], j = i;
            while (j > 0 && full_cmp(r, v[j - 1], x) > 0) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
        return;
    }
    size_t h = n / 2;
    msort(r, v, tmp, h);
    msort(r, v + h, tmp, n - h);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n)
        tmp[o++] = full_cmp(r, v[i], v[j]) <= 0 ? v[i++] : v[j++];
    while (i < h)
        tmp[o++] = v[i++];
    while (j < n)
        tmp[o++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* ---- votes (Art. 13(七)) ------------------------------------------------------------ */

static int vote_eval(qaward_ctx *ctx, const qaward_cycle *c, const cy_cand *k, int *state)
{
    if (!k->has_vote) {
        *state = QAWARD_VOTE_NONE;
        return 0;
    }
    if (!c->rules)
        return qa_error(ctx, QAWARD_ENORULE, "candidate %s: review rule vote.quorum is not set (no review rules)",
                        k->id);
    int64_t qn, qd, pn, pd;
    int strict;
    int rc = qaward_review_rules_vote_quorum(&qn, &qd, ctx, c->rules);
    if (!rc)
        rc = qaward_review_rules_vote_pass(&pn, &pd, &strict, ctx, c->rules);
    if (rc)
        return qa_error_prefix(ctx, "candidate %s: vote", k->id);
    /* quorum: present × den ≥ members × num */
    if ((int64_t)k->v_present * qd < (int64_t)k->v_members * qn) {
        *state = QAWARD_VOTE_NO_QUORUM;
        return 0;
    }
    int64_t lhs = (int64_t)k->v_for * pd, rhs = (int64_t)k->v_present * pn;
    *state = (strict ? lhs > rhs : lhs >= rhs) ? QAWARD_VOTE_PASSED : QAWARD_VOTE_FAILED;
    return 0;
}

/* ---- history (R8) ---------------------------------------------------------------- */

static int read_prior(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *st, qaward_history *h, cy_cand *k)
{
    for (size_t l = 0; l < CY_MAX_LEVELS; l++)
        k->prior[l] = QAWARD_DATE_NONE;
    if (!st || !st->read_fn)
        return 0;
    int rc = qa_history_read(h, ctx, st, k->id);
    if (rc)
        return rc;
    for (size_t i = 0; i < h->n_awards; i++) {
        const qaward_award_record *a = &h->awards[i];
        /* R8: a revoked earlier award does not make a later win a re-win */
        if (qaward_date_valid(a->revoked_on) || !(a->award_date < c->decision_date))
            continue;
        if (a->cycle_id && strcmp(a->cycle_id, c->id) == 0)
            continue;
        int l = qa_policy_level(c->policy, a->level);
        if (l < 0 || !c->policy->levels[l].main)
            continue;
        if (k->prior[l] == QAWARD_DATE_NONE || k->prior[l] < a->award_date)
            k->prior[l] = a->award_date;
    }
    return 0;
}

/* ---- allocation -------------------------------------------------------------------- */

/* Minimum composite per (level, kind), read lazily (R14: never guessed). */
typedef struct mins {
    int64_t *v;
    signed char *state; /* 0 unread, 1 set */
} mins;

static int min_for(qaward_ctx *ctx, const qaward_cycle *c, mins *m, int level, int kind, int64_t *out)
{
    size_t i = (size_t)level * c->policy->n_kinds + (size_t)kind;
    if (!m->state[i]) {
        if (!c->rules)
            return qa_error(ctx, QAWARD_ENORULE, "review rule kinds.%s.min_composite.%s is not set (no review rules)",
                            c->policy->kinds[kind].id, c->policy->levels[level].id);
        int rc = qaward_review_rules_min_composite(&m->v[i], ctx, c->rules, c->policy->kinds[kind].id,
                                                   c->policy->levels[level].id);
        if (rc)
            return rc;
        m->state[i] = 1;
    }
    *out = m->v[i];
    return 0;
}

static int bucket_add(qaward_ctx *ctx, cy_bucket *b, size_t *cap, size_t cand)
{
    if (qa_grow(ctx, (void **)&b->members, cap, b->n_members + 1, sizeof *b->members))
        return QAWARD_ENOMEM;
    b->members[b->n_members++] = cand;
    return 0;
}

static int trace_add(qaward_ctx *ctx, cy_bucket *b, size_t *cap, cy_trace t)
{
    if (qa_grow(ctx, (void **)&b->traces, cap, b->n_traces + 1, sizeof *b->traces))
        return QAWARD_ENOMEM;
    b->traces[b->n_traces++] = t;
    return 0;
}

static void place(qaward_cycle *c, cy_cand *k, int outcome, int level, size_t bucket)
{
    k->outcome = outcome;
    k->level = level;
    k->bucket = (int)bucket;
    k->avail = 0;
    QA_UNUSED(c);
}

static int64_t prize_of(const qaward_cycle *c, int level, int kind)
{
    return c->policy->prize_fen[(size_t)level * c->policy->n_kinds + (size_t)kind];
}

/* Place a candidate inside the count; a re-winner of a main level whose policy
 * counts re-winners in the quota keeps the re-win flag and the policy's re-win prize (R8). */
static void award(qaward_cycle *c, cy_cand *k, cy_bucket *b, size_t bi)
{
    const qa_level *lv = &c->policy->levels[b->level];
    int rewin = lv->main && k->prior[b->level] != QAWARD_DATE_NONE;
    place(c, k, rewin ? QAWARD_OUTCOME_REWIN : QAWARD_OUTCOME_AWARDED, b->level, bi);
    k->prize = rewin && !lv->rewin_prize ? 0 : prize_of(c, b->level, k->kind);
    b->placed++;
    b->rewinners += rewin;
}

/* Allocate one quota (bucket). `list` holds the candidates of the quota's kinds
 * that are still available and reach the level's minimum, in rank order. */
static int alloc_bucket(qaward_ctx *ctx, qaward_cycle *c, const rank_ctx *r, size_t bi, size_t *list, size_t n,
                        size_t *rest, int *backfill)
{
    cy_bucket *b = &c->buckets[bi];
    const qa_level *lv = &c->policy->levels[b->level];
    size_t mcap = 0, tcap = 0;
    int rc;
    /* display rank within the quota's ranking, re-winners included */
    for (size_t i = 0; i < n; i++)
        c->cands[list[i]].rank = (int64_t)i + 1;

    /* R8: re-winners of a main level take a place outside the count, prize 0 */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        cy_cand *k = &c->cands[list[i]];
        if (lv->main && !lv->rewin_quota && k->prior[b->level] != QAWARD_DATE_NONE) {
            place(c, k, k->vote == QAWARD_VOTE_PASSED || k->vote == QAWARD_VOTE_NONE ? QAWARD_OUTCOME_REWIN
                                                                                     : QAWARD_OUTCOME_VOTE_FAILED,
                  b->level, bi);
            if (k->outcome == QAWARD_OUTCOME_REWIN) {
                k->prize = lv->rewin_prize ? prize_of(c, b->level, k->kind) : 0;
                b->rewinners++;
            }
            if ((rc = bucket_add(ctx, b, &mcap, list[i])))
                return rc;
            continue;
        }
        rest[m++] = list[i];
    }

    /* A failed vote leaves the place vacant unless the review rules allow backfill (Art. 13(七)). */
    int any_failed = 0;
    for (size_t i = 0; i < m && !any_failed; i++) {
        int v = c->cands[rest[i]].vote;
        any_failed = v == QAWARD_VOTE_FAILED || v == QAWARD_VOTE_NO_QUORUM;
    }
    if (any_failed && *backfill < 0) {
        if (!c->rules)
            return qa_error(ctx, QAWARD_ENORULE, "review rule vote.backfill is not set (no review rules)");
        if ((rc = qaward_review_rules_vote_backfill(backfill, ctx, c->rules)))
            return rc;
    }
    if (any_failed && *backfill == 1) {
        size_t o = 0;
        for (size_t i = 0; i < m; i++) {
            cy_cand *k = &c->cands[rest[i]];
            /* only a candidate who would take a place leaves it to the next one */
            if (o < (size_t)b->max && (k->vote == QAWARD_VOTE_FAILED || k->vote == QAWARD_VOTE_NO_QUORUM)) {
                place(c, k, QAWARD_OUTCOME_VOTE_FAILED, b->level, bi);
                b->vote_failed++;
                if ((rc = bucket_add(ctx, b, &mcap, rest[i])))
                    return rc;
            } else {
                rest[o++] = rest[i];
            }
        }
        m = o;
    }

    size_t max = (size_t)b->max, top = m < max ? m : max;
    /* tie-break trace: adjacent equal composites decided by a stage total (R12) */
    for (size_t i = 0; i + 1 < m && i < max; i++) {
        size_t stage = 0;
        const cy_cand *a = &c->cands[rest[i]], *d = &c->cands[rest[i + 1]];
        if (a->composite == d->composite && key_cmp(r, a, d, &stage) != 0) {
            cy_trace t = {rest[i], rest[i + 1], stage, 0, 0};
            stage_total(a, r->tb[stage], &t.above_total);
            stage_total(d, r->tb[stage], &t.below_total);
            if ((rc = trace_add(ctx, b, &tcap, t)))
                return rc;
        }
    }
    /* R12: a tie across the last place is reported, never cut silently */
    size_t tie_a = top, tie_b = top;
    if (m > max && max > 0 && key_cmp(r, &c->cands[rest[max - 1]], &c->cands[rest[max]], NULL) == 0) {
        tie_a = max - 1;
        while (tie_a > 0 && key_cmp(r, &c->cands[rest[tie_a - 1]], &c->cands[rest[max - 1]], NULL) == 0)
            tie_a--;
        tie_b = max;
        while (tie_b < m && key_cmp(r, &c->cands[rest[tie_b]], &c->cands[rest[max - 1]], NULL) == 0)
            tie_b++;
    }
    for (size_t i = 0; i < tie_a; i++) {
        cy_cand *k = &c->cands[rest[i]];
        if (k->vote == QAWARD_VOTE_FAILED || k->vote == QAWARD_VOTE_NO_QUORUM) {
            place(c, k, QAWARD_OUTCOME_VOTE_FAILED, b->level, bi); /* the place stays vacant */
            b->vote_failed++;
        } else {
            award(c, k, b, bi);
        }
        if ((rc = bucket_add(ctx, b, &mcap, rest[i])))
            return rc;
    }
    if (tie_b > tie_a && tie_b > top) {
        size_t places = max - tie_a, decided = 0, yes = 0;
        for (size_t i = tie_a; i < tie_b; i++) {
            const cy_cand *k = &c->cands[rest[i]];
            decided += k->tie_decision >= 0;
            yes += k->tie_decision == 1;
        }
        if (decided == tie_b - tie_a) {
            if (yes > places)
                return qa_error(ctx, QAWARD_ERANGE,
                                "level %s: the leading group placed %zu tied candidates but only %zu places remain",
                                lv->id, yes, places);
            for (size_t i = tie_a; i < tie_b; i++) {
                cy_cand *k = &c->cands[rest[i]];
                if (k->tie_decision != 1)
                    continue;
                if (k->vote == QAWARD_VOTE_FAILED || k->vote == QAWARD_VOTE_NO_QUORUM) {
                    place(c, k, QAWARD_OUTCOME_VOTE_FAILED, b->level, bi);
                    b->vote_failed++;
                } else {
                    award(c, k, b, bi);
                }
                if ((rc = bucket_add(ctx, b, &mcap, rest[i])))
                    return rc;
            }
        } else {
            for (size_t i = tie_a; i < tie_b; i++) {
                cy_cand *k = &c->cands[rest[i]];
                place(c, k, QAWARD_OUTCOME_TIE, b->level, bi);
                if ((rc = bucket_add(ctx, b, &mcap, rest[i])))
                    return rc;
            }
            b->tied = (int32_t)places;
        }
    }
    b->vacant = b->max - b->placed - b->tied;
    /* report order: by rank (re-winners at their ranking position) */
    for (size_t i = 1; i < b->n_members; i++) {
        size_t x = b->members[i], j = i;
        while (j > 0 && c->cands[b->members[j - 1]].rank > c->cands[x].rank) {
            b->members[j] = b->members[j - 1];
            j--;
        }
        b->members[j] = x;
    }
    for (size_t i = 0; i < b->n_members; i++)
        b->prize_total += c->cands[b->members[i]].prize;
    return 0;
}

int qaward_cycle_run(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store)
{
    if (!ctx || !c)
        return bad(ctx, "qaward_cycle_run");
    const qaward_policy *p = c->policy;
    qaward_store own;
    if (!store && c->own_store) {
        qaward_memstore_as_store(&own, c->own_store);
        store = &own;
    }
    if (store && store->version != QAWARD_STORE_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "store version %u is not supported", (unsigned)store->version);
    cy_results_clear(c);
    /* Art. 13(三): candidates given as facts are checked now, against the same history */
    int rc = cy_check_all(ctx, c, store);
    if (rc)
        return rc;
    size_t nl = p->n_levels, nk = p->n_kinds;
    mins m = {qa_calloc(ctx, nl * nk, sizeof(int64_t)), qa_calloc(ctx, nl * nk, 1)};
    size_t *list = qa_calloc(ctx, c->n_cands ? c->n_cands : 1, sizeof *list);
    size_t *rest = qa_calloc(ctx, c->n_cands ? c->n_cands : 1, sizeof *rest);
    size_t *tmp = qa_calloc(ctx, c->n_cands ? c->n_cands : 1, sizeof *tmp);
    rank_ctx r = {c, NULL, 0};
    int backfill = -1;
    qaward_history hist;
    qa_history_init(&hist, &ctx->alloc);
    if (!m.v || !m.state || !list || !rest || !tmp) {
        rc = QAWARD_ENOMEM;
        goto out;
    }
    /* tie-break order (R12); absent = ties go to the leading group */
    if (c->rules) {
        size_t ntb = 0;
        qaward_ctx *scratch = NULL;
        if (qaward_review_rules_tie_break_count(&ntb, ctx, c->rules) == 0 && ntb > 0) {
            r.tb = qa_calloc(ctx, ntb, sizeof *r.tb);
            if (!r.tb) {
                rc = QAWARD_ENOMEM;
                goto out;
            }
            for (size_t i = 0; i < ntb; i++)
                if ((rc = qaward_review_rules_tie_break_at(&r.tb[i], ctx, c->rules, i)))
                    goto out;
            r.n_tb = ntb;
        }
        QA_UNUSED(scratch);
        qa_ok(ctx);
    }
    /* 1. each candidate: verdict, composite and gates, votes, history */
    for (size_t i = 0; i < c->n_cands; i++) {
        cy_cand *k = &c->cands[i];
        k->outcome = QAWARD_OUTCOME_NONE;
        k->level = -1;
        k->bucket = -1;
        k->has_score = 0;
        k->composite = 0;
        k->rank = 0;
        k->prize = 0;
        k->vote = QAWARD_VOTE_NONE;
        k->qualified = 0;
        k->avail = 0;
        switch (k->verdict) {
        case QAWARD_CYCLE_UNSET:
            rc = qa_error(ctx, QAWARD_ESTATE, "candidate %s: no eligibility verdict given", k->id);
            goto out;
        case QAWARD_CYCLE_INELIGIBLE:
            k->outcome = QAWARD_OUTCOME_REFUSED; /* Art. 13(三): refused with written reasons */
            continue;
        case QAWARD_CYCLE_INCOMPLETE:
            k->outcome = QAWARD_OUTCOME_INCOMPLETE;
            continue;
        default:
            break;
        }
        int gates = 1;
        if (k->has_composite) {
            k->composite = k->composite_in;
            k->has_score = 1;
        } else if (k->n_stages) {
            const char *ids[32];
            int64_t tot[32];
            size_t ns = k->n_stages < 32 ? k->n_stages : 32;
            for (size_t j = 0; j < ns; j++) {
                ids[j] = k->stages[j].id;
                tot[j] = k->stages[j].total;
            }
            if (!c->rules) {
                rc = qa_error(ctx, QAWARD_ENORULE, "candidate %s: composite needs review rules (stage weights)", k->id);
                goto out;
            }
            rc = qaward_review_rules_composite(&k->composite, &gates, ctx, c->rules, p->kinds[k->kind].id, ns, ids,
                                               tot);
            if (rc) {
                qa_error_prefix(ctx, "candidate %s", k->id);
                goto out;
            }
            k->has_score = 1;
        }
        if (k->defence == 0)
            gates = 0; /* Art. 13(五): only those who pass the defence go on */
        if (!gates) {
            k->outcome = QAWARD_OUTCOME_GATE_FAILED;
            k->has_score = 0;
            continue;
        }
        if (!k->has_score) {
            k->outcome = QAWARD_OUTCOME_NOT_SCORED;
            continue;
        }
        if ((rc = vote_eval(ctx, c, k, &k->vote)))
            goto out;
        if ((rc = read_prior(ctx, c, store, &hist, k)))
            goto out;
        k->avail = 1;
    }
    /* 2. buckets: one per quota, highest level first, in the policy's order */
    c->buckets = qa_calloc(ctx, p->n_quotas ? p->n_quotas : 1, sizeof *c->buckets);
    if (!c->buckets) {
        rc = QAWARD_ENOMEM;
        goto out;
    }
    c->n_buckets = 0;
    for (size_t l = 0; l < nl; l++) {
        for (size_t q = 0; q < p->n_quotas; q++) {
            const qa_quota *qq = &p->quotas[q];
            if (qq->level != (int)l)
                continue;
            size_t bi = c->n_buckets++;
            c->buckets[bi].quota = (int)q;
            c->buckets[bi].level = (int)l;
            c->buckets[bi].max = qq->max;
            size_t n = 0;
            for (size_t i = 0; i < c->n_cands; i++) {
                cy_cand *k = &c->cands[i];
                if (!k->avail)
                    continue;
                int in = 0;
                for (size_t j = 0; j < qq->n_kinds && !in; j++)
                    in = qq->kinds[j] == k->kind;
                if (!in)
                    continue;
                int64_t mn = 0;
                if ((rc = min_for(ctx, c, &m, (int)l, k->kind, &mn))) {
                    qa_error_prefix(ctx, "candidate %s", k->id);
                    goto out;
                }
                if (k->composite < mn)
                    continue;
                k->qualified = 1;
                list[n++] = i;
            }
            msort(&r, list, tmp, n);
            if ((rc = alloc_bucket(ctx, c, &r, bi, list, n, rest, &backfill)))
                goto out;
            c->prize_total += c->buckets[bi].prize_total;
        }
    }
    for (size_t i = 0; i < c->n_cands; i++) {
        cy_cand *k = &c->cands[i];
        if (k->avail) {
            k->outcome = k->qualified ? QAWARD_OUTCOME_QUOTA_FULL : QAWARD_OUTCOME_BELOW_MIN;
            k->avail = 0;
            if (!k->qualified)
                k->rank = 0;
        }
    }
    c->run = 1;
out:
    qa_free(ctx, m.v);
    qa_free(ctx, m.state);
    qa_free(ctx, list);
    qa_free(ctx, rest);
    qa_free(ctx, tmp);
    qa_free(ctx, (void *)r.tb);
    qa_history_free(&hist);
    if (rc) {
        cy_results_clear(c);
        return rc;
    }
    qa_ok(ctx);
    return QAWARD_OK;
}

/* ---- results ---------------------------------------------------------------------- */

int qaward_cycle_is_run(const qaward_cycle *c) { return c ? c->run : 0; }

static const cy_cand *res(const qaward_cycle *c, size_t i) { return c && c->run && i < c->n_cands ? &c->cands[i] : NULL; }

int qaward_cycle_candidate_outcome(const qaward_cycle *c, size_t index)
{
    const cy_cand *k = res(c, index);
    return k ? k->outcome : QAWARD_OUTCOME_NONE;
}

const char *qaward_cycle_candidate_level(const qaward_cycle *c, size_t index)
{
    const cy_cand *k = res(c, index);
    return k && k->level >= 0 ? c->policy->levels[k->level].id : NULL;
}

int qaward_cycle_candidate_composite(int64_t *out, const qaward_cycle *c, size_t index)
{
    if (!out || !c || index >= c->n_cands)
        return QAWARD_EINVAL;
    const cy_cand *k = &c->cands[index];
    if (c->run && k->has_score) {
        *out = k->composite;
        return 0;
    }
    if (k->has_composite) {
        *out = k->composite_in;
        return 0;
    }
    return QAWARD_ENOTFOUND;
}

const char *qaward_cycle_candidate_id(const qaward_cycle *c, size_t index)
{
    return c && index < c->n_cands ? c->cands[index].id : NULL;
}

const char *qaward_cycle_candidate_name(const qaward_cycle *c, size_t index)
{
    if (!c || index >= c->n_cands)
        return NULL;
    return c->cands[index].name ? c->cands[index].name : c->cands[index].id;
}

const char *qaward_cycle_candidate_kind(const qaward_cycle *c, size_t index)
{
    return c && index < c->n_cands ? qaward_policy_kind_id(c->policy, (size_t)c->cands[index].kind) : NULL;
}

int64_t qaward_cycle_candidate_rank(const qaward_cycle *c, size_t index)
{
    const cy_cand *k = res(c, index);
    return k ? k->rank : 0;
}

int64_t qaward_cycle_candidate_prize(const qaward_cycle *c, size_t index)
{
    const cy_cand *k = res(c, index);
    return k ? k->prize : 0;
}

int qaward_cycle_candidate_vote(const qaward_cycle *c, size_t index)
{
    const cy_cand *k = res(c, index);
    return k ? k->vote : QAWARD_VOTE_NONE;
}

size_t qaward_cycle_bucket_count(const qaward_cycle *c) { return c && c->run ? c->n_buckets : 0; }

int qaward_cycle_bucket_get(const char **level, int32_t *max, int32_t *placed, int32_t *vacant, int32_t *tied,
                            int64_t *prize_total, const qaward_cycle *c, size_t i)
{
    if (!c)
        return QAWARD_EINVAL;
    if (!c->run)
        return QAWARD_ESTATE;
    if (i >= c->n_buckets)
        return QAWARD_EINVAL;
    const cy_bucket *b = &c->buckets[i];
    if (level)
        *level = c->policy->levels[b->level].id;
    if (max)
        *max = b->max;
    if (placed)
        *placed = b->placed;
    if (vacant)
        *vacant = b->vacant;
    if (tied)
        *tied = b->tied;
    if (prize_total)
        *prize_total = b->prize_total;
    return QAWARD_OK;
}

int64_t qaward_cycle_prize_total(const qaward_cycle *c) { return c && c->run ? c->prize_total : 0; }

/* ---- finalise (decisions through the store) -------------------------------------------- */

int qaward_cycle_finalise(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store)
{
    if (!ctx || !c)
        return bad(ctx, "qaward_cycle_finalise");
    qaward_store own;
    if (!store && c->own_store) {
        qaward_memstore_as_store(&own, c->own_store);
        store = &own;
    }
    if (!store)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_finalise: no store");
    if (store->version != QAWARD_STORE_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "store version %u is not supported", (unsigned)store->version);
    if (!store->begin_fn || !store->commit_fn || !store->rollback_fn || !store->write_award_fn ||
        !store->cycle_finalised_fn)
        return qa_error(ctx, QAWARD_EINVAL,
                        "qaward_cycle_finalise: the store needs begin_fn, commit_fn, rollback_fn, write_award_fn "
                        "and cycle_finalised_fn");
    if (!c->run)
        return qa_error(ctx, QAWARD_ESTATE, "cycle %s: not run (call qaward_cycle_run first)", c->id);
    for (size_t i = 0; i < c->n_cands; i++) {
        const cy_cand *k = &c->cands[i];
        if (k->outcome == QAWARD_OUTCOME_TIE)
            return qa_error(ctx, QAWARD_ESTATE,
                            "cycle %s: candidate %s is tied at the last place of %s: the leading group must decide "
                            "(R12)",
                            c->id, k->id, c->policy->levels[k->level].id);
        if ((k->outcome == QAWARD_OUTCOME_AWARDED || k->outcome == QAWARD_OUTCOME_REWIN) &&
            k->vote != QAWARD_VOTE_PASSED)
            return qa_error(ctx, QAWARD_ESTATE, "cycle %s: candidate %s has no passed leading-group vote (Art. 13(七))",
                            c->id, k->id);
    }
    int fin = 0;
    int rc = store->cycle_finalised_fn(store->userdata, c->id, &fin);
    if (rc < 0)
        return qa_error(ctx, rc, "cycle %s: store cycle_finalised_fn failed (%d)", c->id, rc);
    if (fin)
        return qa_error(ctx, QAWARD_EEXISTS, "cycle %s: already finalised", c->id);
    rc = store->begin_fn(store->userdata);
    if (rc < 0)
        return qa_error(ctx, rc, "cycle %s: store begin_fn failed (%d)", c->id, rc);
    for (size_t b = 0; b < c->n_buckets; b++) {
        const cy_bucket *bk = &c->buckets[b];
        for (size_t j = 0; j < bk->n_members; j++) {
            const cy_cand *k = &c->cands[bk->members[j]];
            if (k->outcome != QAWARD_OUTCOME_AWARDED && k->outcome != QAWARD_OUTCOME_REWIN)
                continue;
            qaward_award_record rec;
            qaward_award_record_init(&rec, QAWARD_AWARD_RECORD_VERSION);
            rec.subject_id = k->id;
            rec.level = c->policy->levels[k->level].id;
            rec.kind = c->policy->kinds[k->kind].id;
            rec.cycle_id = c->id;
            rec.award_date = c->decision_date;
            rec.revoked_on = QAWARD_DATE_NONE;
            rec.prize_fen = k->prize;
            rec.re_win = k->outcome == QAWARD_OUTCOME_REWIN;
            rc = store->write_award_fn(store->userdata, &rec);
            if (rc < 0) {
                store->rollback_fn(store->userdata);
                return qa_error(ctx, rc, "cycle %s: store write_award_fn failed for %s (%d); rolled back", c->id,
                                k->id, rc);
            }
        }
    }
    rc = store->commit_fn(store->userdata);
    if (rc < 0) {
        store->rollback_fn(store->userdata);
        return qa_error(ctx, rc, "cycle %s: store commit_fn failed (%d); rolled back", c->id, rc);
    }
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_to_json(char **out, const qaward_cycle *c, qaward_ctx *ctx)
{
    return qaward_cycle_report(out, ctx, c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0);
}

/* A cycle's candidates decided from their facts: the eligibility checks
 * (Art. 10, 11; waits and bans of Art. 5, 20, 22) run on each candidate's
 * subject with the cycle's history, and the refused and incomplete candidates
 * keep the failing and unknown checks as their written reasons (Art. 13(三); R5). */
#include "cycle_int.h"

static cy_cand *cand(qaward_ctx *ctx, qaward_cycle *c, size_t i, const char *fn)
{
    if (!c) {
        qa_error(ctx, QAWARD_EINVAL, "%s: NULL argument", fn);
        return NULL;
    }
    if (i >= c->n_cands) {
        qa_error(ctx, QAWARD_EINVAL, "%s: candidate index %zu out of range (%zu candidates)", fn, i, c->n_cands);
        return NULL;
    }
    return &c->cands[i];
}

int qaward_cycle_set_as_of(qaward_ctx *ctx, qaward_cycle *c, qaward_date as_of)
{
    if (!ctx || !c)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_set_as_of: NULL argument");
    if (!qaward_date_valid(as_of))
        return qa_error(ctx, QAWARD_EINVAL, "cycle %s: invalid application date %d", c->id, (int)as_of);
    c->as_of = as_of;
    c->run = 0;
    qa_ok(ctx);
    return QAWARD_OK;
}

qaward_date qaward_cycle_as_of(const qaward_cycle *c) { return c ? c->as_of : QAWARD_DATE_NONE; }

int qaward_cycle_set_subject(qaward_ctx *ctx, qaward_cycle *c, size_t index, const qaward_subject *s)
{
    if (!ctx || !s)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_set_subject: NULL argument");
    cy_cand *k = cand(ctx, c, index, "qaward_cycle_set_subject");
    if (!k)
        return ctx->status;
    if (strcmp(qaward_subject_id(s), k->id) != 0)
        return qa_error(ctx, QAWARD_EINVAL, "candidate %s: the subject's id is \"%s\"", k->id, qaward_subject_id(s));
    const char *kind = c->policy->kinds[k->kind].id;
    if (strcmp(qaward_subject_kind(s), kind) != 0)
        return qa_error(ctx, QAWARD_EINVAL, "candidate %s: kind %s, but the subject's kind is \"%s\"", k->id, kind,
                        qaward_subject_kind(s));
    k->subject = s;
    k->verdict = QAWARD_CYCLE_UNSET;
    cy_reasons_clear(&c->alloc, k);
    c->run = 0;
    qa_ok(ctx);
    return QAWARD_OK;
}

static void reason_free(const qaward_allocator *a, cy_reason *r)
{
    qa_afree(a, r->rule_id);
    qa_afree(a, r->citation);
    qa_afree(a, r->citation_en);
    qa_afree(a, r->zh);
    qa_afree(a, r->en);
}

static char *dup_or_null(qaward_ctx *ctx, const char *s, int *fail)
{
    if (!s)
        return NULL;
    char *d = qa_strdup(ctx, s);
    if (!d)
        *fail = 1;
    return d;
}

/* Art. 13(三): the written reasons are the failing and unknown checks, in the
 * policy's rule order. Built aside and swapped in, so a failure changes nothing. */
static int apply(qaward_ctx *ctx, qaward_cycle *c, cy_cand *k, qaward_verdict *v)
{
    int status = qaward_verdict_status(v);
    if (status < 0)
        return qa_error(ctx, QAWARD_EINVAL, "candidate %s: not a verdict", k->id);
    size_t n = qaward_verdict_check_count(v), m = 0;
    for (size_t i = 0; i < n; i++) {
        int o = qaward_verdict_check_outcome(v, i);
        m += o == QAWARD_FAIL || o == QAWARD_UNKNOWN;
    }
    cy_reason *rs = m ? qa_calloc(ctx, m, sizeof *rs) : NULL;
    if (m && !rs)
        return QAWARD_ENOMEM;
    size_t j = 0;
    int fail = 0;
    for (size_t i = 0; i < n && !fail; i++) {
        int o = qaward_verdict_check_outcome(v, i);
        if (o != QAWARD_FAIL && o != QAWARD_UNKNOWN)
            continue;
        cy_reason *r = &rs[j++];
        r->unknown = o == QAWARD_UNKNOWN;
        r->rule_id = dup_or_null(ctx, qaward_verdict_check_rule(v, i), &fail);
        r->citation = dup_or_null(ctx, qaward_verdict_check_citation(v, i, QAWARD_LANG_ZH), &fail);
        r->citation_en = dup_or_null(ctx, qaward_verdict_check_citation(v, i, QAWARD_LANG_EN), &fail);
        const char *zh = qaward_verdict_check_message(v, i, QAWARD_LANG_ZH);
        r->zh = dup_or_null(ctx, zh, &fail);
        const char *en = zh ? qaward_verdict_check_message(v, i, QAWARD_LANG_EN) : NULL;
        r->en = dup_or_null(ctx, en, &fail);
        if (!zh || !en || !r->rule_id)
            fail = 1;
    }
    if (fail) {
        for (size_t i = 0; i < j; i++)
            reason_free(&ctx->alloc, &rs[i]);
        qa_free(ctx, rs);
        return qa_error(ctx, QAWARD_ENOMEM, "candidate %s: out of memory", k->id);
    }
    cy_reasons_clear(&c->alloc, k);
    k->reasons = rs;
    k->n_reasons = k->cap_reasons = m;
    k->verdict = status == QAWARD_ELIGIBLE     ? QAWARD_CYCLE_ELIGIBLE
                 : status == QAWARD_INELIGIBLE ? QAWARD_CYCLE_INELIGIBLE
                                               : QAWARD_CYCLE_INCOMPLETE;
    c->run = 0;
    return 0;
}

int qaward_cycle_apply_verdict(qaward_ctx *ctx, qaward_cycle *c, size_t index, qaward_verdict *v)
{
    if (!ctx || !v)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_apply_verdict: NULL argument");
    cy_cand *k = cand(ctx, c, index, "qaward_cycle_apply_verdict");
    if (!k)
        return ctx->status;
    if (strcmp(qaward_verdict_subject_id(v), k->id) != 0)
        return qa_error(ctx, QAWARD_EINVAL, "candidate %s: the verdict is about subject \"%s\"", k->id,
                        qaward_verdict_subject_id(v));
    int rc = apply(ctx, c, k, v);
    if (rc)
        return rc;
    k->subject = NULL; /* the verdict given replaces the check of the facts */
    qa_ok(ctx);
    return QAWARD_OK;
}

int cy_check_all(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store)
{
    size_t with = 0;
    for (size_t i = 0; i < c->n_cands; i++)
        with += c->cands[i].subject != NULL;
    if (!with)
        return 0;
    if (c->as_of == QAWARD_DATE_NONE)
        return qa_error(ctx, QAWARD_ESTATE,
                        "cycle %s: candidates given as facts need the application date (as_of) for their checks (R1)",
                        c->id);
    for (size_t i = 0; i < c->n_cands; i++) {
        cy_cand *k = &c->cands[i];
        if (!k->subject)
            continue;
        qaward_verdict *v = NULL;
        int rc = qaward_check(&v, ctx, c->policy, k->subject, store, c->as_of);
        if (rc)
            return qa_error_prefix(ctx, "candidate %s", k->id);
        rc = apply(ctx, c, k, v);
        qaward_verdict_free(v);
        if (rc)
            return rc;
    }
    return 0;
}

int qaward_cycle_check_candidates(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store)
{
    if (!ctx || !c)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_check_candidates: NULL argument");
    qaward_store own;
    if (!store && c->own_store) {
        qaward_memstore_as_store(&own, c->own_store);
        store = &own;
    }
    int rc = cy_check_all(ctx, c, store);
    if (rc)
        return rc;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_cycle_candidate_verdict(const qaward_cycle *c, size_t index)
{
    return c && index < c->n_cands ? c->cands[index].verdict : QAWARD_CYCLE_UNSET;
}

int qaward_cycle_candidate_has_subject(const qaward_cycle *c, size_t index)
{
    return c && index < c->n_cands && c->cands[index].subject != NULL;
}

size_t qaward_cycle_candidate_reason_count(const qaward_cycle *c, size_t index)
{
    return c && index < c->n_cands ? c->cands[index].n_reasons : 0;
}

const char *qaward_cycle_candidate_reason_rule(const qaward_cycle *c, size_t index, size_t i)
{
    return c && index < c->n_cands && i < c->cands[index].n_reasons ? c->cands[index].reasons[i].rule_id : NULL;
}

const char *qaward_cycle_candidate_reason_message(const qaward_cycle *c, size_t index, size_t i, int lang)
{
    if (!c || index >= c->n_cands || i >= c->cands[index].n_reasons)
        return NULL;
    const cy_reason *r = &c->cands[index].reasons[i];
    return lang == QAWARD_LANG_ZH ? (r->zh ? r->zh : r->en) : (r->en ? r->en : r->zh);
}

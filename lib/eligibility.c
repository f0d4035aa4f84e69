/* eligibility: the Art. 10/11 conditions, re-application waits (Art. 5) and
 * bans (Art. 20, 22) as three-valued checks with cited reasons (R3–R11, R17, R18). */
#include "elig_int.h"

/* ---- rule metadata ---------------------------------------------------------------- */
const char *qa_rule_type_name(int type)
{
    static const char *const names[] = {"attestation", "flag", "region", "years_since", "certificate_held",
                                        "certificate_level", "profit_years", "no_event", "wait", "ban"};
    return type >= 0 && type < (int)QA_ARRAY_LEN(names) ? names[type] : NULL;
}

const char *qa_rule_id(const qaward_policy *p, int kind, int rule)
{
    size_t r = (size_t)rule, nc = p->n_conds[kind];
    if (r < nc)
        return p->conds[kind][r].id;
    r -= nc;
    if (r < p->n_waits)
        return p->waits[r].id;
    return p->sanctions[r - p->n_waits].rule_id;
}

const qa_text *qa_rule_citation(const qaward_policy *p, int kind, int rule)
{
    size_t r = (size_t)rule, nc = p->n_conds[kind];
    if (r < nc)
        return &p->conds[kind][r].citation;
    r -= nc;
    if (r < p->n_waits)
        return &p->waits[r].citation;
    return &p->sanctions[r - p->n_waits].citation;
}

const qa_text *qa_rule_title(const qaward_policy *p, int kind, int rule)
{
    size_t r = (size_t)rule, nc = p->n_conds[kind];
    if (r < nc)
        return &p->conds[kind][r].title;
    r -= nc;
    if (r < p->n_waits)
        return NULL;
    return &p->sanctions[r - p->n_waits].name;
}

/* ---- checker ------------------------------------------------------------------------ */
/* Compile the conditions for the fast checks; c->fconds stays NULL (general path
 * only) when the policy does not fit them. 1 on OOM. */
static int compile_fast(qaward_checker *c, qaward_ctx *ctx, const qaward_policy *p)
{
    if (p->n_cert_types > 64 || p->n_event_kinds > 64 || c->max_rules > UINT16_MAX)
        return 0;
    for (size_t k = 0; k < p->n_kinds; k++)
        for (size_t i = 0; i < p->n_conds[k]; i++)
            if ((unsigned)p->conds[k][i].type >= QA_COND__COUNT)
                return 0;
    if (!(c->fconds = qa_calloc(ctx, p->n_kinds ? p->n_kinds : 1, sizeof *c->fconds)))
        return 1;
    for (size_t k = 0; k < p->n_kinds; k++) {
        size_t n = p->n_conds[k];
        qa_fcond *v = c->fconds[k] = qa_calloc(ctx, n ? n : 1, sizeof *v);
        if (!v)
            return 1;
        for (size_t i = 0; i < n; i++) {
            const qa_cond *cd = &p->conds[k][i];
            v[i].type = (uint8_t)cd->type;
            v[i].on = (uint8_t)cd->on;
            v[i].applies = (uint8_t)cd->applies;
            v[i].fact = (uint8_t)cd->fact;
            v[i].years = cd->years;
            v[i].idx = cd->type == QA_COND_ATTESTATION ? cd->attest_idx
                       : cd->type == QA_COND_CERT_LEVEL ? cd->cert_types[0]
                                                        : 0;
            v[i].min_level = cd->min_level;
            for (size_t j = 0; cd->type == QA_COND_CERT_HELD && j < cd->n_cert_types; j++)
                v[i].mask |= UINT64_C(1) << cd->cert_types[j];
            for (size_t j = 0; cd->type == QA_COND_NO_EVENT && j < cd->n_events; j++)
                v[i].mask |= UINT64_C(1) << cd->events[j].kind;
            v[i].events = cd->events;
            v[i].n_events = cd->n_events;
        }
    }
    return 0;
}

int qaward_checker_new(qaward_checker **out, qaward_ctx *ctx, const qaward_policy *p, const qaward_store *store)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "checker_new: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    if (!p)
        return qa_error(ctx, QAWARD_EINVAL, "checker_new: policy is NULL");
    if (store && store->version != QAWARD_STORE_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "checker_new: store version %u is not %u", (unsigned)store->version,
                        (unsigned)QAWARD_STORE_VERSION);
    size_t max_rules = 0, years = 0;
    for (size_t k = 0; k < p->n_kinds; k++) {
        size_t n = p->n_conds[k] + p->n_waits + p->n_sanctions, y = 0;
        if (n > max_rules)
            max_rules = n;
        for (size_t i = 0; i < p->n_conds[k]; i++)
            if (p->conds[k][i].type == QA_COND_PROFIT_YEARS)
                y += (size_t)p->conds[k][i].years;
        if (y > years)
            years = y;
    }
    qaward_checker *c = qa_calloc(ctx, 1, sizeof *c);
    if (!c)
        return QAWARD_ENOMEM;
    c->alloc = ctx->alloc;
    c->ctx = ctx;
    c->policy = p;
    if (store) {
        c->store = *store;
        c->has_store = 1;
    }
    qa_history_init(&c->hist, &ctx->alloc);
    c->max_rules = max_rules;
    c->recs = qa_calloc(ctx, max_rules ? max_rules : 1, sizeof *c->recs);
    c->n_vals_cap = years * 2;
    c->vals = qa_calloc(ctx, c->n_vals_cap ? c->n_vals_cap : 1, sizeof *c->vals);
    c->nf = qa_calloc(ctx, max_rules ? max_rules : 1, sizeof *c->nf);
    if (!c->recs || !c->vals || !c->nf || compile_fast(c, ctx, p)) {
        qaward_checker_free(c);
        return QAWARD_ENOMEM;
    }
    *out = c;
    qa_ok(ctx);
    return QAWARD_OK;
}

void qaward_checker_free(qaward_checker *c)
{
    if (!c)
        return;
    qaward_allocator a = c->alloc;
    qa_history_free(&c->hist);
    qa_afree(&a, c->recs);
    qa_afree(&a, c->vals);
    qa_afree(&a, c->nf);
    if (c->fconds)
        for (size_t k = 0; k < c->policy->n_kinds; k++)
            qa_afree(&a, c->fconds[k]);
    qa_afree(&a, c->fconds);
    qa_afree(&a, c);
}

/* ---- the checks ---------------------------------------------------------------------- */
static int valid_on(const qa_cert *c, qaward_date d)
{
    return c->valid_from <= d && (c->valid_to == QAWARD_DATE_NONE || d <= c->valid_to);
}

static int cert_in(const qaward_policy *p, const qa_cond *cd, const qa_cert *c, int bound)
{
    if (bound) {
        for (size_t i = 0; i < cd->n_cert_types; i++)
            if (cd->cert_types[i] == c->type_idx)
                return 1;
        return 0;
    }
    for (size_t i = 0; i < cd->n_cert_types; i++) {
        const qa_cert_type *t = &p->cert_types[cd->cert_types[i]];
        if (t->h == c->type_h && strcmp(t->id, c->type) == 0)
            return 1;
    }
    return 0;
}

/* R1 with a guard: start + years, or NONE past year 9999. */
static qaward_date plus_years(qaward_date d, int32_t years)
{
    if (qaward_date_year(d) + years > 9999)
        return QAWARD_DATE_NONE;
    return qa_add_years(d, years);
}

static void fail_time(qa_rec *r, qaward_date when)
{
    r->outcome = QAWARD_FAIL;
    if (when != QAWARD_DATE_NONE) {
        r->time_only = 1;
        r->earliest = when;
    }
}

/* Art. 10(4), 11(2), 10(2): start + N years <= as_of (R3). */
static void chk_years_since(const qaward_subject *s, const qa_cond *cd, qaward_date as_of, qa_rec *r)
{
    qaward_date start = s->dates[cd->fact];
    r->d1 = start;
    if (!start) {
        r->outcome = QAWARD_UNKNOWN;
        r->why = QA_WHY_MISSING;
        return;
    }
    qaward_date need = plus_years(start, cd->years);
    r->d2 = need;
    if (need != QAWARD_DATE_NONE && need <= as_of)
        r->outcome = QAWARD_PASS;
    else
        fail_time(r, need);
}

/* Art. 10(4): a certificate of a listed type valid on as_of, held without gap for N years (R3). */
static void chk_cert_held(const qaward_policy *p, const qaward_subject *s, const qa_cond *cd, qaward_date as_of,
                          qa_rec *r)
{
    if (!s->certs_known) {
        r->outcome = QAWARD_UNKNOWN;
        r->why = QA_WHY_MISSING;
        return;
    }
    const qa_cert *cur = NULL;
    int listed = 0;
    for (size_t i = 0; i < s->n_certs; i++) {
        if (!cert_in(p, cd, &s->certs[i], s->bound == p))
            continue;
        listed = 1;
        if (valid_on(&s->certs[i], as_of) && (!cur || s->certs[i].valid_from < cur->valid_from))
            cur = &s->certs[i];
    }
    if (!cur) {
        r->outcome = QAWARD_FAIL;
        r->why = listed ? QA_WHY_NONE_VALID : QA_WHY_NOT_LISTED;
        return;
    }
    /* Extend the run backwards and forwards over gap-free renewals. */
    qaward_date start = cur->valid_from, end = cur->valid_to;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < s->n_certs; i++) {
            const qa_cert *c = &s->certs[i];
            if (!cert_in(p, cd, c, s->bound == p))
                continue;
            int32_t sd = qa_date_to_days(start);
            if (c->valid_from < start && (c->valid_to == QAWARD_DATE_NONE || qa_date_to_days(c->valid_to) + 1 >= sd)) {
                start = c->valid_from;
                changed = 1;
            }
            if (end != QAWARD_DATE_NONE &&
                qa_date_to_days(c->valid_from) <= qa_date_to_days(end) + 1 &&
                (c->valid_to == QAWARD_DATE_NONE || c->valid_to > end)) {
                end = c->valid_to;
                changed = 1;
            }
        }
    }
    r->s1 = cur->type;
    r->d1 = start;
    r->d2 = end;
    qaward_date need = plus_years(start, cd->years);
    r->d3 = need;
    if (need != QAWARD_DATE_NONE && need <= as_of)
        r->outcome = QAWARD_PASS;
    else if (need != QAWARD_DATE_NONE && (end == QAWARD_DATE_NONE || need <= end))
        fail_time(r, need);
    else
        r->outcome = QAWARD_FAIL; /* the certificate lapses before N years: renewal needed, not time alone */
}

/* Art. 10(6), 11(7): a certificate valid on as_of at or better than a level. */
static int chk_cert_level(qaward_ctx *ctx, const qaward_policy *p, const qaward_subject *s, const qa_cond *cd,
                          qaward_date as_of, qa_rec *r)
{
    if (!s->certs_known) {
        r->outcome = QAWARD_UNKNOWN;
        r->why = QA_WHY_MISSING;
        return 0;
    }
    const qa_cert_type *ct = &p->cert_types[cd->cert_types[0]];
    const qa_scale *sc = &p->scales[ct->scale];
    int best = -1, unknown = 0;
    for (size_t i = 0; i < s->n_certs; i++) {
        const qa_cert *c = &s->certs[i];
        if (s->bound == p ? c->type_idx != cd->cert_types[0] : (c->type_h != ct->h || strcmp(c->type, ct->id) != 0))
            continue;
        if (!valid_on(c, as_of))
            continue;
        if (!c->level) {
            unknown = 1;
            continue;
        }
        int g = qa_scale_grade(sc, c->level);
        if (g < 0)
            return qa_error(ctx, QAWARD_EINVAL, "subject %s: certificate %s: level \"%.40s\" is not on scale \"%s\" of policy %s",
                            s->id, c->type, c->level, sc->id, p->id);
        if (g > best) {
            best = g;
            r->s2 = c->level;
            r->d2 = c->valid_to;
        }
    }
    r->s1 = ct->id;
    if (best >= cd->min_level)
        r->outcome = QAWARD_PASS;
    else if (unknown) {
        r->outcome = QAWARD_UNKNOWN;
        r->why = QA_WHY_LEVEL_MISSING;
    } else {
        r->outcome = QAWARD_FAIL;
        r->why = best < 0 ? QA_WHY_NONE_VALID : QA_WHY_NONE;
    }
    return 0;
}

/* Art. 10(5): net profit > 0 in each of fiscal years Y-N..Y-1 (R4); a missing year is unknown. */
static void chk_profit(qaward_checker *c, size_t *vpos, const qaward_subject *s, const qa_cond *cd, qaward_date as_of,
                       qa_rec *r)
{
    int32_t y = qaward_date_year(as_of);
    int64_t *vals = c->vals + *vpos;
    *vpos += 2 * (size_t)cd->years;
    r->vals = vals;
    r->n_vals = (uint16_t)cd->years;
    r->n1 = y - cd->years; /* first fiscal year */
    int fail = 0, unknown = 0;
    for (int32_t k = 0; k < cd->years; k++) {
        int32_t fy = y - cd->years + k;
        int64_t fen = 0;
        int known = fy >= 1 && qa_subject_profit(s, fy, &fen);
        vals[2 * k] = fen;
        vals[2 * k + 1] = known;
        if (known && fen <= 0 && !fail) {
            fail = 1;
            r->n2 = fy;
        } else if (!known && !unknown) {
            unknown = 1;
            if (!fail)
                r->n2 = fy;
        }
    }
    r->outcome = fail ? QAWARD_FAIL : unknown ? QAWARD_UNKNOWN : QAWARD_PASS;
    if (!fail && unknown)
        r->why = QA_WHY_MISSING;
}

/* Resolve event kinds and grades of a subject against the policy (R18);
 * unknown ones are EINVAL naming them. */
static int validate_events(qaward_ctx *ctx, const qaward_policy *p, const qaward_subject *s, const char *whose)
{
    if (s->bound == p)
        return 0; /* qaward_subject_bind() validated them */
    for (size_t i = 0; i < s->n_events; i++) {
        const qa_event *e = &s->events[i];
        int k = -1;
        for (size_t j = 0; j < p->n_event_kinds; j++)
            if (p->event_kinds[j].h == e->kind_h && strcmp(p->event_kinds[j].id, e->kind) == 0) {
                k = (int)j;
                break;
            }
        if (k < 0)
            return qa_error(ctx, QAWARD_EINVAL, "subject %s: %sevents[%zu].kind \"%.60s\" is not an event kind of policy %s",
                            s->id, whose, i, e->kind, p->id);
        if (e->grade) {
            int sc = p->event_kinds[k].scale;
            if (sc < 0)
                return qa_error(ctx, QAWARD_EINVAL, "subject %s: %sevents[%zu]: event kind \"%s\" takes no grade (got \"%.40s\")",
                                s->id, whose, i, e->kind, e->grade);
            if (qa_scale_grade(&p->scales[sc], e->grade) < 0)
                return qa_error(ctx, QAWARD_EINVAL, "subject %s: %sevents[%zu].grade \"%.40s\" is not on scale \"%s\" of policy %s",
                                s->id, whose, i, e->grade, p->scales[sc].id, p->id);
        }
    }
    return 0;
}

/* Art. 10(6), 11(5)(6)(7): no disqualifying event within the look-back (R2, R18). */
static void chk_no_event(const qaward_policy *p, const qaward_subject *s, const qa_cond *cd, qaward_date as_of,
                         qa_rec *r)
{
    if (!s->events_known) {
        r->outcome = QAWARD_UNKNOWN;
        r->why = QA_WHY_MISSING;
        return;
    }
    int n_bad = 0, undecided = 0, forever = 0;
    qaward_date until_max = QAWARD_DATE_NONE;
    for (size_t i = 0; i < s->n_events; i++) {
        const qa_event *e = &s->events[i];
        if (e->date > as_of)
            continue; /* not yet happened as of the date */
        qaward_date until = QAWARD_DATE_NONE;
        if (cd->years > 0) {
            until = plus_years(e->date, cd->years);
            if (until != QAWARD_DATE_NONE && as_of >= until)
                continue; /* outside "近N年内": e <= as_of < e + N years (R2) */
        }
        for (size_t j = 0; j < cd->n_events; j++) {
            const qa_event_rule *er = &cd->events[j];
            const qa_event_kind *ek = &p->event_kinds[er->kind];
            if (s->bound == p ? e->kind_idx != er->kind : (ek->h != e->kind_h || strcmp(ek->id, e->kind) != 0))
                continue;
            int bad = er->any_death && e->deaths > 0;
            if (!bad && er->min_grade == QA_GRADE_ANY)
                bad = 1;
            if (!bad && er->min_grade >= 0) {
                if (!e->grade)
                    undecided = 1;
                else if (qa_scale_grade(&p->scales[ek->scale], e->grade) >= er->min_grade)
                    bad = 1;
            }
            if (bad) {
                n_bad++;
                if (until == QAWARD_DATE_NONE)
                    forever = 1;
                else if (until > until_max)
                    until_max = until;
                if (!r->s1 || e->date > r->d1) {
                    r->s1 = e->kind;
                    r->s2 = e->grade;
                    r->d1 = e->date;
                    r->n1 = e->deaths;
                }
                break;
            }
        }
    }
    r->n2 = n_bad;
    if (n_bad) {
        r->d2 = forever ? QAWARD_DATE_NONE : until_max;
        fail_time(r, forever ? QAWARD_DATE_NONE : until_max);
    } else if (undecided) {
        r->outcome = QAWARD_UNKNOWN;
        r->why = QA_WHY_GRADE_MISSING;
    } else {
        r->outcome = QAWARD_PASS;
    }
}

/* Art. 5: re-application wait after a main award (R7; a revoked award still counts, R8). */
static int chk_wait(qaward_ctx *ctx, const qaward_policy *p, const qaward_history *h, const qa_wait *w,
                    qaward_date as_of, qa_rec *r)
{
    qaward_date until_max = QAWARD_DATE_NONE;
    for (size_t i = 0; i < h->n_awards; i++) {
        const qaward_award_record *a = &h->awards[i];
        if (a->award_date > as_of)
            continue;
        if (strcmp(a->level, p->levels[w->level].id) != 0)
            continue;
        if (a->revoked_on && a->revoked_on <= as_of && !w->revoked_counts)
            continue;
        qaward_date until = qa_wait_until(p, w, a->award_date);
        if (until == QAWARD_DATE_NONE)
            return qa_error(ctx, QAWARD_ERANGE, "wait %s: award of %d ends after year 9999", w->id, (int)a->award_date);
        if (!r->s1 || a->award_date > r->d1) {
            r->s1 = a->level;
            r->d1 = a->award_date;
            r->d2 = a->revoked_on;
            r->d3 = until;
        }
        if (as_of < until && until > until_max)
            until_max = until;
    }
    if (until_max != QAWARD_DATE_NONE)
        fail_time(r, until_max);
    else
        r->outcome = QAWARD_PASS;
    return 0;
}

/* Art. 20, 22: bans from findings (R9, R10) and revocations (R11). */
static int chk_ban(qaward_ctx *ctx, const qaward_policy *p, const qaward_history *h, const qa_sanction *sa,
                   qaward_date as_of, qa_rec *r)
{
    qaward_date until_max = QAWARD_DATE_NONE;
    int n = 0;
    for (size_t i = 0; i < h->n_sanctions; i++) {
        const qaward_sanction_record *x = &h->sanctions[i];
        if (strcmp(x->kind, sa->kind) != 0 || x->decided_on > as_of)
            continue;
        qaward_date from = x->ban_from, until = x->ban_until;
        if (from == QAWARD_DATE_NONE && sa->has_ban && qa_sanction_window(p, sa, x->decided_on, &from, &until))
            return qa_error(ctx, QAWARD_ERANGE, "sanction %s of %d: ban ends after year 9999", sa->kind,
                            (int)x->decided_on);
        n++;
        if (!r->s1 || x->decided_on > r->d1) {
            r->s1 = sa->kind;
            r->d1 = x->decided_on;
            r->d2 = until;
            r->d3 = x->revokes_award_date;
        }
        if (from != QAWARD_DATE_NONE && from <= as_of && as_of < until && until > until_max)
            until_max = until;
    }
    r->n2 = n;
    if (until_max != QAWARD_DATE_NONE) {
        r->d2 = until_max;
        fail_time(r, until_max);
    } else {
        r->outcome = QAWARD_PASS;
    }
    return 0;
}

static int validate_history(qaward_ctx *ctx, const qaward_policy *p, const qaward_history *h, const char *id)
{
    for (size_t i = 0; i < h->n_awards; i++)
        if (qa_policy_level(p, h->awards[i].level) < 0)
            return qa_error(ctx, QAWARD_EINVAL, "history of %s: award level \"%.60s\" is not a level of policy %s", id,
                            h->awards[i].level, p->id);
    for (size_t i = 0; i < h->n_sanctions; i++)
        if (qa_policy_sanction(p, h->sanctions[i].kind) < 0)
            return qa_error(ctx, QAWARD_EINVAL, "history of %s: sanction kind \"%.60s\" is not a sanction kind of policy %s",
                            id, h->sanctions[i].kind, p->id);
    return 0;
}

int qa_run_checks(qaward_checker *c, const qaward_subject *s, qaward_date as_of, int *kind_out, size_t *n_out,
                  int *status, qaward_date *earliest)
{
    qaward_ctx *ctx = c->ctx;
    const qaward_policy *p = c->policy;
    if (!s)
        return qa_error(ctx, QAWARD_EINVAL, "check: subject is NULL");
    if (!qaward_date_valid(as_of))
        return qa_error(ctx, QAWARD_EINVAL, "check: invalid as-of date %d", (int)as_of);
    if (!qaward_policy_in_force(p, as_of)) { /* R17 / Art. 26 */
        char a[QAWARD_DATE_STRLEN], f[QAWARD_DATE_STRLEN], t[QAWARD_DATE_STRLEN + 4] = "";
        qaward_date_format(a, as_of);
        qaward_date_format(f, p->valid_from);
        if (p->valid_to) {
            memcpy(t, " to ", 4);
            qaward_date_format(t + 4, p->valid_to);
        }
        return qa_error(ctx, QAWARD_ENOPOLICY, "no policy in force on %s: policy %s is in force from %s%s (%s)", a,
                        p->id, f, t, p->in_force_citation.en ? p->in_force_citation.en : "validity");
    }
    int kind = s->bound == p ? s->bound_kind : -1;
    for (size_t j = 0; kind < 0 && j < p->n_kinds; j++)
        if (p->kinds[j].h == s->kind_h && strcmp(p->kinds[j].id, s->kind) == 0) {
            kind = (int)j;
            break;
        }
    if (kind < 0)
        return qa_error(ctx, QAWARD_EINVAL, "subject %s: kind \"%.60s\" is not a subject kind of policy %s", s->id,
                        s->kind, p->id);
    int rc = validate_events(ctx, p, s, "");
    if (!rc && s->employer)
        rc = validate_events(ctx, p, s->employer, "employer.");
    if (rc)
        return rc;
    const qaward_history *h = &c->hist;
    if (c->has_store && qa_store_may_have(&c->store, s->bound == p ? s->id_h : qa_hash(s->id))) {
        if ((rc = qa_history_read(&c->hist, ctx, &c->store, s->id)) || (rc = validate_history(ctx, p, h, s->id)))
            return rc;
    } else {
        qa_history_reset(&c->hist);
    }
    size_t nc = p->n_conds[kind], n = 0, vpos = 0;
    int any_fail = 0, any_unknown = 0, all_time = 1;
    qaward_date latest = QAWARD_DATE_NONE;
    for (size_t i = 0; i < nc + p->n_waits + p->n_sanctions; i++) {
        qa_rec *r = &c->recs[n++];
        memset(r, 0, sizeof *r);
        r->rule = (uint16_t)i;
        if (i < nc) {
            const qa_cond *cd = &p->conds[kind][i];
            const qaward_subject *t = cd->on == QA_ON_EMPLOYER ? s->employer : s;
            r->type = (uint8_t)cd->type;
            if (cd->applies != QA_APPLIES_ALL) { /* Art. 10(5): for-profit vs non-profit */
                if (s->for_profit < 0) {
                    r->outcome = QAWARD_UNKNOWN;
                    r->why = QA_WHY_FOR_PROFIT;
                    goto tally;
                }
                if ((cd->applies == QA_APPLIES_FOR_PROFIT) != (s->for_profit == 1)) {
                    r->outcome = QAWARD_NOT_APPLICABLE;
                    r->why = cd->applies == QA_APPLIES_FOR_PROFIT ? QA_WHY_NOT_FOR_PROFIT : QA_WHY_NOT_NON_PROFIT;
                    goto tally;
                }
            }
            if (!t) { /* Art. 11(5)(7): employer facts missing */
                r->outcome = QAWARD_UNKNOWN;
                r->why = QA_WHY_NO_EMPLOYER;
                goto tally;
            }
            switch (cd->type) {
            case QA_COND_ATTESTATION: { /* R6 */
                int v = t->bound == p ? t->bound_att[cd->attest_idx]
                                      : qa_subject_attestation(t, cd->attestation, cd->attestation_h);
                r->n1 = v;
                r->outcome = v < 0 ? QAWARD_UNKNOWN : v ? QAWARD_PASS : QAWARD_FAIL;
                if (v < 0)
                    r->why = QA_WHY_MISSING;
                break;
            }
            case QA_COND_FLAG: {
                int v = cd->fact == QA_FACT_LEGAL_PERSON ? t->legal_person : t->for_profit;
                r->n1 = v;
                r->outcome = v < 0 ? QAWARD_UNKNOWN : v ? QAWARD_PASS : QAWARD_FAIL;
                if (v < 0)
                    r->why = QA_WHY_MISSING;
                break;
            }
            case QA_COND_REGION: { /* Art. 2, 10(2) */
                r->s1 = t->region;
                if (!t->region) {
                    r->outcome = QAWARD_UNKNOWN;
                    r->why = QA_WHY_MISSING;
                    break;
                }
                r->outcome = QAWARD_FAIL;
                for (size_t j = 0; j < p->n_region_prefixes; j++)
                    if (strncmp(t->region, p->region_prefixes[j], strlen(p->region_prefixes[j])) == 0) {
                        r->outcome = QAWARD_PASS;
                        break;
                    }
                break;
            }
            case QA_COND_YEARS_SINCE: chk_years_since(t, cd, as_of, r); break;
            case QA_COND_CERT_HELD: chk_cert_held(p, t, cd, as_of, r); break;
            case QA_COND_CERT_LEVEL:
                if ((rc = chk_cert_level(ctx, p, t, cd, as_of, r)))
                    return rc;
                break;
            case QA_COND_PROFIT_YEARS: chk_profit(c, &vpos, t, cd, as_of, r); break;
            case QA_COND_NO_EVENT: chk_no_event(p, t, cd, as_of, r); break;
            default: return qa_error(ctx, QAWARD_EINTERNAL, "condition %s: bad type", cd->id);
            }
        } else if (i < nc + p->n_waits) {
            r->type = QA_RULE_WAIT;
            if ((rc = chk_wait(ctx, p, h, &p->waits[i - nc], as_of, r)))
                return rc;
        } else {
            r->type = QA_RULE_BAN;
            if ((rc = chk_ban(ctx, p, h, &p->sanctions[i - nc - p->n_waits], as_of, r)))
                return rc;
        }
    tally:
        if (r->outcome == QAWARD_FAIL) {
            any_fail = 1;
            if (!r->time_only)
                all_time = 0;
            else if (r->earliest > latest)
                latest = r->earliest;
        } else if (r->outcome == QAWARD_UNKNOWN) {
            any_unknown = 1;
        }
    }
    *kind_out = kind;
    *n_out = n;
    *status = any_fail ? QAWARD_INELIGIBLE : any_unknown ? QAWARD_INCOMPLETE : QAWARD_ELIGIBLE;
    *earliest = !any_fail ? (any_unknown ? QAWARD_DATE_NONE : as_of)
                          : (all_time && !any_unknown ? latest : QAWARD_DATE_NONE);
    return 0;
}

/* ---- verdicts ------------------------------------------------------------------------- */
static size_t slen(const char *s) { return s ? strlen(s) + 1 : 0; }

static const char *pool_put(char **pool, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = *pool;
    memcpy(d, s, n);
    *pool += n;
    return d;
}

int qa_make_verdict(qaward_verdict **out, qaward_checker *c, const qaward_subject *s, int kind, size_t n,
                    qaward_date as_of, int status, qaward_date earliest)
{
    size_t pool = slen(s->id), nvals = 0;
    for (size_t i = 0; i < n; i++) {
        pool += slen(c->recs[i].s1) + slen(c->recs[i].s2);
        nvals += 2 * (size_t)c->recs[i].n_vals;
    }
    size_t head = (sizeof(qaward_verdict) + 7) & ~(size_t)7;
    size_t recs = n * sizeof(qa_rec);
    size_t total = head + recs + nvals * sizeof(int64_t) + pool;
    unsigned char *m = qa_amalloc(&c->ctx->alloc, total);
    if (!m)
        return qa_error(c->ctx, QAWARD_ENOMEM, "out of memory");
    qaward_verdict *v = (qaward_verdict *)m;
    memset(v, 0, sizeof *v);
    v->alloc = c->ctx->alloc;
    v->policy = c->policy;
    v->kind = kind;
    v->as_of = as_of;
    v->status = status;
    v->earliest = earliest;
    v->n = n;
    v->recs = (qa_rec *)(m + head);
    int64_t *vals = (int64_t *)(m + head + recs);
    char *sp = (char *)(vals + nvals);
    v->subject_id = pool_put(&sp, s->id);
    for (size_t i = 0; i < n; i++) {
        qa_rec r = c->recs[i];
        r.s1 = pool_put(&sp, r.s1);
        r.s2 = pool_put(&sp, r.s2);
        if (r.n_vals) {
            memcpy(vals, r.vals, 2 * (size_t)r.n_vals * sizeof *vals);
            r.vals = vals;
            vals += 2 * (size_t)r.n_vals;
        } else {
            r.vals = NULL;
        }
        v->recs[i] = r;
    }
    *out = v;
    return 0;
}

int qaward_checker_check(qaward_verdict **out, qaward_checker *c, const qaward_subject *s, qaward_date as_of)
{
    if (!out)
        return c ? qa_error(c->ctx, QAWARD_EINVAL, "checker_check: out is NULL") : QAWARD_EINVAL;
    *out = NULL;
    if (!c)
        return QAWARD_EINVAL;
    int kind, status;
    size_t n;
    qaward_date earliest;
    int rc = qa_run_checks(c, s, as_of, &kind, &n, &status, &earliest);
    if (rc)
        return rc;
    rc = qa_make_verdict(out, c, s, kind, n, as_of, status, earliest);
    if (!rc)
        qa_ok(c->ctx);
    return rc;
}

/* ---- fast checks: the compiled conditions over a bound subject's compact facts ------------
 * Same outcomes, reason codes, status and earliest date as qa_run_checks() (the
 * general path), without the per-check records. */

/* plus_years() without calls: R1, 29 February to 28 February in a common year. */
static qaward_date fast_plus_years(qaward_date d, int32_t years)
{
    int32_t y = d / 10000 + years;
    if (y > 9999)
        return QAWARD_DATE_NONE;
    if (d % 10000 == 229 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return y * 10000 + 228;
    return d + years * 10000;
}

/* Art. 10(4): a listed certificate valid on as_of, held without gap for N years (R3). */
static int fast_cert_held(const qa_fcond *fc, const qa_fast *f, qaward_date as_of, qaward_date *when)
{
    if (!f->certs_known)
        return QAWARD_UNKNOWN;
    const qa_fcert *v = QA_FAST_CERTS(f), *cur = NULL;
    size_t n = f->n_certs;
    for (size_t i = 0; i < n; i++)
        if ((fc->mask >> v[i].type & 1u) && v[i].from <= as_of && (v[i].to == QAWARD_DATE_NONE || as_of <= v[i].to) &&
            (!cur || v[i].from < cur->from))
            cur = &v[i];
    if (!cur)
        return QAWARD_FAIL;
    qaward_date start = cur->from, end = cur->to;
    for (int changed = 1; changed;) { /* extend over gap-free renewals, as chk_cert_held() */
        changed = 0;
        for (size_t i = 0; i < n; i++) {
            const qa_fcert *c = &v[i];
            if (!(fc->mask >> c->type & 1u))
                continue;
            if (c->from < start && (c->to == QAWARD_DATE_NONE || qa_date_to_days(c->to) + 1 >= qa_date_to_days(start))) {
                start = c->from;
                changed = 1;
            }
            if (end != QAWARD_DATE_NONE && (c->to == QAWARD_DATE_NONE || c->to > end) &&
                qa_date_to_days(c->from) <= qa_date_to_days(end) + 1) {
                end = c->to;
                changed = 1;
            }
        }
    }
    qaward_date need = fast_plus_years(start, fc->years);
    if (need != QAWARD_DATE_NONE && need <= as_of)
        return QAWARD_PASS;
    if (need != QAWARD_DATE_NONE && (end == QAWARD_DATE_NONE || need <= end))
        *when = need;
    return QAWARD_FAIL;
}

/* Art. 10(6), 11(7): a certificate valid on as_of at or better than a level. */
static int fast_cert_level(const qa_fcond *fc, const qa_fast *f, qaward_date as_of)
{
    if (!f->certs_known)
        return QAWARD_UNKNOWN;
    const qa_fcert *v = QA_FAST_CERTS(f);
    int best = -1, unknown = 0;
    for (size_t i = 0; i < f->n_certs; i++) {
        if (v[i].type != fc->idx || v[i].from > as_of || (v[i].to != QAWARD_DATE_NONE && as_of > v[i].to))
            continue;
        if (v[i].level < 0)
            unknown = 1;
        else if (v[i].level > best)
            best = v[i].level;
    }
    return best >= fc->min_level ? QAWARD_PASS : unknown ? QAWARD_UNKNOWN : QAWARD_FAIL;
}

/* Art. 10(5): net profit > 0 in each of fiscal years Y-N..Y-1 (R4). */
static int fast_profit(const qa_fcond *fc, const qa_fast *f, qaward_date as_of)
{
    int32_t y = qaward_date_year(as_of);
    const qa_fprofit *v = QA_FAST_PROFITS(f);
    int unknown = 0;
    for (int32_t k = 0; k < fc->years; k++) {
        int32_t fy = y - fc->years + k;
        int known = 0, pos = 0;
        for (size_t i = 0; fy >= 1 && i < f->n_profits; i++)
            if (v[i].year == fy) {
                known = 1;
                pos = v[i].positive;
                break;
            }
        if (known && !pos)
            return QAWARD_FAIL;
        if (!known)
            unknown = 1;
    }
    return unknown ? QAWARD_UNKNOWN : QAWARD_PASS;
}

/* Art. 10(6), 11(5)(6)(7): no disqualifying event within the look-back (R2, R18). */
static int fast_no_event(const qa_fcond *fc, const qa_fast *f, qaward_date as_of, qaward_date *when)
{
    if (!f->events_known)
        return QAWARD_UNKNOWN;
    const qa_fevent *v = QA_FAST_EVENTS(f);
    int n_bad = 0, undecided = 0, forever = 0;
    qaward_date until_max = QAWARD_DATE_NONE;
    for (size_t i = 0; i < f->n_events; i++) {
        const qa_fevent *e = &v[i];
        if (!(fc->mask >> e->kind & 1u) || e->date > as_of)
            continue;
        qaward_date until = QAWARD_DATE_NONE;
        if (fc->years > 0) {
            until = fast_plus_years(e->date, fc->years);
            if (until != QAWARD_DATE_NONE && as_of >= until)
                continue;
        }
        for (size_t j = 0; j < fc->n_events; j++) {
            const qa_event_rule *er = &fc->events[j];
            if (e->kind != er->kind)
                continue;
            int bad = (er->any_death && e->dead) || er->min_grade == QA_GRADE_ANY;
            if (!bad && er->min_grade >= 0) {
                if (e->grade < 0)
                    undecided = 1;
                else if (e->grade >= er->min_grade)
                    bad = 1;
            }
            if (bad) {
                n_bad++;
                if (until == QAWARD_DATE_NONE)
                    forever = 1;
                else if (until > until_max)
                    until_max = until;
                break;
            }
        }
    }
    if (n_bad) {
        if (!forever)
            *when = until_max;
        return QAWARD_FAIL;
    }
    return undecided ? QAWARD_UNKNOWN : QAWARD_PASS;
}

static int qa_ctz64(uint64_t x)
{
#if defined(__GNUC__)
    return __builtin_ctzll(x);
#else
    int n = 0;
    while (!(x & 1u)) {
        x >>= 1;
        n++;
    }
    return n;
#endif
}

static int fast_cond(const qa_fcond *fc, const qa_fast *t, qaward_date as_of, qaward_date *when)
{
    int v;
    switch (fc->type) {
    case QA_COND_ATTESTATION: v = QA_FAST_ATT(t)[fc->idx]; break; /* R6 */
    case QA_COND_FLAG: v = fc->fact == QA_FACT_LEGAL_PERSON ? t->legal_person : t->for_profit; break;
    case QA_COND_REGION: v = t->region; break; /* Art. 2, 10(2) */
    case QA_COND_YEARS_SINCE: { /* Art. 10(4), 11(2), 10(2) (R3) */
        qaward_date start = t->dates[fc->fact];
        if (!start)
            return QAWARD_UNKNOWN;
        qaward_date need = fast_plus_years(start, fc->years);
        if (need != QAWARD_DATE_NONE && need <= as_of)
            return QAWARD_PASS;
        *when = need;
        return QAWARD_FAIL;
    }
    case QA_COND_CERT_HELD: return fast_cert_held(fc, t, as_of, when);
    case QA_COND_CERT_LEVEL: return fast_cert_level(fc, t, as_of);
    case QA_COND_PROFIT_YEARS: return fast_profit(fc, t, as_of);
    default: return fast_no_event(fc, t, as_of, when);
    }
    return v < 0 ? QAWARD_UNKNOWN : v ? QAWARD_PASS : QAWARD_FAIL;
}

/* The fast checks of s into c->nf / c->n_nf (as_of valid and in force): 0; 1 when
 * s needs the general path (not bound to this policy, or facts off the compact
 * block); or an error of the store or the history, as qa_run_checks(). */
static int fast_run(qaward_checker *c, const qaward_subject *s, qaward_date as_of, int *status, qaward_date *earliest)
{
    const qaward_policy *p = c->policy;
    if (!c->fconds || s->bound != p || !s->fast)
        return 1;
    const qa_fast *f = s->fast, *fe = NULL;
    if (s->employer) {
        if (s->employer->bound != p || !s->employer->fast)
            return 1;
        fe = s->employer->fast;
    }
    const qaward_history *h = NULL;
    if (c->has_store && qa_store_may_have(&c->store, s->id_h)) {
        int rc = qa_store_read_shallow(&c->hist, &c->store, s->id, s->id_h);
        if (rc < 0)
            return qa_error(c->ctx, rc, "out of memory");
        if (rc > 0)
            rc = qa_history_read(&c->hist, c->ctx, &c->store, s->id);
        if (!rc)
            rc = validate_history(c->ctx, p, &c->hist, s->id);
        if (rc)
            return rc;
        if (c->hist.n_awards || c->hist.n_sanctions)
            h = &c->hist;
    }
    int kind = s->bound_kind, any_fail, any_unknown, all_time;
    qaward_date latest = QAWARD_DATE_NONE;
    size_t nc = p->n_conds[kind], m = 0;
    const qa_fcond *fcv = c->fconds[kind];
    uint64_t fail = f->st_fail, unknown = f->st_unknown, timed = 0;
    for (uint64_t d = f->dyn; d; d &= d - 1) {
        unsigned i = (unsigned)qa_ctz64(d);
        const qa_fcond *fc = &fcv[i];
        const qa_fast *t = fc->on == QA_ON_EMPLOYER ? fe : f;
        qaward_date when = QAWARD_DATE_NONE;
        int o = t ? fast_cond(fc, t, as_of, &when) : QAWARD_UNKNOWN; /* Art. 11(5)(7): no employer facts */
        if (o == QAWARD_FAIL) {
            fail |= UINT64_C(1) << i;
            if (when != QAWARD_DATE_NONE) {
                timed |= UINT64_C(1) << i;
                if (when > latest)
                    latest = when;
            }
        } else if (o == QAWARD_UNKNOWN) {
            unknown |= UINT64_C(1) << i;
        }
    }
    any_fail = fail != 0;
    any_unknown = unknown != 0;
    all_time = (fail & ~timed) == 0;
    for (uint64_t d = fail | unknown; d; d &= d - 1) {
        unsigned i = (unsigned)qa_ctz64(d);
        c->nf[m++] = i | (uint32_t)(fail >> i & 1u ? QAWARD_FAIL : QAWARD_UNKNOWN) << 16;
    }
    if (h) { /* Art. 5, 20, 22: waits and bans read the history (R7-R11); with none, they pass */
        for (size_t j = 0; j < p->n_waits + p->n_sanctions; j++) {
            qa_rec r;
            memset(&r, 0, sizeof r);
            int rc = j < p->n_waits ? chk_wait(c->ctx, p, h, &p->waits[j], as_of, &r)
                                    : chk_ban(c->ctx, p, h, &p->sanctions[j - p->n_waits], as_of, &r);
            if (rc)
                return rc;
            if (r.outcome == QAWARD_PASS)
                continue;
            c->nf[m++] = (uint32_t)(nc + j) | (uint32_t)r.outcome << 16;
            if (r.outcome == QAWARD_FAIL) {
                any_fail = 1;
                if (!r.time_only)
                    all_time = 0;
                else if (r.earliest > latest)
                    latest = r.earliest;
            } else {
                any_unknown = 1;
            }
        }
    }
    c->n_nf = m;
    *status = any_fail ? QAWARD_INELIGIBLE : any_unknown ? QAWARD_INCOMPLETE : QAWARD_ELIGIBLE;
    *earliest = !any_fail ? (any_unknown ? QAWARD_DATE_NONE : as_of)
                          : (all_time && !any_unknown ? latest : QAWARD_DATE_NONE);
    return 0;
}

int qaward_checker_fast(int *status, qaward_date *earliest, uint32_t *codes, uint8_t *outcomes, size_t cap,
                        size_t *n_codes, qaward_checker *c, const qaward_subject *s, qaward_date as_of)
{
    if (!c)
        return QAWARD_EINVAL;
    if (!status || (cap && !codes))
        return qa_error(c->ctx, QAWARD_EINVAL, "checker_fast: status is NULL, or codes is NULL with cap > 0");
    int kind, st;
    size_t n, k = 0;
    qaward_date e;
    int rc = s && qaward_date_valid(as_of) && qaward_policy_in_force(c->policy, as_of) ? fast_run(c, s, as_of, &st, &e) : 1;
    if (rc < 0)
        return rc;
    if (!rc) {
        for (size_t i = 0; i < c->n_nf; i++) {
            if (i < cap) {
                codes[i] = c->nf[i] & 0xffffu;
                if (outcomes)
                    outcomes[i] = (uint8_t)(c->nf[i] >> 16);
            }
        }
        k = c->n_nf;
        goto done;
    }
    if ((rc = qa_run_checks(c, s, as_of, &kind, &n, &st, &e)))
        return rc;
    for (size_t i = 0; i < n; i++) {
        const qa_rec *r = &c->recs[i];
        if (r->outcome != QAWARD_FAIL && r->outcome != QAWARD_UNKNOWN)
            continue;
        if (k < cap) {
            codes[k] = r->rule;
            if (outcomes)
                outcomes[k] = r->outcome;
        }
        k++;
    }
done:
    *status = st;
    if (earliest)
        *earliest = e;
    if (n_codes)
        *n_codes = k;
    c->ctx->status = 0; /* qa_ok without clearing the message buffer: cheap */
    c->ctx->msg[0] = '\0';
    return 0;
}

static void prefetch_subject(const qaward_subject *s)
{
#if defined(__GNUC__)
    __builtin_prefetch(s);
    __builtin_prefetch((const char *)s + 64);
#else
    (void)s;
#endif
}

static void prefetch_facts(const qaward_subject *s)
{
#if defined(__GNUC__)
    if (s->fast) {
        __builtin_prefetch(s->fast);
        __builtin_prefetch((const char *)s->fast + 64);
        return;
    }
    __builtin_prefetch(s->certs);
    __builtin_prefetch(s->profits);
    __builtin_prefetch(s->bound_att);
    __builtin_prefetch(s->id);
#else
    (void)s;
#endif
}

int qaward_checker_fast_many(int *statuses, qaward_date *earliest, uint32_t *n_not_passed, size_t *n_done,
                             qaward_checker *c, const qaward_subject *const *subjects, size_t n, qaward_date as_of)
{
    if (n_done)
        *n_done = 0;
    if (!c)
        return QAWARD_EINVAL;
    if (n && (!statuses || !subjects))
        return qa_error(c->ctx, QAWARD_EINVAL, "checker_fast_many: %s is NULL with n = %zu",
                        !statuses ? "statuses" : "subjects", n);
    int fast_ok = qaward_date_valid(as_of) && qaward_policy_in_force(c->policy, as_of); /* else the general path reports it */
    for (size_t i = 0; i < n; i++) {
        if (i + 8 < n && subjects[i + 8])
            prefetch_subject(subjects[i + 8]);
        if (i + 4 < n && subjects[i + 4]) {
            prefetch_facts(subjects[i + 4]);
            if (c->has_store && subjects[i + 4]->bound == c->policy)
                qa_store_prefetch(&c->store, subjects[i + 4]->id_h);
        }
        if (!subjects[i])
            return qa_error(c->ctx, QAWARD_EINVAL, "checker_fast_many: subjects[%zu] is NULL", i);
        int kind, st;
        size_t k;
        qaward_date e;
        uint32_t m = 0;
        int rc = fast_ok ? fast_run(c, subjects[i], as_of, &st, &e) : 1;
        if (!rc) {
            m = (uint32_t)c->n_nf;
        } else if (rc > 0 && !(rc = qa_run_checks(c, subjects[i], as_of, &kind, &k, &st, &e))) {
            for (size_t j = 0; j < k; j++)
                m += c->recs[j].outcome == QAWARD_FAIL || c->recs[j].outcome == QAWARD_UNKNOWN;
        }
        if (rc) {
            qa_error_prefix(c->ctx, "subjects[%zu] %s", i, qaward_subject_id(subjects[i]));
            return rc; /* a store callback's value unchanged */
        }
        statuses[i] = st;
        if (earliest)
            earliest[i] = e;
        if (n_not_passed)
            n_not_passed[i] = m;
        if (n_done)
            *n_done = i + 1;
    }
    c->ctx->status = 0;
    c->ctx->msg[0] = '\0';
    return 0;
}

int qaward_checker_fast_list(int *statuses, qaward_date *earliest, size_t *done, qaward_checker *c,
                             const qaward_subject_list *l, qaward_date as_of)
{
    if (done)
        *done = 0;
    if (!c)
        return QAWARD_EINVAL;
    if (!l)
        return qa_error(c->ctx, QAWARD_EINVAL, "checker_fast_list: list is NULL");
    return qaward_checker_fast_many(statuses, earliest, NULL, done, c, (const qaward_subject *const *)l->items, l->n,
                                    as_of);
}

int qaward_check(qaward_verdict **out, qaward_ctx *ctx, const qaward_policy *p, const qaward_subject *s,
                 const qaward_store *store, qaward_date as_of)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "check: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    if (!p || !s)
        return qa_error(ctx, QAWARD_EINVAL, "check: %s is NULL", !p ? "policy" : "subject");
    qaward_checker *c;
    int rc = qaward_checker_new(&c, ctx, p, store);
    if (rc)
        return rc;
    rc = qaward_checker_check(out, c, s, as_of);
    qaward_checker_free(c);
    return rc;
}

void qaward_verdict_free(qaward_verdict *v)
{
    if (!v)
        return;
    qaward_allocator a = v->alloc;
    if (v->cache) {
        for (size_t i = 0; i < v->n * 4; i++)
            qa_afree(&a, v->cache[i]);
        qa_afree(&a, v->cache);
    }
    qa_afree(&a, v);
}

int qaward_verdict_status(const qaward_verdict *v) { return v ? v->status : QAWARD_EINVAL; }

const char *qaward_verdict_status_name(int status)
{
    switch (status) {
    case QAWARD_ELIGIBLE: return "eligible";
    case QAWARD_INELIGIBLE: return "ineligible";
    case QAWARD_INCOMPLETE: return "incomplete";
    default: return "invalid";
    }
}

const char *qaward_outcome_name(int outcome)
{
    switch (outcome) {
    case QAWARD_PASS: return "pass";
    case QAWARD_FAIL: return "fail";
    case QAWARD_UNKNOWN: return "unknown";
    case QAWARD_NOT_APPLICABLE: return "not_applicable";
    default: return "invalid";
    }
}

const char *qaward_verdict_subject_id(const qaward_verdict *v) { return v ? v->subject_id : ""; }
const char *qaward_verdict_kind(const qaward_verdict *v) { return v ? v->policy->kinds[v->kind].id : ""; }
qaward_date qaward_verdict_as_of(const qaward_verdict *v) { return v ? v->as_of : QAWARD_DATE_NONE; }
qaward_date qaward_verdict_earliest(const qaward_verdict *v) { return v ? v->earliest : QAWARD_DATE_NONE; }
size_t qaward_verdict_check_count(const qaward_verdict *v) { return v ? v->n : 0; }

const char *qaward_verdict_check_rule(const qaward_verdict *v, size_t i)
{
    return v && i < v->n ? qa_rule_id(v->policy, v->kind, v->recs[i].rule) : NULL;
}

int qaward_verdict_check_code(const qaward_verdict *v, size_t i) { return v && i < v->n ? v->recs[i].rule : -1; }

const char *qaward_verdict_check_type(const qaward_verdict *v, size_t i)
{
    return v && i < v->n ? qa_rule_type_name(v->recs[i].type) : NULL;
}

const char *qaward_verdict_check_citation(const qaward_verdict *v, size_t i, int lang)
{
    if (!v || i >= v->n)
        return NULL;
    const qa_text *t = qa_rule_citation(v->policy, v->kind, v->recs[i].rule);
    const char *a = lang == QAWARD_LANG_ZH ? t->zh : t->en, *b = lang == QAWARD_LANG_ZH ? t->en : t->zh;
    return a ? a : b ? b : "";
}

int qaward_verdict_check_outcome(const qaward_verdict *v, size_t i) { return v && i < v->n ? v->recs[i].outcome : QAWARD_EINVAL; }
qaward_date qaward_verdict_check_earliest(const qaward_verdict *v, size_t i)
{
    return v && i < v->n && v->recs[i].time_only ? v->recs[i].earliest : QAWARD_DATE_NONE;
}

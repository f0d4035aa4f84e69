/* Findings and their consequences: bans and revocations (Art. 20, 21, 22; R9–R11). */
#include "policy_int.h"
#include "qaward/sanctions.h"
#include "store_int.h"

int qaward_finding_init(qaward_finding *f, uint32_t version)
{
    if (!f)
        return QAWARD_EINVAL;
    if (version != QAWARD_FINDING_VERSION)
        return QAWARD_EVERSION;
    memset(f, 0, sizeof *f);
    f->version = version;
    f->decided_on = f->event_date = f->award_date = QAWARD_DATE_NONE;
    return QAWARD_OK;
}

int qaward_sanction_outcome_init(qaward_sanction_outcome *o, uint32_t version)
{
    if (!o)
        return QAWARD_EINVAL;
    if (version != QAWARD_SANCTION_OUTCOME_VERSION)
        return QAWARD_EVERSION;
    memset(o, 0, sizeof *o);
    o->version = version;
    o->revoked_award_date = o->revoked_on = o->ban_from = o->ban_until = QAWARD_DATE_NONE;
    return QAWARD_OK;
}

static int check_args(qaward_ctx *ctx, const qaward_policy *p, const qaward_finding *f, const char *fn)
{
    if (!ctx || !p || !f)
        return qa_error(ctx, QAWARD_EINVAL, "%s: NULL argument", fn);
    if (f->version != QAWARD_FINDING_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "%s: finding version %u is not supported", fn, (unsigned)f->version);
    if (!f->subject_id || !*f->subject_id || !f->kind)
        return qa_error(ctx, QAWARD_EINVAL, "%s: the finding needs subject_id and kind", fn);
    if (!qaward_date_valid(f->decided_on))
        return qa_error(ctx, QAWARD_EINVAL, "finding against %s: invalid decided_on %d", f->subject_id,
                        (int)f->decided_on);
    if (f->event_date != QAWARD_DATE_NONE && !qaward_date_valid(f->event_date))
        return qa_error(ctx, QAWARD_EINVAL, "finding against %s: invalid event_date %d", f->subject_id,
                        (int)f->event_date);
    if (f->award_date != QAWARD_DATE_NONE && !qaward_date_valid(f->award_date))
        return qa_error(ctx, QAWARD_EINVAL, "finding against %s: invalid award_date %d", f->subject_id,
                        (int)f->award_date);
    return 0;
}

static int compute(qaward_sanction_outcome *o, qaward_ctx *ctx, const qaward_policy *p, const qaward_store *st,
                   const qaward_finding *f)
{
    int s = qa_policy_sanction(p, f->kind);
    if (s < 0)
        return qa_error(ctx, QAWARD_ENOTFOUND, "finding against %s: \"%s\" is not a sanction kind of policy %s",
                        f->subject_id, f->kind, p->id);
    const qa_sanction *sk = &p->sanctions[s];
    qaward_sanction_outcome r;
    qaward_sanction_outcome_init(&r, QAWARD_SANCTION_OUTCOME_VERSION);
    r.citation_zh = sk->citation.zh;
    r.citation_en = sk->citation.en;
    r.public_notice = sk->public_notice;
    /* R9, R10: the ban runs from the finding's date */
    int rc = qaward_policy_ban_window(&r.ban_from, &r.ban_until, ctx, p, f->kind, f->decided_on);
    if (rc)
        return qa_error_prefix(ctx, "finding against %s", f->subject_id);
    if (sk->revokes) {
        qaward_date event = f->event_date != QAWARD_DATE_NONE ? f->event_date : f->decided_on;
        qaward_history h;
        qa_history_init(&h, &ctx->alloc);
        if ((rc = qa_history_read(&h, ctx, st, f->subject_id))) {
            qa_history_free(&h);
            return rc;
        }
        const qaward_award_record *best = NULL;
        for (size_t i = 0; i < h.n_awards; i++) {
            const qaward_award_record *a = &h.awards[i];
            if (qaward_date_valid(a->revoked_on) || a->award_date > f->decided_on)
                continue;
            if (f->award_date != QAWARD_DATE_NONE) {
                if (a->award_date == f->award_date)
                    best = a;
                continue;
            }
            /* R11: only an award with award_date <= e < award_date + N years */
            if (sk->incident_window_years > 0 && !(a->award_date <= event &&
                                                   event < qa_add_years(a->award_date, sk->incident_window_years)))
                continue;
            if (!best || best->award_date < a->award_date)
                best = a;
        }
        if (f->award_date != QAWARD_DATE_NONE && !best) {
            char d[QAWARD_DATE_STRLEN];
            qaward_date_format(d, f->award_date);
            qa_history_free(&h);
            return qa_error(ctx, QAWARD_ENOTFOUND, "finding against %s: no unrevoked award dated %s in its history",
                            f->subject_id, d);
        }
        if (best && f->award_date != QAWARD_DATE_NONE && sk->incident_window_years > 0 &&
            !(best->award_date <= event && event < qa_add_years(best->award_date, sk->incident_window_years)))
            best = NULL; /* R11: an incident outside the window revokes nothing */
        if (best) {
            r.revokes = 1;
            r.revoked_award_date = best->award_date;
            int l = qa_policy_level(p, best->level);
            r.revoked_level = l >= 0 ? p->levels[l].id : NULL;
            r.revoked_on = f->decided_on;
        }
        qa_history_free(&h);
    }
    uint32_t v = o->version;
    *o = r;
    o->version = v;
    return 0;
}

int qaward_sanction_compute(qaward_sanction_outcome *out, qaward_ctx *ctx, const qaward_policy *policy,
                            const qaward_store *store, const qaward_finding *finding)
{
    int rc = check_args(ctx, policy, finding, "qaward_sanction_compute");
    if (rc)
        return rc;
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sanction_compute: NULL out");
    if (out->version != QAWARD_SANCTION_OUTCOME_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "sanction outcome version %u is not supported", (unsigned)out->version);
    if (store && store->version != QAWARD_STORE_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "store version %u is not supported", (unsigned)store->version);
    if ((rc = compute(out, ctx, policy, store, finding)))
        return rc;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_sanction_apply(qaward_sanction_outcome *out, qaward_ctx *ctx, const qaward_policy *policy,
                           const qaward_store *store, const qaward_finding *finding)
{
    int rc = check_args(ctx, policy, finding, "qaward_sanction_apply");
    if (rc)
        return rc;
    if (!store)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_sanction_apply: no store");
    if (store->version != QAWARD_STORE_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "store version %u is not supported", (unsigned)store->version);
    if (out && out->version != QAWARD_SANCTION_OUTCOME_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "sanction outcome version %u is not supported", (unsigned)out->version);
    if (!store->begin_fn || !store->commit_fn || !store->rollback_fn || !store->write_sanction_fn ||
        !store->revoke_award_fn)
        return qa_error(ctx, QAWARD_EINVAL,
                        "qaward_sanction_apply: the store needs begin_fn, write_sanction_fn, revoke_award_fn, "
                        "commit_fn and rollback_fn");
    qaward_sanction_outcome o;
    qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
    if ((rc = compute(&o, ctx, policy, store, finding)))
        return rc;
    qaward_sanction_record rec;
    qaward_sanction_record_init(&rec, QAWARD_SANCTION_RECORD_VERSION);
    rec.subject_id = finding->subject_id;
    rec.kind = finding->kind;
    rec.decided_on = finding->decided_on;
    rec.ban_from = o.ban_from;
    rec.ban_until = o.ban_until;
    rec.revokes_award_date = o.revokes ? o.revoked_award_date : QAWARD_DATE_NONE;
    rec.citation = o.citation_zh;
    if ((rc = store->begin_fn(store->userdata)) < 0)
        return qa_error(ctx, rc, "finding against %s: store begin_fn failed (%d)", finding->subject_id, rc);
    rc = store->write_sanction_fn(store->userdata, &rec);
    if (rc >= 0 && o.revokes)
        rc = store->revoke_award_fn(store->userdata, finding->subject_id, o.revoked_award_date, o.revoked_on);
    if (rc >= 0)
        rc = store->commit_fn(store->userdata);
    if (rc < 0) {
        store->rollback_fn(store->userdata);
        return qa_error(ctx, rc, "finding against %s: a store callback failed (%d); rolled back", finding->subject_id,
                        rc);
    }
    if (out) {
        uint32_t v = out->version;
        *out = o;
        out->version = v;
    }
    qa_ok(ctx);
    return QAWARD_OK;
}

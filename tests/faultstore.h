/* Storage-fault wrapper (issue 7.4): wraps a qaward_store and makes the k-th
 * callback (counting every callback from 1) return FAULT_CODE. Tests drive a
 * call for k = 1, 2, ... until it succeeds and check that the error comes back
 * unchanged, rollback was called when a transaction was open, and nothing was
 * committed. */
#ifndef QAWARD_TEST_FAULTSTORE_H
#define QAWARD_TEST_FAULTSTORE_H

#include <qaward.h>

#define FAULT_CODE (-7777)

typedef struct faultstore {
    qaward_store inner;
    long fail_at;      /* 1-based callback number that fails; 0 = never */
    long calls;        /* callbacks made so far */
    int failed;        /* the fault was injected */
    int in_tx;         /* begin seen, no commit/rollback yet */
    int began, commits, rollbacks;
} faultstore;

static int fs_hit(faultstore *f)
{
    f->calls++;
    if (f->fail_at && f->calls == f->fail_at) {
        f->failed = 1;
        return 1;
    }
    return 0;
}

static int fs_read(void *u, const char *id, qaward_history *out)
{
    faultstore *f = u;
    if (fs_hit(f))
        return FAULT_CODE;
    return f->inner.read_fn ? f->inner.read_fn(f->inner.userdata, id, out) : 0;
}

static int fs_begin(void *u)
{
    faultstore *f = u;
    if (fs_hit(f))
        return FAULT_CODE;
    int rc = f->inner.begin_fn(f->inner.userdata);
    if (!rc) {
        f->in_tx = 1;
        f->began++;
    }
    return rc;
}

static int fs_write_award(void *u, const qaward_award_record *r)
{
    faultstore *f = u;
    return fs_hit(f) ? FAULT_CODE : f->inner.write_award_fn(f->inner.userdata, r);
}

static int fs_write_sanction(void *u, const qaward_sanction_record *r)
{
    faultstore *f = u;
    return fs_hit(f) ? FAULT_CODE : f->inner.write_sanction_fn(f->inner.userdata, r);
}

static int fs_revoke(void *u, const char *id, qaward_date award_date, qaward_date revoked_on)
{
    faultstore *f = u;
    return fs_hit(f) ? FAULT_CODE : f->inner.revoke_award_fn(f->inner.userdata, id, award_date, revoked_on);
}

static int fs_finalised(void *u, const char *cycle, int *fin)
{
    faultstore *f = u;
    return fs_hit(f) ? FAULT_CODE : f->inner.cycle_finalised_fn(f->inner.userdata, cycle, fin);
}

static int fs_commit(void *u)
{
    faultstore *f = u;
    if (fs_hit(f))
        return FAULT_CODE;
    int rc = f->inner.commit_fn(f->inner.userdata);
    if (!rc) {
        f->in_tx = 0;
        f->commits++;
    }
    return rc;
}

static int fs_rollback(void *u)
{
    faultstore *f = u;
    f->calls++; /* rollback is never failed: it is the recovery path */
    f->rollbacks++;
    f->in_tx = 0;
    return f->inner.rollback_fn(f->inner.userdata);
}

/* Wrap `inner` into `out`, failing at callback `fail_at` (0 = never). */
static void faultstore_wrap(faultstore *f, qaward_store *out, const qaward_store *inner, long fail_at)
{
    memset(f, 0, sizeof *f);
    f->inner = *inner;
    f->fail_at = fail_at;
    qaward_store_init(out, QAWARD_STORE_VERSION);
    out->userdata = f;
    out->read_fn = fs_read;
    out->begin_fn = inner->begin_fn ? fs_begin : NULL;
    out->write_award_fn = inner->write_award_fn ? fs_write_award : NULL;
    out->write_sanction_fn = inner->write_sanction_fn ? fs_write_sanction : NULL;
    out->revoke_award_fn = inner->revoke_award_fn ? fs_revoke : NULL;
    out->cycle_finalised_fn = inner->cycle_finalised_fn ? fs_finalised : NULL;
    out->commit_fn = inner->commit_fn ? fs_commit : NULL;
    out->rollback_fn = inner->rollback_fn ? fs_rollback : NULL;
}

#endif

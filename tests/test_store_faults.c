/* Issue 7.4: storage faults. A wrapped memory store fails its k-th callback,
 * for k = 1, 2, ... until the call succeeds, during eligibility checks (every
 * path that reads history), cycle runs and finalisation, and sanction
 * recording. Each time: the store's error comes back unchanged (also as the
 * context status, with a message), rollback was called when a transaction was
 * open, the memory store's content is byte-for-byte what it was (nothing
 * committed), and a counting allocator shows nothing leaked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oom.h"
#include "faultstore.h"
#include "sample_cycle.h"
#include "srcfile.h"

static const char cycle_text[] = SAMPLE_CYCLE_DOC;

static char *applicants, *history, *cycle_doc;
static size_t applicants_len, history_len, cycle_len;

/* A context on a counting allocator (never failing). */
typedef struct counted {
    oom_state st;
    qaward_allocator a;
    qaward_ctx *ctx;
} counted;

static void counted_new(counted *c)
{
    c->st = (oom_state){-1, 0, 0};
    c->a = (qaward_allocator){QAWARD_ALLOCATOR_VERSION, &c->st, oom_malloc, oom_realloc, oom_free};
    assert_int_equal(qaward_ctx_new(&c->ctx, &c->a), QAWARD_OK);
}

static void counted_free_no_leak(counted *c)
{
    qaward_ctx_free(c->ctx);
    assert_int_equal(c->st.live, 0);
}

static char *snapshot(qaward_ctx *ctx, const qaward_memstore *ms)
{
    char *s = NULL;
    assert_int_equal(qaward_memstore_to_json(&s, ms, ctx), QAWARD_OK);
    return s;
}

/* The common assertions after one faulted call. Returns 1 when the call
 * succeeded (no fault injected: the loop ends). */
static int judge(qaward_ctx *ctx, const faultstore *f, int rc, const qaward_memstore *ms, const char *before,
                 const char *what, long k)
{
    if (!f->failed) {
        if (rc != QAWARD_OK)
            fail_msg("%s: k=%ld no fault but %d: %s", what, k, rc, qaward_ctx_message(ctx));
        return 1;
    }
    if (rc != FAULT_CODE)
        fail_msg("%s: fault at callback %ld came back as %d (%s)", what, k, rc, qaward_ctx_message(ctx));
    assert_int_equal(qaward_ctx_status(ctx), FAULT_CODE);
    assert_true(qaward_ctx_message(ctx)[0] != '\0');
    assert_int_equal(f->commits, 0);
    assert_int_equal(f->in_tx, 0);
    if (f->began)
        assert_int_equal(f->rollbacks, f->began);
    char *after = snapshot(ctx, ms);
    if (strcmp(before, after))
        fail_msg("%s: fault at callback %ld changed the store:\n%s\n---\n%s", what, k, before, after);
    qaward_string_free(ctx, after);
    return 0;
}

/* Eligibility reads history through read_fn: qaward_check, checker (full and
 * fast) and the batch call, for every sample applicant. */
static void checks_return_store_error_unchanged(void **state)
{
    (void)state;
    counted c;
    counted_new(&c);
    qaward_ctx *ctx = c.ctx;
    qaward_policy *p;
    qaward_memstore *ms;
    qaward_subject_list *l;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "jian-2023"), 0);
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    assert_int_equal(qaward_memstore_load_json(ms, ctx, history, history_len), 0);
    assert_int_equal(qaward_subject_list_load_json(&l, ctx, applicants, applicants_len), 0);
    qaward_store inner;
    qaward_memstore_as_store(&inner, ms);
    char *before = snapshot(ctx, ms);
    long faults = 0;
    qaward_subject *s;
    for (size_t i = 0; (s = qaward_subject_list_get(l, i)) != NULL; i++) {
        for (int path = 0; path < 3; path++) {
            for (long k = 1;; k++) {
                faultstore f;
                qaward_store st;
                faultstore_wrap(&f, &st, &inner, k);
                qaward_verdict *v = NULL;
                qaward_checker *ck = NULL;
                int rc;
                if (path == 0) {
                    rc = qaward_check(&v, ctx, p, s, &st, 20250601);
                } else {
                    assert_int_equal(qaward_checker_new(&ck, ctx, p, &st), 0);
                    if (path == 1) {
                        rc = qaward_checker_check(&v, ck, s, 20250601);
                    } else {
                        int status;
                        qaward_date earliest;
                        uint32_t codes[64];
                        uint8_t outcomes[64];
                        size_t n;
                        rc = qaward_checker_fast(&status, &earliest, codes, outcomes, 64, &n, ck, s, 20250601);
                    }
                }
                if (rc)
                    assert_null(v);
                qaward_verdict_free(v);
                qaward_checker_free(ck);
                assert_int_equal(f.began, 0); /* checks never write */
                if (judge(ctx, &f, rc, ms, before, "check", k))
                    break;
                faults++;
            }
        }
    }
    for (long k = 1;; k++) {
        faultstore f;
        qaward_store st;
        faultstore_wrap(&f, &st, &inner, k);
        char *out = NULL;
        int rc = qaward_check_batch_json(&out, ctx, p, &st, 20250601, applicants, applicants_len, 0);
        if (rc)
            assert_null(out);
        qaward_string_free(ctx, out);
        if (judge(ctx, &f, rc, ms, before, "check_batch_json", k))
            break;
        faults++;
    }
    fprintf(stderr, "store faults: checks %ld fault points\n", faults);
    assert_true(faults >= 14);
    qaward_string_free(ctx, before);
    qaward_subject_list_free(l);
    qaward_memstore_free(ms);
    qaward_policy_free(p);
    counted_free_no_leak(&c);
}

/* A cycle document (a re-winner from history, votes, both kinds) run and finalised through a
 * faulted store; after a failed run the cycle is not run; after a failed
 * finalisation nothing is written and it can be finalised again. */
static void cycle_run_and_finalise_roll_back(void **state)
{
    (void)state;
    counted c;
    counted_new(&c);
    qaward_ctx *ctx = c.ctx;
    long run_faults = 0, fin_faults = 0;
    /* The cycle's own store holds the history; a copy of it is the target. */
    for (long k = 1;; k++) {
        qaward_cycle *cy;
        assert_int_equal(qaward_cycle_load_json(&cy, ctx, cycle_doc, cycle_len), 0);
        qaward_memstore *own = qaward_cycle_memstore(cy);
        assert_non_null(own);
        qaward_store inner, st;
        qaward_memstore_as_store(&inner, own);
        char *before = snapshot(ctx, own);
        faultstore f;
        faultstore_wrap(&f, &st, &inner, k);
        int rc = qaward_cycle_run(ctx, cy, &st);
        if (f.failed)
            assert_int_equal(qaward_cycle_is_run(cy), 0);
        int done = judge(ctx, &f, rc, own, before, "cycle_run", k);
        qaward_string_free(ctx, before);
        qaward_cycle_free(cy);
        if (done)
            break;
        run_faults++;
    }
    qaward_cycle *cy;
    assert_int_equal(qaward_cycle_load_json(&cy, ctx, cycle_doc, cycle_len), 0);
    assert_int_equal(qaward_cycle_run(ctx, cy, NULL), 0);
    char *hist = snapshot(ctx, qaward_cycle_memstore(cy));
    long k;
    for (k = 1;; k++) {
        qaward_memstore *ms;
        assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
        assert_int_equal(qaward_memstore_load_json(ms, ctx, hist, strlen(hist)), 0);
        qaward_store inner, st;
        qaward_memstore_as_store(&inner, ms);
        char *before = snapshot(ctx, ms);
        faultstore f;
        faultstore_wrap(&f, &st, &inner, k);
        int rc = qaward_cycle_finalise(ctx, cy, &st);
        int done = judge(ctx, &f, rc, ms, before, "cycle_finalise", k);
        if (done) {
            assert_int_equal(f.commits, 1);
            char *after = snapshot(ctx, ms);
            assert_true(strcmp(before, after) != 0);
            qaward_string_free(ctx, after);
        }
        qaward_string_free(ctx, before);
        qaward_memstore_free(ms);
        if (done)
            break;
        fin_faults++;
    }
    fprintf(stderr, "store faults: cycle run %ld, finalise %ld fault points\n", run_faults, fin_faults);
    assert_true(fin_faults >= 4);
    qaward_string_free(ctx, hist);
    qaward_cycle_free(cy);
    counted_free_no_leak(&c);
}

/* qaward_cycle_check_candidates reads history for every candidate given as
 * facts (both sample cycle documents): a fault comes back unchanged with the
 * candidate named, nothing is written, and checking again gives the verdicts
 * of a fault-free run. */
static void cycle_check_candidates_returns_store_error(void **state)
{
    (void)state;
    static const char *const docs[] = {"data/examples/cycle-2025.json", "data/examples/cycle-lakeside-2025.json"};
    counted c;
    counted_new(&c);
    qaward_ctx *ctx = c.ctx;
    long faults[2] = {0, 0};
    for (size_t d = 0; d < 2; d++) {
        size_t len;
        char *doc = read_src(docs[d], &len);
        qaward_cycle *ref;
        assert_int_equal(qaward_cycle_load_json(&ref, ctx, doc, len), 0);
        assert_int_equal(qaward_cycle_check_candidates(ctx, ref, NULL), 0);
        for (long k = 1;; k++) {
            qaward_cycle *cy;
            assert_int_equal(qaward_cycle_load_json(&cy, ctx, doc, len), 0);
            qaward_memstore *own = qaward_cycle_memstore(cy);
            qaward_store inner, st;
            qaward_memstore_as_store(&inner, own);
            char *before = snapshot(ctx, own);
            faultstore f;
            faultstore_wrap(&f, &st, &inner, k);
            int rc = qaward_cycle_check_candidates(ctx, cy, &st);
            char msg[512];
            snprintf(msg, sizeof msg, "%s", qaward_ctx_message(ctx)); /* judge() reuses ctx */
            int done = judge(ctx, &f, rc, own, before, docs[d], k);
            if (!done) {
                if (!strstr(msg, "candidate "))
                    fail_msg("%s: fault %ld: the message does not name the candidate: %s", docs[d], k, msg);
                assert_int_equal(f.began, 0); /* checks only read */
                faults[d]++;
                /* the same call without the fault redoes every check */
                assert_int_equal(qaward_cycle_check_candidates(ctx, cy, NULL), 0);
            }
            for (size_t i = 0; i < qaward_cycle_candidate_count(ref); i++) {
                assert_int_equal(qaward_cycle_candidate_verdict(cy, i), qaward_cycle_candidate_verdict(ref, i));
                assert_int_equal(qaward_cycle_candidate_reason_count(cy, i), qaward_cycle_candidate_reason_count(ref, i));
            }
            qaward_string_free(ctx, before);
            qaward_cycle_free(cy);
            if (done)
                break;
        }
        qaward_cycle_free(ref);
        free(doc);
    }
    fprintf(stderr, "store faults: cycle check_candidates %ld + %ld fault points\n", faults[0], faults[1]);
    assert_true(faults[0] >= 5 && faults[1] >= 5);
    counted_free_no_leak(&c);
}

/* Sanction recording: a revoking finding (fraud) and a ban-only one, each
 * through a faulted store; nothing recorded, nothing revoked on failure. */
static void sanction_recording_rolls_back(void **state)
{
    (void)state;
    static const struct {
        const char *subject, *kind;
    } cases[] = {
        {"org-yongfeng-pharma", "fraud_bribery"},
        {"org-yongfeng-pharma", "false_materials"},
        {"org-nobody", "false_materials"},
    };
    counted c;
    counted_new(&c);
    qaward_ctx *ctx = c.ctx;
    qaward_policy *p;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "jian-2023"), 0);
    long faults = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (long k = 1;; k++) {
            qaward_memstore *ms;
            assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
            assert_int_equal(qaward_memstore_load_json(ms, ctx, history, history_len), 0);
            qaward_store inner, st;
            qaward_memstore_as_store(&inner, ms);
            char *before = snapshot(ctx, ms);
            size_t n_before = qaward_memstore_sanction_count(ms);
            faultstore f;
            faultstore_wrap(&f, &st, &inner, k);
            qaward_finding fd;
            qaward_finding_init(&fd, QAWARD_FINDING_VERSION);
            fd.subject_id = cases[i].subject;
            fd.kind = cases[i].kind;
            fd.decided_on = 20240310;
            qaward_sanction_outcome o;
            qaward_sanction_outcome_init(&o, QAWARD_SANCTION_OUTCOME_VERSION);
            int rc = qaward_sanction_apply(&o, ctx, p, &st, &fd);
            int done = judge(ctx, &f, rc, ms, before, cases[i].kind, k);
            if (done)
                assert_int_equal(qaward_memstore_sanction_count(ms), n_before + 1);
            else
                assert_int_equal(qaward_memstore_sanction_count(ms), n_before);
            qaward_string_free(ctx, before);
            qaward_memstore_free(ms);
            if (done)
                break;
            faults++;
        }
    }
    fprintf(stderr, "store faults: sanctions %ld fault points\n", faults);
    assert_true(faults >= 9);
    qaward_policy_free(p);
    counted_free_no_leak(&c);
}

int main(void)
{
    applicants = read_src("data/examples/applicants.json", &applicants_len);
    history = read_src("data/examples/history.json", &history_len);
    cycle_doc = (char *)cycle_text;
    cycle_len = sizeof cycle_text - 1;
    (void)oom_run;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(checks_return_store_error_unchanged),
        cmocka_unit_test(cycle_run_and_finalise_roll_back),
        cmocka_unit_test(cycle_check_candidates_returns_store_error),
        cmocka_unit_test(sanction_recording_rolls_back),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free(applicants);
    free(history);
    return rc;
}

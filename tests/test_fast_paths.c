/* The fast checks of bound subjects (compact facts, compiled conditions, the
 * memstore's filter) give exactly the general path's results: for seeded random
 * organisations and individuals on both policies, qaward_checker_fast and
 * qaward_checker_fast_many agree with qaward_checker_check on status, earliest
 * date, reason codes and outcomes, on dates around the R2/R3/R7/R9 boundaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qaward.h>

static qaward_ctx *ctx;
static uint32_t seed = 20250401u;

static uint32_t rnd(uint32_t n)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
}

static qaward_date rdate(int y0, int span)
{
    int y = y0 + (int)rnd((uint32_t)span), m = 1 + (int)rnd(12), d = 1 + (int)rnd(28);
    if (rnd(20) == 0) { /* R1: 29 February */
        y = 2016 + 4 * (int)rnd(3);
        m = 2;
        d = 29;
    }
    return (qaward_date)(y * 10000 + m * 100 + d);
}

static const char *const REGIONS[] = {"360802", "3608", "440305", "990101", "990299", ""};
static const char *const CERTS[] = {"iso9001", "iatf16949", "iso14001", "safety_standardization", "made_up_cert"};
static const char *const SAFETY[] = {"三级", "二级", "一级"};
static const char *const EVENTS[] = {"quality_accident", "environmental_accident", "production_safety_accident",
                                     "quality_complaint", "spot_check_failure", "labour_credit", "tax_credit", "violation"};
static const char *const ACCIDENT[] = {"一般", "较大", "重大", "特别重大"};
static const char *const COMPLAINT[] = {"一般", "重大"};
static const char *const CREDIT[] = {"一般", "较大", "重大", "严重"};
static const char *const ATTS[] = {"supports_central_policies", "policy_compliance", "notable_quality_benefits",
                                   "industry_leading", "good_reputation", "social_contribution_leading",
                                   "excellence_contribution", "widely_recognised", "professional_ethics"};

static const char *event_grade(const char *kind)
{
    if (rnd(6) == 0)
        return NULL; /* ungraded: R18 undecided */
    if (strstr(kind, "accident"))
        return ACCIDENT[rnd(4)];
    if (strstr(kind, "complaint"))
        return COMPLAINT[rnd(2)];
    if (strstr(kind, "credit"))
        return CREDIT[rnd(4)];
    return NULL;
}

static void org_facts(qaward_subject *s, int employer)
{
    if (rnd(8))
        assert_int_equal(qaward_subject_set_region(s, ctx, REGIONS[rnd(5)]), 0);
    assert_int_equal(qaward_subject_set_legal_person(s, ctx, (int)rnd(3) - 1 ? 1 : (int)rnd(3) - 1), 0);
    if (!employer)
        assert_int_equal(qaward_subject_set_for_profit(s, ctx, rnd(6) ? (int)rnd(5) != 0 : -1), 0);
    if (rnd(8))
        assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, rdate(2015, 12)), 0);
    if (rnd(6))
        assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_EXCELLENCE_SINCE, rdate(2021, 6)), 0);
    if (rnd(8)) {
        assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_CERTIFICATES, 1), 0);
        for (uint32_t k = rnd(5); k; k--) {
            const char *t = CERTS[rnd(5)];
            const char *lv = strcmp(t, "safety_standardization") == 0 && rnd(6) ? SAFETY[rnd(3)] : NULL;
            qaward_date from = rdate(2016, 9), to = rnd(3) ? QAWARD_DATE_NONE : from + 30000 + (qaward_date)rnd(2) * 10000;
            if (to && (to / 100 % 100 == 2 && to % 100 == 29))
                to -= 1;
            assert_int_equal(qaward_subject_add_certificate(s, ctx, t, lv, from, to), 0);
        }
    }
    if (rnd(8)) {
        assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
        for (uint32_t k = rnd(4); k; k--) {
            const char *kind = EVENTS[rnd(8)];
            assert_int_equal(qaward_subject_add_event(s, ctx, kind, event_grade(kind), (int32_t)(rnd(4) == 0), rdate(2019, 8)),
                             0);
        }
    }
    for (int y = 2020; y <= 2027; y++)
        if (rnd(6))
            assert_int_equal(qaward_subject_set_profit(s, ctx, y, (int64_t)rnd(5) * 100000 - 100000), 0);
}

static qaward_subject *make(size_t i)
{
    char id[32];
    snprintf(id, sizeof id, "s-%05zu", i);
    int person = rnd(4) == 0;
    qaward_subject *s;
    assert_int_equal(qaward_subject_new(&s, ctx, id, person ? "individual" : "organization"), 0);
    if (person) {
        if (rnd(8))
            assert_int_equal(qaward_subject_set_region(s, ctx, REGIONS[rnd(5)]), 0);
        if (rnd(6))
            assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_QUALITY_WORK_SINCE, rdate(2014, 12)), 0);
        if (rnd(8)) {
            assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
            if (rnd(3) == 0)
                assert_int_equal(qaward_subject_add_event(s, ctx, "violation", NULL, 0, rdate(2018, 8)), 0);
        }
        if (rnd(5)) {
            qaward_subject *e;
            assert_int_equal(qaward_subject_employer(&e, ctx, s), 0);
            org_facts(e, 1);
        }
    } else {
        org_facts(s, 0);
    }
    for (size_t a = 0; a < sizeof ATTS / sizeof *ATTS; a++)
        if (rnd(5))
            assert_int_equal(qaward_subject_set_attestation(s, ctx, ATTS[a], rnd(9) != 0), 0);
    return s;
}

static void history(qaward_memstore *ms, const char *id, const qaward_policy *p)
{
    int jian = strcmp(qaward_policy_id(p), "jian-2023") == 0;
    static const char *const JL[] = {"award", "nomination"}, *const LL[] = {"gold", "silver", "commendation"};
    static const char *const JS[] = {"false_materials", "fraud_bribery", "post_award_incident", "title_misuse"};
    static const char *const LS[] = {"false_materials", "fraud_bribery"};
    for (uint32_t k = rnd(3); k; k--) {
        qaward_award_record a;
        qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
        a.subject_id = id;
        a.level = jian ? JL[rnd(2)] : LL[rnd(3)];
        a.kind = "organization";
        a.award_date = rdate(2016, 10);
        if (rnd(5) == 0)
            a.revoked_on = a.award_date % 10000 == 229 ? a.award_date + 9999 : a.award_date + 10000;
        assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), 0);
    }
    for (uint32_t k = rnd(2); k; k--) {
        qaward_sanction_record x;
        qaward_sanction_record_init(&x, QAWARD_SANCTION_RECORD_VERSION);
        x.subject_id = id;
        x.kind = jian ? JS[rnd(4)] : LS[rnd(2)];
        x.decided_on = rdate(2017, 9);
        assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &x), 0);
    }
}

/* The reference: the general path through a store that is not the memstore
 * (so no filter), forwarding to it. */
static qaward_store inner;
static int fwd_read(void *ud, const char *id, qaward_history *out)
{
    (void)ud;
    return inner.read_fn(inner.userdata, id, out);
}

/* Day before, of and after R3/R7/R9 boundaries scattered over the random dates. */
static const qaward_date AS_OF[] = {20230205, 20240101, 20241231, 20250401, 20251231, 20260101,
                                    20260301, 20270101, 20280229, 20281231, 20300615};

static void compare(const qaward_policy *p, size_t n)
{
    qaward_memstore *ms;
    qaward_store st;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    assert_int_equal(qaward_memstore_as_store(&st, ms), 0);
    qaward_subject **v = calloc(n, sizeof *v);
    size_t m = 0, fastpath = 0;
    for (size_t i = 0; i < n; i++) {
        qaward_subject *s = make(i);
        if (rnd(4) == 0)
            history(ms, qaward_subject_id(s), p);
        if (qaward_subject_bind(s, ctx, p) != 0) { /* an event kind or grade the policy does not know */
            qaward_subject_free(s);
            continue;
        }
        v[m++] = s;
    }
    assert_true(m > n / 3);
    qaward_checker *c, *ref;
    assert_int_equal(qaward_checker_new(&c, ctx, p, &st), 0);
    qaward_store fwd;
    inner = st;
    qaward_store_init(&fwd, QAWARD_STORE_VERSION);
    fwd.read_fn = fwd_read;
    assert_int_equal(qaward_checker_new(&ref, ctx, p, &fwd), 0);
    int *sts = calloc(m, sizeof *sts);
    qaward_date *ear = calloc(m, sizeof *ear);
    uint32_t *cnt = calloc(m, sizeof *cnt);
    for (size_t d = 0; d < sizeof AS_OF / sizeof *AS_OF; d++) {
        size_t done = 0;
        int rc_many = qaward_checker_fast_many(sts, ear, cnt, &done, c, (const qaward_subject *const *)v, m, AS_OF[d]);
        for (size_t i = 0; i < m; i++) {
            qaward_verdict *vd = NULL;
            int rc = qaward_checker_check(&vd, ref, v[i], AS_OF[d]);
            int fst = -1;
            qaward_date fe = 1;
            uint32_t codes[64];
            uint8_t outs[64];
            size_t nc = 0;
            int frc = qaward_checker_fast(&fst, &fe, codes, outs, 64, &nc, c, v[i], AS_OF[d]);
            assert_int_equal(frc, rc);
            if (rc) {
                assert_true(rc_many == rc && done <= i);
                break;
            }
            fastpath++;
            assert_int_equal(fst, qaward_verdict_status(vd));
            assert_int_equal(fe, qaward_verdict_earliest(vd));
            size_t k = 0;
            for (size_t j = 0; j < qaward_verdict_check_count(vd); j++) {
                int o = qaward_verdict_check_outcome(vd, j);
                if (o != QAWARD_FAIL && o != QAWARD_UNKNOWN)
                    continue;
                assert_true(k < nc);
                assert_int_equal(codes[k], (uint32_t)qaward_verdict_check_code(vd, j));
                assert_int_equal(outs[k], o);
                k++;
            }
            assert_int_equal(k, nc);
            if (i < done) {
                assert_int_equal(sts[i], fst);
                assert_int_equal(ear[i], fe);
                assert_int_equal(cnt[i], nc);
            }
            qaward_verdict_free(vd);
        }
    }
    assert_true(fastpath > m);
    free(sts);
    free(ear);
    free(cnt);
    qaward_checker_free(c);
    qaward_checker_free(ref);
    for (size_t i = 0; i < m; i++)
        qaward_subject_free(v[i]);
    free(v);
    qaward_memstore_free(ms);
}

static void r5_fast_checks_equal_general_path_jian(void **state)
{
    (void)state;
    qaward_policy *p;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "jian-2023"), 0);
    compare(p, 3000);
    qaward_policy_free(p);
}

static void r5_fast_checks_equal_general_path_lakeside(void **state)
{
    (void)state;
    qaward_policy *p;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "lakeside-2024"), 0);
    compare(p, 3000);
    qaward_policy_free(p);
}

/* A fact changed after binding, or an employer bound on its own, goes back to
 * the general path and still agrees with it. */
static void r5_rebind_and_setters_after_bind(void **state)
{
    (void)state;
    qaward_policy *p;
    assert_int_equal(qaward_policy_builtin(&p, ctx, "jian-2023"), 0);
    qaward_checker *c;
    assert_int_equal(qaward_checker_new(&c, ctx, p, NULL), 0);
    for (size_t i = 0; i < 400; i++) {
        qaward_subject *s = make(i);
        if (qaward_subject_bind(s, ctx, p) != 0) {
            qaward_subject_free(s);
            continue;
        }
        qaward_subject *e = NULL;
        if (strcmp(qaward_subject_kind(s), "individual") == 0 && rnd(2) && qaward_subject_employer(&e, ctx, s) == 0) {
            assert_int_equal(qaward_subject_set_known(e, ctx, QAWARD_LIST_EVENTS, 1), 0);
            assert_int_equal(qaward_subject_add_event(e, ctx, "production_safety_accident", "一般", 1, 20240301), 0);
            if (rnd(2))
                (void)qaward_subject_bind(e, ctx, p);
        } else {
            assert_int_equal(qaward_subject_set_legal_person(s, ctx, 0), 0); /* unbinds */
        }
        for (size_t d = 0; d < sizeof AS_OF / sizeof *AS_OF; d++) {
            qaward_verdict *vd;
            int st;
            qaward_date ea;
            size_t nc;
            uint32_t codes[64];
            assert_int_equal(qaward_checker_check(&vd, c, s, AS_OF[d]), 0);
            assert_int_equal(qaward_checker_fast(&st, &ea, codes, NULL, 64, &nc, c, s, AS_OF[d]), 0);
            assert_int_equal(st, qaward_verdict_status(vd));
            assert_int_equal(ea, qaward_verdict_earliest(vd));
            qaward_verdict_free(vd);
        }
        qaward_subject_free(s);
    }
    qaward_checker_free(c);
    qaward_policy_free(p);
}

static int setup(void **s)
{
    (void)s;
    return qaward_ctx_new(&ctx, NULL) ? -1 : 0;
}

static int teardown(void **s)
{
    (void)s;
    qaward_ctx_free(ctx);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(r5_fast_checks_equal_general_path_jian),
        cmocka_unit_test(r5_fast_checks_equal_general_path_lakeside),
        cmocka_unit_test(r5_rebind_and_setters_after_bind),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

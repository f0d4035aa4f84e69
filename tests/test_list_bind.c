/* qaward_subject_list_bind: binding a loaded list changes speed only. For the
 * sample applicants (data/examples/applicants.json, history.json) the bound
 * list's statuses and earliest dates equal the unbound list's and qaward_check's
 * on dates around the R2/R3/R7 boundaries (R5); a subject the policy cannot
 * bind (R18: unknown event kind) is named by index and id and leaves no
 * subject of the list bound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qaward.h>
#include "srcfile.h"
#include "subject_int.h"

static qaward_ctx *ctx;
static qaward_policy *jian;
static qaward_memstore *ms;
static char *applicants;
static size_t applicants_len;

static int setup(void **s)
{
    (void)s;
    size_t hlen = 0;
    char *hist = read_src("data/examples/history.json", &hlen);
    applicants = read_src("data/examples/applicants.json", &applicants_len);
    int rc = qaward_ctx_new(&ctx, NULL) || qaward_policy_builtin(&jian, ctx, "jian-2023") ||
             qaward_memstore_new(&ms, ctx) || qaward_memstore_load_json(ms, ctx, hist, hlen);
    free(hist);
    return rc ? -1 : 0;
}

static int teardown(void **s)
{
    (void)s;
    free(applicants);
    qaward_memstore_free(ms);
    qaward_policy_free(jian);
    qaward_ctx_free(ctx);
    return 0;
}

static qaward_subject_list *load(const char *doc, size_t len)
{
    qaward_subject_list *l = NULL;
    assert_int_equal(qaward_subject_list_load_json(&l, ctx, doc, len), QAWARD_OK);
    return l;
}

/* Every subject of the list and every employer is bound to p (or to nothing when p is NULL). */
static void assert_bound(const qaward_subject_list *l, const qaward_policy *p)
{
    for (size_t i = 0; i < qaward_subject_list_count(l); i++) {
        const qaward_subject *s = qaward_subject_list_get(l, i);
        assert_ptr_equal(s->bound, p);
        if (s->employer)
            assert_ptr_equal(s->employer->bound, p);
    }
}

/* A day before, of and after jinggang's 3 years (R2, Art. 10(2): 2025-10-01),
 * ganjiang's and li-na's R7/R9 dates, and the policy's last years in force. */
static const qaward_date DATES[] = {20250401, 20250815, 20250930, 20251001, 20251002,
                                    20260711, 20260712, 20270202, 20270203, 20270204};

static void r5_bound_list_statuses_equal_unbound_and_full_check(void **state)
{
    (void)state;
    qaward_subject_list *bound = load(applicants, applicants_len), *plain = load(applicants, applicants_len);
    assert_int_equal(qaward_subject_list_bind(bound, ctx, jian), QAWARD_OK);
    assert_string_equal(qaward_ctx_message(ctx), "");
    assert_bound(bound, jian);
    assert_bound(plain, NULL);
    size_t n = qaward_subject_list_count(bound);
    assert_int_equal(n, 14);
    qaward_store st;
    qaward_memstore_as_store(&st, ms);
    qaward_checker *c = NULL;
    assert_int_equal(qaward_checker_new(&c, ctx, jian, &st), QAWARD_OK);
    int sb[14], sp[14];
    qaward_date eb[14], ep[14];
    for (size_t d = 0; d < sizeof DATES / sizeof *DATES; d++) {
        size_t done = 99;
        assert_int_equal(qaward_checker_fast_list(sb, eb, &done, c, bound, DATES[d]), QAWARD_OK);
        assert_int_equal(done, n);
        assert_int_equal(qaward_checker_fast_list(sp, ep, NULL, c, plain, DATES[d]), QAWARD_OK);
        for (size_t i = 0; i < n; i++) {
            const qaward_subject *s = qaward_subject_list_get(bound, i);
            assert_int_equal(sb[i], sp[i]);
            assert_int_equal(eb[i], ep[i]);
            qaward_verdict *v = NULL;
            assert_int_equal(qaward_check(&v, ctx, jian, qaward_subject_list_get(plain, i), &st, DATES[d]), QAWARD_OK);
            assert_string_equal(qaward_verdict_subject_id(v), qaward_subject_id(s));
            assert_int_equal(sb[i], qaward_verdict_status(v));
            assert_int_equal(eb[i], qaward_verdict_earliest(v));
            qaward_verdict_free(v);
            /* the reason codes too, bound against unbound */
            uint32_t cb[64], cp[64];
            uint8_t ob[64], op[64];
            size_t nb = 0, np = 0;
            int s1, s2;
            qaward_date e1, e2;
            assert_int_equal(qaward_checker_fast(&s1, &e1, cb, ob, 64, &nb, c, s, DATES[d]), QAWARD_OK);
            assert_int_equal(qaward_checker_fast(&s2, &e2, cp, op, 64, &np, c, qaward_subject_list_get(plain, i),
                                                 DATES[d]),
                             QAWARD_OK);
            assert_int_equal(s1, sb[i]);
            assert_int_equal(e1, eb[i]);
            assert_int_equal(s2, sb[i]);
            assert_int_equal(nb, np);
            assert_memory_equal(cb, cp, (nb < 64 ? nb : 64) * sizeof *cb);
            assert_memory_equal(ob, op, (nb < 64 ? nb : 64) * sizeof *ob);
        }
    }
    /* The sample's own values (docs/examples.md), bound list, 2025-09-30 and 2025-10-01:
     * jinggang reaches 3 years of registration on 2025-10-01 (Art. 10(2), R2). */
    assert_int_equal(qaward_checker_fast_list(sb, eb, NULL, c, bound, 20250930), QAWARD_OK);
    assert_string_equal(qaward_subject_id(qaward_subject_list_get(bound, 1)), "org-jinggang-newmaterials");
    assert_int_equal(sb[1], QAWARD_INELIGIBLE);
    assert_int_equal(eb[1], 20251001);
    assert_int_equal(sb[0], QAWARD_ELIGIBLE);       /* org-ganjiang-electronics */
    assert_int_equal(sb[5], QAWARD_INCOMPLETE);     /* org-taihe-textiles: facts missing (R5) */
    assert_int_equal(sb[11], QAWARD_INELIGIBLE);    /* ind-li-na: R7 wait */
    assert_int_equal(eb[11], 20270203);
    assert_int_equal(qaward_checker_fast_list(sb, eb, NULL, c, bound, 20251001), QAWARD_OK);
    assert_int_equal(sb[1], QAWARD_ELIGIBLE);
    assert_int_equal(eb[1], 20251001);
    qaward_checker_free(c);
    qaward_subject_list_free(plain);
    qaward_subject_list_free(bound);
}

static void r5_list_bind_again_and_setter_unbinds_one(void **state)
{
    (void)state;
    qaward_subject_list *l = load(applicants, applicants_len);
    assert_int_equal(qaward_subject_list_bind(l, ctx, jian), QAWARD_OK);
    assert_int_equal(qaward_subject_list_bind(l, ctx, jian), QAWARD_OK); /* binding again replaces it */
    assert_bound(l, jian);
    /* NULL context: the same status, no message (subject.h) */
    assert_int_equal(qaward_subject_list_bind(l, NULL, jian), QAWARD_OK);
    assert_bound(l, jian);
    qaward_subject *s = qaward_subject_list_get(l, 2);
    assert_int_equal(qaward_subject_set_name(s, ctx, "renamed"), QAWARD_OK);
    assert_null(s->bound);
    assert_ptr_equal(qaward_subject_list_get(l, 1)->bound, jian);
    assert_ptr_equal(qaward_subject_list_get(l, 3)->bound, jian);
    qaward_checker *c = NULL;
    assert_int_equal(qaward_checker_new(&c, ctx, jian, NULL), QAWARD_OK);
    int st[14];
    assert_int_equal(qaward_checker_fast_list(st, NULL, NULL, c, l, 20250401), QAWARD_OK);
    assert_int_equal(st[2], QAWARD_INELIGIBLE); /* org-luling-foods, unbound again: same result */
    qaward_checker_free(c);
    qaward_subject_list_free(l);
}

static void list_bind_empty_and_null_arguments(void **state)
{
    (void)state;
    qaward_subject_list *l = load("[]", 2);
    assert_int_equal(qaward_subject_list_count(l), 0);
    assert_int_equal(qaward_subject_list_bind(l, ctx, jian), QAWARD_OK);
    assert_int_equal(qaward_subject_list_bind(NULL, ctx, jian), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "subject_list_bind"));
    assert_int_equal(qaward_subject_list_bind(l, ctx, NULL), QAWARD_EINVAL);
    assert_int_equal(qaward_subject_list_bind(l, NULL, NULL), QAWARD_EINVAL);
    qaward_subject_list_free(l);
}

/* R18: event kinds are the policy's ids; one it does not know fails the bind. */
static const char BAD[] =
    "[{\"id\": \"ORG-A\", \"kind\": \"organization\", \"events\": []},"
    " {\"id\": \"IND-B\", \"kind\": \"individual\", \"employer\": {\"region_code\": \"360802\", \"events\": []}},"
    " {\"id\": \"ORG-C\", \"kind\": \"organization\","
    "  \"events\": [{\"kind\": \"production_safety_accident\", \"grade\": \"一般\", \"date\": \"2023-05-05\"},"
    "              {\"kind\": \"meteor_strike\", \"date\": \"2024-01-02\"}]},"
    " {\"id\": \"ORG-D\", \"kind\": \"organization\"}]";

static void r18_list_bind_unknown_event_kind_names_index_and_id(void **state)
{
    (void)state;
    qaward_subject_list *l = load(BAD, sizeof BAD - 1), *plain = load(BAD, sizeof BAD - 1);
    /* ORG-A and IND-B (with its employer) bind on their own, ORG-D too */
    assert_int_equal(qaward_subject_bind(qaward_subject_list_get(l, 3), ctx, jian), QAWARD_OK);
    assert_int_equal(qaward_subject_list_bind(l, ctx, jian), QAWARD_EINVAL);
    const char *m = qaward_ctx_message(ctx);
    assert_non_null(strstr(m, "subjects[2]"));
    assert_non_null(strstr(m, "ORG-C"));
    assert_non_null(strstr(m, "events[1].kind \"meteor_strike\""));
    assert_non_null(strstr(m, "jian-2023"));
    assert_null(strstr(m, "ORG-A"));
    /* no subject stays bound: those before the failure, the failing one, and
     * one bound before the call (ORG-D) */
    assert_bound(l, NULL);
    assert_non_null(qaward_subject_list_get(l, 1)->employer);
    /* the list stays usable, with the unbound list's results; the check names the
     * unknown kind as the general path does */
    qaward_checker *c = NULL;
    assert_int_equal(qaward_checker_new(&c, ctx, jian, NULL), QAWARD_OK);
    int sa[4], sp[4];
    size_t done = 99;
    assert_int_equal(qaward_checker_fast_list(sa, NULL, &done, c, l, 20250401), QAWARD_EINVAL);
    assert_int_equal(done, 2);
    assert_non_null(strstr(qaward_ctx_message(ctx), "meteor_strike"));
    assert_int_equal(qaward_checker_fast_list(sp, NULL, &done, c, plain, 20250401), QAWARD_EINVAL);
    assert_int_equal(done, 2);
    assert_memory_equal(sa, sp, 2 * sizeof *sa);
    assert_int_equal(sa[0], QAWARD_INCOMPLETE); /* ORG-A: no registration date etc. (R5) */
    /* without a context: the same status */
    assert_int_equal(qaward_subject_list_bind(l, NULL, jian), QAWARD_EINVAL);
    assert_bound(l, NULL);
    qaward_checker_free(c);
    qaward_subject_list_free(plain);
    qaward_subject_list_free(l);
}

/* R18: an unknown grade on the employer of an individual names the employer's event. */
static const char BAD_EMPLOYER[] =
    "[{\"id\": \"ORG-A\", \"kind\": \"organization\"},"
    " {\"id\": \"IND-B\", \"kind\": \"individual\", \"employer\": {\"events\": ["
    "   {\"kind\": \"production_safety_accident\", \"grade\": \"legendary\", \"date\": \"2023-05-05\"}]}}]";

static void r18_list_bind_employer_grade_names_index_and_id(void **state)
{
    (void)state;
    qaward_subject_list *l = load(BAD_EMPLOYER, sizeof BAD_EMPLOYER - 1);
    assert_int_equal(qaward_subject_list_bind(l, ctx, jian), QAWARD_EINVAL);
    const char *m = qaward_ctx_message(ctx);
    assert_non_null(strstr(m, "subjects[1] (id \"IND-B\")"));
    assert_non_null(strstr(m, "employer.events[0].grade \"legendary\""));
    assert_bound(l, NULL);
    qaward_subject_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(r5_bound_list_statuses_equal_unbound_and_full_check),
        cmocka_unit_test(r5_list_bind_again_and_setter_unbinds_one),
        cmocka_unit_test(list_bind_empty_and_null_arguments),
        cmocka_unit_test(r18_list_bind_unknown_event_kind_names_index_and_id),
        cmocka_unit_test(r18_list_bind_employer_grade_names_index_and_id),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

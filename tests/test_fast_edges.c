/* The fast checks at their edges (R5): on a test policy built to reach every
 * condition type on the subject and on the employer (Art. 11(5)(7)), waits that
 * ignore revoked awards (R7, R8), bans with and without a window (R9-R11),
 * certificates and events whose terms run past year 9999, 29 February terms
 * that end in a century year (R1), and subjects that fall back from the compact
 * block (more than 64 conditions, 65,536 events or certificates, more than 255
 * attestation ids, an employer of a kind the policy lacks, a level off the
 * scale, an employer changed after binding), qaward_checker_fast, _fast_many and
 * _fast_list give exactly qaward_checker_check's status, earliest date and
 * not-passed codes and outcomes. The rare message shapes of those verdicts are
 * asserted in both languages. */
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
static qaward_policy *edge;
static uint32_t seed = 20240229u;

static uint32_t rnd(uint32_t n)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
}

/* ---- a growing string ------------------------------------------------------------- */
typedef struct sb {
    char *p;
    size_t n, cap;
} sb;

static void sbf(sb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->n + (size_t)k + 1 > b->cap) {
        b->cap = (b->n + (size_t)k + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

/* ---- the test policy ----------------------------------------------------------------- */
/* In force from 0001-01-02 (R17), citations and names in one language only in
 * places, a wait that ignores revoked awards, a ban by years from the date, a
 * revoking finding without a ban and a bare finding; "organization" has every
 * condition type on itself, "individual" every type on its employer, "big" 70
 * conditions (more than the compact block's 64). */
static const char EDGE_HEAD[] =
    "{\"format\": \"qaward-policy/1\", \"id\": \"edge-test\", \"fictional\": true,"
    " \"name\": {\"en\": \"edge test policy\"},"
    " \"in_force\": {\"valid_from\": \"0001-01-02\", \"citation\": {\"zh\": \"第九十九条\"}},"
    " \"jurisdiction\": {\"name\": {\"zh\": \"测试区\", \"en\": \"test area\"}, \"region_prefixes\": [\"77\", \"7801\"]},"
    " \"cycle\": {\"years\": 2, \"first_edition_year\": 2000},"
    " \"grade_scales\": [{\"id\": \"sev\", \"grades\": [\"低\", \"中\", \"高\", \"极\"]},"
    "                    {\"id\": \"lvl\", \"grades\": [\"C\", \"B\", \"A\"]}],"
    " \"event_kinds\": [{\"id\": \"accident\", \"scale\": \"sev\", \"name\": {\"en\": \"accident\"}},"
    "                   {\"id\": \"breach\", \"name\": {\"zh\": \"违规\", \"en\": \"breach\"}},"
    "                   {\"id\": \"credit\", \"scale\": \"sev\", \"name\": {\"zh\": \"失信\", \"en\": \"credit record\"}},"
    "                   {\"id\": \"unused_kind\", \"scale\": \"sev\"}],"
    " \"certificate_types\": [{\"id\": \"qms\", \"name\": {\"en\": \"QMS certificate\"}},"
    "                         {\"id\": \"ems\", \"name\": {\"zh\": \"环境证书\", \"en\": \"EMS certificate\"}},"
    "                         {\"id\": \"grade_cert\", \"scale\": \"lvl\", \"name\": {\"zh\": \"等级证书\", \"en\": \"graded certificate\"}},"
    "                         {\"id\": \"other_cert\"}],"
    " \"subject_kinds\": [{\"id\": \"organization\", \"name\": {\"zh\": \"组织\"}},"
    "                     {\"id\": \"individual\", \"person\": true, \"name\": {\"en\": \"individual\"}},"
    "                     {\"id\": \"big\"}],"
    " \"levels\": [{\"id\": \"gold\", \"name\": {\"zh\": \"金奖\", \"en\": \"gold award\"}, \"main\": true},"
    "              {\"id\": \"plain\", \"honour_only\": true}],"
    " \"quotas\": [{\"level\": \"gold\", \"kinds\": [\"organization\", \"individual\", \"big\"], \"max\": 1}, {\"level\": \"plain\", \"kinds\": [\"organization\", \"individual\", \"big\"], \"max\": 1}],"
    " \"prizes\": {\"table\": [{\"level\": \"gold\", \"kind\": \"organization\", \"fen\": 100},"
    "                          {\"level\": \"gold\", \"kind\": \"individual\", \"fen\": 10},"
    "                          {\"level\": \"gold\", \"kind\": \"big\", \"fen\": 1}]},"
    " \"waits\": [{\"id\": \"wait_gold\", \"level\": \"gold\", \"length\": 4, \"unit\": \"years\", \"count\": \"from_date\","
    "             \"revoked_counts\": false, \"citation\": {\"en\": \"Art. W\"}}],"
    " \"sanctions\": [{\"kind\": \"lie\", \"rule_id\": \"ban_lie\", \"name\": {\"zh\": \"虚假\", \"en\": \"lying\"},"
    "                  \"citation\": {\"zh\": \"第二十条\", \"en\": \"Art. 20\"},"
    "                  \"ban\": {\"length\": 3, \"unit\": \"years\", \"count\": \"from_date\"}},"
    "                 {\"kind\": \"warn\", \"rule_id\": \"ban_warn\", \"name\": {\"zh\": \"警告\", \"en\": \"warning\"},"
    "                  \"citation\": {\"zh\": \"第二十一条\"}, \"revokes\": true},"
    "                 {\"kind\": \"note\", \"rule_id\": \"ban_note\", \"citation\": {\"en\": \"Art. 22\"}}],"
    " \"eligibility\": {"
    "  \"organization\": ["
    "   {\"id\": \"o_region\", \"type\": \"region\", \"citation\": {\"zh\": \"第一条\"}, \"title\": {\"en\": \"in the area\"}},"
    "   {\"id\": \"o_legal\", \"type\": \"flag\", \"fact\": \"legal_person\", \"citation\": {\"en\": \"Art. 1(2)\"}},"
    "   {\"id\": \"o_forprofit\", \"type\": \"flag\", \"fact\": \"for_profit\", \"citation\": {\"zh\": \"第一条（三）\", \"en\": \"Art. 1(3)\"}},"
    "   {\"id\": \"o_reg4\", \"type\": \"years_since\", \"fact\": \"registration_date\", \"years\": 4, \"citation\": {\"en\": \"Art. 2\"}},"
    "   {\"id\": \"o_held4\", \"type\": \"certificate_held\", \"certificates\": [\"qms\", \"ems\"], \"years\": 4, \"citation\": {\"en\": \"Art. 3\"}},"
    "   {\"id\": \"o_level\", \"type\": \"certificate_level\", \"certificate\": \"grade_cert\", \"at_least\": \"B\", \"citation\": {\"en\": \"Art. 4\"}},"
    "   {\"id\": \"o_profit\", \"type\": \"profit_years\", \"years\": 2, \"applies_to\": \"for_profit\", \"citation\": {\"en\": \"Art. 5\"}},"
    "   {\"id\": \"o_np\", \"type\": \"attestation\", \"attestation\": \"np_good\", \"applies_to\": \"non_profit\", \"citation\": {\"en\": \"Art. 5\"}},"
    "   {\"id\": \"o_events4\", \"type\": \"no_event\", \"look_back_years\": 4, \"citation\": {\"en\": \"Art. 6\"},"
    "    \"events\": [{\"kind\": \"accident\", \"min_grade\": \"中\", \"any_death\": true}, {\"kind\": \"breach\"}]},"
    "   {\"id\": \"o_credit\", \"type\": \"no_event\", \"citation\": {\"en\": \"Art. 7\"}, \"events\": [{\"kind\": \"credit\", \"min_grade\": \"高\"}]},"
    "   {\"id\": \"o_att\", \"type\": \"attestation\", \"attestation\": \"att_a\", \"citation\": {\"en\": \"Art. 8\"}, \"title\": {\"en\": \"attested A\"}}],"
    "  \"individual\": ["
    "   {\"id\": \"i_emp_region\", \"type\": \"region\", \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(1)\"}},"
    "   {\"id\": \"i_emp_legal\", \"type\": \"flag\", \"fact\": \"legal_person\", \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(2)\"}},"
    "   {\"id\": \"i_emp_reg4\", \"type\": \"years_since\", \"fact\": \"registration_date\", \"years\": 4, \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(3)\"}},"
    "   {\"id\": \"i_emp_held\", \"type\": \"certificate_held\", \"certificates\": [\"qms\"], \"years\": 4, \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(4)\"}},"
    "   {\"id\": \"i_emp_level\", \"type\": \"certificate_level\", \"certificate\": \"grade_cert\", \"at_least\": \"B\", \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(5)\"}},"
    "   {\"id\": \"i_emp_profit\", \"type\": \"profit_years\", \"years\": 2, \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(6)\"}},"
    "   {\"id\": \"i_emp_events\", \"type\": \"no_event\", \"look_back_years\": 4, \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(7)\"},"
    "    \"events\": [{\"kind\": \"accident\", \"min_grade\": \"中\", \"any_death\": true}, {\"kind\": \"breach\"}]},"
    "   {\"id\": \"i_emp_att\", \"type\": \"attestation\", \"attestation\": \"att_a\", \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(8)\"}},"
    "   {\"id\": \"i_emp_fp\", \"type\": \"flag\", \"fact\": \"for_profit\", \"on\": \"employer\", \"citation\": {\"en\": \"Art. 11(9)\"}},"
    "   {\"id\": \"i_work4\", \"type\": \"years_since\", \"fact\": \"quality_work_since\", \"years\": 4, \"citation\": {\"en\": \"Art. 12(1)\"}},"
    "   {\"id\": \"i_breach\", \"type\": \"no_event\", \"citation\": {\"en\": \"Art. 12(2)\"}, \"events\": [{\"kind\": \"breach\"}]},"
    "   {\"id\": \"i_att_b\", \"type\": \"attestation\", \"attestation\": \"att_b\", \"citation\": {\"en\": \"Art. 12(3)\"}},"
    "   {\"id\": \"i_region\", \"type\": \"region\", \"citation\": {\"en\": \"Art. 12(4)\"}},"
    "   {\"id\": \"i_np\", \"type\": \"attestation\", \"attestation\": \"np_good\", \"applies_to\": \"non_profit\", \"citation\": {\"en\": \"Art. 12(5)\"}}],"
    "  \"big\": [";

/* Rule codes of the test policy (conditions, then the wait, then the bans). */
enum { O_REGION, O_LEGAL, O_FORPROFIT, O_REG4, O_HELD4, O_LEVEL, O_PROFIT, O_NP, O_EVENTS4, O_CREDIT, O_ATT,
       O_WAIT, O_BAN_LIE, O_BAN_WARN, O_BAN_NOTE };
#define BIG_CONDS 70

static char *edge_json(void)
{
    sb b = {0};
    sbf(&b, "%s", EDGE_HEAD);
    for (int j = 0; j < BIG_CONDS; j++) {
        sbf(&b, "%s{\"id\": \"big_%d\", \"citation\": {\"en\": \"Art. B%d\"}, ", j ? ", " : "", j, j);
        switch (j % 5) {
        case 0: sbf(&b, "\"type\": \"years_since\", \"fact\": \"registration_date\", \"years\": %d}", j % 7); break;
        case 1: sbf(&b, "\"type\": \"attestation\", \"attestation\": \"big_att_%d\"}", j); break;
        case 2: sbf(&b, "\"type\": \"region\"}"); break;
        case 3: sbf(&b, "\"type\": \"no_event\", \"look_back_years\": %d, \"events\": [{\"kind\": \"breach\"}]}", 1 + j % 6); break;
        default: sbf(&b, "\"type\": \"flag\", \"fact\": \"legal_person\"}"); break;
        }
    }
    sbf(&b, "]}}");
    return b.p;
}

/* A policy with more than 255 distinct attestation ids and no "organization"
 * kind: bound subjects of it, and their employers, stay off the compact block. */
static char *many_att_json(void)
{
    sb b = {0};
    sbf(&b, "{\"format\": \"qaward-policy/1\", \"id\": \"many-att\", \"name\": {\"en\": \"many attestations\"},"
            " \"in_force\": {\"valid_from\": \"2020-01-01\", \"valid_to\": \"2030-12-31\"},"
            " \"jurisdiction\": {\"region_prefixes\": [\"77\"]}, \"cycle\": {\"years\": 1, \"first_edition_year\": 2020},"
            " \"event_kinds\": [{\"id\": \"breach\"}],"
            " \"subject_kinds\": [{\"id\": \"person\", \"person\": true}, {\"id\": \"k1\"}, {\"id\": \"k2\"}, {\"id\": \"k3\"},"
            " {\"id\": \"k4\"}, {\"id\": \"k5\"}],"
            " \"levels\": [{\"id\": \"honour\", \"honour_only\": true}], \"quotas\": [{\"level\": \"honour\", \"kinds\": [\"person\", \"k1\", \"k2\", \"k3\", \"k4\", \"k5\"], \"max\": 1}],"
            " \"prizes\": {\"table\": []},"
            " \"eligibility\": {\"person\": ["
            "  {\"id\": \"p_att\", \"type\": \"attestation\", \"attestation\": \"p_att\", \"citation\": {\"en\": \"Art. 1\"}},"
            "  {\"id\": \"p_emp_breach\", \"type\": \"no_event\", \"on\": \"employer\", \"look_back_years\": 2,"
            "   \"events\": [{\"kind\": \"breach\"}], \"citation\": {\"en\": \"Art. 2\"}}]");
    for (int k = 1; k <= 5; k++) {
        sbf(&b, ", \"k%d\": [", k);
        for (int j = 0; j < 52; j++)
            sbf(&b, "%s{\"id\": \"c%d\", \"type\": \"attestation\", \"attestation\": \"a_%d_%d\", \"citation\": {\"en\": \"Art. %d\"}}",
                j ? ", " : "", j, k, j, j);
        sbf(&b, "]");
    }
    sbf(&b, "}}");
    return b.p;
}

static qaward_policy *load_policy(char *json)
{
    qaward_policy *p = NULL;
    int rc = qaward_policy_load_json(&p, ctx, json, strlen(json));
    if (rc)
        fprintf(stderr, "policy: %s\n", qaward_ctx_message(ctx));
    assert_int_equal(rc, QAWARD_OK);
    free(json);
    return p;
}

/* ---- stores ----------------------------------------------------------------------------- */
/* A store that is not the memory store (no filter, no shallow read) forwarding
 * to one; fail_read makes its read return that code. */
typedef struct fwd {
    qaward_store inner;
    int fail_read;
} fwd;

static int fwd_read(void *ud, const char *id, qaward_history *out)
{
    fwd *f = ud;
    if (f->fail_read)
        return f->fail_read;
    return f->inner.read_fn(f->inner.userdata, id, out);
}

static void fwd_make(fwd *f, qaward_store *st, const qaward_store *inner)
{
    memset(f, 0, sizeof *f);
    f->inner = *inner;
    qaward_store_init(st, QAWARD_STORE_VERSION);
    st->userdata = f;
    st->read_fn = fwd_read;
}

static void add_award(qaward_memstore *ms, const char *id, const char *level, qaward_date d, qaward_date revoked)
{
    qaward_award_record a;
    qaward_award_record_init(&a, QAWARD_AWARD_RECORD_VERSION);
    a.subject_id = id;
    a.level = level;
    a.kind = "organization";
    a.award_date = d;
    a.revoked_on = revoked;
    assert_int_equal(qaward_memstore_add_award(ms, ctx, &a), QAWARD_OK);
}

static void add_sanction(qaward_memstore *ms, const char *id, const char *kind, qaward_date d, qaward_date from,
                         qaward_date until)
{
    qaward_sanction_record x;
    qaward_sanction_record_init(&x, QAWARD_SANCTION_RECORD_VERSION);
    x.subject_id = id;
    x.kind = kind;
    x.decided_on = d;
    x.ban_from = from;
    x.ban_until = until;
    assert_int_equal(qaward_memstore_add_sanction(ms, ctx, &x), QAWARD_OK);
}

/* ---- fast == full ---------------------------------------------------------------------- */
/* Asserts that every fast entry point agrees with the general path for s and
 * returns the general path's verdict (NULL with *rc_out set when it refused).
 * The fast checkers: one over the memory store (filter and shallow read), one
 * over a forwarding store (qaward_store_read through the callback). */
typedef struct rig {
    const qaward_policy *p;
    qaward_store mem, plain;
    fwd f;
    int has_store;
    qaward_checker *fast, *fast_plain, *ref;
} rig;

static void rig_open(rig *r, const qaward_policy *p, qaward_memstore *ms)
{
    memset(r, 0, sizeof *r);
    r->p = p;
    if (ms) {
        assert_int_equal(qaward_memstore_as_store(&r->mem, ms), QAWARD_OK);
        fwd_make(&r->f, &r->plain, &r->mem);
        r->has_store = 1;
    }
    assert_int_equal(qaward_checker_new(&r->fast, ctx, p, ms ? &r->mem : NULL), QAWARD_OK);
    assert_int_equal(qaward_checker_new(&r->fast_plain, ctx, p, ms ? &r->plain : NULL), QAWARD_OK);
    assert_int_equal(qaward_checker_new(&r->ref, ctx, p, ms ? &r->plain : NULL), QAWARD_OK);
}

static void rig_close(rig *r)
{
    qaward_checker_free(r->fast);
    qaward_checker_free(r->fast_plain);
    qaward_checker_free(r->ref);
}

static qaward_verdict *rig_check(rig *r, const qaward_subject *s, qaward_date as_of, int *rc_out)
{
    qaward_verdict *v = NULL;
    int rc = qaward_checker_check(&v, r->ref, s, as_of);
    char msg[600];
    snprintf(msg, sizeof msg, "%s", qaward_ctx_message(ctx));
    qaward_checker *cs[2] = {r->fast, r->fast_plain};
    for (int k = 0; k < 2; k++) {
        int st = -1;
        qaward_date e = 1;
        uint32_t codes[128];
        uint8_t outs[128];
        size_t n = 999;
        int frc = qaward_checker_fast(&st, &e, codes, outs, 128, &n, cs[k], s, as_of);
        assert_int_equal(frc, rc);
        if (rc) {
            assert_string_equal(qaward_ctx_message(ctx), msg);
            continue;
        }
        assert_int_equal(st, qaward_verdict_status(v));
        assert_int_equal(e, qaward_verdict_earliest(v));
        size_t m = 0;
        for (size_t j = 0; j < qaward_verdict_check_count(v); j++) {
            int o = qaward_verdict_check_outcome(v, j);
            if (o != QAWARD_FAIL && o != QAWARD_UNKNOWN)
                continue;
            assert_true(m < n);
            assert_int_equal(codes[m], (uint32_t)qaward_verdict_check_code(v, j));
            assert_int_equal(outs[m], o);
            m++;
        }
        assert_int_equal(m, n);
        /* a short buffer: the count is still the full one, the first codes fill it */
        uint32_t one[2] = {0xdeadu, 0xbeefu};
        size_t n1 = 0;
        assert_int_equal(qaward_checker_fast(&st, NULL, one, NULL, 1, &n1, cs[k], s, as_of), QAWARD_OK);
        assert_int_equal(n1, n);
        if (n)
            assert_int_equal(one[0], codes[0]);
        assert_int_equal(one[1], 0xbeefu);
    }
    *rc_out = rc;
    return v;
}

/* The same through fast_many, over the memory-store checker and the plain one. */
static void rig_many(rig *r, qaward_subject *const *v, size_t n, qaward_date as_of)
{
    int *st = calloc(n + 1, sizeof *st);
    qaward_date *ea = calloc(n + 1, sizeof *ea);
    uint32_t *cnt = calloc(n + 1, sizeof *cnt);
    qaward_checker *cs[2] = {r->fast, r->fast_plain};
    for (int k = 0; k < 2; k++) {
        size_t done = 0;
        int rc = qaward_checker_fast_many(st, ea, cnt, &done, cs[k], (const qaward_subject *const *)v, n, as_of);
        for (size_t i = 0; i < done; i++) {
            int s1;
            qaward_date e1;
            size_t c1;
            assert_int_equal(qaward_checker_fast(&s1, &e1, NULL, NULL, 0, &c1, r->ref, v[i], as_of), QAWARD_OK);
            assert_int_equal(st[i], s1);
            assert_int_equal(ea[i], e1);
            assert_int_equal(cnt[i], (uint32_t)c1);
        }
        if (rc) {
            int s1;
            assert_true(done < n);
            assert_int_equal(qaward_checker_fast(&s1, NULL, NULL, NULL, 0, NULL, r->ref, v[done], as_of), rc);
        } else {
            assert_int_equal(done, n);
        }
    }
    free(st);
    free(ea);
    free(cnt);
}

/* ---- random subjects of the test policy ---------------------------------------------------- */
static const char *const E_CERTS[] = {"qms", "ems", "grade_cert", "other_cert", "alien_cert"};
static const char *const E_EVENTS[] = {"accident", "breach", "credit", "unused_kind"};
static const char *const SEV[] = {"低", "中", "高", "极"};
static const char *const LVL[] = {"C", "B", "A"};
static const char *const E_REGIONS[] = {"7701", "780199", "7802", "123456"};
static const char *const ATT_IDS[] = {"att_a", "att_b", "np_good", "big_att_1", "big_att_6", "big_att_11"};

static qaward_date edate(void)
{
    static const int LEAP[] = {1996, 2000, 2020, 2024, 2096};
    switch (rnd(30)) {
    case 0: return LEAP[rnd(5)] * 10000 + 229;        /* R1 */
    case 1: return (9996 + (int)rnd(3)) * 10000 + 101 + (int)rnd(11) * 100;  /* terms past 9999 */
    default: return (2012 + (int)rnd(18)) * 10000 + (1 + (int)rnd(12)) * 100 + 1 + (int)rnd(28);
    }
}

static void e_org_facts(qaward_subject *s, int rare)
{
    if (rnd(8))
        assert_int_equal(qaward_subject_set_region(s, ctx, E_REGIONS[rnd(4)]), 0);
    if (rnd(6))
        assert_int_equal(qaward_subject_set_legal_person(s, ctx, (int)rnd(4) != 0), 0);
    if (rnd(6))
        assert_int_equal(qaward_subject_set_for_profit(s, ctx, (int)rnd(4) != 0), 0);
    if (rnd(8))
        assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, edate()), 0);
    if (rnd(7)) {
        assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_CERTIFICATES, 1), 0);
        for (uint32_t k = rnd(5); k; k--) {
            const char *t = E_CERTS[rnd(5)];
            const char *lv = NULL;
            if (strcmp(t, "grade_cert") == 0 && rnd(5))
                lv = rare && rnd(40) == 0 ? "Z" : LVL[rnd(3)]; /* "Z": off the scale, an error both ways */
            else if (rare && rnd(60) == 0)
                lv = "X"; /* a level on a type without a scale: the general path */
            qaward_date from = edate(), to = QAWARD_DATE_NONE;
            if (rnd(3) == 0 && from / 10000 < 9990) {
                to = from + (1 + (qaward_date)rnd(5)) * 10000;
                if (to % 10000 == 229)
                    to -= 1;
            }
            assert_int_equal(qaward_subject_add_certificate(s, ctx, t, lv, from, to), 0);
        }
    }
    if (rnd(7)) {
        assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
        for (uint32_t k = rnd(4); k; k--) {
            const char *kind = E_EVENTS[rnd(4)];
            const char *g = strcmp(kind, "breach") && rnd(5) ? SEV[rnd(4)] : NULL;
            assert_int_equal(qaward_subject_add_event(s, ctx, kind, g, (int32_t)(rnd(5) == 0), edate()), 0);
        }
    }
    int32_t y0 = rnd(10) == 0 ? 9994 : 2010;
    for (int32_t y = y0; y <= y0 + 22 && y <= 9999; y++)
        if (rnd(7))
            assert_int_equal(qaward_subject_set_profit(s, ctx, y, (int64_t)rnd(6) * 1000 - 1000), 0);
    for (size_t a = 0; a < sizeof ATT_IDS / sizeof *ATT_IDS; a++)
        if (rnd(4))
            assert_int_equal(qaward_subject_set_attestation(s, ctx, ATT_IDS[a], rnd(7) != 0), 0);
}

/* Facts that pass every condition of the kind from 2016 to 2035 (R3-R6). */
static void e_good(qaward_subject *s, int org)
{
    assert_int_equal(qaward_subject_set_region(s, ctx, "7701"), 0);
    assert_int_equal(qaward_subject_set_legal_person(s, ctx, 1), 0);
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 20100101), 0);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "qms", NULL, 20100101, QAWARD_DATE_NONE), 0);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "grade_cert", "A", 20100101, QAWARD_DATE_NONE), 0);
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
    for (int32_t y = 2010; y <= 2035; y++)
        assert_int_equal(qaward_subject_set_profit(s, ctx, y, 100), 0);
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "att_a", 1), 0);
    if (org) {
        assert_int_equal(qaward_subject_set_for_profit(s, ctx, 1), 0);
        for (int j = 1; j < BIG_CONDS; j += 5) {
            char a[32];
            snprintf(a, sizeof a, "big_att_%d", j);
            assert_int_equal(qaward_subject_set_attestation(s, ctx, a, 1), 0);
        }
    }
}

static qaward_subject *e_make(size_t i)
{
    char id[32];
    snprintf(id, sizeof id, "e-%05zu", i);
    static const char *const KINDS[] = {"organization", "individual", "individual", "big"};
    const char *kind = KINDS[rnd(4)];
    qaward_subject *s;
    assert_int_equal(qaward_subject_new(&s, ctx, id, kind), 0);
    if (rnd(3) == 0) { /* passing facts, sometimes with one more event or certificate */
        qaward_subject *t = s;
        if (strcmp(kind, "individual") == 0) {
            assert_int_equal(qaward_subject_set_region(s, ctx, "7701"), 0);
            assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_QUALITY_WORK_SINCE, 20100101), 0);
            assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
            assert_int_equal(qaward_subject_set_for_profit(s, ctx, 1), 0);
            assert_int_equal(qaward_subject_set_attestation(s, ctx, "att_b", 1), 0);
            assert_int_equal(qaward_subject_employer(&t, ctx, s), 0);
        }
        e_good(t, t == s);
        if (rnd(2)) {
            const char *k = E_EVENTS[rnd(3)];
            assert_int_equal(qaward_subject_add_event(t, ctx, k, strcmp(k, "breach") ? SEV[rnd(4)] : NULL,
                                                      (int32_t)rnd(2), edate()), 0);
        } else if (rnd(2)) {
            qaward_date from = edate();
            assert_int_equal(qaward_subject_add_certificate(t, ctx, E_CERTS[rnd(3)], "C", from,
                                                            from / 10000 < 9990 && rnd(2) ? from + 20000 - (from % 10000 == 229) : 0), 0);
        }
        return s;
    }
    if (strcmp(kind, "individual") == 0) {
        if (rnd(8))
            assert_int_equal(qaward_subject_set_region(s, ctx, E_REGIONS[rnd(4)]), 0);
        if (rnd(6))
            assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_QUALITY_WORK_SINCE, edate()), 0);
        if (rnd(5))
            assert_int_equal(qaward_subject_set_for_profit(s, ctx, (int)rnd(2)), 0);
        if (rnd(7)) {
            assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
            if (rnd(3) == 0)
                assert_int_equal(qaward_subject_add_event(s, ctx, "breach", NULL, 0, edate()), 0);
        }
        for (size_t a = 0; a < 3; a++)
            if (rnd(3))
                assert_int_equal(qaward_subject_set_attestation(s, ctx, ATT_IDS[a], (int)rnd(5) != 0), 0);
        if (rnd(6)) {
            qaward_subject *e;
            assert_int_equal(qaward_subject_employer(&e, ctx, s), 0);
            e_org_facts(e, 1);
        }
    } else {
        e_org_facts(s, 1);
    }
    return s;
}

static qaward_date pick_hist_date(void)
{
    return (2012 + (int)rnd(16)) * 10000 + (1 + (int)rnd(12)) * 100 + 1 + (int)rnd(28);
}

static void e_history(qaward_memstore *ms, const char *id)
{
    static const char *const LV[] = {"gold", "plain"};
    static const char *const SK[] = {"lie", "warn", "note"};
    for (uint32_t k = rnd(3); k; k--) {
        qaward_date d = pick_hist_date();
        add_award(ms, id, LV[rnd(2)], d, rnd(3) == 0 ? d + (1 + (qaward_date)rnd(3)) * 10000 : QAWARD_DATE_NONE);
    }
    for (uint32_t k = rnd(3); k; k--) {
        qaward_date d = pick_hist_date(), from = QAWARD_DATE_NONE, until = QAWARD_DATE_NONE;
        if (rnd(4) == 0) { /* a recorded window, possibly starting later than the decision */
            from = d + (qaward_date)rnd(3) * 10000;
            until = from + (1 + (qaward_date)rnd(3)) * 10000;
        }
        add_sanction(ms, id, SK[rnd(3)], d, from, until);
    }
}

/* Day before, of and after R1/R2/R3/R7/R9 boundaries of the random dates, the
 * first days of the policy, fiscal years before year 1 (R4), and year 9999. */
static const qaward_date AS_OF[] = {10601,    20000228, 20000229, 20200101, 20231231, 20240229, 20240301,
                                    20260601, 20290101, 21000227, 21000228, 99991231};

static void r5_fast_equals_full_on_every_condition_type_and_fallback(void **state)
{
    (void)state;
    enum { N = 2400 };
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_subject **v = calloc(N, sizeof *v);
    size_t m = 0, refused = 0;
    for (size_t i = 0; i < N; i++) {
        qaward_subject *s = e_make(i);
        if (rnd(3) == 0)
            e_history(ms, qaward_subject_id(s));
        int bind = rnd(8) != 0;
        if (bind && qaward_subject_bind(s, ctx, edge) != QAWARD_OK) {
            qaward_subject_free(s);
            refused++;
            continue;
        }
        qaward_subject *e = NULL;
        if (bind && rnd(6) == 0 && strcmp(qaward_subject_kind(s), "individual") == 0 &&
            qaward_subject_employer(&e, ctx, s) == 0) /* an employer changed after binding: not bound any more */
            assert_int_equal(qaward_subject_set_legal_person(e, ctx, 1), 0);
        v[m++] = s;
    }
    assert_true(m > N / 2);
    rig with, without;
    rig_open(&with, edge, ms);
    rig_open(&without, edge, NULL);
    size_t counts[3] = {0, 0, 0}, errors = 0;
    for (size_t d = 0; d < sizeof AS_OF / sizeof *AS_OF; d++) {
        for (size_t i = 0; i < m; i++) {
            int rc;
            qaward_verdict *vd = rig_check(&with, v[i], AS_OF[d], &rc);
            if (rc)
                errors++;
            else
                counts[qaward_verdict_status(vd)]++;
            qaward_verdict_free(vd);
            vd = rig_check(&without, v[i], AS_OF[d], &rc);
            qaward_verdict_free(vd);
        }
        rig_many(&with, v, m, AS_OF[d]);
        rig_many(&without, v, m, AS_OF[d]);
    }
    fprintf(stderr, "edge policy: %zu subjects (%zu refused at bind), %zu eligible, %zu ineligible, %zu incomplete, "
                    "%zu errors\n", m, refused, counts[0], counts[1], counts[2], errors);
    assert_true(counts[0] > 0 && counts[1] > 0 && counts[2] > 0 && errors > 0);
    rig_close(&with);
    rig_close(&without);
    for (size_t i = 0; i < m; i++)
        qaward_subject_free(v[i]);
    free(v);
    qaward_memstore_free(ms);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(r5_fast_equals_full_on_every_condition_type_and_fallback),
    };
    if (qaward_ctx_new(&ctx, NULL))
        return 1;
    edge = load_policy(edge_json());
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    qaward_policy_free(edge);
    qaward_ctx_free(ctx);
    return rc;
}

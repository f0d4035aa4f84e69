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
            if (rc) {
                errors++;
            } else {
                counts[qaward_verdict_status(vd)]++;
                if ((i + d) % 5 == 0) { /* every message shape renders, in both languages */
                    char *t;
                    assert_int_equal(qaward_verdict_to_json(&t, vd, ctx), QAWARD_OK);
                    assert_non_null(strstr(t, qaward_subject_id(v[i])));
                    qaward_string_free(ctx, t);
                    for (int lang = QAWARD_LANG_EN; lang <= QAWARD_LANG_ZH; lang++) {
                        assert_int_equal(qaward_verdict_to_text(&t, vd, ctx, lang), QAWARD_OK);
                        assert_int_equal(strncmp(t, qaward_subject_id(v[i]), strlen(qaward_subject_id(v[i]))), 0);
                        assert_int_equal(strstr(t, "\n") - t < 200, 1);
                        qaward_string_free(ctx, t);
                    }
                }
            }
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


/* ---- exact values of single subjects -------------------------------------------------------- */
static qaward_verdict *check_ok(const qaward_policy *p, const qaward_subject *s, qaward_memstore *ms, qaward_date as_of)
{
    rig r;
    rig_open(&r, p, ms);
    int rc;
    qaward_verdict *v = rig_check(&r, s, as_of, &rc);
    if (rc)
        fprintf(stderr, "check: %s\n", qaward_ctx_message(ctx));
    assert_int_equal(rc, QAWARD_OK);
    rig_close(&r);
    return v;
}

static int check_err(const qaward_policy *p, const qaward_subject *s, qaward_memstore *ms, qaward_date as_of,
                     const char *msg)
{
    rig r;
    rig_open(&r, p, ms);
    int rc;
    qaward_verdict *v = rig_check(&r, s, as_of, &rc);
    assert_null(v);
    assert_int_not_equal(rc, QAWARD_OK);
    if (strcmp(qaward_ctx_message(ctx), msg) != 0)
        fprintf(stderr, "got message: %s\n", qaward_ctx_message(ctx));
    assert_string_equal(qaward_ctx_message(ctx), msg);
    rig_close(&r);
    return rc;
}

static size_t at(const qaward_verdict *v, const char *rule)
{
    for (size_t i = 0; i < qaward_verdict_check_count(v); i++)
        if (strcmp(qaward_verdict_check_rule(v, i), rule) == 0)
            return i;
    fail_msg("no check %s", rule);
    return 0;
}

/* Outcome, earliest pass date, and both messages of one check. */
static void expect(qaward_verdict *v, const char *rule, int outcome, qaward_date earliest, const char *en, const char *zh)
{
    size_t i = at(v, rule);
    assert_int_equal(qaward_verdict_check_outcome(v, i), outcome);
    assert_int_equal(qaward_verdict_check_earliest(v, i), earliest);
    const char *m_en = qaward_verdict_check_message(v, i, QAWARD_LANG_EN);
    const char *m_zh = qaward_verdict_check_message(v, i, QAWARD_LANG_ZH);
    if (en && strcmp(m_en, en) != 0)
        fprintf(stderr, "%s en: %s\n", rule, m_en);
    if (zh && strcmp(m_zh, zh) != 0)
        fprintf(stderr, "%s zh: %s\n", rule, m_zh);
    if (en)
        assert_string_equal(m_en, en);
    if (zh)
        assert_string_equal(m_zh, zh);
    assert_ptr_equal(qaward_verdict_check_message(v, i, QAWARD_LANG_EN), m_en); /* cached */
}

static void expect_facts(qaward_verdict *v, const char *rule, const char *facts)
{
    const char *f = qaward_verdict_check_facts(v, at(v, rule));
    if (strcmp(f, facts) != 0)
        fprintf(stderr, "%s facts: %s\n", rule, f);
    assert_string_equal(f, facts);
    assert_ptr_equal(qaward_verdict_check_facts(v, at(v, rule)), f); /* cached */
}

static qaward_subject *subject(const char *id, const char *kind)
{
    qaward_subject *s;
    assert_int_equal(qaward_subject_new(&s, ctx, id, kind), QAWARD_OK);
    return s;
}

/* An organisation passing every condition of the test policy 2016-2035. */
static qaward_subject *good_org(const char *id)
{
    qaward_subject *s = subject(id, "organization");
    e_good(s, 1);
    return s;
}

static void bind(qaward_subject *s, const qaward_policy *p)
{
    assert_int_equal(qaward_subject_bind(s, ctx, p), QAWARD_OK);
}

/* R1: a term starting on 29 February ends on 28 February in a common year,
 * including a century year (2100) and not in 2000 (divisible by 400). */
static void r1_feb29_terms_end_28_february_in_century_years(void **state)
{
    (void)state;
    qaward_subject *s = good_org("feb29");
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 20960229), 0);
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2098, 5), 0);
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2099, 5), 0);
    bind(s, edge);
    qaward_verdict *v = check_ok(edge, s, NULL, 21000227);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), 21000228);
    expect(v, "o_reg4", QAWARD_FAIL, 21000228, "registration date 2096-02-29: 4 year(s) are reached only on 2100-02-28",
           "登记注册日期为 2096-02-29，至 2100-02-28 方满 4 年");
    qaward_verdict_free(v);
    v = check_ok(edge, s, NULL, 21000228);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), 21000228);
    expect(v, "o_reg4", QAWARD_PASS, QAWARD_DATE_NONE,
           "registration date 2096-02-29: 4 year(s) reached on 2100-02-28, on or before 2100-02-28",
           "登记注册日期为 2096-02-29，满 4 年之日 2100-02-28 不晚于 2100-02-28");
    qaward_verdict_free(v);
    /* 2000 is a leap year: 1996-02-29 + 4 years = 2000-02-29 */
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 19960229), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20000228);
    expect(v, "o_reg4", QAWARD_FAIL, 20000229, NULL, NULL);
    qaward_verdict_free(v);
    qaward_subject_free(s);
    /* R2: an event of 2096-02-29 leaves a 4-year look-back on 2100-02-28 */
    s = good_org("feb29-event");
    assert_int_equal(qaward_subject_add_event(s, ctx, "accident", "高", 0, 20960229), 0);
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2098, 5), 0);
    assert_int_equal(qaward_subject_set_profit(s, ctx, 2099, 5), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 21000227);
    expect(v, "o_events4", QAWARD_FAIL, 21000228, "accident on 2096-02-29, grade 高; leaves the 4-year look-back on 2100-02-28",
           "accident 2096-02-29，等级高；2100-02-28 起移出 4 年回溯期");
    assert_int_equal(qaward_verdict_earliest(v), 21000228);
    qaward_verdict_free(v);
    v = check_ok(edge, s, NULL, 21000228);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    qaward_verdict_free(v);
    qaward_subject_free(s);
}

/* R3, R2: terms that would end after 9999-12-31 never pass by time alone. */
static void r3_terms_past_year_9999_are_not_time_only(void **state)
{
    (void)state;
    qaward_subject *s = subject("y9998", "organization");
    assert_int_equal(qaward_subject_set_date(s, ctx, QAWARD_DATE_REGISTRATION, 99980601), 0);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "qms", NULL, 99980101, QAWARD_DATE_NONE), 0);
    assert_int_equal(qaward_subject_add_event(s, ctx, "accident", "高", 0, 99980301), 0);
    for (int bound = 0; bound < 2; bound++) {
        if (bound)
            bind(s, edge);
        qaward_verdict *v = check_ok(edge, s, NULL, 99991231);
        assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
        assert_int_equal(qaward_verdict_earliest(v), QAWARD_DATE_NONE);
        expect(v, "o_reg4", QAWARD_FAIL, QAWARD_DATE_NONE,
               "registration date 9998-06-01: 4 year(s) are not reached by 9999-12-31",
               "登记注册日期为 9998-06-01，9999-12-31 之前不满 4 年");
        expect(v, "o_held4", QAWARD_FAIL, QAWARD_DATE_NONE,
               "QMS certificate held since 9998-01-01: 4 year(s) are not reached by 9999-12-31",
               "qms 自 9998-01-01 起连续有效，9999-12-31 之前不满 4 年");
        expect(v, "o_events4", QAWARD_FAIL, QAWARD_DATE_NONE, "accident on 9998-03-01, grade 高; no time limit",
               "accident 9998-03-01，等级高；不设期限");
        assert_non_null(strstr(qaward_verdict_check_message(v, at(v, "o_reg4"), QAWARD_LANG_EN), "9998-06-01"));
        qaward_verdict_free(v);
    }
    qaward_subject_free(s);
}

/* R2, R18: the latest disqualifying event is named, with its grade, deaths and
 * the number of them; a look-back-free rule has no time limit. */
static void r18_event_messages_grade_deaths_count(void **state)
{
    (void)state;
    qaward_subject *s = good_org("events");
    assert_int_equal(qaward_subject_add_event(s, ctx, "accident", "极", 0, 20220601), 0);
    assert_int_equal(qaward_subject_add_event(s, ctx, "accident", "高", 1, 20230105), 0);
    assert_int_equal(qaward_subject_add_event(s, ctx, "accident", "低", 0, 20230201), 0); /* below 中, no death */
    assert_int_equal(qaward_subject_add_event(s, ctx, "credit", "高", 0, 20100101), 0);
    bind(s, edge);
    qaward_verdict *v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), QAWARD_DATE_NONE); /* the credit record has no time limit */
    expect(v, "o_events4", QAWARD_FAIL, 20270105,
           "accident on 2023-01-05, grade 高, 1 death(s) (2 in all); leaves the 4-year look-back on 2027-01-05",
           "accident 2023-01-05，等级高，死亡 1 人（共 2 起）；2027-01-05 起移出 4 年回溯期");
    expect_facts(v, "o_events4",
                 "{\"event\":{\"kind\":\"accident\",\"grade\":\"高\",\"deaths\":1,\"date\":\"2023-01-05\"},\"disqualifying_events\":2}");
    expect(v, "o_credit", QAWARD_FAIL, QAWARD_DATE_NONE, "credit record on 2010-01-01, grade 高; no time limit",
           "失信 2010-01-01，等级高；不设期限");
    qaward_verdict_free(v);
    qaward_subject_free(s);

    s = good_org("ungraded");
    assert_int_equal(qaward_subject_add_event(s, ctx, "accident", NULL, 0, 20230105), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INCOMPLETE);
    expect(v, "o_events4", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "an event lacks the grade needed to decide",
           "有事件未注明等级，无法判断");
    expect_facts(v, "o_events4", "{}");
    qaward_verdict_free(v);
    qaward_subject_free(s);

    s = good_org("breach");
    assert_int_equal(qaward_subject_add_event(s, ctx, "breach", NULL, 0, 20210101), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), 20250101);
    expect(v, "o_events4", QAWARD_FAIL, 20250101, "breach on 2021-01-01; leaves the 4-year look-back on 2025-01-01",
           "违规 2021-01-01；2025-01-01 起移出 4 年回溯期");
    expect(v, "o_credit", QAWARD_PASS, QAWARD_DATE_NONE, "no disqualifying record", "无不符合条件的记录");
    qaward_verdict_free(v);
    qaward_subject_free(s);
}

/* R3: certificate runs, renewals without gap, expiry before N years; level scales. */
static void r3_certificate_messages(void **state)
{
    (void)state;
    static const struct {
        const char *type, *level;
        qaward_date from, to;
    } certs[][2] = {
        {{"qms", NULL, 20220101, 0}, {0}},
        {{"ems", NULL, 20220101, 20241231}, {0}},
        {{"qms", NULL, 20180101, 20201231}, {"ems", NULL, 20210101, 0}},
        {{"other_cert", NULL, 20100101, 0}, {"grade_cert", "C", 20200101, 0}},
        {{"grade_cert", NULL, 20200101, 0}, {0}},
        {{"qms", NULL, 20150101, 20191231}, {"grade_cert", "B", 20200101, 20221231}},
    };
    qaward_verdict *v[6];
    for (size_t i = 0; i < 6; i++) {
        char id[16];
        snprintf(id, sizeof id, "cert%zu", i);
        qaward_subject *s = subject(id, "organization");
        assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_CERTIFICATES, 1), 0);
        for (size_t k = 0; k < 2 && certs[i][k].type; k++)
            assert_int_equal(qaward_subject_add_certificate(s, ctx, certs[i][k].type, certs[i][k].level, certs[i][k].from,
                                                            certs[i][k].to), 0);
        bind(s, edge);
        v[i] = check_ok(edge, s, NULL, 20240601);
        qaward_subject_free(s);
    }
    expect(v[0], "o_held4", QAWARD_FAIL, 20260101, "QMS certificate held since 2022-01-01: 4 year(s) are reached only on 2026-01-01",
           "qms 自 2022-01-01 起连续有效，至 2026-01-01 方满 4 年");
    expect(v[0], "o_level", QAWARD_FAIL, QAWARD_DATE_NONE, "no graded certificate valid on 2024-06-01", "2024-06-01 无有效的等级证书");
    expect(v[1], "o_held4", QAWARD_FAIL, QAWARD_DATE_NONE,
           "EMS certificate held since 2022-01-01 expires on 2024-12-31, before 4 years are reached",
           "环境证书 自 2022-01-01 起有效，但于 2024-12-31 到期，满 4 年前须换证");
    expect_facts(v[1], "o_held4", "{\"certificate\":\"ems\",\"held_since\":\"2022-01-01\",\"valid_to\":\"2024-12-31\"}");
    expect(v[2], "o_held4", QAWARD_PASS, QAWARD_DATE_NONE,
           "EMS certificate held without gap since 2018-01-01: 4 year(s) reached on 2022-01-01, on or before 2024-06-01",
           "环境证书 自 2018-01-01 起连续有效，满 4 年之日 2022-01-01 不晚于 2024-06-01");
    expect_facts(v[2], "o_held4", "{\"certificate\":\"ems\",\"held_since\":\"2018-01-01\",\"valid_to\":null}");
    expect(v[3], "o_held4", QAWARD_FAIL, QAWARD_DATE_NONE, "no certificate of the listed types is valid on 2024-06-01",
           "2024-06-01 无有效的所列管理体系认证证书");
    expect_facts(v[3], "o_held4", "{\"certificate\":null}");
    expect(v[3], "o_level", QAWARD_FAIL, QAWARD_DATE_NONE, "graded certificate level C is below B", "等级证书等级为C，低于B");
    expect(v[4], "o_level", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "a certificate lacks its level", "证书未注明等级，无法判断");
    expect_facts(v[4], "o_level", "{\"certificate\":\"grade_cert\",\"level\":null}");
    /* listed certificates, none valid on the date */
    expect(v[5], "o_held4", QAWARD_FAIL, QAWARD_DATE_NONE, "no certificate of the listed types is valid on 2024-06-01",
           "2024-06-01 无有效的所列管理体系认证证书");
    expect(v[5], "o_level", QAWARD_FAIL, QAWARD_DATE_NONE, "no graded certificate valid on 2024-06-01", NULL);
    for (size_t i = 0; i < 6; i++)
        qaward_verdict_free(v[i]);
    /* unknown certificates */
    qaward_subject *s = subject("nocerts", "organization");
    bind(s, edge);
    qaward_verdict *u = check_ok(edge, s, NULL, 20240601);
    expect(u, "o_held4", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the certificates are not known", "未提供证书情况");
    expect_facts(u, "o_held4", "{}");
    expect(u, "o_level", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the certificates are not known", "未提供证书情况");
    expect(u, "o_region", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the region code is not known", "未提供行政区划代码");
    expect(u, "o_reg4", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the registration date is not known", "未提供登记注册日期");
    expect(u, "o_events4", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the event record is not known", "未提供事件记录");
    expect(u, "o_profit", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "whether the organisation is for-profit is not known",
           "未知是否为营利性组织，无法判断本条是否适用");
    qaward_verdict_free(u);
    /* R5: marking a list unknown again keeps it known while it has entries */
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "qms", NULL, 20100101, QAWARD_DATE_NONE), 0);
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_CERTIFICATES, 0), 0);
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 1), 0);
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 0), 0);
    bind(s, edge);
    u = check_ok(edge, s, NULL, 20240601);
    expect(u, "o_held4", QAWARD_PASS, QAWARD_DATE_NONE, NULL, NULL);
    expect(u, "o_events4", QAWARD_UNKNOWN, QAWARD_DATE_NONE, NULL, NULL);
    qaward_verdict_free(u);
    assert_int_equal(qaward_subject_add_event(s, ctx, "unused_kind", NULL, 0, 20200101), 0);
    assert_int_equal(qaward_subject_set_known(s, ctx, QAWARD_LIST_EVENTS, 0), 0);
    bind(s, edge);
    u = check_ok(edge, s, NULL, 20240601);
    expect(u, "o_events4", QAWARD_PASS, QAWARD_DATE_NONE, "no disqualifying event within 4 years before 2024-06-01",
           "近 4 年内（2024-06-01 前）无不符合条件的事件");
    qaward_verdict_free(u);
    qaward_subject_free(s);
}

/* Art. 10(2), 10(5): flags, region, attestations (R6) and the one-language
 * fallbacks of titles and citations. */
static void r6_flags_region_attestations_and_language_fallbacks(void **state)
{
    (void)state;
    qaward_subject *s = subject("flags", "organization");
    assert_int_equal(qaward_subject_set_legal_person(s, ctx, 0), 0);
    assert_int_equal(qaward_subject_set_for_profit(s, ctx, 0), 0);
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "att_a", 0), 0);
    assert_int_equal(qaward_subject_set_region(s, ctx, "123456"), 0);
    bind(s, edge);
    qaward_verdict *v = check_ok(edge, s, NULL, 20240601);
    expect(v, "o_legal", QAWARD_FAIL, QAWARD_DATE_NONE, "legal person: no", "法人资格：否");
    expect(v, "o_forprofit", QAWARD_FAIL, QAWARD_DATE_NONE, "for-profit: no", "营利性：否");
    expect_facts(v, "o_forprofit", "{\"for_profit\":false}");
    assert_string_equal(qaward_verdict_check_threshold(v, at(v, "o_forprofit")), "{\"for_profit\":true}");
    expect(v, "o_profit", QAWARD_NOT_APPLICABLE, QAWARD_DATE_NONE, "applies to for-profit organisations only",
           "仅适用于从事生产、经营活动的组织");
    expect(v, "o_np", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "no attestation yet on \"\" (np_good)", "尚无评审机构关于“”的认定（np_good）");
    expect(v, "o_att", QAWARD_FAIL, QAWARD_DATE_NONE, "the reviewing body does not attest \"attested A\"",
           "评审机构认定不符合“attested A”");
    expect(v, "o_region", QAWARD_FAIL, QAWARD_DATE_NONE, "region code 123456 is outside test area (prefixes 77, 7801)",
           "行政区划代码 123456 不属于测试区（代码前缀 77, 7801）");
    /* a citation in one language serves both */
    assert_string_equal(qaward_verdict_check_citation(v, at(v, "o_region"), QAWARD_LANG_EN), "第一条");
    assert_string_equal(qaward_verdict_check_citation(v, at(v, "o_legal"), QAWARD_LANG_ZH), "Art. 1(2)");
    char *json;
    assert_int_equal(qaward_verdict_to_json(&json, v, ctx), QAWARD_OK);
    assert_non_null(strstr(json, "\"zh\": \"第二十一条\",\n        \"en\": \"第二十一条\""));
    assert_non_null(strstr(json, "\"zh\": \"Art. 1(2)\",\n        \"en\": \"Art. 1(2)\""));
    qaward_string_free(ctx, json);
    qaward_verdict_free(v);
    assert_int_equal(qaward_subject_set_for_profit(s, ctx, 1), 0);
    assert_int_equal(qaward_subject_set_legal_person(s, ctx, 1), 0);
    assert_int_equal(qaward_subject_set_region(s, ctx, "780123"), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20240601);
    expect(v, "o_forprofit", QAWARD_PASS, QAWARD_DATE_NONE, "for-profit: yes", "营利性：是");
    expect(v, "o_legal", QAWARD_PASS, QAWARD_DATE_NONE, "legal person: yes", "法人资格：是");
    expect(v, "o_np", QAWARD_NOT_APPLICABLE, QAWARD_DATE_NONE, "applies to non-profit organisations only",
           "仅适用于从事非营利性业务的组织");
    expect(v, "o_region", QAWARD_PASS, QAWARD_DATE_NONE, "region code 780123 is within test area (prefixes 77, 7801)", NULL);
    expect(v, "o_profit", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "net profit for fiscal year 2022 is not known", "缺少 2022 财年净利润");
    qaward_verdict_free(v);
    qaward_subject_free(s);
}


/* R7, R8: the wait runs from the award date; this policy ignores an award
 * revoked on or before the as-of date ("revoked_counts": false). R9-R11: bans
 * by years from the decision, a revoking finding without a ban, a bare one. */
static void r7_r9_waits_and_bans_from_the_store(void **state)
{
    (void)state;
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    add_award(ms, "w1", "gold", 20200501, 20230101);
    add_award(ms, "w2", "gold", 20200501, QAWARD_DATE_NONE);
    add_award(ms, "w2", "plain", 20210501, QAWARD_DATE_NONE);
    add_sanction(ms, "b1", "lie", 20200310, 0, 0);
    add_sanction(ms, "b1", "lie", 20190101, 0, 0);
    add_sanction(ms, "b1", "warn", 20210505, 0, 0);
    add_sanction(ms, "b1", "note", 20210606, 0, 0);
    add_sanction(ms, "b2", "lie", 20200101, 20250101, 20260101); /* a recorded window starting later */
    qaward_subject *w1 = good_org("w1"), *w2 = good_org("w2"), *b1 = good_org("b1"), *b2 = good_org("b2");
    bind(w1, edge);
    bind(w2, edge);
    bind(b1, edge);

    qaward_verdict *v = check_ok(edge, w1, ms, 20220601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), 20240501);
    expect(v, "wait_gold", QAWARD_FAIL, 20240501,
           "gold award won on 2020-05-01 (revoked; the wait still applies); may apply again from 2024-05-01",
           "2020-05-01 获得金奖（已撤销，仍须等待），2024-05-01 起方可重新申报");
    expect_facts(v, "wait_gold",
                 "{\"level\":\"gold\",\"award_date\":\"2020-05-01\",\"revoked_on\":\"2023-01-01\",\"may_apply_from\":\"2024-05-01\"}");
    assert_string_equal(qaward_verdict_check_threshold(v, at(v, "wait_gold")),
                        "{\"level\":\"gold\",\"length\":4,\"unit\":\"years\",\"count\":\"from_date\"}");
    qaward_verdict_free(v);
    v = check_ok(edge, w1, ms, 20230601); /* revoked before the as-of date: ignored */
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    expect(v, "wait_gold", QAWARD_PASS, QAWARD_DATE_NONE, "no gold award on record", "无获得金奖的记录");
    qaward_verdict_free(v);

    v = check_ok(edge, w2, ms, 20240430);
    expect(v, "wait_gold", QAWARD_FAIL, 20240501, "gold award won on 2020-05-01; may apply again from 2024-05-01",
           "2020-05-01 获得金奖，2024-05-01 起方可重新申报");
    qaward_verdict_free(v);
    v = check_ok(edge, w2, ms, 20240501);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    expect(v, "wait_gold", QAWARD_PASS, QAWARD_DATE_NONE, "gold award won on 2020-05-01; may apply again from 2024-05-01",
           "2020-05-01 获得金奖，自 2024-05-01 起可重新申报");
    qaward_verdict_free(v);

    v = check_ok(edge, b1, ms, 20230309);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), 20230310);
    expect(v, "ban_lie", QAWARD_FAIL, 20230310, "finding of lying on 2020-03-10: applications refused until 2023-03-10 (exclusive)",
           "2020-03-10 认定“虚假”，2023-03-10 前不予受理申报");
    expect_facts(v, "ban_lie", "{\"findings\":2,\"decided_on\":\"2020-03-10\",\"ban_until\":\"2023-03-10\",\"revokes_award_date\":null}");
    qaward_verdict_free(v);
    v = check_ok(edge, b1, ms, 20230310);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    expect(v, "ban_lie", QAWARD_PASS, QAWARD_DATE_NONE, "finding of lying on 2020-03-10: the ban ended on 2023-03-10",
           "2020-03-10 认定“虚假”，不予受理期已于 2023-03-10 结束");
    expect(v, "ban_warn", QAWARD_PASS, QAWARD_DATE_NONE, "finding of warning on 2021-05-05, the award is revoked; no ban on applying",
           "2021-05-05 认定“警告”，取消其奖励；不限制申报");
    assert_string_equal(qaward_verdict_check_threshold(v, at(v, "ban_warn")),
                        "{\"sanction\":\"warn\",\"ban_length\":null,\"revokes\":true}");
    /* a finding kind the policy leaves unnamed is shown by its id */
    expect(v, "ban_note", QAWARD_PASS, QAWARD_DATE_NONE, "finding of note on 2021-06-06; no ban on applying",
           "2021-06-06 认定“note”；不限制申报");
    qaward_verdict_free(v);
    v = check_ok(edge, w1, ms, 20230310);
    expect(v, "ban_lie", QAWARD_PASS, QAWARD_DATE_NONE, "no finding of lying", "无“虚假”记录");
    expect_facts(v, "ban_lie", "{\"findings\":0}");
    qaward_verdict_free(v);

    /* A recorded window that has not begun: no ban yet (R9), and the text says so. */
    for (int bound = 0; bound < 2; bound++) {
        if (bound)
            bind(b2, edge);
        v = check_ok(edge, b2, ms, 20240601);
        assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
        expect(v, "ban_lie", QAWARD_PASS, QAWARD_DATE_NONE,
               "finding of lying on 2020-01-01: the ban until 2026-01-01 has not begun on 2024-06-01",
               "2020-01-01 认定“虚假”，不予受理期至 2026-01-01，于 2024-06-01 尚未开始");
        qaward_verdict_free(v);
        v = check_ok(edge, b2, ms, 20250101);
        expect(v, "ban_lie", QAWARD_FAIL, 20260101, "finding of lying on 2020-01-01: applications refused until 2026-01-01 (exclusive)",
               NULL);
        qaward_verdict_free(v);
    }

    /* Windows past 9999 and records the policy does not know are errors, both ways. */
    qaward_memstore *bad;
    assert_int_equal(qaward_memstore_new(&bad, ctx), 0);
    add_award(bad, "w1", "gold", 99970101, QAWARD_DATE_NONE);
    add_sanction(bad, "w2", "lie", 99980101, 0, 0);
    add_sanction(bad, "b1", "zzz", 20200101, 0, 0);
    add_award(bad, "b2", "bronze", 20200101, QAWARD_DATE_NONE);
    assert_int_equal(check_err(edge, w1, bad, 99991231, "wait wait_gold: award of 99970101 ends after year 9999"), QAWARD_ERANGE);
    assert_int_equal(check_err(edge, w2, bad, 99991231, "sanction lie of 99980101: ban ends after year 9999"), QAWARD_ERANGE);
    assert_int_equal(check_err(edge, b1, bad, 20240601,
                               "history of b1: sanction kind \"zzz\" is not a sanction kind of policy edge-test"), QAWARD_EINVAL);
    assert_int_equal(check_err(edge, b2, bad, 20240601, "history of b2: award level \"bronze\" is not a level of policy edge-test"),
                     QAWARD_EINVAL);
    qaward_memstore_free(bad);
    qaward_subject_free(w1);
    qaward_subject_free(w2);
    qaward_subject_free(b1);
    qaward_subject_free(b2);
    qaward_memstore_free(ms);
}


/* R17 / Art. 26: before the policy is in force every entry point refuses, the
 * fast ones through the general path; fiscal years before year 1 are unknown (R4). */
static void r17_not_in_force_and_fiscal_years_before_year_one(void **state)
{
    (void)state;
    qaward_subject *s = good_org("early");
    bind(s, edge);
    const char *msg = "no policy in force on 0001-01-01: policy edge-test is in force from 0001-01-02 (validity)";
    assert_int_equal(check_err(edge, s, NULL, 10101, msg), QAWARD_ENOPOLICY);
    qaward_checker *c;
    assert_int_equal(qaward_checker_new(&c, ctx, edge, NULL), QAWARD_OK);
    const qaward_subject *one[1] = {s};
    int st = -1;
    size_t done = 9;
    assert_int_equal(qaward_checker_fast_many(&st, NULL, NULL, &done, c, one, 1, 10101), QAWARD_ENOPOLICY);
    assert_int_equal(done, 0);
    assert_string_equal(qaward_ctx_message(ctx), "subjects[0] early: no policy in force on 0001-01-01: policy edge-test is "
                                                 "in force from 0001-01-02 (validity)");
    assert_int_equal(qaward_checker_fast_many(&st, NULL, NULL, &done, c, one, 1, 20230229), QAWARD_EINVAL);
    assert_string_equal(qaward_ctx_message(ctx), "subjects[0] early: check: invalid as-of date 20230229");
    qaward_checker_free(c);
    qaward_verdict *v = check_ok(edge, s, NULL, 10601);
    expect(v, "o_profit", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "net profit for fiscal year -1 is not known", "缺少 -1 财年净利润");
    expect_facts(v, "o_profit", "{\"net_profit_fen\":{\"-1\":null,\"0\":null}}");
    qaward_verdict_free(v);
    qaward_subject_free(s);
}

/* qaward_checker_fast / _fast_many argument handling and the prefetch paths:
 * unbound subjects, subjects bound elsewhere, a NULL in the list, an empty
 * memory store, a store that is not the memory store. */
static void r5_fast_entry_points_arguments_and_mixed_lists(void **state)
{
    (void)state;
    qaward_checker *c;
    assert_int_equal(qaward_checker_new(&c, ctx, edge, NULL), QAWARD_OK);
    qaward_subject *s = good_org("args");
    bind(s, edge);
    int st = -1;
    uint32_t codes[4];
    assert_int_equal(qaward_checker_fast(NULL, NULL, NULL, NULL, 0, NULL, NULL, s, 20240601), QAWARD_EINVAL);
    assert_int_equal(qaward_checker_fast(NULL, NULL, NULL, NULL, 0, NULL, c, s, 20240601), QAWARD_EINVAL);
    assert_string_equal(qaward_ctx_message(ctx), "checker_fast: status is NULL, or codes is NULL with cap > 0");
    assert_int_equal(qaward_checker_fast(&st, NULL, NULL, NULL, 2, NULL, c, s, 20240601), QAWARD_EINVAL);
    assert_int_equal(qaward_checker_fast(&st, NULL, NULL, NULL, 0, NULL, c, s, 20240601), QAWARD_OK);
    assert_int_equal(st, QAWARD_ELIGIBLE);
    assert_int_equal(qaward_checker_fast(&st, NULL, codes, NULL, 4, NULL, c, NULL, 20240601), QAWARD_EINVAL);
    assert_string_equal(qaward_ctx_message(ctx), "check: subject is NULL");
    assert_int_equal(qaward_checker_fast(&st, NULL, codes, NULL, 4, NULL, c, s, 20250230), QAWARD_EINVAL);
    assert_string_equal(qaward_ctx_message(ctx), "check: invalid as-of date 20250230");
    qaward_checker_free(c);

    /* 14 subjects: bound, unbound, bound to another policy, histories or not */
    qaward_policy *jian;
    assert_int_equal(qaward_policy_builtin(&jian, ctx, "jian-2023"), QAWARD_OK);
    qaward_memstore *ms, *empty;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    assert_int_equal(qaward_memstore_new(&empty, ctx), 0);
    qaward_subject *v[14];
    for (size_t i = 0; i < 14; i++) {
        char id[16];
        snprintf(id, sizeof id, "mix%02zu", i);
        v[i] = good_org(id);
        if (i % 3 == 0)
            add_award(ms, id, "gold", 20210101 + (qaward_date)i, QAWARD_DATE_NONE);
        if (i % 4 != 1)
            bind(v[i], i % 7 == 3 ? jian : edge);
    }
    qaward_memstore *stores[3] = {ms, empty, NULL};
    for (int k = 0; k < 3; k++) {
        rig r;
        rig_open(&r, edge, stores[k]);
        rig_many(&r, v, 14, 20240601);
        rig_many(&r, v, 14, 20250101);
        /* a NULL in the list stops there, naming it */
        qaward_subject *w[14];
        memcpy(w, v, sizeof w);
        w[9] = NULL;
        int sts[14];
        qaward_date ear[14];
        size_t done = 99;
        assert_int_equal(qaward_checker_fast_many(sts, ear, NULL, &done, r.fast, (const qaward_subject *const *)w, 14, 20240601),
                         QAWARD_EINVAL);
        assert_int_equal(done, 9);
        assert_string_equal(qaward_ctx_message(ctx), "checker_fast_many: subjects[9] is NULL");
        for (size_t i = 0; i < 9; i++) {
            qaward_date e;
            assert_int_equal(qaward_checker_fast(&st, &e, NULL, NULL, 0, NULL, r.ref, v[i], 20240601), QAWARD_OK);
            assert_int_equal(sts[i], st);
            assert_int_equal(ear[i], e);
        }
        rig_close(&r);
    }
    /* an error message longer than the context's buffer keeps the prefix */
    char longid[700];
    memset(longid, 'x', sizeof longid - 1);
    longid[sizeof longid - 1] = '\0';
    qaward_subject *lg = subject(longid, "nope");
    const qaward_subject *one[1] = {lg};
    assert_int_equal(qaward_checker_new(&c, ctx, edge, NULL), QAWARD_OK);
    assert_int_equal(qaward_checker_fast_many(&st, NULL, NULL, NULL, c, one, 1, 20240601), QAWARD_EINVAL);
    assert_int_equal(strncmp(qaward_ctx_message(ctx), "subjects[0] xxxxxxxx", 20), 0);
    assert_int_equal(strlen(qaward_ctx_message(ctx)), 511);
    qaward_checker_free(c);
    qaward_subject_free(lg);
    for (size_t i = 0; i < 14; i++)
        qaward_subject_free(v[i]);
    qaward_subject_free(s);
    qaward_memstore_free(ms);
    qaward_memstore_free(empty);
    qaward_policy_free(jian);
}

/* Subjects off the compact block take the general path and still agree (R5):
 * more than 64 conditions, 65,536 events or certificates, more than 255
 * attestation ids, an employer of a kind the policy lacks, a level on a type
 * without a scale or off its scale, an employer changed or missing. */
static void r5_compact_block_fallbacks_equal_full(void **state)
{
    (void)state;
    /* "big": 70 conditions; a breach fails the 14 look-back conditions, the
     * longest (6 years) decides the earliest date */
    qaward_subject *s = subject("big1", "big");
    e_good(s, 1);
    bind(s, edge);
    qaward_verdict *v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    assert_int_equal(qaward_verdict_check_count(v), BIG_CONDS + 4);
    qaward_verdict_free(v);
    assert_int_equal(qaward_subject_add_event(s, ctx, "breach", NULL, 0, 20240101), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), 20300101);
    expect(v, "big_23", QAWARD_FAIL, 20300101, NULL, NULL);
    expect(v, "big_18", QAWARD_FAIL, 20250101, NULL, NULL);
    qaward_verdict_free(v);
    qaward_subject_free(s);

    /* 65,536 events / certificates: more than the block's 16-bit counts */
    s = good_org("many-events");
    for (int i = 0; i < 65536; i++)
        assert_int_equal(qaward_subject_add_event(s, ctx, "unused_kind", NULL, 0, 20150101), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    qaward_verdict_free(v);
    assert_int_equal(qaward_subject_add_event(s, ctx, "breach", NULL, 0, 20230101), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_earliest(v), 20270101);
    qaward_verdict_free(v);
    qaward_subject_free(s);
    s = good_org("many-certs");
    for (int i = 0; i < 65535; i++)
        assert_int_equal(qaward_subject_add_certificate(s, ctx, "ems", NULL, 20220101, 20221231), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    qaward_verdict_free(v);
    qaward_subject_free(s);

    /* a level on a certificate type without a scale; a level off the scale */
    s = good_org("lvl-x");
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "qms", "X", 20100101, QAWARD_DATE_NONE), 0);
    bind(s, edge);
    v = check_ok(edge, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    qaward_verdict_free(v);
    assert_int_equal(qaward_subject_add_certificate(s, ctx, "grade_cert", "Z", 20230101, QAWARD_DATE_NONE), 0);
    bind(s, edge);
    assert_int_equal(check_err(edge, s, NULL, 20240601,
                               "subject lvl-x: certificate grade_cert: level \"Z\" is not on scale \"lvl\" of policy edge-test"),
                     QAWARD_EINVAL);
    qaward_subject_free(s);

    /* individuals: employer facts on every condition type */
    qaward_subject *p = subject("ind", "individual"), *e;
    assert_int_equal(qaward_subject_set_region(p, ctx, "7701"), 0);
    assert_int_equal(qaward_subject_set_date(p, ctx, QAWARD_DATE_QUALITY_WORK_SINCE, 20100101), 0);
    assert_int_equal(qaward_subject_set_known(p, ctx, QAWARD_LIST_EVENTS, 1), 0);
    assert_int_equal(qaward_subject_set_attestation(p, ctx, "att_b", 1), 0);
    assert_int_equal(qaward_subject_set_for_profit(p, ctx, 1), 0);
    bind(p, edge);
    v = check_ok(edge, p, NULL, 20240601); /* no employer */
    assert_int_equal(qaward_verdict_status(v), QAWARD_INCOMPLETE);
    expect(v, "i_emp_held", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the employer's facts are missing", "缺少所属组织的情况");
    expect_facts(v, "i_emp_held", "{\"employer\":null}");
    assert_string_equal(qaward_verdict_check_threshold(v, at(v, "i_emp_held")),
                        "{\"on\":\"employer\",\"years\":4,\"certificates\":[\"qms\"]}");
    qaward_verdict_free(v);
    assert_int_equal(qaward_subject_employer(&e, ctx, p), 0);
    assert_int_equal(qaward_subject_set_region(e, ctx, "7701"), 0);
    bind(p, edge);
    v = check_ok(edge, p, NULL, 20240601); /* an employer with almost nothing known */
    assert_int_equal(qaward_verdict_status(v), QAWARD_INCOMPLETE);
    expect(v, "i_emp_region", QAWARD_PASS, QAWARD_DATE_NONE, NULL, NULL);
    expect(v, "i_emp_held", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the certificates are not known", NULL);
    expect(v, "i_emp_events", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the event record is not known", NULL);
    expect(v, "i_emp_legal", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "legal person is not known", "未提供“法人资格”");
    expect(v, "i_emp_reg4", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "the registration date is not known", NULL);
    expect(v, "i_emp_att", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "no attestation yet on \"\" (att_a)", NULL);
    expect(v, "i_emp_fp", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "for-profit is not known", NULL);
    expect(v, "i_emp_profit", QAWARD_UNKNOWN, QAWARD_DATE_NONE, "net profit for fiscal year 2022 is not known", NULL);
    qaward_verdict_free(v);
    e_good(e, 0);
    assert_int_equal(qaward_subject_set_for_profit(e, ctx, 1), 0);
    bind(p, edge);
    v = check_ok(edge, p, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    qaward_verdict_free(v);
    assert_int_equal(qaward_subject_add_event(e, ctx, "accident", "中", 0, 20230301), 0); /* unbinds the employer only */
    v = check_ok(edge, p, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), 20270301);
    qaward_verdict_free(v);
    assert_int_equal(qaward_subject_set_legal_person(e, ctx, 0), 0);
    assert_int_equal(qaward_subject_set_for_profit(e, ctx, 0), 0);
    assert_int_equal(qaward_subject_set_attestation(e, ctx, "att_a", 0), 0);
    assert_int_equal(qaward_subject_set_region(e, ctx, "123456"), 0);
    assert_int_equal(qaward_subject_set_date(e, ctx, QAWARD_DATE_REGISTRATION, 20220101), 0);
    bind(p, edge);
    v = check_ok(edge, p, NULL, 20240601);
    expect(v, "i_emp_legal", QAWARD_FAIL, QAWARD_DATE_NONE, NULL, NULL);
    expect(v, "i_emp_fp", QAWARD_FAIL, QAWARD_DATE_NONE, NULL, NULL);
    expect(v, "i_emp_att", QAWARD_FAIL, QAWARD_DATE_NONE, NULL, NULL);
    expect(v, "i_emp_region", QAWARD_FAIL, QAWARD_DATE_NONE, NULL, NULL);
    expect(v, "i_emp_reg4", QAWARD_FAIL, 20260101, NULL, NULL);
    expect(v, "i_emp_events", QAWARD_FAIL, 20270301, NULL, NULL);
    qaward_verdict_free(v);
    qaward_subject_free(p);

    /* more than 255 attestation ids; an employer whose kind the policy lacks */
    qaward_policy *many = load_policy(many_att_json());
    p = subject("many-p", "person");
    assert_int_equal(qaward_subject_set_attestation(p, ctx, "p_att", 1), 0);
    assert_int_equal(qaward_subject_employer(&e, ctx, p), 0);
    assert_int_equal(qaward_subject_set_known(e, ctx, QAWARD_LIST_EVENTS, 1), 0);
    assert_int_equal(qaward_subject_add_event(e, ctx, "breach", NULL, 0, 20230101), 0);
    bind(p, many);
    v = check_ok(many, p, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INELIGIBLE);
    assert_int_equal(qaward_verdict_earliest(v), 20250101);
    qaward_verdict_free(v);
    qaward_subject_free(p);
    s = subject("many-k3", "k3");
    for (int j = 0; j < 52; j++) {
        char a[32];
        snprintf(a, sizeof a, "a_3_%d", j);
        assert_int_equal(qaward_subject_set_attestation(s, ctx, a, 1), 0);
    }
    bind(s, many);
    v = check_ok(many, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_ELIGIBLE);
    qaward_verdict_free(v);
    assert_int_equal(qaward_subject_set_attestation(s, ctx, "a_3_51", -1), 0);
    bind(s, many);
    v = check_ok(many, s, NULL, 20240601);
    assert_int_equal(qaward_verdict_status(v), QAWARD_INCOMPLETE);
    expect(v, "c51", QAWARD_UNKNOWN, QAWARD_DATE_NONE, NULL, NULL);
    qaward_verdict_free(v);
    qaward_subject_free(s);
    qaward_policy_free(many);
}

/* R18: binding and the unbound check name an event kind or grade the policy
 * does not know, on the subject and on its employer, with the same message. */
static void r18_bind_and_check_refuse_unknown_event_kinds_and_grades(void **state)
{
    (void)state;
    static const struct {
        const char *kind, *grade;
        int employer;
        const char *msg;
    } cases[] = {
        {"breach", "高", 0, "subject g: events[0]: event kind \"breach\" takes no grade (got \"高\")"},
        {"accident", "Q", 0, "subject g: events[0].grade \"Q\" is not on scale \"sev\" of policy edge-test"},
        {"meteor", NULL, 0, "subject g: events[0].kind \"meteor\" is not an event kind of policy edge-test"},
        {"breach", "高", 1, "subject g: employer.events[0]: event kind \"breach\" takes no grade (got \"高\")"},
        {"accident", "Q", 1, "subject g: employer.events[0].grade \"Q\" is not on scale \"sev\" of policy edge-test"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        qaward_subject *s = subject("g", "individual"), *t = s;
        if (cases[i].employer)
            assert_int_equal(qaward_subject_employer(&t, ctx, s), 0);
        assert_int_equal(qaward_subject_add_event(t, ctx, cases[i].kind, cases[i].grade, 0, 20230101), 0);
        assert_int_equal(check_err(edge, s, NULL, 20240601, cases[i].msg), QAWARD_EINVAL);
        assert_int_equal(qaward_subject_bind(s, ctx, edge), QAWARD_EINVAL);
        assert_string_equal(qaward_ctx_message(ctx), cases[i].msg);
        assert_int_equal(check_err(edge, s, NULL, 20240601, cases[i].msg), QAWARD_EINVAL); /* not bound */
        qaward_subject_free(s);
    }
}

/* An allocator that can be told to fail. */
static int fail_now;
static void *t_malloc(void *o, size_t n) { (void)o; return fail_now ? NULL : malloc(n); }
static void *t_realloc(void *o, void *p, size_t n) { (void)o; return fail_now ? NULL : realloc(p, n); }
static void t_free(void *o, void *p) { (void)o; free(p); }

/* The fast path's history read: out of memory and a failing store come back
 * unchanged, and the next call succeeds. */
static void r5_fast_history_read_failures(void **state)
{
    (void)state;
    qaward_allocator a = {QAWARD_ALLOCATOR_VERSION, NULL, t_malloc, t_realloc, t_free};
    qaward_ctx *c2;
    fail_now = 1;
    assert_int_equal(qaward_ctx_new(&c2, &a), QAWARD_ENOMEM);
    fail_now = 0;
    assert_int_equal(qaward_ctx_new(&c2, &a), QAWARD_OK);
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, c2), 0);
    add_award(ms, "h-award", "gold", 20200101, QAWARD_DATE_NONE);
    add_sanction(ms, "h-sanction", "lie", 20200101, 0, 0);
    qaward_store st;
    assert_int_equal(qaward_memstore_as_store(&st, ms), 0);
    const char *ids[2] = {"h-sanction", "h-award"};
    for (int k = 0; k < 2; k++) {
        qaward_subject *s;
        assert_int_equal(qaward_subject_new(&s, c2, ids[k], "organization"), 0);
        assert_int_equal(qaward_subject_bind(s, c2, edge), 0);
        qaward_checker *c;
        assert_int_equal(qaward_checker_new(&c, c2, edge, &st), 0);
        int status = -1;
        size_t done = 9;
        const qaward_subject *one[1] = {s};
        fail_now = 1;
        assert_int_equal(qaward_checker_fast(&status, NULL, NULL, NULL, 0, NULL, c, s, 20210101), QAWARD_ENOMEM);
        assert_int_equal(qaward_checker_fast_many(&status, NULL, NULL, &done, c, one, 1, 20210101), QAWARD_ENOMEM);
        assert_int_equal(done, 0);
        assert_int_equal(status, -1);
        fail_now = 0;
        assert_int_equal(qaward_checker_fast(&status, NULL, NULL, NULL, 0, NULL, c, s, 20210101), QAWARD_OK);
        assert_int_equal(status, QAWARD_INELIGIBLE);
        qaward_checker_free(c);
        qaward_subject_free(s);
    }
    /* a store other than the memory store failing its read */
    fwd f;
    qaward_store plain;
    fwd_make(&f, &plain, &st);
    f.fail_read = -7777;
    qaward_checker *c;
    assert_int_equal(qaward_checker_new(&c, ctx, edge, &plain), 0);
    qaward_subject *s = good_org("h-award");
    bind(s, edge);
    int status = -1;
    assert_int_equal(qaward_checker_fast(&status, NULL, NULL, NULL, 0, NULL, c, s, 20210101), -7777);
    assert_string_equal(qaward_ctx_message(ctx), "store read_fn failed for subject \"h-award\" (returned -7777)");
    f.fail_read = 0;
    qaward_date e;
    assert_int_equal(qaward_checker_fast(&status, &e, NULL, NULL, 0, NULL, c, s, 20210101), QAWARD_OK);
    assert_int_equal(status, QAWARD_INELIGIBLE);
    assert_int_equal(e, 20240101); /* R7: 4 years from 2020-01-01 */
    qaward_checker_free(c);
    qaward_subject_free(s);
    qaward_memstore_free(ms);
    qaward_ctx_free(c2);
}

/* Getters of a verdict: NULL, an index past the end, names of unknown codes. */
static void verdict_getters_outside_range(void **state)
{
    (void)state;
    qaward_subject *s = good_org("get");
    qaward_verdict *v = check_ok(edge, s, NULL, 20240601);
    size_t n = qaward_verdict_check_count(v);
    assert_int_equal(n, 15);
    assert_string_equal(qaward_verdict_kind(v), "organization");
    assert_int_equal(qaward_verdict_as_of(v), 20240601);
    assert_string_equal(qaward_verdict_check_type(v, O_FORPROFIT), "flag");
    assert_string_equal(qaward_verdict_check_type(v, O_WAIT), "wait");
    assert_string_equal(qaward_verdict_check_type(v, O_BAN_NOTE), "ban");
    const qaward_verdict *nv = NULL;
    assert_string_equal(qaward_verdict_kind(nv), "");
    assert_int_equal(qaward_verdict_as_of(nv), QAWARD_DATE_NONE);
    assert_int_equal(qaward_verdict_earliest(nv), QAWARD_DATE_NONE);
    assert_int_equal(qaward_verdict_check_count(nv), 0);
    assert_string_equal(qaward_verdict_subject_id(nv), "");
    assert_int_equal(qaward_verdict_status(nv), QAWARD_EINVAL);
    for (int k = 0; k < 2; k++) {
        const qaward_verdict *x = k ? v : NULL;
        size_t i = k ? n : 0;
        assert_null(qaward_verdict_check_rule(x, i));
        assert_int_equal(qaward_verdict_check_code(x, i), -1);
        assert_null(qaward_verdict_check_type(x, i));
        assert_null(qaward_verdict_check_citation(x, i, QAWARD_LANG_ZH));
        assert_int_equal(qaward_verdict_check_outcome(x, i), QAWARD_EINVAL);
        assert_int_equal(qaward_verdict_check_earliest(x, i), QAWARD_DATE_NONE);
        assert_null(qaward_verdict_check_message(k ? v : NULL, i, QAWARD_LANG_EN));
        assert_null(qaward_verdict_check_facts(k ? v : NULL, i));
        assert_null(qaward_verdict_check_threshold(k ? v : NULL, i));
    }
    assert_string_equal(qaward_verdict_status_name(3), "invalid");
    assert_string_equal(qaward_verdict_status_name(-1), "invalid");
    assert_string_equal(qaward_outcome_name(4), "invalid");
    assert_string_equal(qaward_outcome_name(QAWARD_NOT_APPLICABLE), "not_applicable");
    qaward_verdict_free(v);
    qaward_subject_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(r5_fast_equals_full_on_every_condition_type_and_fallback),
        cmocka_unit_test(r1_feb29_terms_end_28_february_in_century_years),
        cmocka_unit_test(r3_terms_past_year_9999_are_not_time_only),
        cmocka_unit_test(r18_event_messages_grade_deaths_count),
        cmocka_unit_test(r3_certificate_messages),
        cmocka_unit_test(r6_flags_region_attestations_and_language_fallbacks),
        cmocka_unit_test(r7_r9_waits_and_bans_from_the_store),
        cmocka_unit_test(r17_not_in_force_and_fiscal_years_before_year_one),
        cmocka_unit_test(r5_fast_entry_points_arguments_and_mixed_lists),
        cmocka_unit_test(r5_compact_block_fallbacks_equal_full),
        cmocka_unit_test(r18_bind_and_check_refuse_unknown_event_kinds_and_grades),
        cmocka_unit_test(r5_fast_history_read_failures),
        cmocka_unit_test(verdict_getters_outside_range),
    };
    if (qaward_ctx_new(&ctx, NULL))
        return 1;
    edge = load_policy(edge_json());
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    qaward_policy_free(edge);
    qaward_ctx_free(ctx);
    return rc;
}

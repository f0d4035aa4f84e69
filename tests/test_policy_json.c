/* Policy documents (`qaward-policy/1`, docs/policy.md) at their edges: each
 * refusal names the path and position; waits and bans counted in years and in
 * editions (R7, R9, R10, R17); names in one language only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "policy_int.h"

static qaward_ctx *ctx;
static int setup(void **s) { (void)s; return qaward_ctx_new(&ctx, NULL); }
static int teardown(void **s) { (void)s; qaward_ctx_free(ctx); return 0; }

/* A small policy; @NAME@ marks are replaced by the case's values or their defaults. */
static const char TEMPLATE[] =
    "{'format':'qaward-policy/1','id':'m','fictional':@FICT@,'name':@NAME@,"
    "'in_force':{'valid_from':'2024-01-01'},'jurisdiction':{'region_prefixes':[@REGION@]},"
    "'cycle':{'years':2,'first_edition_year':2024},@LISTS@"
    "'subject_kinds':[{'id':'organization'@PERSON@}],"
    "'levels':[{'id':'gold'@LEVEL@}],"
    "'quotas':[{'level':'gold','kinds':['organization'],'max':1}],"
    "'prizes':{'table':[{'level':'gold','kind':'organization','fen':@FEN@}]},@WAITS@@SANCTIONS@"
    "'eligibility':{'organization':[@CONDS@]}}";

static const char *const DEFAULTS[] = {
    "FICT", "true", "NAME", "{'zh':'迷你'}", "REGION", "'3608'", "LISTS", "", "PERSON", "", "LEVEL", "",
    "FEN", "100", "WAITS", "", "SANCTIONS", "", "CONDS", "", NULL};

/* The template with `kv` (NAME, value, ..., NULL) over the defaults, ' for ". */
static char *mini(const char *const *kv)
{
    size_t cap = 65536, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    for (const char *t = TEMPLATE; *t;) {
        if (*t == '@') {
            const char *e = strchr(t + 1, '@');
            size_t kl = (size_t)(e - t - 1);
            const char *val = NULL;
            for (size_t i = 0; kv && kv[i]; i += 2)
                if (strlen(kv[i]) == kl && memcmp(kv[i], t + 1, kl) == 0)
                    val = kv[i + 1];
            for (size_t i = 0; !val && DEFAULTS[i]; i += 2)
                if (strlen(DEFAULTS[i]) == kl && memcmp(DEFAULTS[i], t + 1, kl) == 0)
                    val = DEFAULTS[i + 1];
            assert_non_null(val);
            size_t vl = strlen(val);
            assert_true(n + vl < cap);
            memcpy(out + n, val, vl);
            n += vl;
            t = e + 1;
        } else {
            assert_true(n + 1 < cap);
            out[n++] = *t++;
        }
    }
    out[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (out[i] == '\'')
            out[i] = '"';
    return out;
}

static int load(qaward_policy **p, const char *const *kv)
{
    char *doc = mini(kv);
    *p = (qaward_policy *)1;
    int rc = qaward_policy_load_json(p, ctx, doc, strlen(doc));
    free(doc);
    return rc;
}

static qaward_policy *loaded(const char *const *kv)
{
    qaward_policy *p;
    if (load(&p, kv))
        fail_msg("%s", qaward_ctx_message(ctx));
    return p;
}

#define KV(...) ((const char *const[]){__VA_ARGS__, NULL})

#define WAIT(id, unit, count) "{'id':'" id "','level':'gold','length':2,'unit':'" unit "','count':'" count "',"   \
                              "'revoked_counts':false,'citation':{'zh':'第五条'}}"
#define BAN(kind, rule, unit, count)                                                                                   \
    "{'kind':'" kind "','rule_id':'" rule "','citation':{'en':'Art. 20'},'ban':{'length':3,'unit':'" unit          \
    "','count':'" count "'}}"
#define ATTEST(id, a) "{'id':'" id "','type':'attestation','attestation':'" a "','citation':{'zh':'第十条'}}"

static void policy_fields_refused_by_path(void **s)
{
    (void)s;
    const struct {
        const char *const *kv;
        int code;
        const char *msg;
    } cases[] = {
        {KV("FICT", "'yes'"), QAWARD_ESCHEMA, "$.fictional: expected a boolean, found a string (line 1, column "},
        {KV("REGION", "'36a8'"), QAWARD_ESCHEMA,
         "$.jurisdiction.region_prefixes[0]: expected 2 to 6 digits of an administrative division code (line 1, column "},
        {KV("REGION", "'36 8'"), QAWARD_ESCHEMA,
         "$.jurisdiction.region_prefixes[0]: expected 2 to 6 digits of an administrative division code"},
        {KV("REGION", "'3'"), QAWARD_ESCHEMA,
         "$.jurisdiction.region_prefixes[0]: expected 2 to 6 digits of an administrative division code"},
        {KV("REGION", "3608"), QAWARD_ESCHEMA,
         "$.jurisdiction.region_prefixes[0]: expected 2 to 6 digits of an administrative division code"},
        {KV("PERSON", ",'person':1"), QAWARD_ESCHEMA, "$.subject_kinds[0].person: expected a boolean, found a number"},
        {KV("LEVEL", ",'main':'no'"), QAWARD_ESCHEMA, "$.levels[0].main: expected a boolean, found a string"},
        {KV("LEVEL", ",'honour_only':true"), QAWARD_ERANGE,
         "$.prizes.table[0]: level \"gold\" is honour-only: its prize must be 0 (line 1, column "},
        {KV("LISTS", "'grade_scales':[{'id':'g','grades':['1','2','3','4','5','6','7','8','9','10','11','12','13','14',"
                     "'15','16','17','18','19','20','21','22','23','24','25','26','27','28','29','30','31','32','33']}],"),
         QAWARD_ERANGE, "$.grade_scales[0].grades: more than 32 entries (line 1, column 242)"},
        {KV("WAITS", "'waits':[{'id':'w','level':'gold','length':2,'unit':'years','count':'from_date',"
                     "'revoked_counts':0,'citation':{'zh':'x'}}],"),
         QAWARD_ESCHEMA, "$.waits[0].revoked_counts: expected a boolean, found a number"},
        {KV("SANCTIONS", "'sanctions':[{'kind':'k','rule_id':'r','citation':{'zh':'x'},'revokes':'no'}],"),
         QAWARD_ESCHEMA, "$.sanctions[0].revokes: expected a boolean, found a string"},
        {KV("SANCTIONS", "'sanctions':[{'kind':'k','rule_id':'r','citation':{'zh':'x'},'public':null,'revokes':true},"
                         "{'kind':'k2','rule_id':'r','citation':{'zh':'x'}}],"),
         QAWARD_ESCHEMA, "$.sanctions[1]: duplicate rule_id \"r\" (line 1, column "},
        {KV("SANCTIONS", "'sanctions':[{'kind':'k','rule_id':'r','citation':{'zh':'x'},'public':7}],"), QAWARD_ESCHEMA,
         "$.sanctions[0].public: expected a boolean, found a number"},
        {KV("WAITS", "'waits':[" WAIT("r", "years", "from_date") "],", "SANCTIONS",
            "'sanctions':[{'kind':'k','rule_id':'r','citation':{'zh':'x'}}],"),
         QAWARD_ESCHEMA, "$.sanctions[0]: rule_id \"r\" is also a wait id"},
        /* rule ids are unique across a kind's conditions, waits and bans */
        {KV("WAITS", "'waits':[" WAIT("dup", "years", "from_date") "],", "CONDS", ATTEST("dup", "a")), QAWARD_ESCHEMA,
         "$.eligibility.organization: duplicate id \"dup\""},
        {KV("SANCTIONS", "'sanctions':[" BAN("k", "dup", "years", "from_date") "],", "CONDS", ATTEST("dup", "a")),
         QAWARD_ESCHEMA, "$.eligibility.organization: duplicate id \"dup\""},
        /* a flag condition names a flag fact, a years_since condition a date fact */
        {KV("CONDS", "{'id':'c','type':'years_since','fact':'legal_person','years':3,'citation':{'zh':'x'}}"),
         QAWARD_ESCHEMA, "$.eligibility.organization[0].fact: \"legal_person\" is not a fact of that type (line 1, column "},
        {KV("CONDS", "{'id':'c','type':'flag','fact':'registration_date','citation':{'zh':'x'}}"), QAWARD_ESCHEMA,
         "$.eligibility.organization[0].fact: \"registration_date\" is not a fact of that type"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        qaward_policy *p;
        int rc = load(&p, cases[i].kv);
        const char *m = qaward_ctx_message(ctx);
        if (rc != cases[i].code || strncmp(m, cases[i].msg, strlen(cases[i].msg)) != 0)
            fail_msg("case %zu: rc %d (wanted %d)\n  message \"%s\"\n  wanted  \"%s...\"", i, rc, cases[i].code, m,
                     cases[i].msg);
        if (getenv("QA_SHOW"))
            printf("%s\n", m);
        assert_null(p);
    }
}

/* Empty optional lists are accepted; a name in one language serves both. */
static void empty_lists_and_one_language_names(void **s)
{
    (void)s;
    qaward_policy *p = loaded(KV("LISTS", "'grade_scales':[],'event_kinds':[],'certificate_types':[],", "WAITS",
                                 "'waits':[],", "SANCTIONS", "'sanctions':[],", "LEVEL", ",'name':{'en':'Gold'}"));
    assert_int_equal(qaward_policy_sanction_count(p), 0);
    assert_string_equal(qaward_policy_name(p, QAWARD_LANG_ZH), "迷你");
    assert_string_equal(qaward_policy_name(p, QAWARD_LANG_EN), "迷你");
    assert_string_equal(qaward_policy_level_name(p, 0, QAWARD_LANG_ZH), "Gold");
    assert_string_equal(qaward_policy_level_name(p, 0, QAWARD_LANG_EN), "Gold");
    assert_int_equal(qaward_policy_fictional(p), 1);
    qaward_date d = 1;
    assert_int_equal(qaward_policy_reapply_date(&d, ctx, p, "gold", 20250101), 0);
    assert_int_equal(d, QAWARD_DATE_NONE); /* no wait */
    /* internal lookups: no id, no grade */
    assert_int_equal(qa_policy_level(p, NULL), -1);
    assert_int_equal(qa_policy_kind(p, NULL), -1);
    assert_int_equal(qa_policy_event_kind(p, NULL), -1);
    assert_int_equal(qa_policy_cert_type(p, NULL), -1);
    assert_int_equal(qa_policy_sanction(p, NULL), -1);
    assert_int_equal(qa_policy_level(p, "gold"), 0);
    qaward_policy_free(p);
    /* an honour-only level with no prize; a level with no name; a for-profit flag */
    p = loaded(KV("LEVEL", ",'honour_only':true", "FEN", "0", "CONDS",
                  "{'id':'fp','type':'flag','fact':'for_profit','citation':{'zh':'x'}}"));
    assert_int_equal(qaward_policy_level_honour_only(p, 0), 1);
    assert_string_equal(qaward_policy_level_name(p, 0, QAWARD_LANG_EN), "");
    assert_string_equal(qaward_policy_level_name(p, 0, QAWARD_LANG_ZH), "");
    assert_int_equal(p->conds[0][0].fact, QA_FACT_FOR_PROFIT);
    assert_string_equal(qaward_policy_rule_id(p, "organization", 0), "fp");
    qaward_policy_free(p);
    p = loaded(KV("LISTS", "'grade_scales':[{'id':'g','grades':['a','b']}],"));
    assert_int_equal(qa_scale_grade(&p->scales[0], NULL), -1);
    assert_int_equal(qa_scale_grade(&p->scales[0], "b"), 1);
    assert_int_equal(qa_scale_grade(&p->scales[0], "c"), -1);
    qaward_policy_free(p);
}

/* More than 16 distinct attestations in one kind: each keeps its own index. */
static void seventeen_attestations_indexed(void **s)
{
    (void)s;
    char conds[4096] = "";
    for (int i = 0; i < 17; i++) {
        char c[128];
        snprintf(c, sizeof c, "%s{'id':'c%d','type':'attestation','attestation':'a%d','citation':{'zh':'x'}}",
                 i ? "," : "", i, i);
        strcat(conds, c);
    }
    strcat(conds, ",{'id':'again','type':'attestation','attestation':'a16','citation':{'zh':'x'}}");
    qaward_policy *p = loaded(KV("CONDS", conds));
    assert_int_equal(p->n_attest_ids, 17);
    assert_string_equal(p->attest_ids[16], "a16");
    assert_int_equal(p->conds[0][16].attest_idx, 16);
    assert_int_equal(p->conds[0][17].attest_idx, 16);
    assert_int_equal(qaward_policy_rule_count(p, "organization"), 18);
    qaward_policy_free(p);
}

/* R7 in editions (unit "cycles", 2-year editions from 2024): excluding the award
 * edition, including it, or from the date. */
static void r7_waits_counted_in_editions(void **s)
{
    (void)s;
    static const struct {
        const char *count;
        qaward_date award, until;
    } cases[] = {
        /* award in edition 0 (2024-2025): editions 1 and 2 wait, edition 3 starts 2030 */
        {"exclude_award_year", 20250610, 20300101},
        /* editions 0 and 1 count: edition 2 starts 2028 */
        {"include_award_year", 20250610, 20280101},
        /* 2 editions of 2 years from the date */
        {"from_date", 20250610, 20290610},
        {"from_date", 20240229, 20280229},
        /* before the first edition: edition -1 (2022-2023) */
        {"exclude_award_year", 20231231, 20280101},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char w[256];
        snprintf(w, sizeof w,
                 "'waits':[{'id':'w','level':'gold','length':2,'unit':'cycles','count':'%s','revoked_counts':true,"
                 "'citation':{'zh':'第五条'}}],",
                 cases[i].count);
        qaward_policy *p = loaded(KV("WAITS", w));
        qaward_date d;
        assert_int_equal(qaward_policy_reapply_date(&d, ctx, p, "gold", cases[i].award), 0);
        if (d != cases[i].until)
            fail_msg("case %zu (%s from %d): %d, wanted %d", i, cases[i].count, cases[i].award, d, cases[i].until);
        /* the wait's end beyond year 9999 is refused, not wrapped */
        assert_int_equal(qaward_policy_reapply_date(&d, ctx, p, "gold", 99981231), QAWARD_ERANGE);
        assert_string_equal(qaward_ctx_message(ctx), "policy_reapply_date: wait from 99981231 ends after year 9999");
        qaward_policy_free(p);
    }
}

/* R7 in years near the end of the calendar; two waits on one level: the later
 * end wins. */
static void r7_years_edges_and_the_later_of_two_waits(void **s)
{
    (void)s;
    qaward_policy *p = loaded(KV("WAITS", "'waits':[" WAIT("w1", "years", "include_award_year") ","
                                          WAIT("w2", "years", "exclude_award_year") "," WAIT("w3", "years", "from_date")
                                          "],"));
    qaward_date d;
    assert_int_equal(qaward_policy_reapply_date(&d, ctx, p, "gold", 20250610), 0);
    assert_int_equal(d, 20280101); /* exclude: 2026, 2027 wait; include: 2027-01-01; from date: 2027-06-10 */
    assert_int_equal(qaward_policy_reapply_date(&d, ctx, p, "gold", 99961231), 0);
    assert_int_equal(d, 99990101);
    /* excluding the award year, the wait would end on 1 Jan 10000 */
    assert_int_equal(qaward_policy_reapply_date(&d, ctx, p, "gold", 99970101), QAWARD_ERANGE);
    assert_int_equal(qaward_policy_reapply_date(&d, ctx, p, "silver", 20250101), QAWARD_ENOTFOUND);
    assert_string_equal(qaward_ctx_message(ctx), "policy m: unknown award level \"silver\"");
    qaward_policy_free(p);
}

/* R9/R10: bans in editions and in years, with an end past 9999 refused. */
static void r9_ban_windows_in_editions_and_years(void **s)
{
    (void)s;
    qaward_policy *p = loaded(KV("SANCTIONS", "'sanctions':[" BAN("e", "ban_e", "cycles", "from_date") ","
                                              BAN("i", "ban_i", "cycles", "include_award_year") ","
                                              BAN("y", "ban_y", "years", "include_award_year") "],"));
    qaward_date from, until;
    assert_int_equal(qaward_policy_ban_window(&from, &until, ctx, p, "e", 20250310), 0);
    assert_int_equal(from, 20250310);
    assert_int_equal(until, 20310310); /* 3 editions of 2 years */
    assert_int_equal(qaward_policy_ban_window(&from, &until, ctx, p, "i", 20250310), 0);
    assert_int_equal(until, 20300101); /* editions 0, 1, 2: edition 3 starts 2030 */
    assert_int_equal(qaward_policy_ban_window(&from, &until, ctx, p, "y", 20250310), 0);
    assert_int_equal(until, 20280101);
    assert_int_equal(qaward_policy_ban_window(&from, &until, ctx, p, "e", 99950101), QAWARD_ERANGE);
    assert_int_equal(qaward_policy_ban_window(&from, &until, ctx, p, "i", 99950101), QAWARD_ERANGE);
    assert_int_equal(qaward_policy_ban_window(&from, &until, ctx, p, "y", 99980101), QAWARD_ERANGE);
    qaward_policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(policy_fields_refused_by_path),
        cmocka_unit_test(empty_lists_and_one_language_names),
        cmocka_unit_test(seventeen_attestations_indexed),
        cmocka_unit_test(r7_waits_counted_in_editions),
        cmocka_unit_test(r7_years_edges_and_the_later_of_two_waits),
        cmocka_unit_test(r9_ban_windows_in_editions_and_years),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/* Cycle documents (`qaward-cycle/1`, docs/cycle.md): every refusal names its
 * path and position; candidates' facts, inline policy / review rules / history,
 * assessors' sheets scored into stage totals (Art. 13(四)–(七), R14); the
 * cycle report in each format and language (Art. 13(七), R19). */
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

static qaward_ctx *ctx;
static int setup(void **s) { (void)s; return qaward_ctx_new(&ctx, NULL); }
static int teardown(void **s) { (void)s; qaward_ctx_free(ctx); return 0; }

/* Documents are written with ' for " to stay readable. */
static char *q(const char *src)
{
    size_t n = strlen(src);
    char *d = malloc(n + 1);
    assert_non_null(d);
    for (size_t i = 0; i <= n; i++)
        d[i] = src[i] == '\'' ? '"' : src[i];
    return d;
}

#define HEAD "{'format':'qaward-cycle/1','cycle':{'id':'x','decision_date':'2025-12-18'},'policy':'jian-2023',"
#define CANDS(c) HEAD "'candidates':[" c "]}"
#define ORG "'id':'A','kind':'organization'"
#define ORGV ORG ",'verdict':'eligible'"

static int load(qaward_cycle **c, const char *doc)
{
    char *d = q(doc);
    *c = (qaward_cycle *)1;
    int rc = qaward_cycle_load_json(c, ctx, d, strlen(d));
    free(d);
    return rc;
}

/* The document is refused with code and a message starting with (or, when
 * `exact`, equal to) the expectation. */
static void refused(const char *doc, int code, const char *msg)
{
    qaward_cycle *c;
    int rc = load(&c, doc);
    const char *m = qaward_ctx_message(ctx);
    if (rc != code || strncmp(m, msg, strlen(msg)) != 0)
        fail_msg("rc %d (wanted %d)\n  message \"%s\"\n  wanted  \"%s...\"\n  document %.300s", rc, code, m, msg, doc);
    if (getenv("QA_SHOW"))
        printf("%s\n", m);
    assert_null(c);
    assert_int_equal(qaward_ctx_status(ctx), code);
}

/* ---- candidates -------------------------------------------------------------------- */

static void candidate_fields_refused_by_path(void **s)
{
    (void)s;
    const struct {
        const char *doc;
        int code;
        const char *msg;
    } cases[] = {
        /* facts and verdict exclude each other (Art. 13(三): the checks give the verdict) */
        {CANDS("{" ORG ",'subject':{},'reasons':[]}"), QAWARD_ESCHEMA,
         "$.candidates[0]: give either \"subject\" (facts to check) or \"verdict\"/\"reasons\", not both (line 1, column "},
        {CANDS("{" ORG "}"), QAWARD_ESCHEMA, "$.candidates[0]: needs \"verdict\" or \"subject\" (facts to check)"},
        {CANDS("{" ORG ",'subject':[]}"), QAWARD_ESCHEMA, "$.candidates[0].subject: expected an object, found an array"},
        {CANDS("{" ORG ",'subject':{'id':5}}"), QAWARD_ESCHEMA,
         "$.candidates[0].subject.id: expected \"A\" (the candidate's id) (line 1, column "},
        {CANDS("{" ORG ",'subject':{'id':'B'}}"), QAWARD_ESCHEMA,
         "$.candidates[0].subject.id: expected \"A\" (the candidate's id)"},
        {CANDS("{" ORG ",'subject':{'kind':'individual'}}"), QAWARD_ESCHEMA,
         "$.candidates[0].subject.kind: expected \"organization\" (the candidate's kind)"},
        {CANDS("{" ORG ",'subject':{'registration_date':'2020-02-30'}}"), QAWARD_EINVAL,
         "$.candidates[0].subject: $.registration_date (line 1, column 174): date \"2020-02-30\": "
         "day 30 does not exist in 2020-02"},
        {CANDS("{'id':'','kind':'organization','verdict':'eligible'}"), QAWARD_ESCHEMA,
         "$.candidates[0].id: must not be empty"},
        {CANDS("{'id':'A','name':7,'kind':'organization','verdict':'eligible'}"), QAWARD_ESCHEMA,
         "$.candidates[0].name: expected a string, found a number"},
        {CANDS("{'id':'A','verdict':'eligible'}"), QAWARD_ESCHEMA, "$.candidates[0].kind: required field is missing"},
        {CANDS("{'id':'A','kind':'club','verdict':'eligible'}"), QAWARD_ENOTFOUND,
         "$.candidates[0]: candidate A: kind \"club\" is not a subject kind of policy jian-2023"},
        /* reasons */
        {CANDS("{" ORGV ",'reasons':{}}"), QAWARD_ESCHEMA, "$.candidates[0].reasons: expected an array, found an object"},
        {CANDS("{" ORGV ",'reasons':[1]}"), QAWARD_ESCHEMA, "$.candidates[0].reasons[0]: expected an object, found a number"},
        {CANDS("{" ORGV ",'reasons':[{'rule_id':'r','why':1}]}"), QAWARD_ESCHEMA,
         "$.candidates[0].reasons[0]: unknown field \"why\""},
        {CANDS("{" ORGV ",'reasons':[{'zh':'x'}]}"), QAWARD_ESCHEMA,
         "$.candidates[0].reasons[0].rule_id: required field is missing"},
        {CANDS("{" ORGV ",'reasons':[{'rule_id':'r','citation':1}]}"), QAWARD_ESCHEMA,
         "$.candidates[0].reasons[0].citation: expected a string, found a number"},
        {CANDS("{" ORGV ",'reasons':[{'rule_id':'r','zh':true}]}"), QAWARD_ESCHEMA,
         "$.candidates[0].reasons[0].zh: expected a string, found a boolean"},
        {CANDS("{" ORGV ",'reasons':[{'rule_id':'r','en':[]}]}"), QAWARD_ESCHEMA,
         "$.candidates[0].reasons[0].en: expected a string, found an array"},
        /* scores */
        {CANDS("{" ORGV ",'composite':'high'}"), QAWARD_ESCHEMA, "$.candidates[0].composite: expected a number, found a string"},
        {CANDS("{" ORGV ",'composite':1.234}"), QAWARD_ESCHEMA,
         "$.candidates[0].composite: expected a number with at most 2 decimals, found 1.234"},
        {CANDS("{" ORGV ",'composite':-1}"), QAWARD_ERANGE, "$.candidates[0].composite: -1 is out of range"},
        {CANDS("{" ORGV ",'stages':[]}"), QAWARD_ESCHEMA, "$.candidates[0].stages: expected an object, found an array"},
        {CANDS("{" ORGV ",'stages':{'site':'x'}}"), QAWARD_ESCHEMA,
         "$.candidates[0].stages.site: expected a number, found a string"},
        {CANDS("{" ORGV ",'stages':{'site':null}}"), QAWARD_ESCHEMA,
         "$.candidates[0].stages.site: required field is missing"},
        {CANDS("{" ORGV ",'defence_passed':'yes'}"), QAWARD_ESCHEMA,
         "$.candidates[0].defence_passed: expected a boolean, found a string"},
        {CANDS("{" ORGV ",'tie_decision':1}"), QAWARD_ESCHEMA, "$.candidates[0].tie_decision: expected a boolean, found a number"},
        {CANDS("{" ORGV ",'scores_secret':{}}"), QAWARD_ESCHEMA,
         "$.candidates[0].scores_secret: expected a boolean, found an object"},
        /* vote (Art. 13(七)) */
        {CANDS("{" ORGV ",'vote':[]}"), QAWARD_ESCHEMA, "$.candidates[0].vote: expected an object, found an array"},
        {CANDS("{" ORGV ",'vote':{'yes':1}}"), QAWARD_ESCHEMA, "$.candidates[0].vote: unknown field \"yes\""},
        {CANDS("{" ORGV ",'vote':{'against':0}}"), QAWARD_ESCHEMA, "$.candidates[0].vote.for: required field is missing"},
        {CANDS("{" ORGV ",'vote':{'for':1}}"), QAWARD_ESCHEMA, "$.candidates[0].vote.against: required field is missing"},
        {CANDS("{" ORGV ",'vote':{'for':1,'against':0}}"), QAWARD_ESCHEMA,
         "$.candidates[0].vote.abstain: required field is missing"},
        {CANDS("{" ORGV ",'vote':{'for':1,'against':0,'abstain':0}}"), QAWARD_ESCHEMA,
         "$.candidates[0].vote.present: required field is missing"},
        {CANDS("{" ORGV ",'vote':{'for':1,'against':0,'abstain':0,'present':1}}"), QAWARD_ESCHEMA,
         "$.candidates[0].vote.members: required field is missing"},
        {CANDS("{" ORGV ",'vote':{'for':1,'against':0,'abstain':0,'present':1,'members':0}}"), QAWARD_ERANGE,
         "$.candidates[0].vote.members: 0 is out of range 1..100000"},
        {CANDS("{" ORGV ",'vote':{'for':100001,'against':0,'abstain':0,'present':1,'members':1}}"), QAWARD_ERANGE,
         "$.candidates[0].vote.for: 100001 is out of range 0..100000"},
        /* notes (R19) */
        {CANDS("{" ORGV ",'notes':{}}"), QAWARD_ESCHEMA, "$.candidates[0].notes: expected an array, found an object"},
        {CANDS("{" ORGV ",'notes':['x']}"), QAWARD_ESCHEMA, "$.candidates[0].notes[0]: expected an object, found a string"},
        {CANDS("{" ORGV ",'notes':[{'key':'k','value':'v','secret':true}]}"), QAWARD_ESCHEMA,
         "$.candidates[0].notes[0]: unknown field \"secret\""},
        {CANDS("{" ORGV ",'notes':[{'value':'v'}]}"), QAWARD_ESCHEMA, "$.candidates[0].notes[0].key: required field is missing"},
        {CANDS("{" ORGV ",'notes':[{'key':'k'}]}"), QAWARD_ESCHEMA, "$.candidates[0].notes[0].value: required field is missing"},
        {CANDS("{" ORGV ",'notes':[{'key':'k','value':'v','trade_secret':'no'}]}"), QAWARD_ESCHEMA,
         "$.candidates[0].notes[0].trade_secret: expected a boolean, found a string"},
        /* the second candidate fails: the first one is freed with the cycle */
        {CANDS("{" ORGV "},{'id':'A','kind':'organization','verdict':'eligible'}"), QAWARD_EEXISTS,
         "$.candidates[1]: candidate A: duplicate subject id"},
        {CANDS("{" ORGV "},7"), QAWARD_ESCHEMA, "$.candidates[1]: expected an object, found a number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        refused(cases[i].doc, cases[i].code, cases[i].msg);
}

/* A subject's id/kind default to the candidate's, its name too when it has none;
 * given ones must agree. Every optional candidate field lands on the candidate. */
static void candidate_subject_and_optional_fields_are_kept(void **s)
{
    (void)s;
    qaward_cycle *c;
    int rc = load(&c, CANDS("{'id':'A','kind':'organization','subject':{'id':'A','kind':'organization','name':'Own'}},"
                            "{'id':'B','name':'Bee','kind':'organization','subject':{'legal_person':true}},"
                            "{'id':'C','kind':'organization','verdict':'ineligible','reasons':[{'rule_id':'r1'},"
                            "{'rule_id':'r2','citation':'第十条','zh':'理由','en':'reason'}],'composite':612.5,"
                            "'stages':{'material':600,'site':620.25},'defence_passed':false,'tie_decision':true,"
                            "'scores_secret':true,'notes':[{'key':'k','value':''}]},"
                            "{'id':'D','kind':'individual','verdict':'incomplete','defence_passed':true,'tie_decision':false,"
                            "'scores_secret':false,'notes':[]}"));
    if (rc)
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_int_equal(qaward_cycle_candidate_count(c), 4);
    assert_int_equal(qaward_cycle_candidate_has_subject(c, 0), 1);
    assert_int_equal(qaward_cycle_candidate_has_subject(c, 1), 1);
    assert_int_equal(qaward_cycle_candidate_has_subject(c, 2), 0);
    assert_int_equal(qaward_cycle_candidate_has_subject(c, 4), 0);
    assert_string_equal(qaward_cycle_candidate_name(c, 1), "Bee");
    assert_int_equal(qaward_cycle_candidate_verdict(c, 2), QAWARD_CYCLE_INELIGIBLE);
    assert_int_equal(qaward_cycle_candidate_verdict(c, 3), QAWARD_CYCLE_INCOMPLETE);
    assert_int_equal(qaward_cycle_candidate_verdict(c, 9), QAWARD_CYCLE_UNSET);
    assert_int_equal(qaward_cycle_candidate_reason_count(c, 2), 2);
    assert_int_equal(qaward_cycle_candidate_reason_count(c, 9), 0);
    assert_string_equal(qaward_cycle_candidate_reason_rule(c, 2, 1), "r2");
    assert_null(qaward_cycle_candidate_reason_rule(c, 2, 2));
    assert_null(qaward_cycle_candidate_reason_rule(c, 9, 0));
    assert_string_equal(qaward_cycle_candidate_reason_message(c, 2, 1, QAWARD_LANG_ZH), "理由");
    assert_string_equal(qaward_cycle_candidate_reason_message(c, 2, 1, QAWARD_LANG_EN), "reason");
    assert_null(qaward_cycle_candidate_reason_message(c, 2, 2, QAWARD_LANG_EN));
    assert_null(qaward_cycle_candidate_reason_message(c, 9, 0, QAWARD_LANG_EN));
    assert_int_equal(qaward_cycle_as_of(c), QAWARD_DATE_NONE);
    assert_int_equal(qaward_cycle_as_of(NULL), QAWARD_DATE_NONE);
    qaward_cycle_free(c);
}

/* A reason with text in one language only is shown in that language in both
 * (the message is never empty). */
static void reason_message_falls_back_to_the_other_language(void **s)
{
    (void)s;
    qaward_cycle *c;
    int rc = load(&c, CANDS("{" ORG ",'verdict':'ineligible','reasons':[{'rule_id':'z','zh':'仅中文'},"
                            "{'rule_id':'e','en':'English only'},{'rule_id':'n'}]}"));
    if (rc)
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_string_equal(qaward_cycle_candidate_reason_message(c, 0, 0, QAWARD_LANG_EN), "仅中文");
    assert_string_equal(qaward_cycle_candidate_reason_message(c, 0, 0, QAWARD_LANG_ZH), "仅中文");
    assert_string_equal(qaward_cycle_candidate_reason_message(c, 0, 1, QAWARD_LANG_ZH), "English only");
    assert_string_equal(qaward_cycle_candidate_reason_message(c, 0, 1, QAWARD_LANG_EN), "English only");
    /* no text in either language: no message (the report shows the rule id) */
    assert_null(qaward_cycle_candidate_reason_message(c, 0, 2, QAWARD_LANG_EN));
    assert_null(qaward_cycle_candidate_reason_message(c, 0, 2, QAWARD_LANG_ZH));
    qaward_cycle_free(c);
    /* getters on no cycle */
    assert_int_equal(qaward_cycle_candidate_verdict(NULL, 0), QAWARD_CYCLE_UNSET);
    assert_int_equal(qaward_cycle_candidate_has_subject(NULL, 0), 0);
    assert_int_equal(qaward_cycle_candidate_reason_count(NULL, 0), 0);
    assert_null(qaward_cycle_candidate_reason_rule(NULL, 0, 0));
    assert_null(qaward_cycle_candidate_reason_message(NULL, 0, 0, QAWARD_LANG_ZH));
}

/* Art. 13(三): facts are checked with the document's history by default, with the
 * store given otherwise; without as_of the check is refused (R1). */
static void art13_3_facts_checked_with_own_or_given_store(void **s)
{
    (void)s;
    qaward_cycle *c;
    int rc = load(&c, "{'format':'qaward-cycle/1','cycle':{'id':'x','decision_date':'2025-12-18'},'policy':'jian-2023',"
                      "'candidates':[{'id':'A','kind':'organization','subject':{'legal_person':false}}]}");
    if (rc)
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_int_equal(qaward_cycle_check_candidates(ctx, c, NULL), QAWARD_ESTATE);
    assert_string_equal(qaward_ctx_message(ctx), "cycle x: candidates given as facts need the application date (as_of) "
                                                 "for their checks (R1)");
    assert_int_equal(qaward_cycle_set_as_of(ctx, c, 20250630), 0);
    assert_int_equal(qaward_cycle_check_candidates(ctx, c, NULL), 0);
    assert_int_equal(qaward_cycle_candidate_verdict(c, 0), QAWARD_CYCLE_INELIGIBLE);
    assert_true(qaward_cycle_candidate_reason_count(c, 0) >= 1);
    qaward_memstore *ms;
    assert_int_equal(qaward_memstore_new(&ms, ctx), 0);
    qaward_store st;
    qaward_memstore_as_store(&st, ms);
    assert_int_equal(qaward_cycle_check_candidates(ctx, c, &st), 0);
    assert_int_equal(qaward_cycle_candidate_verdict(c, 0), QAWARD_CYCLE_INELIGIBLE);
    qaward_memstore_free(ms);
    qaward_cycle_free(c);
    /* a cycle built in code has no store of its own: no history, same verdict */
    qaward_policy *jian;
    assert_int_equal(qaward_policy_builtin(&jian, ctx, "jian-2023"), 0);
    assert_int_equal(qaward_cycle_new(&c, ctx, jian, NULL, "y", 20251218), 0);
    assert_int_equal(qaward_cycle_check_candidates(ctx, c, NULL), 0);
    assert_int_equal(qaward_cycle_candidate_count(c), 0);
    qaward_cycle_free(c);
    qaward_policy_free(jian);
}

/* ---- top level ----------------------------------------------------------------------- */

#define CYC "'cycle':{'id':'x','decision_date':'2025-12-18'}"
#define FMT "{'format':'qaward-cycle/1',"
#define EMPTY ",'candidates':[]}"

static void top_level_fields_refused_by_path(void **s)
{
    (void)s;
    const struct {
        const char *doc;
        int code;
        const char *msg;
    } cases[] = {
        {"[]", QAWARD_ESCHEMA, "$: expected an object, found an array"},
        {"{'format':'qaward-cycle/1','candidate':[]}", QAWARD_ESCHEMA, "$: unknown field \"candidate\""},
        {"{'cycle':{}}", QAWARD_ESCHEMA, "$.format: required field is missing"},
        {"{'format':'qaward-cycle/1'}", QAWARD_ESCHEMA, "$.cycle: required field is missing"},
        {FMT "'cycle':{'id':'x','decision_date':'2025-12-18','year':1}}", QAWARD_ESCHEMA,
         "$.cycle: unknown field \"year\""},
        {FMT "'cycle':{'decision_date':'2025-12-18'}}", QAWARD_ESCHEMA, "$.cycle.id: required field is missing"},
        {FMT "'cycle':{'id':'x'}}", QAWARD_ESCHEMA, "$.cycle.decision_date: required field is missing"},
        {FMT "'cycle':{'id':'x','decision_date':'2025-12-18','as_of':'2025-02-29'}}", QAWARD_EINVAL,
         "$.cycle.as_of (line 1, column 83): date \"2025-02-29\": day 29 does not exist in 2025-02"},
        {FMT CYC "}", QAWARD_ESCHEMA, "$.policy: missing (a built-in name or an inline policy)"},
        {FMT CYC ",'policy':2023" EMPTY, QAWARD_ESCHEMA, "$.policy: expected a name or an object (line 1, column "},
        {FMT CYC ",'policy':{'format':'qaward-policy/1'}" EMPTY, QAWARD_ESCHEMA, "$.policy: $.id: required field is missing"},
        {FMT CYC ",'policy':'jian-2023','review_rules':'nope'" EMPTY, QAWARD_ENOTFOUND,
         "$.review_rules: no built-in review rules \"nope\""},
        {FMT CYC ",'policy':'jian-2023','review_rules':[]" EMPTY, QAWARD_ESCHEMA,
         "$.review_rules: expected a name or an object (line 1, column "},
        {FMT CYC ",'policy':'jian-2023','review_rules':{'format':'qaward-review-rules/1'}" EMPTY, QAWARD_ESCHEMA,
         "$.review_rules: review rules: $.id: required field is missing"},
        {FMT CYC ",'policy':'jian-2023','history':{'awards':7}" EMPTY, QAWARD_ESCHEMA,
         "$.history: $.awards: expected an array, found a number"},
        {FMT "'cycle':{'id':'x','decision_date':'2025-12-18','title':'t'},'policy':'jian-2023'" EMPTY, QAWARD_ESCHEMA,
         "$.cycle.title: expected an object, found a string"},
        {FMT "'cycle':{'id':'x','decision_date':'2025-12-18','title':{'zh':1}},'policy':'jian-2023'" EMPTY,
         QAWARD_ESCHEMA, "$.cycle.title.zh: expected a string, found a number"},
        {FMT "'cycle':{'id':'x','decision_date':'2025-12-18','title':{'en':false}},'policy':'jian-2023'" EMPTY,
         QAWARD_ESCHEMA, "$.cycle.title.en: expected a string, found a boolean"},
        {FMT CYC ",'policy':'jian-2023'}", QAWARD_ESCHEMA, "$.candidates: required field is missing"},
        {FMT CYC ",'policy':'jian-2023','candidates':{}}", QAWARD_ESCHEMA, "$.candidates: expected an array, found an object"},
        {FMT CYC ",'policy':'jian-2023','candidates':[],'sheets':{}}", QAWARD_ESCHEMA,
         "$.sheets: expected an array, found an object"},
        {FMT CYC ",'policy':'jian-2023','candidates':[],'sheets':[]}", QAWARD_ENORULE,
         "$.sheets: scoring sheets needs review rules ($.review_rules)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        refused(cases[i].doc, cases[i].code, cases[i].msg);
}

/* An inline policy and inline review rules are the same as the built-in ones. */
static void inline_policy_and_rules_load_like_builtins(void **s)
{
    (void)s;
    size_t pl, rl;
    char *pol = read_src("data/policies/lakeside-2024.json", &pl);
    char *rules = read_src("data/review-rules/lakeside-2025-example.json", &rl);
    size_t n = pl + rl + 512;
    char *doc = malloc(n);
    snprintf(doc, n,
             "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"decision_date\":\"2025-12-18\","
             "\"title\":{\"en\":\"Lakeside 2025\"}},\"policy\":%s,\"review_rules\":%s,\"candidates\":[]}",
             pol, rules);
    qaward_cycle *c = NULL;
    int rc = qaward_cycle_load_json(&c, ctx, doc, strlen(doc));
    if (rc)
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_string_equal(qaward_policy_id(qaward_cycle_policy(c)), "lakeside-2024");
    assert_string_equal(qaward_cycle_id(c), "2025");
    assert_int_equal(qaward_cycle_decision_date(c), 20251218);
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    char *js;
    assert_int_equal(qaward_cycle_to_json(&js, c, ctx), 0);
    assert_non_null(strstr(js, "Lakeside 2025"));
    qaward_string_free(ctx, js);
    qaward_cycle_free(c);
    free(doc);
    free(pol);
    free(rules);
}

/* ---- sheets: qaward-sheets/1 documents scored into stage totals (Art. 13(四)–(六)) ---- */

/* One individual sheet: every item of the example individual scheme at pct. */
#define ISHEET(app, stage, who, pct)                                                                                   \
    "{'applicant':'" app "','stage':'" stage "','assessor':'" who "','scores':[{'item':'I1.1','pct':" pct "},"       \
    "{'item':'I1.2','pct':" pct "},{'item':'I2.1','pct':" pct "},{'item':'I2.2','pct':" pct "},"                     \
    "{'item':'I3.1','pct':" pct "},{'item':'I3.2','pct':" pct "}]}"
#define IDOC_FOR(app, sheets)                                                                                          \
    "{'format':'qaward-sheets/1','scheme':'individual-example','applicants':[{'id':'" app "','kind':'individual'}],"   \
    "'sheets':[" sheets "]}"
#define IDOC(sheets) IDOC_FOR("P1", sheets)
#define RRULES(method, min)                                                                                           \
    "{'format':'qaward-review-rules/1','id':'t','kinds':[{'id':'individual','scheme':'individual-example',"          \
    "'stages':[{'id':'material','weight_permille':500},{'id':'site','weight_permille':500}],"                       \
    "'min_composite':{'award':70.00,'nomination':60.00}}],'aggregation':{'method':'" method "','min_assessors':" min \
    "},'tie_break':['site','material']}"
#define SHEETS_DOC(cands, rules, sheets)                                                                               \
    HEAD "'review_rules':" rules ",'candidates':[" cands "],'sheets':[" sheets "]}"
#define P1 "{'id':'P1','kind':'individual','verdict':'eligible'}"
#define P2 "{'id':'P2','kind':'individual','verdict':'eligible'}"

static void art13_sheets_give_stage_totals(void **s)
{
    (void)s;
    qaward_cycle *c;
    /* P1: material 80 % (mean of 70 and 90), site 60 %; P2: material 60 %, site 50 % */
    int rc = load(&c, SHEETS_DOC(P1 "," P2, RRULES("mean", "1"),
                                 IDOC(ISHEET("P1", "material", "E1", "70") "," ISHEET("P1", "material", "E2", "90") ","
                                          ISHEET("P1", "site", "E1", "60")) ","
                                     IDOC_FOR("P2", ISHEET("P2", "material", "E1", "60") "," ISHEET("P2", "site", "E1", "50"))));
    if (rc)
        fail_msg("%s", qaward_ctx_message(ctx));
    if (qaward_cycle_run(ctx, c, NULL)) fail_msg("%s", qaward_ctx_message(ctx));
    int64_t comp = 0;
    size_t p1 = (size_t)qaward_cycle_candidate_find(c, "P1");
    size_t p2 = (size_t)qaward_cycle_candidate_find(c, "P2");
    /* 0.5 * 80 + 0.5 * 60 = 70.00: the award minimum exactly */
    assert_int_equal(qaward_cycle_candidate_composite(&comp, c, p1), 0);
    assert_int_equal(comp, 7000);
    assert_string_equal(qaward_cycle_candidate_level(c, p1), "award");
    /* 0.5 * 60 + 0.5 * 50 = 55.00: below the nomination minimum (60.00) */
    assert_int_equal(qaward_cycle_candidate_composite(&comp, c, p2), 0);
    assert_int_equal(comp, 5500);
    assert_int_equal(qaward_cycle_candidate_outcome(c, p2), QAWARD_OUTCOME_BELOW_MIN);
    qaward_cycle_free(c);
}

static void art13_sheets_failures_name_the_document(void **s)
{
    (void)s;
    const struct {
        const char *doc;
        int code;
        const char *msg;
    } cases[] = {
        {SHEETS_DOC(P1, RRULES("mean", "1"), "[]"), QAWARD_ESCHEMA, "$.sheets[0]: expected an object, found an array"},
        {SHEETS_DOC(P1, RRULES("mean", "1"), "{'format':'qaward-sheets/1'}"), QAWARD_ESCHEMA,
         "$.sheets[0].scheme: required field is missing"},
        {SHEETS_DOC(P1, RRULES("mean", "1"), "{'scheme':'nope'}"), QAWARD_ENOTFOUND,
         "$.sheets[0]: no built-in scheme \"nope\""},
        /* the second document fails: the first one's sheets and scores are freed */
        {SHEETS_DOC(P1, RRULES("mean", "1"),
                    IDOC(ISHEET("P1", "material", "E1", "70")) ","
                        "{'format':'qaward-sheets/1','scheme':'individual-example','sheets':[{'applicant':'P1'}]}"),
         QAWARD_ESCHEMA, "$.sheets[1]: sheets: $.sheets[0].stage: required field is missing"},
        {SHEETS_DOC(P1, RRULES("mean", "1"),
                    IDOC(ISHEET("P1", "material", "E1", "70")) "," IDOC(ISHEET("P1", "site", "E1", "101"))),
         QAWARD_ERANGE,
         "$.sheets[1]: sheets: $.sheets[0].scores[0] (line 1, column 1041): sheet 0 (applicant P1, stage site, assessor "
         "E1): item I1.1: 101% is outside 0..100"},
        /* two assessors need the method the rules set: median with at least 3 */
        {SHEETS_DOC(P1, RRULES("median", "3"),
                    IDOC(ISHEET("P1", "material", "E1", "70") "," ISHEET("P1", "material", "E2", "90"))),
         QAWARD_ERANGE,
         "$.sheets[0]: applicant P1, stage material: 2 assessor sheets, median needs at least 3 (review rule "
         "aggregation.min_assessors)"},
        {SHEETS_DOC(P2, RRULES("mean", "1"), IDOC(ISHEET("P1", "material", "E1", "70"))), QAWARD_ENOTFOUND,
         "$.sheets: applicant P1 is not a candidate"},
        /* one applicant in two documents: the composites refuse it */
        {SHEETS_DOC(P1, RRULES("mean", "1"),
                    IDOC(ISHEET("P1", "material", "E1", "70")) "," IDOC(ISHEET("P1", "site", "E1", "70"))),
         QAWARD_EEXISTS, "$.sheets: applicant P1 appears in two score sets (0 and 1)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        refused(cases[i].doc, cases[i].code, cases[i].msg);
}


/* ---- positions: a sub-document's messages point into the cycle document itself ---------- */

/* The message equals `msg` exactly. */
static void refused_exactly(const char *doc, int code, const char *msg)
{
    qaward_cycle *c;
    int rc = load(&c, doc);
    const char *m = qaward_ctx_message(ctx);
    if (rc != code || strcmp(m, msg) != 0)
        fail_msg("rc %d (wanted %d)\n  message \"%s\"\n  wanted  \"%s\"", rc, code, m, msg);
    assert_null(c);
}

#define ML_HEAD                                                                                                        \
    "{\n"                                                                                                              \
    "  'format': 'qaward-cycle/1',\n"                                                                                  \
    "  'cycle': {'id': 'x', 'decision_date': '2025-12-18'},\n"

static void sub_documents_report_positions_in_the_cycle_document(void **s)
{
    (void)s;
    const struct {
        const char *doc;
        int code;
        const char *msg;
    } cases[] = {
        /* a candidate's subject, in the second candidate (read lazily, one at a time) */
        {ML_HEAD "  'policy': 'jian-2023',\n"
                 "  'candidates': [\n"
                 "    {'id': 'A', 'kind': 'organization', 'verdict': 'eligible'},\n"
                 "    {'id': 'B', 'kind': 'organization',\n"
                 "     'subject': {\n"
                 "       'region_code': '360802',\n"
                 "       'registration_date': 20200101\n" /* line 10: the value at column 29 */
                 "     }}\n"
                 "  ]\n"
                 "}",
         QAWARD_ESCHEMA,
         "$.candidates[1].subject: $.registration_date: expected a date \"YYYY-MM-DD\", found a number "
         "(line 10, column 29)"},
        /* the subject's employer, nested a level deeper */
        {ML_HEAD "  'policy': 'jian-2023',\n"
                 "  'candidates': [\n"
                 "    {'id': 'P', 'kind': 'individual',\n"
                 "     'subject': {'employer': {\n"
                 "         'region_code': 360802}}}\n" /* line 8: the value at column 25 */
                 "  ]\n"
                 "}",
         QAWARD_ESCHEMA,
         "$.candidates[0].subject: $.employer.region_code: expected a string, found a number (line 8, column 25)"},
        /* an assessors' sheets document */
        {ML_HEAD "  'policy': 'jian-2023',\n"
                 "  'review_rules': " RRULES("mean", "1") ",\n"
                 "  'candidates': [" P1 "],\n"
                 "  'sheets': [\n"
                 "    {'format': 'qaward-sheets/1', 'scheme': 'individual-example',\n"
                 "     'sheets': [\n"
                 "       {'applicant': 'P1', 'stage': 'material', 'assessor': 'E1',\n"
                 "        'scores': [{'item': 'I1.1', 'pct': 'high'}]}\n" /* line 11: the value at column 44 */
                 "     ]}\n"
                 "  ]\n"
                 "}",
         QAWARD_ESCHEMA,
         "$.sheets[0]: sheets: $.sheets[0].scores[0].pct: expected an integer, found a string (line 11, column 44)"},
        /* an inline policy */
        {ML_HEAD "  'policy': {\n"
                 "    'format': 'qaward-policy/1',\n"
                 "    'id': 'p',\n"
                 "    'fictional': 'yes'\n" /* line 7: the value at column 18 */
                 "  },\n"
                 "  'candidates': []\n"
                 "}",
         QAWARD_ESCHEMA, "$.policy: $.fictional: expected a boolean, found a string (line 7, column 18)"},
        /* inline review rules */
        {ML_HEAD "  'policy': 'jian-2023',\n"
                 "  'review_rules': {\n"
                 "    'format': 'qaward-review-rules/1',\n"
                 "    'id': 't',\n"
                 "    'kinds': {}\n" /* line 8: the value at column 14 */
                 "  },\n"
                 "  'candidates': []\n"
                 "}",
         QAWARD_ESCHEMA, "$.review_rules: review rules: $.kinds: expected an array, found an object (line 8, column 14)"},
        /* the history */
        {ML_HEAD "  'policy': 'jian-2023',\n"
                 "  'history': {\n"
                 "    'awards': [\n"
                 "      {'subject_id': 'A', 'level': 'award', 'kind': 'organization',\n"
                 "       'award_date': '2024-13-01'}\n" /* line 8: the value at column 22 */
                 "    ]\n"
                 "  },\n"
                 "  'candidates': []\n"
                 "}",
         QAWARD_EINVAL, "$.history: $.awards[0].award_date (line 8, column 22): date \"2024-13-01\": month 13 does not exist"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        refused_exactly(cases[i].doc, cases[i].code, cases[i].msg);
}

/* ---- the cycle report (Art. 13(三)(七), 15; R12, R13, R19) ------------------------------ */

#define VOTE ",'vote':{'for':10,'against':2,'abstain':1,'present':13,'members':15}"
#define ORULES                                                                                                        \
    "{'format':'qaward-review-rules/1','id':'r','kinds':[{'id':'organization','stages':[{'id':'material',"          \
    "'weight_permille':400},{'id':'site','weight_permille':600}],'min_composite':{'award':600.00,"                 \
    "'nomination':500.00}}],'tie_break':['site','material'],'vote':{'quorum':{'num':2,'den':3},"                    \
    "'pass':{'num':1,'den':2,'strict':true},'backfill':false}}"
/* A and B placed; T1/T2 equal at 700.00, split by the site stage (R12), T1's
 * scores are trade secrets; R refused, I incomplete, L below the minimum. */
static const char REPORT_DOC[] =
    "{'format':'qaward-cycle/1','cycle':{'id':'2025','decision_date':'2025-12-18','title':{'zh':'二〇二五'}},"
    "'policy':'jian-2023','review_rules':" ORULES ",'candidates':["
    "{'id':'A','name':'Alpha','kind':'organization','verdict':'eligible','composite':900,"
    "'stages':{'material':900,'site':900}" VOTE ",'notes':[{'key':'product','value':'spindles'},"
    "{'key':'process','value':'heat table','trade_secret':true}]},"
    "{'id':'B','kind':'organization','verdict':'eligible','composite':800,'stages':{'material':800,'site':800}},"
    "{'id':'T1','kind':'organization','verdict':'eligible','composite':700,'stages':{'material':715,'site':690},"
    "'scores_secret':true" VOTE "},"
    "{'id':'T2','kind':'organization','verdict':'eligible','composite':700,'stages':{'material':685,'site':710}" VOTE "},"
    "{'id':'L','kind':'organization','verdict':'eligible','composite':450.5,'stages':{'material':450,'site':450}" VOTE "},"
    "{'id':'R','name':'Refused Co','kind':'organization','verdict':'ineligible','reasons':["
    "{'rule_id':'art10_4','citation':'第十条（四）','zh':'质量管理体系不足三年','en':'ISO 9001 under three years'},"
    "{'rule_id':'bare'},{'rule_id':'en_only','en':'English only'}]},"
    "{'id':'I','kind':'organization','verdict':'incomplete','reasons':[{'rule_id':'zh_only','zh':'缺少证书'}]}]}";

static char *report(const qaward_cycle *c, int format, int lang, int pub)
{
    char *out = NULL;
    if (qaward_cycle_report(&out, ctx, c, format, lang, pub))
        fail_msg("report %d/%d/%d: %s", format, lang, pub, qaward_ctx_message(ctx));
    if (getenv("QA_SHOW"))
        printf("---- format %d lang %d public %d\n%s\n", format, lang, pub, out);
    return out;
}

#define HAS(s, needle)                                                                                                 \
    do {                                                                                                               \
        if (!strstr((s), (needle)))                                                                                    \
            fail_msg("missing \"%s\" in:\n%s", (needle), (s));                                                         \
    } while (0)
#define HASNT(s, needle)                                                                                               \
    do {                                                                                                               \
        if (strstr((s), (needle)))                                                                                     \
            fail_msg("unexpected \"%s\" in:\n%s", (needle), (s));                                                      \
    } while (0)

static void art13_report_every_format_language_and_version(void **s)
{
    (void)s;
    qaward_cycle *c;
    if (load(&c, REPORT_DOC))
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    /* JSON, reviewers' version: tie-break totals and secret notes included */
    char *r = report(c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0);
    HAS(r, "\"version\": \"reviewers\"");
    HAS(r, "\"title\": {\n      \"zh\": \"二〇二五\",\n      \"en\": null\n    }");
    HAS(r, "\"above\": \"T2\",\n          \"below\": \"T1\",\n          \"stage\": \"site\",\n"
           "          \"above_total\": 710.00,\n          \"below_total\": 690.00");
    HAS(r, "\"value\": \"heat table\",\n              \"trade_secret\": true");
    HAS(r, "\"rule_id\": \"bare\",\n          \"citation\": null,\n          \"zh\": null,\n          \"en\": null");
    HAS(r, "\"total_fen\": 153000000");
    qaward_string_free(ctx, r);
    /* JSON, public version: no totals for a tie-break involving T1 (R19) */
    r = report(c, QAWARD_REPORT_JSON, QAWARD_LANG_ZH, 1);
    HAS(r, "\"version\": \"public\"");
    HAS(r, "\"stage\": \"site\"\n        }");
    HASNT(r, "above_total");
    HASNT(r, "heat table");
    HASNT(r, "\"material\": 715.00");
    qaward_string_free(ctx, r);
    /* text, English, reviewers' version */
    r = report(c, QAWARD_REPORT_TEXT, QAWARD_LANG_EN, 0);
    HAS(r, "二〇二五 — cycle 2025 (decision date 2025-12-18)\n"
           "Policy: jian-2023 (Ji Fu Fa [2023] No. 1); review rules: r\n");
    HAS(r, "    1. Alpha (A)  composite 900.00  prize 500,000.00 CNY\n         stages: material 900.00 site 900.00\n"
           "         vote: passed (for 10, against 2, abstain 1; 13 of 15 present)\n         product: spindles\n"
           "         process: heat table [trade secret]\n");
    HAS(r, "    2. B (B)  composite 800.00  prize 500,000.00 CNY\n         stages: material 800.00 site 800.00\n"
           "         vote: no vote recorded\n");
    HAS(r, "   Tie-break (review rules): T2 above T1 on stage \"site\" (710.00 vs 690.00)\n");
    HAS(r, "stages: material 715.00 site 690.00 [trade secret]\n");
    HAS(r, "       L (L): below the minimum composite, composite 450.50\n");
    HAS(r, "       Refused Co (R)\n         - 第十条（四） ISO 9001 under three years\n         - bare\n"
           "         - English only\n");
    HAS(r, "       I (I)\n         - 缺少证书\n");
    HAS(r, "Prize budget (Art. 17): 1,530,000.00 CNY\n");
    qaward_string_free(ctx, r);
    /* text, English, public version: secret totals and notes left out */
    r = report(c, QAWARD_REPORT_TEXT, QAWARD_LANG_EN, 1);
    HAS(r, "Public version (material marked as trade secrets omitted, R19).");
    HAS(r, "   Tie-break (review rules): T2 above T1 on stage \"site\" (- vs -)\n");
    HAS(r, "    1. T1 (T1)  composite 700.00  prize 30,000.00 CNY\n         vote: passed");
    HASNT(r, "heat table");
    HASNT(r, "715.00");
    qaward_string_free(ctx, r);
    /* text, Chinese */
    r = report(c, QAWARD_REPORT_TEXT, QAWARD_LANG_ZH, 0);
    HAS(r, "二〇二五 — 届次 2025 (决定日期 2025-12-18)\n政策: jian-2023 (吉府发〔2023〕1号); 评审规则: r\n");
    HAS(r, "   并列处理（评审规则）：T2 排在 T1 之前，依据“site”阶段得分（710.00 对 690.00）\n");
    HAS(r, "         - 第十条（四） 质量管理体系不足三年\n         - bare\n         - English only\n");
    HAS(r, "         投票：未投票\n");
    qaward_string_free(ctx, r);
    r = report(c, QAWARD_REPORT_TEXT, QAWARD_LANG_ZH, 1);
    HAS(r, "依据“site”阶段得分（- 对 -）\n");
    qaward_string_free(ctx, r);
    /* not a format / not a language */
    char *bad = (char *)1;
    assert_int_equal(qaward_cycle_report(&bad, ctx, c, 2, QAWARD_LANG_EN, 0), QAWARD_EINVAL);
    assert_string_equal(qaward_ctx_message(ctx), "qaward_cycle_report: format 2 is not a qaward_report_format");
    assert_int_equal(qaward_cycle_report(&bad, ctx, c, QAWARD_REPORT_TEXT, 7, 0), QAWARD_EINVAL);
    assert_string_equal(qaward_ctx_message(ctx), "qaward_cycle_report: lang 7 is not a qaward_lang");
    qaward_cycle_free(c);
}

struct sink {
    int rc;
    size_t calls, len;
    char buf[65536];
};
static int sink_fn(void *ud, const char *data, size_t len)
{
    struct sink *k = ud;
    k->calls++;
    if (k->rc)
        return k->rc;
    assert_true(k->len + len < sizeof k->buf);
    memcpy(k->buf + k->len, data, len);
    k->len += len;
    k->buf[k->len] = '\0';
    return 0;
}

/* The streamed text report is the string report; a failing sink's value comes
 * back unchanged, named in the message. */
static void report_write_text_and_failing_sink(void **s)
{
    (void)s;
    qaward_cycle *c;
    if (load(&c, REPORT_DOC))
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    static struct sink k;
    for (int f = 0; f < 2; f++) {
        memset(&k, 0, sizeof k);
        assert_int_equal(qaward_cycle_report_write(ctx, c, f, QAWARD_LANG_ZH, 1, sink_fn, &k), 0);
        char *r = report(c, f, QAWARD_LANG_ZH, 1);
        assert_string_equal(k.buf, r);
        qaward_string_free(ctx, r);
        memset(&k, 0, sizeof k);
        k.rc = -42;
        assert_int_equal(qaward_cycle_report_write(ctx, c, f, QAWARD_LANG_EN, 0, sink_fn, &k), -42);
        assert_string_equal(qaward_ctx_message(ctx), "cycle report: the output sink failed (-42)");
        assert_int_equal(k.calls, 1);
    }
    qaward_cycle_free(c);
}

/* A policy with its name and source in one language each, a title in English
 * only: the text report falls back to the language given. */
static void report_text_falls_back_to_the_language_given(void **s)
{
    (void)s;
    size_t pl;
    char *pol = read_src("data/policies/lakeside-2024.json", &pl);
    /* the name in Chinese only, the source in English only */
    char *at = strstr(pol, "\"name\": {"), *end = strstr(pol, "\"in_force\"");
    assert_true(at && end && at < end);
    const char *repl = "\"name\": {\"zh\": \"湖滨\"},\n  \"source\": {\"en\": \"fictional\"},\n  ";
    memmove(at + strlen(repl), end, strlen(end) + 1);
    memcpy(at, repl, strlen(repl));
    size_t n = pl + 512;
    char *doc = malloc(n);
    snprintf(doc, n,
             "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"decision_date\":\"2025-12-18\","
             "\"title\":{\"en\":\"Lakeside 2025\"}},\"policy\":%s,\"candidates\":[]}",
             pol);
    qaward_cycle *c = NULL;
    if (qaward_cycle_load_json(&c, ctx, doc, strlen(doc)))
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_string_equal(qaward_policy_name(qaward_cycle_policy(c), QAWARD_LANG_EN), "湖滨");
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    char *r = report(c, QAWARD_REPORT_TEXT, QAWARD_LANG_ZH, 0);
    HAS(r, "Lakeside 2025 — 届次 2025 (决定日期 2025-12-18)\n政策: lakeside-2024【虚构政策，仅为示例】 (fictional)\n评审版");
    qaward_string_free(ctx, r);
    r = report(c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0);
    HAS(r, "\"title\": {\n      \"zh\": null,\n      \"en\": \"Lakeside 2025\"\n    }");
    HAS(r, "\"policy_name\": {\n      \"zh\": \"湖滨\",\n      \"en\": null\n    }");
    qaward_string_free(ctx, r);
    qaward_cycle_free(c);
    /* no title: the policy's name, in Chinese for want of English */
    snprintf(doc, n, "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"decision_date\":\"2025-12-18\"},"
             "\"policy\":%s,\"candidates\":[]}", pol);
    if (qaward_cycle_load_json(&c, ctx, doc, strlen(doc)))
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    r = report(c, QAWARD_REPORT_TEXT, QAWARD_LANG_EN, 1);
    HAS(r, "湖滨 — cycle 2025 (decision date 2025-12-18)\n");
    qaward_string_free(ctx, r);
    qaward_cycle_free(c);
    free(doc);
    free(pol);
}

/* R8: a re-winner without a recorded vote, shown outside the quota with no
 * prize; the tie-break's upper candidate keeps its scores secret (R19). */
static void r8_rewinner_and_secret_upper_tie_in_report(void **s)
{
    (void)s;
    qaward_cycle *c;
    int rc = load(&c, "{'format':'qaward-cycle/1','cycle':{'id':'2025','decision_date':'2025-12-18'},"
                      "'policy':'jian-2023','review_rules':" ORULES ",'history':{'awards':[{'subject_id':'W',"
                      "'level':'award','kind':'organization','cycle_id':'2017','award_date':'2017-12-20',"
                      "'prize_fen':50000000}]},'candidates':["
                      "{'id':'W','kind':'organization','verdict':'eligible','composite':950,"
                      "'stages':{'material':950,'site':950}},"
                      "{'id':'A','kind':'organization','verdict':'eligible','composite':900,"
                      "'stages':{'material':900,'site':900}" VOTE "},"
                      "{'id':'B','kind':'organization','verdict':'eligible','composite':800,"
                      "'stages':{'material':800,'site':800}" VOTE "},"
                      "{'id':'T1','kind':'organization','verdict':'eligible','composite':700,"
                      "'stages':{'material':685,'site':710},'scores_secret':true" VOTE "},"
                      "{'id':'T2','kind':'organization','verdict':'eligible','composite':700,"
                      "'stages':{'material':715,'site':690}" VOTE "}]}");
    if (rc)
        fail_msg("%s", qaward_ctx_message(ctx));
    assert_int_equal(qaward_cycle_run(ctx, c, NULL), 0);
    assert_int_equal(qaward_cycle_candidate_outcome(c, 0), QAWARD_OUTCOME_REWIN);
    assert_int_equal(qaward_cycle_candidate_prize(c, 0), 0);
    char *r = report(c, QAWARD_REPORT_TEXT, QAWARD_LANG_EN, 1);
    HAS(r, "   Tie-break (review rules): T1 above T2 on stage \"site\" (- vs -)\n");
    HAS(r, "re-winners 1 (outside the quota, no prize)");
    HAS(r, "    1. W (W)  composite 950.00  prize 0.00 CNY\n         stages: material 950.00 site 950.00\n"
           "         re-winner (R8; earlier award 2017-12-20)\n         vote: no vote recorded\n");
    HAS(r, "    4. T1 (T1)  composite 700.00  prize 500,000.00 CNY\n         vote: passed");
    qaward_string_free(ctx, r);
    r = report(c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 1);
    HAS(r, "\"above\": \"T1\",\n          \"below\": \"T2\",\n          \"stage\": \"site\"\n        }");
    qaward_string_free(ctx, r);
    r = report(c, QAWARD_REPORT_JSON, QAWARD_LANG_EN, 0);
    HAS(r, "\"above_total\": 710.00,\n          \"below_total\": 690.00");
    qaward_string_free(ctx, r);
    qaward_cycle_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(candidate_fields_refused_by_path),
        cmocka_unit_test(candidate_subject_and_optional_fields_are_kept),
        cmocka_unit_test(reason_message_falls_back_to_the_other_language),
        cmocka_unit_test(art13_3_facts_checked_with_own_or_given_store),
        cmocka_unit_test(top_level_fields_refused_by_path),
        cmocka_unit_test(inline_policy_and_rules_load_like_builtins),
        cmocka_unit_test(art13_sheets_give_stage_totals),
        cmocka_unit_test(art13_sheets_failures_name_the_document),
        cmocka_unit_test(sub_documents_report_positions_in_the_cycle_document),
        cmocka_unit_test(art13_report_every_format_language_and_version),
        cmocka_unit_test(report_write_text_and_failing_sink),
        cmocka_unit_test(r8_rewinner_and_secret_upper_tie_in_report),
        cmocka_unit_test(report_text_falls_back_to_the_language_given),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

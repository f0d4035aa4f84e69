/* Internal: check records and verdicts shared by eligibility.c and verdict_json.c. */
#ifndef QAWARD_ELIG_INT_H
#define QAWARD_ELIG_INT_H

#include "qaward/eligibility.h"
#include "store_int.h"
#include "subject_int.h"

/* Rule types beyond the condition types. */
#define QA_RULE_WAIT QA_COND__COUNT
#define QA_RULE_BAN (QA_COND__COUNT + 1)

/* Why a check is UNKNOWN or NOT_APPLICABLE. */
enum {
    QA_WHY_NONE = 0,
    QA_WHY_MISSING,          /* the fact is not known */
    QA_WHY_NO_EMPLOYER,      /* an employer condition and no employer facts */
    QA_WHY_FOR_PROFIT,       /* applicability depends on for_profit, not known */
    QA_WHY_NOT_FOR_PROFIT,   /* NOT_APPLICABLE: applies to for-profit only */
    QA_WHY_NOT_NON_PROFIT,   /* NOT_APPLICABLE: applies to non-profit only */
    QA_WHY_GRADE_MISSING,    /* an event without the grade the rule needs */
    QA_WHY_LEVEL_MISSING,    /* a certificate without its level */
    QA_WHY_NONE_VALID,       /* FAIL: no certificate of the types valid on the date */
    QA_WHY_NOT_LISTED        /* FAIL: no certificate of the types at all */
};

/* One check's record. Strings point into the verdict's pool (or, in the
 * checker's scratch, into the subject/history). */
typedef struct qa_rec {
    uint16_t rule;            /* index into the kind's rule list: conditions, waits, sanctions */
    uint8_t outcome;          /* qaward_outcome */
    uint8_t type;             /* qa_cond_type, QA_RULE_WAIT, QA_RULE_BAN */
    uint8_t why;
    uint8_t time_only;        /* FAIL that passes by itself on `earliest` */
    uint16_t n_vals;          /* profit: number of years in vals */
    qaward_date earliest;
    qaward_date d1, d2, d3;
    int64_t n1, n2;
    const char *s1, *s2;
    int64_t *vals;            /* profit: [2*k] = value, [2*k+1] = known (R4) */
} qa_rec;

struct qaward_verdict {
    qaward_allocator alloc;
    const qaward_policy *policy;
    int kind;
    const char *subject_id;
    qaward_date as_of;
    int status;
    qaward_date earliest;
    size_t n;
    qa_rec *recs;
    char **cache;             /* lazily: 4 per check: message en, message zh, facts, threshold */
};

const char *qa_rule_type_name(int type);
const char *qa_rule_id(const qaward_policy *p, int kind, int rule);
const qa_text *qa_rule_citation(const qaward_policy *p, int kind, int rule);
const qa_text *qa_rule_title(const qaward_policy *p, int kind, int rule);

/* A condition compiled for the fast checks (qaward_checker_new). */
typedef struct qa_fcond {
    uint8_t type;             /* qa_cond_type */
    uint8_t on;               /* qa_cond_on */
    uint8_t applies;          /* qa_applies */
    uint8_t fact;             /* qa_fact */
    int32_t years;
    uint64_t mask;            /* CERT_HELD: certificate types; NO_EVENT: event kinds (bit = policy index) */
    int32_t idx;              /* ATTESTATION: attestation index; CERT_LEVEL: certificate type */
    int32_t min_level;        /* CERT_LEVEL */
    const qa_event_rule *events; /* NO_EVENT */
    size_t n_events;
} qa_fcond;

/* The checker: scratch for checks without allocation in steady state. */
struct qaward_checker {
    qaward_allocator alloc;   /* copy, so that freeing needs no context */
    qaward_ctx *ctx;
    const qaward_policy *policy;
    qaward_store store;
    int has_store;
    qaward_history hist;
    qa_rec *recs;             /* max rules of any kind */
    size_t max_rules;
    int64_t *vals;            /* profit scratch */
    size_t n_vals_cap;
    qa_fcond **fconds;        /* per kind, or NULL when the policy does not fit the fast checks */
    uint32_t *nf;             /* fast checks: not-passed rules, rule | outcome << 16 */
    size_t n_nf;
};

/* Run every check of s's kind into c->recs; *n_out = number of checks. */
int qa_run_checks(qaward_checker *c, const qaward_subject *s, qaward_date as_of, int *kind_out, size_t *n_out,
                  int *status, qaward_date *earliest);
/* Copy the checker's records into a new verdict (one allocation). */
int qa_make_verdict(qaward_verdict **out, qaward_checker *c, const qaward_subject *s, int kind, size_t n,
                    qaward_date as_of, int status, qaward_date earliest);

#endif

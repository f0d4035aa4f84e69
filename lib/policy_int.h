/* Internal policy representation (DESIGN part B, "policy as data").
 *
 * A qaward_policy is immutable after loading and owns all its memory in one
 * arena. Every number and shape that differs between jurisdictions lives here;
 * no rule code holds a city's number. Indices (level, kind, scale, event kind,
 * certificate type) refer to the arrays of this struct. Other modules (cycle,
 * sanctions) may read these fields directly; public callers use the getters in
 * include/qaward/policy.h. Not installed. */
#ifndef QAWARD_POLICY_INT_H
#define QAWARD_POLICY_INT_H

#include "internal.h"
#include "qaward/policy.h"

/* ---- arena: one owner for a whole object graph ------------------------------ */
typedef struct qa_arena_chunk qa_arena_chunk;
typedef struct qa_arena {
    qaward_allocator alloc;
    qa_arena_chunk *head;
    size_t used, cap;   /* in head */
    size_t chunk;       /* minimum chunk size (default 4000) */
} qa_arena;
void qa_arena_init(qa_arena *a, const qaward_allocator *alloc);
void *qa_arena_alloc(qa_arena *a, size_t n);            /* zeroed, 8-aligned; NULL on OOM */
char *qa_arena_strdup(qa_arena *a, const char *s);      /* NULL for NULL */
void qa_arena_reset(qa_arena *a);                       /* keep the first chunk, drop the rest */
void qa_arena_free(qa_arena *a);

/* FNV-1a: ids are compared by hash first, then confirmed with strcmp. */
static inline uint64_t qa_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ull;
    return h;
}

/* A bilingual text; either may be NULL when the policy omits it. */
typedef struct qa_text {
    const char *zh;
    const char *en;
} qa_text;

/* Ordered grade scale, lowest first: accidents 一般 < 较大 < 重大 < 特别重大 (R18);
 * certificate levels 三级 < 二级 < 一级 ("at or better than" = index >=). */
typedef struct qa_scale {
    const char *id;
    const char **grades;
    size_t n_grades;
} qa_scale;

/* An event kind a subject may report (R18). */
typedef struct qa_event_kind {
    const char *id;
    uint64_t h;         /* qa_hash(id) */
    qa_text name;
    int scale;          /* index into scales, or -1 when the kind has no grades */
} qa_event_kind;

/* A certificate type the policy recognises ("the certificate list is data"). */
typedef struct qa_cert_type {
    const char *id;
    uint64_t h;         /* qa_hash(id) */
    qa_text name;
    int scale;          /* index into scales for levelled certificates, or -1 */
} qa_cert_type;

typedef struct qa_kind {
    const char *id;     /* "organization", "individual" */
    uint64_t h;         /* qa_hash(id) */
    qa_text name;
    int person;         /* 1 when subjects of this kind are natural persons (employer checks apply) */
} qa_kind;

typedef struct qa_level {
    const char *id;     /* "award", "nomination"; "gold", "silver", "commendation" */
    qa_text name;
    int rank;           /* 1 = highest */
    int honour_only;    /* no prize money at all (certificate and title only) */
    int main;           /* a "main award" for re-win purposes (R8) */
    int rewin_prize;    /* 1: a re-winner of this level still gets the prize (R8: 0 for Ji'an) */
    int rewin_quota;    /* 1: a re-winner takes a quota place (R8: 0 for Ji'an) */
} qa_level;

/* One quota: at most `max` winners of `level` across the kinds in `kinds`.
 * Per-kind quotas have one kind; a pooled quota lists several (R12). */
typedef struct qa_quota {
    int level;
    int *kinds;
    size_t n_kinds;
    int32_t max;
    qa_text citation;
} qa_quota;

/* ---- eligibility conditions (Art. 10, 11) ----------------------------------- */
typedef enum qa_cond_type {
    QA_COND_ATTESTATION = 0,   /* an attestation given by the reviewing body (R6) */
    QA_COND_FLAG,              /* a boolean fact must be true (legal person) */
    QA_COND_REGION,            /* region code within the jurisdiction (Art. 2, 10(2)) */
    QA_COND_YEARS_SINCE,       /* start date + N years <= as_of (R3) */
    QA_COND_CERT_HELD,         /* certificate of a listed type held N years and valid on as_of (R3) */
    QA_COND_CERT_LEVEL,        /* certificate of a type valid on as_of at or better than a level */
    QA_COND_PROFIT_YEARS,      /* net profit > 0 in each of the last N fiscal years (R4) */
    QA_COND_NO_EVENT,          /* no disqualifying event within the look-back (R18) */
    QA_COND__COUNT
} qa_cond_type;

/* Whose facts a condition reads. */
typedef enum qa_cond_on { QA_ON_SELF = 0, QA_ON_EMPLOYER = 1 } qa_cond_on;

/* Which subjects a condition applies to (Art. 10(5): for-profit vs non-profit). */
typedef enum qa_applies { QA_APPLIES_ALL = 0, QA_APPLIES_FOR_PROFIT = 1, QA_APPLIES_NON_PROFIT = 2 } qa_applies;

/* Date and flag facts a condition can read (subject.h names them). */
typedef enum qa_fact {
    QA_FACT_REGISTRATION = 0,      /* registration_date */
    QA_FACT_EXCELLENCE_SINCE,      /* excellence_model_since */
    QA_FACT_QUALITY_WORK_SINCE,    /* quality_work_since */
    QA_FACT_LEGAL_PERSON,          /* legal_person (flag) */
    QA_FACT_FOR_PROFIT,            /* for_profit (flag) */
    QA_FACT__COUNT
} qa_fact;

/* One disqualifying event rule: an event of `kind` disqualifies when its grade
 * is at least `min_grade` (QA_GRADE_ANY: any grade; QA_GRADE_NONE: never by grade) or, with `any_death`, when it caused
 * at least one death whatever its grade (R18). */
#define QA_GRADE_ANY (-1)   /* min_grade omitted: every event of the kind disqualifies */
#define QA_GRADE_NONE (-2)  /* min_grade omitted with any_death: grade never disqualifies, deaths do */
typedef struct qa_event_rule {
    int kind;
    int min_grade;
    int any_death;
} qa_event_rule;

typedef struct qa_cond {
    const char *id;            /* stable rule id, e.g. "art10_4_management_system" */
    qa_text citation;          /* 第十条（四） / Art. 10(4) */
    qa_text title;             /* short description */
    qa_cond_type type;
    qa_cond_on on;
    qa_applies applies;
    qa_fact fact;              /* YEARS_SINCE, FLAG */
    int32_t years;             /* YEARS_SINCE, CERT_HELD, PROFIT_YEARS; NO_EVENT look-back (0 = ever) */
    const char *attestation;   /* ATTESTATION */
    uint64_t attestation_h;    /* qa_hash(attestation) */
    int attest_idx;            /* index into the policy's attestation table */
    int *cert_types;           /* CERT_HELD (any of), CERT_LEVEL (first) */
    size_t n_cert_types;
    int min_level;             /* CERT_LEVEL: grade index in the certificate type's scale */
    qa_event_rule *events;     /* NO_EVENT */
    size_t n_events;
} qa_cond;

/* ---- waits, bans (Art. 5, 20, 22; R7–R11) ----------------------------------- */
typedef enum qa_unit { QA_UNIT_YEARS = 0, QA_UNIT_CYCLES = 1 } qa_unit;

/* How a re-application wait is counted from an award dated in year Y.
 *  EXCLUDE_AWARD_YEAR: N full years after Y: from 1 Jan Y+N+1 (R7).
 *  INCLUDE_AWARD_YEAR: N years counting Y: from 1 Jan Y+N.
 *  FROM_DATE:          award date + N years (R1).
 * With unit CYCLES, N editions after the award's edition: from the first day
 * of edition e+N+1 (exclude) or e+N (include). */
typedef enum qa_count {
    QA_COUNT_EXCLUDE_AWARD_YEAR = 0,
    QA_COUNT_INCLUDE_AWARD_YEAR = 1,
    QA_COUNT_FROM_DATE = 2
} qa_count;

typedef struct qa_wait {
    const char *id;            /* rule id, e.g. "art5_reapply_wait" */
    qa_text citation;
    int level;                 /* the award level whose winners wait */
    int32_t length;
    qa_unit unit;
    qa_count count;
    int revoked_counts;        /* 1: a revoked award still imposes the wait (R8) */
} qa_wait;

/* A sanction kind: its ban and whether it revokes (R9–R11). */
typedef struct qa_sanction {
    const char *kind;          /* "false_materials", "fraud_bribery", ... */
    const char *rule_id;       /* rule id of its eligibility check, e.g. "art20_false_materials_ban" */
    qa_text name;
    qa_text citation;
    int has_ban;
    int32_t ban_length;        /* in ban_unit */
    qa_unit ban_unit;
    qa_count ban_count;        /* FROM_DATE for years (R9, R10); for cycles EXCLUDE = "the next N editions" */
    int revokes;               /* revokes the award (R10, R11) */
    int public_notice;         /* the revocation is made public (Art. 22) */
    int32_t incident_window_years; /* R11: only incidents dated award_date <= e < award_date + N; 0 = any time */
} qa_sanction;

struct qaward_policy {
    qa_arena arena;
    const char *id;
    qa_text name;
    qa_text source;            /* e.g. 吉府发〔2023〕1号 */
    int fictional;
    qaward_date valid_from;    /* R17: first day in force */
    qaward_date valid_to;      /* last day in force, or QAWARD_DATE_NONE */
    qa_text in_force_citation; /* 第二十六条 / Art. 26 */
    qa_text jurisdiction;
    const char **region_prefixes;
    size_t n_region_prefixes;
    int32_t cycle_years;       /* Art. 4: 2 */
    int32_t first_edition_year;/* year the first edition (cycle) starts; editions every cycle_years */
    qa_text cycle_citation;

    qa_scale *scales;            size_t n_scales;
    qa_event_kind *event_kinds;  size_t n_event_kinds;
    qa_cert_type *cert_types;    size_t n_cert_types;
    qa_kind *kinds;              size_t n_kinds;
    qa_level *levels;            size_t n_levels;
    qa_quota *quotas;            size_t n_quotas;
    int *quota_of;               /* [level * n_kinds + kind] -> index into quotas */
    int64_t *prize_fen;          /* [level * n_kinds + kind]; 0 for honour-only levels */
    qa_text prize_citation;
    qa_cond **conds;             /* per kind: the conditions, in order */
    size_t *n_conds;             /* per kind */
    const char **attest_ids;     uint64_t *attest_h; size_t n_attest_ids; /* distinct attestation ids */
    qa_wait *waits;              size_t n_waits;
    qa_sanction *sanctions;      size_t n_sanctions;
};

/* Lookups by id; -1 when absent. */
int qa_policy_level(const qaward_policy *p, const char *id);
int qa_policy_kind(const qaward_policy *p, const char *id);
int qa_policy_event_kind(const qaward_policy *p, const char *id);
int qa_policy_cert_type(const qaward_policy *p, const char *id);
int qa_policy_sanction(const qaward_policy *p, const char *kind);
int qa_scale_grade(const qa_scale *s, const char *grade);

/* First day of the edition (cycle) containing `d`, and of edition index e
 * (edition 0 starts 1 Jan first_edition_year). */
int32_t qa_policy_edition_of(const qaward_policy *p, qaward_date d);
qaward_date qa_policy_edition_start(const qaward_policy *p, int32_t edition);

/* Day from which a winner of wait w may apply again (R7); NONE if unbounded. */
qaward_date qa_wait_until(const qaward_policy *p, const qa_wait *w, qaward_date award_date);
/* Ban window [from, until) for a finding dated `decided` (R9, R10); 0 when the kind bans. */
int qa_sanction_window(const qaward_policy *p, const qa_sanction *s, qaward_date decided, qaward_date *from,
                       qaward_date *until);

/* Load with a document name used in parse errors (policy_json.c). */
int qa_policy_load_json_named(qaward_policy **out, qaward_ctx *ctx, const char *json, size_t len, const char *what);

/* A policy object already parsed as part of a cycle document (cycle_json.c):
 * as qaward_policy_load_json, with messages keeping the positions in that
 * document. */
struct qj_value;
int qa_policy_from_node(qaward_policy **out, qaward_ctx *ctx, const struct qj_value *node);

#endif

/* Internal representation of an award cycle (cycle.c, cycle_json.c,
 * cycle_report.c). Not installed. */
#ifndef QAWARD_CYCLE_INT_H
#define QAWARD_CYCLE_INT_H

#include "internal.h"
#include "policy_int.h"
#include "qaward/cycle.h"
#include "qaward/eligibility.h"
#include "qaward/subject.h"

#define CY_MAX_LEVELS 8

typedef struct cy_reason {
    char *rule_id, *citation, *zh, *en;
    char *citation_en;         /* from a verdict (English citation), or NULL */
    int unknown;               /* 1: the check was unknown (R5), 0: failed or given */
} cy_reason;

typedef struct cy_stage {
    const char *id;            /* interned in qaward_cycle.stage_names */
    int64_t total;
} cy_stage;

typedef struct cy_note {
    char *key, *value;
    int secret;
} cy_note;

/* Field order and widths keep this small: a 100,000-candidate cycle must stay
 * under 3x its document's size in memory (issue 4). */
typedef struct cy_cand {
    char *id, *name;           /* in the cycle's string pool */
    const qaward_subject *subject; /* facts to check (qaward_cycle_set_subject), or NULL */
    qaward_subject *own_subject;   /* owned when loaded from JSON */
    cy_reason *reasons;        size_t n_reasons, cap_reasons;
    cy_stage *stages;
    cy_note *notes;            size_t n_notes, cap_notes;
    int64_t composite_in;
    /* results of qaward_cycle_run() */
    int64_t composite;
    int64_t rank;
    int64_t prize;
    qaward_date prior[CY_MAX_LEVELS]; /* R8: latest earlier unrevoked award per level, or NONE */
    int32_t v_for, v_against, v_abstain, v_present, v_members;
    uint32_t n_stages, cap_stages;
    int level;                 /* level index of the outcome, -1 */
    int bucket;                /* bucket index of the outcome, -1 */
    int vote;                  /* qaward_vote_state */
    int16_t kind;              /* policy kind index */
    int8_t verdict;            /* qaward_cycle_verdict */
    int8_t has_composite;
    int8_t defence;            /* -1 unset, 0 failed, 1 passed */
    int8_t has_vote;
    int8_t tie_decision;       /* -1 none, 0 not placed, 1 placed */
    int8_t scores_secret;
    int8_t outcome;
    int8_t has_score;
    int8_t qualified;          /* reached some level's minimum */
    int8_t avail;              /* still to be placed (during the run) */
} cy_cand;

/* a block of the candidates' string pool */
struct cy_pool {
    struct cy_pool *next;
    size_t used, cap;
    char data[];
};

/* A tie-break applied between two adjacent candidates of equal composite (R12). */
typedef struct cy_trace {
    size_t above, below;       /* candidate indices */
    size_t stage;              /* index into the tie-break order */
    int64_t above_total, below_total;
} cy_trace;

typedef struct cy_bucket {
    int quota;                 /* policy quota index */
    int level;
    int32_t max, placed, vacant, tied, vote_failed, rewinners;
    int64_t prize_total;
    size_t *members;           /* candidates decided here, report order */
    size_t n_members;
    cy_trace *traces;          size_t n_traces;
} cy_bucket;

struct qaward_cycle {
    qaward_allocator alloc;
    const qaward_policy *policy;
    const qaward_review_rules *rules;
    char *id;
    qaward_date decision_date;
    qaward_date as_of;          /* applications' date (informational), or NONE */
    cy_cand *cands;            size_t n_cands, cap_cands;
    /* a sorted index of subject ids for lookups (rebuilt lazily) */
    size_t *by_id;             size_t n_by_id; /* id hash: slots (index+1), capacity */
    /* results */
    int run;
    cy_bucket *buckets;        size_t n_buckets;
    int64_t prize_total;
    /* owned when loaded from JSON */
    qaward_policy *own_policy;
    qaward_review_rules *own_rules;
    qaward_memstore *own_store;
    char *title_zh, *title_en;
    /* candidates' ids and names live in one pool of blocks (memory, issue 4) */
    struct cy_pool *pool;
    /* distinct stage ids, shared by every candidate's cy_stage.id */
    char **stage_names;        size_t n_stage_names, cap_stage_names;
};

void cy_results_clear(qaward_cycle *c);
void cy_reasons_clear(const qaward_allocator *a, cy_cand *k);
/* Run the eligibility checks of every candidate with subject facts (cycle_check.c). */
int cy_check_all(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store);
/* Every level and kind the review rules name exists in the policy (review.c). */
int qa_review_rules_check_policy(qaward_ctx *ctx, const qaward_review_rules *r, const qaward_policy *p);

#endif

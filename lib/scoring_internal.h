/* Internal structures of the scoring and review-rules module. Not installed. */
#ifndef QAWARD_SCORING_INTERNAL_H
#define QAWARD_SCORING_INTERNAL_H

#include "internal.h"
#include "qaward/scoring.h"
#include "qaward/review.h"
#include "scoring_int.h"

typedef struct qa_text {
    char *zh;
    char *en;
} qa_text;

typedef struct qa_item {
    char *id;
    qa_text name;
    int64_t points;
    int kind;            /* qaward_item_kind */
    size_t category;
} qa_item;

typedef struct qa_category {
    char *id;
    qa_text name;
    int64_t points;
    size_t first, count; /* items[first .. first+count) */
} qa_category;

struct qaward_scheme {
    qaward_allocator alloc;
    char *id;
    qa_text title;
    char *note;
    int example;
    int64_t total;
    int64_t parts[3];    /* [QAWARD_ITEM_PROCESS], [QAWARD_ITEM_RESULTS]; -1 = not declared */
    int step;
    size_t n_items, n_cats;
    qa_item *items;
    qa_category *cats;
};

/* Checks sums, step and unique ids of a filled scheme; names the node. */
int qa_scheme_check(qaward_ctx *ctx, const qaward_scheme *s);
void qa_text_free(const qaward_allocator *a, qa_text *t);
const char *qa_text_get(const qa_text *t, const char *lang);

/* Interned strings: index by string, string by index. */
typedef struct qa_strtab {
    char **s;
    size_t n, cap;
    uint32_t *slots;     /* open addressing: index+1, 0 = empty */
    size_t nslots;
} qa_strtab;
/* Index of s, adding it when absent. Returns -1 on ENOMEM (no message). */
int64_t qa_strtab_intern(const qaward_allocator *a, qa_strtab *t, const char *s);
/* Index of s or -1. */
int64_t qa_strtab_find(const qa_strtab *t, const char *s);
void qa_strtab_free(const qaward_allocator *a, qa_strtab *t);

typedef struct qa_sheet {
    uint32_t applicant, stage, assessor;
    uint8_t role;
} qa_sheet;

typedef struct qa_comment {
    size_t sheet, item;
    char *text;
} qa_comment;

#define QA_KIND_NONE UINT32_MAX

struct qaward_sheets {
    qaward_allocator alloc;
    const qaward_scheme *scheme;
    qa_strtab applicants, stages, assessors, kinds;
    uint32_t *app_kind;  /* per applicant: index in kinds or QA_KIND_NONE */
    size_t app_kind_cap;
    qa_sheet *sheets;
    size_t n, cap;
    int8_t *pct;         /* n * n_items, -1 = not set */
    size_t pct_cap;      /* in sheets */
    qa_comment *comments;
    size_t n_comments, comments_cap;
};

typedef struct qa_group {
    uint32_t applicant, stage;
    uint8_t role;        /* QAWARD_ROLE_ASSESSOR (panel) or QAWARD_ROLE_SELF */
    uint32_t n_assessors;
    uint8_t consensus;   /* the consensus sheet decided the scores */
} qa_group;

struct qaward_scores {
    qaward_allocator alloc;
    const qaward_sheets *sheets;
    const qaward_scheme *scheme;
    int aggregation;
    int spread_threshold;
    size_t n;
    qa_group *groups;
    int64_t *items;      /* n * n_items */
    uint8_t *spread;     /* n * n_items, percentage points */
    int64_t *cats;       /* n * n_cats */
    int64_t *totals;     /* n * 3: process, results, total */
    uint32_t *lookup;    /* (applicant * n_stages + stage) * 2 + (role == SELF): result index + 1 */
    size_t n_apps, n_stages;
};

typedef struct qa_stage_rule {
    char *id;
    int64_t weight;      /* per-mille; -1 = not set */
    int gate;
    int64_t pass_mark;   /* hundredths; -1 = not set */
} qa_stage_rule;

typedef struct qa_tier_min {
    char *tier;
    int64_t min;         /* hundredths */
} qa_tier_min;

typedef struct qa_kind_rule {
    char *id;
    char *scheme;        /* NULL = not set */
    int stages_set;
    size_t n_stages;
    qa_stage_rule *stages;
    size_t n_mins;
    qa_tier_min *mins;
} qa_kind_rule;

struct qaward_review_rules {
    qaward_allocator alloc;
    char *id;
    char *policy;
    char *note;
    int example;
    size_t n_kinds;
    qa_kind_rule *kinds;
    int aggregation;             /* 0 = not set */
    int64_t min_assessors;       /* -1 = not set */
    int spread_threshold;        /* -1 = not set */
    int tie_break_set;
    size_t n_tie_break;
    char **tie_break;
    int quorum_set, pass_set, backfill_set;
    int64_t quorum_num, quorum_den, pass_num, pass_den;
    int pass_strict, backfill;
};

/* Check a filled rules struct (weights total 1000 per kind, tie-break names a stage). */
int qa_review_rules_check(qaward_ctx *ctx, const qaward_review_rules *r);
const qa_kind_rule *qa_rules_kind(const qaward_review_rules *r, const char *kind);
/* Every level and kind the review rules name exists in the policy (R14). */
struct qaward_policy;
int qa_review_rules_check_policy(qaward_ctx *ctx, const qaward_review_rules *r, const struct qaward_policy *p);

typedef struct qa_composite {
    uint32_t scores_set;
    uint32_t applicant;          /* in that set's sheets */
    const char *kind;
    int status;
    int64_t composite;
    const char *missing;         /* INCOMPLETE: the stage without scores */
    const char *failed_gate;     /* GATE_FAILED: the gate stage */
} qa_composite;

struct qaward_composites {
    qaward_allocator alloc;
    const qaward_review_rules *rules;
    size_t n_sets;
    const qaward_scores **sets;
    size_t n;
    qa_composite *items;
};

/* Set item `it` on sheet `index` (checks range, step, duplicates; no qa_ok). */
int qa_sheets_set_item(qaward_ctx *ctx, qaward_sheets *s, size_t index, size_t it, int pct, const char *comment);

/* Round half away from zero: num / den with den > 0. */
int64_t qa_div_round(int64_t num, int64_t den);

const char *qa_aggregation_name(int method);
int qa_aggregation_parse(const char *s);

/* Panel result index of (applicant, stage) in scores, or -1. */
int64_t qa_scores_find_group(const qaward_scores *s, uint32_t applicant, uint32_t stage, int role);

#endif

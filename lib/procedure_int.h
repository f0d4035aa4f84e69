/* Internal procedure, refusal and timeline representation, shared by
 * procedure.c (rules) and procedure_json.c (documents). */
#ifndef QAWARD_PROCEDURE_INT_H
#define QAWARD_PROCEDURE_INT_H

#include "internal.h"
#include "qaward/procedure.h"

typedef struct qa_ptext {
    char *zh, *en;
} qa_ptext;

enum { QA_REQ_NOTICE = 0, QA_REQ_QUALIFICATION = 1, QA_REQ_SCORES = 2, QA_REQ_SITE_LIMIT = 3 };

typedef struct qa_req {
    int type;
    size_t ref;                /* notice index (NOTICE) or stage index (SCORES) */
} qa_req;

typedef struct qa_notice_kind {
    char *kind;
    int32_t min_days;
    qa_ptext name, citation;
} qa_notice_kind;

typedef struct qa_stage {
    char *id;
    qa_ptext name, citation;
    uint32_t kinds;            /* bit i: subject kind i may be in this stage */
    qa_req *reqs;
    size_t nreqs;
} qa_stage;

struct qaward_procedure {
    qaward_allocator alloc;
    char *id, *source, *calendar;
    qa_ptext name;
    char **kinds;              /* subject kinds, at most 32 */
    size_t nkinds;
    qa_notice_kind *notices;
    size_t nnotices;
    qa_stage *stages;
    size_t nstages;
    int32_t site_max_days;
    qa_ptext site_citation;
    size_t refusal_stage;
    qa_ptext refusal_citation, issuer;
    qa_ptext objection_citation;
};

const char *qa_ptext_get(const qa_ptext *t, int lang);
void qa_ptext_clear(const qaward_allocator *a, qa_ptext *t);
int qa_proc_notice_index(const qaward_procedure *p, const char *kind, size_t *out);
int qa_proc_stage_index(const qaward_procedure *p, const char *id, size_t *out);
int qa_proc_kind_index(const qaward_procedure *p, const char *kind, size_t *out);

typedef struct qa_reason {
    char *rule_id;
    int unknown;
    qa_ptext citation, message;
} qa_reason;

struct qaward_refusal {
    qaward_allocator alloc;
    char *applicant;
    qa_reason *reasons;
    size_t n, cap;
};

/* Terminal states, outside the procedure's stage list. */
enum { QA_ST_STAGE = 0, QA_ST_REFUSED = 1, QA_ST_REMOVED = 2, QA_ST_DROPPED = 3 };

typedef struct qa_field {
    char *key, *value;
    int secret;
} qa_field;

typedef struct qa_step {
    int state;                 /* QA_ST_* */
    size_t stage;              /* when state == QA_ST_STAGE */
    qaward_date date;
    char *note;                /* reason for terminal states, or NULL */
} qa_step;

typedef struct qa_applicant {
    char *id, *name;
    size_t kind;
    qa_field *fields;
    size_t nfields, capfields;
    int qualification;
    int64_t *scores;           /* per stage */
    unsigned char *has_score;  /* per stage */
    qaward_date site_first, site_last;
    qa_step *steps;            /* steps[nsteps-1] is the current state */
    size_t nsteps, capsteps;
    qaward_refusal *refusal;   /* when refused */
} qa_applicant;

typedef struct qa_notice {
    size_t kind;
    qaward_date first, last;
    int32_t working_days;
    size_t *apps;              /* applicant indexes */
    size_t napps;
} qa_notice;

typedef struct qa_objection {
    char *id;
    size_t app;
    size_t stage_state;        /* index into the applicant's steps at opening */
    char *notice;              /* notice kind objected to, or NULL */
    qaward_date opened, resolved;
    int upheld;
    char *reason;
} qa_objection;

/* A violation found while validating a timeline document. */
typedef struct qa_violation {
    char *code;
    char *applicant;           /* or NULL */
    qaward_date date;
    char *message;
    qa_ptext citation;          /* borrowed from the procedure */
} qa_violation;

struct qaward_timeline {
    qaward_allocator alloc;
    const qaward_procedure *p;
    const qaward_calendar *cal;
    qa_applicant *apps;
    size_t napps, capapps;
    qa_notice *notices;
    size_t nnotices, capnotices;
    qa_objection *objs;
    size_t nobjs, capobjs;
    int lenient;               /* validation: record violations, apply anyway */
    qa_violation *viol;
    size_t nviol, capviol;
    qaward_procedure *own_p;   /* built-ins loaded by qaward_timeline_load_json, freed with the timeline */
    qaward_calendar *own_cal;
};

/* Grow with the timeline's own allocator; sets ENOMEM on ctx. */
int qa_tl_grow(qaward_timeline *t, qaward_ctx *ctx, void **arr, size_t *cap, size_t need, size_t size);
int qa_tl_find(const qaward_timeline *t, const char *id, size_t *out);
const char *qa_tl_state_name(const qaward_timeline *t, const qa_applicant *a);
/* Record a violation (lenient mode). */
int qa_tl_violation(qaward_timeline *t, qaward_ctx *ctx, const char *code, const char *applicant, qaward_date date,
                    const qa_ptext *citation, const char *message);
/* Advance without qa_ok (lenient mode keeps going). */
int qa_tl_advance(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *to, qaward_date date);
/* The refusal letter allocated with `alloc`. */
int qa_refusal_letter_alloc(char **out, const qaward_refusal *r, qaward_ctx *ctx, const qaward_procedure *p,
                            qaward_date date, int lang, const qaward_allocator *alloc);

#endif

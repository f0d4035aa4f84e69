/* Internal subject representation (Art. 10, 11, 12; R5, R6, R18, R19). Not installed. */
#ifndef QAWARD_SUBJECT_INT_H
#define QAWARD_SUBJECT_INT_H

#include "policy_int.h"
#include "qaward/subject.h"

typedef struct qa_cert {
    const char *type;
    uint64_t type_h;          /* qa_hash(type) */
    int type_idx;             /* bound: policy certificate type index, or -1 */
    const char *level;        /* NULL when not levelled */
    qaward_date valid_from;
    qaward_date valid_to;     /* last valid day, or NONE (open-ended) */
} qa_cert;

typedef struct qa_event {
    const char *kind;
    uint64_t kind_h;          /* qa_hash(kind) */
    int kind_idx;             /* bound: policy event kind index */
    const char *grade;        /* NULL when ungraded */
    int32_t deaths;
    qaward_date date;
} qa_event;

typedef struct qa_profit {
    int32_t year;
    int64_t fen;
} qa_profit;

typedef struct qa_attest {
    const char *id;
    uint64_t h;               /* qa_hash(id) */
    int value;
} qa_attest;

/* The compact bound facts (qaward_subject_bind): one 64-byte-aligned block, no
 * pointers, read by the fast checks (qaward_checker_fast, _fast_many). Every id
 * is resolved to a policy index and every grade/level to a scale index. */
typedef struct qa_fcert {
    qaward_date from, to;     /* to: NONE = open-ended */
    int16_t type;             /* policy certificate type index (types the policy does not know are left out) */
    int8_t level;             /* grade index on the type's scale, -1 when not levelled */
    int8_t pad;
} qa_fcert;

typedef struct qa_fevent {
    qaward_date date;
    int16_t kind;             /* policy event kind index */
    int8_t grade;             /* grade index on the kind's scale, -1 when ungraded */
    int8_t dead;              /* deaths > 0 */
} qa_fevent;

typedef struct qa_fprofit {
    int32_t year;
    int32_t positive;         /* net profit > 0 (R4) */
} qa_fprofit;

typedef struct qa_fast {
    /* The outcomes of the subject's own conditions (bit = condition index of its
     * kind) that do not depend on the date: FAIL, UNKNOWN; `dyn`: to evaluate. */
    uint64_t st_fail, st_unknown, dyn;
    qaward_date dates[3];     /* qaward_subject_date; NONE = unknown */
    int8_t legal_person, for_profit; /* -1 unknown */
    int8_t region;            /* Art. 2, 10(2): 1 within the policy's region prefixes, 0 not, -1 unknown */
    uint8_t certs_known, events_known;
    uint8_t n_att;
    uint16_t n_certs, n_events, n_profits;
    /* then: qa_fcert[n_certs], qa_fevent[n_events], qa_fprofit[n_profits], int8_t att[n_att] */
} qa_fast;

#define QA_FAST_CERTS(f) ((const qa_fcert *)((const qa_fast *)(f) + 1))
#define QA_FAST_EVENTS(f) ((const qa_fevent *)(QA_FAST_CERTS(f) + (f)->n_certs))
#define QA_FAST_PROFITS(f) ((const qa_fprofit *)(QA_FAST_EVENTS(f) + (f)->n_events))
#define QA_FAST_ATT(f) ((const int8_t *)(QA_FAST_PROFITS(f) + (f)->n_profits))

/* Field names that can be marked trade secrets (R19). */
#define QA_SECRET_FIELDS                                                                                               \
    X(NAME, "name") X(REGION, "region_code") X(REGISTRATION, "registration_date")                                     \
    X(EXCELLENCE, "excellence_model_since") X(QUALITY_WORK, "quality_work_since") X(CERTS, "certificates")            \
    X(PROFIT, "net_profit_fen") X(EVENTS, "events") X(EMPLOYER, "employer")

struct qaward_subject {
    /* hot: the fast checks read only these (first cache line) and the block */
    const qaward_policy *bound; /* qaward_subject_bind(): ids resolved against this policy; any setter clears it */
    const qa_fast *fast;      /* bound: the compact facts, or NULL when a fact cannot be resolved (slow path) */
    struct qaward_subject *employer;
    uint64_t id_h;            /* bound: qa_hash(id), for the store's filter */
    const char *id;
    int bound_kind;
    /* read by the general path */
    int legal_person;         /* -1 unknown */
    int for_profit;           /* -1 unknown */
    int certs_known, events_known;
    qaward_date dates[3];     /* qaward_subject_date; NONE = unknown */
    int8_t *bound_att;        /* per policy attestation id: 1, 0, -1 unknown */
    const char *region;
    qa_cert *certs;           size_t n_certs;
    qa_event *events;         size_t n_events;
    qa_profit *profits;       size_t n_profits;  /* sorted by year */
    uint64_t kind_h;          /* qa_hash(kind) */
    /* cold */
    const char *kind;
    const char *name;
    qa_attest *attests;       size_t n_attests, cap_attests;
    size_t cap_certs, cap_events, cap_profits;
    size_t bound_att_n;       /* capacity of bound_att */
    size_t fast_cap;          /* capacity of the fast block */
    void *fast_mem;
    uint32_t secrets;         /* bit i: QA_SECRET_FIELDS[i] */
    int is_employer;
    qa_arena arena;
};

struct qaward_subject_list {
    qaward_allocator alloc;
    qaward_subject **items;
    size_t n;
};

/* Profit of a fiscal year: 1 found, 0 unknown. */
int qa_subject_profit(const qaward_subject *s, int32_t year, int64_t *fen);
/* Attestation value: 1, 0, or -1 unknown. */
int qa_subject_attestation(const qaward_subject *s, const char *id, uint64_t h);
/* Index of a secret field name, or -1. */
int qa_secret_field(const char *name);
const char *qa_secret_field_name(int i);

/* A candidate's subject inside a cycle document (cycle_json.c), built from
 * the parsed object so messages keep its positions in that document; id,
 * kind and name (NULL: none) stand in for members the object lacks. */
typedef struct qa_subject_defaults {
    const char *id, *kind, *name;
} qa_subject_defaults;
struct qj_value;
int qa_subject_from_node(qaward_subject **out, qaward_ctx *ctx, const struct qj_value *node,
                         const qa_subject_defaults *def);

#endif

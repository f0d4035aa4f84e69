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

/* Field names that can be marked trade secrets (R19). */
#define QA_SECRET_FIELDS                                                                                               \
    X(NAME, "name") X(REGION, "region_code") X(REGISTRATION, "registration_date")                                     \
    X(EXCELLENCE, "excellence_model_since") X(QUALITY_WORK, "quality_work_since") X(CERTS, "certificates")            \
    X(PROFIT, "net_profit_fen") X(EVENTS, "events") X(EMPLOYER, "employer")

struct qaward_subject {
    qa_arena arena;
    const char *id;
    const char *kind;
    uint64_t kind_h;          /* qa_hash(kind) */
    const char *name;
    const char *region;
    int legal_person;         /* -1 unknown */
    int for_profit;           /* -1 unknown */
    qaward_date dates[3];     /* qaward_subject_date; NONE = unknown */
    qa_cert *certs;           size_t n_certs, cap_certs;   int certs_known;
    qa_event *events;         size_t n_events, cap_events; int events_known;
    qa_profit *profits;       size_t n_profits, cap_profits;  /* sorted by year */
    qa_attest *attests;       size_t n_attests, cap_attests;
    uint32_t secrets;         /* bit i: QA_SECRET_FIELDS[i] */
    struct qaward_subject *employer;
    int is_employer;
    /* qaward_subject_bind(): ids resolved against one policy; any setter clears it. */
    const qaward_policy *bound;
    int bound_kind;
    int8_t *bound_att;        /* per policy attestation id: 1, 0, -1 unknown */
    size_t bound_att_n;       /* its capacity */
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

#endif

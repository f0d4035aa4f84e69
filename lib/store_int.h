/* Internal: the history collector handed to qaward_store::read_fn. Not installed. */
#ifndef QAWARD_STORE_INT_H
#define QAWARD_STORE_INT_H

#include "policy_int.h"
#include "qaward/store.h"

struct qaward_history {
    qaward_allocator alloc;
    qa_arena arena;                 /* copied strings; reset per read */
    qaward_award_record *awards;    size_t n_awards, cap_awards;
    qaward_sanction_record *sanctions; size_t n_sanctions, cap_sanctions;
};

void qa_history_init(qaward_history *h, const qaward_allocator *alloc);
void qa_history_reset(qaward_history *h);
void qa_history_free(qaward_history *h);
/* Reset h and read subject_id's history through store (NULL store or read_fn:
 * empty). A negative callback return comes back unchanged, with a message. */
int qa_history_read(qaward_history *h, qaward_ctx *ctx, const qaward_store *store, const char *subject_id);

/* 0 when store certainly holds no record of the subject whose id hashes (qa_hash)
 * to id_h: no store, no read_fn, or the in-memory store's filter misses; else 1. */
int qa_store_may_have(const qaward_store *store, uint64_t id_h);

/* Prefetch the in-memory store's filter word for id_h (no-op for other stores). */
void qa_store_prefetch(const qaward_store *store, uint64_t id_h);

/* For the in-memory store: reset h and fill it with the subject's records as
 * shallow copies (strings owned by the store: valid until the store changes),
 * without the callback; 0, or QAWARD_ENOMEM. 1 when store is another store
 * (use qa_history_read). */
int qa_store_read_shallow(qaward_history *h, const qaward_store *store, const char *subject_id, uint64_t id_h);

/* A history document already parsed as part of a cycle document
 * (cycle_json.c): as qaward_memstore_load_json (all or nothing), with
 * messages keeping the positions in that document. */
struct qj_value;
int qa_memstore_load_node(qaward_memstore *ms, qaward_ctx *ctx, const struct qj_value *root);

#endif

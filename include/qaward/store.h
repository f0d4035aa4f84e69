/**
 * @file store.h
 * @brief Storage by callback: award history and sanction records in,
 *        decisions out inside begin/commit/rollback (DESIGN part B).
 *
 * The library never opens a file or database. A caller fills a ::qaward_store
 * callback table; the library reads a subject's history through
 * qaward_store::read_fn and writes decisions through the write callbacks,
 * always between qaward_store::begin_fn and qaward_store::commit_fn. When a
 * callback returns a negative value the library calls
 * qaward_store::rollback_fn (if a transaction is open), stops, and returns
 * that value unchanged.
 *
 * ::qaward_memstore is an in-memory store for tests and simple callers.
 */
#ifndef QAWARD_STORE_H
#define QAWARD_STORE_H

#include "core.h"
#include "date.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ::qaward_award_record understood by this library. */
#define QAWARD_AWARD_RECORD_VERSION 1

/**
 * @brief One award a subject received (history), or a decision to write.
 *
 * Strings are borrowed: valid for the duration of the call that receives or
 * passes them.
 */
typedef struct qaward_award_record {
    uint32_t version;        /**< ::QAWARD_AWARD_RECORD_VERSION */
    const char *subject_id;  /**< the subject's id */
    const char *level;       /**< the policy's award level id, e.g. "award" or "nomination" */
    const char *kind;        /**< the policy's subject kind id, e.g. "organization" */
    const char *cycle_id;    /**< the cycle (edition) id, e.g. "2025"; may be NULL in history */
    qaward_date award_date;  /**< date of the award decision */
    qaward_date revoked_on;  /**< date it was revoked, or ::QAWARD_DATE_NONE */
    int64_t prize_fen;       /**< prize paid, in fen (0 for re-winners, R8/R13) */
    int re_win;              /**< 1 when this was a re-win (R8), else 0 */
} qaward_award_record;

/** Version of ::qaward_sanction_record understood by this library. */
#define QAWARD_SANCTION_RECORD_VERSION 1

/**
 * @brief A finding against a subject and its consequences (Art. 20, 22; R9–R11).
 *
 * `kind` is a sanction kind id of the policy (for jian-2023:
 * "false_materials", "fraud_bribery", "post_award_incident", "title_misuse").
 * The ban window is `[ban_from, ban_until)`; both ::QAWARD_DATE_NONE when the
 * finding imposes no ban. `revokes_award_date` names the revoked award by its
 * date (::QAWARD_DATE_NONE when none is revoked).
 */
typedef struct qaward_sanction_record {
    uint32_t version;              /**< ::QAWARD_SANCTION_RECORD_VERSION */
    const char *subject_id;        /**< the subject's id */
    const char *kind;              /**< the policy's sanction kind id */
    qaward_date decided_on;        /**< date of the finding (D in R9/R10) */
    qaward_date ban_from;          /**< first day applications are refused, or NONE */
    qaward_date ban_until;         /**< first day they are accepted again, or NONE */
    qaward_date revokes_award_date;/**< award date of the revoked award, or NONE */
    const char *citation;          /**< e.g. "第二十条"; may be NULL in history */
} qaward_sanction_record;

/**
 * @brief Collector the library hands to qaward_store::read_fn.
 *
 * The store adds the subject's records with qaward_history_add_award() and
 * qaward_history_add_sanction(). Owned by the library.
 */
typedef struct qaward_history qaward_history;

/**
 * @brief Add an award record to a history being read.
 * @param h the collector passed to qaward_store::read_fn.
 * @param rec the record; copied. `level` and `kind` are required.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL or missing field, invalid date),
 *         ::QAWARD_EVERSION, ::QAWARD_ENOMEM. Return it from read_fn on failure.
 */
QAWARD_API int qaward_history_add_award(qaward_history *h, const qaward_award_record *rec);

/**
 * @brief Add a sanction record to a history being read.
 * @param h the collector passed to qaward_store::read_fn.
 * @param rec the record; copied. `kind` and `decided_on` are required.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_history_add_sanction(qaward_history *h, const qaward_sanction_record *rec);

/**
 * @brief Initialise an award record: version set, everything else zero.
 * @param rec the record.
 * @param version ::QAWARD_AWARD_RECORD_VERSION.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_award_record_init(qaward_award_record *rec, uint32_t version);

/**
 * @brief Initialise a sanction record: version set, everything else zero.
 * @param rec the record.
 * @param version ::QAWARD_SANCTION_RECORD_VERSION.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_sanction_record_init(qaward_sanction_record *rec, uint32_t version);

/** Version of ::qaward_store understood by this library. */
#define QAWARD_STORE_VERSION 1

/**
 * @brief The caller's storage callbacks. `userdata` is the first argument of each.
 *
 * Every callback returns 0 on success or a negative value to abort; the
 * library returns that value unchanged. Callbacks left NULL: a NULL read_fn
 * means "no history"; write operations need begin_fn, commit_fn, rollback_fn
 * and the write callbacks they use (else ::QAWARD_EINVAL).
 *
 * Thread-safety: the library calls the callbacks on the calling thread only.
 */
typedef struct qaward_store {
    uint32_t version;   /**< ::QAWARD_STORE_VERSION */
    void *userdata;     /**< passed to every callback */
    /** Supply the awards and sanctions of @p subject_id into @p out. */
    int (*read_fn)(void *userdata, const char *subject_id, qaward_history *out);
    /** Start a transaction. */
    int (*begin_fn)(void *userdata);
    /** Write an award decision (cycle finalisation). */
    int (*write_award_fn)(void *userdata, const qaward_award_record *rec);
    /** Write a sanction and its consequences (revocation, ban). */
    int (*write_sanction_fn)(void *userdata, const qaward_sanction_record *rec);
    /** Mark an award revoked: subject, award date, revocation date (R10, R11). */
    int (*revoke_award_fn)(void *userdata, const char *subject_id, qaward_date award_date, qaward_date revoked_on);
    /** Whether a cycle was already finalised: set *finalised to 1 or 0. */
    int (*cycle_finalised_fn)(void *userdata, const char *cycle_id, int *finalised);
    /** Make the transaction's writes durable. */
    int (*commit_fn)(void *userdata);
    /** Discard the transaction's writes. */
    int (*rollback_fn)(void *userdata);
} qaward_store;

/**
 * @brief Initialise a store table: version set, every callback NULL.
 * @param store the table.
 * @param version ::QAWARD_STORE_VERSION.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_store_init(qaward_store *store, uint32_t version);

/**
 * @brief An in-memory store: history, sanctions and decisions in memory,
 *        transactions with real rollback.
 *
 * Thread-safety: reads (through its ::qaward_store table) may run on many
 * threads at once while nobody writes; writes need exclusive use.
 */
typedef struct qaward_memstore qaward_memstore;

/**
 * @brief Create an empty in-memory store.
 * @param[out] out receives the store.
 * @param ctx context (allocator, message).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM. Free with qaward_memstore_free().
 */
QAWARD_API int qaward_memstore_new(qaward_memstore **out, qaward_ctx *ctx);

/** @brief Free an in-memory store. NULL-safe. @param ms the store. */
QAWARD_API void qaward_memstore_free(qaward_memstore *ms);

/**
 * @brief Fill a callback table that reads from and writes to @p ms.
 * @param[out] out the table to fill (any previous content is replaced).
 * @param ms the store; must outlive every use of the table.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_memstore_as_store(qaward_store *out, qaward_memstore *ms);

/**
 * @brief Add an award record directly (outside any transaction).
 * @param ms the store.
 * @param ctx context.
 * @param rec the record; copied.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_memstore_add_award(qaward_memstore *ms, qaward_ctx *ctx, const qaward_award_record *rec);

/**
 * @brief Add a sanction record directly (outside any transaction).
 * @param ms the store.
 * @param ctx context.
 * @param rec the record; copied.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_memstore_add_sanction(qaward_memstore *ms, qaward_ctx *ctx, const qaward_sanction_record *rec);

/**
 * @brief Load history from a JSON document (format in docs/formats.md):
 *        `{"awards":[...],"sanctions":[...]}`. All or nothing.
 * @param ms the store.
 * @param ctx context; on error the message names the JSON path.
 * @param json the document.
 * @param len its length in bytes.
 * @return ::QAWARD_OK, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_memstore_load_json(qaward_memstore *ms, qaward_ctx *ctx, const char *json, size_t len);

/**
 * @brief Number of committed award records.
 * @param ms the store. @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_memstore_award_count(const qaward_memstore *ms);

/**
 * @brief Number of committed sanction records.
 * @param ms the store. @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_memstore_sanction_count(const qaward_memstore *ms);

/**
 * @brief The whole committed content as JSON (same format as qaward_memstore_load_json()).
 * @param[out] out receives a NUL-terminated string; free with qaward_string_free().
 * @param ms the store.
 * @param ctx context.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_memstore_to_json(char **out, const qaward_memstore *ms, qaward_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif

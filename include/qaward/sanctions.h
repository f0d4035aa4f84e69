/**
 * @file sanctions.h
 * @brief Findings against applicants and winners and their consequences:
 *        bans and revocations (Art. 20, 21, 22; R9–R11), written through the
 *        store in one transaction.
 *
 * A finding has a kind of the policy (for jian-2023: "false_materials"
 * Art. 20, "fraud_bribery" Art. 22 ¶1, "post_award_incident" Art. 22 ¶2,
 * "title_misuse" Art. 21) and a date. The library computes which award is
 * revoked and which ban window applies, from when to when, from the policy's
 * sanction kinds; the eligibility checks then read the written records back
 * through the store.
 *
 * Thread-safety: the functions use only their arguments; a context is used by
 * one thread at a time.
 */
#ifndef QAWARD_SANCTIONS_H
#define QAWARD_SANCTIONS_H

#include "core.h"
#include "date.h"
#include "policy.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ::qaward_finding understood by this library. */
#define QAWARD_FINDING_VERSION 1

/**
 * @brief A finding of the leading group or the competent authority.
 *
 * Strings are borrowed for the duration of the call.
 */
typedef struct qaward_finding {
    uint32_t version;        /**< ::QAWARD_FINDING_VERSION */
    const char *subject_id;  /**< the subject found against (required) */
    const char *kind;        /**< a sanction kind id of the policy (required) */
    qaward_date decided_on;  /**< date of the finding: the ban starts here (R9, R10) and revocations take effect */
    qaward_date event_date;  /**< R11: date of the incident; ::QAWARD_DATE_NONE = @p decided_on */
    qaward_date award_date;  /**< the award concerned, or ::QAWARD_DATE_NONE to let the library pick it */
} qaward_finding;

/**
 * @brief Initialise a finding: version set, dates ::QAWARD_DATE_NONE, strings NULL.
 * @param f the finding. @param version ::QAWARD_FINDING_VERSION.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_finding_init(qaward_finding *f, uint32_t version);

/** Version of ::qaward_sanction_outcome understood by this library. */
#define QAWARD_SANCTION_OUTCOME_VERSION 1

/**
 * @brief The consequences of a finding (filled by the library).
 *
 * `level` and `citation_*` point into the policy and live as long as it.
 */
typedef struct qaward_sanction_outcome {
    uint32_t version;          /**< ::QAWARD_SANCTION_OUTCOME_VERSION (set by the caller) */
    int revokes;               /**< 1 when an award is revoked */
    qaward_date revoked_award_date; /**< date of the revoked award, or ::QAWARD_DATE_NONE */
    const char *revoked_level; /**< level id of the revoked award, or NULL */
    qaward_date revoked_on;    /**< revocation date (= the finding's date), or ::QAWARD_DATE_NONE */
    int public_notice;         /**< 1 when the revocation is made public (Art. 22) */
    qaward_date ban_from;      /**< first refused application date, or ::QAWARD_DATE_NONE */
    qaward_date ban_until;     /**< first accepted date again, or ::QAWARD_DATE_NONE */
    const char *citation_zh;   /**< e.g. "第二十二条第一款" (may be NULL) */
    const char *citation_en;   /**< e.g. "Art. 22 para. 1" (may be NULL) */
} qaward_sanction_outcome;

/**
 * @brief Initialise an outcome struct: version set, everything else empty.
 * @param o the struct. @param version ::QAWARD_SANCTION_OUTCOME_VERSION.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_sanction_outcome_init(qaward_sanction_outcome *o, uint32_t version);

/**
 * @brief Compute a finding's consequences without writing anything.
 *
 * Ban window from the policy's sanction kind (R9: 5 years, R10: 10 years for
 * jian-2023; R11: none). Revocation when the kind revokes: the award named by
 * `award_date`, or else the subject's latest unrevoked award dated on or before
 * the finding; with an incident window (R11) only an award with
 * `award_date <= event < award_date + N years` is revoked. History is read
 * through @p store (read_fn).
 * @param[out] out receives the consequences (its version must be set).
 * @param ctx context; the message names the subject and kind on failure.
 * @param policy the policy. @param store the store (read_fn may be NULL: no history).
 * @param finding the finding.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, missing field, invalid date),
 *         ::QAWARD_EVERSION, ::QAWARD_ENOTFOUND (unknown kind; a named award not
 *         in the history), ::QAWARD_ERANGE, ::QAWARD_ENOMEM, or read_fn's value unchanged.
 */
QAWARD_API int qaward_sanction_compute(qaward_sanction_outcome *out, qaward_ctx *ctx, const qaward_policy *policy,
                                       const qaward_store *store, const qaward_finding *finding);

/**
 * @brief Record a finding: compute its consequences and write them in one
 *        transaction (begin_fn, write_sanction_fn, revoke_award_fn when an award
 *        is revoked, commit_fn). Any callback failure calls rollback_fn and
 *        returns the callback's value unchanged; nothing is half-written.
 * @param[out] out receives the consequences (may be NULL; else its version must be set).
 * @param ctx context. @param policy the policy. @param store the store.
 * @param finding the finding.
 * @return as qaward_sanction_compute(), plus ::QAWARD_EINVAL when the store lacks
 *         a needed callback, or a callback's negative value unchanged.
 */
QAWARD_API int qaward_sanction_apply(qaward_sanction_outcome *out, qaward_ctx *ctx, const qaward_policy *policy,
                                      const qaward_store *store, const qaward_finding *finding);

#ifdef __cplusplus
}
#endif
#endif

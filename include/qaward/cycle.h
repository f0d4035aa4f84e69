/**
 * @file cycle.h
 * @brief The award cycle: ranking, quotas, re-winners, vacancies, ties, the
 *        leading group's vote, prizes, decisions written through the store and
 *        the cycle report (Art. 4, 5, 13, 15, 17; R8, R12–R14, R19).
 *
 * A ::qaward_cycle holds one edition's candidates: each with its eligibility
 * outcome (and the written reasons of a refusal, Art. 13(三)), its stage totals
 * or a composite, its defence outcome, its leading-group vote and any
 * trade-secret-marked notes. qaward_cycle_run() allocates the places per
 * quota of the policy (per level × subject kind, or pooled); the results are
 * read with the getters, rendered with qaward_cycle_report() and written
 * through a ::qaward_store with qaward_cycle_finalise().
 *
 * The algorithm is documented in docs/cycle.md. It is deterministic: the same
 * candidates in any order give the same result.
 *
 * Thread-safety: a cycle is used by one thread at a time. The policy and
 * review rules it borrows are immutable and may be shared.
 */
#ifndef QAWARD_CYCLE_H
#define QAWARD_CYCLE_H

#include "core.h"
#include "date.h"
#include "eligibility.h"
#include "policy.h"
#include "review.h"
#include "store.h"
#include "subject.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An award cycle (opaque). */
typedef struct qaward_cycle qaward_cycle;

/** Eligibility outcome of a candidate (R5), as given to the cycle. */
typedef enum qaward_cycle_verdict {
    QAWARD_CYCLE_UNSET = 0,      /**< not given: qaward_cycle_run() refuses */
    QAWARD_CYCLE_ELIGIBLE = 1,   /**< every check passed: on the acceptance list */
    QAWARD_CYCLE_INELIGIBLE = 2, /**< a check failed: refused with written reasons (Art. 13(三)) */
    QAWARD_CYCLE_INCOMPLETE = 3  /**< no failure but a needed fact missing: not accepted (R5) */
} qaward_cycle_verdict;

/** What the cycle decided for a candidate (after qaward_cycle_run()). */
typedef enum qaward_cycle_outcome {
    QAWARD_OUTCOME_NONE = 0,        /**< not run yet */
    QAWARD_OUTCOME_AWARDED = 1,     /**< placed at a level (see qaward_cycle_candidate_level()) */
    QAWARD_OUTCOME_REWIN = 2,       /**< re-winner of a main level: title, outside the quota (R8) */
    QAWARD_OUTCOME_TIE = 3,         /**< tied at the last place: the leading group decides (R12) */
    QAWARD_OUTCOME_VOTE_FAILED = 4, /**< proposed but the leading group's vote failed (Art. 13(七)) */
    QAWARD_OUTCOME_QUOTA_FULL = 5,  /**< qualified but ranked below the last place of every quota */
    QAWARD_OUTCOME_BELOW_MIN = 6,   /**< composite below the lowest level's minimum */
    QAWARD_OUTCOME_GATE_FAILED = 7, /**< failed a gate stage (the defence, Art. 13(五)) */
    QAWARD_OUTCOME_REFUSED = 8,     /**< ineligible: not on the acceptance list (Art. 13(三)) */
    QAWARD_OUTCOME_INCOMPLETE = 9,  /**< incomplete facts: not on the acceptance list (R5) */
    QAWARD_OUTCOME_NOT_SCORED = 10  /**< eligible but no composite or stage totals given */
} qaward_cycle_outcome;

/** State of a candidate's leading-group vote. */
typedef enum qaward_vote_state {
    QAWARD_VOTE_NONE = 0,     /**< no vote recorded */
    QAWARD_VOTE_PASSED = 1,   /**< quorum reached and the pass fraction met */
    QAWARD_VOTE_FAILED = 2,   /**< quorum reached, pass fraction not met */
    QAWARD_VOTE_NO_QUORUM = 3 /**< too few members present: the vote is invalid and fails */
} qaward_vote_state;

/**
 * @brief Create an empty cycle.
 * @param[out] out receives the cycle; NULL on failure.
 * @param ctx context (allocator, message).
 * @param policy the policy; borrowed, must outlive the cycle.
 * @param rules the review rules (R14); borrowed, must outlive the cycle. May be
 *        NULL: a computation needing a rule then fails with ::QAWARD_ENORULE.
 * @param cycle_id the edition id written into award records, e.g. "2025"; copied.
 * @param decision_date the date of the award decision (R1); written as the
 *        award date; history awards dated on or after it are ignored.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, empty id, invalid date),
 *         ::QAWARD_ENOPOLICY (policy not in force on @p decision_date, R17),
 *         ::QAWARD_ENOTFOUND (the review rules are for another policy — their
 *         `policy` field — or name a tier or subject kind the policy does not
 *         have; the message names it), ::QAWARD_ENOMEM.
 * Ownership: free with qaward_cycle_free().
 */
QAWARD_API int qaward_cycle_new(qaward_cycle **out, qaward_ctx *ctx, const qaward_policy *policy,
                                const qaward_review_rules *rules, const char *cycle_id, qaward_date decision_date);

/**
 * @brief Free a cycle (and what it owns when loaded from JSON). NULL-safe.
 * @param c the cycle.
 */
QAWARD_API void qaward_cycle_free(qaward_cycle *c);

/**
 * @brief The cycle's id. @param c the cycle. @return the id (owned by the cycle), "" for NULL.
 */
QAWARD_API const char *qaward_cycle_id(const qaward_cycle *c);

/**
 * @brief The cycle's decision date. @param c the cycle. @return the date, ::QAWARD_DATE_NONE for NULL.
 */
QAWARD_API qaward_date qaward_cycle_decision_date(const qaward_cycle *c);

/**
 * @brief The policy the cycle uses (owned by the cycle when loaded from JSON).
 * @param c the cycle. @return the policy, NULL for NULL.
 */
QAWARD_API const qaward_policy *qaward_cycle_policy(const qaward_cycle *c);

/**
 * @brief Add a candidate (an applicant of this edition).
 * @param[out] index receives the candidate's index (0, 1, ...). May be NULL.
 * @param ctx context.
 * @param c the cycle (any previous run result is discarded).
 * @param subject_id the subject's id (unique in the cycle); copied.
 * @param name display name (may be NULL: the id is shown); copied.
 * @param kind a subject kind id of the policy; copied.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown kind),
 *         ::QAWARD_EEXISTS (duplicate id), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_cycle_add_candidate(size_t *index, qaward_ctx *ctx, qaward_cycle *c, const char *subject_id,
                                          const char *name, const char *kind);

/**
 * @brief Number of candidates. @param c the cycle. @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_cycle_candidate_count(const qaward_cycle *c);

/**
 * @brief Index of a candidate by subject id.
 * @param c the cycle. @param subject_id the id. @return the index, or -1 when absent.
 */
QAWARD_API int64_t qaward_cycle_candidate_find(const qaward_cycle *c, const char *subject_id);

/**
 * @brief A candidate's subject id. @param c the cycle. @param index the candidate.
 * @return the id (owned by the cycle), or NULL for a bad index.
 */
QAWARD_API const char *qaward_cycle_candidate_id(const qaward_cycle *c, size_t index);

/**
 * @brief A candidate's display name (the id when none was given).
 * @param c the cycle. @param index the candidate.
 * @return the name (owned by the cycle), or NULL for a bad index.
 */
QAWARD_API const char *qaward_cycle_candidate_name(const qaward_cycle *c, size_t index);

/**
 * @brief A candidate's subject kind id. @param c the cycle. @param index the candidate.
 * @return the policy's kind id, or NULL for a bad index.
 */
QAWARD_API const char *qaward_cycle_candidate_kind(const qaward_cycle *c, size_t index);

/**
 * @brief Set a candidate's eligibility outcome (R5).
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param verdict a ::qaward_cycle_verdict other than ::QAWARD_CYCLE_UNSET.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (bad index or value).
 */
QAWARD_API int qaward_cycle_set_verdict(qaward_ctx *ctx, qaward_cycle *c, size_t index, int verdict);

/**
 * @brief Add a written reason for a refusal or an incomplete verdict (Art. 13(三)):
 *        one failing or unknown check.
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param rule_id the check's stable rule id (required); copied.
 * @param citation article, e.g. "第二十条" (may be NULL); copied.
 * @param message_zh the reason in Chinese (may be NULL); copied.
 * @param message_en the reason in English (may be NULL); copied.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_cycle_add_reason(qaward_ctx *ctx, qaward_cycle *c, size_t index, const char *rule_id,
                                       const char *citation, const char *message_zh, const char *message_en);

/**
 * @brief Set the applications' date (R1): the as-of date of the eligibility
 *        checks run on candidates given as facts (qaward_cycle_set_subject()).
 * @param ctx context. @param c the cycle. @param as_of a valid date.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, invalid date).
 */
QAWARD_API int qaward_cycle_set_as_of(qaward_ctx *ctx, qaward_cycle *c, qaward_date as_of);

/**
 * @brief The applications' date. @param c the cycle.
 * @return the date, or ::QAWARD_DATE_NONE when not set or for NULL.
 */
QAWARD_API qaward_date qaward_cycle_as_of(const qaward_cycle *c);

/**
 * @brief Give a candidate's facts instead of a verdict: qaward_cycle_run() (or
 *        qaward_cycle_check_candidates()) then runs qaward_check() on them with
 *        the cycle's policy, the run's store and the applications' date, and
 *        sets the verdict and the written reasons (Art. 13(三)) from it.
 *
 * Clears any verdict and reasons given before; a later qaward_cycle_set_verdict()
 * or qaward_cycle_apply_verdict() replaces the facts again (the last call wins).
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param s the subject; borrowed, must outlive the cycle's use of it. Its id and
 *        kind must be the candidate's.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, bad index, another id or kind).
 */
QAWARD_API int qaward_cycle_set_subject(qaward_ctx *ctx, qaward_cycle *c, size_t index, const qaward_subject *s);

/**
 * @brief Set a candidate's verdict and written reasons from an eligibility
 *        verdict (e.g. one made with a ::qaward_checker): eligible, ineligible or
 *        incomplete (R5); every failing or unknown check becomes a reason with
 *        its rule id, citation and messages in Chinese and English (Art. 13(三)).
 *        Replaces reasons given before and detaches any subject facts.
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param v the verdict (not kept; its messages are formatted, hence not const).
 *        Its subject id must be the candidate's.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, bad index, another subject), ::QAWARD_ENOMEM
 *         (the candidate is then unchanged).
 */
QAWARD_API int qaward_cycle_apply_verdict(qaward_ctx *ctx, qaward_cycle *c, size_t index, qaward_verdict *v);

/**
 * @brief Run the eligibility checks (Art. 10, 11; waits and bans of Art. 5, 20,
 *        22) of every candidate given as facts, and set its verdict and reasons.
 *        qaward_cycle_run() does the same itself; call this to see the verdicts
 *        before ranking. Candidates given a verdict are left as they are.
 * On failure (a store callback's error, say) the candidates checked before the
 * failing one keep their new verdicts and the rest keep theirs; nothing is
 * written anywhere, and calling again redoes every check from the facts.
 * @param ctx context; on failure the message names the candidate.
 * @param c the cycle.
 * @param store history and sanctions, read through read_fn only; NULL uses the
 *        cycle's own store (loaded from JSON) or no history.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ESTATE (facts given but no
 *         applications' date), as qaward_check() (::QAWARD_ENOPOLICY, ...), ::QAWARD_ENOMEM,
 *         or a store callback's negative value unchanged.
 */
QAWARD_API int qaward_cycle_check_candidates(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store);

/**
 * @brief A candidate's eligibility outcome (given, or from its checks).
 * @param c the cycle. @param index the candidate.
 * @return a ::qaward_cycle_verdict (::QAWARD_CYCLE_UNSET when not decided yet or for a bad index).
 */
QAWARD_API int qaward_cycle_candidate_verdict(const qaward_cycle *c, size_t index);

/**
 * @brief Whether a candidate is given as facts (its verdict comes from the checks).
 * @param c the cycle. @param index the candidate. @return 1 or 0.
 */
QAWARD_API int qaward_cycle_candidate_has_subject(const qaward_cycle *c, size_t index);

/**
 * @brief Number of written reasons of a candidate (Art. 13(三)).
 * @param c the cycle. @param index the candidate. @return the count (0 for a bad index).
 */
QAWARD_API size_t qaward_cycle_candidate_reason_count(const qaward_cycle *c, size_t index);

/**
 * @brief Rule id of a candidate's reason @p i.
 * @param c the cycle. @param index the candidate. @param i 0..count-1.
 * @return the id (owned by the cycle), NULL when out of range.
 */
QAWARD_API const char *qaward_cycle_candidate_reason_rule(const qaward_cycle *c, size_t index, size_t i);

/**
 * @brief Message of a candidate's reason @p i in a language (falls back to the other one).
 * @param c the cycle. @param index the candidate. @param i 0..count-1. @param lang a ::qaward_lang.
 * @return the text (owned by the cycle), NULL when out of range or none given.
 */
QAWARD_API const char *qaward_cycle_candidate_reason_message(const qaward_cycle *c, size_t index, size_t i,
                                                             int lang);

/**
 * @brief Set a candidate's composite score directly (hundredths of a point),
 *        e.g. when the composite comes from another system.
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param composite the composite, ≥ 0.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ERANGE (negative).
 */
QAWARD_API int qaward_cycle_set_composite(qaward_ctx *ctx, qaward_cycle *c, size_t index, int64_t composite);

/**
 * @brief Set a candidate's total for a stage (hundredths of a point). Without a
 *        direct composite, qaward_cycle_run() computes the composite and the gates
 *        from the stage totals with qaward_review_rules_composite(); stage totals
 *        also serve the tie-break order (R12).
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param stage the stage id of the review rules; copied. Setting it again replaces it.
 * @param total the total, ≥ 0.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ERANGE, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_cycle_set_stage_total(qaward_ctx *ctx, qaward_cycle *c, size_t index, const char *stage,
                                            int64_t total);

/**
 * @brief Record the defence outcome (Art. 13(五)) when no stage totals decide it:
 *        a failed defence stops the candidate (::QAWARD_OUTCOME_GATE_FAILED).
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param passed 1 passed, 0 failed.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_cycle_set_defence(qaward_ctx *ctx, qaward_cycle *c, size_t index, int passed);

/**
 * @brief Record the leading group's vote on a candidate (Art. 13(七)).
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param votes_for votes for. @param against votes against. @param abstain abstentions.
 * @param present members present. @param members members of the leading group.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ERANGE (negative, for+against+abstain
 *         > present, present > members, members = 0).
 */
QAWARD_API int qaward_cycle_set_vote(qaward_ctx *ctx, qaward_cycle *c, size_t index, int32_t votes_for,
                                     int32_t against, int32_t abstain, int32_t present, int32_t members);

/**
 * @brief Record the leading group's decision on a candidate tied at the last
 *        place (R12). Once every candidate of a tie has a decision, the next
 *        qaward_cycle_run() places those decided 1 and passes the others down.
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param placed 1 the group gives it the place, 0 it does not.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_cycle_decide_tie(qaward_ctx *ctx, qaward_cycle *c, size_t index, int placed);

/**
 * @brief Attach a note to a candidate (e.g. a highlight from its materials).
 *        A note marked as a trade secret (Art. 12; R19) appears only in the
 *        reviewers' report, never in the public one.
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param key the note's name; copied. @param value its text; copied.
 * @param trade_secret 1 when the applicant marked it as a trade secret.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_cycle_add_note(qaward_ctx *ctx, qaward_cycle *c, size_t index, const char *key,
                                     const char *value, int trade_secret);

/**
 * @brief Mark a candidate's stage totals as trade secrets (R19): the public
 *        report then shows the composite but not the stage totals.
 * @param ctx context. @param c the cycle. @param index the candidate.
 * @param secret 1 to mark, 0 to unmark.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_cycle_set_scores_secret(qaward_ctx *ctx, qaward_cycle *c, size_t index, int secret);

/**
 * @brief Allocate the places (Art. 4, 5, 13(六)(七); R8, R12, R13).
 *
 * First runs the eligibility checks of candidates given as facts
 * (qaward_cycle_set_subject()) against @p store, as qaward_cycle_check_candidates().
 * Reads each accepted candidate's history through @p store (read_fn) to find
 * re-winners (R8). Per quota of the policy, highest level first: ranks the
 * candidates at or above the level's minimum composite, places re-winners
 * outside the count, fills the quota in rank order, reports a tie at the last
 * place (or breaks it with the review rules' tie-break order, traced), applies
 * the votes (a failed vote leaves the place vacant unless backfill is allowed),
 * reports vacancies and computes prizes. May be called again after changes.
 * @param ctx context; on failure the message names the candidate and the rule.
 * @param c the cycle.
 * @param store the store to read history from; NULL uses the cycle's own store
 *        (loaded from JSON) or no history.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ESTATE (a candidate without a
 *         verdict or facts; facts without an applications' date), ::QAWARD_ENORULE (a review rule needed is not set),
 *         ::QAWARD_ENOTFOUND (a stage total needed is missing), ::QAWARD_ENOMEM,
 *         or a store callback's negative value unchanged.
 */
QAWARD_API int qaward_cycle_run(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store);

/**
 * @brief Whether qaward_cycle_run() has succeeded since the last change.
 * @param c the cycle. @return 1 or 0.
 */
QAWARD_API int qaward_cycle_is_run(const qaward_cycle *c);

/**
 * @brief A candidate's outcome. @param c the cycle. @param index the candidate.
 * @return a ::qaward_cycle_outcome (::QAWARD_OUTCOME_NONE before a run or for a bad index).
 */
QAWARD_API int qaward_cycle_candidate_outcome(const qaward_cycle *c, size_t index);

/**
 * @brief The level a candidate was placed at, tied at or failed the vote at.
 * @param c the cycle. @param index the candidate.
 * @return the policy's level id, or NULL when none.
 */
QAWARD_API const char *qaward_cycle_candidate_level(const qaward_cycle *c, size_t index);

/**
 * @brief A candidate's composite (hundredths of a point) used for ranking.
 * @param[out] out receives the composite.
 * @param c the cycle. @param index the candidate.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (bad index), ::QAWARD_ENOTFOUND (no composite).
 */
QAWARD_API int qaward_cycle_candidate_composite(int64_t *out, const qaward_cycle *c, size_t index);

/**
 * @brief A candidate's rank within its quota's ranking (1 = first), 0 when unranked.
 * @param c the cycle. @param index the candidate. @return the rank.
 */
QAWARD_API int64_t qaward_cycle_candidate_rank(const qaward_cycle *c, size_t index);

/**
 * @brief A candidate's prize in fen (0 unless placed; 0 for re-winners, R8/R13).
 * @param c the cycle. @param index the candidate. @return the prize.
 */
QAWARD_API int64_t qaward_cycle_candidate_prize(const qaward_cycle *c, size_t index);

/**
 * @brief A candidate's vote state. @param c the cycle. @param index the candidate.
 * @return a ::qaward_vote_state.
 */
QAWARD_API int qaward_cycle_candidate_vote(const qaward_cycle *c, size_t index);

/**
 * @brief Number of quota buckets after a run (one per quota of the policy).
 * @param c the cycle. @return the count.
 */
QAWARD_API size_t qaward_cycle_bucket_count(const qaward_cycle *c);

/**
 * @brief Figures of bucket @p i after a run.
 * @param[out] level receives the level id. May be NULL.
 * @param[out] max receives the quota. May be NULL.
 * @param[out] placed receives the places taken (re-winners not counted). May be NULL.
 * @param[out] vacant receives the vacant places (tie places not counted). May be NULL.
 * @param[out] tied receives the places left for the leading group to decide. May be NULL.
 * @param[out] prize_total receives the bucket's prize total in fen. May be NULL.
 * @param c the cycle. @param i 0..count-1.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (bad index), ::QAWARD_ESTATE (not run).
 */
QAWARD_API int qaward_cycle_bucket_get(const char **level, int32_t *max, int32_t *placed, int32_t *vacant,
                                       int32_t *tied, int64_t *prize_total, const qaward_cycle *c, size_t i);

/**
 * @brief The cycle's prize total in fen (the Art. 17 budget) after a run.
 * @param c the cycle. @return the total (0 before a run).
 */
QAWARD_API int64_t qaward_cycle_prize_total(const qaward_cycle *c);

/**
 * @brief Write the cycle's decisions through the store in one transaction.
 *
 * Needs a successful qaward_cycle_run(), no unresolved tie and a passed vote
 * for every placed candidate. Calls cycle_finalised_fn (refuses a cycle already
 * finalised), begin_fn, write_award_fn for each winner and re-winner in report
 * order, then commit_fn. Any callback failure calls rollback_fn (when a
 * transaction is open) and returns the callback's value unchanged.
 * @param ctx context.
 * @param c the cycle.
 * @param store the store; NULL uses the cycle's own store (loaded from JSON).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, missing callbacks), ::QAWARD_ESTATE
 *         (not run, an open tie, a vote missing), ::QAWARD_EEXISTS (already
 *         finalised), or a callback's negative value unchanged.
 */
QAWARD_API int qaward_cycle_finalise(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store);

/** Report format for qaward_cycle_report(). */
typedef enum qaward_report_format {
    QAWARD_REPORT_JSON = 0, /**< JSON document (format `qaward-cycle-report/1`) */
    QAWARD_REPORT_TEXT = 1  /**< readable text */
} qaward_report_format;

/**
 * @brief Render the cycle report (after qaward_cycle_run()).
 *
 * Each bucket's winners with scores and prizes, re-winner flags, vacancies,
 * ties, votes and the budget; refused applicants with their written reasons
 * (Art. 13(三)). The public version (@p public_version = 1) never contains
 * trade-secret-marked material (R19).
 * @param[out] out receives a NUL-terminated string; free with qaward_string_free().
 * @param ctx context.
 * @param c the cycle.
 * @param format a ::qaward_report_format.
 * @param lang a ::qaward_lang (text only; JSON carries both languages).
 * @param public_version 1 for the public version, 0 for the reviewers' version.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ESTATE (not run), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_cycle_report(char **out, qaward_ctx *ctx, const qaward_cycle *c, int format, int lang,
                                   int public_version);

/**
 * @brief Stream the cycle report to a caller-supplied sink instead of one string.
 *
 * Same content as qaward_cycle_report(); the output is passed to @p write in
 * chunks of about 64 KiB, so a 100,000-candidate report never sits in memory
 * whole (issue 4's memory target).
 * @param ctx context.
 * @param c the cycle (after qaward_cycle_run()).
 * @param format a ::qaward_report_format.
 * @param lang a ::qaward_lang.
 * @param public_version 1 for the public version (R19), 0 for the reviewers'.
 * @param write the sink; a negative return stops the report and is returned unchanged.
 * @param userdata passed to @p write.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ESTATE (not run), ::QAWARD_ENOMEM,
 *         or the sink's negative value.
 */
QAWARD_API int qaward_cycle_report_write(qaward_ctx *ctx, const qaward_cycle *c, int format, int lang,
                                         int public_version, qaward_write_fn write, void *userdata);

/**
 * @brief The reviewers' JSON report (same as qaward_cycle_report() with JSON, not public).
 * @param[out] out receives the string; free with qaward_string_free().
 * @param c the cycle. @param ctx context.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ESTATE, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_cycle_to_json(char **out, const qaward_cycle *c, qaward_ctx *ctx);

/**
 * @brief Load a whole cycle from one JSON document (`qaward-cycle/1`, schema in
 *        docs/schema/cycle.schema.json): policy (built-in name or inline),
 *        review rules (built-in name or inline), cycle id and dates, history
 *        (loaded into an in-memory store the cycle owns), candidates with
 *        verdicts, stage totals or composites, defence outcomes, votes, notes.
 * @param[out] out receives the cycle (owning its policy, rules and store).
 * @param ctx context; on error the message names the JSON path and position.
 * @param json the document. @param len its length in bytes.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA,
 *         ::QAWARD_ERANGE, ::QAWARD_ENOTFOUND, ::QAWARD_EEXISTS, ::QAWARD_ENOPOLICY,
 *         ::QAWARD_ENOMEM.
 * Ownership: free with qaward_cycle_free().
 */
QAWARD_API int qaward_cycle_load_json(qaward_cycle **out, qaward_ctx *ctx, const char *json, size_t len);

/**
 * @brief The cycle's own in-memory store (loaded from JSON), or NULL.
 * @param c the cycle. @return the store (owned by the cycle) or NULL.
 */
QAWARD_API qaward_memstore *qaward_cycle_memstore(qaward_cycle *c);

#ifdef __cplusplus
}
#endif
#endif

/**
 * @file review.h
 * @brief Review rules (评审规则) as data: stage weights, gates, minimum
 *        composites, aggregation, spread threshold, tie-break, vote (R14).
 *
 * The measures fix the law; the review rules are set per cycle by the
 * leading group (Art. 7(二)) on the office's proposal (Art. 8(一)). The
 * library keeps the two apart: a ::qaward_review_rules document is loaded
 * from JSON (format `qaward-review-rules/1`, schema in
 * `docs/schema/review-rules.schema.json`) and every rule in it is optional.
 * A getter or computation that needs a rule that is not set returns
 * ::QAWARD_ENORULE with a message naming the rule by its JSON path
 * (e.g. `review rule vote.quorum is not set`); nothing is guessed.
 *
 * Units: weights in per-mille (‰, the weights of one subject kind total
 * 1000), scores in hundredths of a point (int64), fractions as integer
 * numerator/denominator, percentages as integers.
 *
 * A NULL context: the getters and qaward_review_rules_composite() take their
 * context only for the message and return the same status without one (no
 * message then). Loading (qaward_review_rules_load_json(),
 * qaward_review_rules_builtin()) returns ::QAWARD_EINVAL when it is NULL.
 *
 * Thread-safety: a loaded ::qaward_review_rules is immutable and may be shared
 * across threads; strings returned by the getters live as long as the rules.
 */
#ifndef QAWARD_REVIEW_H
#define QAWARD_REVIEW_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Review rules for one cycle (opaque, immutable after loading). */
typedef struct qaward_review_rules qaward_review_rules;

/** How assessors' sheets for one applicant and one stage combine, per item. */
typedef enum qaward_aggregation {
    QAWARD_AGG_MEAN = 1,         /**< arithmetic mean of the assessors' item scores */
    QAWARD_AGG_MEDIAN = 2,       /**< median; with an even count the mean of the two middle scores */
    QAWARD_AGG_TRIMMED_MEAN = 3, /**< mean after dropping one highest and one lowest score */
    QAWARD_AGG_CONSENSUS = 4     /**< the panel's single consensus sheet (role "consensus") */
} qaward_aggregation;

/**
 * @brief Load review rules from a JSON document (`qaward-review-rules/1`).
 *
 * Checks the format: unknown fields, wrong types, negative values, stage
 * weights of a subject kind that do not total 1000 ‰ (when any is set, all
 * must be), duplicate kinds or stages, fractions with a zero denominator or
 * above 1, a tie-break entry naming no stage.
 * @param[out] out receives the rules; NULL on failure.
 * @param ctx context (message names the JSON path and position on failure).
 * @param json UTF-8 JSON text (need not be NUL-terminated).
 * @param len its length in bytes.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA,
 *         ::QAWARD_ERANGE, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_review_rules_free(). Thread-safe on distinct contexts.
 */
QAWARD_API int qaward_review_rules_load_json(qaward_review_rules **out, qaward_ctx *ctx,
                                             const char *json, size_t len);

/**
 * @brief Load review rules compiled into the library by name
 *        (e.g. "jian-2025-example", "lakeside-2025-example").
 * @param[out] out receives the rules; NULL on failure.
 * @param ctx context.
 * @param name the file name under `data/review-rules/` without `.json`.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (no such built-in),
 *         ::QAWARD_ENOMEM, or a load error (a bug in the shipped data).
 * Ownership: free with qaward_review_rules_free().
 */
QAWARD_API int qaward_review_rules_builtin(qaward_review_rules **out, qaward_ctx *ctx, const char *name);

/**
 * @brief Free review rules. NULL-safe; needs no context.
 * @param rules the rules.
 */
QAWARD_API void qaward_review_rules_free(qaward_review_rules *rules);

/**
 * @brief The rules' id (e.g. "jian-2025-example").
 * @param rules the rules (NULL gives "").
 * @return a string owned by @p rules.
 */
QAWARD_API const char *qaward_review_rules_id(const qaward_review_rules *rules);

/**
 * @brief Whether the document is labelled as example values (`"example": true`).
 * @param rules the rules.
 * @return 1 for an example, 0 otherwise (also for NULL).
 */
QAWARD_API int qaward_review_rules_is_example(const qaward_review_rules *rules);

/**
 * @brief Number of subject kinds the rules configure (e.g. organization, individual).
 * @param rules the rules.
 * @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_review_rules_kind_count(const qaward_review_rules *rules);

/**
 * @brief The id of the i-th subject kind, in document order.
 * @param[out] out receives a string owned by @p rules.
 * @param ctx context.
 * @param rules the rules.
 * @param index 0 .. qaward_review_rules_kind_count()-1.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL argument or index out of range).
 */
QAWARD_API int qaward_review_rules_kind_at(const char **out, qaward_ctx *ctx,
                                           const qaward_review_rules *rules, size_t index);

/**
 * @brief The criteria scheme a subject kind is scored on
 *        (`kinds.<kind>.scheme`, e.g. "gbt19580-2012" for organisations).
 * @param[out] out receives a string owned by @p rules.
 * @param ctx context.
 * @param rules the rules.
 * @param kind subject kind id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE (kind or its scheme not set).
 */
QAWARD_API int qaward_review_rules_scheme(const char **out, qaward_ctx *ctx,
                                          const qaward_review_rules *rules, const char *kind);

/**
 * @brief Number of review stages configured for a subject kind
 *        (`kinds.<kind>.stages`), in procedure order (Art. 13, R15).
 * @param[out] out receives the count.
 * @param ctx context.
 * @param rules the rules.
 * @param kind subject kind id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE (kind or its stages not set).
 */
QAWARD_API int qaward_review_rules_stage_count(size_t *out, qaward_ctx *ctx,
                                               const qaward_review_rules *rules, const char *kind);

/**
 * @brief The id of the i-th stage of a subject kind (e.g. "material", "defence", "site").
 * @param[out] out receives a string owned by @p rules.
 * @param ctx context.
 * @param rules the rules.
 * @param kind subject kind id.
 * @param index 0 .. stage count - 1.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (index out of range), ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_stage_at(const char **out, qaward_ctx *ctx,
                                            const qaward_review_rules *rules, const char *kind,
                                            size_t index);

/**
 * @brief A stage's weight in the composite, in per-mille
 *        (`kinds.<kind>.stages[].weight_permille`; a pure gate has 0).
 * @param[out] out receives 0..1000.
 * @param ctx context.
 * @param rules the rules.
 * @param kind subject kind id.
 * @param stage stage id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE (kind, stage or weight not set).
 */
QAWARD_API int qaward_review_rules_stage_weight(int64_t *out, qaward_ctx *ctx,
                                                const qaward_review_rules *rules, const char *kind,
                                                const char *stage);

/**
 * @brief Whether a stage is a gate (a stage total below its pass mark stops the
 *        applicant; Art. 13(五)(六): only organisations that pass the defence go on
 *        to the site review).
 * @param[out] out receives 1 for a gate, 0 otherwise.
 * @param ctx context.
 * @param rules the rules.
 * @param kind subject kind id.
 * @param stage stage id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE (kind or stage not set).
 */
QAWARD_API int qaward_review_rules_stage_is_gate(int *out, qaward_ctx *ctx,
                                                 const qaward_review_rules *rules, const char *kind,
                                                 const char *stage);

/**
 * @brief A gate stage's pass mark in hundredths of a point
 *        (`kinds.<kind>.stages[].pass_mark`). A stage total ≥ pass mark passes.
 * @param[out] out receives the pass mark.
 * @param ctx context.
 * @param rules the rules.
 * @param kind subject kind id.
 * @param stage stage id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE (not a gate, or not set).
 */
QAWARD_API int qaward_review_rules_stage_pass_mark(int64_t *out, qaward_ctx *ctx,
                                                   const qaward_review_rules *rules, const char *kind,
                                                   const char *stage);

/**
 * @brief Minimum composite score (hundredths of a point) for a tier
 *        (`kinds.<kind>.min_composite.<tier>`, e.g. tier "award" or "nomination";
 *        a composite ≥ the minimum qualifies).
 * @param[out] out receives the minimum.
 * @param ctx context.
 * @param rules the rules.
 * @param kind subject kind id.
 * @param tier tier id as named by the policy.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_min_composite(int64_t *out, qaward_ctx *ctx,
                                                 const qaward_review_rules *rules, const char *kind,
                                                 const char *tier);

/**
 * @brief How assessors' scores combine (`aggregation.method`).
 * @param[out] out receives a ::qaward_aggregation value.
 * @param ctx context.
 * @param rules the rules.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_aggregation(int *out, qaward_ctx *ctx, const qaward_review_rules *rules);

/**
 * @brief Minimum number of assessor sheets per applicant and stage
 *        (`aggregation.min_assessors`; at least 3 for a trimmed mean).
 * @param[out] out receives the minimum.
 * @param ctx context.
 * @param rules the rules.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_min_assessors(size_t *out, qaward_ctx *ctx, const qaward_review_rules *rules);

/**
 * @brief Spread threshold in percentage points (`spread_threshold_pct`): an item
 *        whose assessors' percentages differ by more than this (max − min) is
 *        flagged for the panel to confer.
 * @param[out] out receives 0..100.
 * @param ctx context.
 * @param rules the rules.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_spread_threshold(int *out, qaward_ctx *ctx, const qaward_review_rules *rules);

/**
 * @brief Number of entries in the tie-break order (`tie_break`): stage ids whose
 *        totals break a tie of composites, compared in this order, higher first (R12).
 * @param[out] out receives the count (≥ 1).
 * @param ctx context.
 * @param rules the rules.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE (no tie-break order: ties
 *         are reported to the leading group, R12).
 */
QAWARD_API int qaward_review_rules_tie_break_count(size_t *out, qaward_ctx *ctx, const qaward_review_rules *rules);

/**
 * @brief The i-th tie-break stage id.
 * @param[out] out receives a string owned by @p rules.
 * @param ctx context.
 * @param rules the rules.
 * @param index 0 .. count - 1.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (index out of range), ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_tie_break_at(const char **out, qaward_ctx *ctx,
                                                const qaward_review_rules *rules, size_t index);

/**
 * @brief Vote quorum (`vote.quorum`): the leading group's vote (Art. 13(七)) is
 *        valid when present × den ≥ members × num.
 * @param[out] num receives the numerator.
 * @param[out] den receives the denominator (> 0).
 * @param ctx context.
 * @param rules the rules.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_vote_quorum(int64_t *num, int64_t *den, qaward_ctx *ctx,
                                               const qaward_review_rules *rules);

/**
 * @brief Vote pass fraction (`vote.pass`): a candidate passes when
 *        yes × den > present × num (strict) or yes × den ≥ present × num (not strict).
 * @param[out] num receives the numerator.
 * @param[out] den receives the denominator (> 0).
 * @param[out] strict receives 1 for "more than", 0 for "at least".
 * @param ctx context.
 * @param rules the rules.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_vote_pass(int64_t *num, int64_t *den, int *strict, qaward_ctx *ctx,
                                             const qaward_review_rules *rules);

/**
 * @brief Whether a quota place left by a candidate who fails the vote may be
 *        filled by the next-ranked candidate (`vote.backfill`).
 * @param[out] out receives 1 or 0.
 * @param ctx context.
 * @param rules the rules.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE.
 */
QAWARD_API int qaward_review_rules_vote_backfill(int *out, qaward_ctx *ctx, const qaward_review_rules *rules);

/**
 * @brief Composite score of one applicant from its stage totals (Art. 13(六)):
 *        composite = Σ weight‰ × stage total / 1000, one division, rounded half
 *        away from zero to the hundredth; gate stages are checked against their
 *        pass marks.
 *
 * Gates are checked first, in stage order: every gate stage of the kind must be
 * given, and when one is below its pass mark the call succeeds with
 * @p gates_passed = 0 and @p composite = 0 (later stages need not be given: an
 * organisation that fails the defence gets no site review). Otherwise every
 * weighted stage must be given. Stage ids not configured for the kind are ignored.
 * @param[out] composite receives the composite in hundredths (0 when a gate fails).
 * @param[out] gates_passed receives 1 when every gate stage reached its pass mark, else 0.
 * @param ctx context (on a failed gate the call still succeeds; see @p gates_passed).
 * @param rules the rules.
 * @param kind subject kind id.
 * @param n number of stages given.
 * @param stage_ids @p n stage ids; may be NULL when @p n is 0.
 * @param totals @p n stage totals in hundredths of a point; may be NULL when @p n is 0.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENORULE (weights or a pass mark not
 *         set), ::QAWARD_ENOTFOUND (a needed stage total is missing; message names it).
 */
QAWARD_API int qaward_review_rules_composite(int64_t *composite, int *gates_passed, qaward_ctx *ctx,
                                             const qaward_review_rules *rules, const char *kind, size_t n,
                                             const char *const *stage_ids, const int64_t *totals);

#ifdef __cplusplus
}
#endif
#endif

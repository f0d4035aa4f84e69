/**
 * @file scoring.h
 * @brief GB/T 19580 scoring (Art. 6, 13): criteria schemes, assessors' sheets,
 *        aggregation across assessors, item/category/part/total results,
 *        self-assessment, and stage composites under review rules (R14).
 *
 * Numbers are exact: an item score is points × percentage, kept in
 * hundredths of a point (int64), so a single sheet never rounds (4.4.3, 15
 * points, at 35 % is 5.25 = 525). The one rounding rule of the module is
 * **round half away from zero to the hundredth of a point**, applied only
 * where a division happens: the per-item aggregation across assessors
 * (mean, median of an even count, trimmed mean), the composite (one division
 * by 1000 ‰) and category shares (hundredths of a percent). Category, part
 * and stage totals are sums of the rounded item scores and are exact.
 *
 * A NULL context: the lookups qaward_scheme_item_find(), qaward_scores_find(),
 * qaward_scores_item(), qaward_scores_item_spread(), qaward_scores_category(),
 * qaward_scores_totals(), qaward_composites_get(),
 * qaward_composites_stage_total() and qaward_score_options_from_rules() take
 * their context only for the message and return the same status without one
 * (no message then). Every other call taking a context (loading, building
 * sheets, computing, rendering) returns ::QAWARD_EINVAL when it is NULL.
 *
 * Thread-safety: a loaded ::qaward_scheme is immutable and shareable across
 * threads. A ::qaward_sheets set is built by one thread; once built it may be
 * read concurrently. ::qaward_scores and ::qaward_composites are immutable.
 * Lifetimes: a ::qaward_sheets borrows its scheme, a ::qaward_scores borrows
 * its sheets (and their scheme), a ::qaward_composites borrows its scores and
 * rules: free in reverse order.
 */
#ifndef QAWARD_SCORING_H
#define QAWARD_SCORING_H

#include "core.h"
#include "review.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ schemes */

/** A criteria scheme: categories of items with points (opaque, immutable). */
typedef struct qaward_scheme qaward_scheme;

/** Kind of a criteria item (GB/T 19580: process items 4.1–4.6, results items 4.7). */
typedef enum qaward_item_kind {
    QAWARD_ITEM_PROCESS = 1, /**< judged on approach, deployment, learning, integration */
    QAWARD_ITEM_RESULTS = 2  /**< judged on levels, trends, comparisons, integration */
} qaward_item_kind;

/**
 * @brief Load a criteria scheme from JSON (`qaward-scheme/1`,
 *        `docs/schema/scheme.schema.json`).
 *
 * Checks that items sum to their category's points, categories to the total,
 * process and results items to the declared parts, that the step divides 100,
 * and that ids are unique; the message names the offending node and both sums.
 * @param[out] out receives the scheme; NULL on failure.
 * @param ctx context.
 * @param json UTF-8 JSON text.
 * @param len its length in bytes.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA,
 *         ::QAWARD_ERANGE (sums that do not add up, bad step), ::QAWARD_EEXISTS
 *         (duplicate id), ::QAWARD_ENOMEM.
 * Ownership: free with qaward_scheme_free().
 */
QAWARD_API int qaward_scheme_load_json(qaward_scheme **out, qaward_ctx *ctx, const char *json, size_t len);

/**
 * @brief Load a built-in scheme ("gbt19580-2012", "individual-example").
 * @param[out] out receives the scheme; NULL on failure.
 * @param ctx context.
 * @param name file name under `data/schemes/` without `.json`.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_scheme_free().
 */
QAWARD_API int qaward_scheme_builtin(qaward_scheme **out, qaward_ctx *ctx, const char *name);

/**
 * @brief Free a scheme. NULL-safe.
 * @param scheme the scheme.
 */
QAWARD_API void qaward_scheme_free(qaward_scheme *scheme);

/**
 * @brief The scheme's id (e.g. "gbt19580-2012").
 * @param scheme the scheme (NULL gives "").
 * @return a string owned by the scheme.
 */
QAWARD_API const char *qaward_scheme_id(const qaward_scheme *scheme);

/**
 * @brief Whether the scheme is labelled as an example (`"example": true`).
 * @param scheme the scheme.
 * @return 1 or 0.
 */
QAWARD_API int qaward_scheme_is_example(const qaward_scheme *scheme);

/**
 * @brief Total points of the scheme (1000 for GB/T 19580-2012).
 * @param scheme the scheme.
 * @return the points (0 for NULL).
 */
QAWARD_API int64_t qaward_scheme_total_points(const qaward_scheme *scheme);

/**
 * @brief Percentage step assessors must use (5 for GB/T 19580).
 * @param scheme the scheme.
 * @return the step (0 for NULL).
 */
QAWARD_API int qaward_scheme_step(const qaward_scheme *scheme);

/**
 * @brief Number of categories (7 for GB/T 19580-2012).
 * @param scheme the scheme.
 * @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_scheme_category_count(const qaward_scheme *scheme);

/**
 * @brief Number of items over all categories (23 for GB/T 19580-2012).
 * @param scheme the scheme.
 * @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_scheme_item_count(const qaward_scheme *scheme);

/**
 * @brief Index of an item by id.
 * @param[out] out receives 0 .. item count − 1.
 * @param ctx context.
 * @param scheme the scheme.
 * @param item_id e.g. "4.4.3".
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND.
 */
QAWARD_API int qaward_scheme_item_find(size_t *out, qaward_ctx *ctx, const qaward_scheme *scheme,
                                       const char *item_id);

/**
 * @brief Id of the i-th item (scheme order).
 * @param scheme the scheme.
 * @param index item index.
 * @return a string owned by the scheme, or NULL when out of range.
 */
QAWARD_API const char *qaward_scheme_item_id(const qaward_scheme *scheme, size_t index);

/**
 * @brief Name of the i-th item.
 * @param scheme the scheme.
 * @param index item index.
 * @param lang "zh" or "en" (anything else gives "zh").
 * @return a string owned by the scheme, or NULL when out of range.
 */
QAWARD_API const char *qaward_scheme_item_name(const qaward_scheme *scheme, size_t index, const char *lang);

/**
 * @brief Points of the i-th item.
 * @param scheme the scheme.
 * @param index item index.
 * @return the points, or -1 when out of range.
 */
QAWARD_API int64_t qaward_scheme_item_points(const qaward_scheme *scheme, size_t index);

/**
 * @brief Kind of the i-th item.
 * @param scheme the scheme.
 * @param index item index.
 * @return a ::qaward_item_kind, or 0 when out of range.
 */
QAWARD_API int qaward_scheme_item_kind(const qaward_scheme *scheme, size_t index);

/**
 * @brief Category index of the i-th item.
 * @param scheme the scheme.
 * @param index item index.
 * @return the category index, or (size_t)-1 when out of range.
 */
QAWARD_API size_t qaward_scheme_item_category(const qaward_scheme *scheme, size_t index);

/**
 * @brief Id of the i-th category (e.g. "4.1").
 * @param scheme the scheme.
 * @param index category index.
 * @return a string owned by the scheme, or NULL when out of range.
 */
QAWARD_API const char *qaward_scheme_category_id(const qaward_scheme *scheme, size_t index);

/**
 * @brief Name of the i-th category.
 * @param scheme the scheme.
 * @param index category index.
 * @param lang "zh" or "en".
 * @return a string owned by the scheme, or NULL when out of range.
 */
QAWARD_API const char *qaward_scheme_category_name(const qaward_scheme *scheme, size_t index,
                                                   const char *lang);

/**
 * @brief Points of the i-th category.
 * @param scheme the scheme.
 * @param index category index.
 * @return the points, or -1 when out of range.
 */
QAWARD_API int64_t qaward_scheme_category_points(const qaward_scheme *scheme, size_t index);

/* ------------------------------------------------------------------- sheets */

/** A set of scoring sheets on one scheme (opaque). */
typedef struct qaward_sheets qaward_sheets;

/** Who filled a sheet. */
typedef enum qaward_sheet_role {
    QAWARD_ROLE_ASSESSOR = 1,  /**< one assessor of the panel (Art. 13(四)–(六)) */
    QAWARD_ROLE_SELF = 2,      /**< the applicant's self-assessment (自我评价, Art. 13(二)) */
    QAWARD_ROLE_CONSENSUS = 3  /**< the panel's agreed sheet (aggregation "consensus") */
} qaward_sheet_role;

/**
 * @brief Create an empty set of sheets on a scheme.
 * @param[out] out receives the set; NULL on failure.
 * @param ctx context (its allocator is copied).
 * @param scheme the scheme (borrowed: must outlive the set).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_sheets_free().
 */
QAWARD_API int qaward_sheets_new(qaward_sheets **out, qaward_ctx *ctx, const qaward_scheme *scheme);

/**
 * @brief Load sheets from JSON (`qaward-sheets/1`, `docs/schema/sheets.schema.json`)
 *        and validate them (as qaward_sheets_validate()).
 * @param[out] out receives the set; NULL on failure.
 * @param ctx context (message names the sheet, item and value).
 * @param scheme the scheme (borrowed); the document's "scheme", when given, must be its id.
 * @param json UTF-8 JSON text.
 * @param len its length.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA,
 *         ::QAWARD_ERANGE, ::QAWARD_ENOTFOUND (unknown item), ::QAWARD_EEXISTS
 *         (item or assessor twice), ::QAWARD_ENOMEM.
 * Ownership: free with qaward_sheets_free().
 */
QAWARD_API int qaward_sheets_load_json(qaward_sheets **out, qaward_ctx *ctx, const qaward_scheme *scheme,
                                       const char *json, size_t len);

/**
 * @brief Read the scheme id a sheets document names (`$.scheme`) without loading it,
 *        so a caller can pick the scheme first.
 * @param[out] out receives a copy of the id; free with qaward_string_free().
 * @param ctx context.
 * @param json UTF-8 JSON text.
 * @param len its length.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA (not an object,
 *         or no "scheme"), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_sheets_scheme_name(char **out, qaward_ctx *ctx, const char *json, size_t len);

/**
 * @brief Free a set of sheets. NULL-safe.
 * @param sheets the set.
 */
QAWARD_API void qaward_sheets_free(qaward_sheets *sheets);

/**
 * @brief Number of sheets in the set.
 * @param sheets the set.
 * @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_sheets_count(const qaward_sheets *sheets);

/**
 * @brief Add an empty sheet: one assessor's scores for one applicant and one stage.
 * @param[out] index receives the sheet's index (may be NULL).
 * @param ctx context.
 * @param sheets the set.
 * @param applicant applicant id (non-empty).
 * @param stage stage id (non-empty; e.g. "material", "defence", "site", "self").
 * @param assessor assessor id (non-empty).
 * @param role a ::qaward_sheet_role.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_sheets_add(size_t *index, qaward_ctx *ctx, qaward_sheets *sheets, const char *applicant,
                                 const char *stage, const char *assessor, int role);

/**
 * @brief Set one item's percentage on a sheet.
 * @param ctx context (message names sheet, item and value).
 * @param sheets the set.
 * @param index sheet index.
 * @param item_id item id of the scheme.
 * @param pct integer percentage 0..100, a multiple of the scheme's step.
 * @param comment optional comment (copied), or NULL.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown item),
 *         ::QAWARD_ERANGE (out of range or off step), ::QAWARD_EEXISTS (item already set),
 *         ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_sheets_set(qaward_ctx *ctx, qaward_sheets *sheets, size_t index, const char *item_id,
                                 int pct, const char *comment);

/**
 * @brief Set one item's percentage on a sheet by item index (as qaward_sheets_set(),
 *        for callers that walk the scheme in order).
 * @param ctx context.
 * @param sheets the set.
 * @param index sheet index.
 * @param item item index in the scheme (0 .. item count − 1).
 * @param pct integer percentage 0..100, a multiple of the scheme's step.
 * @param comment optional comment (copied), or NULL.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (index out of range), ::QAWARD_ERANGE,
 *         ::QAWARD_EEXISTS, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_sheets_set_at(qaward_ctx *ctx, qaward_sheets *sheets, size_t index, size_t item, int pct,
                                    const char *comment);

/**
 * @brief Declare an applicant's subject kind ("organization", "individual"),
 *        needed for composites.
 * @param ctx context.
 * @param sheets the set.
 * @param applicant applicant id.
 * @param kind subject kind id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EEXISTS (a different kind already set),
 *         ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_sheets_set_kind(qaward_ctx *ctx, qaward_sheets *sheets, const char *applicant,
                                      const char *kind);

/**
 * @brief Check the set: every sheet scores every item exactly once; an assessor
 *        has one sheet per applicant and stage; at most one consensus sheet per
 *        applicant and stage, and one self-assessment per applicant and stage.
 * @param ctx context (message names applicant, stage, assessor and item).
 * @param sheets the set.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ESCHEMA (an item missing),
 *         ::QAWARD_EEXISTS (a duplicate sheet).
 */
QAWARD_API int qaward_sheets_validate(qaward_ctx *ctx, const qaward_sheets *sheets);

/* ------------------------------------------------------------------- scores */

/** Results per applicant and stage (opaque, immutable). */
typedef struct qaward_scores qaward_scores;

/** Version of ::qaward_score_options understood by this library. */
#define QAWARD_SCORE_OPTIONS_VERSION 1

/**
 * @brief How to combine sheets. Fill with qaward_score_options_init(), then
 *        qaward_score_options_from_rules() or by hand.
 */
typedef struct qaward_score_options {
    uint32_t version;              /**< ::QAWARD_SCORE_OPTIONS_VERSION */
    int aggregation;               /**< a ::qaward_aggregation, or 0 = not set */
    size_t min_assessors;          /**< minimum assessor sheets per applicant and stage; 0 = not set */
    int spread_threshold_pct;      /**< flag items whose spread exceeds this; -1 = not set (no flags) */
} qaward_score_options;

/**
 * @brief Initialise options: nothing set.
 * @param opts the struct.
 * @param version ::QAWARD_SCORE_OPTIONS_VERSION.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_score_options_init(qaward_score_options *opts, uint32_t version);

/**
 * @brief Copy the aggregation rules that are set in the review rules into @p opts
 *        (unset rules leave the fields untouched).
 * @param opts initialised options.
 * @param ctx context.
 * @param rules the review rules.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_score_options_from_rules(qaward_score_options *opts, qaward_ctx *ctx,
                                               const qaward_review_rules *rules);

/**
 * @brief Score every applicant and stage in a set of sheets.
 *
 * Sheets are grouped by (applicant, stage); self-assessments form their own
 * groups and are never combined with assessors. A group of one assessor sheet
 * needs no aggregation rule; more need `opts->aggregation` (else
 * ::QAWARD_ENORULE naming `aggregation.method`).
 * @param[out] out receives the scores; NULL on failure.
 * @param ctx context.
 * @param sheets a validated set (borrowed: must outlive the scores).
 * @param opts options, or NULL for none set.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION, ::QAWARD_ESCHEMA /
 *         ::QAWARD_EEXISTS (invalid sheets), ::QAWARD_ENORULE, ::QAWARD_ERANGE (fewer
 *         assessors than the minimum, a consensus sheet missing), ::QAWARD_ENOMEM.
 * Ownership: free with qaward_scores_free().
 */
QAWARD_API int qaward_scores_compute(qaward_scores **out, qaward_ctx *ctx, const qaward_sheets *sheets,
                                     const qaward_score_options *opts);

/**
 * @brief Free scores. NULL-safe.
 * @param scores the scores.
 */
QAWARD_API void qaward_scores_free(qaward_scores *scores);

/**
 * @brief Number of (applicant, stage) results.
 * @param scores the scores.
 * @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_scores_count(const qaward_scores *scores);

/**
 * @brief Find the result of an applicant at a stage.
 * @param[out] out receives the result index.
 * @param ctx context.
 * @param scores the scores.
 * @param applicant applicant id.
 * @param stage stage id.
 * @param role ::QAWARD_ROLE_ASSESSOR for the panel's result, ::QAWARD_ROLE_SELF for the
 *        self-assessment.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND.
 */
QAWARD_API int qaward_scores_find(size_t *out, qaward_ctx *ctx, const qaward_scores *scores,
                                  const char *applicant, const char *stage, int role);

/**
 * @brief Applicant id of the r-th result.
 * @param scores the scores.
 * @param r result index.
 * @return a string owned by the sheets, or NULL when out of range.
 */
QAWARD_API const char *qaward_scores_applicant(const qaward_scores *scores, size_t r);

/**
 * @brief Stage id of the r-th result.
 * @param scores the scores.
 * @param r result index.
 * @return a string owned by the sheets, or NULL when out of range.
 */
QAWARD_API const char *qaward_scores_stage(const qaward_scores *scores, size_t r);

/**
 * @brief Role of the r-th result: ::QAWARD_ROLE_SELF for a self-assessment,
 *        ::QAWARD_ROLE_ASSESSOR for the panel's.
 * @param scores the scores.
 * @param r result index.
 * @return the role, or 0 when out of range.
 */
QAWARD_API int qaward_scores_role(const qaward_scores *scores, size_t r);

/**
 * @brief An item's score in the r-th result (hundredths of a point).
 * @param[out] out receives the score.
 * @param ctx context.
 * @param scores the scores.
 * @param r result index.
 * @param item item index in the scheme.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (index out of range).
 */
QAWARD_API int qaward_scores_item(int64_t *out, qaward_ctx *ctx, const qaward_scores *scores, size_t r,
                                  size_t item);

/**
 * @brief An item's spread in the r-th result: max − min of the assessors'
 *        percentages (0 for one sheet), and whether it exceeds the threshold.
 * @param[out] spread_pct receives the spread in percentage points; may be NULL.
 * @param[out] flagged receives 1 when a threshold is set and the spread exceeds it, else 0;
 *        may be NULL.
 * @param ctx context.
 * @param scores the scores.
 * @param r result index.
 * @param item item index.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_scores_item_spread(int *spread_pct, int *flagged, qaward_ctx *ctx,
                                         const qaward_scores *scores, size_t r, size_t item);

/**
 * @brief A category's score in the r-th result (sum of its items, hundredths).
 * @param[out] out receives the score.
 * @param ctx context.
 * @param scores the scores.
 * @param r result index.
 * @param category category index.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_scores_category(int64_t *out, qaward_ctx *ctx, const qaward_scores *scores, size_t r,
                                      size_t category);

/**
 * @brief Process part, results part and total of the r-th result (hundredths).
 * @param[out] process receives the process part (may be NULL).
 * @param[out] results receives the results part (may be NULL).
 * @param[out] total receives the total (may be NULL).
 * @param ctx context.
 * @param scores the scores.
 * @param r result index.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_scores_totals(int64_t *process, int64_t *results, int64_t *total, qaward_ctx *ctx,
                                    const qaward_scores *scores, size_t r);

/**
 * @brief The scores as JSON (`qaward-scores/1`): per result the items (score,
 *        spread, flag), categories (score, share of points), parts, total,
 *        strongest and weakest items.
 * @param[out] out receives a NUL-terminated string; free with qaward_string_free().
 * @param ctx context.
 * @param scores the scores.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_scores_to_json(char **out, qaward_ctx *ctx, const qaward_scores *scores);

/**
 * @brief The scores as a text report.
 * @param[out] out receives a NUL-terminated string; free with qaward_string_free().
 * @param ctx context.
 * @param scores the scores.
 * @param lang "en" for English; "zh", any other value or NULL gives Chinese.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_scores_to_text(char **out, qaward_ctx *ctx, const qaward_scores *scores,
                                     const char *lang);

/* --------------------------------------------------------------- composites */

/** Composite scores of applicants under review rules (opaque, immutable). */
typedef struct qaward_composites qaward_composites;

/** Outcome of one applicant's composite. */
typedef enum qaward_composite_status {
    QAWARD_COMPOSITE_OK = 0,          /**< every gate passed; composite computed */
    QAWARD_COMPOSITE_GATE_FAILED = 1, /**< a gate stage (the defence) is below its pass mark */
    QAWARD_COMPOSITE_INCOMPLETE = 2   /**< a stage needed for the composite has no scores */
} qaward_composite_status;

/**
 * @brief Combine stage totals into composites (Art. 13(六)) for every applicant
 *        in one or more score sets (e.g. organisations on GB/T 19580 and
 *        individuals on their own scheme). Self-assessments are not used.
 *
 * Each applicant needs a declared subject kind (qaward_sheets_set_kind()); when
 * the rules name a scheme for that kind, the sheets must be on it.
 * @param[out] out receives the composites; NULL on failure.
 * @param ctx context.
 * @param rules review rules (borrowed: must outlive the result).
 * @param n number of score sets.
 * @param scores @p n score sets (borrowed); may be NULL when @p n is 0.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (kind missing, scheme mismatch), ::QAWARD_ENORULE,
 *         ::QAWARD_EEXISTS (an applicant in two sets), ::QAWARD_ENOMEM.
 * Ownership: free with qaward_composites_free().
 */
QAWARD_API int qaward_composites_compute(qaward_composites **out, qaward_ctx *ctx,
                                         const qaward_review_rules *rules, size_t n,
                                         const qaward_scores *const *scores);

/**
 * @brief Free composites. NULL-safe.
 * @param c the composites.
 */
QAWARD_API void qaward_composites_free(qaward_composites *c);

/**
 * @brief Number of applicants.
 * @param c the composites.
 * @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_composites_count(const qaward_composites *c);

/**
 * @brief One applicant's composite.
 * @param[out] applicant receives the applicant id (owned by the sheets; may be NULL).
 * @param[out] kind receives the subject kind (may be NULL).
 * @param[out] status receives a ::qaward_composite_status (may be NULL).
 * @param[out] composite receives the composite in hundredths (0 unless OK; may be NULL).
 * @param ctx context.
 * @param c the composites.
 * @param index 0 .. count − 1.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_composites_get(const char **applicant, const char **kind, int *status, int64_t *composite,
                                     qaward_ctx *ctx, const qaward_composites *c, size_t index);

/**
 * @brief One applicant's total at a stage (hundredths).
 * @param[out] out receives the total.
 * @param ctx context.
 * @param c the composites.
 * @param index applicant index.
 * @param stage stage id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (no scores at that stage).
 */
QAWARD_API int qaward_composites_stage_total(int64_t *out, qaward_ctx *ctx, const qaward_composites *c,
                                             size_t index, const char *stage);

/**
 * @brief The composites as JSON (`qaward-composites/1`).
 * @param[out] out receives a string; free with qaward_string_free().
 * @param ctx context.
 * @param c the composites.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_composites_to_json(char **out, qaward_ctx *ctx, const qaward_composites *c);

/**
 * @brief The composites as a text report.
 * @param[out] out receives a string; free with qaward_string_free().
 * @param ctx context.
 * @param c the composites.
 * @param lang "en" for English; "zh", any other value or NULL gives Chinese.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_composites_to_text(char **out, qaward_ctx *ctx, const qaward_composites *c,
                                         const char *lang);

#ifdef __cplusplus
}
#endif
#endif

/**
 * @file eligibility.h
 * @brief Eligibility: policy + subject + history + as-of date -> a verdict with
 *        a cited reason for every check (Art. 10, 11; waits and bans of
 *        Art. 5, 20, 22; R3–R11, R17, R18).
 *
 * Every condition of the policy for the subject's kind, every re-application
 * wait and every sanction kind gives one check: stable rule id, citation
 * (e.g. `第十条（四）` / `Art. 10(4)`), outcome, the facts read, the threshold,
 * a message in Chinese and English, and — when only time blocks it — the
 * earliest date it will pass. The verdict is ELIGIBLE (all pass),
 * INELIGIBLE (any fail) or INCOMPLETE (no fail, some unknown) (R5).
 *
 * Speed: qaward_check() allocates a verdict per call. For bulk work create a
 * ::qaward_checker once per thread and use qaward_checker_fast() (outcome and
 * failing rule codes, no allocation per check) or qaward_checker_check().
 *
 * Thread-safety: a verdict may be read from many threads except through the
 * lazily formatting getters (message, facts, threshold), which need exclusive
 * use of the verdict. A checker belongs to one thread. The policy must
 * outlive every verdict and checker made with it.
 */
#ifndef QAWARD_ELIGIBILITY_H
#define QAWARD_ELIGIBILITY_H

#include "core.h"
#include "date.h"
#include "policy.h"
#include "store.h"
#include "subject.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Verdict on a subject (R5). */
typedef enum qaward_eligibility {
    QAWARD_ELIGIBLE = 0,   /**< every check passes (or does not apply) */
    QAWARD_INELIGIBLE = 1, /**< at least one check fails */
    QAWARD_INCOMPLETE = 2  /**< no check fails, at least one is unknown */
} qaward_eligibility;

/** Outcome of one check (R5). */
typedef enum qaward_outcome {
    QAWARD_PASS = 0,          /**< the condition holds */
    QAWARD_FAIL = 1,          /**< the condition does not hold */
    QAWARD_UNKNOWN = 2,       /**< a needed fact is missing (never a silent pass) */
    QAWARD_NOT_APPLICABLE = 3 /**< the condition does not apply to this subject (e.g. Art. 10(5) profit for a non-profit) */
} qaward_outcome;

/** A verdict (opaque). */
typedef struct qaward_verdict qaward_verdict;

/**
 * @brief Check a subject against a policy as of a date.
 * @param[out] out receives the verdict; NULL on failure.
 * @param ctx context.
 * @param p the policy.
 * @param s the subject.
 * @param store history and sanctions (read through read_fn), or NULL for none.
 * @param as_of the application date (R1).
 * @return ::QAWARD_OK; ::QAWARD_EINVAL (NULL handle, invalid date, a kind,
 *         event kind, grade, level or sanction kind the policy does not know —
 *         named in the message); ::QAWARD_ENOPOLICY when the policy is not in
 *         force on @p as_of (R17); ::QAWARD_ENOMEM; or a store callback's
 *         negative return, unchanged.
 * Ownership: free with qaward_verdict_free().
 */
QAWARD_API int qaward_check(qaward_verdict **out, qaward_ctx *ctx, const qaward_policy *p, const qaward_subject *s,
                            const qaward_store *store, qaward_date as_of);

/** @brief Free a verdict. NULL-safe. @param v the verdict. */
QAWARD_API void qaward_verdict_free(qaward_verdict *v);

/** @brief The verdict status. @param v the verdict. @return ::qaward_eligibility, or ::QAWARD_EINVAL for NULL. */
QAWARD_API int qaward_verdict_status(const qaward_verdict *v);

/** @brief Name of a status: "eligible", "ineligible", "incomplete". @param status the status. @return a static string. */
QAWARD_API const char *qaward_verdict_status_name(int status);

/** @brief Name of an outcome: "pass", "fail", "unknown", "not_applicable". @param outcome the outcome. @return a static string. */
QAWARD_API const char *qaward_outcome_name(int outcome);

/** @brief The subject id checked. @param v the verdict. @return the id (owned by the verdict), "" for NULL. */
QAWARD_API const char *qaward_verdict_subject_id(const qaward_verdict *v);

/** @brief The subject kind checked. @param v the verdict. @return the kind id, "" for NULL. */
QAWARD_API const char *qaward_verdict_kind(const qaward_verdict *v);

/** @brief The as-of date. @param v the verdict. @return the date. */
QAWARD_API qaward_date qaward_verdict_as_of(const qaward_verdict *v);

/**
 * @brief Earliest date the subject will be eligible: the as-of date when
 *        eligible; the latest earliest-pass date when every failing check is
 *        blocked by time alone and none is unknown; else ::QAWARD_DATE_NONE.
 *        Assumes the facts stay as they are.
 * @param v the verdict. @return the date or ::QAWARD_DATE_NONE.
 */
QAWARD_API qaward_date qaward_verdict_earliest(const qaward_verdict *v);

/** @brief Number of checks. @param v the verdict. @return the count (0 for NULL). */
QAWARD_API size_t qaward_verdict_check_count(const qaward_verdict *v);

/**
 * @brief Rule id of check @p i (e.g. "art10_4_management_system_3_years").
 * @param v the verdict. @param i 0..count-1. @return the id (owned by the policy), NULL when out of range.
 */
QAWARD_API const char *qaward_verdict_check_rule(const qaward_verdict *v, size_t i);

/**
 * @brief Reason code of check @p i: its index in the policy's rule list for the kind
 *        (qaward_policy_rule_id()). @param v the verdict. @param i the index.
 * @return the code, or -1 when out of range.
 */
QAWARD_API int qaward_verdict_check_code(const qaward_verdict *v, size_t i);

/**
 * @brief Type of check @p i: "attestation", "flag", "region", "years_since",
 *        "certificate_held", "certificate_level", "profit_years", "no_event", "wait", "ban".
 * @param v the verdict. @param i the index. @return a static string, NULL when out of range.
 */
QAWARD_API const char *qaward_verdict_check_type(const qaward_verdict *v, size_t i);

/**
 * @brief Citation of check @p i ("第十条（四）" / "Art. 10(4)").
 * @param v the verdict. @param i the index. @param lang ::qaward_lang.
 * @return the citation (owned by the policy), NULL when out of range.
 */
QAWARD_API const char *qaward_verdict_check_citation(const qaward_verdict *v, size_t i, int lang);

/** @brief Outcome of check @p i. @param v the verdict. @param i the index. @return ::qaward_outcome, or ::QAWARD_EINVAL. */
QAWARD_API int qaward_verdict_check_outcome(const qaward_verdict *v, size_t i);

/**
 * @brief Earliest date check @p i passes when only time blocks it, else ::QAWARD_DATE_NONE.
 * @param v the verdict. @param i the index. @return the date.
 */
QAWARD_API qaward_date qaward_verdict_check_earliest(const qaward_verdict *v, size_t i);

/**
 * @brief Message of check @p i in a language (formatted on first use).
 * @param v the verdict (not thread-safe: caches the text). @param i the index. @param lang ::qaward_lang.
 * @return the text (owned by the verdict), NULL when out of range or out of memory.
 */
QAWARD_API const char *qaward_verdict_check_message(qaward_verdict *v, size_t i, int lang);

/**
 * @brief The facts check @p i read, as a JSON object text (formatted on first use).
 * @param v the verdict. @param i the index. @return the JSON (owned by the verdict), NULL when out of range or OOM.
 */
QAWARD_API const char *qaward_verdict_check_facts(qaward_verdict *v, size_t i);

/**
 * @brief The threshold of check @p i, as a JSON object text (formatted on first use).
 * @param v the verdict. @param i the index. @return the JSON (owned by the verdict), NULL when out of range or OOM.
 */
QAWARD_API const char *qaward_verdict_check_threshold(qaward_verdict *v, size_t i);

/**
 * @brief The verdict as JSON (format in docs/eligibility.md).
 * @param[out] out receives the string; free with qaward_string_free(ctx, ...).
 * @param v the verdict. @param ctx context.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_verdict_to_json(char **out, const qaward_verdict *v, qaward_ctx *ctx);

/**
 * @brief The verdict as readable text, one line per check.
 * @param[out] out receives the string; free with qaward_string_free().
 * @param v the verdict. @param ctx context. @param lang ::qaward_lang.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_verdict_to_text(char **out, const qaward_verdict *v, qaward_ctx *ctx, int lang);

/** A reusable checker: scratch space for bulk checks with one policy and store (opaque). */
typedef struct qaward_checker qaward_checker;

/**
 * @brief Create a checker.
 * @param[out] out receives the checker.
 * @param ctx context; kept by the checker for its errors (one thread at a time).
 * @param p the policy (must outlive the checker). @param store the store, or NULL (copied table).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION, ::QAWARD_ENOMEM. Free with qaward_checker_free().
 */
QAWARD_API int qaward_checker_new(qaward_checker **out, qaward_ctx *ctx, const qaward_policy *p,
                                  const qaward_store *store);

/** @brief Free a checker. NULL-safe. @param c the checker. */
QAWARD_API void qaward_checker_free(qaward_checker *c);

/**
 * @brief Fast check: the status, the earliest eligible date and the reason codes
 *        of the checks that did not pass; no allocation in steady state.
 * @param[out] status receives the ::qaward_eligibility.
 * @param[out] earliest receives qaward_verdict_earliest()'s date; may be NULL.
 * @param[out] codes receives up to @p cap reason codes (rule indices, see
 *        qaward_policy_rule_id()) of failing and unknown checks in rule order; may be NULL when @p cap is 0.
 * @param[out] outcomes receives the matching ::qaward_outcome of each code; may be NULL.
 * @param cap capacity of @p codes and @p outcomes.
 * @param[out] n_codes receives the number of non-passing checks (may exceed @p cap); may be NULL.
 * @param c the checker (errors go to its context). @param s the subject. @param as_of the date.
 * @return as qaward_check().
 */
QAWARD_API int qaward_checker_fast(int *status, qaward_date *earliest, uint32_t *codes, uint8_t *outcomes, size_t cap,
                                   size_t *n_codes, qaward_checker *c, const qaward_subject *s, qaward_date as_of);

/**
 * @brief Fast check of many loaded subjects in one call: the status, the
 *        earliest eligible date and the number of non-passing checks of each
 *        (the batch path of the bindings: one foreign call per batch instead of
 *        one per subject), prefetching ahead for large batches.
 *
 * Same result per subject as qaward_checker_fast(). Stops at the first
 * subject whose check fails (a NULL subject, a store callback's error): the
 * entries before it are filled, the message names the index and subject id.
 * @param[out] statuses receives @p n ::qaward_eligibility values; may be NULL when @p n is 0.
 * @param[out] earliest receives @p n dates (qaward_verdict_earliest()); may be NULL.
 * @param[out] n_not_passed receives @p n counts of failing or unknown checks; may be NULL.
 * @param[out] n_done receives the number of subjects checked (@p n on success,
 *        the index of the failing subject otherwise); may be NULL.
 * @param c the checker (errors go to its context).
 * @param subjects @p n subjects (borrowed); may be NULL when @p n is 0.
 * @param n how many (0 is allowed).
 * @param as_of the date.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL array with @p n > 0, NULL subject),
 *         or as qaward_check() (a store callback's value unchanged).
 */
QAWARD_API int qaward_checker_fast_many(int *statuses, qaward_date *earliest, uint32_t *n_not_passed, size_t *n_done,
                                        qaward_checker *c, const qaward_subject *const *subjects, size_t n,
                                        qaward_date as_of);

/**
 * @brief qaward_checker_fast_many() over every subject of a loaded list, in list order.
 * @param[out] statuses receives qaward_subject_list_count() statuses.
 * @param[out] earliest receives as many dates; may be NULL.
 * @param[out] done receives the number of subjects checked; may be NULL.
 * @param c the checker. @param l the list (borrowed). @param as_of the date.
 * @return as qaward_checker_fast_many().
 */
QAWARD_API int qaward_checker_fast_list(int *statuses, qaward_date *earliest, size_t *done, qaward_checker *c,
                                        const qaward_subject_list *l, qaward_date as_of);

/**
 * @brief Full check with a checker (same result as qaward_check(), fewer allocations).
 * @param[out] out receives the verdict. @param c the checker. @param s the subject. @param as_of the date.
 * @return as qaward_check().
 */
QAWARD_API int qaward_checker_check(qaward_verdict **out, qaward_checker *c, const qaward_subject *s,
                                    qaward_date as_of);

/** Batch flag: only status, earliest date and non-passing rule ids per subject. */
#define QAWARD_BATCH_BRIEF 1u
/** Batch flag: indent the JSON output. */
#define QAWARD_BATCH_PRETTY 2u

/**
 * @brief Check every subject of one JSON document (array or `{"subjects": [...]}`)
 *        and return one JSON result `{"policy":..., "as_of":..., "verdicts":[...]}`.
 *
 * Bindings use this to convert data once per batch.
 * @param[out] out receives the JSON; free with qaward_string_free().
 * @param ctx context. @param p the policy. @param store the store or NULL.
 * @param as_of the date. @param subjects_json the document. @param len its length.
 * @param flags ::QAWARD_BATCH_BRIEF, ::QAWARD_BATCH_PRETTY.
 * @return as qaward_subject_list_load_json() and qaward_check().
 */
QAWARD_API int qaward_check_batch_json(char **out, qaward_ctx *ctx, const qaward_policy *p, const qaward_store *store,
                                       qaward_date as_of, const char *subjects_json, size_t len, uint32_t flags);

#ifdef __cplusplus
}
#endif
#endif

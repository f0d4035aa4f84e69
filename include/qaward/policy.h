/**
 * @file policy.h
 * @brief Award measures as data: validity (R17), subject kinds, award levels,
 *        cycle, quotas (R12), prizes (R13), eligibility conditions (Art. 10, 11),
 *        re-application waits and bans (Art. 5, 20, 22; R7–R11).
 *
 * A policy is loaded from JSON (format in docs/policy.md, schema in
 * docs/schema/policy.schema.json) or taken from the built-in set
 * (`"jian-2023"`, the fictional `"lakeside-2024"`). Both take the same code path.
 *
 * A NULL context: qaward_policy_quota(), qaward_policy_prize(),
 * qaward_policy_sanction_info(), qaward_policy_ban_window() and
 * qaward_policy_reapply_date() take their context only for the message and
 * return the same status without one (no message then). Loading
 * (qaward_policy_load_json(), qaward_policy_builtin()) and every other call
 * taking a context return ::QAWARD_EINVAL when it is NULL.
 *
 * Thread-safety: a policy is immutable after loading; every getter may be
 * called from many threads at once. Strings returned by getters are owned by
 * the policy and live until qaward_policy_free().
 */
#ifndef QAWARD_POLICY_H
#define QAWARD_POLICY_H

#include "core.h"
#include "date.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Language of a message or text rendering. */
typedef enum qaward_lang {
    QAWARD_LANG_EN = 0, /**< English */
    QAWARD_LANG_ZH = 1  /**< Chinese (简体中文) */
} qaward_lang;

/** An immutable policy (opaque). */
typedef struct qaward_policy qaward_policy;

/**
 * @brief Load and validate a policy from a JSON document.
 *
 * Unknown fields, wrong types, unknown ids (level, kind, grade, certificate
 * type, event kind) and inconsistent numbers (prize on an honour-only level,
 * a (level, kind) pair without a quota or with two, valid_to before
 * valid_from, ...) are rejected with a message naming the JSON path.
 * @param[out] out receives the policy; NULL on failure.
 * @param ctx context (allocator, message).
 * @param json the document (need not be NUL-terminated).
 * @param len its length in bytes.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL argument), ::QAWARD_EPARSE,
 *         ::QAWARD_ESCHEMA, ::QAWARD_ERANGE, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_policy_free().
 */
QAWARD_API int qaward_policy_load_json(qaward_policy **out, qaward_ctx *ctx, const char *json, size_t len);

/**
 * @brief Load a built-in policy by name ("jian-2023", "lakeside-2024").
 * @param[out] out receives the policy; NULL on failure.
 * @param ctx context.
 * @param name the built-in name.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (no such built-in), ::QAWARD_ENOMEM.
 * Ownership: free with qaward_policy_free().
 */
QAWARD_API int qaward_policy_builtin(qaward_policy **out, qaward_ctx *ctx, const char *name);

/**
 * @brief Free a policy. NULL-safe. Not while another thread still uses it.
 * @param p the policy.
 */
QAWARD_API void qaward_policy_free(qaward_policy *p);

/**
 * @brief The policy's id, e.g. "jian-2023".
 * @param p the policy. @return the id (owned by the policy), "" for NULL.
 */
QAWARD_API const char *qaward_policy_id(const qaward_policy *p);

/**
 * @brief The policy's name in a language.
 * @param p the policy. @param lang ::qaward_lang.
 * @return the name (owned by the policy); falls back to the other language; "" for NULL.
 */
QAWARD_API const char *qaward_policy_name(const qaward_policy *p, int lang);

/**
 * @brief Whether the policy is marked fictional (an example, not real law).
 * @param p the policy. @return 1 or 0.
 */
QAWARD_API int qaward_policy_fictional(const qaward_policy *p);

/**
 * @brief First day the policy is in force (R17).
 * @param p the policy. @return the date, ::QAWARD_DATE_NONE for NULL.
 */
QAWARD_API qaward_date qaward_policy_valid_from(const qaward_policy *p);

/**
 * @brief Last day the policy is in force (inclusive), or ::QAWARD_DATE_NONE when open-ended.
 * @param p the policy. @return the date.
 */
QAWARD_API qaward_date qaward_policy_valid_to(const qaward_policy *p);

/**
 * @brief Whether the policy is in force on a date (R17).
 * @param p the policy. @param d a date. @return 1 or 0 (0 for NULL or an invalid date).
 */
QAWARD_API int qaward_policy_in_force(const qaward_policy *p, qaward_date d);

/**
 * @brief Cycle (edition) length in years (Art. 4: 2 for Ji'an).
 * @param p the policy. @return the length, 0 for NULL.
 */
QAWARD_API int32_t qaward_policy_cycle_years(const qaward_policy *p);

/**
 * @brief Year in which the policy's first edition starts; editions follow every
 *        qaward_policy_cycle_years() years from 1 January of that year.
 * @param p the policy. @return the year, 0 for NULL.
 */
QAWARD_API int32_t qaward_policy_first_edition_year(const qaward_policy *p);

/**
 * @brief Number of subject kinds. @param p the policy. @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_policy_kind_count(const qaward_policy *p);

/**
 * @brief Id of subject kind @p i ("organization", "individual").
 * @param p the policy. @param i 0..count-1. @return the id, NULL when out of range.
 */
QAWARD_API const char *qaward_policy_kind_id(const qaward_policy *p, size_t i);

/**
 * @brief Index of a subject kind by id.
 * @param p the policy. @param id the kind id. @return 0..count-1, or -1 when unknown.
 */
QAWARD_API int qaward_policy_kind_index(const qaward_policy *p, const char *id);

/**
 * @brief Number of award levels (tiers). @param p the policy. @return the count.
 */
QAWARD_API size_t qaward_policy_level_count(const qaward_policy *p);

/**
 * @brief Id of level @p i; levels are ordered highest first.
 * @param p the policy. @param i 0..count-1. @return the id, NULL when out of range.
 */
QAWARD_API const char *qaward_policy_level_id(const qaward_policy *p, size_t i);

/**
 * @brief Name of level @p i in a language.
 * @param p the policy. @param i the index. @param lang ::qaward_lang.
 * @return the name, NULL when out of range.
 */
QAWARD_API const char *qaward_policy_level_name(const qaward_policy *p, size_t i, int lang);

/**
 * @brief Index of a level by id.
 * @param p the policy. @param id the level id. @return the index, or -1.
 */
QAWARD_API int qaward_policy_level_index(const qaward_policy *p, const char *id);

/**
 * @brief Whether level @p i is honour-only (certificate and title, no money).
 * @param p the policy. @param i the index. @return 1 or 0 (0 when out of range).
 */
QAWARD_API int qaward_policy_level_honour_only(const qaward_policy *p, size_t i);

/**
 * @brief Whether level @p i is a "main award": winning it again is a re-win (R8).
 * @param p the policy. @param i the index. @return 1 or 0.
 */
QAWARD_API int qaward_policy_level_main(const qaward_policy *p, size_t i);

/**
 * @brief How a re-winner of level @p i is treated (R8).
 * @param[out] prize set to 1 when a re-winner still receives the prize (Ji'an: 0).
 * @param[out] quota set to 1 when a re-winner takes a quota place (Ji'an: 0).
 * @param p the policy. @param i the level index.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL (NULL, index out of range).
 */
QAWARD_API int qaward_policy_level_rewin(int *prize, int *quota, const qaward_policy *p, size_t i);

/**
 * @brief The quota for a (level, kind) pair (Art. 4; R12).
 * @param[out] max receives the maximum number of winners of the quota.
 * @param[out] group receives the quota's index (0..qaward_policy_quota_count()-1);
 *        pairs sharing a pooled quota give the same index. May be NULL.
 * @param[out] pooled receives 1 when the quota is shared by several kinds. May be NULL.
 * @param ctx context for the message, or NULL.
 * @param p the policy. @param level a level id. @param kind a kind id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown level or kind, named).
 */
QAWARD_API int qaward_policy_quota(int32_t *max, size_t *group, int *pooled, qaward_ctx *ctx,
                                   const qaward_policy *p, const char *level, const char *kind);

/**
 * @brief Number of quotas (per-kind quotas count one each; a pooled quota counts once).
 * @param p the policy. @return the count.
 */
QAWARD_API size_t qaward_policy_quota_count(const qaward_policy *p);

/**
 * @brief Quota @p i: its level, its maximum and how many kinds share it.
 * @param[out] level receives the level id (owned by the policy). May be NULL.
 * @param[out] max receives the maximum. May be NULL.
 * @param[out] n_kinds receives the number of kinds sharing it. May be NULL.
 * @param p the policy. @param i 0..count-1.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_policy_quota_get(const char **level, int32_t *max, size_t *n_kinds, const qaward_policy *p,
                                       size_t i);

/**
 * @brief Kind @p k of quota @p i.
 * @param p the policy. @param i quota index. @param k 0..n_kinds-1.
 * @return the kind id, NULL when out of range.
 */
QAWARD_API const char *qaward_policy_quota_kind(const qaward_policy *p, size_t i, size_t k);

/**
 * @brief Prize for a (level, kind) pair, in fen (Art. 15; R13). 0 for honour-only levels.
 * @param[out] fen receives the amount (untouched on failure).
 * @param ctx context for the message, or NULL.
 * @param p the policy. @param level a level id. @param kind a kind id.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown level or kind).
 */
QAWARD_API int qaward_policy_prize(int64_t *fen, qaward_ctx *ctx, const qaward_policy *p, const char *level,
                                   const char *kind);

/**
 * @brief Number of sanction kinds the policy knows (Art. 20, 21, 22).
 * @param p the policy. @return the count.
 */
QAWARD_API size_t qaward_policy_sanction_count(const qaward_policy *p);

/**
 * @brief Id of sanction kind @p i ("false_materials", "fraud_bribery", ...).
 * @param p the policy. @param i 0..count-1. @return the id, NULL when out of range.
 */
QAWARD_API const char *qaward_policy_sanction_kind(const qaward_policy *p, size_t i);

/**
 * @brief What a sanction kind does (R9–R11).
 * @param[out] revokes 1 when a finding revokes the award. May be NULL.
 * @param[out] public_notice 1 when the revocation is made public. May be NULL.
 * @param[out] incident_window_years R11: a finding revokes only an award with
 *        `award_date <= event < award_date + N years`; 0 = no window. May be NULL.
 * @param ctx context or NULL. @param p the policy. @param kind the sanction kind.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown kind, named).
 */
QAWARD_API int qaward_policy_sanction_info(int *revokes, int *public_notice, int32_t *incident_window_years,
                                           qaward_ctx *ctx, const qaward_policy *p, const char *kind);

/**
 * @brief The ban window a finding imposes: applications are refused when
 *        `ban_from <= as_of < ban_until` (R9, R10; cycles per the policy).
 * @param[out] ban_from receives the first refused day, ::QAWARD_DATE_NONE when no ban.
 * @param[out] ban_until receives the first accepted day again, ::QAWARD_DATE_NONE when no ban.
 * @param ctx context or NULL. @param p the policy. @param kind the sanction kind.
 * @param decided_on the finding's date.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, invalid date), ::QAWARD_ENOTFOUND, ::QAWARD_ERANGE.
 */
QAWARD_API int qaward_policy_ban_window(qaward_date *ban_from, qaward_date *ban_until, qaward_ctx *ctx,
                                        const qaward_policy *p, const char *kind, qaward_date decided_on);

/**
 * @brief First day a winner of @p level awarded on @p award_date may apply again (Art. 5; R7).
 * @param[out] out receives the date, ::QAWARD_DATE_NONE when the level imposes no wait.
 * @param ctx context or NULL. @param p the policy. @param level the level id.
 * @param award_date the award date.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND, ::QAWARD_ERANGE.
 */
QAWARD_API int qaward_policy_reapply_date(qaward_date *out, qaward_ctx *ctx, const qaward_policy *p,
                                          const char *level, qaward_date award_date);

/**
 * @brief Number of rules checked for a subject kind: its eligibility conditions,
 *        then the policy's re-application waits, then its sanction kinds (the
 *        order of a verdict's checks and of the fast check's reason codes).
 * @param p the policy. @param kind the kind id. @return the count (0 when unknown).
 */
QAWARD_API size_t qaward_policy_rule_count(const qaward_policy *p, const char *kind);

/**
 * @brief Rule id of rule @p i of a kind (see qaward_policy_rule_count()); the same
 *        index is the reason code reported by the fast check.
 * @param p the policy. @param kind the kind id. @param i the index.
 * @return the rule id, NULL when out of range.
 */
QAWARD_API const char *qaward_policy_rule_id(const qaward_policy *p, const char *kind, size_t i);

#ifdef __cplusplus
}
#endif
#endif

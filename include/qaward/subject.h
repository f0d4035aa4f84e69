/**
 * @file subject.h
 * @brief An applicant's facts: an organisation or an individual (Art. 10, 11, 12).
 *
 * A subject holds what the eligibility checks read: id, kind, region code,
 * legal person, for-profit, start dates, certificates with validity, net
 * profit by fiscal year (fen), dated events (kind, grade, deaths), the
 * reviewing body's attestations (R6), an individual's employer (Art. 11(5)(7))
 * and the fields the applicant marks as trade secrets (Art. 12; R19).
 *
 * Unset facts are *unknown*: a check that needs them is UNKNOWN, never a
 * silent pass (R5). Lists (certificates, events) become known as soon as one
 * entry is added or they are declared known (empty) with
 * qaward_subject_set_known().
 *
 * Kinds, event kinds, grades and certificate types are the policy's ids;
 * they are checked against the policy by qaward_check(), not here.
 *
 * A NULL context: the setters qaward_subject_set_name(),
 * qaward_subject_set_region(), qaward_subject_set_legal_person(),
 * qaward_subject_set_for_profit(), qaward_subject_set_date(),
 * qaward_subject_set_known(), qaward_subject_set_profit(),
 * qaward_subject_set_attestation(), qaward_subject_employer(),
 * qaward_subject_bind() and qaward_subject_list_bind() take their context
 * only for the message (a subject allocates with its own copy of the
 * allocator) and return the same status without one (no message then). qaward_subject_new(), the add and mark
 * calls, loading and qaward_subject_to_json() return ::QAWARD_EINVAL when it
 * is NULL.
 *
 * Thread-safety: a subject may be read by many threads at once (checks do
 * not modify it); setters need exclusive use.
 */
#ifndef QAWARD_SUBJECT_H
#define QAWARD_SUBJECT_H

#include "core.h"
#include "date.h"
#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An applicant (opaque). */
typedef struct qaward_subject qaward_subject;

/** Start dates a subject carries. */
typedef enum qaward_subject_date {
    QAWARD_DATE_REGISTRATION = 0,     /**< registration (登记注册) date: Art. 10(2) */
    QAWARD_DATE_EXCELLENCE_SINCE = 1, /**< applying the excellence model since: Art. 10(4) */
    QAWARD_DATE_QUALITY_WORK_SINCE = 2 /**< doing quality work since: Art. 11(2) */
} qaward_subject_date;

/** Lists that can be declared known (and empty). */
typedef enum qaward_subject_list_id {
    QAWARD_LIST_CERTIFICATES = 0, /**< certificates */
    QAWARD_LIST_EVENTS = 1        /**< dated events (accidents, complaints, credit records, ...) */
} qaward_subject_list_id;

/**
 * @brief Create a subject.
 * @param[out] out receives the subject; NULL on failure.
 * @param ctx context.
 * @param id non-empty id, unique within a batch.
 * @param kind the policy's subject kind id ("organization", "individual").
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL or empty), ::QAWARD_ENOMEM. Free with qaward_subject_free().
 */
QAWARD_API int qaward_subject_new(qaward_subject **out, qaward_ctx *ctx, const char *id, const char *kind);

/** @brief Free a subject (and its employer). NULL-safe. @param s the subject. */
QAWARD_API void qaward_subject_free(qaward_subject *s);

/** @brief The subject's id. @param s the subject. @return the id ("" for NULL). */
QAWARD_API const char *qaward_subject_id(const qaward_subject *s);
/** @brief The subject's kind id. @param s the subject. @return the kind ("" for NULL). */
QAWARD_API const char *qaward_subject_kind(const qaward_subject *s);
/** @brief The subject's display name, or NULL. @param s the subject. @return the name. */
QAWARD_API const char *qaward_subject_name(const qaward_subject *s);

/**
 * @brief Set the display name.
 * @param s the subject. @param ctx context. @param name the name (copied).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_set_name(qaward_subject *s, qaward_ctx *ctx, const char *name);

/**
 * @brief Set the administrative division code (6 digits, e.g. "360802") (Art. 2, 10(2)).
 * @param s the subject. @param ctx context. @param code 2 to 12 digits.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, not digits), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_set_region(qaward_subject *s, qaward_ctx *ctx, const char *code);

/**
 * @brief Set a boolean fact: legal person (Art. 10(2)).
 * @param s the subject. @param ctx context. @param value 0 or 1; -1 makes it unknown again.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_subject_set_legal_person(qaward_subject *s, qaward_ctx *ctx, int value);

/**
 * @brief Set a boolean fact: for-profit (从事生产、经营活动) or not (Art. 10(5)).
 * @param s the subject. @param ctx context. @param value 0 or 1; -1 makes it unknown again.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_subject_set_for_profit(qaward_subject *s, qaward_ctx *ctx, int value);

/**
 * @brief Set a start date.
 * @param s the subject. @param ctx context. @param which ::qaward_subject_date.
 * @param d a valid date, or ::QAWARD_DATE_NONE to make it unknown.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL (bad @p which, invalid date).
 */
QAWARD_API int qaward_subject_set_date(qaward_subject *s, qaward_ctx *ctx, int which, qaward_date d);

/**
 * @brief Add a certificate (Art. 10(4), 10(6), 11(7)).
 * @param s the subject. @param ctx context.
 * @param type the policy's certificate type id (e.g. "iso9001").
 * @param level its level for levelled certificates (e.g. "二级"), or NULL.
 * @param valid_from first valid day.
 * @param valid_to last valid day (inclusive), or ::QAWARD_DATE_NONE when open-ended.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL type, invalid dates, valid_to < valid_from), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_add_certificate(qaward_subject *s, qaward_ctx *ctx, const char *type,
                                              const char *level, qaward_date valid_from, qaward_date valid_to);

/**
 * @brief Add a dated event (R18): an accident, complaint, failed spot check, credit record, violation.
 * @param s the subject. @param ctx context.
 * @param kind the policy's event kind id. @param grade its grade on the kind's scale, or NULL.
 * @param deaths number of deaths (>= 0). @param date the event's date.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL kind, negative deaths, invalid date), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_add_event(qaward_subject *s, qaward_ctx *ctx, const char *kind, const char *grade,
                                        int32_t deaths, qaward_date date);

/**
 * @brief Declare a list known (so that an empty list means "none", not "unknown").
 * @param s the subject. @param ctx context. @param list ::qaward_subject_list_id. @param known 1 or 0.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_subject_set_known(qaward_subject *s, qaward_ctx *ctx, int list, int known);

/**
 * @brief Set the net profit of a fiscal year, in fen (R4). Setting a year twice replaces it.
 * @param s the subject. @param ctx context. @param fiscal_year 1..9999. @param fen the profit (may be negative).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ERANGE (year), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_set_profit(qaward_subject *s, qaward_ctx *ctx, int32_t fiscal_year, int64_t fen);

/**
 * @brief Record an attestation of the reviewing body (R6).
 * @param s the subject. @param ctx context. @param id the attestation id the policy names.
 * @param value 1 (given), 0 (refused), -1 (remove: unknown again).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_set_attestation(qaward_subject *s, qaward_ctx *ctx, const char *id, int value);

/**
 * @brief Mark a field as a trade secret (商业秘密, Art. 12; R19), e.g. "net_profit_fen".
 * @param s the subject. @param ctx context. @param field a subject JSON field name.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (unknown field name), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_mark_secret(qaward_subject *s, qaward_ctx *ctx, const char *field);

/**
 * @brief Whether a field is marked a trade secret (R19).
 * @param s the subject. @param field the field name. @return 1 or 0.
 */
QAWARD_API int qaward_subject_is_secret(const qaward_subject *s, const char *field);

/**
 * @brief The employer organisation of an individual (Art. 11(5)(7)), created on first use.
 *
 * The returned handle is owned by @p s (do not free it); set its facts with
 * the ordinary setters (events, certificates, region, name).
 * @param[out] out receives the employer.
 * @param ctx context. @param s the individual.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_employer(qaward_subject **out, qaward_ctx *ctx, qaward_subject *s);

/**
 * @brief Resolve the subject's ids (kind, event kinds and grades, certificate
 *        types, attestations) against a policy once, so that later checks with
 *        that policy skip every string lookup (speed). Any setter undoes it;
 *        checks with another policy take the ordinary path.
 * @param s the subject (and its employer). @param ctx context. @param p the policy (must outlive the binding).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, or a kind, event kind or grade the policy
 *         does not know — named), ::QAWARD_ENOMEM. Needs exclusive use of @p s.
 */
QAWARD_API int qaward_subject_bind(qaward_subject *s, qaward_ctx *ctx, const qaward_policy *p);

/** A list of subjects loaded from one document (opaque). */
typedef struct qaward_subject_list qaward_subject_list;

/**
 * @brief qaward_subject_bind() on every subject of a loaded list (and their
 *        employers), in list order: later checks of the list with @p p
 *        (qaward_checker_fast_list(), qaward_checker_fast_many(),
 *        qaward_checker_fast()) take the bound fast path.
 *
 * Binding changes speed only: a bound subject's statuses, earliest dates and
 * reasons are those of the unbound subject. Binding again (with the same or
 * another policy) replaces the binding; a setter called on one subject
 * (through qaward_subject_list_get()) drops that subject's binding only.
 *
 * On failure no subject or employer of the list is bound any more, to @p p
 * or to any policy: those bound by this call before the failing one, the
 * failing one, and those bound before the call (e.g. by an earlier
 * qaward_subject_list_bind()) are all unbound. The list stays usable and its
 * facts are unchanged; checks take the ordinary (slower) path with the same
 * results. The message names the index and the subject id, then the
 * cause (e.g. `subject_list_bind: subjects[3] (id "ORG-4"): subject ORG-4:
 * events[0].kind "fire" is not an event kind of policy jian-2023`).
 *
 * @param l the list (borrowed; keeps ownership of its subjects).
 * @param ctx context, for the message only: without one the status is the same.
 * @param p the policy (borrowed; must outlive the binding, i.e. stay alive
 *        while the list is checked with it or until the list is bound again or freed).
 * @return ::QAWARD_OK (also for an empty list); ::QAWARD_EINVAL (NULL @p l or
 *         @p p, or a subject whose kind, event kind or event grade the policy
 *         does not know — index and id named); ::QAWARD_ENOMEM (the binding
 *         memory of a subject: index and id named).
 *
 * Thread-safety: needs exclusive use of the list (no check of any of its
 * subjects may run during the call). Afterwards the bound list may be checked
 * from many threads at once, each with its own checker.
 */
QAWARD_API int qaward_subject_list_bind(qaward_subject_list *l, qaward_ctx *ctx, const qaward_policy *p);

/**
 * @brief Load one subject from a JSON object (format in docs/subject.md).
 * @param[out] out receives the subject. @param ctx context; errors name the JSON path.
 * @param json the document. @param len its length.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA, ::QAWARD_ERANGE, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_load_json(qaward_subject **out, qaward_ctx *ctx, const char *json, size_t len);

/**
 * @brief Load many subjects: a JSON array of subjects, or `{"subjects": [...]}`.
 *
 * Duplicate ids are rejected (::QAWARD_EEXISTS naming both paths). All or nothing.
 * @param[out] out receives the list. @param ctx context.
 * @param json the document. @param len its length.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA, ::QAWARD_ERANGE,
 *         ::QAWARD_EEXISTS, ::QAWARD_ENOMEM. Free with qaward_subject_list_free().
 */
QAWARD_API int qaward_subject_list_load_json(qaward_subject_list **out, qaward_ctx *ctx, const char *json, size_t len);

/** @brief Free a list and its subjects. NULL-safe. @param l the list. */
QAWARD_API void qaward_subject_list_free(qaward_subject_list *l);

/** @brief Number of subjects. @param l the list. @return the count (0 for NULL). */
QAWARD_API size_t qaward_subject_list_count(const qaward_subject_list *l);

/**
 * @brief Subject @p i (owned by the list).
 * @param l the list. @param i 0..count-1. @return the subject, NULL when out of range.
 */
QAWARD_API qaward_subject *qaward_subject_list_get(const qaward_subject_list *l, size_t i);

/**
 * @brief A subject as JSON (the load format).
 * @param[out] out receives the string; free with qaward_string_free().
 * @param s the subject. @param ctx context.
 * @param public_only 1 to leave out every field marked a trade secret (R19).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_subject_to_json(char **out, const qaward_subject *s, qaward_ctx *ctx, int public_only);

#ifdef __cplusplus
}
#endif
#endif

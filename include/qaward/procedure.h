/**
 * @file procedure.h
 * @brief Review procedure (Art. 13, 14): public notices, the stage state
 *        machine (R15), objections, refusal letters, public lists (R19).
 *
 * A ::qaward_procedure is data (format "qaward-procedure",
 * `docs/schema/procedure.schema.json`): the notice kinds with their minimum
 * working days and citations, the stage list with each stage's entry
 * preconditions, the site-review limit, the refusal stage. The built-in
 * `jian-2023` is the Ji'an 2023 measures.
 *
 * A ::qaward_timeline is one cycle's record: applicants, notices, facts
 * (qualification outcome, scores, site-review days), transitions with their
 * dates, objections. Every transition is checked against the procedure; an
 * illegal one fails with ::QAWARD_ESTATE and a message naming the missing
 * precondition, and changes nothing.
 *
 * Languages: `lang` arguments take 0 (English) or 1 (Chinese), the values of
 * `qaward_lang`.
 *
 * A NULL context: qaward_notice_check() takes its context only for the
 * message and returns the same status without one (no message then). Every
 * other call taking a context returns ::QAWARD_EINVAL when it is NULL.
 *
 * Thread-safety: a procedure is immutable and may be shared across threads.
 * A timeline is used by one thread at a time.
 */
#ifndef QAWARD_PROCEDURE_H
#define QAWARD_PROCEDURE_H

#include "calendar.h"
#include "core.h"
#include "date.h"
#include "eligibility.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A review procedure (opaque, immutable). */
typedef struct qaward_procedure qaward_procedure;

/**
 * @brief Load and validate a procedure from a JSON document.
 *
 * Unknown fields, wrong types, duplicate ids, a precondition naming an
 * unknown notice or stage, or a stage restricted to an unknown subject kind
 * are rejected with a message naming the JSON path.
 * @param[out] out receives the procedure; NULL on failure.
 * @param ctx context.
 * @param json the document (need not be NUL-terminated). @param len its length.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EPARSE, ::QAWARD_ESCHEMA,
 *         ::QAWARD_ERANGE, ::QAWARD_EEXISTS, ::QAWARD_ENOTFOUND, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_procedure_free().
 */
QAWARD_API int qaward_procedure_load_json(qaward_procedure **out, qaward_ctx *ctx, const char *json, size_t len);

/**
 * @brief Load a built-in procedure by name (e.g. "jian-2023").
 * @param[out] out receives the procedure; NULL on failure.
 * @param ctx context. @param name the built-in name.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_procedure_free().
 */
QAWARD_API int qaward_procedure_builtin(qaward_procedure **out, qaward_ctx *ctx, const char *name);

/**
 * @brief Free a procedure. NULL-safe. Timelines built on it must be freed first.
 * @param p the procedure.
 */
QAWARD_API void qaward_procedure_free(qaward_procedure *p);

/**
 * @brief The procedure's id (e.g. "jian-2023").
 * @param p the procedure. @return the id (owned by @p p); "" for NULL.
 */
QAWARD_API const char *qaward_procedure_id(const qaward_procedure *p);

/**
 * @brief Name of the built-in calendar the procedure expects (e.g. "cn-2023-2026").
 * @param p the procedure. @return the name (owned by @p p); "" when none or NULL.
 */
QAWARD_API const char *qaward_procedure_calendar_name(const qaward_procedure *p);

/**
 * @brief Number of notice kinds. @param p the procedure. @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_procedure_notice_count(const qaward_procedure *p);

/**
 * @brief Id of notice kind @p i (e.g. "county").
 * @param p the procedure. @param i 0..count-1. @return the id, or NULL when out of range.
 */
QAWARD_API const char *qaward_procedure_notice_kind(const qaward_procedure *p, size_t i);

/**
 * @brief Minimum working days of notice kind @p i.
 * @param p the procedure. @param i 0..count-1. @return the minimum, or -1 when out of range.
 */
QAWARD_API int32_t qaward_procedure_notice_min_days(const qaward_procedure *p, size_t i);

/**
 * @brief Citation of notice kind @p i (e.g. "第十三条（三）" / "Art. 13(3)").
 * @param p the procedure. @param i 0..count-1. @param lang 0 English, 1 Chinese.
 * @return the citation (owned by @p p), or NULL when out of range.
 */
QAWARD_API const char *qaward_procedure_notice_citation(const qaward_procedure *p, size_t i, int lang);

/**
 * @brief Number of stages. @param p the procedure. @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_procedure_stage_count(const qaward_procedure *p);

/**
 * @brief Id of stage @p i in procedure order (e.g. "qualification").
 * @param p the procedure. @param i 0..count-1. @return the id, or NULL when out of range.
 */
QAWARD_API const char *qaward_procedure_stage_id(const qaward_procedure *p, size_t i);

/**
 * @brief Name of stage @p i in a language.
 * @param p the procedure. @param i 0..count-1. @param lang 0 English, 1 Chinese.
 * @return the name (owned by @p p), or NULL when out of range.
 */
QAWARD_API const char *qaward_procedure_stage_name(const qaward_procedure *p, size_t i, int lang);

/**
 * @brief The longest site review in calendar days (Art. 13(6) in jian-2023: 2).
 * @param p the procedure. @return the limit, or -1 for NULL.
 */
QAWARD_API int32_t qaward_procedure_site_review_max_days(const qaward_procedure *p);

/**
 * @brief Check one notice: does [@p first, @p last] hold the kind's minimum working days (R16)?
 * @param[out] satisfied 1 when satisfied, 0 otherwise.
 * @param[out] working_days working days in the notice. May be NULL.
 * @param ctx context.
 * @param p the procedure. @param cal the calendar.
 * @param kind a notice kind id of @p p.
 * @param first first day. @param last last day.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown kind),
 *         ::QAWARD_ERANGE (@p last before @p first), ::QAWARD_ECALENDAR.
 */
QAWARD_API int qaward_notice_check(int *satisfied, int32_t *working_days, qaward_ctx *ctx, const qaward_procedure *p,
                                   const qaward_calendar *cal, const char *kind, qaward_date first, qaward_date last);

/**
 * @brief The same check as a JSON object: kind, first, last, working_days,
 *        min_working_days, satisfied, earliest_last_day, citation {zh, en}.
 * @param[out] out receives the JSON; free with qaward_string_free().
 * @param ctx context. @param p the procedure. @param cal the calendar.
 * @param kind a notice kind id. @param first first day. @param last last day.
 * @return as qaward_notice_check(), and ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_notice_check_json(char **out, qaward_ctx *ctx, const qaward_procedure *p,
                                        const qaward_calendar *cal, const char *kind, qaward_date first,
                                        qaward_date last);

/* ---- refusal letters (Art. 13(3)) ------------------------------------------------ */

/** Written reasons for a refusal at the qualification check (opaque). */
typedef struct qaward_refusal qaward_refusal;

/**
 * @brief Start a refusal for one applicant.
 * @param[out] out receives the refusal; NULL on failure.
 * @param ctx context.
 * @param applicant_name the applicant's name as it appears in the letter.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM. Free with qaward_refusal_free().
 */
QAWARD_API int qaward_refusal_new(qaward_refusal **out, qaward_ctx *ctx, const char *applicant_name);

/**
 * @brief Add one reason: a failed check, or one that could not be decided for lack of facts (R5).
 * @param r the refusal. @param ctx context.
 * @param rule_id stable rule id (e.g. "art10.4.iso9001").
 * @param unknown 0 the check failed, 1 its outcome is unknown (a fact is missing).
 * @param citation_zh e.g. "第十条（四）". @param citation_en e.g. "Art. 10(4)".
 * @param message_zh the reason in Chinese. @param message_en the reason in English.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (a NULL or empty string), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_refusal_add_reason(qaward_refusal *r, qaward_ctx *ctx, const char *rule_id, int unknown,
                                         const char *citation_zh, const char *citation_en, const char *message_zh,
                                         const char *message_en);

/**
 * @brief Build a refusal from an eligibility verdict (Art. 13(3)): one reason per
 *        failing check and, for an incomplete verdict, per unknown check (R5), in
 *        the policy's rule order, with the check's rule id, citations and messages
 *        in Chinese and English.
 * @param[out] out receives the refusal; NULL on failure.
 * @param ctx context.
 * @param applicant_name the name in the letter; NULL or empty uses the verdict's subject id.
 * @param v the verdict (not kept; its messages are formatted, hence not const).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL), ::QAWARD_ESTATE (the verdict is
 *         eligible: nothing to refuse), ::QAWARD_ENOMEM. Free with qaward_refusal_free().
 */
QAWARD_API int qaward_refusal_from_verdict(qaward_refusal **out, qaward_ctx *ctx, const char *applicant_name,
                                           qaward_verdict *v);

/**
 * @brief Number of reasons. @param r the refusal. @return the count (0 for NULL).
 */
QAWARD_API size_t qaward_refusal_reason_count(const qaward_refusal *r);

/**
 * @brief The refusal letter as text (Art. 13(3): 书面说明理由).
 * @param[out] out receives the letter; free with qaward_string_free().
 * @param r the refusal (at least one reason).
 * @param ctx context.
 * @param p the procedure (issuer and citation).
 * @param date the letter's date.
 * @param lang 0 English, 1 Chinese.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ESTATE (no reasons), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_refusal_letter(char **out, const qaward_refusal *r, qaward_ctx *ctx, const qaward_procedure *p,
                                     qaward_date date, int lang);

/**
 * @brief The refusal as JSON: applicant, date, citation, reasons, and both letters.
 * @param[out] out receives the JSON; free with qaward_string_free().
 * @param r the refusal. @param ctx context. @param p the procedure. @param date the letter's date.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ESTATE (no reasons), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_refusal_to_json(char **out, const qaward_refusal *r, qaward_ctx *ctx, const qaward_procedure *p,
                                      qaward_date date);

/**
 * @brief Free a refusal. NULL-safe. @param r the refusal.
 */
QAWARD_API void qaward_refusal_free(qaward_refusal *r);

/* ---- a cycle's timeline --------------------------------------------------------- */

/** Outcome of the qualification check (Art. 13(3)) recorded for an applicant. */
typedef enum qaward_qualification {
    QAWARD_QUALIFICATION_UNKNOWN = 0, /**< not decided (the default) */
    QAWARD_QUALIFICATION_PASSED = 1,  /**< on the acceptance list */
    QAWARD_QUALIFICATION_FAILED = 2   /**< refused */
} qaward_qualification;

/** One cycle's procedural record (opaque). */
typedef struct qaward_timeline qaward_timeline;

/**
 * @brief Start an empty timeline.
 * @param[out] out receives the timeline; NULL on failure.
 * @param ctx context.
 * @param p the procedure (borrowed: must outlive the timeline).
 * @param cal the calendar (borrowed: must outlive the timeline).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM. Free with qaward_timeline_free().
 */
QAWARD_API int qaward_timeline_new(qaward_timeline **out, qaward_ctx *ctx, const qaward_procedure *p,
                                   const qaward_calendar *cal);

/**
 * @brief Free a timeline. NULL-safe. @param t the timeline.
 */
QAWARD_API void qaward_timeline_free(qaward_timeline *t);

/**
 * @brief Add an applicant at the procedure's first stage.
 * @param t the timeline. @param ctx context.
 * @param id unique id. @param name public name.
 * @param kind a subject kind of the procedure ("organization", "individual").
 * @param declared date of the declaration (first stage's date).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EEXISTS (duplicate id),
 *         ::QAWARD_ENOTFOUND (unknown kind), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_add_applicant(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *name,
                                             const char *kind, qaward_date declared);

/**
 * @brief Attach a named field to an applicant (e.g. county, main product).
 *
 * A field marked @p trade_secret (商业秘密) never appears in public output (R19).
 * @param t the timeline. @param ctx context. @param id the applicant.
 * @param key field name. @param value field value.
 * @param trade_secret 1 when the applicant marked it as a trade secret.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_add_field(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *key,
                                         const char *value, int trade_secret);

/**
 * @brief Record a public notice listing some applicants.
 *
 * A notice that is too short is recorded anyway; it does not satisfy the
 * preconditions that need it.
 * @param t the timeline. @param ctx context.
 * @param kind a notice kind of the procedure.
 * @param first first day. @param last last day (>= first).
 * @param ids @p n applicant ids listed; may be NULL when @p n is 0.
 * @param n how many (0: a notice listing nobody).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (kind or applicant),
 *         ::QAWARD_ERANGE (last before first), ::QAWARD_ECALENDAR, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_add_notice(qaward_timeline *t, qaward_ctx *ctx, const char *kind, qaward_date first,
                                          qaward_date last, const char *const *ids, size_t n);

/**
 * @brief Record the outcome of an applicant's qualification check.
 * @param t the timeline. @param ctx context. @param id the applicant.
 * @param qualification a ::qaward_qualification value.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND.
 */
QAWARD_API int qaward_timeline_set_qualification(qaward_timeline *t, qaward_ctx *ctx, const char *id,
                                                 int qualification);

/**
 * @brief Record that an applicant has a score for a stage.
 * @param t the timeline. @param ctx context. @param id the applicant.
 * @param stage a stage id. @param hundredths the score in hundredths of a point.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (applicant or stage).
 */
QAWARD_API int qaward_timeline_set_score(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *stage,
                                         int64_t hundredths);

/**
 * @brief Record the days of an applicant's site review (Art. 13(6)).
 * @param t the timeline. @param ctx context. @param id the applicant.
 * @param first first day on site. @param last last day on site (>= first).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND, ::QAWARD_ERANGE.
 */
QAWARD_API int qaward_timeline_set_site_review(qaward_timeline *t, qaward_ctx *ctx, const char *id,
                                               qaward_date first, qaward_date last);

/**
 * @brief Move an applicant to a stage (R15).
 *
 * Legal only to the next stage that applies to the applicant's kind (an
 * individual skips the defence), on a date not before its last transition,
 * with no open objection about it (Art. 14), and when every precondition of
 * the stage holds (a satisfied notice that ended before @p date, the
 * qualification passed, scores present, site review within the limit).
 * @param t the timeline. @param ctx context. @param id the applicant.
 * @param to the stage id. @param date the transition date.
 * @return ::QAWARD_OK; ::QAWARD_ESTATE with a message naming the missing
 *         precondition (nothing changes); ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND,
 *         ::QAWARD_ECALENDAR, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_advance(qaward_timeline *t, qaward_ctx *ctx, const char *id, const char *to,
                                       qaward_date date);

/**
 * @brief Refuse an applicant at the refusal stage (Art. 13(3)) with written reasons.
 * @param t the timeline. @param ctx context. @param id the applicant.
 * @param date the refusal date.
 * @param reasons the reasons (copied; at least one).
 * @return ::QAWARD_OK, ::QAWARD_ESTATE (wrong stage, no reasons, date order),
 *         ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_refuse(qaward_timeline *t, qaward_ctx *ctx, const char *id, qaward_date date,
                                      const qaward_refusal *reasons);

/**
 * @brief Take an applicant out of the cycle because it did not pass a gate
 *        (not a candidate, failed defence, not voted).
 * @param t the timeline. @param ctx context. @param id the applicant.
 * @param date the date. @param reason the reason (non-empty).
 * @return ::QAWARD_OK, ::QAWARD_ESTATE (already out, date order), ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND.
 */
QAWARD_API int qaward_timeline_drop(qaward_timeline *t, qaward_ctx *ctx, const char *id, qaward_date date,
                                    const char *reason);

/**
 * @brief Open an objection about an applicant (Art. 14). It holds the applicant at its stage.
 * @param t the timeline. @param ctx context.
 * @param objection_id unique id. @param applicant_id the applicant.
 * @param date date received. @param notice_kind the notice objected to, or NULL.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EEXISTS, ::QAWARD_ENOTFOUND,
 *         ::QAWARD_ESTATE (applicant already out), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_objection_open(qaward_timeline *t, qaward_ctx *ctx, const char *objection_id,
                                              const char *applicant_id, qaward_date date, const char *notice_kind);

/**
 * @brief Resolve an objection (Art. 14).
 *
 * Upheld: the applicant is removed with @p reason. Dismissed: it continues.
 * @param t the timeline. @param ctx context. @param objection_id the objection.
 * @param date resolution date (>= the opening date).
 * @param upheld 1 upheld, 0 dismissed. @param reason the finding (non-empty).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND,
 *         ::QAWARD_ESTATE (already resolved, or date before opening), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_objection_resolve(qaward_timeline *t, qaward_ctx *ctx, const char *objection_id,
                                                 qaward_date date, int upheld, const char *reason);

/**
 * @brief An applicant's current stage id, or "refused", "removed", "dropped".
 * @param t the timeline. @param id the applicant.
 * @return the id (owned by the timeline or procedure), or NULL when unknown.
 */
QAWARD_API const char *qaward_timeline_stage(const qaward_timeline *t, const char *id);

/**
 * @brief Number of open objections about an applicant.
 * @param t the timeline. @param id the applicant. @return the count (0 when unknown).
 */
QAWARD_API size_t qaward_timeline_open_objections(const qaward_timeline *t, const char *id);

/**
 * @brief The whole timeline as JSON (applicants with every transition and its date,
 *        notices with working days, objections). Internal: includes trade-secret fields.
 * @param[out] out receives the JSON; free with qaward_string_free().
 * @param t the timeline. @param ctx context.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_to_json(char **out, const qaward_timeline *t, qaward_ctx *ctx);

/**
 * @brief The public name list of every notice of one kind (R19: trade-secret fields omitted).
 * @param[out] out receives the JSON; free with qaward_string_free().
 * @param t the timeline. @param ctx context. @param notice_kind the notice kind.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown kind), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_public_list_json(char **out, const qaward_timeline *t, qaward_ctx *ctx,
                                                const char *notice_kind);

/**
 * @brief Validate a cycle's timeline document (format "qaward-timeline") and report every violation.
 *
 * Events are replayed in date order (on one day: resolutions, then
 * transitions, then new objections). A violating transition is reported and
 * still applied so later events are judged on their own.
 * @param[out] report receives the report JSON ({"ok", "violations", "applicants", ...});
 *             free with qaward_string_free().
 * @param[out] violations number of violations found. May be NULL.
 * @param ctx context.
 * @param p the procedure, or NULL for the built-in named by the document.
 * @param cal the calendar, or NULL for the built-in the procedure names.
 * @param json the document. @param len its length.
 * @return ::QAWARD_OK (even when violations were found), ::QAWARD_EINVAL,
 *         ::QAWARD_EPARSE, ::QAWARD_ESCHEMA, ::QAWARD_ERANGE, ::QAWARD_ENOTFOUND,
 *         ::QAWARD_EEXISTS, ::QAWARD_ECALENDAR, ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_validate_json(char **report, size_t *violations, qaward_ctx *ctx,
                                             const qaward_procedure *p, const qaward_calendar *cal,
                                             const char *json, size_t len);

/**
 * @brief Replay a timeline document (format "qaward-timeline") as
 *        qaward_timeline_validate_json() does, and keep the resulting timeline.
 *
 * Every violation is reported, as by qaward_timeline_validate_json(); the
 * timeline is then an ordinary one (later illegal transitions fail with
 * ::QAWARD_ESTATE) and can give public lists (R19), refusal letters and more
 * transitions.
 * @param[out] out receives the timeline; NULL on failure. Free with qaward_timeline_free().
 *             When @p p or @p cal is NULL, the timeline owns the built-in it loaded.
 * @param[out] report receives the validation report JSON (free with
 *             qaward_string_free()), or pass NULL for none.
 * @param[out] violations number of violations found. May be NULL.
 * @param ctx context.
 * @param p the procedure (borrowed: must outlive the timeline), or NULL for the built-in named by the document.
 * @param cal the calendar (borrowed), or NULL for the built-in the procedure names.
 * @param json the document. @param len its length.
 * @return as qaward_timeline_validate_json().
 */
QAWARD_API int qaward_timeline_load_json(qaward_timeline **out, char **report, size_t *violations, qaward_ctx *ctx,
                                         const qaward_procedure *p, const qaward_calendar *cal, const char *json,
                                         size_t len);

/**
 * @brief The refusal letter (Art. 13(3)) of an applicant refused on the timeline,
 *        dated on its refusal date, in one language.
 * @param[out] out receives the letter; free with qaward_string_free().
 * @param t the timeline. @param ctx context. @param id the applicant.
 * @param lang 0 English, 1 Chinese.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown applicant),
 *         ::QAWARD_ESTATE (the applicant was not refused), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_refusal_letter(char **out, const qaward_timeline *t, qaward_ctx *ctx, const char *id,
                                              int lang);

/**
 * @brief The timeline as text in one language: its violations (after
 *        qaward_timeline_load_json()), each applicant's current stage, and the
 *        refusal letters (Art. 13(3)).
 *
 * Citations, stage names and letters follow @p lang; violation messages are
 * written in English only (the library has no Chinese text for them).
 * @param[out] out receives the text; free with qaward_string_free().
 * @param t the timeline. @param ctx context. @param lang 0 English, 1 Chinese.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, lang not 0/1), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_report_text(char **out, const qaward_timeline *t, qaward_ctx *ctx, int lang);

/**
 * @brief The public name list of every notice of one kind as text (R19:
 *        trade-secret fields omitted): notice name and citation in @p lang,
 *        then per notice its days and one line per applicant with its public fields.
 * @param[out] out receives the text; free with qaward_string_free().
 * @param t the timeline. @param ctx context. @param notice_kind the notice kind.
 * @param lang 0 English, 1 Chinese.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND (unknown kind), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_timeline_public_list_text(char **out, const qaward_timeline *t, qaward_ctx *ctx,
                                                const char *notice_kind, int lang);

#ifdef __cplusplus
}
#endif
#endif

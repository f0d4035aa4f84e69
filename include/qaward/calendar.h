/**
 * @file calendar.h
 * @brief Working-day calendars as data (R16).
 *
 * A calendar knows a set of years. For a known year a date is a rest day when
 * it lies in an announced holiday block, or when it is a Saturday or Sunday
 * that is not an announced make-up working day (调休上班); every other date is
 * a working day. Holiday data is per-year data from the State Council notices,
 * never derived from a rule: a date in a year the calendar does not know is
 * ::QAWARD_ECALENDAR, never a guess.
 *
 * Calendars come from JSON (`docs/schema/calendar.schema.json`), from the
 * built-in data (`cn-2023-2026`), or from a caller callback
 * (::qaward_calendar_callbacks).
 *
 * Thread-safety: a calendar is immutable once built, except through
 * qaward_calendar_merge_json(), which must not run while other threads use
 * the calendar. Queries on a callback calendar are as thread-safe as the
 * callback.
 */
#ifndef QAWARD_CALENDAR_H
#define QAWARD_CALENDAR_H

#include "core.h"
#include "date.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A working-day calendar (opaque). */
typedef struct qaward_calendar qaward_calendar;

/**
 * @brief Load a calendar from a JSON document (format "qaward-calendar", version 1).
 *
 * Unknown fields, wrong types, a year listed twice, a holiday block whose
 * last day precedes its first, a make-up working day that is not a Saturday
 * or Sunday, or a date that is both a holiday and a make-up working day are
 * rejected with a message naming the JSON path.
 * @param[out] out receives the calendar; NULL on failure.
 * @param ctx context (allocator, message).
 * @param json the document (need not be NUL-terminated).
 * @param len its length in bytes.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL argument), ::QAWARD_EPARSE,
 *         ::QAWARD_ESCHEMA, ::QAWARD_ERANGE, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_calendar_free().
 */
QAWARD_API int qaward_calendar_load_json(qaward_calendar **out, qaward_ctx *ctx, const char *json, size_t len);

/**
 * @brief Load a built-in calendar by name (e.g. "cn-2023-2026").
 * @param[out] out receives the calendar; NULL on failure.
 * @param ctx context.
 * @param name the built-in name (a file of `data/calendars/` without ".json").
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ENOTFOUND, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_calendar_free().
 */
QAWARD_API int qaward_calendar_builtin(qaward_calendar **out, qaward_ctx *ctx, const char *name);

/**
 * @brief Add the years of a JSON calendar document to a data calendar.
 *
 * All or nothing: on failure @p cal is unchanged. A year that @p cal already
 * knows is ::QAWARD_EEXISTS (a published year is never silently replaced).
 * @param cal a calendar built from data (not a callback calendar).
 * @param ctx context.
 * @param json the document. @param len its length in bytes.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, or a callback calendar),
 *         ::QAWARD_EPARSE, ::QAWARD_ESCHEMA, ::QAWARD_ERANGE,
 *         ::QAWARD_EEXISTS, ::QAWARD_ENOMEM.
 * Not thread-safe with respect to other users of @p cal.
 */
QAWARD_API int qaward_calendar_merge_json(qaward_calendar *cal, qaward_ctx *ctx, const char *json, size_t len);

/** Version of ::qaward_calendar_callbacks understood by this library. */
#define QAWARD_CALENDAR_CALLBACKS_VERSION 1

/**
 * @brief A caller-supplied calendar.
 *
 * `is_working_day_fn` sets `*out_working` to 1 (working day) or 0 (rest day)
 * and returns 0; it returns ::QAWARD_ECALENDAR for a date it does not know,
 * or any other negative value, which comes back from the library call
 * unchanged.
 */
typedef struct qaward_calendar_callbacks {
    uint32_t version;  /**< ::QAWARD_CALENDAR_CALLBACKS_VERSION */
    void *opaque;      /**< passed to every callback */
    int (*is_working_day_fn)(void *opaque, qaward_date date, int *out_working); /**< required */
} qaward_calendar_callbacks;

/**
 * @brief Zero a callbacks struct and set its version.
 * @param cb the struct. @param version ::QAWARD_CALENDAR_CALLBACKS_VERSION.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL), ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_calendar_callbacks_init(qaward_calendar_callbacks *cb, uint32_t version);

/**
 * @brief Wrap caller callbacks as a calendar.
 * @param[out] out receives the calendar; NULL on failure.
 * @param ctx context.
 * @param cb the callbacks (copied; `opaque` must outlive the calendar).
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, or no `is_working_day_fn`),
 *         ::QAWARD_EVERSION, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_calendar_free().
 */
QAWARD_API int qaward_calendar_from_callbacks(qaward_calendar **out, qaward_ctx *ctx,
                                              const qaward_calendar_callbacks *cb);

/**
 * @brief Free a calendar. NULL-safe.
 * @param cal the calendar.
 */
QAWARD_API void qaward_calendar_free(qaward_calendar *cal);

/**
 * @brief Number of years a data calendar knows (0 for a callback calendar or NULL).
 * @param cal the calendar. @return the count.
 */
QAWARD_API size_t qaward_calendar_year_count(const qaward_calendar *cal);

/**
 * @brief The @p i-th known year, in ascending order.
 * @param cal the calendar. @param i 0..count-1.
 * @return the year, or 0 when out of range.
 */
QAWARD_API int32_t qaward_calendar_year_at(const qaward_calendar *cal, size_t i);

/**
 * @brief Whether a date is a working day (R16).
 * @param[out] out 1 for a working day, 0 for a rest day.
 * @param ctx context.
 * @param cal the calendar.
 * @param date a valid date.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL or invalid date),
 *         ::QAWARD_ECALENDAR (year not known), or a callback's code.
 */
QAWARD_API int qaward_calendar_is_working_day(int *out, qaward_ctx *ctx, const qaward_calendar *cal,
                                              qaward_date date);

/**
 * @brief Number of working days in the closed interval [@p first, @p last] (R16).
 * @param[out] out the count (0 when @p last < @p first is rejected, see below).
 * @param ctx context.
 * @param cal the calendar.
 * @param first first day. @param last last day, >= @p first.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL or invalid date),
 *         ::QAWARD_ERANGE (@p last before @p first),
 *         ::QAWARD_ECALENDAR (a day in an unknown year), or a callback's code.
 */
QAWARD_API int qaward_calendar_working_days(int32_t *out, qaward_ctx *ctx, const qaward_calendar *cal,
                                            qaward_date first, qaward_date last);

/**
 * @brief Earliest last day of a notice of @p n working days that starts on @p first (R16).
 *
 * The smallest L >= @p first such that [@p first, L] holds @p n working days.
 * When @p first is a rest day the count starts at the next working day.
 * @param[out] out the last day.
 * @param ctx context.
 * @param cal the calendar.
 * @param first first day of the notice.
 * @param n working days required, 1..3660.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ERANGE (@p n out of range),
 *         ::QAWARD_ECALENDAR (the count runs into an unknown year), or a
 *         callback's code.
 */
QAWARD_API int qaward_calendar_notice_end(qaward_date *out, qaward_ctx *ctx, const qaward_calendar *cal,
                                          qaward_date first, int32_t n);

/**
 * @brief The calendar as a JSON document in its own format (data calendars only).
 * @param[out] out receives the NUL-terminated JSON; free with qaward_string_free().
 * @param cal the calendar.
 * @param ctx context.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL, or a callback calendar), ::QAWARD_ENOMEM.
 */
QAWARD_API int qaward_calendar_to_json(char **out, const qaward_calendar *cal, qaward_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif

/**
 * @file date.h
 * @brief Civil dates and year arithmetic (R1, R2, R3).
 *
 * A ::qaward_date is a civil date (no time, no time zone) packed as the
 * integer YYYYMMDD, e.g. 20250401. Packed dates compare with `<` in calendar
 * order, and cross every FFI as a plain 32-bit integer. Valid years are
 * 1..9999. 0 (::QAWARD_DATE_NONE) means "no date".
 *
 * All functions are pure and thread-safe. qaward_date_parse() takes its
 * context only for the message: with a NULL context it returns the same
 * status and leaves no message.
 */
#ifndef QAWARD_DATE_H
#define QAWARD_DATE_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A civil date packed as YYYYMMDD. */
typedef int32_t qaward_date;

/** "No date" (an unknown or absent date). */
#define QAWARD_DATE_NONE 0

/** Bytes needed by qaward_date_format(): "YYYY-MM-DD" plus the terminating NUL. */
#define QAWARD_DATE_STRLEN 11

/**
 * @brief Build a date from year, month and day.
 * @param[out] out receives the packed date (untouched on failure).
 * @param year 1..9999.
 * @param month 1..12.
 * @param day 1..days in that month.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL for a NULL @p out or a day that does not
 *         exist (2025-02-30), ::QAWARD_ERANGE for a year outside 1..9999.
 */
QAWARD_API int qaward_date_make(qaward_date *out, int32_t year, int32_t month, int32_t day);

/**
 * @brief Whether a packed date is a real calendar date in years 1..9999.
 * @param d the date.
 * @return 1 if valid, 0 otherwise.
 */
QAWARD_API int qaward_date_valid(qaward_date d);

/** @brief Year of a packed date. @param d the date. @return the year. */
QAWARD_API int32_t qaward_date_year(qaward_date d);
/** @brief Month of a packed date. @param d the date. @return 1..12. */
QAWARD_API int32_t qaward_date_month(qaward_date d);
/** @brief Day of month of a packed date. @param d the date. @return 1..31. */
QAWARD_API int32_t qaward_date_day(qaward_date d);

/**
 * @brief Parse a strict ISO-8601 calendar date "YYYY-MM-DD".
 *
 * Exactly four year digits, two month digits, two day digits, hyphens, and
 * nothing else: "2025-4-1", "2025-02-30", "2025-13-01" and "2025-04-01T00:00"
 * are errors.
 * @param[out] out receives the date (untouched on failure).
 * @param ctx context for the message, or NULL.
 * @param text NUL-terminated text.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL (NULL argument, or a day that does not
 *         exist), ::QAWARD_EPARSE (wrong syntax), ::QAWARD_ERANGE (year 0).
 */
QAWARD_API int qaward_date_parse(qaward_date *out, qaward_ctx *ctx, const char *text);

/**
 * @brief Format a date as "YYYY-MM-DD".
 * @param[out] buf at least ::QAWARD_DATE_STRLEN bytes.
 * @param d a valid date.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL (NULL buffer or invalid date; then buf is "").
 */
QAWARD_API int qaward_date_format(char *buf, qaward_date d);

/**
 * @brief The same month and day @p years later (or earlier when negative) (R1).
 *
 * 29 February maps to 28 February in a non-leap target year.
 * @param[out] out receives the date.
 * @param d a valid date.
 * @param years years to add, may be negative.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ERANGE when the result leaves 1..9999.
 */
QAWARD_API int qaward_date_add_years(qaward_date *out, qaward_date d, int32_t years);

/**
 * @brief Add (or subtract) days.
 * @param[out] out receives the date.
 * @param d a valid date.
 * @param days days to add, may be negative.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_ERANGE when the result leaves 1..9999.
 */
QAWARD_API int qaward_date_add_days(qaward_date *out, qaward_date d, int32_t days);

/**
 * @brief Days from @p a to @p b (b − a), negative when b is earlier.
 * @param[out] out receives the difference.
 * @param a a valid date.
 * @param b a valid date.
 * @return ::QAWARD_OK or ::QAWARD_EINVAL.
 */
QAWARD_API int qaward_date_diff_days(int32_t *out, qaward_date a, qaward_date b);

/**
 * @brief ISO weekday of a date.
 * @param d a valid date.
 * @return 1 (Monday) .. 7 (Sunday), or 0 for an invalid date.
 */
QAWARD_API int qaward_date_weekday(qaward_date d);

/**
 * @brief Whether @p x lies in the half-open window of @p years years starting on @p start (R2).
 *
 * True when `start <= x < start + years` (R1 arithmetic). The same test
 * answers "event on @p start lies within the last N years as of @p x".
 * @param x the date tested.
 * @param start first day of the window.
 * @param years window length, >= 0.
 * @return 1 inside, 0 outside or on invalid input.
 */
QAWARD_API int qaward_date_in_window(qaward_date x, qaward_date start, int32_t years);

#ifdef __cplusplus
}
#endif
#endif

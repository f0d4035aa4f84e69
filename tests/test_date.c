/* dates: strict ISO-8601, R1 year arithmetic, R2 half-open windows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "internal.h"

static void parse_is_strict(void **state)
{
    (void)state;
    qaward_ctx *ctx;
    qaward_ctx_new(&ctx, NULL);
    qaward_date d = 1;
    assert_int_equal(qaward_date_parse(&d, ctx, "2025-04-01"), 0);
    assert_int_equal(d, 20250401);
    assert_int_equal(qaward_date_parse(&d, ctx, "2024-02-29"), 0);
    assert_int_equal(d, 20240229);
    d = 1;
    assert_int_equal(qaward_date_parse(&d, ctx, "2025-02-30"), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "day 30"));
    assert_int_equal(qaward_date_parse(&d, ctx, "2025-02-29"), QAWARD_EINVAL);
    assert_int_equal(qaward_date_parse(&d, ctx, "2025-13-01"), QAWARD_EINVAL);
    assert_non_null(strstr(qaward_ctx_message(ctx), "month 13"));
    assert_int_equal(qaward_date_parse(&d, ctx, "2025-4-1"), QAWARD_EPARSE);
    assert_int_equal(qaward_date_parse(&d, ctx, "2025-04-01T00:00"), QAWARD_EPARSE);
    assert_int_equal(qaward_date_parse(&d, ctx, " 2025-04-01"), QAWARD_EPARSE);
    assert_int_equal(qaward_date_parse(&d, ctx, "99999-01-01"), QAWARD_EPARSE);
    assert_int_equal(qaward_date_parse(&d, ctx, "0000-01-01"), QAWARD_ERANGE);
    assert_int_equal(qaward_date_parse(&d, ctx, ""), QAWARD_EPARSE);
    assert_int_equal(qaward_date_parse(&d, ctx, NULL), QAWARD_EINVAL);
    assert_int_equal(d, 1); /* untouched on failure */
    assert_int_equal(qaward_date_parse(&d, NULL, "1900-02-29"), QAWARD_EINVAL);
    assert_int_equal(qaward_date_parse(&d, NULL, "2000-02-29"), 0);
    qaward_ctx_free(ctx);
}

static void format_round_trips(void **state)
{
    (void)state;
    char buf[QAWARD_DATE_STRLEN];
    assert_int_equal(qaward_date_format(buf, 20250401), 0);
    assert_string_equal(buf, "2025-04-01");
    assert_int_equal(qaward_date_format(buf, 99991231), 0);
    assert_string_equal(buf, "9999-12-31");
    assert_int_equal(qaward_date_format(buf, 20250230), QAWARD_EINVAL);
    assert_string_equal(buf, "");
    assert_int_equal(qaward_date_format(NULL, 20250401), QAWARD_EINVAL);
}

static void r1_add_years_maps_feb29_to_feb28(void **state)
{
    (void)state;
    qaward_date d;
    assert_int_equal(qaward_date_add_years(&d, 20240229, 1), 0);
    assert_int_equal(d, 20250228);
    assert_int_equal(qaward_date_add_years(&d, 20240229, 4), 0);
    assert_int_equal(d, 20280229);
    assert_int_equal(qaward_date_add_years(&d, 20240229, -100), 0);
    assert_int_equal(d, 19240229);
    assert_int_equal(qaward_date_add_years(&d, 20240229, -124), 0);
    assert_int_equal(d, 19000228);
    assert_int_equal(qaward_date_add_years(&d, 20250401, 3), 0);
    assert_int_equal(d, 20280401);
    assert_int_equal(qaward_date_add_years(&d, 20250401, 99999), QAWARD_ERANGE);
    assert_int_equal(qaward_date_add_years(&d, 20250401, -2025), QAWARD_ERANGE);
    assert_int_equal(qaward_date_add_years(&d, 20250431, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_date_add_years(NULL, 20250401, 1), QAWARD_EINVAL);
}

static void days_arithmetic_and_weekdays(void **state)
{
    (void)state;
    qaward_date d;
    int32_t n;
    assert_int_equal(qaward_date_add_days(&d, 20241231, 1), 0);
    assert_int_equal(d, 20250101);
    assert_int_equal(qaward_date_add_days(&d, 20240228, 1), 0);
    assert_int_equal(d, 20240229);
    assert_int_equal(qaward_date_add_days(&d, 20250301, -1), 0);
    assert_int_equal(d, 20250228);
    assert_int_equal(qaward_date_add_days(&d, 99991231, 1), QAWARD_ERANGE);
    assert_int_equal(qaward_date_add_days(&d, 10101, -1), QAWARD_ERANGE);
    assert_int_equal(qaward_date_diff_days(&n, 20250101, 20260101), 0);
    assert_int_equal(n, 365);
    assert_int_equal(qaward_date_diff_days(&n, 20240101, 20250101), 0);
    assert_int_equal(n, 366);
    assert_int_equal(qaward_date_diff_days(&n, 20251008, 20251001), 0);
    assert_int_equal(n, -7);
    assert_int_equal(qaward_date_weekday(20251001), 3); /* Wednesday */
    assert_int_equal(qaward_date_weekday(20250928), 7); /* Sunday (a make-up working day) */
    assert_int_equal(qaward_date_weekday(10101), 1);
    assert_int_equal(qaward_date_weekday(20250230), 0);
    /* every day of 1..9999 round-trips through the day count */
    for (int32_t x = 0; x <= qa_date_to_days(99991231); x += 97)
        assert_int_equal(qa_date_to_days(qa_days_to_date(x)), x);
    assert_int_equal(qa_days_to_date(qa_date_to_days(20000229)), 20000229);
}

static void r2_windows_are_half_open(void **state)
{
    (void)state;
    /* event 2022-04-01, 3-year look-back: inside up to 2025-03-31, outside from 2025-04-01 */
    assert_int_equal(qaward_date_in_window(20220331, 20220401, 3), 0);
    assert_int_equal(qaward_date_in_window(20220401, 20220401, 3), 1);
    assert_int_equal(qaward_date_in_window(20250331, 20220401, 3), 1);
    assert_int_equal(qaward_date_in_window(20250401, 20220401, 3), 0);
    /* R1 inside R2: an event on 29 Feb 2024 leaves a 1-year window on 28 Feb 2025 */
    assert_int_equal(qaward_date_in_window(20250227, 20240229, 1), 1);
    assert_int_equal(qaward_date_in_window(20250228, 20240229, 1), 0);
    assert_int_equal(qaward_date_in_window(20250401, 20250401, 0), 0);
    assert_int_equal(qaward_date_in_window(20250401, 20250230, 3), 0);
    assert_int_equal(qaward_date_in_window(99991231, 99000101, 5000), 1);
}

static void make_and_parts(void **state)
{
    (void)state;
    qaward_date d = 0;
    assert_int_equal(qaward_date_make(&d, 2025, 2, 28), 0);
    assert_int_equal(d, 20250228);
    assert_int_equal(qaward_date_year(d), 2025);
    assert_int_equal(qaward_date_month(d), 2);
    assert_int_equal(qaward_date_day(d), 28);
    assert_int_equal(qaward_date_make(&d, 2025, 2, 29), QAWARD_EINVAL);
    assert_int_equal(qaward_date_make(&d, 99999, 1, 1), QAWARD_ERANGE);
    assert_int_equal(qaward_date_make(&d, -5, 1, 1), QAWARD_ERANGE);
    assert_int_equal(qaward_date_make(&d, 2025, 0, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_date_make(NULL, 2025, 1, 1), QAWARD_EINVAL);
    assert_int_equal(d, 20250228);
    assert_int_equal(qaward_date_valid(0), 0);
    assert_int_equal(qaward_date_valid(-20250101), 0);
}

/* R1: each component of a packed date out of its range, alone. */
static void r1_each_component_out_of_range(void **state)
{
    (void)state;
    assert_int_equal(qaward_date_valid(1231), 0);       /* year 0 */
    assert_int_equal(qaward_date_valid(100000101), 0);  /* year 10000 */
    assert_int_equal(qaward_date_valid(99991231), 1);
    assert_int_equal(qaward_date_valid(10101), 1);      /* 0001-01-01 */
    assert_int_equal(qaward_date_valid(20250001), 0);   /* month 0 */
    assert_int_equal(qaward_date_valid(20251301), 0);   /* month 13 */
    assert_int_equal(qaward_date_valid(20250100), 0);   /* day 0 */
    assert_int_equal(qaward_date_valid(20250431), 0);   /* 31 April */
    assert_int_equal(qaward_date_valid(21000229), 0);   /* 2100 is not a leap year */
    assert_int_equal(qaward_date_valid(20000229), 1);   /* 2000 is */
    qaward_date d = 7;
    assert_int_equal(qaward_date_parse(&d, NULL, "2025-01-00"), QAWARD_EINVAL);
    assert_int_equal(qaward_date_parse(&d, NULL, "2025-02-29"), QAWARD_EINVAL);
    assert_int_equal(d, 7);
    assert_int_equal(qaward_date_add_days(NULL, 20250101, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_date_add_days(&d, 20250230, 1), QAWARD_EINVAL);
    assert_int_equal(qaward_date_add_days(&d, 10101, -1), QAWARD_ERANGE);
    assert_int_equal(qaward_date_add_days(&d, 99991231, 1), QAWARD_ERANGE);
    assert_int_equal(qaward_date_add_days(&d, 10101, 0), 0);
    assert_int_equal(d, 10101);
    assert_int_equal(qaward_date_add_days(&d, 10102, -1), 0);
    assert_int_equal(d, 10101);
    assert_int_equal(qaward_date_add_days(&d, 99991230, 1), 0);
    assert_int_equal(d, 99991231);
    assert_int_equal(qaward_date_add_days(&d, 20001231, 1), 0);
    assert_int_equal(d, 20010101);
    assert_int_equal(qaward_date_add_days(&d, 21000228, 1), 0);
    assert_int_equal(d, 21000301);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_is_strict),
        cmocka_unit_test(format_round_trips),
        cmocka_unit_test(r1_add_years_maps_feb29_to_feb28),
        cmocka_unit_test(days_arithmetic_and_weekdays),
        cmocka_unit_test(r2_windows_are_half_open),
        cmocka_unit_test(make_and_parts),
        cmocka_unit_test(r1_each_component_out_of_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

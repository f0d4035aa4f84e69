/* Working-day calendars (R16): the built-in cn-2023-2026 data, JSON loading,
 * merging, callbacks, and every error path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "qaward.h"

typedef struct fx {
    qaward_ctx *ctx;
    qaward_calendar *cal;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    assert_int_equal(qaward_ctx_new(&f->ctx, NULL), QAWARD_OK);
    assert_int_equal(qaward_calendar_builtin(&f->cal, f->ctx, "cn-2023-2026"), QAWARD_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    qaward_calendar_free(f->cal);
    qaward_ctx_free(f->ctx);
    free(f);
    return 0;
}

static int wd(fx *f, qaward_date d)
{
    int w = -1;
    assert_int_equal(qaward_calendar_is_working_day(&w, f->ctx, f->cal, d), QAWARD_OK);
    return w;
}

static int32_t between(fx *f, qaward_date a, qaward_date b)
{
    int32_t n = -1;
    assert_int_equal(qaward_calendar_working_days(&n, f->ctx, f->cal, a, b), QAWARD_OK);
    return n;
}

static qaward_date notice_end(fx *f, qaward_date a, int32_t n)
{
    qaward_date d = 0;
    assert_int_equal(qaward_calendar_notice_end(&d, f->ctx, f->cal, a, n), QAWARD_OK);
    return d;
}

static void r16_builtin_knows_2023_to_2026(void **state)
{
    fx *f = *state;
    assert_int_equal(qaward_calendar_year_count(f->cal), 4);
    assert_int_equal(qaward_calendar_year_at(f->cal, 0), 2023);
    assert_int_equal(qaward_calendar_year_at(f->cal, 3), 2026);
    assert_int_equal(qaward_calendar_year_at(f->cal, 4), 0);
}

static void r16_national_day_2025_block(void **state)
{
    fx *f = *state;
    for (qaward_date d = 20251001; d <= 20251008; d++)
        assert_int_equal(wd(f, d), 0);
    assert_int_equal(wd(f, 20250928), 1); /* Sunday, 调休上班 */
    assert_int_equal(wd(f, 20251011), 1); /* Saturday, 调休上班 */
    assert_int_equal(wd(f, 20250927), 0); /* ordinary Saturday */
    assert_int_equal(wd(f, 20251012), 0); /* ordinary Sunday */
    assert_int_equal(wd(f, 20250930), 1);
    assert_int_equal(wd(f, 20251009), 1);
    assert_int_equal(between(f, 20250928, 20251011), 6);
    assert_int_equal(between(f, 20251001, 20251008), 0);
    /* 09-26 (Fri), 09-28 (Sun, worked), 09-29, 09-30, then 10-09. */
    assert_int_equal(notice_end(f, 20250926, 5), 20251009);
    assert_int_equal(notice_end(f, 20250929, 5), 20251011);
    /* A notice starting on a rest day counts from the next working day. */
    assert_int_equal(notice_end(f, 20251001, 1), 20251009);
}

static void r16_spring_festival_2025_block(void **state)
{
    fx *f = *state;
    for (qaward_date d = 20250128; d <= 20250131; d++)
        assert_int_equal(wd(f, d), 0);
    for (qaward_date d = 20250201; d <= 20250204; d++)
        assert_int_equal(wd(f, d), 0);
    assert_int_equal(wd(f, 20250126), 1); /* Sunday worked */
    assert_int_equal(wd(f, 20250127), 1); /* day before the block */
    assert_int_equal(wd(f, 20250205), 1); /* day after the block */
    assert_int_equal(wd(f, 20250208), 1); /* Saturday worked */
    assert_int_equal(wd(f, 20250209), 0);
    assert_int_equal(between(f, 20250126, 20250208), 6); /* 01-26, 01-27, 02-05, 02-06, 02-07, 02-08 */
}

static void r16_spring_festival_2026_block(void **state)
{
    fx *f = *state;
    for (qaward_date d = 20260215; d <= 20260223; d++)
        assert_int_equal(wd(f, d), 0);
    assert_int_equal(wd(f, 20260214), 1); /* Saturday worked */
    assert_int_equal(wd(f, 20260228), 1); /* Saturday worked */
    assert_int_equal(wd(f, 20260213), 1);
    assert_int_equal(wd(f, 20260224), 1);
    assert_int_equal(notice_end(f, 20260212, 5), 20260225); /* 12, 13, 14 (Sat, worked), 24, 25 */
}

static void r16_makeup_saturdays(void **state)
{
    fx *f = *state;
    assert_int_equal(wd(f, 20230506), 1);
    assert_int_equal(wd(f, 20240511), 1);
    assert_int_equal(wd(f, 20240914), 1);
    assert_int_equal(wd(f, 20241012), 1);
    assert_int_equal(wd(f, 20260509), 1);
    assert_int_equal(wd(f, 20260110), 0); /* ordinary Saturday */
    assert_int_equal(wd(f, 20250308), 0);
    assert_int_equal(wd(f, 20250310), 1); /* ordinary Monday */
    /* Make-up Sundays too. */
    assert_int_equal(wd(f, 20230129), 1);
    assert_int_equal(wd(f, 20240204), 1);
}

static void r16_year_boundary(void **state)
{
    fx *f = *state;
    assert_int_equal(wd(f, 20251231), 1);
    assert_int_equal(wd(f, 20260101), 0);
    assert_int_equal(wd(f, 20260102), 0);
    assert_int_equal(wd(f, 20260103), 0);
    assert_int_equal(wd(f, 20260104), 1); /* Sunday worked */
    assert_int_equal(between(f, 20251229, 20260104), 4);
    assert_int_equal(notice_end(f, 20251230, 5), 20260106);
    /* 2023's 元旦 block starts on 2022-12-31, a year the calendar does not know. */
    assert_int_equal(wd(f, 20230101), 0);
    assert_int_equal(wd(f, 20230102), 0);
    assert_int_equal(wd(f, 20230103), 1);
    int w;
    assert_int_equal(qaward_calendar_is_working_day(&w, f->ctx, f->cal, 20221231), QAWARD_ECALENDAR);
}

static void r16_unknown_year_is_an_error_never_a_guess(void **state)
{
    fx *f = *state;
    int w = 7;
    int32_t n = 7;
    qaward_date d = 7;
    assert_int_equal(qaward_calendar_is_working_day(&w, f->ctx, f->cal, 20270104), QAWARD_ECALENDAR);
    assert_int_equal(w, 7);
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "2027"));
    assert_int_equal(qaward_calendar_working_days(&n, f->ctx, f->cal, 20261228, 20270105), QAWARD_ECALENDAR);
    assert_int_equal(n, 7);
    assert_int_equal(qaward_calendar_notice_end(&d, f->ctx, f->cal, 20261228, 10), QAWARD_ECALENDAR);
    assert_int_equal(d, 7);
    /* A notice that fits in 2026 needs no 2027 data. */
    assert_int_equal(notice_end(f, 20261228, 4), 20261231);
}

static void r16_bad_arguments(void **state)
{
    fx *f = *state;
    int w;
    int32_t n;
    qaward_date d;
    assert_int_equal(qaward_calendar_is_working_day(NULL, f->ctx, f->cal, 20250101), QAWARD_EINVAL);
    assert_int_equal(qaward_calendar_is_working_day(&w, f->ctx, NULL, 20250101), QAWARD_EINVAL);
    assert_int_equal(qaward_calendar_is_working_day(&w, f->ctx, f->cal, 20250230), QAWARD_EINVAL);
    assert_int_equal(qaward_calendar_working_days(&n, f->ctx, f->cal, 20250110, 20250109), QAWARD_ERANGE);
    assert_int_equal(between(f, 20250110, 20250110), 1);
    assert_int_equal(qaward_calendar_notice_end(&d, f->ctx, f->cal, 20250110, 0), QAWARD_ERANGE);
    assert_int_equal(qaward_calendar_notice_end(&d, f->ctx, f->cal, 20250110, 3661), QAWARD_ERANGE);
    qaward_calendar *c = (qaward_calendar *)1;
    assert_int_equal(qaward_calendar_builtin(&c, f->ctx, "nope"), QAWARD_ENOTFOUND);
    assert_null(c);
}

#define CAL_HEAD "{\"format\":\"qaward-calendar\",\"version\":1,\"name\":\"t\",\"years\":["

static int load(fx *f, const char *json, qaward_calendar **out)
{
    return qaward_calendar_load_json(out, f->ctx, json, strlen(json));
}

static void r16_json_errors_name_the_path(void **state)
{
    fx *f = *state;
    qaward_calendar *c = (qaward_calendar *)1;
    assert_int_equal(load(f, "{", &c), QAWARD_EPARSE);
    assert_null(c);
    assert_int_equal(load(f, CAL_HEAD "{\"year\":2027,\"holidays\":[],\"makeup_working_days\":[],\"x\":1}]}", &c),
                     QAWARD_ESCHEMA);
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "$.years[0]"));
    /* 2027-01-04 is a Monday: not a make-up working day. */
    assert_int_equal(load(f, CAL_HEAD "{\"year\":2027,\"holidays\":[],\"makeup_working_days\":[\"2027-01-04\"]}]}",
                          &c),
                     QAWARD_ERANGE);
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "$.years[0].makeup_working_days[0]"));
    assert_int_equal(load(f, CAL_HEAD "{\"year\":2027,\"holidays\":[{\"name\":\"x\",\"first\":\"2027-01-02\","
                             "\"last\":\"2027-01-01\"}],\"makeup_working_days\":[]}]}",
                          &c),
                     QAWARD_ERANGE);
    assert_int_equal(load(f, CAL_HEAD "{\"year\":2027,\"holidays\":[{\"name\":\"x\",\"first\":\"2027-01-02\","
                             "\"last\":\"2027-01-03\"}],\"makeup_working_days\":[\"2027-01-02\"]}]}",
                          &c),
                     QAWARD_ERANGE);
    assert_non_null(strstr(qaward_ctx_message(f->ctx), "both a holiday and a make-up"));
    assert_int_equal(load(f, CAL_HEAD "{\"year\":2027,\"holidays\":[],\"makeup_working_days\":[]},"
                             "{\"year\":2027,\"holidays\":[],\"makeup_working_days\":[]}]}",
                          &c),
                     QAWARD_EEXISTS);
    assert_int_equal(load(f, CAL_HEAD "{\"year\":2027,\"holidays\":[],\"makeup_working_days\":[\"2026-01-04\"]}]}",
                          &c),
                     QAWARD_ERANGE);
    assert_int_equal(load(f, "{\"format\":\"other\",\"version\":1,\"name\":\"t\",\"years\":[]}", &c), QAWARD_ESCHEMA);
}

static const char y2027[] = CAL_HEAD "{\"year\":2027,\"source\":\"test\",\"holidays\":[{\"name\":\"元旦\","
                                     "\"first\":\"2027-01-01\",\"last\":\"2027-01-03\"}],"
                                     "\"makeup_working_days\":[\"2027-01-09\"]}]}";

static void r16_merge_newer_year(void **state)
{
    fx *f = *state;
    assert_int_equal(qaward_calendar_merge_json(f->cal, f->ctx, y2027, strlen(y2027)), QAWARD_OK);
    assert_int_equal(qaward_calendar_year_count(f->cal), 5);
    assert_int_equal(wd(f, 20270101), 0);
    assert_int_equal(wd(f, 20270104), 1);
    assert_int_equal(wd(f, 20270109), 1);
    assert_int_equal(between(f, 20261228, 20270105), 4 + 2);
    /* A known year is never replaced; the calendar is unchanged. */
    assert_int_equal(qaward_calendar_merge_json(f->cal, f->ctx, y2027, strlen(y2027)), QAWARD_EEXISTS);
    assert_int_equal(qaward_calendar_year_count(f->cal), 5);
    assert_int_equal(wd(f, 20270109), 1);
    assert_int_equal(qaward_calendar_merge_json(f->cal, f->ctx, "[", 1), QAWARD_EPARSE);
}

static void r16_json_round_trip(void **state)
{
    fx *f = *state;
    char *s = NULL;
    assert_int_equal(qaward_calendar_to_json(&s, f->cal, f->ctx), QAWARD_OK);
    qaward_calendar *c = NULL;
    assert_int_equal(load(f, s, &c), QAWARD_OK);
    assert_int_equal(qaward_calendar_year_count(c), 4);
    for (qaward_date d = 20250920; d <= 20251015; d++) {
        if (!qaward_date_valid(d))
            continue;
        int a, b;
        assert_int_equal(qaward_calendar_is_working_day(&a, f->ctx, f->cal, d), 0);
        assert_int_equal(qaward_calendar_is_working_day(&b, f->ctx, c, d), 0);
        assert_int_equal(a, b);
    }
    qaward_calendar_free(c);
    qaward_string_free(f->ctx, s);
}

/* Caller calendar: 2030 only; weekdays work, 2030-01-01 is a holiday. */
static int cb_day(void *opaque, qaward_date d, int *out)
{
    int *calls = opaque;
    (*calls)++;
    if (d == 20300315)
        return QAWARD_EUSER;
    if (qaward_date_year(d) != 2030)
        return QAWARD_ECALENDAR;
    *out = d != 20300101 && qaward_date_weekday(d) <= 5;
    return 0;
}

static void r16_caller_calendar_through_callbacks(void **state)
{
    fx *f = *state;
    int calls = 0;
    qaward_calendar_callbacks cb;
    assert_int_equal(qaward_calendar_callbacks_init(&cb, 99), QAWARD_EVERSION);
    assert_int_equal(qaward_calendar_callbacks_init(&cb, QAWARD_CALENDAR_CALLBACKS_VERSION), QAWARD_OK);
    qaward_calendar *c = NULL;
    assert_int_equal(qaward_calendar_from_callbacks(&c, f->ctx, &cb), QAWARD_EINVAL); /* no function */
    cb.is_working_day_fn = cb_day;
    cb.opaque = &calls;
    assert_int_equal(qaward_calendar_from_callbacks(&c, f->ctx, &cb), QAWARD_OK);
    int32_t n;
    assert_int_equal(qaward_calendar_working_days(&n, f->ctx, c, 20300101, 20300107), QAWARD_OK);
    assert_int_equal(n, 4); /* Tue 01 holiday; 02, 03, 04, 07 */
    assert_int_equal(calls, 7);
    qaward_date d;
    assert_int_equal(qaward_calendar_notice_end(&d, f->ctx, c, 20301230, 5), QAWARD_ECALENDAR);
    int w;
    assert_int_equal(qaward_calendar_is_working_day(&w, f->ctx, c, 20300315), QAWARD_EUSER);
    assert_int_equal(qaward_calendar_year_count(c), 0);
    assert_int_equal(qaward_calendar_merge_json(c, f->ctx, y2027, strlen(y2027)), QAWARD_EINVAL);
    char *s;
    assert_int_equal(qaward_calendar_to_json(&s, c, f->ctx), QAWARD_EINVAL);
    qaward_calendar_free(c);
    qaward_calendar_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(r16_builtin_knows_2023_to_2026, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_national_day_2025_block, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_spring_festival_2025_block, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_spring_festival_2026_block, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_makeup_saturdays, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_year_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_unknown_year_is_an_error_never_a_guess, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_bad_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_json_errors_name_the_path, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_merge_newer_year, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_json_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(r16_caller_calendar_through_callbacks, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

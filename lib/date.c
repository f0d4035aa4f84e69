/* Civil dates and year arithmetic: R1 (29 Feb -> 28 Feb), R2 (half-open windows). */
#include "internal.h"

int qa_is_leap(int32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int qa_days_in_month(int32_t y, int32_t m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && qa_is_leap(y) ? 29 : dim[m - 1];
}

int32_t qaward_date_year(qaward_date d) { return d / 10000; }
int32_t qaward_date_month(qaward_date d) { return d / 100 % 100; }
int32_t qaward_date_day(qaward_date d) { return d % 100; }

int qaward_date_valid(qaward_date d)
{
    int32_t y = d / 10000, m = d / 100 % 100, dd = d % 100;
    return d > 0 && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && dd >= 1 && dd <= qa_days_in_month(y, m);
}

int qaward_date_make(qaward_date *out, int32_t year, int32_t month, int32_t day)
{
    if (!out)
        return QAWARD_EINVAL;
    if (year < 1 || year > 9999)
        return QAWARD_ERANGE;
    if (month < 1 || month > 12 || day < 1 || day > qa_days_in_month(year, month))
        return QAWARD_EINVAL;
    *out = year * 10000 + month * 100 + day;
    return QAWARD_OK;
}

/* Days from 0001-01-01 (proleptic Gregorian). */
int32_t qa_date_to_days(qaward_date d)
{
    int32_t y = d / 10000, m = d / 100 % 100, dd = d % 100;
    /* shift so the year starts in March */
    if (m <= 2) {
        y -= 1;
        m += 12;
    }
    int32_t era_days = 365 * y + y / 4 - y / 100 + y / 400;
    int32_t month_days = (153 * (m - 3) + 2) / 5;
    return era_days + month_days + dd - 307;
}

qaward_date qa_days_to_date(int32_t days)
{
    /* inverse of qa_date_to_days: estimate the year, then correct */
    int32_t y = (int32_t)((int64_t)days * 400 / 146097) + 1;
    while (y > 1 && qa_date_to_days(y * 10000 + 101) > days)
        y--;
    while (qa_date_to_days((y + 1) * 10000 + 101) <= days)
        y++;
    int32_t rem = days - qa_date_to_days(y * 10000 + 101);
    int32_t m = 1;
    while (rem >= qa_days_in_month(y, m)) {
        rem -= qa_days_in_month(y, m);
        m++;
    }
    return y * 10000 + m * 100 + rem + 1;
}

qaward_date qa_add_years(qaward_date d, int32_t years)
{
    int32_t y = d / 10000 + years, m = d / 100 % 100, dd = d % 100;
    if (m == 2 && dd == 29 && !qa_is_leap(y))
        dd = 28; /* R1 */
    return y * 10000 + m * 100 + dd;
}

int qaward_date_add_years(qaward_date *out, qaward_date d, int32_t years)
{
    if (!out || !qaward_date_valid(d))
        return QAWARD_EINVAL;
    int64_t y = (int64_t)(d / 10000) + years;
    if (y < 1 || y > 9999)
        return QAWARD_ERANGE;
    *out = qa_add_years(d, years);
    return QAWARD_OK;
}

int qaward_date_add_days(qaward_date *out, qaward_date d, int32_t days)
{
    if (!out || !qaward_date_valid(d))
        return QAWARD_EINVAL;
    int64_t n = (int64_t)qa_date_to_days(d) + days;
    if (n < 0 || n > qa_date_to_days(99991231))
        return QAWARD_ERANGE;
    *out = qa_days_to_date((int32_t)n);
    return QAWARD_OK;
}

int qaward_date_diff_days(int32_t *out, qaward_date a, qaward_date b)
{
    if (!out || !qaward_date_valid(a) || !qaward_date_valid(b))
        return QAWARD_EINVAL;
    *out = qa_date_to_days(b) - qa_date_to_days(a);
    return QAWARD_OK;
}

int qaward_date_weekday(qaward_date d)
{
    if (!qaward_date_valid(d))
        return 0;
    /* 0001-01-01 was a Monday (proleptic Gregorian) */
    return (int)(qa_date_to_days(d) % 7) + 1;
}

int qaward_date_in_window(qaward_date x, qaward_date start, int32_t years)
{
    if (!qaward_date_valid(x) || !qaward_date_valid(start) || years < 0)
        return 0;
    if ((int64_t)(start / 10000) + years > 9999)
        return x >= start;
    return start <= x && x < qa_add_years(start, years);
}

static int digit(char c) { return c >= '0' && c <= '9'; }

int qaward_date_parse(qaward_date *out, qaward_ctx *ctx, const char *text)
{
    if (!out || !text)
        return qa_error(ctx, QAWARD_EINVAL, "date: NULL argument");
    const char *s = text;
    for (int i = 0; i < 10; i++) {
        int want_dash = i == 4 || i == 7;
        if (s[i] == '\0' || (want_dash ? s[i] != '-' : !digit(s[i])))
            return qa_error(ctx, QAWARD_EPARSE, "date \"%.40s\": expected YYYY-MM-DD", text);
    }
    if (s[10] != '\0')
        return qa_error(ctx, QAWARD_EPARSE, "date \"%.40s\": expected YYYY-MM-DD", text);
    int32_t y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int32_t m = (s[5] - '0') * 10 + (s[6] - '0');
    int32_t d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1)
        return qa_error(ctx, QAWARD_ERANGE, "date \"%s\": year 0000 is out of range", text);
    if (m < 1 || m > 12)
        return qa_error(ctx, QAWARD_EINVAL, "date \"%s\": month %02d does not exist", text, (int)m);
    if (d < 1 || d > qa_days_in_month(y, m))
        return qa_error(ctx, QAWARD_EINVAL, "date \"%s\": day %02d does not exist in %04d-%02d", text, (int)d,
                        (int)y, (int)m);
    *out = y * 10000 + m * 100 + d;
    if (ctx)
        qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_date_format(char *buf, qaward_date d)
{
    if (!buf)
        return QAWARD_EINVAL;
    if (!qaward_date_valid(d)) {
        buf[0] = '\0';
        return QAWARD_EINVAL;
    }
    int32_t y = d / 10000, m = d / 100 % 100, dd = d % 100;
    const char *dig = "0123456789";
    buf[0] = dig[y / 1000];
    buf[1] = dig[y / 100 % 10];
    buf[2] = dig[y / 10 % 10];
    buf[3] = dig[y % 10];
    buf[4] = '-';
    buf[5] = dig[m / 10];
    buf[6] = dig[m % 10];
    buf[7] = '-';
    buf[8] = dig[dd / 10];
    buf[9] = dig[dd % 10];
    buf[10] = '\0';
    return QAWARD_OK;
}

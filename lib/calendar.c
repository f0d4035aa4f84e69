/* Working-day calendars (R16): queries, callback calendars, merging years. */
#include "calendar_int.h"
#include <stdlib.h>

/* Upper bound of a notice length in working days (ten years of working days). */
#define QA_NOTICE_MAX 3660

void qa_cal_year_clear(const qaward_allocator *a, qa_cal_year *y)
{
    if (!y)
        return;
    for (size_t i = 0; i < y->nblocks; i++)
        qa_afree(a, y->blocks[i].name);
    qa_afree(a, y->blocks);
    qa_afree(a, y->makeup);
    qa_afree(a, y->source);
    memset(y, 0, sizeof *y);
}

void qaward_calendar_free(qaward_calendar *cal)
{
    if (!cal)
        return;
    qaward_allocator a = cal->alloc;
    for (size_t i = 0; i < cal->nyears; i++)
        qa_cal_year_clear(&a, &cal->years[i]);
    qa_afree(&a, cal->years);
    qa_afree(&a, cal->rest);
    qa_afree(&a, cal->work);
    qa_afree(&a, cal->name);
    qa_afree(&a, cal->description);
    qa_afree(&a, cal);
}

int qaward_calendar_callbacks_init(qaward_calendar_callbacks *cb, uint32_t version)
{
    if (!cb)
        return QAWARD_EINVAL;
    if (version != QAWARD_CALENDAR_CALLBACKS_VERSION)
        return QAWARD_EVERSION;
    memset(cb, 0, sizeof *cb);
    cb->version = version;
    return QAWARD_OK;
}

int qaward_calendar_from_callbacks(qaward_calendar **out, qaward_ctx *ctx, const qaward_calendar_callbacks *cb)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !cb)
        return qa_error(ctx, QAWARD_EINVAL, "calendar callbacks: NULL argument");
    if (cb->version != QAWARD_CALENDAR_CALLBACKS_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "calendar callbacks: version %u not supported (expected %u)",
                        (unsigned)cb->version, (unsigned)QAWARD_CALENDAR_CALLBACKS_VERSION);
    if (!cb->is_working_day_fn)
        return qa_error(ctx, QAWARD_EINVAL, "calendar callbacks: is_working_day_fn is NULL");
    qaward_calendar *cal = qa_calloc(ctx, 1, sizeof *cal);
    if (!cal)
        return QAWARD_ENOMEM;
    cal->alloc = ctx->alloc;
    cal->is_callback = 1;
    cal->cb = *cb;
    *out = cal;
    qa_ok(ctx);
    return QAWARD_OK;
}

size_t qaward_calendar_year_count(const qaward_calendar *cal)
{
    return cal && !cal->is_callback ? cal->nyears : 0;
}

int32_t qaward_calendar_year_at(const qaward_calendar *cal, size_t i)
{
    if (!cal || cal->is_callback || i >= cal->nyears)
        return 0;
    return cal->years[i].year;
}

static int bsearch_date(const qaward_date *arr, size_t n, qaward_date d)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (arr[mid] == d)
            return 1;
        if (arr[mid] < d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static int knows_year(const qaward_calendar *cal, int32_t y)
{
    size_t lo = 0, hi = cal->nyears;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cal->years[mid].year == y)
            return 1;
        if (cal->years[mid].year < y)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* One day; no argument checks, no qa_ok. */
static int day_kind(int *out, qaward_ctx *ctx, const qaward_calendar *cal, qaward_date d)
{
    if (cal->is_callback) {
        int w = 0;
        int rc = cal->cb.is_working_day_fn(cal->cb.opaque, d, &w);
        if (rc < 0) {
            char b[QAWARD_DATE_STRLEN];
            qaward_date_format(b, d);
            if (rc == QAWARD_ECALENDAR)
                return qa_error(ctx, rc, "%s: the caller's calendar does not know this date (R16)", b);
            return qa_error(ctx, rc, "%s: the calendar callback failed (%d)", b, rc);
        }
        *out = w ? 1 : 0;
        return 0;
    }
    if (!knows_year(cal, qaward_date_year(d))) {
        char b[QAWARD_DATE_STRLEN];
        qaward_date_format(b, d);
        return qa_error(ctx, QAWARD_ECALENDAR,
                        "%s: year %d is not in calendar \"%s\" (known: %d..%d); load that year's "
                        "holiday data (R16)",
                        b, (int)qaward_date_year(d), cal->name ? cal->name : "",
                        cal->nyears ? (int)cal->years[0].year : 0,
                        cal->nyears ? (int)cal->years[cal->nyears - 1].year : 0);
    }
    if (bsearch_date(cal->work, cal->nwork, d)) {
        *out = 1; /* 调休上班 */
        return 0;
    }
    if (bsearch_date(cal->rest, cal->nrest, d)) {
        *out = 0;
        return 0;
    }
    *out = qaward_date_weekday(d) <= 5;
    return 0;
}

static int check_args(qaward_ctx *ctx, const void *out, const qaward_calendar *cal)
{
    if (!out || !cal)
        return qa_error(ctx, QAWARD_EINVAL, "calendar: NULL argument");
    return 0;
}

static int check_date(qaward_ctx *ctx, qaward_date d, const char *what)
{
    if (!qaward_date_valid(d))
        return qa_error(ctx, QAWARD_EINVAL, "%s: %ld is not a valid date (YYYYMMDD)", what, (long)d);
    return 0;
}

int qaward_calendar_is_working_day(int *out, qaward_ctx *ctx, const qaward_calendar *cal, qaward_date date)
{
    int rc = check_args(ctx, out, cal);
    if (!rc)
        rc = check_date(ctx, date, "date");
    if (rc)
        return rc;
    int w;
    rc = day_kind(&w, ctx, cal, date);
    if (rc)
        return rc;
    *out = w;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_calendar_working_days(int32_t *out, qaward_ctx *ctx, const qaward_calendar *cal, qaward_date first,
                                 qaward_date last)
{
    int rc = check_args(ctx, out, cal);
    if (!rc)
        rc = check_date(ctx, first, "first");
    if (!rc)
        rc = check_date(ctx, last, "last");
    if (rc)
        return rc;
    if (last < first) {
        char a[QAWARD_DATE_STRLEN], b[QAWARD_DATE_STRLEN];
        qaward_date_format(a, first);
        qaward_date_format(b, last);
        return qa_error(ctx, QAWARD_ERANGE, "interval [%s, %s]: last day before first day", a, b);
    }
    int32_t d0 = qa_date_to_days(first), d1 = qa_date_to_days(last), n = 0;
    for (int32_t x = d0; x <= d1; x++) {
        int w;
        rc = day_kind(&w, ctx, cal, qa_days_to_date(x));
        if (rc)
            return rc;
        n += w;
    }
    *out = n;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_calendar_notice_end(qaward_date *out, qaward_ctx *ctx, const qaward_calendar *cal, qaward_date first,
                               int32_t n)
{
    int rc = check_args(ctx, out, cal);
    if (!rc)
        rc = check_date(ctx, first, "first");
    if (rc)
        return rc;
    if (n < 1 || n > QA_NOTICE_MAX)
        return qa_error(ctx, QAWARD_ERANGE, "notice length %d: must be 1..%d working days", (int)n, QA_NOTICE_MAX);
    int32_t x = qa_date_to_days(first), count = 0;
    int32_t maxday = qa_date_to_days(99991231);
    /* A callback calendar may report rest days forever: stop after ten years per requested day. */
    int32_t limit = x + 3660 + 7 * n;
    for (;; x++) {
        if (x > maxday || x > limit)
            return qa_error(ctx, QAWARD_ERANGE, "notice of %d working days: no end found within %d days",
                            (int)n, (int)(limit - qa_date_to_days(first)));
        int w;
        rc = day_kind(&w, ctx, cal, qa_days_to_date(x));
        if (rc)
            return rc;
        count += w;
        if (count == n)
            break;
    }
    *out = qa_days_to_date(x);
    qa_ok(ctx);
    return QAWARD_OK;
}

/* ---- merging years --------------------------------------------------------------- */

static int cmp_date(const void *a, const void *b)
{
    qaward_date x = *(const qaward_date *)a, y = *(const qaward_date *)b;
    return x < y ? -1 : x > y;
}

static int cmp_year(const void *a, const void *b)
{
    int32_t x = ((const qa_cal_year *)a)->year, y = ((const qa_cal_year *)b)->year;
    return x < y ? -1 : x > y;
}

static size_t uniq(qaward_date *a, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || a[k - 1] != a[i])
            a[k++] = a[i];
    return k;
}

int qa_cal_add_years(qaward_calendar *cal, qaward_ctx *ctx, qa_cal_year *add, size_t nadd, const char *what)
{
    /* Duplicate years, inside `add` or against cal. */
    for (size_t i = 0; i < nadd; i++) {
        if (knows_year(cal, add[i].year))
            return qa_error(ctx, QAWARD_EEXISTS, "%s: year %d is already in calendar \"%s\"", what,
                            (int)add[i].year, cal->name ? cal->name : "");
        for (size_t j = 0; j < i; j++)
            if (add[j].year == add[i].year)
                return qa_error(ctx, QAWARD_EEXISTS, "%s: year %d listed twice", what, (int)add[i].year);
    }
    size_t nyears = cal->nyears + nadd, nrest = cal->nrest, nwork = cal->nwork;
    for (size_t i = 0; i < nadd; i++) {
        for (size_t b = 0; b < add[i].nblocks; b++) {
            int32_t span = qa_date_to_days(add[i].blocks[b].last) - qa_date_to_days(add[i].blocks[b].first) + 1;
            nrest += (size_t)span;
        }
        nwork += add[i].nmakeup;
    }
    const qaward_allocator *A = &cal->alloc;
    qa_cal_year *years = qa_acalloc(A, nyears ? nyears : 1, sizeof *years);
    qaward_date *rest = qa_acalloc(A, nrest ? nrest : 1, sizeof *rest);
    qaward_date *work = qa_acalloc(A, nwork ? nwork : 1, sizeof *work);
    if (!years || !rest || !work) {
        qa_afree(A, years);
        qa_afree(A, rest);
        qa_afree(A, work);
        return qa_error(ctx, QAWARD_ENOMEM, "%s: out of memory", what);
    }
    if (cal->nyears)
        memcpy(years, cal->years, cal->nyears * sizeof *years);
    if (nadd) /* add is NULL for an empty "years" list */
        memcpy(years + cal->nyears, add, nadd * sizeof *years);
    qsort(years, nyears, sizeof *years, cmp_year);
    size_t r = 0, w = 0;
    for (size_t i = 0; i < nyears; i++) {
        for (size_t b = 0; b < years[i].nblocks; b++)
            for (int32_t x = qa_date_to_days(years[i].blocks[b].first);
                 x <= qa_date_to_days(years[i].blocks[b].last); x++)
                rest[r++] = qa_days_to_date(x);
        for (size_t m = 0; m < years[i].nmakeup; m++)
            work[w++] = years[i].makeup[m];
    }
    qsort(rest, r, sizeof *rest, cmp_date);
    qsort(work, w, sizeof *work, cmp_date);
    r = uniq(rest, r);
    w = uniq(work, w);
    for (size_t i = 0; i < w; i++)
        if (bsearch_date(rest, r, work[i])) {
            char b[QAWARD_DATE_STRLEN];
            qaward_date_format(b, work[i]);
            qa_afree(A, years);
            qa_afree(A, rest);
            qa_afree(A, work);
            return qa_error(ctx, QAWARD_ERANGE, "%s: %s is both a holiday and a make-up working day", what, b);
        }
    qa_afree(&cal->alloc, cal->years);
    qa_afree(&cal->alloc, cal->rest);
    qa_afree(&cal->alloc, cal->work);
    cal->years = years;
    cal->nyears = nyears;
    cal->rest = rest;
    cal->nrest = r;
    cal->work = work;
    cal->nwork = w;
    return QAWARD_OK;
}

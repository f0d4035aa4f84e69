/* Calendar documents: JSON in and out (docs/schema/calendar.schema.json). */
#include "calendar_int.h"
#include "embedded.h"
#include "json.h"

/* Longest holiday block accepted: a sanity bound on data entry, not a rule. */
#define QA_BLOCK_MAX_DAYS 31

static int read_date_item(qaward_ctx *ctx, const qj_value *v, const char *path, qaward_date *out)
{
    if (v->type != QJ_STRING)
        return qa_error(ctx, QAWARD_ESCHEMA, "%s: expected a date \"YYYY-MM-DD\" (line %u, column %u)", path,
                        (unsigned)v->line, (unsigned)v->col);
    qaward_date d;
    int rc = qaward_date_parse(&d, ctx, v->str);
    if (rc)
        return qa_error_prefix(ctx, "%s (line %u, column %u)", path, (unsigned)v->line, (unsigned)v->col);
    *out = d;
    return 0;
}

static int parse_year(qaward_ctx *ctx, const qaward_allocator *A, const qj_value *o, const char *path,
                      qa_cal_year *y)
{
    static const char *const keys[] = {"year", "source", "holidays", "makeup_working_days", NULL};
    int rc = qj_expect(ctx, o, QJ_OBJECT, path);
    if (!rc)
        rc = qj_only_keys(ctx, o, path, keys);
    int64_t year = 0;
    if (!rc)
        rc = qj_read_int(ctx, o, path, "year", 1, 1, 9999, &year);
    if (rc)
        return rc;
    y->year = (int32_t)year;
    const char *source = "";
    rc = qj_read_str(ctx, o, path, "source", 0, 0, &source);
    if (rc < 0)
        return rc;
    y->source = qa_astrdup(A, source);
    if (!y->source)
        return qa_error(ctx, QAWARD_ENOMEM, "%s: out of memory", path);

    const qj_value *hol = NULL, *mk = NULL;
    rc = qj_read_array(ctx, o, path, "holidays", 1, &hol);
    if (!rc)
        rc = qj_read_array(ctx, o, path, "makeup_working_days", 1, &mk);
    if (rc)
        return rc;
    qj_path hp, mp, ip;
    qj_path_key(&hp, path, "holidays");
    qj_path_key(&mp, path, "makeup_working_days");
    if (hol->len) {
        y->blocks = qa_acalloc(A, hol->len, sizeof *y->blocks);
        if (!y->blocks)
            return qa_error(ctx, QAWARD_ENOMEM, "%s: out of memory", hp.s);
    }
    for (size_t i = 0; i < hol->len; i++) {
        static const char *const bkeys[] = {"name", "first", "last", NULL};
        const qj_value *b = &hol->items[i];
        qj_path_index(&ip, hp.s, i);
        const char *name = NULL;
        qa_cal_block *blk = &y->blocks[i];
        rc = qj_expect(ctx, b, QJ_OBJECT, ip.s);
        if (!rc)
            rc = qj_only_keys(ctx, b, ip.s, bkeys);
        if (!rc)
            rc = qj_read_str(ctx, b, ip.s, "name", 1, 1, &name);
        if (!rc)
            rc = qj_read_date(ctx, b, ip.s, "first", 1, &blk->first);
        if (!rc)
            rc = qj_read_date(ctx, b, ip.s, "last", 1, &blk->last);
        if (rc)
            return rc;
        blk->name = qa_astrdup(A, name);
        y->nblocks = i + 1;
        if (!blk->name)
            return qa_error(ctx, QAWARD_ENOMEM, "%s: out of memory", ip.s);
        int32_t span = qa_date_to_days(blk->last) - qa_date_to_days(blk->first) + 1;
        if (span < 1 || span > QA_BLOCK_MAX_DAYS)
            return qa_error(ctx, QAWARD_ERANGE,
                            "%s: last day must be on or after the first day and the block at most %d days "
                            "(line %u, column %u)",
                            ip.s, QA_BLOCK_MAX_DAYS, (unsigned)b->line, (unsigned)b->col);
        if (qaward_date_year(blk->first) > y->year || qaward_date_year(blk->last) < y->year)
            return qa_error(ctx, QAWARD_ERANGE, "%s: block does not touch year %d (line %u, column %u)", ip.s,
                            (int)y->year, (unsigned)b->line, (unsigned)b->col);
    }
    if (mk->len) {
        y->makeup = qa_acalloc(A, mk->len, sizeof *y->makeup);
        if (!y->makeup)
            return qa_error(ctx, QAWARD_ENOMEM, "%s: out of memory", mp.s);
    }
    for (size_t i = 0; i < mk->len; i++) {
        qj_path_index(&ip, mp.s, i);
        qaward_date d = QAWARD_DATE_NONE;
        rc = read_date_item(ctx, &mk->items[i], ip.s, &d);
        if (rc)
            return rc;
        if (qaward_date_year(d) != y->year)
            return qa_error(ctx, QAWARD_ERANGE, "%s: \"%s\" is not in year %d (line %u, column %u)", ip.s,
                            mk->items[i].str, (int)y->year, (unsigned)mk->items[i].line,
                            (unsigned)mk->items[i].col);
        if (qaward_date_weekday(d) < 6)
            return qa_error(ctx, QAWARD_ERANGE,
                            "%s: \"%s\" is a weekday; make-up working days (调休上班) are Saturdays or "
                            "Sundays (line %u, column %u)",
                            ip.s, mk->items[i].str, (unsigned)mk->items[i].line, (unsigned)mk->items[i].col);
        y->makeup[y->nmakeup++] = d;
    }
    return 0;
}

/* Parse a whole document into years (+ name, description when wanted). */
static int read_doc(qaward_ctx *ctx, const qaward_allocator *A, const qj_value *root, qa_cal_year **years,
                    size_t *nyears, char **name, char **description)
{
    int rc;
    static const char *const keys[] = {"format", "version", "name", "description", "years", NULL};
    static const char *const formats[] = {"qaward-calendar", NULL};
    int fmt = 0;
    int64_t ver = 0;
    const char *nm = NULL, *desc = "";
    const qj_value *ys = NULL;
    qa_cal_year *out = NULL;
    size_t n = 0;
    rc = qj_expect(ctx, root, QJ_OBJECT, "$");
    if (!rc)
        rc = qj_only_keys(ctx, root, "$", keys);
    if (!rc)
        rc = qj_read_enum(ctx, root, "$", "format", 1, formats, &fmt);
    if (!rc)
        rc = qj_read_int(ctx, root, "$", "version", 1, 1, 1, &ver);
    if (!rc)
        rc = qj_read_str(ctx, root, "$", "name", 1, 1, &nm);
    if (!rc) {
        rc = qj_read_str(ctx, root, "$", "description", 0, 0, &desc);
        if (rc > 0)
            rc = 0;
    }
    if (!rc)
        rc = qj_read_array(ctx, root, "$", "years", 1, &ys);
    if (rc)
        goto done;
    if (ys->len) {
        out = qa_acalloc(A, ys->len, sizeof *out);
        if (!out) {
            rc = qa_error(ctx, QAWARD_ENOMEM, "calendar: out of memory");
            goto done;
        }
    }
    for (size_t i = 0; i < ys->len; i++) {
        qj_path p;
        qj_path_index(&p, "$.years", i);
        n = i + 1;
        rc = parse_year(ctx, A, &ys->items[i], p.s, &out[i]);
        if (rc)
            goto done;
    }
    if (name) {
        *name = qa_astrdup(A, nm);
        *description = qa_astrdup(A, desc);
        if (!*name || !*description) {
            qa_afree(A, *name);
            qa_afree(A, *description);
            *name = *description = NULL;
            rc = qa_error(ctx, QAWARD_ENOMEM, "calendar: out of memory");
            goto done;
        }
    }
done:
    if (!rc)
        n = ys->len;
    if (rc) {
        for (size_t i = 0; i < n; i++)
            qa_cal_year_clear(A, &out[i]);
        qa_afree(A, out);
        return rc;
    }
    *years = out;
    *nyears = n;
    return 0;
}

static int parse_doc(qaward_ctx *ctx, const qaward_allocator *A, const char *json, size_t len, qa_cal_year **years,
                     size_t *nyears)
{
    qj_doc *doc = NULL;
    int rc = qj_parse(&doc, ctx, json, len, "calendar");
    if (rc)
        return rc;
    rc = read_doc(ctx, A, qj_root(doc), years, nyears, NULL, NULL);
    qj_free(doc);
    return rc;
}

/* Adds the years read and frees them: on failure the calendar is unchanged. */
static int add_years(qaward_calendar *cal, qaward_ctx *ctx, qa_cal_year *years, size_t n, const char *what)
{
    int rc = qa_cal_add_years(cal, ctx, years, n, what);
    if (rc)
        for (size_t i = 0; i < n; i++)
            qa_cal_year_clear(&cal->alloc, &years[i]);
    qa_afree(&cal->alloc, years);
    return rc;
}

static int build_calendar(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *arg)
{
    qaward_calendar *cal = *obj;
    qa_cal_year *years = NULL;
    size_t n = 0;
    QA_UNUSED(arg);
    int rc = read_doc(ctx, &cal->alloc, qj_root(doc), &years, &n, &cal->name, &cal->description);
    return rc ? rc : add_years(cal, ctx, years, n, "calendar");
}

static void release_calendar(void *cal) { qaward_calendar_free(cal); }

static const qj_loader calendar_loader = {"calendar", NULL, sizeof(qaward_calendar), offsetof(qaward_calendar, alloc),
                                          build_calendar, release_calendar, NULL};

int qaward_calendar_load_json(qaward_calendar **out, qaward_ctx *ctx, const char *json, size_t len)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "calendar: NULL argument");
    void *cal;
    int rc = qj_load(&cal, ctx, json, len, &calendar_loader, NULL);
    *out = cal;
    return rc;
}

int qaward_calendar_merge_json(qaward_calendar *cal, qaward_ctx *ctx, const char *json, size_t len)
{
    if (!cal || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "calendar merge: NULL argument");
    if (cal->is_callback)
        return qa_error(ctx, QAWARD_EINVAL, "calendar merge: a callback calendar cannot take data years");
    qa_cal_year *years = NULL;
    size_t n = 0;
    int rc = parse_doc(ctx, &cal->alloc, json, len, &years, &n);
    if (rc || (rc = add_years(cal, ctx, years, n, "calendar merge")))
        return rc;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_calendar_builtin(qaward_calendar **out, qaward_ctx *ctx, const char *name)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !name)
        return qa_error(ctx, QAWARD_EINVAL, "calendar: NULL argument");
    const qa_embedded *e = qa_embedded_find("calendar", name);
    if (!e)
        return qa_error(ctx, QAWARD_ENOTFOUND, "calendar \"%s\": no such built-in calendar", name);
    int rc = qaward_calendar_load_json(out, ctx, e->data, e->len);
    if (rc)
        return qa_error_prefix(ctx, "built-in calendar \"%s\"", name);
    return rc;
}

int qaward_calendar_to_json(char **out, const qaward_calendar *cal, qaward_ctx *ctx)
{
    if (out)
        *out = NULL;
    if (!out || !cal || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "calendar: NULL argument");
    if (cal->is_callback)
        return qa_error(ctx, QAWARD_EINVAL, "calendar: a callback calendar has no JSON form");
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    qw_kstr(&w, "format", "qaward-calendar");
    qw_kint(&w, "version", 1);
    qw_kstr(&w, "name", cal->name);
    qw_kstr(&w, "description", cal->description ? cal->description : "");
    qw_key(&w, "years");
    qw_arr_begin(&w);
    for (size_t i = 0; i < cal->nyears; i++) {
        const qa_cal_year *y = &cal->years[i];
        qw_obj_begin(&w);
        qw_kint(&w, "year", y->year);
        qw_kstr(&w, "source", y->source ? y->source : "");
        qw_key(&w, "holidays");
        qw_arr_begin(&w);
        for (size_t b = 0; b < y->nblocks; b++) {
            qw_obj_begin(&w);
            qw_kstr(&w, "name", y->blocks[b].name);
            qw_kdate(&w, "first", y->blocks[b].first);
            qw_kdate(&w, "last", y->blocks[b].last);
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
        qw_key(&w, "makeup_working_days");
        qw_arr_begin(&w);
        for (size_t m = 0; m < y->nmakeup; m++)
            qw_date(&w, y->makeup[m]);
        qw_arr_end(&w);
        qw_obj_end(&w);
    }
    qw_arr_end(&w);
    qw_obj_end(&w);
    return qw_finish_ctx(&w, out, ctx, "calendar: out of memory");
}

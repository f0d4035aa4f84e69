/* qaward calendar: working days (R16) from the built-in calendar plus data files. */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

#define CAL_BUILTIN "cn-2023-2026"
#define CAL_MAX_FILES 16

static int usage(FILE *f)
{
    fprintf(f,
            "usage: qaward calendar [--calendar FILE]... [--no-builtin] [--format json|text] COMMAND\n"
            "  between FIRST LAST      working days in [FIRST, LAST]\n"
            "  notice-end FIRST N      earliest last day of an N-working-day notice starting on FIRST\n"
            "  is-working DATE         whether DATE is a working day\n"
            "  years                   the years the calendar knows\n"
            "The built-in calendar (" CAL_BUILTIN ") is loaded first unless --no-builtin; each\n"
            "--calendar FILE adds its years (a year already known is an error).\n"
            "Exit: 0 success, 2 usage or input error (including a date outside the known years).\n");
    return f == stdout ? 0 : 2;
}

/* Build the calendar from the built-in data and files; prints and returns 2 on error. */
int cli_calendar_build(qaward_calendar **out, qaward_ctx *ctx, const char *cmd, int builtin, char **files,
                       int nfiles)
{
    int rc;
    *out = NULL;
    qaward_calendar *cal = NULL;
    for (int i = -1; i < nfiles; i++) {
        if (i < 0 && !builtin)
            continue;
        if (i < 0) {
            rc = qaward_calendar_builtin(&cal, ctx, CAL_BUILTIN);
            if (rc)
                return cli_fail(cmd, CAL_BUILTIN, ctx, rc);
            continue;
        }
        size_t len;
        char *text = cli_read_file(files[i], &len);
        if (!text) {
            qaward_calendar_free(cal);
            return 2;
        }
        rc = cal ? qaward_calendar_merge_json(cal, ctx, text, len) : qaward_calendar_load_json(&cal, ctx, text, len);
        free(text);
        if (rc) {
            qaward_calendar_free(cal);
            return cli_fail(cmd, files[i], ctx, rc);
        }
    }
    if (!cal) {
        fprintf(stderr, "qaward %s: no calendar: give --calendar FILE with --no-builtin\n", cmd);
        return 2;
    }
    *out = cal;
    return 0;
}

static int parse_date(qaward_date *d, qaward_ctx *ctx, const char *s)
{
    int rc = qaward_date_parse(d, ctx, s);
    if (rc)
        return cli_fail("calendar", s, ctx, rc);
    return 0;
}

int cmd_calendar(int argc, char **argv)
{
    char *files[CAL_MAX_FILES];
    int nfiles = 0, builtin = 1, format = CLI_TEXT, i;
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return usage(stdout);
        if (!strcmp(argv[i], "--calendar") && i + 1 < argc) {
            if (nfiles == CAL_MAX_FILES) {
                fprintf(stderr, "qaward calendar: at most %d --calendar files\n", CAL_MAX_FILES);
                return 2;
            }
            files[nfiles++] = argv[++i];
        } else if (!strcmp(argv[i], "--no-builtin")) {
            builtin = 0;
        } else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            if ((format = cli_parse_format(argv[++i])) < 0) {
                fprintf(stderr, "qaward calendar: --format: expected json or text, got \"%s\"\n", argv[i]);
                return 2;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "qaward calendar: unknown option \"%s\"\n", argv[i]);
            return usage(stderr);
        } else {
            break;
        }
    }
    if (i >= argc)
        return usage(stderr);
    const char *sub = argv[i];
    int nargs = argc - i - 1;
    char **args = argv + i + 1;
    qaward_ctx *ctx = NULL;
    if (qaward_ctx_new(&ctx, NULL))
        return 2;
    qaward_calendar *cal = NULL;
    int ret = cli_calendar_build(&cal, ctx, "calendar", builtin, files, nfiles);
    if (ret)
        goto out;
    ret = 2;
    char a[QAWARD_DATE_STRLEN], b[QAWARD_DATE_STRLEN];
    if (!strcmp(sub, "between") && nargs == 2) {
        qaward_date f, l;
        int32_t n;
        if (parse_date(&f, ctx, args[0]) || parse_date(&l, ctx, args[1]))
            goto out;
        int rc = qaward_calendar_working_days(&n, ctx, cal, f, l);
        if (rc) {
            ret = cli_fail("calendar", "between", ctx, rc);
            goto out;
        }
        int32_t span;
        qaward_date_diff_days(&span, f, l);
        qaward_date_format(a, f);
        qaward_date_format(b, l);
        if (format == CLI_JSON)
            printf("{\"first\": \"%s\", \"last\": \"%s\", \"working_days\": %d, \"calendar_days\": %d}\n", a, b,
                   (int)n, (int)span + 1);
        else
            printf("%s .. %s: %d working days (%d calendar days)\n", a, b, (int)n, (int)span + 1);
        ret = 0;
    } else if (!strcmp(sub, "notice-end") && nargs == 2) {
        qaward_date f, l;
        char *end;
        long n = strtol(args[1], &end, 10);
        if (parse_date(&f, ctx, args[0]))
            goto out;
        if (*end || end == args[1] || n < 1 || n > 3660) {
            fprintf(stderr, "qaward calendar: notice-end: N must be a whole number 1..3660, got \"%s\"\n", args[1]);
            goto out;
        }
        int rc = qaward_calendar_notice_end(&l, ctx, cal, f, (int32_t)n);
        if (rc) {
            ret = cli_fail("calendar", "notice-end", ctx, rc);
            goto out;
        }
        qaward_date_format(a, f);
        qaward_date_format(b, l);
        if (format == CLI_JSON)
            printf("{\"first\": \"%s\", \"working_days\": %ld, \"earliest_last_day\": \"%s\"}\n", a, n, b);
        else
            printf("a notice of %ld working days starting %s ends on %s at the earliest\n", n, a, b);
        ret = 0;
    } else if (!strcmp(sub, "is-working") && nargs == 1) {
        qaward_date d;
        int w;
        if (parse_date(&d, ctx, args[0]))
            goto out;
        int rc = qaward_calendar_is_working_day(&w, ctx, cal, d);
        if (rc) {
            ret = cli_fail("calendar", "is-working", ctx, rc);
            goto out;
        }
        qaward_date_format(a, d);
        if (format == CLI_JSON)
            printf("{\"date\": \"%s\", \"working_day\": %s}\n", a, w ? "true" : "false");
        else
            printf("%s: %s\n", a, w ? "working day" : "rest day");
        ret = 0;
    } else if (!strcmp(sub, "years") && nargs == 0) {
        size_t n = qaward_calendar_year_count(cal);
        if (format == CLI_JSON) {
            printf("{\"years\": [");
            for (size_t k = 0; k < n; k++)
                printf("%s%d", k ? ", " : "", (int)qaward_calendar_year_at(cal, k));
            printf("]}\n");
        } else {
            for (size_t k = 0; k < n; k++)
                printf("%d\n", (int)qaward_calendar_year_at(cal, k));
        }
        ret = 0;
    } else {
        fprintf(stderr, "qaward calendar: bad command or arguments: \"%s\"\n", sub);
        usage(stderr);
    }
out:
    qaward_calendar_free(cal);
    qaward_ctx_free(ctx);
    return ret;
}

/* qaward procedure: validate a cycle's timeline against the review procedure
 * (Art. 13, 14; R15, R16) and report every violation. */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

#define PROC_MAX_FILES 16

static int usage(FILE *f)
{
    fprintf(f,
            "usage: qaward procedure [--procedure FILE] [--calendar FILE]... [--format json|text] TIMELINE.json\n"
            "Replays the timeline's notices, transitions and objections against the procedure\n"
            "(default: the built-in named by the timeline) and reports every violation.\n"
            "--calendar FILE adds calendar years to the built-in cn-2023-2026.\n"
            "Exit: 0 no violations, 1 violations found, 2 usage or input error.\n");
    return f == stdout ? 0 : 2;
}

/* Minimal text rendering of the report: one line per violation, then each applicant's stage. */
static void print_text(const char *path, const char *json, size_t nviol)
{
    printf("%s: %zu violation(s)\n", path, nviol);
    /* The report is our own pretty JSON: pick the "message" and "stage" lines. */
    const char *s = json;
    while ((s = strstr(s, "\"message\": \"")) != NULL) {
        s += 12;
        const char *e = s;
        while (*e && !(*e == '"' && e[-1] != '\\'))
            e++;
        printf("  - %.*s\n", (int)(e - s), s);
        s = e;
    }
}

int cmd_procedure(int argc, char **argv)
{
    char *files[PROC_MAX_FILES];
    int nfiles = 0, format = CLI_TEXT, i;
    const char *proc_file = NULL, *path = NULL;
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return usage(stdout);
        if (!strcmp(argv[i], "--calendar") && i + 1 < argc) {
            if (nfiles == PROC_MAX_FILES) {
                fprintf(stderr, "qaward procedure: at most %d --calendar files\n", PROC_MAX_FILES);
                return 2;
            }
            files[nfiles++] = argv[++i];
        } else if (!strcmp(argv[i], "--procedure") && i + 1 < argc) {
            proc_file = argv[++i];
        } else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            if ((format = cli_parse_format(argv[++i])) < 0) {
                fprintf(stderr, "qaward procedure: --format: expected json or text, got \"%s\"\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
            if (cli_parse_lang(argv[++i]) < 0) {
                fprintf(stderr, "qaward procedure: --lang: expected zh or en, got \"%s\"\n", argv[i]);
                return 2;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "qaward procedure: unknown option \"%s\"\n", argv[i]);
            return usage(stderr);
        } else if (!path) {
            path = argv[i];
        } else {
            return usage(stderr);
        }
    }
    if (!path)
        return usage(stderr);
    qaward_ctx *ctx = NULL;
    if (qaward_ctx_new(&ctx, NULL))
        return 2;
    qaward_procedure *p = NULL;
    qaward_calendar *cal = NULL;
    char *text = NULL, *report = NULL;
    size_t len, nviol = 0;
    int ret = 2, rc;
    if (proc_file) {
        char *pt = cli_read_file(proc_file, &len);
        if (!pt)
            goto out;
        rc = qaward_procedure_load_json(&p, ctx, pt, len);
        free(pt);
        if (rc) {
            ret = cli_fail("procedure", proc_file, ctx, rc);
            goto out;
        }
    }
    if (nfiles && (ret = cli_calendar_build(&cal, ctx, "procedure", 1, files, nfiles)) != 0)
        goto out;
    ret = 2;
    if (!(text = cli_read_file(path, &len)))
        goto out;
    rc = qaward_timeline_validate_json(&report, &nviol, ctx, p, cal, text, len);
    if (rc) {
        ret = cli_fail("procedure", path, ctx, rc);
        goto out;
    }
    if (format == CLI_JSON)
        cli_puts(report);
    else
        print_text(path, report, nviol);
    ret = nviol ? 1 : 0;
out:
    qaward_string_free(ctx, report);
    free(text);
    qaward_calendar_free(cal);
    qaward_procedure_free(p);
    qaward_ctx_free(ctx);
    return ret;
}

/* qaward procedure: validate a cycle's timeline against the review procedure
 * (Art. 13, 14; R15, R16) and report every violation. */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

#define PROC_MAX_FILES 16

static int usage(FILE *f)
{
    fprintf(f,
            "usage: qaward procedure [--procedure FILE] [--calendar FILE]... [--format json|text] [--lang zh|en]\n"
            "                        [--public-list NOTICE_KIND] TIMELINE.json\n"
            "Replays the timeline's notices, transitions and objections against the procedure\n"
            "(default: the built-in named by the timeline) and reports every violation.\n"
            "--calendar FILE adds calendar years to the built-in cn-2023-2026.\n"
            "--lang zh|en (default zh) sets the language of the text output: citations, stage\n"
            "  names, refusal letters (Art. 13(3)) and public lists. Violation messages are\n"
            "  English only (the library has no Chinese text for them). JSON output carries\n"
            "  both languages (citation.zh/en, refusals[].letter.zh/en), so --lang does not change it.\n"
            "--public-list NOTICE_KIND prints the public name list of that notice kind\n"
            "  (internal, county, acceptance, candidates, proposed, ...) instead of the report;\n"
            "  trade-secret fields are never shown (R19).\n"
            "Exit: 0 no violations (always 0 with --public-list), 1 violations found,\n"
            "2 usage or input error (unknown notice kind included).\n");
    return f == stdout ? 0 : 2;
}

int cmd_procedure(int argc, char **argv)
{
    char *files[PROC_MAX_FILES];
    int nfiles = 0, format = CLI_TEXT, lang = CLI_ZH, i;
    const char *proc_file = NULL, *path = NULL, *public_kind = NULL;
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return usage(stdout);
        if (!strcmp(argv[i], "--calendar") && i + 1 < argc) {
            if (nfiles == PROC_MAX_FILES) {
                fprintf(stderr, "qaward procedure: at most %d --calendar files\n", PROC_MAX_FILES);
                return 2;
            }
            files[nfiles++] = argv[++i];
        } else if (!strcmp(argv[i], "--public-list") && i + 1 < argc) {
            public_kind = argv[++i];
        } else if (!strcmp(argv[i], "--procedure") && i + 1 < argc) {
            proc_file = argv[++i];
        } else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            if ((format = cli_parse_format(argv[++i])) < 0) {
                fprintf(stderr, "qaward procedure: --format: expected json or text, got \"%s\"\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
            if ((lang = cli_parse_lang(argv[++i])) < 0) {
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
    qaward_timeline *t = NULL;
    char *text = NULL, *report = NULL, *out_text = NULL;
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
    rc = qaward_timeline_load_json(&t, format == CLI_JSON && !public_kind ? &report : NULL, &nviol, ctx, p, cal, text,
                                   len);
    if (rc) {
        ret = cli_fail("procedure", path, ctx, rc);
        goto out;
    }
    if (public_kind) {
        /* R19: the library's public lists leave out trade-secret fields */
        rc = format == CLI_JSON ? qaward_timeline_public_list_json(&out_text, t, ctx, public_kind)
                                : qaward_timeline_public_list_text(&out_text, t, ctx, public_kind, lang);
        if (rc) {
            ret = cli_fail("procedure", "--public-list", ctx, rc);
            goto out;
        }
        fputs(out_text, stdout);
        if (format == CLI_JSON)
            putchar('\n');
        ret = 0;
        goto out;
    }
    if (format == CLI_JSON) {
        cli_puts(report);
    } else {
        if ((rc = qaward_timeline_report_text(&out_text, t, ctx, lang))) {
            ret = cli_fail("procedure", path, ctx, rc);
            goto out;
        }
        printf("%s: %zu violation(s)\n%s", path, nviol, out_text);
    }
    ret = nviol ? 1 : 0;
out:
    qaward_string_free(ctx, out_text);
    qaward_string_free(ctx, report);
    qaward_timeline_free(t);
    free(text);
    qaward_calendar_free(cal);
    qaward_procedure_free(p);
    qaward_ctx_free(ctx);
    return ret;
}

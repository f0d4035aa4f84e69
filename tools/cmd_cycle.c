/* qaward cycle: run a whole award cycle from one document and print the report
 * (Art. 4, 5, 13, 15, 17; R8, R12, R13, R19). */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

static int usage_cycle(FILE *f)
{
    fprintf(f, "usage: qaward cycle [--format json|text] [--lang zh|en] [--public] [--finalise] cycle.json\n"
               "Ranks the candidates, fills the quotas (re-winners outside the count, ties reported,\n"
               "vacancies kept), applies the leading group's votes and prints the prize budget.\n"
               "  --public    the public version (no trade-secret-marked material, R19)\n"
               "  --finalise  also write the decisions into the document's in-memory store and\n"
               "              print the store afterwards (JSON) instead of the report\n");
    return f == stdout ? 0 : 2;
}

/* the report is streamed: a large cycle never sits in memory whole */
static int to_stdout(void *ud, const char *data, size_t len)
{
    (void)ud;
    return fwrite(data, 1, len, stdout) == len ? 0 : QAWARD_EUSER;
}

int cmd_cycle(int argc, char **argv)
{
    int format = CLI_TEXT, lang = CLI_ZH, pub = 0, fin = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        if (strcmp(o, "--help") == 0 || strcmp(o, "-h") == 0)
            return usage_cycle(stdout);
        if (strcmp(o, "--public") == 0) {
            pub = 1;
        } else if (strcmp(o, "--finalise") == 0 || strcmp(o, "--finalize") == 0) {
            fin = 1;
        } else if (strcmp(o, "--format") == 0 || strcmp(o, "--lang") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "qaward cycle: %s needs a value\n", o);
                return 2;
            }
            const char *v = argv[++i];
            int r = o[2] == 'f' ? cli_parse_format(v) : cli_parse_lang(v);
            if (r < 0) {
                fprintf(stderr, "qaward cycle: %s: bad value \"%s\"\n", o, v);
                return 2;
            }
            if (o[2] == 'f')
                format = r;
            else
                lang = r;
        } else if (o[0] == '-' && o[1]) {
            fprintf(stderr, "qaward cycle: unknown option %s\n", o);
            return usage_cycle(stderr);
        } else if (!path) {
            path = o;
        } else {
            fprintf(stderr, "qaward cycle: one document only (got %s and %s)\n", path, o);
            return 2;
        }
    }
    if (!path)
        return usage_cycle(stderr);
    size_t len;
    char *doc = cli_read_file(path, &len);
    if (!doc)
        return 2;
    qaward_ctx *ctx = NULL;
    if (qaward_ctx_new(&ctx, NULL)) {
        free(doc);
        fprintf(stderr, "qaward cycle: out of memory\n");
        return 2;
    }
    qaward_cycle *c = NULL;
    char *out = NULL;
    int rc = qaward_cycle_load_json(&c, ctx, doc, len);
    free(doc);
    if (rc) {
        rc = cli_fail("cycle", path, ctx, rc);
        goto done;
    }
    if ((rc = qaward_cycle_run(ctx, c, NULL))) {
        rc = cli_fail("cycle", path, ctx, rc);
        goto done;
    }
    if (fin) {
        if ((rc = qaward_cycle_finalise(ctx, c, NULL)) ||
            (rc = qaward_memstore_to_json(&out, qaward_cycle_memstore(c), ctx))) {
            rc = cli_fail("cycle", path, ctx, rc);
            goto done;
        }
    } else if ((rc = qaward_cycle_report_write(ctx, c, format == CLI_JSON ? QAWARD_REPORT_JSON : QAWARD_REPORT_TEXT,
                                               lang == CLI_ZH ? QAWARD_LANG_ZH : QAWARD_LANG_EN, pub, to_stdout,
                                               NULL))) {
        rc = cli_fail("cycle", path, ctx, rc);
        goto done;
    }
    if (out)
        fputs(out, stdout);
    if (format == CLI_JSON || fin)
        fputc('\n', stdout);
    rc = 0;
done:
    qaward_string_free(ctx, out);
    qaward_cycle_free(c);
    qaward_ctx_free(ctx);
    return rc;
}

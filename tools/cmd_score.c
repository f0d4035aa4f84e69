/* qaward score / qaward composite: GB/T 19580 scoring of assessors' sheets
 * (Art. 6, 13) and stage composites under review rules (R14). */
#include "cli.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct score_args {
    const char *scheme, *rules, *method;
    int min_assessors, spread;
    int format, lang;
    const char *files[64];
    int n_files;
} score_args;

static int usage_score(FILE *f)
{
    fprintf(f, "usage: qaward score [--scheme NAME|FILE] [--rules NAME|FILE] [--method mean|median|trimmed_mean|consensus]\n"
               "                    [--min-assessors N] [--spread PCT] [--format json|text] [--lang zh|en] sheets.json\n"
               "Scores every applicant and stage in a sheets document (items, categories, parts, total).\n"
               "The scheme defaults to the one the document names; --rules supplies the aggregation rules.\n");
    return f == stdout ? 0 : 2;
}

static int usage_composite(FILE *f)
{
    fprintf(f, "usage: qaward composite --rules NAME|FILE [--format json|text] [--lang zh|en] sheets.json...\n"
               "Scores each sheets document on the scheme it names and combines stage totals into\n"
               "composites under the review rules (weights, defence gate).\n");
    return f == stdout ? 0 : 2;
}

static int parse_args(score_args *a, int argc, char **argv, const char *cmd, int (*usage)(FILE *))
{
    memset(a, 0, sizeof *a);
    a->min_assessors = -1;
    a->spread = -1;
    a->lang = CLI_ZH;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(o, "--help") == 0 || strcmp(o, "-h") == 0)
            return usage(stdout) == 0 ? -1 : -2;
        if (o[0] == '-' && o[1] == '-') {
            if (!v) {
                fprintf(stderr, "qaward %s: %s needs a value\n", cmd, o);
                return -2;
            }
            i++;
            if (strcmp(o, "--scheme") == 0)
                a->scheme = v;
            else if (strcmp(o, "--rules") == 0)
                a->rules = v;
            else if (strcmp(o, "--method") == 0)
                a->method = v;
            else if (strcmp(o, "--min-assessors") == 0)
                a->min_assessors = atoi(v);
            else if (strcmp(o, "--spread") == 0)
                a->spread = atoi(v);
            else if (strcmp(o, "--format") == 0) {
                if ((a->format = cli_parse_format(v)) < 0) {
                    fprintf(stderr, "qaward %s: --format: \"%s\" is not json or text\n", cmd, v);
                    return -2;
                }
            } else if (strcmp(o, "--lang") == 0) {
                if ((a->lang = cli_parse_lang(v)) < 0) {
                    fprintf(stderr, "qaward %s: --lang: \"%s\" is not zh or en\n", cmd, v);
                    return -2;
                }
            } else {
                fprintf(stderr, "qaward %s: unknown option %s\n", cmd, o);
                return -2;
            }
        } else if (a->n_files < 64)
            a->files[a->n_files++] = o;
        else {
            fprintf(stderr, "qaward %s: too many files\n", cmd);
            return -2;
        }
    }
    if (!a->n_files) {
        usage(stderr);
        return -2;
    }
    return 0;
}

/* NAME|FILE: an existing file is loaded, anything else is a built-in name. */
static int load_scheme(qaward_scheme **out, qaward_ctx *ctx, const char *cmd, const char *v)
{
    int rc;
    if (access(v, R_OK) == 0) {
        size_t len;
        char *text = cli_read_file(v, &len);
        if (!text)
            return 2;
        rc = qaward_scheme_load_json(out, ctx, text, len);
        free(text);
    } else
        rc = qaward_scheme_builtin(out, ctx, v);
    return rc ? cli_fail(cmd, v, ctx, rc) : 0;
}

static int load_rules(qaward_review_rules **out, qaward_ctx *ctx, const char *cmd, const char *v)
{
    int rc;
    if (access(v, R_OK) == 0) {
        size_t len;
        char *text = cli_read_file(v, &len);
        if (!text)
            return 2;
        rc = qaward_review_rules_load_json(out, ctx, text, len);
        free(text);
    } else
        rc = qaward_review_rules_builtin(out, ctx, v);
    return rc ? cli_fail(cmd, v, ctx, rc) : 0;
}

/* One sheets file scored on its scheme (named by --scheme or by the document). */
static int score_file(qaward_scheme **scheme, qaward_sheets **sheets, qaward_scores **scores, qaward_ctx *ctx,
                      const char *cmd, const char *path, const char *scheme_opt, const qaward_score_options *opts)
{
    size_t len;
    char *text = cli_read_file(path, &len);
    if (!text)
        return 2;
    int rc = 0;
    if (scheme_opt)
        rc = load_scheme(scheme, ctx, cmd, scheme_opt);
    else {
        char *name = NULL;
        int r = qaward_sheets_scheme_name(&name, ctx, text, len);
        rc = r ? cli_fail(cmd, path, ctx, r) : load_scheme(scheme, ctx, cmd, name);
        qaward_string_free(ctx, name);
    }
    if (!rc) {
        int r = qaward_sheets_load_json(sheets, ctx, *scheme, text, len);
        if (!r)
            r = qaward_scores_compute(scores, ctx, *sheets, opts);
        if (r)
            rc = cli_fail(cmd, path, ctx, r);
    }
    free(text);
    return rc;
}

static int emit(int rc, qaward_ctx *ctx, const char *cmd, char *s)
{
    if (rc)
        return cli_fail(cmd, "output", ctx, rc);
    fputs(s, stdout);
    if (s[0] && s[strlen(s) - 1] != '\n')
        fputc('\n', stdout);
    qaward_string_free(ctx, s);
    return 0;
}

int cmd_score(int argc, char **argv)
{
    score_args a;
    int rc = parse_args(&a, argc, argv, "score", usage_score);
    if (rc)
        return rc == -1 ? 0 : 2;
    if (a.n_files != 1)
        return usage_score(stderr);
    qaward_ctx *ctx = NULL;
    if (qaward_ctx_new(&ctx, NULL))
        return 2;
    qaward_review_rules *rules = NULL;
    qaward_scheme *scheme = NULL;
    qaward_sheets *sheets = NULL;
    qaward_scores *scores = NULL;
    qaward_score_options opts;
    qaward_score_options_init(&opts, QAWARD_SCORE_OPTIONS_VERSION);
    if (a.rules && (rc = load_rules(&rules, ctx, "score", a.rules)) != 0)
        goto done;
    if (rules)
        qaward_score_options_from_rules(&opts, ctx, rules);
    if (a.method) {
        static const char *const names[] = {"mean", "median", "trimmed_mean", "consensus"};
        opts.aggregation = 0;
        for (int i = 0; i < 4; i++)
            if (strcmp(a.method, names[i]) == 0)
                opts.aggregation = i + 1;
        if (!opts.aggregation) {
            fprintf(stderr, "qaward score: --method: \"%s\" is not mean, median, trimmed_mean or consensus\n",
                    a.method);
            rc = 2;
            goto done;
        }
    }
    if (a.min_assessors >= 0)
        opts.min_assessors = (size_t)a.min_assessors;
    if (a.spread >= 0)
        opts.spread_threshold_pct = a.spread;
    rc = score_file(&scheme, &sheets, &scores, ctx, "score", a.files[0], a.scheme, &opts);
    if (rc)
        goto done;
    char *s = NULL;
    int r = a.format == CLI_TEXT ? qaward_scores_to_text(&s, ctx, scores, a.lang == CLI_EN ? "en" : "zh")
                                 : qaward_scores_to_json(&s, ctx, scores);
    rc = emit(r, ctx, "score", s);
done:
    qaward_scores_free(scores);
    qaward_sheets_free(sheets);
    qaward_scheme_free(scheme);
    qaward_review_rules_free(rules);
    qaward_ctx_free(ctx);
    return rc;
}

int cmd_composite(int argc, char **argv)
{
    score_args a;
    int rc = parse_args(&a, argc, argv, "composite", usage_composite);
    if (rc)
        return rc == -1 ? 0 : 2;
    if (!a.rules) {
        fprintf(stderr, "qaward composite: --rules is required (review rule weights are never guessed, R14)\n");
        return 2;
    }
    qaward_ctx *ctx = NULL;
    if (qaward_ctx_new(&ctx, NULL))
        return 2;
    qaward_review_rules *rules = NULL;
    qaward_scheme *schemes[64] = {0};
    qaward_sheets *sheets[64] = {0};
    qaward_scores *scores[64] = {0};
    qaward_composites *comp = NULL;
    qaward_score_options opts;
    qaward_score_options_init(&opts, QAWARD_SCORE_OPTIONS_VERSION);
    if ((rc = load_rules(&rules, ctx, "composite", a.rules)) != 0)
        goto done;
    qaward_score_options_from_rules(&opts, ctx, rules);
    for (int i = 0; i < a.n_files && !rc; i++)
        rc = score_file(&schemes[i], &sheets[i], &scores[i], ctx, "composite", a.files[i], a.scheme, &opts);
    if (rc)
        goto done;
    int r = qaward_composites_compute(&comp, ctx, rules, (size_t)a.n_files, (const qaward_scores *const *)scores);
    if (r) {
        rc = cli_fail("composite", a.rules, ctx, r);
        goto done;
    }
    char *s = NULL;
    r = a.format == CLI_TEXT ? qaward_composites_to_text(&s, ctx, comp, a.lang == CLI_EN ? "en" : "zh")
                             : qaward_composites_to_json(&s, ctx, comp);
    rc = emit(r, ctx, "composite", s);
done:
    qaward_composites_free(comp);
    for (int i = 0; i < a.n_files; i++) {
        qaward_scores_free(scores[i]);
        qaward_sheets_free(sheets[i]);
        qaward_scheme_free(schemes[i]);
    }
    qaward_review_rules_free(rules);
    qaward_ctx_free(ctx);
    return rc;
}

/* qaward check: eligibility verdicts for the subjects of a JSON file (Art. 10, 11; R5). */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

static int usage(FILE *f)
{
    fprintf(f, "usage: qaward check --policy NAME|FILE --as-of YYYY-MM-DD [--history FILE]\n"
               "                    [--format json|text] [--lang zh|en] [--brief] SUBJECTS.json\n"
               "  --policy   a built-in policy (jian-2023, lakeside-2024) or a policy JSON file\n"
               "  --as-of    the application date (R1)\n"
               "  --history  awards and sanctions JSON (docs/eligibility.md)\n"
               "  --brief    JSON: only status, earliest date and non-passing rules\n");
    return f == stdout ? 0 : 2;
}

static int load_policy(qaward_policy **p, qaward_ctx *ctx, const char *arg)
{
    int rc = qaward_policy_builtin(p, ctx, arg);
    if (rc != QAWARD_ENOTFOUND)
        return rc ? cli_fail("check", arg, ctx, rc) : 0;
    size_t len;
    char *text = cli_read_file(arg, &len);
    if (!text)
        return 2;
    rc = qaward_policy_load_json(p, ctx, text, len);
    free(text);
    return rc ? cli_fail("check", arg, ctx, rc) : 0;
}

int cmd_check(int argc, char **argv)
{
    const char *policy = NULL, *as_of_s = NULL, *history = NULL, *subjects = NULL;
    int format = CLI_JSON, lang = CLI_EN, brief = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
            return usage(stdout);
        else if (strcmp(a, "--policy") == 0 && has)
            policy = argv[++i];
        else if (strcmp(a, "--as-of") == 0 && has)
            as_of_s = argv[++i];
        else if (strcmp(a, "--history") == 0 && has)
            history = argv[++i];
        else if (strcmp(a, "--format") == 0 && has) {
            if ((format = cli_parse_format(argv[++i])) < 0) {
                fprintf(stderr, "qaward check: --format: \"%s\" is not json or text\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--lang") == 0 && has) {
            if ((lang = cli_parse_lang(argv[++i])) < 0) {
                fprintf(stderr, "qaward check: --lang: \"%s\" is not zh or en\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--brief") == 0)
            brief = 1;
        else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "qaward check: unknown option or missing value: %s\n", a);
            return usage(stderr);
        } else if (!subjects)
            subjects = a;
        else {
            fprintf(stderr, "qaward check: one subjects file only (got %s and %s)\n", subjects, a);
            return 2;
        }
    }
    if (!policy || !as_of_s || !subjects) {
        fprintf(stderr, "qaward check: --policy, --as-of and a subjects file are required\n");
        return usage(stderr);
    }
    qaward_ctx *ctx = NULL;
    if (qaward_ctx_new(&ctx, NULL)) {
        fprintf(stderr, "qaward check: out of memory\n");
        return 2;
    }
    qaward_policy *p = NULL;
    qaward_memstore *ms = NULL;
    qaward_subject_list *list = NULL;
    char *text = NULL, *out = NULL;
    size_t len = 0;
    int ret = 2, rc;
    qaward_date as_of;
    qaward_store store;
    if ((rc = qaward_date_parse(&as_of, ctx, as_of_s))) {
        ret = cli_fail("check", "--as-of", ctx, rc);
        goto done;
    }
    if ((ret = load_policy(&p, ctx, policy)))
        goto done;
    ret = 2;
    if ((rc = qaward_memstore_new(&ms, ctx)) || (rc = qaward_memstore_as_store(&store, ms))) {
        cli_fail("check", "store", ctx, rc);
        goto done;
    }
    if (history) {
        if (!(text = cli_read_file(history, &len)))
            goto done;
        if ((rc = qaward_memstore_load_json(ms, ctx, text, len))) {
            cli_fail("check", history, ctx, rc);
            goto done;
        }
        free(text);
        text = NULL;
    }
    if (!(text = cli_read_file(subjects, &len)))
        goto done;
    if (format == CLI_JSON) {
        rc = qaward_check_batch_json(&out, ctx, p, &store, as_of, text, len,
                                     QAWARD_BATCH_PRETTY | (brief ? QAWARD_BATCH_BRIEF : 0));
        if (rc) {
            cli_fail("check", subjects, ctx, rc);
            goto done;
        }
        cli_puts(out);
        qaward_string_free(ctx, out);
        out = NULL;
        ret = 0;
        goto done;
    }
    if ((rc = qaward_subject_list_load_json(&list, ctx, text, len))) {
        cli_fail("check", subjects, ctx, rc);
        goto done;
    }
    size_t counts[3] = {0, 0, 0};
    for (size_t i = 0; i < qaward_subject_list_count(list); i++) {
        qaward_verdict *v;
        if ((rc = qaward_check(&v, ctx, p, qaward_subject_list_get(list, i), &store, as_of))) {
            cli_fail("check", subjects, ctx, rc);
            goto done;
        }
        counts[qaward_verdict_status(v)]++;
        rc = qaward_verdict_to_text(&out, v, ctx, lang == CLI_ZH ? QAWARD_LANG_ZH : QAWARD_LANG_EN);
        qaward_verdict_free(v);
        if (rc) {
            cli_fail("check", "output", ctx, rc);
            goto done;
        }
        fputs(out, stdout);
        fputs("\n", stdout);
        qaward_string_free(ctx, out);
        out = NULL;
    }
    if (lang == CLI_ZH)
        printf("政策 %s，截至 %s：符合 %zu，不符合 %zu，材料不全 %zu\n", qaward_policy_id(p), as_of_s, counts[0],
               counts[1], counts[2]);
    else
        printf("policy %s as of %s: %zu eligible, %zu ineligible, %zu incomplete\n", qaward_policy_id(p), as_of_s,
               counts[0], counts[1], counts[2]);
    ret = 0;
done:
    free(text);
    qaward_subject_list_free(list);
    qaward_memstore_free(ms);
    qaward_policy_free(p);
    qaward_ctx_free(ctx);
    return ret;
}

/*
 * Scoring sheets (Art. 13): assessors' GB/T 19580 sheets -> item, category
 * and stage scores -> composites under the cycle's review rules (R14).
 *
 *   score_sheets SHEETS.json [REVIEW_RULES_NAME]
 *
 * Prints every applicant's composite. Exit 0 on success, 1 on a library error.
 */
#include <qaward.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s SHEETS.json [REVIEW_RULES]\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *json = slurp(argv[1], &len);
    if (!json) {
        perror(argv[1]);
        return 2;
    }
    qaward_ctx *ctx = NULL;
    qaward_scheme *scheme = NULL;
    qaward_review_rules *rules = NULL;
    qaward_sheets *sheets = NULL;
    qaward_scores *scores = NULL;
    qaward_composites *comps = NULL;
    char *text = NULL;
    qaward_score_options opts;
    int rc = qaward_ctx_new(&ctx, NULL);
    if (rc == 0)
        rc = qaward_scheme_builtin(&scheme, ctx, "gbt19580-2012");
    if (rc == 0)
        rc = qaward_review_rules_builtin(&rules, ctx, argc > 2 ? argv[2] : "jian-2025-example");
    if (rc == 0)
        rc = qaward_sheets_load_json(&sheets, ctx, scheme, json, len);
    if (rc == 0)
        rc = qaward_score_options_init(&opts, QAWARD_SCORE_OPTIONS_VERSION);
    if (rc == 0)
        rc = qaward_score_options_from_rules(&opts, ctx, rules);
    if (rc == 0)
        rc = qaward_scores_compute(&scores, ctx, sheets, &opts);
    if (rc == 0) {
        const qaward_scores *sets[1] = {scores};
        rc = qaward_composites_compute(&comps, ctx, rules, 1, sets);
    }
    for (size_t i = 0; rc == 0 && i < qaward_composites_count(comps); i++) {
        const char *who = NULL, *kind = NULL;
        int status = 0;
        int64_t c = 0;
        rc = qaward_composites_get(&who, &kind, &status, &c, ctx, comps, i);
        if (rc == 0)
            printf("%-10s %-13s %s %" PRId64 ".%02" PRId64 "\n", who, kind,
                   status == QAWARD_COMPOSITE_OK ? "composite" :
                   status == QAWARD_COMPOSITE_GATE_FAILED ? "gate failed" : "incomplete",
                   c / 100, c % 100);
    }
    if (rc == 0)
        rc = qaward_composites_to_text(&text, ctx, comps, "zh");
    if (rc == 0)
        fputs(text, stdout);
    if (rc != 0)
        fprintf(stderr, "error %d (%s): %s\n", rc, qaward_strerror(rc), qaward_ctx_message(ctx));
    qaward_string_free(ctx, text);
    qaward_composites_free(comps); /* free in reverse order: composites borrow scores, scores borrow sheets */
    qaward_scores_free(scores);
    qaward_sheets_free(sheets);
    qaward_review_rules_free(rules);
    qaward_scheme_free(scheme);
    qaward_ctx_free(ctx);
    free(json);
    return rc == 0 ? 0 : 1;
}

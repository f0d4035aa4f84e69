/* The C side of the peer benchmark (bench/peers/run.js): reads the applicants
 * that run.js generated (one line per applicant: "YYYY-MM-DD<TAB>subject JSON"),
 * loads them with qaward_subject_load_json(), then times
 *   - qaward_check() per applicant (a full verdict allocated and freed),
 *   - qaward_checker_fast() per applicant (no allocation),
 *   - qaward_check_batch_json() per as-of date (JSON in, JSON out),
 * and prints one JSON object of figures. With --statuses FILE it writes each
 * applicant's verdict status (0 eligible, 1 ineligible, 2 incomplete) as one
 * character per applicant, for the cross-engine agreement check.
 *
 * usage: peers_c POLICY APPLICANTS [--statuses FILE]
 *   POLICY: a policy JSON file, or the name of a built-in policy (jian-2023). */
#include <qaward.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *b = malloc(cap);
    for (;;) {
        if (n + 65536 > cap) {
            cap *= 2;
            b = realloc(b, cap);
        }
        size_t r = fread(b + n, 1, cap - n - 1, f);
        if (!r)
            break;
        n += r;
    }
    fclose(f);
    b[n] = 0;
    *len = n;
    return b;
}

static void die(qaward_ctx *ctx, const char *what, int rc)
{
    fprintf(stderr, "peers_c: %s: %s (%s)\n", what, qaward_strerror(rc), qaward_ctx_message(ctx));
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: peers_c POLICY APPLICANTS [--statuses FILE]\n");
        return 2;
    }
    const char *statuses_path = (argc >= 5 && !strcmp(argv[3], "--statuses")) ? argv[4] : NULL;
    qaward_ctx *ctx = NULL;
    int rc = qaward_ctx_new(&ctx, NULL);
    if (rc)
        return 1;

    qaward_policy *pol = NULL;
    size_t plen = 0;
    char *ptext = slurp(argv[1], &plen);
    rc = ptext ? qaward_policy_load_json(&pol, ctx, ptext, plen) : qaward_policy_builtin(&pol, ctx, argv[1]);
    free(ptext);
    if (rc)
        die(ctx, argv[1], rc);

    size_t alen = 0;
    char *all = slurp(argv[2], &alen);
    if (!all) {
        fprintf(stderr, "peers_c: cannot read %s\n", argv[2]);
        return 1;
    }
    size_t n = 0;
    for (size_t i = 0; i < alen; i++)
        n += all[i] == '\n';
    qaward_subject **subj = calloc(n, sizeof *subj);
    qaward_date *asof = calloc(n, sizeof *asof);
    const char **text = calloc(n, sizeof *text);
    size_t *tlen = calloc(n, sizeof *tlen);
    int *st1 = calloc(n, sizeof *st1), *st2 = calloc(n, sizeof *st2), *st3 = calloc(n, sizeof *st3);

    /* split lines: "date\tjson\n" */
    char *p = all;
    for (size_t i = 0; i < n; i++) {
        char *tab = strchr(p, '\t'), *nl = strchr(p, '\n');
        *tab = 0;
        *nl = 0;
        if ((rc = qaward_date_parse(&asof[i], ctx, p)))
            die(ctx, "as_of", rc);
        text[i] = tab + 1;
        tlen[i] = (size_t)(nl - tab - 1);
        p = nl + 1;
    }

    double t0 = now();
    for (size_t i = 0; i < n; i++)
        if ((rc = qaward_subject_load_json(&subj[i], ctx, text[i], tlen[i])))
            die(ctx, "subject", rc);
    double t_load = now() - t0;

    /* qaward_check: one verdict per call */
    t0 = now();
    for (size_t i = 0; i < n; i++) {
        qaward_verdict *v = NULL;
        if ((rc = qaward_check(&v, ctx, pol, subj[i], NULL, asof[i])))
            die(ctx, "qaward_check", rc);
        st1[i] = qaward_verdict_status(v);
        qaward_verdict_free(v);
    }
    double t_check = now() - t0;

    /* qaward_checker_fast */
    qaward_checker *ch = NULL;
    if ((rc = qaward_checker_new(&ch, ctx, pol, NULL)))
        die(ctx, "checker", rc);
    t0 = now();
    for (size_t i = 0; i < n; i++) {
        size_t nc = 0;
        if ((rc = qaward_checker_fast(&st2[i], NULL, NULL, NULL, 0, &nc, ch, subj[i], asof[i])))
            die(ctx, "qaward_checker_fast", rc);
    }
    double t_fast = now() - t0;
    qaward_checker_free(ch);

    /* qaward_check_batch_json: one document per as-of date (documents built untimed) */
    qaward_date dates[64];
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < nd && dates[k] != asof[i])
            k++;
        if (k == nd && nd < 64)
            dates[nd++] = asof[i];
    }
    double t_batch = 0;
    size_t batch_checked = 0;
    for (size_t k = 0; k < nd; k++) {
        size_t cap = 64, len = 0, cnt = 0;
        for (size_t i = 0; i < n; i++)
            if (asof[i] == dates[k])
                cap += tlen[i] + 1;
        char *doc = malloc(cap);
        doc[len++] = '[';
        size_t *idx = calloc(n, sizeof *idx);
        for (size_t i = 0; i < n; i++)
            if (asof[i] == dates[k]) {
                if (cnt)
                    doc[len++] = ',';
                memcpy(doc + len, text[i], tlen[i]);
                len += tlen[i];
                idx[cnt++] = i;
            }
        doc[len++] = ']';
        char *out = NULL;
        t0 = now();
        if ((rc = qaward_check_batch_json(&out, ctx, pol, NULL, dates[k], doc, len, QAWARD_BATCH_BRIEF)))
            die(ctx, "qaward_check_batch_json", rc);
        t_batch += now() - t0;
        /* statuses in document order: count "status" keys */
        size_t j = 0;
        for (const char *q = out; (q = strstr(q, "\"status\"")) != NULL && j < cnt; q += 8) {
            const char *v = strchr(q + 8, '"');
            st3[idx[j++]] = (v && v[1] == 'E') || (v && v[1] == 'e') ? 0 : (v && (v[1] == 'I' || v[1] == 'i') && (v[3] == 'E' || v[3] == 'e')) ? 1 : 2;
        }
        batch_checked += j;
        qaward_string_free(ctx, out);
        free(doc);
        free(idx);
    }

    size_t elig = 0, inel = 0, inc = 0, disagree = 0;
    for (size_t i = 0; i < n; i++) {
        elig += st1[i] == QAWARD_ELIGIBLE;
        inel += st1[i] == QAWARD_INELIGIBLE;
        inc += st1[i] == QAWARD_INCOMPLETE;
        disagree += st1[i] != st2[i] || st1[i] != st3[i];
    }
    if (statuses_path) {
        FILE *f = fopen(statuses_path, "wb");
        for (size_t i = 0; i < n; i++)
            fputc('0' + st1[i], f);
        fclose(f);
    }
    printf("{\"n\": %zu, \"eligible\": %zu, \"ineligible\": %zu, \"incomplete\": %zu, \"internal_disagreements\": %zu,"
           " \"batch_checked\": %zu, \"load_per_s\": %.0f, \"check_per_s\": %.0f, \"fast_per_s\": %.0f,"
           " \"batch_json_per_s\": %.0f}\n",
           n, elig, inel, inc, disagree, batch_checked, n / t_load, n / t_check, n / t_fast, n / t_batch);

    for (size_t i = 0; i < n; i++)
        qaward_subject_free(subj[i]);
    free(subj), free(asof), free(text), free(tlen), free(st1), free(st2), free(st3), free(all);
    qaward_policy_free(pol);
    qaward_ctx_free(ctx);
    return disagree ? 1 : 0;
}

/* A whole cycle from one JSON document (`qaward-cycle/1`, docs/cycle.md). */
#include "cycle_int.h"
#include "json.h"
#include "qaward/scoring.h"
#include <stdio.h>

/* Re-encode a parsed subtree (inline policy, review rules, history) so it can be
 * handed to that module's own loader. */
static int subdoc(qaward_ctx *ctx, const qj_value *v, char **out, size_t *len)
{
    qj_writer w;
    qw_init(&w, &ctx->alloc, 0);
    qw_value(&w, v);
    if (qw_finish(&w, out, len))
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    return 0;
}

static const char *const TOP_KEYS[] = {"format", "cycle", "policy", "review_rules", "history", "candidates", "sheets", NULL};
static const char *const CYCLE_KEYS[] = {"id", "title", "as_of", "decision_date", NULL};
static const char *const CAND_KEYS[] = {"id",    "name",  "kind",          "verdict", "reasons",      "composite",
                                        "stages", "defence_passed", "vote", "tie_decision", "scores_secret",
                                        "notes", "subject", NULL};
static const char *const REASON_KEYS[] = {"rule_id", "citation", "zh", "en", NULL};
static const char *const VOTE_KEYS[] = {"for", "against", "abstain", "present", "members", NULL};
static const char *const NOTE_KEYS[] = {"key", "value", "trade_secret", NULL};
static const char *const VERDICTS[] = {"eligible", "ineligible", "incomplete", NULL};

#define SCORE_MAX 100000000 /* hundredths: one million points, far above any scheme */

/* A candidate's facts: a subject object as `qaward check` reads it; id, kind and
 * name default to the candidate's and must agree with them when given. */
static int load_subject(qaward_ctx *ctx, qaward_cycle *c, size_t ix, const qj_value *v, const char *path,
                        const char *id, const char *name, const char *kind)
{
    char sp[300];
    snprintf(sp, sizeof sp, "%s.subject", path);
    int rc;
    if ((rc = qj_expect(ctx, v, QJ_OBJECT, sp)))
        return rc;
    static const char *const SAME[] = {"id", "kind"};
    const char *want[] = {id, kind};
    for (int i = 0; i < 2; i++) {
        const qj_value *f = qj_get(v, SAME[i]);
        if (f && (f->type != QJ_STRING || strcmp(f->str, want[i]) != 0))
            return qa_error(ctx, QAWARD_ESCHEMA, "%s.%s: expected \"%s\" (the candidate's %s) (line %u, column %u)", sp,
                            SAME[i], want[i], SAME[i], f->line, f->col);
    }
    qj_writer w;
    qw_init(&w, &ctx->alloc, 0);
    qw_obj_begin(&w);
    if (!qj_get(v, "id"))
        qw_kstr(&w, "id", id);
    if (!qj_get(v, "kind"))
        qw_kstr(&w, "kind", kind);
    if (!qj_get(v, "name") && name)
        qw_kstr(&w, "name", name);
    for (size_t i = 0; i < v->len; i++) {
        qw_key(&w, v->keys[i]);
        qw_value(&w, &v->items[i]);
    }
    qw_obj_end(&w);
    char *doc = NULL;
    size_t len = 0;
    if (qw_finish(&w, &doc, &len))
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    qaward_subject *s = NULL;
    rc = qaward_subject_load_json(&s, ctx, doc, len);
    qa_afree(&ctx->alloc, doc);
    if (rc)
        return qa_error_prefix(ctx, "%s (line %u, column %u)", sp, v->line, v->col);
    if ((rc = qaward_cycle_set_subject(ctx, c, ix, s))) {
        qaward_subject_free(s);
        return rc;
    }
    c->cands[ix].own_subject = s;
    return 0;
}

static int load_cand(qaward_ctx *ctx, qaward_cycle *c, const qj_value *o, const char *path)
{
    int rc;
    qj_path pp;
    if ((rc = qj_expect(ctx, o, QJ_OBJECT, path)) || (rc = qj_only_keys(ctx, o, path, CAND_KEYS)))
        return rc;
    const char *id, *name = NULL, *kind;
    if ((rc = qj_read_str(ctx, o, path, "id", 1, 1, &id)) || (rc = qj_read_str(ctx, o, path, "name", 0, 1, &name)) < 0 ||
        (rc = qj_read_str(ctx, o, path, "kind", 1, 1, &kind)))
        return rc < 0 ? rc : QAWARD_ESCHEMA;
    size_t ix;
    if ((rc = qaward_cycle_add_candidate(&ix, ctx, c, id, name, kind)))
        return qa_error_prefix(ctx, "%s", path);
    const qj_value *subj = qj_get(o, "subject"), *arr;
    if (subj) {
        /* facts: the verdict and reasons come from the checks (Art. 13(三)) */
        const qj_value *bad = qj_get(o, "verdict") ? qj_get(o, "verdict") : qj_get(o, "reasons");
        if (bad)
            return qa_error(ctx, QAWARD_ESCHEMA,
                            "%s: give either \"subject\" (facts to check) or \"verdict\"/\"reasons\", not both "
                            "(line %u, column %u)",
                            path, bad->line, bad->col);
        if ((rc = load_subject(ctx, c, ix, subj, path, id, name, kind)))
            return rc;
    } else {
        int verdict;
        if (!qj_get(o, "verdict"))
            return qa_error(ctx, QAWARD_ESCHEMA, "%s: needs \"verdict\" or \"subject\" (facts to check)", path);
        if ((rc = qj_read_enum(ctx, o, path, "verdict", 1, VERDICTS, &verdict)))
            return rc;
        qaward_cycle_set_verdict(ctx, c, ix, verdict + 1);
    }
    if ((rc = qj_read_array(ctx, o, path, "reasons", 0, &arr)) < 0)
        return rc;
    if (rc == 0) {
        for (size_t i = 0; i < arr->len; i++) {
            const qj_value *r = &arr->items[i];
            qj_path_index(&pp, path, i);
            char rp[300];
            snprintf(rp, sizeof rp, "%s.reasons[%zu]", path, i);
            const char *rid, *cit = NULL, *zh = NULL, *en = NULL;
            if ((rc = qj_expect(ctx, r, QJ_OBJECT, rp)) || (rc = qj_only_keys(ctx, r, rp, REASON_KEYS)) ||
                (rc = qj_read_str(ctx, r, rp, "rule_id", 1, 1, &rid)) ||
                (rc = qj_read_str(ctx, r, rp, "citation", 0, 0, &cit)) < 0 ||
                (rc = qj_read_str(ctx, r, rp, "zh", 0, 0, &zh)) < 0 ||
                (rc = qj_read_str(ctx, r, rp, "en", 0, 0, &en)) < 0)
                return rc;
            if ((rc = qaward_cycle_add_reason(ctx, c, ix, rid, cit, zh, en)))
                return rc;
        }
    }
    int64_t comp;
    if ((rc = qj_read_fixed2(ctx, o, path, "composite", 0, 0, SCORE_MAX, &comp)) < 0)
        return rc;
    if (rc == 0)
        qaward_cycle_set_composite(ctx, c, ix, comp);
    const qj_value *st;
    if ((rc = qj_read_object(ctx, o, path, "stages", 0, &st)) < 0)
        return rc;
    if (rc == 0) {
        char sp[300];
        snprintf(sp, sizeof sp, "%s.stages", path);
        for (size_t i = 0; i < st->len; i++) {
            int64_t t;
            if ((rc = qj_read_fixed2(ctx, st, sp, st->keys[i], 1, 0, SCORE_MAX, &t)))
                return rc;
            if ((rc = qaward_cycle_set_stage_total(ctx, c, ix, st->keys[i], t)))
                return rc;
        }
    }
    int b;
    if ((rc = qj_read_bool(ctx, o, path, "defence_passed", 0, &b)) < 0)
        return rc;
    if (rc == 0)
        qaward_cycle_set_defence(ctx, c, ix, b);
    if ((rc = qj_read_bool(ctx, o, path, "tie_decision", 0, &b)) < 0)
        return rc;
    if (rc == 0)
        qaward_cycle_decide_tie(ctx, c, ix, b);
    if ((rc = qj_read_bool(ctx, o, path, "scores_secret", 0, &b)) < 0)
        return rc;
    if (rc == 0)
        qaward_cycle_set_scores_secret(ctx, c, ix, b);
    const qj_value *v;
    if ((rc = qj_read_object(ctx, o, path, "vote", 0, &v)) < 0)
        return rc;
    if (rc == 0) {
        char vp[300];
        snprintf(vp, sizeof vp, "%s.vote", path);
        int64_t f, a, ab, pr, mem;
        if ((rc = qj_only_keys(ctx, v, vp, VOTE_KEYS)) || (rc = qj_read_int(ctx, v, vp, "for", 1, 0, 100000, &f)) ||
            (rc = qj_read_int(ctx, v, vp, "against", 1, 0, 100000, &a)) ||
            (rc = qj_read_int(ctx, v, vp, "abstain", 1, 0, 100000, &ab)) ||
            (rc = qj_read_int(ctx, v, vp, "present", 1, 0, 100000, &pr)) ||
            (rc = qj_read_int(ctx, v, vp, "members", 1, 1, 100000, &mem)))
            return rc;
        if ((rc = qaward_cycle_set_vote(ctx, c, ix, (int32_t)f, (int32_t)a, (int32_t)ab, (int32_t)pr, (int32_t)mem)))
            return qa_error_prefix(ctx, "%s", vp);
    }
    if ((rc = qj_read_array(ctx, o, path, "notes", 0, &arr)) < 0)
        return rc;
    if (rc == 0) {
        for (size_t i = 0; i < arr->len; i++) {
            const qj_value *n = &arr->items[i];
            char np[300];
            snprintf(np, sizeof np, "%s.notes[%zu]", path, i);
            const char *key, *val;
            int sec = 0;
            if ((rc = qj_expect(ctx, n, QJ_OBJECT, np)) || (rc = qj_only_keys(ctx, n, np, NOTE_KEYS)) ||
                (rc = qj_read_str(ctx, n, np, "key", 1, 1, &key)) || (rc = qj_read_str(ctx, n, np, "value", 1, 0, &val)) ||
                (rc = qj_read_bool(ctx, n, np, "trade_secret", 0, &sec)) < 0)
                return rc;
            if ((rc = qaward_cycle_add_note(ctx, c, ix, key, val, sec)))
                return rc;
        }
    }
    return 0;
}

/* Assessors' sheets (qaward-sheets/1 documents, one per scheme) scored with the
 * review rules' aggregation; each applicant's stage totals go to its candidate
 * (Art. 13(四)–(六)). */
static int load_sheets(qaward_ctx *ctx, qaward_cycle *c, const qj_value *arr)
{
    int rc = 0;
    if (!c->rules)
        return qa_error(ctx, QAWARD_ENORULE, "$.sheets: scoring sheets needs review rules ($.review_rules)");
    size_t n = arr->len;
    qaward_scheme **schemes = qa_calloc(ctx, n ? n : 1, sizeof *schemes);
    qaward_sheets **sheets = qa_calloc(ctx, n ? n : 1, sizeof *sheets);
    qaward_scores **scores = qa_calloc(ctx, n ? n : 1, sizeof *scores);
    qaward_composites *comp = NULL;
    char *sub = NULL;
    size_t sublen;
    if (!schemes || !sheets || !scores) {
        rc = QAWARD_ENOMEM;
        goto out;
    }
    qaward_score_options opts;
    qaward_score_options_init(&opts, QAWARD_SCORE_OPTIONS_VERSION);
    if ((rc = qaward_score_options_from_rules(&opts, ctx, c->rules)))
        goto out;
    for (size_t i = 0; i < n; i++) {
        qj_path p;
        qj_path_index(&p, "$.sheets", i);
        const qj_value *d = &arr->items[i];
        const char *scheme;
        if ((rc = qj_expect(ctx, d, QJ_OBJECT, p.s)) || (rc = qj_read_str(ctx, d, p.s, "scheme", 1, 1, &scheme)))
            goto out;
        if ((rc = qaward_scheme_builtin(&schemes[i], ctx, scheme)) || (rc = subdoc(ctx, d, &sub, &sublen)))
            goto prefix;
        rc = qaward_sheets_load_json(&sheets[i], ctx, schemes[i], sub, sublen);
        qa_afree(&ctx->alloc, sub);
        sub = NULL;
        if (rc || (rc = qaward_scores_compute(&scores[i], ctx, sheets[i], &opts)))
            goto prefix;
        continue;
    prefix:
        qa_error_prefix(ctx, "%s", p.s);
        goto out;
    }
    if ((rc = qaward_composites_compute(&comp, ctx, c->rules, n, (const qaward_scores *const *)scores))) {
        qa_error_prefix(ctx, "$.sheets");
        goto out;
    }
    for (size_t a = 0; a < qaward_composites_count(comp); a++) {
        const char *app = NULL, *kind = NULL;
        qaward_composites_get(&app, &kind, NULL, NULL, ctx, comp, a);
        int64_t ix = qaward_cycle_candidate_find(c, app);
        if (ix < 0) {
            rc = qa_error(ctx, QAWARD_ENOTFOUND, "$.sheets: applicant %s is not a candidate", app);
            goto out;
        }
        size_t ns = 0;
        if ((rc = qaward_review_rules_stage_count(&ns, ctx, c->rules, kind)))
            goto out;
        for (size_t s = 0; s < ns; s++) {
            const char *stage;
            int64_t t;
            if ((rc = qaward_review_rules_stage_at(&stage, ctx, c->rules, kind, s)))
                goto out;
            if (qaward_composites_stage_total(&t, ctx, comp, a, stage) != 0)
                continue; /* no scores at that stage (e.g. no site review after a failed defence) */
            if ((rc = qaward_cycle_set_stage_total(ctx, c, (size_t)ix, stage, t)))
                goto out;
        }
    }
    rc = 0;
out:
    qaward_composites_free(comp);
    for (size_t i = 0; scores && i < n; i++)
        qaward_scores_free(scores[i]);
    for (size_t i = 0; sheets && i < n; i++)
        qaward_sheets_free(sheets[i]);
    for (size_t i = 0; schemes && i < n; i++)
        qaward_scheme_free(schemes[i]);
    qa_free(ctx, scores);
    qa_free(ctx, sheets);
    qa_free(ctx, schemes);
    return rc;
}

static int build_cycle(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *arg)
{
    qaward_policy *pol = NULL;
    qaward_review_rules *rules = NULL;
    qaward_memstore *ms = NULL;
    qaward_cycle *c = NULL;
    char *sub = NULL;
    size_t sublen = 0;
    qj_iter it;
    memset(&it, 0, sizeof it);
    int rc;
    QA_UNUSED(arg);
    const qj_value *root = qj_root(doc), *v, *cy;
    const char *fmt, *cid, *s;
    qaward_date decision, as_of = QAWARD_DATE_NONE;
    if ((rc = qj_expect(ctx, root, QJ_OBJECT, "$")) || (rc = qj_only_keys(ctx, root, "$", TOP_KEYS)) ||
        (rc = qj_read_str(ctx, root, "$", "format", 1, 1, &fmt)))
        goto fail;
    if (strcmp(fmt, "qaward-cycle/1") != 0) {
        v = qj_get(root, "format");
        rc = qa_error(ctx, QAWARD_ESCHEMA, "$.format: expected \"qaward-cycle/1\", got \"%s\" (line %u, column %u)", fmt,
                      v->line, v->col);
        goto fail;
    }
    if ((rc = qj_read_object(ctx, root, "$", "cycle", 1, &cy)) || (rc = qj_only_keys(ctx, cy, "$.cycle", CYCLE_KEYS)) ||
        (rc = qj_read_str(ctx, cy, "$.cycle", "id", 1, 1, &cid)) ||
        (rc = qj_read_date(ctx, cy, "$.cycle", "decision_date", 1, &decision)) ||
        (rc = qj_read_date(ctx, cy, "$.cycle", "as_of", 0, &as_of)) < 0)
        goto fail;
    /* policy: a built-in name or an inline document */
    v = qj_get(root, "policy");
    if (!v) {
        rc = qa_error(ctx, QAWARD_ESCHEMA, "$.policy: missing (a built-in name or an inline policy)");
        goto fail;
    }
    if (v->type == QJ_STRING)
        rc = qaward_policy_builtin(&pol, ctx, v->str);
    else if (v->type == QJ_OBJECT) {
        if (!(rc = subdoc(ctx, v, &sub, &sublen)))
            rc = qaward_policy_load_json(&pol, ctx, sub, sublen);
        qa_afree(&ctx->alloc, sub);
        sub = NULL;
    } else
        rc = qa_error(ctx, QAWARD_ESCHEMA, "$.policy: expected a name or an object (line %u, column %u)", v->line, v->col);
    if (rc) {
        qa_error_prefix(ctx, "$.policy");
        goto fail;
    }
    v = qj_get(root, "review_rules");
    if (v) {
        if (v->type == QJ_STRING)
            rc = qaward_review_rules_builtin(&rules, ctx, v->str);
        else if (v->type == QJ_OBJECT) {
            if (!(rc = subdoc(ctx, v, &sub, &sublen)))
                rc = qaward_review_rules_load_json(&rules, ctx, sub, sublen);
            qa_afree(&ctx->alloc, sub);
            sub = NULL;
        } else
            rc = qa_error(ctx, QAWARD_ESCHEMA, "$.review_rules: expected a name or an object (line %u, column %u)",
                          v->line, v->col);
        if (rc) {
            qa_error_prefix(ctx, "$.review_rules");
            goto fail;
        }
    }
    if ((rc = qaward_memstore_new(&ms, ctx)))
        goto fail;
    v = qj_get(root, "history");
    if (v) {
        if (!(rc = subdoc(ctx, v, &sub, &sublen)))
            rc = qaward_memstore_load_json(ms, ctx, sub, sublen);
        qa_afree(&ctx->alloc, sub);
        sub = NULL;
        if (rc) {
            qa_error_prefix(ctx, "$.history");
            goto fail;
        }
    }
    if ((rc = qaward_cycle_new(&c, ctx, pol, rules, cid, decision)))
        goto fail;
    *obj = c;
    c->own_policy = pol;
    c->own_rules = rules;
    c->own_store = ms;
    pol = NULL;
    rules = NULL;
    ms = NULL;
    c->as_of = as_of;
    const qj_value *title;
    if ((rc = qj_read_object(ctx, cy, "$.cycle", "title", 0, &title)) < 0)
        goto fail;
    if (rc == 0) {
        const char *zh = NULL, *en = NULL;
        if ((rc = qj_read_str(ctx, title, "$.cycle.title", "zh", 0, 0, &zh)) < 0 ||
            (rc = qj_read_str(ctx, title, "$.cycle.title", "en", 0, 0, &en)) < 0)
            goto fail;
        if ((zh && !(c->title_zh = qa_strdup(ctx, zh))) || (en && !(c->title_en = qa_strdup(ctx, en)))) {
            rc = QAWARD_ENOMEM;
            goto fail;
        }
    }
    const qj_value *cands;
    if ((rc = qj_read_array(ctx, root, "$", "candidates", 1, &cands)))
        goto fail;
    if (cands->len && qa_grow(ctx, (void **)&c->cands, &c->cap_cands, cands->len, sizeof *c->cands)) {
        rc = QAWARD_ENOMEM;
        goto fail;
    }
    if ((rc = qj_iter_init(&it, ctx, doc, cands)))
        goto fail;
    const qj_value *cand;
    for (size_t i = 0; (rc = qj_iter_next(&it, &cand)) == 1; i++) {
        qj_path p;
        qj_path_index(&p, "$.candidates", i);
        if ((rc = load_cand(ctx, c, cand, p.s)))
            goto fail;
    }
    if (rc < 0)
        goto fail;
    qj_iter_free(&it);
    QA_UNUSED(s);
    const qj_value *sh;
    if ((rc = qj_read_array(ctx, root, "$", "sheets", 0, &sh)) < 0)
        goto fail;
    if (rc == 0 && (rc = load_sheets(ctx, c, sh)))
        goto fail;
    return QAWARD_OK;
fail:
    if (rc > 0)
        rc = ctx->status ? ctx->status : QAWARD_ESCHEMA;
    qj_iter_free(&it);
    qaward_memstore_free(ms);
    qaward_review_rules_free(rules);
    qaward_policy_free(pol);
    return rc;
}

static void release_cycle(void *c) { qaward_cycle_free(c); }

/* candidates are read one at a time: a 100,000-candidate document never
 * exists as a tree (issue 4: peak memory <= 3x the input) */
static const char *const lazy_candidates[] = {"candidates", NULL};
static const qj_loader cycle_loader = {"cycle", lazy_candidates, 0, 0, build_cycle, release_cycle, NULL};

int qaward_cycle_load_json(qaward_cycle **out, qaward_ctx *ctx, const char *json, size_t len)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_load_json: NULL argument");
    void *c;
    int rc = qj_load(&c, ctx, json, len, &cycle_loader, NULL);
    *out = c;
    return rc;
}

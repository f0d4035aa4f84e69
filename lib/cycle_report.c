/* The cycle report: JSON and readable text (zh/en), reviewers' and public
 * versions (Art. 13(三)(七), 15, 17; R8, R12, R13, R19). */
#include "cycle_int.h"
#include "json.h"
#include <inttypes.h>
#include <stdio.h>

static const char *txt(qa_text t, int lang)
{
    const char *s = lang == QAWARD_LANG_ZH ? (t.zh ? t.zh : t.en) : (t.en ? t.en : t.zh);
    return s ? s : "";
}

static const char *outcome_id(int o)
{
    static const char *const ids[] = {"none", "awarded", "rewin", "tie", "vote_failed", "quota_full",
                                      "below_min", "gate_failed", "refused", "incomplete", "not_scored"};
    return o >= 0 && o < (int)QA_ARRAY_LEN(ids) ? ids[o] : "none";
}

static const char *vote_id(int v)
{
    static const char *const ids[] = {"none", "passed", "failed", "no_quorum"};
    return v >= 0 && v < (int)QA_ARRAY_LEN(ids) ? ids[v] : "none";
}

/* Money in fen as "1,234,567.89" (R13: integers only). */
static void fmt_money(char *buf, size_t n, int64_t fen)
{
    char digits[32];
    int neg = fen < 0;
    uint64_t v = neg ? (uint64_t)(-(fen + 1)) + 1 : (uint64_t)fen;
    snprintf(digits, sizeof digits, "%" PRIu64, v / 100);
    size_t len = strlen(digits), o = 0;
    char out[48];
    if (neg)
        out[o++] = '-';
    for (size_t i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = 0;
    snprintf(buf, n, "%s.%02u", out, (unsigned)(v % 100));
}

static void fmt_score(char *buf, size_t n, int64_t h)
{
    snprintf(buf, n, "%s%" PRId64 ".%02" PRId64, h < 0 ? "-" : "", (h < 0 ? -h : h) / 100, (h < 0 ? -h : h) % 100);
}

/* ---- JSON ------------------------------------------------------------------------ */

static void j_text(qj_writer *w, const char *key, qa_text t)
{
    qw_key(w, key);
    qw_obj_begin(w);
    qw_kstr(w, "zh", t.zh);
    qw_kstr(w, "en", t.en);
    qw_obj_end(w);
}

static void j_cand_head(qj_writer *w, const qaward_cycle *c, const cy_cand *k)
{
    qw_kstr(w, "subject_id", k->id);
    qw_kstr(w, "name", k->name ? k->name : k->id);
    qw_kstr(w, "kind", c->policy->kinds[k->kind].id);
}

static void j_scores(qj_writer *w, const cy_cand *k, int pub)
{
    if (k->has_score)
        qw_kfixed2(w, "composite", k->composite);
    if (k->n_stages && !(pub && k->scores_secret)) {
        qw_key(w, "stages");
        qw_obj_begin(w);
        for (size_t j = 0; j < k->n_stages; j++)
            qw_kfixed2(w, k->stages[j].id, k->stages[j].total);
        qw_obj_end(w);
    }
}

static void j_notes(qj_writer *w, const cy_cand *k, int pub)
{
    size_t shown = 0;
    for (size_t j = 0; j < k->n_notes; j++)
        shown += !(pub && k->notes[j].secret);
    if (!shown)
        return;
    qw_key(w, "notes");
    qw_arr_begin(w);
    for (size_t j = 0; j < k->n_notes; j++) {
        if (pub && k->notes[j].secret)
            continue; /* R19: never in anything meant for publication */
        qw_obj_begin(w);
        qw_kstr(w, "key", k->notes[j].key);
        qw_kstr(w, "value", k->notes[j].value);
        if (k->notes[j].secret)
            qw_kbool(w, "trade_secret", 1);
        qw_obj_end(w);
    }
    qw_arr_end(w);
}

static void j_vote(qj_writer *w, const cy_cand *k)
{
    if (!k->has_vote)
        return;
    qw_key(w, "vote");
    qw_obj_begin(w);
    qw_kint(w, "for", k->v_for);
    qw_kint(w, "against", k->v_against);
    qw_kint(w, "abstain", k->v_abstain);
    qw_kint(w, "present", k->v_present);
    qw_kint(w, "members", k->v_members);
    qw_kstr(w, "result", vote_id(k->vote));
    qw_obj_end(w);
}

static int report_json(char **out, qaward_ctx *ctx, const qaward_cycle *c, int pub, qaward_write_fn sink, void *ud)
{
    const qaward_policy *p = c->policy;
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    if (sink)
        qw_set_sink(&w, sink, ud);
    qw_obj_begin(&w);
    qw_kstr(&w, "format", "qaward-cycle-report/1");
    qw_kstr(&w, "version", pub ? "public" : "reviewers");
    qw_key(&w, "cycle");
    qw_obj_begin(&w);
    qw_kstr(&w, "id", c->id);
    if (c->title_zh || c->title_en) {
        qw_key(&w, "title");
        qw_obj_begin(&w);
        qw_kstr(&w, "zh", c->title_zh);
        qw_kstr(&w, "en", c->title_en);
        qw_obj_end(&w);
    }
    qw_kdate(&w, "decision_date", c->decision_date);
    if (c->as_of != QAWARD_DATE_NONE)
        qw_kdate(&w, "as_of", c->as_of);
    qw_kstr(&w, "policy", p->id);
    j_text(&w, "policy_name", p->name);
    qw_kbool(&w, "fictional", p->fictional);
    qw_kstr(&w, "review_rules", c->rules ? qaward_review_rules_id(c->rules) : NULL);
    qw_kbool(&w, "review_rules_example", c->rules ? qaward_review_rules_is_example(c->rules) : 0);
    qw_obj_end(&w);

    qw_key(&w, "buckets");
    qw_arr_begin(&w);
    for (size_t b = 0; b < c->n_buckets; b++) {
        const cy_bucket *bk = &c->buckets[b];
        const qa_quota *q = &p->quotas[bk->quota];
        qw_obj_begin(&w);
        qw_kstr(&w, "level", p->levels[bk->level].id);
        j_text(&w, "level_name", p->levels[bk->level].name);
        qw_key(&w, "kinds");
        qw_arr_begin(&w);
        for (size_t j = 0; j < q->n_kinds; j++)
            qw_str(&w, p->kinds[q->kinds[j]].id);
        qw_arr_end(&w);
        qw_kbool(&w, "pooled", q->n_kinds > 1);
        qw_kint(&w, "quota", bk->max);
        qw_kint(&w, "placed", bk->placed);
        qw_kint(&w, "re_winners", bk->rewinners);
        qw_kint(&w, "vacant", bk->vacant);
        qw_kint(&w, "tied_places", bk->tied);
        qw_kint(&w, "vote_failed", bk->vote_failed);
        qw_kint(&w, "prize_total_fen", bk->prize_total);
        qw_key(&w, "entries");
        qw_arr_begin(&w);
        for (size_t j = 0; j < bk->n_members; j++) {
            const cy_cand *k = &c->cands[bk->members[j]];
            qw_obj_begin(&w);
            qw_kint(&w, "rank", k->rank);
            j_cand_head(&w, c, k);
            qw_kstr(&w, "outcome", outcome_id(k->outcome));
            qw_kbool(&w, "re_win", k->outcome == QAWARD_OUTCOME_REWIN);
            if (k->outcome == QAWARD_OUTCOME_REWIN)
                qw_kdate(&w, "earlier_award_date", k->prior[k->level]);
            j_scores(&w, k, pub);
            qw_kint(&w, "prize_fen", k->prize);
            j_vote(&w, k);
            j_notes(&w, k, pub);
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
        if (bk->tied) {
            qw_key(&w, "tie");
            qw_obj_begin(&w);
            qw_kint(&w, "places", bk->tied);
            qw_key(&w, "candidates");
            qw_arr_begin(&w);
            for (size_t j = 0; j < bk->n_members; j++)
                if (c->cands[bk->members[j]].outcome == QAWARD_OUTCOME_TIE)
                    qw_str(&w, c->cands[bk->members[j]].id);
            qw_arr_end(&w);
            qw_kstr(&w, "rule", "R12");
            qw_obj_end(&w);
        }
        if (bk->n_traces) {
            qw_key(&w, "tie_breaks");
            qw_arr_begin(&w);
            for (size_t j = 0; j < bk->n_traces; j++) {
                const cy_trace *t = &bk->traces[j];
                const char *stage = NULL;
                qaward_review_rules_tie_break_at(&stage, NULL, c->rules, t->stage);
                qw_obj_begin(&w);
                qw_kstr(&w, "above", c->cands[t->above].id);
                qw_kstr(&w, "below", c->cands[t->below].id);
                qw_kstr(&w, "stage", stage);
                if (!pub || (!c->cands[t->above].scores_secret && !c->cands[t->below].scores_secret)) {
                    qw_kfixed2(&w, "above_total", t->above_total);
                    qw_kfixed2(&w, "below_total", t->below_total);
                }
                qw_obj_end(&w);
            }
            qw_arr_end(&w);
        }
        qw_obj_end(&w);
    }
    qw_arr_end(&w);

    qw_key(&w, "not_placed");
    qw_arr_begin(&w);
    for (size_t i = 0; i < c->n_cands; i++) {
        const cy_cand *k = &c->cands[i];
        if (k->outcome != QAWARD_OUTCOME_QUOTA_FULL && k->outcome != QAWARD_OUTCOME_BELOW_MIN &&
            k->outcome != QAWARD_OUTCOME_GATE_FAILED && k->outcome != QAWARD_OUTCOME_NOT_SCORED)
            continue;
        qw_obj_begin(&w);
        j_cand_head(&w, c, k);
        qw_kstr(&w, "outcome", outcome_id(k->outcome));
        j_scores(&w, k, pub);
        qw_obj_end(&w);
    }
    qw_arr_end(&w);

    qw_key(&w, "refused");
    qw_arr_begin(&w);
    for (size_t i = 0; i < c->n_cands; i++) {
        const cy_cand *k = &c->cands[i];
        if (k->outcome != QAWARD_OUTCOME_REFUSED && k->outcome != QAWARD_OUTCOME_INCOMPLETE)
            continue;
        qw_obj_begin(&w);
        j_cand_head(&w, c, k);
        qw_kstr(&w, "outcome", outcome_id(k->outcome));
        qw_key(&w, "reasons");
        qw_arr_begin(&w);
        for (size_t j = 0; j < k->n_reasons; j++) {
            qw_obj_begin(&w);
            qw_kstr(&w, "rule_id", k->reasons[j].rule_id);
            qw_kstr(&w, "citation", k->reasons[j].citation);
            if (k->reasons[j].citation_en)
                qw_kstr(&w, "citation_en", k->reasons[j].citation_en);
            if (k->reasons[j].unknown)
                qw_kstr(&w, "outcome", "unknown"); /* R5: a fact is missing */
            qw_kstr(&w, "zh", k->reasons[j].zh);
            qw_kstr(&w, "en", k->reasons[j].en);
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
        qw_obj_end(&w);
    }
    qw_arr_end(&w);

    qw_key(&w, "budget");
    qw_obj_begin(&w);
    qw_kint(&w, "total_fen", c->prize_total);
    j_text(&w, "citation", p->prize_citation);
    qw_obj_end(&w);
    qw_obj_end(&w);
    int rc = qw_finish(&w, out, NULL);
    if (rc)
        return rc == QAWARD_ENOMEM ? qa_error(ctx, rc, "cycle report: out of memory")
                                   : qa_error(ctx, rc, "cycle report: the output sink failed (%d)", rc);
    return 0;
}

/* ---- text ---------------------------------------------------------------------- */

typedef struct words {
    const char *version_rev, *version_pub, *decision, *policy, *rules, *example, *fictional, *quota, *placed,
        *vacant, *tied, *rewin, *composite, *prize, *vote, *tie_line, *tie_break, *budget, *bucket_total,
        *not_placed, *refused, *incomplete, *none, *stages, *secret, *earlier, *currency, *vote_failed, *awarded,
        *pooled;
    const char *outcomes[11];
    const char *votes[4];
} words;

static const words EN = {
    "Reviewers' version: contains material marked as trade secrets (R19); not for publication.",
    "Public version (material marked as trade secrets omitted, R19).",
    "decision date",
    "Policy",
    "review rules",
    " (example values)",
    " [FICTIONAL policy, an example]",
    "quota",
    "placed",
    "vacant",
    "tied",
    "re-winner (R8; earlier award",
    "composite",
    "prize",
    "vote",
    "Tie at the last place (R12): %d place(s) for the leading group to decide among:",
    "Tie-break (review rules): %s above %s on stage \"%s\" (%s vs %s)",
    "Prize budget (Art. 17)",
    "bucket total",
    "Not placed",
    "Refused at the qualification check, with written reasons (Art. 13(3))",
    "Not accepted: facts missing (R5)",
    "none",
    "stages",
    "trade secret",
    "earlier award",
    "CNY",
    "vote failed: place left vacant",
    "awarded",
    "pooled",
    {"", "awarded", "re-winner", "tie", "vote failed", "quota full", "below the minimum composite",
     "failed the defence gate", "refused", "incomplete", "not scored"},
    {"no vote recorded", "passed", "failed", "no quorum"},
};

static const words ZH = {
    "评审版：含申报方注明的商业秘密材料（R19），不得公开。",
    "公开版（已略去注明为商业秘密的材料，R19）。",
    "决定日期",
    "政策",
    "评审规则",
    "（示例数值）",
    "【虚构政策，仅为示例】",
    "名额",
    "获奖",
    "空缺",
    "并列",
    "再次获奖（R8；前次获奖",
    "综合得分",
    "奖金",
    "投票",
    "末位并列（R12）：%d 个名额由领导小组在以下候选中研究决定：",
    "并列处理（评审规则）：%s 排在 %s 之前，依据“%s”阶段得分（%s 对 %s）",
    "奖励资金预算（第十七条）",
    "本类合计",
    "未获奖",
    "资格审核未通过，书面说明理由（第十三条（三））",
    "未受理：事实材料不全（R5）",
    "无",
    "各阶段",
    "商业秘密",
    "前次获奖",
    "元",
    "投票未通过：名额空缺",
    "获奖",
    "合并名额",
    {"", "获奖", "再次获奖", "并列", "投票未通过", "名额已满", "综合得分未达最低分", "陈述答辩未通过",
     "不予受理", "材料不全", "未评分"},
    {"未投票", "通过", "未通过", "未达法定人数"},
};

static void t_cand(qa_buf *b, const qaward_cycle *c, const cy_cand *k, const words *W, int pub, int lang)
{
    char s[32], m[48];
    if (k->rank)
        qa_buf_printf(b, "  %3" PRId64 ". ", k->rank);
    else
        qa_buf_puts(b, "       ");
    qa_buf_printf(b, "%s (%s)", k->name ? k->name : k->id, k->id);
    if (k->has_score) {
        fmt_score(s, sizeof s, k->composite);
        qa_buf_printf(b, lang == QAWARD_LANG_ZH ? "  %s %s" : "  %s %s", W->composite, s);
    }
    if (k->outcome == QAWARD_OUTCOME_AWARDED || k->outcome == QAWARD_OUTCOME_REWIN) {
        fmt_money(m, sizeof m, k->prize);
        qa_buf_printf(b, "  %s %s %s", W->prize, m, W->currency);
    }
    qa_buf_puts(b, "\n");
    if (k->n_stages && !(pub && k->scores_secret)) {
        qa_buf_printf(b, "         %s:", W->stages);
        for (size_t j = 0; j < k->n_stages; j++) {
            fmt_score(s, sizeof s, k->stages[j].total);
            qa_buf_printf(b, " %s %s", k->stages[j].id, s);
        }
        if (k->scores_secret)
            qa_buf_printf(b, " [%s]", W->secret);
        qa_buf_puts(b, "\n");
    }
    if (k->outcome == QAWARD_OUTCOME_REWIN) {
        char d[QAWARD_DATE_STRLEN];
        qaward_date_format(d, k->prior[k->level]);
        qa_buf_printf(b, "         %s %s)\n", W->rewin, d);
    }
    if (k->has_vote)
        qa_buf_printf(b,
                      lang == QAWARD_LANG_ZH ? "         %s：%s（赞成 %d，反对 %d，弃权 %d；到会 %d / 应到 %d）\n"
                                             : "         %s: %s (for %d, against %d, abstain %d; %d of %d present)\n",
                      W->vote, W->votes[k->vote], k->v_for, k->v_against, k->v_abstain, k->v_present,
                      k->v_members);
    else if (k->outcome == QAWARD_OUTCOME_AWARDED || k->outcome == QAWARD_OUTCOME_REWIN)
        qa_buf_printf(b, lang == QAWARD_LANG_ZH ? "         %s：%s\n" : "         %s: %s\n", W->vote, W->votes[0]);
    if (k->outcome == QAWARD_OUTCOME_VOTE_FAILED)
        qa_buf_printf(b, "         -> %s\n", W->vote_failed);
    for (size_t j = 0; j < k->n_notes; j++) {
        if (pub && k->notes[j].secret)
            continue; /* R19 */
        qa_buf_printf(b, "         %s: %s%s%s%s\n", k->notes[j].key, k->notes[j].value,
                      k->notes[j].secret ? " [" : "", k->notes[j].secret ? W->secret : "",
                      k->notes[j].secret ? "]" : "");
    }
    QA_UNUSED(c);
}

static int report_text(char **out, qaward_ctx *ctx, const qaward_cycle *c, int lang, int pub, qaward_write_fn sink,
                       void *ud)
{
    const qaward_policy *p = c->policy;
    const words *W = lang == QAWARD_LANG_ZH ? &ZH : &EN;
    qa_buf b;
    qa_buf_init(&b, &ctx->alloc);
    if (sink)
        qa_buf_set_sink(&b, sink, ud);
    char d[QAWARD_DATE_STRLEN], m[48], s1[32], s2[32];
    const char *title = lang == QAWARD_LANG_ZH ? (c->title_zh ? c->title_zh : c->title_en)
                                               : (c->title_en ? c->title_en : c->title_zh);
    qaward_date_format(d, c->decision_date);
    qa_buf_printf(&b, "%s — %s %s (%s %s)\n", title ? title : txt(p->name, lang),
                  lang == QAWARD_LANG_ZH ? "届次" : "cycle", c->id, W->decision, d);
    qa_buf_printf(&b, "%s: %s%s", W->policy, p->id, p->fictional ? W->fictional : "");
    if (p->source.zh || p->source.en)
        qa_buf_printf(&b, " (%s)", txt(p->source, lang));
    if (c->rules)
        qa_buf_printf(&b, "; %s: %s%s", W->rules, qaward_review_rules_id(c->rules),
                      qaward_review_rules_is_example(c->rules) ? W->example : "");
    qa_buf_printf(&b, "\n%s\n", pub ? W->version_pub : W->version_rev);

    for (size_t bi = 0; bi < c->n_buckets; bi++) {
        const cy_bucket *bk = &c->buckets[bi];
        const qa_quota *q = &p->quotas[bk->quota];
        qa_buf_printf(&b, "\n== %s —", txt(p->levels[bk->level].name, lang));
        for (size_t j = 0; j < q->n_kinds; j++)
            qa_buf_printf(&b, "%s %s", j ? " +" : "", txt(p->kinds[q->kinds[j]].name, lang));
        if (q->n_kinds > 1)
            qa_buf_printf(&b, " (%s)", W->pooled);
        qa_buf_printf(&b, lang == QAWARD_LANG_ZH ? " ==\n   %s %d，%s %d，%s %d" : " ==\n   %s %d, %s %d, %s %d",
                      W->quota, bk->max, W->placed, bk->placed, W->vacant, bk->vacant);
        if (bk->tied)
            qa_buf_printf(&b, lang == QAWARD_LANG_ZH ? "，%s %d" : ", %s %d", W->tied, bk->tied);
        if (bk->rewinners) {
            int outside = !p->levels[bk->level].rewin_quota;
            qa_buf_printf(&b, lang == QAWARD_LANG_ZH ? "，再次获奖 %d%s" : ", re-winners %d%s", bk->rewinners,
                          outside ? (lang == QAWARD_LANG_ZH ? "（不占名额，不授予奖金）" : " (outside the quota, no prize)")
                                  : (lang == QAWARD_LANG_ZH ? "（占名额）" : " (inside the quota)"));
        }
        fmt_money(m, sizeof m, bk->prize_total);
        qa_buf_printf(&b, lang == QAWARD_LANG_ZH ? "；%s %s %s\n" : "; %s %s %s\n", W->bucket_total, m, W->currency);
        size_t shown = 0;
        for (size_t j = 0; j < bk->n_members; j++) {
            const cy_cand *k = &c->cands[bk->members[j]];
            if (k->outcome == QAWARD_OUTCOME_TIE)
                continue;
            t_cand(&b, c, k, W, pub, lang);
            shown++;
        }
        if (!shown && !bk->tied)
            qa_buf_printf(&b, "       (%s)\n", W->none);
        if (bk->tied) {
            qa_buf_puts(&b, "   ");
            qa_buf_printf(&b, W->tie_line, bk->tied);
            qa_buf_puts(&b, "\n");
            for (size_t j = 0; j < bk->n_members; j++) {
                const cy_cand *k = &c->cands[bk->members[j]];
                if (k->outcome == QAWARD_OUTCOME_TIE)
                    t_cand(&b, c, k, W, pub, lang);
            }
        }
        for (size_t j = 0; j < bk->n_traces; j++) {
            const cy_trace *t = &bk->traces[j];
            const char *stage = NULL;
            qaward_review_rules_tie_break_at(&stage, NULL, c->rules, t->stage);
            int hide = pub && (c->cands[t->above].scores_secret || c->cands[t->below].scores_secret);
            fmt_score(s1, sizeof s1, t->above_total);
            fmt_score(s2, sizeof s2, t->below_total);
            qa_buf_puts(&b, "   ");
            qa_buf_printf(&b, W->tie_break, c->cands[t->above].id, c->cands[t->below].id, stage ? stage : "?",
                          hide ? "-" : s1, hide ? "-" : s2);
            qa_buf_puts(&b, "\n");
        }
    }

    size_t np = 0;
    for (size_t i = 0; i < c->n_cands; i++) {
        const cy_cand *k = &c->cands[i];
        if (k->outcome != QAWARD_OUTCOME_QUOTA_FULL && k->outcome != QAWARD_OUTCOME_BELOW_MIN &&
            k->outcome != QAWARD_OUTCOME_GATE_FAILED && k->outcome != QAWARD_OUTCOME_NOT_SCORED)
            continue;
        if (!np++)
            qa_buf_printf(&b, "\n== %s ==\n", W->not_placed);
        qa_buf_printf(&b, "       %s (%s): %s", k->name ? k->name : k->id, k->id, W->outcomes[k->outcome]);
        if (k->has_score) {
            fmt_score(s1, sizeof s1, k->composite);
            qa_buf_printf(&b, lang == QAWARD_LANG_ZH ? "，%s %s" : ", %s %s", W->composite, s1);
        }
        qa_buf_puts(&b, "\n");
    }
    for (int pass = 0; pass < 2; pass++) {
        int want = pass ? QAWARD_OUTCOME_INCOMPLETE : QAWARD_OUTCOME_REFUSED;
        size_t nr = 0;
        for (size_t i = 0; i < c->n_cands; i++) {
            const cy_cand *k = &c->cands[i];
            if (k->outcome != want)
                continue;
            if (!nr++)
                qa_buf_printf(&b, "\n== %s ==\n", pass ? W->incomplete : W->refused);
            qa_buf_printf(&b, "       %s (%s)\n", k->name ? k->name : k->id, k->id);
            for (size_t j = 0; j < k->n_reasons; j++) {
                const cy_reason *r = &k->reasons[j];
                const char *msg = lang == QAWARD_LANG_ZH ? (r->zh ? r->zh : r->en) : (r->en ? r->en : r->zh);
                const char *cit = lang == QAWARD_LANG_EN && r->citation_en ? r->citation_en : r->citation;
                qa_buf_printf(&b, "         - %s%s%s%s\n", cit ? cit : "", cit ? " " : "",
                              msg ? msg : r->rule_id, msg ? "" : "");
            }
        }
    }
    fmt_money(m, sizeof m, c->prize_total);
    qa_buf_printf(&b, "\n%s: %s %s\n", W->budget, m, W->currency);
    int rc = qa_buf_finish(&b, out, NULL);
    if (rc)
        return rc == QAWARD_ENOMEM ? qa_error(ctx, rc, "cycle report: out of memory")
                                   : qa_error(ctx, rc, "cycle report: the output sink failed (%d)", rc);
    return 0;
}

static int report_any(char **out, qaward_ctx *ctx, const qaward_cycle *c, int format, int lang, int public_version,
                      qaward_write_fn sink, void *ud)
{
    if (format != QAWARD_REPORT_JSON && format != QAWARD_REPORT_TEXT)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_report: format %d is not a qaward_report_format", format);
    if (lang != QAWARD_LANG_EN && lang != QAWARD_LANG_ZH)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_report: lang %d is not a qaward_lang", lang);
    if (!c->run)
        return qa_error(ctx, QAWARD_ESTATE, "cycle %s: not run (call qaward_cycle_run first)", c->id);
    int rc = format == QAWARD_REPORT_JSON ? report_json(out, ctx, c, public_version != 0, sink, ud)
                                          : report_text(out, ctx, c, lang, public_version != 0, sink, ud);
    if (!rc)
        qa_ok(ctx);
    return rc;
}

int qaward_cycle_report(char **out, qaward_ctx *ctx, const qaward_cycle *c, int format, int lang, int public_version)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !c)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_report: NULL argument");
    return report_any(out, ctx, c, format, lang, public_version, NULL, NULL);
}

int qaward_cycle_report_write(qaward_ctx *ctx, const qaward_cycle *c, int format, int lang, int public_version,
                              qaward_write_fn write, void *userdata)
{
    if (!ctx || !c || !write)
        return qa_error(ctx, QAWARD_EINVAL, "qaward_cycle_report_write: NULL argument");
    char *unused = NULL;
    return report_any(&unused, ctx, c, format, lang, public_version, write, userdata);
}

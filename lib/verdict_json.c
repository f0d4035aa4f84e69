/* verdict output: messages (zh/en), facts and thresholds as JSON, the verdict
 * document, text rendering, and the batch entry point. */
#include "elig_int.h"
#include "json.h"
#include <inttypes.h>
#include <stdio.h>

static const char *tx(const qa_text *t, int lang)
{
    if (!t)
        return "";
    const char *a = lang == QAWARD_LANG_ZH ? t->zh : t->en, *b = lang == QAWARD_LANG_ZH ? t->en : t->zh;
    return a ? a : b ? b : "";
}

static void ds(char *buf, qaward_date d)
{
    if (d == QAWARD_DATE_NONE || qaward_date_format(buf, d))
        strcpy(buf, "-");
}

static void money(char *buf, size_t n, int64_t fen)
{
    uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
    snprintf(buf, n, "%s%" PRIu64 ".%02u", fen < 0 ? "-" : "", a / 100, (unsigned)(a % 100));
}

static const char *ev_name(const qaward_policy *p, const char *kind, int zh)
{
    int k = qa_policy_event_kind(p, kind);
    if (k < 0)
        return kind;
    const char *n = zh ? p->event_kinds[k].name.zh : p->event_kinds[k].name.en;
    return n ? n : kind;
}

static const char *cert_name(const qaward_policy *p, const char *type, int zh)
{
    int k = qa_policy_cert_type(p, type);
    if (k < 0)
        return type;
    const char *n = zh ? p->cert_types[k].name.zh : p->cert_types[k].name.en;
    return n ? n : type;
}

static const char *fact_name(int fact, int zh)
{
    static const char *const en[] = {"registration date", "excellence model applied since", "quality work since",
                                     "legal person", "for-profit"};
    static const char *const cn[] = {"登记注册日期", "推广应用卓越绩效模式起始日期", "从事质量工作起始日期", "法人资格",
                                     "营利性"};
    return fact >= 0 && fact < 5 ? (zh ? cn[fact] : en[fact]) : "?";
}

static void message(qa_buf *b, const qaward_verdict *v, const qa_rec *r, int lang)
{
    const qaward_policy *p = v->policy;
    int zh = lang == QAWARD_LANG_ZH;
    size_t nc = p->n_conds[v->kind];
    const qa_cond *cd = r->rule < nc ? &p->conds[v->kind][r->rule] : NULL;
    char d1[16], d2[16], d3[16], e[16], asof[16];
    ds(d1, r->d1);
    ds(d2, r->d2);
    ds(d3, r->d3);
    ds(e, r->earliest);
    ds(asof, v->as_of);
    if (r->outcome == QAWARD_NOT_APPLICABLE) {
        qa_buf_puts(b, r->why == QA_WHY_NOT_FOR_PROFIT ? (zh ? "仅适用于从事生产、经营活动的组织" : "applies to for-profit organisations only")
                                                       : (zh ? "仅适用于从事非营利性业务的组织" : "applies to non-profit organisations only"));
        return;
    }
    if (r->outcome == QAWARD_UNKNOWN) {
        switch (r->why) {
        case QA_WHY_FOR_PROFIT: qa_buf_puts(b, zh ? "未知是否为营利性组织，无法判断本条是否适用" : "whether the organisation is for-profit is not known"); return;
        case QA_WHY_NO_EMPLOYER: qa_buf_puts(b, zh ? "缺少所属组织的情况" : "the employer's facts are missing"); return;
        case QA_WHY_GRADE_MISSING: qa_buf_puts(b, zh ? "有事件未注明等级，无法判断" : "an event lacks the grade needed to decide"); return;
        case QA_WHY_LEVEL_MISSING: qa_buf_puts(b, zh ? "证书未注明等级，无法判断" : "a certificate lacks its level"); return;
        default: break;
        }
    }
    switch (r->type) {
    case QA_COND_ATTESTATION:
        if (r->outcome == QAWARD_PASS)
            qa_buf_printf(b, zh ? "评审机构已认定“%s”" : "the reviewing body attests \"%s\"", tx(&cd->title, lang));
        else if (r->outcome == QAWARD_FAIL)
            qa_buf_printf(b, zh ? "评审机构认定不符合“%s”" : "the reviewing body does not attest \"%s\"", tx(&cd->title, lang));
        else
            qa_buf_printf(b, zh ? "尚无评审机构关于“%s”的认定（%s）" : "no attestation yet on \"%s\" (%s)", tx(&cd->title, lang), cd->attestation);
        return;
    case QA_COND_FLAG:
        if (r->outcome == QAWARD_UNKNOWN)
            qa_buf_printf(b, zh ? "未提供“%s”" : "%s is not known", fact_name(cd->fact, zh));
        else
            qa_buf_printf(b, zh ? "%s：%s" : "%s: %s", fact_name(cd->fact, zh), r->n1 ? (zh ? "是" : "yes") : (zh ? "否" : "no"));
        return;
    case QA_COND_REGION: {
        if (!r->s1) {
            qa_buf_puts(b, zh ? "未提供行政区划代码" : "the region code is not known");
            return;
        }
        qa_buf_printf(b, zh ? "行政区划代码 %s %s%s（代码前缀 " : "region code %s is %s %s (prefixes ", r->s1,
                      r->outcome == QAWARD_PASS ? (zh ? "属于" : "within") : (zh ? "不属于" : "outside"),
                      tx(&p->jurisdiction, lang));
        for (size_t i = 0; i < p->n_region_prefixes; i++)
            qa_buf_printf(b, "%s%s", i ? ", " : "", p->region_prefixes[i]);
        qa_buf_puts(b, zh ? "）" : ")");
        return;
    }
    case QA_COND_YEARS_SINCE:
        if (r->outcome == QAWARD_UNKNOWN)
            qa_buf_printf(b, zh ? "未提供%s" : "the %s is not known", fact_name(cd->fact, zh));
        else if (r->outcome == QAWARD_PASS)
            qa_buf_printf(b, zh ? "%s为 %s，满 %d 年之日 %s 不晚于 %s" : "%s %s: %d year(s) reached on %s, on or before %s",
                          fact_name(cd->fact, zh), d1, (int)cd->years, d2, asof);
        else if (r->d2 == QAWARD_DATE_NONE) /* the term would end after 9999-12-31 (R1) */
            qa_buf_printf(b, zh ? "%s为 %s，9999-12-31 之前不满 %d 年" : "%s %s: %d year(s) are not reached by 9999-12-31",
                          fact_name(cd->fact, zh), d1, (int)cd->years);
        else if (zh)
            qa_buf_printf(b, "%s为 %s，至 %s 方满 %d 年", fact_name(cd->fact, zh), d1, d2, (int)cd->years);
        else
            qa_buf_printf(b, "%s %s: %d year(s) are reached only on %s", fact_name(cd->fact, zh), d1, (int)cd->years, d2);
        return;
    case QA_COND_CERT_HELD:
        if (r->outcome == QAWARD_UNKNOWN)
            qa_buf_puts(b, zh ? "未提供证书情况" : "the certificates are not known");
        else if (r->why == QA_WHY_NOT_LISTED || r->why == QA_WHY_NONE_VALID)
            qa_buf_printf(b, zh ? "%s 无有效的所列管理体系认证证书" : "no certificate of the listed types is valid on %s", asof);
        else if (r->outcome == QAWARD_PASS)
            qa_buf_printf(b, zh ? "%s 自 %s 起连续有效，满 %d 年之日 %s 不晚于 %s" : "%s held without gap since %s: %d year(s) reached on %s, on or before %s",
                          cert_name(p, r->s1, zh), d1, (int)cd->years, d3, asof);
        else if (r->time_only && zh)
            qa_buf_printf(b, "%s 自 %s 起连续有效，至 %s 方满 %d 年", cert_name(p, r->s1, zh), d1, d3, (int)cd->years);
        else if (r->time_only)
            qa_buf_printf(b, "%s held since %s: %d year(s) are reached only on %s", cert_name(p, r->s1, zh), d1, (int)cd->years, d3);
        else if (r->d2 == QAWARD_DATE_NONE) /* open-ended, but the term would end after 9999-12-31 (R1) */
            qa_buf_printf(b, zh ? "%s 自 %s 起连续有效，9999-12-31 之前不满 %d 年" : "%s held since %s: %d year(s) are not reached by 9999-12-31",
                          cert_name(p, r->s1, zh), d1, (int)cd->years);
        else
            qa_buf_printf(b, zh ? "%s 自 %s 起有效，但于 %s 到期，满 %d 年前须换证" : "%s held since %s expires on %s, before %d years are reached",
                          cert_name(p, r->s1, zh), d1, d2, (int)cd->years);
        return;
    case QA_COND_CERT_LEVEL: {
        const qa_cert_type *ct = &p->cert_types[cd->cert_types[0]];
        const char *min = p->scales[ct->scale].grades[cd->min_level];
        if (r->outcome == QAWARD_UNKNOWN)
            qa_buf_puts(b, zh ? "未提供证书情况" : "the certificates are not known");
        else if (r->outcome == QAWARD_PASS)
            qa_buf_printf(b, zh ? "持有 %s 有效的%s（%s），达到%s及以上" : "holds a %s valid on %s at level %s (at least %s)",
                          zh ? asof : tx(&ct->name, lang), zh ? tx(&ct->name, lang) : asof, r->s2, min);
        else if (r->s2)
            qa_buf_printf(b, zh ? "%s等级为%s，低于%s" : "%s level %s is below %s", tx(&ct->name, lang), r->s2, min);
        else
            qa_buf_printf(b, zh ? "%s 无有效的%s" : "no %s valid on %s", zh ? asof : tx(&ct->name, lang), zh ? tx(&ct->name, lang) : asof);
        return;
    }
    case QA_COND_PROFIT_YEARS: {
        int32_t first = (int32_t)r->n1, last = first + r->n_vals - 1;
        if (r->outcome == QAWARD_PASS) {
            qa_buf_printf(b, zh ? "%d—%d 各财年净利润均为正：" : "net profit > 0 in each fiscal year %d-%d:", (int)first, (int)last);
        } else if (r->outcome == QAWARD_FAIL) {
            int64_t fen = r->vals[2 * (r->n2 - first)];
            char m[40];
            money(m, sizeof m, fen);
            qa_buf_printf(b, zh ? "%d 财年净利润为 %s 元，未盈利" : "net profit in fiscal year %d is CNY %s, not > 0", (int)r->n2, m);
            return;
        } else {
            qa_buf_printf(b, zh ? "缺少 %d 财年净利润" : "net profit for fiscal year %d is not known", (int)r->n2);
            return;
        }
        for (int k = 0; k < r->n_vals; k++) {
            char m[40];
            money(m, sizeof m, r->vals[2 * k]);
            qa_buf_printf(b, " %d: %s", (int)(first + k), m);
        }
        return;
    }
    case QA_COND_NO_EVENT:
        if (r->outcome == QAWARD_UNKNOWN) {
            qa_buf_puts(b, zh ? "未提供事件记录" : "the event record is not known");
        } else if (r->outcome == QAWARD_PASS) {
            if (cd->years)
                qa_buf_printf(b, zh ? "近 %d 年内（%s 前）无不符合条件的事件" : "no disqualifying event within %d years before %s", (int)cd->years, asof);
            else
                qa_buf_puts(b, zh ? "无不符合条件的记录" : "no disqualifying record");
        } else {
            qa_buf_printf(b, zh ? "%s %s%s%s" : "%s on %s%s%s", ev_name(p, r->s1, zh), d1, r->s2 ? (zh ? "，等级" : ", grade ") : "",
                          r->s2 ? r->s2 : "");
            if (r->n1 > 0)
                qa_buf_printf(b, zh ? "，死亡 %d 人" : ", %d death(s)", (int)r->n1);
            if (r->n2 > 1)
                qa_buf_printf(b, zh ? "（共 %d 起）" : " (%d in all)", (int)r->n2);
            if (r->time_only && zh)
                qa_buf_printf(b, "；%s 起移出 %d 年回溯期", e, (int)cd->years);
            else if (r->time_only)
                qa_buf_printf(b, "; leaves the %d-year look-back on %s", (int)cd->years, e);
            else
                qa_buf_puts(b, zh ? "；不设期限" : "; no time limit");
        }
        return;
    case QA_RULE_WAIT: {
        const qa_wait *w = &p->waits[r->rule - nc];
        if (!r->s1)
            qa_buf_printf(b, zh ? "无获得%s的记录" : "no %s on record", tx(&p->levels[w->level].name, lang));
        else if (r->outcome == QAWARD_PASS)
            qa_buf_printf(b, zh ? "%s 获得%s，自 %s 起可重新申报" : "%s won on %s; may apply again from %s", zh ? d1 : tx(&p->levels[w->level].name, lang),
                          zh ? tx(&p->levels[w->level].name, lang) : d1, d3);
        else
            qa_buf_printf(b, zh ? "%s 获得%s%s，%s 起方可重新申报" : "%s won on %s%s; may apply again from %s", zh ? d1 : tx(&p->levels[w->level].name, lang),
                          zh ? tx(&p->levels[w->level].name, lang) : d1, r->d2 ? (zh ? "（已撤销，仍须等待）" : " (revoked; the wait still applies)") : "", e);
        return;
    }
    case QA_RULE_BAN: {
        const qa_sanction *sa = &p->sanctions[r->rule - nc - p->n_waits];
        /* a policy may leave a finding kind unnamed: its id then */
        const char *sname = *tx(&sa->name, lang) ? tx(&sa->name, lang) : sa->kind;
        if (!r->s1)
            qa_buf_printf(b, zh ? "无“%s”记录" : "no finding of %s", sname);
        else if (r->outcome == QAWARD_FAIL)
            qa_buf_printf(b, zh ? "%s 认定“%s”，%s 前不予受理申报" : "finding of %s on %s: applications refused until %s (exclusive)",
                          zh ? d1 : sname, zh ? sname : d1, e);
        else if (r->d2 && v->as_of < r->d2) /* R9: a recorded window that begins after the as-of date */
            qa_buf_printf(b, zh ? "%s 认定“%s”，不予受理期至 %s，于 %s 尚未开始" : "finding of %s on %s: the ban until %s has not begun on %s",
                          zh ? d1 : sname, zh ? sname : d1, d2, asof);
        else if (sa->has_ban)
            qa_buf_printf(b, zh ? "%s 认定“%s”，不予受理期已于 %s 结束" : "finding of %s on %s: the ban ended on %s",
                          zh ? d1 : sname, zh ? sname : d1, d2);
        else
            qa_buf_printf(b, zh ? "%s 认定“%s”%s；不限制申报" : "finding of %s on %s%s; no ban on applying",
                          zh ? d1 : sname, zh ? sname : d1,
                          sa->revokes ? (zh ? "，取消其奖励" : ", the award is revoked") : "");
        return;
    }
    }
}

static void write_facts(qj_writer *w, const qaward_verdict *v, const qa_rec *r)
{
    const qaward_policy *p = v->policy;
    size_t nc = p->n_conds[v->kind];
    const qa_cond *cd = r->rule < nc ? &p->conds[v->kind][r->rule] : NULL;
    static const char *const facts[] = {"registration_date", "excellence_model_since", "quality_work_since",
                                        "legal_person", "for_profit"};
    qw_obj_begin(w);
    if (r->why == QA_WHY_FOR_PROFIT || r->why == QA_WHY_NOT_FOR_PROFIT || r->why == QA_WHY_NOT_NON_PROFIT) {
        qw_key(w, "for_profit");
        if (r->why == QA_WHY_FOR_PROFIT)
            qw_null(w);
        else
            qw_bool(w, r->why == QA_WHY_NOT_NON_PROFIT);
        qw_obj_end(w);
        return;
    }
    if (r->why == QA_WHY_NO_EMPLOYER) {
        qw_key(w, "employer");
        qw_null(w);
        qw_obj_end(w);
        return;
    }
    switch (r->type) {
    case QA_COND_ATTESTATION:
        qw_key(w, cd->attestation);
        if (r->n1 < 0)
            qw_null(w);
        else
            qw_bool(w, (int)r->n1);
        break;
    case QA_COND_FLAG:
        qw_key(w, facts[cd->fact]);
        if (r->n1 < 0)
            qw_null(w);
        else
            qw_bool(w, (int)r->n1);
        break;
    case QA_COND_REGION: qw_kstr(w, "region_code", r->s1); break;
    case QA_COND_YEARS_SINCE: qw_kdate(w, facts[cd->fact], r->d1); break;
    case QA_COND_CERT_HELD:
        if (r->s1) {
            qw_kstr(w, "certificate", r->s1);
            qw_kdate(w, "held_since", r->d1);
            qw_kdate(w, "valid_to", r->d2);
        } else if (r->outcome != QAWARD_UNKNOWN) {
            qw_key(w, "certificate");
            qw_null(w);
        }
        break;
    case QA_COND_CERT_LEVEL:
        if (r->outcome != QAWARD_UNKNOWN || r->why == QA_WHY_LEVEL_MISSING) {
            qw_kstr(w, "certificate", r->s1);
            qw_kstr(w, "level", r->s2);
            if (r->s2)
                qw_kdate(w, "valid_to", r->d2);
        }
        break;
    case QA_COND_PROFIT_YEARS:
        qw_key(w, "net_profit_fen");
        qw_obj_begin(w);
        for (int k = 0; k < r->n_vals; k++) {
            char y[12];
            snprintf(y, sizeof y, "%d", (int)(r->n1 + k));
            qw_key(w, y);
            if (r->vals[2 * k + 1])
                qw_int(w, r->vals[2 * k]);
            else
                qw_null(w);
        }
        qw_obj_end(w);
        break;
    case QA_COND_NO_EVENT:
        if (r->s1) {
            qw_key(w, "event");
            qw_obj_begin(w);
            qw_kstr(w, "kind", r->s1);
            qw_kstr(w, "grade", r->s2);
            qw_kint(w, "deaths", r->n1);
            qw_kdate(w, "date", r->d1);
            qw_obj_end(w);
            qw_kint(w, "disqualifying_events", r->n2);
        } else if (r->outcome == QAWARD_PASS) {
            qw_kint(w, "disqualifying_events", 0);
        }
        break;
    case QA_RULE_WAIT:
        if (r->s1) {
            qw_kstr(w, "level", r->s1);
            qw_kdate(w, "award_date", r->d1);
            qw_kdate(w, "revoked_on", r->d2);
            qw_kdate(w, "may_apply_from", r->d3);
        }
        break;
    case QA_RULE_BAN:
        qw_kint(w, "findings", r->n2);
        if (r->s1) {
            qw_kdate(w, "decided_on", r->d1);
            qw_kdate(w, "ban_until", r->d2);
            qw_kdate(w, "revokes_award_date", r->d3);
        }
        break;
    }
    qw_obj_end(w);
}

static const char *const unit_names[] = {"years", "cycles"};
static const char *const count_names[] = {"exclude_award_year", "include_award_year", "from_date"};

static void write_threshold(qj_writer *w, const qaward_verdict *v, const qa_rec *r)
{
    const qaward_policy *p = v->policy;
    size_t nc = p->n_conds[v->kind];
    const qa_cond *cd = r->rule < nc ? &p->conds[v->kind][r->rule] : NULL;
    qw_obj_begin(w);
    if (cd && cd->applies != QA_APPLIES_ALL)
        qw_kstr(w, "applies_to", cd->applies == QA_APPLIES_FOR_PROFIT ? "for_profit" : "non_profit");
    if (cd && cd->on == QA_ON_EMPLOYER)
        qw_kstr(w, "on", "employer");
    switch (r->type) {
    case QA_COND_ATTESTATION: qw_kbool(w, cd->attestation, 1); break;
    case QA_COND_FLAG: qw_kbool(w, cd->fact == QA_FACT_LEGAL_PERSON ? "legal_person" : "for_profit", 1); break;
    case QA_COND_REGION:
        qw_key(w, "region_prefixes");
        qw_arr_begin(w);
        for (size_t i = 0; i < p->n_region_prefixes; i++)
            qw_str(w, p->region_prefixes[i]);
        qw_arr_end(w);
        break;
    case QA_COND_YEARS_SINCE: qw_kint(w, "years", cd->years); break;
    case QA_COND_CERT_HELD:
        qw_kint(w, "years", cd->years);
        qw_key(w, "certificates");
        qw_arr_begin(w);
        for (size_t i = 0; i < cd->n_cert_types; i++)
            qw_str(w, p->cert_types[cd->cert_types[i]].id);
        qw_arr_end(w);
        break;
    case QA_COND_CERT_LEVEL: {
        const qa_cert_type *ct = &p->cert_types[cd->cert_types[0]];
        qw_kstr(w, "certificate", ct->id);
        qw_kstr(w, "at_least", p->scales[ct->scale].grades[cd->min_level]);
        break;
    }
    case QA_COND_PROFIT_YEARS:
        qw_kint(w, "years", cd->years);
        qw_kint(w, "net_profit_fen_greater_than", 0);
        break;
    case QA_COND_NO_EVENT:
        if (cd->years)
            qw_kint(w, "look_back_years", cd->years);
        else {
            qw_key(w, "look_back_years");
            qw_null(w);
        }
        qw_key(w, "events");
        qw_arr_begin(w);
        for (size_t i = 0; i < cd->n_events; i++) {
            const qa_event_rule *er = &cd->events[i];
            const qa_event_kind *ek = &p->event_kinds[er->kind];
            qw_obj_begin(w);
            qw_kstr(w, "kind", ek->id);
            if (er->min_grade >= 0)
                qw_kstr(w, "min_grade", p->scales[ek->scale].grades[er->min_grade]);
            if (er->any_death)
                qw_kbool(w, "any_death", 1);
            qw_obj_end(w);
        }
        qw_arr_end(w);
        break;
    case QA_RULE_WAIT: {
        const qa_wait *wt = &p->waits[r->rule - nc];
        qw_kstr(w, "level", p->levels[wt->level].id);
        qw_kint(w, "length", wt->length);
        qw_kstr(w, "unit", unit_names[wt->unit]);
        qw_kstr(w, "count", count_names[wt->count]);
        break;
    }
    case QA_RULE_BAN: {
        const qa_sanction *sa = &p->sanctions[r->rule - nc - p->n_waits];
        qw_kstr(w, "sanction", sa->kind);
        if (sa->has_ban) {
            qw_kint(w, "ban_length", sa->ban_length);
            qw_kstr(w, "unit", unit_names[sa->ban_unit]);
            qw_kstr(w, "count", count_names[sa->ban_count]);
        } else {
            qw_key(w, "ban_length");
            qw_null(w);
        }
        qw_kbool(w, "revokes", sa->revokes);
        break;
    }
    }
    qw_obj_end(w);
}

/* ---- lazily formatted getters ------------------------------------------------------------ */
static char **cache_slot(qaward_verdict *v, size_t i, int which)
{
    if (!v->cache) {
        v->cache = qa_acalloc(&v->alloc, v->n ? v->n * 4 : 1, sizeof *v->cache);
        if (!v->cache)
            return NULL;
    }
    return &v->cache[i * 4 + (size_t)which];
}

const char *qaward_verdict_check_message(qaward_verdict *v, size_t i, int lang)
{
    if (!v || i >= v->n)
        return NULL;
    char **slot = cache_slot(v, i, lang == QAWARD_LANG_ZH);
    if (!slot)
        return NULL;
    if (!*slot) {
        qa_buf b;
        qa_buf_init(&b, &v->alloc);
        message(&b, v, &v->recs[i], lang);
        if (qa_buf_finish(&b, slot, NULL))
            return NULL;
    }
    return *slot;
}

static const char *json_slot(qaward_verdict *v, size_t i, int which)
{
    if (!v || i >= v->n)
        return NULL;
    char **slot = cache_slot(v, i, which);
    if (!slot)
        return NULL;
    if (!*slot) {
        qj_writer w;
        qw_init(&w, &v->alloc, 0);
        if (which == 2)
            write_facts(&w, v, &v->recs[i]);
        else
            write_threshold(&w, v, &v->recs[i]);
        if (qw_finish(&w, slot, NULL))
            return NULL;
    }
    return *slot;
}

const char *qaward_verdict_check_facts(qaward_verdict *v, size_t i) { return json_slot(v, i, 2); }
const char *qaward_verdict_check_threshold(qaward_verdict *v, size_t i) { return json_slot(v, i, 3); }

/* ---- documents ------------------------------------------------------------------------------ */
static void write_text(qj_writer *w, const char *key, const qa_text *t)
{
    qw_key(w, key);
    qw_obj_begin(w);
    qw_kstr(w, "zh", t && t->zh ? t->zh : (t ? t->en : NULL));
    qw_kstr(w, "en", t && t->en ? t->en : (t ? t->zh : NULL));
    qw_obj_end(w);
}

static void write_verdict(qj_writer *w, const qaward_verdict *v, qa_buf *tmp)
{
    const qaward_policy *p = v->policy;
    qw_obj_begin(w);
    qw_kstr(w, "subject_id", v->subject_id);
    qw_kstr(w, "kind", p->kinds[v->kind].id);
    qw_kstr(w, "policy", p->id);
    qw_kdate(w, "as_of", v->as_of);
    qw_kstr(w, "status", qaward_verdict_status_name(v->status));
    qw_kdate(w, "earliest_eligible", v->earliest);
    qw_key(w, "checks");
    qw_arr_begin(w);
    for (size_t i = 0; i < v->n; i++) {
        const qa_rec *r = &v->recs[i];
        qw_obj_begin(w);
        qw_kstr(w, "rule", qa_rule_id(p, v->kind, r->rule));
        qw_kint(w, "code", r->rule);
        qw_kstr(w, "type", qa_rule_type_name(r->type));
        write_text(w, "citation", qa_rule_citation(p, v->kind, r->rule));
        qw_kstr(w, "outcome", qaward_outcome_name(r->outcome));
        qw_key(w, "facts");
        write_facts(w, v, r);
        qw_key(w, "threshold");
        write_threshold(w, v, r);
        qw_key(w, "message");
        qw_obj_begin(w);
        for (int lang = QAWARD_LANG_ZH; lang >= QAWARD_LANG_EN; lang--) {
            tmp->len = 0;
            if (tmp->p)
                tmp->p[0] = '\0';
            message(tmp, v, r, lang);
            qw_kstr(w, lang == QAWARD_LANG_ZH ? "zh" : "en", tmp->p ? tmp->p : "");
        }
        qw_obj_end(w);
        qw_kdate(w, "earliest_pass", r->time_only ? r->earliest : QAWARD_DATE_NONE);
        qw_obj_end(w);
    }
    qw_arr_end(w);
    qw_obj_end(w);
}

int qaward_verdict_to_json(char **out, const qaward_verdict *v, qaward_ctx *ctx)
{
    if (!out || !v || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "verdict_to_json: NULL argument");
    *out = NULL;
    qj_writer w;
    qa_buf tmp;
    qw_init(&w, &ctx->alloc, 1);
    qa_buf_init(&tmp, &ctx->alloc);
    write_verdict(&w, v, &tmp);
    int bad = tmp.oom;
    qa_buf_discard(&tmp);
    if (bad) {
        qw_discard(&w);
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    }
    return qw_finish_ctx(&w, out, ctx, "out of memory"); /* no sink: only ENOMEM */
}

static void text_verdict(qa_buf *b, const qaward_verdict *v, int lang)
{
    const qaward_policy *p = v->policy;
    int zh = lang == QAWARD_LANG_ZH;
    char asof[16], e[16];
    ds(asof, v->as_of);
    ds(e, v->earliest);
    static const char *const st_zh[] = {"符合申报条件", "不符合申报条件", "材料不全，无法判定"};
    static const char *const st_en[] = {"ELIGIBLE", "INELIGIBLE", "INCOMPLETE"};
    qa_buf_printf(b, zh ? "%s（%s）截至 %s：%s" : "%s (%s) as of %s: %s", v->subject_id, tx(&p->kinds[v->kind].name, lang),
                  asof, zh ? st_zh[v->status] : st_en[v->status]);
    if (v->status == QAWARD_INELIGIBLE && v->earliest)
        qa_buf_printf(b, zh ? "；最早可于 %s 申报" : "; may apply from %s", e);
    qa_buf_puts(b, "\n");
    static const char *const oc_zh[] = {"通过", "不通过", "未知", "不适用"};
    static const char *const oc_en[] = {"PASS", "FAIL", "UNKNOWN", "N/A"};
    for (size_t i = 0; i < v->n; i++) {
        const qa_rec *r = &v->recs[i];
        qa_buf_printf(b, "  [%s] %s %s: ", zh ? oc_zh[r->outcome] : oc_en[r->outcome],
                      tx(qa_rule_citation(p, v->kind, r->rule), lang), qa_rule_id(p, v->kind, r->rule));
        message(b, v, r, lang);
        qa_buf_puts(b, "\n");
    }
}

int qaward_verdict_to_text(char **out, const qaward_verdict *v, qaward_ctx *ctx, int lang)
{
    if (!out || !v || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "verdict_to_text: NULL argument");
    *out = NULL;
    qa_buf b;
    qa_buf_init(&b, &ctx->alloc);
    text_verdict(&b, v, lang);
    if (qa_buf_finish(&b, out, NULL))
        return qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_check_batch_json(char **out, qaward_ctx *ctx, const qaward_policy *p, const qaward_store *store,
                            qaward_date as_of, const char *subjects_json, size_t len, uint32_t flags)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "check_batch_json: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    if (!p || !subjects_json)
        return qa_error(ctx, QAWARD_EINVAL, "check_batch_json: NULL policy or document");
    if (flags & ~(QAWARD_BATCH_BRIEF | QAWARD_BATCH_PRETTY))
        return qa_error(ctx, QAWARD_EINVAL, "check_batch_json: unknown flags 0x%x", (unsigned)flags);
    qaward_subject_list *l = NULL;
    qaward_checker *c = NULL;
    int rc = qaward_subject_list_load_json(&l, ctx, subjects_json, len);
    if (rc)
        return rc;
    if ((rc = qaward_checker_new(&c, ctx, p, store))) {
        qaward_subject_list_free(l);
        return rc;
    }
    qj_writer w;
    qa_buf tmp;
    qw_init(&w, &ctx->alloc, (flags & QAWARD_BATCH_PRETTY) != 0);
    qa_buf_init(&tmp, &ctx->alloc);
    qw_obj_begin(&w);
    qw_kstr(&w, "policy", p->id);
    qw_kdate(&w, "as_of", as_of);
    qw_key(&w, "verdicts");
    qw_arr_begin(&w);
    size_t counts[3] = {0, 0, 0};
    for (size_t i = 0; i < l->n; i++) {
        qaward_subject *s = l->items[i];
        int kind, status;
        size_t n;
        qaward_date e;
        if ((rc = qaward_subject_bind(s, ctx, p)) == QAWARD_ENOMEM ||
            (rc = qa_run_checks(c, s, as_of, &kind, &n, &status, &e))) {
            if (rc != QAWARD_ENOPOLICY)
                qa_error_prefix(ctx, "$[%zu] (subject %.60s)", i, s->id);
            break;
        }
        counts[status]++;
        if (flags & QAWARD_BATCH_BRIEF) {
            qw_obj_begin(&w);
            qw_kstr(&w, "subject_id", s->id);
            qw_kstr(&w, "status", qaward_verdict_status_name(status));
            qw_kdate(&w, "earliest_eligible", e);
            qw_key(&w, "not_passed");
            qw_arr_begin(&w);
            for (size_t k = 0; k < n; k++) {
                const qa_rec *r = &c->recs[k];
                if (r->outcome != QAWARD_FAIL && r->outcome != QAWARD_UNKNOWN)
                    continue;
                qw_obj_begin(&w);
                qw_kstr(&w, "rule", qa_rule_id(p, kind, r->rule));
                qw_kstr(&w, "outcome", qaward_outcome_name(r->outcome));
                qw_obj_end(&w);
            }
            qw_arr_end(&w);
            qw_obj_end(&w);
        } else {
            qaward_verdict *v;
            if ((rc = qa_make_verdict(&v, c, s, kind, n, as_of, status, e)))
                break;
            write_verdict(&w, v, &tmp);
            qaward_verdict_free(v);
        }
    }
    qw_arr_end(&w);
    qw_key(&w, "summary");
    qw_obj_begin(&w);
    qw_kint(&w, "eligible", (int64_t)counts[0]);
    qw_kint(&w, "ineligible", (int64_t)counts[1]);
    qw_kint(&w, "incomplete", (int64_t)counts[2]);
    qw_obj_end(&w);
    qw_obj_end(&w);
    int oom = tmp.oom;
    qa_buf_discard(&tmp);
    qaward_checker_free(c);
    qaward_subject_list_free(l);
    if (rc || oom) {
        qw_discard(&w);
        return rc ? rc : qa_error(ctx, QAWARD_ENOMEM, "out of memory");
    }
    return qw_finish_ctx(&w, out, ctx, "out of memory"); /* no sink: only ENOMEM */
}

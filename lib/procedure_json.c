/* Procedure documents (docs/schema/procedure.schema.json), timeline documents
 * (docs/schema/timeline.schema.json), and JSON results of the procedure module. */
#include "embedded.h"
#include "json.h"
#include "procedure_int.h"
#include <stdio.h>
#include <stdlib.h>

/* Subject kinds are a bit mask in a uint32_t. */
#define QA_MAX_KINDS 32

static int read_text(qaward_ctx *ctx, const qaward_allocator *A, const qj_value *obj, const char *path,
                     const char *key, qa_ptext *out)
{
    static const char *const keys[] = {"zh", "en", NULL};
    const qj_value *o;
    qj_path p;
    const char *zh, *en;
    int rc = qj_read_object(ctx, obj, path, key, 1, &o);
    if (rc)
        return rc;
    qj_path_key(&p, path, key);
    if ((rc = qj_only_keys(ctx, o, p.s, keys)) || (rc = qj_read_str(ctx, o, p.s, "zh", 1, 1, &zh)) ||
        (rc = qj_read_str(ctx, o, p.s, "en", 1, 1, &en)))
        return rc;
    out->zh = qa_astrdup(A, zh);
    out->en = qa_astrdup(A, en);
    if (!out->zh || !out->en)
        return qa_error(ctx, QAWARD_ENOMEM, "%s: out of memory", p.s);
    return 0;
}

static int dup_str(qaward_ctx *ctx, const qaward_allocator *A, const char *s, char **out, const char *path)
{
    *out = qa_astrdup(A, s);
    return *out ? 0 : qa_error(ctx, QAWARD_ENOMEM, "%s: out of memory", path);
}

void qaward_procedure_free(qaward_procedure *p)
{
    if (!p)
        return;
    qaward_allocator a = p->alloc;
    qa_afree(&a, p->id);
    qa_afree(&a, p->source);
    qa_afree(&a, p->calendar);
    qa_ptext_clear(&a, &p->name);
    for (size_t i = 0; i < p->nkinds; i++)
        qa_afree(&a, p->kinds[i]);
    qa_afree(&a, p->kinds);
    for (size_t i = 0; i < p->nnotices; i++) {
        qa_afree(&a, p->notices[i].kind);
        qa_ptext_clear(&a, &p->notices[i].name);
        qa_ptext_clear(&a, &p->notices[i].citation);
    }
    qa_afree(&a, p->notices);
    for (size_t i = 0; i < p->nstages; i++) {
        qa_afree(&a, p->stages[i].id);
        qa_ptext_clear(&a, &p->stages[i].name);
        qa_ptext_clear(&a, &p->stages[i].citation);
        qa_afree(&a, p->stages[i].reqs);
    }
    qa_afree(&a, p->stages);
    qa_ptext_clear(&a, &p->site_citation);
    qa_ptext_clear(&a, &p->refusal_citation);
    qa_ptext_clear(&a, &p->issuer);
    qa_ptext_clear(&a, &p->objection_citation);
    qa_afree(&a, p);
}

static int parse_kinds(qaward_ctx *ctx, qaward_procedure *p, const qj_value *root)
{
    const qj_value *arr;
    int rc = qj_read_array(ctx, root, "$", "subject_kinds", 1, &arr);
    if (rc)
        return rc;
    if (arr->len == 0 || arr->len > QA_MAX_KINDS)
        return qa_error(ctx, QAWARD_ERANGE, "$.subject_kinds: 1..%d kinds expected (line %u, column %u)",
                        QA_MAX_KINDS, (unsigned)arr->line, (unsigned)arr->col);
    p->kinds = qa_acalloc(&p->alloc, arr->len, sizeof *p->kinds);
    if (!p->kinds)
        return qa_error(ctx, QAWARD_ENOMEM, "procedure: out of memory");
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.subject_kinds", i);
        const qj_value *v = &arr->items[i];
        if (v->type != QJ_STRING || v->len == 0)
            return qa_error(ctx, QAWARD_ESCHEMA, "%s: expected a non-empty string (line %u, column %u)", ip.s,
                            (unsigned)v->line, (unsigned)v->col);
        size_t dummy;
        if (qa_proc_kind_index(p, v->str, &dummy))
            return qa_error(ctx, QAWARD_EEXISTS, "%s: kind \"%s\" listed twice", ip.s, v->str);
        if ((rc = dup_str(ctx, &p->alloc, v->str, &p->kinds[i], ip.s)))
            return rc;
        p->nkinds = i + 1;
    }
    return 0;
}

static int parse_notices(qaward_ctx *ctx, qaward_procedure *p, const qj_value *root)
{
    static const char *const keys[] = {"kind", "min_working_days", "name", "citation", NULL};
    const qj_value *arr;
    int rc = qj_read_array(ctx, root, "$", "notices", 1, &arr);
    if (rc)
        return rc;
    p->notices = qa_acalloc(&p->alloc, arr->len ? arr->len : 1, sizeof *p->notices);
    if (!p->notices)
        return qa_error(ctx, QAWARD_ENOMEM, "procedure: out of memory");
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.notices", i);
        const qj_value *o = &arr->items[i];
        qa_notice_kind *n = &p->notices[i];
        const char *kind;
        int64_t min = 0;
        if ((rc = qj_expect(ctx, o, QJ_OBJECT, ip.s)) || (rc = qj_only_keys(ctx, o, ip.s, keys)) ||
            (rc = qj_read_str(ctx, o, ip.s, "kind", 1, 1, &kind)) ||
            (rc = qj_read_int(ctx, o, ip.s, "min_working_days", 1, 1, 366, &min)))
            return rc;
        size_t dummy;
        if (qa_proc_notice_index(p, kind, &dummy))
            return qa_error(ctx, QAWARD_EEXISTS, "%s.kind: notice kind \"%s\" listed twice", ip.s, kind);
        n->min_days = (int32_t)min;
        if ((rc = dup_str(ctx, &p->alloc, kind, &n->kind, ip.s)))
            return rc;
        p->nnotices = i + 1;
        if ((rc = read_text(ctx, &p->alloc, o, ip.s, "name", &n->name)) ||
            (rc = read_text(ctx, &p->alloc, o, ip.s, "citation", &n->citation)))
            return rc;
    }
    return 0;
}

static int parse_req(qaward_ctx *ctx, const qaward_procedure *p, const qj_value *o, const char *path, qa_req *q)
{
    static const char *const keys[] = {"type", "notice", "stage", NULL};
    static const char *const types[] = {"notice", "qualification", "scores", "site_review_limit", NULL};
    int type, rc;
    if ((rc = qj_expect(ctx, o, QJ_OBJECT, path)) || (rc = qj_only_keys(ctx, o, path, keys)) ||
        (rc = qj_read_enum(ctx, o, path, "type", 1, types, &type)))
        return rc;
    q->type = type;
    q->ref = 0;
    if (type == QA_REQ_NOTICE) {
        const char *kind;
        if ((rc = qj_read_str(ctx, o, path, "notice", 1, 1, &kind)))
            return rc;
        if (!qa_proc_notice_index(p, kind, &q->ref))
            return qa_error(ctx, QAWARD_ENOTFOUND, "%s.notice: \"%s\" is not a notice kind of this procedure",
                            path, kind);
    } else if (qj_get(o, "notice")) {
        return qa_error(ctx, QAWARD_ESCHEMA, "%s.notice: only for type \"notice\"", path);
    }
    if (type == QA_REQ_SCORES) {
        const char *stage;
        if ((rc = qj_read_str(ctx, o, path, "stage", 1, 1, &stage)))
            return rc;
        if (!qa_proc_stage_index(p, stage, &q->ref))
            return qa_error(ctx, QAWARD_ENOTFOUND, "%s.stage: \"%s\" is not a stage of this procedure", path, stage);
    } else if (qj_get(o, "stage")) {
        return qa_error(ctx, QAWARD_ESCHEMA, "%s.stage: only for type \"scores\"", path);
    }
    return 0;
}

static int parse_stages(qaward_ctx *ctx, qaward_procedure *p, const qj_value *root)
{
    static const char *const keys[] = {"id", "name", "citation", "kinds", "requires", NULL};
    const qj_value *arr;
    int rc = qj_read_array(ctx, root, "$", "stages", 1, &arr);
    if (rc)
        return rc;
    if (arr->len == 0)
        return qa_error(ctx, QAWARD_ERANGE, "$.stages: at least one stage (line %u, column %u)", (unsigned)arr->line,
                        (unsigned)arr->col);
    p->stages = qa_acalloc(&p->alloc, arr->len, sizeof *p->stages);
    if (!p->stages)
        return qa_error(ctx, QAWARD_ENOMEM, "procedure: out of memory");
    /* First pass: ids, names, kinds (requirements may name any stage). */
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.stages", i);
        const qj_value *o = &arr->items[i];
        qa_stage *s = &p->stages[i];
        const char *id;
        if ((rc = qj_expect(ctx, o, QJ_OBJECT, ip.s)) || (rc = qj_only_keys(ctx, o, ip.s, keys)) ||
            (rc = qj_read_str(ctx, o, ip.s, "id", 1, 1, &id)))
            return rc;
        size_t dummy;
        if (qa_proc_stage_index(p, id, &dummy))
            return qa_error(ctx, QAWARD_EEXISTS, "%s.id: stage \"%s\" listed twice", ip.s, id);
        if (!strcmp(id, "refused") || !strcmp(id, "removed") || !strcmp(id, "dropped"))
            return qa_error(ctx, QAWARD_ESCHEMA, "%s.id: \"%s\" is reserved for a final state", ip.s, id);
        if ((rc = dup_str(ctx, &p->alloc, id, &s->id, ip.s)))
            return rc;
        p->nstages = i + 1;
        if ((rc = read_text(ctx, &p->alloc, o, ip.s, "name", &s->name)) ||
            (rc = read_text(ctx, &p->alloc, o, ip.s, "citation", &s->citation)))
            return rc;
        const qj_value *kinds = NULL;
        rc = qj_read_array(ctx, o, ip.s, "kinds", 0, &kinds);
        if (rc < 0)
            return rc;
        if (!kinds) {
            s->kinds = p->nkinds >= 32 ? 0xffffffffu : ((1u << p->nkinds) - 1u);
        } else {
            for (size_t k = 0; k < kinds->len; k++) {
                qj_path kp, kpi;
                qj_path_key(&kp, ip.s, "kinds");
                qj_path_index(&kpi, kp.s, k);
                size_t ki;
                const qj_value *v = &kinds->items[k];
                if (v->type != QJ_STRING)
                    return qa_error(ctx, QAWARD_ESCHEMA, "%s: expected a string (line %u, column %u)", kpi.s,
                                    (unsigned)v->line, (unsigned)v->col);
                if (!qa_proc_kind_index(p, v->str, &ki))
                    return qa_error(ctx, QAWARD_ENOTFOUND, "%s: \"%s\" is not in $.subject_kinds", kpi.s, v->str);
                s->kinds |= 1u << ki;
            }
            if (!s->kinds)
                return qa_error(ctx, QAWARD_ERANGE, "%s.kinds: at least one subject kind", ip.s);
        }
    }
    if (p->stages[0].kinds != (p->nkinds >= 32 ? 0xffffffffu : ((1u << p->nkinds) - 1u)))
        return qa_error(ctx, QAWARD_ERANGE, "$.stages[0].kinds: the first stage must apply to every subject kind");
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip, rp, rip;
        qj_path_index(&ip, "$.stages", i);
        qj_path_key(&rp, ip.s, "requires");
        const qj_value *reqs;
        if ((rc = qj_read_array(ctx, &arr->items[i], ip.s, "requires", 1, &reqs)))
            return rc;
        qa_stage *s = &p->stages[i];
        s->reqs = qa_acalloc(&p->alloc, reqs->len ? reqs->len : 1, sizeof *s->reqs);
        if (!s->reqs)
            return qa_error(ctx, QAWARD_ENOMEM, "procedure: out of memory");
        for (size_t r = 0; r < reqs->len; r++) {
            qj_path_index(&rip, rp.s, r);
            if ((rc = parse_req(ctx, p, &reqs->items[r], rip.s, &s->reqs[r])))
                return rc;
            s->nreqs = r + 1;
        }
    }
    return 0;
}

static int parse_procedure(void **out, qaward_ctx *ctx, const qj_doc *doc, const void *arg)
{
    qaward_procedure *p = *out;
    const qj_value *root = qj_root(doc);
    QA_UNUSED(arg);
    static const char *const keys[] = {"format", "version", "id", "name", "source", "calendar", "description",
                                       "subject_kinds", "notices", "stages", "site_review", "refusal",
                                       "objection", NULL};
    static const char *const formats[] = {"qaward-procedure", NULL};
    int fmt, rc;
    int64_t ver, max;
    const char *id, *source = "", *calendar = "", *desc;
    const qj_value *site, *ref, *obj;
    if ((rc = qj_expect(ctx, root, QJ_OBJECT, "$")) || (rc = qj_only_keys(ctx, root, "$", keys)) ||
        (rc = qj_read_enum(ctx, root, "$", "format", 1, formats, &fmt)) ||
        (rc = qj_read_int(ctx, root, "$", "version", 1, 1, 1, &ver)) ||
        (rc = qj_read_str(ctx, root, "$", "id", 1, 1, &id)) ||
        (rc = read_text(ctx, &p->alloc, root, "$", "name", &p->name)))
        return rc;
    if ((rc = qj_read_str(ctx, root, "$", "source", 0, 0, &source)) < 0 ||
        (rc = qj_read_str(ctx, root, "$", "calendar", 0, 0, &calendar)) < 0 ||
        (rc = qj_read_str(ctx, root, "$", "description", 0, 0, &desc)) < 0)
        return rc;
    if ((rc = dup_str(ctx, &p->alloc, id, &p->id, "$.id")) ||
        (rc = dup_str(ctx, &p->alloc, source, &p->source, "$.source")) ||
        (rc = dup_str(ctx, &p->alloc, calendar, &p->calendar, "$.calendar")))
        return rc;
    if ((rc = parse_kinds(ctx, p, root)) || (rc = parse_notices(ctx, p, root)) || (rc = parse_stages(ctx, p, root)))
        return rc;
    static const char *const skeys[] = {"max_days", "citation", NULL};
    if ((rc = qj_read_object(ctx, root, "$", "site_review", 1, &site)) ||
        (rc = qj_only_keys(ctx, site, "$.site_review", skeys)) ||
        (rc = qj_read_int(ctx, site, "$.site_review", "max_days", 1, 1, 366, &max)) ||
        (rc = read_text(ctx, &p->alloc, site, "$.site_review", "citation", &p->site_citation)))
        return rc;
    p->site_max_days = (int32_t)max;
    static const char *const rkeys[] = {"stage", "citation", "issuer", NULL};
    const char *rstage;
    if ((rc = qj_read_object(ctx, root, "$", "refusal", 1, &ref)) ||
        (rc = qj_only_keys(ctx, ref, "$.refusal", rkeys)) ||
        (rc = qj_read_str(ctx, ref, "$.refusal", "stage", 1, 1, &rstage)))
        return rc;
    if (!qa_proc_stage_index(p, rstage, &p->refusal_stage))
        return qa_error(ctx, QAWARD_ENOTFOUND, "$.refusal.stage: \"%s\" is not a stage of this procedure", rstage);
    if ((rc = read_text(ctx, &p->alloc, ref, "$.refusal", "citation", &p->refusal_citation)) ||
        (rc = read_text(ctx, &p->alloc, ref, "$.refusal", "issuer", &p->issuer)))
        return rc;
    static const char *const okeys[] = {"citation", NULL};
    if ((rc = qj_read_object(ctx, root, "$", "objection", 1, &obj)) ||
        (rc = qj_only_keys(ctx, obj, "$.objection", okeys)) ||
        (rc = read_text(ctx, &p->alloc, obj, "$.objection", "citation", &p->objection_citation)))
        return rc;
    return 0;
}

static void release_procedure(void *p) { qaward_procedure_free(p); }

static const qj_loader procedure_loader = {"procedure", NULL, sizeof(qaward_procedure),
                                           offsetof(qaward_procedure, alloc), parse_procedure, release_procedure, NULL};

int qaward_procedure_load_json(qaward_procedure **out, qaward_ctx *ctx, const char *json, size_t len)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "procedure: NULL argument");
    void *p;
    int rc = qj_load(&p, ctx, json, len, &procedure_loader, NULL);
    *out = p;
    return rc;
}

int qaward_procedure_builtin(qaward_procedure **out, qaward_ctx *ctx, const char *name)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !name)
        return qa_error(ctx, QAWARD_EINVAL, "procedure: NULL argument");
    const qa_embedded *e = qa_embedded_find("procedure", name);
    if (!e)
        return qa_error(ctx, QAWARD_ENOTFOUND, "procedure \"%s\": no such built-in procedure", name);
    int rc = qaward_procedure_load_json(out, ctx, e->data, e->len);
    if (rc)
        return qa_error_prefix(ctx, "built-in procedure \"%s\"", name);
    return rc;
}

/* ---- refusal letters (Art. 13(3)) ---- */

/* The letter body; used by the text and JSON forms. */
int qa_refusal_letter_alloc(char **out, const qaward_refusal *r, qaward_ctx *ctx, const qaward_procedure *p,
                            qaward_date date, int lang, const qaward_allocator *alloc)
{
    if (!out || !r || !ctx || !p || !qaward_date_valid(date))
        return qa_error(ctx, QAWARD_EINVAL, "refusal letter: NULL argument or invalid date");
    if (r->n == 0)
        return qa_error(ctx, QAWARD_ESTATE, "refusal letter for %s: no reasons; a refusal must give written "
                        "reasons (%s)", r->applicant, qa_ptext_get(&p->refusal_citation, 0));
    qa_buf b;
    qa_buf_init(&b, alloc);
    const char *cit = qa_ptext_get(&p->refusal_citation, lang);
    if (lang == 1) {
        qa_buf_printf(&b, "%s：\n\n", r->applicant);
        qa_buf_printf(&b, "经资格审核，你（单位）未被列入受理名单。根据%s，现退回申报材料，并书面说明理由如下：\n\n", cit);
        for (size_t i = 0; i < r->n; i++)
            qa_buf_printf(&b, "%zu. %s（%s）%s\n", i + 1, r->reasons[i].message.zh, r->reasons[i].citation.zh,
                          r->reasons[i].unknown ? "〔材料不足，无法认定〕" : "");
        qa_buf_printf(&b, "\n%s\n%d年%d月%d日\n", qa_ptext_get(&p->issuer, 1), (int)qaward_date_year(date),
                      (int)qaward_date_month(date), (int)qaward_date_day(date));
    } else {
        char d[QAWARD_DATE_STRLEN];
        qaward_date_format(d, date);
        qa_buf_printf(&b, "To: %s\n\n", r->applicant);
        qa_buf_printf(&b, "After the qualification check, your application has not been placed on the acceptance "
                      "list. Under %s the application materials are returned, with these written reasons:\n\n", cit);
        for (size_t i = 0; i < r->n; i++)
            qa_buf_printf(&b, "%zu. %s (%s)%s\n", i + 1, r->reasons[i].message.en, r->reasons[i].citation.en,
                          r->reasons[i].unknown ? " [undetermined: the materials lack a required fact]" : "");
        qa_buf_printf(&b, "\n%s\n%s\n", qa_ptext_get(&p->issuer, 0), d);
    }
    int rc = qa_buf_finish(&b, out, NULL);
    if (rc)
        return qa_error(ctx, rc, "refusal letter: out of memory");
    return 0;
}

int qaward_refusal_letter(char **out, const qaward_refusal *r, qaward_ctx *ctx, const qaward_procedure *p,
                          qaward_date date, int lang)
{
    if (out)
        *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    int rc = qa_refusal_letter_alloc(out, r, ctx, p, date, lang, &ctx->alloc);
    if (!rc)
        qa_ok(ctx);
    return rc;
}

/* ---- JSON results ---------------------------------------------------------------- */

static void w_text(qj_writer *w, const char *key, const qa_ptext *t)
{
    qw_key(w, key);
    if (!t->zh && !t->en) {
        qw_null(w);
        return;
    }
    qw_obj_begin(w);
    qw_kstr(w, "zh", t->zh);
    qw_kstr(w, "en", t->en);
    qw_obj_end(w);
}

static int finish(qj_writer *w, char **out, qaward_ctx *ctx)
{
    return qw_finish_ctx(w, out, ctx, "out of memory writing JSON");
}

int qaward_notice_check_json(char **out, qaward_ctx *ctx, const qaward_procedure *p, const qaward_calendar *cal,
                             const char *kind, qaward_date first, qaward_date last)
{
    if (out)
        *out = NULL;
    if (!out || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "notice check: NULL argument");
    int sat;
    int32_t wd;
    int rc = qaward_notice_check(&sat, &wd, ctx, p, cal, kind, first, last);
    if (rc)
        return rc;
    size_t k;
    qa_proc_notice_index(p, kind, &k);
    qaward_date end = QAWARD_DATE_NONE;
    if (qaward_calendar_notice_end(&end, ctx, cal, first, p->notices[k].min_days))
        end = QAWARD_DATE_NONE; /* the count runs into an unknown year: reported as null */
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    qw_kstr(&w, "kind", kind);
    w_text(&w, "name", &p->notices[k].name);
    qw_kdate(&w, "first", first);
    qw_kdate(&w, "last", last);
    qw_kint(&w, "working_days", wd);
    qw_kint(&w, "min_working_days", p->notices[k].min_days);
    qw_kbool(&w, "satisfied", sat);
    qw_kdate(&w, "earliest_last_day", end);
    w_text(&w, "citation", &p->notices[k].citation);
    qw_obj_end(&w);
    return finish(&w, out, ctx);
}

int qaward_refusal_to_json(char **out, const qaward_refusal *r, qaward_ctx *ctx, const qaward_procedure *p,
                           qaward_date date)
{
    if (out)
        *out = NULL;
    if (!out || !r || !ctx || !p)
        return qa_error(ctx, QAWARD_EINVAL, "refusal: NULL argument");
    char *zh = NULL, *en = NULL;
    int rc = qa_refusal_letter_alloc(&zh, r, ctx, p, date, 1, &ctx->alloc);
    if (!rc)
        rc = qa_refusal_letter_alloc(&en, r, ctx, p, date, 0, &ctx->alloc);
    if (rc) {
        qa_free(ctx, zh);
        return rc;
    }
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    qw_kstr(&w, "applicant", r->applicant);
    qw_kdate(&w, "date", date);
    w_text(&w, "citation", &p->refusal_citation);
    qw_key(&w, "reasons");
    qw_arr_begin(&w);
    for (size_t i = 0; i < r->n; i++) {
        qw_obj_begin(&w);
        qw_kstr(&w, "rule_id", r->reasons[i].rule_id);
        qw_kstr(&w, "outcome", r->reasons[i].unknown ? "unknown" : "fail");
        w_text(&w, "citation", &r->reasons[i].citation);
        w_text(&w, "message", &r->reasons[i].message);
        qw_obj_end(&w);
    }
    qw_arr_end(&w);
    qw_key(&w, "letter");
    qw_obj_begin(&w);
    qw_kstr(&w, "zh", zh);
    qw_kstr(&w, "en", en);
    qw_obj_end(&w);
    qw_obj_end(&w);
    qa_free(ctx, zh);
    qa_free(ctx, en);
    return finish(&w, out, ctx);
}

static const char *state_word(int state)
{
    return state == QA_ST_REFUSED ? "refused" : state == QA_ST_REMOVED ? "removed" : "dropped";
}

/* The timeline body (members of an open object). */
static void write_timeline(qj_writer *w, const qaward_timeline *t, qaward_ctx *ctx)
{
    const qaward_procedure *p = t->p;
    qw_kstr(w, "procedure", p->id);
    qw_key(w, "notices");
    qw_arr_begin(w);
    for (size_t i = 0; i < t->nnotices; i++) {
        const qa_notice *n = &t->notices[i];
        const qa_notice_kind *nk = &p->notices[n->kind];
        qaward_date end = QAWARD_DATE_NONE;
        if (qaward_calendar_notice_end(&end, ctx, t->cal, n->first, nk->min_days))
            end = QAWARD_DATE_NONE;
        qw_obj_begin(w);
        qw_kstr(w, "kind", nk->kind);
        qw_kdate(w, "first", n->first);
        qw_kdate(w, "last", n->last);
        qw_kint(w, "working_days", n->working_days);
        qw_kint(w, "min_working_days", nk->min_days);
        qw_kbool(w, "satisfied", n->working_days >= nk->min_days);
        qw_kdate(w, "earliest_last_day", end);
        w_text(w, "citation", &nk->citation);
        qw_key(w, "applicants");
        qw_arr_begin(w);
        for (size_t j = 0; j < n->napps; j++)
            qw_str(w, t->apps[n->apps[j]].id);
        qw_arr_end(w);
        qw_obj_end(w);
    }
    qw_arr_end(w);
    qw_key(w, "applicants");
    qw_arr_begin(w);
    for (size_t i = 0; i < t->napps; i++) {
        const qa_applicant *a = &t->apps[i];
        qw_obj_begin(w);
        qw_kstr(w, "id", a->id);
        qw_kstr(w, "name", a->name);
        qw_kstr(w, "kind", p->kinds[a->kind]);
        qw_kstr(w, "stage", qa_tl_state_name(t, a));
        qw_key(w, "history");
        qw_arr_begin(w);
        for (size_t s = 0; s < a->nsteps; s++) {
            const qa_step *st = &a->steps[s];
            qw_obj_begin(w);
            qw_kstr(w, "stage", st->state == QA_ST_STAGE ? p->stages[st->stage].id : state_word(st->state));
            qw_kdate(w, "date", st->date);
            if (st->note)
                qw_kstr(w, "note", st->note);
            qw_obj_end(w);
        }
        qw_arr_end(w);
        qw_obj_end(w);
    }
    qw_arr_end(w);
    qw_key(w, "objections");
    qw_arr_begin(w);
    for (size_t i = 0; i < t->nobjs; i++) {
        const qa_objection *o = &t->objs[i];
        const qa_applicant *a = &t->apps[o->app];
        const qa_step *st = &a->steps[o->stage_state];
        qw_obj_begin(w);
        qw_kstr(w, "id", o->id);
        qw_kstr(w, "applicant", a->id);
        qw_kstr(w, "stage", p->stages[st->stage].id);
        qw_kstr(w, "notice", o->notice);
        qw_kdate(w, "opened", o->opened);
        qw_kdate(w, "resolved", o->resolved);
        qw_kstr(w, "outcome", o->resolved == QAWARD_DATE_NONE ? "open" : o->upheld ? "upheld" : "dismissed");
        qw_kstr(w, "reason", o->reason);
        w_text(w, "citation", &p->objection_citation);
        qw_obj_end(w);
    }
    qw_arr_end(w);
}

int qaward_timeline_to_json(char **out, const qaward_timeline *t, qaward_ctx *ctx)
{
    if (out)
        *out = NULL;
    if (!out || !t || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: NULL argument");
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    write_timeline(&w, t, ctx);
    qw_key(&w, "fields");
    qw_obj_begin(&w);
    for (size_t i = 0; i < t->napps; i++) {
        const qa_applicant *a = &t->apps[i];
        qw_key(&w, a->id);
        qw_arr_begin(&w);
        for (size_t f = 0; f < a->nfields; f++) {
            qw_obj_begin(&w);
            qw_kstr(&w, "key", a->fields[f].key);
            qw_kstr(&w, "value", a->fields[f].value);
            qw_kbool(&w, "trade_secret", a->fields[f].secret);
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
    }
    qw_obj_end(&w);
    qw_obj_end(&w);
    return finish(&w, out, ctx);
}

int qaward_timeline_public_list_json(char **out, const qaward_timeline *t, qaward_ctx *ctx, const char *notice_kind)
{
    if (out)
        *out = NULL;
    if (!out || !t || !ctx || !notice_kind)
        return qa_error(ctx, QAWARD_EINVAL, "public list: NULL argument");
    size_t k;
    if (!qa_proc_notice_index(t->p, notice_kind, &k))
        return qa_error(ctx, QAWARD_ENOTFOUND, "public list: notice kind \"%s\" is not in procedure \"%s\"",
                        notice_kind, t->p->id);
    const qa_notice_kind *nk = &t->p->notices[k];
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    qw_kstr(&w, "kind", nk->kind);
    w_text(&w, "name", &nk->name);
    w_text(&w, "citation", &nk->citation);
    qw_key(&w, "notices");
    qw_arr_begin(&w);
    for (size_t i = 0; i < t->nnotices; i++) {
        const qa_notice *n = &t->notices[i];
        if (n->kind != k)
            continue;
        qw_obj_begin(&w);
        qw_kdate(&w, "first", n->first);
        qw_kdate(&w, "last", n->last);
        qw_key(&w, "entries");
        qw_arr_begin(&w);
        for (size_t j = 0; j < n->napps; j++) {
            const qa_applicant *a = &t->apps[n->apps[j]];
            qw_obj_begin(&w);
            qw_kstr(&w, "name", a->name);
            qw_kstr(&w, "kind", t->p->kinds[a->kind]);
            qw_key(&w, "fields");
            qw_obj_begin(&w);
            for (size_t f = 0; f < a->nfields; f++)
                if (!a->fields[f].secret) /* R19: trade secrets never reach a public list */
                    qw_kstr(&w, a->fields[f].key, a->fields[f].value);
            qw_obj_end(&w);
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
        qw_obj_end(&w);
    }
    qw_arr_end(&w);
    qw_obj_end(&w);
    return finish(&w, out, ctx);
}

/* ---- timeline documents ---------------------------------------------------------- */

enum { EV_RESOLVE = 0, EV_TRANSITION = 1, EV_OPEN = 2 };

typedef struct qa_event {
    qaward_date date;
    int kind;
    size_t index;              /* in its JSON array */
    const qj_value *v;
    char path[256];
} qa_event;

static int cmp_event(const void *a, const void *b)
{
    const qa_event *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int load_applicants(qaward_ctx *ctx, qaward_timeline *t, const qj_value *root)
{
    static const char *const keys[] = {"id", "name", "kind", "declared", "fields", "qualification", "scores",
                                       "site_review", NULL};
    static const char *const quals[] = {"unknown", "passed", "failed", NULL};
    const qj_value *arr;
    int rc = qj_read_array(ctx, root, "$", "applicants", 1, &arr);
    if (rc)
        return rc;
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.applicants", i);
        const qj_value *o = &arr->items[i];
        const char *id, *name, *kind;
        qaward_date declared;
        if ((rc = qj_expect(ctx, o, QJ_OBJECT, ip.s)) || (rc = qj_only_keys(ctx, o, ip.s, keys)) ||
            (rc = qj_read_str(ctx, o, ip.s, "id", 1, 1, &id)) ||
            (rc = qj_read_str(ctx, o, ip.s, "name", 1, 1, &name)) ||
            (rc = qj_read_str(ctx, o, ip.s, "kind", 1, 1, &kind)) ||
            (rc = qj_read_date(ctx, o, ip.s, "declared", 1, &declared)))
            return rc;
        if ((rc = qaward_timeline_add_applicant(t, ctx, id, name, kind, declared)))
            return qa_error_prefix(ctx, "%s", ip.s);
        int q = 0;
        if ((rc = qj_read_enum(ctx, o, ip.s, "qualification", 0, quals, &q)) < 0)
            return rc;
        t->apps[t->napps - 1].qualification = q;
        const qj_value *fields = NULL, *scores = NULL, *site = NULL;
        if ((rc = qj_read_array(ctx, o, ip.s, "fields", 0, &fields)) < 0 ||
            (rc = qj_read_object(ctx, o, ip.s, "scores", 0, &scores)) < 0 ||
            (rc = qj_read_object(ctx, o, ip.s, "site_review", 0, &site)) < 0)
            return rc;
        for (size_t f = 0; fields && f < fields->len; f++) {
            static const char *const fkeys[] = {"key", "value", "trade_secret", NULL};
            qj_path fp, fip;
            qj_path_key(&fp, ip.s, "fields");
            qj_path_index(&fip, fp.s, f);
            const char *key, *value;
            int secret = 0;
            const qj_value *fo = &fields->items[f];
            if ((rc = qj_expect(ctx, fo, QJ_OBJECT, fip.s)) || (rc = qj_only_keys(ctx, fo, fip.s, fkeys)) ||
                (rc = qj_read_str(ctx, fo, fip.s, "key", 1, 1, &key)) ||
                (rc = qj_read_str(ctx, fo, fip.s, "value", 1, 0, &value)))
                return rc;
            if ((rc = qj_read_bool(ctx, fo, fip.s, "trade_secret", 0, &secret)) < 0)
                return rc;
            if ((rc = qaward_timeline_add_field(t, ctx, id, key, value, secret)))
                return qa_error_prefix(ctx, "%s", fip.s);
        }
        if (scores) {
            qj_path sp;
            qj_path_key(&sp, ip.s, "scores");
            for (size_t s = 0; s < scores->len; s++) {
                int64_t v;
                if ((rc = qj_read_fixed2(ctx, scores, sp.s, scores->keys[s], 1, INT64_MIN / 2, INT64_MAX / 2, &v)))
                    return rc;
                if ((rc = qaward_timeline_set_score(t, ctx, id, scores->keys[s], v)))
                    return qa_error_prefix(ctx, "%s.%s", sp.s, scores->keys[s]);
            }
        }
        if (site) {
            static const char *const skeys[] = {"first", "last", NULL};
            qj_path sp;
            qj_path_key(&sp, ip.s, "site_review");
            qaward_date f, l;
            if ((rc = qj_only_keys(ctx, site, sp.s, skeys)) || (rc = qj_read_date(ctx, site, sp.s, "first", 1, &f)) ||
                (rc = qj_read_date(ctx, site, sp.s, "last", 1, &l)))
                return rc;
            if ((rc = qaward_timeline_set_site_review(t, ctx, id, f, l)))
                return qa_error_prefix(ctx, "%s", sp.s);
        }
    }
    return 0;
}

static int load_notices(qaward_ctx *ctx, qaward_timeline *t, const qj_value *root)
{
    static const char *const keys[] = {"kind", "first", "last", "applicants", NULL};
    const qj_value *arr;
    int rc = qj_read_array(ctx, root, "$", "notices", 1, &arr);
    if (rc)
        return rc;
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.notices", i);
        const qj_value *o = &arr->items[i], *apps;
        const char *kind;
        qaward_date first, last;
        if ((rc = qj_expect(ctx, o, QJ_OBJECT, ip.s)) || (rc = qj_only_keys(ctx, o, ip.s, keys)) ||
            (rc = qj_read_str(ctx, o, ip.s, "kind", 1, 1, &kind)) ||
            (rc = qj_read_date(ctx, o, ip.s, "first", 1, &first)) ||
            (rc = qj_read_date(ctx, o, ip.s, "last", 1, &last)) ||
            (rc = qj_read_array(ctx, o, ip.s, "applicants", 1, &apps)))
            return rc;
        const char **ids = qa_calloc(ctx, apps->len ? apps->len : 1, sizeof *ids);
        if (!ids)
            return QAWARD_ENOMEM;
        for (size_t j = 0; j < apps->len; j++) {
            if (apps->items[j].type != QJ_STRING) {
                qa_free(ctx, ids);
                return qa_error(ctx, QAWARD_ESCHEMA, "%s.applicants[%zu]: expected a string (line %u, column %u)",
                                ip.s, j, (unsigned)apps->items[j].line, (unsigned)apps->items[j].col);
            }
            ids[j] = apps->items[j].str;
        }
        rc = qaward_timeline_add_notice(t, ctx, kind, first, last, ids, apps->len);
        qa_free(ctx, ids);
        if (rc)
            return qa_error_prefix(ctx, "%s", ip.s);
    }
    return 0;
}

/* An ESTATE from an objection call becomes a violation in a validation. */
static int estate_to_violation(qaward_timeline *t, qaward_ctx *ctx, int rc, const char *code, const char *app,
                               qaward_date date)
{
    if (rc != QAWARD_ESTATE)
        return rc;
    char msg[QA_MSG_MAX];
    snprintf(msg, sizeof msg, "%s", qaward_ctx_message(ctx));
    return qa_tl_violation(t, ctx, code, app, date, &t->p->objection_citation, msg);
}

static int read_refusal(qaward_ctx *ctx, const qj_value *o, const char *path, const char *name, qaward_refusal **out)
{
    static const char *const rkeys[] = {"rule_id", "outcome", "citation", "message", NULL};
    static const char *const outcomes[] = {"fail", "unknown", NULL};
    const qj_value *arr = NULL; /* stays NULL when "reasons" is absent (optional) */
    int rc = qj_read_array(ctx, o, path, "reasons", 0, &arr);
    if (rc < 0)
        return rc;
    if ((rc = qaward_refusal_new(out, ctx, name)))
        return rc;
    for (size_t i = 0; arr && i < arr->len; i++) {
        qj_path rp, rip;
        qj_path_key(&rp, path, "reasons");
        qj_path_index(&rip, rp.s, i);
        const qj_value *r = &arr->items[i];
        const char *rule;
        int outcome;
        qa_ptext cit = {0}, msg = {0};
        if ((rc = qj_expect(ctx, r, QJ_OBJECT, rip.s)) || (rc = qj_only_keys(ctx, r, rip.s, rkeys)) ||
            (rc = qj_read_str(ctx, r, rip.s, "rule_id", 1, 1, &rule)) ||
            (rc = qj_read_enum(ctx, r, rip.s, "outcome", 1, outcomes, &outcome)) ||
            (rc = read_text(ctx, &ctx->alloc, r, rip.s, "citation", &cit)) ||
            (rc = read_text(ctx, &ctx->alloc, r, rip.s, "message", &msg)) ||
            (rc = qaward_refusal_add_reason(*out, ctx, rule, outcome, cit.zh, cit.en, msg.zh, msg.en))) {
            qa_ptext_clear(&ctx->alloc, &cit);
            qa_ptext_clear(&ctx->alloc, &msg);
            qaward_refusal_free(*out);
            *out = NULL;
            return rc;
        }
        qa_ptext_clear(&ctx->alloc, &cit);
        qa_ptext_clear(&ctx->alloc, &msg);
    }
    return 0;
}

static int apply_event(qaward_ctx *ctx, qaward_timeline *t, const qa_event *e)
{
    const qj_value *o = e->v;
    const char *path = e->path;
    int rc;
    if (e->kind == EV_TRANSITION) {
        const char *app, *to, *reason = NULL;
        (void)qj_read_str(ctx, o, path, "applicant", 1, 1, &app);
        (void)qj_read_str(ctx, o, path, "to", 1, 1, &to);
        if ((rc = qj_read_str(ctx, o, path, "reason", 0, 1, &reason)) < 0)
            return rc;
        if (!strcmp(to, "refused")) {
            size_t ai;
            if (!qa_tl_find(t, app, &ai))
                return qa_error(ctx, QAWARD_ENOTFOUND, "%s.applicant: \"%s\" is not in $.applicants", path, app);
            qaward_refusal *r = NULL;
            if ((rc = read_refusal(ctx, o, path, t->apps[ai].name, &r)))
                return rc;
            rc = qaward_timeline_refuse(t, ctx, app, e->date, r);
            qaward_refusal_free(r);
        } else if (!strcmp(to, "dropped")) {
            rc = qaward_timeline_drop(t, ctx, app, e->date, reason ? reason : "not selected");
        } else {
            rc = qa_tl_advance(t, ctx, app, to, e->date);
        }
        if (rc)
            return qa_error_prefix(ctx, "%s", path);
        return 0;
    }
    const char *id, *app;
    (void)qj_read_str(ctx, o, path, "id", 1, 1, &id);
    (void)qj_read_str(ctx, o, path, "applicant", 1, 1, &app);
    if (e->kind == EV_OPEN) {
        const char *notice = NULL;
        if ((rc = qj_read_str(ctx, o, path, "notice", 0, 1, &notice)) < 0)
            return rc;
        rc = qaward_timeline_objection_open(t, ctx, id, app, e->date, notice);
        rc = estate_to_violation(t, ctx, rc, "objection_rejected", app, e->date);
    } else {
        static const char *const outcomes[] = {"dismissed", "upheld", NULL};
        int upheld;
        const char *reason;
        if ((rc = qj_read_enum(ctx, o, path, "outcome", 1, outcomes, &upheld)) ||
            (rc = qj_read_str(ctx, o, path, "reason", 1, 1, &reason)))
            return rc;
        size_t ai;
        int known = 0;
        for (size_t i = 0; i < t->nobjs; i++)
            known |= !strcmp(t->objs[i].id, id);
        if (!known) /* opening was rejected as a violation */
            return 0;
        rc = qaward_timeline_objection_resolve(t, ctx, id, e->date, upheld, reason);
        rc = estate_to_violation(t, ctx, rc, "objection_rejected", qa_tl_find(t, app, &ai) ? app : NULL, e->date);
    }
    if (rc)
        return qa_error_prefix(ctx, "%s", path);
    return 0;
}

static int collect_events(qaward_ctx *ctx, const qj_value *root, qa_event **out, size_t *nout)
{
    static const char *const tkeys[] = {"applicant", "to", "date", "reason", "reasons", NULL};
    static const char *const okeys[] = {"id", "applicant", "opened", "notice", "resolved", "outcome", "reason", NULL};
    const qj_value *tr, *ob;
    int rc;
    if ((rc = qj_read_array(ctx, root, "$", "transitions", 1, &tr)) ||
        (rc = qj_read_array(ctx, root, "$", "objections", 1, &ob)))
        return rc;
    size_t cap = tr->len + 2 * ob->len, n = 0;
    qa_event *ev = qa_calloc(ctx, cap ? cap : 1, sizeof *ev);
    if (!ev)
        return QAWARD_ENOMEM;
    for (size_t i = 0; i < tr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.transitions", i);
        const qj_value *o = &tr->items[i];
        const char *s;
        qaward_date d;
        if ((rc = qj_expect(ctx, o, QJ_OBJECT, ip.s)) || (rc = qj_only_keys(ctx, o, ip.s, tkeys)) ||
            (rc = qj_read_str(ctx, o, ip.s, "applicant", 1, 1, &s)) ||
            (rc = qj_read_str(ctx, o, ip.s, "to", 1, 1, &s)) || (rc = qj_read_date(ctx, o, ip.s, "date", 1, &d)))
            goto fail;
        ev[n].date = d;
        ev[n].kind = EV_TRANSITION;
        ev[n].index = i;
        ev[n].v = o;
        snprintf(ev[n].path, sizeof ev[n].path, "%s", ip.s);
        n++;
    }
    for (size_t i = 0; i < ob->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.objections", i);
        const qj_value *o = &ob->items[i];
        const char *s;
        qaward_date d, r = QAWARD_DATE_NONE;
        if ((rc = qj_expect(ctx, o, QJ_OBJECT, ip.s)) || (rc = qj_only_keys(ctx, o, ip.s, okeys)) ||
            (rc = qj_read_str(ctx, o, ip.s, "id", 1, 1, &s)) ||
            (rc = qj_read_str(ctx, o, ip.s, "applicant", 1, 1, &s)) ||
            (rc = qj_read_date(ctx, o, ip.s, "opened", 1, &d)))
            goto fail;
        if ((rc = qj_read_date(ctx, o, ip.s, "resolved", 0, &r)) < 0)
            goto fail;
        rc = 0;
        if ((r != QAWARD_DATE_NONE) != (qj_get(o, "outcome") != NULL)) {
            rc = qa_error(ctx, QAWARD_ESCHEMA, "%s: \"resolved\" and \"outcome\" go together (line %u, column %u)",
                          ip.s, (unsigned)o->line, (unsigned)o->col);
            goto fail;
        }
        ev[n] = (qa_event){d, EV_OPEN, i, o, {0}};
        snprintf(ev[n].path, sizeof ev[n].path, "%s", ip.s);
        n++;
        if (r != QAWARD_DATE_NONE) {
            ev[n] = (qa_event){r, EV_RESOLVE, i, o, {0}};
            snprintf(ev[n].path, sizeof ev[n].path, "%s", ip.s);
            n++;
        }
    }
    qsort(ev, n, sizeof *ev, cmp_event);
    *out = ev;
    *nout = n;
    return 0;
fail:
    qa_free(ctx, ev);
    return rc;
}

/* Replay a timeline document (lenient: violations recorded); on success *out
 * owns any built-in procedure/calendar it loaded and *report (if asked) holds the report. */
static int replay(qaward_timeline **out, char **report, size_t *violations, qaward_ctx *ctx, const qaward_procedure *p,
                  const qaward_calendar *cal, const char *json, size_t len)
{
    *out = NULL;
    if (report)
        *report = NULL;
    if (violations)
        *violations = 0;
    static const char *const keys[] = {"format", "version", "description", "procedure", "calendar", "applicants",
                                       "notices", "transitions", "objections", NULL};
    static const char *const formats[] = {"qaward-timeline", NULL};
    qj_doc *doc = NULL;
    qaward_procedure *own_p = NULL;
    qaward_calendar *own_cal = NULL;
    qaward_timeline *t = NULL;
    qa_event *ev = NULL;
    size_t nev = 0;
    int rc = qj_parse(&doc, ctx, json, len, "timeline");
    if (rc)
        return rc;
    const qj_value *root = qj_root(doc);
    int fmt;
    int64_t ver;
    const char *pname = NULL, *cname = NULL;
    if ((rc = qj_expect(ctx, root, QJ_OBJECT, "$")) || (rc = qj_only_keys(ctx, root, "$", keys)) ||
        (rc = qj_read_enum(ctx, root, "$", "format", 1, formats, &fmt)) ||
        (rc = qj_read_int(ctx, root, "$", "version", 1, 1, 1, &ver)))
        goto done;
    if ((rc = qj_read_str(ctx, root, "$", "procedure", 0, 1, &pname)) < 0 ||
        (rc = qj_read_str(ctx, root, "$", "calendar", 0, 1, &cname)) < 0)
        goto done;
    rc = 0;
    if (!p) {
        if (!pname) {
            rc = qa_error(ctx, QAWARD_ESCHEMA, "$.procedure: required when no procedure is supplied");
            goto done;
        }
        if ((rc = qaward_procedure_builtin(&own_p, ctx, pname)))
            goto done;
        p = own_p;
    }
    if (!cal) {
        const char *c = cname ? cname : p->calendar;
        if (!c || !*c) {
            rc = qa_error(ctx, QAWARD_ESCHEMA, "$.calendar: required (procedure \"%s\" names none)", p->id);
            goto done;
        }
        if ((rc = qaward_calendar_builtin(&own_cal, ctx, c)))
            goto done;
        cal = own_cal;
    }
    if ((rc = qaward_timeline_new(&t, ctx, p, cal)))
        goto done;
    t->lenient = 1;
    t->own_p = own_p;
    t->own_cal = own_cal;
    own_p = NULL;
    own_cal = NULL;
    if ((rc = load_applicants(ctx, t, root)) || (rc = load_notices(ctx, t, root)) ||
        (rc = collect_events(ctx, root, &ev, &nev)))
        goto done;
    for (size_t i = 0; i < nev; i++)
        if ((rc = apply_event(ctx, t, &ev[i])))
            goto done;
    /* Art. 14: an objection never resolved holds its applicant for good. */
    for (size_t i = 0; i < t->nobjs; i++)
        if (t->objs[i].resolved == QAWARD_DATE_NONE) {
            char msg[QA_MSG_MAX];
            snprintf(msg, sizeof msg, "objection %s about applicant %s is still open (%s)", t->objs[i].id,
                     t->apps[t->objs[i].app].id, p->objection_citation.en);
            if ((rc = qa_tl_violation(t, ctx, "objection_unresolved", t->apps[t->objs[i].app].id, t->objs[i].opened,
                                      &p->objection_citation, msg)))
                goto done;
        }
    if (report) {
        qj_writer w;
        qw_init(&w, &ctx->alloc, 1);
        qw_obj_begin(&w);
        qw_kbool(&w, "ok", t->nviol == 0);
        qw_kint(&w, "violation_count", (int64_t)t->nviol);
        qw_key(&w, "violations");
        qw_arr_begin(&w);
        for (size_t i = 0; i < t->nviol; i++) {
            const qa_violation *v = &t->viol[i];
            qw_obj_begin(&w);
            qw_kstr(&w, "code", v->code);
            qw_kstr(&w, "applicant", v->applicant);
            qw_kdate(&w, "date", v->date);
            w_text(&w, "citation", &v->citation);
            qw_kstr(&w, "message", v->message);
            qw_obj_end(&w);
        }
        qw_arr_end(&w);
        write_timeline(&w, t, ctx);
        /* Art. 13(3): each refused applicant's letter, in both languages */
        qw_key(&w, "refusals");
        qw_arr_begin(&w);
        for (size_t i = 0; i < t->napps; i++) {
            const qa_applicant *a = &t->apps[i];
            const qa_step *st = &a->steps[a->nsteps - 1];
            if (st->state != QA_ST_REFUSED || !a->refusal)
                continue;
            char *zh = NULL, *en = NULL;
            if ((rc = qa_refusal_letter_alloc(&zh, a->refusal, ctx, p, st->date, 1, &ctx->alloc)) ||
                (rc = qa_refusal_letter_alloc(&en, a->refusal, ctx, p, st->date, 0, &ctx->alloc))) {
                qa_free(ctx, zh);
                char *tmp = NULL;
                if (!qw_finish(&w, &tmp, NULL))
                    qa_free(ctx, tmp);
                goto done;
            }
            qw_obj_begin(&w);
            qw_kstr(&w, "applicant", a->id);
            qw_kdate(&w, "date", st->date);
            qw_key(&w, "letter");
            qw_obj_begin(&w);
            qw_kstr(&w, "zh", zh);
            qw_kstr(&w, "en", en);
            qw_obj_end(&w);
            qw_obj_end(&w);
            qa_free(ctx, zh);
            qa_free(ctx, en);
        }
        qw_arr_end(&w);
        qw_obj_end(&w);
        if ((rc = finish(&w, report, ctx)))
            goto done;
    }
    if (violations)
        *violations = t->nviol;
    t->lenient = 0; /* from here on the timeline is an ordinary one: illegal transitions fail (R15) */
    *out = t;
    t = NULL;
done:
    qa_free(ctx, ev);
    qaward_timeline_free(t);
    qaward_calendar_free(own_cal);
    qaward_procedure_free(own_p);
    qj_free(doc);
    return rc;
}

int qaward_timeline_validate_json(char **report, size_t *violations, qaward_ctx *ctx, const qaward_procedure *p,
                                  const qaward_calendar *cal, const char *json, size_t len)
{
    if (report)
        *report = NULL;
    if (violations)
        *violations = 0;
    if (!report || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: NULL argument");
    qaward_timeline *t = NULL;
    int rc = replay(&t, report, violations, ctx, p, cal, json, len);
    qaward_timeline_free(t);
    if (!rc)
        qa_ok(ctx);
    return rc;
}

int qaward_timeline_load_json(qaward_timeline **out, char **report, size_t *violations, qaward_ctx *ctx,
                              const qaward_procedure *p, const qaward_calendar *cal, const char *json, size_t len)
{
    if (out)
        *out = NULL;
    if (report)
        *report = NULL;
    if (violations)
        *violations = 0;
    if (!out || !ctx || !json)
        return qa_error(ctx, QAWARD_EINVAL, "timeline: NULL argument");
    int rc = replay(out, report, violations, ctx, p, cal, json, len);
    if (!rc)
        qa_ok(ctx);
    return rc;
}

int qaward_timeline_refusal_letter(char **out, const qaward_timeline *t, qaward_ctx *ctx, const char *id, int lang)
{
    if (out)
        *out = NULL;
    if (!out || !t || !ctx || !id)
        return qa_error(ctx, QAWARD_EINVAL, "timeline refusal letter: NULL argument");
    size_t ai;
    if (!qa_tl_find(t, id, &ai))
        return qa_error(ctx, QAWARD_ENOTFOUND, "timeline: no applicant \"%s\"", id);
    const qa_applicant *a = &t->apps[ai];
    const qa_step *last = &a->steps[a->nsteps - 1];
    if (last->state != QA_ST_REFUSED || !a->refusal)
        return qa_error(ctx, QAWARD_ESTATE, "applicant %s was not refused with written reasons (%s): stage %s", id,
                        t->p->refusal_citation.en, qa_tl_state_name(t, a));
    int rc = qaward_refusal_letter(out, a->refusal, ctx, t->p, last->date, lang);
    return rc;
}

/* Text renderings (zh/en). Violation messages exist in English only; their
 * citations, stage names, notice names and refusal letters follow @p lang. */
int qaward_timeline_report_text(char **out, const qaward_timeline *t, qaward_ctx *ctx, int lang)
{
    if (out)
        *out = NULL;
    if (!out || !t || !ctx || (lang != 0 && lang != 1))
        return qa_error(ctx, QAWARD_EINVAL, "timeline text: NULL argument or lang not 0/1");
    const qaward_procedure *p = t->p;
    qa_buf b;
    qa_buf_init(&b, &ctx->alloc);
    qa_buf_printf(&b, lang ? "违规 %zu 处：\n" : "%zu violation(s):\n", t->nviol);
    for (size_t i = 0; i < t->nviol; i++) {
        const qa_violation *v = &t->viol[i];
        qa_buf_printf(&b, "  - [%s] %s\n", qa_ptext_get(&v->citation, lang), v->message);
    }
    qa_buf_printf(&b, lang ? "申报者：\n" : "Applicants:\n");
    for (size_t i = 0; i < t->napps; i++) {
        const qa_applicant *a = &t->apps[i];
        const qa_step *st = &a->steps[a->nsteps - 1];
        const char *stage = st->state == QA_ST_STAGE ? qa_ptext_get(&p->stages[st->stage].name, lang)
                            : lang ? (st->state == QA_ST_REFUSED ? "不予受理" : st->state == QA_ST_REMOVED ? "已取消" : "未通过")
                                   : state_word(st->state);
        char d[QAWARD_DATE_STRLEN];
        qaward_date_format(d, st->date);
        qa_buf_printf(&b, "  %s %s: %s (%s)\n", a->id, a->name, stage, d);
    }
    for (size_t i = 0; i < t->napps; i++) {
        const qa_applicant *a = &t->apps[i];
        const qa_step *st = &a->steps[a->nsteps - 1];
        if (st->state != QA_ST_REFUSED || !a->refusal)
            continue;
        char *letter = NULL;
        int rc = qa_refusal_letter_alloc(&letter, a->refusal, ctx, p, st->date, lang, &ctx->alloc);
        if (rc) {
            qa_buf_discard(&b);
            return rc;
        }
        qa_buf_printf(&b, lang ? "\n—— 不予受理通知（%s）——\n%s" : "\n--- refusal letter (%s) ---\n%s", a->id, letter);
        qa_free(ctx, letter);
    }
    int rc = qa_buf_finish(&b, out, NULL);
    if (rc)
        return qa_error(ctx, rc, "timeline text: out of memory");
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_timeline_public_list_text(char **out, const qaward_timeline *t, qaward_ctx *ctx, const char *notice_kind,
                                     int lang)
{
    if (out)
        *out = NULL;
    if (!out || !t || !ctx || !notice_kind || (lang != 0 && lang != 1))
        return qa_error(ctx, QAWARD_EINVAL, "public list: NULL argument or lang not 0/1");
    size_t k;
    if (!qa_proc_notice_index(t->p, notice_kind, &k))
        return qa_error(ctx, QAWARD_ENOTFOUND, "public list: notice kind \"%s\" is not in procedure \"%s\"",
                        notice_kind, t->p->id);
    const qa_notice_kind *nk = &t->p->notices[k];
    qa_buf b;
    qa_buf_init(&b, &ctx->alloc);
    qa_buf_printf(&b, "%s (%s)\n", qa_ptext_get(&nk->name, lang), qa_ptext_get(&nk->citation, lang));
    size_t shown = 0;
    for (size_t i = 0; i < t->nnotices; i++) {
        const qa_notice *n = &t->notices[i];
        if (n->kind != k)
            continue;
        char d1[QAWARD_DATE_STRLEN], d2[QAWARD_DATE_STRLEN];
        qaward_date_format(d1, n->first);
        qaward_date_format(d2, n->last);
        qa_buf_printf(&b, lang ? "公示期 %s 至 %s\n" : "notice %s to %s\n", d1, d2);
        for (size_t j = 0; j < n->napps; j++) {
            const qa_applicant *a = &t->apps[n->apps[j]];
            qa_buf_printf(&b, "  - %s", a->name);
            const char *sep = "  ";
            for (size_t f = 0; f < a->nfields; f++)
                if (!a->fields[f].secret) { /* R19: trade secrets never reach a public list */
                    qa_buf_printf(&b, "%s%s=%s", sep, a->fields[f].key, a->fields[f].value);
                    sep = ", ";
                }
            qa_buf_printf(&b, "\n");
        }
        shown++;
    }
    if (!shown)
        qa_buf_printf(&b, lang ? "（本期无此类公示）\n" : "(no notice of this kind on the timeline)\n");
    int rc = qa_buf_finish(&b, out, NULL);
    if (rc)
        return qa_error(ctx, rc, "public list: out of memory");
    qa_ok(ctx);
    return QAWARD_OK;
}

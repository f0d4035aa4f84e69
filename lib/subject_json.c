/* subject JSON: the subject format (docs/subject.md) in and out. */
#include "json.h"
#include "subject_int.h"
#include <stdio.h>
#include <stdlib.h>

#define TRY(x)                                                                                                         \
    do {                                                                                                               \
        int rc_ = (x);                                                                                                 \
        if (rc_ < 0)                                                                                                   \
            return rc_;                                                                                                \
    } while (0)

static int at(qaward_ctx *ctx, int code, const qj_value *v, const char *path, const char *msg)
{
    return qa_error(ctx, code, "%s: %s (line %u, column %u)", path, msg, (unsigned)v->line, (unsigned)v->col);
}

/* A setter failed: keep its code, name the path. */
static int setter(qaward_ctx *ctx, int rc, const qj_value *v, const char *path)
{
    if (rc == QAWARD_ENOMEM)
        return rc;
    char m[QA_MSG_MAX];
    snprintf(m, sizeof m, "%s", qaward_ctx_message(ctx));
    return qa_error(ctx, rc == QAWARD_EINVAL ? QAWARD_ERANGE : rc, "%s: %s (line %u, column %u)", path, m,
                    (unsigned)v->line, (unsigned)v->col);
}

static int read_certs(qaward_ctx *ctx, qaward_subject *s, const qj_value *o, const char *path)
{
    const qj_value *arr;
    int rc = qj_read_array(ctx, o, path, "certificates", 0, &arr);
    if (rc)
        return rc < 0 ? rc : 0;
    qj_path ap;
    qj_path_key(&ap, path, "certificates");
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, ap.s, i);
        const qj_value *c = &arr->items[i];
        static const char *const keys[] = {"type", "level", "valid_from", "valid_to", "number", NULL};
        TRY(qj_only_keys(ctx, c, ip.s, keys));
        const char *type, *level = NULL, *num = NULL;
        qaward_date from, to = QAWARD_DATE_NONE;
        TRY(qj_read_str(ctx, c, ip.s, "type", 1, 1, &type));
        TRY(qj_read_str(ctx, c, ip.s, "level", 0, 1, &level));
        TRY(qj_read_str(ctx, c, ip.s, "number", 0, 0, &num));
        TRY(qj_read_date(ctx, c, ip.s, "valid_from", 1, &from));
        TRY(qj_read_date(ctx, c, ip.s, "valid_to", 0, &to));
        if ((rc = qaward_subject_add_certificate(s, ctx, type, level, from, to)))
            return setter(ctx, rc, c, ip.s);
    }
    s->certs_known = 1;
    return 0;
}

static int read_events(qaward_ctx *ctx, qaward_subject *s, const qj_value *o, const char *path)
{
    const qj_value *arr;
    int rc = qj_read_array(ctx, o, path, "events", 0, &arr);
    if (rc)
        return rc < 0 ? rc : 0;
    qj_path ap;
    qj_path_key(&ap, path, "events");
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, ap.s, i);
        const qj_value *e = &arr->items[i];
        static const char *const keys[] = {"kind", "grade", "deaths", "date", "note", NULL};
        TRY(qj_only_keys(ctx, e, ip.s, keys));
        const char *kind, *grade = NULL, *note = NULL;
        int64_t deaths = 0;
        qaward_date d;
        TRY(qj_read_str(ctx, e, ip.s, "kind", 1, 1, &kind));
        TRY(qj_read_str(ctx, e, ip.s, "grade", 0, 1, &grade));
        TRY(qj_read_str(ctx, e, ip.s, "note", 0, 0, &note));
        TRY(qj_read_int(ctx, e, ip.s, "deaths", 0, 0, 1000000, &deaths));
        TRY(qj_read_date(ctx, e, ip.s, "date", 1, &d));
        if ((rc = qaward_subject_add_event(s, ctx, kind, grade, (int32_t)deaths, d)))
            return setter(ctx, rc, e, ip.s);
    }
    s->events_known = 1;
    return 0;
}

static int parse_subject(qaward_ctx *ctx, const qj_value *o, const char *path, int employer, qaward_subject *into,
                         qaward_subject **out)
{
    static const char *const keys[] = {"id", "kind", "name", "region_code", "legal_person", "for_profit",
                                       "registration_date", "excellence_model_since", "quality_work_since",
                                       "certificates", "net_profit_fen", "events", "attestations", "employer",
                                       "trade_secrets", NULL};
    static const char *const ekeys[] = {"name", "region_code", "certificates", "events", NULL};
    TRY(qj_only_keys(ctx, o, path, employer ? ekeys : keys));
    qaward_subject *s = into;
    int rc;
    if (!employer) {
        const char *id, *kind;
        TRY(qj_read_str(ctx, o, path, "id", 1, 1, &id));
        TRY(qj_read_str(ctx, o, path, "kind", 1, 1, &kind));
        if (strlen(id) > 200)
            return at(ctx, QAWARD_ERANGE, qj_get(o, "id"), path, "id longer than 200 bytes");
        TRY(qaward_subject_new(&s, ctx, id, kind));
        *out = s;
    }
    const char *name = NULL, *region = NULL;
    int flag;
    qaward_date d;
    if ((rc = qj_read_str(ctx, o, path, "name", 0, 0, &name)) < 0)
        return rc;
    if (name && (rc = qaward_subject_set_name(s, ctx, name)))
        return rc;
    if ((rc = qj_read_str(ctx, o, path, "region_code", 0, 1, &region)) < 0)
        return rc;
    if (region && (rc = qaward_subject_set_region(s, ctx, region))) {
        qj_path kp;
        qj_path_key(&kp, path, "region_code");
        return setter(ctx, rc, qj_get(o, "region_code"), kp.s);
    }
    if (!employer) {
        static const char *const dkeys[] = {"registration_date", "excellence_model_since", "quality_work_since"};
        for (int i = 0; i < 3; i++) {
            if ((rc = qj_read_date(ctx, o, path, dkeys[i], 0, &d)) < 0)
                return rc;
            if (rc == 0)
                s->dates[i] = d;
        }
        if ((rc = qj_read_bool(ctx, o, path, "legal_person", 0, &flag)) < 0)
            return rc;
        if (rc == 0)
            s->legal_person = flag;
        if ((rc = qj_read_bool(ctx, o, path, "for_profit", 0, &flag)) < 0)
            return rc;
        if (rc == 0)
            s->for_profit = flag;
        const qj_value *np;
        if ((rc = qj_read_object(ctx, o, path, "net_profit_fen", 0, &np)) < 0)
            return rc;
        if (rc == 0) {
            qj_path pp;
            qj_path_key(&pp, path, "net_profit_fen");
            for (size_t i = 0; i < np->len; i++) {
                const char *k = np->keys[i];
                int ok = np->key_lens[i] == 4;
                for (int j = 0; ok && j < 4; j++)
                    ok = k[j] >= '0' && k[j] <= '9';
                qj_path kp;
                qj_path_key(&kp, pp.s, k);
                if (!ok || (k[0] == '0'))
                    return at(ctx, QAWARD_ESCHEMA, &np->items[i], kp.s, "fiscal year must be 4 digits 1000..9999");
                int64_t fen;
                TRY(qj_read_int(ctx, np, pp.s, k, 1, INT64_MIN, INT64_MAX, &fen));
                TRY(qaward_subject_set_profit(s, ctx, (int32_t)atoi(k), fen));
            }
        }
        const qj_value *at_o;
        if ((rc = qj_read_object(ctx, o, path, "attestations", 0, &at_o)) < 0)
            return rc;
        if (rc == 0) {
            qj_path ap;
            qj_path_key(&ap, path, "attestations");
            for (size_t i = 0; i < at_o->len; i++) {
                int v;
                TRY(qj_read_bool(ctx, at_o, ap.s, at_o->keys[i], 1, &v));
                TRY(qaward_subject_set_attestation(s, ctx, at_o->keys[i], v));
            }
        }
        const qj_value *ts;
        if ((rc = qj_read_array(ctx, o, path, "trade_secrets", 0, &ts)) < 0)
            return rc;
        if (rc == 0) {
            qj_path tp;
            qj_path_key(&tp, path, "trade_secrets");
            for (size_t i = 0; i < ts->len; i++) {
                qj_path ip;
                qj_path_index(&ip, tp.s, i);
                if (ts->items[i].type != QJ_STRING || qa_secret_field(ts->items[i].str) < 0)
                    return at(ctx, QAWARD_ESCHEMA, &ts->items[i], ip.s, "not a field that can be marked a trade secret");
                s->secrets |= 1u << qa_secret_field(ts->items[i].str);
            }
        }
    }
    TRY(read_certs(ctx, s, o, path));
    TRY(read_events(ctx, s, o, path));
    if (!employer) {
        const qj_value *em;
        if ((rc = qj_read_object(ctx, o, path, "employer", 0, &em)) < 0)
            return rc;
        if (rc == 0) {
            qaward_subject *e;
            TRY(qaward_subject_employer(&e, ctx, s));
            qj_path ep;
            qj_path_key(&ep, path, "employer");
            TRY(parse_subject(ctx, em, ep.s, 1, e, NULL));
        }
    }
    return 0;
}

static int build_subject(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *arg)
{
    qaward_subject *s = NULL;
    int rc = parse_subject(ctx, qj_root(doc), "$", 0, NULL, &s);
    QA_UNUSED(arg);
    *obj = s;
    return rc;
}

static void release_subject(void *s) { qaward_subject_free(s); }

static const qj_loader subject_loader = {"subject", NULL, 0, 0, build_subject, release_subject, NULL};

int qaward_subject_load_json(qaward_subject **out, qaward_ctx *ctx, const char *json, size_t len)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "subject_load_json: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    if (!json)
        return qa_error(ctx, QAWARD_EINVAL, "subject_load_json: json is NULL");
    void *s;
    int rc = qj_load(&s, ctx, json, len, &subject_loader, NULL);
    *out = s;
    return rc;
}

static uint64_t fnv(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ull;
    return h;
}

static int build_subject_list(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *arg)
{
    int rc;
    QA_UNUSED(arg);
    const qj_value *root = qj_root(doc), *arr = root;
    const char *base = "$";
    size_t *slots = NULL, nslots = 0;
    qaward_subject_list *l = NULL;
    if (root->type == QJ_OBJECT) {
        static const char *const keys[] = {"subjects", NULL};
        if ((rc = qj_only_keys(ctx, root, "$", keys)) || (rc = qj_read_array(ctx, root, "$", "subjects", 1, &arr)))
            goto fail;
        base = "$.subjects";
    } else if (root->type != QJ_ARRAY) {
        rc = qa_error(ctx, QAWARD_ESCHEMA, "$: expected an array of subjects or {\"subjects\": [...]} (line %u, column %u)",
                      (unsigned)root->line, (unsigned)root->col);
        goto fail;
    }
    *obj = l = qa_calloc(ctx, 1, sizeof *l);
    if (!l) {
        rc = QAWARD_ENOMEM;
        goto fail;
    }
    l->alloc = ctx->alloc;
    l->items = qa_calloc(ctx, arr->len ? arr->len : 1, sizeof *l->items);
    nslots = 16;
    while (nslots < arr->len * 2)
        nslots *= 2;
    slots = qa_calloc(ctx, nslots, sizeof *slots); /* index+1 of the subject holding an id */
    if (!l->items || !slots) {
        rc = QAWARD_ENOMEM;
        goto fail;
    }
    for (size_t i = 0; i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, base, i);
        qaward_subject *s = NULL;
        rc = parse_subject(ctx, &arr->items[i], ip.s, 0, NULL, &s);
        if (rc) {
            qaward_subject_free(s);
            goto fail;
        }
        l->items[l->n++] = s;
        size_t h = (size_t)fnv(s->id) & (nslots - 1);
        while (slots[h]) {
            qaward_subject *o = l->items[slots[h] - 1];
            if (strcmp(o->id, s->id) == 0) {
                qj_path op;
                qj_path_index(&op, base, slots[h] - 1);
                rc = qa_error(ctx, QAWARD_EEXISTS, "%s.id: duplicate subject id \"%.60s\" (first at %s) (line %u, column %u)",
                              ip.s, s->id, op.s, (unsigned)arr->items[i].line, (unsigned)arr->items[i].col);
                goto fail;
            }
            h = (h + 1) & (nslots - 1);
        }
        slots[h] = i + 1;
    }
    qa_free(ctx, slots);
    return QAWARD_OK;
fail:
    qa_free(ctx, slots);
    return rc;
}

static void release_subject_list(void *l) { qaward_subject_list_free(l); }

static const qj_loader subject_list_loader = {"subjects", NULL, 0, 0, build_subject_list, release_subject_list, NULL};

int qaward_subject_list_load_json(qaward_subject_list **out, qaward_ctx *ctx, const char *json, size_t len)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "subject_list_load_json: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    if (!json)
        return qa_error(ctx, QAWARD_EINVAL, "subject_list_load_json: json is NULL");
    void *l;
    int rc = qj_load(&l, ctx, json, len, &subject_list_loader, NULL);
    *out = l;
    return rc;
}

static void write_certs(qj_writer *w, const qaward_subject *s)
{
    qw_key(w, "certificates");
    qw_arr_begin(w);
    for (size_t i = 0; i < s->n_certs; i++) {
        qw_obj_begin(w);
        qw_kstr(w, "type", s->certs[i].type);
        if (s->certs[i].level)
            qw_kstr(w, "level", s->certs[i].level);
        qw_kdate(w, "valid_from", s->certs[i].valid_from);
        qw_kdate(w, "valid_to", s->certs[i].valid_to);
        qw_obj_end(w);
    }
    qw_arr_end(w);
}

static void write_events(qj_writer *w, const qaward_subject *s)
{
    qw_key(w, "events");
    qw_arr_begin(w);
    for (size_t i = 0; i < s->n_events; i++) {
        qw_obj_begin(w);
        qw_kstr(w, "kind", s->events[i].kind);
        if (s->events[i].grade)
            qw_kstr(w, "grade", s->events[i].grade);
        qw_kint(w, "deaths", s->events[i].deaths);
        qw_kdate(w, "date", s->events[i].date);
        qw_obj_end(w);
    }
    qw_arr_end(w);
}

#define SECRET(s, f) (pub && qaward_subject_is_secret((s), (f)))

int qaward_subject_to_json(char **out, const qaward_subject *s, qaward_ctx *ctx, int pub)
{
    if (!out || !s || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "subject_to_json: NULL argument");
    *out = NULL;
    qj_writer w;
    qw_init(&w, &ctx->alloc, 0);
    qw_obj_begin(&w);
    qw_kstr(&w, "id", s->id);
    qw_kstr(&w, "kind", s->kind);
    if (s->name && !SECRET(s, "name"))
        qw_kstr(&w, "name", s->name);
    if (s->region && !SECRET(s, "region_code"))
        qw_kstr(&w, "region_code", s->region);
    if (s->legal_person >= 0)
        qw_kbool(&w, "legal_person", s->legal_person);
    if (s->for_profit >= 0)
        qw_kbool(&w, "for_profit", s->for_profit);
    static const char *const dk[] = {"registration_date", "excellence_model_since", "quality_work_since"};
    for (int i = 0; i < 3; i++)
        if (s->dates[i] && !SECRET(s, dk[i]))
            qw_kdate(&w, dk[i], s->dates[i]);
    if (s->certs_known && !SECRET(s, "certificates"))
        write_certs(&w, s);
    if (s->n_profits && !SECRET(s, "net_profit_fen")) {
        qw_key(&w, "net_profit_fen");
        qw_obj_begin(&w);
        for (size_t i = 0; i < s->n_profits; i++) {
            char y[8];
            snprintf(y, sizeof y, "%04d", (int)s->profits[i].year);
            qw_kint(&w, y, s->profits[i].fen);
        }
        qw_obj_end(&w);
    }
    if (s->events_known && !SECRET(s, "events"))
        write_events(&w, s);
    if (s->n_attests) {
        qw_key(&w, "attestations");
        qw_obj_begin(&w);
        for (size_t i = 0; i < s->n_attests; i++)
            qw_kbool(&w, s->attests[i].id, s->attests[i].value);
        qw_obj_end(&w);
    }
    if (s->employer && !SECRET(s, "employer")) {
        const qaward_subject *e = s->employer;
        qw_key(&w, "employer");
        qw_obj_begin(&w);
        if (e->name)
            qw_kstr(&w, "name", e->name);
        if (e->region)
            qw_kstr(&w, "region_code", e->region);
        if (e->certs_known)
            write_certs(&w, e);
        if (e->events_known)
            write_events(&w, e);
        qw_obj_end(&w);
    }
    if (s->secrets && !pub) {
        qw_key(&w, "trade_secrets");
        qw_arr_begin(&w);
        for (int i = 0; qa_secret_field_name(i); i++)
            if (s->secrets >> i & 1u)
                qw_str(&w, qa_secret_field_name(i));
        qw_arr_end(&w);
    }
    qw_obj_end(&w);
    return qw_finish_ctx(&w, out, ctx, "out of memory");
}

/* Internal JSON layer: strict parser, path-naming readers, writer (lib/json.h). */
#include "json.h"
#include <stdio.h>

/* ---- arena ----------------------------------------------------------------- */

typedef struct qj_block {
    struct qj_block *next;
    size_t used, cap;
    max_align_t data[];
} qj_block;

struct qj_doc {
    qaward_allocator alloc;
    qj_block *blocks;
    qj_value root;
    const char *text; /* the parsed text (lazy arrays point into it) */
    size_t text_len;
    const char *what;
};

static void *arena_alloc(qj_doc *doc, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    qj_block *b = doc->blocks;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        b = qa_amalloc(&doc->alloc, sizeof *b + cap);
        if (!b)
            return NULL;
        b->cap = cap;
        b->used = 0;
        b->next = doc->blocks;
        doc->blocks = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

void qj_free(qj_doc *doc)
{
    if (!doc)
        return;
    qj_block *b = doc->blocks;
    while (b) {
        qj_block *n = b->next;
        qa_afree(&doc->alloc, b);
        b = n;
    }
    qa_afree(&doc->alloc, doc);
}

const qj_value *qj_root(const qj_doc *doc) { return doc ? &doc->root : NULL; }

/* ---- parser ---------------------------------------------------------------- */

typedef struct {
    qj_doc *doc;
    qaward_ctx *ctx;
    const char *what;
    const unsigned char *s, *end, *p;
    const unsigned char *line_start;
    uint32_t line;
    int depth;
    int failed;
    int skip;                      /* validate only: build nothing (lazy arrays) */
    const char *const *lazy_keys;  /* root members to skip (qj_parse_lazy) */
    /* scratch stack of values for containers being built */
    qj_value *stack;
    size_t stack_len, stack_cap;
} parser;

static int perr(parser *ps, const unsigned char *at, const char *msg)
{
    if (ps->failed)
        return -1;
    ps->failed = 1;
    if (at > ps->end)
        at = ps->end;
    /* recompute line/column of `at` */
    uint32_t line = 1;
    const unsigned char *ls = ps->s;
    for (const unsigned char *q = ps->s; q < at; q++)
        if (*q == '\n') {
            line++;
            ls = q + 1;
        }
    qa_error(ps->ctx, QAWARD_EPARSE, "%s: line %u, column %u: %s", ps->what, (unsigned)line,
             (unsigned)(at - ls + 1), msg);
    return -1;
}

static int oom(parser *ps)
{
    if (!ps->failed) {
        ps->failed = 1;
        qa_error(ps->ctx, QAWARD_ENOMEM, "%s: out of memory", ps->what);
    }
    return -1;
}

static void skip_ws(parser *ps)
{
    while (ps->p < ps->end) {
        unsigned char c = *ps->p;
        if (c == '\n') {
            ps->line++;
            ps->line_start = ps->p + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            break;
        }
        ps->p++;
    }
}

static int push(parser *ps, const qj_value *v)
{
    if (ps->stack_len == ps->stack_cap) {
        size_t nc = ps->stack_cap ? ps->stack_cap * 2 : 64;
        qj_value *ns = qa_arealloc(&ps->doc->alloc, ps->stack, nc * sizeof *ns);
        if (!ns)
            return oom(ps);
        ps->stack = ns;
        ps->stack_cap = nc;
    }
    ps->stack[ps->stack_len++] = *v;
    return 0;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int read_hex4(parser *ps, const unsigned char *q, uint32_t *out)
{
    if (ps->end - q < 4)
        return perr(ps, q, "truncated \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(q[i]);
        if (h < 0)
            return perr(ps, q + i, "invalid \\u escape");
        v = v * 16 + (uint32_t)h;
    }
    *out = v;
    return 0;
}

/* Length of a valid UTF-8 sequence at q, or 0. */
static int utf8_len(const unsigned char *q, const unsigned char *end)
{
    unsigned char c = q[0];
    int n;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (end - q < n)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((q[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (q[i] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

static size_t put_utf8(unsigned char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ps->p at the opening quote. The scan validates everything (UTF-8, escapes,
 * surrogate pairs); in skip mode nothing is allocated. */
static int parse_string(parser *ps, const char **out, size_t *out_len)
{
    const unsigned char *start = ++ps->p;
    const unsigned char *q = start;
    int escapes = 0;
    for (;;) {
        if (q >= ps->end)
            return perr(ps, q, "unterminated string");
        unsigned char c = *q;
        if (c == '"')
            break;
        if (c < 0x20)
            return perr(ps, q, "control character in string");
        if (c == '\\') {
            escapes = 1;
            if (q + 1 >= ps->end)
                return perr(ps, q, "unterminated string");
            unsigned char e = q[1];
            if (e == 'u') {
                uint32_t cp;
                if (read_hex4(ps, q + 2, &cp))
                    return -1;
                q += 6;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    uint32_t lo;
                    if (ps->end - q < 6 || q[0] != '\\' || q[1] != 'u' || read_hex4(ps, q + 2, &lo) || lo < 0xDC00 ||
                        lo > 0xDFFF)
                        return perr(ps, q, "unpaired surrogate in \\u escape");
                    q += 6;
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return perr(ps, q, "unpaired surrogate in \\u escape");
                } else if (cp == 0) {
                    return perr(ps, q, "\\u0000 is not allowed in strings");
                }
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                q += 2;
            } else {
                return perr(ps, q + 1, "invalid escape in string");
            }
            continue;
        }
        int n = utf8_len(q, ps->end);
        if (!n)
            return perr(ps, q, "invalid UTF-8 in string");
        q += n;
    }
    if (ps->skip) {
        ps->p = q + 1;
        return 0;
    }
    size_t raw = (size_t)(q - start);
    unsigned char *o = arena_alloc(ps->doc, raw + 1);
    if (!o)
        return oom(ps);
    size_t n = 0;
    if (!escapes) {
        memcpy(o, start, raw);
        n = raw;
    } else {
        for (const unsigned char *r = start; r < q;) {
            if (*r != '\\') {
                o[n++] = *r++;
                continue;
            }
            r++;
            switch (*r++) {
            case '"': o[n++] = '"'; break;
            case '\\': o[n++] = '\\'; break;
            case '/': o[n++] = '/'; break;
            case 'b': o[n++] = '\b'; break;
            case 'f': o[n++] = '\f'; break;
            case 'n': o[n++] = '\n'; break;
            case 'r': o[n++] = '\r'; break;
            case 't': o[n++] = '\t'; break;
            default: { /* 'u', validated by the scan */
                uint32_t cp = 0, lo = 0;
                read_hex4(ps, r, &cp);
                r += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    read_hex4(ps, r + 2, &lo);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    r += 6;
                }
                n += put_utf8(o + n, cp); /* never longer than the escape it replaces */
                break;
            }
            }
        }
    }
    o[n] = '\0';
    *out = (const char *)o;
    *out_len = n;
    ps->p = q + 1;
    return 0;
}

static int parse_number(parser *ps, qj_value *v)
{
    const unsigned char *q = ps->p, *start = q;
    if (q < ps->end && *q == '-')
        q++;
    if (q >= ps->end || !(*q >= '0' && *q <= '9'))
        return perr(ps, start, "invalid number");
    if (*q == '0') {
        q++;
        if (q < ps->end && *q >= '0' && *q <= '9')
            return perr(ps, start, "leading zero in number");
    } else {
        while (q < ps->end && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < ps->end && *q == '.') {
        q++;
        if (q >= ps->end || !(*q >= '0' && *q <= '9'))
            return perr(ps, q, "digit expected after decimal point");
        while (q < ps->end && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < ps->end && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < ps->end && (*q == '+' || *q == '-'))
            q++;
        if (q >= ps->end || !(*q >= '0' && *q <= '9'))
            return perr(ps, q, "digit expected in exponent");
        while (q < ps->end && *q >= '0' && *q <= '9')
            q++;
    }
    size_t n = (size_t)(q - start);
    v->type = QJ_NUMBER;
    v->len = n;
    if (ps->skip) {
        ps->p = q;
        return 0;
    }
    char *t = arena_alloc(ps->doc, n + 1);
    if (!t)
        return oom(ps);
    memcpy(t, start, n);
    t[n] = '\0';
    v->type = QJ_NUMBER;
    v->str = t;
    v->len = n;
    ps->p = q;
    return 0;
}

static int parse_value(parser *ps, qj_value *v);

static int is_lazy_key(const parser *ps, const char *k, size_t kl)
{
    for (const char *const *l = ps->lazy_keys; l && *l; l++)
        if (strlen(*l) == kl && memcmp(*l, k, kl) == 0)
            return 1;
    return 0;
}

static int parse_container(parser *ps, qj_value *v, int is_obj)
{
    if (++ps->depth > QJ_MAX_DEPTH)
        return perr(ps, ps->p, "nesting deeper than 64 levels");
    ps->p++;
    size_t base = ps->stack_len, count = 0;
    /* keys are stored as string values on the stack, interleaved with values */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == (is_obj ? '}' : ']')) {
        ps->p++;
    } else {
        for (;;) {
            int lazy = 0;
            skip_ws(ps);
            if (is_obj) {
                if (ps->p >= ps->end || *ps->p != '"')
                    return perr(ps, ps->p, ps->p >= ps->end ? "unexpected end of input" : "object key (a string) expected");
                qj_value k;
                memset(&k, 0, sizeof k);
                k.type = QJ_STRING;
                k.line = ps->line;
                k.col = (uint32_t)(ps->p - ps->line_start + 1);
                if (parse_string(ps, &k.str, &k.len))
                    return -1;
                if (!ps->skip) {
                    /* duplicate keys are ambiguous: reject */
                    for (size_t i = base; i < ps->stack_len; i += 2)
                        if (ps->stack[i].len == k.len && memcmp(ps->stack[i].str, k.str, k.len) == 0)
                            return perr(ps, ps->p - 1, "duplicate object key");
                    if (push(ps, &k))
                        return -1;
                    lazy = ps->depth == 1 && is_lazy_key(ps, k.str, k.len);
                }
                skip_ws(ps);
                if (ps->p >= ps->end || *ps->p != ':')
                    return perr(ps, ps->p, "':' expected after object key");
                ps->p++;
            }
            qj_value item;
            if (lazy) {
                skip_ws(ps);
                lazy = ps->p < ps->end && *ps->p == '[';
            }
            if (lazy) {
                /* validate the array without building it; qj_iter parses its
                 * elements one at a time later */
                const unsigned char *at = ps->p;
                uint32_t line = ps->line, col = (uint32_t)(ps->p - ps->line_start + 1);
                ps->skip = 1;
                int rc = parse_value(ps, &item);
                ps->skip = 0;
                if (rc)
                    return -1;
                item.lazy = 1;
                item.str = (const char *)at;
                item.line = line;
                item.col = col;
            } else if (parse_value(ps, &item)) {
                return -1;
            }
            if (!ps->skip && push(ps, &item))
                return -1;
            count++;
            skip_ws(ps);
            if (ps->p >= ps->end)
                return perr(ps, ps->p, is_obj ? "unterminated object" : "unterminated array");
            if (*ps->p == ',') {
                ps->p++;
                continue;
            }
            if (*ps->p == (is_obj ? '}' : ']')) {
                ps->p++;
                break;
            }
            return perr(ps, ps->p, is_obj ? "',' or '}' expected" : "',' or ']' expected");
        }
    }
    v->type = is_obj ? QJ_OBJECT : QJ_ARRAY;
    v->len = count;
    v->items = NULL;
    v->keys = NULL;
    v->key_lens = NULL;
    ps->depth--;
    if (ps->skip)
        return 0;
    if (count) {
        v->items = arena_alloc(ps->doc, count * sizeof *v->items);
        if (!v->items)
            return oom(ps);
        if (is_obj) {
            v->keys = arena_alloc(ps->doc, count * sizeof *v->keys);
            v->key_lens = arena_alloc(ps->doc, count * sizeof *v->key_lens);
            if (!v->keys || !v->key_lens)
                return oom(ps);
            for (size_t i = 0; i < count; i++) {
                v->keys[i] = ps->stack[base + 2 * i].str;
                v->key_lens[i] = ps->stack[base + 2 * i].len;
                v->items[i] = ps->stack[base + 2 * i + 1];
            }
        } else {
            memcpy(v->items, ps->stack + base, count * sizeof *v->items);
        }
    }
    ps->stack_len = base;
    return 0;
}

static int parse_literal(parser *ps, const char *word, qj_type type, qj_value *v)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
        return perr(ps, ps->p, "invalid literal");
    ps->p += n;
    v->type = type;
    return 0;
}

static int parse_value(parser *ps, qj_value *v)
{
    skip_ws(ps);
    memset(v, 0, sizeof *v);
    if (ps->p >= ps->end)
        return perr(ps, ps->p, "unexpected end of input");
    v->line = ps->line;
    v->col = (uint32_t)(ps->p - ps->line_start + 1);
    switch (*ps->p) {
    case '{': return parse_container(ps, v, 1);
    case '[': return parse_container(ps, v, 0);
    case '"':
        v->type = QJ_STRING;
        return parse_string(ps, &v->str, &v->len);
    case 't': return parse_literal(ps, "true", QJ_TRUE, v);
    case 'f': return parse_literal(ps, "false", QJ_FALSE, v);
    case 'n': return parse_literal(ps, "null", QJ_NULL, v);
    default:
        if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
            return parse_number(ps, v);
        return perr(ps, ps->p, "unexpected character");
    }
}

int qj_parse(qj_doc **out, qaward_ctx *ctx, const char *text, size_t len, const char *what)
{
    return qj_parse_lazy(out, ctx, text, len, what, NULL);
}

/* Builds with `l` from the tree of `doc` (which the caller frees). */
static int run_loader(void **out, qaward_ctx *ctx, const qj_doc *doc, const qj_loader *l, const void *arg)
{
    void *obj = NULL;
    if (l->size) {
        if (!(obj = qa_calloc(ctx, 1, l->size)))
            return QAWARD_ENOMEM;
        memcpy((char *)obj + l->alloc_at, &ctx->alloc, sizeof ctx->alloc);
    }
    int rc = l->build(&obj, ctx, doc, arg);
    if (rc) {
        if (l->prefix)
            qa_error_prefix(ctx, "%s", l->prefix);
        l->release(obj);
        return rc;
    }
    *out = obj;
    qa_ok(ctx);
    return QAWARD_OK;
}

int qj_load(void **out, qaward_ctx *ctx, const char *json, size_t len, const qj_loader *l, const void *arg)
{
    *out = NULL;
    qj_doc *doc;
    int rc = qj_parse_lazy(&doc, ctx, json, len, l->what, l->lazy_keys);
    if (rc)
        return rc;
    rc = run_loader(out, ctx, doc, l, arg);
    qj_free(doc);
    return rc;
}

int qj_load_node(void **out, qaward_ctx *ctx, const qj_value *root, const qj_loader *l, const void *arg)
{
    *out = NULL;
    if (!root || root->lazy)
        return qa_error(ctx, QAWARD_EINTERNAL, "%s: not a built subtree", l->what);
    /* a view: the nodes stay in their own document's arena */
    qj_doc view;
    memset(&view, 0, sizeof view);
    view.alloc = ctx->alloc;
    view.root = *root;
    view.what = l->what;
    return run_loader(out, ctx, &view, l, arg);
}

int qj_parse_lazy(qj_doc **out, qaward_ctx *ctx, const char *text, size_t len, const char *what,
                  const char *const *lazy_keys)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "%s: NULL output", what ? what : "json");
    *out = NULL;
    if (!text || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "%s: NULL input", what ? what : "json");
    qj_doc *doc = qa_calloc(ctx, 1, sizeof *doc);
    if (!doc)
        return QAWARD_ENOMEM;
    doc->alloc = ctx->alloc;
    doc->text = text;
    doc->text_len = len;
    doc->what = what ? what : "json";
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.doc = doc;
    ps.ctx = ctx;
    ps.what = doc->what;
    ps.lazy_keys = lazy_keys;
    ps.s = ps.p = ps.line_start = (const unsigned char *)text;
    ps.end = ps.s + len;
    ps.line = 1;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        ps.p = ps.line_start = ps.s + 3; /* tolerate a UTF-8 byte-order mark */
    int rc = parse_value(&ps, &doc->root);
    if (!rc) {
        skip_ws(&ps);
        if (ps.p < ps.end)
            rc = perr(&ps, ps.p, "unexpected data after the JSON value");
    }
    qa_afree(&doc->alloc, ps.stack);
    if (rc) {
        int code = ctx->status;
        qj_free(doc);
        return code;
    }
    *out = doc;
    return QAWARD_OK;
}

/* ---- lazy array iteration ------------------------------------------------------ */

int qj_iter_init(qj_iter *it, qaward_ctx *ctx, const qj_doc *doc, const qj_value *arr)
{
    memset(it, 0, sizeof *it);
    if (!ctx || !doc || !arr || arr->type != QJ_ARRAY)
        return qa_error(ctx, QAWARD_EINVAL, "qj_iter_init: not an array");
    it->ctx = ctx;
    it->doc = doc;
    it->arr = arr;
    it->count = arr->len;
    if (!arr->lazy)
        return QAWARD_OK;
    it->scratch = qa_calloc(ctx, 1, sizeof *it->scratch);
    if (!it->scratch)
        return QAWARD_ENOMEM;
    it->scratch->alloc = ctx->alloc;
    it->scratch->text = doc->text;
    it->scratch->text_len = doc->text_len;
    it->scratch->what = doc->what;
    it->p = arr->str + 1; /* after '[' */
    it->line = arr->line;
    it->line_start = arr->str - (arr->col - 1);
    return QAWARD_OK;
}

int qj_iter_next(qj_iter *it, const qj_value **elem)
{
    *elem = NULL;
    if (!it->ctx || it->index >= it->count)
        return 0;
    if (!it->arr->lazy) {
        *elem = &it->arr->items[it->index++];
        return 1;
    }
    /* reuse the first arena block; drop the others */
    qj_doc *sc = it->scratch;
    while (sc->blocks && sc->blocks->next) {
        qj_block *b = sc->blocks;
        sc->blocks = b->next;
        qa_afree(&sc->alloc, b);
    }
    if (sc->blocks)
        sc->blocks->used = 0;
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.doc = sc;
    ps.ctx = it->ctx;
    ps.what = sc->what;
    ps.s = (const unsigned char *)sc->text;
    ps.end = ps.s + sc->text_len;
    ps.p = (const unsigned char *)it->p;
    ps.line = it->line;
    ps.line_start = (const unsigned char *)it->line_start;
    ps.depth = 2;
    int rc = parse_value(&ps, &it->elem);
    if (!rc) {
        skip_ws(&ps);
        if (ps.p < ps.end && (*ps.p == ',' || *ps.p == ']'))
            ps.p++;
        else
            rc = perr(&ps, ps.p, "',' or ']' expected");
    }
    qa_afree(&sc->alloc, ps.stack);
    if (rc)
        return it->ctx->status;
    it->p = (const char *)ps.p;
    it->line = ps.line;
    it->line_start = (const char *)ps.line_start;
    it->index++;
    *elem = &it->elem;
    return 1;
}

void qj_iter_free(qj_iter *it)
{
    if (it && it->scratch)
        qj_free(it->scratch);
    if (it)
        it->scratch = NULL;
}

const qj_value *qj_get(const qj_value *obj, const char *key)
{
    if (!obj || obj->type != QJ_OBJECT || !key)
        return NULL;
    size_t kl = strlen(key);
    for (size_t i = 0; i < obj->len; i++)
        if (obj->key_lens[i] == kl && memcmp(obj->keys[i], key, kl) == 0)
            return &obj->items[i];
    return NULL;
}

int qj_int(const qj_value *v, int64_t *out)
{
    if (!v || v->type != QJ_NUMBER)
        return -1;
    const char *s = v->str;
    int neg = 0;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    uint64_t acc = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        uint64_t d = (uint64_t)(*s - '0');
        if (acc > (UINT64_MAX - d) / 10)
            return -1;
        acc = acc * 10 + d;
    }
    if (neg) {
        if (acc > (uint64_t)INT64_MAX + 1)
            return -1;
        *out = acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)acc;
    } else {
        if (acc > (uint64_t)INT64_MAX)
            return -1;
        *out = (int64_t)acc;
    }
    return 0;
}

int qj_fixed2(const qj_value *v, int64_t *out)
{
    if (!v || v->type != QJ_NUMBER)
        return -1;
    const char *s = v->str;
    int neg = 0;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    int64_t acc = 0;
    int frac = -1;
    for (; *s; s++) {
        if (*s == '.') {
            frac = 0;
            continue;
        }
        if (*s < '0' || *s > '9')
            return -1;
        if (frac >= 0 && ++frac > 2)
            return -1;
        if (acc > (INT64_MAX - 9) / 10)
            return -1;
        acc = acc * 10 + (*s - '0');
    }
    int scale = frac < 0 ? 2 : 2 - frac;
    for (int i = 0; i < scale; i++) {
        if (acc > INT64_MAX / 10)
            return -1;
        acc *= 10;
    }
    *out = neg ? -acc : acc;
    return 0;
}

/* ---- path-naming readers ---------------------------------------------------------- */

/* `parent` may point into `out` (extending a path in place). */
/* Child paths are built for every member read, so they avoid snprintf (18 %
 * of the subject loader's instructions); same text as "%s.%s" / "%s[%zu]",
 * cut to the buffer with "..." at the end. */
typedef struct path_buf {
    qj_path t;
    size_t n;
    int over;
} path_buf;

static void path_put(path_buf *b, const char *s, size_t len)
{
    size_t room = sizeof b->t.s - 1 - b->n;
    if (len > room) {
        len = room;
        b->over = 1;
    }
    memcpy(b->t.s + b->n, s, len);
    b->n += len;
}

static void path_end(path_buf *b, qj_path *out)
{
    b->t.s[b->n] = '\0';
    if (b->over)
        memcpy(b->t.s + sizeof b->t.s - 4, "...", 4);
    memcpy(out->s, b->t.s, b->n + 1); /* parent may be out->s: it was read first */
}

void qj_path_key(qj_path *out, const char *parent, const char *key)
{
    path_buf b;
    b.n = 0;
    b.over = 0;
    parent = parent ? parent : "$";
    path_put(&b, parent, strlen(parent));
    path_put(&b, ".", 1);
    path_put(&b, key, strlen(key));
    path_end(&b, out);
}

void qj_path_index(qj_path *out, const char *parent, size_t index)
{
    path_buf b;
    b.n = 0;
    b.over = 0;
    parent = parent ? parent : "$";
    char digits[24];
    size_t d = sizeof digits;
    digits[--d] = ']';
    do {
        digits[--d] = (char)('0' + index % 10);
        index /= 10;
    } while (index);
    digits[--d] = '[';
    path_put(&b, parent, strlen(parent));
    path_put(&b, digits + d, sizeof digits - d);
    path_end(&b, out);
}

static const char *type_name(qj_type t)
{
    switch (t) {
    case QJ_NULL: return "null";
    case QJ_FALSE:
    case QJ_TRUE: return "a boolean";
    case QJ_NUMBER: return "a number";
    case QJ_STRING: return "a string";
    case QJ_ARRAY: return "an array";
    case QJ_OBJECT: return "an object";
    }
    return "?";
}

static int wrong(qaward_ctx *ctx, const qj_value *v, const char *path, const char *key, const char *expected)
{
    return qa_error(ctx, QAWARD_ESCHEMA, "%s%s%s: expected %s, found %s (line %u, column %u)", path,
                    key ? "." : "", key ? key : "", expected, type_name(v->type), (unsigned)v->line,
                    (unsigned)v->col);
}

int qj_expect(qaward_ctx *ctx, const qj_value *v, qj_type type, const char *path)
{
    if (!v)
        return qa_error(ctx, QAWARD_ESCHEMA, "%s: missing", path);
    int ok = v->type == type || (type == QJ_TRUE && v->type == QJ_FALSE) || (type == QJ_FALSE && v->type == QJ_TRUE);
    if (ok)
        return QAWARD_OK;
    return wrong(ctx, v, path, NULL, type_name(type));
}

int qj_only_keys(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *const *allowed)
{
    if (qj_expect(ctx, obj, QJ_OBJECT, path))
        return QAWARD_ESCHEMA;
    for (size_t i = 0; i < obj->len; i++) {
        int found = 0;
        for (const char *const *a = allowed; *a; a++)
            if (strlen(*a) == obj->key_lens[i] && memcmp(*a, obj->keys[i], obj->key_lens[i]) == 0) {
                found = 1;
                break;
            }
        if (!found)
            return qa_error(ctx, QAWARD_ESCHEMA, "%s: unknown field \"%.60s\" (line %u, column %u)", path,
                            obj->keys[i], (unsigned)obj->items[i].line, (unsigned)obj->items[i].col);
    }
    return QAWARD_OK;
}

/* Common prologue: 1 = absent and optional, 0 = present, <0 = error. */
static int member(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                  const qj_value **v)
{
    *v = qj_get(obj, key);
    if (!*v || (*v)->type == QJ_NULL) {
        if (required)
            return qa_error(ctx, QAWARD_ESCHEMA, "%s.%s: required field is missing", path, key);
        return 1;
    }
    return 0;
}

int qj_read_int(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                int64_t min, int64_t max, int64_t *out)
{
    const qj_value *v;
    int rc = member(ctx, obj, path, key, required, &v);
    if (rc)
        return rc;
    int64_t x;
    if (v->type != QJ_NUMBER || qj_int(v, &x))
        return v->type == QJ_NUMBER
                   ? qa_error(ctx, QAWARD_ESCHEMA, "%s.%s: expected an integer, found %s (line %u, column %u)", path,
                              key, v->str, (unsigned)v->line, (unsigned)v->col)
                   : wrong(ctx, v, path, key, "an integer");
    if (x < min || x > max)
        return qa_error(ctx, QAWARD_ERANGE, "%s.%s: %lld is out of range %lld..%lld (line %u, column %u)", path, key,
                        (long long)x, (long long)min, (long long)max, (unsigned)v->line, (unsigned)v->col);
    *out = x;
    return 0;
}

int qj_read_fixed2(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                   int64_t min, int64_t max, int64_t *out)
{
    const qj_value *v;
    int rc = member(ctx, obj, path, key, required, &v);
    if (rc)
        return rc;
    int64_t x;
    if (v->type != QJ_NUMBER || qj_fixed2(v, &x))
        return v->type == QJ_NUMBER
                   ? qa_error(ctx, QAWARD_ESCHEMA,
                              "%s.%s: expected a number with at most 2 decimals, found %s (line %u, column %u)", path,
                              key, v->str, (unsigned)v->line, (unsigned)v->col)
                   : wrong(ctx, v, path, key, "a number");
    if (x < min || x > max)
        return qa_error(ctx, QAWARD_ERANGE, "%s.%s: %s is out of range (line %u, column %u)", path, key, v->str,
                        (unsigned)v->line, (unsigned)v->col);
    *out = x;
    return 0;
}

int qj_read_bool(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required, int *out)
{
    const qj_value *v;
    int rc = member(ctx, obj, path, key, required, &v);
    if (rc)
        return rc;
    if (v->type != QJ_TRUE && v->type != QJ_FALSE)
        return wrong(ctx, v, path, key, "a boolean");
    *out = v->type == QJ_TRUE;
    return 0;
}

int qj_read_str(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                int nonempty, const char **out)
{
    const qj_value *v;
    int rc = member(ctx, obj, path, key, required, &v);
    if (rc)
        return rc;
    if (v->type != QJ_STRING)
        return wrong(ctx, v, path, key, "a string");
    if (nonempty && v->len == 0)
        return qa_error(ctx, QAWARD_ESCHEMA, "%s.%s: must not be empty (line %u, column %u)", path, key,
                        (unsigned)v->line, (unsigned)v->col);
    *out = v->str;
    return 0;
}

int qj_read_date(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                 qaward_date *out)
{
    const qj_value *v;
    int rc = member(ctx, obj, path, key, required, &v);
    if (rc)
        return rc;
    if (v->type != QJ_STRING)
        return wrong(ctx, v, path, key, "a date \"YYYY-MM-DD\"");
    qaward_date d;
    rc = qaward_date_parse(&d, ctx, v->str);
    if (rc)
        return qa_error_prefix(ctx, "%s.%s (line %u, column %u)", path, key, (unsigned)v->line, (unsigned)v->col);
    *out = d;
    return 0;
}

static int read_typed(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                      qj_type type, const char *expected, const qj_value **out)
{
    const qj_value *v;
    int rc = member(ctx, obj, path, key, required, &v);
    if (rc)
        return rc;
    if (v->type != type)
        return wrong(ctx, v, path, key, expected);
    *out = v;
    return 0;
}

int qj_read_array(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                  const qj_value **out)
{
    return read_typed(ctx, obj, path, key, required, QJ_ARRAY, "an array", out);
}

int qj_read_object(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                   const qj_value **out)
{
    return read_typed(ctx, obj, path, key, required, QJ_OBJECT, "an object", out);
}

int qj_read_enum(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                 const char *const *names, int *out)
{
    const char *s = NULL;
    int rc = qj_read_str(ctx, obj, path, key, required, 0, &s);
    if (rc)
        return rc;
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0) {
            *out = i;
            return 0;
        }
    const qj_value *v = qj_get(obj, key);
    char list[200];
    size_t n = 0;
    list[0] = '\0';
    for (int i = 0; names[i] && n < sizeof list - 1; i++) {
        int w = snprintf(list + n, sizeof list - n, "%s\"%s\"", i ? ", " : "", names[i]);
        if (w < 0)
            break;
        n += (size_t)w;
    }
    return qa_error(ctx, QAWARD_ESCHEMA, "%s.%s: unknown value \"%.60s\", expected one of %s (line %u, column %u)",
                    path, key, s, list, (unsigned)v->line, (unsigned)v->col);
}

/* ---- text buffer ----------------------------------------------------------------- */

void qa_buf_init(qa_buf *b, const qaward_allocator *alloc)
{
    memset(b, 0, sizeof *b);
    b->alloc = alloc;
}

void qa_buf_set_sink(qa_buf *b, qaward_write_fn sink, void *ud)
{
    b->sink = sink;
    b->sink_ud = ud;
}

#define QA_SINK_CHUNK 65536

static void buf_flush(qa_buf *b)
{
    if (b->sink && !b->oom && !b->sink_rc && b->len) {
        int rc = b->sink(b->sink_ud, b->p, b->len);
        if (rc < 0)
            b->sink_rc = rc;
        b->len = 0;
        b->p[0] = '\0';
    }
}

static int buf_reserve(qa_buf *b, size_t extra)
{
    if (b->oom || b->sink_rc)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t nc = b->cap ? b->cap : 256;
    while (nc < b->len + extra + 1) {
        if (nc > SIZE_MAX / 2) {
            b->oom = 1;
            return -1;
        }
        nc *= 2;
    }
    char *p = qa_arealloc(b->alloc, b->p, nc);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = nc;
    return 0;
}

static void buf_putn(qa_buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    if (b->sink && b->len >= QA_SINK_CHUNK)
        buf_flush(b);
}

void qa_buf_puts(qa_buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

void qa_buf_printf(qa_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_putn(b, small, (size_t)n);
        return;
    }
    if (buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    if (b->sink && b->len >= QA_SINK_CHUNK)
        buf_flush(b);
}

int qa_buf_finish(qa_buf *b, char **out, size_t *len)
{
    if (b->sink) {
        buf_flush(b);
        int rc = b->sink_rc ? b->sink_rc : b->oom ? QAWARD_ENOMEM : QAWARD_OK;
        qa_buf_discard(b);
        *out = NULL;
        return rc;
    }
    if (!b->oom && buf_reserve(b, 0) == 0) {
        b->p[b->len] = '\0'; /* nothing written: the buffer was only just allocated */
        *out = b->p;
        if (len)
            *len = b->len;
        b->p = NULL;
        b->len = b->cap = 0;
        return QAWARD_OK;
    }
    qa_buf_discard(b);
    *out = NULL;
    return QAWARD_ENOMEM;
}

void qa_buf_discard(qa_buf *b)
{
    qa_afree(b->alloc, b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- writer ---------------------------------------------------------------------- */

void qw_init(qj_writer *w, const qaward_allocator *alloc, int pretty)
{
    memset(w, 0, sizeof *w);
    w->alloc = alloc;
    w->pretty = pretty;
}

void qw_set_sink(qj_writer *w, qaward_write_fn sink, void *ud)
{
    w->sink = sink;
    w->sink_ud = ud;
}

static void wflush(qj_writer *w)
{
    if (w->sink && !w->oom && !w->sink_rc && w->len) {
        int rc = w->sink(w->sink_ud, w->buf, w->len);
        if (rc < 0)
            w->sink_rc = rc;
        w->len = 0;
    }
}

static void wputn(qj_writer *w, const char *s, size_t n)
{
    if (w->oom || w->sink_rc)
        return;
    if (w->sink && w->len + n >= QA_SINK_CHUNK)
        wflush(w);
    if (w->len + n + 1 > w->cap) {
        size_t nc = w->cap ? w->cap : 512;
        while (nc < w->len + n + 1)
            nc *= 2;
        char *p = qa_arealloc(w->alloc, w->buf, nc);
        if (!p) {
            w->oom = 1;
            return;
        }
        w->buf = p;
        w->cap = nc;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = '\0';
}

static void wputs(qj_writer *w, const char *s) { wputn(w, s, strlen(s)); }

static void newline(qj_writer *w)
{
    if (!w->pretty)
        return;
    wputn(w, "\n", 1);
    for (int i = 0; i < w->depth; i++)
        wputn(w, "  ", 2);
}

/* Called before every value or key. */
static void before(qj_writer *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (w->need_comma[w->depth])
            wputn(w, ",", 1);
        newline(w);
        w->need_comma[w->depth] = 1;
    }
}

static void open_c(qj_writer *w, const char *c)
{
    before(w);
    wputs(w, c);
    if (w->depth < QJ_MAX_DEPTH + 1)
        w->depth++;
    w->need_comma[w->depth] = 0;
}

static void close_c(qj_writer *w, const char *c)
{
    int had = w->need_comma[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (had)
        newline(w);
    wputs(w, c);
}

void qw_obj_begin(qj_writer *w) { open_c(w, "{"); }
void qw_obj_end(qj_writer *w) { close_c(w, "}"); }
void qw_arr_begin(qj_writer *w) { open_c(w, "["); }
void qw_arr_end(qj_writer *w) { close_c(w, "]"); }

static void put_escaped(qj_writer *w, const char *s, size_t n)
{
    wputn(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char ubuf[8];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (c < 0x20) {
                snprintf(ubuf, sizeof ubuf, "\\u%04x", c);
                esc = ubuf;
            }
        }
        if (esc) {
            wputn(w, s + run, i - run);
            wputs(w, esc);
            run = i + 1;
        }
    }
    wputn(w, s + run, n - run);
    wputn(w, "\"", 1);
}

void qw_key(qj_writer *w, const char *key)
{
    before(w);
    put_escaped(w, key, strlen(key));
    wputs(w, w->pretty ? ": " : ":");
    w->after_key = 1;
}

void qw_strn(qj_writer *w, const char *s, size_t n)
{
    before(w);
    put_escaped(w, s, n);
}

void qw_str(qj_writer *w, const char *s)
{
    if (!s) {
        qw_null(w);
        return;
    }
    qw_strn(w, s, strlen(s));
}

void qw_int(qj_writer *w, int64_t v)
{
    char b[32];
    before(w);
    snprintf(b, sizeof b, "%lld", (long long)v);
    wputs(w, b);
}

void qw_fixed2(qj_writer *w, int64_t v)
{
    char b[40];
    before(w);
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    snprintf(b, sizeof b, "%s%llu.%02llu", v < 0 ? "-" : "", (unsigned long long)(a / 100),
             (unsigned long long)(a % 100));
    wputs(w, b);
}

void qw_bool(qj_writer *w, int v)
{
    before(w);
    wputs(w, v ? "true" : "false");
}

void qw_null(qj_writer *w)
{
    before(w);
    wputs(w, "null");
}

void qw_date(qj_writer *w, qaward_date d)
{
    char b[QAWARD_DATE_STRLEN];
    if (d == QAWARD_DATE_NONE || qaward_date_format(b, d)) {
        qw_null(w);
        return;
    }
    qw_strn(w, b, 10);
}

void qw_raw(qj_writer *w, const char *json)
{
    before(w);
    wputs(w, json);
}

void qw_value(qj_writer *w, const qj_value *v)
{
    switch (v->type) {
    case QJ_NULL: qw_null(w); break;
    case QJ_FALSE: qw_bool(w, 0); break;
    case QJ_TRUE: qw_bool(w, 1); break;
    case QJ_NUMBER: qw_raw(w, v->str); break; /* NUL-terminated copy of the number as written */
    case QJ_STRING: qw_strn(w, v->str, v->len); break;
    case QJ_ARRAY:
        qw_arr_begin(w);
        for (size_t i = 0; i < v->len; i++)
            qw_value(w, &v->items[i]);
        qw_arr_end(w);
        break;
    case QJ_OBJECT:
        qw_obj_begin(w);
        for (size_t i = 0; i < v->len; i++) {
            qw_key(w, v->keys[i]);
            qw_value(w, &v->items[i]);
        }
        qw_obj_end(w);
        break;
    }
}

void qw_kstr(qj_writer *w, const char *key, const char *s) { qw_key(w, key); qw_str(w, s); }
void qw_kint(qj_writer *w, const char *key, int64_t v) { qw_key(w, key); qw_int(w, v); }
void qw_kfixed2(qj_writer *w, const char *key, int64_t v) { qw_key(w, key); qw_fixed2(w, v); }
void qw_kbool(qj_writer *w, const char *key, int v) { qw_key(w, key); qw_bool(w, v); }
void qw_kdate(qj_writer *w, const char *key, qaward_date d) { qw_key(w, key); qw_date(w, d); }

int qw_finish(qj_writer *w, char **out, size_t *len)
{
    if (w->sink) {
        wflush(w);
        int rc = w->sink_rc ? w->sink_rc : w->oom ? QAWARD_ENOMEM : QAWARD_OK;
        qw_discard(w);
        *out = NULL;
        if (len)
            *len = 0;
        return rc;
    }
    if (!w->oom && !w->buf)
        wputn(w, "", 0);
    if (w->oom) {
        qw_discard(w);
        *out = NULL;
        return QAWARD_ENOMEM;
    }
    *out = w->buf;
    if (len)
        *len = w->len;
    w->buf = NULL;
    w->len = w->cap = 0;
    return QAWARD_OK;
}

int qw_finish_ctx(qj_writer *w, char **out, qaward_ctx *ctx, const char *oom_msg)
{
    int rc = qw_finish(w, out, NULL);
    if (rc)
        return qa_error(ctx, rc, "%s", oom_msg);
    qa_ok(ctx);
    return QAWARD_OK;
}

void qw_discard(qj_writer *w)
{
    qa_afree(w->alloc, w->buf);
    w->buf = NULL;
    w->len = w->cap = 0;
}

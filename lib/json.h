/* Internal JSON layer: a strict RFC 8259 parser into an arena-allocated tree,
 * path-naming readers for schema validation, and a writer. Not installed.
 *
 * Rule modules never see this: the *_json.c files turn documents into library
 * objects and results back into documents (DESIGN part B, "JSON at the edge"). */
#ifndef QAWARD_JSON_H
#define QAWARD_JSON_H

#include "internal.h"

typedef enum qj_type { QJ_NULL, QJ_FALSE, QJ_TRUE, QJ_NUMBER, QJ_STRING, QJ_ARRAY, QJ_OBJECT } qj_type;

typedef struct qj_value qj_value;
struct qj_value {
    qj_type type;
    uint32_t lazy;       /* 1: an array of qj_parse_lazy not built; iterate it with qj_iter */
    uint32_t line;       /* 1-based line of the value's first character */
    uint32_t col;        /* 1-based column (bytes) */
    size_t len;          /* string: byte length (NUL-terminated too); array/object: element count;
                            number: length of its text */
    const char *str;     /* string: unescaped UTF-8; number: its text as written */
    qj_value *items;     /* array/object elements, `len` of them */
    const char **keys;   /* object keys (unescaped), `len` of them; NULL for arrays */
    size_t *key_lens;    /* object key byte lengths */
};

typedef struct qj_doc qj_doc;

/* Parse `len` bytes. Strict: one value, no trailing garbage, no comments, no
 * trailing commas, no NaN, valid UTF-8, nesting at most QJ_MAX_DEPTH, duplicate
 * object keys rejected. On failure returns QAWARD_EPARSE with
 * "<what>: line L, column C: <reason>" on ctx. `what` names the document
 * (e.g. "policy", a file name). */
#define QJ_MAX_DEPTH 64
int qj_parse(qj_doc **out, qaward_ctx *ctx, const char *text, size_t len, const char *what);
const qj_value *qj_root(const qj_doc *doc);

/* Like qj_parse, but root-object members whose key is in the NULL-terminated
 * `lazy_keys` and whose value is an array are validated and not built: their
 * value has type QJ_ARRAY, lazy = 1, len = element count and str pointing at
 * the '[' in `text`, which must outlive the doc. Read them with qj_iter, one
 * element at a time, so a large array never exists as a tree (issue 4's memory
 * target). Duplicate keys inside lazy elements are reported by qj_iter_next. */
int qj_parse_lazy(qj_doc **out, qaward_ctx *ctx, const char *text, size_t len, const char *what,
                  const char *const *lazy_keys);

/* Iterates any array: built ones element by element, lazy ones by parsing the
 * next element into a scratch arena (valid until the next call). */
typedef struct qj_iter {
    qaward_ctx *ctx;
    const qj_doc *doc;
    const qj_value *arr;
    qj_doc *scratch;
    const char *p, *line_start;
    uint32_t line;
    size_t index, count;
    qj_value elem;
} qj_iter;
int qj_iter_init(qj_iter *it, qaward_ctx *ctx, const qj_doc *doc, const qj_value *arr);
/* 1 = *elem set, 0 = no more elements, < 0 = error (message on ctx). */
int qj_iter_next(qj_iter *it, const qj_value **elem);
void qj_iter_free(qj_iter *it);
void qj_free(qj_doc *doc);

/* Object member by key, or NULL. */
const qj_value *qj_get(const qj_value *obj, const char *key);

/* Integer value of a number that is written as an integer (no fraction, no
 * exponent) and fits int64. Returns 0 on success, -1 otherwise. */
int qj_int(const qj_value *v, int64_t *out);
/* A number with at most 2 decimals as hundredths (812.35 -> 81235; 7 -> 700).
 * Returns 0 on success, -1 otherwise (more decimals, exponent, overflow). */
int qj_fixed2(const qj_value *v, int64_t *out);

/* ---- path-naming readers -------------------------------------------------
 * `path` is the JSON path of the object being read, e.g. "$.conditions[3]".
 * Errors set QAWARD_ESCHEMA (wrong type, missing, unknown field) or
 * QAWARD_ERANGE (out of range) with a message
 * "<path>.<key>: <what is wrong> (line L, column C)" and return the code.
 * Optional readers return 1 when the key is absent (out untouched). */

typedef struct qj_path { char s[256]; } qj_path;
/* child paths: "$.a" + "b" -> "$.a.b"; "$.a" + 3 -> "$.a[3]" (truncated with "..." if long) */
void qj_path_key(qj_path *out, const char *parent, const char *key);
void qj_path_index(qj_path *out, const char *parent, size_t index);

int qj_expect(qaward_ctx *ctx, const qj_value *v, qj_type type, const char *path); /* "object", "array", ... */
/* Reject keys not in the NULL-terminated list `allowed`. */
int qj_only_keys(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *const *allowed);

int qj_read_int(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                int64_t min, int64_t max, int64_t *out);
int qj_read_fixed2(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                   int64_t min, int64_t max, int64_t *out);
int qj_read_bool(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                 int *out);
/* *out points into the document (valid while the doc lives). Empty strings
 * are allowed unless nonempty is set. */
int qj_read_str(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                int nonempty, const char **out);
int qj_read_date(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                 qaward_date *out);
/* *out is the member (array/object) itself. */
int qj_read_array(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                  const qj_value **out);
int qj_read_object(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                   const qj_value **out);
/* A string member that must be one of `names` (NULL-terminated); *out = its index. */
int qj_read_enum(qaward_ctx *ctx, const qj_value *obj, const char *path, const char *key, int required,
                 const char *const *names, int *out);

/* ---- loading a document into a library object ---------------------------
 * The shape every *_load_json shares (DESIGN part C, "On error"): parse,
 * build the object from the tree, free the tree; on failure free what was
 * built. Argument checks stay with the public function (their messages name
 * it). */
typedef struct qj_loader {
    const char *what;             /* the document's name in parse messages ("scheme") */
    const char *const *lazy_keys; /* as for qj_parse_lazy, or NULL */
    size_t size;                  /* > 0: build finds a zeroed object of this size in *obj, */
    size_t alloc_at;              /* with its qaward_allocator copy at this offset set from ctx */
    /* Builds the object in *obj (creates it there when size is 0). On failure
     * whatever it left in *obj is released. Returns 0 or a negative code. */
    int (*build)(void **obj, qaward_ctx *ctx, const qj_doc *doc, const void *arg);
    void (*release)(void *obj);   /* the object's _free */
    const char *prefix;           /* put before the message of a build failure, or NULL */
} qj_loader;

/* Runs `l` on `len` bytes of `json`, `arg` going to build. Success: *out =
 * the object, ctx cleared, 0. Failure: *out = NULL, the code, message on ctx. */
int qj_load(void **out, qaward_ctx *ctx, const char *json, size_t len, const qj_loader *l, const void *arg);

/* ---- writer ---------------------------------------------------------------
 * Builds compact (or indented when pretty) JSON in memory. Errors are sticky:
 * after an allocation failure every call is a no-op and qw_finish returns
 * QAWARD_ENOMEM. Commas are inserted automatically. */
typedef struct qj_writer {
    const qaward_allocator *alloc;
    char *buf;
    size_t len, cap;
    int oom;
    int pretty;
    int depth;
    unsigned char need_comma[QJ_MAX_DEPTH + 2];
    int after_key;
    qaward_write_fn sink;  /* when set, output is streamed in chunks (qw_set_sink) */
    void *sink_ud;
    int sink_rc;           /* the sink's first failure; sticky */
} qj_writer;

void qw_init(qj_writer *w, const qaward_allocator *alloc, int pretty);
/* Stream the output to `sink` in chunks of about 64 KiB instead of keeping it;
 * qw_finish then flushes the rest, returns the sink's first failure unchanged
 * and gives *out = NULL. */
void qw_set_sink(qj_writer *w, qaward_write_fn sink, void *ud);
void qw_obj_begin(qj_writer *w);
void qw_obj_end(qj_writer *w);
void qw_arr_begin(qj_writer *w);
void qw_arr_end(qj_writer *w);
void qw_key(qj_writer *w, const char *key);
void qw_str(qj_writer *w, const char *s);              /* NULL writes null */
void qw_strn(qj_writer *w, const char *s, size_t n);
void qw_int(qj_writer *w, int64_t v);
void qw_fixed2(qj_writer *w, int64_t hundredths);      /* 81235 -> 812.35, -5 -> -0.05 */
void qw_bool(qj_writer *w, int v);
void qw_null(qj_writer *w);
void qw_date(qj_writer *w, qaward_date d);             /* "YYYY-MM-DD", or null for QAWARD_DATE_NONE */
void qw_raw(qj_writer *w, const char *json);           /* an already-encoded JSON value */
void qw_value(qj_writer *w, const qj_value *v);        /* a parsed (non-lazy) value, re-encoded */
/* Shorthands for a key followed by a value. */
void qw_kstr(qj_writer *w, const char *key, const char *s);
void qw_kint(qj_writer *w, const char *key, int64_t v);
void qw_kfixed2(qj_writer *w, const char *key, int64_t v);
void qw_kbool(qj_writer *w, const char *key, int v);
void qw_kdate(qj_writer *w, const char *key, qaward_date d);
/* Take the NUL-terminated result (allocated with w->alloc; free with qa_afree or
 * qaward_string_free). On error frees everything and returns QAWARD_ENOMEM. */
int qw_finish(qj_writer *w, char **out, size_t *len);
void qw_discard(qj_writer *w);
/* qw_finish for a public result: the code with `oom_msg` on ctx when it
 * fails, ctx cleared and 0 when it succeeds. */
int qw_finish_ctx(qj_writer *w, char **out, qaward_ctx *ctx, const char *oom_msg);

/* ---- text buffer (for text reports) ----------------------------------------- */
typedef struct qa_buf {
    const qaward_allocator *alloc;
    char *p;
    size_t len, cap;
    int oom;
    qaward_write_fn sink;  /* as for qj_writer */
    void *sink_ud;
    int sink_rc;
} qa_buf;
void qa_buf_init(qa_buf *b, const qaward_allocator *alloc);
void qa_buf_set_sink(qa_buf *b, qaward_write_fn sink, void *ud);
void qa_buf_puts(qa_buf *b, const char *s);
void qa_buf_printf(qa_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int qa_buf_finish(qa_buf *b, char **out, size_t *len);   /* QAWARD_ENOMEM after an allocation failure */
void qa_buf_discard(qa_buf *b);

#endif

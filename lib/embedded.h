/* Data files compiled into the library (scripts/embed.py). */
#ifndef QAWARD_EMBEDDED_H
#define QAWARD_EMBEDDED_H
#include <stddef.h>

typedef struct qa_embedded {
    const char *kind;   /* "policy", "scheme", "calendar", "review-rule" */
    const char *name;   /* file name without .json, e.g. "jian-2023" */
    const char *data;   /* NUL-terminated JSON */
    size_t len;
} qa_embedded;

extern const qa_embedded qa_embedded_table[];

/* The embedded file of that kind and name, or NULL. */
const qa_embedded *qa_embedded_find(const char *kind, const char *name);

#endif

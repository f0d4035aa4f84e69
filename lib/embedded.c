#include "embedded.h"
#include <string.h>

const qa_embedded *qa_embedded_find(const char *kind, const char *name)
{
    if (!kind || !name)
        return NULL;
    for (const qa_embedded *e = qa_embedded_table; e->kind; e++)
        if (strcmp(e->kind, kind) == 0 && strcmp(e->name, name) == 0)
            return e;
    return NULL;
}

/* Test helper: read a file of the source tree (QA_SOURCE_ROOT, set by
 * tests/meson.build) into a NUL-terminated buffer the caller frees. Aborts
 * with the path on any failure: a missing sample is a broken checkout, not a
 * test outcome. Usable from cmocka tests and plain threaded programs alike. */
#ifndef QAWARD_TEST_SRCFILE_H
#define QAWARD_TEST_SRCFILE_H

#include <stdio.h>
#include <stdlib.h>

static char *read_src(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", QA_SOURCE_ROOT, rel);
    FILE *fp = fopen(path, "rb");
    long n = -1;
    char *b = NULL;
    if (fp && fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
        (b = malloc((size_t)n + 1)) != NULL && fread(b, 1, (size_t)n, fp) == (size_t)n) {
        fclose(fp);
        b[n] = '\0';
        if (len)
            *len = (size_t)n;
        return b;
    }
    fprintf(stderr, "cannot read %s\n", path);
    abort();
}

#endif

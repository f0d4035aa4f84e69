#include "cli.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *cli_read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "qaward: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        char *nb = realloc(buf, cap * 2 + 1);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    int err = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf || err) {
        fprintf(stderr, "qaward: %s: %s\n", path, buf ? "read error" : "out of memory");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

int cli_fail(const char *cmd, const char *what, qaward_ctx *ctx, int rc)
{
    const char *msg = ctx ? qaward_ctx_message(ctx) : "";
    fprintf(stderr, "qaward %s: %s: %s\n", cmd, what, msg && *msg ? msg : qaward_strerror(rc));
    return 2;
}

int cli_parse_format(const char *v)
{
    if (strcmp(v, "json") == 0)
        return CLI_JSON;
    if (strcmp(v, "text") == 0)
        return CLI_TEXT;
    return -1;
}

int cli_parse_lang(const char *v)
{
    if (strcmp(v, "en") == 0)
        return CLI_EN;
    if (strcmp(v, "zh") == 0)
        return CLI_ZH;
    return -1;
}

void cli_puts(const char *s)
{
    fputs(s, stdout);
    fputc('\n', stdout);
}

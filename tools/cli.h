/* Shared helpers of the qaward CLI. Each subcommand lives in cmd_<name>.c and
 * is registered in qaward.c. Exit codes: 0 success, 1 a decision/validation
 * found problems (where a command says so), 2 usage or input error. */
#ifndef QAWARD_CLI_H
#define QAWARD_CLI_H

#include <qaward.h>
#include <stdio.h>

enum { CLI_JSON = 0, CLI_TEXT = 1 };
enum { CLI_EN = 0, CLI_ZH = 1 };

/* Read a whole file ("-" = stdin). Returns malloc'd NUL-terminated bytes or NULL
 * after printing "qaward: <path>: <reason>" to stderr. */
char *cli_read_file(const char *path, size_t *len);

/* Print "qaward <cmd>: <what>: <ctx message>" to stderr and return 2. */
int cli_fail(const char *cmd, const char *what, qaward_ctx *ctx, int rc);

/* Parse "--format json|text" and "--lang zh|en" values; return -1 on bad value. */
int cli_parse_format(const char *v);
int cli_parse_lang(const char *v);

/* Write s plus a newline to stdout. */
void cli_puts(const char *s);

/* Subcommands. */
int cmd_calendar(int argc, char **argv);
int cmd_procedure(int argc, char **argv);
/* Built-in cn-2023-2026 (unless !builtin) plus calendar files (cmd_calendar.c); prints and returns 2 on error. */
int cli_calendar_build(qaward_calendar **out, qaward_ctx *ctx, const char *cmd, int builtin, char **files,
                       int nfiles);
int cmd_score(int argc, char **argv);
int cmd_composite(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_cycle(int argc, char **argv);

#endif

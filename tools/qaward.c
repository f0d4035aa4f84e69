/* qaward: command-line front end of libqaward. */
#include "cli.h"
#include <string.h>

typedef int (*cmd_fn)(int argc, char **argv);

/* Subcommands (cmd_<name>.c); add new ones here and in tools/meson.build. */
static const struct {
    const char *name;
    cmd_fn fn;
    const char *help;
} commands[] = {
    {"calendar", cmd_calendar, "working days between dates, notice end dates (R16)"},
    {"procedure", cmd_procedure, "validate a cycle's timeline: notices, stages, objections (Art. 13, 14)"},
    {"score", cmd_score, "score assessors' sheets on a criteria scheme (GB/T 19580)"},
    {"composite", cmd_composite, "combine stage scores into composites under review rules"},
    {"check", cmd_check, "eligibility verdicts for applicants (Art. 10, 11; waits and bans)"},
    {"cycle", cmd_cycle, "run an award cycle: quotas, re-winners, ties, votes, prizes, report"},
    {NULL, NULL, NULL}
};

static int usage(FILE *f)
{
    fprintf(f, "usage: qaward <command> [options] [files]\n\ncommands:\n");
    for (int i = 0; commands[i].name; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\nqaward <command> --help for a command's options.\n");
    return f == stdout ? 0 : 2;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage(stderr);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return usage(stdout);
    if (strcmp(argv[1], "--version") == 0) {
        printf("qaward %s\n", qaward_version());
        return 0;
    }
    for (int i = 0; commands[i].name; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "qaward: unknown command \"%s\"\n", argv[1]);
    return usage(stderr);
}

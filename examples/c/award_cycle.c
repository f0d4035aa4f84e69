/*
 * A whole award cycle, finalised into a SQLite-backed store (Art. 4, 5, 13, 15; R8, R12, R13).
 *
 * 1. loads the sample cycle data/examples/cycle-2025.json (policy jian-2023, review
 *    rules, history, 18 candidates with verdicts, stage totals and votes) and runs it:
 *    quotas filled in rank order, the 2017 winner ORG-02 placed outside the quota (R8);
 * 2. the run reports a tie at the last organisation award place (ORG-04 and ORG-05 have
 *    the same composite and stage totals, so the tie-break order cannot separate them):
 *    qaward_cycle_finalise() refuses while it is open (R12);
 * 3. the leading group decides the tie (qaward_cycle_decide_tie) and the cycle runs again;
 * 4. a finalise whose third write fails (an SQLite trigger aborts it) is rolled back:
 *    nothing is written;
 * 5. the finalise is repeated and the awards written in the transaction are listed; a
 *    second finalise is refused (the store says the cycle is finalised).
 *
 * Usage: example_award_cycle cycle.json [database]
 */
#include "sqlite_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
            *len = fread(buf, 1, (size_t)n, f);
            buf[*len] = '\0';
        }
    }
    fclose(f);
    return buf;
}

static int award_rows(sqlite3 *db, const char *cycle_id, int print)
{
    sqlite3_stmt *st;
    int n = 0;
    if (sqlite3_prepare_v2(db, "SELECT subject_id, level, kind, award_date, prize_fen, re_win FROM awards "
                               "WHERE cycle_id = ?1 ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, cycle_id, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (print) {
            long long fen = sqlite3_column_int64(st, 4);
            printf("  %-7s %-10s %-12s %d  %9lld.%02lld CNY%s\n", (const char *)sqlite3_column_text(st, 0),
                   (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
                   sqlite3_column_int(st, 3), fen / 100, fen % 100,
                   sqlite3_column_int(st, 5) ? "  re-winner (R8)" : "");
        }
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

static const char *OUTCOME[] = {"none", "awarded", "re-winner", "TIE", "vote failed", "quota full",
                                "below minimum", "gate failed", "refused", "incomplete", "not scored"};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s cycle.json [database]\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *doc = slurp(argv[1], &len);
    if (!doc) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 2;
    }
    sqlite3 *db = NULL;
    qaward_ctx *ctx = NULL;
    qaward_cycle *cy = NULL;
    qaward_store store;
    int rc = QAWARD_EINTERNAL;

    if (sqlite3_open(argc > 2 ? argv[2] : ":memory:", &db) != SQLITE_OK || sqlite_store_schema(db) != SQLITE_OK) {
        fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
        goto out;
    }
    sqlite_store_table(&store, db);
    if ((rc = qaward_ctx_new(&ctx, NULL)) != 0 || (rc = qaward_cycle_load_json(&cy, ctx, doc, len)) != 0)
        goto out;

    /* 1. run: history (R8) from the document's own store */
    if ((rc = qaward_cycle_run(ctx, cy, NULL)) != 0)
        goto out;
    printf("cycle %s: %zu candidates, %zu quota buckets\n", qaward_cycle_id(cy), qaward_cycle_candidate_count(cy),
           qaward_cycle_bucket_count(cy));
    for (size_t b = 0; b < qaward_cycle_bucket_count(cy); b++) {
        const char *level;
        int32_t max, placed, vacant, tied;
        int64_t prize;
        qaward_cycle_bucket_get(&level, &max, &placed, &vacant, &tied, &prize, cy, b);
        printf("  bucket %zu %-10s quota %d placed %d vacant %d tied %d prizes %lld fen\n", b, level, max, placed,
               vacant, tied, (long long)prize);
    }

    /* 2. the tie at the last organisation award place (R12) */
    size_t tied[8], n_tied = 0;
    for (size_t i = 0; i < qaward_cycle_candidate_count(cy); i++) {
        int o = qaward_cycle_candidate_outcome(cy, i);
        const char *level = qaward_cycle_candidate_level(cy, i);
        int64_t comp = 0;
        char score[32] = "-";
        if (qaward_cycle_candidate_composite(&comp, cy, i) == 0)
            snprintf(score, sizeof score, "%lld.%02lld", (long long)(comp / 100), (long long)(comp % 100));
        printf("  %-7s %-12s %-13s %-10s composite %s\n", qaward_cycle_candidate_id(cy, i),
               qaward_cycle_candidate_kind(cy, i), OUTCOME[o], level ? level : "-", score);
        if (o == QAWARD_OUTCOME_TIE && n_tied < 8)
            tied[n_tied++] = i;
    }
    int frc = qaward_cycle_finalise(ctx, cy, &store);
    printf("finalise with the tie open -> %d (%s): %s\n", frc, qaward_strerror(frc), qaward_ctx_message(ctx));
    if (frc != QAWARD_ESTATE || n_tied < 2 || award_rows(db, qaward_cycle_id(cy), 0) != 0) {
        rc = QAWARD_EINTERNAL;
        goto out;
    }

    /* 3. the leading group places the first tied candidate; the others pass down */
    for (size_t k = 0; k < n_tied; k++)
        if ((rc = qaward_cycle_decide_tie(ctx, cy, tied[k], k == 0)) != 0)
            goto out;
    if ((rc = qaward_cycle_run(ctx, cy, NULL)) != 0)
        goto out;
    printf("leading group: %s placed; %s %s at %s\n", qaward_cycle_candidate_id(cy, tied[0]),
           qaward_cycle_candidate_id(cy, tied[1]), OUTCOME[qaward_cycle_candidate_outcome(cy, tied[1])],
           qaward_cycle_candidate_level(cy, tied[1]));

    /* 4. a write that fails inside the transaction: everything is rolled back */
    sqlite3_exec(db,
                 "CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON awards "
                 "WHEN (SELECT count(*) FROM awards) >= 2 BEGIN SELECT RAISE(ABORT, 'disk quota (demo)'); END;",
                 NULL, NULL, NULL);
    frc = qaward_cycle_finalise(ctx, cy, &store);
    printf("finalise with a failing third write -> %d (%s); awards written: %d\n", frc, qaward_strerror(frc),
           award_rows(db, qaward_cycle_id(cy), 0));
    if (frc != QAWARD_EUSER || award_rows(db, qaward_cycle_id(cy), 0) != 0) {
        rc = QAWARD_EINTERNAL;
        goto out;
    }
    sqlite3_exec(db, "DROP TRIGGER refuse_third", NULL, NULL, NULL);

    /* 5. finalise in one transaction and show what was written */
    if ((rc = qaward_cycle_finalise(ctx, cy, &store)) != 0)
        goto out;
    printf("awards written by the finalise (one transaction):\n");
    int n = award_rows(db, qaward_cycle_id(cy), 1);
    sqlite3_stmt *st;
    long long sum = -1;
    if (sqlite3_prepare_v2(db, "SELECT total(prize_fen) FROM awards WHERE cycle_id = ?1", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, qaward_cycle_id(cy), -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            sum = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    printf("%d awards, prizes %lld fen (cycle prize total %lld fen, Art. 15)\n", n, sum,
           (long long)qaward_cycle_prize_total(cy));
    frc = qaward_cycle_finalise(ctx, cy, &store);
    printf("finalise again -> %d (%s)\n", frc, qaward_strerror(frc));
    rc = (sum == qaward_cycle_prize_total(cy) && frc == QAWARD_EEXISTS && n > 0) ? 0 : QAWARD_EINTERNAL;

out:
    if (rc != 0 && rc != QAWARD_EINTERNAL)
        fprintf(stderr, "error %d (%s): %s\n", rc, qaward_strerror(rc), qaward_ctx_message(ctx));
    qaward_cycle_free(cy);
    qaward_ctx_free(ctx);
    sqlite3_close(db);
    free(doc);
    return rc == 0 ? 0 : 1;
}

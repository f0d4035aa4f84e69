/*
 * qaward_store callbacks over SQLite: history and sanctions are served from
 * tables, decisions are written inside one SQLite transaction
 * (begin -> writes -> commit, or rollback when any callback fails).
 */
#include "sqlite_store.h"

#include <stdio.h>

static const char *SCHEMA =
    "CREATE TABLE IF NOT EXISTS awards ("
    "  subject_id TEXT NOT NULL, level TEXT NOT NULL, kind TEXT NOT NULL, cycle_id TEXT,"
    "  award_date INTEGER NOT NULL, revoked_on INTEGER NOT NULL DEFAULT 0,"
    "  prize_fen INTEGER NOT NULL DEFAULT 0, re_win INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS awards_subject ON awards(subject_id);"
    "CREATE TABLE IF NOT EXISTS sanctions ("
    "  subject_id TEXT NOT NULL, kind TEXT NOT NULL, decided_on INTEGER NOT NULL,"
    "  ban_from INTEGER NOT NULL DEFAULT 0, ban_until INTEGER NOT NULL DEFAULT 0,"
    "  revokes_award_date INTEGER NOT NULL DEFAULT 0, citation TEXT);"
    "CREATE INDEX IF NOT EXISTS sanctions_subject ON sanctions(subject_id);";

int sqlite_store_schema(sqlite3 *db)
{
    return sqlite3_exec(db, SCHEMA, NULL, NULL, NULL);
}

/* Any SQLite failure is reported to the library as QAWARD_EUSER: the library
 * rolls back and returns it unchanged to the caller. */
static int fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "sqlite store: %s: %s\n", what, sqlite3_errmsg(db));
    return QAWARD_EUSER;
}

static int read_fn(void *ud, const char *subject_id, qaward_history *out)
{
    sqlite3 *db = ud;
    sqlite3_stmt *st = NULL;
    int rc = 0;
    if (sqlite3_prepare_v2(db, "SELECT level, kind, cycle_id, award_date, revoked_on, prize_fen, re_win "
                               "FROM awards WHERE subject_id = ?1", -1, &st, NULL) != SQLITE_OK)
        return fail(db, "prepare awards");
    sqlite3_bind_text(st, 1, subject_id, -1, SQLITE_STATIC);
    while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
        qaward_award_record r;
        qaward_award_record_init(&r, QAWARD_AWARD_RECORD_VERSION);
        r.subject_id = subject_id;
        r.level = (const char *)sqlite3_column_text(st, 0);
        r.kind = (const char *)sqlite3_column_text(st, 1);
        r.cycle_id = (const char *)sqlite3_column_text(st, 2);
        r.award_date = sqlite3_column_int(st, 3);
        r.revoked_on = sqlite3_column_int(st, 4);
        r.prize_fen = sqlite3_column_int64(st, 5);
        r.re_win = sqlite3_column_int(st, 6);
        rc = qaward_history_add_award(out, &r);
    }
    sqlite3_finalize(st);
    if (rc != 0)
        return rc;
    if (sqlite3_prepare_v2(db, "SELECT kind, decided_on, ban_from, ban_until, revokes_award_date, citation "
                               "FROM sanctions WHERE subject_id = ?1", -1, &st, NULL) != SQLITE_OK)
        return fail(db, "prepare sanctions");
    sqlite3_bind_text(st, 1, subject_id, -1, SQLITE_STATIC);
    while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
        qaward_sanction_record r;
        qaward_sanction_record_init(&r, QAWARD_SANCTION_RECORD_VERSION);
        r.subject_id = subject_id;
        r.kind = (const char *)sqlite3_column_text(st, 0);
        r.decided_on = sqlite3_column_int(st, 1);
        r.ban_from = sqlite3_column_int(st, 2);
        r.ban_until = sqlite3_column_int(st, 3);
        r.revokes_award_date = sqlite3_column_int(st, 4);
        r.citation = (const char *)sqlite3_column_text(st, 5);
        rc = qaward_history_add_sanction(out, &r);
    }
    sqlite3_finalize(st);
    return rc;
}

static int exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : fail(db, sql);
}

static int begin_fn(void *ud) { return exec(ud, "BEGIN IMMEDIATE"); }
static int commit_fn(void *ud) { return exec(ud, "COMMIT"); }
static int rollback_fn(void *ud) { return exec(ud, "ROLLBACK"); }

static int write_award_fn(void *ud, const qaward_award_record *r)
{
    sqlite3 *db = ud;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO awards VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &st, NULL) !=
        SQLITE_OK)
        return fail(db, "prepare insert award");
    sqlite3_bind_text(st, 1, r->subject_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, r->level, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, r->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, r->cycle_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, r->award_date);
    sqlite3_bind_int(st, 6, r->revoked_on);
    sqlite3_bind_int64(st, 7, r->prize_fen);
    sqlite3_bind_int(st, 8, r->re_win);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : fail(db, "insert award");
    sqlite3_finalize(st);
    return rc;
}

static int write_sanction_fn(void *ud, const qaward_sanction_record *r)
{
    sqlite3 *db = ud;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO sanctions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &st, NULL) !=
        SQLITE_OK)
        return fail(db, "prepare insert sanction");
    sqlite3_bind_text(st, 1, r->subject_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, r->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, r->decided_on);
    sqlite3_bind_int(st, 4, r->ban_from);
    sqlite3_bind_int(st, 5, r->ban_until);
    sqlite3_bind_int(st, 6, r->revokes_award_date);
    sqlite3_bind_text(st, 7, r->citation, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : fail(db, "insert sanction");
    sqlite3_finalize(st);
    return rc;
}

static int revoke_award_fn(void *ud, const char *subject_id, qaward_date award_date, qaward_date revoked_on)
{
    sqlite3 *db = ud;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "UPDATE awards SET revoked_on = ?3 WHERE subject_id = ?1 AND award_date = ?2", -1,
                           &st, NULL) != SQLITE_OK)
        return fail(db, "prepare revoke");
    sqlite3_bind_text(st, 1, subject_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, award_date);
    sqlite3_bind_int(st, 3, revoked_on);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : fail(db, "revoke");
    sqlite3_finalize(st);
    return rc;
}

static int cycle_finalised_fn(void *ud, const char *cycle_id, int *finalised)
{
    sqlite3 *db = ud;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM awards WHERE cycle_id = ?1", -1, &st, NULL) != SQLITE_OK)
        return fail(db, "prepare cycle_finalised");
    sqlite3_bind_text(st, 1, cycle_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_ROW ? 0 : fail(db, "cycle_finalised");
    *finalised = rc == 0 && sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    return rc;
}

void sqlite_store_table(qaward_store *out, sqlite3 *db)
{
    qaward_store_init(out, QAWARD_STORE_VERSION);
    out->userdata = db;
    out->read_fn = read_fn;
    out->begin_fn = begin_fn;
    out->write_award_fn = write_award_fn;
    out->write_sanction_fn = write_sanction_fn;
    out->revoke_award_fn = revoke_award_fn;
    out->cycle_finalised_fn = cycle_finalised_fn;
    out->commit_fn = commit_fn;
    out->rollback_fn = rollback_fn;
}

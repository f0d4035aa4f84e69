/*
 * A qaward_store backed by SQLite (used by examples/c/sqlite_store.c and
 * examples/c/award_cycle.c). The library never opens a database itself
 * (DESIGN part B, "Storage by callback"): this file is the caller's side.
 */
#ifndef EXAMPLE_SQLITE_STORE_H
#define EXAMPLE_SQLITE_STORE_H

#include <qaward.h>
#include <sqlite3.h>

/* Create the schema (idempotent). Returns 0 or an SQLite error code. */
int sqlite_store_schema(sqlite3 *db);

/* Fill a qaward_store table whose callbacks read from and write to db. */
void sqlite_store_table(qaward_store *out, sqlite3 *db);

#endif

#!/usr/bin/env python3
"""A custom store backed by SQLite (stdlib sqlite3), twin of examples/c/sqlite_store.c.

Creates its schema, serves history and sanctions to the library's checks,
writes decisions inside one transaction, and shows that an exception raised
in a store method reaches the caller unchanged (the library rolls back).
"""
import datetime as dt
import json
import os
import sqlite3
import sys
from pathlib import Path

import qaward
from qaward import AwardRecord, SanctionRecord

SCHEMA = """
CREATE TABLE IF NOT EXISTS awards (subject_id TEXT NOT NULL, level TEXT NOT NULL, kind TEXT NOT NULL,
  cycle_id TEXT, award_date TEXT NOT NULL, revoked_on TEXT, prize_fen INTEGER NOT NULL DEFAULT 0,
  re_win INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS awards_subject ON awards(subject_id);
CREATE TABLE IF NOT EXISTS sanctions (subject_id TEXT NOT NULL, kind TEXT NOT NULL, decided_on TEXT NOT NULL,
  ban_from TEXT, ban_until TEXT, revokes_award_date TEXT, citation TEXT);
CREATE INDEX IF NOT EXISTS sanctions_subject ON sanctions(subject_id);
"""


def _d(s):
    return dt.date.fromisoformat(s) if s else None


def _s(d):
    return d.isoformat() if d else None


class SqliteStore:
    """The store protocol (docs/bindings.md) over one sqlite3 connection."""

    def __init__(self, path=":memory:"):
        # isolation_level=None: we issue BEGIN/COMMIT/ROLLBACK ourselves, when the library says so
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.executescript(SCHEMA)

    # -- reads
    def read(self, subject_id):
        for row in self.db.execute("SELECT level, kind, cycle_id, award_date, revoked_on, prize_fen, re_win "
                                   "FROM awards WHERE subject_id = ?", (subject_id,)):
            yield AwardRecord(subject_id, row[0], row[1], _d(row[3]), row[2], _d(row[4]), row[5], bool(row[6]))
        for row in self.db.execute("SELECT kind, decided_on, ban_from, ban_until, revokes_award_date, citation "
                                   "FROM sanctions WHERE subject_id = ?", (subject_id,)):
            yield SanctionRecord(subject_id, row[0], _d(row[1]), _d(row[2]), _d(row[3]), _d(row[4]), row[5])

    def cycle_finalised(self, cycle_id):
        return self.db.execute("SELECT count(*) FROM awards WHERE cycle_id = ?", (cycle_id,)).fetchone()[0] > 0

    # -- transaction
    def begin(self):
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self):
        self.db.execute("COMMIT")

    def rollback(self):
        self.db.execute("ROLLBACK")

    # -- writes
    def write_award(self, r):
        self.db.execute("INSERT INTO awards VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (r.subject_id, r.level, r.kind, r.cycle_id, _s(r.award_date), _s(r.revoked_on),
                         r.prize_fen, int(r.re_win)))

    def write_sanction(self, r):
        self.db.execute("INSERT INTO sanctions VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (r.subject_id, r.kind, _s(r.decided_on), _s(r.ban_from), _s(r.ban_until),
                         _s(r.revokes_award_date), r.citation))

    def revoke_award(self, subject_id, award_date, revoked_on):
        self.db.execute("UPDATE awards SET revoked_on = ? WHERE subject_id = ? AND award_date = ?",
                        (_s(revoked_on), subject_id, _s(award_date)))

    def count(self, table):
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def record_sanction(store, rec):
    """Write one decision in a transaction (what the library's sanction recording does)."""
    store.begin()
    try:
        store.write_sanction(rec)
        store.commit()
    except BaseException:
        store.rollback()
        raise


def main():
    data = Path(os.environ.get("QAWARD_EXAMPLES_DATA", Path(__file__).resolve().parents[1] / "data"))
    template = json.loads((data / "subjects.json").read_text(encoding="utf-8"))["subjects"][0]
    policy = qaward.Policy("jian-2023")
    store = SqliteStore(sys.argv[1] if len(sys.argv) > 1 else ":memory:")
    store.db.execute("DELETE FROM awards")
    store.db.execute("DELETE FROM sanctions")
    # R7: a main-award winner of 2021-12-20 may apply again from 2027-01-01
    store.write_award(AwardRecord("ORG-W", "award", "organization", dt.date(2021, 12, 20), "2021", prize_fen=50_000_000))
    # R9: false materials found on 2022-03-15 -> refused until 2027-03-15
    f, u = policy.ban_window("false_materials", dt.date(2022, 3, 15))
    store.write_sanction(SanctionRecord("ORG-B", "false_materials", dt.date(2022, 3, 15), f, u, None, "第二十条"))

    def check(sid, as_of, want):
        v = qaward.check(policy, dict(template, id=sid), as_of, store=store)
        print(f"{sid:7} {as_of} {v.status:11} earliest {v.earliest}")
        for r in v.failing():
            print(f"    {r.citation_zh} {r.rule}: {r.message_en}")
        assert v.status == want, (sid, as_of, v.status)

    check("ORG-OK", dt.date(2025, 4, 1), "eligible")
    check("ORG-W", dt.date(2025, 4, 1), "ineligible")
    check("ORG-W", dt.date(2027, 1, 1), "eligible")      # R7 edge, day of
    check("ORG-B", dt.date(2027, 3, 14), "ineligible")   # R9 edge, day before
    check("ORG-B", dt.date(2027, 3, 15), "eligible")     # R9 edge, day of

    # a new finding written in a transaction
    f, u = policy.ban_window("false_materials", dt.date(2025, 5, 1))
    record_sanction(store, SanctionRecord("ORG-OK", "false_materials", dt.date(2025, 5, 1), f, u, None, "第二十条"))
    print("sanctions after commit:", store.count("sanctions"))
    check("ORG-OK", dt.date(2025, 6, 1), "ineligible")

    # a failing write rolls back; the sqlite3 exception reaches us unchanged
    before = store.count("sanctions")
    try:
        record_sanction(store, SanctionRecord("ORG-X", None, dt.date(2025, 5, 1)))  # NOT NULL kind
    except sqlite3.IntegrityError as e:
        print("failing write ->", type(e).__name__, e, f"; sanctions {before} -> {store.count('sanctions')}")
    assert store.count("sanctions") == before

    # an exception raised inside a store callback during a library call reaches the caller as itself
    class Offline(SqliteStore):
        def read(self, subject_id):
            raise sqlite3.OperationalError("database is locked")
    try:
        qaward.check(policy, template, dt.date(2025, 4, 1), store=Offline())
    except sqlite3.OperationalError as e:
        print("store error during check ->", type(e).__name__, e)
    else:
        raise AssertionError("expected the store's exception")
    return 0


if __name__ == "__main__":
    sys.exit(main())

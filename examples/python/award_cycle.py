#!/usr/bin/env python3
"""A whole award cycle finalised into SQLite, twin of examples/c/award_cycle.c (Art. 4, 5, 13, 15; R8, R12).

Loads data/examples/cycle-2025.json, runs it, shows that the tie at the last
organisation award place must be decided by the leading group before the
finalise (R12), shows a failing write rolled back (the sqlite3 exception
reaches us unchanged), then finalises in one transaction and lists the awards.

Usage: award_cycle.py [cycle.json]
"""
import sqlite3
import sys
from pathlib import Path

import qaward

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sqlite_store import SqliteStore  # noqa: E402  (the store of examples/python/sqlite_store.py)

DEFAULT = Path(__file__).resolve().parents[2] / "data" / "examples" / "cycle-2025.json"


def awards(store, cycle_id):
    return store.db.execute("SELECT subject_id, level, kind, award_date, prize_fen, re_win FROM awards "
                            "WHERE cycle_id = ? ORDER BY rowid", (cycle_id,)).fetchall()


def main() -> int:
    cycle = qaward.Cycle.load(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    cycle.run()  # history (R8) from the document's own store
    print(f"cycle {cycle.id}: {len(cycle)} candidates, decision date {cycle.decision_date}")
    for b in cycle.buckets():
        print(f"  {b.level:10} {'/'.join(b.kinds):12} quota {b.max} placed {b.placed} vacant {b.vacant} "
              f"tied {b.tied}  prizes {qaward.yuan(b.prize_total_fen)} CNY")
    for r in cycle:
        comp = qaward.points(r.composite) if r.composite is not None else "-"
        print(f"  {r.subject_id:7} {r.kind:12} {r.outcome:11} {r.level or '-':10} composite {comp}")

    store = SqliteStore()
    ties = cycle.ties()
    print("tied at the last place (R12):", ", ".join(f"{t.subject_id} {qaward.points(t.composite)}" for t in ties))
    try:
        cycle.finalise(store)
    except qaward.StateError as e:
        print("finalise with the tie open ->", type(e).__name__, e)
    else:
        raise AssertionError("finalise must refuse an open tie")
    assert awards(store, cycle.id) == []

    # the leading group places the first tied candidate; the others pass down
    for k, t in enumerate(ties):
        cycle.decide_tie(t.subject_id, k == 0)
    cycle.run()
    second = cycle.candidate(ties[1].subject_id)
    print(f"leading group: {ties[0].subject_id} placed; {second.subject_id} {second.outcome} at {second.level}")

    # a store whose third write fails: the library rolls back, the exception reaches us as itself
    class Flaky(SqliteStore):
        writes = 0

        def write_award(self, r):
            self.writes += 1
            if self.writes == 3:
                raise sqlite3.OperationalError("disk quota (demo)")
            super().write_award(r)

    flaky = Flaky()
    try:
        cycle.finalise(flaky)
    except sqlite3.OperationalError as e:
        print(f"finalise with a failing third write -> {type(e).__name__}: {e}; "
              f"awards written: {len(awards(flaky, cycle.id))}")
    assert awards(flaky, cycle.id) == []

    cycle.finalise(store)
    rows = awards(store, cycle.id)
    print("awards written by the finalise (one transaction):")
    for sid, level, kind, date, fen, rewin in rows:
        print(f"  {sid:7} {level:10} {kind:12} {date}  {qaward.yuan(fen):>12} CNY{'  re-winner (R8)' if rewin else ''}")
    total = sum(r[4] for r in rows)
    print(f"{len(rows)} awards, prizes {total} fen (cycle prize total {cycle.prize_total_fen} fen, Art. 15)")
    assert total == cycle.prize_total_fen
    try:
        cycle.finalise(store)
    except qaward.ExistsError as e:
        print("finalise again ->", type(e).__name__, e)

    # the public report never shows material marked as a trade secret (R19)
    assert "五轴联动" in cycle.report("text", "en") and "五轴联动" not in cycle.report("text", "en", public=True)
    print("public report: trade-secret notes omitted (R19)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The store protocol: Python exceptions in callbacks become QAWARD_EUSER and are re-raised."""
import ctypes
import datetime as dt

import pytest

import qaward
from qaward import errors
from qaward.store import AwardRecord, SanctionRecord, _Adapter
from qaward._lib import AwardRecordC

from conftest import need


class Boom(Exception):
    pass


class RecordingStore:
    def __init__(self, fail_on=None):
        self.log = []
        self.fail_on = fail_on

    def _maybe(self, what):
        self.log.append(what)
        if what == self.fail_on:
            raise Boom(what)

    def read(self, subject_id):
        self._maybe("read")
        return []

    def begin(self):
        self._maybe("begin")

    def write_award(self, rec):
        self._maybe("write_award")
        self.log.append(rec)

    def commit(self):
        self._maybe("commit")

    def rollback(self):
        self._maybe("rollback")


def test_callbacks_run_python_methods():
    st = RecordingStore()
    a = _Adapter(st)
    assert a.table.begin_fn(None) == 0
    rec = AwardRecordC(1, b"S1", b"award", b"organization", b"2025", 20250601, 0, 50000000, 0)
    assert a.table.write_award_fn(None, ctypes.byref(rec)) == 0
    assert st.log[1] == "write_award"
    got = st.log[2]
    assert got == AwardRecord("S1", "award", "organization", dt.date(2025, 6, 1), "2025", None, 50000000, False)
    assert not a.table.write_sanction_fn  # method absent -> NULL callback


def test_exception_becomes_euser_and_is_reraised():
    st = RecordingStore(fail_on="begin")
    a = _Adapter(st)
    with pytest.raises(Boom):
        a.run(lambda: a.table.begin_fn(None))
    # the raw callback returns QAWARD_EUSER
    assert a.table.begin_fn(None) == errors.EUSER == -13
    a.error = None


def test_first_exception_wins():
    st = RecordingStore(fail_on="commit")

    def two_calls():
        a.table.commit_fn(None)
        st.fail_on = "rollback"
        return a.table.rollback_fn(None)

    a = _Adapter(st)
    with pytest.raises(Boom, match="commit"):
        a.run(two_calls)


@need("qaward_memstore_new")
def test_memstore_add_and_count():
    with qaward.MemStore() as ms:
        ms.add(AwardRecord("S1", "award", "organization", dt.date(2019, 5, 20), "2019"))
        ms.add(SanctionRecord("S2", "false_materials", dt.date(2022, 1, 10)))
        assert ms.award_count == 1 and ms.sanction_count == 1
        doc = ms.to_json()
        assert len(doc["awards"]) == 1
    with pytest.raises(ValueError):
        ms.award_count

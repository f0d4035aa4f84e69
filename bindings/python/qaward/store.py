"""Storage by callback: a Python object as a ``qaward_store`` (store.h), and ``MemStore``.

A store is any object with some of these methods (all optional; a missing
``read`` means "no history", a missing write method makes writes fail with
:class:`~qaward.errors.InvalidArgumentError`)::

    read(subject_id: str) -> Iterable[AwardRecord | SanctionRecord]
    begin() -> None
    write_award(rec: AwardRecord) -> None
    write_sanction(rec: SanctionRecord) -> None
    revoke_award(subject_id: str, award_date: date, revoked_on: date) -> None
    cycle_finalised(cycle_id: str) -> bool
    commit() -> None
    rollback() -> None

An exception raised by a method makes the callback return ``QAWARD_EUSER``;
the library aborts the call (rolling back an open transaction) and the binding
re-raises the original exception to the caller.
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import json
import weakref
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Protocol, Union, runtime_checkable

from ._core import ctx, dec, enc, from_cdate, take_string_ctx, to_cdate
from ._lib import (AwardRecordC, BEGIN_FN, FINALISED_FN, READ_FN, REVOKE_FN, SanctionRecordC,
                   StoreC, WRITE_AWARD_FN, WRITE_SANCTION_FN, lib)
from .errors import EUSER, InvalidArgumentError, error_for

__all__ = ["AwardRecord", "SanctionRecord", "StoreProtocol", "MemStore", "as_c_store"]

STORE_VERSION = 1
AWARD_RECORD_VERSION = 1
SANCTION_RECORD_VERSION = 1


@dataclass(frozen=True)
class AwardRecord:
    """An award a subject received, or an award decision written by the library."""
    subject_id: str
    level: str
    kind: str
    award_date: _dt.date
    cycle_id: Optional[str] = None
    revoked_on: Optional[_dt.date] = None
    prize_fen: int = 0
    re_win: bool = False

    def _to_c(self, keep: list) -> AwardRecordC:
        b = [enc(self.subject_id), enc(self.level), enc(self.kind), enc(self.cycle_id)]
        keep.extend(b)
        return AwardRecordC(AWARD_RECORD_VERSION, b[0], b[1], b[2], b[3], to_cdate(self.award_date),
                            to_cdate(self.revoked_on), int(self.prize_fen), 1 if self.re_win else 0)

    @classmethod
    def _from_c(cls, r: AwardRecordC) -> "AwardRecord":
        return cls(dec(r.subject_id) or "", dec(r.level) or "", dec(r.kind) or "",
                   from_cdate(r.award_date), dec(r.cycle_id), from_cdate(r.revoked_on),  # type: ignore[arg-type]
                   r.prize_fen, bool(r.re_win))


@dataclass(frozen=True)
class SanctionRecord:
    """A finding against a subject (Art. 20, 22; R9-R11); ban window ``[ban_from, ban_until)``."""
    subject_id: str
    kind: str
    decided_on: _dt.date
    ban_from: Optional[_dt.date] = None
    ban_until: Optional[_dt.date] = None
    revokes_award_date: Optional[_dt.date] = None
    citation: Optional[str] = None

    def _to_c(self, keep: list) -> SanctionRecordC:
        b = [enc(self.subject_id), enc(self.kind), enc(self.citation)]
        keep.extend(b)
        return SanctionRecordC(SANCTION_RECORD_VERSION, b[0], b[1], to_cdate(self.decided_on),
                               to_cdate(self.ban_from), to_cdate(self.ban_until),
                               to_cdate(self.revokes_award_date), b[2])

    @classmethod
    def _from_c(cls, r: SanctionRecordC) -> "SanctionRecord":
        return cls(dec(r.subject_id) or "", dec(r.kind) or "", from_cdate(r.decided_on),  # type: ignore[arg-type]
                   from_cdate(r.ban_from), from_cdate(r.ban_until), from_cdate(r.revokes_award_date),
                   dec(r.citation))


@runtime_checkable
class StoreProtocol(Protocol):
    """The minimum a store provides: the history of a subject."""

    def read(self, subject_id: str) -> Iterable[Union[AwardRecord, SanctionRecord]]: ...


class _Adapter:
    """Turns a Python store object into a ``qaward_store`` table for one or more calls."""

    def __init__(self, obj: Any) -> None:
        self.obj = obj
        self.error: Optional[BaseException] = None
        self.table = StoreC()
        self.table.version = STORE_VERSION
        self._fns: List[Any] = []
        ref = weakref.ref(self)

        def guard(fn):  # exceptions -> QAWARD_EUSER, kept for re-raising
            def wrapped(*a):
                self_ = ref()
                if self_ is None:
                    return EUSER
                try:
                    return fn(self_, *a)
                except BaseException as e:  # noqa: BLE001 - re-raised after the call
                    if self_.error is None:
                        self_.error = e
                    return EUSER
            return wrapped

        def setf(field: str, ftype: Any, fn: Any) -> None:
            cf = ftype(guard(fn))
            self._fns.append(cf)
            setattr(self.table, field, cf)

        o = obj
        if hasattr(o, "read"):
            setf("read_fn", READ_FN, _Adapter._read)
        for name in ("begin", "commit", "rollback"):
            if hasattr(o, name):
                setf(name + "_fn", BEGIN_FN, lambda s, _u, n=name: (getattr(s.obj, n)(), 0)[1])
        if hasattr(o, "write_award"):
            setf("write_award_fn", WRITE_AWARD_FN,
                 lambda s, _u, r: (s.obj.write_award(AwardRecord._from_c(r.contents)), 0)[1])
        if hasattr(o, "write_sanction"):
            setf("write_sanction_fn", WRITE_SANCTION_FN,
                 lambda s, _u, r: (s.obj.write_sanction(SanctionRecord._from_c(r.contents)), 0)[1])
        if hasattr(o, "revoke_award"):
            setf("revoke_award_fn", REVOKE_FN,
                 lambda s, _u, sid, ad, ro: (s.obj.revoke_award(dec(sid), from_cdate(ad), from_cdate(ro)), 0)[1])
        if hasattr(o, "cycle_finalised"):
            def fin(s, _u, cid, out):
                out[0] = 1 if s.obj.cycle_finalised(dec(cid)) else 0
                return 0
            setf("cycle_finalised_fn", FINALISED_FN, fin)

    def _read(self, _u: Any, sid: bytes, h: int) -> int:
        subject = dec(sid) or ""
        for i, rec in enumerate(self.obj.read(subject) or ()):
            keep: list = []
            if isinstance(rec, AwardRecord):
                c = rec._to_c(keep)
                rc = lib.qaward_history_add_award(h, ctypes.byref(c))
            elif isinstance(rec, SanctionRecord):
                c = rec._to_c(keep)
                rc = lib.qaward_history_add_sanction(h, ctypes.byref(c))
            else:
                raise TypeError(f"store.read({subject!r}) item {i}: expected AwardRecord or "
                                f"SanctionRecord, got {type(rec).__name__}")
            if rc < 0:
                raise error_for(rc, f"store.read({subject!r}) item {i} ({rec!r}): "
                                    f"{lib.qaward_strerror(rc).decode()}")
        return 0

    def run(self, fn: Any, *args: Any) -> int:
        """Call ``fn(*args)`` (a C call using the table); re-raise a callback's exception."""
        self.error = None
        rc = fn(*args)
        err, self.error = self.error, None
        if err is not None:
            raise err
        return rc


class MemStore:
    """The library's in-memory store (``qaward_memstore``): transactions with real rollback.

    Use as a context manager to free it deterministically; otherwise the GC frees it.
    """

    def __init__(self, history: Union[None, str, dict] = None) -> None:
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_memstore_new(ctypes.byref(h), c.handle))
        self._h = h.value
        self._fin = weakref.finalize(self, lib.qaward_memstore_free, self._h)
        self.table = StoreC()
        lib.qaward_memstore_as_store(ctypes.byref(self.table), self._h)
        if history is not None:
            self.load_json(history)

    @property
    def handle(self) -> int:
        if not self._fin.alive:
            raise ValueError("MemStore is closed")
        return self._h

    def close(self) -> None:
        """Free the store now (idempotent)."""
        self._fin()

    def __enter__(self) -> "MemStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def add(self, rec: Union[AwardRecord, SanctionRecord]) -> None:
        """Add a history record directly (outside any transaction)."""
        keep: list = []
        c = ctx()
        if isinstance(rec, AwardRecord):
            cr = rec._to_c(keep)
            c.check(lib.qaward_memstore_add_award(self.handle, c.handle, ctypes.byref(cr)))
        elif isinstance(rec, SanctionRecord):
            cs = rec._to_c(keep)
            c.check(lib.qaward_memstore_add_sanction(self.handle, c.handle, ctypes.byref(cs)))
        else:
            raise TypeError(f"expected AwardRecord or SanctionRecord, got {type(rec).__name__}")

    def load_json(self, doc: Union[str, dict]) -> None:
        """Load ``{"awards": [...], "sanctions": [...]}`` (all or nothing)."""
        b = (json.dumps(doc) if not isinstance(doc, str) else doc).encode("utf-8")
        c = ctx()
        c.check(lib.qaward_memstore_load_json(self.handle, c.handle, b, len(b)))

    def to_json(self) -> dict:
        """The committed content as a dict (same format as :meth:`load_json`)."""
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_memstore_to_json(ctypes.byref(p), self.handle, c.handle))
        return json.loads(take_string_ctx(c, p.value))

    @property
    def award_count(self) -> int:
        return lib.qaward_memstore_award_count(self.handle)

    @property
    def sanction_count(self) -> int:
        return lib.qaward_memstore_sanction_count(self.handle)


class _NoStore:
    table = None

    def run(self, fn: Any, *args: Any) -> int:
        return fn(*args)


class _MemRunner:
    def __init__(self, ms: MemStore) -> None:
        self.table = ms.table
        self.ms = ms

    def run(self, fn: Any, *args: Any) -> int:
        return fn(*args)


def as_c_store(store: Any) -> Any:
    """A runner with ``.table`` (a StoreC or None) and ``.run(fn, *args)`` for a store-like object."""
    if store is None:
        return _NoStore()
    if isinstance(store, MemStore):
        store.handle  # raises when closed
        return _MemRunner(store)
    return _Adapter(store)

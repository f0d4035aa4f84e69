"""Context handling, status checking and date conversion shared by the modules."""
from __future__ import annotations

import ctypes
import datetime as _dt
import threading
import weakref
from typing import Optional, Union

from ._lib import lib
from .errors import error_for

DateLike = Union[_dt.date, str, int]

_local = threading.local()


class Context:
    """A libqaward context (allocator + last error). One per thread; see :func:`ctx`."""

    __slots__ = ("_h", "_fin", "__weakref__")

    def __init__(self) -> None:
        h = ctypes.c_void_p()
        rc = lib.qaward_ctx_new(ctypes.byref(h), None)
        if rc != 0:
            raise error_for(rc, "qaward_ctx_new failed")
        self._h = h.value
        self._fin = weakref.finalize(self, lib.qaward_ctx_free, self._h)

    @property
    def handle(self) -> int:
        return self._h

    def message(self) -> str:
        m = lib.qaward_ctx_message(self._h)
        return m.decode("utf-8", "replace") if m else ""

    def check(self, rc: int, what: str = "") -> None:
        """Raise the mapped exception when ``rc`` is negative."""
        if rc < 0:
            msg = self.message() or lib.qaward_strerror(rc).decode()
            raise error_for(rc, f"{what}: {msg}" if what else msg)


def ctx() -> Context:
    """The calling thread's context (created on first use; contexts are per thread)."""
    c = getattr(_local, "ctx", None)
    if c is None:
        c = Context()
        _local.ctx = c
    return c


def to_cdate(d: Optional[DateLike]) -> int:
    """``datetime.date``, ``"YYYY-MM-DD"`` or packed int -> packed YYYYMMDD (0 for None)."""
    if d is None:
        return 0
    if isinstance(d, _dt.datetime):
        raise TypeError("a civil date is needed (datetime.date), not a datetime (R1)")
    if isinstance(d, _dt.date):
        return d.year * 10000 + d.month * 100 + d.day
    if isinstance(d, str):
        out = ctypes.c_int32()
        c = ctx()
        c.check(lib.qaward_date_parse(ctypes.byref(out), c.handle, d.encode()))
        return out.value
    if isinstance(d, int) and not isinstance(d, bool):
        if d != 0 and not lib.qaward_date_valid(d):
            raise error_for(-2, f"invalid packed date {d}")
        return d
    raise TypeError(f"expected a datetime.date, 'YYYY-MM-DD' or YYYYMMDD int, got {type(d).__name__}")


def from_cdate(v: int) -> Optional[_dt.date]:
    """Packed YYYYMMDD -> ``datetime.date`` (None for 0)."""
    if not v:
        return None
    return _dt.date(v // 10000, v // 100 % 100, v % 100)


def enc(s: Optional[str]) -> Optional[bytes]:
    return None if s is None else s.encode("utf-8")


def dec(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8")


def take_string_ctx(c: "Context", p: Optional[int]) -> str:
    """Copy a library-allocated string and free it with the context's allocator."""
    if not p:
        return ""
    try:
        return ctypes.string_at(p).decode("utf-8")
    finally:
        lib.qaward_string_free(c.handle, p)

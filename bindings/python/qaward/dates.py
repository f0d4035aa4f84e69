"""Civil-date arithmetic of the library (R1, R2), on ``datetime.date``."""
from __future__ import annotations

import ctypes
import datetime as _dt
from typing import Optional

from ._core import DateLike, ctx, from_cdate, to_cdate
from ._lib import lib
from .errors import error_for

__all__ = ["parse_date", "add_years", "add_days", "diff_days", "weekday", "in_window"]


def _ok(rc: int, what: str) -> None:
    if rc < 0:
        raise error_for(rc, f"{what}: {lib.qaward_strerror(rc).decode()}")


def parse_date(text: str) -> _dt.date:
    """Strict ISO "YYYY-MM-DD" (the library's parser; "2025-4-1" is a ParseError)."""
    d = from_cdate(to_cdate(text))
    assert d is not None
    return d


def add_years(d: DateLike, years: int) -> _dt.date:
    """Same month/day ``years`` later; 29 Feb -> 28 Feb in a common year (R1)."""
    out = ctypes.c_int32()
    _ok(lib.qaward_date_add_years(ctypes.byref(out), to_cdate(d), years), f"add_years({d!r}, {years})")
    return from_cdate(out.value)  # type: ignore[return-value]


def add_days(d: DateLike, days: int) -> _dt.date:
    """``d`` plus ``days`` days."""
    out = ctypes.c_int32()
    _ok(lib.qaward_date_add_days(ctypes.byref(out), to_cdate(d), days), f"add_days({d!r}, {days})")
    return from_cdate(out.value)  # type: ignore[return-value]


def diff_days(a: DateLike, b: DateLike) -> int:
    """``b - a`` in days."""
    out = ctypes.c_int32()
    _ok(lib.qaward_date_diff_days(ctypes.byref(out), to_cdate(a), to_cdate(b)), "diff_days")
    return out.value


def weekday(d: DateLike) -> int:
    """ISO weekday, 1 = Monday .. 7 = Sunday."""
    return lib.qaward_date_weekday(to_cdate(d))


def in_window(x: DateLike, start: DateLike, years: int) -> bool:
    """``start <= x < start + years`` with R1 year arithmetic (R2, half-open)."""
    return bool(lib.qaward_date_in_window(to_cdate(x), to_cdate(start), years))

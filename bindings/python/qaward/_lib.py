"""Loading libqaward and declaring its C functions for ctypes.

The library is found, in order, at the path in the environment variable
``QAWARD_LIBRARY``; in a meson build directory next to the source tree
(``build/lib/libqaward.so``); then by the system loader (``libqaward.so.0.1``,
``libqaward.so``). Functions the loaded library does not export (an older
build) raise :class:`NotImplementedError` when called, naming the function.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char_p, c_int, c_int32,
                    c_int64, c_size_t, c_uint32, c_void_p)
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Tuple

__all__ = ["lib", "library_path", "AwardRecordC", "SanctionRecordC", "StoreC"]


def _candidates() -> list:
    out = []
    env = os.environ.get("QAWARD_LIBRARY")
    if env:
        out.append(env)
    here = Path(__file__).resolve()
    # bindings/python/qaward/_lib.py -> repository root is parents[3]
    for root in (here.parents[3] if len(here.parents) > 3 else None, Path.cwd()):
        if root is None:
            continue
        for b in ("build", "builddir", "_build"):
            out.append(str(root / b / "lib" / "libqaward.so"))
    out.append("libqaward.so.0.1")
    found = ctypes.util.find_library("qaward")
    if found:
        out.append(found)
    out.append("libqaward.so")
    return out


def _load() -> Tuple[ctypes.CDLL, str]:
    errors = []
    env = os.environ.get("QAWARD_LIBRARY")
    for cand in _candidates():
        if os.sep in cand and not os.path.exists(cand):
            if cand == env:
                errors.append(f"{cand}: no such file (from QAWARD_LIBRARY)")
            continue
        try:
            return ctypes.CDLL(cand), cand
        except OSError as e:  # pragma: no cover - depends on the system
            errors.append(f"{cand}: {e}")
    raise ImportError("libqaward not found; set QAWARD_LIBRARY to the path of "
                      "libqaward.so (tried: " + "; ".join(errors or ["system loader"]) + ")")


_cdll, library_path = _load()

qaward_date = c_int32


class AwardRecordC(Structure):
    """struct qaward_award_record (store.h)."""
    _fields_ = [("version", c_uint32), ("subject_id", c_char_p), ("level", c_char_p),
                ("kind", c_char_p), ("cycle_id", c_char_p), ("award_date", qaward_date),
                ("revoked_on", qaward_date), ("prize_fen", c_int64), ("re_win", c_int)]


class SanctionRecordC(Structure):
    """struct qaward_sanction_record (store.h)."""
    _fields_ = [("version", c_uint32), ("subject_id", c_char_p), ("kind", c_char_p),
                ("decided_on", qaward_date), ("ban_from", qaward_date), ("ban_until", qaward_date),
                ("revokes_award_date", qaward_date), ("citation", c_char_p)]


READ_FN = CFUNCTYPE(c_int, c_void_p, c_char_p, c_void_p)
BEGIN_FN = CFUNCTYPE(c_int, c_void_p)
WRITE_AWARD_FN = CFUNCTYPE(c_int, c_void_p, POINTER(AwardRecordC))
WRITE_SANCTION_FN = CFUNCTYPE(c_int, c_void_p, POINTER(SanctionRecordC))
REVOKE_FN = CFUNCTYPE(c_int, c_void_p, c_char_p, qaward_date, qaward_date)
FINALISED_FN = CFUNCTYPE(c_int, c_void_p, c_char_p, POINTER(c_int))


class StoreC(Structure):
    """struct qaward_store (store.h)."""
    _fields_ = [("version", c_uint32), ("userdata", c_void_p), ("read_fn", READ_FN),
                ("begin_fn", BEGIN_FN), ("write_award_fn", WRITE_AWARD_FN),
                ("write_sanction_fn", WRITE_SANCTION_FN), ("revoke_award_fn", REVOKE_FN),
                ("cycle_finalised_fn", FINALISED_FN), ("commit_fn", BEGIN_FN),
                ("rollback_fn", BEGIN_FN)]


P = c_void_p          # any opaque handle
PP = POINTER(c_void_p)
S = c_char_p
CS = POINTER(ctypes.c_char)  # a library-allocated string we must free
I = c_int
SZ = c_size_t

# name: (restype, argtypes). Unknown to the loaded library -> NotImplementedError.
_PROTOS: Dict[str, Tuple[Any, list]] = {
    # core.h
    "qaward_version": (S, []),
    "qaward_version_number": (I, []),
    "qaward_strerror": (S, [I]),
    "qaward_ctx_new": (I, [PP, P]),
    "qaward_ctx_free": (None, [P]),
    "qaward_ctx_message": (S, [P]),
    "qaward_ctx_status": (I, [P]),
    "qaward_string_free": (None, [P, P]),
    # date.h
    "qaward_date_make": (I, [POINTER(qaward_date), c_int32, c_int32, c_int32]),
    "qaward_date_valid": (I, [qaward_date]),
    "qaward_date_parse": (I, [POINTER(qaward_date), P, S]),
    "qaward_date_add_years": (I, [POINTER(qaward_date), qaward_date, c_int32]),
    "qaward_date_add_days": (I, [POINTER(qaward_date), qaward_date, c_int32]),
    "qaward_date_diff_days": (I, [POINTER(c_int32), qaward_date, qaward_date]),
    "qaward_date_weekday": (I, [qaward_date]),
    "qaward_date_in_window": (I, [qaward_date, qaward_date, c_int32]),
    # store.h
    "qaward_history_add_award": (I, [P, POINTER(AwardRecordC)]),
    "qaward_history_add_sanction": (I, [P, POINTER(SanctionRecordC)]),
    "qaward_award_record_init": (I, [POINTER(AwardRecordC), c_uint32]),
    "qaward_sanction_record_init": (I, [POINTER(SanctionRecordC), c_uint32]),
    "qaward_store_init": (I, [POINTER(StoreC), c_uint32]),
    "qaward_memstore_new": (I, [PP, P]),
    "qaward_memstore_free": (None, [P]),
    "qaward_memstore_as_store": (I, [POINTER(StoreC), P]),
    "qaward_memstore_add_award": (I, [P, P, POINTER(AwardRecordC)]),
    "qaward_memstore_add_sanction": (I, [P, P, POINTER(SanctionRecordC)]),
    "qaward_memstore_load_json": (I, [P, P, S, SZ]),
    "qaward_memstore_award_count": (SZ, [P]),
    "qaward_memstore_sanction_count": (SZ, [P]),
    "qaward_memstore_to_json": (I, [PP, P, P]),
    # policy.h
    "qaward_policy_load_json": (I, [PP, P, S, SZ]),
    "qaward_policy_builtin": (I, [PP, P, S]),
    "qaward_policy_free": (None, [P]),
    "qaward_policy_id": (S, [P]),
    "qaward_policy_name": (S, [P, I]),
    "qaward_policy_fictional": (I, [P]),
    "qaward_policy_valid_from": (qaward_date, [P]),
    "qaward_policy_valid_to": (qaward_date, [P]),
    "qaward_policy_in_force": (I, [P, qaward_date]),
    "qaward_policy_cycle_years": (c_int32, [P]),
    "qaward_policy_first_edition_year": (c_int32, [P]),
    "qaward_policy_kind_count": (SZ, [P]),
    "qaward_policy_kind_id": (S, [P, SZ]),
    "qaward_policy_level_count": (SZ, [P]),
    "qaward_policy_level_id": (S, [P, SZ]),
    "qaward_policy_level_name": (S, [P, SZ, I]),
    "qaward_policy_quota": (I, [POINTER(c_int32), POINTER(SZ), POINTER(I), P, P, S, S]),
    "qaward_policy_prize": (I, [POINTER(c_int64), P, P, S, S]),
    "qaward_policy_ban_window": (I, [POINTER(qaward_date), POINTER(qaward_date), P, P, S, qaward_date]),
    "qaward_policy_reapply_date": (I, [POINTER(qaward_date), P, P, S, qaward_date]),
    "qaward_policy_rule_count": (SZ, [P, S]),
    "qaward_policy_rule_id": (S, [P, S, SZ]),
    # review.h
    "qaward_review_rules_load_json": (I, [PP, P, S, SZ]),
    "qaward_review_rules_builtin": (I, [PP, P, S]),
    "qaward_review_rules_free": (None, [P]),
    "qaward_review_rules_id": (S, [P]),
    "qaward_review_rules_is_example": (I, [P]),
}


class _Lib:
    """Attribute access to the declared functions; missing ones raise when called."""

    def __init__(self, cdll: ctypes.CDLL) -> None:
        self._cdll = cdll

    def declare(self, name: str, restype: Any, argtypes: list) -> None:
        _PROTOS[name] = (restype, argtypes)
        self.__dict__.pop(name, None)

    def has(self, name: str) -> bool:
        return hasattr(self._cdll, name)

    def __getattr__(self, name: str) -> Callable:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            fn = getattr(self._cdll, name)
        except AttributeError:
            def missing(*_a: Any, **_k: Any) -> Any:
                raise NotImplementedError(f"{name} is not exported by {library_path} "
                                          "(library older than this binding?)")
            self.__dict__[name] = missing
            return missing
        proto = _PROTOS.get(name)
        if proto is None:
            raise AttributeError(f"{name}: no prototype declared in qaward._lib")
        fn.restype, fn.argtypes = proto[0], proto[1]
        self.__dict__[name] = fn
        return fn


lib = _Lib(_cdll)


def take_string(ctx: Optional[int], p: Optional[int]) -> str:
    """Copy a library-allocated NUL-terminated string and free it."""
    if not p:
        return ""
    try:
        return ctypes.string_at(p).decode("utf-8")
    finally:
        lib.qaward_string_free(ctx, p)

"""Policies (policy.h): the measures as data, built-in or loaded from JSON."""
from __future__ import annotations

import ctypes
import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple, Union

from ._core import DateLike, ctx, dec, enc, from_cdate, to_cdate
from ._handle import Handle
from ._lib import lib

__all__ = ["Policy", "Quota", "LANG_EN", "LANG_ZH"]

LANG_EN = 0
LANG_ZH = 1


def _lang(lang: Union[int, str]) -> int:
    if isinstance(lang, str):
        return LANG_ZH if lang.lower().startswith("zh") else LANG_EN
    return lang


@dataclass(frozen=True)
class Quota:
    """The quota of a (level, kind) pair (Art. 4; R12)."""
    max: int
    group: int
    pooled: bool


class Policy(Handle):
    """An immutable policy; shareable across threads.

    ``Policy("jian-2023")`` takes a built-in; ``Policy(json_text)`` or
    ``Policy(dict)`` loads one (a string starting with ``{`` is JSON).
    """

    __slots__ = ()

    def __init__(self, source: Union[str, dict, bytes] = "jian-2023") -> None:
        h = ctypes.c_void_p()
        c = ctx()
        if isinstance(source, dict):
            source = json.dumps(source)
        if isinstance(source, str) and source.lstrip().startswith("{"):
            source = source.encode("utf-8")
        if isinstance(source, bytes):
            c.check(lib.qaward_policy_load_json(ctypes.byref(h), c.handle, source, len(source)))
        else:
            c.check(lib.qaward_policy_builtin(ctypes.byref(h), c.handle, source.encode()))
        self._own(h.value, lib.qaward_policy_free)

    @classmethod
    def builtin(cls, name: str) -> "Policy":
        return cls(name)

    @classmethod
    def from_json(cls, text: Union[str, bytes, dict]) -> "Policy":
        if isinstance(text, str):
            text = text.encode("utf-8")
        return cls(text)

    @classmethod
    def from_file(cls, path: str) -> "Policy":
        with open(path, "rb") as f:
            return cls(f.read())

    def __repr__(self) -> str:
        return f"Policy({self.id!r})" if not self.closed else "Policy(<closed>)"

    @property
    def id(self) -> str:
        return dec(lib.qaward_policy_id(self.handle)) or ""

    def name(self, lang: Union[int, str] = LANG_EN) -> str:
        return dec(lib.qaward_policy_name(self.handle, _lang(lang))) or ""

    @property
    def fictional(self) -> bool:
        return bool(lib.qaward_policy_fictional(self.handle))

    @property
    def valid_from(self) -> Optional[_dt.date]:
        return from_cdate(lib.qaward_policy_valid_from(self.handle))

    @property
    def valid_to(self) -> Optional[_dt.date]:
        return from_cdate(lib.qaward_policy_valid_to(self.handle))

    def in_force(self, d: DateLike) -> bool:
        """Whether the policy is in force on ``d`` (R17)."""
        return bool(lib.qaward_policy_in_force(self.handle, to_cdate(d)))

    @property
    def cycle_years(self) -> int:
        return lib.qaward_policy_cycle_years(self.handle)

    @property
    def first_edition_year(self) -> int:
        return lib.qaward_policy_first_edition_year(self.handle)

    @property
    def kinds(self) -> List[str]:
        h = self.handle
        return [dec(lib.qaward_policy_kind_id(h, i)) or "" for i in range(lib.qaward_policy_kind_count(h))]

    @property
    def levels(self) -> List[str]:
        """Level ids, highest first."""
        h = self.handle
        return [dec(lib.qaward_policy_level_id(h, i)) or "" for i in range(lib.qaward_policy_level_count(h))]

    def level_name(self, level: str, lang: Union[int, str] = LANG_EN) -> str:
        i = self.levels.index(level)
        return dec(lib.qaward_policy_level_name(self.handle, i, _lang(lang))) or ""

    def quota(self, level: str, kind: str) -> Quota:
        mx, grp, pooled = ctypes.c_int32(), ctypes.c_size_t(), ctypes.c_int()
        c = ctx()
        c.check(lib.qaward_policy_quota(ctypes.byref(mx), ctypes.byref(grp), ctypes.byref(pooled),
                                        c.handle, self.handle, enc(level), enc(kind)))
        return Quota(mx.value, grp.value, bool(pooled.value))

    def prize_fen(self, level: str, kind: str) -> int:
        """Prize in fen (Art. 15; R13)."""
        out = ctypes.c_int64()
        c = ctx()
        c.check(lib.qaward_policy_prize(ctypes.byref(out), c.handle, self.handle, enc(level), enc(kind)))
        return out.value

    def ban_window(self, kind: str, decided_on: DateLike) -> Tuple[Optional[_dt.date], Optional[_dt.date]]:
        """``(ban_from, ban_until)`` a finding of ``kind`` imposes (R9, R10)."""
        a, b = ctypes.c_int32(), ctypes.c_int32()
        c = ctx()
        c.check(lib.qaward_policy_ban_window(ctypes.byref(a), ctypes.byref(b), c.handle, self.handle,
                                             enc(kind), to_cdate(decided_on)))
        return from_cdate(a.value), from_cdate(b.value)

    def reapply_date(self, level: str, award_date: DateLike) -> Optional[_dt.date]:
        """First day a winner of ``level`` may apply again (Art. 5; R7); None = no wait."""
        out = ctypes.c_int32()
        c = ctx()
        c.check(lib.qaward_policy_reapply_date(ctypes.byref(out), c.handle, self.handle, enc(level),
                                               to_cdate(award_date)))
        return from_cdate(out.value)

    def rule_ids(self, kind: str) -> List[str]:
        """Eligibility rule ids for a subject kind (index = fast-check reason code)."""
        h, k = self.handle, enc(kind)
        return [dec(lib.qaward_policy_rule_id(h, k, i)) or "" for i in range(lib.qaward_policy_rule_count(h, k))]

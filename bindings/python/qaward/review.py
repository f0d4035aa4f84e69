"""Review rules (review.h): the per-cycle rules of Art. 7(2), 8(1) kept apart from the measures (R14).

Scores are integers in hundredths of a point (``12345`` = 123.45 points);
weights in per mille. Use :func:`qaward.points` to get a ``Decimal``.
"""
from __future__ import annotations

import ctypes
import json
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Tuple, Union

from ._core import ctx, dec, enc
from ._handle import Handle
from ._lib import lib
from .errors import NoRuleError

__all__ = ["ReviewRules", "Composite"]

_P, _PP, _S, _SZ, _I = ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int
_I64 = ctypes.c_int64
for _name, _proto in {
    "qaward_review_rules_kind_count": (_SZ, [_P]),
    "qaward_review_rules_kind_at": (_I, [ctypes.POINTER(_S), _P, _P, _SZ]),
    "qaward_review_rules_scheme": (_I, [ctypes.POINTER(_S), _P, _P, _S]),
    "qaward_review_rules_stage_count": (_I, [ctypes.POINTER(_SZ), _P, _P, _S]),
    "qaward_review_rules_stage_at": (_I, [ctypes.POINTER(_S), _P, _P, _S, _SZ]),
    "qaward_review_rules_stage_weight": (_I, [ctypes.POINTER(_I64), _P, _P, _S, _S]),
    "qaward_review_rules_stage_is_gate": (_I, [ctypes.POINTER(_I), _P, _P, _S, _S]),
    "qaward_review_rules_stage_pass_mark": (_I, [ctypes.POINTER(_I64), _P, _P, _S, _S]),
    "qaward_review_rules_min_composite": (_I, [ctypes.POINTER(_I64), _P, _P, _S, _S]),
    "qaward_review_rules_aggregation": (_I, [ctypes.POINTER(_I), _P, _P]),
    "qaward_review_rules_min_assessors": (_I, [ctypes.POINTER(_SZ), _P, _P]),
    "qaward_review_rules_composite": (_I, [ctypes.POINTER(_I64), ctypes.POINTER(_I), _P, _P, _S, _SZ,
                                           ctypes.POINTER(_S), ctypes.POINTER(_I64)]),
}.items():
    lib.declare(_name, *_proto)

AGGREGATIONS = {1: "mean", 2: "median", 3: "trimmed_mean", 4: "consensus"}


@dataclass(frozen=True)
class Composite:
    """Composite score (hundredths) and whether every gate stage passed (Art. 13(6))."""
    score: int
    gates_passed: bool


class ReviewRules(Handle):
    """Review rules of one cycle: ``ReviewRules("jian-2025-example")`` or from JSON/dict."""

    __slots__ = ()

    def __init__(self, source: Union[str, bytes, dict]) -> None:
        h = ctypes.c_void_p()
        c = ctx()
        if isinstance(source, dict):
            source = json.dumps(source)
        if isinstance(source, str) and source.lstrip().startswith("{"):
            source = source.encode("utf-8")
        if isinstance(source, bytes):
            c.check(lib.qaward_review_rules_load_json(ctypes.byref(h), c.handle, source, len(source)))
        else:
            c.check(lib.qaward_review_rules_builtin(ctypes.byref(h), c.handle, source.encode()))
        self._own(h.value, lib.qaward_review_rules_free)

    def __repr__(self) -> str:
        return f"ReviewRules({self.id!r})" if not self.closed else "ReviewRules(<closed>)"

    @property
    def id(self) -> str:
        return dec(lib.qaward_review_rules_id(self.handle)) or ""

    @property
    def is_example(self) -> bool:
        return bool(lib.qaward_review_rules_is_example(self.handle))

    def _str(self, fn, *args) -> str:
        out = ctypes.c_char_p()
        c = ctx()
        c.check(fn(ctypes.byref(out), c.handle, self.handle, *args))
        return dec(out.value) or ""

    def _num(self, fn, ctype, *args):
        out = ctype()
        c = ctx()
        c.check(fn(ctypes.byref(out), c.handle, self.handle, *args))
        return out.value

    @property
    def kinds(self) -> List[str]:
        n = lib.qaward_review_rules_kind_count(self.handle)
        return [self._str(lib.qaward_review_rules_kind_at, i) for i in range(n)]

    def scheme(self, kind: str) -> str:
        return self._str(lib.qaward_review_rules_scheme, enc(kind))

    def stages(self, kind: str) -> List[str]:
        n = self._num(lib.qaward_review_rules_stage_count, ctypes.c_size_t, enc(kind))
        return [self._str(lib.qaward_review_rules_stage_at, enc(kind), i) for i in range(n)]

    def stage_weight(self, kind: str, stage: str) -> int:
        """Weight in per mille; raises NoRuleError when unset (R14)."""
        return self._num(lib.qaward_review_rules_stage_weight, ctypes.c_int64, enc(kind), enc(stage))

    def stage_is_gate(self, kind: str, stage: str) -> bool:
        return bool(self._num(lib.qaward_review_rules_stage_is_gate, ctypes.c_int, enc(kind), enc(stage)))

    def stage_pass_mark(self, kind: str, stage: str) -> int:
        return self._num(lib.qaward_review_rules_stage_pass_mark, ctypes.c_int64, enc(kind), enc(stage))

    def min_composite(self, kind: str, tier: str) -> int:
        return self._num(lib.qaward_review_rules_min_composite, ctypes.c_int64, enc(kind), enc(tier))

    @property
    def aggregation(self) -> str:
        return AGGREGATIONS.get(self._num(lib.qaward_review_rules_aggregation, ctypes.c_int), "?")

    @property
    def min_assessors(self) -> int:
        return self._num(lib.qaward_review_rules_min_assessors, ctypes.c_size_t)

    def composite(self, kind: str, stage_totals: Mapping[str, int]) -> Composite:
        """Composite of one applicant from ``{stage_id: total_hundredths}`` (Art. 13(6))."""
        n = len(stage_totals)
        ids = (ctypes.c_char_p * max(n, 1))(*[enc(k) for k in stage_totals])
        tot = (ctypes.c_int64 * max(n, 1))(*[int(v) for v in stage_totals.values()])
        comp, gates = ctypes.c_int64(), ctypes.c_int()
        c = ctx()
        c.check(lib.qaward_review_rules_composite(ctypes.byref(comp), ctypes.byref(gates), c.handle,
                                                  self.handle, enc(kind), n, ids, tot))
        return Composite(comp.value, bool(gates.value))

"""Scoring (scoring.h): criteria schemes, assessors' sheets, scores, composites (Art. 6, 13).

Scores are integers in hundredths of a point. Lifetimes: sheets borrow their
scheme, scores their sheets, composites their scores and rules; each Python
object keeps its parents alive, so the garbage collector frees them in the
right order. When closing explicitly, close children before parents.
"""
from __future__ import annotations

import ctypes
import json
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Union

from ._core import ctx, dec, enc, take_string_ctx
from ._handle import Handle
from ._lib import lib
from .review import ReviewRules

__all__ = ["Scheme", "Sheets", "Scores", "Composites", "ScoreResult", "CompositeResult",
           "ROLE_ASSESSOR", "ROLE_SELF", "ROLE_CONSENSUS"]

ROLE_ASSESSOR = 1
ROLE_SELF = 2
ROLE_CONSENSUS = 3
_ROLES = {"assessor": ROLE_ASSESSOR, "self": ROLE_SELF, "consensus": ROLE_CONSENSUS}
_AGG = {"mean": 1, "median": 2, "trimmed_mean": 3, "consensus": 4}
COMPOSITE_STATUS = {0: "ok", 1: "gate_failed", 2: "incomplete"}

_P, _PP, _S, _SZ, _I, _I64 = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p,
                              ctypes.c_size_t, ctypes.c_int, ctypes.c_int64)
_p = ctypes.POINTER


class ScoreOptionsC(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("aggregation", _I), ("min_assessors", _SZ),
                ("spread_threshold_pct", _I)]


for _n, _proto in {
    "qaward_scheme_load_json": (_I, [_PP, _P, _S, _SZ]),
    "qaward_scheme_builtin": (_I, [_PP, _P, _S]),
    "qaward_scheme_free": (None, [_P]),
    "qaward_scheme_id": (_S, [_P]),
    "qaward_scheme_is_example": (_I, [_P]),
    "qaward_scheme_total_points": (_I64, [_P]),
    "qaward_scheme_step": (_I, [_P]),
    "qaward_scheme_category_count": (_SZ, [_P]),
    "qaward_scheme_item_count": (_SZ, [_P]),
    "qaward_scheme_item_id": (_S, [_P, _SZ]),
    "qaward_scheme_item_name": (_S, [_P, _SZ, _S]),
    "qaward_scheme_item_points": (_I64, [_P, _SZ]),
    "qaward_scheme_item_kind": (_I, [_P, _SZ]),
    "qaward_scheme_item_category": (_SZ, [_P, _SZ]),
    "qaward_scheme_category_id": (_S, [_P, _SZ]),
    "qaward_scheme_category_name": (_S, [_P, _SZ, _S]),
    "qaward_scheme_category_points": (_I64, [_P, _SZ]),
    "qaward_sheets_new": (_I, [_PP, _P, _P]),
    "qaward_sheets_load_json": (_I, [_PP, _P, _P, _S, _SZ]),
    "qaward_sheets_free": (None, [_P]),
    "qaward_sheets_count": (_SZ, [_P]),
    "qaward_sheets_add": (_I, [_p(_SZ), _P, _P, _S, _S, _S, _I]),
    "qaward_sheets_set": (_I, [_P, _P, _SZ, _S, _I, _S]),
    "qaward_sheets_set_kind": (_I, [_P, _P, _S, _S]),
    "qaward_sheets_validate": (_I, [_P, _P]),
    "qaward_score_options_init": (_I, [_p(ScoreOptionsC), ctypes.c_uint32]),
    "qaward_score_options_from_rules": (_I, [_p(ScoreOptionsC), _P, _P]),
    "qaward_scores_compute": (_I, [_PP, _P, _P, _p(ScoreOptionsC)]),
    "qaward_scores_free": (None, [_P]),
    "qaward_scores_count": (_SZ, [_P]),
    "qaward_scores_find": (_I, [_p(_SZ), _P, _P, _S, _S, _I]),
    "qaward_scores_applicant": (_S, [_P, _SZ]),
    "qaward_scores_stage": (_S, [_P, _SZ]),
    "qaward_scores_role": (_I, [_P, _SZ]),
    "qaward_scores_item": (_I, [_p(_I64), _P, _P, _SZ, _SZ]),
    "qaward_scores_item_spread": (_I, [_p(_I), _p(_I), _P, _P, _SZ, _SZ]),
    "qaward_scores_category": (_I, [_p(_I64), _P, _P, _SZ, _SZ]),
    "qaward_scores_totals": (_I, [_p(_I64), _p(_I64), _p(_I64), _P, _P, _SZ]),
    "qaward_scores_to_json": (_I, [_PP, _P, _P]),
    "qaward_scores_to_text": (_I, [_PP, _P, _P, _S]),
    "qaward_composites_compute": (_I, [_PP, _P, _P, _SZ, _p(_P)]),
    "qaward_composites_free": (None, [_P]),
    "qaward_composites_count": (_SZ, [_P]),
    "qaward_composites_get": (_I, [_p(_S), _p(_S), _p(_I), _p(_I64), _P, _P, _SZ]),
    "qaward_composites_stage_total": (_I, [_p(_I64), _P, _P, _SZ, _S]),
    "qaward_composites_to_json": (_I, [_PP, _P, _P]),
    "qaward_composites_to_text": (_I, [_PP, _P, _P, _S]),
}.items():
    lib.declare(_n, *_proto)


def _doc(src: Union[str, bytes, dict]) -> bytes:
    if isinstance(src, dict):
        src = json.dumps(src)
    return src.encode("utf-8") if isinstance(src, str) else src


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    points: int
    kind: str  # "process" or "results"
    category: str


class Scheme(Handle):
    """A criteria scheme: ``Scheme("gbt19580-2012")`` or from JSON text/dict."""

    __slots__ = ()

    def __init__(self, source: Union[str, bytes, dict] = "gbt19580-2012") -> None:
        h = ctypes.c_void_p()
        c = ctx()
        if isinstance(source, str) and not source.lstrip().startswith("{"):
            c.check(lib.qaward_scheme_builtin(ctypes.byref(h), c.handle, source.encode()))
        else:
            b = _doc(source)
            c.check(lib.qaward_scheme_load_json(ctypes.byref(h), c.handle, b, len(b)))
        self._own(h.value, lib.qaward_scheme_free)

    def __repr__(self) -> str:
        return f"Scheme({self.id!r})"

    @property
    def id(self) -> str:
        return dec(lib.qaward_scheme_id(self.handle)) or ""

    @property
    def total_points(self) -> int:
        return lib.qaward_scheme_total_points(self.handle)

    @property
    def step(self) -> int:
        return lib.qaward_scheme_step(self.handle)

    def items(self, lang: str = "en") -> List[Item]:
        h = self.handle
        out = []
        for i in range(lib.qaward_scheme_item_count(h)):
            cat = lib.qaward_scheme_item_category(h, i)
            out.append(Item(dec(lib.qaward_scheme_item_id(h, i)) or "",
                            dec(lib.qaward_scheme_item_name(h, i, lang.encode())) or "",
                            lib.qaward_scheme_item_points(h, i),
                            "process" if lib.qaward_scheme_item_kind(h, i) == 1 else "results",
                            dec(lib.qaward_scheme_category_id(h, cat)) or ""))
        return out

    def categories(self) -> Dict[str, int]:
        """``{category_id: points}`` in scheme order."""
        h = self.handle
        return {dec(lib.qaward_scheme_category_id(h, i)) or "": lib.qaward_scheme_category_points(h, i)
                for i in range(lib.qaward_scheme_category_count(h))}


class Sheets(Handle):
    """Assessors' sheets on a scheme. Build with :meth:`add` or load with :meth:`from_json`."""

    __slots__ = ("scheme",)

    def __init__(self, scheme: Scheme, _h: Optional[int] = None) -> None:
        self.scheme = scheme
        if _h is None:
            h = ctypes.c_void_p()
            c = ctx()
            c.check(lib.qaward_sheets_new(ctypes.byref(h), c.handle, scheme.handle))
            _h = h.value
        self._own(_h, lib.qaward_sheets_free)

    @classmethod
    def from_json(cls, scheme: Scheme, doc: Union[str, bytes, dict]) -> "Sheets":
        b = _doc(doc)
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_sheets_load_json(ctypes.byref(h), c.handle, scheme.handle, b, len(b)))
        return cls(scheme, h.value)

    def __len__(self) -> int:
        return lib.qaward_sheets_count(self.handle)

    def add(self, applicant: str, stage: str, assessor: str, scores: Mapping[str, int],
            role: Union[str, int] = "assessor", comments: Optional[Mapping[str, str]] = None) -> int:
        """Add one sheet with ``{item_id: percentage}``; returns its index."""
        idx = ctypes.c_size_t()
        c = ctx()
        r = _ROLES[role] if isinstance(role, str) else role
        c.check(lib.qaward_sheets_add(ctypes.byref(idx), c.handle, self.handle, enc(applicant), enc(stage),
                                      enc(assessor), r))
        for item, pct in scores.items():
            com = (comments or {}).get(item)
            c.check(lib.qaward_sheets_set(c.handle, self.handle, idx.value, enc(item), int(pct), enc(com)))
        return idx.value

    def set_kind(self, applicant: str, kind: str) -> None:
        c = ctx()
        c.check(lib.qaward_sheets_set_kind(c.handle, self.handle, enc(applicant), enc(kind)))

    def validate(self) -> None:
        c = ctx()
        c.check(lib.qaward_sheets_validate(c.handle, self.handle))

    def compute(self, rules: Optional[ReviewRules] = None, *, aggregation: Optional[str] = None,
                min_assessors: Optional[int] = None, spread_threshold_pct: Optional[int] = None) -> "Scores":
        """Score every (applicant, stage); options from ``rules`` then the keyword overrides."""
        o = ScoreOptionsC()
        c = ctx()
        c.check(lib.qaward_score_options_init(ctypes.byref(o), 1))
        if rules is not None:
            c.check(lib.qaward_score_options_from_rules(ctypes.byref(o), c.handle, rules.handle))
        if aggregation is not None:
            o.aggregation = _AGG[aggregation]
        if min_assessors is not None:
            o.min_assessors = min_assessors
        if spread_threshold_pct is not None:
            o.spread_threshold_pct = spread_threshold_pct
        h = ctypes.c_void_p()
        c.check(lib.qaward_scores_compute(ctypes.byref(h), c.handle, self.handle, ctypes.byref(o)))
        return Scores(self, h.value)


@dataclass(frozen=True)
class ScoreResult:
    """One (applicant, stage) result; every score in hundredths of a point."""
    applicant: str
    stage: str
    role: str
    items: Dict[str, int]
    categories: Dict[str, int]
    process: int
    results: int
    total: int
    flagged: List[str] = field(default_factory=list)


class Scores(Handle):
    """Results per applicant and stage (immutable)."""

    __slots__ = ("sheets",)

    def __init__(self, sheets: Sheets, h: int) -> None:
        self.sheets = sheets
        self._own(h, lib.qaward_scores_free)

    def __len__(self) -> int:
        return lib.qaward_scores_count(self.handle)

    def result(self, r: int) -> ScoreResult:
        h, c = self.handle, ctx()
        sch = self.sheets.scheme.handle
        v = ctypes.c_int64()
        items, flagged = {}, []
        sp, fl = ctypes.c_int(), ctypes.c_int()
        for i in range(lib.qaward_scheme_item_count(sch)):
            c.check(lib.qaward_scores_item(ctypes.byref(v), c.handle, h, r, i))
            iid = dec(lib.qaward_scheme_item_id(sch, i)) or ""
            items[iid] = v.value
            c.check(lib.qaward_scores_item_spread(ctypes.byref(sp), ctypes.byref(fl), c.handle, h, r, i))
            if fl.value:
                flagged.append(iid)
        cats = {}
        for k in range(lib.qaward_scheme_category_count(sch)):
            c.check(lib.qaward_scores_category(ctypes.byref(v), c.handle, h, r, k))
            cats[dec(lib.qaward_scheme_category_id(sch, k)) or ""] = v.value
        p, rs, t = ctypes.c_int64(), ctypes.c_int64(), ctypes.c_int64()
        c.check(lib.qaward_scores_totals(ctypes.byref(p), ctypes.byref(rs), ctypes.byref(t), c.handle, h, r))
        role = lib.qaward_scores_role(h, r)
        return ScoreResult(dec(lib.qaward_scores_applicant(h, r)) or "", dec(lib.qaward_scores_stage(h, r)) or "",
                           "self" if role == ROLE_SELF else "assessor", items, cats, p.value, rs.value, t.value,
                           flagged)

    def __iter__(self):
        for r in range(len(self)):
            yield self.result(r)

    def find(self, applicant: str, stage: str, role: str = "assessor") -> ScoreResult:
        idx = ctypes.c_size_t()
        c = ctx()
        c.check(lib.qaward_scores_find(ctypes.byref(idx), c.handle, self.handle, enc(applicant), enc(stage),
                                       _ROLES[role]))
        return self.result(idx.value)

    def to_json(self) -> dict:
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_scores_to_json(ctypes.byref(p), c.handle, self.handle))
        return json.loads(take_string_ctx(c, p.value))

    def to_text(self, lang: str = "en") -> str:
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_scores_to_text(ctypes.byref(p), c.handle, self.handle, lang.encode()))
        return take_string_ctx(c, p.value)


@dataclass(frozen=True)
class CompositeResult:
    applicant: str
    kind: str
    status: str  # "ok", "gate_failed", "incomplete"
    composite: int


class Composites(Handle):
    """Composite scores under review rules (Art. 13(6)) for one or more score sets."""

    __slots__ = ("rules", "scores")

    def __init__(self, rules: ReviewRules, scores: Sequence[Scores]) -> None:
        self.rules, self.scores = rules, list(scores)
        arr = (ctypes.c_void_p * max(len(self.scores), 1))(*[s.handle for s in self.scores])
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_composites_compute(ctypes.byref(h), c.handle, rules.handle, len(self.scores), arr))
        self._own(h.value, lib.qaward_composites_free)

    def __len__(self) -> int:
        return lib.qaward_composites_count(self.handle)

    def __getitem__(self, i: int) -> CompositeResult:
        if not 0 <= i < len(self):
            raise IndexError(i)
        a, k, st, comp = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_int(), ctypes.c_int64()
        c = ctx()
        c.check(lib.qaward_composites_get(ctypes.byref(a), ctypes.byref(k), ctypes.byref(st), ctypes.byref(comp),
                                          c.handle, self.handle, i))
        return CompositeResult(dec(a.value) or "", dec(k.value) or "", COMPOSITE_STATUS.get(st.value, "?"),
                               comp.value)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def stage_total(self, i: int, stage: str) -> int:
        v = ctypes.c_int64()
        c = ctx()
        c.check(lib.qaward_composites_stage_total(ctypes.byref(v), c.handle, self.handle, i, enc(stage)))
        return v.value

    def to_json(self) -> dict:
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_composites_to_json(ctypes.byref(p), c.handle, self.handle))
        return json.loads(take_string_ctx(c, p.value))

"""Eligibility (eligibility.h): policy + subject + store + as-of date -> a Verdict with a reason per check.

Art. 10, 11 conditions, re-application waits (Art. 5, R7) and bans (Art. 20, 22;
R9-R11) each give one :class:`Reason`. The verdict is "eligible", "ineligible"
or "incomplete" (R5).
"""
from __future__ import annotations

import array
import ctypes
import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from ._core import DateLike, ctx, dec, from_cdate, take_string_ctx, to_cdate
from ._handle import Handle
from ._lib import StoreC, lib
from .policy import LANG_EN, LANG_ZH, Policy
from .store import as_c_store
from .subject import Subject, SubjectList, dumps

__all__ = ["Reason", "Verdict", "check", "check_batch", "Checker", "STATUS", "OUTCOME"]

STATUS = {0: "eligible", 1: "ineligible", 2: "incomplete"}
OUTCOME = {0: "pass", 1: "fail", 2: "unknown", 3: "not_applicable"}
BATCH_BRIEF = 1
BATCH_PRETTY = 2

_P, _PP, _S, _SZ, _I, _D = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_size_t,
                            ctypes.c_int, ctypes.c_int32)
_p = ctypes.POINTER
for _n, _proto in {
    "qaward_check": (_I, [_PP, _P, _P, _P, _p(StoreC), _D]),
    "qaward_verdict_free": (None, [_P]),
    "qaward_verdict_status": (_I, [_P]),
    "qaward_verdict_subject_id": (_S, [_P]),
    "qaward_verdict_kind": (_S, [_P]),
    "qaward_verdict_as_of": (_D, [_P]),
    "qaward_verdict_earliest": (_D, [_P]),
    "qaward_verdict_check_count": (_SZ, [_P]),
    "qaward_verdict_check_rule": (_S, [_P, _SZ]),
    "qaward_verdict_check_code": (_I, [_P, _SZ]),
    "qaward_verdict_check_type": (_S, [_P, _SZ]),
    "qaward_verdict_check_citation": (_S, [_P, _SZ, _I]),
    "qaward_verdict_check_outcome": (_I, [_P, _SZ]),
    "qaward_verdict_check_earliest": (_D, [_P, _SZ]),
    "qaward_verdict_check_message": (_S, [_P, _SZ, _I]),
    "qaward_verdict_check_facts": (_S, [_P, _SZ]),
    "qaward_verdict_check_threshold": (_S, [_P, _SZ]),
    "qaward_verdict_to_json": (_I, [_PP, _P, _P]),
    "qaward_verdict_to_text": (_I, [_PP, _P, _P, _I]),
    "qaward_checker_new": (_I, [_PP, _P, _P, _p(StoreC)]),
    "qaward_checker_free": (None, [_P]),
    "qaward_checker_fast": (_I, [_p(_I), _p(_D), _p(ctypes.c_uint32), _p(ctypes.c_uint8), _SZ, _p(_SZ), _P, _P, _D]),
    "qaward_checker_check": (_I, [_PP, _P, _P, _D]),
    "qaward_checker_fast_many": (_I, [_p(_I), _p(_D), _p(ctypes.c_uint32), _p(_SZ), _P, _p(_P), _SZ, _D]),
    "qaward_checker_fast_list": (_I, [_p(_I), _p(_D), _p(_SZ), _P, _P, _D]),
    "qaward_check_batch_json": (_I, [_PP, _P, _P, _p(StoreC), _D, _S, _SZ, ctypes.c_uint32]),
}.items():
    lib.declare(_n, *_proto)


def _json_or_none(s: Optional[bytes]) -> Any:
    return json.loads(s) if s else None


@dataclass(frozen=True)
class Reason:
    """One check: stable rule id, citation, outcome, facts read, threshold, messages (zh/en)."""
    rule: str
    code: int
    type: str
    outcome: str  # "pass", "fail", "unknown", "not_applicable"
    citation_zh: str
    citation_en: str
    message_zh: str
    message_en: str
    facts: Any = None
    threshold: Any = None
    earliest: Optional[_dt.date] = None  # when only time blocks the check

    @property
    def passed(self) -> bool:
        return self.outcome in ("pass", "not_applicable")


@dataclass(frozen=True)
class Verdict:
    """ELIGIBLE / INELIGIBLE / INCOMPLETE (R5) with every reason."""
    subject_id: str
    kind: str
    as_of: _dt.date
    status: str
    earliest: Optional[_dt.date]
    reasons: List[Reason] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return self.status == "eligible"

    def failing(self) -> List[Reason]:
        """Reasons that fail or are unknown."""
        return [r for r in self.reasons if r.outcome in ("fail", "unknown")]


def _verdict_from(h: int) -> Verdict:
    reasons = []
    for i in range(lib.qaward_verdict_check_count(h)):
        reasons.append(Reason(
            rule=dec(lib.qaward_verdict_check_rule(h, i)) or "",
            code=lib.qaward_verdict_check_code(h, i),
            type=dec(lib.qaward_verdict_check_type(h, i)) or "",
            outcome=OUTCOME.get(lib.qaward_verdict_check_outcome(h, i), "?"),
            citation_zh=dec(lib.qaward_verdict_check_citation(h, i, LANG_ZH)) or "",
            citation_en=dec(lib.qaward_verdict_check_citation(h, i, LANG_EN)) or "",
            message_zh=dec(lib.qaward_verdict_check_message(h, i, LANG_ZH)) or "",
            message_en=dec(lib.qaward_verdict_check_message(h, i, LANG_EN)) or "",
            facts=_json_or_none(lib.qaward_verdict_check_facts(h, i)),
            threshold=_json_or_none(lib.qaward_verdict_check_threshold(h, i)),
            earliest=from_cdate(lib.qaward_verdict_check_earliest(h, i)),
        ))
    return Verdict(dec(lib.qaward_verdict_subject_id(h)) or "", dec(lib.qaward_verdict_kind(h)) or "",
                   from_cdate(lib.qaward_verdict_as_of(h)),  # type: ignore[arg-type]
                   STATUS.get(lib.qaward_verdict_status(h), "?"), from_cdate(lib.qaward_verdict_earliest(h)),
                   reasons)


def _subject(s: Union[Subject, Mapping[str, Any], str, bytes]) -> Subject:
    return s if isinstance(s, Subject) else Subject(s)


def _table(runner: Any) -> Any:
    return ctypes.byref(runner.table) if runner.table is not None else None


def check(policy: Policy, subject: Union[Subject, Mapping[str, Any], str], as_of: DateLike,
          store: Any = None) -> Verdict:
    """Check one subject as of a date (R1). ``store``: None, a :class:`MemStore`, or a store object.

    Raises :class:`NoPolicyError` outside the policy's validity (R17); a store
    method's exception propagates unchanged.
    """
    s = _subject(subject)
    runner = as_c_store(store)
    out = ctypes.c_void_p()
    c = ctx()
    rc = runner.run(lib.qaward_check, ctypes.byref(out), c.handle, policy.handle, s.handle, _table(runner),
                    to_cdate(as_of))
    c.check(rc)
    try:
        return _verdict_from(out.value)
    finally:
        lib.qaward_verdict_free(out.value)


def verdict_json(policy: Policy, subject: Union[Subject, Mapping[str, Any], str], as_of: DateLike,
                 store: Any = None) -> Dict[str, Any]:
    """The library's own JSON rendering of a verdict (format in docs/eligibility.md)."""
    s = _subject(subject)
    runner = as_c_store(store)
    out = ctypes.c_void_p()
    c = ctx()
    c.check(runner.run(lib.qaward_check, ctypes.byref(out), c.handle, policy.handle, s.handle, _table(runner),
                       to_cdate(as_of)))
    try:
        p = ctypes.c_void_p()
        c.check(lib.qaward_verdict_to_json(ctypes.byref(p), out.value, c.handle))
        return json.loads(take_string_ctx(c, p.value))
    finally:
        lib.qaward_verdict_free(out.value)


def check_batch(policy: Policy, subjects: Union[Sequence[Mapping[str, Any]], Mapping[str, Any], str, bytes],
                as_of: DateLike, store: Any = None, *, brief: bool = True, raw: bool = False) -> Any:
    """Check many subjects in one library call (one JSON conversion per batch).

    ``subjects``: a list of subject dicts, ``{"subjects": [...]}``, or JSON text/bytes.
    Returns the list of verdict dicts of the library's batch document (``brief``:
    status, earliest date and non-passing rule ids only), or with ``raw=True``
    the JSON text itself.
    """
    if isinstance(subjects, (list, tuple)):
        subjects = {"subjects": list(subjects)}
    b = dumps(subjects)
    runner = as_c_store(store)
    out = ctypes.c_void_p()
    c = ctx()
    c.check(runner.run(lib.qaward_check_batch_json, ctypes.byref(out), c.handle, policy.handle, _table(runner),
                       to_cdate(as_of), b, len(b), BATCH_BRIEF if brief else 0))
    text = take_string_ctx(c, out.value)
    if raw:
        return text
    return json.loads(text)["verdicts"]


class Checker(Handle):
    """A reusable checker for bulk work on one thread (no allocation per fast check).

    Keep the store object alive as long as the checker (the checker holds it).
    """

    __slots__ = ("policy", "_runner", "_codes", "_outs", "_n", "_st", "_ear", "_cap", "_rules")

    def __init__(self, policy: Policy, store: Any = None, capacity: int = 64) -> None:
        self.policy = policy
        self._runner = as_c_store(store)
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_checker_new(ctypes.byref(h), c.handle, policy.handle, _table(self._runner)))
        self._own(h.value, lib.qaward_checker_free)
        self._cap = capacity
        self._codes = (ctypes.c_uint32 * capacity)()
        self._outs = (ctypes.c_uint8 * capacity)()
        self._n, self._st, self._ear = ctypes.c_size_t(), ctypes.c_int(), ctypes.c_int32()
        self._rules: Dict[str, List[str]] = {}

    def fast(self, subject: Subject, as_of: DateLike) -> Tuple[str, Optional[_dt.date], List[Tuple[str, str]]]:
        """``(status, earliest, [(rule_id, outcome), ...])`` of the checks that did not pass."""
        c = ctx()
        rc = self._runner.run(lib.qaward_checker_fast, ctypes.byref(self._st), ctypes.byref(self._ear), self._codes,
                              self._outs, self._cap, ctypes.byref(self._n), self.handle, subject.handle,
                              to_cdate(as_of))
        c.check(rc)
        kind = subject.kind
        rules = self._rules.get(kind)
        if rules is None:
            rules = self._rules[kind] = self.policy.rule_ids(kind)
        n = min(self._n.value, self._cap)
        bad = [(rules[self._codes[i]] if self._codes[i] < len(rules) else str(self._codes[i]),
                OUTCOME.get(self._outs[i], "?")) for i in range(n)]
        return STATUS.get(self._st.value, "?"), from_cdate(self._ear.value), bad

    def statuses(self, subjects: Union[SubjectList, Sequence[Subject]], as_of: DateLike) -> "array.array":
        """Status codes (0 eligible, 1 ineligible, 2 incomplete; see STATUS) of many loaded subjects.

        The batch path for repeated work: load the subjects once (one JSON
        conversion, :class:`SubjectList`), then check them here as often as
        needed (other dates, other policies). **One** foreign call per batch
        (``qaward_checker_fast_list`` / ``qaward_checker_fast_many``), no Python
        object per check. Returns an ``array('i')``. Raises on the first
        failing check (the message names its index); a store method's
        exception propagates unchanged. A list bound to this checker's policy
        (:meth:`SubjectList.bind`) takes the bound fast path (same results);
        a list bound to a closed policy raises ``ValueError``.
        """
        return self._many(subjects, as_of, None)

    def statuses_and_earliest(self, subjects: Union[SubjectList, Sequence[Subject]],
                              as_of: DateLike) -> Tuple["array.array", List[Optional[_dt.date]]]:
        """Like :meth:`statuses`, plus each subject's earliest eligible date (None when not blocked by time)."""
        n = len(subjects)
        ear = array.array("i", bytes(4 * n))
        st = self._many(subjects, as_of, ear)
        return st, [from_cdate(v) for v in ear]

    def _many(self, subjects: Union[SubjectList, Sequence[Subject]], as_of: DateLike,
              ear: Optional["array.array"]) -> "array.array":
        n = len(subjects)
        out = array.array("i", bytes(4 * n))
        if n == 0:
            return out
        pst = (ctypes.c_int * n).from_buffer(out)
        pear = (ctypes.c_int32 * n).from_buffer(ear) if ear is not None else None
        c = ctx()
        if isinstance(subjects, SubjectList):
            subjects._check_binding()
            rc = self._runner.run(lib.qaward_checker_fast_list, pst, pear, None, self.handle, subjects.handle,
                                  to_cdate(as_of))
        else:
            arr = (ctypes.c_void_p * n)(*[s.handle for s in subjects])
            rc = self._runner.run(lib.qaward_checker_fast_many, pst, pear, None, None, self.handle, arr, n,
                                  to_cdate(as_of))
        c.check(rc)
        return out

    def check(self, subject: Subject, as_of: DateLike) -> Verdict:
        out = ctypes.c_void_p()
        c = ctx()
        c.check(self._runner.run(lib.qaward_checker_check, ctypes.byref(out), self.handle, subject.handle,
                                 to_cdate(as_of)))
        try:
            return _verdict_from(out.value)
        finally:
            lib.qaward_verdict_free(out.value)

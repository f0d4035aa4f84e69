"""The award cycle (cycle.h) and sanctions (sanctions.h).

A :class:`Cycle` holds one edition's candidates (eligibility outcome, stage
totals or a composite, defence, leading-group vote, notes), allocates the
places per quota (Art. 4, 5, 13; R8, R12, R13), renders the report (zh/en,
public version without trade secrets, R19) and writes the decisions through a
store in one transaction (:meth:`Cycle.finalise`).

Scores are integer hundredths of a point, money integer fen. A candidate is
named by its index (``int``) or its subject id (``str``).
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import json
from dataclasses import dataclass
from os import PathLike
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple, Union

from ._core import DateLike, ctx, dec, enc, from_cdate, take_string_ctx, to_cdate
from ._handle import Handle
from ._lib import StoreC, lib
from .errors import NotFoundError, StateError
from .policy import Policy, _lang
from .review import ReviewRules
from .store import as_c_store

__all__ = ["Cycle", "CandidateResult", "CandidateReason", "Bucket", "Finding", "SanctionOutcome", "compute_sanction",
           "apply_sanction", "VERDICTS", "OUTCOMES", "VOTES"]

#: qaward_cycle_verdict values by name (R5).
VERDICTS = {"eligible": 1, "ineligible": 2, "incomplete": 3}
_VERDICT_NAMES = {0: "unset", 1: "eligible", 2: "ineligible", 3: "incomplete"}
#: qaward_cycle_outcome names by value.
OUTCOMES = {0: "none", 1: "awarded", 2: "rewin", 3: "tie", 4: "vote_failed", 5: "quota_full", 6: "below_min",
            7: "gate_failed", 8: "refused", 9: "incomplete", 10: "not_scored"}
#: qaward_vote_state names by value.
VOTES = {0: "none", 1: "passed", 2: "failed", 3: "no_quorum"}

_P, _PP, _S, _SZ, _I, _D = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_size_t,
                            ctypes.c_int, ctypes.c_int32)
_I32, _I64, _p = ctypes.c_int32, ctypes.c_int64, ctypes.POINTER


class FindingC(ctypes.Structure):
    """struct qaward_finding (sanctions.h)."""
    _fields_ = [("version", ctypes.c_uint32), ("subject_id", _S), ("kind", _S), ("decided_on", _D),
                ("event_date", _D), ("award_date", _D)]


class SanctionOutcomeC(ctypes.Structure):
    """struct qaward_sanction_outcome (sanctions.h)."""
    _fields_ = [("version", ctypes.c_uint32), ("revokes", _I), ("revoked_award_date", _D), ("revoked_level", _S),
                ("revoked_on", _D), ("public_notice", _I), ("ban_from", _D), ("ban_until", _D),
                ("citation_zh", _S), ("citation_en", _S)]


for _n, _proto in {
    "qaward_cycle_new": (_I, [_PP, _P, _P, _P, _S, _D]),
    "qaward_cycle_free": (None, [_P]),
    "qaward_cycle_id": (_S, [_P]),
    "qaward_cycle_decision_date": (_D, [_P]),
    "qaward_cycle_policy": (_P, [_P]),
    "qaward_cycle_add_candidate": (_I, [_p(_SZ), _P, _P, _S, _S, _S]),
    "qaward_cycle_candidate_count": (_SZ, [_P]),
    "qaward_cycle_candidate_find": (_I64, [_P, _S]),
    "qaward_cycle_candidate_id": (_S, [_P, _SZ]),
    "qaward_cycle_candidate_name": (_S, [_P, _SZ]),
    "qaward_cycle_candidate_kind": (_S, [_P, _SZ]),
    "qaward_cycle_set_verdict": (_I, [_P, _P, _SZ, _I]),
    "qaward_cycle_set_as_of": (_I, [_P, _P, _D]),
    "qaward_cycle_as_of": (_D, [_P]),
    "qaward_cycle_set_subject": (_I, [_P, _P, _SZ, _P]),
    "qaward_cycle_check_candidates": (_I, [_P, _P, _p(StoreC)]),
    "qaward_cycle_candidate_verdict": (_I, [_P, _SZ]),
    "qaward_cycle_candidate_has_subject": (_I, [_P, _SZ]),
    "qaward_cycle_add_reason": (_I, [_P, _P, _SZ, _S, _S, _S, _S]),
    "qaward_cycle_apply_verdict": (_I, [_P, _P, _SZ, _P]),
    "qaward_cycle_candidate_reason_count": (_SZ, [_P, _SZ]),
    "qaward_cycle_candidate_reason_rule": (_S, [_P, _SZ, _SZ]),
    "qaward_cycle_candidate_reason_message": (_S, [_P, _SZ, _SZ, _I]),
    "qaward_cycle_set_composite": (_I, [_P, _P, _SZ, _I64]),
    "qaward_cycle_set_stage_total": (_I, [_P, _P, _SZ, _S, _I64]),
    "qaward_cycle_set_defence": (_I, [_P, _P, _SZ, _I]),
    "qaward_cycle_set_vote": (_I, [_P, _P, _SZ, _I32, _I32, _I32, _I32, _I32]),
    "qaward_cycle_decide_tie": (_I, [_P, _P, _SZ, _I]),
    "qaward_cycle_add_note": (_I, [_P, _P, _SZ, _S, _S, _I]),
    "qaward_cycle_set_scores_secret": (_I, [_P, _P, _SZ, _I]),
    "qaward_cycle_run": (_I, [_P, _P, _p(StoreC)]),
    "qaward_cycle_is_run": (_I, [_P]),
    "qaward_cycle_candidate_outcome": (_I, [_P, _SZ]),
    "qaward_cycle_candidate_level": (_S, [_P, _SZ]),
    "qaward_cycle_candidate_composite": (_I, [_p(_I64), _P, _SZ]),
    "qaward_cycle_candidate_rank": (_I64, [_P, _SZ]),
    "qaward_cycle_candidate_prize": (_I64, [_P, _SZ]),
    "qaward_cycle_candidate_vote": (_I, [_P, _SZ]),
    "qaward_cycle_bucket_count": (_SZ, [_P]),
    "qaward_cycle_bucket_get": (_I, [_p(_S), _p(_I32), _p(_I32), _p(_I32), _p(_I32), _p(_I64), _P, _SZ]),
    "qaward_cycle_prize_total": (_I64, [_P]),
    "qaward_cycle_finalise": (_I, [_P, _P, _p(StoreC)]),
    "qaward_cycle_report": (_I, [_PP, _P, _P, _I, _I, _I]),
    "qaward_cycle_to_json": (_I, [_PP, _P, _P]),
    "qaward_cycle_load_json": (_I, [_PP, _P, _S, _SZ]),
    "qaward_cycle_memstore": (_P, [_P]),
    "qaward_memstore_to_json": (_I, [_PP, _P, _P]),
    "qaward_finding_init": (_I, [_p(FindingC), ctypes.c_uint32]),
    "qaward_sanction_outcome_init": (_I, [_p(SanctionOutcomeC), ctypes.c_uint32]),
    "qaward_sanction_compute": (_I, [_p(SanctionOutcomeC), _P, _P, _p(StoreC), _p(FindingC)]),
    "qaward_sanction_apply": (_I, [_p(SanctionOutcomeC), _P, _P, _p(StoreC), _p(FindingC)]),
}.items():
    lib.declare(_n, *_proto)

Ref = Union[int, str]


@dataclass(frozen=True)
class CandidateResult:
    """What the cycle decided for one candidate (after :meth:`Cycle.run`)."""
    index: int
    subject_id: str
    name: str
    kind: str
    outcome: str              # see OUTCOMES: "awarded", "rewin", "tie", ...
    level: Optional[str]      # level placed at, tied at or voted down at
    composite: Optional[int]  # hundredths of a point
    rank: int                 # within its quota's ranking, 0 = unranked
    prize_fen: int
    vote: str                 # see VOTES
    verdict: str = "unset"    # eligibility outcome given or computed (R5)

    @property
    def placed(self) -> bool:
        """Placed within the quota (re-winners are outside it, R8)."""
        return self.outcome == "awarded"


@dataclass(frozen=True)
class CandidateReason:
    """One written reason of a candidate's eligibility outcome (Art. 13(三))."""
    rule_id: str
    message_zh: Optional[str]
    message_en: Optional[str]


@dataclass(frozen=True)
class Bucket:
    """One quota's figures after a run (Art. 4; R12, R13)."""
    level: str
    max: int
    placed: int        # re-winners not counted (R8)
    vacant: int
    tied: int          # places left for the leading group (R12)
    prize_total_fen: int
    kinds: Tuple[str, ...] = ()  # subject kinds sharing the quota (several when pooled)
    pooled: bool = False


def _doc_bytes(doc: Union[str, bytes, Mapping[str, Any], "PathLike[str]"]) -> bytes:
    if isinstance(doc, bytes):
        return doc
    if isinstance(doc, Mapping):
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if isinstance(doc, str) and doc.lstrip().startswith("{"):
        return doc.encode("utf-8")
    with open(doc, "rb") as f:  # a path
        return f.read()


def _table(runner: Any) -> Any:
    return ctypes.byref(runner.table) if runner.table is not None else None


class Cycle(Handle):
    """One award cycle (edition).

    Build it with ``Cycle(policy, rules, "2025", date(2025, 12, 18))`` and
    :meth:`add_candidate`, or load a whole ``qaward-cycle/1`` document with
    :meth:`Cycle.load` (then the cycle owns its policy, rules and history store).
    The policy and rules must outlive the cycle; the wrapper keeps them alive.
    """

    __slots__ = ("_policy", "_rules", "_subjects")

    def __init__(self, policy: Policy, rules: Optional[ReviewRules], cycle_id: str, decision_date: DateLike) -> None:
        self._policy, self._rules, self._subjects = policy, rules, {}
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_cycle_new(ctypes.byref(h), c.handle, policy.handle, rules.handle if rules else None,
                                     enc(cycle_id), to_cdate(decision_date)), "Cycle")
        self._own(h.value, lib.qaward_cycle_free)

    @classmethod
    def load(cls, doc: Union[str, bytes, Mapping[str, Any], "PathLike[str]"]) -> "Cycle":
        """Load a ``qaward-cycle/1`` document: JSON text/bytes, a dict, or a file path."""
        b = _doc_bytes(doc)
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_cycle_load_json(ctypes.byref(h), c.handle, b, len(b)), "Cycle.load")
        self = cls.__new__(cls)
        self._policy, self._rules, self._subjects = None, None, {}
        self._own(h.value, lib.qaward_cycle_free)
        return self

    # ---- identity -------------------------------------------------------------
    @property
    def id(self) -> str:
        return dec(lib.qaward_cycle_id(self.handle)) or ""

    @property
    def decision_date(self) -> _dt.date:
        return from_cdate(lib.qaward_cycle_decision_date(self.handle))  # type: ignore[return-value]

    @property
    def policy(self) -> Policy:
        """The cycle's policy (for a loaded cycle: borrowed from it, kept alive with it)."""
        if self._policy is not None:
            return self._policy
        p = Policy.__new__(Policy)
        p._own(lib.qaward_cycle_policy(self.handle), lambda _h, _keep=self: None)
        return p

    def __len__(self) -> int:
        return lib.qaward_cycle_candidate_count(self.handle)

    def __repr__(self) -> str:
        return f"Cycle({self.id!r}, candidates={len(self)}, run={self.is_run})"

    def index(self, ref: Ref) -> int:
        """Index of a candidate given by index or subject id (NotFoundError/IndexError otherwise)."""
        if isinstance(ref, str):
            i = lib.qaward_cycle_candidate_find(self.handle, enc(ref))
            if i < 0:
                raise NotFoundError(f"cycle {self.id}: no candidate {ref!r}")
            return int(i)
        if not 0 <= ref < len(self):
            raise IndexError(f"cycle {self.id}: candidate index {ref} out of range 0..{len(self) - 1}")
        return ref

    @property
    def subject_ids(self) -> List[str]:
        h = self.handle
        return [dec(lib.qaward_cycle_candidate_id(h, i)) or "" for i in range(len(self))]

    # ---- input ----------------------------------------------------------------
    def add_candidate(self, subject_id: str, kind: str, name: Optional[str] = None, *,
                      verdict: Optional[str] = None, composite: Optional[int] = None,
                      stages: Optional[Mapping[str, int]] = None) -> int:
        """Add a candidate; optionally set its verdict, composite or stage totals. Returns its index."""
        ix = ctypes.c_size_t()
        c = ctx()
        c.check(lib.qaward_cycle_add_candidate(ctypes.byref(ix), c.handle, self.handle, enc(subject_id), enc(name),
                                               enc(kind)), "add_candidate")
        i = ix.value
        if verdict is not None:
            self.set_verdict(i, verdict)
        if composite is not None:
            self.set_composite(i, composite)
        for stage, total in (stages or {}).items():
            self.set_stage_total(i, stage, total)
        return i

    def _call(self, fn: Any, what: str, ref: Ref, *args: Any) -> None:
        c = ctx()
        c.check(fn(c.handle, self.handle, self.index(ref), *args), what)

    def set_verdict(self, ref: Ref, verdict: str) -> None:
        """"eligible", "ineligible" or "incomplete" (R5)."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {sorted(VERDICTS)}, got {verdict!r}")
        self._call(lib.qaward_cycle_set_verdict, "set_verdict", ref, VERDICTS[verdict])

    @property
    def as_of(self) -> Optional[_dt.date]:
        """The date eligibility is decided on for candidates given as facts (R1)."""
        return from_cdate(lib.qaward_cycle_as_of(self.handle))

    @as_of.setter
    def as_of(self, d: DateLike) -> None:
        c = ctx()
        c.check(lib.qaward_cycle_set_as_of(c.handle, self.handle, to_cdate(d)), "as_of")

    def set_subject(self, ref: Ref, subject: Any) -> None:
        """Give a candidate as facts (a :class:`Subject` or a subject dict): :meth:`run` or
        :meth:`check_candidates` decides its eligibility (R5). The cycle keeps the subject alive."""
        from .subject import Subject
        s = subject if isinstance(subject, Subject) else Subject(subject)
        i = self.index(ref)
        self._call(lib.qaward_cycle_set_subject, "set_subject", i, s.handle)
        self._subjects[i] = s

    def check_candidates(self, store: Any = None) -> "Cycle":
        """Decide the eligibility of the candidates given as facts (history read through ``store``)."""
        runner = as_c_store(store)
        c = ctx()
        c.check(runner.run(lib.qaward_cycle_check_candidates, c.handle, self.handle, _table(runner)),
                "check_candidates")
        return self

    def add_reason(self, ref: Ref, rule_id: str, citation: Optional[str] = None, message_zh: Optional[str] = None,
                   message_en: Optional[str] = None) -> None:
        """A written reason of a refusal (Art. 13(三))."""
        self._call(lib.qaward_cycle_add_reason, "add_reason", ref, enc(rule_id), enc(citation), enc(message_zh),
                   enc(message_en))

    def apply_verdict(self, ref: Ref, subject: Any, as_of: Optional[DateLike] = None, store: Any = None,
                      checker: Any = None) -> Any:
        """Check ``subject`` (Subject, dict or JSON) and set the candidate's verdict and reasons from it.

        Calls ``qaward_check`` with the cycle's policy (or ``checker.check`` when a
        :class:`~qaward.Checker` is given) as of ``as_of`` (default: the cycle's
        :attr:`as_of`), then ``qaward_cycle_apply_verdict``: eligible, ineligible or
        incomplete (R5), one reason per failing or unknown check (Art. 13(三)).
        Returns the :class:`~qaward.Verdict`. A store method's exception propagates unchanged.
        """
        from .eligibility import _subject, _verdict_from  # late: eligibility imports nothing from here
        i = self.index(ref)
        d = as_of if as_of is not None else self.as_of
        if d is None:
            raise StateError(f"cycle {self.id}: apply_verdict: no as_of date (give one or set cycle.as_of)")
        s = _subject(subject)
        out = ctypes.c_void_p()
        c = ctx()
        if checker is not None:
            rc = checker._runner.run(lib.qaward_checker_check, ctypes.byref(out), checker.handle, s.handle,
                                     to_cdate(d))
        else:
            runner = as_c_store(store)
            rc = runner.run(lib.qaward_check, ctypes.byref(out), c.handle, self.policy.handle, s.handle,
                            _table(runner), to_cdate(d))
        c.check(rc, f"cycle {self.id}: apply_verdict")
        try:
            c.check(lib.qaward_cycle_apply_verdict(c.handle, self.handle, i, out.value), "apply_verdict")
            return _verdict_from(out.value)
        finally:
            lib.qaward_verdict_free(out.value)

    def reasons(self, ref: Ref) -> List[CandidateReason]:
        """A candidate's written reasons (given, applied from a verdict, or from its checks)."""
        i = self.index(ref)
        h = self.handle
        return [CandidateReason(dec(lib.qaward_cycle_candidate_reason_rule(h, i, k)) or "",
                                dec(lib.qaward_cycle_candidate_reason_message(h, i, k, 1)),
                                dec(lib.qaward_cycle_candidate_reason_message(h, i, k, 0)))
                for k in range(lib.qaward_cycle_candidate_reason_count(h, i))]

    def set_composite(self, ref: Ref, composite: int) -> None:
        """The composite in hundredths of a point (an int; no floats)."""
        self._call(lib.qaward_cycle_set_composite, "set_composite", ref, _int(composite, "composite"))

    def set_stage_total(self, ref: Ref, stage: str, total: int) -> None:
        self._call(lib.qaward_cycle_set_stage_total, "set_stage_total", ref, enc(stage), _int(total, "total"))

    def set_defence(self, ref: Ref, passed: bool) -> None:
        self._call(lib.qaward_cycle_set_defence, "set_defence", ref, 1 if passed else 0)

    def set_vote(self, ref: Ref, votes_for: int, against: int, abstain: int, present: int, members: int) -> None:
        """The leading group's vote (Art. 13(七))."""
        self._call(lib.qaward_cycle_set_vote, "set_vote", ref, votes_for, against, abstain, present, members)

    def decide_tie(self, ref: Ref, placed: bool) -> None:
        """The leading group's decision on a candidate tied at the last place (R12); run again afterwards."""
        self._call(lib.qaward_cycle_decide_tie, "decide_tie", ref, 1 if placed else 0)

    def add_note(self, ref: Ref, key: str, value: str, trade_secret: bool = False) -> None:
        """A note; a trade-secret note never appears in the public report (Art. 12; R19)."""
        self._call(lib.qaward_cycle_add_note, "add_note", ref, enc(key), enc(value), 1 if trade_secret else 0)

    def set_scores_secret(self, ref: Ref, secret: bool = True) -> None:
        self._call(lib.qaward_cycle_set_scores_secret, "set_scores_secret", ref, 1 if secret else 0)

    # ---- run and results ------------------------------------------------------
    def run(self, store: Any = None) -> "Cycle":
        """Allocate the places. ``store``: None (the cycle's own history, if loaded), a MemStore or a
        store object (its ``read`` supplies history, R8). A store method's exception propagates."""
        runner = as_c_store(store)
        c = ctx()
        c.check(runner.run(lib.qaward_cycle_run, c.handle, self.handle, _table(runner)), "run")
        return self

    @property
    def is_run(self) -> bool:
        return bool(lib.qaward_cycle_is_run(self.handle))

    def candidate(self, ref: Ref) -> CandidateResult:
        i = self.index(ref)
        h = self.handle
        comp = ctypes.c_int64()
        has = lib.qaward_cycle_candidate_composite(ctypes.byref(comp), h, i) == 0
        return CandidateResult(
            index=i, subject_id=dec(lib.qaward_cycle_candidate_id(h, i)) or "",
            name=dec(lib.qaward_cycle_candidate_name(h, i)) or "",
            kind=dec(lib.qaward_cycle_candidate_kind(h, i)) or "",
            outcome=OUTCOMES.get(lib.qaward_cycle_candidate_outcome(h, i), "?"),
            level=dec(lib.qaward_cycle_candidate_level(h, i)),
            composite=comp.value if has else None,
            rank=int(lib.qaward_cycle_candidate_rank(h, i)),
            prize_fen=int(lib.qaward_cycle_candidate_prize(h, i)),
            vote=VOTES.get(lib.qaward_cycle_candidate_vote(h, i), "?"),
            verdict=_VERDICT_NAMES.get(lib.qaward_cycle_candidate_verdict(h, i), "?"))

    def results(self) -> List[CandidateResult]:
        """Every candidate's result, in candidate order."""
        return [self.candidate(i) for i in range(len(self))]

    def __iter__(self) -> Iterator[CandidateResult]:
        return iter(self.results())

    def ties(self) -> List[CandidateResult]:
        """Candidates tied at a last place, awaiting :meth:`decide_tie` (R12)."""
        return [r for r in self.results() if r.outcome == "tie"]

    def buckets(self) -> List[Bucket]:
        """One entry per quota of the policy (StateError before a run)."""
        if not self.is_run:
            raise StateError(f"cycle {self.id}: buckets: run() the cycle first")
        out = []
        h = self.handle
        c = ctx()
        n = lib.qaward_cycle_bucket_count(h)
        rep = self.to_dict()["buckets"] if n else []
        for i in range(n):
            lv = ctypes.c_char_p()
            mx, pl, va, ti = ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int32()
            pz = ctypes.c_int64()
            c.check(lib.qaward_cycle_bucket_get(ctypes.byref(lv), ctypes.byref(mx), ctypes.byref(pl),
                                                ctypes.byref(va), ctypes.byref(ti), ctypes.byref(pz), h, i),
                    "buckets")
            out.append(Bucket(dec(lv.value) or "", mx.value, pl.value, va.value, ti.value, pz.value,
                              tuple(rep[i].get("kinds", ())) if i < len(rep) else (),
                              bool(rep[i].get("pooled")) if i < len(rep) else False))
        return out

    @property
    def prize_total_fen(self) -> int:
        """The cycle's prize total (the Art. 17 budget) after a run."""
        return int(lib.qaward_cycle_prize_total(self.handle))

    # ---- output ---------------------------------------------------------------
    def report(self, format: str = "json", lang: Union[str, int] = "zh", public: bool = False) -> Any:
        """The cycle report: a dict (``format="json"``, both languages) or text in ``lang``.
        ``public=True`` leaves out trade-secret-marked material (R19)."""
        if format not in ("json", "text"):
            raise ValueError(f"format must be 'json' or 'text', got {format!r}")
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_cycle_report(ctypes.byref(p), c.handle, self.handle, 0 if format == "json" else 1,
                                        _lang(lang), 1 if public else 0), "report")
        text = take_string_ctx(c, p.value)
        return json.loads(text) if format == "json" else text

    def public_report(self, format: str = "json", lang: Union[str, int] = "zh") -> Any:
        """The public version of :meth:`report` (R19)."""
        return self.report(format, lang, public=True)

    def to_dict(self) -> Dict[str, Any]:
        """The reviewers' JSON report as a dict."""
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_cycle_to_json(ctypes.byref(p), self.handle, c.handle), "to_json")
        return json.loads(take_string_ctx(c, p.value))

    def finalise(self, store: Any = None) -> None:
        """Write the decisions through ``store`` in one transaction (begin, write_award..., commit).

        ``store``: None (the cycle's own in-memory store, when loaded), a
        :class:`MemStore` or a store object. Raises StateError with an open tie
        or a missing vote, ExistsError when the store says the cycle was
        finalised; a store method's exception is re-raised after the library
        has rolled the transaction back.
        """
        runner = as_c_store(store)
        c = ctx()
        c.check(runner.run(lib.qaward_cycle_finalise, c.handle, self.handle, _table(runner)), "finalise")

    def own_store(self) -> Optional[Dict[str, Any]]:
        """Content of the cycle's own in-memory store (a loaded cycle's history and finalised awards)."""
        ms = lib.qaward_cycle_memstore(self.handle)
        if not ms:
            return None
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_memstore_to_json(ctypes.byref(p), ms, c.handle))
        return json.loads(take_string_ctx(c, p.value))


def _int(v: int, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"{what} must be an int (hundredths of a point), got {type(v).__name__}")
    return v


# ---- sanctions (Art. 20, 22; R9-R11) ----------------------------------------------

@dataclass(frozen=True)
class Finding:
    """A finding against a subject. ``kind``: a sanction kind of the policy ("false_materials", ...)."""
    subject_id: str
    kind: str
    decided_on: _dt.date
    event_date: Optional[_dt.date] = None   # R11: the incident; None = decided_on
    award_date: Optional[_dt.date] = None   # the award concerned; None = the library picks it


@dataclass(frozen=True)
class SanctionOutcome:
    """Consequences of a finding: revocation and ban window ``[ban_from, ban_until)``."""
    revokes: bool
    revoked_award_date: Optional[_dt.date]
    revoked_level: Optional[str]
    revoked_on: Optional[_dt.date]
    public_notice: bool
    ban_from: Optional[_dt.date]
    ban_until: Optional[_dt.date]
    citation_zh: Optional[str]
    citation_en: Optional[str]


def _sanction(fn: Any, what: str, policy: Policy, finding: Finding, store: Any) -> SanctionOutcome:
    f = FindingC()
    lib.qaward_finding_init(ctypes.byref(f), 1)
    keep = [enc(finding.subject_id), enc(finding.kind)]
    f.subject_id, f.kind = keep[0], keep[1]
    f.decided_on = to_cdate(finding.decided_on)
    f.event_date = to_cdate(finding.event_date)
    f.award_date = to_cdate(finding.award_date)
    o = SanctionOutcomeC()
    lib.qaward_sanction_outcome_init(ctypes.byref(o), 1)
    runner = as_c_store(store)
    c = ctx()
    c.check(runner.run(fn, ctypes.byref(o), c.handle, policy.handle, _table(runner), ctypes.byref(f)), what)
    return SanctionOutcome(bool(o.revokes), from_cdate(o.revoked_award_date), dec(o.revoked_level),
                           from_cdate(o.revoked_on), bool(o.public_notice), from_cdate(o.ban_from),
                           from_cdate(o.ban_until), dec(o.citation_zh), dec(o.citation_en))


def compute_sanction(policy: Policy, finding: Finding, store: Any = None) -> SanctionOutcome:
    """A finding's consequences, writing nothing (history read through ``store``)."""
    return _sanction(lib.qaward_sanction_compute, "compute_sanction", policy, finding, store)


def apply_sanction(policy: Policy, finding: Finding, store: Any) -> SanctionOutcome:
    """Record a finding through ``store`` in one transaction (write_sanction, revoke_award when an award
    is revoked). A store method's exception is re-raised after the rollback."""
    return _sanction(lib.qaward_sanction_apply, "apply_sanction", policy, finding, store)

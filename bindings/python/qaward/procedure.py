"""Working-day calendars (calendar.h, R16) and the procedure (procedure.h, Art. 13, 14).

A date outside the calendar's known years raises :class:`~qaward.errors.CalendarError`
(``QAWARD_ECALENDAR``): the library never guesses holidays.
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Union

from ._core import DateLike, ctx, dec, enc, from_cdate, take_string_ctx, to_cdate
from ._handle import Handle
from ._lib import lib
from .policy import _lang

__all__ = ["Calendar", "Procedure", "NoticeCheck", "Refusal", "Timeline", "QUALIFICATIONS", "validate_timeline"]

_P, _PP, _S, _SZ, _I, _D = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_size_t,
                            ctypes.c_int, ctypes.c_int32)
_p = ctypes.POINTER
for _n, _proto in {
    "qaward_calendar_load_json": (_I, [_PP, _P, _S, _SZ]),
    "qaward_calendar_builtin": (_I, [_PP, _P, _S]),
    "qaward_calendar_merge_json": (_I, [_P, _P, _S, _SZ]),
    "qaward_calendar_free": (None, [_P]),
    "qaward_calendar_year_count": (_SZ, [_P]),
    "qaward_calendar_year_at": (ctypes.c_int32, [_P, _SZ]),
    "qaward_calendar_is_working_day": (_I, [_p(_I), _P, _P, _D]),
    "qaward_calendar_working_days": (_I, [_p(ctypes.c_int32), _P, _P, _D, _D]),
    "qaward_calendar_notice_end": (_I, [_p(_D), _P, _P, _D, ctypes.c_int32]),
    "qaward_calendar_to_json": (_I, [_PP, _P, _P]),
    "qaward_procedure_load_json": (_I, [_PP, _P, _S, _SZ]),
    "qaward_procedure_builtin": (_I, [_PP, _P, _S]),
    "qaward_procedure_free": (None, [_P]),
    "qaward_procedure_id": (_S, [_P]),
    "qaward_procedure_calendar_name": (_S, [_P]),
    "qaward_procedure_notice_count": (_SZ, [_P]),
    "qaward_procedure_notice_kind": (_S, [_P, _SZ]),
    "qaward_procedure_notice_min_days": (ctypes.c_int32, [_P, _SZ]),
    "qaward_procedure_notice_citation": (_S, [_P, _SZ, _I]),
    "qaward_procedure_stage_count": (_SZ, [_P]),
    "qaward_procedure_stage_id": (_S, [_P, _SZ]),
    "qaward_procedure_stage_name": (_S, [_P, _SZ, _I]),
    "qaward_procedure_site_review_max_days": (ctypes.c_int32, [_P]),
    "qaward_notice_check": (_I, [_p(_I), _p(ctypes.c_int32), _P, _P, _P, _S, _D, _D]),
    "qaward_notice_check_json": (_I, [_PP, _P, _P, _P, _S, _D, _D]),
    "qaward_refusal_new": (_I, [_PP, _P, _S]),
    "qaward_refusal_add_reason": (_I, [_P, _P, _S, _I, _S, _S, _S, _S]),
    "qaward_refusal_reason_count": (_SZ, [_P]),
    "qaward_refusal_letter": (_I, [_PP, _P, _P, _P, _D, _I]),
    "qaward_refusal_to_json": (_I, [_PP, _P, _P, _P, _D]),
    "qaward_refusal_free": (None, [_P]),
    "qaward_timeline_validate_json": (_I, [_PP, _p(_SZ), _P, _P, _P, _S, _SZ]),
    "qaward_timeline_new": (_I, [_PP, _P, _P, _P]),
    "qaward_timeline_free": (None, [_P]),
    "qaward_timeline_add_applicant": (_I, [_P, _P, _S, _S, _S, _D]),
    "qaward_timeline_add_field": (_I, [_P, _P, _S, _S, _S, _I]),
    "qaward_timeline_add_notice": (_I, [_P, _P, _S, _D, _D, _p(_S), _SZ]),
    "qaward_timeline_set_qualification": (_I, [_P, _P, _S, _I]),
    "qaward_timeline_set_score": (_I, [_P, _P, _S, _S, ctypes.c_int64]),
    "qaward_timeline_set_site_review": (_I, [_P, _P, _S, _D, _D]),
    "qaward_timeline_advance": (_I, [_P, _P, _S, _S, _D]),
    "qaward_timeline_refuse": (_I, [_P, _P, _S, _D, _P]),
    "qaward_timeline_drop": (_I, [_P, _P, _S, _D, _S]),
    "qaward_timeline_objection_open": (_I, [_P, _P, _S, _S, _D, _S]),
    "qaward_timeline_objection_resolve": (_I, [_P, _P, _S, _D, _I, _S]),
    "qaward_timeline_stage": (_S, [_P, _S]),
    "qaward_timeline_open_objections": (_SZ, [_P, _S]),
    "qaward_timeline_to_json": (_I, [_PP, _P, _P]),
    "qaward_timeline_public_list_json": (_I, [_PP, _P, _P, _S]),
    "qaward_timeline_load_json": (_I, [_PP, _PP, _p(_SZ), _P, _P, _P, _S, _SZ]),
    "qaward_timeline_refusal_letter": (_I, [_PP, _P, _P, _S, _I]),
    "qaward_timeline_report_text": (_I, [_PP, _P, _P, _I]),
    "qaward_timeline_public_list_text": (_I, [_PP, _P, _P, _S, _I]),
}.items():
    lib.declare(_n, *_proto)


def _bytes(doc: Union[str, bytes, Mapping[str, Any]]) -> bytes:
    if isinstance(doc, bytes):
        return doc
    if isinstance(doc, Mapping):
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    return doc.encode("utf-8")


def _is_doc(source: Any) -> bool:
    return isinstance(source, (bytes, Mapping)) or (isinstance(source, str) and source.lstrip().startswith("{"))


class Calendar(Handle):
    """A working-day calendar (R16): ``Calendar("cn-2023-2026")`` (built-in) or from JSON/dict."""

    __slots__ = ()

    def __init__(self, source: Union[str, bytes, Mapping[str, Any]] = "cn-2023-2026") -> None:
        h = ctypes.c_void_p()
        c = ctx()
        if _is_doc(source):
            b = _bytes(source)  # type: ignore[arg-type]
            c.check(lib.qaward_calendar_load_json(ctypes.byref(h), c.handle, b, len(b)), "Calendar")
        else:
            c.check(lib.qaward_calendar_builtin(ctypes.byref(h), c.handle, enc(source)), "Calendar")  # type: ignore[arg-type]
        self._own(h.value, lib.qaward_calendar_free)

    def merge(self, doc: Union[str, bytes, Mapping[str, Any]]) -> None:
        """Add the years of another calendar document (e.g. a newly published year)."""
        b = _bytes(doc)
        c = ctx()
        c.check(lib.qaward_calendar_merge_json(self.handle, c.handle, b, len(b)), "Calendar.merge")

    @property
    def years(self) -> List[int]:
        h = self.handle
        return [lib.qaward_calendar_year_at(h, i) for i in range(lib.qaward_calendar_year_count(h))]

    def is_working_day(self, d: DateLike) -> bool:
        out = ctypes.c_int()
        c = ctx()
        c.check(lib.qaward_calendar_is_working_day(ctypes.byref(out), c.handle, self.handle, to_cdate(d)),
                f"is_working_day({d})")
        return bool(out.value)

    def working_days(self, first: DateLike, last: DateLike) -> int:
        """Working days in the closed interval [first, last]."""
        out = ctypes.c_int32()
        c = ctx()
        c.check(lib.qaward_calendar_working_days(ctypes.byref(out), c.handle, self.handle, to_cdate(first),
                                                 to_cdate(last)), f"working_days({first}, {last})")
        return out.value

    def notice_end(self, first: DateLike, working_days: int) -> _dt.date:
        """Earliest last day of a notice of ``working_days`` working days starting on ``first``."""
        out = ctypes.c_int32()
        c = ctx()
        c.check(lib.qaward_calendar_notice_end(ctypes.byref(out), c.handle, self.handle, to_cdate(first),
                                               working_days), f"notice_end({first}, {working_days})")
        return from_cdate(out.value)  # type: ignore[return-value]

    def to_dict(self) -> Dict[str, Any]:
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_calendar_to_json(ctypes.byref(p), self.handle, c.handle))
        return json.loads(take_string_ctx(c, p.value))


@dataclass(frozen=True)
class NoticeCheck:
    """Whether a public notice ran long enough (Art. 13; R16)."""
    kind: str
    first: _dt.date
    last: _dt.date
    working_days: int
    satisfied: bool


class Procedure(Handle):
    """The procedure of a cycle (stages, notices): ``Procedure("jian-2023")`` or from JSON/dict."""

    __slots__ = ()

    def __init__(self, source: Union[str, bytes, Mapping[str, Any]] = "jian-2023") -> None:
        h = ctypes.c_void_p()
        c = ctx()
        if _is_doc(source):
            b = _bytes(source)  # type: ignore[arg-type]
            c.check(lib.qaward_procedure_load_json(ctypes.byref(h), c.handle, b, len(b)), "Procedure")
        else:
            c.check(lib.qaward_procedure_builtin(ctypes.byref(h), c.handle, enc(source)), "Procedure")  # type: ignore[arg-type]
        self._own(h.value, lib.qaward_procedure_free)

    @property
    def id(self) -> str:
        return dec(lib.qaward_procedure_id(self.handle)) or ""

    @property
    def calendar_name(self) -> Optional[str]:
        """The built-in calendar the procedure names (``Calendar(p.calendar_name)``)."""
        return dec(lib.qaward_procedure_calendar_name(self.handle))

    def calendar(self) -> Calendar:
        return Calendar(self.calendar_name or "cn-2023-2026")

    @property
    def notices(self) -> Dict[str, int]:
        """Notice kind -> minimum working days."""
        h = self.handle
        return {dec(lib.qaward_procedure_notice_kind(h, i)) or "": lib.qaward_procedure_notice_min_days(h, i)
                for i in range(lib.qaward_procedure_notice_count(h))}

    @property
    def stages(self) -> List[str]:
        h = self.handle
        return [dec(lib.qaward_procedure_stage_id(h, i)) or "" for i in range(lib.qaward_procedure_stage_count(h))]

    def stage_name(self, stage: str, lang: Union[str, int] = "zh") -> str:
        ids = self.stages
        return dec(lib.qaward_procedure_stage_name(self.handle, ids.index(stage), _lang(lang))) or ""

    @property
    def site_review_max_days(self) -> int:
        return lib.qaward_procedure_site_review_max_days(self.handle)

    def notice_check(self, calendar: Calendar, kind: str, first: DateLike, last: DateLike) -> NoticeCheck:
        """Whether a notice of ``kind`` from ``first`` to ``last`` holds its minimum working days."""
        sat, wd = ctypes.c_int(), ctypes.c_int32()
        c = ctx()
        c.check(lib.qaward_notice_check(ctypes.byref(sat), ctypes.byref(wd), c.handle, self.handle, calendar.handle,
                                        enc(kind), to_cdate(first), to_cdate(last)), f"notice_check({kind!r})")
        return NoticeCheck(kind, from_cdate(to_cdate(first)), from_cdate(to_cdate(last)),  # type: ignore[arg-type]
                           wd.value, bool(sat.value))

    def notice_check_json(self, calendar: Calendar, kind: str, first: DateLike, last: DateLike) -> Dict[str, Any]:
        """The library's JSON of a notice check (with earliest last day and citation)."""
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_notice_check_json(ctypes.byref(p), c.handle, self.handle, calendar.handle, enc(kind),
                                             to_cdate(first), to_cdate(last)), f"notice_check_json({kind!r})")
        return json.loads(take_string_ctx(c, p.value))


class Refusal(Handle):
    """Written reasons for refusing an applicant at the qualification check (Art. 13(3))."""

    __slots__ = ()

    def __init__(self, applicant_name: str) -> None:
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_refusal_new(ctypes.byref(h), c.handle, enc(applicant_name)), "Refusal")
        self._own(h.value, lib.qaward_refusal_free)

    def add_reason(self, rule_id: str, citation_zh: str, citation_en: str, message_zh: str, message_en: str,
                   unknown: bool = False) -> "Refusal":
        """A failed check (or, ``unknown=True``, one undecidable for lack of facts, R5)."""
        c = ctx()
        c.check(lib.qaward_refusal_add_reason(self.handle, c.handle, enc(rule_id), 1 if unknown else 0,
                                              enc(citation_zh), enc(citation_en), enc(message_zh),
                                              enc(message_en)), "Refusal.add_reason")
        return self

    def __len__(self) -> int:
        return lib.qaward_refusal_reason_count(self.handle)

    def letter(self, procedure: Procedure, date: DateLike, lang: Union[str, int] = "zh") -> str:
        """The refusal letter (书面说明理由)."""
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_refusal_letter(ctypes.byref(p), self.handle, c.handle, procedure.handle, to_cdate(date),
                                          _lang(lang)), "Refusal.letter")
        return take_string_ctx(c, p.value)

    def to_dict(self, procedure: Procedure, date: DateLike) -> Dict[str, Any]:
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_refusal_to_json(ctypes.byref(p), self.handle, c.handle, procedure.handle,
                                           to_cdate(date)), "Refusal.to_dict")
        return json.loads(take_string_ctx(c, p.value))


def validate_timeline(doc: Union[str, bytes, Mapping[str, Any]], procedure: Optional[Procedure] = None,
                      calendar: Optional[Calendar] = None) -> Dict[str, Any]:
    """Validate a ``qaward-timeline`` document; the report dict has ``ok`` and ``violations``.

    Violations are reported, not raised; a malformed document raises ParseError/SchemaError.
    """
    b = _bytes(doc)
    p = ctypes.c_void_p()
    n = ctypes.c_size_t()
    c = ctx()
    c.check(lib.qaward_timeline_validate_json(ctypes.byref(p), ctypes.byref(n), c.handle,
                                              procedure.handle if procedure else None,
                                              calendar.handle if calendar else None, b, len(b)),
            "validate_timeline")
    return json.loads(take_string_ctx(c, p.value))


#: qaward_qualification values by name (Art. 13(3)).
QUALIFICATIONS = {"unknown": 0, "passed": 1, "failed": 2}


class Timeline(Handle):
    """One cycle's procedural record (R15; Art. 13, 14): applicants, notices, transitions, objections.

    ``Timeline(procedure, calendar)`` starts an empty one (both default to the
    built-ins and are kept alive by the timeline); :meth:`load` replays a
    ``qaward-timeline`` document. An illegal transition raises
    :class:`~qaward.errors.StateError` (``QAWARD_ESTATE``) whose message names the
    missing precondition; the timeline is then unchanged.
    """

    __slots__ = ("procedure", "calendar", "report")

    def __init__(self, procedure: Optional[Procedure] = None, calendar: Optional[Calendar] = None) -> None:
        self.procedure = procedure if procedure is not None else Procedure()
        self.calendar = calendar if calendar is not None else self.procedure.calendar()
        self.report: Optional[Dict[str, Any]] = None
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_timeline_new(ctypes.byref(h), c.handle, self.procedure.handle, self.calendar.handle),
                "Timeline")
        self._own(h.value, lib.qaward_timeline_free)

    @classmethod
    def load(cls, doc: Union[str, bytes, Mapping[str, Any]], procedure: Optional[Procedure] = None,
             calendar: Optional[Calendar] = None) -> "Timeline":
        """Replay a ``qaward-timeline`` document (JSON text, dict or file path); violations go to ``.report``."""
        if isinstance(doc, str) and not doc.lstrip().startswith("{"):
            with open(doc, "rb") as f:
                doc = f.read()
        b = _bytes(doc)
        h, rep, n = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_size_t()
        c = ctx()
        c.check(lib.qaward_timeline_load_json(ctypes.byref(h), ctypes.byref(rep), ctypes.byref(n), c.handle,
                                              procedure.handle if procedure else None,
                                              calendar.handle if calendar else None, b, len(b)), "Timeline.load")
        t = cls.__new__(cls)
        t.procedure, t.calendar = procedure, calendar  # keep borrowed ones alive; built-ins are owned in C
        t._own(h.value, lib.qaward_timeline_free)
        t.report = json.loads(take_string_ctx(c, rep.value))
        return t

    def _do(self, fn: Any, what: str, *args: Any) -> "Timeline":
        c = ctx()
        c.check(fn(self.handle, c.handle, *args), what)
        return self

    def add_applicant(self, applicant_id: str, name: str, kind: str, declared: DateLike,
                      fields: Optional[Mapping[str, str]] = None, trade_secrets: Any = ()) -> "Timeline":
        """Add an applicant at the first stage; ``fields`` named in ``trade_secrets`` stay out of public lists (R19)."""
        self._do(lib.qaward_timeline_add_applicant, f"add_applicant({applicant_id!r})", enc(applicant_id), enc(name),
                 enc(kind), to_cdate(declared))
        for k, v in (fields or {}).items():
            self.add_field(applicant_id, k, v, k in trade_secrets)
        return self

    def add_field(self, applicant_id: str, key: str, value: str, trade_secret: bool = False) -> "Timeline":
        return self._do(lib.qaward_timeline_add_field, f"add_field({applicant_id!r}, {key!r})", enc(applicant_id),
                        enc(key), enc(value), 1 if trade_secret else 0)

    def add_notice(self, kind: str, first: DateLike, last: DateLike, applicant_ids: Any) -> "Timeline":
        ids = [enc(i) for i in applicant_ids]
        arr = (ctypes.c_char_p * max(len(ids), 1))(*ids)
        return self._do(lib.qaward_timeline_add_notice, f"add_notice({kind!r})", enc(kind), to_cdate(first),
                        to_cdate(last), arr, len(ids))

    def set_qualification(self, applicant_id: str, qualification: Union[str, bool]) -> "Timeline":
        """``"passed"``/``True``, ``"failed"``/``False`` or ``"unknown"``."""
        if isinstance(qualification, bool):
            qualification = "passed" if qualification else "failed"
        if qualification not in QUALIFICATIONS:
            raise ValueError(f"qualification must be one of {sorted(QUALIFICATIONS)}, got {qualification!r}")
        return self._do(lib.qaward_timeline_set_qualification, f"set_qualification({applicant_id!r})",
                        enc(applicant_id), QUALIFICATIONS[qualification])

    def set_score(self, applicant_id: str, stage: str, hundredths: int) -> "Timeline":
        if isinstance(hundredths, bool) or not isinstance(hundredths, int):
            raise TypeError(f"score must be int hundredths of a point, got {hundredths!r}")
        return self._do(lib.qaward_timeline_set_score, f"set_score({applicant_id!r}, {stage!r})", enc(applicant_id),
                        enc(stage), hundredths)

    def set_site_review(self, applicant_id: str, first: DateLike, last: DateLike) -> "Timeline":
        return self._do(lib.qaward_timeline_set_site_review, f"set_site_review({applicant_id!r})", enc(applicant_id),
                        to_cdate(first), to_cdate(last))

    def advance(self, applicant_id: str, to: str, date: DateLike) -> "Timeline":
        """Move to the next stage (R15); StateError names the missing precondition."""
        return self._do(lib.qaward_timeline_advance, f"advance({applicant_id!r} -> {to!r})", enc(applicant_id),
                        enc(to), to_cdate(date))

    def refuse(self, applicant_id: str, date: DateLike, reasons: Refusal) -> "Timeline":
        """Refuse at the qualification check with written reasons (Art. 13(3))."""
        return self._do(lib.qaward_timeline_refuse, f"refuse({applicant_id!r})", enc(applicant_id), to_cdate(date),
                        reasons.handle)

    def drop(self, applicant_id: str, date: DateLike, reason: str) -> "Timeline":
        return self._do(lib.qaward_timeline_drop, f"drop({applicant_id!r})", enc(applicant_id), to_cdate(date),
                        enc(reason))

    def open_objection(self, objection_id: str, applicant_id: str, date: DateLike,
                       notice_kind: Optional[str] = None) -> "Timeline":
        """Art. 14: holds the applicant at its stage until resolved."""
        return self._do(lib.qaward_timeline_objection_open, f"open_objection({objection_id!r})", enc(objection_id),
                        enc(applicant_id), to_cdate(date), enc(notice_kind))

    def resolve_objection(self, objection_id: str, date: DateLike, upheld: bool, reason: str) -> "Timeline":
        """Upheld: the applicant is removed; dismissed: it continues (Art. 14)."""
        return self._do(lib.qaward_timeline_objection_resolve, f"resolve_objection({objection_id!r})",
                        enc(objection_id), to_cdate(date), 1 if upheld else 0, enc(reason))

    def stage(self, applicant_id: str) -> Optional[str]:
        """Current stage id, or "refused"/"removed"/"dropped"; None for an unknown applicant."""
        return dec(lib.qaward_timeline_stage(self.handle, enc(applicant_id)))

    def open_objections(self, applicant_id: str) -> int:
        return lib.qaward_timeline_open_objections(self.handle, enc(applicant_id))

    def to_dict(self) -> Dict[str, Any]:
        """Internal record (includes trade-secret fields)."""
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_timeline_to_json(ctypes.byref(p), self.handle, c.handle), "Timeline.to_dict")
        return json.loads(take_string_ctx(c, p.value))

    def public_list(self, notice_kind: str, format: str = "json", lang: Union[str, int] = "zh") -> Any:
        """The public name list of a notice kind (dict, or text in ``lang``); never trade secrets (R19)."""
        p = ctypes.c_void_p()
        c = ctx()
        if format == "json":
            c.check(lib.qaward_timeline_public_list_json(ctypes.byref(p), self.handle, c.handle, enc(notice_kind)),
                    f"public_list({notice_kind!r})")
            return json.loads(take_string_ctx(c, p.value))
        if format != "text":
            raise ValueError(f"format must be 'json' or 'text', got {format!r}")
        c.check(lib.qaward_timeline_public_list_text(ctypes.byref(p), self.handle, c.handle, enc(notice_kind),
                                                     _lang(lang)), f"public_list({notice_kind!r})")
        return take_string_ctx(c, p.value)

    def refusal_letter(self, applicant_id: str, lang: Union[str, int] = "zh") -> str:
        """The refused applicant's letter (Art. 13(3)), dated on its refusal."""
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_timeline_refusal_letter(ctypes.byref(p), self.handle, c.handle, enc(applicant_id),
                                                   _lang(lang)), f"refusal_letter({applicant_id!r})")
        return take_string_ctx(c, p.value)

    def text(self, lang: Union[str, int] = "zh") -> str:
        """Violations (citations in ``lang``, messages in English), stages, refusal letters."""
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_timeline_report_text(ctypes.byref(p), self.handle, c.handle, _lang(lang)),
                "Timeline.text")
        return take_string_ctx(c, p.value)

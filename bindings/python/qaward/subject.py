"""Subjects (subject.h): an applicant's facts, built from a dict or JSON (format in docs/subject.md).

``datetime.date`` values anywhere in the dict are written as "YYYY-MM-DD".
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import json
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Mapping, Optional, Sequence, Union

from ._core import ctx, dec, enc, take_string_ctx
from ._handle import Handle
from ._lib import lib

if TYPE_CHECKING:  # pragma: no cover
    from .policy import Policy

__all__ = ["Subject", "SubjectList", "dumps"]

_P, _PP, _S, _SZ, _I = ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int
for _n, _proto in {
    "qaward_subject_load_json": (_I, [_PP, _P, _S, _SZ]),
    "qaward_subject_free": (None, [_P]),
    "qaward_subject_id": (_S, [_P]),
    "qaward_subject_kind": (_S, [_P]),
    "qaward_subject_name": (_S, [_P]),
    "qaward_subject_is_secret": (_I, [_P, _S]),
    "qaward_subject_to_json": (_I, [_PP, _P, _P, _I]),
    "qaward_subject_list_load_json": (_I, [_PP, _P, _S, _SZ]),
    "qaward_subject_list_free": (None, [_P]),
    "qaward_subject_list_count": (_SZ, [_P]),
    "qaward_subject_list_get": (_P, [_P, _SZ]),
    "qaward_subject_list_bind": (_I, [_P, _P, _P]),
}.items():
    lib.declare(_n, *_proto)


def _default(o: Any) -> Any:
    if isinstance(o, _dt.datetime):
        raise TypeError("civil dates only (R1): got a datetime")
    if isinstance(o, _dt.date):
        return o.isoformat()
    raise TypeError(f"{type(o).__name__} is not JSON serialisable")


def dumps(doc: Any) -> bytes:
    """JSON bytes of a document; ``datetime.date`` -> "YYYY-MM-DD"."""
    if isinstance(doc, bytes):
        return doc
    if isinstance(doc, str):
        return doc.encode("utf-8")
    return json.dumps(doc, default=_default, ensure_ascii=False).encode("utf-8")


class Subject(Handle):
    """An applicant. ``Subject({"id": "A1", "kind": "organization", ...})`` or JSON text."""

    __slots__ = ("_owner",)

    def __init__(self, doc: Union[Mapping[str, Any], str, bytes], *, _borrow: Optional[int] = None,
                 _owner: Any = None) -> None:
        self._owner = _owner
        if _borrow is not None:  # a subject owned by a SubjectList
            self._own(_borrow, lambda _h: None)
            return
        b = dumps(doc)
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_subject_load_json(ctypes.byref(h), c.handle, b, len(b)))
        self._own(h.value, lib.qaward_subject_free)

    from_dict = classmethod(lambda cls, d: cls(d))
    from_json = classmethod(lambda cls, t: cls(t))

    def __repr__(self) -> str:
        return f"Subject({self.id!r}, kind={self.kind!r})"

    @property
    def id(self) -> str:
        return dec(lib.qaward_subject_id(self.handle)) or ""

    @property
    def kind(self) -> str:
        return dec(lib.qaward_subject_kind(self.handle)) or ""

    @property
    def name(self) -> Optional[str]:
        return dec(lib.qaward_subject_name(self.handle))

    def is_secret(self, field: str) -> bool:
        """Whether the applicant marked ``field`` a trade secret (Art. 12; R19)."""
        return bool(lib.qaward_subject_is_secret(self.handle, enc(field)))

    def to_dict(self, public_only: bool = False) -> Dict[str, Any]:
        """The subject in the load format; ``public_only`` drops trade secrets (R19)."""
        p = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_subject_to_json(ctypes.byref(p), self.handle, c.handle, 1 if public_only else 0))
        return json.loads(take_string_ctx(c, p.value))


class SubjectList(Handle):
    """Many subjects loaded from one document (``{"subjects": [...]}`` or a list)."""

    __slots__ = ("_bound",)

    def __init__(self, doc: Union[Sequence[Mapping[str, Any]], Mapping[str, Any], str, bytes]) -> None:
        self._bound: Optional["Policy"] = None
        if isinstance(doc, (list, tuple)):
            doc = {"subjects": list(doc)}
        b = dumps(doc)
        h = ctypes.c_void_p()
        c = ctx()
        c.check(lib.qaward_subject_list_load_json(ctypes.byref(h), c.handle, b, len(b)))
        self._own(h.value, lib.qaward_subject_list_free)

    def bind(self, policy: "Policy") -> "SubjectList":
        """Bind every subject to ``policy`` once (``qaward_subject_list_bind``).

        :meth:`Checker.statuses <qaward.Checker.statuses>` with a checker of that
        policy then takes the library's bound fast path: the same results,
        faster. The list keeps a reference to the policy; do not ``close()``
        the policy while the list is bound to it (``statuses`` refuses then:
        bind again). Binding again replaces the binding. Raises
        :class:`~qaward.errors.InvalidArgumentError` naming the subject's index
        and id when the policy cannot bind one (e.g. an event kind it does not
        know, R18); no subject stays bound then and the list stays usable.
        Returns the list.
        """
        self._bound = None
        c = ctx()
        c.check(lib.qaward_subject_list_bind(self.handle, c.handle, policy.handle))
        self._bound = policy
        return self

    @property
    def bound_policy(self) -> Optional["Policy"]:
        """The policy the list is bound to (:meth:`bind`), or None."""
        return self._bound

    def _check_binding(self) -> None:
        if self._bound is not None and self._bound.closed:
            raise ValueError("SubjectList is bound to a closed Policy: bind it again before checking")

    def __len__(self) -> int:
        return lib.qaward_subject_list_count(self.handle)

    def __getitem__(self, i: int) -> Subject:
        if not 0 <= i < len(self):
            raise IndexError(i)
        return Subject({}, _borrow=lib.qaward_subject_list_get(self.handle, i), _owner=self)

    def __iter__(self) -> Iterator[Subject]:
        for i in range(len(self)):
            yield self[i]

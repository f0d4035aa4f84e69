"""Exceptions mapped from the library's status codes (core.h ``qaward_status``)."""
from __future__ import annotations

from typing import Dict, Optional, Type

__all__ = [
    "QAwardError", "NoMemoryError", "InvalidArgumentError", "ParseError", "SchemaError",
    "RangeError", "NoPolicyError", "NotFoundError", "ExistsError", "StateError",
    "NoRuleError", "CalendarError", "VersionError", "UserCallbackError", "BufferSizeError",
    "InternalError", "error_for",
    "OK", "ENOMEM", "EINVAL", "EPARSE", "ESCHEMA", "ERANGE", "ENOPOLICY", "ENOTFOUND",
    "EEXISTS", "ESTATE", "ENORULE", "ECALENDAR", "EVERSION", "EUSER", "EBUFSIZE", "EINTERNAL",
]

OK = 0
ENOMEM = -1
EINVAL = -2
EPARSE = -3
ESCHEMA = -4
ERANGE = -5
ENOPOLICY = -6
ENOTFOUND = -7
EEXISTS = -8
ESTATE = -9
ENORULE = -10
ECALENDAR = -11
EVERSION = -12
EUSER = -13
EBUFSIZE = -14
EINTERNAL = -15


class QAwardError(Exception):
    """A libqaward call failed.

    ``code`` is the negative status code; ``message`` the detailed message the
    library left on the context (it names the field, JSON path or value).
    """

    code: int = 0

    def __init__(self, message: str, code: Optional[int] = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code}, message={self.message!r})"


class NoMemoryError(QAwardError, MemoryError):
    """QAWARD_ENOMEM: an allocation failed; nothing was changed."""
    code = ENOMEM


class InvalidArgumentError(QAwardError, ValueError):
    """QAWARD_EINVAL: invalid argument."""
    code = EINVAL


class ParseError(QAwardError, ValueError):
    """QAWARD_EPARSE: malformed JSON or date text."""
    code = EPARSE


class SchemaError(QAwardError, ValueError):
    """QAWARD_ESCHEMA: well-formed JSON that breaks its format."""
    code = ESCHEMA


class RangeError(QAwardError, ValueError):
    """QAWARD_ERANGE: a number or date out of range, or inconsistent numbers."""
    code = ERANGE


class NoPolicyError(QAwardError):
    """QAWARD_ENOPOLICY: no policy in force on the date (R17)."""
    code = ENOPOLICY


class NotFoundError(QAwardError, LookupError):
    """QAWARD_ENOTFOUND: a named thing does not exist."""
    code = ENOTFOUND


class ExistsError(QAwardError):
    """QAWARD_EEXISTS: duplicate id, or a cycle already finalised."""
    code = EEXISTS


class StateError(QAwardError):
    """QAWARD_ESTATE: operation not allowed in the current state."""
    code = ESTATE


class NoRuleError(QAwardError):
    """QAWARD_ENORULE: a review rule the computation needs is not set (R14)."""
    code = ENORULE


class CalendarError(QAwardError):
    """QAWARD_ECALENDAR: a date outside the calendar's known years (R16)."""
    code = ECALENDAR


class VersionError(QAwardError):
    """QAWARD_EVERSION: unsupported struct version."""
    code = EVERSION


class UserCallbackError(QAwardError):
    """QAWARD_EUSER: a callback failed (a Python callback's own exception is re-raised instead)."""
    code = EUSER


class BufferSizeError(QAwardError):
    """QAWARD_EBUFSIZE: a buffer is too small."""
    code = EBUFSIZE


class InternalError(QAwardError):
    """QAWARD_EINTERNAL: an internal invariant failed (a library bug)."""
    code = EINTERNAL


_BY_CODE: Dict[int, Type[QAwardError]] = {
    c.code: c for c in (NoMemoryError, InvalidArgumentError, ParseError, SchemaError,
                        RangeError, NoPolicyError, NotFoundError, ExistsError, StateError,
                        NoRuleError, CalendarError, VersionError, UserCallbackError,
                        BufferSizeError, InternalError)
}


def error_for(code: int, message: str) -> QAwardError:
    """The exception for a status code (unknown negative codes give QAwardError)."""
    cls = _BY_CODE.get(code)
    if cls is None:
        return QAwardError(message, code)
    return cls(message)

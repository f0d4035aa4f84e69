"""Python binding of libqaward, the rule engine of government quality awards.

>>> import qaward, datetime
>>> p = qaward.Policy("jian-2023")

See docs/bindings.md for the tour. All dates are ``datetime.date``; money is
integer fen; scores are integer hundredths of a point.
"""
from __future__ import annotations

from decimal import Decimal

from ._lib import library_path, lib
from .errors import *  # noqa: F401,F403
from .errors import QAwardError
from .dates import add_days, add_years, diff_days, in_window, parse_date, weekday
from .store import AwardRecord, MemStore, SanctionRecord, StoreProtocol
from .policy import Policy, Quota
from .review import Composite, ReviewRules
from .subject import Subject, SubjectList
from .eligibility import Checker, Reason, Verdict, check, check_batch, verdict_json
from .scoring import Composites, Scheme, Scores, Sheets
from .cycle import (Bucket, CandidateReason, CandidateResult, Cycle, Finding, SanctionOutcome, apply_sanction,
                    compute_sanction)
from .procedure import QUALIFICATIONS, Calendar, NoticeCheck, Procedure, Refusal, Timeline, validate_timeline


def version() -> str:
    """Version of the loaded library."""
    return lib.qaward_version().decode()


def points(hundredths: int) -> Decimal:
    """Hundredths of a point as an exact Decimal (12345 -> Decimal('123.45'))."""
    return Decimal(hundredths).scaleb(-2)


def yuan(fen: int) -> Decimal:
    """Fen as an exact Decimal of yuan."""
    return Decimal(fen).scaleb(-2)


__version__ = "0.1.0"

"""Working-day calendar (R16) and procedure (Art. 13, 14) from Python."""
import datetime as dt
import json
from pathlib import Path

import pytest

import qaward

from conftest import need

ROOT = Path(__file__).resolve().parents[3]
pytestmark = need("qaward_calendar_builtin")


@pytest.fixture(scope="module")
def cal():
    return qaward.Calendar("cn-2023-2026")


@pytest.fixture(scope="module")
def proc():
    return qaward.Procedure("jian-2023")


def test_r16_working_days_around_national_day(cal):
    assert cal.years == [2023, 2024, 2025, 2026]
    assert cal.is_working_day(dt.date(2025, 9, 30))
    assert not cal.is_working_day(dt.date(2025, 10, 1))      # holiday
    assert not cal.is_working_day("2025-10-08")               # last holiday day
    assert cal.is_working_day("2025-10-11")                   # make-up Saturday
    assert not cal.is_working_day(20251012)                   # Sunday
    assert cal.working_days("2025-09-29", "2025-10-10") == 4
    assert cal.working_days("2025-10-01", "2025-10-01") == 0
    assert cal.notice_end("2025-09-30", 5) == dt.date(2025, 10, 13)
    assert cal.notice_end("2025-10-01", 1) == dt.date(2025, 10, 9)  # count starts at the next working day


def test_r16_unknown_year_is_calendar_error(cal):
    with pytest.raises(qaward.CalendarError) as e:
        cal.is_working_day(dt.date(2027, 1, 4))
    assert e.value.code == qaward.errors.ECALENDAR and "2027" in e.value.message
    with pytest.raises(qaward.CalendarError):
        cal.working_days("2026-12-28", "2027-01-05")
    with pytest.raises(qaward.CalendarError):
        cal.notice_end("2026-12-28", 10)


def test_calendar_bad_input(cal):
    with pytest.raises(qaward.RangeError):
        cal.working_days("2025-10-10", "2025-10-01")
    with pytest.raises(qaward.RangeError):
        cal.notice_end("2025-10-10", 0)
    with pytest.raises(qaward.NotFoundError):
        qaward.Calendar("mars-2025")
    with pytest.raises(qaward.ParseError):
        qaward.Calendar('{"format": ')


def test_calendar_round_trip_and_merge(cal):
    doc = cal.to_dict()
    with qaward.Calendar(doc) as again:
        assert again.years == cal.years
        assert again.working_days("2025-01-01", "2025-12-31") == cal.working_days("2025-01-01", "2025-12-31")


def test_procedure_shape(proc):
    assert proc.id == "jian-2023"
    assert proc.calendar_name == "cn-2023-2026"
    assert proc.notices["candidates"] == 5
    assert proc.stages[0] == "declared" and "vote" in proc.stages
    assert proc.stage_name("vote", "en")
    assert proc.site_review_max_days > 0


def test_notice_check_art13_five_working_days(proc, cal):
    short = proc.notice_check(cal, "candidates", "2025-09-29", "2025-10-10")
    assert (short.working_days, short.satisfied) == (4, False)
    ok = proc.notice_check(cal, "candidates", "2025-09-29", dt.date(2025, 10, 11))
    assert (ok.working_days, ok.satisfied) == (5, True)
    j = proc.notice_check_json(cal, "candidates", "2025-09-29", "2025-10-10")
    assert j["satisfied"] is False and j["earliest_last_day"] == "2025-10-11"
    with pytest.raises(qaward.NotFoundError):
        proc.notice_check(cal, "gossip", "2025-09-29", "2025-10-10")
    with pytest.raises(qaward.CalendarError):
        proc.notice_check(cal, "candidates", "2026-12-28", "2027-01-08")


def test_refusal_letter_art13_3(proc):
    r = qaward.Refusal("吉安示例有限公司")
    with pytest.raises(qaward.StateError):
        r.letter(proc, "2025-07-01")
    r.add_reason("art10_4_iso9001", "第十条（四）", "Art. 10(4)", "质量管理体系运行不满三年",
                 "ISO 9001 not running for three years")
    r.add_reason("art10_6_profit", "第十条（六）", "Art. 10(6)", "缺少2024年度利润数据",
                 "2024 profit not given", unknown=True)
    assert len(r) == 2
    zh = r.letter(proc, dt.date(2025, 7, 1), "zh")
    en = r.letter(proc, dt.date(2025, 7, 1), "en")
    assert "吉安示例有限公司" in zh and "质量管理体系运行不满三年" in zh
    assert "Art. 10(4)" in en
    d = r.to_dict(proc, "2025-07-01")
    assert len(d["reasons"]) == 2
    with pytest.raises(qaward.InvalidArgumentError):
        r.add_reason("", "a", "b", "c", "d")
    r.close()
    with pytest.raises(ValueError):
        len(r)


def test_validate_timeline_documents():
    clean = qaward.validate_timeline((ROOT / "data/examples/timeline-2025-clean.json").read_text())
    assert clean["ok"] is True and clean["violations"] == []
    bad = qaward.validate_timeline(json.loads((ROOT / "data/examples/timeline-2025.json").read_text()))
    assert bad["ok"] is False and len(bad["violations"]) >= 1
    with pytest.raises(qaward.ParseError):
        qaward.validate_timeline("{")

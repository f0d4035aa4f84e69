import datetime as dt

import pytest
from hypothesis import given, strategies as st

import qaward
from qaward import errors


def test_version_matches_package():
    assert qaward.version() == "0.1.0"


def test_r1_feb29_maps_to_feb28():
    assert qaward.add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert qaward.add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


def test_r2_window_edges_day_before_of_after():
    start = dt.date(2020, 3, 15)
    assert not qaward.in_window(dt.date(2020, 3, 14), start, 5)
    assert qaward.in_window(dt.date(2020, 3, 15), start, 5)
    assert qaward.in_window(dt.date(2025, 3, 14), start, 5)
    assert not qaward.in_window(dt.date(2025, 3, 15), start, 5)


def test_parse_strict_iso_errors_carry_code_and_message():
    with pytest.raises(errors.ParseError) as ei:
        qaward.parse_date("2025-4-1")
    assert ei.value.code == errors.EPARSE == -3
    assert "2025-4-1" in str(ei.value)
    assert isinstance(ei.value, ValueError) and isinstance(ei.value, qaward.QAwardError)
    with pytest.raises(errors.InvalidArgumentError):
        qaward.parse_date("2025-02-30")


def test_datetime_rejected_as_civil_date():
    with pytest.raises(TypeError):
        qaward.in_window(dt.datetime(2025, 1, 1), dt.date(2020, 1, 1), 5)


def test_weekday_and_diff():
    assert qaward.weekday(dt.date(2025, 4, 1)) == 2  # a Tuesday
    assert qaward.diff_days("2024-01-01", "2025-01-01") == 366


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2900, 12, 31))


@given(start=dates, years=st.integers(0, 50))
def test_prop_r2_window_half_open(start, years):
    end = qaward.add_years(start, years)
    assert qaward.in_window(start, start, years) == (years > 0)
    assert not qaward.in_window(end, start, years)
    assert not qaward.in_window(start - dt.timedelta(days=1), start, years)
    if years > 0:
        assert qaward.in_window(end - dt.timedelta(days=1), start, years)


@given(d=dates, n=st.integers(-3000, 3000))
def test_prop_add_days_agrees_with_python(d, n):
    assert qaward.add_days(d, n) == d + dt.timedelta(days=n)
    assert qaward.diff_days(d, d + dt.timedelta(days=n)) == n

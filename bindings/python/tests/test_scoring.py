"""Scoring through the binding: sample sheets, composites, and bounds as properties."""
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import qaward
from qaward import errors

from conftest import need

ROOT = Path(__file__).resolve().parents[3]
pytestmark = need("qaward_scores_compute")


@pytest.fixture(scope="module")
def scheme():
    return qaward.Scheme("gbt19580-2012")


def test_gbt19580_total_1000_points(scheme):
    assert scheme.total_points == 1000
    assert scheme.step == 5
    assert sum(scheme.categories().values()) == 1000
    assert len(scheme.items()) == 23


def test_sample_sheets_composites_art13(scheme):
    rules = qaward.ReviewRules("jian-2025-example")
    sheets = qaward.Sheets.from_json(scheme, (ROOT / "data/examples/sheets-2025.json").read_text())
    scores = sheets.compute(rules)
    results = list(scores)
    assert results and all(0 <= r.total <= 100000 for r in results)
    comps = qaward.Composites(rules, [scores])
    assert len(comps) == 3
    for c in comps:
        assert c.status in ("ok", "gate_failed", "incomplete")
        assert 0 <= c.composite <= 100000


def test_single_sheet_item_score_exact(scheme):
    # 4.4.3 has 15 points: 35 % is 5.25 points = 525 hundredths, no rounding
    sheets = qaward.Sheets(scheme)
    full = {it.id: 0 for it in scheme.items()}
    sheets.add("A", "material", "x1", dict(full, **{"4.4.3": 35}))
    r = sheets.compute().find("A", "material")
    assert r.items["4.4.3"] == 525
    assert r.total == 525


def test_off_step_percentage_is_range_error_naming_item(scheme):
    sheets = qaward.Sheets(scheme)
    with pytest.raises(errors.RangeError) as ei:
        sheets.add("A", "material", "x1", {"4.1.2": 33})
    assert "4.1.2" in str(ei.value)


def test_r14_missing_aggregation_rule_is_norule(scheme):
    sheets = qaward.Sheets(scheme)
    full = {it.id: 50 for it in scheme.items()}
    sheets.add("A", "material", "x1", full)
    sheets.add("A", "material", "x2", full)
    with pytest.raises(errors.NoRuleError):
        sheets.compute()


ITEMS = None


@settings(max_examples=60, deadline=None)
@given(data=st.data(), n=st.integers(1, 6), method=st.sampled_from(["mean", "median", "trimmed_mean"]))
def test_prop_scores_within_bounds(scheme, data, n, method):
    global ITEMS
    if ITEMS is None:
        ITEMS = scheme.items()
    sheets = qaward.Sheets(scheme)
    for a in range(n):
        pcts = {it.id: data.draw(st.integers(0, 20)) * 5 for it in ITEMS}
        sheets.add("S", "material", f"as{a}", pcts)
    if method == "trimmed_mean" and n < 3:
        method = "mean"
    r = sheets.compute(aggregation=method).find("S", "material")
    pts = {it.id: it.points for it in ITEMS}
    for iid, v in r.items.items():
        assert 0 <= v <= pts[iid] * 100
    assert 0 <= r.total <= 100000
    assert r.process + r.results == r.total
    assert sum(r.categories.values()) == r.total

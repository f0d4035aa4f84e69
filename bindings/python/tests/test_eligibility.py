"""Eligibility through the binding: verdicts, reasons, store callbacks, batch."""
import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import qaward
from qaward import errors
from qaward.store import AwardRecord, SanctionRecord

from conftest import need

ROOT = Path(__file__).resolve().parents[3]
SUBJECTS = json.loads((ROOT / "examples/data/subjects.json").read_text(encoding="utf-8"))["subjects"]
ORG = SUBJECTS[0]
AS_OF = dt.date(2025, 4, 1)

pytestmark = need("qaward_check")


@pytest.fixture(scope="module")
def policy():
    return qaward.Policy("jian-2023")


def test_example_org_eligible_with_a_reason_per_check(policy):
    v = qaward.check(policy, ORG, AS_OF)
    assert v.status == "eligible", [(r.rule, r.outcome, r.message_en) for r in v.failing()]
    assert v.eligible and v.earliest == AS_OF and v.as_of == AS_OF
    rules = {r.rule for r in v.reasons}
    assert "art10_2_operating_3_years" in rules
    r = next(r for r in v.reasons if r.rule == "art10_4_management_system_3_years")
    assert r.citation_zh == "第十条（四）" and r.citation_en == "Art. 10(4)"
    assert r.message_en and r.message_zh


def test_r3_operating_three_years_boundary_day_before_of_after(policy):
    org = dict(ORG, registration_date="2022-04-01")
    for as_of, want in ((dt.date(2025, 3, 31), "fail"), (dt.date(2025, 4, 1), "pass"), (dt.date(2025, 4, 2), "pass")):
        v = qaward.check(policy, org, as_of)
        r = next(r for r in v.reasons if r.rule == "art10_2_operating_3_years")
        assert r.outcome == want, (as_of, r)
        if want == "fail":
            assert r.earliest == dt.date(2025, 4, 1)


def test_r5_missing_attestation_is_incomplete_never_pass(policy):
    org = copy.deepcopy(ORG)
    del org["attestations"]["good_reputation"]
    v = qaward.check(policy, org, AS_OF)
    assert v.status == "incomplete"
    assert [r.rule for r in v.failing()] == ["art10_6_reputation"]


def test_r17_no_policy_in_force_is_typed_error(policy):
    with pytest.raises(errors.NoPolicyError) as ei:
        qaward.check(policy, ORG, dt.date(2023, 2, 4))
    assert ei.value.code == -6


class ListStore:
    def __init__(self, records):
        self.records = records
        self.reads = []

    def read(self, subject_id):
        self.reads.append(subject_id)
        return [r for r in self.records if r.subject_id == subject_id]


def test_r7_wait_read_through_python_store(policy):
    st_ = ListStore([AwardRecord("ORG-EX-1", "award", "organization", dt.date(2021, 12, 20), "2021")])
    v = qaward.check(policy, ORG, AS_OF, store=st_)
    assert st_.reads == ["ORG-EX-1"]
    assert v.status == "ineligible"
    wait = [r for r in v.failing() if r.type == "wait"]
    assert wait and wait[0].earliest == dt.date(2027, 1, 1)


def test_r9_false_materials_ban_edges_via_memstore(policy):
    with qaward.MemStore() as ms:
        ms.add(SanctionRecord("ORG-EX-1", "false_materials", dt.date(2022, 3, 15)))
        for as_of, want in ((dt.date(2027, 3, 14), "ineligible"), (dt.date(2027, 3, 15), "eligible")):
            assert qaward.check(policy, ORG, as_of, store=ms).status == want


class Exploding:
    def read(self, subject_id):
        raise KeyError(f"no row for {subject_id}")


def test_store_exception_reaches_caller_unchanged(policy):
    with pytest.raises(KeyError, match="ORG-EX-1"):
        qaward.check(policy, ORG, AS_OF, store=Exploding())
    # the context is usable afterwards
    assert qaward.check(policy, ORG, AS_OF).eligible


def test_store_returning_bad_record_is_type_error(policy):
    class Bad:
        def read(self, sid):
            return ["not a record"]
    with pytest.raises(TypeError, match="item 0"):
        qaward.check(policy, ORG, AS_OF, store=Bad())


@need("qaward_check_batch_json")
def test_batch_matches_single_checks(policy):
    subjects = [dict(ORG, id=f"B{i}", registration_date=f"20{15 + i % 10:02d}-04-01") for i in range(40)]
    batch = qaward.check_batch(policy, subjects, AS_OF)
    assert len(batch) == 40
    for s, b in zip(subjects, batch):
        assert b["status"] == qaward.check(policy, s, AS_OF).status


@need("qaward_checker_fast")
def test_checker_fast_agrees_with_check(policy):
    subj = qaward.Subject(SUBJECTS[1])
    with qaward.Checker(policy) as ch:
        status, earliest, bad = ch.fast(subj, AS_OF)
        v = qaward.check(policy, subj, AS_OF)
        assert status == v.status and earliest == v.earliest
        assert [rule for rule, _ in bad] == [r.rule for r in v.failing()]


@settings(max_examples=80, deadline=None)
@given(reg=st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31)), as_of=st.dates(dt.date(2023, 2, 5), dt.date(2030, 12, 31)))
def test_prop_r2_r3_operating_years_window_edge(policy, reg, as_of):
    v = qaward.check(policy, dict(ORG, registration_date=reg.isoformat()), as_of)
    r = next(r for r in v.reasons if r.rule == "art10_2_operating_3_years")
    holds = qaward.add_years(reg, 3) <= as_of
    assert r.outcome == ("pass" if holds else "fail")
    if not holds:
        assert r.earliest == qaward.add_years(reg, 3)


@need("qaward_checker_fast")
def test_checker_statuses_over_loaded_batch_match_check(policy):
    subjects = [dict(ORG, id=f"L{i}", registration_date=f"20{15 + i % 10:02d}-04-01") for i in range(30)]
    lst = qaward.SubjectList(subjects)
    with qaward.Checker(policy) as ch:
        for as_of in (dt.date(2025, 4, 1), dt.date(2026, 4, 1)):
            codes = ch.statuses(lst, as_of)
            assert [qaward.eligibility.STATUS[c] for c in codes] == \
                [qaward.check(policy, s, as_of).status for s in subjects]


@need("qaward_checker_fast")
def test_checker_with_python_store_propagates_exception(policy):
    lst = qaward.SubjectList([ORG])
    with qaward.Checker(policy, store=Exploding()) as ch:
        with pytest.raises(KeyError):
            ch.statuses(lst, AS_OF)


@need("qaward_checker_fast_list")
def test_statuses_one_call_per_batch_list_and_sequence_with_earliest(policy):
    subjects = [dict(ORG, id=f"M{i}", registration_date=f"20{15 + i % 10:02d}-04-01") for i in range(12)]
    lst = qaward.SubjectList(subjects)
    items = list(lst)
    with qaward.Checker(policy) as ch:
        a = ch.statuses(lst, AS_OF)
        b = ch.statuses(items, AS_OF)  # qaward_checker_fast_many over a handle array
        assert a.typecode == "i" and list(a) == list(b)
        st, ear = ch.statuses_and_earliest(lst, AS_OF)
        assert list(st) == list(a)
        for s, e in zip(subjects, ear):
            assert e == qaward.check(policy, s, AS_OF).earliest
        assert len(ch.statuses([], AS_OF)) == 0

"""SubjectList.bind (qaward_subject_list_bind): a bound list's statuses equal the
unbound list's and full checks (R5) on the sample applicants; a subject the policy
cannot bind (R18: unknown event kind) is named by index and id, the list stays usable."""
import datetime as dt
import json
from pathlib import Path

import pytest

import qaward
from qaward import errors

from conftest import need

ROOT = Path(__file__).resolve().parents[3]
DOC = json.loads((ROOT / "data/examples/applicants.json").read_text(encoding="utf-8"))
HISTORY = (ROOT / "data/examples/history.json").read_text(encoding="utf-8")
# a day before, of and after jinggang's 3 years (Art. 10(2), R2: 2025-10-01) and li-na's R7 date
DATES = [dt.date(2025, 4, 1), dt.date(2025, 9, 30), dt.date(2025, 10, 1), dt.date(2025, 10, 2),
         dt.date(2026, 7, 12), dt.date(2027, 2, 2), dt.date(2027, 2, 3)]

pytestmark = need("qaward_subject_list_bind")


@pytest.fixture(scope="module")
def policy():
    return qaward.Policy("jian-2023")


def test_r5_bound_list_statuses_equal_unbound_and_full_check(policy):
    ms = qaward.MemStore(HISTORY)
    plain = qaward.SubjectList(DOC)
    bound = qaward.SubjectList(DOC)
    assert bound.bound_policy is None
    assert bound.bind(policy) is bound and bound.bound_policy is policy
    assert len(bound) == 14
    subjects = DOC["subjects"]
    with qaward.Checker(policy, ms) as ch:
        for d in DATES:
            sb, eb = ch.statuses_and_earliest(bound, d)
            su, eu = ch.statuses_and_earliest(plain, d)
            assert list(sb) == list(su) and eb == eu, d
            full = [qaward.check(policy, s, d, ms) for s in subjects]
            assert [qaward.eligibility.STATUS[x] for x in sb] == [v.status for v in full], d
            assert eb == [v.earliest for v in full], d
            assert list(ch.statuses(bound, d)) == list(sb)
            # a plain sequence of the bound list's subjects (qaward_checker_fast_many) too
            assert list(ch.statuses(list(bound), d)) == list(sb)
        # the sample's values (Art. 10(2): org-jinggang-newmaterials reaches 3 years on 2025-10-01)
        st, ear = ch.statuses_and_earliest(bound, dt.date(2025, 9, 30))
        assert bound[1].id == "org-jinggang-newmaterials"
        assert qaward.eligibility.STATUS[st[1]] == "ineligible" and ear[1] == dt.date(2025, 10, 1)
        assert qaward.eligibility.STATUS[st[5]] == "incomplete"  # org-taihe-textiles (R5)
        assert ear[11] == dt.date(2027, 2, 3)  # ind-li-na (R7)
        assert qaward.eligibility.STATUS[ch.statuses(bound, dt.date(2025, 10, 1))[1]] == "eligible"
        # binding again, and a checker on another policy (ordinary path): the same results
        bound.bind(policy)
        with qaward.Policy("jian-2023") as other, qaward.Checker(other, ms) as ch2:
            assert list(ch2.statuses(bound, DATES[0])) == list(ch.statuses(plain, DATES[0]))


def test_r18_unbindable_subject_named_by_index_and_id_list_stays_usable(policy):
    subjects = [
        {"id": "ORG-A", "kind": "organization", "events": []},
        {"id": "ORG-B", "kind": "organization", "events": []},
        {"id": "ORG-C", "kind": "organization", "events": [{"kind": "meteor_strike", "date": "2024-01-02"}]},
    ]
    lst = qaward.SubjectList(subjects)
    with pytest.raises(errors.InvalidArgumentError) as ei:
        lst.bind(policy)
    assert ei.value.code == errors.EINVAL
    assert 'subjects[2] (id "ORG-C")' in ei.value.message and "meteor_strike" in ei.value.message
    assert lst.bound_policy is None
    with qaward.Checker(policy) as ch:
        with pytest.raises(errors.InvalidArgumentError, match="meteor_strike"):
            ch.statuses(lst, dt.date(2025, 4, 1))  # as on an unbound list
        ok = qaward.SubjectList(subjects[:2]).bind(policy)
        assert [qaward.eligibility.STATUS[x] for x in ch.statuses(ok, dt.date(2025, 4, 1))] == \
            ["incomplete", "incomplete"]


def test_list_bound_to_closed_policy_refused_until_bound_again():
    p = qaward.Policy("jian-2023")
    lst = qaward.SubjectList(DOC).bind(p)
    p.close()
    with qaward.Policy("jian-2023") as p2, qaward.Checker(p2) as ch:
        with pytest.raises(ValueError, match="closed Policy"):
            ch.statuses(lst, dt.date(2025, 4, 1))
        lst.bind(p2)
        assert len(ch.statuses(lst, dt.date(2025, 4, 1))) == 14

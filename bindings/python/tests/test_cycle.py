"""The cycle (Art. 4, 5, 13, 15; R8, R12, R13, R19) and sanctions (Art. 20, 22; R9-R11) from Python."""
import datetime as dt
from pathlib import Path
from typing import List

import pytest

import qaward
from qaward import AwardRecord, Finding, SanctionRecord

from conftest import need

ROOT = Path(__file__).resolve().parents[3]
CYCLE_DOC = ROOT / "data" / "examples" / "cycle-2025.json"

pytestmark = need("qaward_cycle_load_json")


class Boom(Exception):
    pass


class ListStore:
    """A Python store: history in a list, a transaction buffer, rollback observed."""

    def __init__(self, history=(), fail_on_write: int = 0, fail_on: str = ""):
        self.history = list(history)
        self.committed: List[object] = []
        self.pending: List[object] = []
        self.log: List[str] = []
        self.finalised = set()
        self.fail_on_write = fail_on_write
        self.fail_on = fail_on

    def _step(self, what):
        self.log.append(what)
        if what == self.fail_on:
            raise Boom(what)

    def read(self, subject_id):
        self._step("read")
        return [r for r in self.history + self.committed if r.subject_id == subject_id]

    def cycle_finalised(self, cycle_id):
        self._step("cycle_finalised")
        return cycle_id in self.finalised

    def begin(self):
        self._step("begin")
        self.pending = []

    def write_award(self, rec):
        self._step("write_award")
        self.pending.append(rec)
        if self.fail_on_write and len(self.pending) == self.fail_on_write:
            raise Boom(f"write {self.fail_on_write} refused")

    def write_sanction(self, rec):
        self._step("write_sanction")
        self.pending.append(rec)

    def revoke_award(self, subject_id, award_date, revoked_on):
        self._step("revoke_award")
        self.pending.append(("revoke", subject_id, award_date, revoked_on))

    def commit(self):
        self._step("commit")
        self.committed += self.pending
        self.pending = []
        for r in self.committed:
            if isinstance(r, AwardRecord) and r.cycle_id:
                self.finalised.add(r.cycle_id)

    def rollback(self):
        self.log.append("rollback")
        self.pending = []


@pytest.fixture
def cycle():
    with qaward.Cycle.load(CYCLE_DOC) as c:
        yield c


def decide_sample_tie(c: qaward.Cycle) -> None:
    ties = c.ties()
    assert [t.subject_id for t in ties] == ["ORG-04", "ORG-05"]
    c.decide_tie("ORG-04", True)
    c.decide_tie("ORG-05", False)
    c.run()


def test_load_and_identity(cycle):
    assert cycle.id == "2025"
    assert cycle.decision_date == dt.date(2025, 12, 18)
    assert cycle.policy.id == "jian-2023"
    assert len(cycle) == 18 and cycle.subject_ids[0] == "ORG-01"
    assert cycle.index("ORG-03") == 2
    with pytest.raises(qaward.NotFoundError):
        cycle.index("NOPE")
    with pytest.raises(IndexError):
        cycle.candidate(99)
    assert not cycle.is_run


def test_load_errors_name_the_path():
    with pytest.raises(qaward.ParseError):
        qaward.Cycle.load('{"format": ')
    with pytest.raises(qaward.SchemaError) as e:
        qaward.Cycle.load({"format": "qaward-cycle/1", "bogus": 1})
    assert "$" in e.value.message


def test_run_buckets_outcomes_and_budget(cycle):
    with pytest.raises(qaward.StateError):
        cycle.buckets()
    cycle.run()
    assert cycle.is_run
    b = cycle.buckets()
    assert [(x.level, x.kinds, x.max, x.placed, x.tied) for x in b] == [
        ("award", ("organization",), 3, 2, 1), ("award", ("individual",), 3, 2, 0),
        ("nomination", ("organization",), 3, 2, 0), ("nomination", ("individual",), 3, 2, 0)]
    r = {x.subject_id: x for x in cycle.results()}
    assert r["ORG-01"].outcome == "awarded" and r["ORG-01"].prize_fen == 50_000_000
    assert r["ORG-01"].composite == 84900 and r["ORG-01"].rank == 1 and r["ORG-01"].vote == "passed"
    assert r["ORG-02"].outcome == "rewin" and r["ORG-02"].prize_fen == 0          # R8
    assert r["ORG-04"].outcome == r["ORG-05"].outcome == "tie"                   # R12
    assert r["ORG-08"].outcome == "below_min"
    assert r["ORG-10"].outcome == "refused"
    assert r["IND-05"].outcome == "vote_failed"
    assert cycle.prize_total_fen == sum(x.prize_total_fen for x in b) == sum(x.prize_fen for x in r.values())
    assert cycle.prize_total_fen == 114_000_000


def test_reports_json_text_zh_en_and_public(cycle):
    with pytest.raises(qaward.StateError):
        cycle.report()
    cycle.run()
    rep = cycle.report()
    assert rep["format"] == "qaward-cycle-report/1" and rep["version"] == "reviewers"
    assert cycle.to_dict() == rep
    secret = "五轴联动"
    assert secret in cycle.report("text", "zh")
    en = cycle.report("text", "en")
    assert "Tie at the last place (R12)" in en and secret in en
    pub = cycle.public_report()
    assert pub["version"] != "reviewers"
    import json
    assert secret not in json.dumps(pub, ensure_ascii=False)
    assert secret not in cycle.report("text", "en", public=True)
    with pytest.raises(ValueError):
        cycle.report("xml")


def test_finalise_refuses_an_open_tie_then_writes_own_store(cycle):
    cycle.run()
    before = len(cycle.own_store()["awards"])
    with pytest.raises(qaward.StateError) as e:
        cycle.finalise()
    assert "ORG-04" in e.value.message and "R12" in e.value.message
    decide_sample_tie(cycle)
    assert cycle.candidate("ORG-04").outcome == "awarded"
    org5 = cycle.candidate("ORG-05")  # passed down to the next level (R12)
    assert (org5.outcome, org5.level) == ("awarded", "nomination")
    cycle.finalise()
    awards = cycle.own_store()["awards"]
    assert len(awards) - before == 11  # 9 placed + ... winners and re-winners of the four buckets
    with pytest.raises(qaward.ExistsError):
        cycle.finalise()


def test_finalise_through_a_python_store(cycle):
    decide_sample_tie(cycle.run())
    st = ListStore()
    cycle.finalise(st)
    assert st.log[:2] == ["cycle_finalised", "begin"] and st.log[-1] == "commit"
    recs = [r for r in st.committed if isinstance(r, AwardRecord)]
    assert {r.subject_id for r in recs} >= {"ORG-01", "ORG-02", "ORG-03", "ORG-04", "IND-01"}
    org2 = next(r for r in recs if r.subject_id == "ORG-02")
    assert org2.re_win and org2.prize_fen == 0 and org2.award_date == dt.date(2025, 12, 18)
    assert sum(r.prize_fen for r in recs) == cycle.prize_total_fen
    with pytest.raises(qaward.ExistsError):  # the store says cycle 2025 is finalised
        cycle.finalise(st)


@pytest.mark.parametrize("k", [1, 2, 5])
def test_store_exception_reraised_after_rollback(cycle, k):
    decide_sample_tie(cycle.run())
    st = ListStore(fail_on_write=k)
    with pytest.raises(Boom, match=f"write {k} refused"):
        cycle.finalise(st)
    assert st.log[-1] == "rollback" and "commit" not in st.log
    assert st.committed == [] and st.pending == []
    st.fail_on_write = 0
    cycle.finalise(st)  # nothing was finalised: a retry succeeds
    assert st.committed


def test_store_exception_in_begin_and_read(cycle):
    decide_sample_tie(cycle.run())
    st = ListStore(fail_on="begin")
    with pytest.raises(Boom):
        cycle.finalise(st)
    assert st.committed == []
    with pytest.raises(Boom):
        cycle.run(ListStore(fail_on="read"))


def test_finalise_through_memstore(cycle):
    decide_sample_tie(cycle.run())
    with qaward.MemStore() as ms:
        cycle.finalise(ms)
        assert ms.award_count == 11


def test_cycle_built_by_hand_r8_rewinner_from_python_history():
    p = qaward.Policy("jian-2023")
    rules = qaward.ReviewRules("jian-2025-example")
    c = qaward.Cycle(p, rules, "2025", dt.date(2025, 12, 18))
    for i, comp in enumerate([90000, 85000, 80000, 75000, 70000]):
        c.add_candidate(f"O{i}", "organization", f"Org {i}", verdict="eligible", composite=comp)
    c.add_candidate("X", "organization", verdict="ineligible")
    c.add_reason("X", "art10_1_registration", "第十条", "注册不满", "registered too recently")
    hist = [AwardRecord("O0", "award", "organization", dt.date(2019, 12, 20), cycle_id="2019")]
    c.run(ListStore(hist))
    r = {x.subject_id: x for x in c}
    assert r["O0"].outcome == "rewin" and r["O0"].prize_fen == 0
    assert [r[f"O{i}"].outcome for i in (1, 2, 3)] == ["awarded"] * 3
    assert r["O4"].level == "nomination" and r["O4"].outcome == "awarded"
    assert r["X"].outcome == "refused"
    assert "registered too recently" in c.report("text", "en")
    with pytest.raises(TypeError):
        c.set_composite(0, 850.5)  # no floats: hundredths as int
    with pytest.raises(qaward.RangeError):
        c.set_composite(0, -1)
    with pytest.raises(ValueError):
        c.set_verdict(0, "maybe")
    with pytest.raises(qaward.ExistsError):
        c.add_candidate("O1", "organization")
    with pytest.raises(qaward.NotFoundError):
        c.add_candidate("R", "robot")


def test_run_without_verdict_is_state_error():
    c = qaward.Cycle(qaward.Policy(), qaward.ReviewRules("jian-2025-example"), "2025", "2025-12-18")
    c.add_candidate("A", "organization")
    with pytest.raises(qaward.StateError):
        c.run()


def test_cycle_new_outside_policy_validity_r17():
    with pytest.raises(qaward.NoPolicyError):
        qaward.Cycle(qaward.Policy(), None, "2010", dt.date(2010, 12, 1))


# ---- sanctions -------------------------------------------------------------------

AWARD_2021 = AwardRecord("ORG-W", "award", "organization", dt.date(2021, 12, 20), cycle_id="2021",
                         prize_fen=50_000_000)


def test_sanction_compute_r9_ban_five_years():
    p = qaward.Policy()
    o = qaward.compute_sanction(p, Finding("ORG-B", "false_materials", dt.date(2025, 5, 1)))
    assert (o.ban_from, o.ban_until) == (dt.date(2025, 5, 1), dt.date(2030, 5, 1))
    assert not o.revokes and o.citation_zh


def test_sanction_apply_revokes_through_python_store_r10():
    p = qaward.Policy()
    kinds = p.rule_ids("organization") if hasattr(p, "rule_ids") else []
    st = ListStore([AWARD_2021])
    f = Finding("ORG-W", "false_materials", dt.date(2025, 5, 1))
    o = qaward.apply_sanction(p, f, st)
    assert st.log[-1] == "commit"
    sanc = [r for r in st.committed if isinstance(r, SanctionRecord)]
    assert len(sanc) == 1 and sanc[0].ban_until == o.ban_until
    if o.revokes:
        assert ("revoke", "ORG-W", dt.date(2021, 12, 20), dt.date(2025, 5, 1)) in st.committed
    assert kinds is not None


def test_sanction_apply_exception_reraised_and_rolled_back():
    st = ListStore([AWARD_2021], fail_on="write_sanction")
    with pytest.raises(Boom):
        qaward.apply_sanction(qaward.Policy(), Finding("ORG-W", "false_materials", dt.date(2025, 5, 1)), st)
    assert st.log[-1] == "rollback" and st.committed == []


def test_sanction_bad_kind_names_it():
    with pytest.raises(qaward.NotFoundError) as e:
        qaward.compute_sanction(qaward.Policy(), Finding("S", "littering", dt.date(2025, 5, 1)))
    assert "littering" in e.value.message


@need("qaward_cycle_set_subject")
def test_candidates_given_as_facts_are_checked_r5():
    import json
    subjects = json.loads((ROOT / "examples" / "data" / "subjects.json").read_text())["subjects"]
    c = qaward.Cycle(qaward.Policy(), qaward.ReviewRules("jian-2025-example"), "2025", dt.date(2025, 12, 18))
    c.as_of = dt.date(2025, 4, 1)
    assert c.as_of == dt.date(2025, 4, 1)
    for s in subjects:
        i = c.add_candidate(s["id"], s["kind"], composite=80000)
        c.set_subject(i, s)
    c.check_candidates()
    want = [qaward.check(qaward.Policy(), s, dt.date(2025, 4, 1)).status for s in subjects]
    assert [r.verdict for r in c.results()] == want


@need("qaward_cycle_apply_verdict")
def test_apply_verdict_sets_outcome_and_written_reasons_art13_3():
    import json
    subjects = json.loads((ROOT / "examples" / "data" / "subjects.json").read_text())["subjects"]
    policy = qaward.Policy()
    c = qaward.Cycle(policy, qaward.ReviewRules("jian-2025-example"), "2025", dt.date(2025, 12, 18))
    with pytest.raises(qaward.errors.StateError):
        c.add_candidate(subjects[0]["id"], subjects[0]["kind"], composite=80000)
        c.apply_verdict(0, subjects[0])                     # no as_of anywhere
    checker = qaward.Checker(policy)
    for k, s in enumerate(subjects):
        i = k if k == 0 else c.add_candidate(s["id"], s["kind"], composite=80000)
        v = c.apply_verdict(i, s, dt.date(2025, 4, 1), checker=checker if k % 2 else None)
        assert c.candidate(i).verdict == v.status
        not_passed = [r.rule for r in v.reasons if r.outcome in ("fail", "unknown")]
        got = c.reasons(i)
        assert [r.rule_id for r in got] == not_passed
        for r in got:
            assert r.message_zh and r.message_en
    assert any(c.reasons(i) for i in range(len(c)))       # the sample has refused subjects
    other = dict(subjects[1], id="SOMEONE-ELSE")
    with pytest.raises(qaward.errors.InvalidArgumentError):
        c.apply_verdict(0, other, dt.date(2025, 4, 1))      # another subject's verdict


@need("qaward_cycle_apply_verdict")
def test_apply_verdict_store_exception_propagates():
    import json
    s = json.loads((ROOT / "examples" / "data" / "subjects.json").read_text())["subjects"][0]
    c = qaward.Cycle(qaward.Policy(), None, "2025", dt.date(2025, 12, 18))
    c.add_candidate(s["id"], s["kind"])

    class Bad:
        def read(self, sid):
            raise Boom(sid)
    with pytest.raises(Boom):
        c.apply_verdict(0, s, dt.date(2025, 4, 1), store=Bad())
    assert c.candidate(0).verdict == "unset"

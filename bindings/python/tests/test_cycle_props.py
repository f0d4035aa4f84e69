"""Property tests of the cycle (issue 6): quotas are never exceeded (Art. 4), re-winners stay
outside them with no prize (R8), the prize total is the sum of the prizes (R13, Art. 15), and a
tie at the last place is reported for the leading group, never cut (R12)."""
import datetime as dt
from collections import defaultdict

from hypothesis import HealthCheck, given, settings, strategies as st

import qaward
from qaward import AwardRecord

from conftest import need

pytestmark = need("qaward_cycle_run")

POLICY = qaward.Policy("jian-2023")
RULES = qaward.ReviewRules("jian-2025-example")
DECISION = dt.date(2025, 12, 18)
# composites in hundredths; few distinct values so that ties are frequent
ORG_SCORES = st.sampled_from([45000, 50000, 55000, 60000, 61000, 65000, 70000, 70000, 80000, 90000])
IND_SCORES = st.sampled_from([5500, 6000, 6500, 7000, 7100, 7500, 8000, 9000])

candidate = st.one_of(
    st.tuples(st.just("organization"), ORG_SCORES, st.booleans()),
    st.tuples(st.just("individual"), IND_SCORES, st.booleans()),
)


class History:
    def __init__(self, recs):
        self.recs = recs

    def read(self, subject_id):
        return [r for r in self.recs if r.subject_id == subject_id]


def build(cands):
    c = qaward.Cycle(POLICY, RULES, "2025", DECISION)
    hist = []
    for i, (kind, comp, earlier_win) in enumerate(cands):
        sid = f"S{i:03d}"
        c.add_candidate(sid, kind, verdict="eligible", composite=comp)
        if earlier_win:  # an earlier main award (R8): outside the quota if placed again
            hist.append(AwardRecord(sid, "award", kind, dt.date(2017, 12, 20), cycle_id="2017"))
    return c, History(hist)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(candidate, min_size=0, max_size=25))
def test_quotas_never_exceeded_and_prizes_add_up(cands):
    c, store = build(cands)
    c.run(store)
    res = c.results()
    buckets = c.buckets()
    total = 0
    for b in buckets:
        members = [r for r in res if r.level == b.level and r.kind in b.kinds]
        placed = [r for r in members if r.outcome == "awarded"]
        rewins = [r for r in members if r.outcome == "rewin"]
        assert b.placed == len(placed) <= b.max                       # Art. 4
        assert b.placed + b.tied <= b.max
        assert all(r.prize_fen == 0 for r in rewins)                   # R8: no prize, outside the count
        for r in placed:
            assert r.prize_fen == POLICY.prize_fen(b.level, r.kind)   # R13
        assert b.prize_total_fen == sum(r.prize_fen for r in placed)
        total += b.prize_total_fen
    assert c.prize_total_fen == total == sum(r.prize_fen for r in res)  # Art. 15 budget
    # every candidate gets a decided outcome
    assert all(r.outcome in ("awarded", "rewin", "tie", "quota_full", "below_min") for r in res)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(candidate, min_size=0, max_size=25))
def test_tie_at_last_place_is_reported_not_cut(cands):
    c, store = build(cands)
    c.run(store)
    res = c.results()
    for b in c.buckets():
        members = [r for r in res if r.kind in b.kinds]
        placed = [r for r in members if r.level == b.level and r.outcome == "awarded"]
        tied = [r for r in members if r.level == b.level and r.outcome == "tie"]
        if b.tied:
            # more candidates than places share one composite, all below every placed one
            assert len(tied) > b.tied
            assert len({r.composite for r in tied}) == 1
            assert all(p.composite > tied[0].composite for p in placed)
        else:
            assert not tied
        # no cut: nobody left out of this level has the composite of someone placed in it
        placed_scores = {r.composite for r in placed}
        left_out = [r for r in members if r.outcome in ("quota_full",) or
                    (r.outcome in ("awarded", "tie") and r.level != b.level and
                     _rank(r.level) > _rank(b.level))]
        assert not [r for r in left_out if r.composite in placed_scores], (b, placed, left_out)


def _rank(level):
    return POLICY.levels.index(level)


def test_all_equal_at_the_last_place_are_all_tied():
    c = qaward.Cycle(POLICY, RULES, "2025", DECISION)
    for i in range(2):
        c.add_candidate(f"TOP{i}", "organization", verdict="eligible", composite=90000 - i)
    for i in range(3):
        c.add_candidate(f"EQ{i}", "organization", verdict="eligible", composite=70000)
    c.run()
    award = c.buckets()[0]
    assert (award.placed, award.tied) == (2, 1)
    assert [r.subject_id for r in c.ties()] == ["EQ0", "EQ1", "EQ2"]
    # the group decides: one placed, the others pass down (R12)
    c.decide_tie("EQ1", True)
    c.decide_tie("EQ0", False)
    c.decide_tie("EQ2", False)
    c.run()
    assert c.candidate("EQ1").outcome == "awarded" and c.candidate("EQ1").level == "award"
    assert {c.candidate(x).level for x in ("EQ0", "EQ2")} == {"nomination"}

"""The stateful procedure timeline (R15; Art. 13, 14; R19) from Python."""
import datetime as dt
from pathlib import Path

import pytest

import qaward
from qaward.errors import ESTATE, NotFoundError, StateError

from conftest import need

ROOT = Path(__file__).resolve().parents[3]
pytestmark = need("qaward_timeline_new")
ORG, IND = "吉安示例电子科技有限公司", "张示例"


@pytest.fixture
def tl():
    t = qaward.Timeline()          # built-in jian-2023 and its calendar
    t.add_applicant("O", ORG, "organization", dt.date(2025, 8, 25),
                    fields={"county": "吉州区", "key_process": "高频覆铜板压合工艺参数"},
                    trade_secrets={"key_process"})
    t.add_applicant("I", IND, "individual", "2025-08-25", fields={"county": "青原区"})
    return t


def to_material_review(t):
    t.add_notice("internal", "2025-08-25", "2025-08-29", ["O", "I"])
    t.advance("O", "recommended", "2025-09-01").advance("I", "recommended", "2025-09-01")
    t.add_notice("county", "2025-09-02", "2025-09-08", ["O", "I"])
    t.advance("O", "qualification", "2025-09-09").advance("I", "qualification", "2025-09-09")
    t.set_qualification("O", "passed").set_qualification("I", True)
    t.add_notice("acceptance", "2025-09-26", "2025-10-09", ["O", "I"])
    t.advance("O", "material_review", "2025-10-10").advance("I", "material_review", "2025-10-10")


def test_r15_legal_run_records_each_stage(tl):
    assert tl.stage("O") == "declared"
    to_material_review(tl)
    assert tl.stage("O") == "material_review"
    hist = {a["id"]: [s["stage"] for s in a["history"]] for a in tl.to_dict()["applicants"]}
    assert hist["I"] == ["declared", "recommended", "qualification", "material_review"]
    assert tl.stage("nobody") is None


def test_r15_illegal_transition_raises_estate_naming_precondition(tl):
    with pytest.raises(StateError) as e:
        tl.advance("O", "recommended", "2025-09-01")          # no internal notice yet
    assert e.value.code == ESTATE == -9
    assert "internal" in e.value.message and "notice" in e.value.message
    assert tl.stage("O") == "declared"                      # nothing changed


def test_art13_2_four_working_days_notice_is_not_enough(tl):
    tl.add_notice("internal", "2025-08-25", "2025-08-28", ["O"])   # Mon..Thu: 4 working days
    with pytest.raises(StateError, match="4 working days"):
        tl.advance("O", "recommended", "2025-09-01")


def test_art13_3_qualification_must_pass(tl):
    tl.add_notice("internal", "2025-08-25", "2025-08-29", ["O"])
    tl.advance("O", "recommended", "2025-09-01")
    tl.add_notice("county", "2025-09-02", "2025-09-08", ["O"])
    tl.advance("O", "qualification", "2025-09-09")
    tl.add_notice("acceptance", "2025-09-26", "2025-10-09", ["O"])
    with pytest.raises(StateError, match="qualification"):
        tl.advance("O", "material_review", "2025-10-10")


def test_art13_5_defence_needs_scores_and_is_for_organisations_only(tl):
    to_material_review(tl)
    tl.add_notice("candidates", "2025-10-20", "2025-10-24", ["O", "I"])
    with pytest.raises(StateError, match="score"):
        tl.advance("O", "defence", "2025-10-27")
    tl.set_score("O", "material_review", 81235)
    tl.advance("O", "defence", "2025-10-27")
    tl.set_score("I", "material_review", 8800)
    with pytest.raises(StateError):
        tl.advance("I", "defence", "2025-10-27")            # individuals skip the defence
    with pytest.raises(TypeError):
        tl.set_score("I", "material_review", 88.0)           # no floats (exact arithmetic)


def test_art14_objection_blocks_then_resolution_both_ways(tl):
    tl.add_notice("internal", "2025-08-25", "2025-08-29", ["O", "I"])
    tl.open_objection("OB1", "O", "2025-08-27", "internal")
    assert tl.open_objections("O") == 1
    with pytest.raises(StateError, match="objection"):
        tl.advance("O", "recommended", "2025-09-01")
    tl.resolve_objection("OB1", "2025-08-29", upheld=False, reason="异议不成立")
    assert tl.open_objections("O") == 0
    tl.advance("O", "recommended", "2025-09-01")
    tl.open_objection("OB2", "I", "2025-08-28")
    tl.resolve_objection("OB2", "2025-08-29", upheld=True, reason="材料造假")
    assert tl.stage("I") == "removed"
    with pytest.raises(StateError):
        tl.resolve_objection("OB2", "2025-08-30", True, "again")


def test_art13_3_refusal_and_letter(tl):
    tl.add_notice("internal", "2025-08-25", "2025-08-29", ["O"])
    tl.advance("O", "recommended", "2025-09-01")
    tl.add_notice("county", "2025-09-02", "2025-09-08", ["O"])
    tl.advance("O", "qualification", "2025-09-09")
    r = qaward.Refusal(ORG).add_reason("art10.3.iso9001", "第十条（三）", "Art. 10(3)", "认证未满3年。",
                                       "Certified for less than 3 years.")
    tl.refuse("O", "2025-09-19", r)
    assert tl.stage("O") == "refused"
    assert "第十条（三）" in tl.refusal_letter("O", "zh")
    assert "2025-09-19" in tl.refusal_letter("O", "en")
    with pytest.raises(StateError):
        tl.refusal_letter("I")
    with pytest.raises(NotFoundError):
        tl.refusal_letter("nobody")


def test_r19_public_list_never_has_trade_secrets(tl):
    to_material_review(tl)
    pub = tl.public_list("acceptance")
    entries = pub["notices"][0]["entries"]
    assert [e["name"] for e in entries] == [ORG, IND]
    assert entries[0]["fields"] == {"county": "吉州区"}
    for form in (repr(pub), tl.public_list("acceptance", "text", "zh"), tl.public_list("acceptance", "text", "en")):
        assert "key_process" not in form and "高频覆铜板压合工艺参数" not in form
    assert "key_process" in repr(tl.to_dict())               # the internal record keeps it
    with pytest.raises(NotFoundError):
        tl.public_list("nope")


def test_load_document_report_letters_and_public_lists():
    t = qaward.Timeline.load(str(ROOT / "data/examples/timeline-2025.json"))
    assert t.report["violation_count"] == 4
    assert [r["applicant"] for r in t.report["refusals"]] == ["A2"]
    assert t.stage("A2") == "refused" and t.stage("A3") == "removed"
    assert "第十条（三）" in t.refusal_letter("A2")
    assert "高频覆铜板压合工艺参数" not in repr(t.public_list("candidates"))
    assert "[Art. 13(6)]" in t.text("en") and "[第十三条（六）]" in t.text("zh")
    with pytest.raises(StateError):
        t.advance("P1", "vote", "2025-12-01")                # strict after the replay
    t.close()
    assert t.closed

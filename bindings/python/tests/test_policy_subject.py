import datetime as dt
import gc

import pytest

import qaward
from qaward import errors
from qaward.subject import Subject, SubjectList

from conftest import need

ORG = {
    "id": "ORG-1", "kind": "organization", "name": "Jinggangshan Valve Co.",
    "region_code": "360802", "legal_person": True, "for_profit": True,
    "registration_date": dt.date(2015, 3, 1),
    "certificates": [{"type": "iso9001", "valid_from": dt.date(2019, 1, 1), "valid_to": dt.date(2027, 1, 1)}],
    "net_profit_fen": {"2023": 1200000, "2024": 900000},
    "events": [],
    "trade_secrets": ["net_profit_fen"],
}


@need("qaward_policy_builtin")
def test_builtin_policy_jian_2023_r17_in_force():
    with qaward.Policy("jian-2023") as p:
        assert p.id == "jian-2023"
        assert p.valid_from == dt.date(2023, 2, 5)
        assert not p.in_force(dt.date(2023, 2, 4))
        assert p.in_force(dt.date(2023, 2, 5))
        assert p.cycle_years == 2
        assert "organization" in p.kinds and "individual" in p.kinds
    assert p.closed
    with pytest.raises(ValueError):
        p.id


@need("qaward_policy_builtin")
def test_r12_r13_quota_and_prize_fen():
    p = qaward.Policy("jian-2023")
    lvl = p.levels[0]
    assert p.quota(lvl, "organization").max == 3
    assert p.prize_fen(lvl, "organization") == 50_000_000  # 500,000 CNY in fen (R13)
    assert qaward.yuan(p.prize_fen(lvl, "organization")) == 500000


@need("qaward_policy_builtin")
def test_unknown_builtin_is_notfound_with_message():
    with pytest.raises(errors.NotFoundError) as ei:
        qaward.Policy("atlantis-1999")
    assert ei.value.code == -7 and "atlantis-1999" in ei.value.message


@need("qaward_policy_load_json")
def test_bad_policy_json_names_position():
    with pytest.raises(errors.ParseError) as ei:
        qaward.Policy('{"id": ')
    assert "line" in str(ei.value)


@need("qaward_policy_builtin")
def test_r7_reapply_date_wait():
    p = qaward.Policy("jian-2023")
    d = p.reapply_date(p.levels[0], dt.date(2023, 6, 30))
    assert d == dt.date(2029, 1, 1)


@need("qaward_subject_load_json")
def test_subject_from_dict_roundtrip_and_r19_public_only():
    s = Subject(ORG)
    assert s.id == "ORG-1" and s.kind == "organization"
    assert s.is_secret("net_profit_fen")
    full = s.to_dict()
    pub = s.to_dict(public_only=True)
    assert "net_profit_fen" in full
    assert "net_profit_fen" not in pub


@need("qaward_subject_load_json")
def test_subject_unknown_field_is_schema_error_naming_path():
    with pytest.raises(errors.SchemaError) as ei:
        Subject(dict(ORG, colour="red"))
    assert "colour" in str(ei.value)


@need("qaward_subject_list_load_json")
def test_subject_list_keeps_owner_alive():
    lst = SubjectList([ORG, dict(ORG, id="ORG-2")])
    assert len(lst) == 2
    s = lst[1]
    del lst
    gc.collect()
    assert s.id == "ORG-2"


def test_gc_frees_handles_without_close():
    if not qaward.lib.has("qaward_policy_builtin"):
        pytest.skip("no policy")
    import weakref
    p = qaward.Policy("jian-2023")
    fin = p._fin
    del p
    gc.collect()
    assert not fin.alive

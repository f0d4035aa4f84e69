#!/usr/bin/env python3
"""Generate the sample award-cycle documents (qaward-cycle/1) for `qaward cycle`.

Deterministic (seeded). Fictional applicants with realistic Chinese names.
Usage: gen_cycle_sample.py data/examples/cycle-2025.json data/examples/cycle-lakeside-2025.json"""
import json
import random
import sys

GBT = ["4.1.2", "4.1.3", "4.1.4", "4.2.2", "4.2.3", "4.3.2", "4.3.3", "4.4.2", "4.4.3", "4.4.4", "4.4.5",
       "4.4.6", "4.4.7", "4.5.2", "4.5.3", "4.6.2", "4.6.3", "4.7.2", "4.7.3", "4.7.4", "4.7.5", "4.7.6", "4.7.7"]
IND = ["I1.1", "I1.2", "I2.1", "I2.2", "I3.1", "I3.2"]
ASSESSORS = ["E01", "E02", "E03", "E04", "E05"]


def pcts(rng, items, level):
    # percentages in the scheme's 5 % steps around the level
    return [{"item": it, "pct": max(0, min(100, 5 * round((level + rng.randint(-8, 8)) / 5)))} for it in items]


def vote(f, a, ab, present=13, members=15):
    return {"for": f, "against": a, "abstain": ab, "present": present, "members": members}


# Subject facts (as `qaward check` reads them): the cycle runs the Art. 10/11
# checks on them, so the refusals below come from the facts, not from a verdict.
ORG_FACTS = {
    # id: (region code, registration date, management-system certificate, since, excellence model since)
    "ORG-01": ("360802", "2006-04-12", "iso9001", "2010-05-01", "2019-01-01"),
    "ORG-02": ("360881", "2003-09-30", "iso22000", "2008-03-01", "2015-06-01"),
    "ORG-03": ("360802", "2011-07-08", "iso9001", "2013-01-15", "2020-03-01"),
    "ORG-04": ("360826", "2009-02-20", "iso9001", "2012-06-01", "2021-01-01"),
    "ORG-05": ("360825", "2010-11-03", "iatf16949", "2016-09-01", "2021-01-01"),
    "ORG-06": ("360828", "2001-05-16", "iso9001", "2005-04-01", "2018-01-01"),
    "ORG-07": ("360823", "2008-08-08", "iso9001", "2014-02-01", "2022-01-01"),
    "ORG-08": ("360824", "2012-03-27", "iso14001", "2017-07-01", "2022-07-01"),
    "ORG-09": ("360827", "2005-10-10", "iso22000", "2011-05-01", "2020-09-01"),
    "ORG-10": ("360829", "2007-06-18", "iso9001", "2012-08-01", "2019-04-01"),
    "ORG-11": ("360822", "2004-12-01", "iso13485", "2009-10-01", "2020-01-01"),
    # Art. 10(2): registered 2023-03-01, three years of operation only from 2026-03-01;
    # its ISO 9001 certificate was transferred from the plant it took over.
    "ORG-12": ("360881", "2023-03-01", "iso9001", "2020-06-01", "2023-06-01"),
}


def org_facts(cid):
    region, reg, cert, since, model = ORG_FACTS[cid]
    profit = {"2023": 1800000000 + 37000000 * int(cid[-2:]), "2024": 2100000000 + 41000000 * int(cid[-2:])}
    if cid == "ORG-11":
        del profit["2024"]  # R4/R5: fiscal 2024 profit not supplied: incomplete, not a loss
    return {
        "region_code": region, "legal_person": True, "for_profit": True,
        "registration_date": reg, "excellence_model_since": model,
        "certificates": [
            {"type": cert, "valid_from": since, "valid_to": "2027-12-31"},
            {"type": "safety_standardization", "level": "二级" if int(cid[-2:]) % 2 else "三级",
             "valid_from": "2023-01-01", "valid_to": "2026-12-31"},
        ],
        "net_profit_fen": profit,
        "events": [{"kind": "quality_complaint", "grade": "一般", "date": "2024-05-14"}] if cid == "ORG-07" else [],
        "attestations": {"supports_central_policies": True, "policy_compliance": True,
                         "notable_quality_benefits": True, "industry_leading": True, "good_reputation": True},
    }


IND_FACTS = {
    # id: (region code, quality work since, employer, employer region)
    "IND-01": ("360802", "1998-07-01", "江西赣庐精密机械有限公司", "360802"),
    "IND-02": ("360803", "2004-09-01", "吉安市青原区质量检测中心", "360803"),
    "IND-03": ("360826", "2009-03-01", "泰和禾丰农业发展有限公司", "360826"),
    "IND-04": ("360881", "2012-08-15", "井冈山旅游服务有限公司", "360881"),
    "IND-05": ("360821", "2006-05-01", "吉安县华兴电子有限公司", "360821"),
    "IND-06": ("360830", "2015-02-01", "永新县永盛食品有限公司", "360830"),
}


def ind_facts(cid):
    region, since, employer, eregion = IND_FACTS[cid]
    return {
        "region_code": region, "quality_work_since": since, "events": [],
        "attestations": {"supports_central_policies": True, "excellence_contribution": True,
                         "widely_recognised": True, "professional_ethics": True},
        "employer": {"name": employer, "region_code": eregion,
                     "certificates": [{"type": "safety_standardization", "level": "三级",
                                       "valid_from": "2023-01-01", "valid_to": "2026-12-31"}],
                     "events": []},
    }


def jian():
    rng = random.Random(2025)
    # (id, name, stage levels in %, or None when not accepted)
    orgs = [
        ("ORG-01", "江西赣庐精密机械有限公司", {"material": 85, "defence": 85, "site": 86}),
        ("ORG-02", "吉安井冈山绿色食品股份有限公司", {"material": 81, "defence": 80, "site": 80}),
        ("ORG-03", "吉州恒信电子科技有限公司", {"material": 78, "defence": 75, "site": 79}),
        ("ORG-04", "泰和禾丰农业发展有限公司", {"material": 72, "defence": 70, "site": 72}),
        ("ORG-05", "永丰鑫源新材料有限公司", "ORG-04"),   # identical sheets: a true tie (R12)
        ("ORG-06", "万安赣江水电设备有限公司", {"material": 67, "defence": 65, "site": 66}),
        ("ORG-07", "峡江县庐陵纺织有限公司", {"material": 59, "defence": 60, "site": 58}),
        ("ORG-08", "新干盐化新能源有限公司", {"material": 47, "defence": 58, "site": 46}),
        ("ORG-09", "遂川狗牯脑茶业有限公司", {"material": 66, "defence": 45}),  # fails the defence gate
        ("ORG-10", "安福县华诚建材有限公司", None),   # banned: false materials (Art. 20)
        ("ORG-11", "吉水县瑞丰医药有限公司", None),   # incomplete: 2024 profit missing (R4, R5)
        ("ORG-12", "井冈山经开区博远光电有限公司", None),  # refused: under three years (Art. 10(2))
    ]
    inds = [
        ("IND-01", "刘建华", {"material": 86, "site": 84}),
        ("IND-02", "陈丽萍", {"material": 78, "site": 77}),
        ("IND-03", "王志强", {"material": 66, "site": 66}),
        ("IND-04", "周慧敏", {"material": 64, "site": 63}),
        ("IND-05", "欧阳文斌", {"material": 62, "site": 62}),
        ("IND-06", "肖红梅", {"material": 52, "site": 54}),
    ]
    org_sheets, ind_sheets = [], []
    by_id = {}
    for cid, name, lv in orgs:
        if lv is None:
            continue
        if isinstance(lv, str):
            for s in by_id[lv]:
                org_sheets.append(dict(s, applicant=cid))
            continue
        mine = []
        for stage, level in lv.items():
            for e in ASSESSORS:
                mine.append({"applicant": cid, "stage": stage, "assessor": e, "scores": pcts(rng, GBT, level)})
        by_id[cid] = mine
        org_sheets += mine
    for cid, name, lv in inds:
        for stage, level in lv.items():
            for e in ASSESSORS:
                ind_sheets.append({"applicant": cid, "stage": stage, "assessor": e, "scores": pcts(rng, IND, level)})
    votes = {"ORG-01": vote(12, 1, 0), "ORG-02": vote(11, 1, 1), "ORG-03": vote(10, 2, 1),
             "ORG-04": vote(9, 3, 1), "ORG-05": vote(9, 2, 2), "ORG-06": vote(11, 0, 2), "ORG-07": vote(8, 3, 2), "ORG-08": vote(7, 4, 2),
             "IND-01": vote(13, 0, 0), "IND-02": vote(12, 1, 0), "IND-03": vote(9, 2, 2), "IND-04": vote(8, 4, 1),
             "IND-05": vote(5, 6, 2)}
    cands = []
    for cid, name, lv in orgs:
        c = {"id": cid, "name": name, "kind": "organization", "subject": org_facts(cid)}
        if cid in votes:
            c["vote"] = votes[cid]
        if cid == "ORG-01":
            c["notes"] = [{"key": "主导产品", "value": "数控机床精密主轴"},
                          {"key": "核心工艺", "value": "五轴联动主轴装配一次合格率99.2%，热处理工艺参数表", "trade_secret": True}]
        if cid == "ORG-03":
            c["scores_secret"] = True
            c["notes"] = [{"key": "研发投入", "value": "2024年研发投入占营业收入6.8%", "trade_secret": True}]
        cands.append(c)
    for cid, name, lv in inds:
        c = {"id": cid, "name": name, "kind": "individual", "subject": ind_facts(cid)}
        if cid in votes:
            c["vote"] = votes[cid]
        cands.append(c)
    return {
        "format": "qaward-cycle/1",
        "cycle": {"id": "2025", "title": {"zh": "2025年度吉安市市长质量奖评选（示例）",
                                          "en": "Ji'an Mayor's Quality Award 2025 (sample cycle)"},
                  "as_of": "2025-06-30", "decision_date": "2025-12-18"},
        "policy": "jian-2023",
        "review_rules": "jian-2025-example",
        "history": {
            "awards": [
                {"subject_id": "ORG-02", "level": "award", "kind": "organization", "cycle_id": "2017",
                 "award_date": "2017-12-20", "prize_fen": 50000000},
                {"subject_id": "ORG-06", "level": "nomination", "kind": "organization", "cycle_id": "2021",
                 "award_date": "2021-12-16", "prize_fen": 3000000},
            ],
            "sanctions": [
                {"subject_id": "ORG-10", "kind": "false_materials", "decided_on": "2022-03-10",
                 "ban_from": "2022-03-10", "ban_until": "2027-03-10", "citation": "第二十条"},
            ],
        },
        "candidates": cands,
        "sheets": [
            {"format": "qaward-sheets/1", "scheme": "gbt19580-2012",
             "applicants": [{"id": c, "kind": "organization", "name": n} for c, n, lv in orgs if lv is not None],
             "sheets": org_sheets},
            {"format": "qaward-sheets/1", "scheme": "individual-example",
             "applicants": [{"id": c, "kind": "individual", "name": n} for c, n, _ in inds],
             "sheets": ind_sheets},
        ],
    }


def lake_facts(cid, kind, registered="2008-05-20"):
    n = int(cid[-1])
    if kind == "individual":
        return {"region_code": "990101", "quality_work_since": "2010-03-01", "events": []}
    return {"region_code": "99010%d" % n, "legal_person": True, "for_profit": True,
            "registration_date": registered,
            "certificates": [{"type": "iso9001", "valid_from": "2018-01-01", "valid_to": "2026-12-31"}],
            "net_profit_fen": {"2022": 500000000 + n, "2023": 600000000 + n, "2024": 700000000 + n},
            "events": []}


def lakeside():
    cands = []
    data = [
        ("LK-O1", "湖滨精工股份有限公司", "organization", 845.00, vote(7, 1, 1, 9, 11)),
        ("LK-O2", "青屿食品有限公司", "organization", 812.50, vote(8, 1, 0, 9, 11)),
        ("LK-I1", "林晓雯", "individual", 790.00, vote(6, 2, 1, 9, 11)),
        ("LK-O3", "北岸智能装备有限公司", "organization", 731.25, vote(7, 2, 0, 9, 11)),
        ("LK-I2", "何振东", "individual", 702.00, vote(5, 3, 1, 9, 11)),
        ("LK-O4", "南湾纸业有限公司", "organization", 655.75, vote(9, 0, 0, 9, 11)),
        ("LK-O5", "湖心岛旅游服务有限公司", "organization", 540.00, vote(8, 0, 1, 9, 11)),
        ("LK-I3", "苏雅琴", "individual", 515.50, None),
        ("LK-O6", "西堤物流有限公司", "organization", 420.00, None),
    ]
    for cid, name, kind, comp, v in data:
        c = {"id": cid, "name": name, "kind": kind, "subject": lake_facts(cid, kind), "composite": comp}
        if v:
            c["vote"] = v
        cands.append(c)
    # Art. 8(2) of the fictional policy: registered 2021-09-01, five years only on 2026-09-01
    cands.append({"id": "LK-O7", "name": "东港新能源科技有限公司", "kind": "organization",
                  "subject": lake_facts("LK-O7", "organization", registered="2021-09-01")})
    return {
        "format": "qaward-cycle/1",
        "cycle": {"id": "lakeside-2025", "title": {"zh": "湖滨市质量奖2025（虚构示例）",
                                                   "en": "Lakeside Quality Award 2025 (fictional example)"},
                  "as_of": "2025-05-31", "decision_date": "2025-11-20"},
        "policy": "lakeside-2024",
        "review_rules": {
            "format": "qaward-review-rules/1", "id": "lakeside-2025-pooled-example", "example": True,
            "note": "EXAMPLE VALUES for the fictional Lakeside policy; composites of both kinds on one 1000-point scale so the pooled quotas can rank them together.",
            "kinds": [
                {"id": "organization", "min_composite": {"gold": 700.00, "silver": 600.00, "commendation": 500.00}},
                {"id": "individual", "min_composite": {"gold": 700.00, "silver": 600.00, "commendation": 500.00}},
            ],
            "vote": {"quorum": {"num": 1, "den": 2}, "pass": {"num": 2, "den": 3, "strict": False},
                     "backfill": True},
        },
        "history": {"awards": [{"subject_id": "LK-O2", "level": "gold", "kind": "organization",
                                "cycle_id": "lakeside-2019", "award_date": "2019-11-15", "prize_fen": 20000000}]},
        "candidates": cands,
    }


def main():
    for path, doc in zip(sys.argv[1:3], (jian(), lakeside())):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()

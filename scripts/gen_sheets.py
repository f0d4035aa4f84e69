#!/usr/bin/env python3
"""Generate sample sheets documents (qaward-sheets/1) for the scoring examples.

Deterministic (seeded). Usage: gen_sheets.py OUT.json org|individual"""
import json
import random
import sys

GBT = ["4.1.2", "4.1.3", "4.1.4", "4.2.2", "4.2.3", "4.3.2", "4.3.3", "4.4.2", "4.4.3", "4.4.4", "4.4.5",
       "4.4.6", "4.4.7", "4.5.2", "4.5.3", "4.6.2", "4.6.3", "4.7.2", "4.7.3", "4.7.4", "4.7.5", "4.7.6", "4.7.7"]
IND = ["I1.1", "I1.2", "I2.1", "I2.2", "I3.1", "I3.2"]


def sheet(rng, applicant, stage, assessor, items, level, role=None):
    scores = []
    for it in items:
        p = max(0, min(100, level + rng.choice([-10, -5, 0, 0, 5, 10])))
        scores.append({"item": it, "pct": p})
    s = {"applicant": applicant, "stage": stage, "assessor": assessor, "scores": scores}
    if role:
        s["role"] = role
        if role == "self":
            del s["assessor"]
            del s["stage"]
    return s


def main():
    out, which = sys.argv[1], sys.argv[2]
    rng = random.Random(2025)
    if which == "org":
        apps = [("ORG-001", "赣江精密机械有限公司", 70), ("ORG-002", "井冈山绿色食品股份有限公司", 60),
                ("ORG-003", "吉州电子科技有限公司", 45)]
        doc = {"format": "qaward-sheets/1", "scheme": "gbt19580-2012",
               "note": "Sample sheets (fictional applicants) for the 2025 cycle: material review, defence and "
                       "site review by five assessors, plus one self-assessment (Art. 13(2)).",
               "applicants": [{"id": a, "kind": "organization", "name": n} for a, n, _ in apps], "sheets": []}
        for a, _, lvl in apps:
            doc["sheets"].append(sheet(rng, a, None, None, GBT, lvl + 10, role="self"))
            for stage in ("material", "defence", "site"):
                if stage == "site" and lvl < 50:
                    continue  # failed the defence gate: no site review (Art. 13(6))
                for e in range(1, 6):
                    doc["sheets"].append(sheet(rng, a, stage, f"E{e:02d}", GBT, lvl))
        doc["sheets"][1]["scores"][0]["comment"] = "高层领导推动卓越绩效模式，证据充分"
    else:
        apps = [("IND-001", "张三", 75), ("IND-002", "李四", 65)]
        doc = {"format": "qaward-sheets/1", "scheme": "individual-example",
               "note": "Sample individual-award sheets on the example individual scheme.",
               "applicants": [{"id": a, "kind": "individual", "name": n} for a, n, _ in apps], "sheets": []}
        for a, _, lvl in apps:
            for stage in ("material", "site"):
                for e in range(1, 6):
                    doc["sheets"].append(sheet(rng, a, stage, f"E{e:02d}", IND, lvl))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

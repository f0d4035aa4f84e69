#!/usr/bin/env python3
"""The sample cycle documents validate against docs/schema/cycle.schema.json, and a
candidate with both facts and a verdict (or neither) does not."""
import json
import sys

import jsonschema

root = sys.argv[1]
schema = json.load(open(f"{root}/docs/schema/cycle.schema.json", encoding="utf-8"))
for name in ("cycle-2025.json", "cycle-lakeside-2025.json"):
    jsonschema.validate(json.load(open(f"{root}/data/examples/{name}", encoding="utf-8")), schema)
head = {"format": "qaward-cycle/1", "cycle": {"id": "x", "decision_date": "2025-01-01"}, "policy": "jian-2023"}
for cand in ({"id": "a", "kind": "organization", "verdict": "eligible", "subject": {}},
             {"id": "a", "kind": "organization", "subject": {}, "reasons": [{"rule_id": "r"}]},
             {"id": "a", "kind": "organization"}):
    try:
        jsonschema.validate(dict(head, candidates=[cand]), schema)
    except jsonschema.ValidationError:
        continue
    sys.exit(f"schema accepted {cand}")
print("cycle schema ok")

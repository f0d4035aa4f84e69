#!/usr/bin/env python3
"""The smallest eligibility check from Python (twin of examples/c/check_minimal.c)."""
import datetime as dt
import sys

import qaward

ORG = {
    "id": "ORG-MIN", "kind": "organization", "region_code": "360802",
    "legal_person": True, "for_profit": True, "registration_date": dt.date(2015, 3, 1),
    "excellence_model_since": dt.date(2021, 6, 1),
    "certificates": [
        {"type": "iso9001", "valid_from": dt.date(2019, 1, 1), "valid_to": dt.date(2027, 12, 31)},
        {"type": "safety_standardization", "level": "二级", "valid_from": dt.date(2022, 1, 1),
         "valid_to": dt.date(2027, 12, 31)},
    ],
    "net_profit_fen": {"2023": 1_200_000_000, "2024": 900_000_000}, "events": [],
    "attestations": {"supports_central_policies": True, "policy_compliance": True,
                     "notable_quality_benefits": True, "industry_leading": True},
}

policy = qaward.Policy("jian-2023")
verdict = qaward.check(policy, ORG, dt.date(2025, 4, 1))
for r in verdict.reasons:
    print(f"{r.outcome:14} {r.citation_en:22} {r.message_en}")
print("status:", verdict.status)
# good_reputation (Art. 10(6)) is not attested: unknown -> incomplete, never a silent pass (R5, R6)
sys.exit(0 if verdict.status == "incomplete" else 1)

#!/usr/bin/env python3
"""Scoring sheets (Art. 13) from Python: sheets -> scores -> composites under review rules (R14).

    score_sheets.py SHEETS.json [REVIEW_RULES_NAME]
"""
import sys

import qaward


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        doc = f.read()
    scheme = qaward.Scheme("gbt19580-2012")
    rules = qaward.ReviewRules(argv[2] if len(argv) > 2 else "jian-2025-example")
    sheets = qaward.Sheets.from_json(scheme, doc)
    scores = sheets.compute(rules)
    for r in scores:
        if r.role == "assessor":
            flags = f"  spread flagged: {', '.join(r.flagged)}" if r.flagged else ""
            print(f"{r.applicant:10} {r.stage:9} total {qaward.points(r.total):>7}{flags}")
    for c in qaward.Composites(rules, [scores]):
        print(f"{c.applicant:10} {c.kind:13} {c.status:12} {qaward.points(c.composite)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except qaward.QAwardError as e:
        print(f"error {e.code}: {e}", file=sys.stderr)
        sys.exit(1)

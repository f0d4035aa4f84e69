#!/usr/bin/env python3
"""The shipped scoring data validate against docs/schema (scheme, sheets, review rules).

Usage: schema_scoring.py SOURCE_ROOT"""
import glob
import json
import os
import sys

import jsonschema

ROOT = sys.argv[1]
PAIRS = [('scheme', 'data/schemes/*.json'), ('sheets', 'data/examples/sheets-*.json'),
         ('review-rules', 'data/review-rules/*.json')]
bad = 0
for schema_name, pattern in PAIRS:
    schema = json.load(open(os.path.join(ROOT, 'docs/schema', schema_name + '.schema.json'), encoding='utf-8'))
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    files = sorted(glob.glob(os.path.join(ROOT, pattern)))
    if not files:
        print(f'no files for {pattern}')
        bad += 1
    for f in files:
        for e in v.iter_errors(json.load(open(f, encoding='utf-8'))):
            print(f'{f}: {e.json_path}: {e.message}')
            bad += 1
sys.exit(1 if bad else 0)

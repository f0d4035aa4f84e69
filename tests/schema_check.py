#!/usr/bin/env python3
"""The bundled policies and sample subjects validate against docs/schema/*.schema.json."""
import json
import os
import sys

import jsonschema

ROOT = sys.argv[1]


def load(*p):
    with open(os.path.join(ROOT, *p), encoding='utf-8') as f:
        return json.load(f)


pairs = [('policy.schema.json', ['data/policies/jian-2023.json', 'data/policies/lakeside-2024.json']),
         ('subject.schema.json', ['data/examples/applicants.json', 'data/examples/lakeside-applicants.json'])]
for schema, files in pairs:
    s = load('docs', 'schema', schema)
    jsonschema.Draft202012Validator.check_schema(s)
    for f in files:
        jsonschema.validate(load(f), s)
print('ok')

#!/usr/bin/env python3
"""Validate the shipped calendar, procedure and example timeline files against their JSON Schemas."""
import json
import os
import sys

import jsonschema

root = sys.argv[1]
pairs = [('calendar', 'data/calendars/cn-2023-2026.json'),
         ('procedure', 'data/procedures/jian-2023.json'),
         ('timeline', 'data/examples/timeline-2025.json'),
         ('timeline', 'data/examples/timeline-2025-clean.json')]
for schema, path in pairs:
    with open(os.path.join(root, 'docs/schema', schema + '.schema.json'), encoding='utf-8') as f:
        s = json.load(f)
    jsonschema.Draft202012Validator.check_schema(s)
    with open(os.path.join(root, path), encoding='utf-8') as f:
        jsonschema.Draft202012Validator(s).validate(json.load(f))
print('ok')

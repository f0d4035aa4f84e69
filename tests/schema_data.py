#!/usr/bin/env python3
"""Every shipped JSON data file validates against its schema in docs/schema/.

- every docs/schema/*.schema.json is a valid schema of the draft it declares
  ($schema: 2020-12 or draft-07) and is used by at least one file below;
- every JSON file under data/ and examples/data/ is mapped to exactly one schema
  (a new file without a mapping fails: add it to MAP);
- a cycle document's inline policy, review rules and history are validated against
  their own schemas too.
Skips (exit 77) when python3-jsonschema is missing.

Usage: schema_data.py SOURCE_ROOT"""
import fnmatch
import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print('python3-jsonschema not installed: skipped')
    sys.exit(77)

ROOT = sys.argv[1]
# (glob relative to the source root, schema name); first match wins.
MAP = [
    ('data/policies/*.json', 'policy'),
    ('data/examples/walkthrough/riverbend-*.json', 'policy'),
    ('data/schemes/*.json', 'scheme'),
    ('data/review-rules/*.json', 'review-rules'),
    ('data/examples/walkthrough/review-rules-*.json', 'review-rules'),
    ('data/calendars/*.json', 'calendar'),
    ('data/procedures/*.json', 'procedure'),
    ('data/examples/sheets-*.json', 'sheets'),
    ('data/examples/timeline-*.json', 'timeline'),
    ('data/examples/cycle-*.json', 'cycle'),
    ('data/examples/walkthrough/cycle-*.json', 'cycle'),
    ('data/examples/applicants.json', 'subject'),
    ('data/examples/walkthrough/applicants.json', 'subject'),
    ('examples/data/subjects.json', 'subject'),
    ('data/examples/lakeside-applicants.json', 'subject'),
    ('data/examples/history.json', 'history'),
    ('data/examples/lakeside-history.json', 'history'),
    ('data/examples/walkthrough/history.json', 'history'),
    ('examples/data/history.json', 'history'),
]
# members of a cycle document that are documents of their own when inline objects
CYCLE_PARTS = {'policy': 'policy', 'review_rules': 'review-rules', 'history': 'history'}
DRAFTS = {
    'https://json-schema.org/draft/2020-12/schema': jsonschema.Draft202012Validator,
    'http://json-schema.org/draft-07/schema#': jsonschema.Draft7Validator,
}

bad = []
validators = {}
used = set()
for path in sorted(glob.glob(os.path.join(ROOT, 'docs/schema/*.schema.json'))):
    name = os.path.basename(path)[:-len('.schema.json')]
    try:
        schema = json.load(open(path, encoding='utf-8'))
        cls = DRAFTS.get(schema.get('$schema'))
        if cls is None:
            bad.append(f'{path}: $schema must be draft 2020-12 or draft-07, found {schema.get("$schema")!r}')
            continue
        cls.check_schema(schema)
        validators[name] = cls(schema)
    except (ValueError, jsonschema.SchemaError) as e:
        bad.append(f'{path}: not a valid schema: {e}')


def validate(label, doc, name):
    v = validators.get(name)
    if v is None:
        bad.append(f'{label}: schema docs/schema/{name}.schema.json missing or invalid')
        return
    used.add(name)
    for e in sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        bad.append(f'{label}: {e.json_path}: {e.message[:300]}')


files = sorted(glob.glob(os.path.join(ROOT, 'data/**/*.json'), recursive=True) +
               glob.glob(os.path.join(ROOT, 'examples/data/**/*.json'), recursive=True))
if len(files) < 20:
    bad.append(f'only {len(files)} data files found under {ROOT}')
for f in files:
    rel = os.path.relpath(f, ROOT)
    name = next((s for pat, s in MAP if fnmatch.fnmatch(rel, pat)), None)
    if name is None:
        bad.append(f'{rel}: no schema mapped (add it to MAP in tests/schema_data.py)')
        continue
    try:
        doc = json.load(open(f, encoding='utf-8'))
    except ValueError as e:
        bad.append(f'{rel}: not JSON: {e}')
        continue
    validate(rel, doc, name)
    if name == 'cycle' and isinstance(doc, dict):
        for key, sub in CYCLE_PARTS.items():
            if isinstance(doc.get(key), dict):
                validate(f'{rel} $.{key}', doc[key], sub)
    print(f'{rel}: {name}')

for name in sorted(set(validators) - used):
    bad.append(f'docs/schema/{name}.schema.json: no shipped file uses it')
for b in bad:
    print('FAIL', b)
print(f'{len(files)} files, {len(validators)} schemas; {len(bad)} failure(s)')
sys.exit(1 if bad else 0)

#!/usr/bin/env python3
"""CLI tests of `qaward score` and `qaward composite` (Art. 6, 13; R14).

Usage: cli_scoring.py QAWARD SOURCE_ROOT"""
import json
import os
import subprocess
import sys
import tempfile

QA, ROOT = sys.argv[1], sys.argv[2]
SHEETS = os.path.join(ROOT, 'data/examples/sheets-2025.json')
IND = os.path.join(ROOT, 'data/examples/sheets-2025-individual.json')
failures = []


def run(*args):
    p = subprocess.run([QA, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(name, cond, detail=''):
    if not cond:
        failures.append(f'{name}: {detail}')


# scoring with the example review rules: JSON output, every result consistent
rc, out, err = run('score', '--rules', 'jian-2025-example', SHEETS)
check('score json exit', rc == 0, err)
doc = json.loads(out)
check('score format', doc['format'] == 'qaward-scores/1')
check('score aggregation', doc['aggregation'] == 'trimmed_mean')
for r in doc['results']:
    items = sum(round(i['score'] * 100) for i in r['items'])
    check('items sum to total', items == round(r['total'] * 100), r['applicant'])
    check('parts sum to total', round((r['process'] + r['results']) * 100) == round(r['total'] * 100))
self_rows = [r for r in doc['results'] if r['role'] == 'self']
check('self-assessments scored', len(self_rows) == 3, len(self_rows))

# R14: several assessors and no aggregation rule -> exit 2, the rule named
rc, out, err = run('score', SHEETS)
check('no rules exit', rc == 2, rc)
check('no rules message', 'aggregation.method is not set' in err, err)

# --method overrides; text output in both languages
rc, out, err = run('score', '--method', 'median', '--format', 'text', '--lang', 'en', SHEETS)
check('text en', rc == 0 and 'Total' in out and 'Strongest:' in out, err)
rc, out, err = run('score', '--method', 'mean', '--format', 'text', '--lang', 'zh', SHEETS)
check('text zh', rc == 0 and '总分' in out and '最弱' in out, err)
rc, out, err = run('score', '--method', 'mode', SHEETS)
check('bad method', rc == 2 and 'mode' in err, err)

# invalid sheets: exit 2 naming path, item and value
with tempfile.TemporaryDirectory() as d:
    bad = json.load(open(SHEETS, encoding='utf-8'))
    bad['sheets'][3]['scores'][8]['pct'] = 37
    path = os.path.join(d, 'bad.json')
    json.dump(bad, open(path, 'w'))
    rc, out, err = run('score', '--method', 'mean', path)
    check('off-step exit', rc == 2, rc)
    check('off-step message', '$.sheets[3].scores[8]' in err and '4.4.3' in err and '37%' in err, err)
    del bad['sheets'][3]['scores'][8]
    json.dump(bad, open(path, 'w'))
    rc, out, err = run('score', '--method', 'mean', path)
    check('missing item', rc == 2 and 'item 4.4.3 is not scored' in err, err)
    # a scheme whose items do not add up
    sch = json.load(open(os.path.join(ROOT, 'data/schemes/gbt19580-2012.json'), encoding='utf-8'))
    sch['categories'][3]['items'][1]['points'] = 20
    spath = os.path.join(d, 'scheme.json')
    json.dump(sch, open(spath, 'w'))
    rc, out, err = run('score', '--scheme', spath, '--method', 'mean', SHEETS)
    check('bad scheme', rc == 2 and 'category 4.4: items add up to 135 points, the category has 130' in err, err)
    # review rules with an unset weight
    rules = json.load(open(os.path.join(ROOT, 'data/review-rules/jian-2025-example.json'), encoding='utf-8'))
    for st in rules['kinds'][0]['stages']:
        del st['weight_permille']
    rpath = os.path.join(d, 'rules.json')
    json.dump(rules, open(rpath, 'w'))
    rc, out, err = run('composite', '--rules', rpath, SHEETS)
    check('composite enorule', rc == 2 and 'weight_permille is not set' in err, err)

# composites over organisations and individuals
rc, out, err = run('composite', '--rules', 'jian-2025-example', SHEETS, IND)
check('composite exit', rc == 0, err)
doc = json.loads(out)
status = {c['applicant']: c['status'] for c in doc['composites']}
check('composite statuses', status == {'ORG-001': 'ok', 'ORG-002': 'ok', 'ORG-003': 'gate_failed',
                                       'IND-001': 'ok', 'IND-002': 'ok'}, status)
check('example labelled', doc['example_rules'] is True)
for c in doc['composites']:
    if c['status'] == 'ok':
        exact = sum(s['weight_permille'] * round(s['total'] * 100) for s in c['stages'])
        q, r = divmod(exact, 1000)
        want = q + (1 if 2 * r >= 1000 else 0)
        check('composite exact', round(c['composite'] * 100) == want, c)
rc, out, err = run('composite', SHEETS)
check('composite needs rules', rc == 2 and '--rules' in err, err)
rc, out, err = run('composite', '--rules', 'lakeside-2025-example', '--format', 'text', '--lang', 'en', SHEETS)
check('lakeside text', rc == 0 and 'lakeside-2025-example' in out, err)

if failures:
    print('\n'.join(failures))
    sys.exit(1)
print('ok')

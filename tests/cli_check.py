#!/usr/bin/env python3
"""CLI tests for `qaward check`: exact outputs against tests/expected/, and bad input
(exit 2 with a message naming the file and the JSON path or option).

Usage: cli_check.py QAWARD SOURCE_ROOT [--regen]"""
import os
import subprocess
import sys
import tempfile

QAWARD, ROOT = sys.argv[1], sys.argv[2]
REGEN = '--regen' in sys.argv
EX = os.path.join(ROOT, 'data', 'examples')
EXP = os.path.join(ROOT, 'tests', 'expected')
failures = []


def run(*args):
    p = subprocess.run([QAWARD, 'check', *args], capture_output=True, text=True, encoding='utf-8')
    return p.returncode, p.stdout, p.stderr


def exact(name, *args):
    rc, out, err = run(*args)
    path = os.path.join(EXP, name)
    if REGEN:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(out)
    with open(path, encoding='utf-8') as f:
        want = f.read()
    if rc != 0 or out != want:
        failures.append(f'{name}: rc={rc} stderr={err!r}; output differs from {path}')


def bad(label, needles, *args):
    rc, out, err = run(*args)
    if rc != 2:
        failures.append(f'{label}: exit {rc}, expected 2 (stderr {err!r})')
    for n in needles:
        if n not in err:
            failures.append(f'{label}: stderr {err!r} lacks {n!r}')


apps, hist = os.path.join(EX, 'applicants.json'), os.path.join(EX, 'history.json')
lapps, lhist = os.path.join(EX, 'lakeside-applicants.json'), os.path.join(EX, 'lakeside-history.json')
common = ['--policy', 'jian-2023', '--as-of', '2025-04-01', '--history', hist]
exact('check-jian-text-en.txt', *common, '--format', 'text', '--lang', 'en', apps)
exact('check-jian-text-zh.txt', *common, '--format', 'text', '--lang', 'zh', apps)
exact('check-jian-brief.json', *common, '--brief', apps)
exact('check-jian-full.json', *common, apps)
exact('check-lakeside-text-en.txt', '--policy', 'lakeside-2024', '--as-of', '2025-04-01', '--history', lhist,
      '--format', 'text', lapps)
# a policy from a file takes the same path as the built-in
exact('check-jian-brief.json', '--policy', os.path.join(ROOT, 'data', 'policies', 'jian-2023.json'),
      '--as-of', '2025-04-01', '--history', hist, '--brief', apps)

with tempfile.TemporaryDirectory() as d:
    def write(name, text):
        path = os.path.join(d, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return path

    dup = write('dup.json', '[{"id":"a","kind":"organization"},{"id":"a","kind":"organization"}]')
    bad('duplicate id', ['dup.json', '$[1].id', 'duplicate subject id'], *common, dup)
    unk = write('unk.json', '{"subjects":[{"id":"a","kind":"organization","colour":"red"}]}')
    bad('unknown field', ['unk.json', '$.subjects[0]', 'unknown field "colour"'], *common, unk)
    trunc = write('trunc.json', '[{"id":"a",')
    bad('truncated', ['trunc.json', 'line 1'], *common, trunc)
    date = write('date.json', '[{"id":"a","kind":"organization","registration_date":"2025-02-30"}]')
    bad('bad date', ['date.json', '$[0].registration_date'], *common, date)
    ev = write('ev.json', '[{"id":"a","kind":"organization","events":[{"kind":"meteor","date":"2024-01-01"}]}]')
    bad('unknown event kind', ['ev.json', 'meteor'], *common, ev)
    kind = write('kind.json', '[{"id":"a","kind":"robot"}]')
    bad('unknown kind', ['kind.json', 'robot'], *common, kind)
    h = write('hist.json', '{"awards":[{"subject_id":"a","level":"award","kind":"organization"}]}')
    bad('history missing field', ['hist.json', '$.awards[0].award_date'], '--policy', 'jian-2023',
        '--as-of', '2025-04-01', '--history', h, apps)
    pol = write('pol.json', '{"format":"qaward-policy/1","id":"x","oops":1}')
    bad('bad policy file', ['pol.json', 'unknown field "oops"'], '--policy', pol, '--as-of', '2025-04-01', apps)
bad('missing file', ['nope.json'], *common, os.path.join(EX, 'nope.json'))
bad('bad as-of', ['--as-of', '2025-4-1'], '--policy', 'jian-2023', '--as-of', '2025-4-1', apps)
bad('no policy in force', ['no policy in force on 2023-02-04'], '--policy', 'jian-2023', '--as-of', '2023-02-04', apps)
bad('bad format', ['--format'], *common, '--format', 'xml', apps)
bad('missing arguments', ['required'], '--policy', 'jian-2023', apps)

for f in failures:
    print('FAIL', f)
sys.exit(1 if failures else 0)

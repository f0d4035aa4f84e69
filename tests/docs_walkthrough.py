#!/usr/bin/env python3
"""Runs docs/adding-your-city.md so the page cannot rot.

Every ```sh block is run with bash in a scratch copy of data/ (cwd = the copy's root,
the built qaward first on PATH); the ```text block right after it is its expected
output: each line must appear in the actual output, in order (a line "..." stands for
any lines left out). Every ```json block is an excerpt: each of its lines must occur in
one of the walkthrough files. The jq step must reproduce the shipped cycle-2026.json.

Usage: docs_walkthrough.py SOURCE_ROOT QAWARD_BINARY"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT, QAWARD = sys.argv[1], os.path.abspath(sys.argv[2])
PAGE = os.path.join(ROOT, 'docs/adding-your-city.md')
WALK = 'data/examples/walkthrough'

text = open(PAGE, encoding='utf-8').read()
blocks = [(m.group(1), m.group(2)) for m in re.finditer(r'^```(\w*)\n(.*?)^```\s*$', text, re.S | re.M)]
failures = []


def expect(name, actual, expected):
    """Each expected line appears in actual, in order; '...' lines are gaps."""
    lines = actual.split('\n')
    pos = 0
    for want in expected.rstrip('\n').split('\n'):
        if want.strip() == '...':
            continue
        while pos < len(lines) and lines[pos].rstrip() != want.rstrip():
            pos += 1
        if pos == len(lines):
            failures.append(f'{name}: expected line not found (in order): {want!r}\n--- actual output ---\n{actual}')
            return
        pos += 1


scratch = tempfile.mkdtemp(prefix='qaward-walkthrough-')
try:
    shutil.copytree(os.path.join(ROOT, 'data'), os.path.join(scratch, 'data'))
    env = dict(os.environ, PATH=os.path.dirname(QAWARD) + os.pathsep + os.environ.get('PATH', ''), LC_ALL='C.UTF-8')
    have_jq = shutil.which('jq') is not None
    walk_text = ''.join(open(os.path.join(ROOT, WALK, f), encoding='utf-8').read()
                        for f in sorted(os.listdir(os.path.join(ROOT, WALK))))
    n_sh = n_json = 0
    for i, (lang, body) in enumerate(blocks):
        if lang == 'json':
            n_json += 1
            for line in body.strip('\n').split('\n'):
                if line.strip() and line.strip() != '...' and line.strip().rstrip(',') not in walk_text:
                    failures.append(f'json excerpt {n_json}: line not in {WALK}/*: {line.strip()!r}')
        if lang != 'sh':
            continue
        n_sh += 1
        if 'jq ' in body and not have_jq:
            print(f'sh block {n_sh}: jq not installed, skipped')
            continue
        r = subprocess.run(['bash', '-c', 'set -o pipefail 2>/dev/null; ' + body], cwd=scratch, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        first = body.strip().split('\n')[0]
        if nxt and nxt[0] == 'text':
            expect(f'sh block {n_sh} ({first})', r.stdout, nxt[1])
        elif r.returncode != 0:
            failures.append(f'sh block {n_sh} ({first}): exit {r.returncode}\n{r.stdout}')
    if n_sh < 8:
        failures.append(f'only {n_sh} sh blocks found in {PAGE}')
    # the jq step reproduces the shipped assembled cycle document
    if have_jq:
        made = json.load(open(os.path.join(scratch, WALK, 'cycle-2026.json'), encoding='utf-8'))
        shipped = json.load(open(os.path.join(ROOT, WALK, 'cycle-2026.json'), encoding='utf-8'))
        if made != shipped:
            failures.append(f'{WALK}/cycle-2026.json differs from what the jq step of the page produces')
    else:
        shipped = json.load(open(os.path.join(ROOT, WALK, 'cycle-2026.json'), encoding='utf-8'))
        for key, f in (('policy', 'riverbend-2026.json'), ('review_rules', 'review-rules-2026.json')):
            if shipped[key] != json.load(open(os.path.join(ROOT, WALK, f), encoding='utf-8')):
                failures.append(f'{WALK}/cycle-2026.json: ${key} differs from {f}')
finally:
    shutil.rmtree(scratch, ignore_errors=True)

for f in failures:
    print('FAIL', f)
print(f'{n_sh} command blocks, {n_json} JSON excerpts checked; {len(failures)} failure(s)')
sys.exit(1 if failures else 0)

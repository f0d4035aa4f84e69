#!/usr/bin/env python3
"""README.md and docs/*.md stay true.

- every relative link in README.md and docs/*.md points to an existing file, and
  its #anchor (if any) to a heading of that page;
- every `bash scripts/X` the README mentions exists;
- the README's C snippet is made of lines of examples/c/check_minimal.c;
- the README's Python snippet runs and prints the ```text block after it;
- the README's Node snippet runs when node and koffi are installed (else noted);
- the README's `build/tools/qaward ...` command runs (exit 0 or 1).

Usage: docs_readme.py SOURCE_ROOT QAWARD_BINARY LIBQAWARD_SO"""
import glob
import os
import re
import shutil
import subprocess
import sys

ROOT, QAWARD, LIB = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
failures = []

# 1. links (and their #anchors, as GitHub makes them from headings)
def anchors(path):
    text = re.sub(r'^```.*?^```', '', open(path, encoding='utf-8').read(), flags=re.S | re.M)
    out = set()
    for h in re.findall(r'^#+\s+(.*?)\s*#*$', text, flags=re.M):
        slug = re.sub(r'[^\w\- ]', '', h.strip().lower().replace('`', '')).replace(' ', '-')
        n, base = 1, slug
        while slug in out:
            slug, n = f'{base}-{n}', n + 1
        out.add(slug)
    return out


for md in [os.path.join(ROOT, 'README.md')] + sorted(glob.glob(os.path.join(ROOT, 'docs/*.md'))):
    text = open(md, encoding='utf-8').read()
    text = re.sub(r'^```.*?^```', '', text, flags=re.S | re.M)  # links inside code blocks are not links
    for target in re.findall(r'\]\(([^)\s]+)\)', text):
        if re.match(r'^[a-z]+:', target) or target.startswith('#'):
            continue
        path, _, anchor = target.partition('#')
        full = os.path.normpath(os.path.join(os.path.dirname(md), path))
        if not os.path.exists(full):
            failures.append(f'{os.path.relpath(md, ROOT)}: broken link {target}')
        elif anchor and full.endswith('.md') and anchor not in anchors(full):
            failures.append(f'{os.path.relpath(md, ROOT)}: link {target}: no heading makes #{anchor}')

readme = open(os.path.join(ROOT, 'README.md'), encoding='utf-8').read()
blocks = [(m.group(1), m.group(2)) for m in re.finditer(r'^```(\w*)\n(.*?)^```\s*$', readme, re.S | re.M)]

# 2. scripts
for script in set(re.findall(r'bash (scripts/[\w.-]+)', readme)):
    if not os.path.exists(os.path.join(ROOT, script)):
        failures.append(f'README.md: {script} does not exist')


def norm(line):
    line = line.strip()
    line = re.sub(r'^if \(rc == 0\)\s*', '', line)
    return re.sub(r'^int rc = ', 'rc = ', line)


env = dict(os.environ, QAWARD_LIBRARY=LIB, PYTHONPATH=os.path.join(ROOT, 'bindings/python'), LC_ALL='C.UTF-8')
seen = set()
for i, (lang, body) in enumerate(blocks):
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if lang == 'c' and 'qaward_check(' in body:
        seen.add('c')
        example = {norm(l) for l in open(os.path.join(ROOT, 'examples/c/check_minimal.c'), encoding='utf-8')}
        for line in body.strip().split('\n'):
            if norm(line) not in example:
                failures.append(f'README.md C snippet: line not in examples/c/check_minimal.c: {line!r}')
    elif lang == 'python':
        seen.add('python')
        r = subprocess.run([sys.executable, '-c', body], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=60)
        if r.returncode != 0:
            failures.append(f'README.md Python snippet: exit {r.returncode}\n{r.stdout}')
        elif nxt and nxt[0] == 'text' and r.stdout.strip() != nxt[1].strip():
            failures.append(f'README.md Python snippet prints {r.stdout.strip()!r}, the README shows {nxt[1].strip()!r}')
    elif lang == 'js':
        seen.add('js')
        koffi = os.path.join(ROOT, 'bindings/node/node_modules/koffi')
        if not shutil.which('node') or not os.path.isdir(koffi):
            print('README.md Node snippet: node or koffi missing, not run')
            continue
        r = subprocess.run(['node', '-e', body], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=60)
        if r.returncode != 0 or 'ineligible' not in r.stdout:
            failures.append(f'README.md Node snippet: exit {r.returncode}\n{r.stdout}')
    elif lang == 'sh':
        for cmd in re.findall(r'^build/tools/qaward (.*)$', body, re.M):
            seen.add('cli')
            r = subprocess.run([QAWARD] + cmd.split(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, timeout=60)
            if r.returncode not in (0, 1):
                failures.append(f'README.md: qaward {cmd}: exit {r.returncode}\n{r.stdout}')
for want in ('c', 'python', 'js', 'cli'):
    if want not in seen:
        failures.append(f'README.md: no {want} snippet found')

for f in failures:
    print('FAIL', f)
print(f'{len(failures)} failure(s)')
sys.exit(1 if failures else 0)

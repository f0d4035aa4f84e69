#!/usr/bin/env python3
"""Issue 7.2: the out-of-memory tests drive every public call that can run out
of memory. A public function whose Doxygen comment lists ::QAWARD_ENOMEM must be
called in one of the OOM test programs (tests/test_oom.c, tests/test_engine_oom.c),
where each scenario is run with the Nth allocation failing for every N.

usage: oom_api_check.py SRCDIR"""
import glob
import os
import re
import sys

src = sys.argv[1]
OOM_TESTS = ['tests/test_oom.c', 'tests/test_engine_oom.c']
decl = re.compile(r'/\*\*((?:(?!\*/).)*?)\*/\s*QAWARD_API\s+[^;]*?\b(qaward_\w+)\s*\(', re.S)
docs = {}
for h in sorted(glob.glob(os.path.join(src, 'include/qaward/*.h'))):
    for m in decl.finditer(open(h, encoding='utf-8').read()):
        docs[m.group(2)] = m.group(1)
tests = ''.join(open(os.path.join(src, t), encoding='utf-8').read() for t in OOM_TESTS)
allocating = sorted(f for f, d in docs.items() if 'QAWARD_ENOMEM' in d)
missing = [f for f in allocating if not re.search(r'\b%s\s*\(' % re.escape(f), tests)]
if len(allocating) < 50:
    sys.exit('oom_api_check: only %d public functions document QAWARD_ENOMEM: header parsing broke?' % len(allocating))
if missing:
    sys.exit('public functions that document QAWARD_ENOMEM but no OOM scenario calls (%s):\n  %s'
             % (', '.join(OOM_TESTS), '\n  '.join(missing)))
print('%d allocating public functions, every one driven by an OOM scenario' % len(allocating))

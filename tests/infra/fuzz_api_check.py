#!/usr/bin/env python3
"""Issue 7.3: every public entry point that reads caller-supplied text (a JSON
document loader, merger or validator, the batch check and the date parser)
is called by a libFuzzer harness in fuzz/.

usage: fuzz_api_check.py SRCDIR"""
import glob
import os
import re
import sys

src = sys.argv[1]
decl = re.compile(r'QAWARD_API\s+[^;]*?\b(qaward_\w+)\s*\(([^;]*?)\)\s*;', re.S)
entry = []
for h in sorted(glob.glob(os.path.join(src, 'include/qaward/*.h'))):
    text = re.sub(r'/\*.*?\*/', '', open(h, encoding='utf-8').read(), flags=re.S)
    for m in decl.finditer(text):
        name, args = m.group(1), ' '.join(m.group(2).split())
        # text in: a `const char *json` / `const char *text` / `const char *s` input
        if re.search(r'const char \*\w*(json|text)\b', args) or name == 'qaward_date_parse':
            entry.append(name)
harness = ''.join(open(f, encoding='utf-8').read() for f in glob.glob(os.path.join(src, 'fuzz/fuzz_*.c')))
if len(entry) < 10:
    sys.exit('fuzz_api_check: only %d text entry points found: header parsing broke?' % len(entry))
missing = [f for f in sorted(entry) if not re.search(r'\b%s\s*\(' % re.escape(f), harness)]
if missing:
    sys.exit('public text entry points no fuzz/fuzz_*.c harness calls:\n  ' + '\n  '.join(missing))
print('%d text entry points, every one fuzzed: %s' % (len(entry), ', '.join(sorted(entry))))

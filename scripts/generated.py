"""Shared by the scripts that generate files from the public headers
(gen_null_sweep.py, gen_arg_sweep.py): write the file, or with --check only
compare it (meson suite `abi`: a generated file out of date with the headers
fails)."""
import os
import sys


def write_or_check(root, rel, text):
    target = os.path.join(root, rel)
    if '--check' in sys.argv[1:]:
        with open(target, encoding='utf-8') as f:
            if f.read() != text:
                sys.exit(f'{rel} is out of date with include/qaward/*.h: run /usr/bin/python3 {sys.argv[0]}')
        return
    with open(target, 'w', encoding='utf-8') as f:
        f.write(text)

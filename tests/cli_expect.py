#!/usr/bin/env python3
"""Run a CLI command and check its exit code and output: cli_expect.py CODE NEEDLE -- CMD...
NEEDLE must occur in stdout+stderr ("" matches anything)."""
import subprocess
import sys

sep = sys.argv.index('--')
want, needle = int(sys.argv[1]), sys.argv[2]
cmd = sys.argv[sep + 1:]
r = subprocess.run(cmd, capture_output=True, text=True)
out = r.stdout + r.stderr
if r.returncode != want or needle not in out:
    print(f'command: {cmd}\nexit {r.returncode} (want {want}); want output containing {needle!r}\n{out}')
    sys.exit(1)

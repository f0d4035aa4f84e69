#!/usr/bin/env bash
# Run every test: (re)configure and build `build`, then `meson test` (all suites:
# C unit tests, CLI, ABI, docs, pkg-config, fuzz regressions, examples, Python,
# Node). With --full, also scripts/full-check.sh (ASan+UBSan, valgrind, TSan,
# fuzz smoke, coverage): what CI runs.
#   bash scripts/test.sh [--full]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

full=0
for a in "$@"; do
  case "$a" in
    --full) full=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

if [ -f build/meson-private/coredata.dat ]; then
  meson setup --reconfigure build --wrap-mode=nodownload >/dev/null \
    || meson setup --wipe build --wrap-mode=nodownload
else
  meson setup build --wrap-mode=nodownload
fi
ninja -C build

status=0
meson test -C build --print-errorlogs || status=1
if [ "$full" = 1 ]; then
  bash scripts/full-check.sh || status=1
fi
if [ "$status" = 0 ]; then echo "test.sh: all passed"; else echo "test.sh: FAILED" >&2; fi
exit "$status"

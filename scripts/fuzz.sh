#!/usr/bin/env bash
# Run every libFuzzer harness in fuzz/ for SECONDS each (default 10).
# Usage: scripts/fuzz.sh [SECONDS] [harness...]
# Seeds: fuzz/corpus/<harness>/ plus, for JSON harnesses, the matching files in data/
# and tests/data/. New corpus entries go to build-fuzz/corpus/<harness> (not the repo).
# A crash leaves its input in build-fuzz/crashes/; keep it as a regression seed in
# fuzz/corpus/<harness>/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
shift || true
if ! command -v clang >/dev/null; then
  echo "SKIP fuzz: clang not installed"; exit 0
fi
if [ ! -d build-fuzz ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true -Dbench=false -Db_lundef=false --wrap-mode=nodownload >build-fuzz.setup.log 2>&1 || { cat build-fuzz.setup.log; exit 1; }
  rm -f build-fuzz.setup.log
fi
ninja -C build-fuzz >/dev/null || { echo "FAIL fuzz: build failed (ninja -C build-fuzz)"; exit 1; }
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do h=${f#fuzz/fuzz_}; harnesses+=("${h%.c}"); done
fi
mkdir -p build-fuzz/crashes
status=0
for h in "${harnesses[@]}"; do
  corpus=build-fuzz/corpus/$h
  mkdir -p "$corpus"
  seeds=()
  [ -d "fuzz/corpus/$h" ] && seeds+=("fuzz/corpus/$h")
  [ -f "fuzz/seeds-$h.txt" ] && while read -r d; do [ -e "$d" ] && seeds+=("$d"); done <"fuzz/seeds-$h.txt"
  log=build-fuzz/fuzz-$h.log
  if build-fuzz/fuzz/fuzz_"$h" "$corpus" "${seeds[@]}" -max_total_time="$secs" -max_len=65536 \
       -artifact_prefix=build-fuzz/crashes/"$h"- -print_final_stats=1 >"$log" 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
    echo "PASS fuzz $h: $execs executions in ${secs}s, cov: $cov, corpus $(ls "$corpus" | wc -l)"
  else
    echo "FAIL fuzz $h: crash (see $log and build-fuzz/crashes/)"
    status=1
  fi
done
exit $status

#!/usr/bin/env bash
# Build the libFuzzer harnesses (fuzz/fuzz_<name>.c) with clang + ASan/UBSan in
# build-fuzz and run each for SECONDS (default 60).
#   bash scripts/fuzz.sh [SECONDS] [name...]
# Seeds: fuzz/corpus/<name>/, fuzz/regress/<name>/, the shipped data of its kind (read-only);
# new inputs go to build-fuzz/corpus/<name>/; crashes to build-logs/fuzz/.
# A crash input must be fixed and then kept in fuzz/regress/<name>/ (replayed
# by the `fuzz` test suite).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
SECONDS_PER=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
OUT=$ROOT/build-logs/fuzz
mkdir -p "$OUT"
read -r -a PREFIX <<< "${FUZZ_PREFIX:-}"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do [ -e "$f" ] && names+=("$(basename "$f" .c | sed 's/^fuzz_//')"); done
fi
[ ${#names[@]} -gt 0 ] || { echo "no harness in fuzz/"; exit 77; }

if [ -f build-fuzz/meson-private/coredata.dat ]; then
  meson setup --reconfigure build-fuzz --wrap-mode=nodownload -Dfuzz=true >/dev/null || exit 1
else
  rm -rf build-fuzz
  CC=clang meson setup build-fuzz --wrap-mode=nodownload -Dfuzz=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized || exit 1
fi
targets=()
for n in "${names[@]}"; do targets+=("fuzz/fuzz_$n"); done
ninja -C build-fuzz "${targets[@]}" || exit 1

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
status=0
for n in "${names[@]}"; do
  # the shipped documents of the harness's kind: fuzz/seed-dirs.txt, else data/<name>s
  plural=$(awk -v n="$n" '$1 == n { print $2 }' fuzz/seed-dirs.txt)
  if [ -z "$plural" ]; then
    case $n in *y) plural=${n%y}ies ;; *) plural=${n}s ;; esac
  fi
  work=build-fuzz/corpus/$n
  mkdir -p "$work"
  seeds=()
  for d in "fuzz/corpus/$n" "fuzz/regress/$n" "data/$plural"; do [ -d "$d" ] && seeds+=("$d"); done
  dict=(); [ -f "fuzz/$n.dict" ] && dict=("-dict=fuzz/$n.dict")
  log=$OUT/$n.log
  "${PREFIX[@]}" "build-fuzz/fuzz/fuzz_$n" -max_total_time="$SECONDS_PER" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$OUT/$n-" "${dict[@]}" "$work" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  execs=$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1)
  if [ $rc = 0 ]; then
    echo "fuzz_$n: ok, ${execs:-?} executions in ${SECONDS_PER}s, ${cov:-cov: ?}, corpus $(ls "$work" | wc -l) files"
  else
    echo "fuzz_$n: FAILED (exit $rc), log $log; crash inputs: $(ls "$OUT" | grep "^$n-" | tr '\n' ' ')"
    grep -E 'ERROR|SUMMARY|==[0-9]+==' "$log" | head -20
    status=1
  fi
done
exit $status

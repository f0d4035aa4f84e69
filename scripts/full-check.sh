#!/usr/bin/env bash
# Reliability checks beyond `meson test` (issue 7). Each step prints one
# PASS / FAIL / SKIP line; a step whose tool is missing SKIPs with the reason.
#   bash scripts/full-check.sh [asan] [valgrind] [tsan] [fuzz] [coverage]   (default: all)
# Logs: build-logs/<step>.log (and build-logs/<step>/ per test).
# Only native tests run under sanitizers (scripts/run_native_tests.py): never
# the python/node/bench suites, which would load an instrumented library into
# an interpreter.
# Environment: FUZZ_SECONDS (per harness, default 20), JOBS (default nproc),
# FULL_CHECK_STRICT=1 (CI): a skipped step fails the run, so a missing tool
# can never pass for a check that ran.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
LOGS=$ROOT/build-logs
mkdir -p "$LOGS"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
RUNNER=("$PY" "$ROOT/scripts/run_native_tests.py")
ALL_STEPS=(asan valgrind tsan fuzz coverage)
SKIP_RC=77

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1:print_summary=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

say() { printf '%s\n' "$*"; }
skip() { say "SKIP reason: $*"; return $SKIP_RC; }
have() { command -v "$1" >/dev/null 2>&1; }

# configure DIR [meson options...]: fresh or reconfigured build directory
configure() {
  local dir=$1; shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$dir" --wrap-mode=nodownload "$@" || { rm -rf "$dir"; meson setup "$dir" --wrap-mode=nodownload "$@"; }
  else
    rm -rf "$dir"
    meson setup "$dir" --wrap-mode=nodownload "$@"
  fi
}

# Sanitizer runtimes can fail on some kernels (high mmap ASLR entropy); then
# retry with address randomisation off (setarch -R), else give up.
PERSONA=()
sanitizer_works() { # compiler flags...
  local tmp; tmp=$(mktemp -d)
  printf '#include <stdlib.h>\nint main(void){void *p=malloc(8);free(p);return 0;}\n' > "$tmp/p.c"
  if ! "$@" "$tmp/p.c" -o "$tmp/p" >"$tmp/log" 2>&1; then
    cat "$tmp/log"; rm -rf "$tmp"; return 2
  fi
  PERSONA=()
  if "$tmp/p" >"$tmp/log" 2>&1; then rm -rf "$tmp"; return 0; fi
  if have setarch && setarch "$(uname -m)" -R "$tmp/p" >"$tmp/log" 2>&1; then
    PERSONA=(setarch "$(uname -m)" -R); say "note: sanitizer runtime needs ASLR off here: using setarch -R"
    rm -rf "$tmp"; return 0
  fi
  cat "$tmp/log"; rm -rf "$tmp"; return 1
}

step_asan() {
  have cc || have gcc || skip "no C compiler" || return
  sanitizer_works cc -fsanitize=address,undefined || skip "the ASan/UBSan runtime does not work here" || return
  # LeakSanitizer needs ptrace-like access that some containers deny; valgrind still checks leaks.
  local tmp; tmp=$(mktemp -d)
  printf 'int main(void){return 0;}\n' > "$tmp/l.c"
  if cc -fsanitize=address "$tmp/l.c" -o "$tmp/l" 2>/dev/null && ! "${PERSONA[@]}" "$tmp/l" >/dev/null 2>&1; then
    say "note: LeakSanitizer does not work here; detect_leaks=0 (valgrind covers leaks)"
    export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
  fi
  rm -rf "$tmp"
  configure build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug \
    -Dc_args=-fno-sanitize-recover=all || return 1
  ninja -C build-asan || return 1
  "${PERSONA[@]}" "${RUNNER[@]}" build-asan --jobs "$JOBS" --timeout-multiplier 3 --logdir "$LOGS/asan"
}

step_valgrind() {
  have valgrind || skip "valgrind not installed" || return
  [ -f build/meson-private/coredata.dat ] || configure build || return 1
  ninja -C build || return 1
  "${RUNNER[@]}" build --elf-only --jobs "$JOBS" --timeout-multiplier 20 --logdir "$LOGS/valgrind" \
    --wrapper "valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes --child-silent-after-fork=yes"
}

step_tsan() {
  have clang || skip "clang not installed" || return
  sanitizer_works clang -fsanitize=thread || skip "the TSan runtime does not work here" || return
  CC=clang configure build-tsan -Db_sanitize=thread -Db_lundef=false -Dbuildtype=debug || return 1
  local threads
  threads=$("${RUNNER[@]}" build-tsan --elf-only --name-prefix thread --list | wc -l)
  [ "$threads" -gt 0 ] || skip "no test named thread* yet" || return
  ninja -C build-tsan || return 1
  "${PERSONA[@]}" "${RUNNER[@]}" build-tsan --elf-only --name-prefix thread --jobs 1 --timeout-multiplier 10 --logdir "$LOGS/tsan"
}

step_fuzz() {
  ls fuzz/fuzz_*.c >/dev/null 2>&1 || skip "no harness in fuzz/" || return
  have clang || skip "clang not installed" || return
  local tmp; tmp=$(mktemp -d)
  printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n){(void)d;(void)n;return 0;}\n' > "$tmp/f.c"
  if ! clang -fsanitize=fuzzer,address "$tmp/f.c" -o "$tmp/f" >"$tmp/log" 2>&1; then
    cat "$tmp/log"; rm -rf "$tmp"; skip "clang cannot link libFuzzer (install libclang-rt-14-dev)"; return
  fi
  rm -rf "$tmp"
  sanitizer_works clang -fsanitize=address,undefined || skip "the ASan runtime does not work here" || return
  FUZZ_PREFIX="${PERSONA[*]}" bash scripts/fuzz.sh "$FUZZ_SECONDS"
}

step_coverage() {
  have gcovr || skip "gcovr not installed" || return
  # atomic counters: test_threads runs the library on 8 threads (racy counters
  # give gcovr negative branch counts it cannot parse; any left are skipped
  # with --gcov-ignore-parse-errors rather than failing the report)
  configure build-cov -Db_coverage=true -Dbuildtype=debug -Dc_args=-fprofile-update=atomic || return 1
  ninja -C build-cov || return 1
  find build-cov -name '*.gcda' -delete
  local rc=0
  "${RUNNER[@]}" build-cov --jobs "$JOBS" --timeout-multiplier 3 --logdir "$LOGS/coverage" || rc=$?
  [ $rc = 0 ] || [ $rc = $SKIP_RC ] || { say "coverage: a test failed"; return 1; }
  gcovr --root "$ROOT" --object-directory "$ROOT/build-cov" --filter lib/ \
    --exclude-unreachable-branches --gcov-ignore-parse-errors --print-summary \
    --fail-under-line "${COVERAGE_MIN_LINES:-95}" --fail-under-branch "${COVERAGE_MIN_BRANCHES:-90}" \
    --output "$LOGS/coverage.txt" build-cov || { say "coverage: below the targets (lines ${COVERAGE_MIN_LINES:-95} %, branches ${COVERAGE_MIN_BRANCHES:-90} %, issue 7.6)"; return 1; }
  gcovr --root "$ROOT" --object-directory "$ROOT/build-cov" --filter lib/ \
    --exclude-unreachable-branches --gcov-ignore-parse-errors --branches --output "$LOGS/coverage-branches.txt" build-cov >/dev/null 2>&1 || true
  say "coverage report: $LOGS/coverage.txt (branches: $LOGS/coverage-branches.txt)"
  sed -n '1,200p' "$LOGS/coverage.txt" | grep -E '^(lib/|TOTAL)' || true
}

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=("${ALL_STEPS[@]}")
results=()
failed=0
for s in "${steps[@]}"; do
  if ! declare -F "step_$s" >/dev/null; then
    say "full-check: unknown step '$s' (steps: ${ALL_STEPS[*]})"; exit 2
  fi
  say "==> $s (log: build-logs/$s.log)"
  t0=$(date +%s)
  ( set -o pipefail; "step_$s" ) > "$LOGS/$s.log" 2>&1
  rc=$?
  dt=$(( $(date +%s) - t0 ))
  case $rc in
    0) r=PASS ;;
    "$SKIP_RC") r=SKIP; if [ "${FULL_CHECK_STRICT:-0}" = 1 ]; then failed=1; fi ;;
    *) r=FAIL; failed=1 ;;
  esac
  if [ "$r" = FAIL ]; then tail -n 60 "$LOGS/$s.log"; fi
  grep -E '^(SKIP reason|note|coverage|lines|branches|functions|fuzz_|TOTAL)' "$LOGS/$s.log" | sed 's/^/    /'
  line=$(printf '%-4s %-9s %4ss' "$r" "$s" "$dt")
  say "$line"
  results+=("$line")
done
say ""
say "full-check summary:"
printf '  %s\n' "${results[@]}"
if [ "$failed" = 1 ]; then say "full-check: FAILED"; exit 1; fi
say "full-check: passed"

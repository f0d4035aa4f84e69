#!/usr/bin/env bash
# Quick start: set up the machine and build (scripts/setup.sh), then run the main job.
#   bash scripts/quickstart.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

QAWARD=build/tools/qaward
CYCLE_SAMPLE=data/examples/cycle-2025.json
CHECK_SAMPLE=data/examples/applicants.json

# The main job: a whole award cycle when the cycle sample exists, else the
# eligibility check of the sample applicants, else the version.
if [ -f "$CYCLE_SAMPLE" ]; then
  MAIN_JOB=("$QAWARD" cycle --format text --lang en "$CYCLE_SAMPLE")
elif [ -f "$CHECK_SAMPLE" ]; then
  MAIN_JOB=("$QAWARD" check --policy jian-2023 --as-of 2025-04-01 --format text --lang en "$CHECK_SAMPLE")
else
  MAIN_JOB=("$QAWARD" --version)
fi

bash scripts/setup.sh
printf '\n==> %s\n' "${MAIN_JOB[*]}"
# Exit 1 means the job ran and reported negative decisions (tools/cli.h); 2+ is an error.
rc=0
"${MAIN_JOB[@]}" || rc=$?
if [ "$rc" -ge 2 ]; then
  echo "quickstart: the main job failed (exit $rc)" >&2
  exit "$rc"
fi
echo
echo "quickstart: done. Run every test with: bash scripts/test.sh"

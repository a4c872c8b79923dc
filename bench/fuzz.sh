#!/bin/sh
# The long run of the fuzz suite (test/fuzz): 10,000 generated cases per target by default, one
# target (test file) at a time in one worker, each with its wall-clock and CPU time. `npm test`
# runs a short pass of every target (a few hundred cases in all).
# Usage: bench/fuzz.sh [runs] [seed] [target ...]   targets: dataset opinion gdelt forms json
set -e
RUNS="${1:-10000}"
SEED="${2:-20261202}"
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
TARGETS="${*:-dataset opinion gdelt forms json}"
for t in $TARGETS; do
  echo "== fuzz target $t: $RUNS cases per property, seed $SEED"
  start=$(date +%s)
  run() { ENTENTE_FUZZ_RUNS="$RUNS" ENTENTE_FUZZ_SEED="$SEED" "$@" npx vitest run --maxWorkers=1 --testTimeout=3600000 "test/fuzz/$t.fuzz.test.ts"; }
  # GNU time adds the CPU seconds and peak memory; without it, the wall-clock time below is all.
  if [ -x /usr/bin/time ]; then
    run /usr/bin/time -f "   $t: %e s wall, %U s user, %S s system, %M kB peak RSS"
  else
    run env
  fi
  echo "   $t: done in $(($(date +%s) - start)) s"
done

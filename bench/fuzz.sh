#!/bin/sh
# The long run of the fuzz suite (test/fuzz): 10,000 generated cases per target by default.
# A short run (200) is part of `npm test`. Usage: bench/fuzz.sh [runs] [seed]
set -e
ENTENTE_FUZZ_RUNS="${1:-10000}" ENTENTE_FUZZ_SEED="${2:-20261202}" exec npx vitest run test/fuzz --testTimeout=3600000

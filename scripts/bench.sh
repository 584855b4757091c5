#!/usr/bin/env bash
# `npm run bench`: the analysis benchmark, then the store benchmark on the embedded database and on
# PostgreSQL. Without FAZHI_TEST_DATABASE_URL or DATABASE_URL, a throwaway PostgreSQL server is
# started for it when the server binaries are installed (scripts/pg-test-server.sh), and stopped
# after; without them, PostgreSQL is skipped (and said so).
#
# Sizes and runs come from the environment (see docs/bench.md); the defaults are the issue's:
# 10,000 reports ingested, grown to 100,000, 5 timed runs of each query (3 after growing) — about
# 75 minutes on 2 cores. `npm run bench:quick` runs 1,000 / 10,000.
set -euo pipefail
cd "$(dirname "$0")/.."

node dist/bench/run.js

export BENCH_STORE_RUNS="${BENCH_STORE_RUNS:-5}"
export BENCH_STORE_SCALED_RUNS="${BENCH_STORE_SCALED_RUNS:-3}"
if [ -z "${FAZHI_TEST_DATABASE_URL:-}" ] && [ -z "${DATABASE_URL:-}" ]; then
  # The script prints DATABASE_URL=… and FAZHI_PG_DIR=… lines.
  if PG_ENV=$(scripts/pg-test-server.sh start 2>/dev/null); then
    eval "$PG_ENV"
    export DATABASE_URL
    trap 'scripts/pg-test-server.sh stop "$FAZHI_PG_DIR"' EXIT
    echo "bench: a throwaway PostgreSQL server for the store benchmark: $DATABASE_URL" >&2
  fi
fi
node dist/bench/store.js

#!/usr/bin/env bash
# Search latency at 100,000 documents on SQLite and on PostgreSQL, side by side with the
# LIKE '%term%' query on the same data. Starts a throwaway PostgreSQL (as test.sh does), runs the
# benchmark on both databases from a Release build, and writes the figures to bench/RESULTS.md.
#   bench/search.sh [documents] [users] [queries]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh

DOCUMENTS=${1:-100000}
USERS=${2:-100}
QUERIES=${3:-400}

services_init
install_packages
start_postgres

log "Building (Release)"
dotnet build bench/SearchBench -c Release --nologo -v quiet >/dev/null

run() {
  log "Benchmark on $1"
  dotnet run -c Release --no-build --project bench/SearchBench -- \
    --provider "$1" --postgres "$DOCMANAGER_TEST_POSTGRES;Database=search_bench" --data "$WORK/sqlite" \
    --documents "$DOCUMENTS" --users "$USERS" --queries "$QUERIES" --output "$WORK/$1.json" | tee "$WORK/$1.txt"
}

run Sqlite
run Postgres

dotnet run -c Release --no-build --project bench/SearchBench -- --report "$WORK/Sqlite.json" "$WORK/Postgres.json" \
  --command "bench/search.sh $DOCUMENTS $USERS $QUERIES" --into bench/RESULTS.md
log "Results written to bench/RESULTS.md"

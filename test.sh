#!/usr/bin/env bash
# Runs every test of DocManager on a fresh Debian machine:
#   1. installs what the tests need (PostgreSQL, Redis, nginx, Chromium, wrk, Node.js) with apt-get, if
#      missing, and s3rver (an S3-compatible server) with npm;
#   2. starts throwaway PostgreSQL, Redis and s3rver servers on free loopback ports, in temporary folders;
#   3. runs all test projects against them;
#   4. prints one closing line "N passed, M failed" and exits non-zero if anything did not pass.
# The servers stop when the script ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")"

# shellcheck source=scripts/services.sh
. scripts/services.sh

count_results() {
  local passed=0 total=0 file counters p t
  for file in "$WORK"/results/*.trx; do
    [ -e "$file" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    total=$((total + ${t:-0}))
  done
  echo "$passed $((total - passed))"
}

services_init
install_packages
start_postgres
start_redis
start_s3rver

log "Running the tests"
status=0
dotnet test DocManager.slnx --nologo --logger "trx" --results-directory "$WORK/results" "$@" || status=$?

read -r passed failed < <(count_results)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run broke before reporting (a build error or a crashed test host): that is a failure too.
  echo "dotnet test exited with $status without a failed test result" >&2
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

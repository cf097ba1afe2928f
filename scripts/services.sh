#!/usr/bin/env bash
# Shared by test.sh and the benchmarks: install PostgreSQL, Redis, nginx, Chromium, wrk and Node.js if
# missing, and start throwaway servers on free loopback ports in a temporary folder that is removed on exit.
# Source it, then call: services_init; install_packages; start_postgres; start_redis; start_s3rver.

log() { printf '\n== %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  # The multi-instance tests put the app behind a throwaway nginx of their own (never the system's service).
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  # The load benchmark's smoke test drives a server with wrk.
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  # Some tests upload as an outside client would, with curl -F.
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  # The browser tests drive Debian's Chromium (Playwright cannot fetch a browser of its own here),
  # with the DejaVu fonts the committed screenshots were taken with.
  [ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
  # The S3 tests run against s3rver, an S3-compatible server from npm.
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  # Previews: PDFs rendered by poppler's pdftoppm, scans read by tesseract (English), Office files
  # converted by LibreOffice without its desktop parts, all as separate contained processes.
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
  compgen -G '/usr/share/tesseract-ocr/*/tessdata/eng.traineddata' >/dev/null || missing+=(tesseract-ocr-eng)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-core-nogui libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui)
  # The external programs run under prlimit (util-linux) for their CPU and memory limits.
  command -v prlimit >/dev/null 2>&1 || missing+=(util-linux)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing ${missing[*]}"
    # Installing must not start the packages' own system services (nginx would listen on every
    # address, PostgreSQL and Redis on their standard ports): the tests start throwaway servers of
    # their own. policy-rc.d is Debian's switch that tells maintainer scripts not to start services.
    local policy=/usr/sbin/policy-rc.d added=""
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
      as_root chmod 755 "$policy"
      added=1
    fi
    local status=0
    as_root apt-get update -qq || status=$?
    [ "$status" -ne 0 ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?
    [ -z "$added" ] || as_root rm -f "$policy"
    return "$status"
  fi
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

wait_for() {
  local what=$1 tries=100
  shift
  until "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    if [ "$tries" -le 0 ]; then
      echo "$what did not start" >&2
      return 1
    fi
    sleep 0.2
  done
}

services_init() {
  WORK=$(mktemp -d /tmp/docmanager.XXXXXX)
  PG_BIN=""
  PG_DATA="$WORK/postgres"
  REDIS_PID=""
  S3RVER_PID=""
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

cleanup() {
  set +e
  if [ -n "$PG_BIN" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    run_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1
  fi
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  [ -n "$S3RVER_PID" ] && kill "$S3RVER_PID" 2>/dev/null && wait "$S3RVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
# PostgreSQL refuses to run as root: as root its binaries run as the `postgres` user.
run_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  local port
  port=$(free_port)
  mkdir -p "$PG_DATA"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$WORK" "$PG_DATA"
    chmod 755 "$WORK"
  fi
  run_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $PG_DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  export DOCMANAGER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
  log "PostgreSQL on 127.0.0.1:$port"
}

start_redis() {
  local port
  port=$(free_port)
  mkdir -p "$WORK/redis"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$WORK/redis" --save '' --appendonly no \
    --daemonize no --logfile "$WORK/redis/redis.log" &
  REDIS_PID=$!
  wait_for "Redis" redis-cli -h 127.0.0.1 -p "$port" ping
  export DOCMANAGER_TEST_REDIS="127.0.0.1:$port"
  log "Redis on 127.0.0.1:$port"
}

S3RVER_VERSION=3.7.1
# npm installs s3rver once into the repository's git-ignored tools folder; later runs reuse it.
S3RVER_TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/s3rver"

start_s3rver() {
  if ! grep -qs "\"version\": \"$S3RVER_VERSION\"" "$S3RVER_TOOLS/node_modules/s3rver/package.json"; then
    log "Installing s3rver $S3RVER_VERSION with npm"
    mkdir -p "$S3RVER_TOOLS"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$S3RVER_TOOLS" "s3rver@$S3RVER_VERSION" >/dev/null
  fi
  local port
  port=$(free_port)
  mkdir -p "$WORK/s3rver/data"
  node "$(dirname "${BASH_SOURCE[0]}")/s3rver.js" "$S3RVER_TOOLS/node_modules" "$port" "$WORK/s3rver/data" \
    >"$WORK/s3rver/s3rver.log" 2>&1 &
  S3RVER_PID=$!
  wait_for "s3rver" bash -c "exec 3<>/dev/tcp/127.0.0.1/$port"
  # s3rver's built-in account; tests create and delete a bucket of their own.
  export DOCMANAGER_TEST_S3="http://127.0.0.1:$port"
  log "s3rver on 127.0.0.1:$port"
}

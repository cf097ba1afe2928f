#!/usr/bin/env bash
# Load benchmark: one command that publishes a Release build of DocManager, starts it on the embedded
# default (SQLite, files in a local folder) on a free loopback port with its own temporary data folder,
# seeds it through its HTTP API, and drives it with wrk from a second process — beside the machine's
# own ceilings measured in the same run (nginx serving the same file; the disk writing and fsyncing
# the same bytes). Then the preview rows: thumbnails beside same-size downloads, the list page with and
# without thumbnails, and the time to a 10-page PDF's preview and to an A4 scan's OCR. Prints the
# tables and writes them into bench/RESULTS.md (sections "Load" and "Previews").
#   bench/load.sh [--smoke] [--only load|previews] [--duration SECONDS] [--connections N] [--no-write]
# --smoke: 2 s per row, a 64 MiB "big" upload, 60 previewed documents and one timed run each, to check
#          the script works; writes nothing.
# --only load: the "Load" section alone; --only previews: the "Previews" section alone (no ceilings,
#          no big upload), on its own fresh server.
# Every server it starts listens on 127.0.0.1 only and is stopped when the script ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/services.sh
. scripts/services.sh

COMMAND="bench/load.sh${*:+ $*}"
DURATION=20
CONNECTIONS=64
DOCUMENTS=1000
BIG_UPLOAD_MIB=1024
PREVIEW_DOCUMENTS=1000
TIMED_RUNS=5
ONLY=""
INTO=bench/RESULTS.md
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) DURATION=2; BIG_UPLOAD_MIB=64; PREVIEW_DOCUMENTS=60; TIMED_RUNS=1; INTO="" ;;
    --only) ONLY=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --no-write) INTO="" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
case "$ONLY" in
  "") ;;
  load) PREVIEW_DOCUMENTS=0 ;;
  previews) DOCUMENTS=0 ;;
  *) echo "--only takes load or previews" >&2; exit 2 ;;
esac

APP_PID=""
NGINX_PID=""
NGX=""
stop_servers() {
  set +e
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  if [ -n "$NGINX_PID" ]; then
    # The master's own pid first (it may run under runuser, which would report a killed session).
    if [ -f "$NGX/nginx.pid" ]; then kill "$(cat "$NGX/nginx.pid")" 2>/dev/null; else kill "$NGINX_PID" 2>/dev/null; fi
    wait "$NGINX_PID" 2>/dev/null
  fi
  cleanup
}

install_load_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  # The preview rows: the server renders PDFs with poppler and reads scans with tesseract; the seeder
  # draws its photographs and printed page with DejaVu Sans.
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
  compgen -G '/usr/share/tesseract-ocr/*/tessdata/eng.traineddata' >/dev/null || missing+=(tesseract-ocr-eng)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }
rss_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

LOAD_BEFORE=$(cut -d ' ' -f 1 /proc/loadavg)
services_init
trap stop_servers EXIT
install_load_tools
chmod 755 "$WORK" # nginx's workers (an unprivileged user) read the static file under it

log "Publishing a Release build (ReadyToRun for this platform)"
dotnet publish src/DocManager -c Release -r "linux-$(dpkg --print-architecture | sed 's/amd64/x64/')" --self-contained false \
  -o "$WORK/app" --nologo -v quiet >/dev/null
dotnet build bench/LoadBench -c Release --nologo -v quiet >/dev/null
BENCH=(dotnet "bench/LoadBench/bin/Release/net10.0/LoadBench.dll")

log "Starting DocManager"
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
DATA="$WORK/data"
started=$(now_ms)
# Plain HTTP on loopback: cookies without Secure. Limits raised so the upload rows and the 1 GiB
# upload are never refused for size, quota or count.
"$WORK/app/DocManager" --urls "$URL" --DataDirectory "$DATA" --Security:SecureCookies=false \
  --Limits:MaxFileBytes=$((4 * 1024 * 1024 * 1024)) --Limits:QuotaBytes=$((1024 * 1024 * 1024 * 1024)) \
  --Limits:MaxDocuments=10000000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fso /dev/null "$URL/login"; do
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "DocManager did not start" >&2; exit 1; }
  [ $(($(now_ms) - started)) -lt 60000 ] || { echo "DocManager did not answer within 60 s" >&2; exit 1; }
  sleep 0.01
done
FIRST_OK_MS=$(($(now_ms) - started))
log "First 200 after $FIRST_OK_MS ms"
sleep 5
IDLE_RSS=$(rss_kib "$APP_PID" VmRSS)
log "Idle RSS $IDLE_RSS KiB"

log "Seeding: $DOCUMENTS documents for the load rows, $PREVIEW_DOCUMENTS previewed documents for the preview rows"
"${BENCH[@]}" seed --url "$URL" --documents "$DOCUMENTS" --previews "$PREVIEW_DOCUMENTS" --env "$WORK/bench.env"
# shellcheck disable=SC1091
. "$WORK/bench.env"

LOAD_ROWS=()
if [ "$ONLY" != previews ]; then
  log "Uploading one $BIG_UPLOAD_MIB MiB file"
  BIG="$WORK/big.png"
  printf '\x89PNG\r\n\x1a\n' >"$BIG"
  truncate -s "${BIG_UPLOAD_MIB}M" "$BIG"
  sleep 1
  BEFORE_RSS=$(rss_kib "$APP_PID" VmRSS)
  echo 5 >"/proc/$APP_PID/clear_refs"
  status=$(curl -sS -o "$WORK/big.json" -w '%{http_code}' -H "Cookie: $BENCH_COOKIES" -H "X-CSRF-TOKEN: $BENCH_CSRF_TOKEN" \
    -F "file=@$BIG;type=image/png" "$URL/api/files")
  [ "$status" = 201 ] || { echo "the big upload answered $status: $(cat "$WORK/big.json")" >&2; exit 1; }
  BIG_GROWTH=$(($(rss_kib "$APP_PID" VmHWM) - BEFORE_RSS))
  rm -f "$BIG"
  log "RSS grew by $BIG_GROWTH KiB (from $BEFORE_RSS KiB)"

  log "Starting nginx with the same 1 MiB file"
  NGX="$WORK/nginx"
  NGINX_PORT=$(free_port)
  mkdir -p "$NGX/www" "$NGX/logs" "$NGX/temp"
  curl -fsS -o "$NGX/www/file.png" -H "Cookie: $BENCH_COOKIES" "$URL/files/$BENCH_FILE_ID"
  cat >"$NGX/nginx.conf" <<EOF
worker_processes auto;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log warn;
events { worker_connections 1000; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { image/png png; }
  client_body_temp_path $NGX/temp/body;
  proxy_temp_path $NGX/temp/proxy;
  fastcgi_temp_path $NGX/temp/fastcgi;
  uwsgi_temp_path $NGX/temp/uwsgi;
  scgi_temp_path $NGX/temp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGX/www;
  }
}
EOF
  if [ "$(id -u)" -eq 0 ]; then
    # Unprivileged: as root, the whole instance runs as nobody.
    chown -R nobody:nogroup "$NGX"
    runuser -u nobody -- /usr/sbin/nginx -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log" -g 'daemon off;' &
  else
    /usr/sbin/nginx -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log" -g 'daemon off;' &
  fi
  NGINX_PID=$!
  wait_for "nginx" curl -fso /dev/null "http://127.0.0.1:$NGINX_PORT/file.png"

  LOAD_ROWS=(--static-url "http://127.0.0.1:$NGINX_PORT/file.png" --disk "$WORK"
    --big-upload-growth-kib "$BIG_GROWTH" --big-upload-bytes $((BIG_UPLOAD_MIB * 1024 * 1024)))
fi

log "Driving load: $CONNECTIONS connections, $DURATION s per row"
"${BENCH[@]}" run --url "$URL" --env "$WORK/bench.env" --wrk bench/wrk \
  --duration "$DURATION" --connections "$CONNECTIONS" --threads "$(nproc)" --timed-runs "$TIMED_RUNS" \
  --pid "$APP_PID" --data "$DATA" --first-ok-ms "$FIRST_OK_MS" --idle-rss-kib "$IDLE_RSS" "${LOAD_ROWS[@]}" \
  --load-before "$LOAD_BEFORE" --command "$COMMAND" ${INTO:+--into "$INTO"}
[ -z "$INTO" ] || log "Results written to $INTO"

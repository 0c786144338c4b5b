#!/usr/bin/env bash
# Web benchmark: wrk on loopback against a release build of `chengxiang serve`.
#
#   scripts/bench-web.sh demo [DURATION] [CONNECTIONS]
#       the 交城 demo: the bare Hummingbird "hello" route, the diagnostics API and the overview
#       page, 3 runs each, median reported (issue 4).
#   scripts/bench-web.sh prefecture [DURATION]
#       a register of prefecture size built by `chengxiang-bench prefecture` (150 townships,
#       20,000 villages, 5,000 schools): every page and API route, 3 runs of DURATION seconds at
#       64 connections (median reported, with p50 and p99), then one run at 200 connections;
#       errors (socket errors and non-2xx answers) counted for every run (issue 10).
#   scripts/bench-web.sh mix [DURATION]
#       the prefecture register served with sign-in required: a mix of pages and API reads with
#       an administrator's API token and, one request in MIX_WRITE_EVERY (default 50), an
#       authenticated write (POST /api/v1/observations, a value that changes each time, so each
#       write also empties the page cache) for DURATION (default 30) seconds at 200 connections,
#       3 runs, beside the bare Hummingbird route in the same run (issue 11).
#   scripts/bench-web.sh mix-postgres [DURATION]
#       the same mix with the register in PostgreSQL: a throwaway cluster started by
#       scripts/test-postgres.sh (or the one named by CHENGXIANG_TEST_POSTGRES).
#
# demo and prefecture serve with --public-read (anonymous GETs, as before sign-in existed).
#
# Needs wrk and curl (apt-get install -y wrk curl). wrk runs on the same cores as the server.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-demo}
if [[ $mode == mix-postgres && -z ${CHENGXIANG_TEST_POSTGRES:-} ]]; then
  exec scripts/test-postgres.sh "$0" "$@"
fi
duration=${2:-10}
connections=${3:-64}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --product chengxiang >/dev/null
swift build -c release --product chengxiang-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
server=
trap 'if [[ -n $server ]]; then kill $server 2>/dev/null || true; fi; rm -rf "$work"' EXIT
port=18080
base="http://127.0.0.1:$port"
db="$work/db.sqlite"
if [[ $mode == mix-postgres ]]; then
  db="$CHENGXIANG_TEST_POSTGRES?schema=bench_$(date +%s)"
  mode=mix
fi

case "$mode" in
  demo)
    "$bin/chengxiang" demo --no-serve --database "$work/db.sqlite" >/dev/null 2>&1
    routes=(/hello /api/v1/diagnostics /)
    ;;
  prefecture)
    echo "building the prefecture register: $("$bin/chengxiang-bench" prefecture "$work/db.sqlite")"
    routes=(/hello / /map /schools "/schools?page=5" /schools/1 /indicators /tasks /scenarios /scenarios/1 /import
      /api/v1/diagnostics /api/v1/schools /api/v1/schools/1 /api/v1/divisions /api/v1/indicators /api/v1/indicators/status
      /api/v1/tasks /api/v1/completeness /api/v1/scenarios /api/v1/scenarios/1)
    duration=${2:-5}
    connections=64
    ;;
  mix)
    echo "building the prefecture register: $("$bin/chengxiang-bench" prefecture "$db")"
    echo "bench-password-1" | "$bin/chengxiang" users add bench --role admin --database "$db" >/dev/null
    export CX_TOKEN=$("$bin/chengxiang" users token bench --database "$db")
    export MIX_WRITE_EVERY=${MIX_WRITE_EVERY:-50}
    duration=${2:-30}
    ;;
  *) echo "usage: $0 demo|prefecture|mix|mix-postgres [DURATION] [CONNECTIONS]" >&2; exit 64 ;;
esac

read_flag=--public-read
[[ $mode == mix ]] && read_flag=
echo "database: ${db%%\?*}"
"$bin/chengxiang" serve --database "$db" --port $port $read_flag >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "$base/hello" >/dev/null && break; sleep 0.2; done

to_ms() { case "$1" in *us) awk -v v="${1%us}" 'BEGIN{printf "%.2f", v/1000}';; *ms) echo "${1%ms}";; *s) awk -v v="${1%s}" 'BEGIN{printf "%.2f", v*1000}';; esac; }
# One wrk run: prints "requests/s p50 p99 errors".
run() {
  local out rps p50 p99 errors
  out=$(wrk -t2 -c"$1" -d"$2s" --latency "$base$3")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Socket errors/ {gsub(",",""); s+=$4+$6+$8+$10} /Non-2xx/ {s+=$NF} END {print s+0}')
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") $errors"
}

echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $mode == mix ]]; then
  # Warm the pages once (a cold prefecture page takes about half a second to build).
  for path in / /schools /indicators /tasks /api/v1/diagnostics; do
    curl -s -o /dev/null -H "Authorization: Bearer $CX_TOKEN" "$base$path"
  done
  printf '%-34s %10s %8s %8s %8s %6s\n' run "req/s" "p50 ms" "p99 ms" "max ms" errors
  for round in 1 2 3; do
    for target in hello mix; do
      if [[ $target == hello ]]; then
        out=$(wrk -t2 -c200 -d"${duration}s" --timeout 10s --latency "$base/hello")
      else
        out=$(wrk -t2 -c200 -d"${duration}s" --timeout 10s --latency -s scripts/bench-mix.lua "$base")
      fi
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      max=$(echo "$out" | awk '$1=="Latency" {print $4}')
      errors=$(echo "$out" | awk '/Socket errors/ {gsub(",",""); s+=$4+$6+$8+$10} /Non-2xx/ {s+=$NF} END {print s+0}')
      printf '%-34s %10s %8s %8s %8s %6s\n' "$target (round $round)" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$(to_ms "$max")" "$errors"
      [[ $target == mix ]] && echo "$out" | grep -E "^(writes|reads)" >&2
    done
  done
  echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
  exit 0
fi
printf '%-28s %9s %10s %8s %8s %6s %10s' route "cold ms" "req/s" "p50 ms" "p99 ms" errors bytes
[[ $mode == prefecture ]] && printf ' | %10s %8s %8s %6s' "req/s@200" "p50 ms" "p99 ms" errors
printf '\n'
for route in "${routes[@]}"; do
  # The first request builds the page (after the server started: nothing is computed yet).
  set -- $(curl -s -o /dev/null -w '%{size_download} %{time_total}' "$base$route")
  bytes=$1
  cold=$(awk -v v="$2" 'BEGIN{printf "%.1f", v*1000}')
  results=()
  for _ in 1 2 3; do results+=("$(run "$connections" "$duration" "$route")"); done
  median=$(printf '%s\n' "${results[@]}" | sort -n | sed -n 2p)
  errors=$(printf '%s\n' "${results[@]}" | awk '{s+=$4} END {print s+0}')
  set -- $median
  printf '%-28s %9s %10s %8s %8s %6s %10s' "$route" "$cold" "$1" "$2" "$3" "$errors" "$bytes"
  if [[ $mode == prefecture ]]; then
    set -- $(run 200 "$duration" "$route")
    printf ' | %10s %8s %8s %6s' "$1" "$2" "$3" "$4"
  fi
  printf '\n'
  echo "  runs at $connections: ${results[*]}" >&2
done
if [[ $mode == demo ]]; then
  map=$(curl -s -o /dev/null -w '%{size_download}' "$base/map")
  css=$(curl -s -o /dev/null -w '%{size_download}' "$base/static/app.css")
  js=$(curl -s -o /dev/null -w '%{size_download}' "$base/static/app.js")
  echo "map page transfer: page $map + css $css + js $js = $((map + css + js)) bytes"
fi
echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"

#!/usr/bin/env bash
# Web benchmark (issue 4): wrk on loopback against a release build serving the 交城 demo.
# Measures the bare Hummingbird "hello" route, the diagnostics API and the overview page in the
# same binary and the same run; each route 3 runs of DURATION seconds, median reported.
# Usage: scripts/bench-web.sh [DURATION] [CONNECTIONS]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --product chengxiang >/dev/null
bin=$(swift build -c release --show-bin-path)/chengxiang
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" demo --no-serve --database "$work/demo.sqlite" >/dev/null 2>&1
"$bin" serve --database "$work/demo.sqlite" --port 18080 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:18080/hello >/dev/null && break; sleep 0.2; done
echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %12s %10s %10s %10s\n' route "req/s (med)" "p50 ms" "p99 ms" "bytes"
for route in /hello /api/v1/diagnostics /; do
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:18080$route")
  results=()
  for run in 1 2 3; do
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:18080$route")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    results+=("$rps $p50 $p99")
  done
  median=$(printf '%s\n' "${results[@]}" | sort -n | sed -n 2p)
  to_ms() { case "$1" in *us) awk -v v="${1%us}" 'BEGIN{printf "%.2f", v/1000}';; *ms) echo "${1%ms}";; *s) awk -v v="${1%s}" 'BEGIN{printf "%.2f", v*1000}';; esac; }
  set -- $median
  printf '%-22s %12s %10s %10s %10s\n' "$route" "$1" "$(to_ms "$2")" "$(to_ms "$3")" "$bytes"
  echo "  runs: ${results[*]}" >&2
done
map=$(curl -s -o /dev/null -w '%{size_download}' http://127.0.0.1:18080/map)
css=$(curl -s -o /dev/null -w '%{size_download}' http://127.0.0.1:18080/static/app.css)
js=$(curl -s -o /dev/null -w '%{size_download}' http://127.0.0.1:18080/static/app.js)
echo "map page transfer: page $map + css $css + js $js = $((map + css + js)) bytes"

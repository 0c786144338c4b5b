#!/usr/bin/env bash
# Location-allocation benchmark (issue 3), ours and the peers side by side in one run.
# Usage: [TASKS=lscp,mclp] scripts/bench-pmedian.sh PEER_BENCH_DIR ORLIB_DIR [OUT_DIR]
#   PEER_BENCH_DIR  a copy of the team's peer benchmark (pmedian_peer.py) with its .venv
#                   (python3 -m venv .venv && .venv/bin/pip install -r requirements.txt)
#   ORLIB_DIR       OR-Library pmed1.txt … pmed40.txt and pmedopt.txt
# Ours: release build of chengxiang-bench, median of 3 runs. Peers: spopt + CBC, HiGHS, median of 3
# (a case that hits the 180 s limit is run once, as the peer script does).
# TASKS (comma list of pmedian, mclp, lscp, cpmedian) re-runs only those tasks on the peer's random
# instances, ours and the peers side by side, and skips OR-Library and the 5,000-point instance.
set -euo pipefail
cd "$(dirname "$0")/.."
peer=${1:?peer benchmark folder}; orlib=${2:?OR-Library folder}; out=${3:-bench-results/$(date -u +%Y%m%dT%H%M)}
mkdir -p "$out"
swift build -c release --product chengxiang-bench >/dev/null
bench=$(swift build -c release --show-bin-path)/chengxiang-bench
py="$peer/.venv/bin/python"
( cd "$peer" && "$py" pmedian_peer.py --prepare-only >/dev/null 2>&1 )
data="$peer/data/pmedian"
{ echo "start $(date -u +%FT%TZ)"; nproc; uname -sr; } > "$out/conditions.log"
( while true; do echo "$(date -u +%T) $(cat /proc/loadavg)"; sleep 30; done ) >> "$out/conditions.log" &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

tasks=${TASKS:-pmedian,mclp,lscp,cpmedian}
wanted() { [[ ",$tasks," == *",$1,"* ]]; }
if [ -z "${TASKS:-}" ]; then
echo "ours: OR-Library pmed1-40, heuristic, seed 1" >&2
"$bench" orlib "$orlib" --select 1-40 --repeat 3 > "$out/ours_orlib_heuristic.jsonl"
echo "ours: OR-Library pmed1-10, exact" >&2
"$bench" orlib "$orlib" --select 1-10 --repeat 3 --exact > "$out/ours_orlib_exact.jsonl"
fi
echo "ours: peer instances, heuristic" >&2
for name in small medium large; do
  for task in pmedian mclp lscp cpmedian; do
    [ "$name/$task" = large/cpmedian ] && continue
    wanted "$task" || continue
    "$bench" peer-instance "$data/$name.csv" --json "$data/$name.json" --task "$task" --time-limit 60 --repeat 3
  done
done > "$out/ours_peer_heuristic.jsonl"
echo "ours: peer instances, exact" >&2
for name in small medium large; do
  for task in pmedian mclp lscp; do
    wanted "$task" || continue
    "$bench" peer-instance "$data/$name.csv" --json "$data/$name.json" --task "$task" --exact --time-limit 60 --repeat 3
  done
done > "$out/ours_peer.jsonl"
if wanted cpmedian; then
"$bench" peer-instance "$data/small.csv" --json "$data/small.json" --task cpmedian --exact --time-limit 30 --repeat 3 >> "$out/ours_peer.jsonl"
"$bench" peer-instance "$data/medium.csv" --json "$data/medium.json" --task cpmedian --exact --time-limit 30 --gap 0.01 --repeat 3 >> "$out/ours_peer.jsonl"
fi
if [ -z "${TASKS:-}" ]; then
echo "ours: random 5000 x 5000, p = 100, exact to a 1 % gap" >&2
"$bench" random --n 5000 --p 100 --seed 1 --exact --gap 0.01 --time-limit 60 --repeat 3 > "$out/ours_random5000.jsonl"
fi

echo "peers: spopt + CBC and HiGHS (this takes most of an hour)" >&2
orlib_args=(--orlib "$orlib" --orlib-select 1-10)
[ -n "${TASKS:-}" ] && orlib_args=(--orlib '')
( cd "$peer" && "$py" pmedian_peer.py --instances small,medium,large --tasks "$tasks" \
    "${orlib_args[@]}" --repeat 3 --out "$out/peer.json" 2> "$out/peer.log" >/dev/null )
echo "end $(date -u +%FT%TZ)" >> "$out/conditions.log"
python3 scripts/bench-pmedian-summary.py "$out" > "$out/summary.md"
cat "$out/summary.md"

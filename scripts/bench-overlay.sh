#!/usr/bin/env bash
# Overlay benchmark (issue 12): the intersection step of conflict detection, ours and shapely 2
# side by side in one run, on the peer's layers (20,000 parcels × 2,000 zones, 100,000 × 10,000).
# Usage: scripts/bench-overlay.sh PEER_BENCH_DIR [OUT_DIR]
#   PEER_BENCH_DIR  a copy of the team's peer benchmark (overlay_peer.py) with its .venv
#                   (python3 -m venv .venv && .venv/bin/pip install shapely==2.2.0 numpy==2.4.6)
# Ours: release build of chengxiang-bench, median of 3 runs, both cores. Peer: shapely 2 (STRtree +
# vectorised intersection), median of 3 runs, each in a fresh process (overlay_peer.py).
set -euo pipefail
cd "$(dirname "$0")/.."
peer=${1:?peer benchmark folder}; out=${2:-bench-results/overlay-$(date -u +%Y%m%dT%H%M)}
cases=${CASES:-base,x5}
mkdir -p "$out"; out=$(cd "$out" && pwd)
swift build -c release --product chengxiang-bench >/dev/null
bench=$(swift build -c release --show-bin-path)/chengxiang-bench
py="$peer/.venv/bin/python"
{ echo "start $(date -u +%FT%TZ)"; nproc; uname -sr; grep -m1 "model name" /proc/cpuinfo; } > "$out/conditions.log"
( cd "$peer" && "$py" overlay_peer.py --prepare-only --cases "$cases" >/dev/null 2>&1 )
for case in ${cases//,/ }; do
  echo "ours: $case" >&2
  "$bench" overlay "$peer/data/overlay/$case" --repeat 3 >> "$out/ours.jsonl"
  echo "peer: $case (shapely)" >&2
  ( cd "$peer" && "$py" overlay_peer.py --cases "$case" --engines shapely --repeat 3 2>>"$out/peer.log" ) >> "$out/peer.jsonl"
done
echo "end $(date -u +%FT%TZ)" >> "$out/conditions.log"
"$py" - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
ours = [json.loads(l) for l in open(os.path.join(out, "ours.jsonl"))]
peer = [r for l in open(os.path.join(out, "peer.jsonl")) for r in json.loads(l)["results"]]
print("| case | pairs (ours / shapely) | fingerprint equal | total area rel. diff | ours median s | shapely median s | ratio | ours peak MiB | shapely peak MB |")
print("|---|---|---|---|---|---|---|---|---|")
for o in ours:
    p = next(r for r in peer if r["case"] == o["case"])
    rel = abs(o["total_intersection_area_m2"] - p["total_intersection_area_m2"]) / p["total_intersection_area_m2"]
    print(f"| {o['case']} ({o['a']:,} × {o['b']:,}) | {o['intersecting_pairs']:,} / {p['intersecting_pairs']:,} | "
          f"{o['pairs_fingerprint'] == p['pairs_fingerprint']} | {rel:.1e} | {o['median_s']:.2f} | {p['median']['total_s']:.2f} | "
          f"{o['median_s'] / p['median']['total_s']:.2f} | {o['peak_rss_mib']:.0f} | {p['median']['peak_rss_self_mb']:.0f} |")
PY

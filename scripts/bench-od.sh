#!/usr/bin/env bash
# OD-matrix benchmark (issue 14): 1,000 origins × 200 destinations on the peer's road-like graphs
# (10k, 100k, 1M nodes), ours and SciPy's Dijkstra (from the destinations, the best peer there, and
# from the origins) and pandana side by side in one run.
# Usage: scripts/bench-od.sh PEER_BENCH_DIR [OUT_DIR]
#   PEER_BENCH_DIR  a copy of the team's peer benchmark (odmatrix_peer.py) with its .venv
#                   (python3 -m venv .venv && .venv/bin/pip install numpy==2.4.6 scipy==1.17.1 pandas==3.1.1 pandana==0.8)
# Ours: release build of chengxiang-bench, median of 3 runs, both cores. Peers: odmatrix_peer.py,
# median of 3 runs each in a fresh process (pandana only up to 200,000 nodes, as the peer script
# decides; SciPy from the origins searches 200 of the 1,000 origins on the 1M graph and extrapolates).
set -euo pipefail
cd "$(dirname "$0")/.."
peer=${1:?peer benchmark folder}; out=${2:-bench-results/od-$(date -u +%Y%m%dT%H%M)}
sizes=${SIZES:-10k,100k,1m}
engines=${ENGINES:-scipy_from_dests,scipy,pandana}
mkdir -p "$out"; out=$(cd "$out" && pwd)
swift build -c release --product chengxiang-bench >/dev/null
bench=$(swift build -c release --show-bin-path)/chengxiang-bench
py="$peer/.venv/bin/python"
{ echo "start $(date -u +%FT%TZ)"; nproc; uname -sr; grep -m1 "model name" /proc/cpuinfo; } > "$out/conditions.log"
( cd "$peer" && "$py" odmatrix_peer.py --prepare-only --sizes "$sizes" >/dev/null 2>&1 )
for size in ${sizes//,/ }; do
  echo "peer: $size ($engines)" >&2
  ( cd "$peer" && "$py" odmatrix_peer.py --sizes "$size" --engines "$engines" --repeat 3 2>>"$out/peer.log" ) >> "$out/peer.jsonl"
  echo "ours: $size" >&2
  "$bench" od "$peer/data/odmatrix/$size" --repeat 3 >> "$out/ours.jsonl"
done
echo "end $(date -u +%FT%TZ)" >> "$out/conditions.log"
"$py" - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
ours = [json.loads(l) for l in open(os.path.join(out, "ours.jsonl"))]
peer = [r for l in open(os.path.join(out, "peer.jsonl")) for r in json.loads(l)["results"]]
print("| graph | engine | build s | query s | total s | sum of distances (m) | rel. diff vs SciPy | max abs diff (m) | peak MiB/MB | total ÷ SciPy from dests |")
print("|---|---|---|---|---|---|---|---|---|---|")
for o in ours:
    ref = next(r for r in peer if r["size"] == o["case"] and r["engine"] == "scipy_from_dests")
    base = ref["median"]["total_s"]
    for r in [p for p in peer if p["size"] == o["case"]]:
        if "skipped" in r:
            print(f"| {o['case']} | {r['engine']} | — | — | — | — | — | — | — | skipped: {r['skipped'][:60]}… |")
            continue
        m = r["median"]
        ext = " (extrapolated)" if r.get("extrapolated") else ""
        print(f"| {o['case']} ({r['nodes']:,} nodes) | {r['engine']} | {m['preprocess_s']:.3f} | {m['query_s']:.2f}{ext} | {m['total_s']:.2f} | "
              f"{r['od_sum_m']:,.2f} | {abs(r['od_sum_m'] - ref['od_sum_m']) / ref['od_sum_m']:.1e} | {r.get('max_abs_diff_vs_ref_m', 0):.1e} | "
              f"{m['peak_rss_self_mb']:.0f} | {m['total_s'] / base:.2f} |")
    rel = abs(o["od_sum_m"] - ref["od_sum_m"]) / ref["od_sum_m"]
    print(f"| {o['case']} ({o['nodes']:,} nodes) | **chengxiang** ({o['threads']} threads) | {o['preprocess_median_s']:.3f} | {o['query_median_s']:.2f} | "
          f"{o['total_median_s']:.2f} | {o['od_sum_m']:,.2f} | {rel:.1e} | {o.get('max_abs_diff_vs_scipy_m', float('nan')):.1e} | "
          f"{o['peak_rss_mib']:.0f} | **{o['total_median_s'] / base:.2f}** |")
PY

#!/usr/bin/env bash
# Layer import benchmark (issue 12): a 100,000-feature GBK Shapefile (EPSG:4546, .prj, no .cpg, as
# surveyors' tools on Chinese Windows write it) imported by `chengxiang layers import`, beside
# ogr2ogr converting the same file to a GeoPackage; wall time and peak memory, median of 3 runs.
# Usage: scripts/bench-layer-import.sh PEER_BENCH_DIR [OUT_DIR]
#   PEER_BENCH_DIR  the peer benchmark folder with its .venv and the x5 overlay layers
#                   (scripts/bench-overlay.sh prepares them); the parcels of layer A are used,
#                   moved into 交城 (+570,000 m E, +4,130,000 m N) and given Chinese attributes.
set -euo pipefail
cd "$(dirname "$0")/.."
peer=${1:?peer benchmark folder}; out=${2:-bench-results/layer-import-$(date -u +%Y%m%dT%H%M)}
mkdir -p "$out"; out=$(cd "$out" && pwd)
swift build -c release --product chengxiang >/dev/null
cx=$(swift build -c release --show-bin-path)/chengxiang
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$peer/.venv/bin/python" - "$peer/data/overlay/x5/cache_a.npy" "$work/parcels.geojson" <<'PY'
import json, sys
import numpy as np, shapely
parcels = shapely.from_wkb(np.load(sys.argv[1], allow_pickle=True))
moved = shapely.transform(parcels, lambda xy: xy + np.array([570_000.0, 4_130_000.0]))
classes = ["0101", "0103", "0201", "0702", "1001"]
with open(sys.argv[2], "w") as f:
    f.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4546"}},"features":[\n')
    for i, g in enumerate(moved):
        feature = {"type": "Feature", "properties": {"名称": f"地块{i + 1}号", "地类编码": classes[i % 5]},
                   "geometry": shapely.geometry.mapping(g)}
        f.write(("," if i else "") + json.dumps(feature, ensure_ascii=False) + "\n")
    f.write("]}\n")
PY
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 "$work/parcels.shp" "$work/parcels.geojson"
rm -f "$work/parcels.cpg"
printf '\x00' | dd of="$work/parcels.dbf" bs=1 seek=29 conv=notrunc status=none
ls -l "$work"/parcels.* > "$out/files.txt"
{ echo "start $(date -u +%FT%TZ)"; nproc; uname -sr; grep -m1 "model name" /proc/cpuinfo; ogr2ogr --version; } > "$out/conditions.log"
for run in 1 2 3; do
  rm -f "$work/db.sqlite"* "$work/out.gpkg"
  "$cx" init --database "$work/db.sqlite" >/dev/null
  /usr/bin/time -a -o "$out/times.txt" -f "chengxiang %e s %M KiB" "$cx" layers import "$work/parcels.shp" --kind current-use \
    --database "$work/db.sqlite" >> "$out/chengxiang.out" 2>&1
  # ogr2ogr warns once per GBK value read without a code page (to its own stderr, not timed apart).
  /usr/bin/time -a -o "$out/times.txt" -f "ogr2ogr %e s %M KiB" ogr2ogr -f GPKG "$work/out.gpkg" "$work/parcels.shp" 2>/dev/null
done
echo "end $(date -u +%FT%TZ)" >> "$out/conditions.log"
cat "$out/times.txt"

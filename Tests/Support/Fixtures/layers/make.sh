#!/usr/bin/env bash
# How the layer fixtures were made (GDAL's ogr2ogr, Debian gdal-bin 3.6.2). The tests read the
# files this wrote, not this script. Coordinates are CGCS2000 3° Gauss–Krüger CM 111°E (EPSG:4546)
# metres near 阳渠 (597,000 E 4,153,000 N), so every area and overlap can be checked by hand.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
sq() { echo "[[[$(( $1 + 597000 )),$(( $2 + 4153000 ))],[$(( $3 + 597000 )),$(( $2 + 4153000 ))],[$(( $3 + 597000 )),$(( $4 + 4153000 ))],[$(( $1 + 597000 )),$(( $4 + 4153000 ))],[$(( $1 + 597000 )),$(( $2 + 4153000 ))]]]"; }
crs='"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4546"}}'
feature() { echo "{\"type\":\"Feature\",\"properties\":{\"名称\":\"$1\",\"地类\":\"$2\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":$3}}"; }
# Basic farmland: two 100 m squares, 10,000 m² (15 亩) each.
echo "{\"type\":\"FeatureCollection\",$crs,\"features\":[$(feature 基本农田甲 水浇地 "$(sq 0 0 100 100)"),$(feature 基本农田乙 旱地 "$(sq 200 0 300 100)")]}" > farmland.geojson
# Construction plan: 200 m × 50 m across both squares (2,500 m² in each) and into the red line.
echo "{\"type\":\"FeatureCollection\",$crs,\"features\":[$(feature 规划建设用地一 城镇住宅用地 "$(sq 50 0 250 50)")]}" > construction.geojson
# Development boundary: holds x ≤ 150, so 5,000 m² of the construction plan lies outside it.
echo "{\"type\":\"FeatureCollection\",$crs,\"features\":[$(feature 城镇开发边界 城镇 "$(sq 0 -100 150 200)")]}" > boundary.geojson
# Ecological red line: from x = 240, so 500 m² of the construction plan is in it.
echo "{\"type\":\"FeatureCollection\",$crs,\"features\":[$(feature 生态保护红线 红线 "$(sq 240 0 400 100)")]}" > redline.geojson
# A bow tie (self-intersection at its middle).
echo "{\"type\":\"FeatureCollection\",$crs,\"features\":[$(feature 蝴蝶形 水浇地 "[[[597000,4153000],[597100,4153100],[597100,4153000],[597000,4153100],[597000,4153000]]]")]}" > bowtie.geojson
# The farmland as a GBK Shapefile with .prj and no .cpg (the .dbf's language byte left 0), as
# surveyors' tools on Chinese Windows write it; also zipped.
rm -rf farmland-gbk && mkdir farmland-gbk
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 farmland-gbk/基本农田.shp farmland.geojson
rm farmland-gbk/基本农田.cpg
printf '\x00' | dd of=farmland-gbk/基本农田.dbf bs=1 seek=29 conv=notrunc status=none
(cd farmland-gbk && rm -f ../farmland-gbk.zip && zip -q ../farmland-gbk.zip 基本农田.*)
# The same without .prj: a file with no coordinate system.
rm -rf no-prj && mkdir no-prj && cp farmland-gbk/基本农田.{shp,shx,dbf} no-prj/
# A .dbf with one record under a .shp with two.
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 -fid 0 "$tmp/one.shp" farmland.geojson
rm -rf short-dbf && mkdir short-dbf && cp farmland-gbk/基本农田.{shp,shx,prj} short-dbf/ && cp "$tmp/one.dbf" short-dbf/基本农田.dbf
# The construction plan as a GeoPackage in CGCS2000 degrees (EPSG:4490), and in WGS84 GeoJSON.
rm -f construction-4490.gpkg construction-wgs84.geojson
ogr2ogr -f GPKG -t_srs EPSG:4490 -nln 规划建设用地 construction-4490.gpkg construction.geojson
ogr2ogr -f GeoJSON -t_srs EPSG:4326 -lco COORDINATE_PRECISION=10 construction-wgs84.geojson construction.geojson
rm -rf "$tmp"
# The red line as a file geodatabase (GDAL's OpenFileGDB driver writes it since 3.6).
rm -rf redline.gdb
ogr2ogr -f OpenFileGDB -nln 生态保护红线 redline.gdb redline.geojson

#!/usr/bin/env bash
# Installs the Debian packages the program (`runtime`, the default: `make demo`) or the tests
# (`test`) need, only those missing. Run as root (CI) or with sudo available; prints what it installs.
set -euo pipefail

packages=(
  libsqlite3-dev     # GRDB links the system SQLite
  libxml2-dev        # libxml2's streaming reader (XLSX reading)
  libgeos-dev        # GEOS: geometry validity, repair and overlay
  libproj-dev        # PROJ: CGCS2000 Gauss–Krüger coordinates to longitude/latitude
  libgdal-dev        # GDAL/OGR: plan layers from Shapefile, GeoPackage, GeoJSON, file geodatabase
  libxlsxwriter-dev  # Excel reports
  chromium           # `chengxiang report --format pdf` prints with headless Chromium
  fonts-noto-cjk     # Chinese glyphs in PDFs
  openssl curl       # tests of `serve --tls-cert`: a self-signed certificate and an HTTPS request
  postgresql-client  # pg_dump, pg_restore, psql: backups of a register kept in PostgreSQL
)
# The tests also need a PostgreSQL server: they run the store tests on a throwaway cluster
# (scripts/test-postgres.sh). The browser tests use the same Chromium.
# The export tests open the downloaded workbooks with openpyxl, as a clerk's Excel would read them.
if [[ "${1:-runtime}" == "test" ]]; then
  packages+=(postgresql python3-openpyxl)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "安装缺少的 Debian 包 installing missing Debian packages: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "需要 root 权限安装：${missing[*]} | need root to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"

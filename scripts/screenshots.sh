#!/usr/bin/env bash
# Screenshots of the main pages for docs/screenshots (shown in the README): the 交城 demo served
# locally, captured by headless Chromium at a desktop's 1280 px, in Chinese, and the overview in
# English; then a phone's 390 px viewport, which needs device emulation over the DevTools protocol
# (a headless window is never narrower than 500 px): the browser test that checks those pictures
# writes them where CHENGXIANG_SCREENSHOTS points.   scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product chengxiang >/dev/null
bin=$(swift build --show-bin-path)
work=$(mktemp -d)
server=
trap 'if [[ -n $server ]]; then kill $server 2>/dev/null || true; fi; rm -rf "$work"' EXIT
"$bin/chengxiang" demo --no-serve --database "$work/demo.sqlite" >/dev/null 2>&1
port=18181
"$bin/chengxiang" serve --database "$work/demo.sqlite" --port $port --public-read >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/hello" >/dev/null && break; sleep 0.2; done
out=docs/screenshots
mkdir -p "$out"
shot() { # name path width height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size="$3,$4" --virtual-time-budget=3000 --screenshot="$out/$1.png" "http://127.0.0.1:$port$2" >/dev/null 2>&1
  echo "$out/$1.png"
}
shot overview-1280 "/" 1280 900
shot map-1280 "/map" 1280 900
shot schools-1280 "/schools" 1280 900
shot scenario-1280 "/scenarios/2" 1280 900
shot indicators-1280 "/indicators" 1280 900
shot tasks-1280 "/tasks" 1280 900
shot overview-en-1280 "/?lang=en" 1280 900
phone="$work/phone"
CHENGXIANG_SCREENSHOTS="$phone" swift test --filter 'PageBehaviourTests/phoneScreenshots' >/dev/null
for name in overview map schools tasks indicators scenarios-2; do
  cp "$phone/$name.png" "$out/${name/scenarios-2/scenario}-390.png"
  echo "$out/${name/scenarios-2/scenario}-390.png"
done
rm -f "$out"/*-500.png

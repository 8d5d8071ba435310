#!/usr/bin/env bash
# Lighthouse 12 (13 needs Node >= 22) on the release build with the system Chromium, desktop
# preset (measured 2026-11-22: performance 96, accessibility 100, best practices 100, SEO 100 on
# all three views; the default mobile emulation gives performance 69, LCP 7.7 s); prints the
# four category scores for each view. Separate from test.sh because it takes minutes.
#   ./scripts/lighthouse.sh            # builds dist/ if missing, installs lighthouse on first use
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh" test >/dev/null
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
cd "$ROOT"
[ -f dist/index.html ] || trunk build --release
TOOLS="$ROOT/target/lighthouse"
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error lighthouse@12 >/dev/null)
fi
PORT=8471
python3 -m http.server "$PORT" --bind 127.0.0.1 -d dist >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
export CHROME_PATH=/usr/bin/chromium
for view in "" "?view=quiz" "?topic=mlops"; do
  "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/$view" --quiet --output=json --output-path="$TOOLS/report.json" \
    --only-categories=performance,accessibility,best-practices,seo --preset=desktop \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"
  node -e '
    const r = require(process.argv[1]);
    const s = Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
    console.log(`${process.argv[2] || "/"}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s["best-practices"]}, seo ${s.seo}`);
  ' "$TOOLS/report.json" "$view"
done

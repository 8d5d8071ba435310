#!/usr/bin/env bash
# Lighthouse 12 (13 needs Node >= 22) on the release build with the system Chromium, for each
# view, with Lighthouse's default mobile emulation (slow 4G, 4x CPU slowdown) and its desktop
# preset; prints the four category scores and LCP / TBT per run. dist/ is served compressed from a
# sub-path, as static hosts serve it. Separate from test.sh because it takes minutes.
#   ./scripts/lighthouse.sh            # gzip, as GitHub Pages; builds dist/ if missing
#   ENCODING=br ./scripts/lighthouse.sh  # brotli, as Netlify, Cloudflare Pages and Vercel
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
node --input-type=module -e "
  import { serve } from '$ROOT/tests/e2e/support.mjs';
  await serve({ encoding: '${ENCODING:-gzip}', port: $PORT });
" &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
export CHROME_PATH=/usr/bin/chromium
for preset in mobile desktop; do
  flags=()
  [ "$preset" = desktop ] && flags=(--preset=desktop)
  for view in "" "?view=quiz" "?topic=mlops"; do
    "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/blog/podpath/$view" --quiet --output=json \
      --output-path="$TOOLS/report.json" --only-categories=performance,accessibility,best-practices,seo "${flags[@]}" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"
    node -e '
      const r = require(process.argv[1]);
      const s = Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
      const a = (id) => r.audits[id].displayValue;
      console.log(`${process.argv[2]} ${process.argv[4]} ${process.argv[3] || "/"}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s["best-practices"]}, seo ${s.seo} (LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")}, CLS ${a("cumulative-layout-shift")})`);
    ' "$TOOLS/report.json" "$preset" "$view" "${ENCODING:-gzip}"
  done
done

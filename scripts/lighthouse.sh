#!/usr/bin/env bash
# Lighthouse 12 (13 needs Node >= 22) on the release build with the system Chromium, for each
# view, with Lighthouse's default mobile emulation (slow 4G, 4x CPU slowdown) and its desktop
# preset. Each view is measured RUNS times (default 3) and the run Lighthouse itself picks as the
# median (core/lib/median-run.js, as its variability guide recommends) is printed with its four
# category scores, LCP / TBT / CLS, and the range of performance scores over the runs. dist/ is
# served compressed ahead of time from a sub-path, as static hosts serve it. Separate from
# test.sh because it takes minutes.
#   ./scripts/lighthouse.sh              # gzip, as GitHub Pages; builds the release dist/ when
#                                        # dist/ is missing or holds trunk serve's debug build
#   ENCODING=br ./scripts/lighthouse.sh  # brotli, as Netlify, Cloudflare Pages and Vercel
#   RUNS=5 ./scripts/lighthouse.sh       # more runs per view
#   PRESETS=mobile ./scripts/lighthouse.sh   # mobile only (default: mobile and desktop)
# The views are the three entry points with a pre-rendered first screen: /, ?view=quiz and
# ?view=topics.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh" test >/dev/null
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
cd "$ROOT"
# Measure the release bundle only: after ./scripts/serve.sh, dist/ holds trunk serve's debug
# build (about 7 MB of wasm, where the release build is under 1.5 MB).
debug_wasm=$(find dist -maxdepth 1 -name '*.wasm' -size +3M 2>/dev/null | head -n1)
if [ ! -f dist/index.html ] || [ -n "$debug_wasm" ]; then
  echo "building the release bundle (dist/ is missing or holds a debug build)"
  trunk build --release
fi
TOOLS="$ROOT/target/lighthouse"
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error lighthouse@12 >/dev/null)
fi
PORT=8471
node --input-type=module -e "
  import { serve, precompress } from '$ROOT/tests/e2e/support.mjs';
  await precompress('${ENCODING:-gzip}');
  await serve({ encoding: '${ENCODING:-gzip}', port: $PORT });
" &
SERVER=$!
trap 'kill $SERVER' EXIT
# Compressing everything first (brotli at its highest quality) takes a few seconds: wait until
# the server listens.
until (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "the test server did not start" >&2; exit 1; }
  sleep 0.2
done
export CHROME_PATH=/usr/bin/chromium
RUNS=${RUNS:-3}
VIEWS=("" "?view=quiz" "?view=topics")
for preset in ${PRESETS:-mobile desktop}; do
  flags=()
  [ "$preset" = desktop ] && flags=(--preset=desktop)
  for view in "${VIEWS[@]}"; do
    rm -f "$TOOLS"/run-*.json
    for run in $(seq -w "$RUNS"); do
      "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/blog/podpath/$view" --quiet --output=json \
        --output-path="$TOOLS/run-$run.json" --only-categories=performance,accessibility,best-practices,seo "${flags[@]}" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"
    done
    node --input-type=module -e '
      import { readFileSync } from "node:fs";
      import { computeMedianRun } from "'"$TOOLS"'/node_modules/lighthouse/core/lib/median-run.js";
      const [preset, view, encoding, ...files] = process.argv.slice(1);
      const runs = files.map((f) => JSON.parse(readFileSync(f, "utf8")));
      const score = (r, id) => Math.round(r.categories[id].score * 100);
      const perf = runs.map((r) => score(r, "performance"));
      const r = computeMedianRun(runs);
      const a = (id) => r.audits[id].displayValue;
      console.log(`${preset} ${encoding} ${view || "/"}: performance ${score(r, "performance")} (runs: ${perf.join(", ")}), accessibility ${score(r, "accessibility")}, best practices ${score(r, "best-practices")}, seo ${score(r, "seo")} (LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")}, CLS ${a("cumulative-layout-shift")})`);
    ' "$preset" "$view" "${ENCODING:-gzip}" "$TOOLS"/run-*.json
  done
done

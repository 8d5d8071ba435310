#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): on a release build, writes each view's first screen into
# index.html (scripts/prerender.mjs). It needs Node, the e2e test dependencies (playwright-core)
# and Chromium, which `scripts/setup.sh test` installs; without them the build still succeeds and
# the page keeps its loading view until the app starts.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The wasm's functions in the order that compresses best (scripts/order-functions.mjs): first, so
# that the pre-render and the tests run the wasm readers get.
# Then the imports' short names, in the wasm and its glue alike (scripts/short-imports.mjs).
if command -v node >/dev/null; then
  node "$ROOT/scripts/order-functions.mjs"
  node "$ROOT/scripts/short-imports.mjs"
fi
# The small files next (comments and layout whitespace out, integrity hashes updated), so the
# pre-render sees what readers get.
if command -v node >/dev/null; then node "$ROOT/scripts/minify.mjs"; fi
missing=""
command -v node >/dev/null || missing="Node.js"
[ -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || missing="${missing:+$missing, }playwright-core (scripts/setup.sh test)"
# The same variable the e2e support and this step's launcher read.
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="${missing:+$missing, }Chromium"
if [ -n "$missing" ]; then
  echo "prerender: skipped, missing $missing; the page shows its loading view until the wasm starts" >&2
else
  node "$ROOT/scripts/prerender.mjs"
fi
# Last, once every file is final: the .gz and .br copies for hosts that serve them as they are.
if command -v node >/dev/null; then node "$ROOT/scripts/precompress.mjs"; fi

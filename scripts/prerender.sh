#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): the release build's last steps, in the staging directory.
# The wasm's functions in the order that compresses best and its imports under short names
# (scripts/order-functions.mjs, scripts/short-imports.mjs), the wasm xz-compressed with its
# decoder (scripts/pack-wasm.mjs, which also needs xz), the small files minified
# (scripts/minify.mjs), each view's first screen written into index.html (scripts/prerender.mjs),
# and the .gz and .br copies (scripts/precompress.mjs). They need Node, the e2e test dependencies
# (binaryen's wasm-opt, esbuild, xz-decompress, playwright-core), xz and Chromium, which
# `scripts/setup.sh test` installs. Without Node the build still succeeds, but the code is about
# 80 KB larger gzip (so scripts/size.sh fails its budget) and the page keeps its loading view
# until the app starts.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if command -v node >/dev/null; then
  # The wasm's steps first, so that the pre-render (and then every e2e test) runs the wasm that
  # readers get; the glue's names before minify.mjs, which minifies what they leave.
  node "$ROOT/scripts/order-functions.mjs"
  node "$ROOT/scripts/short-imports.mjs"
  # The wasm xz-compressed with its decoder, once the wasm is final; it switches the loader to
  # the packed path before minify.mjs minifies the loader.
  node "$ROOT/scripts/pack-wasm.mjs"
  # The small files (comments and layout whitespace out, integrity hashes updated) before the
  # pre-render, which then sees what readers get.
  node "$ROOT/scripts/minify.mjs"
fi
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

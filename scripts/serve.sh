#!/usr/bin/env bash
# Installs what is missing, then serves podpath with live reload on http://127.0.0.1:8080/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh" serve
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"
cd "$ROOT"
export TRUNK_SKIP_VERSION_CHECK=true
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"

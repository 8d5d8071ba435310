#!/usr/bin/env bash
# The catalog's weekly job (.github/workflows/catalog.yml runs it; so can a maintainer):
#   refresh      status, last episode, cadence and length from every known feed
#   discover     feeds for shows without one, from Apple's public lookup by Apple id
#   check-links  every https link of the catalog; permanent moves rewritten in place
# then the engine's data tests. Each tool writes data/catalog.json only once the validator
# accepts it. What they print goes into a Markdown report (the pull request's body):
#   scripts/update-catalog.sh [REPORT]     (default target/catalog-report.md)
# Exit status: 0 when the catalog is valid (some feeds or links may have failed: the report
# says which), 1 when a tool could not run (usage or file error) or the data tests fail.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
REPORT="${1:-target/catalog-report.md}"
CATALOG=data/catalog.json
mkdir -p "$(dirname "$REPORT")" target

cargo build --release -p podpath_catalog || exit 1
TOOL=target/release/podpath_catalog
FATAL=0

{
  echo "# Catalog: weekly refresh"
  echo
  echo "Made by \`scripts/update-catalog.sh\` on $(date -u +%Y-%m-%d). Every fact below comes from the"
  echo "show's own feed, Apple's public lookup or the link itself; review, then merge."
} >"$REPORT"

# Runs one step of the job, keeps what it printed in the report, and notes a fatal exit.
section() {
  local title="$1"
  shift
  local out status
  out=$("$@" 2>&1)
  status=$?
  printf '%s\n' "$out"
  {
    echo
    echo "## $title (exit $status)"
    echo
    echo '```text'
    printf '%s\n' "$out"
    echo '```'
  } >>"$REPORT"
  # 0: all fine; 1: some feeds or links failed, the rest is applied; anything else: stop.
  [ "$status" -le 1 ] || FATAL=1
}

section "refresh" "$TOOL" refresh --catalog "$CATALOG"
section "discover" "$TOOL" discover --catalog "$CATALOG"
section "check-links" "$TOOL" check-links --catalog "$CATALOG" --fix-moved --json target/check-links.json
section "data tests" cargo test -p podpath_engine --test shipped_data --test validation_rules --test validation_errors

echo "report: $REPORT"
exit "$FATAL"

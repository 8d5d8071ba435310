#!/usr/bin/env bash
# Prints the release bundle's size per file (raw and gzip -9) and fails over budget.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$ROOT/dist}"

# The one place the budget lives: total gzip bytes of everything in dist/. Raising it needs a
# reason in the commit message (see README, "Size budget").
BUDGET_GZIP_BYTES=$((370 * 1024))

total_raw=0
total_gz=0
printf '%-24s %10s %10s\n' "file" "raw" "gzip"
for f in "$DIST"/*; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-24s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-24s %10d %10d   (budget %d gzip)\n' "total" "$total_raw" "$total_gz" "$BUDGET_GZIP_BYTES"
if [ "$total_gz" -gt "$BUDGET_GZIP_BYTES" ]; then
  echo "size budget exceeded by $((total_gz - BUDGET_GZIP_BYTES)) bytes gzip" >&2
  exit 1
fi

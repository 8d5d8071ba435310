#!/usr/bin/env bash
# Prints the release bundle's size per file (raw and gzip -9) and fails over budget.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$ROOT/dist}"

# The one place the budgets live, in gzip bytes. Raising one needs a reason in the commit
# message (see README, "Size budget").
#   code: everything but the page (the xz-compressed wasm and its decoder, its JS glue, CSS, the
#         small scripts): what every reader of every embed downloads and the browser must compile.
#   page: index.html, which carries the pre-rendered first screens (scripts/prerender.mjs).
BUDGET_CODE_GZIP_BYTES=$((280 * 1024))
BUDGET_PAGE_GZIP_BYTES=$((20 * 1024))

total_raw=0
total_gz=0
code_gz=0
page_gz=0
printf '%-24s %10s %10s\n' "file" "raw" "gzip"
code_br=0
for f in "$DIST"/*; do
  [ -f "$f" ] || continue
  # The precompressed copies (scripts/precompress.mjs) are not files a reader downloads as well.
  case "$f" in
    *.gz) continue ;;
    *.br)
      [ "$(basename "$f")" = index.html.br ] || code_br=$((code_br + $(stat -c %s "$f")))
      continue
      ;;
  esac
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  # A file without a .br copy (the xz-compressed wasm) is sent as it is.
  if [ "$(basename "$f")" != index.html ] && [ ! -f "$f.br" ]; then code_br=$((code_br + raw)); fi
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  if [ "$(basename "$f")" = index.html ]; then page_gz=$((page_gz + gz)); else code_gz=$((code_gz + gz)); fi
  printf '%-24s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-24s %10d %10d\n' "total" "$total_raw" "$total_gz"
if [ -f "$DIST/podpath_bg.wasm.xz" ] && command -v xz >/dev/null; then
  # What the browser compiles once unpack.js has decoded it (scripts/pack-wasm.mjs).
  printf '%-24s %10d %10s   (podpath_bg.wasm.xz decoded)\n' "wasm" "$(xz -dc "$DIST/podpath_bg.wasm.xz" | wc -c)" ""
fi
printf '%-24s %10s %10d   (budget %d gzip)\n' "code (all but the page)" "" "$code_gz" "$BUDGET_CODE_GZIP_BYTES"
printf '%-24s %10s %10d   (budget %d gzip)\n' "page (index.html)" "" "$page_gz" "$BUDGET_PAGE_GZIP_BYTES"
if ls "$DIST"/*.br >/dev/null 2>&1; then
  printf '%-24s %10s %10d   (brotli 11 from the .br copies, the .xz as it is: for hosts that send brotli)\n' "code, brotli" "" "$code_br"
fi
if grep -q "data-pp-prerendered" "$DIST/index.html" 2>/dev/null; then
  # What the pre-rendered first screens cost: the page against its loading view alone.
  plain=$(sed -e '/<!-- podpath:first-screen -->/,/<!-- \/podpath:first-screen -->/d' \
    -e '/<template data-pp-screen=/d' "$DIST/index.html" | gzip -9 | wc -c)
  printf '%-24s %10s %10d   (of the page: Find, quiz and topics screens)\n' "pre-rendered screens" "" "$((page_gz - plain))"
fi
over=0
if [ "$code_gz" -gt "$BUDGET_CODE_GZIP_BYTES" ]; then
  echo "code budget exceeded by $((code_gz - BUDGET_CODE_GZIP_BYTES)) bytes gzip" >&2
  over=1
fi
if [ "$page_gz" -gt "$BUDGET_PAGE_GZIP_BYTES" ]; then
  echo "page budget exceeded by $((page_gz - BUDGET_PAGE_GZIP_BYTES)) bytes gzip" >&2
  over=1
fi
exit "$over"

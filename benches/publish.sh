#!/usr/bin/env bash
# Publish times for 24 (the shipped file), 2,000 and 10,000 events: a full publish into an
# empty folder, then again after one event changed. Prints one line per size; the figures go
# to docs/performance.md. Uses the release kit's newsctl (scripts/release.sh builds it) and the
# shell of the last release build (target/shell).
# Usage: bash benches/publish.sh [SIZES...]   (default: 24 2000 10000)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${NEWSCTL:-$ROOT/target/x86_64-unknown-linux-gnu/kit/newsctl}"
SHELL_DIR="${SHELL_DIR:-$ROOT/target/shell}"
[ -x "$BIN" ] || { echo "no $BIN: run bash scripts/release.sh first (or set NEWSCTL)" >&2; exit 1; }
[ -f "$SHELL_DIR/index.html" ] || { echo "no shell in $SHELL_DIR: run trunk build --release" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
seconds() { local t0=$EPOCHREALTIME; "$@" >/dev/null; awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }

printf '%-8s %-8s %-10s %-14s %-12s\n' events pages full_s one_changed_s site_MB
for n in "${@:-24 2000 10000}"; do
  for size in $n; do
    news="$WORK/news-$size.json"
    if [ "$size" = 24 ]; then cp public/data/news.json "$news"
    else "$BIN" synth --events "$size" public/data/news.json >"$news"; fi
    out="$WORK/site-$size"
    full=$(seconds "$BIN" publish --shell "$SHELL_DIR" --out "$out" "$news")
    # One event's title changes: its pages, feeds and calendars are written again.
    python3 - "$news" <<'PY'
import json, sys
path = sys.argv[1]
news = json.load(open(path, encoding="utf-8"))
event = news["events"][len(news["events"]) // 2]
for lang in ("bg", "en"):
    if lang in event["title"]:
        event["title"][lang] += " (1)"
json.dump(news, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
    again=$(seconds "$BIN" publish --shell "$SHELL_DIR" --out "$out" "$news")
    pages=$(find "$out" -name '*.html' | wc -l)
    mb=$(du -sm "$out" | cut -f1)
    printf '%-8s %-8s %-10.2f %-14.2f %-12s\n' "$size" "$pages" "$full" "$again" "$mb"
  done
done

#!/usr/bin/env bash
# The release kit as an editor uses it: unpacked where none of our tools are (PATH=/usr/bin:/bin,
# an empty environment), it checks and publishes the shipped news file and another project's,
# refuses a file with an error (line and column, nothing written), republishes only what
# changed and removes the pages of a deleted event. Needs the archive of scripts/release.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME="$(awk -F'"' '/^name = / { print $2; exit }' "$ROOT/Cargo.toml")"
VERSION="$(awk -F'"' '/^version = / { print $2; exit }' "$ROOT/Cargo.toml")"
ARCHIVE="$ROOT/target/release-kit/$NAME-$VERSION-x86_64-linux.tar.gz"
[ -f "$ARCHIVE" ] || { echo "no release kit at $ARCHIVE: run bash scripts/release.sh first" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); printf 'ok - %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'not ok - %s\n' "$1"; }
expect() { local name="$1"; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }
# What an editor's machine has: the system's own folders, nothing of ours.
bare() { (cd "$WORK/kit" && env -i PATH=/usr/bin:/bin HOME="$WORK" LANG=C.UTF-8 "$@"); }

mkdir "$WORK/kit"
tar -xzf "$ARCHIVE" -C "$WORK/kit"
expect "the archive holds newsctl, shell/, news.json, README.md and the font's licence at its top level" \
  test "$(cd "$WORK/kit" && LC_ALL=C ls -A | LC_ALL=C sort | tr '\n' ' ')" = "LICENSE-DejaVu.txt README.md news.json newsctl shell "
expect "newsctl is a static binary" bash -c "ldd '$WORK/kit/newsctl' 2>&1 | grep -Eq 'statically linked|not a dynamic executable'"

bare ./newsctl check news.json >"$WORK/check.txt" 2>&1 || true
expect "check passes on the shipped news file" grep -q ' 0 errors' "$WORK/check.txt"

bare ./newsctl publish --shell shell --out site news.json >"$WORK/publish.txt" 2>&1 || true
expect "publish writes the pages, feeds, manifest, news file and compressed siblings" \
  test -s "$WORK/kit/site/index.html" -a -s "$WORK/kit/site/en.html" -a -s "$WORK/kit/site/404.html" \
  -a -s "$WORK/kit/site/feed.bg.xml" -a -s "$WORK/kit/site/manifest.webmanifest" \
  -a -s "$WORK/kit/site/data/news.json" -a -s "$WORK/kit/site/index.html.br" -a -s "$WORK/kit/site/index.html.gz"
expect "the app's wasm is in the site" bash -c "ls '$WORK/kit/site/'*.wasm >/dev/null"

bare ./newsctl publish --shell shell --out site news.json >"$WORK/again.txt" 2>&1 || true
expect "publishing the same file again rewrites nothing" grep -q ': 0 pages written, [0-9]* unchanged, 0 removed; 0 other files written' "$WORK/again.txt"

# The same shell below a sub-path of the host: only <base href> and the pages' links move.
bare ./newsctl publish --shell shell --out sub-site --base-path /projects/news/ news.json >"$WORK/sub.txt" 2>&1 || true
expect "a site below a sub-path points there" \
  grep -q '<base href="/projects/news/">' "$WORK/kit/sub-site/index.html"
expect "a site below a sub-path links its pages there" grep -q 'href="/projects/news/en"' "$WORK/kit/sub-site/index.html"

# An event deleted from the file: its four pages and calendars go, the rest stays.
python3 - "$WORK/kit/news.json" "$WORK/kit/fewer.json" <<'PY'
import json, sys
news = json.load(open(sys.argv[1], encoding="utf-8"))
gone = news["events"].pop()
json.dump(news, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
open(sys.argv[2] + ".slug", "w").write(gone["slug"])
PY
SLUG="$(cat "$WORK/kit/fewer.json.slug")"
bare ./newsctl publish --shell shell --out site fewer.json >"$WORK/fewer.txt" 2>&1 || true
expect "a deleted event's pages are removed and counted" grep -q ' 2 removed; ' "$WORK/fewer.txt"
expect "a deleted event's page and siblings are gone" \
  test ! -e "$WORK/kit/site/events/$SLUG.html" -a ! -e "$WORK/kit/site/events/$SLUG.html.br"

# A file with an error: refused with its line and column, and nothing is written.
cp "$ROOT/tests/fixtures/mixed-good-and-bad.json" "$WORK/kit/bad.json"
set +e
bare ./newsctl publish --shell shell --out bad-site bad.json >"$WORK/bad.txt" 2>&1
code=$?
set -e
expect "a file with errors is refused (exit code 1)" test "$code" = 1
expect "each error is printed as FILE:LINE:COL" grep -Eq '^bad\.json:[0-9]+:[0-9]+: error: ' "$WORK/bad.txt"
expect "nothing is written for a refused file" test ! -e "$WORK/kit/bad-site"

# Another project's file gives that project's site, with nothing of the shipped one.
cp "$ROOT/tests/fixtures/second-project/news.json" "$WORK/kit/other.json"
bare ./newsctl publish --shell shell --out other-site other.json >"$WORK/other.txt" 2>&1 || true
python3 - "$WORK/kit/news.json" "$WORK/kit/other.json" "$WORK/kit/other-site" >"$WORK/names.txt" 2>&1 <<'PY'
import json, os, sys
shipped = json.load(open(sys.argv[1], encoding="utf-8"))
other = json.load(open(sys.argv[2], encoding="utf-8"))
site = shipped["site"]
names = {site["project"]["acronym"], site["project"].get("grant_agreement") or ""}
names |= {site["publisher"][l] for l in ("bg", "en") if l in site["publisher"]}
names |= {c["name"][l] for c in shipped["cities"] for l in ("bg", "en") if l in c["name"]}
names -= {n["name"][l] for n in other["cities"] for l in ("bg", "en") if l in n["name"]}
names = {n for n in names if len(n) >= 5}
found = []
for folder, _, files in os.walk(sys.argv[3]):
    for f in files:
        if f.endswith((".html", ".xml", ".ics", ".webmanifest")):
            text = open(os.path.join(folder, f), encoding="utf-8").read()
            found += [f"{f}: {n}" for n in names if n in text]
acronym = other["site"]["project"]["acronym"]
index = open(os.path.join(sys.argv[3], "index.html"), encoding="utf-8").read()
print("acronym:", acronym in index)
print("found:", len(found), *found[:10])
PY
expect "the other project's site names its own project" grep -q '^acronym: True' "$WORK/names.txt"
expect "the other project's site names nothing of the shipped project" grep -q '^found: 0' "$WORK/names.txt"

if [ "$FAILED" != 0 ]; then
  for f in check publish again sub fewer bad other names; do
    printf -- '--- %s\n' "$f"; head -n 20 "$WORK/$f.txt" 2>/dev/null || true
  done
fi
printf '%s passed, %s failed\n' "$PASSED" "$FAILED"
[ "$FAILED" = 0 ]

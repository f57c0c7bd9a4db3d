#!/usr/bin/env bash
# The release kit for editors: everything a municipality needs to publish its news without
# our build toolchain, in one archive:
#   target/release-kit/<crate>-<version>-x86_64-linux.tar.gz
#     newsctl      a statically linked Linux binary (glibc linked in, crt-static): check, publish
#     shell/       the app shell (page template, wasm, JS glue, styles, icons, schema)
#     news.json    the shipped news file, to start from
#     README.md    the publishing guide, in Bulgarian and English
#     LICENSE-DejaVu.txt  the licence of the font inside newsctl (it draws the shared-link card)
# Usage: bash scripts/release.sh   (make release)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/target/tools/node/bin:$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Static glibc rather than musl: the same binary runs on any x86_64 Linux, and glibc's
# allocator publishes 10,000 events in half the time musl's does (docs/performance.md).
TARGET=x86_64-unknown-linux-gnu
NAME="$(awk -F'"' '/^name = / { print $2; exit }' Cargo.toml)"
VERSION="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
KIT_ROOT="$ROOT/target/release-kit"
KIT_NAME="$NAME-$VERSION-x86_64-linux"
STAGE="$KIT_ROOT/$KIT_NAME"

# The target named explicitly, so RUSTFLAGS reach only newsctl and its dependencies, not the
# build scripts and macros that run here.
echo "release: newsctl for $TARGET, statically linked"
RUSTFLAGS="-C target-feature=+crt-static" cargo build --locked --profile kit --target "$TARGET" --bin newsctl
BIN="$ROOT/target/$TARGET/kit/newsctl"

# The shell of a root build: a site below a sub-path is published with --base-path (the
# shell names its files below <base href>; see docs/publishing.md).
echo "release: app shell"
rm -rf "$STAGE" "$KIT_ROOT/build"
NEWS_SHELL_DIR="$STAGE/shell" trunk build --release --dist "$KIT_ROOT/build" >/dev/null
rm -rf "$KIT_ROOT/build"

cp "$BIN" "$STAGE/newsctl"
cp public/data/news.json "$STAGE/news.json"
cp docs/release-kit.md "$STAGE/README.md"
# The font's licence travels with every copy of it, and newsctl carries one.
FONT_CRATE="$(cargo metadata --locked --format-version 1 | node -e '
  const meta = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const font = meta.packages.find((p) => p.name === "dejavu");
  if (!font) process.exit(1);
  console.log(require("path").dirname(font.manifest_path));
')"
cp "$FONT_CRATE"/assets/dejavu-fonts-ttf-*/LICENSE "$STAGE/LICENSE-DejaVu.txt"
ARCHIVE="$KIT_ROOT/$KIT_NAME.tar.gz"
# Same bytes for the same input: sorted names, fixed owner and time.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' \
  -C "$STAGE" -czf "$ARCHIVE" newsctl shell news.json README.md LICENSE-DejaVu.txt
echo "release: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"

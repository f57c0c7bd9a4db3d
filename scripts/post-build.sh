#!/usr/bin/env bash
# trunk's post_build hook (Trunk.toml), on the staging folder before trunk moves it to dist:
#  1. the app shell: trunk's index.html becomes the page template (our loader, marks, in
#     release builds the CSP <meta>; post-build.mjs template), and the folder without the
#     news file is kept as the shell ($NEWS_SHELL_DIR, default target/shell), its large files
#     compressed once at the highest level in release builds;
#  2. the editor (editor/Trunk.toml): its own page and wasm, built beside and copied into the
#     shell's `editor/` folder, so that every published site has it at `/editor/`;
#  3. the site: `newsctl publish` writes every page, feed and calendar, the manifest and the
#     news file from public/data/news.json into the staging folder, as an editor's publish
#     does from a release kit. A news file with errors fails the build. Links in feeds start
#     with site.canonical_url, or with $NEWS_BASE_URL when that is set.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/target/tools/node/bin:$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

OUT="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook, or set TRUNK_STAGING_DIR to a built folder}"
SHELL_DIR="${NEWS_SHELL_DIR:-$ROOT/target/shell}"

# A debug build (trunk serve) skips compression (its wasm is large and served locally) and the
# CSP: trunk serve adds its own inline live-reload script after this hook, which the policy's
# hashes cannot know.
TEMPLATE_ARGS=()
PUBLISH_ARGS=()
RELEASE=1
if [ "${TRUNK_PROFILE:-release}" != "release" ]; then
  TEMPLATE_ARGS=(--no-csp)
  PUBLISH_ARGS=(--no-compress)
  RELEASE=0
fi
if [ -n "${NEWS_BASE_URL:-}" ]; then PUBLISH_ARGS+=(--base-url "$NEWS_BASE_URL"); fi
# A build's pages are for the path trunk was given (--public-url), whatever the news file's
# address says: publish is told so, and does not warn that they would miss that address.
case "${TRUNK_PUBLIC_URL:-/}" in
  / | /*/) PUBLISH_ARGS+=(--base-path "${TRUNK_PUBLIC_URL:-/}") ;;
esac

if [ "$RELEASE" = 1 ]; then node scripts/post-build.mjs minify "$OUT"; fi
node scripts/post-build.mjs template "$OUT" "${TEMPLATE_ARGS[@]}"

# The editor: trunk again, on its own page; the site's build variables must not reach it.
EDITOR_ARGS=()
if [ "$RELEASE" = 1 ]; then EDITOR_ARGS=(--release); fi
env -u TRUNK_STAGING_DIR -u TRUNK_DIST_DIR -u TRUNK_PUBLIC_URL -u TRUNK_HTML_FILE -u TRUNK_SOURCE_DIR \
  -u TRUNK_PROFILE -u TRUNK_BUILD_DIST -u TRUNK_BUILD_PUBLIC_URL \
  trunk build --quiet --config editor/Trunk.toml "${EDITOR_ARGS[@]}"
if [ "$RELEASE" = 1 ]; then node scripts/post-build.mjs minify target/editor-dist; fi
rm -rf "$OUT/editor"
cp -R target/editor-dist "$OUT/editor"
rm -rf "$SHELL_DIR"
mkdir -p "$(dirname "$SHELL_DIR")"
cp -R "$OUT" "$SHELL_DIR"
rm -f "$SHELL_DIR/data/news.json"
if [ "$RELEASE" = 1 ]; then node scripts/post-build.mjs compress "$SHELL_DIR"; fi

# The dev profile: the test run has built newsctl that way already, and a cold dev build is
# quicker than the release profile's single-unit LTO.
cargo run --locked --quiet --profile dev --bin newsctl -- publish --shell "$SHELL_DIR" --out "$OUT" \
  "${PUBLISH_ARGS[@]}" public/data/news.json

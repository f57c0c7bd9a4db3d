#!/usr/bin/env bash
# trunk's post_build hook (Trunk.toml): fills the staging folder, before trunk moves it to the
# dist folder, with what a static host needs beside the app:
#  - calendars, Atom feeds, sitemap and robots.txt from the news file (newsctl feeds); their
#    absolute links start with site.canonical_url, or with $NEWS_BASE_URL when that is set;
#  - the page template from trunk's index.html (our loader, marks, in release builds the CSP
#    <meta>; post-build.mjs), then every page prerendered from it (newsctl prerender: index.html,
#    en.html, events/*.html, 404.html, ...), then, in release builds, .br/.gz siblings.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/target/tools/node/bin:$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

OUT="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook, or set TRUNK_STAGING_DIR to a built folder}"

# The dev profile: the test run has built newsctl that way already, and a cold dev build is
# quicker than the release profile's single-unit LTO (the wasm is a different target, so
# nothing is shared with trunk's own build either way).
FEEDS_ARGS=(feeds --out "$OUT")
if [ -n "${NEWS_BASE_URL:-}" ]; then FEEDS_ARGS+=(--base-url "$NEWS_BASE_URL"); fi
cargo run --locked --quiet --profile dev --bin newsctl -- "${FEEDS_ARGS[@]}" public/data/news.json >/dev/null

# A debug build (trunk serve) skips compression (its wasm is large and served locally) and the
# CSP: trunk serve adds its own inline live-reload script after this hook, which the policy's
# hashes cannot know.
TEMPLATE_ARGS=()
RELEASE=1
if [ "${TRUNK_PROFILE:-release}" != "release" ]; then TEMPLATE_ARGS=(--no-csp); RELEASE=0; fi
node scripts/post-build.mjs template "$OUT" "${TEMPLATE_ARGS[@]}"
cargo run --locked --quiet --profile dev --bin newsctl -- prerender --template "$OUT/index.html" --out "$OUT" \
  public/data/news.json
if [ "$RELEASE" = 1 ]; then node scripts/post-build.mjs compress "$OUT"; fi

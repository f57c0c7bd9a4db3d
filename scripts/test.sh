#!/usr/bin/env bash
# Every check of the project, in order, stopping at the first failure:
# install, format, lint, native tests, data check, browser unit tests, release build (its
# post-build hook adds feeds, CSP, 404.html and .br/.gz), sub-path build, size budget,
# end-to-end tests in Chromium.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# npm's wasm-opt (binaryen 132) must win over any other on PATH.
export PATH="$ROOT/target/tools/node/bin:$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Chromium for the browser unit tests comes from webdriver.json; keep cargo output readable.
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"
# A CI run builds once: incremental caches would only take disk (several GB over all targets).
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

START=$SECONDS
SUMMARY=()
CURRENT=""

on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ -n "$CURRENT" ]; then
    printf '\nFAILED: %s (exit %s) after %s s in total\n' "$CURRENT" "$rc" "$((SECONDS - START))" >&2
  fi
}
trap on_exit EXIT

step() {
  local name="$1"; shift
  CURRENT="$name"
  printf '\n==== %s ====\n$ %s\n' "$name" "$*"
  local t0=$SECONDS
  "$@"
  local took=$((SECONDS - t0))
  SUMMARY+=("$(printf '%5s s  %s' "$took" "$name")")
  printf -- '---- %s: ok in %s s\n' "$name" "$took"
  CURRENT=""
}

step "install"              bash scripts/install.sh
step "format"               cargo fmt --all -- --check
step "lint"                 cargo clippy --all-targets --locked -- -D warnings
step "native tests"         cargo test --locked
step "map outlines up to date" node scripts/outlines.mjs --check
step "news data check"      cargo run --locked --quiet --bin newsctl -- check public/data/news.json
step "browser unit tests"   cargo test --locked --target wasm32-unknown-unknown --test 'web*'
step "release build"        trunk build --release
# The same source for a sub-path host, as the e2e tests open it there (only bundling reruns).
step "sub-path build"       env NEWS_SHELL_DIR=target/shell-subpath trunk build --release --public-url /projects/news/ --dist target/dist-subpath
step "size budget"          node scripts/size.mjs dist
# Another project's file through the same shell: the e2e tests check that site too.
step "second project site"  cargo run --locked --quiet --bin newsctl -- publish --shell target/shell \
                              --out target/site-second tests/fixtures/second-project/news.json
step "release kit"          bash scripts/release.sh
step "release kit, as an editor uses it" bash scripts/test-release-kit.sh
step "CI samples"           target/tools/lint/bin/check-jsonschema --builtin-schema vendor.github-workflows docs/ci/github-pages.yml
step "CI samples (GitLab)"  target/tools/lint/bin/check-jsonschema --builtin-schema vendor.gitlab-ci docs/ci/gitlab-ci.yml
step "end-to-end tests"     npm run --silent e2e

printf '\n==== summary ====\n'
printf '%s\n' "${SUMMARY[@]}"
printf '\nall checks passed in %s s\n' "$((SECONDS - START))"

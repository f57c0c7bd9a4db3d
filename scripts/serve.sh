#!/usr/bin/env bash
# Installs what is missing, then serves the app with live reload on http://127.0.0.1:8080
# (address and port come from Trunk.toml). Extra arguments go to `trunk serve`, e.g. --release.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/install.sh
export PATH="$ROOT/target/tools/node/bin:$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
echo "serving on http://127.0.0.1:8080 (Ctrl+C stops)"
exec trunk serve "$@"

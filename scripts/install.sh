#!/usr/bin/env bash
# Installs what building, serving and testing the app needs, and nothing that is already there.
# Safe to run again: every step checks first and prints "ok: X" or "installing: X".
# Target: Debian 12 that reaches only the package registries (apt, crates.io, npm).
set -euo pipefail

# --- pins -----------------------------------------------------------------------------------
TRUNK_VERSION="0.21.14"           # 0.22 needs a newer rustc
BINARYEN_VERSION="132.0.0"        # npm's binaryen; Debian's (108) breaks the wasm in the browser
WASM_TARGET="wasm32-unknown-unknown"
CHECK_JSONSCHEMA_VERSION="0.39.0" # PyPI; lints the CI samples against the vendors' schemas
APT_BROWSER_PACKAGES=(chromium chromium-driver)
NODE_MIN_MAJOR=20                 # playwright-core 1.65 refuses to run on older node
NODE_FALLBACK_VERSION="20.20.2"   # from npm (node-linux-<arch>) when the system node is older
# The fallback's npm tarballs, checked before unpacking (`npm view node-linux-<arch>@<version>
# dist.integrity`; sha512 is what the registry publishes). Change with the version.
NODE_FALLBACK_SHA512_X64="sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ=="
NODE_FALLBACK_SHA512_ARM64="sha512-LCXJnNTFiyGuYBw2gZSI5OBFMbkjAPt8sqD/NKrWoE2QmDgSubTqFng6GaNJ9EJ8HpxBMGcWWpbbcs4Vo+CnGg=="
RUST_COMPONENTS=(rustfmt clippy)
# --------------------------------------------------------------------------------------------

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Debian 12's own node is 18: then a newer one lives here, first on PATH in every script.
NODE_LOCAL_DIR="$ROOT/target/tools/node"
export PATH="$NODE_LOCAL_DIR/bin:$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '%s %s\n' "$1" "$2"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Root needs no sudo; others use it when it exists.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="__none__"; fi
fi

# The wasm-bindgen CLI must match the library version exactly, so read it from the lock file.
wasm_bindgen_lock_version() {
  awk '/^\[\[package\]\]/ { p = 0 }
       /^name = "wasm-bindgen"$/ { p = 1 }
       p && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

apt_missing() {
  local pkg missing=()
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then printf '%s\n' "${missing[@]}"; fi
}

APT_UPDATED=0
apt_install() {
  [ "$SUDO" = "__none__" ] && die "need root or sudo to install: $*"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: $*"
  if [ "$APT_UPDATED" -eq 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- system packages ------------------------------------------------------------------------
want=("${APT_BROWSER_PACKAGES[@]}" ca-certificates)
command -v cc >/dev/null 2>&1 || want+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || want+=(pkg-config)
if ! command -v node >/dev/null 2>&1; then
  want+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
  want+=(npm)
fi
mapfile -t missing < <(apt_missing "${want[@]}")
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing:" "apt ${missing[*]}"
  apt_install "${missing[@]}"
else
  say "ok:" "apt ${want[*]}"
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt "$NODE_MIN_MAJOR" ]; then
  case "$(uname -m)" in
    x86_64) node_arch=x64; node_sha512="$NODE_FALLBACK_SHA512_X64" ;;
    aarch64 | arm64) node_arch=arm64; node_sha512="$NODE_FALLBACK_SHA512_ARM64" ;;
    *) die "node $(node --version) is too old and no fallback build for $(uname -m)" ;;
  esac
  # The npm package node-linux-<arch> carries the official binary: the registry is reachable
  # where nodejs.org may not be.
  say "installing:" "node $NODE_FALLBACK_VERSION from npm into target/tools (system node is $(node --version))"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-$node_arch@$NODE_FALLBACK_VERSION" >/dev/null)
  tgz="$tmp/node-linux-$node_arch-$NODE_FALLBACK_VERSION.tgz"
  [ -f "$tgz" ] || die "npm pack wrote no $(basename "$tgz")"
  # The old node is still there to hash with.
  got="sha512-$(node -e 'const c = require("crypto"), f = require("fs");
    process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
  if [ "$got" != "$node_sha512" ]; then
    rm -rf "$tmp"
    die "node-linux-$node_arch@$NODE_FALLBACK_VERSION from npm is not the pinned file (got $got): not installed"
  fi
  rm -rf "$NODE_LOCAL_DIR"
  mkdir -p "$NODE_LOCAL_DIR"
  tar -xzf "$tgz" -C "$NODE_LOCAL_DIR" --strip-components=1
  rm -rf "$tmp"
  hash -r
  [ "$(node --version)" = "v$NODE_FALLBACK_VERSION" ] || die "node $NODE_FALLBACK_VERSION did not land on PATH"
fi
say "ok:" "node $(node --version), npm $(npm --version)"

# --- Rust -----------------------------------------------------------------------------------
command -v rustup >/dev/null 2>&1 || die "rustup not found: install Rust with rustup first"
installed_targets="$(rustup target list --installed)"
if grep -qx "$WASM_TARGET" <<<"$installed_targets"; then
  say "ok:" "rust target $WASM_TARGET"
else
  say "installing:" "rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi

for comp in "${RUST_COMPONENTS[@]}"; do
  if rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
    say "ok:" "rust component $comp"
  else
    say "installing:" "rust component $comp"
    rustup component add "$comp"
  fi
done

if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  say "ok:" "trunk $TRUNK_VERSION"
else
  say "installing:" "trunk $TRUNK_VERSION (cargo install, ~20 min cold)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WASM_BINDGEN_VERSION="$(wasm_bindgen_lock_version)"
[ -n "$WASM_BINDGEN_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "ok:" "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
else
  # Without --locked: the CLI's own lock names a webpki-roots release the registry lacks.
  say "installing:" "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, ~10 min cold)"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

# --- npm ------------------------------------------------------------------------------------
# npm writes node_modules/.package-lock.json on every install: use it as the stamp.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing:" "npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
else
  say "ok:" "npm packages"
fi

if [ "$(wasm-opt --version 2>/dev/null || true)" = "wasm-opt version ${BINARYEN_VERSION%%.*} (version_${BINARYEN_VERSION%%.*})" ]; then
  say "ok:" "wasm-opt ${BINARYEN_VERSION%%.*} (npm binaryen)"
else
  die "wasm-opt on PATH is not binaryen ${BINARYEN_VERSION%%.*}: $(command -v wasm-opt || echo none)"
fi

# --- python -------------------------------------------------------------------------------
LINT_VENV="$ROOT/target/tools/lint"
if [ "$("$LINT_VENV/bin/check-jsonschema" --version 2>/dev/null | awk '{print $NF}')" = "$CHECK_JSONSCHEMA_VERSION" ]; then
  say "ok:" "check-jsonschema $CHECK_JSONSCHEMA_VERSION"
else
  say "installing:" "check-jsonschema $CHECK_JSONSCHEMA_VERSION (PyPI, into target/tools/lint)"
  # Debian's python3 comes without venv and ensurepip: they are the python3-venv package.
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    apt_install python3 python3-venv
  fi
  rm -rf "$LINT_VENV"
  python3 -m venv "$LINT_VENV"
  "$LINT_VENV/bin/pip" install --quiet --disable-pip-version-check "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
fi

#!/usr/bin/env bash
# Install what the e2e tests need: Debian packages (Chromium, a CJK font,
# ripgrep, the toolchain and headers code-server's native modules build
# against) and code-server + playwright-core from the npm registry into
# e2e/node_modules. Idempotent: a second run with nothing to do takes ~1 s.
# Needs only the npm registry and Debian's apt (no GitHub, no VS Code CDN).
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$E2E_DIR"
log() { printf '[e2e setup] %s\n' "$*"; }

# --- Debian packages ---------------------------------------------------------
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
  ripgrep chromium fonts-wqy-microhei neovim)
# `npm start` (SUMMIT_LENS_SETUP=editor) opens the editor in the user's own browser: no Chromium,
# no Neovim, no test font. code-server's native modules still build against the toolchain.
if [ "${SUMMIT_LENS_SETUP:-}" = editor ]; then
  APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep)
fi
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install: ${missing[*]}"; exit 1; }
    SUDO=(sudo -n)
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q "${missing[@]}"
fi

# --- Node version: code-server 4.99.x refuses anything but Node 20 ----------
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  log "code-server 4.99.4 needs Node 20 (found $(node -v))"; exit 1
fi

# --- code-server + playwright-core -------------------------------------------
STAMP="node_modules/.summit-e2e-stamp"
want_stamp="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) $(node -v)"
RG_BIN="node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ] && [ -x "$RG_BIN" ] \
  && [ -f node_modules/code-server/out/node/entry.js ] && [ -d node_modules/playwright-core ]; then
  log "code-server already installed ($(node -p 'require("./node_modules/code-server/package.json").version'))"
  exit 0
fi

# Non-interactive, and install scripts allowed even on npm versions that gate
# them (npm 11's allowScripts policy; the nested `npm install`s that
# code-server's postinstall runs inherit these variables). code-server's
# postinstall refuses to run as root without unsafe-perm; native modules build
# against the installed Node's headers (no header download).
export CI=true npm_config_yes=true npm_config_unsafe_perm=true npm_config_audit=false npm_config_fund=false
export npm_config_ignore_scripts=false npm_config_dangerously_allow_all_scripts=true
export npm_config_update_notifier=false npm_config_progress=false
if [ -f /usr/include/node/node_version.h ]; then
  export npm_config_nodedir=/usr
else
  log "warning: /usr/include/node missing; node-gyp may try to download Node headers"
fi

start=$(date +%s)
# Phase 1: fetch everything, run no scripts yet.
log "npm ci --ignore-scripts"
npm ci --ignore-scripts --no-audit --no-fund </dev/null

# Phase 2: seed @vscode/ripgrep's download cache with Debian's rg, so its
# postinstall (run by code-server's postinstall) does not go to GitHub. Read
# the exact version from code-server's shrinkwrap and the release tag from
# that version's postinstall.js.
RG_PKG_VERSION="$(node -e '
  const s = require("./node_modules/code-server/lib/vscode/npm-shrinkwrap.json");
  process.stdout.write(s.packages["node_modules/@vscode/ripgrep"].version)')"
RG_TAG=""
tmp="$(mktemp -d)"
if (cd "$tmp" && npm pack "@vscode/ripgrep@$RG_PKG_VERSION" --silent >/dev/null 2>&1 && tar xzf ./*.tgz); then
  RG_TAG="$(sed -n "s/^const VERSION = '\(v[^']*\)'.*/\1/p" "$tmp/package/lib/postinstall.js" | head -1)"
fi
rm -rf "$tmp"
RG_TAG="${RG_TAG:-v13.0.0-10}"   # the tag of @vscode/ripgrep 1.15.11
case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) log "unsupported arch $(uname -m)"; exit 1 ;;
esac
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
RG_TARBALL="$RG_CACHE/ripgrep-$RG_TAG-$RG_TARGET.tar.gz"
mkdir -p "$RG_CACHE"
stage="$(mktemp -d)"
cp "$(command -v rg)" "$stage/rg"
tar czf "$RG_TARBALL" -C "$stage" rg
rm -rf "$stage"
log "seeded $RG_TARBALL (Debian rg $(rg --version | awk 'NR == 1 { print $2 }'))"

# Phase 3: run the install scripts (argon2 and code-server's postinstall, which
# npm-installs VS Code's server dependencies and builds their native modules).
log "npm rebuild (install scripts; builds native modules, ~1-3 min)"
npm rebuild --foreground-scripts </dev/null > node_modules/.summit-e2e-rebuild.log 2>&1 || {
  tail -50 node_modules/.summit-e2e-rebuild.log; log "npm rebuild failed (log: e2e/node_modules/.summit-e2e-rebuild.log)"; exit 1; }

[ -x "$RG_BIN" ] || { log "ripgrep missing at $RG_BIN after install"; exit 1; }
node node_modules/code-server/out/node/entry.js --version </dev/null >/dev/null || { log "code-server does not start"; exit 1; }
echo "$want_stamp" > "$STAMP"
log "done in $(( $(date +%s) - start )) s: code-server $(node -p 'require("./node_modules/code-server/package.json").version'), playwright-core $(node -p 'require("./node_modules/playwright-core/package.json").version')"

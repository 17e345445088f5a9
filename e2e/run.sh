#!/usr/bin/env bash
# End-to-end tests: setup (apt packages incl. chromium and neovim, code-server
# from npm; skipped when already done), build the extension and its .vsix,
# then `node --test` on e2e/*.test.mjs: editor.test.mjs (VS Code =
# code-server + Chromium) and neovim.test.mjs (the server in headless Neovim).
# `bash e2e/run.sh e2e/readingRoom.test.mjs …` runs only the files named.
# Spec reporter; the runner's summary closes the output. Exit status: the
# runner's. Screenshots and the Neovim answers: test-output/e2e/.
#
# Environment:
#   E2E_SKIP_BUILD=1        use the existing dist/ (skip npm run build)
#   E2E_VSIX=path.vsix      test this package instead of building one
#   E2E_KEEP_SANDBOX=1      keep the temp user-data/extensions dirs
#   E2E_REFERENCES_FILE / E2E_REFERENCES_TERM  the meeting mention used for
#                           references (default 000_07fb47a2ebcb9afd.txt / 会谈)
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/.." && pwd)"
cd "$ROOT"
log() { printf '[e2e] %s\n' "$*"; }
t0=$(date +%s)

bash "$E2E_DIR/setup.sh"
t_setup=$(date +%s)

if [ ! -x node_modules/.bin/vsce ]; then
  log "top-level dependencies missing: npm ci"
  CI=true npm ci --no-audit --no-fund </dev/null
fi

# dist/ is needed by both suites (server.js for Neovim, cli.js for the
# expected answers), also when testing a given .vsix.
if { [ -z "${E2E_SKIP_BUILD:-}" ] || [ ! -f dist/server.js ]; } \
  && node -e 'process.exit(require("./package.json").scripts?.build ? 0 : 1)'; then
  log "npm run build"
  npm run build --silent </dev/null
fi

vsix_dir=""
cleanup() { if [ -n "$vsix_dir" ]; then rm -rf "$vsix_dir"; fi; }
trap cleanup EXIT
if [ -z "${E2E_VSIX:-}" ]; then
  why="$(node --input-type=module -e '
    import { realExtensionMissing } from "./e2e/lib/vsix.mjs";
    process.stdout.write((await realExtensionMissing()) ?? "")')"
  if [ -z "$why" ]; then
    log "packaging the extension"
    E2E_VSIX="$(node --input-type=module -e '
      import { buildRealVsix } from "./e2e/lib/vsix.mjs";
      process.stdout.write(await buildRealVsix())')"
    export E2E_VSIX
    case "$E2E_VSIX" in "${TMPDIR:-/tmp}"/summit-e2e-vsix-*) vsix_dir="$(dirname "$E2E_VSIX")" ;; esac
    log "vsix: $E2E_VSIX ($(du -k "$E2E_VSIX" | cut -f1) KiB)"
  else
    log "cannot package the real extension: $why (its suite will fail)"
  fi
fi
t_build=$(date +%s)

log "timings so far: setup $((t_setup - t0)) s, build+package $((t_build - t_setup)) s; running the suites"

mkdir -p test-output/e2e
# Last, so the test runner's summary is the closing output.
status=0
if [ "$#" -gt 0 ]; then files=("$@"); else files=(e2e/*.test.mjs); fi
node --test --test-reporter=spec --test-concurrency=1 "${files[@]}" </dev/null || status=$?
exit "$status"


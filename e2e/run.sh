#!/usr/bin/env bash
# End-to-end tests in a real VS Code: setup (if needed), build the extension
# and its .vsix, then `node --test` on e2e/*.test.mjs (spec reporter; the
# runner's summary closes the output). Screenshots: test-output/e2e/*.png.
#
# Environment:
#   E2E_SKIP_BUILD=1        use the existing dist/ (skip npm run build)
#   E2E_VSIX=path.vsix      test this package instead of building one
#   E2E_STRICT=1            hover and references must work (no soft skips);
#   E2E_REQUIRE_HOVER=1 / E2E_REQUIRE_REFERENCES=1 for one of them
#   E2E_KEEP_SANDBOX=1      keep the temp user-data/extensions dirs
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

if [ -z "${E2E_VSIX:-}" ]; then
  if [ -z "${E2E_SKIP_BUILD:-}" ] && node -e 'process.exit(require("./package.json").scripts?.build ? 0 : 1)'; then
    log "npm run build"
    npm run build --silent </dev/null
  fi
  why="$(node --input-type=module -e '
    import { realExtensionMissing } from "./e2e/lib/vsix.mjs";
    process.stdout.write((await realExtensionMissing()) ?? "")')"
  if [ -z "$why" ]; then
    log "packaging the extension"
    E2E_VSIX="$(node --input-type=module -e '
      import { buildRealVsix } from "./e2e/lib/vsix.mjs";
      process.stdout.write(await buildRealVsix())')"
    export E2E_VSIX
    log "vsix: $E2E_VSIX ($(du -k "$E2E_VSIX" | cut -f1) KiB)"
  else
    log "not packaging the real extension: $why (the smoke suite still runs)"
  fi
fi
t_build=$(date +%s)

log "timings so far: setup $((t_setup - t0)) s, build+package $((t_build - t_setup)) s"

mkdir -p test-output/e2e
# Last, so the test runner's summary is the closing output.
exec node --test --test-reporter=spec --test-concurrency=1 e2e/*.test.mjs </dev/null

#!/bin/sh
# Installs the browser tests' tools (package.json next to this script: axe-core) into the
# directory given, with npm from the registry npm is configured for. Without npm it says
# so and stops without failing: the browser tests then skip, as they do without Chromium
# (CI installs npm and must run them). Reinstalls only when the lock file changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=$1
if ! command -v npm >/dev/null 2>&1; then
  echo "[browser-tools] npm not found: axe-core not installed, the browser tests will be skipped (install nodejs and npm to run them)"
  exit 0
fi
mkdir -p "$target"
if [ -f "$target/node_modules/axe-core/axe.min.js" ] && cmp -s "$here/package-lock.json" "$target/package-lock.json"; then
  echo "[browser-tools] axe-core up to date in $target"
  exit 0
fi
cp "$here/package.json" "$here/package-lock.json" "$target/"
cd "$target"
npm ci --prefer-offline --no-audit --no-fund --ignore-scripts --loglevel=error
echo "[browser-tools] installed $(node -p "require('./node_modules/axe-core/package.json').version" 2>/dev/null || echo '') axe-core in $target"

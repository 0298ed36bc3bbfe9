#!/usr/bin/env bash
# Runs test/e2e/nvim.lua in headless Neovim against the repository's server (bin/policy-lsp.js → dist/server.js).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
command -v nvim >/dev/null || { echo "nvim: not installed (apt-get install neovim)"; exit 1; }
[ -f "$ROOT/dist/server.js" ] || node "$ROOT/scripts/build.mjs"
export POLICY_LINT_ROOT=$ROOT
# a fresh cache: the index is built from the bundled seeds as on a new machine
export POLICY_LINT_CACHE_DIR=$(mktemp -d)
trap 'rm -rf "$POLICY_LINT_CACHE_DIR"' EXIT
echo "$(nvim --version | head -1), $(node --version)"
timeout 120 nvim --headless --clean -u NONE -c "luafile $ROOT/test/e2e/nvim.lua" 2>&1

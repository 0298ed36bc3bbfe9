#!/usr/bin/env bash
# `npm run test:e2e`: the extension in a real VS Code workbench (code-server 4.100.3 = VS Code 1.100.3)
# and the language server in Neovim, all offline:
#   setup     apt packages + code-server into $POLICY_LINT_E2E_HOME (default ~/.cache/policy-lint-e2e), idempotent
#   package   npm run package → policy-lint.vsix, then verify-vsix (the unpacked server and CLI on their own)
#   grammar   the TextMate grammar through vscode-textmate
#   suite     test/suite (vscode API) in code-server's extension host, against the installed .vsix
#   ui        test/e2e/ui.mjs: Playwright + Chromium as a user (squiggles, Problems, hover, completion, quick fix)
#   nvim      test/e2e/nvim.lua: headless Neovim with `node bin/policy-lsp.js --stdio`
# usage: scripts/e2e.sh [step ...]   (default: all steps, in this order)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
E2E_HOME=${POLICY_LINT_E2E_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/policy-lint-e2e}
CS=$E2E_HOME/code-server-4.100.3/node_modules/.bin/code-server
RUN=$E2E_HOME/run
RESULTS=$ROOT/test-results
STEPS=("$@")
[ ${#STEPS[@]} -gt 0 ] || STEPS=(setup package grammar suite ui nvim)
want() { local s; for s in "${STEPS[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

T0=$(date +%s)
passed=0; failed=0; summary=()
step() { # step NAME COMMAND...: runs, times and records one step
  local name=$1; shift
  local s=$(date +%s)
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); summary+=("  ok    $name ($(( $(date +%s) - s ))s)")
  else failed=$((failed + 1)); summary+=("  FAIL  $name ($(( $(date +%s) - s ))s)"); fi
}
finish() {
  stop_server
  echo "=== summary ($(( $(date +%s) - T0 ))s)"
  printf '%s\n' "${summary[@]}"
  echo "e2e: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}

# ---- code-server: a fresh user-data-dir and extensions dir per run, own process group, 127.0.0.1 only
SERVER_PID=
start_server() {
  rm -rf "$RUN"
  mkdir -p "$RUN/data/User" "$RUN/ext" "$RUN/ws" "$RUN/tmp" "$RUN/xdg-data" "$RUN/xdg-config"
  cp "$ROOT/test/e2e/settings.json" "$RUN/data/User/settings.json"
  cp "$ROOT/examples/commentary.draft.md" "$RUN/ws/commentary.draft.md"
  # Everything code-server writes stays under $RUN: heartbeat and logs (XDG), sockets (TMPDIR).
  export TMPDIR=$RUN/tmp XDG_DATA_HOME=$RUN/xdg-data XDG_CONFIG_HOME=$RUN/xdg-config
  export EXTENSIONS_GALLERY='{}'   # no marketplace look-ups
  # the extension host inherits this: the suite's output lines carry it (see test/suite/index.ts)
  export POLICY_LINT_SUITE_PREFIX='[policy-lint suite] '
  local common=(--config "$E2E_HOME/config.yaml" --user-data-dir "$RUN/data" --extensions-dir "$RUN/ext")
  "$CS" "${common[@]}" --install-extension "$ROOT/policy-lint.vsix" --force >"$RUN/install.log" 2>&1 \
    || { cat "$RUN/install.log"; return 1; }
  grep -h 'successfully installed' "$RUN/install.log" || true
  PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  BASE=http://127.0.0.1:$PORT
  setsid "$CS" "${common[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override "$RUN/ws" >"$RUN/server.log" 2>&1 </dev/null &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS "$BASE/healthz" >/dev/null 2>&1; then echo "code-server up on $BASE (pid $SERVER_PID)"; return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.25
  done
  echo "code-server did not start:"; tail -30 "$RUN/server.log"; return 1
}
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  # the server's process group: server, extension hosts, language servers, file watcher
  kill -TERM -- "-$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 20); do [ -z "$(ps -o pid= -g "$SERVER_PID" 2>/dev/null)" ] && break; sleep 0.25; done
  [ -z "$(ps -o pid= -g "$SERVER_PID" 2>/dev/null)" ] || kill -KILL -- "-$SERVER_PID" 2>/dev/null
  echo "stopped code-server (process group $SERVER_PID)"
  SERVER_PID=
}
trap 'stop_server' EXIT
trap 'echo interrupted; exit 130' INT TERM

cd "$ROOT"
if want setup; then step setup bash "$ROOT/scripts/e2e-setup.sh" || true; fi
if want package; then
  step package node scripts/package.mjs
  step verify-vsix node scripts/verify-vsix.mjs
fi
if want grammar; then step grammar npx mocha --no-config --timeout 20000 test/e2e/grammar.test.mjs; fi
if want suite || want ui; then
  if [ ! -f "$ROOT/policy-lint.vsix" ]; then node scripts/package.mjs >/dev/null || true; fi
  step compile npx tsc -b
  step code-server start_server
fi
if want suite && [ -n "$SERVER_PID" ]; then
  step suite node test/e2e/run-suite.mjs --base "$BASE" --folder "$RUN/ws" --host "$ROOT/test/e2e/host" --tests "$ROOT/out/test/suite/index.js"
fi
if want ui && [ -n "$SERVER_PID" ]; then
  mkdir -p "$RESULTS/screenshots"
  step ui node test/e2e/ui.mjs --base "$BASE" --folder "$RUN/ws" --file commentary.draft.md --out "$RESULTS"
fi
stop_server
if want nvim; then step nvim bash "$ROOT/test/e2e/nvim.sh"; fi
finish

#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently (a second run does nothing and takes ~1 s):
#   Debian packages  chromium, fonts-wqy-microhei (CJK glyphs in screenshots), ripgrep, neovim,
#                    build-essential + libkrb5-dev + python3 (node-gyp builds of code-server's addons)
#   code-server      4.100.3 (= VS Code 1.100.3, the last release whose engines.node is 20) from npm,
#                    into $E2E_HOME/code-server-4.100.3, outside the repository
# Only the npm registry and Debian's apt are used; nothing is downloaded from anywhere else.
set -euo pipefail
E2E_HOME=${POLICY_LINT_E2E_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/policy-lint-e2e}
CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep pinned by code-server 4.100.3's VS Code
RG_TAG=v13.0.0-10        # the ripgrep release that @vscode/ripgrep@1.15.11's postinstall wants
CS_DIR=$E2E_HOME/code-server-$CS_VERSION
say() { echo "[e2e-setup] $*"; }
mkdir -p "$E2E_HOME/xdg-config" "$E2E_HOME/xdg-data"
# code-server writes a default config (with a password) and a heartbeat under the XDG folders: keep them here.
export XDG_CONFIG_HOME=$E2E_HOME/xdg-config XDG_DATA_HOME=$E2E_HOME/xdg-data
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$E2E_HOME/config.yaml"
cs_version() { "$CS_DIR/node_modules/.bin/code-server" --config "$E2E_HOME/config.yaml" --version 2>/dev/null | grep -oE '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]{40} with Code [0-9.]+$' || true; }

# 1. Debian packages (only when something is missing).
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
command -v nvim >/dev/null || need+=(neovim)
command -v curl >/dev/null || need+=(curl)
command -v unzip >/dev/null || need+=(unzip)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
for p in build-essential libkrb5-dev python3 pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  say "apt-get install ${need[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. code-server from npm.
if [ "$(cs_version | cut -d' ' -f1)" != "$CS_VERSION" ]; then
  say "installing code-server $CS_VERSION into $CS_DIR (about a minute: native addons are compiled)"
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already has the archive:
  # seed the cache with Debian's rg.
  export TMPDIR=$E2E_HOME/tmp
  RGCACHE=$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION
  mkdir -p "$RGCACHE" "$E2E_HOME/rg-seed"
  cp /usr/bin/rg "$E2E_HOME/rg-seed/rg"
  tar czf "$RGCACHE/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$E2E_HOME/rg-seed" rg
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  cd "$CS_DIR"
  echo '{"name":"policy-lint-e2e-code-server","private":true}' > package.json
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which an `yes=false` npmrc cancels.
  # npm_config_nodedir: node-gyp uses the installed Node headers instead of downloading them.
  # --unsafe-perm: code-server's postinstall refuses to run as root without it.
  env npm_config_yes=true npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")" \
    npm install --no-audit --no-fund --save-exact --unsafe-perm "code-server@$CS_VERSION" >"$E2E_HOME/code-server-install.log" 2>&1 \
    || { tail -40 "$E2E_HOME/code-server-install.log"; exit 1; }
  test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
fi
say "code-server $(cs_version)"

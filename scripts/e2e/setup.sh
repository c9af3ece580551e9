#!/usr/bin/env bash
# Installs what the real-editor test layers need, when it is missing (safe to run again):
#   - Debian packages: chromium, ripgrep, neovim, emacs-nox with eglot and markdown-mode, strace (the containment
#     test traces system calls), git (the Emacs layer makes its KB copies repositories), and the tool chain code-server's native modules build with;
#   - code-server (VS Code 1.100.3 for the browser) from npm into $GOVLENS_E2E_HOME/cs, offline from
#     GitHub: @vscode/ripgrep's download is replaced by Debian's rg, node-gyp uses the local Node headers.
# playwright-core and mocha are devDependencies of the project: npm ci installs them.
# Needs: Debian bookworm apt sources, the npm registry, Node 20 (code-server 4.100.x requires it), root or sudo.
set -euo pipefail
E2E_HOME=${GOVLENS_E2E_HOME:-$HOME/.cache/govlens-e2e}
CS_VERSION=4.100.3
APT_PACKAGES=(chromium ripgrep neovim emacs-nox elpa-eglot elpa-markdown-mode strace git build-essential python3 libkrb5-dev curl ca-certificates)
t() { local s=$SECONDS; "$@"; echo "[setup] $((SECONDS - s))s: $*" >&2; }
say() { echo "[setup] $*" >&2; }

# --- 1. Debian packages ----------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "cannot install ${missing[*]}: not root and no sudo"; exit 1; }
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet (.ci/run updates them first).
  compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null || t $SUDO apt-get update -qq
  say "apt-get install ${missing[*]}"
  t $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present: ${APT_PACKAGES[*]}"
fi

# --- 2. code-server --------------------------------------------------------------------------------
CS_DIR=$E2E_HOME/cs
CS_PKG=$CS_DIR/node_modules/code-server
installed() {
  [ -x "$CS_DIR/node_modules/.bin/code-server" ] &&
    [ "$(node -p "require('$CS_PKG/package.json').version" 2>/dev/null)" = "$CS_VERSION" ] &&
    [ -x "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] &&
    [ -e "$CS_PKG/lib/vscode/node_modules/node-pty/build/Release/pty.node" ]
}
if installed; then
  say "code-server $CS_VERSION present in $CS_DIR"
else
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" = 20 ] || { say "code-server $CS_VERSION needs Node 20, this is $(node --version)"; exit 1; }
  # node-gyp builds against these headers instead of downloading them from nodejs.org.
  node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  [ -f "$node_prefix/include/node/node.h" ] || { say "no Node headers in $node_prefix/include/node (Debian: the nodejs package has them)"; exit 1; }
  export npm_config_nodedir=$node_prefix
  export npm_config_yes=true          # node-pty's postinstall runs `npx node-gyp`
  export npm_config_unsafe_perm=true  # code-server's postinstall refuses to run as root without it
  export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/govlens-e2e-setup.XXXXXX")
  trap 'rm -rf "$TMP"' EXIT
  export XDG_CONFIG_HOME=$TMP/xdg XDG_DATA_HOME=$TMP/xdg XDG_CACHE_HOME=$TMP/xdg

  # @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds the asset in
  # $TMPDIR/vscode-ripgrep-cache-<version>/: seed that with Debian's rg.
  cd "$TMP"
  CS_TGZ=$(npm pack "code-server@$CS_VERSION" --silent)
  RG_PKG_VER=$(tar xzf "$CS_TGZ" -O package/lib/vscode/npm-shrinkwrap.json |
    node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).packages["node_modules/@vscode/ripgrep"].version')
  RG_TGZ=$(npm pack "@vscode/ripgrep@$RG_PKG_VER" --silent)
  RG_TAG=$(tar xzf "$RG_TGZ" -O package/lib/postinstall.js | sed -n "s/^const VERSION = '\(.*\)';/\1/p")
  case "$(uname -m)" in
    x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
    aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
    *) say "unsupported machine $(uname -m)"; exit 1 ;;
  esac
  mkdir -p "$TMP/vscode-ripgrep-cache-$RG_PKG_VER"
  tar czf "$TMP/vscode-ripgrep-cache-$RG_PKG_VER/ripgrep-$RG_TAG-$RG_TARGET.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  say "seeded @vscode/ripgrep $RG_PKG_VER with $(command -v rg) as ripgrep-$RG_TAG-$RG_TARGET"

  cd "$CS_DIR"
  cat >package.json <<'JSON'
{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
  say "npm install code-server@$CS_VERSION (builds its native modules; about a minute)"
  s=$SECONDS
  TMPDIR=$TMP npm install --no-save --no-package-lock "code-server@$CS_VERSION" >"$TMP/npm-install.log" 2>&1 || {
    tail -n 40 "$TMP/npm-install.log" >&2
    say "npm install code-server@$CS_VERSION failed"
    exit 1
  }
  say "$((SECONDS - s))s: npm install code-server@$CS_VERSION"
  installed || { tail -n 40 "$TMP/npm-install.log" >&2; say "code-server installed incompletely (ripgrep or node-pty missing)"; exit 1; }
fi
# code-server writes config.yaml and logs under the XDG folders on every run, --version included.
xdg=$(mktemp -d)
version=$(XDG_CONFIG_HOME=$xdg XDG_DATA_HOME=$xdg XDG_CACHE_HOME=$xdg "$CS_DIR/node_modules/.bin/code-server" --version 2>/dev/null || true)
rm -rf "$xdg"
say "code-server $(grep '^[0-9]' <<<"$version" | head -1)"
say "ready: nvim $(nvim --version | head -1 | cut -d' ' -f2), $(emacs --version | head -1), $(chromium --version 2>/dev/null | head -1), code-server in $CS_DIR"

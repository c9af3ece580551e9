#!/usr/bin/env bash
# npm run test:nvim — Governance Lens's language server in headless Neovim (0.7+), over stdio.
# Needs dist/server.js (npm run test:nvim builds it first) and nvim (scripts/e2e/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/e2e/editor-run.sh

if ! command -v nvim >/dev/null 2>&1; then
  echo "test:nvim cannot start: nvim is not installed." >&2
  echo "Set it up with: bash scripts/e2e/setup.sh   (or: apt-get install -y --no-install-recommends neovim)" >&2
  exit 1
fi
version=$(nvim --version | sed -n '1s/^NVIM v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
read -r major minor <<<"${version:-0 0}"
if [ "$major" -eq 0 ] && [ "$minor" -lt 7 ]; then
  echo "test:nvim cannot start: $(nvim --version | head -1) is older than 0.7 (vim.lsp.start_client, vim.diagnostic)." >&2
  exit 1
fi
need_server nvim

make_run nvim
# nvim writes lsp.log, shada and swap files under the XDG folders: keep them in the run folder.
export XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache XDG_STATE_HOME=$RUN/xdg/state

run_editor nvim 120 --headless -u NONE -i NONE -n -c "luafile test/nvim/lsp_test.lua"
if [ "$rc" -ne 0 ] && [ -f "$XDG_CACHE_HOME/nvim/lsp.log" ]; then
  echo "--- tail of nvim's lsp.log" >&2
  tail -n 30 "$XDG_CACHE_HOME/nvim/lsp.log" >&2
fi
exit "$rc"

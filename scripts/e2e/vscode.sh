#!/usr/bin/env bash
# npm run test:vscode — Governance Lens in the VS Code workbench, served by a throwaway code-server
# and driven by playwright-core with Debian's Chromium:
#   1. the workbench UI test (test/e2e/workbench.ts) against the installed governance-lens.vsix;
#   2. the extension-host mocha suite (test/vscode/suite) with the real vscode API, loaded as a
#      development extension through the workbench URL (extensionDevelopmentPath/extensionTestsPath).
# Needs code-server and chromium (bash scripts/e2e/setup.sh installs them) and npm ci.
# GOVLENS_E2E_LAYERS=ui or =exthost runs one part only.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
E2E_HOME=${GOVLENS_E2E_HOME:-$HOME/.cache/govlens-e2e}
CS=${GOVLENS_CODE_SERVER:-$E2E_HOME/cs/node_modules/.bin/code-server}
CHROMIUM=${GOVLENS_CHROMIUM:-/usr/bin/chromium}
LAYERS=${GOVLENS_E2E_LAYERS:-ui,exthost}
SHOTS=$REPO/test-results/vscode
t0=$SECONDS

cannot_start() {
  echo "test:vscode cannot start: $1" >&2
  echo "Set it up with: bash scripts/e2e/setup.sh   (installs into GOVLENS_E2E_HOME=$E2E_HOME)${2:+; $2}" >&2
  exit 1
}
[ -x "$CS" ] || cannot_start "code-server not found at $CS"
[ -x "$CHROMIUM" ] || cannot_start "Chromium not found at $CHROMIUM" "or set GOVLENS_CHROMIUM"
command -v curl >/dev/null || cannot_start "curl is not installed"
node -e "require.resolve('playwright-core'); require.resolve('mocha')" 2>/dev/null || cannot_start "playwright-core or mocha is missing" "then npm ci"

RUN=$(mktemp -d "${TMPDIR:-/tmp}/govlens-vscode.XXXXXX")
CS_PGID=
cleanup() {
  if [ -n "$CS_PGID" ]; then
    # code-server, its file watcher, extension hosts and language servers share its process group.
    kill -TERM -- "-$CS_PGID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$CS_PGID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PGID" 2>/dev/null || true
  fi
  if [ "${GOVLENS_E2E_KEEP:-}" = 1 ]; then echo "kept $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# code-server writes config, logs and a device id under the XDG folders, Chromium its crash reports.
export XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache XDG_STATE_HOME=$RUN/xdg/state
export GOVLENS_CHROMIUM=$CHROMIUM GOVLENS_SCREENSHOTS=$SHOTS
rm -rf "$SHOTS" && mkdir -p "$SHOTS"

echo "== package the extension and build the extension-host suite"
npm run --silent package >"$RUN/package.log" 2>&1 || { cat "$RUN/package.log" >&2; exit 1; }
node scripts/e2e/build-vscode-tests.mjs
node --import tsx test/e2e/make-workspaces.ts "$RUN/ws"

PORT=${GOVLENS_E2E_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
BASE=http://127.0.0.1:$PORT
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" >"$RUN/config.yaml"
mkdir -p "$RUN/data/User" "$RUN/extensions"
cat >"$RUN/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.reduceMotion": "on",
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "editor.hover.delay": 100,
  "files.autoSave": "off"
}
JSON
CSARGS=(--config "$RUN/config.yaml" --user-data-dir "$RUN/data" --extensions-dir "$RUN/extensions")

echo "== install governance-lens.vsix into code-server $("$CS" "${CSARGS[@]}" --version | head -1)"
"$CS" "${CSARGS[@]}" --install-extension "$REPO/governance-lens.vsix" >"$RUN/install.log" 2>&1 || { cat "$RUN/install.log" >&2; exit 1; }
"$CS" "${CSARGS[@]}" --list-extensions --show-versions | grep -q '^governance-lens.governance-lens@' || { echo "the .vsix did not install" >&2; exit 1; }

# Its own session and process group, so one kill ends it with everything it started.
setsid "$CS" "${CSARGS[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened >"$RUN/code-server.log" 2>&1 </dev/null &
CS_PGID=$!
for _ in $(seq 600); do
  curl -sf -o /dev/null "$BASE/healthz" && break
  kill -0 "$CS_PGID" 2>/dev/null || { cat "$RUN/code-server.log" >&2; echo "code-server exited" >&2; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "$BASE/healthz" || { cat "$RUN/code-server.log" >&2; echo "code-server did not answer on $BASE" >&2; exit 1; }
echo "code-server on $BASE after $((SECONDS - t0))s"

rc=0
if [[ ",$LAYERS," == *,ui,* ]]; then
  echo "== workbench UI test (installed .vsix)"
  s=$SECONDS
  node --import tsx test/e2e/workbench.ts "$BASE" "$RUN/ws/broken" "$RUN/ws/good" "$RUN/ws/delta" || rc=1
  echo "workbench UI test: $((SECONDS - s))s"
fi
if [[ ",$LAYERS," == *,exthost,* ]]; then
  echo "== extension-host suite (mocha, real vscode API, development extension)"
  s=$SECONDS
  node --import tsx test/e2e/extensionHost.ts "$BASE" "$REPO" "$REPO/out/vscode-tests/index.js" "$RUN/ws/exthost" || rc=1
  echo "extension-host suite: $((SECONDS - s))s"
fi
if [ "$rc" -ne 0 ]; then
  echo "--- code-server log (tail)" >&2
  tail -n 20 "$RUN/code-server.log" >&2
  find "$RUN/data/logs" -name '*Governance Lens*.log' -exec sh -c 'echo "--- $1 (tail)"; tail -n 40 "$1"' _ {} \; >&2 2>/dev/null || true
fi
echo "test:vscode: $([ "$rc" -eq 0 ] && echo PASS || echo FAIL) in $((SECONDS - t0))s; screenshots in test-results/vscode/"
exit "$rc"

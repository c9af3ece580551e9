# Sourced by the headless-editor layers (nvim.sh, emacs.sh) from the repository root: the steps
# they share. $1 of each is the editor's command name (nvim, emacs), as in the messages.

# Stops the run unless the server is built (npm run test:<editor> builds it first).
need_server() {
  [ -f dist/server.js ] && return
  echo "test:$1 cannot start: dist/server.js is missing; run npm run build." >&2
  exit 1
}

# Makes the run folder $RUN, removed on exit, with the test workspaces in $RUN/ws, and tells the
# editor's test where the server and the workspaces are (GOVLENS_SERVER, GOVLENS_GOOD, GOVLENS_BROKEN).
make_run() {
  RUN=$(mktemp -d "${TMPDIR:-/tmp}/govlens-$1.XXXXXX")
  trap 'rm -rf "$RUN"' EXIT
  node --import tsx test/e2e/make-workspaces.ts "$RUN/ws"
  export GOVLENS_SERVER=$PWD/dist/server.js GOVLENS_GOOD=$RUN/ws/good GOVLENS_BROKEN=$RUN/ws/broken
}

# Runs the editor ($1, then its arguments) with no input, killed after $GOVLENS_<EDITOR>_TIMEOUT_S
# seconds (default $2): sets rc to its exit status and says when it ran out of time.
run_editor() {
  local editor=$1 default_s=$2 limit_var
  shift 2
  limit_var=GOVLENS_$(tr '[:lower:]' '[:upper:]' <<<"$editor")_TIMEOUT_S
  rc=0
  timeout --kill-after=5 "${!limit_var:-$default_s}" "$editor" "$@" </dev/null || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then echo "test:$editor: $editor did not finish in time (exit $rc)" >&2; fi
}

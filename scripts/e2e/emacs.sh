#!/usr/bin/env bash
# npm run test:emacs — Governance Lens's language server in batch Emacs (28+) with eglot, set up
# by the README's Emacs lines, over stdio.
# Needs dist/server.js (npm run test:emacs builds it first), emacs with eglot and markdown-mode
# (scripts/e2e/setup.sh installs emacs-nox elpa-eglot elpa-markdown-mode), and git.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/e2e/editor-run.sh

setup_hint="Set it up with: bash scripts/e2e/setup.sh   (or: apt-get install -y --no-install-recommends emacs-nox elpa-eglot elpa-markdown-mode)"
if ! command -v emacs >/dev/null 2>&1; then
  echo "test:emacs cannot start: emacs is not installed." >&2
  echo "$setup_hint" >&2
  exit 1
fi
major=$(emacs --batch --eval '(princ emacs-major-version)' 2>/dev/null || echo 0)
if [ "$major" -lt 28 ]; then
  echo "test:emacs cannot start: Emacs $major is older than 28." >&2
  exit 1
fi
# Emacs 29 has eglot built in; 28 needs the package (Debian: elpa-eglot), as does markdown-mode everywhere.
missing=$(emacs --batch --eval '(progn (require (quote package)) (package-activate-all)
  (princ (mapconcat (function identity) (seq-remove (function locate-library) (list "eglot" "markdown-mode")) " ")))' 2>/dev/null || echo "eglot markdown-mode")
if [ -n "$missing" ]; then
  echo "test:emacs cannot start: Emacs cannot load: $missing." >&2
  echo "$setup_hint" >&2
  exit 1
fi
need_server emacs

make_run emacs
# eglot's workspace is the buffer's project: the README says to make each KB a git repository.
for kb in good broken; do git init -q "$RUN/ws/$kb"; done
mkdir -p "$RUN/outside" "$RUN/home"
printf '# Notes\n\nSee FIX7-P0-NOWHERE-1.\n' >"$RUN/outside/notes.md"
printf '{ "id": "FIX7-P0-NOWHERE-1" }\n' >"$RUN/outside/data.json"

# The README's Emacs setup, exactly as written there: the test loads it as ~/.emacs.
awk '/^```elisp$/ { n++; inside = 1; next } inside && /^```$/ { inside = 0; next } inside { print }
     END { if (n != 1) { print "README.md must have exactly one elisp block, has " n > "/dev/stderr"; exit 1 } }' \
  README.md >"$RUN/home/.emacs"

export HOME=$RUN/home GOVLENS_OUTSIDE=$RUN/outside GOVLENS_EMACS_INIT=$RUN/home/.emacs
run_editor emacs 180 --batch -l test/emacs/eglot-test.el
exit "$rc"

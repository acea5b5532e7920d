#!/usr/bin/env bash
# Set up a fresh machine for Leverage: Python venv with the project, and, with --test,
# the Debian packages the test suite drives (Chromium, bubblewrap).
# Safe to run again: each step checks first and does nothing when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

want_test_tools=0
[[ "${1:-}" == "--test" ]] && want_test_tools=1

# Debian packages the tests drive: Chromium for the browser tests, bubblewrap for the
# grading sandbox, PostgreSQL for the gradebook and store tests (the tests start their own
# throwaway server as the package's 'postgres' user; the package's own cluster is not used).
if (( want_test_tools )) && { [[ ! -x /usr/bin/chromium ]] || [[ ! -x /usr/bin/bwrap ]] \
    || ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }; then
  echo "== installing Debian's chromium, bubblewrap and postgresql for the tests"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium bubblewrap postgresql >/dev/null
fi

if [[ ! -x $VENV/bin/python ]]; then
  echo "== creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi

# Reinstall only when the project's requirements changed since the last install.
stamp=$VENV/.installed-$( (cat pyproject.toml; echo "$want_test_tools") | sha256sum | cut -c1-16)
if [[ ! -f $stamp ]]; then
  echo "== installing the project into $VENV"
  extras="[dev]"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".$extras"
  rm -f "$VENV"/.installed-*
  touch "$stamp"
fi

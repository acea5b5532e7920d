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

# The JupyterHub test (tests/test_jupyterhub.py). Learners' servers run as other Unix users,
# who must be able to run the Python they start from, and .venv may sit on an interpreter
# under /root: so the hub gets an environment of its own, .hub/venv, made from Debian's
# Python. Its proxy, configurable-http-proxy, comes from the npm registry into .hub/
# (4.6.3 supports Debian 12's Node.js 18; the 5.x releases need Node.js 20).
if (( want_test_tools )); then
  hub_packages=()
  command -v npm >/dev/null || hub_packages+=(nodejs npm)
  /usr/bin/python3 -m venv --help >/dev/null 2>&1 || hub_packages+=(python3-venv)
  if (( ${#hub_packages[@]} )); then
    echo "== installing Debian's ${hub_packages[*]} for the JupyterHub test"
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${hub_packages[@]}" >/dev/null
  fi
  if [[ ! -x .hub/node_modules/.bin/configurable-http-proxy ]]; then
    echo "== installing configurable-http-proxy into .hub/"
    npm install --prefix .hub --no-audit --no-fund --loglevel=error configurable-http-proxy@4.6.3
  fi
  hub_stamp=.hub/venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
  if [[ ! -f $hub_stamp ]]; then
    echo "== installing the project and JupyterHub into .hub/venv"
    [[ -x .hub/venv/bin/python ]] || /usr/bin/python3 -m venv .hub/venv
    .hub/venv/bin/python -m pip install -q --upgrade pip
    .hub/venv/bin/python -m pip install -q -e ".[hub]"
    rm -f .hub/venv/.installed-*
    touch "$hub_stamp"
  fi
fi

#!/usr/bin/env bash
# Set up a fresh machine for Leverage: Python venv with the project; with --test, the
# Debian packages the test suite drives (Chromium, bubblewrap, PostgreSQL), the browser
# tests' axe-core and the hub's environment; with --hub, the hub's environment alone
# (docs/deploy.md).
# Safe to run again: each step checks first and does nothing when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

want_test_tools=0 want_hub=0
case "${1:-}" in
  --test) want_test_tools=1 want_hub=1 ;;
  --hub) want_hub=1 ;;
esac

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

# axe-core, the accessibility checker the browser tests inject into every page they visit
# (tests/browser/a11y.py), from the npm registry into a gitignored folder of the checkout:
# pinned, so a new release's rules never fail a build that changed nothing; the tests only
# read the file and download nothing.
AXE_VERSION=4.14.1
if (( want_test_tools )) \
    && ! grep -qs "\"version\": \"$AXE_VERSION\"" .test-tools/node_modules/axe-core/package.json; then
  command -v npm >/dev/null || {
    echo "== installing Debian's nodejs and npm for axe-core"
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  }
  echo "== installing axe-core $AXE_VERSION into .test-tools/"
  mkdir -p .test-tools
  npm install --prefix .test-tools --no-audit --no-fund --no-save --loglevel=error \
    "axe-core@$AXE_VERSION"
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

# The hub's environment, for a course's JupyterHub (docs/deploy.md) and its test
# (tests/test_jupyterhub.py). Learners' servers run as their own Unix users: they must run
# the hub's Python, import the course and read the hub's settings, while the checkout may sit
# where they cannot go (CI clones under /root, mode 700) and holds the solutions in source/.
# So the hub gets a home of its own outside the checkout, LEVERAGE_HUB_HOME (/opt/leverage-hub
# by default), that every account may traverse and read but only root may write: the hub
# runs what is in it as root. In it: a venv from Debian's Python (.venv may sit on an
# interpreter under /root) with a copy of the project (not editable, so it needs nothing from
# the checkout); configurable-http-proxy from the npm registry (4.6.3 supports Debian 12's
# Node.js 18; the 5.x releases need Node.js 20); a copy of deploy/, whose jupyterhub_config.py
# finds everything beside itself.
if (( want_hub )) && [[ -z ${LEVERAGE_HUB_HOME:-} && $(id -u) -ne 0 ]]; then
  echo "== no hub environment: it goes to /opt/leverage-hub as root (the hub test needs root)," \
    "or set LEVERAGE_HUB_HOME"
  want_hub=0
fi
if (( want_hub )); then
  HUB_HOME=${LEVERAGE_HUB_HOME:-/opt/leverage-hub}
  hub_packages=()
  command -v npm >/dev/null || hub_packages+=(nodejs npm)
  /usr/bin/python3 -m venv --help >/dev/null 2>&1 || hub_packages+=(python3-venv)
  if (( ${#hub_packages[@]} )); then
    echo "== installing Debian's ${hub_packages[*]} for the hub"
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${hub_packages[@]}" >/dev/null
  fi
  # readable by everyone whatever the caller's umask (CI's may be 077)
  umask 022
  mkdir -p "$HUB_HOME"
  chmod 755 "$HUB_HOME"
  if [[ ! -x $HUB_HOME/node_modules/.bin/configurable-http-proxy ]]; then
    echo "== installing configurable-http-proxy into $HUB_HOME"
    npm install --prefix "$HUB_HOME" --no-audit --no-fund --loglevel=error \
      configurable-http-proxy@4.6.3
  fi
  [[ -x $HUB_HOME/venv/bin/python ]] || /usr/bin/python3 -m venv "$HUB_HOME/venv"
  # The requirements change rarely and take minutes to install; the code that learners'
  # kernels import changes often and takes seconds: a stamp for each, so a stale copy never
  # serves an old course and an unchanged one is left alone.
  deps_stamp=$HUB_HOME/venv/.requirements-$(sha256sum pyproject.toml | cut -c1-16)
  code_stamp=$HUB_HOME/venv/.code-$( { sha256sum pyproject.toml
    find course autograder -type f ! -path '*/__pycache__/*' ! -path '*/.ipynb_checkpoints/*' \
      -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; } | sha256sum | cut -c1-16)
  if [[ ! -f $deps_stamp || ! -f $code_stamp ]]; then
    if [[ ! -f $deps_stamp ]]; then
      echo "== installing JupyterHub, the course and its requirements into $HUB_HOME/venv"
      "$HUB_HOME/venv/bin/python" -m pip install -q --upgrade pip
      "$HUB_HOME/venv/bin/python" -m pip install -q ".[hub]"
    else
      echo "== installing this copy of the course into $HUB_HOME/venv"
      "$HUB_HOME/venv/bin/python" -m pip install -q --no-deps --force-reinstall .
    fi
    rm -f "$HUB_HOME"/venv/.requirements-* "$HUB_HOME"/venv/.code-*
    touch "$deps_stamp" "$code_stamp"
  fi
  # deploy/ is a handful of small files: compared whole, copied whole when anything differs
  if ! diff -r deploy "$HUB_HOME/deploy" >/dev/null 2>&1; then
    echo "== copying deploy/ into $HUB_HOME"
    rm -rf "$HUB_HOME/deploy.new"
    cp -r deploy "$HUB_HOME/deploy.new"
    chmod -R u=rwX,go=rX "$HUB_HOME/deploy.new"
    rm -rf "$HUB_HOME/deploy"
    mv "$HUB_HOME/deploy.new" "$HUB_HOME/deploy"
  fi
fi

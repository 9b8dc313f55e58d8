#!/usr/bin/env bash
# JupyterHub's usual proxy, configurable-http-proxy, from npm into hub/node_modules (git-ignored).
# Used by the whole-class test and the hub benchmark; a school hub installs it the same way
# (or globally: `npm install -g configurable-http-proxy`). Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")"
PROXY=node_modules/.bin/configurable-http-proxy
if [ -x "$PROXY" ]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    # As root on Debian/Ubuntu (CI, a fresh school server) take Node.js from the distribution.
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "install_proxy: installing Debian's nodejs and npm with apt-get..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "install_proxy: npm is missing: install Node.js and npm, then run me again" >&2
        exit 1
    fi
fi
# The versions are locked in package-lock.json; `npm ci` installs exactly those.
npm ci --no-audit --no-fund --loglevel=error
"$PROXY" --version

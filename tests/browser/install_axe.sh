#!/usr/bin/env bash
# axe-core from npm into tests/browser/axe/node_modules (git-ignored), for the website's
# accessibility test (tests/browser/test_book_in_browser.py injects it into every page).
# The version is locked in tests/browser/axe/package-lock.json; `npm ci` installs exactly that.
# Needs node and npm; as root on Debian/Ubuntu they are taken from the distribution.
set -euo pipefail
cd "$(dirname "$0")/axe"
AXE=node_modules/axe-core/axe.min.js
if [ -f "$AXE" ]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "install_axe: installing Debian's nodejs and npm with apt-get..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "install_axe: npm is missing: install Node.js and npm, then run me again" >&2
        exit 1
    fi
fi
npm ci --no-audit --no-fund --loglevel=error
echo "install_axe: axe-core $(node -p "require('./node_modules/axe-core/package.json').version")"

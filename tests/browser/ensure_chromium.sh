#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests, and poppler's
# pdftotext for the tests that read the text of a printed (PDF) handout.
# Why apt and not `playwright install`: the browser must come from the distribution's
# registry (reachable here and in CI), never from a download Playwright picks itself.
# Outside CI a missing browser is not fatal: the browser tests skip and say how to install it.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
HOW_TO="install it with: sudo apt-get update && sudo apt-get install -y chromium poppler-utils"

if [ -x "$CHROMIUM" ] && command -v pdftotext >/dev/null 2>&1; then
    exit 0
fi

give_up() {
    echo "ensure_chromium: $1" >&2
    echo "ensure_chromium: $HOW_TO" >&2
    if [ -n "${CI:-}" ]; then
        exit 1
    fi
    echo "ensure_chromium: outside CI the browser tests will be skipped." >&2
    exit 0
}

if [ "$(id -u)" -ne 0 ]; then
    give_up "$CHROMIUM or pdftotext is missing and installing them needs root."
fi
if ! command -v apt-get >/dev/null 2>&1; then
    give_up "$CHROMIUM or pdftotext is missing and apt-get is not available on this system."
fi

echo "ensure_chromium: installing Debian's chromium and poppler-utils with apt-get (about 30 s)..."
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null; }; then
    give_up "apt-get could not install chromium and poppler-utils."
fi
if [ ! -x "$CHROMIUM" ]; then
    give_up "apt-get finished but $CHROMIUM is still missing."
fi
echo "ensure_chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium installed)"

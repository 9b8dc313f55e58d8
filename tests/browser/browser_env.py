"""Where the browser tests find Chromium and the lessons, and how both are set up.

A module of its own (not conftest.py), so the test files import it explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SERVER_START_TIMEOUT_S = 60

# Flags measured to work on these machines (docs: jupyter-testing notes). The networking ones
# stop Chromium from flooding a closed network with refused connections.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# JupyterLab user settings: no news pop-up over the page, no autosave rewriting files, and
# every cell kept in the page (not windowed away) so the checks can see all of them.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def lessons_dir() -> Path:
    """The folder whose notebooks the browser tests open."""
    return Path(os.environ.get("ISSLEARN_BROWSER_NOTEBOOKS", REPO / "notebooks")).resolve()


def lesson_notebooks() -> list[Path]:
    return sorted(lessons_dir().glob("*.ipynb"))


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None. In CI a missing browser is a failure."""
    if CHROMIUM.exists():
        return None
    message = (
        f"{CHROMIUM} is missing: run `bash tests/browser/ensure_chromium.sh` as root, or "
        "`sudo apt-get update && sudo apt-get install -y chromium`"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    return message

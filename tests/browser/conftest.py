"""A JupyterLab server and a headless Chromium for the browser tests, both throwaway.

Why so much isolation: the lessons are opened and run exactly as a teacher would, but the
server serves a *copy* of notebooks/ with its own config, runtime, settings and workspace
folders, so nothing on this machine leaks in (news pop-ups, autosave, old workspaces) and
nothing the test does (running cells, saving) can change the committed lesson files.

``ISSLEARN_BROWSER_NOTEBOOKS`` points the tests at another folder of notebooks (for trying
the checks on a teacher's own notebooks); by default they use the repository's notebooks/.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .browser_env import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    LAB_SETTINGS,
    SCREENSHOTS,
    SERVER_START_TIMEOUT_S,
    chromium_missing_reason,
    lessons_dir,
)


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: where it listens and the folder (a copy) it serves."""

    url: str
    token: str
    root: Path

    def lab_url(self, relative_path: str, workspace: str) -> str:
        """The file opened alone in a fresh, named workspace (no tabs left from other tests)."""
        return (
            f"{self.url}/lab/workspaces/{workspace}/tree/{relative_path}?reset&token={self.token}"
        )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_lab_settings(settings_dir: Path) -> None:
    for relative, values in LAB_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _fingerprints(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _wait_until_ready(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(
        f"JupyterLab not ready after {SERVER_START_TIMEOUT_S} s:\n{log.read_text(errors='replace')}"
    )


@pytest.fixture(scope="session")
def lab_server() -> Iterator[LabServer]:
    """JupyterLab on 127.0.0.1, a random port and token, serving a copy of the lessons."""
    reason = chromium_missing_reason()
    if reason:
        pytest.skip(reason)
    source = lessons_dir()
    before = _fingerprints(source) if source.is_dir() else {}
    with tempfile.TemporaryDirectory(prefix="isslearn-lab-") as tmp:
        home = Path(tmp)
        served = home / "notebooks"
        shutil.copytree(source, served, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        env = dict(os.environ)
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"):
            env[name] = str(home / name.lower())
        env["JUPYTERLAB_SETTINGS_DIR"] = str(home / "lab-settings")
        env["JUPYTERLAB_WORKSPACES_DIR"] = str(home / "lab-workspaces")
        env.pop("MPLBACKEND", None)  # the kernel picks its inline backend, as in class
        _write_lab_settings(home / "lab-settings")
        port, token = _free_port(), secrets.token_hex(16)
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            "--ServerApp.open_browser=False",
            "--LabApp.news_url=None",
            f"--ServerApp.root_dir={served}",
        ]
        if os.geteuid() == 0:
            command.append("--allow-root")
        log = home / "jupyterlab.log"
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                command, env=env, cwd=served, stdout=log_file, stderr=subprocess.STDOUT
            )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(process, f"{url}/api/status?token={token}", log)
            yield LabServer(url=url, token=token, root=served)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
    after = _fingerprints(source) if source.is_dir() else {}
    changed = sorted(name for name, digest in before.items() if after.get(name) != digest)
    assert not changed, f"the browser tests changed or removed files in {source}: {changed}"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright, with a fresh profile for this session."""
    reason = chromium_missing_reason()
    if reason:
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api")
    # launch() gives Chromium a fresh temporary profile (user-data-dir) and deletes it on close;
    # Playwright refuses an explicit --user-data-dir here.
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, timeout=60_000
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh browser tab sized like a classroom projector."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.set_default_timeout(30_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

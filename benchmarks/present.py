"""Projecting a lesson: seconds from starting the presenter view, or JupyterLab, to a figure.

A teacher about to project a lesson either types ``isslearn present LESSON`` (Voilà runs the
lesson and the page shows it, figures and widgets live) or starts JupyterLab, opens the lesson
and runs every cell. Both are timed in Debian's Chromium from the moment the command starts to
the moment the first figure drawn by the lesson's kernel is on the screen, each sample cold: a
new server, kernel and browser context every time, the two tools taking turns.

Used by ``make bench`` (:func:`present_figures`) and by the browser tests
(tests/browser/presenter_checks.py), which start the presenter and guard its page with
:func:`presenter` and :class:`Guard`.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .stats import Figure

Page = Any  # playwright.sync_api.Page; imported lazily so nothing here needs playwright

CHROMIUM = Path("/usr/bin/chromium")
# The flags the browser tests use (tests/browser/browser_env.py; a test keeps the two equal).
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
PROJECTOR = {"width": 1366, "height": 768}
LOCAL_HOSTS = {"127.0.0.1"}
SERVER_START_TIMEOUT_S = 90
FIRST_FIGURE_TIMEOUT_S = 240
FIRST_FIGURE_GOAL_S = 30  # the class waits at most half a minute for the lesson on the wall
# A figure the class can see: an image in the lesson's outputs that has loaded and is shown.
FIRST_FIGURE_JS = """(scope) => [...document.querySelectorAll(scope + ' img')]
    .some(img => img.complete && img.naturalWidth > 0 && img.offsetParent !== null)"""
# JupyterLab without its news pop-up over the page, and no autosave over the lesson's file.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _jupyter_env(home: Path) -> dict[str, str]:
    """This environment with Jupyter's folders in ``home``: no settings of this machine leak in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "MPLBACKEND"))}
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"):
        env[name] = str(home / name.lower())
    return env


@dataclass(frozen=True)
class Server:
    """A running server: the page to open, when its command started, where it logs."""

    url: str
    started: float  # time.monotonic() when the command was launched
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


@contextlib.contextmanager
def _running(command: list[str], env: dict[str, str], port: int, home: Path) -> Iterator[Server]:
    log = home / "server.log"
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}/", started, log)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[2:4]} exited early:\n{server.log_text()}")
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing on port {port}:\n{server.log_text()}")
            time.sleep(0.1)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)  # as Ctrl+C: the servers stop their kernels
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def presenter(notebook: Path) -> Iterator[Server]:
    """``isslearn present NOTEBOOK --no-browser`` on a free port, as a teacher starts it."""
    with tempfile.TemporaryDirectory(prefix="isslearn-present-") as tmp:
        home = Path(tmp)
        port = _free_port()
        command = [sys.executable, "-m", "isslearn", "present", str(notebook), "--no-browser"]
        with _running([*command, "--port", str(port)], _jupyter_env(home), port, home) as server:
            yield server


@contextlib.contextmanager
def jupyterlab(notebook: Path) -> Iterator[Server]:
    """JupyterLab on a copy of ``notebook``'s folder; the URL opens the lesson alone."""
    with tempfile.TemporaryDirectory(prefix="isslearn-lab-") as tmp:
        home = Path(tmp)
        served = home / "notebooks"
        shutil.copytree(notebook.parent, served, ignore=shutil.ignore_patterns(".ipynb_*"))
        env = _jupyter_env(home)
        env["JUPYTERLAB_SETTINGS_DIR"] = str(home / "lab-settings")
        env["JUPYTERLAB_WORKSPACES_DIR"] = str(home / "lab-workspaces")
        for relative, values in LAB_SETTINGS.items():
            path = home / "lab-settings" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
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
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ]
        with _running(command, env, port, home) as server:
            lesson = f"lab/workspaces/bench/tree/{notebook.name}?reset&token={token}"
            yield Server(server.url + lesson, server.started, server.log)


@dataclass
class Guard:
    """A browser context whose pages may reach 127.0.0.1 only, recording what else they tried,
    their console errors and their failed requests."""

    context: Any
    remote: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.context.route("**/*", self._route)

    def new_page(self) -> Page:
        page = self.context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("requestfailed", self._failed)
        return page

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlparse(url).hostname in LOCAL_HOSTS or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.remote.append(url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def _failed(self, request: Any) -> None:
        # Voilà ends the page's kernel when the tab closes; that request may be cut short.
        if request.url not in self.remote and "/api/shutdown/" not in request.url:
            self.failed.append(f"{request.url}: {request.failure}")


def presenter_first_figure(page: Page, server: Server) -> float:
    """Open the presenter view; seconds from the command's start to its first figure."""
    page.goto(server.url, wait_until="commit", timeout=FIRST_FIGURE_TIMEOUT_S * 1000)
    page.wait_for_function(
        FIRST_FIGURE_JS, arg="#rendered_cells", timeout=FIRST_FIGURE_TIMEOUT_S * 1000, polling=50
    )
    return time.monotonic() - server.started


def lab_first_figure(page: Page, server: Server) -> float:
    """Open the lesson in JupyterLab, clear its saved outputs and run all cells, from the menus
    as a teacher does; seconds from the command's start to the first figure drawn again."""
    page.goto(server.url, wait_until="domcontentloaded", timeout=FIRST_FIGURE_TIMEOUT_S * 1000)
    notebook = page.locator(".jp-NotebookPanel .jp-Notebook").first
    notebook.wait_for(state="visible", timeout=FIRST_FIGURE_TIMEOUT_S * 1000)
    page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(
        state="attached", timeout=FIRST_FIGURE_TIMEOUT_S * 1000
    )
    for menu, command in (("Edit", "editmenu:clear-all"), ("Run", "runmenu:run-all")):
        notebook.click(position={"x": 5, "y": 5})
        page.locator(".lm-MenuBar-item", has_text=menu).first.click()
        page.locator(f'.lm-Menu-item[data-command="{command}"]').first.click()
        if command == "editmenu:clear-all":
            page.wait_for_function(
                "() => !document.querySelector('.jp-OutputArea-output img')", timeout=30_000
            )
    page.wait_for_function(
        FIRST_FIGURE_JS,
        arg=".jp-OutputArea-output",
        timeout=FIRST_FIGURE_TIMEOUT_S * 1000,
        polling=50,
    )
    return time.monotonic() - server.started


def _sample(browser: Any, tool: str, lesson: Path) -> float:
    start, first = (
        (presenter, presenter_first_figure)
        if tool == "presenter"
        else (jupyterlab, lab_first_figure)
    )
    with start(lesson) as server:
        context = browser.new_context(viewport=PROJECTOR)
        try:
            return first(Guard(context).new_page(), server)
        finally:
            context.close()


def present_figures(lessons: list[Path], repeats: int) -> list[Figure]:
    """Start to first figure, per lesson: the presenter view, then JupyterLab beside it."""
    why = ""
    if not CHROMIUM.exists():
        why = f"{CHROMIUM} is missing (bash tests/browser/ensure_chromium.sh)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            why = "playwright is not installed (pip install '.[test]')"
    if why:
        return [
            Figure.missing("presenter view: start to first figure", "s", FIRST_FIGURE_GOAL_S, why)
        ]
    samples: dict[tuple[str, str], list[float]] = {}
    errors: dict[tuple[str, str], str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, timeout=60_000
        )
        try:
            for _ in range(repeats):
                for lesson in lessons:
                    for tool in ("presenter", "lab"):
                        key = (lesson.stem, tool)
                        try:
                            samples.setdefault(key, []).append(_sample(browser, tool, lesson))
                        except Exception as exc:  # reported in the figure, never lost
                            errors[key] = f"{type(exc).__name__}: {str(exc)[:300]}"
        finally:
            browser.close()
    figures = []
    for lesson in lessons:
        for tool, name, goal in (
            (
                "presenter",
                "presenter view (isslearn present): start to first figure",
                FIRST_FIGURE_GOAL_S,
            ),
            ("lab", "JupyterLab, Run All: start to first figure (reference)", None),
        ):
            key = (lesson.stem, tool)
            title = f"{lesson.stem}: {name}"
            if samples.get(key):
                note = f"failed once: {errors[key]}" if key in errors else ""
                figure = Figure.from_samples(title, "s", goal, samples[key], note)
                figure.met = figure.met if key not in errors or goal is None else False
                figures.append(figure)
            else:
                figures.append(Figure.missing(title, "s", goal, errors.get(key, "not measured")))
    return figures


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.present [--repeats N] [LESSON.ipynb ...]``: these figures alone."""
    import argparse

    from .__main__ import table
    from .lessons import lessons

    parser = argparse.ArgumentParser(prog="python -m benchmarks.present", description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    chosen = [path.resolve() for path in args.notebooks] or lessons()
    print(table(present_figures(chosen, args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

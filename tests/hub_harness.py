"""A whole class on a real JupyterHub, on this machine: the software a school would run.

JupyterHub (PyPI) behind its usual proxy (configurable-http-proxy from npm, installed into
hub/node_modules by hub/install_proxy.sh), the dummy authenticator (any name, one shared
password) and the simple spawner (a local process per learner, homes in a temporary folder),
everything on 127.0.0.1. Each learner does what the README tells a class to do: open the
nbgitpuller link, log in, get a private copy of the lessons; then runs a lesson through their
own Jupyter server's APIs (sessions, contents, and the kernel's websocket: what JupyterLab
does when you press Run All).

Used by tests/test_whole_class.py (which checks what happened) and by ``make bench``
(benchmarks/hub.py, which records memory and the time from login to the first figure). It
lives with the tests, which the source distribution ships.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlparse

REPO = Path(__file__).resolve().parent.parent
SCHOOL_CONFIG = REPO / "hub" / "jupyterhub_config.py"  # what the README gives a school
PROXY = REPO / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
INSTALL_PROXY = REPO / "hub" / "install_proxy.sh"
CLASS_SIZE = 8
PASSWORD_BYTES = 12
HUB_START_TIMEOUT_S = 90
SPAWN_TIMEOUT_S = 180
PULL_TIMEOUT_S = 180
CELL_TIMEOUT_S = 300

# JupyterLab settings each learner's home starts with: no news pop-up over the lesson, and
# every cell kept in the page (the browser learner's checks look at all of them).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_proxy() -> Path:
    """configurable-http-proxy, installed by the project's own script if it is missing."""
    if not PROXY.exists():
        subprocess.run(["bash", str(INSTALL_PROXY)], check=True, timeout=600)
    return PROXY


def local_repository(folder: Path, branch: str = "main") -> Path:
    """A clone of this repository standing in for the public one nbgitpuller copies from."""
    clone = folder / "isslearn"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True, timeout=120)
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", "-B", branch], check=True)
    return clone


def hub_config(folder: Path, port: int, password: str, class_env: dict[str, str]) -> str:
    """The school's hub/jupyterhub_config.py, then what a test on one machine adds: ports on
    127.0.0.1, files in ``folder``, test users (dummy authenticator), local processes."""
    homes = folder / "homes"
    root = os.geteuid() == 0
    singleuser = Path(sys.executable).parent / "jupyterhub-singleuser"
    ensure_proxy()
    lines = [
        f"load_subconfig({str(SCHOOL_CONFIG)!r})",
        f"c.JupyterHub.bind_url = 'http://127.0.0.1:{port}'",
        f"c.JupyterHub.hub_bind_url = 'http://127.0.0.1:{_free_port()}'",
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{_free_port()}'",
        f"c.ConfigurableHTTPProxy.pid_file = {str(folder / 'proxy.pid')!r}",
        f"c.JupyterHub.db_url = 'sqlite:///{folder / 'hub.sqlite'}'",
        f"c.JupyterHub.cookie_secret_file = {str(folder / 'cookie_secret')!r}",
        "c.JupyterHub.authenticator_class = 'dummy'",
        f"c.DummyAuthenticator.password = {password!r}",
        "c.Authenticator.allow_all = True",
        "c.JupyterHub.spawner_class = 'simple'",
        f"c.SimpleLocalProcessSpawner.home_dir_template = {str(homes) + '/{username}'!r}",
        f"c.Spawner.cmd = [{str(singleuser)!r}]",
        f"c.Spawner.args.extend({['--allow-root'] if root else []!r})",  # after the school's
        f"c.Spawner.start_timeout = {SPAWN_TIMEOUT_S}",
        f"c.Spawner.http_timeout = {SPAWN_TIMEOUT_S}",
        # A class-wide events file, set the way the school's config file shows.
        f"c.Spawner.environment = {class_env!r}",
    ]
    return "\n".join(lines) + "\n"


@dataclass
class Hub:
    url: str
    folder: Path
    password: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        """Stop the hub; it stops the learners' servers and its proxy (cleanup_servers)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-6000:]


@contextlib.contextmanager
def running_hub(
    folder: Path, class_env: dict[str, str] | None = None, hub_env: dict[str, str] | None = None
) -> Iterator[Hub]:
    """A JupyterHub on 127.0.0.1 for the duration of the block; ``hub_env`` is added to the
    hub process's own environment."""
    import requests

    folder.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(PASSWORD_BYTES)
    port = _free_port()
    config = folder / "jupyterhub_config.py"
    config.write_text(hub_config(folder, port, password, class_env or {}), encoding="utf-8")
    log = folder / "hub.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "MPLBACKEND"))}
    env.update(hub_env or {})
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    hub = Hub(f"http://127.0.0.1:{port}", folder, password, process, log)
    try:
        deadline = time.monotonic() + HUB_START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited early:\n{hub.log_text()}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{hub.url}/hub/api", timeout=2).ok:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"JupyterHub not up after {HUB_START_TIMEOUT_S} s:\n{hub.log_text()}"
                )
            time.sleep(0.3)
        yield hub
    finally:
        hub.stop()


def prepare_home(hub: Hub, name: str) -> Path:
    """A learner's home as a school image would have it (JupyterLab settings only)."""
    home = hub.folder / "homes" / name
    settings = home / ".jupyter" / "lab" / "user-settings"
    for relative, values in LAB_SETTINGS.items():
        path = settings / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    return home


@dataclass
class LessonRun:
    """What one learner's run of a lesson showed, and how long things took."""

    learner: str
    cells: int = 0
    errors: list[str] = field(default_factory=list)
    login_to_first_figure_s: float | None = None
    login_to_copy_s: float | None = None
    seconds: float | None = None
    images: int = 0


class Learner:
    """One learner with their own browser session (cookies) on the hub."""

    def __init__(self, hub: Hub, name: str) -> None:
        import requests

        self.hub, self.name = hub, name
        self.session = requests.Session()
        self.base = f"{hub.url}/user/{name}"
        self.logged_in_at: float | None = None
        prepare_home(hub, name)

    # ------------------------------------------------------------ logging in and pulling

    def open_link(self, link: str) -> str:
        """Click the nbgitpuller link: log in when asked, start the server, copy the lessons.

        Returns the URL the learner ends on (JupyterLab opening the lesson). Each step is
        what the browser does with the pages the hub and nbgitpuller send.
        """
        response = self.session.get(link, timeout=60)
        if "/hub/login" in response.url:
            self.logged_in_at = time.monotonic()
            xsrf = self.session.cookies.get("_xsrf", path="/hub/")
            response = self.session.post(
                response.url,
                data={"username": self.name, "password": self.hub.password, "_xsrf": xsrf},
                timeout=60,
            )
        if response.status_code != 424:  # 424: "your server is not running" (it starts next)
            response.raise_for_status()
        self._wait_for_server()
        response = self.session.get(link, timeout=60)  # after the spawn page, the link again
        response.raise_for_status()
        query = urlparse(link).query
        self.pull(query)
        return response.url

    def _wait_for_server(self) -> None:
        """Start the server if it is not running (what the "implicit spawn" page does), then
        open JupyterLab once: the server's login (OAuth with the hub) sets its cookies."""
        self.session.get(f"{self.hub.url}/hub/spawn/{self.name}", timeout=60)
        deadline = time.monotonic() + SPAWN_TIMEOUT_S
        while time.monotonic() < deadline:
            reply = self.session.get(f"{self.base}/lab", timeout=60)
            if reply.ok and reply.url.startswith(f"{self.base}/lab"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"{self.name}: server not up after {SPAWN_TIMEOUT_S} s")

    def pull(self, query: str) -> None:
        """nbgitpuller's own event stream (its page's script calls it): wait for 'finished'."""
        url = f"{self.base}/git-pull/api?{query}"
        with self.session.get(url, stream=True, timeout=PULL_TIMEOUT_S) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line.removeprefix("data:"))
                if event.get("phase") == "error":
                    raise RuntimeError(f"{self.name}: nbgitpuller failed: {event.get('message')}")
                if event.get("phase") == "finished":
                    return
        raise RuntimeError(f"{self.name}: nbgitpuller stopped without finishing")

    # ------------------------------------------------------------ the server's APIs

    def _headers(self) -> dict[str, str]:
        xsrf = self.session.cookies.get("_xsrf", path=f"/user/{self.name}/")
        if xsrf is None:
            self.session.get(f"{self.base}/lab", timeout=60)
            xsrf = self.session.cookies.get("_xsrf", path=f"/user/{self.name}/")
        return {"X-XSRFToken": xsrf or ""}

    def api(self, method: str, path: str, **kwargs):
        response = self.session.request(
            method, f"{self.base}/api/{path}", headers=self._headers(), timeout=60, **kwargs
        )
        return response

    def read_notebook(self, path: str) -> dict:
        reply = self.api("GET", f"contents/{quote(path)}?content=1")
        reply.raise_for_status()
        return reply.json()["content"]

    def save_notebook(self, path: str, notebook: dict) -> None:
        body = {"type": "notebook", "format": "json", "content": notebook}
        self.api("PUT", f"contents/{quote(path)}", json=body).raise_for_status()

    def run_code(self, code: str, scratch: str = "scratch.ipynb") -> list[str]:
        """Run one cell in a new notebook of the learner's own; its text outputs."""
        import nbformat

        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(code)]
        self.save_notebook(scratch, notebook)
        run, texts = self.run_notebook(scratch)
        if run.errors:
            raise RuntimeError(f"{self.name}: {run.errors}")
        return texts

    def run_notebook(self, path: str) -> tuple[LessonRun, list[str]]:
        """Run every code cell of ``path`` in a new kernel, as Run All does; then ``extra_code``.

        Returns the run and the text outputs of each cell.
        """
        import websocket

        run = LessonRun(self.name)
        notebook = self.read_notebook(path)
        session = self.api(
            "POST",
            "sessions",
            json={"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}},
        )
        session.raise_for_status()
        kernel_id = session.json()["kernel"]["id"]
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
        ws_url = self.base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        started = time.monotonic()
        connection = websocket.create_connection(
            ws_url, header=[f"Cookie: {cookies}"], timeout=CELL_TIMEOUT_S
        )
        texts: list[str] = []
        try:
            for cell in notebook["cells"]:
                source = cell["source"]
                source = "".join(source) if isinstance(source, list) else source
                if cell["cell_type"] != "code" or not source.strip():
                    continue
                texts.append("".join(self._execute(connection, source, run)))
                run.cells += 1
                if run.errors:
                    break
        finally:
            connection.close()
            self.api("DELETE", f"sessions/{session.json()['id']}")
        run.seconds = time.monotonic() - started
        return run, texts

    def _execute(self, connection, code: str, run: LessonRun) -> list[str]:
        msg_id = uuid.uuid4().hex
        connection.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "username": self.name,
                        "session": uuid.uuid4().hex,
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {"code": code, "silent": False, "store_history": True},
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        texts: list[str] = []
        idle = replied = False
        deadline = time.monotonic() + CELL_TIMEOUT_S
        while not (idle and replied):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}: a cell ran longer than {CELL_TIMEOUT_S} s")
            frame = connection.recv()
            if isinstance(frame, bytes):  # a message with binary buffers: widget data, skip
                continue
            message = json.loads(frame)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "status" and content.get("execution_state") == "idle":
                idle = True
            elif kind == "execute_reply":
                replied = True
                if content.get("status") == "error":
                    run.errors.append(f"{content.get('ename')}: {content.get('evalue')}")
            elif kind == "error":
                run.errors.append(f"{content.get('ename')}: {content.get('evalue')}")
            elif kind == "stream":
                texts.append(content.get("text", ""))
                if content.get("name") == "stderr" and "Traceback" in content.get("text", ""):
                    run.errors.append(content["text"][-800:])
            elif kind in ("display_data", "execute_result"):
                data = content.get("data", {})
                texts.append(data.get("text/plain", ""))
                if "image/png" in data:
                    run.images += 1
                    if run.login_to_first_figure_s is None and self.logged_in_at is not None:
                        run.login_to_first_figure_s = time.monotonic() - self.logged_in_at
        return texts


# ---------------------------------------------------------------- memory of the whole hub


class MemorySampler:
    """The hub's process tree (hub, proxy, learners' servers, kernels): peak summed PSS.

    PSS shares each shared page among the processes using it, so the sum is what the class
    really takes from the machine (RSS would count shared libraries once per process).
    """

    def __init__(self, pid: int, every_s: float = 1.0) -> None:
        self.pid, self.every_s = pid, every_s
        self.peak_mb = 0.0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> float:
        import psutil

        try:
            root = psutil.Process(self.pid)
            processes = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0.0
        total = 0
        for process in processes:
            with contextlib.suppress(psutil.Error):
                total += process.memory_full_info().pss
        megabytes = total / 2**20
        if megabytes > self.peak_mb:
            self.peak_mb, self.peak_processes = megabytes, len(processes)
        return megabytes

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self.sample()

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        self.sample()


def _site(clone: Path, hub: Hub):
    """docs/site.toml's settings with this hub's address and this repository filled in."""
    sys.path.insert(0, str(REPO / "docs"))
    try:
        from make_book import Site
    finally:
        sys.path.remove(str(REPO / "docs"))
    readme_site = Site.load()
    return Site(str(clone), readme_site.branch, hub.url, readme_site.binderhub)


def learner_link(clone: Path, hub: Hub, lesson: str = "notebooks/00_start_here.ipynb") -> str:
    """The README's nbgitpuller link with this hub's address and this repository filled in."""
    return _site(clone, hub).hub_url(lesson)


def present_link(clone: Path, hub: Hub, lesson: str) -> str:
    """The teacher's presenter link (nbgitpuller, then Voilà) for this hub and repository."""
    return _site(clone, hub).hub_present_url(lesson)


def class_session(
    hub: Hub, clone: Path, names: list[str], lesson: str
) -> tuple[list[LessonRun], dict[str, Learner]]:
    """Every learner, at once, opens the link and runs ``lesson`` from their own copy."""
    link = learner_link(clone, hub)
    learners = {name: Learner(hub, name) for name in names}
    runs: dict[str, LessonRun] = {}

    def one(learner: Learner) -> None:
        try:
            learner.open_link(link)
            copy_s = time.monotonic() - (learner.logged_in_at or time.monotonic())
            run, _ = learner.run_notebook(f"{clone.name}/{lesson}")
            run.login_to_copy_s = copy_s
        except Exception as exc:  # reported per learner, never lost
            run = LessonRun(learner.name, errors=[f"{type(exc).__name__}: {exc}"])
        runs[learner.name] = run

    threads = [threading.Thread(target=one, args=(lr,)) for lr in learners.values()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [runs[name] for name in names], learners

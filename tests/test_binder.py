"""Binder, without Docker: the lessons run in an environment made from binder/ alone.

Binder (repo2docker) pip-installs binder/requirements.txt into Python from runtime.txt, then
runs binder/postBuild from the repository root. No Docker engine runs on the machines that
test isslearn, so the stand-in does the same steps in a fresh venv: install the pinned
requirements, run postBuild from a copy of the repository. A lesson that needs a package the
pins forgot fails here, not in class.

Each lesson is executed once per test run, and that one run proves three things: strict
nbval (every saved output matches, no cell or widget callback raises) with a kernel from
this Binder venv, inside a network namespace with nothing but loopback (tests/offline.py),
so the lessons are also proven to need no network once installed.

The quick checks of the files themselves (every pin exact, pins inside pyproject's ranges)
are not marked slow, so `make unit` runs them too.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import REPO
from offline import can_cut_network, offline_command
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

BINDER = REPO / "binder"
# The English lessons and every translation's (notebooks/<lang>/), checked alike.
LESSONS = sorted((REPO / "notebooks").glob("*.ipynb")) + sorted(
    (REPO / "notebooks").glob("*/*.ipynb")
)
PIP_TIMEOUT_S = 900
LESSON_TIMEOUT_S = 300
KERNEL = "isslearn-binder"
# Not part of the repository as Binder sees it (Binder clones; these are local or ignored).
NOT_CLONED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".ipynb_checkpoints",
    ".work",
    "screenshots",
    "handouts",
    "dist",
    "build",
    "*.egg-info",
    ".jupyter-test",
)
# Installed by venv itself, or by postBuild: not expected among the pins.
NOT_PINNED = {"pip", "setuptools", "wheel", "isslearn"}


def binder_pins() -> dict[str, tuple[int, Requirement]]:
    """binder/requirements.txt as {canonical name: (line number, requirement)}."""
    pins = {}
    for number, line in enumerate((BINDER / "requirements.txt").read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            pins[canonicalize_name(requirement.name)] = (number, requirement)
    return pins


def pyproject_ranges() -> list[Requirement]:
    """What isslearn needs at run time, in the lab and to present, as pyproject.toml says."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = project["dependencies"] + extras["lab"] + extras["present"]
    return [Requirement(text) for text in wanted]


# ---------------------------------------------------------------- the files themselves


def test_there_are_lessons_to_run():
    assert len([p for p in LESSONS if p.parent.name == "notebooks"]) >= 6, (
        f"the lessons in notebooks/ are missing: {LESSONS}"
    )


def test_every_requirement_is_pinned_exactly():
    loose = [
        f"line {number}: {requirement}"
        for number, requirement in binder_pins().values()
        if len(requirement.specifier) != 1 or next(iter(requirement.specifier)).operator != "=="
    ]
    assert not loose, "binder/requirements.txt must pin every package with ==: " + str(loose)


def test_pins_fall_inside_the_ranges_pyproject_allows():
    pins = binder_pins()
    problems = []
    for wanted in pyproject_ranges():
        pin = pins.get(canonicalize_name(wanted.name))
        if pin is None:
            problems.append(f"{wanted.name} is a dependency but not pinned")
            continue
        number, requirement = pin
        version = next(iter(requirement.specifier)).version
        if not wanted.specifier.contains(version, prereleases=True):
            problems.append(f"line {number}: {requirement} is outside pyproject's {wanted}")
    assert not problems, "binder/requirements.txt disagrees with pyproject.toml: " + str(problems)


def test_binder_uses_the_python_the_lessons_are_tested_with():
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"


def test_postbuild_is_an_executable_strict_bash_script():
    post_build = BINDER / "postBuild"
    text = post_build.read_text()
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    assert os.access(post_build, os.X_OK), "binder/postBuild must be executable (chmod +x)"


# ---------------------------------------------------------------- the stand-in build


def _run(command: list[str], *, env: dict, cwd: Path, timeout: int) -> str:
    done = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, (
        f"`{' '.join(map(str, command))}` failed ({done.returncode}):\n"
        f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    return done.stdout


def _pins_key() -> str:
    """What the pinned install depends on: the pins, the runtime, postBuild and this Python."""
    digest = hashlib.sha256(sys.version.encode())
    for name in ("requirements.txt", "runtime.txt", "postBuild"):
        digest.update((BINDER / name).read_bytes())
    return digest.hexdigest()[:16]


def _pinned_venv(env_for, build: Path) -> Path:
    """A venv with binder/requirements.txt installed, kept in build/ for the next run.

    Binder rebuilds its image only when the repository changes; this keeps the pinned part
    until the pins, runtime.txt, postBuild or the Python change (the key of its folder).
    postBuild, which installs isslearn itself, runs afresh on every test run.
    """
    venv = build / f"binder-venv-{_pins_key()}"
    if (venv / ".pinned-install-complete").exists():
        return venv
    for stale in build.glob("binder-venv-*"):
        shutil.rmtree(stale, ignore_errors=True)
    build.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    _run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "-r",
            str(BINDER / "requirements.txt"),
        ],
        env=env_for(venv),
        cwd=build,
        timeout=PIP_TIMEOUT_S,
    )
    (venv / ".pinned-install-complete").touch()
    return venv


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A venv built the way Binder builds its image; returns (environment, repository copy)."""
    home = tmp_path_factory.mktemp("binder")
    repo = home / "repo"
    shutil.copytree(REPO, repo, ignore=NOT_CLONED)
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "JUPYTER", "VIRTUAL_ENV", "MPLBACKEND", "ISSLEARN"))
    }

    def env_for(venv: Path) -> dict:
        return base | {
            "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
            "VIRTUAL_ENV": str(venv),
            "PYTHONNOUSERSITE": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "JUPYTER_CONFIG_DIR": str(home / "jupyter-config"),
            "JUPYTER_DATA_DIR": str(home / "jupyter-data"),
            "JUPYTER_RUNTIME_DIR": str(home / "jupyter-runtime"),
            "IPYTHONDIR": str(home / "ipython"),
        }

    # pip's own cache (~/.cache/pip unless PIP_CACHE_DIR says otherwise) makes a rebuild fast.
    venv = _pinned_venv(env_for, REPO / "build")
    env = env_for(venv)
    _run([str(repo / "binder" / "postBuild")], env=env, cwd=repo, timeout=PIP_TIMEOUT_S)
    return env, repo


@pytest.mark.slow
def test_binder_environment_is_consistent_and_fully_pinned(binder_env):
    env, repo = binder_env
    _run(["python", "-m", "pip", "check"], env=env, cwd=repo, timeout=120)
    frozen = _run(["python", "-m", "pip", "freeze", "--all"], env=env, cwd=repo, timeout=120)
    installed = {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)$", frozen, re.M)
    }
    pins = {name: next(iter(req.specifier)).version for name, (_, req) in binder_pins().items()}
    unpinned = sorted(set(installed) - set(pins) - NOT_PINNED)
    assert not unpinned, f"installed on Binder but not pinned in requirements.txt: {unpinned}"
    drifted = {n: (pins[n], installed.get(n)) for n in pins if installed.get(n) != pins[n]}
    assert not drifted, f"pinned vs installed versions differ: {drifted}"


def _install_kernelspec(env: dict, home: Path) -> Path:
    """The Binder venv's Python as a Jupyter kernel named KERNEL; returns its JUPYTER_PATH."""
    prefix = home / "kernels"
    _run(
        ["python", "-m", "ipykernel", "install", "--prefix", str(prefix), "--name", KERNEL],
        env=env,
        cwd=home,
        timeout=120,
    )
    return prefix / "share" / "jupyter"


@pytest.fixture(scope="module")
def binder_kernel(binder_env, tmp_path_factory) -> dict:
    """Environment for a Jupyter client in .venv that starts kernels from the Binder venv."""
    env, _repo = binder_env
    jupyter_path = _install_kernelspec(env, tmp_path_factory.mktemp("binder-kernel"))
    client_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JUPYTER", "MPLBACKEND", "ISSLEARN", "PYTHONPATH"))
    }
    client_env["JUPYTER_PATH"] = str(jupyter_path)
    return client_env


@pytest.mark.slow
@pytest.mark.kernel
def test_binder_kernel_runs_the_installed_isslearn(binder_env, binder_kernel, tmp_path):
    """The kernel nbval uses below is the Binder venv, on isslearn as postBuild installed it."""
    from jupyter_client.manager import start_new_kernel

    env, _repo = binder_env
    old = dict(os.environ)
    os.environ.clear()
    os.environ.update(binder_kernel)
    try:
        manager, client = start_new_kernel(kernel_name=KERNEL, cwd=str(tmp_path))
    finally:
        os.environ.clear()
        os.environ.update(old)
    printed: list[str] = []
    try:
        reply = client.execute_interactive(
            "import sys, isslearn; print(sys.prefix); print(isslearn.__file__)",
            output_hook=lambda msg: printed.append(msg["content"].get("text", "")),
            timeout=120,
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok"
    prefix, module = "".join(printed).split()
    assert Path(prefix) == Path(env["VIRTUAL_ENV"])
    assert "site-packages" in module, f"isslearn came from {module}, not the installed package"


def _name(path: Path) -> str:
    """A lesson's path under notebooks/ ('01_assembly.ipynb', 'fr/01_assembly.ipynb')."""
    return path.relative_to(REPO / "notebooks").as_posix()


def _found_in(name: str, where: str) -> bool:
    """Whether a JUnit case's file or class ('notebooks/fr/01_assembly.ipynb',
    'notebooks.fr.01_assembly') is this lesson's (an English name is no part of a French one)."""
    stem = "notebooks/" + name.removesuffix(".ipynb")
    return stem in where or stem.replace("/", ".") in where


@pytest.fixture(scope="module")
def nbval_results(binder_kernel, tmp_path_factory) -> dict[str, list[str]]:
    """Strict nbval on every lesson, Binder kernel, network cut: {lesson: [problems]}.

    One pytest run in the namespace (tests/offline.py) writes a JUnit report; each lesson's
    test below reads its own cells' results from it.
    """
    report = tmp_path_factory.mktemp("nbval") / "nbval.xml"
    command = [
        sys.executable,
        "-m",
        "pytest",
        *[str(path) for path in LESSONS],
        "--nbval",
        f"--nbval-kernel-name={KERNEL}",
        f"--nbval-sanitize-with={REPO / 'tests' / 'nbval_sanitize.cfg'}",
        f"--nbval-cell-timeout={LESSON_TIMEOUT_S}",
        "-p",
        "no:cacheprovider",
        "-q",
        f"--junitxml={report}",
        f"--rootdir={REPO}",
    ]
    offline, why = can_cut_network()
    if offline:
        command = offline_command(command)
    elif os.environ.get("CI"):
        pytest.fail(f"the lessons must be checked with the network cut: {why}")
    done = subprocess.run(
        command,
        env=binder_kernel,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=LESSON_TIMEOUT_S * (len(LESSONS) + 1),
    )
    if not report.exists():
        output = done.stdout[-3000:] + done.stderr[-3000:]
        pytest.fail(f"nbval did not run ({done.returncode}):\n{output}")
    results: dict[str, list[str]] = {_name(path): [] for path in LESSONS}
    ran: dict[str, int] = dict.fromkeys(results, 0)
    for case in ElementTree.parse(report).iter("testcase"):
        where = f"{case.get('file', '')} {case.get('classname', '')}"
        lesson = next((name for name in results if _found_in(name, where)), None)
        if lesson is None:
            continue
        ran[lesson] += 1
        for problem in [*case.iter("failure"), *case.iter("error")]:
            text = (problem.text or problem.get("message") or "")[-2500:]
            results[lesson].append(f"{case.get('name')}: {text}")
    for lesson, count in ran.items():
        if not count:
            results[lesson].append(f"nbval ran no cell of {lesson}:\n{done.stdout[-2000:]}")
    return results


@pytest.mark.slow
@pytest.mark.kernel
@pytest.mark.parametrize("lesson", [pytest.param(_name(p), id=_name(p)) for p in LESSONS])
def test_lesson_passes_strict_nbval_on_binder_offline(nbval_results, lesson):
    problems = nbval_results[lesson]
    assert not problems, f"{lesson} (Binder kernel, network cut):\n" + "\n\n".join(problems)


PRESENT_NOTEBOOK = """\
from isslearn import quiz
quiz.show(quiz.MultipleChoice("Who paid for Zarya?", [
    quiz.Option("Russia", False, "WHY-NOT-RUSSIA"),
    quiz.Option("The United States", True, "EXPLAINED-USA"),
]))
"""


@pytest.mark.slow
def test_binder_serves_the_presenter_view_by_its_link(binder_env, tmp_path):
    """What the README's presenter link opens on Binder (urlpath=voila/render/...): Voilà's
    server extension from the pins, with isslearn's template as postBuild installed it (not the
    repository's copy), a live quiz and nothing of its key. A one-cell notebook keeps it quick;
    the lessons themselves are checked in the presenter view by tests/browser."""
    import nbformat
    import requests

    from isslearn.teacher.present import voila_link

    env, repo = binder_env
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(PRESENT_NOTEBOOK)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, repo / "notebooks" / "present_check.ipynb")
    port, token = _free_port(), "binder-present-check"
    command = [
        "python",
        "-m",
        "jupyterlab",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
        f"--ServerApp.root_dir={repo}",
        *(["--allow-root"] if os.geteuid() == 0 else []),
    ]
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=out, stderr=out)
    try:
        base = f"http://127.0.0.1:{port}/"
        for _ in range(600):
            assert server.poll() is None, log.read_text(errors="replace")[-3000:]
            try:
                if requests.get(f"{base}api/status?token={token}", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        link = voila_link("notebooks/present_check.ipynb")
        page = requests.get(f"{base}{link}&token={token}", timeout=300).text
    finally:
        server.terminate()
        server.wait(timeout=60)
    installed = Path(env["VIRTUAL_ENV"]) / "share" / "jupyter" / "voila" / "templates" / "isslearn"
    assert (installed / "index.html.j2").is_file(), "postBuild did not install the template"
    assert "JUPYTER_PATH" not in env  # so the page below used that copy, not the repository's
    assert "/voila/templates/isslearn/static/present.css" in page, page[-3000:]
    assert '"model_id"' in page, "the live quiz did not reach the page"
    assert "WHY-NOT-RUSSIA" not in page and "EXPLAINED-USA" not in page, "the key is in the page"
    assert not re.findall(r"""(?:src|href)=["'](?:https?:)?//[^"']+""", page)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

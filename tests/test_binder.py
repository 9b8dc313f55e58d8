"""Binder, without Docker: the lessons run in an environment made from binder/ alone.

Binder (repo2docker) pip-installs binder/requirements.txt into Python from runtime.txt, then
runs binder/postBuild from the repository root. No Docker engine runs on the machines that
test isslearn, so the stand-in does the same steps in a fresh venv: install the pinned
requirements, run postBuild from a copy of the repository, then execute every lesson with
that venv's Jupyter. A lesson that needs a package the pins forgot fails here, not in class.

The quick checks of the files themselves (every pin exact, pins inside pyproject's ranges)
are not marked slow, so `make unit` runs them too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

BINDER = REPO / "binder"
LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
PIP_TIMEOUT_S = 900
LESSON_TIMEOUT_S = 300
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
    """What isslearn needs at run time and in the lab, as pyproject.toml states it."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["lab"]
    return [Requirement(text) for text in wanted]


# ---------------------------------------------------------------- the files themselves


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


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A venv built the way Binder builds its image; returns (environment, repository copy)."""
    home = tmp_path_factory.mktemp("binder")
    venv, repo = home / "venv", home / "repo"
    shutil.copytree(REPO, repo, ignore=NOT_CLONED)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "JUPYTER", "VIRTUAL_ENV", "MPLBACKEND", "ISSLEARN"))
    }
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        VIRTUAL_ENV=str(venv),
        PYTHONNOUSERSITE="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
        JUPYTER_DATA_DIR=str(home / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
        IPYTHONDIR=str(home / "ipython"),
    )
    # pip's own cache (~/.cache/pip unless PIP_CACHE_DIR says otherwise) makes reruns fast.
    pip = [str(venv / "bin" / "python"), "-m", "pip"]
    _run(
        [*pip, "install", "--quiet", "-r", str(repo / "binder" / "requirements.txt")],
        env=env,
        cwd=repo,
        timeout=PIP_TIMEOUT_S,
    )
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


@pytest.mark.slow
def test_binder_kernel_runs_the_installed_isslearn(binder_env, tmp_path):
    """The lessons below must run in the Binder venv, on isslearn as postBuild installed it."""
    env, _repo = binder_env
    probe = nbformat.v4.new_notebook()
    probe.cells = [
        nbformat.v4.new_code_cell(
            "import sys, isslearn\nprint(sys.prefix)\nprint(isslearn.__file__)"
        )
    ]
    path = tmp_path / "probe.ipynb"
    nbformat.write(probe, path)
    executed = _execute(path, env, tmp_path / "out")
    prefix, module = executed.cells[0].outputs[0]["text"].split()
    assert Path(prefix) == Path(env["VIRTUAL_ENV"])
    assert "site-packages" in module, f"isslearn came from {module}, not the installed package"


def _execute(notebook: Path, env: dict, out: Path) -> nbformat.NotebookNode:
    _run(
        [
            "jupyter",
            "nbconvert",
            "--execute",
            "--to",
            "notebook",
            "--output-dir",
            str(out),
            "--ExecutePreprocessor.kernel_name=python3",
            f"--ExecutePreprocessor.timeout={LESSON_TIMEOUT_S}",
            str(notebook),
        ],
        env=env,
        cwd=notebook.parent,
        timeout=LESSON_TIMEOUT_S * 2,
    )
    return nbformat.read(out / notebook.name, as_version=4)


def error_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """Error outputs and tracebacks, in cells and inside Output widgets' saved state.

    nbconvert stops at an error in a cell, but a widget callback's error lands in an Output
    widget and the run "succeeds"; the saved widget state still holds it.
    """
    outputs = [out for cell in notebook.cells for out in cell.get("outputs", [])]
    state = notebook.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json")
    for model in (state or {}).get("state", {}).values():
        outputs += model.get("state", {}).get("outputs", [])
    found = []
    for out in outputs:
        if out.get("output_type") == "error":
            found.append(f"{out.get('ename')}: {out.get('evalue')}")
        elif out.get("name") == "stderr" and "Traceback" in out.get("text", ""):
            found.append(out["text"][-500:])
    return found


@pytest.mark.slow
@pytest.mark.parametrize(
    "lesson",
    [pytest.param(path.name, id=path.stem) for path in LESSONS]
    or [pytest.param(None, marks=pytest.mark.skip(reason="no lesson notebooks yet"))],
)
def test_lesson_runs_in_the_binder_environment(binder_env, lesson, tmp_path):
    env, repo = binder_env
    executed = _execute(repo / "notebooks" / lesson, env, tmp_path)
    errors = error_outputs(executed)
    assert not errors, f"{lesson} shows errors when run on Binder:\n" + "\n".join(errors)
    ran = [c for c in executed.cells if c.cell_type == "code" and c.source.strip()]
    assert all(c.execution_count for c in ran), f"{lesson}: some code cells did not run"


def test_error_check_sees_errors_inside_output_widgets():
    """The check above must see a callback's error that nbconvert lets through."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {
                "abc": {
                    "model_name": "OutputModel",
                    "state": {
                        "outputs": [{"output_type": "error", "ename": "KeyError", "evalue": "'x'"}]
                    },
                }
            }
        }
    }
    assert error_outputs(nb) == ["KeyError: 'x'"]
    assert json.dumps(error_outputs(nbformat.v4.new_notebook())) == "[]"

"""`make lab` installs what the lessons need and no more; `make test` adds the developers' tools.

The README promises two commands on a fresh machine: `make lab` (open the lessons) and
`make test` (run every test). The quick checks ask make itself (`make -n`) what each command
would run, in a fresh clone and in a clone where a teacher has already run `make lab`. The slow
check really runs the lessons' install in a copy of the repository and runs a lesson with it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

# What a teacher's `make lab` must never pull in: the hub, the website, the browser driver,
# the test runner and the linters all belong to `make test`.
DEVELOPER_ONLY = ["jupyterhub", "sphinx", "myst-nb", "playwright", "mypy", "pytest", "ruff"]
LESSON_STACK = ["isslearn", "jupyterlab", "ipykernel", "ipywidgets", "pandas", "matplotlib"]


def _clone_of_makefile(tmp_path: Path) -> Path:
    """A folder with the Makefile and pyproject.toml: all `make -n` reads."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(REPO / name, tmp_path / name)
    return tmp_path


def _dry_run(folder: Path, target: str) -> list[str]:
    # Under `make test` this runs inside make: a nested make would print "Entering directory"
    # lines among the commands, so it is run as a teacher runs it, from a plain shell.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def _installs(commands: list[str]) -> list[str]:
    """The extras each `pip install -e ".[EXTRA]"` line installs, in order."""
    return [m.group(1) for line in commands for m in re.finditer(r'-e "\.\[(\w+)\]"', line)]


def _after_make_lab(folder: Path) -> None:
    """The clone as `make lab` leaves it: a venv and the lessons' stamp, newer than pyproject."""
    (folder / ".venv" / "bin").mkdir(parents=True)
    (folder / ".venv" / "bin" / "python").touch()
    (folder / ".venv" / ".lab-installed").touch()
    past = (folder / ".venv" / ".lab-installed").stat().st_mtime - 60
    os.utime(folder / "pyproject.toml", (past, past))


def test_make_lab_on_a_fresh_clone_installs_only_the_lessons_extra(tmp_path):
    commands = _dry_run(_clone_of_makefile(tmp_path), "lab")
    assert any(re.search(r"-m venv \.venv$", line) for line in commands), commands
    assert _installs(commands) == ["lab"], commands
    assert "jupyter lab" in commands[-1] and "notebooks/00_start_here.ipynb" in commands[-1]


def test_jupyterlabs_terminal_finds_the_isslearn_command(tmp_path):
    folder = _clone_of_makefile(tmp_path)
    launch = _dry_run(folder, "lab")[-1]
    assert launch.startswith(f'PATH="{folder}/.venv/bin:$PATH" '), launch


def test_make_test_on_a_fresh_clone_installs_the_developers_tools(tmp_path):
    commands = _dry_run(_clone_of_makefile(tmp_path), "test")
    assert _installs(commands) == ["dev"], commands
    assert any("pytest" in line for line in commands)


def test_make_test_after_make_lab_adds_the_tools_to_the_same_environment(tmp_path):
    folder = _clone_of_makefile(tmp_path)
    _after_make_lab(folder)
    commands = _dry_run(folder, "test")
    assert not any("-m venv" in line for line in commands), "a second environment was made"
    assert _installs(commands) == ["dev"], commands
    lab_again = _dry_run(folder, "lab")
    assert len(lab_again) == 1 and "jupyter lab" in lab_again[0], "make lab reinstalled"


def test_the_lessons_extra_holds_no_developer_tool():
    """`.[lab]` is JupyterLab and its kernel; `.[dev]` has every tool and the lab on top."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    lab = {re.split(r"[<>=\[ ]", req)[0].lower() for req in extras["lab"]}
    assert lab == {"jupyterlab", "ipykernel"}
    assert any(req.startswith("isslearn[") and "lab" in req for req in extras["dev"])


# ---------------------------------------------------------------- the real install

NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "__pycache__", ".*_cache", ".hypothesis", "node_modules"
)


@pytest.mark.slow
def test_make_lab_environment_runs_a_lesson_and_holds_no_developer_tool(tmp_path):
    """`make lab`'s install, for real, in a copy of the repository; then a lesson runs in it."""
    clone = tmp_path / "isslearn"
    shutil.copytree(REPO, clone, ignore=NOT_COPIED)
    unwanted = ("VIRTUAL_ENV", "PYTHON", "JUPYTER", "MPLBACKEND", "ISSLEARN")
    env = {k: v for k, v in os.environ.items() if not k.startswith(unwanted)}
    env["PYTHON"] = shutil.which("python3") or sys.executable
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[name] = str(tmp_path / name.lower())  # nothing from this machine's Jupyter
    done = subprocess.run(
        ["make", ".venv/.lab-installed"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    python = clone / ".venv" / "bin" / "python"
    listed = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.lower()
    installed = {line.split("==")[0].replace("_", "-") for line in listed.splitlines()}
    assert not [name for name in DEVELOPER_ONLY if name in installed], sorted(installed)
    assert set(LESSON_STACK) <= installed, sorted(set(LESSON_STACK) - installed)
    run = subprocess.run(
        [
            str(clone / ".venv" / "bin" / "jupyter"),
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--output",
            str(tmp_path / "ran.ipynb"),
            "01_assembly.ipynb",
        ],
        cwd=clone / "notebooks",
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    version = subprocess.run(
        [str(clone / ".venv" / "bin" / "isslearn"), "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("isslearn "), version.stderr


def test_jupyterlabs_terminal_keeps_that_path_when_jupyter_has_no_terminal(tmp_path):
    """JupyterLab starts a login shell for its terminal when its own output is not a terminal
    (a launcher, `make lab > log`), and a login shell's /etc/profile may reset the PATH. `make
    lab` names the shell to run, so JupyterLab runs it as it is: the command is found."""
    import shlex

    from jupyter_server.serverapp import ServerApp
    from jupyter_server_terminals.app import TerminalsExtensionApp

    launch = _dry_run(_clone_of_makefile(tmp_path), "lab")[-1]
    options = [w for w in shlex.split(launch) if w.startswith("--ServerApp.terminado_settings")]
    assert options, launch
    env = dict(os.environ, SHELL="/bin/bash", PATH=f"{REPO / '.venv' / 'bin'}:{os.environ['PATH']}")
    expanded = [o.replace("${SHELL:-/bin/sh}", env["SHELL"]) for o in options]
    server = ServerApp()
    server.parse_command_line(expanded)
    terminals = TerminalsExtensionApp()
    terminals.serverapp = server
    terminals.initialize_configurables()  # as JupyterLab does, with no terminal of its own
    shell = list(terminals.terminal_manager.shell_command)
    assert "-l" not in shell, shell
    if not (REPO / ".venv" / "bin" / "isslearn").exists():
        pytest.skip("no .venv with the isslearn command in this clone")
    done = subprocess.run(
        [*shell, "-i", "-c", "command -v isslearn"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.stdout.strip() == str(REPO / ".venv" / "bin" / "isslearn"), done.stderr

"""The code stays ruff-clean and type-clean: lint, format and mypy are part of `make test`,
not a separate chore."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.lint  # ruff, mypy and import-linter run as subprocesses

RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
HAS_MYPY = importlib.util.find_spec("mypy") is not None
needs_mypy = pytest.mark.skipif(
    not HAS_MYPY, reason="mypy is not installed (pip install -e '.[dev]')"
)


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed (pip install -e '.[dev]')")
@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff(command):
    paths = [p for p in ("isslearn", "tests", "benchmarks") if (REPO / p).exists()]
    result = subprocess.run([RUFF, *command, *paths], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed (pip install -e '.[dev]')")
def test_ruff_checks_the_lessons_code_cells_as_make_lint_does():
    result = subprocess.run([RUFF, "check", "notebooks"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def mypy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """mypy as `make lint` runs it; its cache stays in the checkout's (ignored) .mypy_cache."""
    return subprocess.run(
        [sys.executable, "-m", "mypy", *args], cwd=cwd, capture_output=True, text=True
    )


@needs_mypy
def test_mypy_finds_no_type_errors_in_isslearn():
    result = mypy("isslearn", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout


@needs_mypy
def test_the_mypy_settings_refuse_an_unannotated_function(tmp_path):
    """The check above can fail: with the project's settings an unannotated function, a
    wrong return type and a bare ``type: ignore`` that hides nothing are all errors."""
    module = tmp_path / "sloppy.py"
    module.write_text(
        "def double(x):\n"
        "    return 2 * x\n\n\n"
        "def name() -> str:\n"
        "    return 1\n\n\n"
        "answer: int = 42  # type: ignore[assignment]\n"
    )
    result = mypy(str(module), cwd=REPO)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "sloppy.py:1: error:" in result.stdout and "[no-untyped-def]" in result.stdout
    assert "sloppy.py:6: error:" in result.stdout and "[return-value]" in result.stdout
    assert "sloppy.py:9: error:" in result.stdout and "[unused-ignore]" in result.stdout


@needs_mypy
@pytest.mark.slow  # a fresh mypy cache (a kept one would remember py.typed): ~10 s of CPU
def test_py_typed_gives_a_user_s_own_code_isslearn_s_types(tmp_path):
    """A teacher's script type-checked against the installed package sees its annotations
    (py.typed is honest): a wrong use of a loader's result is an error, not Any."""
    (tmp_path / "lesson_script.py").write_text(
        "import isslearn\n"
        "from isslearn.catalogue.station import station_on\n\n"
        "events: int = isslearn.load_events()\n"
        "modules: str = station_on('2000-11-02')\n"
    )
    result = mypy("--cache-dir", str(tmp_path / "cache"), "lesson_script.py", cwd=tmp_path)
    out = result.stdout
    assert "py.typed" not in out and "import-untyped" not in out, out
    wrong = (
        "error: Incompatible types in assignment (expression has type {!r}, variable has type {!r})"
    )
    assert "lesson_script.py:4: " + wrong.format("DataFrame", "int") in out.replace('"', "'"), out
    assert "lesson_script.py:5: " + wrong.format("DataFrame", "str") in out.replace('"', "'"), out
    assert result.returncode == 1


LINT_IMPORTS = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
needs_import_linter = pytest.mark.skipif(
    LINT_IMPORTS is None, reason="import-linter is not installed (pip install -e '.[dev]')"
)


@needs_import_linter
def test_no_layer_imports_a_layer_above_it():
    """The layers contract in pyproject.toml, as `make lint` checks it."""
    result = subprocess.run([LINT_IMPORTS], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout, result.stdout


@needs_import_linter
def test_the_layers_contract_refuses_an_upward_import(tmp_path):
    """The check above can fail: a copy of the package whose lowest reading layer imports a
    figure module breaks the contract."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO / "isslearn", copy / "isslearn", ignore=shutil.ignore_patterns("data"))
    shutil.copy(REPO / "pyproject.toml", copy / "pyproject.toml")
    values = copy / "isslearn" / "reading" / "values.py"
    values.write_text(values.read_text() + "\nfrom ..plots import chart  # noqa: E402,F401\n")
    result = subprocess.run(
        [LINT_IMPORTS], cwd=copy, capture_output=True, text=True, env={"PYTHONPATH": str(copy)}
    )
    assert result.returncode != 0
    assert "isslearn.reading is not allowed to import isslearn.plots" in result.stdout

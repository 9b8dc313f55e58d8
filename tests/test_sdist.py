"""The source distribution ships what the tests need: a test suite run from an unpacked sdist
finds its harnesses (clirun, the hub class, the browser driver) and the folders it reads.

The file list is hatchling's own, read from pyproject.toml's sdist settings (and .gitignore),
so no sdist is built here; tests/test_wheel.py builds the wheel.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from conftest import REPO
from hatchling.builders.sdist import SdistBuilder

TESTS = REPO / "tests"
# Folders the tests write into, or that `make` makes (.venv: the tests that run its commands
# skip without it), never shipped.
OUTPUTS = {"build", ".venv"}
ALWAYS = {"pyproject.toml", "PKG-INFO"}  # hatchling writes these into every sdist


def sdist_files() -> set[str]:
    builder = SdistBuilder(str(REPO))
    return {f.distribution_path for f in builder.recurse_included_files()} | ALWAYS


def scanned_files() -> list[Path]:
    return [p for p in TESTS.rglob("*.py") if p.name != Path(__file__).name]


def read_by_tests() -> set[str]:
    """The top-level files and folders the tests read: every REPO / "name" they write."""
    names = set()
    for path in scanned_files():
        names |= set(re.findall(r'REPO / "([^"/]+)', path.read_text("utf-8")))
    return names - OUTPUTS


def imported_by_tests() -> set[str]:
    """The repository's own modules the tests import (as ``tests/x.py`` or ``name/``)."""
    found = set()
    for path in scanned_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                roots = [node.module.split(".")[0]]
            else:
                continue
            for root in roots:
                if (TESTS / f"{root}.py").exists():
                    found.add(f"tests/{root}.py")
                elif (REPO / root).is_dir() and root not in sys.stdlib_module_names:
                    found.add(root)
    return found


def test_the_tests_read_and_import_what_this_test_knows_of():
    """The scan sees the harnesses that matter; if it saw nothing it would prove nothing."""
    assert {"tests/clirun.py", "tests/hub_harness.py", "isslearn"} <= imported_by_tests()
    assert {"notebooks", "hub", "docs", "Makefile"} <= read_by_tests()


def test_the_sdist_holds_every_harness_and_folder_the_tests_use():
    shipped = sdist_files()
    tops = {name.split("/")[0] for name in shipped}
    missing = sorted(
        name
        for name in read_by_tests() | imported_by_tests()
        if name not in shipped and name not in tops
    )
    assert not missing, (
        f"the source distribution leaves out {missing}, which the tests use; add them to "
        "[tool.hatch.build.targets.sdist] include in pyproject.toml"
    )


def test_the_sdist_leaves_out_what_is_built_or_installed():
    shipped = sdist_files()
    for left_out in ("hub/node_modules/", ".venv/", "build/", "__pycache__/"):
        assert not [n for n in shipped if left_out in f"{n}/" or n.startswith(left_out)], left_out


def test_the_hub_class_harness_lives_with_the_tests():
    """It lived in benchmarks/; the tests and `make bench` both use it from tests/ now."""
    assert (TESTS / "hub_harness.py").is_file()
    assert "from tests.hub_harness import" in (REPO / "benchmarks" / "hub.py").read_text("utf-8")
    assert Path("tests/hub_harness.py").as_posix() in sdist_files()

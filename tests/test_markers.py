"""A fast inner loop that stays fast: every test that starts something heavy says so.

`make unit` leaves out the tests marked browser, kernel, lint and slow (pyproject.toml). This
test reads the test files and finds each test that starts a Jupyter kernel, a browser, a linter
or type checker, a build or a JupyterHub, in its own code, in a fixture it takes or in a
helper it calls, and checks that it carries the marker for it; so a new heavy test cannot slip
into `make unit` unmarked.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

# What starts something heavy, by the marker it needs.
STARTS: dict[str, re.Pattern[str]] = {
    "kernel": re.compile(r"\bNotebookClient\b|\bstart_new_kernel\b|--nbval\b"),
    "browser": re.compile(r"\bplaywright\b|\bfind_chromium\(|\bsync_playwright\b|pdf=True"),
    "lint": re.compile(r"\bmypy\(|\bRUFF\b|\bLINT_IMPORTS\b"),
    "slow": re.compile(r"\bbuilt_book\(|'-m', 'build'|'venv'|\bJupyterHub\("),
}
# Fixtures that start something, wherever they are defined (conftest, another package).
HEAVY_FIXTURES: dict[str, str] = {
    "chromium": "browser",  # test_handout: skips without Chromium, prints PDFs with it
    "page": "browser",  # tests/browser: a Chromium page
    "lab": "browser",  # tests/browser: JupyterLab in Chromium
    "binder_env": "slow",
    "binder_kernel": "kernel",
    "nbval_results": "kernel",
    "classroom": "slow",
}


@dataclass
class Module:
    path: Path
    marks: set[str] = field(default_factory=set)  # pytestmark
    aliases: dict[str, str] = field(default_factory=dict)  # book = pytest.mark.slow
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    fixtures: dict[str, ast.FunctionDef] = field(default_factory=dict)
    source: str = ""


def _mark_name(node: ast.expr, aliases: dict[str, str]) -> str | None:
    """'slow' for pytest.mark.slow, pytest.mark.slow(...) or an alias of it."""
    if isinstance(node, ast.Call):
        node = node.func
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "mark"
    ):
        return node.attr
    if isinstance(node, ast.Name):
        return aliases.get(node.id)
    return None


def _read(path: Path) -> Module:
    module = Module(path, source=path.read_text("utf-8"))
    tree = ast.parse(module.source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            values = node.value.elts if isinstance(node.value, ast.List) else [node.value]
            marks = {m for v in values if (m := _mark_name(v, {}))}
            if name == "pytestmark":
                module.marks |= marks
            elif len(marks) == 1:
                module.aliases[name] = marks.pop()
        elif isinstance(node, ast.FunctionDef):
            fixture = any("fixture" in ast.unparse(d) for d in node.decorator_list)
            (module.fixtures if fixture else module.functions)[node.name] = node
    return module


MODULES = [_read(p) for p in sorted(TESTS.rglob("*.py"))]
CONFTEST_FIXTURES = {
    name: node
    for module in MODULES
    if module.path.name == "conftest.py"
    for name, node in module.fixtures.items()
}


def _code(node: ast.FunctionDef) -> str:
    """A function's code without its docstring (words about a classroom start nothing)."""
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return "\n".join(ast.unparse(statement) for statement in body)


def _needs(
    module: Module, node: ast.FunctionDef, seen: set[str] | None = None, *, helper: bool = False
) -> set[str]:
    """The markers a test or fixture needs: for what its code, its fixtures and its helpers
    start. A helper's arguments are values, not fixtures."""
    seen = set() if seen is None else seen
    if node.name in seen:
        return set()
    seen.add(node.name)
    code = _code(node)
    needs = {marker for marker, pattern in STARTS.items() if pattern.search(code)}
    for argument in [] if helper else node.args.args:
        name = argument.arg
        if name in HEAVY_FIXTURES:
            needs.add(HEAVY_FIXTURES[name])
        fixture = module.fixtures.get(name) or CONFTEST_FIXTURES.get(name)
        if fixture is not None:
            needs |= _needs(module, fixture, seen)
    for call in ast.walk(node):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
            helper = module.functions.get(call.func.id)
            if helper is not None and not helper.name.startswith("test_"):
                needs |= _needs(module, helper, seen, helper=True)
    return needs


def _has(module: Module, node: ast.FunctionDef) -> set[str]:
    return module.marks | {
        m for d in node.decorator_list if (m := _mark_name(d, module.aliases)) is not None
    }


TESTS_FOUND = [
    (module, node)
    for module in MODULES
    for node in module.functions.values()
    if node.name.startswith("test_") and module.path.name.startswith("test_")
]


def test_the_heavy_tests_are_found():
    """The scan sees the tests it must: a kernel test, a browser test, the linters, a build."""
    found = {f"{m.path.stem}::{n.name}": _needs(m, n) for m, n in TESTS_FOUND}
    assert (
        "kernel"
        in found[
            "test_class_files_in_kernel::test_broken_class_files_give_one_message_and_the_lesson_goes_on"
        ]
    )
    assert "lint" in found["test_lint::test_mypy_finds_no_type_errors_in_isslearn"]
    assert "browser" in found["test_guide::test_guide_as_pdf"]
    assert "slow" in found["test_wheel::test_wheel_holds_one_copy_of_each_table"]


@pytest.mark.parametrize(
    ("module", "node"), TESTS_FOUND, ids=[f"{m.path.stem}::{n.name}" for m, n in TESTS_FOUND]
)
def test_every_test_that_starts_something_heavy_is_marked(module, node):
    missing = _needs(module, node) - _has(module, node)
    assert not missing, (
        f"{module.path.name}::{node.name} starts what needs the marker(s) {sorted(missing)}: "
        "add @pytest.mark.<marker> (or pytestmark) so `make unit` stays fast"
    )


def test_make_unit_leaves_out_every_marker_and_make_test_runs_them_all():
    makefile = (TESTS.parent / "Makefile").read_text("utf-8")
    unit = re.search(r"^unit:.*\n\t(.+)$", makefile, re.M)
    assert unit, "no `unit` target"
    for marker in STARTS:
        assert f"not {marker}" in unit.group(1)
    test = re.search(r"^test:.*\n((?:\t.+\n)+)", makefile, re.M)
    assert test and " -m " not in test.group(1), "`make test` must run every test"

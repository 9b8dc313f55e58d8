"""Each module says what it offers: its ``__all__`` lists exactly its names without a leading
underscore, so a name is either for other modules and users (listed) or the module's own
helper (underscored). ``isslearn`` itself exports a short list: the loaders, ``Lesson`` and the
exceptions; figures, explorers and quizzes come from ``isslearn.plots``, ``.widgets``, ``.quiz``.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import isslearn

PACKAGE = Path(isslearn.__file__).parent
# quiz/ is being rewritten (its YAML and sheet readers to share one validator); it follows
# this rule when that lands.
NOT_YET = ("quiz",)
MODULES = sorted(
    p
    for p in PACKAGE.rglob("*.py")
    if p.relative_to(PACKAGE).parts[0] not in NOT_YET and p.name != "__main__.py"
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_names(path: Path) -> set[str]:
    """Names a module defines itself (functions, classes, constants), not ones it imports;
    ``__all__`` may also list names a module passes on from another (a package's figures)."""
    names = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                elts = target.elts if isinstance(target, ast.Tuple) else [target]
                names |= {e.id for e in elts if isinstance(e, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names - {"__all__"}


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_all_lists_exactly_the_names_without_an_underscore(path):
    module = importlib.import_module(module_name(path))
    declared = set(module.__all__)
    absent = sorted(name for name in declared if not hasattr(module, name))
    assert not absent, f"{module.__name__}.__all__ names what it does not have: {absent}"
    public = {n for n in top_level_names(path) if not n.startswith("_")} - {"T", "U", "ShownT"}
    assert public <= declared, (
        f"{module.__name__}: give these a leading underscore, or list them in __all__: "
        f"{sorted(public - declared)}"
    )


def test_the_package_exports_a_short_list():
    assert len(isslearn.__all__) <= 30
    kinds = {type(getattr(isslearn, name)).__name__ for name in isslearn.__all__}
    assert kinds <= {"function", "type", "dict"}, kinds

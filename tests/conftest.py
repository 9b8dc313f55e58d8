"""Shared test set-up: a non-interactive matplotlib backend and helpers for teachers' files."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("MPLBACKEND", "Agg")

REPO = Path(__file__).resolve().parent.parent

# Property tests draw new examples on a developer's machine and the same ones in CI, so a CI
# failure can be reproduced and a green CI run is not luck.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _no_class_wide_files(monkeypatch):
    """A teacher's environment variables on this machine must not leak into the tests."""
    monkeypatch.delenv("ISSLEARN_EVENTS", raising=False)
    monkeypatch.delenv("ISSLEARN_QUIZ", raising=False)
    # The command line speaks the locale's language: a French machine must not make the
    # English tests fail (tests/test_cli_language.py sets these itself).
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def write_file(tmp_path):
    """Write text (or bytes) to a file in a temp folder and return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def told(caplog) -> Callable[[], list[str]]:
    """The notices isslearn told so far in this test, as the lines a learner reads.

    Notices go to the ``isslearn`` logger (isslearn.reading.notices); outside pytest, Python
    prints them on standard error, which a kernel test (test_class_files_in_kernel) checks.
    """
    caplog.set_level(logging.WARNING, logger="isslearn")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "isslearn"]


def css_classes(widget: object) -> tuple[str, ...]:
    """The CSS classes a widget's element gets, read from the state ipywidgets saves into a
    notebook (its public embed API; the widget-model schema names them ``_dom_classes``): the
    state JupyterLab renders, and where the browser tests find a widget by its class."""
    from ipywidgets.embed import embed_data

    state = embed_data(views=[widget])["manager_state"]["state"]
    return tuple(state[widget.model_id]["state"]["_dom_classes"])  # type: ignore[attr-defined]

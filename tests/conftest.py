"""Shared test set-up: a non-interactive matplotlib backend and helpers for teachers' files."""

from __future__ import annotations

import os
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

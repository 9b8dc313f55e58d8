"""Run the `isslearn` command in this process, as `isslearn ARGS...` would, and capture it.

In-process is enough wherever a new process proves nothing more; the real entry point is
tested in a subprocess by tests/test_cli.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from isslearn.teacher.cli import main


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def isslearn(capsys: pytest.CaptureFixture[str], *args: str) -> Ran:
    """The exit status and output of one command; never a traceback."""
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, out + err
    return Ran(code, out, err)

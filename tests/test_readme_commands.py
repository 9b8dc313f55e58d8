"""The README's teacher commands, run as written: in a terminal where only the README's own
activation line was typed, `isslearn template` and `isslearn check` are found and do what the
README says, and the example message it quotes is the one `check` prints."""

from __future__ import annotations

import os
import re
import shlex
import subprocess

import openpyxl
import pytest
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
ACTIVATE = REPO / ".venv" / "bin" / "activate"


def _section(title: str) -> str:
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def _bash(script: str, cwd) -> subprocess.CompletedProcess[str]:
    """A fresh terminal: the system's PATH only (no .venv/bin), so `isslearn` must come from
    what the README says to type."""
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if ".venv" not in p and p
    )
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = path
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def terminal_setup() -> str:
    """The README's activation line, as typed in the clone's folder."""
    if not ACTIVATE.exists():
        pytest.skip("no .venv in this clone")
    [line] = [
        line.split("#")[0].strip()
        for line in _section("Start").splitlines()
        if line.startswith("source ")
    ]
    assert line == "source .venv/bin/activate"
    return f"cd {shlex.quote(str(REPO))} && {line}"


def test_without_the_readmes_line_the_command_is_not_found(tmp_path):
    """What the README warns about (and what a teacher met): the check below means something."""
    done = _bash("isslearn --version", tmp_path)
    assert done.returncode == 127 and "command not found" in done.stderr


def test_the_readmes_add_your_own_events_commands_work_as_written(tmp_path, terminal_setup):
    steps = _section("Add your own events")
    commands = re.findall(r"`(isslearn (?:template|check) my_class\.xlsx)`", steps)
    assert commands == ["isslearn template my_class.xlsx", "isslearn check my_class.xlsx"]
    done = _bash(f"{terminal_setup} && cd {shlex.quote(str(tmp_path))} && {commands[0]}", REPO)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "my_class.xlsx").is_file()
    book = openpyxl.load_workbook(tmp_path / "my_class.xlsx")
    book["Events"]["B3"] = "2021-05-04"
    book["Events"]["C3"] = "Our class talked to the crew"
    book.save(tmp_path / "my_class.xlsx")
    done = _bash(f"{terminal_setup} && cd {shlex.quote(str(tmp_path))} && {commands[1]}", REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "my_class.xlsx: OK, 1 event(s)" in done.stdout


def test_the_readmes_example_message_is_the_one_check_prints(tmp_path, terminal_setup):
    [quoted] = re.findall(r"`(my_class\.xlsx: sheet 'Events', cell [^`]+)`", README)
    bad = re.search(r"'(\d{4}-\d{2}-\d{2})' is not a real date", quoted).group(1)
    row = int(re.search(r"cell [A-Z]+(\d+)", quoted).group(1))
    done = _bash(f"{terminal_setup} && cd {tmp_path} && isslearn template my_class.xlsx", REPO)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(tmp_path / "my_class.xlsx")
    book["Events"][f"B{row}"] = bad
    book["Events"][f"C{row}"] = "A date that does not exist"
    book.save(tmp_path / "my_class.xlsx")
    done = _bash(f"{terminal_setup} && cd {tmp_path} && isslearn check my_class.xlsx", REPO)
    assert quoted in done.stdout.splitlines(), done.stdout

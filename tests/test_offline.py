"""Every lesson runs with no network at all, as in a classroom once isslearn is installed.

Each lesson executes in a fresh kernel inside a new, empty network namespace (``unshare -n``:
not even loopback is up; the kernel talks to its client over Unix sockets).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import REPO

from benchmarks.lessons import lessons

pytestmark = pytest.mark.slow


def _can_cut_network() -> tuple[bool, str]:
    if shutil.which("unshare") is None:
        return False, "the unshare command is not installed (util-linux)"
    done = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    if done.returncode != 0:
        return False, f"`unshare -n true` is not permitted here: {done.stderr.strip()}"
    return True, ""


CAN_CUT, WHY_NOT = _can_cut_network()
needs_unshare = pytest.mark.skipif(not CAN_CUT, reason=WHY_NOT or "network can be cut")
LESSONS = lessons()


def offline(*command: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["unshare", "-n", *command], cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


@needs_unshare
def test_the_network_really_is_cut():
    """Guards the other tests: inside the namespace even a raw connection attempt fails."""
    code = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('1.1.1.1', 443), timeout=5)\n"
        "except OSError as exc:\n"
        "    print('refused', exc.errno)\n"
        "else:\n"
        "    print('connected')\n"
    )
    done = offline(sys.executable, "-c", code, timeout=60)
    assert done.stdout.startswith("refused"), done.stdout + done.stderr


@needs_unshare
@pytest.mark.skipif(not LESSONS, reason="no lessons in notebooks/ yet")
@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_offline(lesson):
    done = offline(
        sys.executable, "-m", "benchmarks.run_lesson", "--timeout", "300", str(lesson), timeout=900
    )
    lines = done.stdout.strip().splitlines()
    assert lines, done.stderr[-3000:]
    result = json.loads(lines[-1])
    assert result["ok"], result["error"]
    assert done.returncode == 0

"""Run Python in fresh processes and time it: every cold figure starts from nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def wall_seconds(code: str, *, flags: tuple[str, ...] = ()) -> float:
    """Wall time of ``python -c code`` from spawn to exit."""
    started = time.perf_counter()
    subprocess.run([PYTHON, *flags, "-c", code], check=True, cwd=REPO, capture_output=True)
    return time.perf_counter() - started


def json_from(code: str, timeout: float = 600) -> dict:
    """Run ``code`` in a fresh interpreter and parse the JSON it prints on its last line."""
    done = subprocess.run(
        [PYTHON, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])

"""The lessons' website, built once per test run the way `make book` builds it, network cut.

Shared by tests/test_book.py (the files) and tests/browser/test_book_in_browser.py (the pages
in Chromium), so one build serves both.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from offline import can_cut_network

REPO = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 600


@dataclass(frozen=True)
class BuiltBook:
    html: Path
    offline: bool  # built inside a network namespace with no interfaces up
    log: str


@functools.cache
def built_book() -> BuiltBook:
    """Run docs/make_book.py (what `make book` runs) into a temporary folder, offline if we can."""
    out = Path(tempfile.mkdtemp(prefix="isslearn-book-"))
    offline, _why = can_cut_network()
    command = [sys.executable, str(REPO / "docs" / "make_book.py"), str(out)]
    if offline:
        command = ["unshare", "-n", *command]
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S
    )
    log = done.stdout + done.stderr
    if done.returncode != 0:
        raise AssertionError(f"`{' '.join(command)}` failed ({done.returncode}):\n{log[-5000:]}")
    return BuiltBook(html=out / "html", offline=offline, log=log)

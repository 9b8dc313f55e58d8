"""A learner's handout, opened in Chromium: its figures show, and it gives no answers away.

The handout is made by the command a teacher types, ``isslearn handout LESSON -o FILE``, from
the saved lesson, and looked at in a real browser, since "the images load" is a browser fact.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from isslearn.teacher.handout import quiz_key

from .browser_env import lessons_dir

pytestmark = pytest.mark.browser

LESSON = "01_assembly.ipynb"


def _isslearn(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "isslearn", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def lesson() -> Path:
    path = lessons_dir() / LESSON
    assert path.exists(), f"{path} is missing"
    return path


@pytest.fixture(scope="module")
def handout(lesson, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("handout") / "handout.html"
    done = _isslearn("handout", str(lesson), "-o", str(out))
    assert done.returncode == 0, f"`isslearn handout` failed:\n{done.stdout}\n{done.stderr}"
    assert out.exists(), f"`isslearn handout` wrote nothing at {out}"
    return out


def _plain(text: str) -> str:
    return " ".join(html.unescape(text).split())


def answer_lines(notebook: Path) -> list[str]:
    """Text only the teacher's key may show: lines of each quiz key that the questions lack,
    the text of cells tagged ``answers`` and of ``<details>`` blocks (try-it solutions)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    secret = []
    for cell in nb["cells"]:
        source = "".join(cell.get("source", ""))
        if "answers" in cell.get("metadata", {}).get("tags", []) and cell["cell_type"] != "code":
            secret += source.splitlines()
        elif cell["cell_type"] == "markdown":  # a <details> block is a try-it solution
            for block in re.findall(r"<details\b.*?</details>", source, re.DOTALL | re.I):
                secret += [line for line in block.splitlines() if "<summary" not in line]
        for output in cell.get("outputs", []):
            quiz = output.get("metadata", {}).get("isslearn", {}).get("quiz")
            if quiz:
                asked = {_strip_marker(line) for line in quiz["questions"].splitlines()}
                secret += [
                    line for line in quiz_key(quiz).splitlines() if _strip_marker(line) not in asked
                ]
    stripped = (_plain(re.sub(r"[*_`#<>]", "", _strip_marker(line))) for line in secret)
    return [line for line in stripped if len(line) >= 12]


def _strip_marker(line: str) -> str:
    return re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line).strip()


def test_handout_shows_its_figures_and_no_answers(handout, lesson, page, screenshots_dir):
    page.goto(handout.as_uri(), wait_until="load")
    images = page.locator("img")
    assert images.count(), "the handout has no figures"
    sizes = images.evaluate_all("imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
    broken = [n for n, width in enumerate(sizes, start=1) if width == 0]
    assert not broken, f"handout images {broken} of {len(sizes)} do not load"

    assert not page.locator("input, button, select, .isslearn-quiz-feedback").count(), (
        "the handout contains live controls; paper cannot use them"
    )
    text = _plain(page.locator("body").text_content() or "")  # closed <details> too
    secrets = answer_lines(lesson)
    leaked = [line for line in secrets if line in text]
    assert not leaked, f"the handout gives answers away: {leaked[:5]}"
    page.screenshot(path=str(screenshots_dir / "handout_01_assembly.png"), full_page=False)


def test_answer_check_would_see_the_key(lesson, tmp_path):
    """The leak check above is only worth something if the key itself trips it."""
    secrets = answer_lines(lesson)
    if not secrets:
        pytest.skip(f"{lesson.name} has no saved quiz outputs or answer cells to compare with")
    key = tmp_path / "key.html"
    done = _isslearn("handout", str(lesson), "-o", str(key), "--answers")
    assert done.returncode == 0, done.stderr
    key_text = _plain(re.sub(r"<[^>]+>", " ", key.read_text(encoding="utf-8")))
    assert any(line in key_text for line in secrets), "no key text found in the teacher's key"

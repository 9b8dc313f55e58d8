"""Every lesson, run in a real JupyterLab in Chromium, as a teacher would run it in class.

nbval proves the cells run; only a browser proves the widgets appear, the sliders redraw the
figures and the quizzes answer. Each lesson is opened from a copy of notebooks/, its outputs
are cleared, all cells are run from the menus, and then the live lesson is checked.
"""

from __future__ import annotations

import pytest

from .browser_env import REPO, lesson_notebooks, lessons_dir
from .lab_driver import check_live_lesson, open_notebook, shut_down_kernels

pytestmark = pytest.mark.browser

LESSONS = lesson_notebooks()
REPO_NOTEBOOKS = (REPO / "notebooks").resolve()


# Lesson 01 is run in Chromium by a learner on the real JupyterHub (tests/test_whole_class.py,
# same checks), so that each lesson is executed once per test run; the rest run here.
HUB_LESSON_PREFIX = "01"


def _params() -> list:
    chosen = [
        path
        for path in LESSONS
        if not (lessons_dir() == REPO_NOTEBOOKS and path.name.startswith(HUB_LESSON_PREFIX))
    ]
    return [pytest.param(path, id=path.stem) for path in chosen]


def test_there_are_lessons_to_open():
    assert _params(), f"no lesson notebooks in {lessons_dir()}"


@pytest.fixture
def lesson_page(lab_server, page, request):
    """The lesson open in JupyterLab (check_live_lesson clears and runs it again)."""
    lesson = request.param
    open_notebook(page, lab_server.lab_url(lesson.name, workspace=lesson.stem))
    yield page
    shut_down_kernels(lab_server.url, lab_server.token)


@pytest.mark.parametrize("lesson_page", _params(), indirect=True)
def test_lesson_runs_and_its_widgets_work(lesson_page, request, screenshots_dir):
    name = request.node.callspec.id
    check_live_lesson(lesson_page, name)
    lesson_page.screenshot(path=str(screenshots_dir / f"{name}.png"))

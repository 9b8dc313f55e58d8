"""Every lesson, run in a real JupyterLab in Chromium, as a teacher would run it in class.

nbval proves the cells run; only a browser proves the widgets appear, the sliders redraw the
figures and the quizzes answer. Each lesson is opened from a copy of notebooks/, its outputs
are cleared, all cells are run from the menus, and then the live lesson is checked.
"""

from __future__ import annotations

import pytest

from .browser_env import lesson_notebooks, lessons_dir
from .lab_driver import (
    answer_quiz,
    clear_and_run_all,
    error_texts,
    figure_state,
    move_control,
    open_notebook,
    shut_down_kernels,
    unrendered_widgets,
    wait_for_new_figure,
)

pytestmark = pytest.mark.browser

LESSONS = lesson_notebooks()
LESSON_PARAMS = [pytest.param(path, id=path.stem) for path in LESSONS] or [
    pytest.param(
        None,
        id="no-lessons",
        marks=pytest.mark.skip(reason=f"no lesson notebooks in {lessons_dir()} yet"),
    )
]


@pytest.fixture
def lesson_page(lab_server, page, request):
    """The lesson open in JupyterLab, all outputs cleared and every cell run again."""
    lesson = request.param
    open_notebook(page, lab_server.lab_url(lesson.name, workspace=lesson.stem))
    clear_and_run_all(page)
    yield page
    shut_down_kernels(lab_server.url, lab_server.token)


@pytest.mark.parametrize("lesson_page", LESSON_PARAMS, indirect=True)
def test_lesson_runs_and_its_widgets_work(lesson_page, request, screenshots_dir):
    page = lesson_page
    name = request.node.callspec.id

    errors = error_texts(page)
    assert not errors, f"{name}: cells show errors:\n" + "\n---\n".join(errors)
    stand_ins = unrendered_widgets(page)
    assert not stand_ins, f"{name}: widgets shown as text, not rendered: {stand_ins}"
    assert page.locator('[class*="widget-"]').count(), f"{name}: no ipywidgets rendered"

    widgets = page.locator(".isslearn-widget")
    assert widgets.count(), f"{name}: no element with class isslearn-widget"
    all_widgets = [widgets.nth(i) for i in range(widgets.count())]
    with_figures = [w for w in all_widgets if w.locator(".isslearn-figure").count()]
    for number, widget in enumerate(with_figures, start=1):
        figure = widget.locator(".isslearn-figure").first
        before = figure_state(figure)
        how = move_control(widget)
        changed = wait_for_new_figure(figure, before) != before
        assert changed, f"{name}: widget {number}: {how}, but its figure did not change"

    quizzes = page.locator(".isslearn-quiz")
    for number in range(quizzes.count()):
        feedback = answer_quiz(quizzes.nth(number))
        assert feedback, f"{name}: quiz {number + 1} shows no feedback after Check"

    if widgets.count():
        widgets.first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots_dir / f"{name}.png"))

"""Every lesson in the presenter view, in Chromium, as the class sees it on the wall.

Not collected on its own (the name does not start with ``test_``):
tests/browser/test_present_in_browser.py runs this file with the network cut and reports each
lesson's result. Run it directly (``pytest tests/browser/presenter_checks.py``) to look at one
lesson with the network up; every request for another host is refused and recorded either way.

For each lesson: ``isslearn present LESSON`` starts, the page shows a figure, scrolls with Page
Down before anyone clicks into it, shows no code cell and no line of code anywhere in the page,
nothing of any quiz's key in the page's source, no error output; every explorer redraws when
each kind of control in it is moved; every quiz answers Check with feedback and the teacher's
"Show the answer" gives the answer; and the page logged no console error and asked no other
host for anything.
"""

from __future__ import annotations

import time

import pytest

from .browser_env import lessons_dir
from .lab_driver import answer_quiz, figure_state, unrendered_widgets
from .presenter_driver import (
    Guard,
    code_lines,
    output_errors,
    presenter,
    presenter_first_figure,
    quiz_secrets,
    visible_code,
    wait_for_widgets,
)

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1366, "height": 768}  # the most common classroom projector
CHANGE_TIMEOUT_S = 20
LESSONS = sorted(lessons_dir().glob("*.ipynb"))

# Each kind of control an explorer can have, and how a teacher changes it.
CONTROLS = {
    "slider": ".noUi-handle",
    "dropdown": ".widget-dropdown select",
    "toggle buttons": ".widget-toggle-button:not(.mod-active)",
    "list": ".widget-select select, .widget-select-multiple select",
}


def _operate(widget, kind: str) -> str:
    control = widget.locator(CONTROLS[kind]).first
    control.scroll_into_view_if_needed()
    if kind == "slider":
        at_end = control.get_attribute("aria-valuenow") == control.get_attribute("aria-valuemax")
        key = "ArrowLeft" if at_end else "ArrowRight"
        control.focus()
        for _ in range(3):
            control.press(key)
        return f"slider moved with {key}"
    if kind == "toggle buttons":
        control.click()
        return "another toggle button pressed"
    values = control.locator("option").evaluate_all("options => options.map(o => o.value)")
    chosen = control.evaluate("s => [...s.selectedOptions].map(o => o.value)")
    pick = next(v for v in values if [v] != chosen)
    control.select_option(pick)
    return f"{kind}: picked option {pick}"


def _look(widget) -> tuple[bytes, str]:
    """What the widget shows: its figure (when it has one) and its text."""
    figures = widget.locator(".isslearn-figure")
    picture = figure_state(figures.first) if figures.count() else b""
    return picture, widget.inner_text()


def _changed(widget, before: tuple[bytes, str]) -> bool:
    deadline = time.monotonic() + CHANGE_TIMEOUT_S
    while time.monotonic() < deadline:
        widget.page.wait_for_timeout(300)
        if _look(widget) != before:
            return True
    return False


@pytest.fixture
def guard(browser):
    context = browser.new_context(viewport=PROJECTOR)
    context.set_default_timeout(30_000)
    try:
        yield Guard(context)
    finally:
        context.close()


@pytest.mark.parametrize(
    "lesson", [pytest.param(p, id=p.stem) for p in LESSONS] or [pytest.param(None, id="none")]
)
def test_presenter_view(lesson, guard, screenshots_dir):
    if lesson is None:
        pytest.skip(f"no lessons in {lessons_dir()}")
    name = lesson.stem
    with presenter(lesson) as view:
        page = guard.new_page()
        seconds = presenter_first_figure(page, view)
        print(f"{name}: first figure {seconds:.1f} s after `isslearn present` started")
        assert wait_for_widgets(page), f"{name}: no widget was drawn"
        source = page.content()

        scrolled = "() => document.getElementById('rendered_cells').scrollTop"
        page.keyboard.press("PageDown")  # what a presenter's remote sends, before any click
        page.wait_for_function(f"() => ({scrolled})() > 0", timeout=5_000)
        page.keyboard.press("Home")
        page.wait_for_function(f"() => ({scrolled})() === 0", timeout=5_000)

        assert visible_code(page) == 0, f"{name}: code cells are visible"
        shown = [line for line in code_lines(lesson) if line in source]
        assert not shown, f"{name}: lines of code reached the page: {shown[:3]}"
        leaked = [phrase for phrase in quiz_secrets(lesson) if phrase in source]
        assert not leaked, f"{name}: the quiz key reached the page: {leaked[:3]}"
        assert not output_errors(page), f"{name}: errors shown: {output_errors(page)}"
        assert not unrendered_widgets(page), f"{name}: {unrendered_widgets(page)}"

        widgets = page.locator(".isslearn-widget")
        assert widgets.count(), f"{name}: no explorer in the page"
        for number in range(widgets.count()):
            widget = widgets.nth(number)
            for kind, selector in CONTROLS.items():
                if not widget.locator(selector).count():
                    continue
                before = _look(widget)
                how = _operate(widget, kind)
                assert _changed(widget, before), f"{name}: explorer {number + 1}: {how}: no change"

        quizzes = page.locator(".isslearn-quiz")
        for number in range(quizzes.count()):
            feedback = answer_quiz(quizzes.nth(number))
            assert feedback, f"{name}: quiz {number + 1} shows no feedback after Check"
        # The teacher's Show the answer: a chosen answer explained, or for a written question
        # the model answer and its checklist (the last of each kind in the lesson).
        chosen = quizzes.filter(has_not=page.locator(".isslearn-quiz-write"))
        written = quizzes.filter(has=page.locator(".isslearn-quiz-write"))
        for kind, selector, words in (
            (chosen, ".isslearn-quiz-answer", "The answer:"),
            (written, ".isslearn-quiz-model", "A model answer:"),
        ):
            if not kind.count():
                continue
            last = kind.last
            last.locator(".isslearn-quiz-reveal").click()
            shown_answer = last.locator(selector)
            shown_answer.wait_for()
            assert shown_answer.inner_text().startswith(words), name

        page.locator("h1").first.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots_dir / f"present_{name}.png"))
        # Read before the server stops: a page that loses its server then logs that, rightly.
        assert not guard.console_errors, f"{name}: console errors: {guard.console_errors}"
        assert not guard.remote, f"{name}: asked other hosts for {sorted(set(guard.remote))}"
        assert not guard.failed, f"{name}: requests failed: {guard.failed}"


def test_the_guard_sees_a_request_for_another_host(guard):
    """The route must really catch a page reaching out, or the checks above prove nothing."""
    page = guard.new_page()
    page.set_content(
        "<link rel='stylesheet' href='https://cdn.example.org/font-awesome.css'>"
        "<img src='https://cdn.example.org/icon.png'>"
    )
    page.wait_for_timeout(500)
    assert sorted(guard.remote) == [
        "https://cdn.example.org/font-awesome.css",
        "https://cdn.example.org/icon.png",
    ]

"""Drive a notebook in JupyterLab the way a person does: menus, clicks and keys.

Kept apart from the tests so each test reads as the list of things a teacher would check.
Every wait has a timeout: a hung kernel or a missing element fails the test, never hangs it.
"""

from __future__ import annotations

import inspect
import json
import re
import time
import urllib.request
from typing import Any

Page = Any  # playwright.sync_api.Page; imported lazily so collection works without playwright
Locator = Any

RUN_ALL_TIMEOUT_S = 150
FIGURE_CHANGE_TIMEOUT_S = 20
FEEDBACK_TIMEOUT_S = 15

# JupyterLab shows error outputs, like stderr, with the stderr mime type (and no other mark).
STDERR_OUTPUT = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],'
    ' .jp-RenderedText[data-mime-type*="error"]'
)


def open_notebook(page: Page, url: str) -> None:
    """Open a notebook and wait until its kernel has started and is idle."""
    page.goto(url, wait_until="domcontentloaded")
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(state="visible")
    page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(
        state="attached", timeout=60_000
    )


def run_menu_command(page: Page, menu: str, command: str) -> None:
    """Click a top menu (e.g. "Edit") and then one of its commands, by JupyterLab command id."""
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').first.click()


def clear_and_run_all(page: Page) -> None:
    """Edit > Clear Outputs of All Cells, then Run > Run All Cells; wait until all have run."""
    run_menu_command(page, "Edit", "editmenu:clear-all")
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                 .every(p => !/\\d/.test(p.textContent))""",
        timeout=10_000,
    )
    run_menu_command(page, "Run", "runmenu:run-all")
    wait_until_all_ran(page)


CELL_STATE_JS = """(stderrSelector) => {
    const looksLikeError = (text) =>
        text.includes('Traceback') || /^([A-Za-z_]\\w*\\.)*\\w*(Error|Exception)\\b/m.test(text);
    const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
    const prompts = cells.map(c => c.querySelector('.jp-InputPrompt')?.textContent || '');
    const codes = cells.map(c => c.querySelector('.cm-content')?.textContent.trim() || '');
    return {
        running: prompts.filter(p => p.includes('*')).length,
        numbered: prompts.filter(p => /\\[\\d+\\]/.test(p)).length,
        pending: cells.filter((c, i) => codes[i] !== '' && !/\\[\\d+\\]/.test(prompts[i])).length,
        errors: [...document.querySelectorAll(stderrSelector)]
            .map(o => o.innerText).filter(looksLikeError),
        idle: !!document.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]'),
    };
}"""


def cell_state(page: Page) -> dict[str, Any]:
    """How many code cells run, have run, wait to run, and the error outputs shown."""
    return page.evaluate(CELL_STATE_JS, STDERR_OUTPUT)


def wait_until_all_ran(page: Page) -> None:
    """Wait until every non-empty code cell has run, or an error stopped the run.

    An error stops "Run All" and leaves later cells unnumbered; so a run also counts as
    finished when nothing runs and the kernel has stayed idle for a few seconds.
    """
    deadline = time.monotonic() + RUN_ALL_TIMEOUT_S
    idle_since = None
    while time.monotonic() < deadline:
        state = cell_state(page)
        settled = state["running"] == 0 and state["idle"]
        if settled and (state["pending"] == 0 or state["errors"]):
            return
        idle_since = (idle_since or time.monotonic()) if settled and state["numbered"] else None
        if idle_since and time.monotonic() - idle_since > 3:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"cells still running after {RUN_ALL_TIMEOUT_S} s: {cell_state(page)}")


def error_texts(page: Page) -> list[str]:
    """Tracebacks and error outputs shown anywhere in the notebook, Output widgets included."""
    return [text.strip()[:2000] for text in cell_state(page)["errors"]]


def _widget_class_names() -> list[str]:
    import ipywidgets

    return sorted(
        name
        for name, value in vars(ipywidgets).items()
        if inspect.isclass(value) and issubclass(value, ipywidgets.DOMWidget)
    )


def unrendered_widgets(page: Page) -> list[str]:
    """Outputs where a widget shows as a text stand-in instead of the live control."""
    stand_in = re.compile(rf"^({'|'.join(_widget_class_names())})\(")
    found = []
    for text in page.locator(".jp-OutputArea-output").all_inner_texts():
        text = text.strip()
        if stand_in.match(text) or "Loading widget..." in text or "Error displaying widget" in text:
            found.append(text[:300])
    return found


def figure_state(figure: Locator) -> bytes:
    """What the figure looks like now: a screenshot of it, once its images have loaded."""
    figure.scroll_into_view_if_needed()
    figure.page.wait_for_function(
        """(el) => [...(el.tagName === 'IMG' ? [el] : el.querySelectorAll('img'))]
                   .every(img => img.complete && img.naturalWidth > 0)""",
        arg=figure.element_handle(),
        timeout=10_000,
    )
    return figure.screenshot(animations="disabled", timeout=10_000)


def wait_for_new_figure(figure: Locator, before: bytes) -> bytes:
    """Wait until the figure differs from ``before`` and has stopped changing."""
    deadline = time.monotonic() + FIGURE_CHANGE_TIMEOUT_S
    previous = before
    while time.monotonic() < deadline:
        figure.page.wait_for_timeout(300)
        now = figure_state(figure)
        if now != before and now == previous:
            return now
        previous = now
    return previous


def move_control(widget: Locator) -> str:
    """Change the widget's first control as a person would; say what was done.

    Sliders (noUiSlider) take arrow keys on their focused handle; dropdowns and lists get
    another option; toggle buttons get the one that is not pressed.
    """
    handles = widget.locator(".noUi-handle")
    if handles.count():
        handle = handles.first
        at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        key = "ArrowLeft" if at_end else "ArrowRight"
        handle.focus()
        for _ in range(4):
            handle.press(key)
        return f"slider moved with {key}"
    dropdowns = widget.locator(".widget-dropdown select")
    if dropdowns.count():
        select = dropdowns.first
        current = select.input_value()
        other = next(v for v in _option_values(select) if v != current)
        select.select_option(other)
        return f"dropdown set to option {other}"
    toggles = widget.locator(".widget-toggle-button:not(.mod-active)")
    if toggles.count():
        toggles.first.click()
        return "another toggle button pressed"
    lists = widget.locator(".widget-select-multiple select, .widget-select select")
    if lists.count():
        select = lists.first
        values = _option_values(select)
        chosen = select.evaluate("s => [...s.selectedOptions].map(o => o.value)")
        pick = values[:1] if chosen != values[:1] else values[1:2]
        select.select_option(pick)
        return f"list selection set to options {pick}"
    raise AssertionError("the widget has no slider, dropdown, toggle buttons or list to change")


def _option_values(select: Locator) -> list[str]:
    return select.locator("option").evaluate_all("options => options.map(o => o.value)")


WRITTEN_ANSWER = "The Shuttles were grounded, so the big pieces had to wait on the ground."


def answer_quiz(quiz: Locator, option: int = 1) -> str:
    """Choose an answer (the ``option``-th, if multiple choice; for a written question, write a
    sentence), press Check (or Compare); the feedback."""
    radios = quiz.locator("input[type=radio]")
    if radios.count():
        radios.nth(min(option, radios.count() - 1)).check()
    text_box = quiz.locator(".isslearn-quiz-write textarea")
    if text_box.count():
        text_box.first.fill(WRITTEN_ANSWER)
    feedback = quiz.locator(".isslearn-quiz-feedback").first
    before = feedback.inner_text().strip()
    quiz.locator(".isslearn-quiz-check").first.click()
    deadline = time.monotonic() + FEEDBACK_TIMEOUT_S
    while (
        not (text := feedback.inner_text().strip()) or text == before
    ) and time.monotonic() < deadline:
        quiz.page.wait_for_timeout(200)
    return text


def shut_down_kernels(base_url: str, token: str) -> None:
    """Stop every kernel the server runs, so lessons do not pile up on two cores."""
    headers = {"Authorization": f"token {token}"}
    request = urllib.request.Request(f"{base_url}/api/sessions", headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        delete = urllib.request.Request(
            f"{base_url}/api/sessions/{session['id']}", headers=headers, method="DELETE"
        )
        urllib.request.urlopen(delete, timeout=10).close()


def check_live_lesson(page: Page, name: str) -> None:
    """Everything a teacher checks on a lesson just run: no errors, widgets drawn and
    responding to their controls, every quiz answering with feedback.

    Assumes the lesson is open; clears its outputs and runs all cells first.
    """
    clear_and_run_all(page)
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
    static = page.locator(".jp-OutputArea-output .isslearn-quiz-static")
    assert not static.count(), f"{name}: a live quiz also shows its static version"
    for number in range(quizzes.count()):
        feedback = answer_quiz(quizzes.nth(number))
        assert feedback, f"{name}: quiz {number + 1} shows no feedback after Check"
    if widgets.count():
        widgets.first.scroll_into_view_if_needed()

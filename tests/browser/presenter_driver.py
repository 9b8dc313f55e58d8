"""What the class must never see in the presenter view, and how to look for it.

Starting ``isslearn present`` and guarding its page (:func:`presenter`, :class:`Guard`) live in
benchmarks/present.py, which ``make bench`` times with; this module adds what the tests check:
code, error outputs, the quiz key, widgets still loading.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from benchmarks.present import Guard, Server, presenter, presenter_first_figure

__all__ = [
    "Guard",
    "Server",
    "code_lines",
    "output_errors",
    "presenter",
    "presenter_first_figure",
    "quiz_secrets",
    "visible_code",
    "wait_for_widgets",
]

Page = Any  # playwright.sync_api.Page

# Code a reader could see: an input area or editor of a code cell, or a code cell's prompt.
VISIBLE_CODE_JS = """() => [...document.querySelectorAll(
        '.jp-CodeCell .jp-InputArea, .jp-CodeCell .cm-editor, .jp-InputPrompt')]
    .filter(el => el.offsetParent !== null).length"""
OUTPUT_ERRORS_JS = """() => [...document.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],'
        + ' .jp-RenderedText[data-mime-type*="error"], .voila-error, .jp-Error')]
    .map(o => o.innerText.trim()).filter(t => t)"""


def wait_for_widgets(page: Page, settle_ms: int = 1500) -> int:
    """Wait until every widget has been drawn (their count stops changing); how many."""
    page.locator("#rendered_cells").wait_for(state="visible")
    deadline = time.monotonic() + 60
    count, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = page.locator(".jupyter-widgets").count()
        if now != count:
            count, since = now, time.monotonic()
        elif now and (time.monotonic() - since) * 1000 > settle_ms:
            return now
        page.wait_for_timeout(200)
    return count


def visible_code(page: Page) -> int:
    return page.evaluate(VISIBLE_CODE_JS)


def output_errors(page: Page) -> list[str]:
    return page.evaluate(OUTPUT_ERRORS_JS)


def code_lines(notebook: Path) -> list[str]:
    """Lines of the lesson's code that its Markdown never shows: none may reach the page."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    prose = "\n".join(
        "".join(cell["source"]) for cell in nb["cells"] if cell["cell_type"] == "markdown"
    )
    lines = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for line in "".join(cell["source"]).splitlines():
                line = line.strip()
                if len(line) >= 16 and not line.startswith("#") and line not in prose:
                    lines.append(line)
    return lines


def quiz_secrets(notebook: Path) -> list[str]:
    """Phrases of each quiz's key (feedback, model answers, checklists) that its questions
    never show.

    Taken from the quizzes saved in the lesson (each output's packed ``isslearn.quiz`` item),
    cut at punctuation that HTML or JSON may write differently, so a phrase found in the page's
    source means the key reached the browser.
    """
    from isslearn.quiz.static import unpack

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    secrets: set[str] = set()
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            saved = output.get("metadata", {}).get("isslearn", {}).get("quiz")
            if not saved or "item" not in saved:
                continue
            item = unpack(saved["item"])
            options = item.get("options", [])  # [text, correct, feedback] each
            shown = [item.get("question"), item.get("prompt"), [o[0] for o in options]]
            asked = json.dumps([*shown, item.get("items")], ensure_ascii=False)
            key = [o[2] for o in options]
            key += [item.get("model_answer", ""), *item.get("checklist", [])]
            for line in key:
                for phrase in re.split(r"[\"'<>&*`\\]", str(line)):
                    phrase = phrase.strip()
                    if len(phrase) >= 24 and phrase not in asked:
                        secrets.add(phrase)
    return sorted(secrets)

"""The quiz without a kernel: Markdown a reader can answer on GitHub, nbviewer, a website or paper.

Three static forms of the same items:

- :func:`answerable_markdown` — the static twin shown below each live quiz (see
  :mod:`.notebook`), for wherever widgets do not run; it works with JavaScript off: the
  question, then each option as its own collapsed
  ``<details>`` whose summary is the option ("B) Unity") and whose body is that option's
  feedback, marked right or wrong. A reader picks an option and opens it, as they would press
  Check. An ordering task lists its items, then a collapsed hint (what comes first) and a
  collapsed right order.
- ``questions`` (from :func:`static_markdown`) — the learners' handout: no answers, no feedback.
- ``key`` (from :func:`static_markdown`) — the teacher's key: the answer and every feedback.

All three escape teacher text (``<b>`` shows as ``<b>``). The questions and key travel in the
output's metadata under ``isslearn.quiz`` (see :data:`METADATA_KEY`), where
:mod:`isslearn.handout` picks them up.
"""

from __future__ import annotations

from collections.abc import Sequence

from .items import MultipleChoice, Ordering, QuizItem, md_text

__all__ = ["METADATA_KEY", "answerable_markdown", "static_markdown"]

METADATA_KEY = "isslearn"
RIGHT_MARK = "✔ Right."
WRONG_MARK = "✘ Not this one."


def static_markdown(items: Sequence[QuizItem]) -> tuple[str, str]:
    """``(questions, key)`` Markdown for ``items``: the questions alone, and the answer key."""
    questions = "\n\n".join(item.to_markdown(answers=False) for item in items)
    key = "\n\n".join(item.to_markdown(answers=True) for item in items)
    return questions, key


def answerable_markdown(item: QuizItem) -> str:
    """``item`` as Markdown a reader can answer by opening collapsed sections (see module doc)."""
    if isinstance(item, MultipleChoice):
        return _multiple_choice(item)
    if isinstance(item, Ordering):
        return _ordering(item)
    return item.to_markdown(answers=False)


def _details(summary: str, body: str) -> str:
    # blank lines around the body let GitHub and Jupyter render it as Markdown
    return f"<details><summary>{summary}</summary>\n\n{body}\n\n</details>"


def _multiple_choice(item: MultipleChoice) -> str:
    parts = [
        f"**{md_text(item.question)}**",
        "*Without the live quiz: choose an answer, then open it to see whether it is right.*",
    ]
    for option in item.options:
        mark = RIGHT_MARK if option.correct else WRONG_MARK
        parts.append(
            _details(
                f"{item.letter(option)}) {md_text(option.text)}",
                f"{mark} {md_text(option.feedback_text())}",
            )
        )
    return "\n\n".join(parts) + "\n"


def _ordering(item: Ordering) -> str:
    listed = "\n".join(f"- {md_text(entry)}" for entry in item.start_order)
    steps = "\n".join(
        f"{n + 1}. {md_text(entry)}"
        + (f" ({md_text(item.details[n])})" if item.details and item.details[n] else "")
        for n, entry in enumerate(item.items)
    )
    return (
        "\n\n".join(
            [
                f"**{md_text(item.prompt)}**",
                listed,
                "*Without the live quiz: write down your order, then open the hint or the answer.*",
                _details("A hint: what comes first", f"{md_text(item.items[0])} comes first."),
                _details("The right order", steps),
            ]
        )
        + "\n"
    )

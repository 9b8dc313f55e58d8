"""Quiz items that answer every choice: a learner who picks wrong learns *why* it is wrong.

Two kinds of item, both plain frozen dataclasses that know how to check an answer, how to
show themselves as Markdown (for GitHub, nbviewer and paper) and as a live ipywidgets quiz:

- :class:`MultipleChoice`: one right option; every option, right or wrong, carries feedback.
- :class:`Ordering`: put 2–8 things in order; the feedback names the misplaced ones and
  shows the right order with a detail (such as a date) beside each.

Teacher text (questions, options, feedback) is always shown as text: it is escaped with
:func:`html.escape` wherever it goes into HTML, so ``<b>`` in a question appears as ``<b>``.

Displaying an item in Jupyter produces one output holding the widget *and* a ``text/markdown``
twin (questions, with the answers inside a collapsed ``<details>``), so a saved notebook reads
well where widgets do not run. The output's metadata carries the two static forms under
``isslearn.quiz`` (``questions`` and ``key``); :mod:`isslearn.handout` uses them.
"""

from __future__ import annotations

import html
import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

QUIZ_CLASS = "isslearn-quiz"
CHECK_CLASS = "isslearn-quiz-check"
FEEDBACK_CLASS = "isslearn-quiz-feedback"
METADATA_KEY = "isslearn"


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: right or not, what to tell the learner, what was misplaced."""

    correct: bool
    message: str
    misplaced: tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    """One choice of a multiple-choice item, with the feedback a learner sees on picking it."""

    text: str
    correct: bool = False
    feedback: str = ""

    def feedback_text(self) -> str:
        if self.feedback:
            return self.feedback
        return "Yes, that is right." if self.correct else "Not this one; have another look."


class QuizItem(Protocol):
    """What every quiz item offers (used by :func:`isslearn.quiz.show` and the handout)."""

    def to_markdown(self, answers: bool = False) -> str: ...

    def widget(self) -> Any: ...


@dataclass(frozen=True)
class MultipleChoice:
    """A question with exactly one correct option.

    >>> item = MultipleChoice("Which came first?", (Option("Zarya", True), Option("Unity")))
    >>> item.check("Unity").correct
    False
    """

    question: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))
        right = [o for o in self.options if o.correct]
        if len(self.options) < 2 or len(right) != 1:
            raise ValueError(
                f"a multiple-choice item needs 2 or more options and exactly one correct one "
                f"(got {len(self.options)} option(s), {len(right)} correct): {self.question!r}"
            )
        texts = [o.text for o in self.options]
        if len(set(texts)) != len(texts):
            raise ValueError(f"two options have the same text in {self.question!r}")

    @property
    def answer(self) -> Option:
        return next(o for o in self.options if o.correct)

    def check(self, choice: str | int) -> Feedback:
        """Feedback for the option chosen, given by its text or its position (from 0)."""
        option = self.options[choice] if isinstance(choice, int) else self._option(choice)
        return Feedback(option.correct, option.feedback_text())

    def _option(self, text: str) -> Option:
        for option in self.options:
            if option.text == text:
                return option
        shown = ", ".join(repr(o.text) for o in self.options)
        raise ValueError(f"{text!r} is not one of the options: {shown}")

    def to_markdown(self, answers: bool = False) -> str:
        """The question and lettered options; with ``answers``, the answer and every feedback."""
        lines = [f"**{_md(self.question)}**", ""]
        for letter, option in zip(_LETTERS, self.options, strict=False):
            lines.append(f"- {letter}) {_md(option.text)}")
        if answers:
            lines += ["", f"Answer: {_LETTERS[self.options.index(self.answer)]}) "]
            lines[-1] += _md(self.answer.text)
            lines.append("")
            for letter, option in zip(_LETTERS, self.options, strict=False):
                mark = "right" if option.correct else "wrong"
                lines.append(f"- {letter}) {mark}: {_md(option.feedback_text())}")
        return "\n".join(lines)

    def widget(self) -> Any:
        """A live quiz: radio buttons, a Check button, and feedback for the option chosen."""
        import ipywidgets as w

        choices = w.RadioButtons(
            options=[(o.text, i) for i, o in enumerate(self.options)],  # labels shown as text
            value=None,
            layout=w.Layout(width="max-content"),
        )

        def verdict() -> Feedback | None:
            return None if choices.value is None else self.check(choices.value)

        return _assemble(self.question, choices, verdict, "Choose an answer first.")

    def _ipython_display_(self) -> None:
        _display_items([self])


@dataclass(frozen=True)
class Ordering:
    """Put ``items`` (given in the right order) in order; ``details`` explain the order.

    ``details`` (same length as ``items``, may be empty) are shown beside each item in the
    feedback, e.g. the launch dates. The learner starts from a shuffled order that is fixed
    by ``seed`` (by default derived from the prompt), so a lesson looks the same every run.

    >>> item = Ordering("Launch order", ("Zarya", "Unity", "Zvezda"))
    >>> item.check(["Unity", "Zarya", "Zvezda"]).misplaced
    ('Unity', 'Zarya')
    """

    prompt: str
    items: tuple[str, ...]
    details: tuple[str, ...] = ()
    seed: int | None = None
    start_order: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "details", tuple(self.details))
        if not 2 <= len(self.items) <= 8 or len(set(self.items)) != len(self.items):
            raise ValueError(f"an ordering item needs 2 to 8 different items: {self.prompt!r}")
        if self.details and len(self.details) != len(self.items):
            raise ValueError(f"give one detail per item, or none: {self.prompt!r}")
        seed = self.seed if self.seed is not None else zlib.crc32(self.prompt.encode())
        object.__setattr__(self, "start_order", _shuffled(self.items, seed))

    def check(self, order: Sequence[str]) -> Feedback:
        """Compare ``order`` with the right one; name the items that are out of place."""
        order = tuple(order)
        if sorted(order) != sorted(self.items):
            return Feedback(False, "Use each item exactly once: " + ", ".join(self.items) + ".")
        misplaced = tuple(got for got, want in zip(order, self.items, strict=True) if got != want)
        if not misplaced:
            return Feedback(True, "All in the right order: " + self._right_order() + ".")
        return Feedback(
            False,
            f"{len(misplaced)} of {len(self.items)} are out of place: "
            + ", ".join(misplaced)
            + ". The right order is: "
            + self._right_order()
            + ".",
            misplaced,
        )

    def _right_order(self) -> str:
        if not self.details:
            return " → ".join(self.items)
        return " → ".join(f"{i} ({d})" for i, d in zip(self.items, self.details, strict=True))

    def to_markdown(self, answers: bool = False) -> str:
        """The prompt and the items in their starting order; with ``answers``, the right order."""
        lines = [f"**{_md(self.prompt)}**", ""]
        lines += [f"- {_md(item)}" for item in self.start_order]
        if answers:
            lines += ["", "Right order:", ""]
            for n, item in enumerate(self.items):
                detail = f" ({_md(self.details[n])})" if self.details else ""
                lines.append(f"{n + 1}. {_md(item)}{detail}")
        return "\n".join(lines)

    def widget(self) -> Any:
        """One dropdown per place (1st, 2nd, ...), a Check button and the feedback."""
        import ipywidgets as w

        places = [
            w.Dropdown(
                options=list(self.start_order),
                value=item,
                description=f"{n + 1}.",
                layout=w.Layout(width="auto"),
                style={"description_width": "2em"},
            )
            for n, item in enumerate(self.start_order)
        ]
        box = w.VBox(places)
        box.add_class("isslearn-quiz-places")

        def verdict() -> Feedback:
            return self.check([d.value for d in places])

        return _assemble(self.prompt, box, verdict, "")

    def _ipython_display_(self) -> None:
        _display_items([self])


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _md(text: str) -> str:
    """Teacher text for Markdown: HTML escaped, line breaks kept as spaces."""
    return html.escape(" ".join(str(text).split()), quote=False)


def _shuffled(items: tuple[str, ...], seed: int) -> tuple[str, ...]:
    rng = random.Random(seed)
    order = list(items)
    for _ in range(20):  # never start in the right order (a 2-item list just swaps)
        rng.shuffle(order)
        if tuple(order) != items:
            break
    return tuple(order)


def feedback_html(feedback: Feedback) -> str:
    """The feedback as escaped HTML, with a mark a colour-blind learner can read too."""
    mark = "✔ Right." if feedback.correct else "✘ Not yet."
    kind = "right" if feedback.correct else "wrong"
    return (
        f'<div class="isslearn-quiz-{kind}"><strong>{mark}</strong> '
        f"{html.escape(feedback.message, quote=False)}</div>"
    )


def _assemble(question: str, answer_widget: Any, verdict: Any, unanswered: str) -> Any:
    import ipywidgets as w

    title = w.HTML(f"<strong>{html.escape(question, quote=False)}</strong>")
    check = w.Button(description="Check", tooltip="Check your answer", button_style="info")
    check.add_class(CHECK_CLASS)
    result = w.HTML("")
    result.add_class(FEEDBACK_CLASS)

    def on_check(_button: Any) -> None:
        feedback = verdict()
        if feedback is None:
            result.value = f"<em>{html.escape(unanswered, quote=False)}</em>"
        else:
            result.value = feedback_html(feedback)

    check.on_click(on_check)
    box = w.VBox([title, answer_widget, check, result])
    box.add_class(QUIZ_CLASS)
    return box


def static_markdown(items: Sequence[QuizItem]) -> tuple[str, str]:
    """``(questions, key)`` Markdown for ``items``: numbered questions, and the answer key."""
    questions = "\n\n".join(item.to_markdown(answers=False) for item in items)
    key = "\n\n".join(item.to_markdown(answers=True) for item in items)
    return questions, key


def _display_items(items: Sequence[QuizItem]) -> None:
    """Display live widgets and their static twin as one output per item (see module doc)."""
    from IPython.display import display

    for item in items:
        questions, key = static_markdown([item])
        widget = item.widget()
        bundle = dict(widget._repr_mimebundle_())
        title = getattr(item, "question", None) or getattr(item, "prompt", "")
        bundle["text/plain"] = f"Quiz: {title}"
        bundle["text/markdown"] = (
            questions
            + "\n\n<details><summary>Answer and feedback</summary>\n\n"
            + key
            + "\n\n</details>\n"
        )
        meta = {METADATA_KEY: {"quiz": {"questions": questions, "key": key}}}
        display(bundle, raw=True, metadata=meta)

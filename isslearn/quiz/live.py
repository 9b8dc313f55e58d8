"""The live quiz: ipywidgets controls, a Check button, and feedback that lets a learner retry.

Every quiz widget is a ``VBox`` of four children, in this order: the question (``HTML``), the
answer control (``RadioButtons`` for multiple choice, a ``VBox`` of one ``Dropdown`` per place
for ordering), the Check button and the feedback (``HTML``). The CSS classes below are the
contract the browser tests rely on.

What a learner sees after pressing Check (the wording comes from :class:`~.items.Tries`):

- right: "✔ Right." and the explanation (the right option's feedback, or the order with its
  details);
- a first miss: "✘ Not yet." with why that answer is wrong (an ordering names the misplaced
  items) and "Try again.";
- a second, different miss: "✘ Not this one either." with why, then the answer explained.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from .items import Feedback, MultipleChoice, Ordering, Tries

__all__ = ["CHECK_CLASS", "FEEDBACK_CLASS", "QUIZ_CLASS", "feedback_html", "quiz_widget"]

QUIZ_CLASS = "isslearn-quiz"
CHECK_CLASS = "isslearn-quiz-check"
FEEDBACK_CLASS = "isslearn-quiz-feedback"
UNANSWERED = "Choose an answer first."


def feedback_html(feedback: Feedback) -> str:
    """The feedback as escaped HTML, with a mark a colour-blind learner can read too."""
    if feedback.correct:
        mark, kind, after = "✔ Right.", "right", ""
    elif feedback.revealed:
        mark, kind, after = "✘ Not this one either.", "wrong", ""
    else:
        mark, kind, after = "✘ Not yet.", "wrong", " <em>Try again.</em>"
    return (
        f'<div class="isslearn-quiz-{kind}"><strong>{mark}</strong> '
        f"{html.escape(feedback.message, quote=False)}{after}</div>"
    )


def quiz_widget(item: MultipleChoice | Ordering) -> w.VBox:
    """The live quiz for ``item`` (see the module docstring for its parts and behaviour)."""
    tries = Tries(item)
    if isinstance(item, MultipleChoice):
        choices = w.RadioButtons(
            options=[(o.text, i) for i, o in enumerate(item.options)],  # labels shown as text
            value=None,
            layout=w.Layout(width="max-content"),
        )

        def verdict() -> Feedback | None:
            return None if choices.value is None else tries.check(choices.value)

        return _assemble(item.question, choices, verdict)

    places = [
        w.Dropdown(
            options=list(item.start_order),
            value=start,
            description=f"{n + 1}.",
            layout=w.Layout(width="auto"),
            style={"description_width": "2em"},
        )
        for n, start in enumerate(item.start_order)
    ]
    box = w.VBox(places)
    box.add_class("isslearn-quiz-places")
    return _assemble(item.prompt, box, lambda: tries.check([d.value for d in places]))


def _assemble(question: str, answer: w.Widget, verdict: Callable[[], Feedback | None]) -> w.VBox:
    title = w.HTML(f"<strong>{html.escape(question, quote=False)}</strong>")
    check = w.Button(description="Check", tooltip="Check your answer", button_style="info")
    check.add_class(CHECK_CLASS)
    result = w.HTML("")
    result.add_class(FEEDBACK_CLASS)

    def on_check(_button: w.Button) -> None:
        feedback = verdict()
        if feedback is None:
            result.value = f"<em>{html.escape(UNANSWERED, quote=False)}</em>"
        else:
            result.value = feedback_html(feedback)

    check.on_click(on_check)
    box = w.VBox([title, answer, check, result])
    box.add_class(QUIZ_CLASS)
    return box

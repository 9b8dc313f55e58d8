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

A written task (:class:`~.items.WrittenAnswer`) has a text box in place of the choices and a
"Compare" button: once the learner has written a few words it shows the model answer and the
checklist's three levels, and asks which one describes their answer.

In the presenter view (a kernel started by Voilà, see :func:`presenting`) the third child is
an ``HBox`` of the Check button and a "Show the answer" button for the teacher: it sets the
control to the right answer and explains it (a written task shows its model answer). Nothing of
the answer is in the browser before that: the item and its feedback stay in the kernel.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable

import ipywidgets as w

from ..language import N_
from ..language import gettext as _
from .items import Feedback, MultipleChoice, Ordering, Tries, WrittenAnswer

__all__ = [
    "CHECK_CLASS",
    "FEEDBACK_CLASS",
    "QUIZ_CLASS",
    "REVEAL_CLASS",
    "WRITE_CLASS",
    "answer_html",
    "feedback_html",
    "presenting",
    "quiz_widget",
    "written_html",
    "written_widget",
]

QUIZ_CLASS = "isslearn-quiz"
CHECK_CLASS = "isslearn-quiz-check"
FEEDBACK_CLASS = "isslearn-quiz-feedback"
WRITE_CLASS = "isslearn-quiz-write"
REVEAL_CLASS = "isslearn-quiz-reveal"
UNANSWERED = N_("Choose an answer first.")
WHICH_LEVEL = N_("Which of these describes your answer? Improve it if you can.")


def presenting() -> bool:
    """True in a kernel that Voilà started: the presenter view, where the teacher reveals
    answers. Voilà gives each of its kernels the page request's ``QUERY_STRING`` (documented
    for notebooks that read their URL) and its own ``VOILA_*`` addresses; JupyterLab's kernels
    have neither."""
    return "QUERY_STRING" in os.environ and any(name.startswith("VOILA_") for name in os.environ)


def feedback_html(feedback: Feedback) -> str:
    """The feedback as escaped HTML, with a mark a colour-blind learner can read too."""
    if feedback.correct:
        mark, kind, after = _("✔ Right."), "right", ""
    elif feedback.revealed:
        mark, kind, after = _("✘ Not this one either."), "wrong", ""
    else:
        mark, kind, after = _("✘ Not yet."), "wrong", " <em>" + _("Try again.") + "</em>"
    return (
        f'<div class="isslearn-quiz-{kind}"><strong>{mark}</strong> '
        f"{html.escape(feedback.message, quote=False)}{after}</div>"
    )


def answer_html(item: MultipleChoice | Ordering) -> str:
    """The answer explained, as escaped HTML: what "Show the answer" puts in the feedback."""
    if isinstance(item, MultipleChoice):
        right = item.answer
        text = f"{item.letter(right)}) {right.text}. {right.feedback_text()}"
    else:
        text = item.right_order() + "."
    said = _("The answer:")
    return (
        f'<div class="isslearn-quiz-answer"><strong>{said}</strong> '
        f"{html.escape(text, quote=False)}</div>"
    )


def quiz_widget(item: MultipleChoice | Ordering, reveal: bool | None = None) -> w.VBox:
    """The live quiz for ``item`` (see the module docstring for its parts and behaviour);
    ``reveal`` adds the teacher's "Show the answer" button (by default: in the presenter view).
    """
    show_answer = presenting() if reveal is None else reveal
    tries = Tries(item)
    if isinstance(item, MultipleChoice):
        choices = w.RadioButtons(
            options=[(o.text, i) for i, o in enumerate(item.options)],  # labels shown as text
            value=None,
            layout=w.Layout(width="max-content"),
        )

        def verdict() -> Feedback | None:
            return None if choices.value is None else tries.check(choices.value)

        def choose_answer() -> str:
            choices.value = item.options.index(item.answer)
            return answer_html(item)

        return _assemble(
            item.question, choices, verdict, reveal=choose_answer if show_answer else None
        )

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

    def put_in_order() -> str:
        for dropdown, right in zip(places, item.items, strict=True):
            dropdown.value = right
        return answer_html(item)

    return _assemble(
        item.prompt,
        box,
        lambda: tries.check([d.value for d in places]),
        reveal=put_in_order if show_answer else None,
    )


def written_html(item: WrittenAnswer) -> str:
    """The model answer and the checklist, as shown once the learner has written."""
    levels = "".join(
        "<li><strong>" + _("{level}:").format(level=name) + "</strong> "
        f"{html.escape(text, quote=False)}</li>"
        for name, text in item.levels()
    )
    model, which = _("A model answer:"), _(WHICH_LEVEL)
    return (
        f'<div class="isslearn-quiz-model"><strong>{model}</strong> '
        f"{html.escape(item.model_answer, quote=False)}"
        f"<p>{which}</p>"
        f"<ul>{levels}</ul></div>"
    )


def written_widget(item: WrittenAnswer, reveal: bool | None = None) -> w.VBox:
    """A text box to write in, a Compare button, then the model answer and the checklist;
    ``reveal`` adds the teacher's button that shows them (by default: in the presenter view)."""
    show_answer = presenting() if reveal is None else reveal
    box = w.Textarea(
        placeholder=_("Write your answer here."),
        layout=w.Layout(width="95%", height="6em"),
    )
    box.add_class(WRITE_CLASS)

    def verdict() -> Feedback:
        return item.check(box.value)

    return _assemble(
        item.prompt,
        box,
        verdict,
        button=_("Compare"),
        tooltip=_("Compare your answer with a model answer"),
        shown=lambda feedback: (
            written_html(item)
            if feedback.correct
            else f"<em>{html.escape(feedback.message, quote=False)}</em>"
        ),
        reveal=(lambda: written_html(item)) if show_answer else None,
    )


def _assemble(
    question: str,
    answer: w.Widget,
    verdict: Callable[[], Feedback | None],
    *,
    button: str = "",
    tooltip: str = "",
    shown: Callable[[Feedback], str] = feedback_html,
    reveal: Callable[[], str] | None = None,
) -> w.VBox:
    title = w.HTML(f"<strong>{html.escape(question, quote=False)}</strong>")
    check = w.Button(
        description=button or _("Check"),
        tooltip=tooltip or _("Check your answer"),
        button_style="info",
    )
    check.add_class(CHECK_CLASS)
    result = w.HTML("")
    result.add_class(FEEDBACK_CLASS)

    def on_check(_button: w.Button) -> None:
        feedback = verdict()
        if feedback is None:
            result.value = f"<em>{html.escape(_(UNANSWERED), quote=False)}</em>"
        else:
            result.value = shown(feedback)

    check.on_click(on_check)
    buttons: w.Widget = check
    if reveal is not None:
        teacher = w.Button(
            description=_("Show the answer"), tooltip=_("Show the answer, explained")
        )
        teacher.add_class(REVEAL_CLASS)

        def on_reveal(_button: w.Button) -> None:
            result.value = reveal()

        teacher.on_click(on_reveal)
        buttons = w.HBox([check, teacher])
    box = w.VBox([title, answer, buttons, result])
    box.add_class(QUIZ_CLASS)
    return box

"""The quiz without a kernel: the same questions on GitHub, nbviewer, the website and paper,
with the answers kept out of sight.

A quiz item's notebook output (see :mod:`.notebook`) carries, beside the live widget:

- ``text/html`` — :func:`static_html`: the question and its lettered options (or the things
  to order, or the task to write), and no answer or feedback anywhere in it. Where no kernel
  runs (GitHub, nbviewer, a lesson opened but not run) this is what a reader sees.
- ``text/plain`` — the question and options as plain text.
- metadata under ``isslearn.quiz`` (:data:`METADATA_KEY`): the item's number, where it came
  from (the lesson's own questions or a teacher's file), the handout's question form, and the
  whole item (answers and feedback) packed by :func:`pack` so that it cannot be read at a
  glance in the notebook's file. The handout's key (:func:`key_markdown`) and the website's
  feedback pages (:func:`feedback_pages`) unpack it; neither ever puts it in a learner's page.

On the website each option is a link to a small page of its own holding that option's
feedback, so a reader with JavaScript off answers by following a link, as they would press
Check, and the lesson page's source holds no answer.
"""

from __future__ import annotations

import base64
import html
import json
import zlib
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import SettingsError
from ..language import N_
from ..language import gettext as _
from .items import (
    WRITING_SPACE,
    MultipleChoice,
    Option,
    Ordering,
    QuizItem,
    WrittenAnswer,
    md_text,
)

__all__ = [
    "METADATA_KEY",
    "RIGHT_MARK",
    "WRONG_MARK",
    "feedback_pages",
    "item_from_dict",
    "item_to_dict",
    "key_markdown",
    "pack",
    "paper_markdown",
    "plain_text",
    "static_html",
    "static_markdown",
    "unpack",
]

METADATA_KEY = "isslearn"
RIGHT_MARK = N_("✔ Right.")  # marked for translation; shown through gettext
WRONG_MARK = N_("✘ Not this one.")
RUN_TO_ANSWER = N_("Run this cell to answer here: every answer, right or wrong, explains itself.")
WHICH_LEVEL = N_("Which of these describes your answer? Improve it if you can.")
RUN_TO_WRITE = N_("Run this cell to write your answer here and compare it with a model answer.")


def static_markdown(items: Sequence[QuizItem]) -> tuple[str, str]:
    """``(questions, key)`` Markdown for ``items``: the questions alone, and the answer key."""
    if isinstance(items, MultipleChoice | Ordering):
        raise SettingsError("static_markdown takes a list of items; for one, use [item]")
    questions = "\n\n".join(item.to_markdown(answers=False) for item in items)
    key = "\n\n".join(item.to_markdown(answers=True) for item in items)
    return questions, key


def paper_markdown(item: QuizItem, number: int | None = None) -> str:
    """The question as printed on paper: what to do with a pen (circle, number, write), the
    options, and room to answer; never a button to press."""
    prefix = f"{number}. " if number else ""
    title = f"**{prefix}{md_text(item.title)}**"
    if isinstance(item, MultipleChoice):
        options = [f"- {item.letter(o)}) {md_text(o.text)}" for o in item.options]
        how = "*" + _("Circle the letter of one answer.") + "*"
        return "\n".join([title, "", how, "", *options])
    if isinstance(item, Ordering):
        boxes = [f"- ☐ {md_text(entry)}" for entry in item.start_order]
        how = "*" + _("Number the boxes in order, 1 for the first.") + "*"
        return "\n".join([title, "", how, "", *boxes])
    if isinstance(item, WrittenAnswer):
        return "\n".join([title, "", "*" + _("Write your answer here.") + "*", "", WRITING_SPACE])
    return item.to_markdown(answers=False)


def key_markdown(packed: str) -> str:
    """The teacher's key of a packed item: the answer and every option's feedback."""
    return item_from_dict(unpack(packed)).to_markdown(answers=True)


# ---------------------------------------------------------------- the static version


def _title(item: QuizItem, number: int | None) -> str:
    prefix = f"{number}. " if number else ""
    return f"<p><strong>{prefix}{md_text(item.title)}</strong></p>"


def static_html(
    item: QuizItem,
    number: int | None = None,
    *,
    link: Callable[[str], str] | None = None,
    anchor: str | None = None,
) -> str:
    """The question as HTML with no answer in it (see the module docstring).

    With ``link`` (a page name such as ``'b'``, ``'order'`` or ``'model'`` -> its address),
    each option links to its own feedback page, as on the website; ``anchor`` gives the block
    an id those pages link back to.
    """
    ident = f' id="{html.escape(anchor)}"' if anchor else ""
    parts = [f'<div class="isslearn-quiz-static"{ident}>', _title(item, number)]
    if isinstance(item, MultipleChoice):
        lines = []
        for option in item.options:
            label = f"{item.letter(option)}) {md_text(option.text)}"
            if link is not None:
                href = html.escape(link(item.letter(option).lower()))
                label = f'<a href="{href}">{label}</a>'
            lines.append(f"<li>{label}</li>")
        parts.append('<ul class="isslearn-quiz-options">' + "".join(lines) + "</ul>")
        how = _("Choose an answer, then follow its link to see whether it is right.")
        parts.append(f"<p><em>{how if link else _(RUN_TO_ANSWER)}</em></p>")
    elif isinstance(item, Ordering):
        listed = "".join(f"<li>{md_text(entry)}</li>" for entry in item.start_order)
        parts.append(f'<ul class="isslearn-quiz-options">{listed}</ul>')
        if link is not None:
            href = html.escape(link("order"))
            parts.append(
                "<p><em>"
                + _(
                    'Write down your order, then <a href="{href}">check it against the right '
                    "order</a>."
                ).format(href=href)
                + "</em></p>"
            )
        else:
            parts.append(f"<p><em>{_(RUN_TO_ANSWER)}</em></p>")
    elif isinstance(item, WrittenAnswer):
        if link is not None:
            href = html.escape(link("model"))
            parts.append(
                "<p><em>"
                + _(
                    'Write your answer first (on paper or in a note), then <a href="{href}">'
                    "compare it with a model answer and a checklist</a>."
                ).format(href=href)
                + "</em></p>"
            )
        else:
            parts.append(f"<p><em>{_(RUN_TO_WRITE)}</em></p>")
    parts.append("</div>")
    return "\n".join(parts)


def plain_text(item: QuizItem, number: int | None = None) -> str:
    """The question and its options as plain text (no answer)."""
    lines = [(f"{number}. " if number else "") + " ".join(item.title.split())]
    if isinstance(item, MultipleChoice):
        lines += [f"  {item.letter(o)}) {o.text}" for o in item.options]
    elif isinstance(item, Ordering):
        lines += [f"  - {entry}" for entry in item.start_order]
    return "\n".join(lines)


def feedback_pages(item: QuizItem) -> dict[str, tuple[str, str]]:
    """What each of the website's small pages for ``item`` says: page name -> (title, HTML).

    One page per option of a multiple-choice item (``a``, ``b``, ...), with that option's
    feedback only; one page with the right order (``order``); one with the model answer and
    the checklist (``model``).
    """
    if isinstance(item, MultipleChoice):
        pages = {}
        for option in item.options:
            letter = item.letter(option)
            mark = _(RIGHT_MARK) if option.correct else _(WRONG_MARK)
            chose = _("You chose <strong>{letter}) {text}</strong>.").format(
                letter=letter, text=md_text(option.text)
            )
            body = f"<p>{chose}</p><p><strong>{mark}</strong> {md_text(option.feedback_text())}</p>"
            if not option.correct:
                body += "<p>" + _("Go back and try another answer.") + "</p>"
            pages[letter.lower()] = (_("answer {letter}").format(letter=letter), body)
        return pages
    if isinstance(item, Ordering):
        steps = "".join(
            f"<li>{md_text(entry)}"
            + (f" ({md_text(item.details[n])})" if item.details and item.details[n] else "")
            + "</li>"
            for n, entry in enumerate(item.items)
        )
        return {"order": (_("the right order"), f"<ol>{steps}</ol>")}
    if isinstance(item, WrittenAnswer):
        levels = "".join(
            "<li><strong>" + _("{level}:").format(level=name) + f"</strong> {md_text(text)}</li>"
            for name, text in item.levels()
        )
        model, which = _("A model answer:"), _(WHICH_LEVEL)
        body = (
            f"<p><strong>{model}</strong> {md_text(item.model_answer)}</p>"
            f"<p>{which}</p>"
            f"<ul>{levels}</ul>"
        )
        return {"model": (_("a model answer and a checklist"), body)}
    return {}


# ---------------------------------------------------------------- the packed item


def item_to_dict(item: QuizItem) -> dict[str, Any]:
    """Everything about ``item`` as plain JSON values (the inverse of :func:`item_from_dict`)."""
    if isinstance(item, MultipleChoice):
        return {
            "kind": "choice",
            "question": item.question,
            "options": [[o.text, o.correct, o.feedback] for o in item.options],
        }
    if isinstance(item, Ordering):
        return {
            "kind": "order",
            "prompt": item.prompt,
            "items": list(item.items),
            "details": list(item.details),
            "seed": item.seed,
        }
    if isinstance(item, WrittenAnswer):
        return {
            "kind": "written",
            "prompt": item.prompt,
            "model_answer": item.model_answer,
            "checklist": list(item.checklist),
        }
    raise SettingsError(f"not a quiz item: {item!r}")


def item_from_dict(data: dict[str, Any]) -> QuizItem:
    """The item :func:`item_to_dict` described."""
    kind = data.get("kind")
    if kind == "choice":
        options = tuple(Option(str(t), bool(c), str(f)) for t, c, f in data["options"])
        return MultipleChoice(str(data["question"]), options)
    if kind == "order":
        return Ordering(
            str(data["prompt"]), tuple(data["items"]), tuple(data["details"]), data.get("seed")
        )
    if kind == "written":
        return WrittenAnswer(
            str(data["prompt"]), str(data["model_answer"]), tuple(data["checklist"])
        )
    raise SettingsError(f"not a packed quiz item (kind {kind!r})")


def pack(item: QuizItem) -> str:
    """``item`` with its answers as one opaque string: compressed JSON in base64.

    Not a secret (anyone can unpack it), only out of sight: a learner who opens the notebook's
    file, or GitHub's view of it, does not read the answers by accident.
    """
    text = json.dumps(item_to_dict(item), ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii")


def unpack(packed: str) -> dict[str, Any]:
    """The dict :func:`pack` packed."""
    data: dict[str, Any] = json.loads(zlib.decompress(base64.b64decode(packed)).decode("utf-8"))
    return data

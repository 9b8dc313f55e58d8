"""One validator per kind of quiz entry, whichever file it came from (YAML or a Quiz sheet).

A reader turns its file into records: the values a teacher wrote, each with the place it was
written (a line and a field in YAML, a row and a column in a workbook). The functions here
check what a record means and make its item, so the same mistake gets the same message in
either format:

- :func:`choice` — a question with 2 or more different options, exactly one right, and
  feedback for each (a missing feedback, or a wrong option's feedback that names the answer,
  is a notice);
- :func:`order` — 2 to 8 different things to put in order, each with an optional detail;
- :func:`written` — a task, a model answer and a checklist of three levels;
- :func:`generated` — an item made from the catalogue by a generator named in the file.

What each reader checks itself is only its own syntax: YAML's indentation and types, a
sheet's columns and which rows belong to which question. Where the fix is typed differently
(``correct: true`` in YAML, ``yes`` in a sheet), the hint comes from the reader's
:class:`Wording`. Each entry may also say in which lessons it is asked (``lessons``); see
:func:`lesson_scope`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..errors import Problem
from ..language import gettext as _
from ..reading.values import unknown_choice_hint
from .generated import GENERATORS, generate
from .items import (
    CHECKLIST_LEVELS,
    LETTERS,
    MultipleChoice,
    Option,
    Ordering,
    QuizItem,
    WrittenAnswer,
)

__all__ = [
    "ChoiceRecord",
    "Findings",
    "GenerateRecord",
    "OptionRecord",
    "OrderRecord",
    "Place",
    "Text",
    "Value",
    "Wording",
    "WrittenRecord",
    "choice",
    "generated",
    "in_lesson",
    "lesson_scope",
    "order",
    "written",
]


@dataclass(frozen=True)
class Place:
    """Where a value was written: its line (or sheet row) and its field (or column)."""

    line: int
    field: str | None = None

    def at(self, field: str | None) -> Place:
        """The same line, another field: e.g. 'correct' on an option's line."""
        return Place(self.line, field)


@dataclass(frozen=True)
class Text:
    """A piece of text as written: ``None`` when the field is not there at all."""

    value: str | None
    place: Place


@dataclass(frozen=True)
class Value:
    """Any other value as written: a number, a list of ids, a true/false."""

    value: object
    place: Place


@dataclass(frozen=True)
class OptionRecord:
    text: Text
    correct: bool
    feedback: Text
    place: Place


@dataclass(frozen=True)
class ChoiceRecord:
    """``options`` is ``None`` when the file gives none at all; ``place`` is where they are."""

    question: Text
    options: list[OptionRecord] | None
    place: Place
    damaged: bool = False  # the reader already reported a problem inside this entry


@dataclass(frozen=True)
class OrderRecord:
    prompt: Text
    items: list[tuple[Text, Text]] | None  # (item, detail) in the right order
    place: Place
    damaged: bool = False


@dataclass(frozen=True)
class WrittenRecord:
    prompt: Text
    model_answer: Text
    levels: dict[str, Text]  # by level name (complete, partial, not_yet); missing ones absent
    place: Place
    damaged: bool = False


@dataclass(frozen=True)
class GenerateRecord:
    """``about`` is what the item is about; ``about_field`` the name the file gave it (YAML's
    ``modules:``), or ``None`` where the format has no name for it (a sheet's cell)."""

    generator: Text
    about: Value | None
    place: Place
    about_field: str | None = None
    extras: dict[str, Value] = field(default_factory=dict)
    damaged: bool = False


class Wording(Protocol):
    """How a file format tells a teacher to type a fix (the rules are the same in every format)."""

    @property
    def mark_correct(self) -> str:
        """The hint when no option is marked correct."""
        ...

    @property
    def more_options(self) -> str:
        """The hint when a question has too few options."""
        ...

    @property
    def more_items(self) -> str:
        """The hint when an ordering task has too few or too many items."""
        ...

    def where(self, place: Place) -> str:
        """'on line 4' or 'in row 4'."""
        ...

    def missing(self, field: str) -> str:
        """The hint for a required field that is not there."""
        ...

    def one_correct(self, first: Place) -> str:
        """The hint when a second option is marked correct."""
        ...

    def add_feedback(self, correct: bool) -> str:
        """The hint for an option without feedback: one that explains the answer (``correct``)
        or says why the option is wrong (a whole sentence each, for the translator)."""
        ...


ProblemMaker = Callable[[Place, str, str], Problem]


class Findings:
    """Problems (the file cannot be used) and notices (it can, but look) as a reader collects
    them; the reader's makers turn a place into its kind of message (a line or a cell)."""

    def __init__(self, wording: Wording, problem: ProblemMaker, notice: ProblemMaker):
        self.wording = wording
        self._problem, self._notice = problem, notice
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []

    def problem(self, place: Place, message: str, hint: str = "") -> None:
        self.problems.append(self._problem(place, message, hint))

    def notice(self, place: Place, message: str, hint: str = "") -> None:
        self.notices.append(self._notice(place, message, hint))


def _text(found: Findings, text: Text, name: str) -> str | None:
    """A required text: missing or empty is a problem."""
    if text.value is None:
        found.problem(text.place, _("this field is missing"), found.wording.missing(name))
        return None
    if not text.value.strip():
        found.problem(text.place, _("the text is empty"), found.wording.missing(name))
        return None
    return text.value.strip()


# ---------------------------------------------------------------- multiple choice


def choice(record: ChoiceRecord, found: Findings) -> MultipleChoice | None:
    """The multiple-choice item of ``record``, or ``None`` with its problems in ``found``."""
    before = len(found.problems)
    question = _text(found, record.question, "question")
    if record.options is None:
        found.problem(record.place, _("this field is missing"), found.wording.more_options)
        return None
    if len(record.options) < 2:
        found.problem(
            record.place,
            _("the question has {count} option(s); it needs 2 or more").format(
                count=len(record.options)
            ),
            found.wording.more_options,
        )
        return None
    if len(record.options) > len(LETTERS):
        found.problem(
            record.place,
            _("the question has more than {count} options").format(count=len(LETTERS)),
        )
        return None
    options: list[Option] = []
    first_with: dict[str, Place] = {}
    for option in record.options:
        text = _text(found, option.text, "text")
        if text is None:
            continue
        if text in first_with:
            found.problem(
                option.text.place,
                _("the option '{text}' appears twice (also {where})").format(
                    text=text, where=found.wording.where(first_with[text])
                ),
                _("keep one of them"),
            )
        else:
            first_with[text] = option.place
        options.append(Option(text, option.correct, (option.feedback.value or "").strip()))
    right = [o for o in record.options if o.correct]
    if not right and not record.damaged and len(found.problems) == before:
        found.problem(
            record.place.at("correct"),
            _("no option of this question is marked correct"),
            found.wording.mark_correct,
        )
    for extra in right[1:]:
        found.problem(
            extra.place.at("correct"),
            _("a second option is marked correct; a question has exactly one right answer"),
            found.wording.one_correct(right[0].place),
        )
    _feedback_notices(record, options, found)
    if record.damaged or len(found.problems) > before or question is None:
        return None
    return MultipleChoice(question, tuple(options))


def _feedback_notices(record: ChoiceRecord, options: list[Option], found: Findings) -> None:
    """A notice for each option without feedback, and each wrong one whose feedback gives the
    answer away (then a second try is no test)."""
    places = {o.text.value.strip(): o.place for o in record.options or [] if o.text.value}
    for option in options:
        if not option.feedback:
            found.notice(
                places[option.text].at("feedback"),
                _(
                    "the option '{text}' has no feedback, so a learner who picks it sees "
                    "only '{shown}'"
                ).format(text=option.text, shown=option.feedback_text()),
                found.wording.add_feedback(option.correct),
            )
    if (
        len(options) < 2
        or sum(o.correct for o in options) != 1
        or len({o.text for o in options}) != len(options)
    ):
        return
    item = MultipleChoice("", tuple(options))
    for option in item.options_giving_the_answer_away():
        found.notice(
            places[option.text].at("feedback"),
            _(
                "the feedback of the wrong option '{text}' names the right answer "
                "'{answer}', so a learner who tries again need not think"
            ).format(text=option.text, answer=item.answer.text),
            _("say why '{text}' is wrong without naming the answer").format(text=option.text),
        )


# ---------------------------------------------------------------- ordering


def order(record: OrderRecord, found: Findings) -> Ordering | None:
    """The ordering item of ``record``, or ``None`` with its problems in ``found``."""
    before = len(found.problems)
    prompt = _text(found, record.prompt, "order")
    if record.items is None:
        found.problem(record.place, _("this field is missing"), found.wording.more_items)
        return None
    if not 2 <= len(record.items) <= 8:
        found.problem(
            record.place,
            _("the task has {count} item(s); it needs 2 to 8").format(count=len(record.items)),
            found.wording.more_items,
        )
        return None
    texts: list[str] = []
    details: list[str] = []
    for text, detail in record.items:
        value = (text.value or "").strip()
        if not value:
            found.problem(text.place, _("an item is empty"), _("write the item's text"))
        elif value in texts:
            found.problem(
                text.place,
                _("the item '{text}' appears twice").format(text=value),
                _("keep one of them"),
            )
        else:
            texts.append(value)
            details.append((detail.value or "").strip())
    if record.damaged or len(found.problems) > before or prompt is None:
        return None
    return Ordering(prompt, tuple(texts), tuple(details) if any(details) else ())


# ---------------------------------------------------------------- written answers


def written(record: WrittenRecord, found: Findings) -> WrittenAnswer | None:
    """The written-answer item of ``record``, or ``None`` with its problems in ``found``."""
    before = len(found.problems)
    prompt = _text(found, record.prompt, "write")
    model = _text(found, record.model_answer, "model_answer")
    levels = []
    for level in CHECKLIST_LEVELS:
        text = record.levels.get(level)
        if text is None or text.value is None:
            where = text.place if text is not None else record.place.at(level)
            found.problem(
                where,
                _("the checklist has no '{level}' level; it needs all three: {levels}").format(
                    level=level, levels=", ".join(CHECKLIST_LEVELS)
                ),
                found.wording.missing(level),
            )
            continue
        levels.append(_text(found, text, level))
    if record.damaged or len(found.problems) > before or prompt is None or model is None:
        return None
    return WrittenAnswer(prompt, model, tuple(levels))  # type: ignore[arg-type]


# ---------------------------------------------------------------- generated from the catalogue


def generated(record: GenerateRecord, found: Findings) -> QuizItem | None:
    """The item a generator makes from the catalogue, or ``None`` with its problems."""
    name = _text(found, record.generator, "generate")
    if name is None:
        return None
    spec = GENERATORS.get(name)
    if spec is None:
        found.problem(
            record.generator.place,
            _("there is no generator '{name}'").format(name=name),
            unknown_choice_hint(name, list(GENERATORS)),
        )
        return None
    before = len(found.problems)
    if record.about_field is not None and record.about_field != spec.about:
        if spec.about:
            message = _("{name} takes '{about}', not '{field}'")
            hint = _("write '{about}: ...'")
        else:
            message = _("{name} takes nothing to say what it is about, not '{field}'")
            hint = _("leave out '{field}'")
        words = {"name": name, "about": spec.about, "field": record.about_field}
        found.problem(
            record.about.place if record.about else record.place,
            message.format(**words),
            hint.format(**words),
        )
    if spec.about and spec.about_kind != "ids" and record.about is None:
        found.problem(record.place.at(spec.about), _("this field is missing"), _about_hint(name))
    numbers = {}
    for extra, value in record.extras.items():
        if extra not in spec.extras:
            found.problem(
                value.place,
                _("{name} does not take '{field}'").format(name=name, field=extra),
                _("it takes: {fields}").format(
                    fields=", ".join((spec.about,) * bool(spec.about) + spec.extras)
                ),
            )
        elif extra in ("seed", "n"):
            number = _whole_number(value.value)
            if number is None:
                found.problem(
                    value.place,
                    _("must be a whole number (got '{value}')").format(value=value.value),
                )
            else:
                numbers[extra] = number
    if record.damaged or len(found.problems) > before:
        return None
    question = record.extras.get("question")
    about = record.about.value if record.about else None
    try:
        return generate(
            name,
            about,  # type: ignore[arg-type]
            seed=numbers.get("seed", 0),
            n=numbers.get("n"),
            question=str(question.value) if question else None,
        )
    except ValueError as exc:
        where = record.about.place if record.about else record.generator.place
        found.problem(where, str(exc))
        return None


def _about_hint(name: str) -> str:
    spec = GENERATORS[name]
    example = {"module": "columbus", "expedition": "20", "event": "launch-zarya"}
    return _("add '{field}: {example}'").format(
        field=spec.about, example=example.get(spec.about, "...")
    )


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    text = str(value).strip()
    if re.fullmatch(r"[0-9]+(\.0)?", text):  # a sheet's number cell reads as '7.0'
        return int(float(text))
    return None


# ---------------------------------------------------------------- which lessons ask it

_LESSON = re.compile(r"[0-9]{1,2}(_[\w-]+)?|[A-Za-z][\w-]*")


def lesson_scope(value: Value | None, found: Findings) -> tuple[str, ...]:
    """The lessons an entry is asked in, from ``lessons: [01, 03]`` or a cell ``01, 03``;
    empty means every lesson. Numbers are written with two digits ('1' is '01')."""
    if value is None or value.value is None:
        return ()
    raw = value.value
    parts = raw if isinstance(raw, (list, tuple)) else re.split(r"[,;\s]+", str(raw))
    scope = []
    for part in parts:
        text = str(part).strip()
        if isinstance(part, int) and not isinstance(part, bool):
            text = f"{part:02d}"
        if not text:
            continue
        if not _LESSON.fullmatch(text):
            found.problem(
                value.place,
                _("'{text}' is not a lesson").format(text=text),
                _("give lessons by number or name, e.g. 01, 03 or 01_assembly"),
            )
            continue
        head = text.partition("_")[0]
        scope.append(f"{int(head):02d}" if head.isdigit() else text.lower())
    if not scope and not isinstance(raw, str):
        found.problem(
            value.place,
            _("the list of lessons is empty"),
            _("leave out 'lessons' for all"),
        )
    return tuple(scope)


def in_lesson(scope: tuple[str, ...], lesson: str | None) -> bool:
    """True when an entry with ``scope`` is asked in ``lesson`` ('01_assembly', '01' or None).

    An entry without a scope is asked everywhere; one with a scope only in the lessons it
    names (a lesson's notebook name, its number, or the name after the number).

    >>> in_lesson(("01",), "01_assembly"), in_lesson(("assembly",), "01_assembly")
    (True, True)
    >>> in_lesson(("03",), "01_assembly"), in_lesson((), None), in_lesson(("01",), None)
    (False, True, False)
    """
    if not scope:
        return True
    if lesson is None:
        return False
    head, _, rest = lesson.strip().lower().partition("_")
    names = {lesson.strip().lower(), rest}
    if head.isdigit():
        names.add(f"{int(head):02d}")
    return any(s in names for s in scope)

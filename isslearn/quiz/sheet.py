"""Quiz questions kept in a workbook's "Quiz" sheet, checked by the same validators as YAML.

One row per option; the question is typed on its first option's row and left empty below::

    question                          | option | correct | feedback
    Which module was launched first?  | Zarya  | yes     | Yes: 20 Nov 1998, ...
                                      | Unity  |         | Close; Unity followed ...

``correct`` is ``yes`` (or TRUE, x, 1) on the one right option and empty (or no, FALSE, 0) on
the others. Two more kinds of question take one row each:

- a written answer: the task in ``question``, a ``model_answer``, and what an answer looks
  like at each of the checklist's three levels in ``complete``, ``partial`` and ``not_yet``;
- a question made from the catalogue: ``generate`` names the generator and what it is about,
  e.g. ``launch_order: zarya, unity, zvezda`` or ``built_by: columbus`` (``question`` may
  word an ``event_year`` question yourself).

``lessons`` (e.g. ``01, 03``) asks a question only in those lessons. Each row is turned into
the records of :mod:`.records`, so the same mistakes stop the quiz and the same notices are
given as in YAML, each at the cell a teacher would click.
"""

from __future__ import annotations

import re

from ..errors import Problem
from ..language import N_, pgettext
from ..language import gettext as _
from ..reading.sheets import QUIZ_SHEET, place_problems, read_sheet_table
from ..reading.table import Table, check_columns, name_columns_as_written, read_translated_header
from ..reading.values import closest, match_in_any_language
from .files import QuizFile
from .generated import GENERATORS
from .items import CHECKLIST_LEVELS, QuizItem
from .records import (
    ChoiceRecord,
    Findings,
    GenerateRecord,
    OptionRecord,
    Place,
    Text,
    Value,
    WrittenRecord,
    choice,
    generated,
    lesson_scope,
    written,
)

__all__ = ["QUIZ_COLUMNS", "SheetWording", "read_quiz_sheet"]

QUIZ_COLUMNS = (
    "question",
    "option",
    "correct",
    "feedback",
    "model_answer",
    *CHECKLIST_LEVELS,
    "generate",
    "lessons",
)
"""The Quiz sheet's columns, in the template's order; the first three are required."""
REQUIRED_COLUMNS = QUIZ_COLUMNS[:3]
SYNONYMS = {
    "answer": "option",
    "options": "option",
    "text": "option",
    "right": "correct",
    "explanation": "feedback",
    "questions": "question",
    "model": "model_answer",
    "lesson": "lessons",
}
_YES = {"yes", "y", "true", "x", "1", "correct", "✓", "✔", "oui", "ja", "sí", "si"}
_NO = {"", "no", "n", "false", "0", "non", "nein"}
_WRITTEN = ("model_answer", *CHECKLIST_LEVELS)
# Whole sentences for each kind of row that takes no options (a translation needs the noun's
# gender, so the sentences are not built from the kind's name).
_NO_OPTIONS = {
    "written": N_("a written task has no options"),
    "generate": N_("a generated question has no options"),
}
_BELOW = {
    "written": N_("this option is below a written task (row {row}), which has none"),
    "generate": N_("this option is below a generated question (row {row}), which has none"),
}


def _column(name: str) -> str:
    """A Quiz column's name as this language's template writes it (``correct``: bonne_réponse)."""
    return pgettext("quiz column", name)


def _yes() -> str:
    """'yes' as this language's template offers it in the 'correct' drop-down."""
    return pgettext("quiz answer", "yes")


class SheetWording:
    """How a fix is typed in a Quiz sheet (see :class:`~.records.Wording`)."""

    @property
    def mark_correct(self) -> str:
        return _("type '{yes}' in the '{correct}' cell of the right option").format(
            yes=_yes(), correct=_column("correct")
        )

    @property
    def more_options(self) -> str:
        return _(
            "put each option on its own row below the question, leaving '{question}' empty"
        ).format(question=_column("question"))

    @property
    def more_items(self) -> str:
        return _("give the modules after the generator's name, e.g. launch_order: zarya, unity")

    def where(self, place: Place) -> str:
        return _("in row {row}").format(row=place.line)

    def missing(self, field: str) -> str:
        return _("type it in the '{field}' column").format(field=_column(field))

    def one_correct(self, first: Place) -> str:
        return _("keep '{yes}' only in row {row}").format(yes=_yes(), row=first.line)

    def add_feedback(self, correct: bool) -> str:
        if correct:
            return _("type feedback here that explains the answer")
        return _("type feedback here that says why it is wrong")


def read_quiz_sheet(data: bytes, name: str) -> QuizFile:
    """The quiz in the workbook ``data``'s Quiz sheet; ``name`` is what messages call the file."""
    table = read_sheet_table(data, name, QUIZ_SHEET)
    items: list[QuizItem] = []
    scopes: list[tuple[str, ...]] = []
    if table.header and not table.problems:
        _underscored(table)
        read_translated_header(table, QUIZ_COLUMNS, "quiz column")  # a French template's
        _check_columns(table)
    if table.header and not table.problems:
        items, scopes = _entries(table)
        if not items and not table.problems:
            table.problems.append(
                Problem(
                    name,
                    table.header_line,
                    "question",
                    _("the sheet has a header but no questions"),
                    _("type a question in the row below, with its first option beside it"),
                )
            )
    place_problems(table)
    name_columns_as_written(table)
    if table.problems:
        return QuizFile(name, problems=table.problems, notices=table.notices)
    return QuizFile(name, items, notices=table.notices, scopes=scopes, read_as=table.read_as)


def _underscored(table: Table) -> None:
    """'model answer' and 'not yet' as a teacher may type them are the same columns."""
    rename = {h: re.sub(r"[\s-]+", "_", h) for h in table.header if re.search(r"[\s-]", h)}
    if not rename:
        return
    table.header = [rename.get(h, h) for h in table.header]
    table.columns = {rename.get(h, h): i for h, i in table.columns.items()}
    table.written = {rename.get(h, h): w for h, w in table.written.items()}
    table.value = [
        (line, {rename.get(k, k): v for k, v in row.items()}) for line, row in table.rows
    ]


def _check_columns(table: Table) -> None:
    """Unknown and missing columns, with "did you mean", as for the events' columns."""
    missing = [c for c in REQUIRED_COLUMNS if c not in table.header]
    unknown = [h for h in table.header if h not in QUIZ_COLUMNS]
    for column in missing:
        hint = _("the Quiz sheet's columns are: {columns}").format(columns=", ".join(QUIZ_COLUMNS))
        typo = next((h for h in unknown if SYNONYMS.get(h) == column), None) or closest(
            column, unknown
        )
        if typo:
            hint += _("; did you mean '{column}' where it says '{written}'?").format(
                column=column, written=table.written.get(typo, typo)
            )
        table.problems.append(
            Problem(table.file, table.header_line, column, _("required column is missing"), hint)
        )
    check_columns(table, QUIZ_COLUMNS, SYNONYMS, reported=missing)


def _findings(table: Table) -> Findings:
    def problem(place: Place, message: str, hint: str) -> Problem:
        return Problem(table.file, place.line, place.field, message, hint)

    def notice(place: Place, message: str, hint: str) -> Problem:
        return Problem.notice(table.file, place.line, place.field, message, hint)

    return Findings(SheetWording(), problem, notice)


class _Group:
    """A question's rows as they are read: its first row and the option rows below it."""

    def __init__(self, line: int, row: dict[str, str]):
        self.line, self.row = line, row
        self.options: list[tuple[int, dict[str, str]]] = []
        self.damaged = False

    @property
    def kind(self) -> str:
        if self.row.get("generate"):
            return "generate"
        if any(self.row.get(c) for c in _WRITTEN):
            return "written"
        return "choice"


def _entries(table: Table) -> tuple[list[QuizItem], list[tuple[str, ...]]]:
    found = _findings(table)
    groups: list[_Group] = []
    for line, row in table.rows:
        if row.get("question") or row.get("generate"):
            group = _Group(line, row)
            groups.append(group)
            if group.kind == "choice" and row.get("option"):
                group.options.append((line, row))
            elif group.kind == "choice":
                found.problem(
                    Place(line, "option"),
                    _("the option is empty"),
                    _("type the question's first option here; each option has its own row"),
                )
                group.damaged = True
            elif row.get("option"):
                found.problem(
                    Place(line, "option"),
                    _(_NO_OPTIONS[group.kind]),
                    _("leave '{option}' empty on its row").format(option=_column("option")),
                )
            continue
        if not groups:
            found.problem(
                Place(line, "question"),
                _("this option has no question above it"),
                _("type the question in this cell, on its first option's row"),
            )
            continue
        group = groups[-1]
        if not row.get("option"):
            if row.get("correct") or row.get("feedback"):
                found.problem(
                    Place(line, "option"),
                    _("the option is empty"),
                    _("type the option's text here; each option has its own row"),
                )
                group.damaged = True
            continue
        if group.kind != "choice":
            found.problem(
                Place(line, "option"),
                _(_BELOW[group.kind]).format(row=group.line),
                _("start a new question in the '{question}' cell of its first option's row").format(
                    question=_column("question")
                ),
            )
            continue
        group.options.append((line, row))
    items: list[QuizItem] = []
    scopes: list[tuple[str, ...]] = []
    for group in groups:
        item = _item(group, found)
        lessons = group.row.get("lessons", "")
        scope = lesson_scope(Value(lessons, Place(group.line, "lessons")), found)
        if item is not None:
            items.append(item)
            scopes.append(scope)
    table.problems += found.problems
    table.notices += found.notices
    return items, scopes


def _item(group: _Group, found: Findings) -> QuizItem | None:
    line, row = group.line, group.row
    if group.kind == "written":
        levels = {
            level: Text(row.get(level) or None, Place(line, level)) for level in CHECKLIST_LEVELS
        }
        record = WrittenRecord(
            Text(row.get("question") or None, Place(line, "question")),
            Text(row.get("model_answer") or None, Place(line, "model_answer")),
            {k: v for k, v in levels.items() if v.value is not None},
            Place(line, "model_answer"),
        )
        return written(record, found)
    if group.kind == "generate":
        return _generated(group, found)
    options = []
    for option_line, option_row in group.options:
        flag = option_row.get("correct", "").strip().lower()
        if match_in_any_language(flag, ("yes",), "quiz answer"):  # a template's drop-down
            flag = "yes"
        if flag not in _YES | _NO:
            found.problem(
                Place(option_line, "correct"),
                _("must be '{yes}' or empty (got '{value}')").format(
                    yes=_yes(), value=option_row["correct"]
                ),
                _("type '{yes}' for the one right option and leave the others empty").format(
                    yes=_yes()
                ),
            )
            group.damaged = True
            continue
        options.append(
            OptionRecord(
                Text(option_row["option"], Place(option_line, "option")),
                flag in _YES,
                Text(option_row.get("feedback", ""), Place(option_line, "feedback")),
                Place(option_line, "option"),
            )
        )
    question = Text(row.get("question"), Place(line, "question"))
    return choice(ChoiceRecord(question, options, Place(line, "option"), group.damaged), found)


def _generated(group: _Group, found: Findings) -> QuizItem | None:
    """``launch_order: zarya, unity`` in the generate cell: the generator, then its subject."""
    line, row = group.line, group.row
    name, _, about_text = row["generate"].partition(":")
    name = name.strip().lower().replace(" ", "_")
    spec = GENERATORS.get(name)
    about = None
    if about_text.strip():
        parts = [p.strip() for p in re.split(r"[,;]", about_text) if p.strip()]
        listed = spec is not None and spec.about_kind == "ids"
        about = Value(parts if listed else about_text.strip(), Place(line, "generate"))
    extras = {}
    if row.get("question"):
        extras["question"] = Value(row["question"], Place(line, "question"))
    record = GenerateRecord(
        Text(name, Place(line, "generate")), about, Place(line, "generate"), extras=extras
    )
    return generated(record, found)

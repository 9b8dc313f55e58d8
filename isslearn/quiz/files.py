"""Read a teacher's quiz file (YAML), or say exactly which line is wrong and how to fix it.

The format is a list; each entry is either a multiple-choice question or an ordering task::

    - question: Which module was launched first?
      options:
        - text: Zarya
          correct: true
          feedback: Yes, it went up on 20 Nov 1998, two weeks before Unity.
        - text: Unity
          feedback: Close; Unity followed two weeks later.
    - order: Put these modules in launch order, earliest first.
      items:                      # written in the RIGHT order; learners see them shuffled
        - Zarya
        - text: Unity
          detail: 4 Dec 1998      # optional, shown beside the item in the feedback

Multiple choice: ``question`` and ``options`` (2 or more, exactly one ``correct: true``);
``feedback`` is optional but worth writing for every option (a plain default is shown
otherwise). Ordering: ``order`` (the instruction) and ``items`` (2 to 8, each a text or
``text`` plus ``detail``). Text containing ``: `` or starting with a quote or bracket must be
put in double quotes. The file is only read, never changed.

Besides problems (which stop the file from loading), the reader gives *notices* for things
that load but are probably not what the teacher meant: an option without feedback (the
learner would only see a plain default), and text cut short by `` #`` (YAML reads the rest of
the line as a comment). :func:`load_quiz_file` shows each notice once, like every isslearn
notice (:mod:`isslearn.reading.notices`), as ``FILE:LINE: notice: ...`` under the cell; ``isslearn
check`` prints them above its "OK" line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import Problem, QuizFileError
from ..language import N_
from ..language import gettext as _
from ..reading.files import read_bytes
from ..reading.notices import tell_notices
from ..reading.result import Reading
from ..reading.sheets import WORKBOOK_SUFFIXES, is_workbook
from ..reading.values import unknown_choice_hint
from ..reading.yaml_file import FieldProblem, read_yaml
from .items import CHECKLIST_LEVELS, MultipleChoice, Ordering, QuizItem, WrittenAnswer
from .records import (
    ChoiceRecord,
    Findings,
    GenerateRecord,
    OptionRecord,
    OrderRecord,
    Place,
    Text,
    Value,
    WrittenRecord,
    choice,
    generated,
    in_lesson,
    lesson_scope,
    order,
    written,
)

__all__ = [
    "QuizFile",
    "load_quiz_file",
    "parse_quiz_file",
    "quiz_file_notices",
    "read_quiz_file",
    "validate_quiz_file",
]

Fields = dict[str, tuple[yaml.Node, yaml.Node]]
"""A YAML mapping's fields: key -> (key node, value node)."""

QUESTION_KEYS = ("question", "options", "lessons")
OPTION_KEYS = ("text", "correct", "feedback")
ORDER_KEYS = ("order", "items", "lessons")
ORDER_ITEM_KEYS = ("text", "detail")
WRITTEN_KEYS = ("write", "model_answer", "checklist", "lessons")
ABOUT_KEYS = ("modules", "module", "expedition", "event")
GENERATE_EXTRAS = ("seed", "n", "question")
GENERATE_KEYS = ("generate", *ABOUT_KEYS, *GENERATE_EXTRAS, "lessons")
ALL_KEYS = tuple(dict.fromkeys(QUESTION_KEYS + ORDER_KEYS + WRITTEN_KEYS + GENERATE_KEYS))
KINDS = {  # which field marks an entry's kind (checked in this order)
    "generated": ("generate",),
    "written": ("write", "model_answer", "checklist"),
    "ordering": ("order", "items"),
    "multiple_choice": ("question", "options"),
}
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


@dataclass
class QuizFile(Reading[list[QuizItem]]):
    """What reading a quiz file found (a :class:`~isslearn.reading.result.Reading`): its items
    (``value``, none if there are problems), the problems that stop it from loading, and
    notices about things that load but look unintended.

    ``scopes`` holds, for each item, the lessons it is asked in (empty: every lesson).
    """

    value: list[QuizItem] = field(default_factory=list)
    scopes: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def items(self) -> list[QuizItem]:
        """The quiz items: the reading's ``value``."""
        return self.value

    def for_lesson(self, lesson: str | None) -> list[QuizItem]:
        """The items asked in ``lesson`` (a name such as '01_assembly'; ``None``: a lesson of
        the teacher's own, which asks the items that name no lesson)."""
        scopes = self.scopes or [()] * len(self.items)
        return [i for i, s in zip(self.items, scopes, strict=True) if in_lesson(s, lesson)]


def read_quiz_file(path: str | os.PathLike[str]) -> QuizFile:
    """Read the quiz file at ``path``: items, problems and notices. Never raises for bad input."""
    problems: list[Problem] = []
    data = read_bytes(Path(path), problems, kind="quiz file")
    if data is None:
        return QuizFile(str(path), problems=problems)
    if is_workbook(data) or Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        from .sheet import read_quiz_sheet  # a workbook's "Quiz" sheet

        return read_quiz_sheet(data, str(path))
    if Path(path).suffix.lower() in _TABLE_SUFFIXES:
        return QuizFile(str(path), problems=[_not_a_quiz_file(str(path))])
    return parse_quiz_file(data, str(path))


_TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


def _not_a_quiz_file(name: str) -> Problem:
    """A CSV given as the quiz: said in one line, not as the YAML reader's errors."""
    return Problem(
        name,
        1,
        None,
        _(
            "a quiz is read from a YAML file (.yaml) or from the Quiz sheet of a workbook "
            "(.xlsx, .ods), not from a CSV file (CSV files hold events)"
        ),
        _(
            "write your questions in a file made by `isslearn template quiz.yaml`, or in the "
            "Quiz sheet of one made by `isslearn template my_class.xlsx`"
        ),
    )


def validate_quiz_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in the quiz file at ``path``; an empty list means it loads."""
    return read_quiz_file(path).problems


def quiz_file_notices(path: str | os.PathLike[str]) -> list[Problem]:
    """Notices about the quiz file at ``path``: options without feedback, text cut by ``#``."""
    return read_quiz_file(path).notices


def load_quiz_file(path: str | os.PathLike[str]) -> list[QuizItem]:
    """The quiz items in ``path``; raises :class:`QuizFileError` listing every problem.

    Each notice is shown once, as every isslearn notice is (:func:`isslearn.reading.notices.tell`).
    """
    found = read_quiz_file(path)
    if found.problems:
        raise QuizFileError(found.problems)
    tell_notices(found)  # the same channel as every other notice: once, no traceback
    return found.items


def parse_quiz_file(data: bytes, name: str) -> QuizFile:
    """Parse quiz YAML bytes; ``name`` is what messages call the file. Never raises."""
    read = read_yaml(data, name)
    if read.value is None:
        return QuizFile(name, problems=read.problems)
    text, root = read.value.text, read.value.root
    if root is None or (isinstance(root, yaml.ScalarNode) and not root.value.strip()):
        return QuizFile(
            name,
            problems=[
                FieldProblem(
                    name,
                    1,
                    None,
                    _("the file has no questions"),
                    _("start with a line '- question: ...'"),
                )
            ],
        )
    return _Reader(name, text).entries(root)


class YamlWording:
    """How a fix is typed in a YAML quiz file (see :class:`~.records.Wording`)."""

    @property
    def mark_correct(self) -> str:
        return _("add 'correct: true' to the right option")

    @property
    def more_options(self) -> str:
        return _("start each option with '- text: ...' on its own line")

    @property
    def more_items(self) -> str:
        return _("list them in the right order, each on its own line starting with '- '")

    def where(self, place: Place) -> str:
        return _("on line {line}").format(line=place.line)

    def missing(self, field: str) -> str:
        return _("add '{field}: ...'").format(field=field)

    def one_correct(self, first: Place) -> str:
        return _("keep 'correct: true' only on line {line}").format(line=first.line)

    def add_feedback(self, correct: bool) -> str:
        if correct:
            return _("add 'feedback: ...' under it that explains the answer")
        return _("add 'feedback: ...' under it that says why it is wrong")


class _Reader:
    """Walks the YAML nodes into records (see :mod:`.records`), reporting YAML's own mistakes
    (unknown or repeated fields, a list where text belongs) with the line they are on; the
    records' validators check the rest."""

    def __init__(self, name: str, text: str = ""):
        self.name = name
        self.lines = text.splitlines()
        self.found = Findings(
            YamlWording(),
            lambda place, message, hint: FieldProblem(name, place.line, place.field, message, hint),
            lambda place, message, hint: FieldProblem.notice(
                name, place.line, place.field, message, hint
            ),
        )

    def place(self, node: yaml.Node, field: str | None = None) -> Place:
        return Place(node.start_mark.line + 1, field)

    def problem(self, node: yaml.Node, field: str | None, message: str, hint: str = "") -> None:
        self.found.problem(self.place(node, field), message, hint)

    def comment_after(self, value: yaml.Node) -> str | None:
        """The comment on the line where a plain ``value`` ends, if one follows it directly.

        YAML drops everything after ' #' in unquoted text; a comment one space after the text
        is almost always text the teacher meant to keep.
        """
        if not isinstance(value, yaml.ScalarNode) or value.style is not None:
            return None
        line = value.end_mark.line
        if line >= len(self.lines):
            return None
        rest = self.lines[line][value.end_mark.column :]
        if value.tag == _NULL:  # 'feedback: #1 choice' leaves nothing before the comment
            return rest.strip() if rest.strip().startswith("#") else None
        return rest.strip() if rest.startswith(" #") else None

    def entries(self, root: yaml.Node) -> QuizFile:
        if not isinstance(root, yaml.SequenceNode):
            self.problem(
                root,
                None,
                _("the file must be a list of questions"),
                _("start each question with '- ', e.g. '- question: Which module came first?'"),
            )
            return QuizFile(self.name, [], self.found.problems, self.found.notices)
        items: list[QuizItem] = []
        scopes: list[tuple[str, ...]] = []
        for node in root.value:
            scope: tuple[str, ...] = ()
            item = self.entry(node)
            if isinstance(node, yaml.MappingNode):
                lessons = next((v for k, v in node.value if _key(k) == "lessons"), None)
                if lessons is not None:
                    scope = lesson_scope(self.value(lessons, "lessons"), self.found)
            if item is not None:
                items.append(item)
                scopes.append(scope)
        if not root.value:
            self.problem(root, None, _("the list of questions is empty"))
        ok = not self.found.problems
        return QuizFile(
            self.name,
            items if ok else [],
            self.found.problems,
            self.found.notices,
            scopes=scopes if ok else [],
        )

    def mapping(self, node: yaml.Node, allowed: tuple[str, ...], what: str) -> Fields | None:
        """Keys -> (key node, value node) of a mapping, reporting unknown and repeated keys."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node, None, _("{what} must be a set of 'key: value' lines").format(what=_(what))
            )
            return None
        fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = _key(key_node)
            if key in fields:
                self.problem(key_node, key, _("this field appears twice"), _("keep one of them"))
            elif key not in allowed:
                hint = unknown_choice_hint(key, allowed)
                message = _("unknown field in {what}").format(what=_(what))
                self.problem(key_node, key, message, hint)
            else:
                fields[key] = (key_node, value_node)
        return fields

    def text(self, fields: Fields, key: str, parent: yaml.Node) -> Text:
        """The text of ``key`` (``None`` if absent), noticing a ' #' that cut it short."""
        if key not in fields:
            return Text(None, self.place(parent, key))
        key_node, value = fields[key]
        if not isinstance(value, yaml.ScalarNode):
            self.problem(value, key, _("must be a piece of text, not a list or a set of fields"))
            return Text("", self.place(key_node, key))
        text = "" if value.tag == _NULL else str(value.value).strip()
        comment = self.comment_after(value)
        if comment is not None:
            if text:
                message = _(
                    "the text stops at ' #': YAML reads '{comment}' as a comment and keeps '{text}'"
                )
            else:
                message = _(
                    "the text stops at ' #': YAML reads '{comment}' as a comment and keeps nothing"
                )
            self.found.notice(
                self.place(value, key),
                message.format(comment=comment, text=text),
                _("put the whole text in double quotes to keep the '#' and what follows it"),
            )
        return Text(text, self.place(key_node, key))

    def value(self, node: yaml.Node, key: str) -> Value:
        """A number, id or list of ids as YAML typed it (lists of plain values only)."""
        if isinstance(node, yaml.SequenceNode):
            parts = []
            for part in node.value:
                if isinstance(part, yaml.ScalarNode):
                    parts.append(self._scalar(part))
                else:
                    self.problem(part, key, _("each entry of the list must be a plain value"))
            return Value(parts, self.place(node, key))
        if isinstance(node, yaml.ScalarNode):
            return Value(self._scalar(node), self.place(node, key))
        self.problem(node, key, _("must be a value or a list, not a set of fields"))
        return Value(None, self.place(node, key))

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> object:
        if node.tag == "tag:yaml.org,2002:int":
            return int(node.value) if node.value.isdigit() else node.value  # "03" is 3, not octal
        return None if node.tag == _NULL else str(node.value).strip()

    def entry(self, node: yaml.Node) -> QuizItem | None:
        if not isinstance(node, yaml.MappingNode):
            return self.multiple_choice(node)
        keys = {_key(k) for k, _ in node.value}
        for kind, marks in KINDS.items():
            if keys & set(marks):
                return getattr(self, kind)(node)
        self.problem(
            node,
            None,
            _(
                "each entry needs a 'question' (with 'options'), an 'order' (with 'items'), a "
                "'write' (with 'model_answer' and 'checklist') or a 'generate'"
            ),
            _("see `isslearn template quiz.yaml` for an example of each"),
        )
        self.mapping(node, ALL_KEYS, N_("an entry"))
        return None

    def multiple_choice(self, node: yaml.Node) -> MultipleChoice | None:
        fields = self.mapping(node, QUESTION_KEYS, N_("a question"))
        if fields is None:
            return None
        before = len(self.found.problems)
        question = self.text(fields, "question", node)
        options: list[OptionRecord] | None = None
        where = self.place(node, "options")
        if "options" in fields:
            key_node, seq = fields["options"]
            where = self.place(key_node, "options")
            if isinstance(seq, yaml.SequenceNode):
                options = [o for o in map(self.option, seq.value) if o is not None]
            else:
                options = []
        record = ChoiceRecord(question, options, where, len(self.found.problems) > before)
        return choice(record, self.found)

    def option(self, node: yaml.Node) -> OptionRecord | None:
        if isinstance(node, yaml.ScalarNode):
            self.problem(
                node,
                "options",
                _("the option '{text}' is plain text").format(text=node.value),
                _("write it as '- text: {text}' with 'feedback: ...' below it").format(
                    text=node.value
                ),
            )
            return None
        fields = self.mapping(node, OPTION_KEYS, N_("an option"))
        if fields is None:
            return None
        return OptionRecord(
            self.text(fields, "text", node),
            self.flag(fields),
            self.text(fields, "feedback", node),
            self.place(node),
        )

    def flag(self, fields: Fields) -> bool:
        if "correct" not in fields:
            return False
        value = fields["correct"][1]
        if isinstance(value, yaml.ScalarNode) and value.tag == _BOOL:
            return value.value.strip().lower() in ("true", "yes", "on")
        shown = value.value if isinstance(value, yaml.ScalarNode) else _("a list")
        message = _("must be true or false (got '{value}')").format(value=shown)
        self.problem(value, "correct", message)
        return False

    def ordering(self, node: yaml.Node) -> Ordering | None:
        fields = self.mapping(node, ORDER_KEYS, N_("an ordering task"))
        if fields is None:
            return None
        before = len(self.found.problems)
        prompt = self.text(fields, "order", node)
        items: list[tuple[Text, Text]] | None = None
        where = self.place(node, "items")
        if "items" in fields:
            key_node, seq = fields["items"]
            where = self.place(key_node, "items")
            items = []
            for item in seq.value if isinstance(seq, yaml.SequenceNode) else []:
                if isinstance(item, yaml.ScalarNode):
                    text = "" if item.tag == _NULL else str(item.value).strip()
                    items.append((Text(text, self.place(item, "items")), Text("", where)))
                    continue
                item_fields = self.mapping(item, ORDER_ITEM_KEYS, N_("an item"))
                if item_fields is not None:
                    text_of = self.text(item_fields, "text", item)
                    if text_of.value is None:
                        self.problem(item, "text", _("this field is missing"), _("add 'text: ...'"))
                    items.append((text_of, self.text(item_fields, "detail", item)))
        record = OrderRecord(prompt, items, where, len(self.found.problems) > before)
        return order(record, self.found)

    def written(self, node: yaml.Node) -> WrittenAnswer | None:
        fields = self.mapping(node, WRITTEN_KEYS, N_("a written task"))
        if fields is None:
            return None
        before = len(self.found.problems)
        prompt = self.text(fields, "write", node)
        model = self.text(fields, "model_answer", node)
        levels: dict[str, Text] = {}
        where = self.place(node, "checklist")
        if "checklist" not in fields:
            self.problem(
                node,
                "checklist",
                _("this field is missing"),
                _("add 'checklist:' with three lines under it: {fields}").format(
                    fields=", ".join(f"'{level}: ...'" for level in CHECKLIST_LEVELS)
                ),
            )
        else:
            key_node, checklist = fields["checklist"]
            where = self.place(key_node, "checklist")
            level_fields = self.mapping(checklist, CHECKLIST_LEVELS, N_("the checklist"))
            for level in CHECKLIST_LEVELS:
                if level_fields is not None and level in level_fields:
                    levels[level] = self.text(level_fields, level, checklist)
        record = WrittenRecord(prompt, model, levels, where, len(self.found.problems) > before)
        return written(record, self.found)

    def generated(self, node: yaml.Node) -> QuizItem | None:
        fields = self.mapping(node, GENERATE_KEYS, N_("a generated question"))
        if fields is None:
            return None
        before = len(self.found.problems)
        generator = self.text(fields, "generate", node)
        about_keys = [k for k in ABOUT_KEYS if k in fields]
        for extra in about_keys[1:]:
            message = _("give '{field}' or '{other}', not both").format(
                field=about_keys[0], other=extra
            )
            self.problem(fields[extra][0], extra, message)
        about = about_field = None
        if about_keys:
            about_field = about_keys[0]
            about = self.value(fields[about_field][1], about_field)
        extras = {key: self.value(fields[key][1], key) for key in GENERATE_EXTRAS if key in fields}
        record = GenerateRecord(
            generator,
            about,
            self.place(node),
            about_field,
            extras,
            len(self.found.problems) > before,
        )
        return generated(record, self.found)


def _key(node: yaml.Node) -> str:
    return str(node.value).strip().lower()

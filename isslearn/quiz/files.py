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
notice (:mod:`isslearn.notices`), as ``FILE:LINE: notice: ...`` under the cell; ``isslearn
check`` prints them above its "OK" line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import Problem, QuizFileError
from ..files import decode, read_bytes
from ..notices import tell
from ..sheets import WORKBOOK_SUFFIXES, is_workbook
from ..values import unknown_choice_hint
from .items import MultipleChoice, Option, Ordering, QuizItem

__all__ = [
    "FieldProblem",
    "QuizFile",
    "load_quiz_file",
    "parse_quiz_file",
    "quiz_file_notices",
    "read_quiz_file",
    "validate_quiz_file",
]

Fields = dict[str, tuple[yaml.Node, yaml.Node]]
"""A YAML mapping's fields: key -> (key node, value node)."""

QUESTION_KEYS = ("question", "options")
OPTION_KEYS = ("text", "correct", "feedback")
ORDER_KEYS = ("order", "items")
ORDER_ITEM_KEYS = ("text", "detail")
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
QUOTE_HINT = (
    "if a question, option or feedback contains ': ' or ' #', or starts with a quote, "
    "'[', '{', '*', '&', '!', '|', '>', '%' or '@', put the whole text in double quotes"
)


class FieldProblem(Problem):
    """A :class:`Problem` in a YAML file, where the place is a field rather than a column."""

    def __str__(self) -> str:
        what = f"field '{self.column}': {self.message}" if self.column else self.message
        return f"{self.file}:{self.line}: " + what + (f"; {self.hint}" if self.hint else "")


class FieldNotice(FieldProblem):
    """Something that loads but is probably not what the teacher meant."""

    def __str__(self) -> str:
        return super().__str__().replace(": ", ": notice: ", 1)


@dataclass(frozen=True)
class QuizFile:
    """What reading a quiz file found: the items (empty if there are problems), the problems
    that stop it from loading, and notices about things that load but look unintended."""

    items: list[QuizItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)


def read_quiz_file(path: str | os.PathLike[str]) -> QuizFile:
    """Read the quiz file at ``path``: items, problems and notices. Never raises for bad input."""
    problems: list[Problem] = []
    data = read_bytes(Path(path), problems, kind="quiz file")
    if data is None:
        return QuizFile(problems=problems)
    if is_workbook(data) or Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        from .sheet import read_quiz_sheet  # a workbook's "Quiz" sheet

        return read_quiz_sheet(data, str(path))
    return parse_quiz_file(data, str(path))


def validate_quiz_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in the quiz file at ``path``; an empty list means it loads."""
    return read_quiz_file(path).problems


def quiz_file_notices(path: str | os.PathLike[str]) -> list[Problem]:
    """Notices about the quiz file at ``path``: options without feedback, text cut by ``#``."""
    return read_quiz_file(path).notices


def load_quiz_file(path: str | os.PathLike[str]) -> list[QuizItem]:
    """The quiz items in ``path``; raises :class:`QuizFileError` listing every problem.

    Each notice is shown once, as every isslearn notice is (:func:`isslearn.notices.tell`).
    """
    found = read_quiz_file(path)
    if found.problems:
        raise QuizFileError(found.problems)
    for notice in found.notices:
        tell(str(notice))  # the same channel as every other notice: once, no traceback
    return found.items


def parse_quiz_file(data: bytes, name: str) -> QuizFile:
    """Parse quiz YAML bytes; ``name`` is what messages call the file. Never raises."""
    problems: list[Problem] = []
    text = decode(data, name, problems)
    if text is None:
        return QuizFile(problems=problems)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return QuizFile(problems=[_syntax_problem(exc, text, name)])
    except yaml.YAMLError as exc:
        return QuizFile(problems=[FieldProblem(name, 1, None, f"the YAML cannot be read ({exc})")])
    if root is None or (isinstance(root, yaml.ScalarNode) and not root.value.strip()):
        return QuizFile(
            problems=[
                FieldProblem(
                    name,
                    1,
                    None,
                    "the file has no questions",
                    "start with a line '- question: ...'",
                )
            ]
        )
    return _Reader(name, text).entries(root)


INDENT_HINT = (
    "YAML uses the spaces at the start of each line to see what belongs together: "
    "give the fields of one option (text, correct, feedback) the same indentation, start "
    "every '- ' of one list in the same column, and use spaces, not tabs"
)
_LINE_START = re.compile(r"^( *)(- +)?")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """A YAML parser error in plain words: a tab, a quote left open or closed too early, a line
    out of line, or a colon in unquoted text."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    why = exc.problem or exc.context or ""
    if "'\\t'" in why:
        return FieldProblem(
            name, line, None, "a tab is used for indentation", "indent with spaces, not tabs"
        )
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        return FieldProblem(
            name,
            exc.context_mark.line + 1,
            None,
            "a quote opened on this line is never closed",
            "end the text with the same quote mark it starts with",
        )
    if "but found '<scalar>'" in why:
        return FieldProblem(
            name,
            line,
            None,
            "the text goes on after its closing quote",
            "put the whole text inside the quotes",
        )
    lines = text.splitlines()
    if mark is not None and _is_indentation_error(why, mark, lines):
        return FieldProblem(name, line, None, _misaligned(lines, mark.line), INDENT_HINT)
    return FieldProblem(
        name, line, None, "the YAML cannot be read here (a ':' or a quote in the text?)", QUOTE_HINT
    )


def _is_indentation_error(why: str, mark: yaml.Mark, lines: list[str]) -> bool:
    if "expected <block end>" in why:
        return True
    if "mapping values are not allowed" in why and mark.line < len(lines):
        # the ':' right after the line's first word means the key itself is out of line;
        # a ':' later in the line is a colon inside unquoted text
        start = _LINE_START.match(lines[mark.line])
        head = lines[mark.line][start.end() if start else 0 : mark.column]
        return bool(re.fullmatch(r"[A-Za-z_]+", head.strip()))
    return False


def _columns(line: str) -> tuple[int | None, int]:
    """(column of a leading '- ', column of the first field) counting from 1."""
    found = _LINE_START.match(line)
    assert found is not None  # the pattern matches every string
    dash = len(found.group(1)) + 1 if found.group(2) else None
    return dash, found.end() + 1


def _misaligned(lines: list[str], index: int) -> str:
    """'line 5 is out of line: ...' naming the earlier line it should line up with."""
    bad = lines[index]
    dash, key = _columns(bad)
    earlier = [
        (n, line)
        for n, line in enumerate(lines[:index])
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if dash is not None:
        for n, line in reversed(earlier):
            other_dash, _ = _columns(line)
            if other_dash is not None and other_dash <= dash + 2 and other_dash != dash:
                return (
                    f"line {index + 1} is not lined up with the lines above it: its '- ' is in "
                    f"column {dash}, the '- ' on line {n + 1} in column {other_dash}"
                )
    if earlier:
        n, line = earlier[-1]
        _, other_key = _columns(line)
        return (
            f"line {index + 1} is not lined up with the lines above it: it starts in column "
            f"{key}, line {n + 1} in column {other_key}"
        )
    return f"line {index + 1} is indented, but nothing comes before it"


class _Reader:
    """Walks the YAML nodes, collecting items and every problem with the line it is on."""

    def __init__(self, name: str, text: str = ""):
        self.name = name
        self.lines = text.splitlines()
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []

    def problem(self, node: yaml.Node, field: str | None, message: str, hint: str = "") -> None:
        self.problems.append(
            FieldProblem(self.name, node.start_mark.line + 1, field, message, hint)
        )

    def notice(self, node: yaml.Node, field: str | None, message: str, hint: str = "") -> None:
        self.notices.append(FieldNotice(self.name, node.start_mark.line + 1, field, message, hint))

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
                "the file must be a list of questions",
                "start each question with '- ', e.g. '- question: Which module came first?'",
            )
            return QuizFile([], self.problems, self.notices)
        items: list[QuizItem] = []
        for node in root.value:
            item = self.entry(node)
            if item is not None:
                items.append(item)
        if not root.value:
            self.problem(root, None, "the list of questions is empty")
        return QuizFile(items if not self.problems else [], self.problems, self.notices)

    def mapping(self, node: yaml.Node, allowed: tuple[str, ...], what: str) -> Fields | None:
        """Keys -> (key node, value node) of a mapping, reporting unknown and repeated keys."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, None, f"{what} must be a set of 'key: value' lines")
            return None
        fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value).strip().lower()
            if key in fields:
                self.problem(key_node, key, "this field appears twice", "keep one of them")
            elif key not in allowed:
                hint = unknown_choice_hint(key, allowed)
                self.problem(key_node, key, f"unknown field in {what}", hint)
            else:
                fields[key] = (key_node, value_node)
        return fields

    def text(self, fields: Fields, key: str, parent: yaml.Node, *, required: bool) -> str | None:
        if key not in fields:
            if required:
                self.problem(parent, key, "this field is missing", f"add '{key}: ...'")
            return None
        key_node, value = fields[key]
        if not isinstance(value, yaml.ScalarNode):
            self.problem(value, key, "must be a piece of text, not a list or a set of fields")
            return None
        text = "" if value.tag == _NULL else str(value.value).strip()
        comment = self.comment_after(value)
        if comment is not None:
            kept = f"'{text}'" if text else "nothing"
            self.notice(
                value,
                key,
                f"the text stops at ' #': YAML reads '{comment}' as a comment and keeps {kept}",
                "put the whole text in double quotes to keep the '#' and what follows it",
            )
        if not text and required:
            self.problem(key_node, key, "the text is empty", f"write something after '{key}:'")
            return None
        return text

    def entry(self, node: yaml.Node) -> QuizItem | None:
        if isinstance(node, yaml.MappingNode):
            keys = {str(k.value).strip().lower() for k, _ in node.value}
            if "order" in keys or "items" in keys:
                return self.ordering(node)
            if "question" not in keys and "options" not in keys:
                self.problem(
                    node,
                    None,
                    "each entry needs a 'question' (with 'options') or an 'order' (with 'items')",
                    "see `isslearn template quiz.yaml` for an example",
                )
                self.mapping(node, QUESTION_KEYS + ORDER_KEYS, "a question")
                return None
        return self.multiple_choice(node)

    def multiple_choice(self, node: yaml.Node) -> MultipleChoice | None:
        fields = self.mapping(node, QUESTION_KEYS, "a question")
        if fields is None:
            return None
        before = len(self.problems)
        question = self.text(fields, "question", node, required=True)
        options = self.options(fields, node)
        if len(self.problems) > before or question is None or options is None:
            return None
        return MultipleChoice(question, tuple(options))

    def options(self, fields: Fields, parent: yaml.Node) -> list[Option] | None:
        if "options" not in fields:
            self.problem(parent, "options", "this field is missing", "list 2 or more options")
            return None
        key_node, seq = fields["options"]
        if not isinstance(seq, yaml.SequenceNode) or len(seq.value) < 2:
            self.problem(
                key_node,
                "options",
                "needs a list of 2 or more options",
                "start each option with '- text: ...' on its own line",
            )
            return None
        options, correct_nodes, seen = [], [], {}
        option_nodes: list[yaml.Node] = []
        before = len(self.problems)
        for node in seq.value:
            if isinstance(node, yaml.ScalarNode):
                self.problem(
                    node,
                    "options",
                    f"the option '{node.value}' is plain text",
                    f"write it as '- text: {node.value}' with 'feedback: ...' below it",
                )
                continue
            option_fields = self.mapping(node, OPTION_KEYS, "an option")
            if option_fields is None:
                continue
            text = self.text(option_fields, "text", node, required=True)
            feedback = self.text(option_fields, "feedback", node, required=False) or ""
            correct = self.flag(option_fields)
            if text is None:
                continue
            if text in seen:
                self.problem(node, "text", f"the option '{text}' appears twice")
            seen[text] = node
            if correct:
                correct_nodes.append(node)
            if not feedback:
                explain = "explains the answer" if correct else "says why it is wrong"
                self.notice(
                    node,
                    "feedback",
                    f"the option '{text}' has no feedback, so a learner who picks it sees only "
                    f"'{Option(text, correct).feedback_text()}'",
                    f"add 'feedback: ...' under it that {explain}",
                )
            options.append(Option(text, correct, feedback))
            option_nodes.append(node)
        if len(correct_nodes) == 1 and len(options) >= 2 and len(seen) == len(options):
            self.answer_given_away(options, option_nodes)
        if not correct_nodes and len(self.problems) == before:  # not after a typo like 'corect'
            self.problem(
                key_node,
                "correct",
                "no option is marked correct",
                "add 'correct: true' to the right option",
            )
        for extra in correct_nodes[1:]:
            self.problem(
                extra,
                "correct",
                "a second option is marked correct; a question has exactly one right answer",
                f"keep 'correct: true' only on line {correct_nodes[0].start_mark.line + 1}",
            )
        return options

    def answer_given_away(self, options: list[Option], nodes: list[yaml.Node]) -> None:
        """A notice for each wrong option whose feedback names the right answer."""
        item = MultipleChoice("", tuple(options))
        for option in item.options_giving_the_answer_away():
            self.notice(
                nodes[options.index(option)],
                "feedback",
                f"the feedback of the wrong option '{option.text}' names the right answer "
                f"'{item.answer.text}', so a learner who tries again need not think",
                f"say why '{option.text}' is wrong without naming the answer",
            )

    def flag(self, fields: Fields) -> bool:
        if "correct" not in fields:
            return False
        _, value = fields["correct"]
        if isinstance(value, yaml.ScalarNode) and value.tag == _BOOL:
            return value.value.strip().lower() in ("true", "yes", "on")
        self.problem(value, "correct", f"must be true or false (got '{value.value}')")
        return False

    def ordering(self, node: yaml.Node) -> Ordering | None:
        fields = self.mapping(node, ORDER_KEYS, "an ordering task")
        if fields is None:
            return None
        before = len(self.problems)
        prompt = self.text(fields, "order", node, required=True)
        if "items" not in fields:
            self.problem(
                node, "items", "this field is missing", "list the items in the right order"
            )
            return None
        key_node, seq = fields["items"]
        if not isinstance(seq, yaml.SequenceNode) or not 2 <= len(seq.value) <= 8:
            self.problem(
                key_node, "items", "needs a list of 2 to 8 items", "write them in the right order"
            )
            return None
        texts, details = [], []
        for item in seq.value:
            text: str | None
            if isinstance(item, yaml.ScalarNode):
                text, detail = str(item.value).strip(), ""
            else:
                item_fields = self.mapping(item, ORDER_ITEM_KEYS, "an item")
                if item_fields is None:
                    continue
                text = self.text(item_fields, "text", item, required=True)
                detail = self.text(item_fields, "detail", item, required=False) or ""
            if not text:
                self.problem(item, "items", "an item is empty")
            elif text in texts:
                self.problem(item, "items", f"the item '{text}' appears twice")
            else:
                texts.append(text)
                details.append(detail)
        if len(self.problems) > before or prompt is None:
            return None
        return Ordering(prompt, tuple(texts), tuple(details) if any(details) else ())

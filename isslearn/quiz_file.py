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
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .errors import Problem, QuizFileError
from .quiz_items import MultipleChoice, Option, Ordering, QuizItem
from .values import closest

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


def validate_quiz_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in the quiz file at ``path``; an empty list means it is fine."""
    return _read(Path(path))[1]


def load_quiz_file(path: str | os.PathLike[str]) -> list[QuizItem]:
    """The quiz items in ``path``; raises :class:`QuizFileError` listing every problem."""
    items, problems = _read(Path(path))
    if problems:
        raise QuizFileError(problems)
    return items


def _read(path: Path) -> tuple[list[QuizItem], list[Problem]]:
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], [FieldProblem(name, 1, None, "file not found", "check the name and the folder")]
    except IsADirectoryError:
        return [], [FieldProblem(name, 1, None, "this is a folder, not a quiz file")]
    except OSError as exc:
        return [], [FieldProblem(name, 1, None, f"cannot read the file ({exc.strerror})")]
    return parse_quiz(data, name)


def parse_quiz(data: bytes, name: str) -> tuple[list[QuizItem], list[Problem]]:
    """Parse quiz YAML bytes; ``name`` is what messages call the file. Never raises."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return [], [
            FieldProblem(
                name,
                line,
                None,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read)",
                "save it as UTF-8 from your editor",
            )
        ]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        why = exc.problem or exc.context or "this is not valid YAML"
        hint = "indent with spaces, not tabs" if "'\\t'" in why else QUOTE_HINT
        return [], [FieldProblem(name, line, None, f"the YAML cannot be read here ({why})", hint)]
    except yaml.YAMLError as exc:
        return [], [FieldProblem(name, 1, None, f"the YAML cannot be read ({exc})")]
    if root is None or (isinstance(root, yaml.ScalarNode) and not root.value.strip()):
        return [], [
            FieldProblem(
                name, 1, None, "the file has no questions", "start with a line '- question: ...'"
            )
        ]
    return _Reader(name).entries(root)


class _Reader:
    """Walks the YAML nodes, collecting items and every problem with the line it is on."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, field: str | None, message: str, hint: str = "") -> None:
        self.problems.append(
            FieldProblem(self.name, node.start_mark.line + 1, field, message, hint)
        )

    def entries(self, root: yaml.Node) -> tuple[list[QuizItem], list[Problem]]:
        if not isinstance(root, yaml.SequenceNode):
            self.problem(
                root,
                None,
                "the file must be a list of questions",
                "start each question with '- ', e.g. '- question: Which module came first?'",
            )
            return [], self.problems
        items: list[QuizItem] = []
        for node in root.value:
            item = self.entry(node)
            if item is not None:
                items.append(item)
        if not root.value:
            self.problem(root, None, "the list of questions is empty")
        return (items if not self.problems else []), self.problems

    def mapping(self, node: yaml.Node, allowed: tuple[str, ...], what: str) -> dict | None:
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
                suggestion = closest(key, list(allowed))
                hint = "allowed: " + ", ".join(allowed)
                hint += f"; did you mean '{suggestion}'?" if suggestion else ""
                self.problem(key_node, key, f"unknown field in {what}", hint)
            else:
                fields[key] = (key_node, value_node)
        return fields

    def text(self, fields: dict, key: str, parent: yaml.Node, *, required: bool) -> str | None:
        if key not in fields:
            if required:
                self.problem(parent, key, "this field is missing", f"add '{key}: ...'")
            return None
        key_node, value = fields[key]
        if not isinstance(value, yaml.ScalarNode):
            self.problem(value, key, "must be a piece of text, not a list or a set of fields")
            return None
        text = "" if value.tag == _NULL else str(value.value).strip()
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

    def options(self, fields: dict, parent: yaml.Node) -> list[Option] | None:
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
            options.append(Option(text, correct, feedback))
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

    def flag(self, fields: dict) -> bool:
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

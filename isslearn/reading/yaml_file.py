"""The one YAML reader: a teacher's YAML file (a quiz) as a tree of nodes with line numbers.

:func:`read_yaml` decodes the bytes (UTF-8) and composes the document with PyYAML's safe loader,
keeping every node's line so that a validator can say where a value is wrong. A file that is
not YAML gets one :class:`FieldProblem` in plain words: a tab, a quote left open or closed too
early, a line out of line with the ones above it (naming the columns), or a colon in unquoted
text. It never raises for bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..errors import Problem
from ..language import N_
from ..language import gettext as _
from .result import Reading

__all__ = ["FieldProblem", "YamlDocument", "read_yaml"]

_QUOTE_HINT = N_(
    "if a question, option or feedback contains ': ' or ' #', or starts with a quote, "
    "'[', '{', '*', '&', '!', '|', '>', '%' or '@', put the whole text in double quotes"
)


@dataclass(frozen=True)
class FieldProblem(Problem):
    """A :class:`~isslearn.errors.Problem` in a YAML file, whose place is a field, not a column."""

    column_word = "field"


@dataclass(frozen=True)
class YamlDocument:
    """A YAML file's text and its composed tree (``root`` is None for an empty document)."""

    text: str
    root: yaml.Node | None


def read_yaml(data: bytes, name: str) -> Reading[YamlDocument | None]:
    """The YAML ``data`` as a document, or None with the reason as a problem; ``name`` is what
    messages call the file."""
    found: Reading[YamlDocument | None] = Reading(name, None)
    text = _decode(data, name, found.problems)
    if text is None:
        return found
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        found.problems.append(_syntax_problem(exc, text, name))
        return found
    except yaml.YAMLError as exc:
        found.problems.append(
            FieldProblem(name, 1, None, _("the YAML cannot be read ({reason})").format(reason=exc))
        )
        return found
    return found.with_value(YamlDocument(text, root))


def _decode(data: bytes, name: str, problems: list[Problem]) -> str | None:
    """The UTF-8 text of ``data`` without a byte-order mark, or None with a problem added."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            FieldProblem(
                name,
                line,
                None,
                _("the file is not UTF-8 text (byte 0x{byte:02x} cannot be read)").format(
                    byte=data[exc.start]
                ),
                _("save it as 'UTF-8' from your spreadsheet or editor"),
            )
        )
        return None
    return text.removeprefix("\ufeff")  # byte-order mark written by some editors


_INDENT_HINT = N_(
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
            name,
            line,
            None,
            _("a tab is used for indentation"),
            _("indent with spaces, not tabs"),
        )
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        return FieldProblem(
            name,
            exc.context_mark.line + 1,
            None,
            _("a quote opened on this line is never closed"),
            _("end the text with the same quote mark it starts with"),
        )
    if "but found '<scalar>'" in why:
        return FieldProblem(
            name,
            line,
            None,
            _("the text goes on after its closing quote"),
            _("put the whole text inside the quotes"),
        )
    lines = text.splitlines()
    if mark is not None and _is_indentation_error(why, mark, lines):
        return FieldProblem(name, line, None, _misaligned(lines, mark.line), _(_INDENT_HINT))
    return FieldProblem(
        name,
        line,
        None,
        _("the YAML cannot be read here (a ':' or a quote in the text?)"),
        _(_QUOTE_HINT),
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
            other_dash = _columns(line)[0]
            if other_dash is not None and other_dash <= dash + 2 and other_dash != dash:
                return _(
                    "line {line} is not lined up with the lines above it: its '- ' is in "
                    "column {column}, the '- ' on line {other_line} in column {other_column}"
                ).format(line=index + 1, column=dash, other_line=n + 1, other_column=other_dash)
    if earlier:
        n, line = earlier[-1]
        other_key = _columns(line)[1]
        return _(
            "line {line} is not lined up with the lines above it: it starts in column "
            "{column}, line {other_line} in column {other_column}"
        ).format(line=index + 1, column=key, other_line=n + 1, other_column=other_key)
    return _("line {line} is indented, but nothing comes before it").format(line=index + 1)

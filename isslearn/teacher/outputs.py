"""Where the commands write: never over a teacher's data, folders made, every failure explained.

A teacher's notebooks, events, quizzes and spreadsheets are the files isslearn must never
replace, whatever a command is asked to write. Every write goes through :func:`write_output`,
which turns the operating system's refusals into one-line messages with a fix.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import OutputExistsError, OutputPathError
from ..language import N_
from ..language import gettext as _

__all__ = [
    "PROTECTED_SUFFIXES",
    "check_new_file",
    "describe_os_error",
    "write_output",
]

PROTECTED_SUFFIXES: frozenset[str] = frozenset(
    {".ipynb", ".csv", ".tsv", ".yaml", ".yml", ".xlsx", ".ods", ".xls"}
)


def describe_os_error(path: str | os.PathLike[str], exc: OSError, doing: str) -> str:
    """One line for a failed read or write: the path, what went wrong in words, and a fix."""
    reasons = {
        FileNotFoundError: N_("a folder on the way does not exist; check the path"),
        IsADirectoryError: N_("this is a folder; give a file name"),
        NotADirectoryError: N_("part of the path is a file, not a folder; check the path"),
        PermissionError: N_("permission denied; choose a folder you can write to, or ask an admin"),
        FileExistsError: N_("it already exists; choose another name or move it"),
    }
    reason = next((_(text) for kind, text in reasons.items() if isinstance(exc, kind)), None)
    if reason is None:
        reason = _("{reason}; check the path").format(reason=exc.strerror or exc)
    return _("{file}: cannot {doing} ({reason})").format(
        file=os.fsdecode(path), doing=_(_DOING.get(doing, doing)), reason=reason
    )


# What a command was doing when a file failed it, as a whole phrase for the translator (the
# French "impossible de lire le carnet" needs the verb and its object together).
_DOING = {
    "use this path": N_("use this path"),
    "write": N_("write"),
    "read the notebook": N_("read the notebook"),
    "read the page": N_("read the page"),
    "read the guide": N_("read the guide"),
}


def check_new_file(target: Path, *, replace_own: bool = False) -> None:
    """Refuse ``target`` if writing it would lose a file or cannot work; make no change.

    ``replace_own`` lets a command replace its own earlier output (a handout re-made), but
    never a notebook, events, quiz or spreadsheet file.
    """
    if target.is_dir():
        raise OutputPathError(
            _("{file}: is a folder; give a file name inside it").format(file=target)
        )
    replaceable = replace_own and target.suffix.lower() not in PROTECTED_SUFFIXES
    if (target.exists() or target.is_symlink()) and not replaceable:
        raise OutputExistsError(
            _(
                "{file}: already exists; nothing was written (choose another name or move it)"
            ).format(file=target)
        )
    for parent in (target.parent, *target.parent.parents):
        if parent.exists():
            if not parent.is_dir():
                raise OutputPathError(
                    _("{file}: is a file, not a folder; choose another place for {name}").format(
                        file=parent, name=target.name
                    )
                )
            break


def write_output(target: Path, content: str | bytes, *, replace_own: bool = False) -> Path:
    """Write ``content`` at ``target`` after :func:`check_new_file`, making missing folders."""
    check_new_file(target, replace_own=replace_own)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        with open(target, "wb" if replace_own else "xb") as file:  # "x": never replace
            file.write(data)
    except OSError as exc:
        raise OutputPathError(describe_os_error(exc.filename or target, exc, "write")) from exc
    return target

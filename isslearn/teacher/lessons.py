"""`isslearn lessons [FOLDER]`: a copy of the lessons to open in Jupyter, from any installation.

A wheel carries the lessons as package data (``isslearn/lessons``: the notebooks, the glossary
they link to and the example files lesson 04 reads); in a source checkout they are the
project's ``notebooks/`` folder. So a ``pip install isslearn`` user gets the lessons with one
command, offline.

The copy never replaces a file. A file that already exists in FOLDER is left as it is and
named in the output, so running the command again (say, after an upgrade brought new lessons)
adds what is new and keeps every notebook a learner or teacher has changed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePosixPath

from ..language import gettext as _
from ..reading.files import expand_home
from .outputs import OutputPathError, write_output

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10 has no importlib.resources.abc
    from importlib.abc import Traversable

__all__ = [
    "DEFAULT_FOLDER",
    "CopiedLessons",
    "add_lessons_command",
    "copy_lessons",
    "lessons_source",
]

DEFAULT_FOLDER = "isslearn-lessons"
# Left behind by Jupyter or Python, never part of the lessons.
_NOT_LESSONS = frozenset({".ipynb_checkpoints", "__pycache__"})


@dataclass(frozen=True)
class CopiedLessons:
    """What one run copied into ``folder``, and what was already there and left alone."""

    folder: Path
    copied: list[PurePosixPath]
    kept: list[PurePosixPath]
    first_lesson: PurePosixPath | None


def lessons_source() -> Traversable:
    """The shipped lessons; in a source checkout, the project's notebooks/ beside the package."""
    packaged = resources.files("isslearn") / "lessons"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "notebooks"  # editable install / checkout
    if checkout.is_dir():
        return checkout
    raise OutputPathError("isslearn's lessons are missing from this installation; reinstall it")


def _files(
    folder: Traversable, under: PurePosixPath
) -> Iterator[tuple[PurePosixPath, Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in _NOT_LESSONS:
            continue
        if entry.is_dir():
            yield from _files(entry, under / entry.name)
        else:
            yield under / entry.name, entry


def copy_lessons(folder: Path, source: Traversable | None = None) -> CopiedLessons:
    """Copy every lesson file into ``folder`` (made if missing), never over an existing file."""
    folder = expand_home(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"{folder}: is a file, not a folder; give a folder for the lessons")
    copied: list[PurePosixPath] = []
    kept: list[PurePosixPath] = []
    notebooks: list[PurePosixPath] = []
    for relative, entry in _files(source or lessons_source(), PurePosixPath()):
        if relative.suffix == ".ipynb" and len(relative.parts) == 1:
            notebooks.append(relative)
        target = folder.joinpath(*relative.parts)
        if target.exists() or target.is_symlink():
            kept.append(relative)
            continue
        write_output(target, entry.read_bytes())
        copied.append(relative)
    return CopiedLessons(folder, copied, kept, min(notebooks, default=None))


def _cmd_lessons(args: argparse.Namespace) -> int:
    done = copy_lessons(Path(args.folder))
    for relative in done.kept:
        print(
            _("{file}: already there, left as it is (not copied)").format(
                file=done.folder / relative
            )
        )
    start = ""
    if done.first_lesson is not None:
        start = _("; start with {file} in Jupyter").format(file=done.folder / done.first_lesson)
    if not done.copied:
        print(
            _("{folder}: nothing copied, every lesson file is already there{start}").format(
                folder=done.folder, start=start
            )
        )
    else:
        kept = (
            _(", {count} already there (not replaced)").format(count=len(done.kept))
            if done.kept
            else ""
        )
        print(
            _("{folder}: {count} lesson file(s) copied{kept}{start}").format(
                folder=done.folder, count=len(done.copied), kept=kept, start=start
            )
        )
    return 0


def add_lessons_command(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``lessons`` command with ``add_parser``, the command line's ``add_parser``."""
    command = add_parser(
        "lessons",
        help=_(
            "copy the lessons (notebooks, glossary, example files) into a folder to open in "
            "Jupyter; never replaces a file"
        ),
    )
    command.add_argument(
        "folder",
        metavar="FOLDER",
        nargs="?",
        default=DEFAULT_FOLDER,
        help=_("where to put them (default: ./{folder}); files already there are kept").format(
            folder=DEFAULT_FOLDER
        ),
    )
    command.set_defaults(func=_cmd_lessons)

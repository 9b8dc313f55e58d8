"""The `isslearn` command: check a teacher's files, and say where the data comes from.

Every command prints plain lines and exits 0 (fine), 1 (the files have problems) or 2 (the
command was called wrongly); none prints a Python traceback for bad data or changes a file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import FileProblems, Problem

Checker = Callable[[Path], tuple[list[Problem], str]]


def _check_events(path: Path) -> tuple[list[Problem], str]:
    from .events import load_events

    try:  # with the built-in catalogue, so an id that clashes with it is reported too
        events = load_events(path)
    except FileProblems as exc:
        return exc.problems, ""
    events = events[events["origin"] == path.name]
    span = f"{events.date.min():%Y-%m-%d} to {events.date.max():%Y-%m-%d}"
    return [], f"{path}: OK, {len(events)} event(s) from {span}"


def _check_quiz(path: Path) -> tuple[list[Problem], str]:
    from .quiz_file import load_quiz_file

    try:
        items = load_quiz_file(path)
    except FileProblems as exc:
        return exc.problems, ""
    return [], f"{path}: OK, {len(items)} quiz item(s)"


CHECKERS: dict[str, Checker] = {".csv": _check_events, ".yaml": _check_quiz, ".yml": _check_quiz}


def cmd_check(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        path = Path(name)
        checker = CHECKERS.get(path.suffix.lower())
        if checker is None:
            kinds = ", ".join(sorted(CHECKERS))
            print(f"{path}:1: cannot check this kind of file; isslearn checks {kinds} files")
            status = 1
            continue
        problems, summary = checker(path)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{path}: {len(problems)} problem(s); the file was not changed", file=sys.stderr)
            status = 1
        else:
            print(summary)
    return status


def cmd_info(args: argparse.Namespace) -> int:
    from . import __version__
    from .catalogue import builtin_location
    from .events import EVENTS_ENV, load_events, teacher_events_path

    print(f"isslearn {__version__}")
    print(f"built-in catalogue: {builtin_location()}")
    teacher = teacher_events_path()
    try:
        events = load_events()
    except FileProblems as exc:
        print(f"{EVENTS_ENV}={teacher}: this file has problems:")
        print(exc)
        return 1
    built_in = int((events.origin == "built-in").sum())
    print(f"events: {len(events)} ({built_in} built-in)")
    if teacher is None:
        print(f"teacher's events: none (set {EVENTS_ENV} to a CSV file to add them for a class)")
    else:
        print(f"teacher's events: {teacher} ({len(events) - built_in} event(s), from {EVENTS_ENV})")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, write_template

    try:
        written = write_template(args.file)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{written}: written; fill it in, then run `isslearn check {written}`")
    return 0


def cmd_new_lesson(args: argparse.Namespace) -> int:
    from .errors import SettingsError
    from .scaffold import ScaffoldError, new_lesson

    try:
        written = new_lesson(
            args.name,
            args.dir,
            events=args.events,
            start=args.start,
            end=args.end,
            quiz=args.quiz,
            title=args.title,
        )
    except (ScaffoldError, SettingsError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{exc.filename}: cannot write the lesson ({exc.strerror})", file=sys.stderr)
        return 1
    except FileProblems as exc:
        print(exc)
        print("the lesson was not written; fix the file(s) above and try again", file=sys.stderr)
        return 1
    print(f"{written}: new lesson written; open it in Jupyter and edit its text")
    return 0


def cmd_handout(args: argparse.Namespace) -> int:
    from .handout import HandoutError, to_pdf, write_handout

    try:
        written = write_handout(args.notebook, args.output, answers=args.answers)
    except HandoutError as exc:
        print(exc, file=sys.stderr)
        return 1
    except ImportError:
        print("handouts need nbconvert: pip install nbconvert", file=sys.stderr)
        return 1
    print(f"{written}: handout written" + (" with answers" if args.answers else ""))
    if args.pdf:
        try:
            pdf = to_pdf(written, written.with_suffix(".pdf"))
        except HandoutError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"{pdf}: PDF written")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="isslearn",
        description="Lessons on the history of the International Space Station.",
    )
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="check teachers' files without changing them")
    check.add_argument("files", nargs="+", metavar="FILE", help="events CSV (or quiz YAML) files")
    check.set_defaults(func=cmd_check)
    info = sub.add_parser("info", help="version, where the data comes from, how many events")
    info.set_defaults(func=cmd_info)
    template = sub.add_parser(
        "template", help="write a template events file (.csv) or quiz file (.yaml) to fill in"
    )
    template.add_argument("file", metavar="FILE", help="e.g. events.csv or quiz.yaml")
    template.set_defaults(func=cmd_template)
    lesson = sub.add_parser("new-lesson", help="start a new lesson notebook with your settings")
    lesson.add_argument("name", metavar="NAME", help="the notebook's name (NAME.ipynb)")
    lesson.add_argument("--dir", default=".", help="folder to write it in (default: here)")
    lesson.add_argument("--events", metavar="FILE", help="your events CSV file")
    lesson.add_argument("--start", metavar="YYYY-MM-DD", help="first date shown")
    lesson.add_argument("--end", metavar="YYYY-MM-DD", help="last date shown")
    lesson.add_argument("--quiz", metavar="FILE", help="your quiz YAML file")
    lesson.add_argument("--title", help="the lesson's title (default: from NAME)")
    lesson.set_defaults(func=cmd_new_lesson)
    handout = sub.add_parser("handout", help="a printable HTML handout of an executed lesson")
    handout.add_argument("notebook", metavar="NOTEBOOK", help="an executed lesson notebook")
    handout.add_argument("-o", "--output", metavar="OUT.html", help="where to write it")
    handout.add_argument(
        "--answers", action="store_true", help="teacher's key: quiz answers, feedback, solutions"
    )
    handout.add_argument("--pdf", action="store_true", help="also print it to PDF (Chromium)")
    handout.set_defaults(func=cmd_handout)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        return cmd_info(args)
    return int(args.func(args))

"""The `isslearn` command: check a teacher's files, start new ones, print handouts and guides.

Every command prints plain lines and exits 0 (fine), 1 (a file or path has a problem, said in
one line with the fix) or 2 (the command was called wrongly). None prints a Python traceback
for a path or a file's contents, and none writes over a notebook, CSV, YAML or spreadsheet.
"""

from __future__ import annotations

import argparse
import gettext as stdlib_gettext
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from .. import __version__
from ..catalogue.events import check_events, combine_events, current_to
from ..catalogue.tables import builtin_location
from ..errors import FileProblems, IsslearnError, OptionError, Problem
from ..language import (
    DOMAIN,
    LOCALE_DIR,
    N_,
    current,
    day,
    from_environment,
    language_of,
    languages,
    set_language,
)
from ..language import gettext as _
from ..lesson import EVENTS_ENV, QUIZ_ENV, LessonFile, lesson_files
from ..quiz.files import read_quiz_file
from ..reading.files import expand_home, missing_file_hint, read_bytes
from ..reading.result import Reading
from ..reading.sheets import WORKBOOK_SUFFIXES, is_workbook, sheet_names
from ..reading.values import as_day, closest
from .guide import find_guide
from .lessons import add_lessons_command
from .outputs import describe_os_error
from .present import add_present_command
from .scaffold import new_lesson, write_template

__all__ = ["ARGPARSE_WORDS", "MAX_LINES", "main"]

_YEAR = re.compile(r"[0-9]{4}", re.ASCII)

_Checker = Callable[[Path], Reading[str]]
"""Reads one file and gives its findings; the value is the line printed when it is fine."""


def _check_events(path: Path) -> Reading[str]:
    found = check_events(path)  # read once, ids checked against the built-in catalogue too
    return found.with_value(_events_summary(path, found))


def _events_summary(path: Path, found: Reading[pd.DataFrame]) -> str:
    events = found.value
    span = (
        _(" from {first} to {last}").format(
            first=day(events.date.min()), last=day(events.date.max())
        )
        if len(events)
        else ""
    )
    how = f" ({found.read_as})" if found.read_as else ""
    return _("{file}: OK, {count} event(s){span}{how}").format(
        file=path, count=len(events), span=span, how=how
    )


def _check_quiz(path: Path) -> Reading[str]:
    found = read_quiz_file(path)
    return found.with_value(
        _("{file}: OK, {count} quiz item(s)").format(file=path, count=len(found.value))
    )


def _check_workbook(path: Path) -> Reading[str]:
    """A workbook's events sheet and, if it has one, its Quiz sheet, read as the lessons read
    them: a sheet named close to 'Quiz' ('Quizz') is checked as the quiz, so its "did you mean"
    shows here too. A part the teacher has not filled in (only the template's example rows) is
    a notice, not a problem, when the other part has something in it."""
    checked: Reading[str] = Reading(str(path), "")
    data = read_bytes(path, checked.problems, kind="workbook")
    if data is None:  # not there, a lock file, empty: said once, not once per part
        return checked
    names = (sheet_names(data) or []) if is_workbook(data) else []
    folded = [n.strip().casefold() for n in names]
    has_quiz = "quiz" in folded or closest("quiz", folded, cutoff=0.6) is not None
    only_quiz = has_quiz and len(names) == 1
    parts = [
        found
        for checker, wanted in ((_check_events, not only_quiz), (_check_quiz, has_quiz))
        if wanted
        for found in [checker(path)]
    ]
    used = [found for found in parts if not _only_unfilled(found)]
    for found in parts:
        if found in used or not used:
            checked.problems += found.problems
            checked.notices += found.notices
        else:
            checked.notices += [_unfilled_notice(p) for p in found.problems] + found.notices
    summaries = [found.value for found in (used or parts)]
    if has_quiz and not checked.problems and parts[-1] in used:
        summaries[-1] += _(" (read from sheet 'Quiz')")
    checked.value = "\n".join(summaries)
    return checked


_UNFILLED = (
    N_("the file has a header but no events"),
    N_("the sheet has a header but no questions"),
    N_("the sheet is empty"),
)


def _only_unfilled(found: Reading[str]) -> bool:
    """True when a sheet's only problem is that nothing was typed in it (the template's
    example rows are skipped as comments, so an untouched sheet is empty)."""
    said = {*_UNFILLED, *(_(message) for message in _UNFILLED)}  # in English or translated
    return bool(found.problems) and all(p.message in said for p in found.problems)


def _unfilled_notice(problem: Problem) -> Problem:
    return replace(
        problem,
        severity="notice",
        message=problem.message + _(" yet, so it adds nothing (the rest of the workbook is used)"),
        hint=_("fill it in when you want to use it"),
    )


_CHECKERS: dict[str, _Checker] = {
    ".csv": _check_events,
    ".tsv": _check_events,
    ".txt": _check_events,
    ".yaml": _check_quiz,
    ".yml": _check_quiz,
    **dict.fromkeys(WORKBOOK_SUFFIXES, _check_workbook),
}

MAX_LINES = 40
"""Findings printed per file by ``isslearn check``; the rest are counted, not printed: a file
with thousands of bad rows usually has one mistake repeated, and its first lines show it."""


def _cmd_check(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        path = expand_home(name)  # '~/my_class.xlsx' is the same file for every part
        checker = _CHECKERS.get(path.suffix.lower())
        if checker is None:
            _cannot_check(name, path)
            status = 1
            continue
        checked = checker(path)
        _print_capped(checked)
        if checked.problems:
            count = len(checked.problems)
            print(
                _("{file}: {count} problem(s); the file was not changed").format(
                    file=path, count=count
                ),
                file=sys.stderr,
            )
            status = 1
        else:
            print(checked.value)
    return status


def _cannot_check(name: str, path: Path) -> None:
    """A name isslearn does not read by its ending: the file meant, if it is not there."""
    if not path.exists():
        print(_("{file}:1: file not found; {hint}").format(file=name, hint=missing_file_hint(path)))
        return
    problems: list[Problem] = []
    read_bytes(path, problems)  # a lock file ('.~lock.x.ods#') is named as one
    if problems:
        print(*problems, sep="\n")
        return
    kinds = ", ".join(sorted(_CHECKERS))
    print(
        _("{file}:1: cannot check this kind of file; isslearn checks {kinds} files").format(
            file=name, kinds=kinds
        )
    )


def _print_capped(checked: Reading[Any]) -> None:
    """Every finding up to :data:`MAX_LINES`, problems first, then a count of the rest."""
    findings = checked.findings
    for line in findings[:MAX_LINES]:
        print(line)
    left = findings[MAX_LINES:]
    if left:
        problems = sum(not p.is_notice for p in left)
        notices = len(left) - problems
        what = ", ".join(
            word.format(count=n)
            for n, word in (
                (problems, _("{count} more problem(s)")),
                (notices, _("{count} more notice(s)")),
            )
            if n
        )
        print(
            _(
                "{file}: ... and {what} not shown ({count} in all); "
                "fix the first ones (often the same mistake repeated) and check again"
            ).format(file=checked.file, what=what, count=len(findings))
        )


def _cmd_info(args: argparse.Namespace) -> int:
    """Version, the built-in catalogue, and each class-wide setting checked (OK or its problem).

    The variables are resolved as every lesson resolves them (:func:`isslearn.lesson.lesson_files`)
    and each file is read once, so what this checks is exactly what the lessons read.
    """
    print(f"isslearn {__version__}")
    print(
        _("built-in catalogue: {location} (current to {day})").format(
            location=builtin_location(), day=day(current_to())
        )
    )
    events, quiz = lesson_files()
    events_ok, own = _events_setting(events)
    quiz_ok = _quiz_setting(quiz)
    if not (events_ok and quiz_ok):
        return 1
    everything = combine_events(own)
    built_in = int((everything["origin"] == "built-in").sum())
    print(
        _("events in every lesson: {count} ({built_in} built-in)").format(
            count=len(everything), built_in=built_in
        )
    )
    return 0


def _events_setting(setting: LessonFile | None) -> tuple[bool, pd.DataFrame | None]:
    """Print what ``ISSLEARN_EVENTS`` gives the lessons; fine or not, and the file's events."""
    if setting is None:
        what = _("an events file, .xlsx, .ods or .csv, to add class events")
        print(_("{variable}: not set (set it to {what})").format(variable=EVENTS_ENV, what=what))
        return True, None
    head = f"{EVENTS_ENV}={setting.given}"
    instead = _("(they show the built-in events and tell learners to ask you)")
    if setting.path is None:
        print(
            _unusable_setting().format(
                head=head, instead=instead, why=setting.refused, fix=setting.fix
            )
        )
        return False, None
    found = check_events(setting.path)
    if found.problems:
        print(_unusable_file().format(head=head, instead=instead))
        _print_capped(found)
        return False, None
    print(f"{EVENTS_ENV}={_events_summary(setting.path, found)}", *found.notices, sep="\n")
    return True, found.value


def _unusable_setting() -> str:
    return _("{head}: lessons cannot use this setting {instead}: {why}; {fix}")


def _unusable_file() -> str:
    return _("{head}: lessons cannot use this file {instead}; fix these problem(s):")


def _quiz_setting(setting: LessonFile | None) -> bool:
    """Print what ``ISSLEARN_QUIZ`` gives the lessons; True when it is fine."""
    if setting is None:
        what = _("a quiz file, .yaml or a workbook's Quiz sheet, for questions")
        print(_("{variable}: not set (set it to {what})").format(variable=QUIZ_ENV, what=what))
        return True
    head = f"{QUIZ_ENV}={setting.given}"
    instead = _("(they ask their own questions and tell learners to ask you)")
    if setting.path is None:
        print(
            _unusable_setting().format(
                head=head, instead=instead, why=setting.refused, fix=setting.fix
            )
        )
        return False
    checked = _check_quiz(setting.path)
    if checked.problems:
        print(_unusable_file().format(head=head, instead=instead))
        _print_capped(checked)
        return False
    print(f"{QUIZ_ENV}={checked.value}", *checked.notices, sep="\n")
    return True


def _cmd_template(args: argparse.Namespace) -> int:
    if args.language:
        set_language(args.language)  # the template and what is printed about it
    written = write_template(args.file)
    has_examples = written.suffix.lower() in (".csv", ".xlsx")
    examples = _(" (its example rows start with # and are skipped)") * has_examples
    print(
        _("{file}: written{examples}; fill it in, then run `isslearn check {file}`").format(
            file=written, examples=examples
        )
    )
    return 0


def _date_option(option: str, value: str | None) -> tuple[str | int | None, pd.Timestamp | None]:
    """``--start 2015`` (a year) or ``--start 2015-03-01`` (a day): the setting and its day."""
    if value is None:
        return None, None
    day = as_day(value, option, year="start" if option == "--start" else "end")
    return (int(value) if _YEAR.fullmatch(value) else value), day


def _cmd_new_lesson(args: argparse.Namespace) -> int:
    start, first = _date_option("--start", args.start)
    end, last = _date_option("--end", args.end)
    if first is not None and last is not None and first > last:
        raise OptionError(
            _("--start {start} is after --end {end}; give the earlier date to --start").format(
                start=args.start, end=args.end
            )
        )
    try:
        written = new_lesson(
            args.name,
            args.dir,
            events=args.events,
            start=start,
            end=end,
            quiz=args.quiz,
            title=args.title,
        )
    except FileProblems as exc:
        print(exc)
        print(_("the lesson was not written; fix the file(s) above and try again"), file=sys.stderr)
        return 1
    print(
        _("{file}: new lesson written; open it in Jupyter and edit its text").format(file=written)
    )
    return 0


def _cmd_handout(args: argparse.Namespace) -> int:
    from .handout import handout_guide, write_handout  # nbconvert: seconds to import; only here

    # A French lesson's key says "Réponse", whatever language the terminal speaks.
    terminal = current()
    set_language(language_of(expand_home(args.notebook)))
    try:
        written = write_handout(args.notebook, args.output, answers=args.answers, pdf=args.pdf)
    finally:
        set_language(terminal)
    if not args.answers:
        print(_("{file}: handout written (questions, no answers)").format(file=written))
        return 0
    guide = handout_guide(args.notebook)
    ends = (
        _("ends with the teacher's guide {location}").format(location=guide.location)
        if guide
        else _("no teacher's guide")
    )
    print(_("{file}: teacher's key written ({ends})").format(file=written, ends=ends))
    return 0


def _cmd_worksheet(args: argparse.Namespace) -> int:
    from .worksheet import write_worksheet  # nbconvert and matplotlib: only here

    written = write_worksheet(
        args.lesson, args.output, answers=args.answers, pdf=args.pdf, quiz_file=args.quiz
    )
    if args.answers:
        print(
            _("{file}: worksheet answer key written (ends with the teacher's guide)").format(
                file=written
            )
        )
    else:
        print(
            _(
                "{file}: worksheet written (figures, questions with room to write, no answers)"
            ).format(file=written)
        )
    return 0


def _cmd_guide(args: argparse.Namespace) -> int:
    from .handout import write_guide  # nbconvert: seconds to import; only here

    guide = find_guide(args.lesson)
    written = write_guide(args.lesson, args.output, pdf=args.pdf)
    print(
        _("{file}: teacher's guide written (from {location})").format(
            file=written, location=guide.location
        )
    )
    return 0


def _build_parser() -> argparse.ArgumentParser:
    """The command line's options (every command and its help)."""
    parser = argparse.ArgumentParser(
        prog="isslearn",
        description=_("Lessons on the history of the International Space Station."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"isslearn {__version__}",
        help=_("show program's version number and exit"),
    )
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help=_("check teachers' files without changing them"))
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_("events (.xlsx, .ods, .csv) or quiz (.yaml) files"),
    )
    check.set_defaults(func=_cmd_check)
    info = sub.add_parser(
        "info", help=_("version, the catalogue's date, and the class's ISSLEARN_ settings checked")
    )
    info.set_defaults(func=_cmd_info)
    template = sub.add_parser(
        "template",
        help=_(
            "write a template to fill in: events.xlsx (events and quiz sheets, with drop-down "
            "lists), events.csv or quiz.yaml"
        ),
    )
    template.add_argument(
        "file", metavar="FILE", help=_("e.g. events.xlsx, events.csv or quiz.yaml (new)")
    )
    template.add_argument(
        "--language",
        choices=languages(),
        help=_(
            "the language of the template's sheets, headers, drop-down lists, comments and "
            "examples (default: the command line's, from LANG)"
        ),
    )
    template.set_defaults(func=_cmd_template)
    lesson = sub.add_parser("new-lesson", help=_("start a new lesson notebook with your settings"))
    lesson.add_argument("name", metavar="NAME", help=_("the notebook's name (NAME.ipynb)"))
    lesson.add_argument("--dir", default=".", help=_("folder to write it in (default: here)"))
    lesson.add_argument(
        "--events", metavar="FILE", help=_("your events file (.xlsx, .ods or .csv)")
    )
    lesson.add_argument(
        "--start",
        metavar="YEAR|YYYY-MM-DD",
        help=_("first date shown: a year (2015 means from 1 January 2015) or a day (2015-03-01)"),
    )
    lesson.add_argument(
        "--end",
        metavar="YEAR|YYYY-MM-DD",
        help=_("last date shown: a year (2016 means to 31 December 2016) or a day (2016-06-30)"),
    )
    lesson.add_argument(
        "--quiz", metavar="FILE", help=_("your quiz file (.yaml, or a workbook with a Quiz sheet)")
    )
    lesson.add_argument("--title", help=_("the lesson's title (default: from NAME)"))
    lesson.set_defaults(func=_cmd_new_lesson)
    handout = sub.add_parser(
        "handout", help=_("a printable handout (HTML or PDF) of an executed lesson")
    )
    handout.add_argument("notebook", metavar="NOTEBOOK", help=_("an executed lesson notebook"))
    _page_options(handout, _("NAME.handout.html (NAME.key.html with --answers)"))
    handout.add_argument(
        "--answers",
        action="store_true",
        help=_("teacher's key: solutions, quiz answers and feedback, and the teacher's guide"),
    )
    handout.set_defaults(func=_cmd_handout)
    worksheet = sub.add_parser(
        "worksheet",
        help=_(
            "a printable worksheet of a lesson (figures, questions with room to write, an "
            "exercise and an exit ticket), or with --answers its key"
        ),
    )
    worksheet.add_argument(
        "lesson", metavar="LESSON", help=_("a lesson's number or name (01, 01_assembly)")
    )
    _page_options(worksheet, _("NAME.worksheet.html (NAME.worksheet-key.html with --answers)"))
    worksheet.add_argument(
        "--answers",
        action="store_true",
        help=_("the answer key: every answer and its feedback, then the teacher's guide"),
    )
    worksheet.add_argument(
        "--quiz", metavar="FILE", help=_("add your quiz file's questions after the lesson's own")
    )
    worksheet.set_defaults(func=_cmd_worksheet)
    guide = sub.add_parser("guide", help=_("a lesson's teacher's guide, printable (HTML or PDF)"))
    guide.add_argument(
        "lesson",
        metavar="LESSON",
        help=_("a lesson's number or name (01, 01_assembly) or its notebook (01_assembly.ipynb)"),
    )
    _page_options(guide, "NAME.guide.html")
    guide.set_defaults(func=_cmd_guide)
    add_lessons_command(sub.add_parser)
    add_present_command(sub)
    return parser


def _page_options(command: argparse.ArgumentParser, default: str) -> None:
    command.add_argument(
        "-o",
        "--output",
        metavar="FILE.html|FILE.pdf|FOLDER",
        help=_(
            "where to write it; the name's ending chooses HTML or PDF; default {default} "
            "in the current folder"
        ).format(default=default),
    )
    command.add_argument(
        "--pdf", action="store_true", help=_("write a PDF (needs Chromium), as -o NAME.pdf does")
    )


# argparse's own words, which it looks up with the standard gettext in the process's text
# domain (Python's documented way to translate its output): while a command runs, that domain is
# isslearn's, so the catalogue translates them. Listed here so that `make translations` keeps them.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit status (0 fine, 1 a problem, 2 called wrongly)."""
    for stream in (sys.stdout, sys.stderr):  # a path in any encoding prints, never crashes
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    before, domain = current(), stdlib_gettext.textdomain()
    set_language(from_environment())  # LANGUAGE, LC_ALL, LC_MESSAGES, LANG; else English
    stdlib_gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    stdlib_gettext.textdomain(DOMAIN)  # argparse's "usage:" and "options" from our catalogue
    try:
        return _run(argv)
    finally:  # called in a kernel or a test, the rest keeps its language
        set_language(before)
        stdlib_gettext.textdomain(domain)


def _run(argv: Sequence[str] | None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a wrong call (argparse printed why)
        return exc.code if isinstance(exc.code, int) else 2
    if getattr(args, "func", None) is None:
        return _cmd_info(args)
    try:
        return int(args.func(args))
    except IsslearnError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        where = exc.filename if exc.filename is not None else "isslearn"
        print(describe_os_error(where, exc, "use this path"), file=sys.stderr)
        return 1

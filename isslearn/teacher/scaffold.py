"""Starting points for teachers: template events and quiz files, and a new lesson notebook.

The templates ship inside the package (``isslearn/templates``) and are read with
:mod:`importlib.resources`. Nothing here ever overwrites a file: an existing target is an
error the command line reports with exit status 1.
"""

from __future__ import annotations

import html
import json
import os
from importlib import resources
from pathlib import Path

from ..catalogue.events import check_events
from ..errors import FileProblems, ScaffoldError
from ..language import SOURCE_LANGUAGE, current
from ..language import gettext as _
from ..lesson import Lesson
from ..reading.files import expand_home
from .outputs import check_new_file, write_output

__all__ = [
    "new_lesson",
    "notebook_path",
    "template_text",
    "title_from_name",
    "write_template",
]

_TEMPLATES = {".csv": "events.csv", ".yaml": "quiz.yaml", ".yml": "quiz.yaml"}
_SETTINGS_TAG = "settings"


def template_text(name: str, language: str = SOURCE_LANGUAGE) -> str:
    """The text of a shipped template: 'events.csv', 'quiz.yaml' or 'lesson.ipynb', in
    ``language`` when ``templates/<language>/`` has it (comments, headers and examples in that
    language, read back by the same readers), else the English one."""
    folder = resources.files("isslearn") / "templates"
    translated = folder / language / name
    if language != SOURCE_LANGUAGE and translated.is_file():
        return translated.read_text(encoding="utf-8")
    return (folder / name).read_text(encoding="utf-8")


def write_template(target: str | os.PathLike[str]) -> Path:
    """Write the template matching ``target``'s extension (.csv events, .yaml/.yml quiz,
    .xlsx a workbook with Events and Quiz sheets), in the current language."""
    target = expand_home(target)  # '~/t.xlsx' is in the home folder, never a './~' folder
    if target.suffix.lower() == ".xlsx":  # events and quiz sheets, with drop-down lists
        from .sheet_template import events_workbook  # lazy: openpyxl only for this

        return write_output(target, events_workbook())
    name = _TEMPLATES.get(target.suffix.lower())
    if name is None:
        kinds = ", ".join(sorted([*_TEMPLATES, ".xlsx"]))
        raise ScaffoldError(
            _("{file}: no template for this kind of file; choose one of {kinds}").format(
                file=target, kinds=kinds
            )
        )
    return write_output(target, template_text(name, current()))


def _settings_source(
    *,
    events: str | None = None,
    start: str | int | None = None,
    end: str | int | None = None,
    quiz: str | None = None,
) -> str:
    """The settings cell: imports and one ``Lesson(...)`` call holding the teacher's choices."""
    arguments = [
        f"    events_file={events!r},",
        f"    start={start!r},",
        f"    end={end!r},",
        "    categories=None,",
        "    agencies=None,",
        f"    quiz_file={quiz!r},",
    ]
    return "\n".join(
        [
            "from isslearn import quiz",
            "from isslearn.lesson import Lesson",
            "",
            "lesson = Lesson(",
            *arguments,
            ")",
            "lesson",
        ]
    )


def new_lesson(
    name: str,
    folder: str | os.PathLike[str] = ".",
    *,
    events: str | os.PathLike[str] | None = None,
    start: str | int | None = None,
    end: str | int | None = None,
    quiz: str | os.PathLike[str] | None = None,
    title: str | None = None,
) -> Path:
    """Write ``NAME.ipynb`` in ``folder`` from the lesson template with the settings filled in.

    ``start`` and ``end`` are a day (``"2015-03-01"``) or a whole year (``2015``). The settings
    are checked first (:class:`~isslearn.lesson.Lesson` raises on a bad one), and each file is
    written into the settings cell so the lesson finds it when it runs (:func:`notebook_path`).
    """
    if not name.strip() or any(sep in name for sep in "/\\") or name.startswith("."):
        raise ScaffoldError(
            _("{name}: NAME must be a plain file name; give a folder with --dir").format(
                name=repr(name)
            )
        )
    folder = expand_home(folder)  # '--dir=~/lessons' is in the home folder, never './~'
    target = folder / (name if name.endswith(".ipynb") else f"{name}.ipynb")
    check_new_file(target)
    _check_files(events, quiz)
    Lesson(events_file=events, start=start, end=end, quiz_file=quiz)  # raises on a bad setting
    notebook = json.loads(template_text("lesson.ipynb"))
    shown_title = title or title_from_name(name)
    source = _settings_source(
        events=notebook_path(events, folder),
        start=start,
        end=end,
        quiz=notebook_path(quiz, folder),
    )
    for cell in notebook["cells"]:
        if _SETTINGS_TAG in cell.get("metadata", {}).get("tags", []):
            cell["source"] = source
        elif cell["cell_type"] == "markdown":
            cell["source"] = _text(cell["source"]).replace(
                "{{TITLE}}", html.escape(shown_title, quote=False)
            )
    return write_output(target, json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")


def _check_files(
    events: str | os.PathLike[str] | None, quiz: str | os.PathLike[str] | None
) -> None:
    """Raise every problem of the teacher's files: a lesson would leave a broken one out, so
    the command refuses to write a lesson that names one."""
    from ..quiz.files import read_quiz_file  # lazy: YAML only for a quiz

    problems = check_events(expand_home(events)).problems if events is not None else []
    if quiz is not None:
        problems += read_quiz_file(expand_home(quiz)).problems
    if problems:
        raise FileProblems(problems)


_UPPER_WORDS = frozenset({"iss", "esa", "nasa", "jaxa", "csa", "eva", "uk", "us", "usa"})


def title_from_name(name: str) -> str:
    """A lesson's title from its file name: words split at '_' and '-', the first capitalised,
    the others as typed, and known abbreviations in capitals.

    >>> title_from_name("iss_week2"), title_from_name("ISS-and-ESA"), title_from_name("the_ISS")
    ('ISS week2', 'ISS and ESA', 'The ISS')
    """
    words = Path(name).stem.replace("_", " ").replace("-", " ").split()
    words = [w.upper() if w.casefold() in _UPPER_WORDS else w for w in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def notebook_path(
    path: str | os.PathLike[str] | None, folder: str | os.PathLike[str]
) -> str | None:
    """How a notebook in ``folder`` names a file the teacher typed as ``path`` (a path from the
    folder the command runs in), so the lesson reads the same file when it runs.

    A path from the home folder (``~/x.xlsx``) and a full path stay as typed: they mean the same
    file wherever the lesson runs. Any other path is rewritten relative to the notebook's
    folder, since a lesson runs in its own folder.

    >>> notebook_path("~/class.xlsx", "lessons"), notebook_path("/srv/class.csv", "lessons")
    ('~/class.xlsx', '/srv/class.csv')
    """
    if path is None:
        return None
    given = os.fspath(path)
    if given.startswith("~") and expand_home(given).is_absolute():
        return Path(given).as_posix()
    if Path(given).is_absolute():
        return Path(given).as_posix()
    return Path(os.path.relpath(Path(given).resolve(), Path(folder).resolve())).as_posix()

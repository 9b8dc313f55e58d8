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

from .errors import IsslearnError
from .lesson import Lesson
from .outputs import check_new_file, write_output

__all__ = [
    "SETTINGS_TAG",
    "TEMPLATES",
    "ScaffoldError",
    "new_lesson",
    "settings_source",
    "template_text",
    "write_template",
]

TEMPLATES = {".csv": "events.csv", ".yaml": "quiz.yaml", ".yml": "quiz.yaml"}
SETTINGS_TAG = "settings"


class ScaffoldError(IsslearnError, ValueError):
    """The file cannot be made (an unknown kind of file, a name that is not a plain name).

    A file that already exists is an :class:`~isslearn.errors.OutputExistsError`.
    """


def template_text(name: str) -> str:
    """The text of a shipped template: 'events.csv', 'quiz.yaml' or 'lesson.ipynb'."""
    return (resources.files("isslearn") / "templates" / name).read_text(encoding="utf-8")


def write_template(target: str | os.PathLike[str]) -> Path:
    """Write the template matching ``target``'s extension (.csv events, .yaml/.yml quiz,
    .xlsx a workbook with Events and Quiz sheets)."""
    target = Path(target)
    if target.suffix.lower() == ".xlsx":  # events and quiz sheets, with drop-down lists
        from .sheet_template import events_workbook  # lazy: openpyxl only for this

        return write_output(target, events_workbook())
    name = TEMPLATES.get(target.suffix.lower())
    if name is None:
        kinds = ", ".join(sorted([*TEMPLATES, ".xlsx"]))
        raise ScaffoldError(f"{target}: no template for this kind of file; choose one of {kinds}")
    return write_output(target, template_text(name))


def settings_source(
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
    are checked first (:class:`~isslearn.lesson.Lesson` raises on a bad one), and
    file paths are written relative to the notebook so the lesson finds them when it runs.
    """
    if not name.strip() or any(sep in name for sep in "/\\") or name.startswith("."):
        raise ScaffoldError(f"{name!r}: NAME must be a plain file name; give a folder with --dir")
    folder = Path(folder)
    target = folder / (name if name.endswith(".ipynb") else f"{name}.ipynb")
    check_new_file(target)
    Lesson(events_file=events, start=start, end=end, quiz_file=quiz)  # raises on a bad setting
    notebook = json.loads(template_text("lesson.ipynb"))
    shown_title = title or Path(name).stem.replace("_", " ").replace("-", " ").strip().capitalize()
    source = settings_source(
        events=_relative(events, folder),
        start=start,
        end=end,
        quiz=_relative(quiz, folder),
    )
    for cell in notebook["cells"]:
        if SETTINGS_TAG in cell.get("metadata", {}).get("tags", []):
            cell["source"] = source
        elif cell["cell_type"] == "markdown":
            cell["source"] = _text(cell["source"]).replace(
                "{{TITLE}}", html.escape(shown_title, quote=False)
            )
    return write_output(target, json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def _relative(path: str | os.PathLike[str] | None, folder: Path) -> str | None:
    if path is None:
        return None
    return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()

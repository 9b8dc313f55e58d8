"""Printable pages from executed lessons: learners' handouts, teachers' keys and guides.

Built with nbconvert's own machinery: an ``HTMLExporter`` with the ``handout`` template
(``isslearn/templates/handout``, which extends nbconvert's ``basic``), nbconvert's
``TagRemovePreprocessor`` for cells tagged ``answers``, and :class:`_HandoutPreprocessor` for
what paper cannot show. What goes in:

- Markdown cells, rendered. A ``<details>`` block is a solution: the learners' handout leaves
  it out, the teacher's key prints it open. Cells tagged ``answers`` are in the key only.
- Code cells lose their code. Their outputs stay when they print well: figures, tables,
  Markdown, plain text. Widget views, error tracebacks and stderr are dropped.
- A quiz output (see :mod:`isslearn.quiz.static`) is replaced by the questions it carries in
  its metadata, or in the key by every answer and every option's feedback (unpacked from the
  item the output carries).
- The key ends with the lesson's teacher's guide (:mod:`isslearn.teacher.guide`), when there is
  one; if a teacher's quiz file added or replaced questions, a note before the guide says
  which questions the guide's own quiz key numbers.

The page has an A4 print stylesheet, and a content security policy that lets it load nothing
from the web and run no script (an ``alert()`` in a guide's raw HTML would otherwise stop
Chromium printing it), so it works offline. The name of the
output decides its format (``.html`` or ``.pdf``); a PDF is printed by headless Chromium.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html
from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor
from traitlets import Bool

from ..errors import GuideError, HandoutError
from ..language import current
from ..language import gettext as _
from ..quiz.static import METADATA_KEY, key_markdown
from ..reading.files import expand_home
from .guide import Guide, find_guide
from .outputs import PROTECTED_SUFFIXES, describe_os_error, write_output

__all__ = [
    "CHROMIUM_VARIABLE",
    "GUIDE_TAG",
    "find_chromium",
    "handout_guide",
    "handout_html",
    "output_target",
    "quiz_key",
    "render_page",
    "write_guide",
    "write_handout",
    "write_page",
]

_ANSWERS_TAG = "answers"
GUIDE_TAG = "isslearn-guide"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_FORMATS: dict[str, str] = {".html": "html", ".htm": "html", ".pdf": "pdf"}
CHROMIUM_VARIABLE = "ISSLEARN_CHROMIUM"  # a browser's full path, when it is somewhere unusual
_CHROMIUM_COMMANDS = (  # on the PATH: Linux, BSD, and any system where the user put one there
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
    "microsoft-edge",
)
_CHROMIUM_APPS = (  # macOS: the applications folder
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
_CHROMIUM_WINDOWS = (  # Windows: under Program Files or the user's local programs
    ("PROGRAMFILES", ("Google", "Chrome", "Application", "chrome.exe")),
    ("PROGRAMFILES(X86)", ("Google", "Chrome", "Application", "chrome.exe")),
    ("LOCALAPPDATA", ("Google", "Chrome", "Application", "chrome.exe")),
    ("PROGRAMFILES(X86)", ("Microsoft", "Edge", "Application", "msedge.exe")),
    ("PROGRAMFILES", ("Microsoft", "Edge", "Application", "msedge.exe")),
    ("LOCALAPPDATA", ("Chromium", "Application", "chrome.exe")),
)
_TEMPLATE_NAME = "handout"

_DETAILS = re.compile(r"<details\b[^>]*>.*?</details\s*>", re.IGNORECASE | re.DOTALL)
_DETAILS_OPEN_TAG = re.compile(r"<details\b(?![^>]*\bopen\b)", re.IGNORECASE)
_UNCLOSED_DETAILS = re.compile(r"<details\b.*", re.IGNORECASE | re.DOTALL)


class _HandoutPreprocessor(Preprocessor):
    """Keep what paper can show: no code, widgets, errors or stderr; solutions and quiz
    answers only in the teacher's key (``answers=True``)."""

    answers = Bool(False, help="make the teacher's key: solutions open, quiz answers shown")

    def preprocess(
        self, nb: nbformat.NotebookNode, resources: dict[str, Any]
    ) -> tuple[nbformat.NotebookNode, dict[str, Any]]:
        nb.metadata.pop("widgets", None)  # saved widget state: nothing to print
        kept = []
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.source = ""
                cell.outputs = [out for out in map(self._printable, cell.outputs) if out]
                if not cell.outputs:
                    continue
            elif cell.cell_type == "markdown":
                cell.source = self._solutions(cell.source)
                if not cell.source.strip():
                    continue
            kept.append(cell)
        nb.cells = kept
        return nb, resources

    def _solutions(self, text: str) -> str:
        if self.answers:
            return _DETAILS_OPEN_TAG.sub("<details open", text)
        text = _DETAILS.sub("", text)
        return _UNCLOSED_DETAILS.sub("", text)  # an unclosed block hides the rest of the cell

    def _printable(self, output: Any) -> Any | None:
        kind = output.get("output_type")
        if kind == "stream":
            return output if output.get("name") == "stdout" else None
        if kind not in ("display_data", "execute_result"):
            return None  # errors
        quiz = output.get("metadata", {}).get(METADATA_KEY, {}).get("quiz")
        if quiz:
            text = quiz_key(quiz) if self.answers else quiz["questions"]
            page = f'<div class="isslearn-handout-quiz">{markdown2html(text)}</div>'
            return nbformat.v4.new_output("display_data", data={"text/html": page})
        data = output.get("data", {})
        if _WIDGET_VIEW in data:
            return None  # a live widget (its text/plain is only "VBox(...)")
        if not data:
            return None
        return output


def quiz_key(quiz: dict[str, Any]) -> str:
    """The key of one quiz output: its answer and every option's feedback, numbered as shown."""
    if "item" not in quiz:  # saved by isslearn before 0.2, which kept the key in plain text
        return str(quiz.get("key", ""))
    key = key_markdown(quiz["item"])
    number = quiz.get("number")
    return key.replace("**", f"**{number}. ", 1) if number else key


def _quiz_origins(notebook: Any) -> tuple[list[int], list[tuple[int, str]]]:
    """The numbers of the quiz items a saved lesson asked from its own questions, and those
    (with the file) it asked from a teacher's quiz file."""
    own: list[int] = []
    theirs: list[tuple[int, str]] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            quiz = output.get("metadata", {}).get(METADATA_KEY, {}).get("quiz")
            if not quiz:
                continue
            origin, number = quiz.get("origin", "lesson"), quiz.get("number") or 0
            if origin == "lesson":
                own.append(number)
            else:
                theirs.append((number, str(origin)))
    return own, theirs


def _key_note(notebook: Any, guide: Guide) -> str:
    """What the key says before the guide, when a teacher's quiz file changed the quiz: the
    guide's quiz key numbers only the lesson's own questions."""
    own, theirs = _quiz_origins(notebook)
    if not theirs:
        return ""
    files = ", ".join(sorted({Path(f).name for _, f in theirs}))
    numbers = _span([n for n, _ in theirs])
    if own:
        return (
            f"**About the quiz key.** Questions {_span(own)} were the lesson's own: the guide's "
            f"quiz key below lists them as Q1 to Q{len(own)}. Questions {numbers} came from "
            f"your quiz file ({files}); their answers are in this key above, not in the guide."
        )
    return (
        f"**About the quiz key.** This lesson asked only the questions of your quiz file "
        f"({files}), numbered {numbers}; their answers are in this key above. The guide's quiz "
        "key below lists the lesson's own questions, which were not asked."
    )


def _span(numbers: list[int]) -> str:
    numbers = sorted(numbers)
    if not numbers:
        return ""
    if len(numbers) <= 2:
        return " and ".join(map(str, numbers))
    return f"{numbers[0]} to {numbers[-1]}"


def _template_dir() -> str:
    return str(resources.files("isslearn") / "templates")


def _exporter(*, answers: bool) -> HTMLExporter:
    exporter = HTMLExporter(
        template_name=_TEMPLATE_NAME,
        extra_template_basedirs=[_template_dir()],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    if not answers:
        remove = TagRemovePreprocessor(remove_cell_tags={_ANSWERS_TAG})
        exporter.register_preprocessor(remove, enabled=True)
    exporter.register_preprocessor(_HandoutPreprocessor(answers=answers), enabled=True)
    return exporter


def render_page(notebook: Any, title: str, *, answers: bool) -> str:
    body, _ = _exporter(answers=answers).from_notebook_node(
        notebook, resources={"isslearn": {"title": title, "language": current()}}
    )
    return body


def _read_notebook(path: Path) -> Any:
    try:
        return nbformat.read(path, as_version=4)
    except FileNotFoundError as exc:
        raise HandoutError(
            _("{file}: file not found; check the name and the folder").format(file=path)
        ) from exc
    except OSError as exc:
        raise HandoutError(describe_os_error(path, exc, "read the notebook")) from exc
    except Exception as exc:  # nbformat raises several kinds for a file that is not a notebook
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise HandoutError(
            _(
                "{file}: this is not a Jupyter notebook ({reason}); give a lesson's .ipynb file"
            ).format(file=path, reason=reason)
        ) from exc


def handout_guide(path: str | os.PathLike[str]) -> Guide | None:
    """The teacher's guide the key of the notebook at ``path`` ends with, if it has one."""
    try:
        return find_guide(path)
    except GuideError:
        return None


def handout_html(path: str | os.PathLike[str], *, answers: bool = False) -> str:
    """The handout (or with ``answers=True`` the teacher's key) as one self-contained page.

    A lesson that was never run (no code cell has an output) is refused: its handout would
    have no figure, table or question."""
    path = expand_home(path)
    notebook = _read_notebook(path)
    _refuse_unrun(notebook, path)
    title = _title(notebook) or path.stem
    if answers:
        title += " (teacher's key)"
        guide = handout_guide(path)
        if guide is not None:
            note = _key_note(notebook, guide)
            if note:
                notebook.cells.append(nbformat.v4.new_markdown_cell(note))
            notebook.cells.append(
                nbformat.v4.new_markdown_cell(guide.text, metadata={"tags": [GUIDE_TAG]})
            )
    return render_page(notebook, title, answers=answers)


def _refuse_unrun(notebook: Any, path: Path) -> None:
    code = [c for c in notebook.cells if c.cell_type == "code" and c.source.strip()]
    if code and not any(c.get("outputs") for c in code):
        raise HandoutError(
            _(
                "{file}: this lesson has not been run (none of its {count} code cell(s) has an "
                "output), so its handout would have no figure, table or question; open it in "
                "Jupyter, choose Run > Run All Cells, save it, then make the handout"
            ).format(file=path, count=len(code))
        )


def _guide_html(guide: Guide) -> str:
    """A teacher's guide as a printable page, with the handouts' stylesheet."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(guide.text)])
    return render_page(notebook, guide.title, answers=True)


def _title(notebook: Any) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return html.unescape(line[2:].strip())
    return ""


def output_target(
    source: Path, out: str | os.PathLike[str] | None, *, kind: str, pdf: bool = False
) -> Path:
    """Where a page made from ``source`` goes: ``out`` as given, or ``SOURCE.KIND.html`` (or
    ``.pdf``) in the current folder or inside the folder ``out`` names (made if missing).

    Not beside the source: a lesson in a clone of the repository (``notebooks/``) or in the
    installed package would get printouts mixed into the lessons. ``~`` in ``out`` is the home
    folder. The extension decides the format; ``pdf=True`` (``--pdf``) with a ``.html`` name,
    or any other extension, is refused, so a notebook or data file is never the output.
    """
    default = f"{source.stem}.{kind}{'.pdf' if pdf else '.html'}"
    if out is None:
        return Path(default)
    text = os.fsdecode(out)
    target = expand_home(text)
    extension = target.suffix.lower()
    if target.is_dir() or text.endswith(("/", os.sep)) or (not extension and not target.exists()):
        return target / default
    if extension not in _FORMATS:
        if not target.suffix:
            message = _(
                "{file}: a page cannot be written as a nameless file; give a name ending in "
                ".html or .pdf (e.g. -o {default}), or a folder"
            )
        elif extension in PROTECTED_SUFFIXES:
            message = _(
                "{file}: a page cannot be written as a {suffix} file (isslearn never writes over "
                "notebooks or data); give a name ending in .html or .pdf (e.g. -o {default}), or "
                "a folder"
            )
        else:
            message = _(
                "{file}: a page cannot be written as a {suffix} file; give a name ending in "
                ".html or .pdf (e.g. -o {default}), or a folder"
            )
        raise HandoutError(message.format(file=target, suffix=target.suffix, default=default))
    if pdf and _FORMATS[extension] != "pdf":
        raise HandoutError(
            _(
                "{file}: --pdf asks for a PDF but the name ends in {suffix}; give -o {pdf}, or "
                "leave out --pdf for HTML"
            ).format(file=target, suffix=target.suffix, pdf=target.with_suffix(".pdf").name)
        )
    return target


def write_page(page: str, target: Path) -> Path:
    """Write an HTML page at ``target`` as HTML or, for a ``.pdf`` name, as a printed PDF."""
    if _FORMATS.get(target.suffix.lower()) == "pdf":
        return write_output(target, _html_to_pdf(page), replace_own=True)
    return write_output(target, page, replace_own=True)


def write_handout(
    notebook: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    *,
    answers: bool = False,
    pdf: bool = False,
) -> Path:
    """Write the handout (``NAME.handout.html``) or key (``NAME.key.html``); see
    :func:`output_target` for what ``out`` and ``pdf`` choose."""
    notebook = Path(notebook)
    page = handout_html(notebook, answers=answers)  # a path that is no notebook is said first
    target = output_target(notebook, out, kind="key" if answers else "handout", pdf=pdf)
    return write_page(page, target)


def write_guide(
    lesson: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    *,
    pdf: bool = False,
) -> Path:
    """Write the teacher's guide of ``lesson`` (``NAME.guide.html``, here unless ``out``)."""
    guide = find_guide(lesson)
    target = output_target(Path(guide.lesson), out, kind="guide", pdf=pdf)
    return write_page(_guide_html(guide), target)


def find_chromium() -> str | None:
    """A headless-capable Chromium, Chrome or Edge on this machine, if there is one: the one
    ``ISSLEARN_CHROMIUM`` names, else one on the PATH, else in the usual place on macOS or
    Windows."""
    named = os.environ.get(CHROMIUM_VARIABLE, "").strip()
    if named:
        return named if Path(named).is_file() else None
    for command in _CHROMIUM_COMMANDS:
        found = shutil.which(command)
        if found:
            return found
    places = [Path(p) for p in _CHROMIUM_APPS]
    places += [Path(os.environ[v], *tail) for v, tail in _CHROMIUM_WINDOWS if os.environ.get(v)]
    return next((str(p) for p in places if p.is_file()), None)


def _html_to_pdf(page: str) -> bytes:
    """Print an HTML page to PDF with headless Chromium; HandoutError if none is installed.

    Chromium reads the page from a ``.html`` file of its own: given a path ending in
    ``.pdf`` it opens its PDF viewer instead, and prints a blank page.
    """
    browser = find_chromium()
    if browser is None:
        raise HandoutError(
            _(
                "no PDF printer found (no Chromium, Chrome or Edge was found); write the page as "
                ".html, open it in a browser and print it, or install Chromium, or set "
                "{variable} to the browser's full path"
            ).format(variable=CHROMIUM_VARIABLE)
        )
    with tempfile.TemporaryDirectory(prefix="isslearn-pdf-") as work:
        source = Path(work) / "page.html"
        printed = Path(work) / "page.pdf"
        source.write_text(page, encoding="utf-8")
        try:
            done = subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    f"--user-data-dir={Path(work) / 'profile'}",
                    "--no-pdf-header-footer",
                    "--run-all-compositor-stages-before-draw",
                    f"--print-to-pdf={printed}",
                    source.as_uri(),
                ],
                capture_output=True,
                text=True,
                timeout=180,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise HandoutError(
                _("Chromium could not print the PDF ({reason})").format(reason=exc)
            ) from exc
        if done.returncode != 0 or not printed.exists():
            raise HandoutError(
                _("Chromium could not print the PDF: {reason}").format(
                    reason=done.stderr.strip()[-300:]
                )
            )
        return printed.read_bytes()


def _to_pdf(html_path: str | os.PathLike[str], pdf_path: str | os.PathLike[str]) -> Path:
    """Print the HTML page at ``html_path`` to the PDF ``pdf_path`` (replacing an old one)."""
    try:
        page = Path(html_path).read_text(encoding="utf-8")
    except OSError as exc:
        raise HandoutError(describe_os_error(html_path, exc, "read the page")) from exc
    return write_output(Path(pdf_path), _html_to_pdf(page), replace_own=True)

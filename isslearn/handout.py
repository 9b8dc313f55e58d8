"""A printable handout from an executed lesson: text, figures and quiz questions, no code.

What goes in, cell by cell:

- Markdown cells, rendered; cells tagged ``answers`` (e.g. a try-it solution) only with
  ``answers=True``.
- Code cells lose their code. Their outputs stay when they print well: figures
  (``image/png``), tables (``text/html``), Markdown, plain text. Widget views, error
  tracebacks and stderr are dropped, since paper cannot run them.
- A quiz output (see :mod:`isslearn.quiz.static`) is replaced by the questions it carries in
  its metadata, or with ``answers=True`` by the key: answers and every option's feedback.

The page has a print stylesheet (A4, figures never split across pages). ``to_pdf`` asks a
headless Chromium, if one is installed, to print the HTML to PDF.
"""

from __future__ import annotations

import copy
import html
import os
import shutil
import subprocess
from pathlib import Path

from .quiz.static import METADATA_KEY

ANSWERS_TAG = "answers"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

PRINT_CSS = """
body { font-family: Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto;
       line-height: 1.45; color: #111; padding: 0 1em; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
.anchor-link { display: none; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; }
pre { white-space: pre-wrap; }
.isslearn-handout-quiz { border-left: 3px solid #0072B2; padding-left: 0.8em; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; }
  img, figure, table, pre, .isslearn-handout-quiz { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


class HandoutError(ValueError):
    """The notebook cannot be turned into a handout (not found, not a notebook)."""


def handout_notebook(notebook: dict, *, answers: bool = False) -> dict:
    """A copy of ``notebook`` (nbformat dict) holding only what the handout should print."""
    nb = copy.deepcopy(notebook)
    nb.get("metadata", {}).pop("widgets", None)  # saved widget state: nothing to print
    cells = []
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags", [])
        if ANSWERS_TAG in tags and not answers:
            continue
        if cell.get("cell_type") == "code":
            cell["source"] = ""
            cell["outputs"] = [
                kept for out in cell.get("outputs", []) if (kept := _printable(out, answers))
            ]
            if not cell["outputs"]:
                continue
        cells.append(cell)
    nb["cells"] = cells
    return nb


def _printable(output: dict, answers: bool) -> dict | None:
    kind = output.get("output_type")
    if kind == "stream":
        return output if output.get("name") == "stdout" else None
    if kind not in ("display_data", "execute_result"):
        return None  # errors
    quiz = output.get("metadata", {}).get(METADATA_KEY, {}).get("quiz")
    if quiz:
        text = quiz["key" if answers else "questions"]
        return {
            "output_type": "display_data",
            "metadata": {},
            "data": {"text/html": f'<div class="isslearn-handout-quiz">{_markdown(text)}</div>'},
        }
    data = {k: v for k, v in output.get("data", {}).items() if k != WIDGET_VIEW}
    if WIDGET_VIEW in output.get("data", {}) or not data:
        return None  # a live widget has nothing to print
    return {**output, "data": data}


def _markdown(text: str) -> str:
    from nbconvert.filters import markdown2html

    return markdown2html(text)


def handout_html(path: str | os.PathLike[str], *, answers: bool = False) -> str:
    """The handout of the notebook at ``path`` as one self-contained HTML page."""
    import nbformat
    from nbconvert import HTMLExporter

    path = Path(path)
    try:
        notebook = nbformat.read(path, as_version=4)
    except FileNotFoundError as exc:
        raise HandoutError(f"{path}: file not found; check the name and the folder") from exc
    except Exception as exc:  # nbformat raises several kinds for a file that is not a notebook
        raise HandoutError(f"{path}: this is not a Jupyter notebook ({exc})") from exc
    printable = nbformat.from_dict(handout_notebook(notebook, answers=answers))
    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True)
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(printable)
    title = _title(notebook) or path.stem
    if answers:
        title += " (teacher's key)"
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        f"<title>{html.escape(title)}</title>\n<style>{PRINT_CSS}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _title(notebook: dict) -> str:
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return html.unescape(line[2:].strip())
    return ""


def write_handout(
    notebook: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    *,
    answers: bool = False,
) -> Path:
    """Write the handout next to the notebook (``NAME.handout.html`` or ``NAME.key.html``)."""
    notebook = Path(notebook)
    suffix = ".key.html" if answers else ".handout.html"
    target = Path(out) if out is not None else notebook.with_name(notebook.stem + suffix)
    target.write_text(handout_html(notebook, answers=answers), encoding="utf-8")
    return target


def find_chromium() -> str | None:
    """A headless-capable Chromium or Chrome on this machine, if there is one."""
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("google-chrome")


def to_pdf(html_path: str | os.PathLike[str], pdf_path: str | os.PathLike[str]) -> Path:
    """Print an HTML handout to PDF with headless Chromium; HandoutError if none is installed."""
    browser = find_chromium()
    if browser is None:
        raise HandoutError(
            "no PDF converter found (Chromium is not installed); open the HTML handout in a "
            "browser and print it to PDF, or install Chromium (apt-get install chromium)"
        )
    import tempfile

    pdf_path = Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory() as profile:
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
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf_path}",
                Path(html_path).resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    if done.returncode != 0 or not pdf_path.exists():
        raise HandoutError(f"Chromium could not print the PDF: {done.stderr.strip()[-300:]}")
    return pdf_path

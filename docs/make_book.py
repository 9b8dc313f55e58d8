"""Build the lessons' website from the saved notebooks, with no network and no kernel.

``python docs/make_book.py [OUT]`` (what ``make book`` runs) does two things:

1. *stage*: copy the sources into ``OUT/src`` — the landing pages from docs/, every lesson in
   notebooks/ with its widget views removed and launch links added, a page per lesson with
   its objectives and time, the glossary and the teacher's guides when they exist;
2. *build*: run Sphinx (MyST-NB, ``nb_execution_mode = "off"``) into ``OUT/html``, with
   warnings as errors, so a broken internal link fails the build.

The lessons are discovered (``notebooks/*.ipynb``), never listed here. The repository and
hub addresses come from docs/site.toml, the one place they are set.
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import nbformat

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
NOTEBOOKS = REPO / "notebooks"
GUIDES = REPO / "isslearn" / "guides"
GLOSSARY = NOTEBOOKS / "glossary.md"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
LANDING_PAGES = ("index.md", "learners.md", "teachers.md")


@dataclass(frozen=True)
class Site:
    """Where the lessons are published from: docs/site.toml."""

    repository: str
    branch: str
    hub: str
    binderhub: str

    @classmethod
    def load(cls, path: Path = DOCS / "site.toml") -> Site:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(**{name: str(values[name]).rstrip("/") for name in cls.__dataclass_fields__})

    @property
    def clone_folder(self) -> str:
        """The folder nbgitpuller copies the repository into: its last path component."""
        return self.repository.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")

    def binder_url(self, path: str) -> str:
        """Open ``path`` (relative to the repository root) in JupyterLab on Binder."""
        github = "https://github.com/"
        if self.repository.startswith(github):
            spec = "gh/" + self.repository.removeprefix(github)
        else:
            spec = "git/" + quote(self.repository, safe="")
        return f"{self.binderhub}/v2/{spec}/{self.branch}?urlpath={quote('lab/tree/' + path)}"

    def hub_url(self, path: str) -> str:
        """The nbgitpuller link: copy (or update) the lessons into a learner's home, open one."""
        urlpath = quote(f"lab/tree/{self.clone_folder}/{path}")
        return (
            f"{self.hub}/hub/user-redirect/git-pull?repo={quote(self.repository, safe='')}"
            f"&urlpath={urlpath}&branch={self.branch}"
        )


@dataclass(frozen=True)
class LessonFacts:
    """What a teacher plans with: a lesson's title, objectives and time, read from the lesson."""

    name: str
    title: str
    objectives: list[str]
    time: str


def lesson_facts(path: Path, notebook: nbformat.NotebookNode) -> LessonFacts:
    """Title (first heading), the list under "Learning objectives", and "Time to learn"."""
    title, objectives, time = path.stem, [], ""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        text = cell.source
        heading = re.search(r"^#\s+(.+)$", text, re.M)
        if heading and title == path.stem:
            title = heading.group(1).strip()
        if re.search(r"^#+\s+.*objectives", text, re.M | re.I) and not objectives:
            objectives = [m.strip() for m in re.findall(r"^\s*(?:[-*]|\d+\.)\s+(.+)$", text, re.M)]
        found = re.search(r"Time to learn:?\**:?\s*(.+)", text)
        if found and not time:
            time = found.group(1).strip()
    return LessonFacts(path.stem, title, objectives, time)


def without_widgets(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy with every widget view gone, with its text stand-in: the page shows the rest.

    An output that held a widget and a static twin (a quiz's Markdown) keeps the twin; an
    output that was only a widget disappears. The saved widget state goes too, so nothing
    on the page asks for a widget manager.
    """
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                data.pop(WIDGET_VIEW)
                data.pop("text/plain", None)
                if not data:
                    continue
            kept.append(output)
        cell.outputs = kept
    return notebook


def launch_cell(site: Site, lesson: str) -> nbformat.NotebookNode:
    """Plain links (no JavaScript) that open this lesson on Binder or the school's hub."""
    path = f"notebooks/{lesson}.ipynb"
    return nbformat.v4.new_markdown_cell(
        ":::{container} isslearn-launch\n"
        f"[Run this lesson on Binder]({site.binder_url(path)})"
        f" [Run it on your school's JupyterHub]({site.hub_url(path)})"
        f" [Objectives and time](../about/{lesson}.md)\n"
        ":::\n"
    )


def stage_lesson(site: Site, path: Path, out: Path) -> LessonFacts:
    notebook = nbformat.read(path, as_version=4)
    facts = lesson_facts(path, notebook)
    page = without_widgets(notebook)
    page.cells.insert(1 if page.cells else 0, launch_cell(site, path.stem))
    nbformat.write(page, out / "lessons" / path.name)
    return facts


def about_page(site: Site, facts: LessonFacts, guide: str | None) -> str:
    """The page a teacher plans with: objectives, time, where to run it, the guide."""
    path = f"notebooks/{facts.name}.ipynb"
    # Objectives were written beside the lessons: their relative links start from lessons/.
    objectives = "\n".join(
        "- " + re.sub(r"\]\((?![a-z]+:|#|/)", "](../lessons/", item) for item in facts.objectives
    )
    lines = [
        f"# {facts.title}: objectives and time",
        "",
        f"**Time:** {facts.time or '(not stated yet)'}",
        "",
        "## Learning objectives",
        "",
        objectives or "- (not stated yet)",
        "",
        "## Open it",
        "",
        f"- [Read the lesson on this site](../lessons/{facts.name}.ipynb)",
        f"- [Run it on Binder]({site.binder_url(path)}) (nothing to install; work is temporary)",
        f"- [Run it on your school's JupyterHub]({site.hub_url(path)})",
    ]
    if guide:
        lines.append(f"- [The teacher's guide](../guides/{guide})")
    return "\n".join(lines) + "\n"


def _toctree(caption: str, entries: list[str]) -> str:
    if not entries:
        return ""
    body = "\n".join(entries)
    return f"```{{toctree}}\n:caption: {caption}\n:maxdepth: 1\n\n{body}\n```\n"


def _lesson_table(lessons: list[LessonFacts]) -> str:
    rows = [
        f"| [{f.title}](lessons/{f.name}.ipynb) | {f.time or '-'} "
        f"| [objectives](about/{f.name}.md) |"
        for f in lessons
    ]
    return "\n".join(["| lesson | time | plan |", "| --- | --- | --- |", *rows]) + "\n"


def stage(out: Path, site: Site | None = None, notebooks: Path = NOTEBOOKS) -> list[LessonFacts]:
    """Write the website's sources into ``out`` (emptied first); return the lessons found."""
    site = site or Site.load()
    if out.exists():
        shutil.rmtree(out)
    (out / "lessons").mkdir(parents=True)
    (out / "about").mkdir()
    shutil.copytree(DOCS / "_static", out / "_static")
    examples = notebooks / "examples"
    if examples.is_dir():
        shutil.copytree(examples, out / "lessons" / "examples")

    lessons = [stage_lesson(site, path, out) for path in sorted(notebooks.glob("*.ipynb"))]
    glossary = notebooks / "glossary.md"
    if glossary.exists():
        shutil.copy(glossary, out / "lessons" / "glossary.md")
    guides = sorted(GUIDES.glob("*.md")) if GUIDES.is_dir() else []
    if guides:
        (out / "guides").mkdir()
    for guide in guides:
        # Guides live beside the code; point their links at the lessons' pages on the site.
        text = re.sub(r"\]\((?:\.\./)+notebooks/", "](../lessons/", guide.read_text("utf-8"))
        (out / "guides" / guide.name).write_text(text, encoding="utf-8")
    guide_names = {g.stem: g.name for g in guides}
    for facts in lessons:
        page = about_page(site, facts, guide_names.get(facts.name))
        (out / "about" / f"{facts.name}.md").write_text(page, encoding="utf-8")

    first = f"notebooks/{lessons[0].name}.ipynb" if lessons else "notebooks/"
    lesson_pages = [f"lessons/{f.name}" for f in lessons]
    glossary_page = ["lessons/glossary"] if glossary.exists() else []
    parts = {
        "lesson_table": _lesson_table(lessons),
        "learner_toctree": _toctree("Lessons", lesson_pages + glossary_page),
        "teacher_toctree": _toctree("Planning", [f"about/{f.name}" for f in lessons])
        + _toctree("Teacher's guides", [f"guides/{g.stem}" for g in guides]),
        "binder_start": site.binder_url(first),
        "hub_start": site.hub_url(first),
        "glossary_link": "[the glossary](lessons/glossary.md)" if glossary_page else "",
    }
    for name in LANDING_PAGES:
        text = (DOCS / name).read_text(encoding="utf-8")
        for key, value in parts.items():
            text = text.replace("{{" + key + "}}", value)
        (out / name).write_text(text, encoding="utf-8")
    return lessons


def build(out: Path, site: Site | None = None, notebooks: Path = NOTEBOOKS) -> Path:
    """Stage and build; return the folder of HTML. Raises SystemExit if Sphinx fails."""
    from sphinx.cmd.build import build_main

    source, html = out / "src", out / "html"
    stage(source, site, notebooks)
    if html.exists():
        shutil.rmtree(html)
    status = build_main(
        ["-b", "html", "-q", "-W", "--keep-going", "-c", str(DOCS), str(source), str(html)]
    )
    if status:
        raise SystemExit(f"the website did not build (sphinx-build exit status {status})")
    return html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=REPO / "build" / "book")
    parser.add_argument(
        "--notebooks", type=Path, default=NOTEBOOKS, help="folder of lessons (default notebooks/)"
    )
    args = parser.parse_args(argv)
    html = build(args.out.resolve(), notebooks=args.notebooks.resolve())
    print(f"The website is in {html} (open {html / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

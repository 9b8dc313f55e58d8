"""Build the lessons' website from the saved notebooks, with no network and no kernel.

``python docs/make_book.py [OUT]`` (what ``make book`` runs) does two things:

1. *stage*: copy the sources into ``OUT/src`` — the landing pages from docs/, every lesson in
   notebooks/ under ``notebooks/`` (as in the repository, so that the theme's launch buttons
   open the same file on Binder or a hub) with what MyST-NB cannot leave out by itself
   removed (see :func:`without_widgets`), a page per lesson with its objectives and time, the
   glossary, the example files and the teacher's guides when they exist;
2. *build*: run Sphinx (MyST-NB, ``nb_execution_mode = "off"``) with docs/conf.py into
   ``OUT/html``, with warnings as errors, so a broken internal link fails the build.

A lesson page shows each quiz question once, with no answer in its HTML: each option is a link
to its own feedback page (which says right or wrong, and why), so a reader answers with
JavaScript off as they would press Check, and nobody reads the answers in the page's source.
Staging writes those pages to ``OUT/src/_quiz``; the build copies them to ``OUT/html/quiz``.

Where the book tooling has a feature, the website uses it, set in docs/conf.py: the launch
buttons (Binder, JupyterHub) are sphinx-book-theme's ``launch_buttons``; MyST-NB never renders
a widget view (``nb_mime_priority_overrides``) and leaves out every cell tagged
``remove-cell`` (and honours ``remove-input``, ``remove-output``, ``hide-input`` and the other
MyST-NB cell tags a lesson author sets). This script does only what those cannot.

The lessons are discovered (``notebooks/*.ipynb``), never listed here. A lesson whose notebook
metadata says ``"isslearn": {"audience": "teachers"}`` is a teachers' lesson: it is listed on
the teachers' page and marked "for teachers", never in the learners' menu. The repository and
hub addresses come from docs/site.toml, the one place they are set; the build warns while
they are still the placeholders (``OWNER/REPO``, ``HUB``) but does not stop.

Site layout (what the next person changing the site needs): ``index`` holds every toctree
(hidden; the sidebar shows them as flat captioned lists, so it needs no expandable
``<details>``); ``learners`` and ``teachers`` link to the pages with plain lists;
``notebooks/NAME`` is a lesson, ``about/NAME`` its planning page, ``guides/NAME`` its
teacher's guide.
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

import nbformat

from isslearn.quiz.static import METADATA_KEY, feedback_pages, item_from_dict, static_html, unpack

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
# MyST-NB's cell tag for "leave this cell off the page".
REMOVE_CELL = "remove-cell"
LANDING_PAGES = ("index.md", "learners.md", "teachers.md")
# The website's folder of lessons has the repository's name for it: the theme's launch buttons
# build each lesson's path in the repository from its page name (path_to_docs is empty).
LESSON_PAGES = "notebooks"
PRESENT_TEMPLATE = "isslearn"  # the Voilà template isslearn ships (isslearn.teacher.present)
# docs/site.toml as shipped: a school or fork replaces these (see placeholder_warnings).
PLACEHOLDERS = {"repository": "OWNER/REPO", "hub": "://HUB"}
QUIZ_PAGES = "quiz"  # OUT/html/quiz/LESSON/qN-b.html: one page per answer's feedback
STAGED_QUIZ_PAGES = "_quiz"  # where stage() writes them; Sphinx leaves .html files alone


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
        """Open ``path`` (relative to the repository root) in JupyterLab on Binder.

        The same provider forms as the theme's launch buttons (tests/test_book.py compares them).
        """
        github, gitlab = "https://github.com/", "https://gitlab.com/"
        if self.repository.startswith(github):
            spec = "gh/" + self.repository.removeprefix(github)
        elif self.repository.startswith(gitlab):
            spec = "gl/" + quote(self.repository.removeprefix(gitlab), safe="")
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

    def binder_present_url(self, path: str) -> str:
        """``path`` in the presenter view on Binder: Voilà's server extension, isslearn's
        template (``isslearn present`` on a computer; see isslearn/teacher/present.py)."""
        lab = self.binder_url(path)
        return lab.split("?urlpath=")[0] + "?urlpath=" + quote(_presenter(path))

    def hub_present_url(self, path: str) -> str:
        """The nbgitpuller link that copies the lessons, then opens ``path`` in the presenter
        view: for the teacher's projector on the school's hub."""
        urlpath = quote(_presenter(f"{self.clone_folder}/{path}"))
        return (
            f"{self.hub}/hub/user-redirect/git-pull?repo={quote(self.repository, safe='')}"
            f"&urlpath={urlpath}&branch={self.branch}"
        )


def _presenter(path: str) -> str:
    """Voilà's address for ``path`` with isslearn's presenter template (as voila_link makes)."""
    return f"voila/render/{path}?template={PRESENT_TEMPLATE}"


@dataclass(frozen=True)
class LessonFacts:
    """What a teacher plans with: a lesson's title, objectives and time, read from the lesson."""

    name: str
    title: str
    objectives: list[str]
    time: str
    for_teachers: bool = False


TEACHERS = "teachers"  # the notebook metadata isslearn.audience of a lesson for teachers


def lesson_facts(path: Path, notebook: nbformat.NotebookNode) -> LessonFacts:
    """Title (first heading), the list under "Learning objectives", "Time to learn", and
    whether the lesson is for teachers (its metadata)."""
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
    audience = notebook.metadata.get("isslearn", {}).get("audience")
    return LessonFacts(path.stem, title, objectives, time, audience == TEACHERS)


def _only_a_widget(output: nbformat.NotebookNode) -> bool:
    """A live widget with nothing a page could show instead: its view and a text repr."""
    data = output.get("data", {})
    return WIDGET_VIEW in data and set(data) <= {WIDGET_VIEW, "text/plain"}


def without_widgets(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy for the website: what MyST-NB cannot leave out of a page by itself.

    conf.py already stops MyST-NB from rendering any widget view, so an output that holds a
    static form beside its view (Markdown, an image, HTML) shows that form. Three things
    remain, done here:

    - the saved widget state goes: MyST-NB writes it into every page that has it (100 to
      370 kB a lesson), whatever its settings;
    - a cell whose every output is only a live widget (an explorer) gets MyST-NB's
      ``remove-cell`` tag: its code means nothing on a page without the widget, and the
      figure beside it in the lesson stands in for it;
    - the quiz: in a cell that shows other outputs too, an output that is only a live widget
      goes; without its view MyST-NB would print its one-line text form ("Quiz: ...") above
      the answerable twin that follows it.
    """
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        live = [output for output in outputs if _only_a_widget(output)]
        if live and len(live) == len(outputs):
            tags = cell.metadata.setdefault("tags", [])
            if REMOVE_CELL not in tags:
                tags.append(REMOVE_CELL)
        elif live:
            cell.outputs = [output for output in outputs if not _only_a_widget(output)]
    return notebook


def website_quizzes(notebook: nbformat.NotebookNode, lesson: str) -> dict[str, str]:
    """Give each quiz output of ``notebook`` (a staged copy) the website's form, in place, and
    return the feedback pages it links to: path under ``quiz/`` -> the page's HTML.

    The output keeps only its HTML, in which every option links to its own page, and loses the
    metadata that carried the packed answers, so the lesson page's source holds no answer.
    """
    title = lesson_facts(Path(lesson), notebook).title
    pages: dict[str, str] = {}
    count = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            quiz = output.get("metadata", {}).pop(METADATA_KEY, {}).get("quiz")
            if not quiz or "item" not in quiz:
                continue
            count += 1
            item = item_from_dict(unpack(quiz["item"]))
            number = quiz.get("number") or count
            anchor = f"isslearn-quiz-{count}"

            def link(name: str, count: int = count) -> str:
                return f"../{QUIZ_PAGES}/{lesson}/q{count}-{name}.html"

            output["data"] = {"text/html": static_html(item, number, link=link, anchor=anchor)}
            back = f"../../{LESSON_PAGES}/{lesson}.html#{anchor}"
            for name, (heading, body) in feedback_pages(item).items():
                pages[f"{lesson}/q{count}-{name}.html"] = feedback_page(
                    f"{title}: question {number}, {heading}",
                    f"Question {number}: {escape(' '.join(item.title.split()), quote=False)}",
                    body,
                    back,
                )
    return pages


def feedback_page(title: str, question: str, body: str, back: str) -> str:
    """A small page of its own: the question, one answer's feedback, and the way back."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 42em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #1a1a1a; background: #fff; }}
a {{ color: #0b5394; }}
h1 {{ font-size: 1.3em; }}
</style>
</head>
<body>
<main>
<h1>{question}</h1>
{body}
<p><a href="{escape(back)}">Back to the question</a></p>
</main>
</body>
</html>
"""


def stage_lesson(path: Path, out: Path) -> LessonFacts:
    notebook = nbformat.read(path, as_version=4)
    facts = lesson_facts(path, notebook)
    page = without_widgets(notebook)
    for name, text in website_quizzes(page, path.stem).items():
        target = out / STAGED_QUIZ_PAGES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    nbformat.write(page, out / LESSON_PAGES / path.name)
    return facts


def about_page(site: Site, facts: LessonFacts, guide: str | None) -> str:
    """The page a teacher plans with: objectives, time, where to run it, the guide."""
    path = f"notebooks/{facts.name}.ipynb"
    # Objectives were written beside the lessons: their relative links start from there.
    objectives = "\n".join(
        "- " + re.sub(r"\]\((?![a-z]+:|#|/)", f"](../{LESSON_PAGES}/", item)
        for item in facts.objectives
    )
    lines = [
        f"# {facts.title}: objectives and time",
        "",
        f"**Time:** {facts.time or '(not stated yet)'}",
        "",
        *(["**For teachers:** learners can skip this lesson.", ""] if facts.for_teachers else []),
        "## Learning objectives",
        "",
        objectives or "- (not stated yet)",
        "",
        "## Open it",
        "",
        f"- [Read the lesson on this site](../{LESSON_PAGES}/{facts.name}.ipynb)",
        f"- [Run it on Binder]({site.binder_url(path)}) (nothing to install; work is temporary)",
        f"- [Run it on your school's JupyterHub]({site.hub_url(path)})",
        "",
        "## Project it in class",
        "",
        f"- On your computer: `isslearn present {facts.name[:2]}` (or `make present "
        f"LESSON={facts.name[:2]}` in a copy of the repository): code hidden, large type, "
        "figures, sliders and quizzes live; each quiz has *Show the answer* for you",
        f"- [The presenter view on your school's JupyterHub]({site.hub_present_url(path)})",
        f"- [The presenter view on Binder]({site.binder_present_url(path)})",
        f'- With no network or no kernel: <a href="../{LESSON_PAGES}/{facts.name}.html?present">'
        "this site's lesson page, presented</a> (large type, one section per screen, no live "
        "widgets; the *Present* button at the top of the page does the same)",
    ]
    if guide:
        lines.append(f"- [The teacher's guide](../guides/{guide})")
    return "\n".join(lines) + "\n"


def _toctree(caption: str, entries: Iterable[str]) -> str:
    """A hidden toctree: the sidebar lists its pages under ``caption``; the page shows nothing."""
    body = "\n".join(entries)
    if not body:
        return ""
    return f"```{{toctree}}\n:caption: {caption}\n:hidden:\n:maxdepth: 1\n\n{body}\n```\n"


def _links(heading: str, entries: Iterable[tuple[str, str]]) -> str:
    """A plain list of links under a heading (what learners.md and teachers.md show)."""
    items = [f"- [{text}]({target})" for text, target in entries]
    return f"## {heading}\n\n" + "\n".join(items) + "\n" if items else ""


def _title(markdown: Path) -> str:
    found = re.search(r"^#\s+(.+)$", markdown.read_text(encoding="utf-8"), re.M)
    return found.group(1).strip() if found else markdown.stem


FOR_TEACHERS = " (for teachers)"


def _lesson_table(lessons: list[LessonFacts]) -> str:
    rows = [
        f"| [{f.title}]({LESSON_PAGES}/{f.name}.ipynb){FOR_TEACHERS if f.for_teachers else ''} "
        f"| {f.time or '-'} | [objectives](about/{f.name}.md) |"
        for f in lessons
    ]
    return "\n".join(["| lesson | time | plan |", "| --- | --- | --- |", *rows]) + "\n"


def _teachers_lessons(teachers: list[LessonFacts]) -> str:
    """A sentence for the learners' page naming the lessons for teachers, which it leaves out."""
    if not teachers:
        return ""
    names = ", ".join(f"*{f.title}*" for f in teachers)
    return (
        f"The lesson for teachers ({names}) is not in this list: it is on the teachers' page, "
        "and learners can skip it."
    )


def placeholder_warnings(site: Site) -> list[str]:
    """One line per address in docs/site.toml that is still the shipped placeholder."""
    found = []
    if PLACEHOLDERS["repository"] in site.repository:
        found.append(
            f"docs/site.toml: repository is still the placeholder {site.repository}: the "
            "website's Binder and JupyterHub buttons and links lead nowhere. Put in the address "
            "of your copy of the repository (e.g. https://github.com/your-school/isslearn)."
        )
    if PLACEHOLDERS["hub"] in site.hub:
        found.append(
            f"docs/site.toml: hub is still the placeholder {site.hub}: the website's JupyterHub "
            "buttons and links lead nowhere. Put in your school's JupyterHub address (e.g. "
            "https://hub.your-school.example), or ignore this if your school has none."
        )
    return found


def stage(out: Path, site: Site | None = None, notebooks: Path = NOTEBOOKS) -> list[LessonFacts]:
    """Write the website's sources into ``out`` (emptied first); return the lessons found."""
    site = site or Site.load()
    if out.exists():
        shutil.rmtree(out)
    (out / LESSON_PAGES).mkdir(parents=True)
    (out / "about").mkdir()
    shutil.copytree(DOCS / "_static", out / "_static")
    examples = notebooks / "examples"
    if examples.is_dir():
        shutil.copytree(examples, out / LESSON_PAGES / "examples")

    lessons = [stage_lesson(path, out) for path in sorted(notebooks.glob("*.ipynb"))]
    glossary = notebooks / "glossary.md"
    if glossary.exists():
        shutil.copy(glossary, out / LESSON_PAGES / "glossary.md")
    guides = sorted(GUIDES.glob("*.md")) if GUIDES.is_dir() else []
    if guides:
        (out / "guides").mkdir()
    for guide in guides:
        # Guides live beside the code; point their links at the lessons' pages on the site.
        text = re.sub(
            r"\]\((?:\.\./)+notebooks/", f"](../{LESSON_PAGES}/", guide.read_text("utf-8")
        )
        (out / "guides" / guide.name).write_text(text, encoding="utf-8")
    guide_names = {g.stem: g.name for g in guides}
    for facts in lessons:
        page = about_page(site, facts, guide_names.get(facts.name))
        (out / "about" / f"{facts.name}.md").write_text(page, encoding="utf-8")

    first = f"notebooks/{lessons[0].name}.ipynb" if lessons else "notebooks/"
    learners = [f for f in lessons if not f.for_teachers]
    teachers = [f for f in lessons if f.for_teachers]
    glossary_page = [f"{LESSON_PAGES}/glossary"] if glossary.exists() else []
    parts = {
        "lesson_table": _lesson_table(lessons),
        "teachers_lessons": _teachers_lessons(teachers),
        # Every toctree is on the front page, hidden: the sidebar shows flat captioned lists.
        "site_toctrees": _toctree("Start here", ["learners", "teachers"])
        + _toctree("Lessons", [f"{LESSON_PAGES}/{f.name}" for f in learners] + glossary_page)
        + _toctree("Lessons for teachers", [f"{LESSON_PAGES}/{f.name}" for f in teachers])
        + _toctree("Planning", [f"about/{f.name}" for f in lessons])
        + _toctree("Teacher's guides", [f"guides/{g.stem}" for g in guides]),
        "learner_links": _links(
            "Lessons", [(f.title, f"{LESSON_PAGES}/{f.name}.ipynb") for f in learners]
        ),
        "teacher_links": _links(
            "Lessons for teachers",
            [(f.title, f"{LESSON_PAGES}/{f.name}.ipynb") for f in teachers],
        )
        + "\n"
        + _links(
            "Planning: objectives and time", [(f.title, f"about/{f.name}.md") for f in lessons]
        )
        + "\n"
        + _links("Teacher's guides", [(_title(g), f"guides/{g.name}") for g in guides]),
        "binder_start": site.binder_url(first),
        "hub_start": site.hub_url(first),
        "glossary_link": f"[the glossary]({LESSON_PAGES}/glossary.md)" if glossary_page else "",
    }
    for name in LANDING_PAGES:
        text = (DOCS / name).read_text(encoding="utf-8")
        for key, value in parts.items():
            text = text.replace("{{" + key + "}}", value)
        (out / name).write_text(text, encoding="utf-8")
    return lessons


def build(out: Path, notebooks: Path = NOTEBOOKS) -> Path:
    """Stage and build; return the folder of HTML. Raises SystemExit if Sphinx fails.

    The site's addresses are read from docs/site.toml, here and by docs/conf.py (the launch
    buttons); a placeholder left there is reported on stderr and the build goes on.
    """
    from sphinx.cmd.build import build_main

    site = Site.load()
    for warning in placeholder_warnings(site):
        print(f"make_book: warning: {warning}", file=sys.stderr)
    source, html = out / "src", out / "html"
    stage(source, site, notebooks)
    if html.exists():
        shutil.rmtree(html)
    status = build_main(
        ["-b", "html", "-q", "-W", "--keep-going", "-c", str(DOCS), str(source), str(html)]
    )
    if status:
        raise SystemExit(f"the website did not build (sphinx-build exit status {status})")
    if (source / STAGED_QUIZ_PAGES).is_dir():
        shutil.copytree(source / STAGED_QUIZ_PAGES, html / QUIZ_PAGES)
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

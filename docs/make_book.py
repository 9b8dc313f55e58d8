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
import json
import posixpath
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

import nbformat

from isslearn.language import current as current_language
from isslearn.language import set_language
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
SOURCE_LANGUAGE = "en"  # the lessons are written in English first; the site's root is English
WORDS_FILE = "words.toml"  # a language's own words for the site: docs/words.toml, docs/CODE/...
SITE_FILE = "_site.json"  # staged beside the pages: the language switch's map (see conf.py)
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
class Language:
    """One language of the website, found from files only: docs/words.toml is English (the
    source), and a folder docs/CODE/ with a words.toml, index.md, learners.md and teachers.md
    is another language, whose lessons are notebooks/CODE/ and guides isslearn/guides/CODE/.
    Its site is built into html/CODE/ with its lessons at notebooks/CODE/ as in the repository,
    so the launch buttons open the same file."""

    code: str
    words: dict[str, str]

    @classmethod
    def load(cls, code: str) -> Language:
        folder = DOCS if code == SOURCE_LANGUAGE else DOCS / code
        words = tomllib.loads((folder / WORDS_FILE).read_text(encoding="utf-8"))
        return cls(code, {key: str(value) for key, value in words.items()})

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANGUAGE

    @property
    def name(self) -> str:
        """The language's own name for itself (what the switch shows)."""
        return self.words["name"]

    @property
    def folder(self) -> str:
        """Where its lessons are, in the repository and on its site."""
        return LESSON_PAGES if self.is_source else f"{LESSON_PAGES}/{self.code}"

    @property
    def notebooks(self) -> Path:
        return REPO / self.folder

    @property
    def guides(self) -> Path:
        return GUIDES if self.is_source else GUIDES / self.code

    @property
    def pages(self) -> Path:
        """The folder of its landing pages (index.md, learners.md, teachers.md)."""
        return DOCS if self.is_source else DOCS / self.code

    @property
    def prefix(self) -> str:
        """Where its site sits under html/: the source language at the root."""
        return "" if self.is_source else f"{self.code}/"


def languages() -> list[Language]:
    """English first, then every language with a docs/CODE/words.toml, by code."""
    others = sorted(path.parent.name for path in DOCS.glob(f"*/{WORDS_FILE}"))
    return [Language.load(code) for code in [SOURCE_LANGUAGE, *others]]


@dataclass(frozen=True)
class LessonFacts:
    """What a teacher plans with: a lesson's title, objectives and time, read from the lesson."""

    name: str
    title: str
    objectives: list[str]
    time: str
    for_teachers: bool = False


TEACHERS = "teachers"  # the notebook metadata isslearn.audience of a lesson for teachers


def lesson_facts(
    path: Path, notebook: nbformat.NotebookNode, language: Language | None = None
) -> LessonFacts:
    """Title (first heading), the list under "Learning objectives", "Time to learn" (in the
    lesson's language: its words.toml), and whether the lesson is for teachers (metadata)."""
    words = (language or Language.load(SOURCE_LANGUAGE)).words
    objectives_heading = re.escape(words["objectives_heading"])
    time_label = re.escape(words["time_label"])
    title, objectives, time = path.stem, [], ""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        text = cell.source
        heading = re.search(r"^#\s+(.+)$", text, re.M)
        if heading and title == path.stem:
            title = heading.group(1).strip()
        if re.search(rf"^#+\s+.*{objectives_heading}", text, re.M | re.I) and not objectives:
            objectives = [m.strip() for m in re.findall(r"^\s*(?:[-*]|\d+\.)\s+(.+)$", text, re.M)]
        found = re.search(rf"{time_label}\s*:?\**\s*:?\s*(.+)", text)
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


def website_quizzes(
    notebook: nbformat.NotebookNode, lesson: str, language: Language | None = None
) -> dict[str, str]:
    """Give each quiz output of ``notebook`` (a staged copy) the website's form, in place, and
    return the feedback pages it links to: path under ``quiz/`` -> the page's HTML.

    The output keeps only its HTML, in which every option links to its own page, and loses the
    metadata that carried the packed answers, so the lesson page's source holds no answer.
    """
    language = language or Language.load(SOURCE_LANGUAGE)
    words = language.words
    title = lesson_facts(Path(lesson), notebook, language).title
    # From html/[CODE/]quiz/LESSON/ back to the lesson's page, html/[CODE/]FOLDER/LESSON.html.
    back_to_lessons = "../../" + language.folder
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
            up = "../" * (language.folder.count("/") + 1)

            def link(name: str, count: int = count, up: str = up) -> str:
                return f"{up}{QUIZ_PAGES}/{lesson}/q{count}-{name}.html"

            output["data"] = {"text/html": static_html(item, number, link=link, anchor=anchor)}
            back = f"{back_to_lessons}/{lesson}.html#{anchor}"
            question = escape(" ".join(item.title.split()), quote=False)
            for name, (heading, body) in feedback_pages(item).items():
                pages[f"{lesson}/q{count}-{name}.html"] = feedback_page(
                    words["quiz_page_title"].format(lesson=title, number=number, answer=heading),
                    words["quiz_page_question"].format(number=number, question=question),
                    body,
                    back,
                    language,
                )
    return pages


def feedback_page(
    title: str, question: str, body: str, back: str, language: Language | None = None
) -> str:
    """A small page of its own: the question, one answer's feedback, and the way back."""
    language = language or Language.load(SOURCE_LANGUAGE)
    return f"""<!DOCTYPE html>
<html lang="{language.code}">
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
<p><a href="{escape(back)}">{escape(language.words["quiz_page_back"])}</a></p>
</main>
</body>
</html>
"""


MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s#]*)(?P<anchor>#[^)\s]*)?\)")
ANCHOR_THEN_HEADING = re.compile(r'<a id="(?P<id>[^"]+)"></a>\s*\n\s*\n?#+\s+(?P<heading>.+)')


def heading_slug(heading: str) -> str:
    """The anchor MyST gives a heading (myst_heading_anchors), as its default slug function."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower().replace(" ", "-"))


def glossary_anchors(glossary: Path) -> dict[str, str]:
    """A translated glossary keeps each entry's English anchor as ``<a id="...">`` above its
    heading, so ``glossary.md#term`` is the same term in every language. The browser follows
    those ids; Sphinx checks a link against the heading's own anchor: id -> that anchor."""
    if not glossary.exists():
        return {}
    text = glossary.read_text(encoding="utf-8")
    return {m["id"]: heading_slug(m["heading"]) for m in ANCHOR_THEN_HEADING.finditer(text)}


def _inline_html(markdown: str) -> str:
    """A link text as HTML: `code` spans kept, the rest escaped."""
    parts = re.split(r"`([^`]+)`", markdown)
    return "".join(
        f"<code>{escape(part)}</code>" if index % 2 else escape(part)
        for index, part in enumerate(parts)
    )


def site_links(
    text: str, page: str, language: Language, others: list[Language], anchors: dict[str, str]
) -> str:
    """Links of a page (``page``: its path in the repository) made right for its website.

    A link to a lesson in another language's folder becomes a plain HTML link to that lesson's
    page on the other language's site (Sphinx, building one language, cannot resolve it); a
    link to the glossary by an English anchor points Sphinx at the heading's own anchor.
    """
    here = posixpath.dirname(page)
    depth = page.count("/") + (0 if language.is_source else 1)

    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        if re.match(r"[a-z]+:", target):
            return match[0]
        anchor = (match["anchor"] or "").removeprefix("#")
        if not target:  # a link within the page: the glossary's own entries
            if posixpath.basename(page) == "glossary.md" and anchor in anchors:
                return f"[{match['text']}](#{anchors[anchor]})"
            return match[0]
        resolved = posixpath.normpath(posixpath.join(here, target))
        name = posixpath.basename(resolved)
        for other in others:
            if resolved == f"{other.folder}/{name}" and (other.notebooks / name).exists():
                stem = posixpath.splitext(name)[0]
                url = "../" * depth + f"{other.prefix}{other.folder}/{stem}.html"
                url += f"#{anchor}" if anchor else ""
                return (
                    f'<a href="{url}" hreflang="{other.code}" lang="{other.code}">'
                    f"{_inline_html(match['text'])}</a>"
                )
        if name == "glossary.md" and anchor in anchors:
            return f"[{match['text']}]({target}#{anchors[anchor]})"
        return match[0]

    return MARKDOWN_LINK.sub(replace, text)


def stage_lesson(
    path: Path,
    out: Path,
    language: Language | None = None,
    others: list[Language] | None = None,
) -> LessonFacts:
    language = language or Language.load(SOURCE_LANGUAGE)
    notebook = nbformat.read(path, as_version=4)
    facts = lesson_facts(path, notebook, language)
    page = without_widgets(notebook)
    anchors = glossary_anchors(path.parent / "glossary.md")
    for cell in page.cells:
        if cell.cell_type == "markdown":
            cell.source = site_links(
                cell.source, f"{language.folder}/{path.name}", language, others or [], anchors
            )
    for name, text in website_quizzes(page, path.stem, language).items():
        target = out / STAGED_QUIZ_PAGES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    nbformat.write(page, out / language.folder / path.name)
    return facts


def about_page(
    site: Site, facts: LessonFacts, guide: str | None, language: Language | None = None
) -> str:
    """The page a teacher plans with: objectives, time, where to run it, the guide."""
    language = language or Language.load(SOURCE_LANGUAGE)
    words = language.words
    path = f"{language.folder}/{facts.name}.ipynb"
    lessons = f"../{language.folder}"
    # Objectives were written beside the lessons: their relative links start from there.
    objectives = "\n".join(
        "- " + re.sub(r"\]\((?![a-z]+:|#|/)", f"]({lessons}/", item) for item in facts.objectives
    )
    text = words["about_page"].format(
        title=facts.title,
        time=facts.time or words["not_stated"],
        for_teachers=words["about_for_teachers"] + "\n\n" if facts.for_teachers else "",
        objectives=objectives or "- " + words["not_stated"],
        lesson_page=f"{lessons}/{facts.name}.ipynb",
        binder=site.binder_url(path),
        hub=site.hub_url(path),
        path=facts.name[:2] if language.is_source else path,
        hub_present=site.hub_present_url(path),
        binder_present=site.binder_present_url(path),
        present=f"{lessons}/{facts.name}.html?present",
    )
    if guide:
        text = text.rstrip("\n") + "\n" + words["about_guide"].format(guide=f"../guides/{guide}")
    return text.rstrip("\n") + "\n"


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


def _lesson_table(lessons: list[LessonFacts], language: Language) -> str:
    words = language.words
    rows = [
        f"| [{f.title}]({language.folder}/{f.name}.ipynb)"
        f"{words['for_teachers'] if f.for_teachers else ''} "
        f"| {f.time or '-'} | [{words['table_plan']}](about/{f.name}.md) |"
        for f in lessons
    ]
    return "\n".join([words["table_header"], "| --- | --- | --- |", *rows]) + "\n"


def _teachers_lessons(teachers: list[LessonFacts], language: Language) -> str:
    """A sentence for the learners' page naming the lessons for teachers, which it leaves out."""
    if not teachers:
        return ""
    names = ", ".join(f"*{f.title}*" for f in teachers)
    return language.words["teachers_lessons"].format(names=names)


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


def page_names(language: Language, notebooks: Path | None = None) -> list[str]:
    """The pages a language's site has (Sphinx page names), found from the files."""
    notebooks = notebooks or language.notebooks
    lessons = sorted(path.stem for path in notebooks.glob("*.ipynb"))
    guides = sorted(path.stem for path in language.guides.glob("*.md"))
    glossary = [f"{language.folder}/glossary"] if (notebooks / "glossary.md").exists() else []
    return [
        *(name.removesuffix(".md") for name in LANDING_PAGES),
        *(f"{language.folder}/{name}" for name in lessons),
        *glossary,
        *(f"about/{name}" for name in lessons),
        *(f"guides/{name}" for name in guides),
    ]


def counterpart(page: str, language: Language, other: Language, pages: set[str]) -> str:
    """The page of ``other``'s site that is ``page`` of ``language``'s (its index if none)."""
    if page.startswith(language.folder + "/"):
        page = other.folder + page.removeprefix(language.folder)
    return page if page in pages else "index"


def switch_map(language: Language, others: list[Language], notebooks: Path | None = None) -> dict:
    """What conf.py needs for the language switch on every page of ``language``'s site."""
    words = language.words
    up = "../" * language.prefix.count("/")  # from this language's site up to html/
    their_pages = {other.code: set(page_names(other)) for other in others}
    return {
        "language": language.code,
        # For the pages Sphinx makes itself (search, index): each other language's front page,
        # from this site's root.
        "front_pages": [
            {"code": other.code, "name": other.name, "url": f"{up}{other.prefix}index.html"}
            for other in others
        ],
        "label": words["switch_label"],
        "present": {
            key.removeprefix("present_"): value
            for key, value in words.items()
            if key.startswith("present_")
        },
        "pages": {
            page: [
                {
                    "code": other.code,
                    "name": other.name,
                    # From html/PREFIX/PAGE.html up to html/, then down to the other's page.
                    "url": "../" * (page.count("/") + language.prefix.count("/"))
                    + other.prefix
                    + counterpart(page, language, other, their_pages[other.code])
                    + ".html",
                }
                for other in others
            ]
            for page in page_names(language, notebooks)
        },
    }


def stage(
    out: Path,
    site: Site | None = None,
    notebooks: Path | None = None,
    language: Language | None = None,
    others: list[Language] | None = None,
) -> list[LessonFacts]:
    """Write one language's website sources into ``out`` (emptied first); return its lessons.

    ``others`` are the languages its pages link to (the switch on every page); a teacher's own
    folder of lessons (``notebooks``) is built alone, in English.
    """
    site = site or Site.load()
    language = language or Language.load(SOURCE_LANGUAGE)
    others = others or []
    notebooks = notebooks or language.notebooks
    words = language.words
    folder = language.folder
    if out.exists():
        shutil.rmtree(out)
    (out / folder).mkdir(parents=True)
    (out / "about").mkdir()
    shutil.copytree(DOCS / "_static", out / "_static")
    examples = notebooks / "examples"
    if examples.is_dir():
        shutil.copytree(examples, out / folder / "examples")

    # The quizzes' static forms and answer pages are written by isslearn in its language.
    was = current_language()
    set_language(language.code)
    try:
        lessons = [
            stage_lesson(path, out, language, others)
            for path in sorted(notebooks.glob("*.ipynb"))
        ]
    finally:
        set_language(was)
    glossary = notebooks / "glossary.md"
    if glossary.exists():
        text = site_links(
            glossary.read_text(encoding="utf-8"),
            f"{folder}/glossary.md",
            language,
            others,
            glossary_anchors(glossary),
        )
        (out / folder / "glossary.md").write_text(text, encoding="utf-8")
    guides = sorted(language.guides.glob("*.md")) if language.guides.is_dir() else []
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
        page = about_page(site, facts, guide_names.get(facts.name), language)
        (out / "about" / f"{facts.name}.md").write_text(page, encoding="utf-8")

    first = f"{folder}/{lessons[0].name}.ipynb" if lessons else f"{folder}/"
    learners = [f for f in lessons if not f.for_teachers]
    teachers = [f for f in lessons if f.for_teachers]
    glossary_page = [f"{folder}/glossary"] if glossary.exists() else []
    parts = {
        "lesson_table": _lesson_table(lessons, language),
        "teachers_lessons": _teachers_lessons(teachers, language),
        # Every toctree is on the front page, hidden: the sidebar shows flat captioned lists.
        "site_toctrees": _toctree(words["caption_start"], ["learners", "teachers"])
        + _toctree(
            words["caption_lessons"], [f"{folder}/{f.name}" for f in learners] + glossary_page
        )
        + _toctree(words["caption_teachers_lessons"], [f"{folder}/{f.name}" for f in teachers])
        + _toctree(words["caption_planning"], [f"about/{f.name}" for f in lessons])
        + _toctree(words["caption_guides"], [f"guides/{g.stem}" for g in guides]),
        "learner_links": _links(
            words["caption_lessons"], [(f.title, f"{folder}/{f.name}.ipynb") for f in learners]
        ),
        "teacher_links": _links(
            words["caption_teachers_lessons"],
            [(f.title, f"{folder}/{f.name}.ipynb") for f in teachers],
        )
        + "\n"
        + _links(words["links_planning"], [(f.title, f"about/{f.name}.md") for f in lessons])
        + "\n"
        + _links(words["caption_guides"], [(_title(g), f"guides/{g.name}") for g in guides]),
        "binder_start": site.binder_url(first),
        "hub_start": site.hub_url(first),
        "glossary_link": words["glossary_link"].format(target=f"{folder}/glossary.md")
        if glossary_page
        else "",
    }
    for name in LANDING_PAGES:
        text = (language.pages / name).read_text(encoding="utf-8")
        for key, value in parts.items():
            text = text.replace("{{" + key + "}}", value)
        (out / name).write_text(text, encoding="utf-8")
    switch = switch_map(language, others, notebooks)
    (out / SITE_FILE).write_text(json.dumps(switch, ensure_ascii=False), encoding="utf-8")
    return lessons


def build(out: Path, notebooks: Path | None = None) -> Path:
    """Stage and build every language (or only ``notebooks``, a teacher's own folder, in
    English); return the folder of HTML. Raises SystemExit if Sphinx fails.

    English is built into ``OUT/html``, another language into ``OUT/html/CODE``. The site's
    addresses are read from docs/site.toml, here and by docs/conf.py (the launch buttons); a
    placeholder left there is reported on stderr and the build goes on.
    """
    from sphinx.cmd.build import build_main

    site = Site.load()
    for warning in placeholder_warnings(site):
        print(f"make_book: warning: {warning}", file=sys.stderr)
    html = out / "html"
    if html.exists():
        shutil.rmtree(html)
    every = languages() if notebooks is None else [Language.load(SOURCE_LANGUAGE)]
    for language in every:
        others = [other for other in every if other.code != language.code]
        source = out / "src" / language.code
        target = html / language.prefix
        stage(source, site, notebooks, language, others)
        status = build_main(
            [
                *("-b", "html", "-q", "-W", "--keep-going", "-c", str(DOCS)),
                *("-D", f"language={language.code}", str(source), str(target)),
            ]
        )
        if status:
            raise SystemExit(
                f"the website ({language.name}) did not build (sphinx-build exit status {status})"
            )
        if (source / STAGED_QUIZ_PAGES).is_dir():
            shutil.copytree(source / STAGED_QUIZ_PAGES, target / QUIZ_PAGES)
    return html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=REPO / "build" / "book")
    parser.add_argument(
        "--notebooks",
        type=Path,
        default=None,
        help="a folder of your own lessons, built alone (default: every language's lessons)",
    )
    args = parser.parse_args(argv)
    notebooks = args.notebooks.resolve() if args.notebooks else None
    html = build(args.out.resolve(), notebooks=notebooks)
    print(f"The website is in {html} (open {html / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

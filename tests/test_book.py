"""The lessons' website (`make book`): built offline from the saved notebooks, every lesson on
it, no widget leftovers, nothing fetched from another host, launch links from one place.

What a reader sees in a real browser is checked in tests/browser/test_book_in_browser.py.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import nbformat
import pytest
from book_build import built_book
from bs4 import BeautifulSoup
from conftest import REPO
from offline import can_cut_network

sys.path.insert(0, str(REPO / "docs"))
import make_book

LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
GUIDES = sorted((REPO / "isslearn" / "guides").glob("*.md"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _pages(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in root.rglob("*.html")
        if "_static" not in p.parts
    }


# ---------------------------------------------------------------- the staging, without Sphinx


def _widget_notebook() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    view = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    explorer = nbformat.v4.new_output(
        "execute_result",
        data={WIDGET_VIEW: view, "text/plain": "AssemblyExplorer(children=(...))"},
        execution_count=1,
    )
    live_quiz = nbformat.v4.new_output(
        "display_data", data={WIDGET_VIEW: view, "text/plain": "Quiz: Q?"}
    )
    twin = nbformat.v4.new_output(
        "display_data", data={"text/markdown": "**Q?**", "text/plain": "**Q?**"}
    )
    with_fallback = nbformat.v4.new_output(
        "display_data",
        data={WIDGET_VIEW: view, "text/markdown": "**R?**", "text/plain": "Quiz: R?"},
    )
    figure = nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})
    notebook.cells = [
        nbformat.v4.new_code_cell("widgets.assembly_explorer()", outputs=[explorer]),
        nbformat.v4.new_code_cell("quiz.show(...)", outputs=[live_quiz, twin, with_fallback]),
        nbformat.v4.new_code_cell("plots.timeline()", outputs=[figure]),
    ]
    notebook.cells[0].metadata["tags"] = ["nbval-ignore-output"]
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return notebook


def test_staging_leaves_to_mystnb_what_it_can_and_does_the_rest():
    staged = make_book.without_widgets(_widget_notebook())
    explorer, quiz, figure = staged.cells
    # An explorer's cell: MyST-NB's remove-cell tag leaves it off the page (outputs untouched).
    assert explorer.metadata["tags"] == ["nbval-ignore-output", "remove-cell"]
    assert len(explorer.outputs) == 1
    # The quiz: the live output with only a text stand-in goes; the twin stays, and so does an
    # output whose widget has a static fallback (conf.py has MyST-NB skip the view).
    assert [sorted(o["data"]) for o in quiz.outputs] == [
        ["text/markdown", "text/plain"],
        [WIDGET_VIEW, "text/markdown", "text/plain"],
    ]
    assert "tags" not in quiz.metadata and "tags" not in figure.metadata
    assert [sorted(o["data"]) for o in figure.outputs] == [["image/png"]]
    assert "widgets" not in staged.metadata  # MyST-NB would copy the state into the page
    again = make_book.without_widgets(staged)
    assert again.cells[0].metadata["tags"] == ["nbval-ignore-output", "remove-cell"]


def test_staging_leaves_the_lesson_file_alone():
    notebook = _widget_notebook()
    make_book.without_widgets(notebook)
    assert len(notebook.cells[1].outputs) == 3
    assert notebook.cells[0].metadata["tags"] == ["nbval-ignore-output"]
    assert "widgets" in notebook.metadata


def test_mystnb_is_told_never_to_render_a_widget_view():
    import conf  # docs/conf.py, on the path above

    assert (("*", WIDGET_VIEW, None)) in conf.nb_mime_priority_overrides
    assert conf.nb_ipywidgets_js == {}


def test_placeholder_addresses_are_warned_about_and_real_ones_are_not():
    shipped = make_book.Site.load()
    warnings = make_book.placeholder_warnings(shipped)
    if "OWNER/REPO" in shipped.repository and "://HUB" in shipped.hub:
        assert len(warnings) == 2
    school = make_book.Site(
        "https://github.com/school/isslearn", "main", "https://hub.school.example", "https://x"
    )
    assert make_book.placeholder_warnings(school) == []
    only_hub = make_book.Site("https://github.com/school/isslearn", "main", "https://HUB", "x")
    [warning] = make_book.placeholder_warnings(only_hub)
    assert warning.startswith("docs/site.toml: hub is still the placeholder https://HUB")


def test_launch_links_are_made_from_site_settings():
    site = make_book.Site(
        repository="https://github.com/school/isslearn",
        branch="main",
        hub="https://hub.school.example",
        binderhub="https://mybinder.org",
    )
    path = "notebooks/01_assembly.ipynb"
    assert site.binder_url(path) == (
        "https://mybinder.org/v2/gh/school/isslearn/main?urlpath=lab/tree/" + path
    )
    assert site.hub_url(path) == (
        "https://hub.school.example/hub/user-redirect/git-pull?repo="
        "https%3A%2F%2Fgithub.com%2Fschool%2Fisslearn&urlpath=lab/tree/isslearn/"
        + path
        + "&branch=main"
    )
    gitlab = make_book.Site("https://gitlab.com/school/isslearn", "main", "https://h", "https://b")
    assert gitlab.binder_url(path).startswith("https://b/v2/gl/school%2Fisslearn/main?urlpath=")
    local = make_book.Site("/srv/lessons/isslearn.git", "main", "http://127.0.0.1:8000", "x")
    assert "urlpath=lab/tree/isslearn/notebooks/" in local.hub_url(path)


def test_presenter_links_open_voila_with_isslearns_template_from_site_settings():
    """The presenter view on Binder and on the school's hub (through nbgitpuller, which copies
    the lessons first): Voilà's /voila/render/ with ?template=isslearn, as
    isslearn.teacher.present.voila_link makes it, quoted inside the urlpath."""
    from isslearn.teacher.present import voila_link

    site = make_book.Site(
        repository="https://github.com/school/isslearn",
        branch="main",
        hub="https://hub.school.example",
        binderhub="https://mybinder.org",
    )
    path = "notebooks/01_assembly.ipynb"
    assert site.binder_present_url(path) == (
        "https://mybinder.org/v2/gh/school/isslearn/main?urlpath="
        + quote(voila_link(path), safe="/")
    )
    assert site.hub_present_url(path) == (
        "https://hub.school.example/hub/user-redirect/git-pull?repo="
        "https%3A%2F%2Fgithub.com%2Fschool%2Fisslearn&urlpath="
        + quote(voila_link("isslearn/" + path), safe="/")
        + "&branch=main"
    )
    assert "urlpath=voila/render/notebooks/01_assembly.ipynb%3Ftemplate%3Disslearn" in (
        site.binder_present_url(path)
    )


def test_readme_launch_links_are_the_ones_the_site_settings_make():
    """docs/site.toml is the one place: the README's links must be what it produces."""
    site = make_book.Site.load()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"https://[^\s)\]`\"]*(?:/v2/|git-pull)[^\s)\]`\"]*", readme)
    assert any("git-pull" in link for link in links), "the README shows no nbgitpuller link"
    assert any("/v2/" in link for link in links), "the README shows no Binder link"
    made = {
        maker(f"notebooks/{lesson.name}")
        for lesson in LESSONS
        for maker in (
            site.binder_url,
            site.hub_url,
            site.binder_present_url,
            site.hub_present_url,
        )
    }
    stray = [link for link in links if link not in made]
    assert not stray, f"README links not made from docs/site.toml: {stray}"


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_lesson_states_objectives_and_time(lesson):
    facts = make_book.lesson_facts(lesson, nbformat.read(lesson, as_version=4))
    assert facts.objectives, f"{lesson.name}: no list under a 'Learning objectives' heading"
    assert re.search(r"\d+\s*min", facts.time), f"{lesson.name}: no 'Time to learn: N minutes'"


# ---------------------------------------------------------------- the built website

book = pytest.mark.slow


@book
def test_book_builds_with_the_network_cut():
    offline, why = can_cut_network()
    if not offline and not os.environ.get("CI"):
        pytest.skip(why)
    built = built_book()
    assert built.offline, f"the website was built with the network up: {why}"
    assert (built.html / "index.html").exists()


def same_link(one: str, other: str) -> bool:
    """Two URLs that lead to the same place however their query is percent-encoded."""
    a, b = urlsplit(one), urlsplit(other)
    return (a.scheme, a.netloc, unquote(a.path), parse_qs(a.query)) == (
        b.scheme,
        b.netloc,
        unquote(b.path),
        parse_qs(b.query),
    )


def test_links_that_differ_only_in_encoding_are_the_same_and_others_are_not():
    hub = "https://h/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fr&branch=main"
    assert same_link(hub, hub.replace("%2F", "/"))
    assert not same_link(hub, hub.replace("branch=main", "branch=dev"))
    assert not same_link(hub, hub.replace("https://h/", "https://g/"))


def _launch_buttons(page: BeautifulSoup) -> dict[str, str]:
    """The theme's launch menu on a page: {button text: link}."""
    menu = page.select(".dropdown-launch-buttons a.dropdown-item")
    return {a.get_text(strip=True): a["href"] for a in menu}


@book
def test_every_lesson_has_a_page_with_the_themes_launch_buttons_and_a_planning_page():
    root = built_book().html
    site = make_book.Site.load()
    for lesson in LESSONS:
        page = BeautifulSoup(
            (root / "notebooks" / f"{lesson.stem}.html").read_bytes(), "html.parser"
        )
        facts = make_book.lesson_facts(lesson, nbformat.read(lesson, as_version=4))
        plan = BeautifulSoup((root / "about" / f"{lesson.stem}.html").read_bytes(), "html.parser")
        plan_text = " ".join(plan.get_text().split())
        for objective in facts.objectives:
            words = re.sub(r"[*`_]", "", objective)[:40]
            assert words in plan_text, f"{lesson.stem}: objective missing: {objective}"
        assert facts.time.split("(")[0].strip() in plan_text, f"{lesson.stem}: time missing"
        # The theme's buttons and the links make_book writes (planning pages, README) agree.
        path = f"notebooks/{lesson.name}"
        buttons = _launch_buttons(page)
        assert set(buttons) == {"Binder", "JupyterHub"}, f"{lesson.stem}: {buttons}"
        assert same_link(buttons["Binder"], site.binder_url(path)), buttons["Binder"]
        assert same_link(buttons["JupyterHub"], site.hub_url(path)), buttons["JupyterHub"]
        plan_links = {a["href"] for a in plan.select("a[href]")}
        assert {site.binder_url(path), site.hub_url(path)} <= plan_links, lesson.stem
        # ... and how to project it: the presenter view there, and this site's present layout.
        presented = {site.binder_present_url(path), site.hub_present_url(path)}
        assert presented <= plan_links, lesson.stem
        assert f"../notebooks/{lesson.stem}.html?present" in plan_links, lesson.stem
        assert f"isslearn present {lesson.stem[:2]}" in plan_text, lesson.stem
    for extra in ("index", "learners", "teachers", "notebooks/glossary", "about/01_assembly"):
        page = BeautifulSoup((root / f"{extra}.html").read_bytes(), "html.parser")
        assert not _launch_buttons(page), f"{extra}: launch buttons on a page that is no lesson"


@book
def test_the_build_warns_about_placeholder_addresses_and_still_builds():
    built = built_book()
    for warning in make_book.placeholder_warnings(make_book.Site.load()):
        assert f"make_book: warning: {warning}" in built.log
    assert (built.html / "index.html").is_file()


@book
def test_lesson_pages_leave_out_explorer_cells_and_keep_every_other_cell():
    """MyST-NB's remove-cell tag (set while staging) drops each explorer's cell; the cells
    around it, and the quiz twins, are on the page."""
    root = built_book().html
    removed_cells = 0
    for lesson in LESSONS:
        notebook = nbformat.read(lesson, as_version=4)
        staged = make_book.without_widgets(notebook)
        page = BeautifulSoup(
            (root / "notebooks" / f"{lesson.stem}.html").read_bytes(), "html.parser"
        )
        shown = [" ".join(c.get_text().split()) for c in page.select("div.cell .cell_input")]
        code = [
            (" ".join(cell.source.split()), "remove-cell" in cell.metadata.get("tags", []))
            for cell in staged.cells
            if cell.cell_type == "code" and cell.source.strip()
        ]
        removed_cells += sum(removed for _, removed in code)
        kept = [source for source, removed in code if not removed]
        assert len(shown) == len(kept), f"{lesson.stem}: {len(shown)} code cells, {len(kept)}"
        for source, removed in code:
            on_page = any(source[:60] in text for text in shown)
            assert on_page != removed, f"{lesson.stem}: {'removed' if removed else 'kept'} {source}"
    assert removed_cells, "no explorer cell was left out: the test checks nothing"


def _for_teachers(lesson: Path) -> bool:
    return make_book.lesson_facts(lesson, nbformat.read(lesson, as_version=4)).for_teachers


def test_the_teachers_lesson_is_04_and_stays_out_of_the_learners_menu(tmp_path):
    """Issue 17: lesson 04 is the teachers' lesson on the site, as in lesson 00's table."""
    assert [p.stem for p in LESSONS if _for_teachers(p)] == ["04_make_your_own"]
    make_book.stage(tmp_path / "src")
    learners = (tmp_path / "src" / "learners.md").read_text(encoding="utf-8")
    teachers = (tmp_path / "src" / "teachers.md").read_text(encoding="utf-8")
    index = (tmp_path / "src" / "index.md").read_text(encoding="utf-8")
    sidebar = {
        block.split("\n", 1)[0].removeprefix(":caption: "): block
        for block in index.split("```{toctree}\n")[1:]
    }
    assert "notebooks/04_make_your_own" not in sidebar["Lessons"]
    assert "notebooks/04_make_your_own\n" in sidebar["Lessons for teachers"]
    assert all(
        f"notebooks/{p.stem}\n" in sidebar["Lessons"] for p in LESSONS if not _for_teachers(p)
    )
    assert "notebooks/04_make_your_own" not in learners
    assert all(f"(notebooks/{p.stem}.ipynb)" in learners for p in LESSONS if not _for_teachers(p))
    assert "The lesson for teachers (*04 · Make it your own" in learners
    assert "## Lessons for teachers" in teachers
    assert "(notebooks/04_make_your_own.ipynb) (for teachers)" in teachers
    plan = (tmp_path / "src" / "about" / "04_make_your_own.md").read_text(encoding="utf-8")
    assert "**For teachers:** learners can skip this lesson." in plan


@book
def test_landing_pages_for_learners_and_teachers_reach_every_lesson():
    root = built_book().html
    learners = (root / "learners.html").read_text(encoding="utf-8")
    teachers = (root / "teachers.html").read_text(encoding="utf-8")
    for lesson in LESSONS:
        page = f'href="notebooks/{lesson.stem}.html"'
        assert (page in teachers) if _for_teachers(lesson) else (page in learners), lesson.stem
        assert f'href="about/{lesson.stem}.html"' in teachers, lesson.stem
    assert 'href="notebooks/glossary.html"' in learners
    for guide in GUIDES:
        assert f'href="guides/{guide.stem}.html"' in teachers, guide.name


@book
def test_the_sidebar_is_flat_lists_with_no_expandable_entries():
    """Nested pages made the theme draw <summary> toggles with no name (WCAG 4.1.2); every
    page's navigation is now flat captioned lists reaching every lesson, plan and guide."""
    root = built_book().html
    for name in _pages(root):
        if make_book.QUIZ_PAGES in Path(name).parts:
            continue  # an answer's feedback page is a small page of its own, with no sidebar
        page = BeautifulSoup((root / name).read_bytes(), "html.parser")
        nav = page.select_one("nav.bd-docs-nav")
        assert nav is not None, name
        assert not nav.select("details, summary"), f"{name}: expandable entries in the sidebar"
        targets = {a["href"].split("#")[0].rsplit("/", 1)[-1] for a in nav.select("a[href]")}
        for lesson in LESSONS:
            assert f"{lesson.stem}.html" in targets, f"{name}: sidebar misses {lesson.stem}"


@book
def test_no_widget_leftovers_on_any_page():
    names = "|".join(re.escape(n) for n in ("Loading widget", "Error displaying widget"))
    for name, text in _pages(built_book().html).items():
        # The guides tell teachers what a stuck widget looks like, so they quote the words.
        if "guides" not in Path(name).parts:
            assert not re.search(names, text), f"{name}: a widget placeholder is shown"
        assert WIDGET_VIEW not in text, f"{name}: a widget view is embedded"
        repr_ = re.search(r"\b[A-Z]\w*\((?:children|value|description|options)=", text)
        assert not repr_, f"{name}: a widget's text form is shown: {repr_.group(0)}"


@book
def test_no_page_asks_another_host_for_anything():
    remote = re.compile(
        r"<(?:script|img|iframe|source|link)\b[^>]*\b(?:src|href)=\"(?:https?:)?//[^\"]*\"", re.I
    )
    css_remote = re.compile(r"(?:@import|url\()\s*[\"']?(?:https?:)?//", re.I)
    root = built_book().html
    for name, text in _pages(root).items():
        found = remote.findall(text)
        assert not found, f"{name} loads from another host: {found[:3]}"
        for marker in ("require.js", "html-manager", "embed-amd", "mathjax"):
            assert marker not in text.lower(), f"{name} loads {marker}"
    for sheet in root.rglob("*.css"):
        assert not css_remote.search(sheet.read_text(encoding="utf-8", errors="replace")), sheet


def _secrets(lesson: str, language: str = "en") -> list[str]:
    """What a learner must not read before answering: feedback, model answers, checklists."""
    from isslearn import quiz
    from isslearn.language import current, set_language

    was = current()
    set_language(language)
    try:
        items = quiz.lesson_quiz(lesson)
    finally:
        set_language(was)
    found = []
    for item in items:
        if isinstance(item, quiz.MultipleChoice):
            found += [o.feedback for o in item.options]
        elif isinstance(item, quiz.WrittenAnswer):
            found += [item.model_answer, *item.checklist]
    return [" ".join(text.split())[:50] for text in found]


@book
@pytest.mark.parametrize("language", [lang.code for lang in make_book.languages()])
def test_every_lesson_page_asks_its_quiz_with_no_answer_in_its_html(language):
    """Before, every option's feedback sat in a <details> block of the page: readable in its
    source (and by opening them all) before answering. Now each option links to its own page,
    in every language's site."""
    site_language = make_book.Language.load(language)
    root = built_book().html / site_language.prefix
    lessons = root / site_language.folder
    for lesson in sorted(site_language.notebooks.glob("*.ipynb")):
        if lesson.stem not in _quiz_lessons(language):
            continue
        secrets = _secrets(lesson.stem, language)
        assert secrets, f"{language} {lesson.stem}: no answers to look for"
        source = (lessons / f"{lesson.stem}.html").read_text(encoding="utf-8")
        flat = " ".join(html.unescape(source).split())
        for secret in secrets:
            assert secret not in flat, f"{lesson.stem}: the page's HTML holds {secret!r}"
        page = BeautifulSoup(source, "html.parser")
        links = [a["href"] for a in page.select(".isslearn-quiz-static a[href]")]
        assert links, f"{language} {lesson.stem}: no quiz answers to follow"
        shown = []
        for href in links:
            target = (lessons / href).resolve()
            assert target.is_file(), f"{lesson.stem}: {href} leads nowhere"
            feedback = BeautifulSoup(target.read_bytes(), "html.parser")
            assert feedback.html["lang"] == language, href
            back = feedback.select_one("main a[href]")["href"]
            assert (target.parent / back.split("#")[0]).resolve() == (
                lessons / f"{lesson.stem}.html"
            ).resolve(), f"{href}: leads back to {back}"
            anchor = back.split("#")[1]
            assert page.find(id=anchor), f"{href}: links back to a missing #{anchor}"
            shown.append(" ".join(html.unescape(feedback.get_text()).split()))
        for secret in secrets:
            assert any(secret in text for text in shown), f"{lesson.stem}: {secret!r} nowhere"


def _quiz_lessons(language: str = "en") -> set[str]:
    from isslearn import quiz

    return set(quiz.shipped_quizzes(language))


def _publish_command() -> list[str]:
    """The command `make publish-book` runs after building (read from the Makefile)."""
    recipe = re.search(r"^publish-book:.*\n\t(.+)$", (REPO / "Makefile").read_text(), re.M)
    assert recipe, "the Makefile has no publish-book target"
    return recipe.group(1).replace("$(BIN)", str(Path(sys.executable).parent)).split()


@book
def test_publishing_puts_the_site_on_a_gh_pages_branch(tmp_path):
    """`make publish-book` as the README gives it, against a local stand-in for GitHub."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", "--bare", str(origin)], check=True)
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run([*git, "-C", str(work), "remote", "add", "origin", str(origin)], check=True)
    shutil.copytree(built_book().html, work / "build" / "book" / "html")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run(_publish_command(), cwd=work, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = subprocess.run(
        ["git", "-C", str(origin), "ls-tree", "--name-only", "gh-pages"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert {"index.html", ".nojekyll", "notebooks", "_static"} <= set(listed), listed


TEACHER_QUIZ = """\
from isslearn import quiz
quiz.show(quiz.MultipleChoice(
    "Who paid for <b>Zarya</b>? <img src=x onerror=alert(1)>",
    [quiz.Option("<script>alert(1)</script>", True, "Right: <i>it</i> was the US"),
     quiz.Option("Russia", False, "Built there, paid elsewhere")],
))
"""


@book
@pytest.mark.kernel
def test_a_teachers_quiz_text_is_shown_as_text_on_the_site(tmp_path):
    """HTML in a teacher's question, answer or feedback reaches the page as text, never as
    markup: the quiz's static twin escapes it and the website must not undo that."""
    from nbclient import NotebookClient

    lessons = tmp_path / "notebooks"
    lessons.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# 99 · A teacher's quiz"),
        nbformat.v4.new_markdown_cell(
            "## Learning objectives\n\n- read\n\n**Time to learn:** about 5 minutes"
        ),
        nbformat.v4.new_code_cell(TEACHER_QUIZ),
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    nbformat.write(notebook, lessons / "99_teacher.ipynb")
    out = tmp_path / "book"
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "docs" / "make_book.py"),
            str(out),
            "--notebooks",
            str(lessons),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    page = BeautifulSoup(
        (out / "html" / "notebooks" / "99_teacher.html").read_bytes(), "html.parser"
    )
    outputs = page.select(".cell_output")
    assert outputs, "the quiz output is missing from the page"
    for output in outputs:
        assert not output.select("script, img, b, i"), f"teacher markup became HTML: {output}"
    text = " ".join(o.get_text() for o in outputs)
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "was the US" not in text  # the feedback is on the answer's own page
    right_page = out / "html" / "quiz" / "99_teacher" / "q1-a.html"
    right = BeautifulSoup(right_page.read_bytes(), "html.parser")
    assert not right.select("main script, main img, main i")
    assert "Right: <i>it</i> was the US" in right.get_text()


TEACHER_WIDGETS = """\
import ipywidgets
from IPython.display import display

from isslearn import widgets

slider = ipywidgets.IntSlider(description="Year")
with_fallback = dict(slider._repr_mimebundle_())
with_fallback["text/markdown"] = "**What the slider shows, without a kernel**"
display(with_fallback, raw=True)
"""


@book
@pytest.mark.kernel
def test_a_teachers_own_lesson_shows_no_widget_and_no_explorer_code(tmp_path):
    """A teacher's lesson built with `make_book.py --notebooks`: MyST-NB (told by conf.py and
    the staging's remove-cell tag) leaves out an explorer's cell and every widget view, and
    shows a widget's static fallback where its output has one."""
    from nbclient import NotebookClient

    lessons = tmp_path / "notebooks"
    lessons.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# 98 · A teacher's widgets"),
        nbformat.v4.new_markdown_cell(
            "## Learning objectives\n\n- look\n\n**Time to learn:** about 5 minutes"
        ),
        nbformat.v4.new_code_cell(TEACHER_WIDGETS),
        nbformat.v4.new_code_cell("widgets.expedition_explorer(1)"),
        nbformat.v4.new_code_cell("print('after the explorer')"),
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    assert notebook.metadata.get("widgets"), "the lesson was saved without widget state"
    nbformat.write(notebook, lessons / "98_widgets.ipynb")
    out = tmp_path / "book"
    command = [sys.executable, str(REPO / "docs" / "make_book.py"), str(out), "--notebooks"]
    done = subprocess.run([*command, str(lessons)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    text = (out / "html" / "notebooks" / "98_widgets.html").read_text(encoding="utf-8")
    page = BeautifulSoup(text, "html.parser")
    inputs = " ".join(c.get_text() for c in page.select(".cell_input"))
    assert "expedition_explorer" not in inputs and "after the explorer" in inputs
    fallback = [b.get_text() for b in page.select(".cell_output strong")]
    assert fallback == ["What the slider shows, without a kernel"], fallback
    assert WIDGET_VIEW not in text and "widget-state" not in text
    assert not re.search(r"\b(?:IntSlider|ExpeditionExplorer)\(", text), "a widget's text form"


def test_staging_gives_each_quiz_answer_a_page_and_the_lesson_page_none():
    from isslearn import quiz
    from isslearn.quiz.notebook import quiz_bundle

    item = quiz.MultipleChoice(
        "Who paid for Zarya?",
        (quiz.Option("Russia", False, "WHY-NOT-RUSSIA"), quiz.Option("NASA", True, "EXPLAINED")),
    )
    data, metadata = quiz_bundle(item, 1)
    data.pop(WIDGET_VIEW)
    output = nbformat.v4.new_output("display_data", data=data, metadata=metadata)
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 07 · A lesson"),
            nbformat.v4.new_code_cell("x", outputs=[output]),
        ]
    )
    pages = make_book.website_quizzes(notebook, "07_lesson")
    (shown,) = notebook.cells[1].outputs
    assert list(shown["data"]) == ["text/html"] and not shown["metadata"]
    assert 'href="../quiz/07_lesson/q1-a.html">A) Russia</a>' in shown["data"]["text/html"]
    assert "WHY-NOT-RUSSIA" not in str(shown) and "EXPLAINED" not in str(shown)
    assert sorted(pages) == ["07_lesson/q1-a.html", "07_lesson/q1-b.html"]
    assert "WHY-NOT-RUSSIA" in pages["07_lesson/q1-a.html"]
    assert "EXPLAINED" not in pages["07_lesson/q1-a.html"]
    assert 'href="../../notebooks/07_lesson.html#isslearn-quiz-1"' in pages["07_lesson/q1-b.html"]


@book
def test_every_lesson_page_carries_the_present_layout_and_it_loads_nothing_from_elsewhere():
    """The presenter fallback (docs/_static/present.js and present.css) on every lesson page;
    tests/browser/test_book_present_in_browser.py uses it in Chromium."""
    root = built_book().html
    for name in ("present.js", "present.css"):
        text = (root / "_static" / name).read_text(encoding="utf-8")
        assert not re.search(r"(?:https?:)?//[a-z0-9-]+\.[a-z]", text), f"{name} names a host"
        assert not re.search(r"@import|url\(", text), f"{name} loads another file"
    for lesson in LESSONS:
        page = BeautifulSoup(
            (root / "notebooks" / f"{lesson.stem}.html").read_bytes(), "html.parser"
        )
        scripts = [tag["src"] for tag in page.select("script[src]")]
        styles = [tag["href"] for tag in page.select("link[rel=stylesheet]")]
        assert any(src.startswith("../_static/present.js") for src in scripts), lesson.stem
        assert any(href.startswith("../_static/present.css") for href in styles), lesson.stem


# ---------------------------------------------------------------- the site in every language


def test_languages_are_found_from_files_and_each_has_every_word_of_the_site():
    """A language is docs/CODE/words.toml with its landing pages: adding one is translation
    work. Each has every word English has (a missing one would fail the build half-way)."""
    found = make_book.languages()
    assert found[0].code == "en"
    codes = [language.code for language in found]
    assert codes[1:] == sorted(p.parent.name for p in (REPO / "docs").glob("*/words.toml"))
    assert "fr" in codes
    english = set(found[0].words)
    for language in found[1:]:
        assert set(language.words) == english, language.code
        for page in make_book.LANDING_PAGES:
            assert (language.pages / page).is_file(), f"{language.code}: no {page}"
        assert sorted(p.name for p in language.notebooks.glob("*.ipynb")) == [
            p.name for p in LESSONS
        ], f"{language.code}: not every lesson"


def test_a_link_to_a_lesson_in_another_language_leads_to_that_languages_site():
    english, french = make_book.Language.load("en"), make_book.Language.load("fr")
    text = "*In French: [`fr/00_start_here.ipynb`](fr/00_start_here.ipynb)*"
    staged = make_book.site_links(text, "notebooks/00_start_here.ipynb", english, [french], {})
    assert '<a href="../fr/notebooks/fr/00_start_here.html" hreflang="fr" lang="fr">' in staged
    assert "<code>fr/00_start_here.ipynb</code>" in staged
    back = make_book.site_links(
        "[English](../00_start_here.ipynb)",
        "notebooks/fr/00_start_here.ipynb",
        french,
        [english],
        {},
    )
    assert (
        back
        == '<a href="../../../notebooks/00_start_here.html" hreflang="en" lang="en">English</a>'
    )
    # A link that is not to another language's lesson is left to Sphinx.
    same = "[the glossary](glossary.md#utc) and [lesson 01](01_assembly.ipynb)"
    assert (
        make_book.site_links(same, "notebooks/fr/00_start_here.ipynb", french, [english], {})
        == same
    )


def test_a_translated_glossary_keeps_the_english_anchors_and_sphinx_finds_its_headings(tmp_path):
    glossary = tmp_path / "glossary.md"
    glossary.write_text(
        '# Glossaire\n\n<a id="docking-adapter"></a>\n\n## Adaptateur d’amarrage\n\n'
        "Voir [amarrage](#docking).\n\n"
        '<a id="docking"></a>\n\n## Amarrage\n\nUn vaisseau vient se fixer seul.\n',
        encoding="utf-8",
    )
    anchors = make_book.glossary_anchors(glossary)
    assert anchors == {"docking-adapter": "adaptateur-damarrage", "docking": "amarrage"}
    french = make_book.Language.load("fr")
    text = "[un adaptateur](glossary.md#docking-adapter), [ici](#docking)"
    assert make_book.site_links(text, "notebooks/fr/glossary.md", french, [], anchors) == (
        "[un adaptateur](glossary.md#adaptateur-damarrage), [ici](#amarrage)"
    )


@book
def test_every_page_links_to_itself_in_every_other_language():
    """The switch at the top of every page: each other language by its own name, marked with
    its lang, leading to the same page there (a lesson to its translation), or to that
    language's front page when the page has no counterpart."""
    root = built_book().html
    others = {language.code: language for language in make_book.languages()}
    checked = 0
    for name in _pages(root):
        if make_book.QUIZ_PAGES in Path(name).parts:
            continue
        page = BeautifulSoup((root / name).read_bytes(), "html.parser")
        code = page.html["lang"]
        assert code in others, name
        switch = page.select("nav.isslearn-language-switch a[href]")
        assert {a["lang"] for a in switch} == set(others) - {code}, name
        for link in switch:
            assert link.get_text(strip=True) == others[link["lang"]].name, name
            target = ((root / name).parent / link["href"]).resolve()
            assert target.is_file(), f"{name}: {link['href']} leads nowhere"
            there = BeautifulSoup(target.read_bytes(), "html.parser")
            assert there.html["lang"] == link["lang"], f"{name}: {link['href']}"
            checked += 1
    assert checked > 2 * len(LESSONS)
    lesson = BeautifulSoup((root / "notebooks" / "01_assembly.html").read_bytes(), "html.parser")
    [french] = lesson.select('nav.isslearn-language-switch a[lang="fr"]')
    assert french["href"] == "../fr/notebooks/fr/01_assembly.html"


@book
def test_the_french_site_has_every_lesson_plan_and_guide_in_french():
    root = built_book().html / "fr"
    french = make_book.Language.load("fr")
    teachers = (root / "teachers.html").read_text(encoding="utf-8")
    learners = (root / "learners.html").read_text(encoding="utf-8")
    for lesson in sorted(french.notebooks.glob("*.ipynb")):
        facts = make_book.lesson_facts(lesson, nbformat.read(lesson, as_version=4), french)
        assert facts.objectives and facts.time, lesson.name
        page = f'href="notebooks/fr/{lesson.stem}.html"'
        assert page in (teachers if facts.for_teachers else learners), lesson.stem
        plan = (root / "about" / f"{lesson.stem}.html").read_text(encoding="utf-8")
        assert "Objectifs d’apprentissage" in plan and facts.time.split()[0] in plan, lesson.stem
    for guide in sorted(french.guides.glob("*.md")):
        assert f'href="guides/{guide.stem}.html"' in teachers, guide.name
    assert 'lang="fr"' in (root / "index.html").read_text(encoding="utf-8")

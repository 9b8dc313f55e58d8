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
    quiz = nbformat.v4.new_output(
        "display_data",
        data={WIDGET_VIEW: view, "text/markdown": "**Q?**", "text/plain": "Quiz: Q?"},
    )
    figure = nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})
    notebook.cells = [nbformat.v4.new_code_cell("x", outputs=[explorer, quiz, figure])]
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return notebook


def test_staging_drops_widget_views_and_their_text_but_keeps_the_twins():
    outputs = make_book.without_widgets(_widget_notebook()).cells[0].outputs
    assert [sorted(o["data"]) for o in outputs] == [["text/markdown"], ["image/png"]]
    assert "widgets" not in make_book.without_widgets(_widget_notebook()).metadata


def test_staging_leaves_the_lesson_file_alone():
    notebook = _widget_notebook()
    make_book.without_widgets(notebook)
    assert len(notebook.cells[0].outputs) == 3
    assert "widgets" in notebook.metadata


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
    local = make_book.Site("/srv/lessons/isslearn.git", "main", "http://127.0.0.1:8000", "x")
    assert "urlpath=lab/tree/isslearn/notebooks/" in local.hub_url(path)


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
        for maker in (site.binder_url, site.hub_url)
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


@book
def test_every_lesson_has_a_page_and_a_planning_page():
    root = built_book().html
    site = make_book.Site.load()
    for lesson in LESSONS:
        page = (root / "lessons" / f"{lesson.stem}.html").read_text(encoding="utf-8")
        facts = make_book.lesson_facts(lesson, nbformat.read(lesson, as_version=4))
        plan = BeautifulSoup((root / "about" / f"{lesson.stem}.html").read_bytes(), "html.parser")
        plan_text = " ".join(plan.get_text().split())
        for objective in facts.objectives:
            words = re.sub(r"[*`_]", "", objective)[:40]
            assert words in plan_text, f"{lesson.stem}: objective missing: {objective}"
        assert facts.time.split("(")[0].strip() in plan_text, f"{lesson.stem}: time missing"
        path = f"notebooks/{lesson.name}"
        for link in (site.binder_url(path), site.hub_url(path)):
            assert f'href="{html.escape(link)}"' in page, f"{lesson.stem}: no link {link}"


@book
def test_landing_pages_for_learners_and_teachers_reach_every_lesson():
    root = built_book().html
    learners = (root / "learners.html").read_text(encoding="utf-8")
    teachers = (root / "teachers.html").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert f'href="lessons/{lesson.stem}.html"' in learners, lesson.stem
        assert f'href="about/{lesson.stem}.html"' in teachers, lesson.stem
    if (REPO / "notebooks" / "glossary.md").exists():
        assert 'href="lessons/glossary.html"' in learners
    for guide in GUIDES:
        assert f'href="guides/{guide.stem}.html"' in teachers, guide.name


@book
def test_no_widget_leftovers_on_any_page():
    names = "|".join(re.escape(n) for n in ("Loading widget", "Error displaying widget"))
    for name, text in _pages(built_book().html).items():
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


@book
def test_every_lesson_page_has_its_quiz_as_details_blocks():
    root = built_book().html
    for lesson in LESSONS:
        page = BeautifulSoup((root / "lessons" / f"{lesson.stem}.html").read_bytes(), "html.parser")
        answers = page.select(".cell_output details > summary")
        assert answers, f"{lesson.stem}: no quiz answers (<details> in an output) on the page"


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
    assert {"index.html", ".nojekyll", "lessons", "_static"} <= set(listed), listed


TEACHER_QUIZ = """\
from isslearn import quiz
quiz.show(quiz.MultipleChoice(
    "Who paid for <b>Zarya</b>? <img src=x onerror=alert(1)>",
    [quiz.Option("<script>alert(1)</script>", True, "Right: <i>it</i> was the US"),
     quiz.Option("Russia", False, "Built there, paid elsewhere")],
))
"""


@book
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
    page = BeautifulSoup((out / "html" / "lessons" / "99_teacher.html").read_bytes(), "html.parser")
    outputs = page.select(".cell_output")
    assert outputs, "the quiz output is missing from the page"
    for output in outputs:
        assert not output.select("script, img, b, i"), f"teacher markup became HTML: {output}"
    text = " ".join(o.get_text() for o in outputs)
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text

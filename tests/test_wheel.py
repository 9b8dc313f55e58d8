"""The built wheel carries the catalogue and loads it from any folder, with no checkout nearby."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from conftest import REPO
from i18n_tools import TABLES, languages

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("isslearn-*.whl")
    return built


def test_wheel_holds_one_copy_of_each_table(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for table in (
        "events.csv",
        "modules.csv",
        "expeditions.csv",
        "stays.csv",
        "agencies.csv",
        "eras.csv",
    ):
        assert names.count(f"isslearn/data/{table}") == 1, table
    assert "isslearn/py.typed" in names
    assert not any(n.startswith("seeds/") for n in names)


def test_wheel_carries_every_translation(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for language in languages():
        for table in TABLES:
            assert f"isslearn/data/{language}/{table.file}" in names, (language, table.file)


def test_wheel_holds_each_lessons_quiz_and_guide(wheel):
    """The lessons' questions are read from the package (lesson.quiz("01")): they must ship."""
    names = zipfile.ZipFile(wheel).namelist()
    for lesson in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"isslearn/quizzes/{lesson.stem}.yaml" in names, lesson.stem
        assert f"isslearn/guides/{lesson.stem}.md" in names, lesson.stem


def test_wheel_carries_every_languages_catalogue_quizzes_and_guides(wheel):
    """A French lesson reads its words from the compiled catalogue, and its quiz from the
    package: both must ship for every language (isslearn.language finds them from the files)."""
    names = zipfile.ZipFile(wheel).namelist()
    spoken = sorted(p.parts[-3] for p in (REPO / "isslearn" / "locale").glob("*/LC_MESSAGES/*.po"))
    assert "fr" in spoken
    for language in spoken:
        assert f"isslearn/locale/{language}/LC_MESSAGES/isslearn.mo" in names, language
        for lesson in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            assert f"isslearn/quizzes/{language}/{lesson.stem}.yaml" in names, lesson.stem
            assert f"isslearn/guides/{language}/{lesson.stem}.md" in names, lesson.stem


def test_installed_wheel_loads_the_catalogue_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import isslearn, isslearn.catalogue.tables as c;"
        "e = isslearn.load_events(); m = isslearn.load_modules();"
        "print(isslearn.__file__); print(c.builtin_location()); print(len(e), len(m))"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    package, location, counts = result.stdout.strip().splitlines()
    assert package.startswith(str(target)), "imported the checkout, not the installed wheel"
    assert location == str(target / "isslearn" / "data")
    events, modules = map(int, counts.split())
    assert events >= 250 and modules >= 30


def test_wheel_carries_the_presenter_template_in_the_package_and_for_jupyter_servers(wheel):
    """`isslearn present` reads the package's copy; a hub's or Binder's Voilà server extension
    finds the one installed under share/jupyter (the wheel's data folder)."""
    names = zipfile.ZipFile(wheel).namelist()
    template = "voila/templates/isslearn"
    for part in ("conf.json", "index.html.j2", "static/present.css", "static/present.js"):
        assert f"isslearn/templates/jupyter/{template}/{part}" in names, part
        shared = [n for n in names if n.endswith(f".data/data/share/jupyter/{template}/{part}")]
        assert len(shared) == 1, f"{part} is not installed for Jupyter servers: {shared}"

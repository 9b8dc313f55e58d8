"""The installed wheel prints handouts and guides from any folder: its page template, its
stylesheet and the lessons' guides ship inside the package and are read as resources."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import nbformat
import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
         str(REPO)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    [wheel] = out.glob("isslearn-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("index.html.j2", "conf.json", "handout.css"):
        assert f"isslearn/templates/handout/{name}" in names, name
    assert any(n.startswith("isslearn/guides/") and n.endswith(".md") for n in names)
    target = out / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
         str(target), str(wheel)],
        check=True, timeout=300,
    )  # fmt: skip
    return target


def test_installed_isslearn_prints_a_guide_and_a_key_elsewhere(installed, tmp_path):
    nbformat.write(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Lesson zero")]),
        tmp_path / "00_start_here.ipynb",
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(installed)}

    def isslearn(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "isslearn", *args],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert "Traceback" not in done.stdout + done.stderr, done.stderr
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    isslearn("guide", "00", "-o", "guide.html")
    guide = (tmp_path / "guide.html").read_text("utf-8")
    assert "size: A4" in guide and "Timed plan: 45 minutes" in guide and "Before class" in guide
    done = isslearn("handout", "00_start_here.ipynb", "--answers")
    assert "ends with the teacher's guide isslearn/guides/00_start_here.md" in done.stdout
    assert "Timed plan: 45 minutes" in (tmp_path / "00_start_here.key.html").read_text("utf-8")

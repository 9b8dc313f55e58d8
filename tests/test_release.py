"""What a release carries: one version everywhere, the MIT licence in every distribution.

The version is written once (``isslearn.__version__``); the wheel's metadata is built from it
and CHANGELOG.md's top entry must name the same release. The quick checks read the files; the
slow ones build the wheel and the source distribution as `python -m build` does.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from conftest import REPO
from offline import can_cut_network, offline_command
from test_cli_lessons import tracked_lesson_files

import isslearn

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

HOLDER = "isslearn developers"


def changelog_top_version(path: Path = REPO / "CHANGELOG.md") -> str:
    """The release a changelog describes first: its first ``## X.Y.Z`` heading."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r"^## (\d+\.\d+\.\d+\S*)", text, re.M)
    assert found, "CHANGELOG.md has no '## X.Y.Z' release heading"
    return found.group(1)


def test_version_is_written_once_and_the_changelog_describes_it():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"], "pyproject.toml writes the version a 2nd time"
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "isslearn/__init__.py"
    assert changelog_top_version() == isslearn.__version__


def test_the_changelog_top_entry_is_found_however_it_is_dated(tmp_path):
    """The reader above takes the first release heading, not the title or a later entry."""
    fake = tmp_path / "CHANGELOG.md"
    fake.write_text("# Changelog\n\nIntro.\n\n## 1.4.0 (2027-01-05)\n\n- x\n\n## 1.3.9\n")
    assert changelog_top_version(fake) == "1.4.0"


def test_licence_is_mit_for_the_isslearn_developers():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert re.search(rf"^Copyright \(c\) \d{{4}}(?:-\d{{4}})? {HOLDER}$", text, re.M), text[:200]
    assert "Permission is hereby granted, free of charge" in text
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    """The wheel and the source distribution, built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = out.glob("isslearn-*.whl")
    [sdist] = out.glob("isslearn-*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.mark.slow
def test_wheel_metadata_has_the_code_version_and_the_licence(dists):
    wheel = zipfile.ZipFile(dists["wheel"])
    info = f"isslearn-{isslearn.__version__}.dist-info"
    assert dists["wheel"].name.startswith(f"isslearn-{isslearn.__version__}-")
    metadata = Parser().parsestr(wheel.read(f"{info}/METADATA").decode("utf-8"))
    assert metadata["Version"] == isslearn.__version__ == changelog_top_version()
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    shipped = wheel.read(f"{info}/licenses/LICENSE")
    assert shipped == (REPO / "LICENSE").read_bytes()


@pytest.mark.slow
def test_source_distribution_has_the_licence_and_the_version(dists):
    root = f"isslearn-{isslearn.__version__}"
    with tarfile.open(dists["sdist"]) as sdist:
        names = sdist.getnames()
        assert f"{root}/LICENSE" in names, "the source distribution leaves out LICENSE"
        licence = sdist.extractfile(f"{root}/LICENSE")
        assert licence is not None and licence.read() == (REPO / "LICENSE").read_bytes()
        pkg_info = sdist.extractfile(f"{root}/PKG-INFO")
        assert pkg_info is not None
        metadata = Parser().parsestr(pkg_info.read().decode("utf-8"))
    assert metadata["Version"] == isslearn.__version__
    assert metadata["License-Expression"] == "MIT"


# ---------------------------------------------------------------- the lessons, from the wheel


@pytest.mark.slow
def test_wheel_carries_the_lessons_as_the_repository_has_them(dists):
    """Every file git tracks in notebooks/, byte for byte, as isslearn/lessons; nothing else."""
    wheel = zipfile.ZipFile(dists["wheel"])
    shipped = {
        name.removeprefix("isslearn/lessons/"): wheel.read(name)
        for name in wheel.namelist()
        if name.startswith("isslearn/lessons/")
    }
    assert shipped == tracked_lesson_files()
    assert not [n for n in wheel.namelist() if n.startswith("notebooks/")]


@pytest.fixture(scope="module")
def wheel_venv(dists, tmp_path_factory) -> Path:
    """A fresh venv with the built wheel (and a Jupyter kernel) installed, as a user's pip does."""
    venv = tmp_path_factory.mktemp("user") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
         "--disable-pip-version-check", str(dists["wheel"]), "ipykernel"],
        capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return venv


@pytest.mark.slow
def test_a_pip_user_copies_the_lessons_out_and_runs_one(wheel_venv, tmp_path):
    """`pip install isslearn`, `isslearn lessons`, then lesson 04 (which reads the example
    files beside it) runs from the copy with the network cut, importing the installed wheel."""
    env = {
        "PATH": f"{wheel_venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
        "JUPYTER_DATA_DIR": str(tmp_path / "jupyter-data"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
    }
    copied = subprocess.run(
        ["isslearn", "lessons"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert copied.returncode == 0, copied.stderr
    lessons = tmp_path / "isslearn-lessons"
    assert copied.stdout.strip().startswith(f"isslearn-lessons: {len(list(lessons.rglob('*.*')))} ")
    assert (lessons / "glossary.md").is_file()
    assert (lessons / "examples" / "our_class.xlsx").is_file()
    assert (lessons / "04_make_your_own.ipynb").read_bytes() == (
        REPO / "notebooks" / "04_make_your_own.ipynb"
    ).read_bytes()
    command = [
        "jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=300", "--output", str(tmp_path / "ran.ipynb"),
        "04_make_your_own.ipynb",
    ]  # fmt: skip
    offline, _why = can_cut_network()
    ran = subprocess.run(
        offline_command(command) if offline else command,
        cwd=lessons, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr[-3000:]
    outputs = json.loads((tmp_path / "ran.ipynb").read_text(encoding="utf-8"))["cells"]
    errors = [o for c in outputs for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, errors
    where = subprocess.run(
        ["python", "-c", "import isslearn; print(isslearn.__file__)"],
        cwd=lessons, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert str(wheel_venv) in where.stdout, "the lesson used a checkout, not the installed wheel"

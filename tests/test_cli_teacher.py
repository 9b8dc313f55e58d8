"""Teacher commands: templates, new lessons (which must run and pass strict nbval), handouts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run_cli(*args, cwd):
    done = subprocess.run(
        [sys.executable, "-m", "isslearn", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=180,
    )
    assert "Traceback" not in done.stdout + done.stderr
    return done


@pytest.mark.parametrize("name", ["events.csv", "quiz.yaml", "quiz.yml"])
def test_template_writes_a_file_that_passes_check_and_refuses_to_overwrite(tmp_path, name):
    done = run_cli("template", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = (tmp_path / name).read_bytes()
    assert run_cli("check", name, cwd=tmp_path).returncode == 0
    again = run_cli("template", name, cwd=tmp_path)
    assert again.returncode == 1
    assert f"{name}: already exists" in again.stderr
    assert (tmp_path / name).read_bytes() == written


def test_template_events_file_has_every_column(tmp_path):
    run_cli("template", "events.csv", cwd=tmp_path)
    header = (tmp_path / "events.csv").read_text("utf-8").splitlines()[0]
    from isslearn.values import EVENT_COLUMNS

    assert header == ",".join(EVENT_COLUMNS)


def test_template_unknown_kind_and_bad_calls(tmp_path):
    assert run_cli("template", "notes.txt", cwd=tmp_path).returncode == 1
    assert run_cli("template", cwd=tmp_path).returncode == 2
    assert run_cli("new-lesson", cwd=tmp_path).returncode == 2
    assert run_cli("handout", cwd=tmp_path).returncode == 2
    assert not list(tmp_path.iterdir())


def test_new_lesson_rejects_bad_settings_and_writes_nothing(tmp_path):
    done = run_cli("new-lesson", "lesson1", "--start", "1998-02-30", cwd=tmp_path)
    assert done.returncode == 1 and "February 1998 has 28 days" in done.stderr
    (tmp_path / "bad.yaml").write_text("- question: Q\n", "utf-8")
    done = run_cli("new-lesson", "lesson1", "--quiz", "bad.yaml", cwd=tmp_path)
    assert done.returncode == 1 and "bad.yaml:1: field 'options'" in done.stdout
    assert not (tmp_path / "lesson1.ipynb").exists()


def test_new_lesson_fills_settings_and_refuses_overwrite(tmp_path):
    run_cli("template", "quiz.yaml", cwd=tmp_path)
    done = run_cli(
        "new-lesson", "first", "--dir", "lessons", "--start", "1998-01-01", "--quiz", "quiz.yaml",
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    path = tmp_path / "lessons" / "first.ipynb"
    notebook = json.loads(path.read_text("utf-8"))
    settings = next(c for c in notebook["cells"] if "settings" in c["metadata"].get("tags", []))
    assert "start='1998-01-01'" in settings["source"]
    assert "quiz_file='../quiz.yaml'" in settings["source"]  # relative to the notebook
    before = path.read_bytes()
    again = run_cli("new-lesson", "first", "--dir", "lessons", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert path.read_bytes() == before


def test_scaffolded_lesson_executes_and_passes_strict_nbval(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    run_cli("template", "quiz.yaml", cwd=tmp_path)
    done = run_cli(
        "new-lesson", "lesson", "--end", "2011-12-31", "--quiz", "quiz.yaml", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    path = tmp_path / "lesson.ipynb"
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(tmp_path)}}).execute()
    nbformat.write(notebook, path)
    env = {**os.environ, "MPLBACKEND": "Agg"}
    env.pop("ISSLEARN_EVENTS", None)
    env.pop("ISSLEARN_QUIZ", None)
    nbval = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p",
         "no:cacheprovider", "-q", "lesson.ipynb"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300,
    )  # fmt: skip
    assert nbval.returncode == 0, nbval.stdout[-3000:]
    assert " passed" in nbval.stdout and "failed" not in nbval.stdout

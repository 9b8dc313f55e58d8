"""The `isslearn` command run as a teacher runs it: a new process, exit codes, no traceback."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "isslearn", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


def test_check_good_file_prints_one_summary_line(write_file):
    path = write_file("ok.csv", "date,title\n2000-11-02,Crew moves in\n2011-07-21,Last Shuttle\n")
    result = run("check", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [
        f"{path}: OK, 2 event(s) from 2000-11-02 to 2011-07-21"
    ]


def test_check_bad_file_prints_one_line_per_problem_and_exits_1(write_file):
    path = write_file("bad.csv", "date,title,agencies\n2008-13-40,A,\n2000-01-01,B,NASDA\n")
    before = path.read_bytes()
    result = run("check", str(path))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"{path}:2: column 'date': '2008-13-40' is not a real date")
    assert lines[1].startswith(f"{path}:3: column 'agencies': unknown agency 'NASDA'")
    assert "Traceback" not in result.stdout + result.stderr
    assert path.read_bytes() == before


def test_check_several_files_reports_each(write_file):
    good = write_file("good.csv", "date,title\n2000-11-02,A\n")
    bad = write_file("bad.csv", "")
    result = run("check", str(good), str(bad))
    assert result.returncode == 1
    assert f"{good}: OK" in result.stdout
    assert f"{bad}:1: the file is empty" in result.stdout


def test_check_unknown_file_type(write_file):
    path = write_file("notes.docx", "x")
    result = run("check", str(path))
    assert result.returncode == 1
    assert "cannot check this kind of file" in result.stdout


def test_bad_usage_exits_2():
    result = run("check")
    assert result.returncode == 2
    assert "usage" in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_info_says_where_data_comes_from_and_counts(write_file):
    import os

    path = write_file("class.csv", "date,title\n2000-11-02,A\n")
    result = run("info", env={**os.environ, "ISSLEARN_EVENTS": str(path)})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("isslearn ")
    assert "built-in catalogue:" in out
    assert f"teacher's events: {path} (1 event(s), from ISSLEARN_EVENTS)" in out


def test_info_with_broken_class_file_explains_without_traceback(write_file):
    import os

    path = write_file("class.csv", "date,title\n2000-13-02,A\n")
    result = run(env={**os.environ, "ISSLEARN_EVENTS": str(path)})
    assert result.returncode == 1
    assert f"{path}:2: column 'date'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr

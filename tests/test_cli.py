"""The `isslearn` command: exit codes, one line per problem, and no traceback.

Most tests call the command in this process (``clirun.isslearn``); the first two start a new
process, since only they can show that the installed entry point works.
"""

from __future__ import annotations

import os
import subprocess
import sys

from clirun import isslearn

import isslearn as package


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "isslearn", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_entry_point_reports_version_and_bad_usage_without_traceback():
    version = run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"isslearn {package.__version__}"
    wrong = run("check")
    assert wrong.returncode == 2
    assert "usage" in wrong.stderr.lower()
    assert "Traceback" not in wrong.stdout + wrong.stderr


def test_entry_point_with_broken_class_file_explains_without_traceback(write_file):
    path = write_file("class.csv", "date,title\n2000-13-02,A\n")
    result = run(env={**os.environ, "ISSLEARN_EVENTS": str(path)})
    assert result.returncode == 1
    assert f"{path}:2: column 'date'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_version_in_process(capsys):
    ran = isslearn(capsys, "--version")
    assert ran.code == 0 and ran.out.strip() == f"isslearn {package.__version__}"


def test_check_good_file_prints_one_summary_line(write_file, capsys):
    path = write_file("ok.csv", "date,title\n2000-11-02,Crew moves in\n2011-07-21,Last Shuttle\n")
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 0, ran.err
    assert ran.out.strip().splitlines() == [f"{path}: OK, 2 event(s) from 2000-11-02 to 2011-07-21"]


def test_check_bad_file_prints_one_line_per_problem_and_exits_1(write_file, capsys):
    path = write_file("bad.csv", "date,title,agencies\n2008-13-40,A,\n2000-01-01,B,NASDX\n")
    before = path.read_bytes()
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 1
    lines = ran.out.strip().splitlines()
    assert lines[0].startswith(f"{path}:2: column 'date': '2008-13-40' is not a real date")
    assert lines[1].startswith(f"{path}:3: column 'agencies': unknown agency 'NASDX'")
    assert path.read_bytes() == before


def test_check_several_files_reports_each(write_file, capsys):
    good = write_file("good.csv", "date,title\n2000-11-02,A\n")
    bad = write_file("bad.csv", "")
    ran = isslearn(capsys, "check", str(good), str(bad))
    assert ran.code == 1
    assert f"{good}: OK" in ran.out
    assert f"{bad}:1: the file is empty" in ran.out


def test_check_unknown_file_type(write_file, capsys):
    path = write_file("notes.docx", "x")
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 1
    assert "cannot check this kind of file" in ran.out


def test_info_reports_both_class_settings_when_unset(capsys):
    ran = isslearn(capsys, "info")
    assert ran.code == 0, ran.err
    lines = ran.out.splitlines()
    assert lines[0] == f"isslearn {package.__version__}"
    assert f"(current to {package.current_to():%Y-%m-%d})" in lines[1]
    assert lines[1].startswith("built-in catalogue: ")
    assert any(line.startswith("ISSLEARN_EVENTS: not set") for line in lines)
    assert any(line.startswith("ISSLEARN_QUIZ: not set") for line in lines)
    built_in = len(package.load_events())
    assert f"events in every lesson: {built_in} ({built_in} built-in)" in lines


def test_info_checks_both_class_files_and_counts_them(write_file, monkeypatch, capsys):
    events = write_file("class.csv", "date,title\n2000-11-02,A\n2001-01-01,B\n")
    quiz = write_file(
        "quiz.yaml",
        "- question: Q?\n  options:\n    - text: A\n      correct: true\n      feedback: yes\n"
        "    - text: B\n      feedback: no\n",
    )
    monkeypatch.setenv("ISSLEARN_EVENTS", str(events))
    monkeypatch.setenv("ISSLEARN_QUIZ", str(quiz))
    ran = isslearn(capsys, "info")
    assert ran.code == 0, ran.out
    assert f"ISSLEARN_EVENTS={events}: OK, 2 event(s) from 2000-11-02 to 2001-01-01" in ran.out
    assert f"ISSLEARN_QUIZ={quiz}: OK, 1 quiz item(s)" in ran.out


def test_info_reports_a_broken_quiz_setting(write_file, monkeypatch, capsys):
    quiz = write_file("quiz.yaml", "- question: Q\n")
    monkeypatch.setenv("ISSLEARN_QUIZ", str(quiz))
    ran = isslearn(capsys, "info")
    assert ran.code == 1
    assert f"ISSLEARN_QUIZ={quiz}: lessons cannot use this file" in ran.out
    assert f"{quiz}:1: field 'options'" in ran.out
    assert "ISSLEARN_EVENTS: not set" in ran.out  # the other setting is still reported


def test_info_reports_a_missing_quiz_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ISSLEARN_QUIZ", str(tmp_path / "gone.yaml"))
    ran = isslearn(capsys, "info")
    assert ran.code == 1
    assert "gone.yaml:1: file not found" in ran.out


def test_a_path_in_any_encoding_prints_without_crashing(capsys):
    odd = os.fsdecode(b"caf\xe9.csv")  # a Latin-1 file name on a UTF-8 system
    ran = isslearn(capsys, "check", odd)
    assert ran.code == 1
    assert "file not found" in ran.out

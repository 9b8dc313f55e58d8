"""Teachers' quiz files: good files load; every mistake gets FILE:LINE and a fix, never a crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path

import pytest

from isslearn import quiz
from isslearn.errors import QuizFileError

GOOD = """\
# A class quiz
- question: Which module was launched first?
  options:
    - text: Zarya
      correct: true
      feedback: Yes, in November 1998.
    - text: Unity
      feedback: Close; two weeks later.
- order: Put these in launch order
  items:
    - Zarya
    - text: Unity
      detail: 4 Dec 1998
    - Zvezda
"""


def write(tmp_path, text, name="quiz.yaml"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_a_good_file_loads_both_kinds_of_item(tmp_path):
    items = quiz.load_quiz_file(write(tmp_path, GOOD))
    assert [type(i).__name__ for i in items] == ["MultipleChoice", "Ordering"]
    assert items[0].check("Unity").message == "Close; two weeks later."
    assert items[1].items == ("Zarya", "Unity", "Zvezda")
    assert items[1].details == ("", "4 Dec 1998", "")
    assert quiz.validate_quiz_file(write(tmp_path, GOOD)) == []


BAD = {
    "malformed": ("- question: Which one: Zarya?\n  options: []\n", 1, "cannot be read here"),
    "tab": ("- question: Q\n\toptions:\n", 2, "tabs"),
    "not a list": ("question: Q\noptions: []\n", 1, "must be a list of questions"),
    "missing options": ("- question: Q\n", 1, "field 'options': this field is missing"),
    "missing question": (
        "- options:\n    - text: a\n      correct: true\n    - text: b\n",
        1,
        "field 'question': this field is missing",
    ),
    "no correct option": (
        "- question: Q\n  options:\n    - text: a\n    - text: b\n",
        2,
        "field 'correct': no option of this question is marked correct",
    ),
    "two correct options": (
        "- question: Q\n  options:\n    - text: a\n      correct: true\n"
        "    - text: b\n      correct: true\n",
        5,
        "a second option is marked correct",
    ),
    "option without text": (
        "- question: Q\n  options:\n    - text: a\n      correct: true\n    - feedback: f\n",
        5,
        "field 'text': this field is missing",
    ),
    "unknown key": (
        "- question: Q\n  options:\n    - text: a\n      corect: true\n    - text: b\n",
        4,
        "did you mean 'correct'?",
    ),
    "correct not a boolean": (
        "- question: Q\n  options:\n    - text: a\n      correct: maybe\n    - text: b\n",
        4,
        "must be true or false",
    ),
    "plain-text option": (
        "- question: Q\n  options:\n    - Zarya\n    - text: b\n      correct: true\n",
        3,
        "write it as '- text: Zarya'",
    ),
    "one item to order": (
        "- order: O\n  items: [a]\n",
        2,
        "the task has 1 item(s); it needs 2 to 8",
    ),
    "neither kind": ("- quiz: Q\n", 1, "needs a 'question'"),
    "empty": ("", 1, "the file has no questions"),
    "only comments": ("# nothing yet\n", 1, "the file has no questions"),
    "not utf-8": (b"- question: caf\xe9\n", 1, "not UTF-8"),
    "quote never closed": (
        '- question: "Which one?\n  options: []\n- question: R\n',
        1,
        "a quote opened on this line is never closed",
    ),
    "text after the closing quote": (
        '- question: Q\n  options:\n    - text: "Zarya" first\n      correct: true\n',
        3,
        "the text goes on after its closing quote; put the whole text inside the quotes",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_mistake_names_file_line_and_leaves_the_file_alone(tmp_path, case):
    text, line, words = BAD[case]
    path = write(tmp_path, text)
    before = path.read_bytes()
    problems = quiz.validate_quiz_file(path)
    shown = [str(p) for p in problems]
    assert any(s.startswith(f"{path}:{line}: ") and words in s for s in shown), shown
    with pytest.raises(QuizFileError) as caught:
        quiz.load_quiz_file(path)
    assert words in str(caught.value)
    assert path.read_bytes() == before


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    (problem,) = quiz.validate_quiz_file(tmp_path / "nope.yaml")
    assert "file not found" in str(problem)


def test_html_in_a_teachers_question_stays_text(tmp_path):
    path = write(tmp_path, GOOD.replace("Which module", "Which <b>module</b>"))
    item = quiz.load_quiz_file(path)[0]
    title = item.widget().children[0]
    assert "&lt;b&gt;module&lt;/b&gt;" in title.value and "<b>" not in title.value


def run_cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "isslearn", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_cli_checks_quiz_files(tmp_path):
    good = write(tmp_path, GOOD, "good.yml")
    done = run_cli("check", str(good))
    assert done.returncode == 0, done.stderr
    assert "OK, 2 quiz item(s)" in done.stdout
    bad = write(tmp_path, textwrap.dedent(BAD["two correct options"][0]), "bad.yaml")
    before = bad.read_bytes()
    done = run_cli("check", str(bad))
    assert done.returncode == 1
    assert f"{bad}:5: field 'correct'" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert bad.read_bytes() == before


INDENTATION = {
    "feedback one space short": (
        "- question: Q\n  options:\n    - text: a\n      correct: true\n     feedback: x\n"
        "    - text: b\n      feedback: y\n",
        5,
        "line 5 is not lined up with the lines above it: it starts in column 6, line 4 in column 7",
    ),
    "feedback one space too far": (
        "- question: Q\n  options:\n    - text: a\n      correct: true\n        feedback: x\n"
        "    - text: b\n      feedback: y\n",
        5,
        "line 5 is not lined up with the lines above it: it starts in column 9, line 4 in column 7",
    ),
    "an option's dash out of line": (
        "- question: Q\n  options:\n    - text: a\n      correct: true\n      feedback: x\n"
        "  - text: b\n    feedback: y\n",
        6,
        "line 6 is not lined up with the lines above it: its '- ' is in column 3, "
        "the '- ' on line 3 in column 5",
    ),
    "a second question indented": (
        "- question: Q\n  options: []\n - question: R\n",
        3,
        "its '- ' is in column 2, the '- ' on line 1 in column 1",
    ),
}


@pytest.mark.parametrize("case", sorted(INDENTATION))
def test_indentation_mistakes_get_a_plain_hint_with_the_line(tmp_path, case):
    text, line, words = INDENTATION[case]
    (problem,) = quiz.validate_quiz_file(write(tmp_path, text))
    shown = str(problem)
    assert shown.startswith(f"{tmp_path / 'quiz.yaml'}:{line}: ") and words in shown, shown
    assert "same indentation" in shown and "spaces, not tabs" in shown
    for jargon in ("block", "mapping", "expected", "<"):
        assert jargon not in shown, shown


def test_a_colon_in_text_is_not_mistaken_for_indentation(tmp_path):
    (problem,) = quiz.validate_quiz_file(write(tmp_path, BAD["malformed"][0]))
    assert "double quotes" in str(problem) and "lined up" not in str(problem)


NO_FEEDBACK = """\
- question: Which module was launched first?
  options:
    - text: Zarya
      correct: true
      feedback: Yes, in November 1998.
    - text: Unity
"""

CUT_BY_HASH = """\
- question: Which module was launched first?
  options:
    - text: Zarya
      correct: true
      feedback: Yes, it was the #1 piece.
    - text: Unity
      feedback: #2, two weeks later.
    - text: Zvezda
      feedback: "Quoted, so #3 stays."
    - text: Destiny
      feedback: Much later.    # a note the teacher meant as a comment
"""


def test_an_option_without_feedback_loads_with_a_notice(tmp_path, told):
    path = write(tmp_path, NO_FEEDBACK)
    assert quiz.validate_quiz_file(path) == []
    (notice,) = quiz.quiz_file_notices(path)
    assert str(notice) == (
        f"{path}:6: notice: field 'feedback': the option 'Unity' has no feedback, so a learner "
        "who picks it sees only 'Not this one; have another look.'; add 'feedback: ...' under "
        "it that says why it is wrong"
    )
    items = quiz.load_quiz_file(path)
    assert len(items) == 1
    assert told() == [str(notice)]  # one plain line at the teacher's line, no traceback


def test_feedback_cut_short_by_a_hash_gets_a_notice(tmp_path):
    path = write(tmp_path, CUT_BY_HASH)
    assert quiz.validate_quiz_file(path) == []
    shown = [str(n) for n in quiz.quiz_file_notices(path)]
    assert shown[0] == (
        f"{path}:5: notice: field 'feedback': the text stops at ' #': YAML reads "
        "'#1 piece.' as a comment and keeps 'Yes, it was the'; put the whole text in double "
        "quotes to keep the '#' and what follows it"
    )
    assert f"{path}:7: notice: field 'feedback': the text stops at ' #'" in shown[1]
    assert "keeps nothing" in shown[1]
    assert any("the option 'Unity' has no feedback" in s for s in shown)
    assert len(shown) == 3  # the quoted '#' and the comment after four spaces are fine


def test_shipped_quiz_files_have_no_notices():
    import isslearn

    root = Path(isslearn.__file__).parent
    for path in (
        root / "templates" / "quiz.yaml",
        root.parent / "notebooks/examples/our_class_quiz.yaml",
    ):
        assert quiz.validate_quiz_file(path) == [] and quiz.quiz_file_notices(path) == [], path


def test_cli_check_prints_notices_and_still_says_ok(tmp_path, capsys):
    from isslearn.teacher.cli import main

    path = write(tmp_path, NO_FEEDBACK)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:6: notice: field 'feedback': the option 'Unity' has no feedback" in out
    assert f"{path}: OK, 1 quiz item(s)" in out


def test_a_wrong_options_feedback_that_names_the_answer_gets_a_notice(tmp_path):
    path = write(
        tmp_path,
        NO_FEEDBACK.replace(
            "    - text: Unity\n", "    - text: Unity\n      feedback: It came after zarya.\n"
        ),
    )
    (notice,) = quiz.quiz_file_notices(path)
    assert str(notice) == (
        f"{path}:6: notice: field 'feedback': the feedback of the wrong option 'Unity' names "
        "the right answer 'Zarya', so a learner who tries again need not think; say why "
        "'Unity' is wrong without naming the answer"
    )
    fine = write(
        tmp_path,
        NO_FEEDBACK.replace(
            "    - text: Unity\n",
            "    - text: Unity\n      feedback: It came two weeks after the first piece.\n",
        ),
        "fine.yaml",
    )
    assert quiz.quiz_file_notices(fine) == []


# ---------------------------------------------------------------- written answers and generators

WRITTEN = """\
- write: In two sentences, explain why assembly stopped in 2003.
  model_answer: The Shuttles were grounded after Columbia, and only they could carry the pieces.
  checklist:
    complete: Names the grounding and why it mattered.
    partial: Names the grounding only.
    not_yet: Gives no reason.
"""

GENERATED = """\
- generate: launch_order
  modules: [unity, zarya, zvezda]
  seed: 3
- generate: built_by
  module: columbus
- generate: event_year
  event: launch-zarya
  question: In which year was Zarya launched?
  lessons: [01, 03]
- generate: busiest_rocket
"""


def test_written_answers_and_generated_items_load(tmp_path):
    written, *made = quiz.load_quiz_file(write(tmp_path, WRITTEN + GENERATED))
    assert isinstance(written, quiz.WrittenAnswer)
    assert written.checklist[1] == "Names the grounding only."
    assert made[0].items == ("Zarya", "Unity", "Zvezda") and made[0].seed == 3
    assert made[1].answer.text == "ESA" and made[2].question == "In which year was Zarya launched?"
    assert made[3].answer.text == "Space Shuttle"
    found = quiz.read_quiz_file(tmp_path / "quiz.yaml")
    assert found.scopes == [(), (), (), ("01", "03"), ()]
    assert [i.title for i in found.for_lesson("02_crew")] == [
        i.title for i in (written, made[0], made[1], made[3])
    ]


NEW_KINDS_BAD = {
    "checklist level missing": (
        WRITTEN.replace("    partial: Names the grounding only.\n", ""),
        3,
        "field 'partial': the checklist has no 'partial' level; it needs all three",
    ),
    "checklist level misspelt": (
        WRITTEN.replace("not_yet:", "not yet:"),
        6,
        "field 'not yet': unknown field in the checklist; allowed: complete, partial, not_yet; "
        "did you mean 'not_yet'?",
    ),
    "no model answer": (
        WRITTEN.replace("  model_answer: The Shuttles", "  model: The Shuttles"),
        2,
        "did you mean 'model_answer'?",
    ),
    "unknown generator": (
        "- generate: launch_ordr\n",
        1,
        "field 'generate': there is no generator 'launch_ordr'; allowed: launch_order",
    ),
    "module not in the catalogue": (
        "- generate: built_by\n  module: colombus\n",
        2,
        "field 'module': 'colombus' is not a module id in the catalogue; did you mean 'columbus'?",
    ),
    "the wrong subject for the generator": (
        "- generate: launch_order\n  module: zarya\n",
        2,
        "field 'module': launch_order takes 'modules', not 'module'",
    ),
    "generator without its subject": (
        "- generate: commander\n",
        1,
        "field 'expedition': this field is missing; add 'expedition: 20'",
    ),
    "seed not a number": (
        "- generate: built_by\n  module: zarya\n  seed: seven\n",
        3,
        "field 'seed': must be a whole number (got 'seven')",
    ),
    "not a lesson": (
        WRITTEN + "  lessons: [01, 'lesson one!']\n",
        7,
        "field 'lessons': 'lesson one!' is not a lesson",
    ),
}


@pytest.mark.parametrize("case", sorted(NEW_KINDS_BAD))
def test_mistakes_in_the_new_kinds_name_their_line_and_fix(tmp_path, case):
    text, line, words = NEW_KINDS_BAD[case]
    shown = [str(p) for p in quiz.validate_quiz_file(write(tmp_path, text))]
    assert any(s.startswith(f"{tmp_path / 'quiz.yaml'}:{line}: ") and words in s for s in shown), (
        shown
    )


def test_the_yaml_template_shows_every_kind_and_loads_clean():
    from isslearn.teacher.scaffold import template_text

    path = Path(str(resources.files("isslearn") / "templates" / "quiz.yaml"))
    items = quiz.load_quiz_file(path)
    kinds = {type(i).__name__ for i in items}
    assert kinds == {"MultipleChoice", "Ordering", "WrittenAnswer"}
    assert "generate:" in template_text("quiz.yaml") and "lessons:" in template_text("quiz.yaml")

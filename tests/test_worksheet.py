"""Worksheets: a lesson on paper (figures, questions with room to write, a no-code exercise, an
exit ticket) worded for a pen, with no answer on it; the key separate, ending with the guide."""

from __future__ import annotations

import html
import re

import pytest

from isslearn import quiz
from isslearn.quiz import MultipleChoice, WrittenAnswer
from isslearn.teacher.worksheet import PLANS, _on_paper, worksheet_html, write_worksheet

LESSONS = sorted(PLANS)
SCREEN_WORDS = (
    "press Check",
    "press **Check**",
    "press Compare",
    "drag ",
    "click",
    "Run this cell",
    "Shift",
    "follow its link",
)
RAW_VALUES = ("Timestamp(", "',)", "<NA>", "NaT", "nan", "...")


def text_of(page: str) -> str:
    page = re.sub(r"<style>.*?</style>|<img [^>]*>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture(scope="module", params=LESSONS)
def sheets(request):
    lesson = request.param
    return lesson, worksheet_html(lesson), worksheet_html(lesson, answers=True)


def test_every_lesson_has_a_worksheet():
    assert list(quiz.shipped_quizzes()) == LESSONS


def test_the_worksheet_asks_every_question_on_paper_with_no_answer(sheets):
    lesson, sheet, _key = sheets
    text = text_of(sheet)
    for number, item in enumerate(quiz.lesson_quiz(lesson), start=1):
        title = " ".join(_on_paper(item.title).split())
        assert f"{number}. {title}" in text, title
        if isinstance(item, MultipleChoice):
            for option in item.options:
                assert " ".join(option.feedback.split()) not in text, option.feedback
        if isinstance(item, WrittenAnswer):
            assert " ".join(item.model_answer.split()) not in text
            assert not any(" ".join(level.split()) in text for level in item.checklist)
    assert "Circle the letter of one answer" in text and "Exit ticket" in text
    assert "Exercise" in text and PLANS[lesson].exercise[:40] in text
    assert PLANS[lesson].exercise_answer()[:40] not in text
    for words in SCREEN_WORDS:
        assert words not in text, f"{lesson}: the worksheet says {words!r}"
    for raw in RAW_VALUES:
        assert raw not in text, f"{lesson}: the worksheet shows a raw value {raw!r}"
    assert sheet.count('class="isslearn-write-here"') >= 2  # room for the exercise and ticket
    charts = [s for s in PLANS[lesson].shown if "check" not in s.title and "card" not in s.title]
    assert sheet.count("data:image/png;base64,") >= len(charts) - 1


def test_the_key_has_every_answer_and_ends_with_the_guide(sheets):
    lesson, _sheet, key = sheets
    text = text_of(key)
    for item in quiz.lesson_quiz(lesson):
        if isinstance(item, MultipleChoice):
            assert f"Answer: {item.letter(item.answer)})" in text
        if isinstance(item, WrittenAnswer):
            assert " ".join(item.model_answer.split())[:60] in text
    assert " ".join(PLANS[lesson].exercise_answer().split())[:40] in text
    assert key.rindex("celltag_isslearn-guide") > key.rindex("Exit ticket")
    assert "data:image/png" not in key  # the key is for the teacher's desk, not the figures


def test_the_exercise_answers_are_worked_out_from_the_catalogue():
    assert PLANS["01_assembly"].exercise_answer().startswith("In 2008")
    assert "Columbus" in PLANS["01_assembly"].exercise_answer()
    assert "21:13 on 25 May 2020" in PLANS["05_how_we_know"].exercise_answer()
    assert "29 May 2009" in PLANS["02_crew"].exercise_answer()
    answer = PLANS["03_cooperation"].exercise_answer()
    assert answer.startswith("NASA owns more") and "JAXA" in answer.split("built more")[1]


CLASS_QUIZ = """\
- question: Who flew first?
  options:
    - text: Gagarin
      correct: true
      feedback: In 1961.
    - text: Shepard
      feedback: A few weeks later, and not in orbit.
- question: Only in lesson 03?
  lessons: [03]
  options:
    - text: "Yes"
      correct: true
      feedback: It says so.
    - text: "No"
      feedback: Read its lessons field.
"""


def test_a_class_quiz_adds_its_questions_after_the_lessons_own(tmp_path):
    mine = tmp_path / "class.yaml"
    mine.write_text(CLASS_QUIZ, encoding="utf-8")
    own = len(quiz.lesson_quiz("01"))
    text = text_of(worksheet_html("01", quiz_file=mine))
    heading = text.index("Your teacher's questions (class.yaml)")
    assert heading < text.index(f"{own + 1}. Who flew first?")
    assert "Only in lesson 03?" not in text
    key = text_of(worksheet_html("01", answers=True, quiz_file=mine))
    assert f"Questions 1 to {own} are the lesson's own" in key and "In 1961." in key


def test_the_command_writes_the_sheet_and_the_key(tmp_path, capsys):
    from isslearn.teacher.cli import main

    assert main(["worksheet", "02", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "02_crew.worksheet.html").is_file()
    assert main(["worksheet", "crew", "--answers", "-o", str(tmp_path / "key.html")]) == 0
    out = capsys.readouterr().out
    assert "worksheet written" in out and "answer key written" in out
    assert main(["worksheet", "07"]) == 1
    assert "names no lesson's quiz" in capsys.readouterr().err


def test_write_worksheet_refuses_to_write_over_a_notebook(tmp_path):
    from isslearn.teacher.handout import HandoutError

    with pytest.raises(HandoutError, match=r"a page cannot be written as a \.ipynb file"):
        write_worksheet("01", tmp_path / "lesson.ipynb")

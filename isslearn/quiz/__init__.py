"""Quizzes for lessons: items with feedback for every answer, from quiz files or the catalogue.

A lesson shows its own questions, kept in a quiz file shipped with the package, in one line::

    lesson.quiz("01")        # lesson 01's questions, then any from the teacher's quiz file

and any items can be shown with :func:`show`::

    from isslearn import quiz
    quiz.show([quiz.launch_order_question(n=4, seed=1), quiz.which_agency_built("columbus")])

Each item is shown once: a live widget where a kernel runs (a learner who misses can try
again; the answer is explained once found or after a second miss), a static version with no
answer in it where none does. The parts, each in its own module:

- :mod:`.items` — :class:`MultipleChoice`, :class:`Option`, :class:`Ordering`,
  :class:`WrittenAnswer` and :class:`Tries` (the try-again rule);
- :mod:`.live` — the ipywidgets quiz; :mod:`.static` — the forms without a kernel (the static
  HTML, the handout's questions, the key, the website's feedback pages); :mod:`.notebook` —
  :func:`show` and :class:`LessonQuiz`;
- :mod:`.generated` — items made from the catalogue (launch order, who built or owns a
  module, arrival day, event year, expedition commander, and a chart-reading item), also by
  name from a quiz file (:func:`generate`);
- :mod:`.records` — one validator per kind of entry, shared by :mod:`.files` (YAML) and
  :mod:`.sheet` (a workbook's Quiz sheet): :func:`load_quiz_file`, :func:`validate_quiz_file`;
- :mod:`.lessons` — the lessons' own quiz files: :func:`lesson_quiz`.
"""

from __future__ import annotations

from .files import load_quiz_file, quiz_file_notices, read_quiz_file, validate_quiz_file
from .generated import (
    GENERATORS,
    arrival_day_question,
    busiest_rocket_question,
    event_year_question,
    expedition_question,
    generate,
    launch_order_question,
    plain_module_name,
    which_agency_built,
)
from .items import Feedback, MultipleChoice, Option, Ordering, QuizItem, Tries, WrittenAnswer
from .lessons import lesson_quiz, read_lesson_quiz, shipped_quizzes
from .notebook import LessonQuiz, show
from .static import static_html, static_markdown

__all__ = [
    "GENERATORS",
    "Feedback",
    "LessonQuiz",
    "MultipleChoice",
    "Option",
    "Ordering",
    "QuizItem",
    "Tries",
    "WrittenAnswer",
    "arrival_day_question",
    "busiest_rocket_question",
    "event_year_question",
    "expedition_question",
    "generate",
    "launch_order_question",
    "lesson_quiz",
    "load_quiz_file",
    "plain_module_name",
    "quiz_file_notices",
    "read_lesson_quiz",
    "read_quiz_file",
    "shipped_quizzes",
    "show",
    "static_html",
    "static_markdown",
    "validate_quiz_file",
    "which_agency_built",
]

"""Quizzes for lessons: items with feedback for every answer, made from the catalogue or a file.

One import gives a lesson everything it needs::

    from isslearn import quiz
    quiz.show([quiz.launch_order_question(n=4, seed=1), quiz.which_agency_built("columbus")])

``show`` displays a live widget per item (a learner who misses can try again; the answer is
explained once found or after a second miss), then its static twin, which a reader answers on
GitHub, nbviewer or a website with JavaScript off by opening an option. The parts, each in its
own module:

- :mod:`.items` — :class:`MultipleChoice`, :class:`Option`, :class:`Ordering`, and
  :class:`Tries` (the try-again rule);
- :mod:`.live` — the ipywidgets quiz; :mod:`.static` — the Markdown forms (the twin, the
  handout's questions and the teacher's key); :mod:`.notebook` — :func:`show`;
- :mod:`.generated` — items made from the catalogue (launch order, who built or owns a
  module, arrival day, event year, expedition commander, and a chart-reading item);
- :mod:`.files` — teachers' quiz files (YAML): :func:`load_quiz_file`, :func:`validate_quiz_file`.
"""

from __future__ import annotations

from .files import load_quiz_file, quiz_file_notices, validate_quiz_file
from .generated import (
    arrival_day_question,
    busiest_rocket_question,
    event_year_question,
    expedition_question,
    launch_order_question,
    plain_module_name,
    which_agency_built,
)
from .items import Feedback, MultipleChoice, Option, Ordering, QuizItem, Tries
from .notebook import show
from .static import answerable_markdown, static_markdown

__all__ = [
    "Feedback",
    "MultipleChoice",
    "Option",
    "Ordering",
    "QuizItem",
    "Tries",
    "answerable_markdown",
    "arrival_day_question",
    "busiest_rocket_question",
    "event_year_question",
    "expedition_question",
    "launch_order_question",
    "load_quiz_file",
    "plain_module_name",
    "quiz_file_notices",
    "show",
    "static_markdown",
    "validate_quiz_file",
    "which_agency_built",
]

"""Quiz items that answer every choice: a learner who picks wrong learns *why* it is wrong.

Three kinds of item, all plain frozen dataclasses that know how to check an answer and how to
write themselves as Markdown (the questions alone, or the teacher's key):

- :class:`MultipleChoice`: one right option; every option, right or wrong, carries feedback.
  The right option's feedback is the explanation of the answer; a wrong option's feedback
  says why it is wrong without giving the right answer away.
- :class:`Ordering`: put 2–8 things in order; a miss names the misplaced ones, and the right
  order (with a detail such as a date beside each) is shown once found or given away.
- :class:`WrittenAnswer`: the learner writes a short answer first, then sees a model answer and
  a three-level checklist (complete, partly there, not yet) to judge their own.

:class:`Tries` holds one learner's attempts at an item: after a first miss the learner sees why
and tries again; after a second miss the answer is given with its explanation. The live widget
(:mod:`isslearn.quiz.live`) and the tests use the same :class:`Tries`, so what a test checks
is what a learner gets.

Teacher text is escaped wherever it goes into HTML (see :func:`md_text`).
"""

from __future__ import annotations

import html
import random
import re
import zlib
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..errors import SettingsError
from ..language import N_
from ..language import gettext as _

if TYPE_CHECKING:  # ipywidgets is imported only when a live quiz is built
    import ipywidgets

__all__ = [
    "LETTERS",
    "MISSES_BEFORE_ANSWER",
    "Feedback",
    "MultipleChoice",
    "Option",
    "Ordering",
    "QuizItem",
    "Tries",
    "WrittenAnswer",
    "md_text",
]

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MISSES_BEFORE_ANSWER = 2
"""Different wrong answers a learner may give before the right one is shown."""
CHECKLIST_LEVELS = ("complete", "partial", "not_yet")
"""The three levels of a written answer's checklist, best first (the names quiz files use)."""
LEVEL_NAMES = {"complete": N_("Complete"), "partial": N_("Partly there"), "not_yet": N_("Not yet")}
"""How each level is shown to a learner (in English; :meth:`WrittenAnswer.levels` translates)."""
MIN_WORDS = 5
"""Words a written answer needs before the model answer is shown: write first, then compare."""


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: right or not, what to tell the learner, what was misplaced.

    ``revealed`` is true when the learner missed twice and the message gives the answer.
    """

    correct: bool
    message: str
    misplaced: tuple[str, ...] = ()
    revealed: bool = False


@dataclass(frozen=True)
class Option:
    """One choice of a multiple-choice item, with the feedback a learner sees on picking it.

    For the right option the feedback explains the answer; for a wrong one it says why that
    choice is wrong, without naming the right one.
    """

    text: str
    correct: bool = False
    feedback: str = ""

    def feedback_text(self) -> str:
        """The teacher's feedback, or a plain default when the teacher wrote none."""
        if self.feedback:
            return self.feedback
        return _("Yes, that is right.") if self.correct else _("Not this one; have another look.")


@runtime_checkable
class QuizItem(Protocol):  # MultipleChoice, Ordering and WrittenAnswer
    """What every quiz item offers (used by :func:`isslearn.quiz.show` and the handout)."""

    @property
    def title(self) -> str: ...

    def to_markdown(self, answers: bool = False) -> str: ...

    def widget(self) -> ipywidgets.VBox: ...


@dataclass(frozen=True)
class MultipleChoice:
    """A question with exactly one correct option.

    >>> item = MultipleChoice("Which came first?", (Option("Zarya", True), Option("Unity")))
    >>> item.check("Unity").correct
    False
    """

    question: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))
        right = [o for o in self.options if o.correct]
        if len(self.options) < 2 or len(right) != 1:
            raise SettingsError(
                f"a multiple-choice item needs 2 or more options and exactly one correct one "
                f"(got {len(self.options)} option(s), {len(right)} correct): {self.question!r}"
            )
        if len(self.options) > len(LETTERS):
            raise SettingsError(f"at most {len(LETTERS)} options: {self.question!r}")
        texts = [o.text for o in self.options]
        if len(set(texts)) != len(texts):
            raise SettingsError(f"two options have the same text in {self.question!r}")

    @property
    def title(self) -> str:
        return self.question

    @property
    def answer(self) -> Option:
        """The right option."""
        return next(o for o in self.options if o.correct)

    def letter(self, option: Option) -> str:
        """'B' for the second option: how the static forms and the revealed answer name it."""
        return LETTERS[self.options.index(option)]

    def option(self, choice: str | int) -> Option:
        """The option given by its text or its position (from 0)."""
        if isinstance(choice, int):
            if not 0 <= choice < len(self.options):
                raise SettingsError(
                    f"there is no option {choice}; give a position from 0 to "
                    f"{len(self.options) - 1}, or an option's text"
                )
            return self.options[choice]
        for option in self.options:
            if option.text == choice:
                return option
        shown = ", ".join(repr(o.text) for o in self.options)
        raise SettingsError(f"{choice!r} is not one of the options: {shown}")

    def check(self, choice: str | int) -> Feedback:
        """Feedback for the option chosen, given by its text or its position (from 0)."""
        option = self.option(choice)
        return Feedback(option.correct, option.feedback_text())

    def reveal(self, choice: str | int) -> Feedback:
        """After the last allowed miss: why ``choice`` is wrong, then the answer explained."""
        chosen = self.option(choice)
        answer = self.answer
        return Feedback(
            False,
            chosen.feedback_text()
            + " "
            + _("The answer is {letter}) {text}:").format(
                letter=self.letter(answer), text=answer.text
            )
            + f" {answer.feedback_text()}",
            revealed=True,
        )

    def options_giving_the_answer_away(self) -> tuple[Option, ...]:
        """Wrong options whose feedback names the right option, so a second try is no test.

        >>> item = MultipleChoice("First?", (Option("Zarya", True), Option("Unity", False,
        ...     "Unity came after Zarya.")))
        >>> [o.text for o in item.options_giving_the_answer_away()]
        ['Unity']
        """
        answer = self.answer.text.strip()
        if len(answer) < 3:  # '5' or 'No' turn up in any sentence
            return ()
        named = re.compile(rf"(?<!\w){re.escape(answer)}(?!\w)", re.IGNORECASE)
        return tuple(o for o in self.options if not o.correct and named.search(o.feedback))

    def to_markdown(self, answers: bool = False) -> str:
        """The question and lettered options; with ``answers``, the answer and every feedback."""
        lines = [f"**{md_text(self.question)}**", ""]
        for option in self.options:
            lines.append(f"- {self.letter(option)}) {md_text(option.text)}")
        if answers:
            answer = self.answer
            answer_line = _("Answer: {letter}) {text}").format(
                letter=self.letter(answer), text=md_text(answer.text)
            )
            lines += ["", answer_line, ""]
            for option in self.options:
                mark = _("right") if option.correct else _("wrong")
                lines.append(f"- {self.letter(option)}) {mark}: {md_text(option.feedback_text())}")
        return "\n".join(lines)

    def widget(self) -> ipywidgets.VBox:
        """A live quiz: radio buttons, a Check button, feedback, and a second try."""
        from .live import quiz_widget  # quiz.live builds on this module

        return quiz_widget(self)

    def _ipython_display_(self) -> None:
        from .notebook import show  # quiz.notebook builds on this module

        show(self)


@dataclass(frozen=True)
class Ordering:
    """Put ``items`` (given in the right order) in order; ``details`` explain the order.

    ``details`` (same length as ``items``, may be empty) are shown beside each item once the
    order is found or given away, e.g. the launch dates. The learner starts from a shuffled
    order that is fixed by ``seed`` (by default derived from the prompt), so a lesson looks
    the same every run.

    >>> item = Ordering("Launch order", ("Zarya", "Unity", "Zvezda"))
    >>> item.check(["Unity", "Zarya", "Zvezda"]).misplaced
    ('Unity', 'Zarya')
    """

    prompt: str
    items: tuple[str, ...]
    details: tuple[str, ...] = ()
    seed: int | None = None
    start_order: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "details", tuple(self.details))
        if not 2 <= len(self.items) <= 8 or len(set(self.items)) != len(self.items):
            raise SettingsError(f"an ordering item needs 2 to 8 different items: {self.prompt!r}")
        if self.details and len(self.details) != len(self.items):
            raise SettingsError(f"give one detail per item, or none: {self.prompt!r}")
        seed = self.seed if self.seed is not None else zlib.crc32(self.prompt.encode())
        object.__setattr__(self, "start_order", _shuffled(self.items, seed))

    @property
    def title(self) -> str:
        return self.prompt

    def check(self, order: Sequence[str]) -> Feedback:
        """Compare ``order`` with the right one; name the misplaced items, not where they go."""
        order = tuple(order)
        if sorted(order) != sorted(self.items):
            return Feedback(
                False, _("Use each item exactly once:") + " " + ", ".join(self.items) + "."
            )
        misplaced = tuple(got for got, want in zip(order, self.items, strict=True) if got != want)
        if not misplaced:
            return Feedback(True, _("All in the right order:") + " " + self.right_order() + ".")
        return Feedback(
            False,
            _("{misplaced} of {items} are out of place:").format(
                misplaced=len(misplaced), items=len(self.items)
            )
            + " "
            + ", ".join(misplaced)
            + ".",
            misplaced,
        )

    def reveal(self, order: Sequence[str]) -> Feedback:
        """After the last allowed miss: what is misplaced, then the right order explained."""
        missed = self.check(order)
        return Feedback(
            False,
            missed.message
            + " "
            + _("The right order is: {order}.").format(order=self.right_order()),
            missed.misplaced,
            revealed=True,
        )

    def right_order(self) -> str:
        """'Zarya (launched 20 Nov 1998) → Unity (...)': the order with each detail."""
        if not self.details:
            return " → ".join(self.items)
        return " → ".join(
            f"{item} ({detail})" if detail else item
            for item, detail in zip(self.items, self.details, strict=True)
        )

    def to_markdown(self, answers: bool = False) -> str:
        """The prompt and the items in their starting order; with ``answers``, the right order."""
        lines = [f"**{md_text(self.prompt)}**", ""]
        lines += [f"- {md_text(item)}" for item in self.start_order]
        if answers:
            lines += ["", _("Right order:"), ""]
            for n, item in enumerate(self.items):
                detail = self.details[n] if self.details else ""
                lines.append(
                    f"{n + 1}. {md_text(item)}" + (f" ({md_text(detail)})" if detail else "")
                )
        return "\n".join(lines)

    def widget(self) -> ipywidgets.VBox:
        """One dropdown per place (1st, 2nd, ...), a Check button, feedback and a second try."""
        from .live import quiz_widget  # quiz.live builds on this module

        return quiz_widget(self)

    def _ipython_display_(self) -> None:
        from .notebook import show  # quiz.notebook builds on this module

        show(self)


@dataclass(frozen=True)
class WrittenAnswer:
    """Write a short answer, then compare it with a model answer and a three-level checklist.

    ``checklist`` holds what an answer at each level looks like, in the order of
    :data:`CHECKLIST_LEVELS` (complete, partly there, not yet). Nothing is marked right or wrong:
    the learner judges their own answer against the checklist, as the teacher would.

    >>> item = WrittenAnswer("Why?", "Because.", ("says why", "hints at why", "no reason"))
    >>> item.check("no idea").correct
    False
    >>> item.check("The Shuttle was grounded after Columbia.").revealed
    True
    """

    prompt: str
    model_answer: str
    checklist: tuple[str, str, str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "checklist", tuple(self.checklist))
        if len(self.checklist) != len(CHECKLIST_LEVELS) or not all(self.checklist):
            raise SettingsError(
                f"a written item needs a checklist of {len(CHECKLIST_LEVELS)} levels "
                f"({', '.join(CHECKLIST_LEVELS)}): {self.prompt!r}"
            )
        if not self.model_answer.strip():
            raise SettingsError(f"a written item needs a model answer: {self.prompt!r}")

    @property
    def title(self) -> str:
        return self.prompt

    def levels(self) -> list[tuple[str, str]]:
        """``[(level name as shown, what an answer at that level does), ...]``, best first."""
        return [
            (_(LEVEL_NAMES[k]), t) for k, t in zip(CHECKLIST_LEVELS, self.checklist, strict=True)
        ]

    def check(self, text: str) -> Feedback:
        """Too short: ask for an answer first. Otherwise the model answer and the checklist."""
        if len(str(text).split()) < MIN_WORDS:
            return Feedback(
                False,
                _("Write your answer first (at least {count} words), then compare.").format(
                    count=MIN_WORDS
                ),
            )
        return Feedback(True, self.model_answer, revealed=True)

    def to_markdown(self, answers: bool = False) -> str:
        """The task and lines to write on; with ``answers``, the model answer and checklist."""
        lines = [f"**{md_text(self.prompt)}**", ""]
        if not answers:
            return "\n".join([*lines, _("Write your answer:"), "", WRITING_SPACE])
        model = _("Model answer: {answer}").format(answer=md_text(self.model_answer))
        lines += [model, "", _("Checklist:"), ""]
        lines += [f"- {name}: {md_text(text)}" for name, text in self.levels()]
        return "\n".join(lines)

    def widget(self) -> ipywidgets.VBox:
        """A text box, a button to compare, then the model answer and the checklist."""
        from .live import written_widget  # quiz.live builds on this module

        return written_widget(self)

    def _ipython_display_(self) -> None:
        from .notebook import show  # quiz.notebook builds on this module

        show(self)


WRITING_SPACE = '<div class="isslearn-write-here" aria-hidden="true"></div>'
"""Room to write under a written task on paper (the handout's stylesheet draws ruled lines)."""


class Tries:
    """One learner's attempts at one item: try again after a miss, the answer after two.

    A miss counts once per different wrong answer, so pressing Check twice on the same wrong
    choice does not give the answer away. Once the answer is found or given, later checks
    still say whether the current choice is right.

    >>> tries = Tries(Ordering("Launch order", ("Zarya", "Unity", "Zvezda")))
    >>> tries.check(["Unity", "Zarya", "Zvezda"]).revealed
    False
    >>> tries.check(["Zvezda", "Unity", "Zarya"]).revealed
    True
    """

    def __init__(self, item: MultipleChoice | Ordering):
        self.item = item
        self.misses: set[Hashable] = set()

    def check(self, answer: str | int | Sequence[str]) -> Feedback:
        """The feedback for ``answer`` given the learner's earlier misses."""
        item = self.item
        if isinstance(item, MultipleChoice):
            if not isinstance(answer, (str, int)):
                raise SettingsError("a multiple-choice answer is an option's text or its position")
            feedback = item.check(answer)
            if feedback.correct or not self._missed(item.option(answer).text):
                return feedback
            return item.reveal(answer)
        if isinstance(answer, (str, int)):
            raise SettingsError("an ordering answer is the list of items in the learner's order")
        feedback = item.check(answer)
        if sorted(answer) != sorted(item.items):
            return feedback  # an item used twice is a slip, not a miss
        if feedback.correct or not self._missed(tuple(answer)):
            return feedback
        return item.reveal(answer)

    def _missed(self, answer: Hashable) -> bool:
        """Count a miss; true once the learner has missed often enough to be shown the answer."""
        self.misses.add(answer)
        return len(self.misses) >= MISSES_BEFORE_ANSWER


def md_text(text: str) -> str:
    """Teacher text for Markdown and HTML: escaped, line breaks kept as spaces."""
    return html.escape(" ".join(str(text).split()), quote=False)


def _shuffled(items: tuple[str, ...], seed: int) -> tuple[str, ...]:
    rng = random.Random(seed)
    order = list(items)
    for _attempt in range(20):  # never start in the right order (a 2-item list just swaps)
        rng.shuffle(order)
        if tuple(order) != items:
            break
    return tuple(order)

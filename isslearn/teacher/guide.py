"""Teachers' guides: one Markdown file a lesson, found by the lesson's number, name or path.

The lessons' guides ship inside the package as ``isslearn/guides/NN_name.md`` (another
language's in ``isslearn/guides/CODE/``) and are read with :mod:`importlib.resources`, so they
work offline once installed. A teacher's own lesson can have its guide beside the notebook, as
``NAME.guide.md``; that one wins. A guide is in the language of its lesson: a notebook in a
language's folder (``notebooks/fr/``) gets that language's guide, a lesson named by number the
current language's (the command line's locale, or the kernel's lesson).

Guides are for teachers only: ``isslearn guide`` prints one, and the teacher's key
(``isslearn handout LESSON --answers``) ends with it; the learners' handout never has it.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import GuideError
from ..language import SOURCE_LANGUAGE, current, files_in_language, language_of
from ..language import gettext as _
from .outputs import describe_os_error

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = [
    "REQUIRED_SECTIONS",
    "Guide",
    "find_guide",
    "match_lesson",
    "missing_sections",
    "section_name",
    "shipped_guides",
]

_GUIDE_SUFFIX = ".guide.md"
# A guide's sections, in order. "Timed plan" is written with the lesson's one time, as
# "## Timed plan: 60 minutes"; the lesson, lesson 00's table and the website give that time too.
REQUIRED_SECTIONS: tuple[str, ...] = (
    "Before class",
    "Timed plan",
    "Discussion prompts",
    "Misconceptions",
    "No-code path",
    "Projecting the lesson",
    "Extension tasks",
    "Answers to the exercises",
    "Objectives and how they are assessed",
    "Sensitive topics",
)


@dataclass(frozen=True)
class Guide:
    """A teacher's guide: which lesson it belongs to, where it was found, and its Markdown."""

    lesson: str
    location: str
    text: str

    @property
    def title(self) -> str:
        """The guide's first level-1 heading, else a title made from the lesson's name."""
        for line in self.text.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
        return f"Teacher's guide: {self.lesson}"


def shipped_guides(language: str | None = None) -> dict[str, Traversable]:
    """The guides installed with isslearn in ``language`` (by default the current one), by
    lesson name (``01_assembly``), sorted."""
    return files_in_language(_guides_folder(), ".md", language)


def _guides_folder() -> Traversable:
    return resources.files("isslearn") / "guides"


def find_guide(lesson: str | os.PathLike[str]) -> Guide:
    """The guide for ``lesson``: a notebook path, or a lesson's number or name (``01``,
    ``01_assembly``, ``assembly``). A ``NAME.guide.md`` beside a notebook comes first."""
    given = os.fsdecode(lesson)
    path = Path(given)
    language = current()
    if path.suffix.lower() == ".ipynb":
        language = language_of(path)  # notebooks/fr/01_assembly.ipynb: French
        beside = path.with_name(path.stem + _GUIDE_SUFFIX)
        if beside.is_file():
            return Guide(path.stem, str(beside), _read(beside))
        wanted = path.stem
    else:
        wanted = path.name.removesuffix(_GUIDE_SUFFIX).removesuffix(".md")
    guides = shipped_guides(language)
    name = match_lesson(wanted, list(guides))
    if name is None:
        if guides:
            known = _("guides: {names}").format(names=", ".join(guides))
        else:
            known = _("no guides are installed yet")
        if path.suffix.lower() == ".ipynb":
            raise GuideError(
                _(
                    "{given}: no teacher's guide for this lesson ({known}); for your own lesson, "
                    "write {name} beside the notebook"
                ).format(given=given, known=known, name=path.stem + _GUIDE_SUFFIX)
            )
        raise GuideError(
            _("{given}: no teacher's guide by this number or name ({known})").format(
                given=given, known=known
            )
        )
    item = guides[name]
    where = "guides" if language == SOURCE_LANGUAGE else f"guides/{language}"
    return Guide(name, f"isslearn/{where}/{item.name}", item.read_text(encoding="utf-8"))


def section_name(heading: str) -> str:
    """The section a ``## `` heading opens: "Timed plan: 60 minutes" opens "Timed plan"."""
    return heading.partition(":")[0].strip()


def missing_sections(text: str) -> list[str]:
    """The required ``## `` sections a guide's Markdown lacks (a checklist for guide writers)."""
    headings = {
        section_name(m.group(1)) for m in re.finditer(r"^##\s+(.+?)\s*$", text, re.MULTILINE)
    }
    return [section for section in REQUIRED_SECTIONS if section not in headings]


def match_lesson(wanted: str, names: list[str]) -> str | None:
    """The name in ``names`` (``01_assembly``) that ``wanted`` means: a lesson's number (``1``,
    ``01``), its whole name, or its name without the number (``assembly``); else None."""
    wanted = wanted.strip().lower()
    if not wanted:
        return None
    if wanted.isdigit():
        number = int(wanted)
        return next((n for n in names if _number(n) == number), None)
    return next(
        (n for n in names if n.lower() == wanted or n.lower().partition("_")[2] == wanted), None
    )


def _number(name: str) -> int | None:
    head = name.partition("_")[0]
    return int(head) if head.isdigit() else None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GuideError(
            _("{file}: the guide is not UTF-8 text; save it as UTF-8").format(file=path)
        ) from exc
    except OSError as exc:
        raise GuideError(describe_os_error(path, exc, "read the guide")) from exc

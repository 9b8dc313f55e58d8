"""Teachers' guides: one Markdown file a lesson, found by the lesson's number, name or path.

The lessons' guides ship inside the package as ``isslearn/guides/NN_name.md`` and are read
with :mod:`importlib.resources`, so they work offline once installed. A teacher's own lesson
can have its guide beside the notebook, as ``NAME.guide.md``; that one wins.

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

from .errors import IsslearnError
from .outputs import describe_os_error

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = [
    "GUIDE_SUFFIX",
    "REQUIRED_SECTIONS",
    "Guide",
    "GuideError",
    "find_guide",
    "missing_sections",
    "shipped_guides",
]

GUIDE_SUFFIX = ".guide.md"
REQUIRED_SECTIONS: tuple[str, ...] = (
    "Timed plan: 45 minutes",
    "Timed plan: 60 minutes",
    "Discussion prompts",
    "Misconceptions",
    "No-code path",
    "Extension tasks",
    "Answers to the exercises",
    "Objectives and how they are assessed",
    "Sensitive topics",
)


class GuideError(IsslearnError, ValueError):
    """No guide matches the lesson asked for, or its file cannot be read."""


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


def shipped_guides() -> dict[str, Traversable]:
    """The guides installed with isslearn, by lesson name (``01_assembly``), sorted."""
    folder = _guides_folder()
    if not folder.is_dir():
        return {}
    found = {
        item.name.removesuffix(".md"): item
        for item in folder.iterdir()
        if item.name.endswith(".md") and item.is_file()
    }
    return dict(sorted(found.items()))


def _guides_folder() -> Traversable:
    return resources.files("isslearn") / "guides"


def find_guide(lesson: str | os.PathLike[str]) -> Guide:
    """The guide for ``lesson``: a notebook path, or a lesson's number or name (``01``,
    ``01_assembly``, ``assembly``). A ``NAME.guide.md`` beside a notebook comes first."""
    given = os.fsdecode(lesson)
    path = Path(given)
    if path.suffix.lower() == ".ipynb":
        beside = path.with_name(path.stem + GUIDE_SUFFIX)
        if beside.is_file():
            return Guide(path.stem, str(beside), _read(beside))
        wanted = path.stem
    else:
        wanted = path.name.removesuffix(GUIDE_SUFFIX).removesuffix(".md")
    guides = shipped_guides()
    name = _match(wanted, list(guides))
    if name is None:
        known = "guides: " + ", ".join(guides) if guides else "no guides are installed yet"
        if path.suffix.lower() == ".ipynb":
            raise GuideError(
                f"{given}: no teacher's guide for this lesson ({known}); for your own lesson, "
                f"write {path.stem}{GUIDE_SUFFIX} beside the notebook"
            )
        raise GuideError(f"{given}: no teacher's guide by this number or name ({known})")
    item = guides[name]
    return Guide(name, f"isslearn/guides/{item.name}", item.read_text(encoding="utf-8"))


def missing_sections(text: str) -> list[str]:
    """The required ``## `` sections a guide's Markdown lacks (a checklist for guide writers)."""
    headings = {m.group(1).strip() for m in re.finditer(r"^##\s+(.+?)\s*$", text, re.MULTILINE)}
    return [section for section in REQUIRED_SECTIONS if section not in headings]


def _match(wanted: str, names: list[str]) -> str | None:
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
        raise GuideError(f"{path}: the guide is not UTF-8 text; save it as UTF-8") from exc
    except OSError as exc:
        raise GuideError(describe_os_error(path, exc, "read the guide")) from exc

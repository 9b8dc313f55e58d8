"""One exception type for bad data, carrying every problem found, each with file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, at a place a teacher can find in a text editor.

    ``line`` counts from 1 and the header is line 1, as an editor shows it.
    """

    file: str
    line: int
    column: str | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: "
        what = f"column '{self.column}': {self.message}" if self.column else self.message
        return where + what + (f"; {self.hint}" if self.hint else "")


class CatalogueError(ValueError):
    """Raised when a data file cannot be loaded; ``problems`` lists every reason, not the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = "\n".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"\n... and {more} more problem(s); run `isslearn check FILE` to see them all"
        super().__init__(shown)

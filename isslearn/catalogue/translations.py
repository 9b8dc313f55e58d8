"""The catalogue's words in the lesson's language: the rows of ``seeds/<lang>/`` laid over the
English ones, by id, so the numbers, dates and codes stay the English table's (one copy).

Only the words are translated: titles, summaries, names, roles, descriptions. A row a
translation lacks keeps its English (tests/test_translations_catalogue.py sees that none does).
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Mapping

import pandas as pd

from ..language import SOURCE_LANGUAGE, current
from .tables import builtin_dir

__all__ = ["translated", "translated_rows"]


@functools.cache
def translated_rows(language: str, filename: str) -> Mapping[str, Mapping[str, str]]:
    """A language's rows of one catalogue file by their key (the first column); none for
    English or a file the language does not have."""
    if language == SOURCE_LANGUAGE:
        return {}
    path = builtin_dir() / language / filename
    if not path.is_file():
        return {}
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
    header = next(reader)
    return {row[0]: dict(zip(header, row, strict=False)) for row in reader if row}


def translated(
    frame: pd.DataFrame,
    filename: str,
    key: str,
    columns: Mapping[str, str],
    rows: pd.Series | None = None,
) -> pd.DataFrame:
    """``frame`` with each English column of ``columns`` replaced by its translated column,
    where the current language has the row; ``rows`` (a mask) limits it to the built-in ones."""
    found = translated_rows(current(), filename)
    if not found or frame.empty:
        return frame
    chosen = pd.Series(True, index=frame.index) if rows is None else rows
    for english, column in columns.items():
        frame[english] = [
            (found.get(str(k), {}).get(column) or v) if take else v
            for k, v, take in zip(frame[key], frame[english], chosen, strict=True)
        ]
    return frame

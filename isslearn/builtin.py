"""Where the built-in catalogue lives, and reading its tables once per session.

The tables ship inside the package (``isslearn/data`` in a wheel) and are read with
:mod:`importlib.resources`; in a source checkout they are the project's ``seeds/`` folder
beside the package. Nothing is ever downloaded or read relative to the current folder.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd

from .csvtext import Table, read_table
from .errors import CatalogueError, Problem
from .fields import unknown_choice_hint


def builtin_dir() -> Traversable:
    """The packaged catalogue; in a source checkout, the project's seeds/ beside the package."""
    packaged = resources.files("isslearn") / "data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "seeds"  # editable install / checkout
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("isslearn's catalogue is missing from this installation; reinstall it")


@functools.cache
def builtin_table(filename: str) -> Table:
    table = read_table((builtin_dir() / filename).read_bytes(), f"isslearn/data/{filename}")
    if table.problems:  # the shipped data is tested; this guards a hand edit of seeds/
        raise CatalogueError(table.problems)
    return table


@functools.cache
def agency_codes() -> tuple[str, ...]:
    """The agency codes defined in agencies.csv, in their order there."""
    return tuple(row["code"] for _, row in builtin_table("agencies.csv").rows)


def check_code(
    row: dict[str, str],
    column: str,
    allowed: tuple[str, ...],
    where: tuple[str, int],
    problems: list[Problem],
    what: str,
) -> None:
    """Append a Problem when ``row[column]`` is not one of ``allowed`` (exact spelling)."""
    value = row.get(column, "")
    if value not in allowed:
        name, line = where
        problems.append(
            Problem(
                name, line, column, f"unknown {what} '{value}'", unknown_choice_hint(value, allowed)
            )
        )


def categorical(values, categories) -> pd.Categorical:
    return pd.Categorical(values, categories=list(categories))

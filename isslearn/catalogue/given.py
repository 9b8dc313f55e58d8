"""A table a learner passes to a figure, an explorer or a quiz: checked before it is drawn.

Every function that draws from a table takes it as an argument (``events=``, ``modules=``, ...)
and uses the built-in one when none is given. :func:`given_table` does both in one line, and
refuses anything that is not such a table with a :class:`~isslearn.errors.SettingsError` naming
the argument and what to pass, instead of a ``KeyError`` from deep inside pandas. Any rows will
do (filtered, sorted, none at all); the columns must be the ones the loader gives.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Sequence
from typing import Literal

import pandas as pd

from ..errors import SettingsError
from ..language import gettext as _

__all__ = ["TableKind", "given_table"]

TableKind = Literal[
    "events",
    "modules",
    "stays",
    "expeditions",
    "agencies",
    "corrections",
    "flights",
    "attachments",
]

# Where each kind of table comes from: (module, loader). Imported when first needed, so the
# loaders' own modules can use this one.
_LOADERS: dict[str, tuple[str, str]] = {
    "events": ("isslearn.catalogue.events", "load_events"),
    "modules": ("isslearn.catalogue.tables", "load_modules"),
    "stays": ("isslearn.catalogue.tables", "load_stays"),
    "expeditions": ("isslearn.catalogue.tables", "load_expeditions"),
    "agencies": ("isslearn.catalogue.tables", "load_agencies"),
    "corrections": ("isslearn.catalogue.corrections", "load_corrections"),
    "flights": ("isslearn.catalogue.flights", "load_flights"),
    "attachments": ("isslearn.catalogue.attachments", "load_attachments"),
}


def given_table(
    frame: object,
    kind: TableKind,
    argument: str | None = None,
    *,
    needs: Sequence[str] | None = None,
) -> pd.DataFrame:
    """``frame`` if it is a table of ``kind`` (every column its loader gives, or only those in
    ``needs``), or the built-in table when ``frame`` is None; else a SettingsError that names
    ``argument`` (default: the kind) and the loader to use.

    >>> given_table(None, "agencies")["code"].iloc[0]
    'NASA'
    >>> given_table(given_table(None, "stays"), "modules")
    Traceback (most recent call last):
    ...
    isslearn.errors.SettingsError: modules= needs a table like isslearn.load_modules() (any \
rows will do); the table given has no column 'id', 'name', 'kind' ... (14 in all)
    """
    if kind not in _LOADERS:
        raise SettingsError(
            _("there is no kind of table {kind}; use one of {kinds}").format(
                kind=repr(kind), kinds=", ".join(_LOADERS)
            )
        )
    if frame is None:
        return _loader(kind)()
    name = argument or kind
    source = f"isslearn.{_LOADERS[kind][1]}()"
    if not isinstance(frame, pd.DataFrame):
        raise SettingsError(
            _("{name}= needs a table (a pandas DataFrame) such as {source}, not {given}").format(
                name=name, source=source, given=type(frame).__name__
            )
        )
    missing = [c for c in (needs or _columns(kind)) if c not in frame.columns]
    if missing:
        shown = ", ".join(f"'{c}'" for c in missing[:3])
        more = _(" ... ({count} in all)").format(count=len(missing)) if len(missing) > 3 else ""
        raise SettingsError(
            _(
                "{name}= needs a table like {source} (any rows will do); the table given has no "
                "column {columns}"
            ).format(name=name, source=source, columns=shown + more)
        )
    return frame


def _loader(kind: str) -> Callable[[], pd.DataFrame]:
    module, name = _LOADERS[kind]
    loader: Callable[[], pd.DataFrame] = getattr(importlib.import_module(module), name)
    return loader


@functools.cache
def _columns(kind: str) -> tuple[str, ...]:
    """The columns of the built-in table of ``kind``, read once."""
    return tuple(_loader(kind)().columns)

"""Live explorers for the lessons: stock ipywidgets controls driving the figures of
:mod:`isslearn.plots`.

Every explorer is an :class:`Explorer`: its controls on top, the picture (class
``isslearn-figure``) and a caption below, ``update(**values)`` to change controls by name and
redraw without a browser, ``forget()`` to drop remembered pictures, and ``chart``, the static
figure of what it shows now (the same object a lesson gets from :mod:`isslearn.plots`). Every
control has a ``description`` so it can be reached and named from the keyboard. Callbacks let
errors through (nbval must see them), and text from the catalogue or a teacher's file is
escaped before it goes into HTML. Settings that match nothing show an empty figure that says
so.

>>> from isslearn import widgets
>>> explorer = widgets.contributions_explorer()
>>> explorer.update(by="built_by").description.startswith("By builder")
True
"""

from __future__ import annotations

from .assembly import assembly_explorer
from .base import Explorer
from .cooperation import cargo_fleet_explorer, contributions_explorer
from .corrections import corrections_browser
from .crew import crew_timeline, expedition_explorer
from .events import event_timeline

__all__ = [
    "Explorer",
    "assembly_explorer",
    "cargo_fleet_explorer",
    "contributions_explorer",
    "corrections_browser",
    "crew_timeline",
    "event_timeline",
    "expedition_explorer",
]

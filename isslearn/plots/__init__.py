"""Lesson figures: one call, one :class:`~isslearn.plots.chart.Chart` (a PNG and a sentence).

Each function here is also the static twin of a widget view in :mod:`isslearn.widgets`: the
lesson reads the same on paper as it does live. Every figure takes the data it draws
(``modules=``, ``stays=``, ``events=``; default: the built-in catalogue), colours come from
``agencies.csv`` (the Okabe–Ito palette) with a legend saying what the colour means, and
settings that match nothing draw an honest empty figure instead of failing.

The figures live in small modules by lesson topic: :mod:`isslearn.plots.assembly` (hardware),
:mod:`isslearn.plots.crew` (people), :mod:`isslearn.plots.cooperation` (partners),
:mod:`isslearn.plots.cargo` (the cargo fleet), :mod:`isslearn.plots.events` (the time line) and
:mod:`isslearn.plots.corrections`; this module gathers the figures under one name. The drawing
helpers they share (:mod:`~isslearn.plots.chart`, :mod:`~isslearn.plots.style`,
:mod:`~isslearn.plots.fastpng`) are for those modules and the explorers, not for lessons.

>>> from isslearn import plots
>>> plots.station("2011-07-21").description.startswith("On 2011-07-21 the station had ")
True
"""

from __future__ import annotations

from .assembly import growth, launches_by_vehicle, station
from .cargo import CARGO_SHIPS, cargo_fleet, cargo_flights
from .chart import Chart
from .cooperation import CONTRIBUTION_VIEWS, contributions
from .corrections import corrections_chart, corrections_table
from .crew import expedition_card, expedition_table, people_aboard
from .events import timeline
from .station_map import station_map
from .style import NO_MATCH

__all__ = [
    "CARGO_SHIPS",
    "CONTRIBUTION_VIEWS",
    "NO_MATCH",
    "Chart",
    "cargo_fleet",
    "cargo_flights",
    "contributions",
    "corrections_chart",
    "corrections_table",
    "expedition_card",
    "expedition_table",
    "growth",
    "launches_by_vehicle",
    "people_aboard",
    "station",
    "station_map",
    "timeline",
]

"""Lesson figures: one call, one :class:`~isslearn.chart.Chart` (a PNG and a sentence).

Each function here is also the static twin of a widget view in :mod:`isslearn.widgets`: the
lesson reads the same on paper as it does live. Every figure takes the data it draws
(``modules=``, ``stays=``, ``events=``; default: the built-in catalogue), colours come from
``agencies.csv`` (the Okabe–Ito palette) with a legend saying what the colour means, and
settings that match nothing draw an honest empty figure instead of failing.

The figures live in small modules by lesson topic: :mod:`isslearn.plot_station` (hardware),
:mod:`isslearn.plot_crew` (people), :mod:`isslearn.plot_cooperation` (partners) and
:mod:`isslearn.plot_events` (the time line); this module gathers them under one name.

>>> from isslearn import plots
>>> plots.station("2011-07-21").description.startswith("On 2011-07-21 the station had ")
True
"""

from __future__ import annotations

from .plot_cooperation import CONTRIBUTION_VIEWS, CargoChart, cargo_fleet, contributions
from .plot_crew import (
    CrewChart,
    continuous_since,
    expedition_card,
    expedition_sentence,
    expedition_table,
    people_aboard,
)
from .plot_events import TimelineChart, timeline, timeline_sentence
from .plot_station import StationSchematic, growth, launches_by_vehicle, station
from .plot_style import (
    GHOST_COLOR,
    NO_MATCH,
    agency_colors,
    date_ticks,
    empty_chart,
    fix_date_ticks,
    text_color_on,
)

__all__ = [
    "CONTRIBUTION_VIEWS",
    "GHOST_COLOR",
    "NO_MATCH",
    "CargoChart",
    "CrewChart",
    "StationSchematic",
    "TimelineChart",
    "agency_colors",
    "cargo_fleet",
    "continuous_since",
    "contributions",
    "date_ticks",
    "empty_chart",
    "expedition_card",
    "expedition_sentence",
    "expedition_table",
    "fix_date_ticks",
    "growth",
    "launches_by_vehicle",
    "people_aboard",
    "station",
    "text_color_on",
    "timeline",
    "timeline_sentence",
]

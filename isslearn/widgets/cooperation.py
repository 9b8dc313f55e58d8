"""Explorers of the partnership: who built and owns each part, and the cargo fleet."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from .. import plots
from ..catalogue.given import given_table
from ..language import N_
from ..language import gettext as _
from ..plots.cargo import CARGO_SHIPS, CargoChart
from ..plots.chart import Chart, LiveFigure
from .base import LABEL_STYLE, ChartExplorer

__all__ = ["cargo_fleet_explorer", "contributions_explorer"]

# ---------------------------------------------------------------- cooperation

_CONTRIBUTION_CHOICES = [
    (N_("by owner"), "agency"),
    (N_("by builder"), "built_by"),
    (N_("by country where built"), "builder_country"),
]


def contributions_explorer(modules: pd.DataFrame | None = None) -> ChartExplorer:
    """Toggle between modules per owner, per builder and per country where they were built.

    Its three pictures are drawn once, when it is made. Static twin for each view:
    ``plots.contributions("agency")``, ``("built_by")`` and ``("builder_country")``.

    >>> contributions_explorer().update(by="builder_country").description[:26]
    'By the country where each '
    """
    modules = given_table(modules, "modules")
    by = w.ToggleButtons(
        options=[(_(label), value) for label, value in _CONTRIBUTION_CHOICES],
        value="agency",
        description=_("Group"),
        style=LABEL_STYLE,
    )
    return ChartExplorer(
        {"by": by},
        lambda by: plots.contributions(by, modules),
        fixed=[{"by": value} for _label, value in _CONTRIBUTION_CHOICES],
    )


def cargo_fleet_explorer(flights: pd.DataFrame | None = None) -> ChartExplorer:
    """Tick the cargo ships to compare; the chart shows only their flights.

    ``flights``: the visiting flights to draw (default: the catalogue's). Static twin for any
    choice: ``plots.cargo_fleet(["ATV", "HTV"])``.

    >>> "ATV (ESA) 5 flights" in cargo_fleet_explorer().update(ships=("ATV",)).description
    True
    """
    fleet = CargoChart(flights=flights)
    ships = w.SelectMultiple(
        options=list(CARGO_SHIPS),
        value=tuple(fleet.ships),
        description=_("Ships"),
        rows=len(CARGO_SHIPS),
        style=LABEL_STYLE,
    )

    def draw(ships: tuple[str, ...]) -> Chart:
        return Chart(fleet.figure, fleet.show(list(ships)))

    return ChartExplorer({"ships": ships}, draw, live=LiveFigure(fleet.figure, fleet.changing))

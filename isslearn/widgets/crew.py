"""Explorers of the people aboard: the expedition card and the crew time line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as w
import pandas as pd

from .. import plots
from ..catalogue.given import given_table
from ..errors import SettingsError
from ..language import gettext as _
from ..plots.chart import Chart, LiveFigure
from ..plots.crew import CrewChart
from ..reading.values import DateLike

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

from .base import LABEL_STYLE, WIDE, ChartExplorer, Explorer

__all__ = ["ExpeditionExplorer", "crew_timeline", "expedition_explorer"]

# ---------------------------------------------------------------- expeditions


class ExpeditionExplorer(Explorer["Styler"]):
    """Choose an expedition from a list: its crew, agencies, each person's own dates, and who
    joined or left during it (the card of :func:`isslearn.plots.expedition_card`)."""

    def __init__(
        self,
        number: int | None = None,
        expeditions: pd.DataFrame | None = None,
        stays: pd.DataFrame | None = None,
    ) -> None:
        self.expeditions = given_table(expeditions, "expeditions")
        self.stays = stays
        numbers = [int(n) for n in self.expeditions["number"]]
        if not numbers:
            raise SettingsError(_("the table of expeditions given is empty; give at least one"))
        chosen = numbers[0] if number is None else _expedition_number(number, numbers)
        dropdown = w.Dropdown(
            options=[(_("Expedition {number}").format(number=n), n) for n in numbers],
            value=chosen,
            description=_("Expedition"),
            style=LABEL_STYLE,
        )
        self._pages: dict[int, str] = {}  # expedition number -> its card as HTML
        card = w.HTML(value=self._page(chosen))
        card.add_class("isslearn-figure")
        super().__init__({"number": dropdown}, card)

    def _page(self, number: int) -> str:
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._card(number).to_html()
        return page

    def _card(self, number: int) -> Styler:
        return plots.expedition_card(number, self.expeditions, self.stays)

    @property
    def chart(self) -> Styler:
        """The card of the expedition shown (a pandas Styler, as ``plots.expedition_card``)."""
        return self._card(self.controls["number"].value)

    def forget(self) -> None:
        """Drop the remembered cards."""
        self._pages.clear()

    def _show(self) -> None:
        self.picture.value = self._page(self.controls["number"].value)

    def update(self, number: int | None = None, **others: Any) -> Styler:
        """Show expedition ``number``."""
        if number is None or others:
            return super().update(**others)  # no number, or a control it does not have
        numbers = [n for _, n in self.controls["number"].options]
        return super().update(number=_expedition_number(number, numbers))


def _expedition_number(number: object, numbers: list[int]) -> int:
    """``number`` as one of the expeditions in ``numbers`` ('21' will do), or a SettingsError."""
    try:
        wanted = int(number)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        wanted = None
    if wanted is None or wanted not in numbers:
        raise SettingsError(
            _("there is no expedition {number}; choose one of {numbers}").format(
                number=repr(number), numbers=numbers
            )
        )
    return wanted


def expedition_explorer(
    number: int | None = None,
    expeditions: pd.DataFrame | None = None,
    stays: pd.DataFrame | None = None,
) -> ExpeditionExplorer:
    """Choose an expedition from a list: its crew, agencies, dates and days aboard.

    Static twin for any expedition: :func:`isslearn.plots.expedition_card`.

    >>> expedition_explorer(20).update(21).data["crew member"].iloc[0]
    'Frank De Winne'
    """
    return ExpeditionExplorer(number, expeditions, stays)


# ---------------------------------------------------------------- crew


def crew_timeline(
    stays: pd.DataFrame | None = None, until: DateLike | None = None
) -> ChartExplorer:
    """A range slider of years driving :func:`isslearn.plots.people_aboard`.

    Static twin for any range: ``plots.people_aboard(f"{lo}-01-01", f"{hi}-01-01")``.

    >>> crew_timeline().update(years=(2000, 2005)).description[:29]
    'From 2000-01-01 to 2005-01-01'
    """
    crew = CrewChart(stays, until)
    first, last = crew.first.year, crew.stop.year + 1
    years = w.IntRangeSlider(
        value=(first, last),
        min=first,
        max=last,
        step=1,
        description=_("Years"),
        continuous_update=False,
        layout=WIDE,
        style=LABEL_STYLE,
    )

    def draw(years: tuple[int, int]) -> Chart:
        lo, hi = years
        return Chart(crew.figure, crew.show(f"{lo}-01-01", f"{max(hi, lo + 1)}-01-01"))

    return ChartExplorer({"years": years}, draw, live=LiveFigure(crew.figure, crew.changing))

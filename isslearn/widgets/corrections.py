"""The corrections browser: choose a kind of correction and read every one of that kind."""

from __future__ import annotations

import html

import ipywidgets
import pandas as pd

from ..catalogue.corrections import CORRECTION_KINDS
from ..catalogue.given import given_table
from ..errors import SettingsError
from ..language import day, ngettext
from ..language import gettext as _

__all__ = ["corrections_browser"]


def _corrections_html(frame: pd.DataFrame) -> str:
    """One card per correction: what the source says, what we keep, why. All text escaped."""
    cards = []
    says, keeps, why, sources = (
        _("A source says:"),
        _("The catalogue keeps:"),
        _("Why:"),
        _("Sources:"),
    )
    for row in frame.to_dict("records"):
        when = row["subject_date"]
        date = "" if pd.isna(when) else f" ({day(when)})"
        cards.append(
            "<div style='border-left:4px solid #0072B2;padding:2px 8px;margin:6px 0'>"
            f"<b>{html.escape(row['subject_title'])}</b>{html.escape(date)}<br>"
            f"<b>{says}</b> {html.escape(row['source_says'])}<br>"
            f"<b>{keeps}</b> {html.escape(row['catalogue_says'])}<br>"
            f"<b>{why}</b> {html.escape(row['why'])}<br>"
            f"<small>{sources} {html.escape(row['source'])}</small></div>"
        )
    return "".join(cards) or "<p>" + _("No corrections of this kind.") + "</p>"


def _kind_label(kind: str) -> str:
    """'time zone: the same moment, dated by two different clocks', in the lesson's language."""
    return _(kind.replace("_", " ")) + _(":") + " " + _(CORRECTION_KINDS[kind])


def corrections_browser(corrections: pd.DataFrame | None = None) -> ipywidgets.VBox:
    """Choose a kind of correction from a list and read every correction of that kind.

    >>> browser = corrections_browser()          # doctest: +SKIP
    >>> browser.update("spelling")               # doctest: +SKIP
    """
    import ipywidgets as w

    frame = given_table(corrections, "corrections")
    present = [k for k in CORRECTION_KINDS if (frame["kind"] == k).any()]
    kind = w.Dropdown(
        options=[(_kind_label(k), k) for k in present],
        value=present[0] if present else None,  # an empty table: nothing to choose
        description=_("Kind"),
        style={"description_width": "initial"},
        layout={"width": "95%"},
    )
    cards = w.HTML()

    def show(chosen: str | None) -> str:
        if chosen is None:
            cards.value = "<p>" + _("No corrections in the table given.") + "</p>"
            return cards.value
        rows = frame[frame["kind"] == chosen]
        count = ngettext(
            "{count} correction of this kind.", "{count} corrections of this kind.", len(rows)
        ).format(count=len(rows))
        cards.value = f"<p>{count}</p>" + _corrections_html(rows)
        return cards.value

    kind.observe(lambda change: show(change["new"]), names="value")
    show(kind.value)
    box = w.VBox([kind, cards])
    box.add_class("isslearn-widget")

    def update(chosen: str) -> str:
        if chosen not in present:
            shown = ", ".join(present) or _("none: the table given is empty")
            raise SettingsError(
                _("there are no corrections of the kind {kind}; kinds: {kinds}").format(
                    kind=repr(chosen), kinds=shown
                )
            )
        kind.value = chosen
        return cards.value

    box.update = update
    return box

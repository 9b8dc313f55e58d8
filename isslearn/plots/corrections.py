"""The corrections lesson's figure: how many corrections of each kind the catalogue made."""

from __future__ import annotations

import pandas as pd

from .. import language
from ..catalogue.corrections import corrections_table, kinds_summary
from ..language import gettext as _
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, TITLE_SIZE, Chart, new_figure

__all__ = ["corrections_chart", "corrections_table"]


def corrections_chart(corrections: pd.DataFrame | None = None) -> Chart:
    """A bar per kind of correction, longest first, with a sentence giving every count."""
    summary = kinds_summary(corrections).sort_values("corrections", kind="stable")
    figure = new_figure()
    ax = figure.subplots()
    figure.subplots_adjust(left=0.22, right=0.97, top=0.86, bottom=0.13)
    labels = [_(k.replace("_", " ")) for k in summary["kind"]]
    ax.barh(labels, summary["corrections"], color="#0072B2")
    for y, count in enumerate(summary["corrections"]):
        ax.text(count + 0.15, y, str(count), va="center", fontsize=SMALL_SIZE)
    ax.set_xlabel(_("corrections in the catalogue"), fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    figure.suptitle(
        _("What the catalogue corrected in its sources, by kind"),
        fontsize=TITLE_SIZE,
        x=0.02,
        ha="left",
    )
    ordered = summary.iloc[::-1]
    parts = _("; ").join(
        f"{_(k.replace('_', ' '))} {n}"
        for k, n in zip(ordered["kind"], ordered["corrections"], strict=True)
    )
    total = int(summary["corrections"].sum())
    if not total:
        return Chart(figure, _("Corrections by kind: none."))
    top_kind, top = ordered["kind"].iloc[0], int(ordered["corrections"].iloc[0])
    words = {
        "kind": _(top_kind.replace("_", " ")),
        "top": top,
        "total": total,
        "share": language.percent(top / total),
    }
    share = " " + (
        _(
            "The largest kind, {kind}, is {top} of the {total} corrections ({share}): the "
            "largest kind, but not most of them."
        ).format(**words)
        if top * 2 <= total
        else _("The largest kind, {kind}, is {top} of the {total} corrections ({share}).").format(
            **words
        )
    )
    return Chart(figure, _("Corrections by kind:") + f" {parts}.{share}")

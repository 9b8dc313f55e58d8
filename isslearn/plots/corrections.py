"""The corrections lesson's figure: how many corrections of each kind the catalogue made."""

from __future__ import annotations

import pandas as pd

from ..catalogue.corrections import corrections_table, kinds_summary
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, TITLE_SIZE, Chart, new_figure

__all__ = ["corrections_chart", "corrections_table"]


def corrections_chart(corrections: pd.DataFrame | None = None) -> Chart:
    """A bar per kind of correction, longest first, with a sentence giving every count."""
    summary = kinds_summary(corrections).sort_values("corrections", kind="stable")
    figure = new_figure()
    ax = figure.subplots()
    figure.subplots_adjust(left=0.22, right=0.97, top=0.86, bottom=0.13)
    labels = [k.replace("_", " ") for k in summary["kind"]]
    ax.barh(labels, summary["corrections"], color="#0072B2")
    for y, count in enumerate(summary["corrections"]):
        ax.text(count + 0.15, y, str(count), va="center", fontsize=SMALL_SIZE)
    ax.set_xlabel("corrections in the catalogue", fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    figure.suptitle(
        "What the catalogue corrected in its sources, by kind",
        fontsize=TITLE_SIZE,
        x=0.02,
        ha="left",
    )
    ordered = summary.iloc[::-1]
    parts = "; ".join(
        f"{k.replace('_', ' ')} {n}"
        for k, n in zip(ordered["kind"], ordered["corrections"], strict=True)
    )
    total = int(summary["corrections"].sum())
    if not total:
        return Chart(figure, "Corrections by kind: none.")
    top_kind, top = ordered["kind"].iloc[0], int(ordered["corrections"].iloc[0])
    share = (
        f" The largest kind, {top_kind.replace('_', ' ')}, is {top} of the {total} corrections "
        f"({top / total:.0%}): the largest kind, but not most of them."
        if top * 2 <= total
        else f" The largest kind, {top_kind.replace('_', ' ')}, is {top} of the {total} "
        f"corrections ({top / total:.0%})."
    )
    return Chart(figure, f"Corrections by kind: {parts}.{share}")

"""Figures of the partnership: who contributed the station's pieces (pressurized modules and
other elements). The cargo ships that kept it supplied are :mod:`isslearn.plots.cargo`.

Who built a module and who owns it are different questions (Zarya was built in Russia, paid
for by the United States and is NASA's; Harmony, Tranquility and the Cupola were built for
ESA in Italy and are NASA's), so :func:`contributions` has one view per question and its
caption says which one it shows and names the modules where the answers differ.
"""

from __future__ import annotations

import pandas as pd

from .. import language
from ..catalogue import summaries
from ..catalogue.given import given_table
from ..language import N_, ngettext
from ..language import gettext as _
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, Chart, new_figure
from .style import (
    agency_color,
    agency_legend,
    empty_chart,
    style_axes,
    title,
)

__all__ = ["CONTRIBUTION_VIEWS", "contributions"]

# by= value -> (heading of the caption, what the title says, what the colour means)
CONTRIBUTION_VIEWS: dict[str, tuple[str, str, str]] = {
    "agency": (
        N_("By owner (the partner that owns or is responsible for each piece)"),
        N_("by the partner that owns them"),
        "owner",
    ),
    "built_by": (
        N_("By builder (the partner whose side built each piece)"),
        N_("by the partner that built them"),
        "builder",
    ),
    "builder_country": (
        N_("By the country where each was built, coloured by the partner that owns it"),
        N_("by the country where they were built"),
        "owner",
    ),
}


# The countries where the catalogue's pieces were built, as a figure names them (gettext).
_COUNTRIES = (
    N_("Canada"), N_("Germany"), N_("Italy"), N_("Japan"), N_("Netherlands"), N_("Russia"),
    N_("Switzerland"), N_("United States"),
)  # fmt: skip


def _owned_but_built_elsewhere(modules: pd.DataFrame) -> pd.DataFrame:
    return modules[modules["agency"] != modules["built_by"]]


def _differences(modules: pd.DataFrame) -> str:
    """A sentence naming the modules built by one partner and owned by another."""
    differ = _owned_but_built_elsewhere(modules)
    if differ.empty:
        return " " + _("Every piece here is owned by the partner that built it.")
    name = summaries.abbreviate_module_name
    parts = [
        _("{name} (built by {builder} in {country}, owned by {owner})").format(
            name=name(m["name"]),
            builder=m["built_by"],
            country=_(m["builder_country"]),
            owner=m["agency"],
        )
        for _row, m in differ.iterrows()
    ]
    return " " + _("Built by one partner and owned by another:") + " " + ", ".join(parts) + "."


def contributions(by: str = "agency", modules: pd.DataFrame | None = None) -> Chart:
    """Modules and launch mass per owner (``by='agency'``), per builder (``by='built_by'``),
    or per country where they were built (``by='builder_country'``, bars split by owner).

    >>> contributions().description.startswith("By owner")
    True
    """
    modules = given_table(modules, "modules")
    table = summaries.contributions(modules, by)  # checks ``by``
    heading, in_title, colour_means = CONTRIBUTION_VIEWS[by]
    heading = _(heading)
    heading_title = _("Who contributed the station's pieces, {how}").format(how=_(in_title))
    if table.empty:
        return empty_chart(
            heading_title,
            _("{heading}: the table of pieces given is empty.").format(heading=heading),
            N_("No pieces to show"),
        )
    figure = new_figure()
    left, right = figure.subplots(1, 2, sharey=True)
    figure.subplots_adjust(left=0.2, right=0.97, top=0.76, bottom=0.15, wspace=0.08)
    names = list(table[by])
    positions = {name: len(names) - 1 - i for i, name in enumerate(names)}
    colour_column = "built_by" if colour_means == "builder" else "agency"
    other_column = "agency" if colour_column == "built_by" else "built_by"
    per = modules.assign(mass_t=modules["mass_kg"].astype("Float64").fillna(0) / 1000)
    per = per.groupby([by, colour_column, other_column], sort=False, observed=True).agg(
        modules=("id", "count"), mass_t=("mass_t", "sum")
    )
    for ax, column in ((left, "modules"), (right, "mass_t")):
        offset = dict.fromkeys(names, 0.0)
        for (group, partner, other), row in per.iterrows():
            # Modules built by one partner and owned by another are hatched in the colour
            # of that other partner, so the picture says it too, not only the caption.
            differs = partner != other
            ax.barh(
                positions[group],
                float(row[column]),
                left=offset[group],
                color=agency_color(partner),
                edgecolor=agency_color(other) if differs else "white",
                hatch="///" if differs else None,
                linewidth=0.8 if differs else 1.0,
            )
            offset[group] += float(row[column])
    hatched = (
        _("hatched: owner (hatch colour) differs")
        if colour_means == "builder"
        else _("hatched: builder (hatch colour) differs")
    )
    shown = len({agency_color(a) for a in modules[colour_column]}) + 1  # colours, and hatching
    agency_legend(
        figure,
        modules[colour_column],
        N_("colour: partner that built it")
        if colour_means == "builder"
        else N_("colour: partner that owns it"),
        hatched=hatched if (modules["agency"] != modules["built_by"]).any() else None,
        loc="lower left",
        bbox_to_anchor=(0.01, 0.79),
        ncol=shown if shown <= 8 else -(-shown // 2),  # one row, or two when it would not fit
        fontsize=SMALL_SIZE - 1,
        columnspacing=0.6,
        handlelength=1.2,
        handletextpad=0.4,
        alignment="left",
    )
    left.set_yticks(range(len(names)))
    left.set_yticklabels([_(str(n)) for n in reversed(names)], fontsize=TICK_SIZE)
    left.set_xlabel(_("pieces (count)"), fontsize=LABEL_SIZE)
    right.set_xlabel(_("launch mass (t)"), fontsize=LABEL_SIZE)
    for ax in (left, right):
        style_axes(ax)
    title(figure, heading_title)
    parts = _("; ").join(
        ngettext(
            "{name} {count} piece, {mass} t", "{name} {count} pieces, {mass} t", row["modules"]
        ).format(name=_(str(row[by])), count=row["modules"], mass=language.number(row["mass_t"], 1))
        for _row, row in table.iterrows()
    )
    unknown = int(table["mass_unknown"].sum())
    caveat = (
        _(" ({count} pieces have no mass in the catalogue)").format(count=unknown)
        if unknown
        else ""
    )
    return Chart(figure, f"{heading}{_(':')} {parts}{caveat}.{_differences(modules)}")

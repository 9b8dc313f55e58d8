"""Quiz items made from the catalogue, so the answers can never drift from the data.

Each generator is one call in a lesson and is deterministic: the same ``seed`` gives the same
question, the same options in the same order, on every run and every machine. A generator
takes an optional DataFrame (e.g. a lesson's own filtered modules) and otherwise reads the
built-in catalogue.
"""

from __future__ import annotations

import random

import pandas as pd

from .quiz_items import MultipleChoice, Option, Ordering
from .values import unknown_choice_hint


def short_name(name: str) -> str:
    """'Unity (Node 1)' -> 'Unity': the name a learner knows, without the bracketed part."""
    return name.split(" (")[0].strip()


def when(date: pd.Timestamp) -> str:
    """A date written out so nobody mixes day and month up: '20 Nov 1998'."""
    return f"{date.day} {date:%b %Y}"


def launch_order_question(
    n: int = 4, seed: int = 0, modules: pd.DataFrame | None = None, kind: str = "pressurized"
) -> Ordering:
    """Put ``n`` modules (3–5 is right for a class) in launch order; feedback shows the dates.

    Modules are drawn from ``kind`` (``None`` for every kind), each launched on a different
    date so there is exactly one right order.
    """
    if modules is None:
        from .catalogue import load_modules

        modules = load_modules()
    pool = modules if kind is None else modules[modules["kind"] == kind]
    pool = pool.dropna(subset=["launch_date"]).drop_duplicates("launch_date")
    if not 2 <= n <= min(8, len(pool)):
        raise ValueError(
            f"launch_order_question(n={n}): n must be between 2 and {min(8, len(pool))}"
        )
    rng = random.Random(seed)
    picked = pool.iloc[sorted(rng.sample(range(len(pool)), n))].sort_values("launch_date")
    return Ordering(
        "Put these modules in the order they were launched, earliest first.",
        tuple(short_name(name) for name in picked["name"]),
        tuple(f"launched {when(d)}" for d in picked["launch_date"]),
        seed=seed,
    )


def which_agency_built(
    module_id: str,
    seed: int = 0,
    modules: pd.DataFrame | None = None,
    agencies: pd.DataFrame | None = None,
) -> MultipleChoice:
    """Which partner is responsible for a module? Wrong answers say what that agency provided."""
    from .catalogue import load_agencies, load_modules

    modules = load_modules() if modules is None else modules
    agencies = load_agencies() if agencies is None else agencies
    module = _row(modules, "id", module_id, "module_id")
    name = short_name(module["name"])
    right = module["agency"]
    partners = [c for c in agencies.loc[agencies["kind"] == "partner", "code"] if c != right]
    rng = random.Random(seed)
    codes = [right, *rng.sample(partners, min(3, len(partners)))]
    rng.shuffle(codes)
    built_in = module.get("builder_country", "")
    options = []
    for code in codes:
        if code == right:
            where = f" It was built in {built_in}." if built_in else ""
            text = f"Yes: {name} is {code}'s part of the station.{where}"
        else:
            theirs = [short_name(n) for n in modules.loc[modules["agency"] == code, "name"]]
            listed = ", ".join(theirs[:3]) + (" and more" if len(theirs) > 3 else "")
            provided = f"{code} provided {listed}" if theirs else f"{code} provided no module"
            text = f"No: {provided}; {name} is {right}'s."
        options.append(Option(code, code == right, text))
    return MultipleChoice(f"Which agency is responsible for {name}?", tuple(options))


def expedition_question(
    number: int, seed: int = 0, expeditions: pd.DataFrame | None = None
) -> MultipleChoice:
    """Who commanded Expedition ``number``? Wrong answers say where that person really was."""
    if expeditions is None:
        from .catalogue import load_expeditions

        expeditions = load_expeditions()
    expedition = _row(expeditions, "number", number, "number")
    commander = expedition["commander"]
    crewmates = [c for c in expedition["crew"] if c != commander]
    others = [c for c in expeditions["commander"] if c and c != commander]
    rng = random.Random(seed)
    distractors = rng.sample(crewmates, min(2, len(crewmates)))
    spare = [c for c in others if c not in distractors]
    distractors += rng.sample(spare, min(3 - len(distractors), len(spare)))
    people = [commander, *distractors]
    rng.shuffle(people)
    span = _span(expedition)
    options = []
    for person in people:
        if person == commander:
            text = f"Yes: {person} commanded Expedition {number} ({span})."
        elif person in crewmates:
            text = f"Close: {person} was on Expedition {number}, but {commander} commanded it."
        else:
            led = expeditions[expeditions["commander"] == person].iloc[0]
            text = (
                f"No: {person} commanded Expedition {led['number']} ({_span(led)}); "
                f"Expedition {number} was led by {commander}."
            )
        options.append(Option(person, person == commander, text))
    return MultipleChoice(f"Who commanded Expedition {number}?", tuple(options))


def event_year_question(
    event_id: str, seed: int = 0, events: pd.DataFrame | None = None
) -> MultipleChoice:
    """In which year did an event happen? A wrong year is told how far off it is."""
    if events is None:
        from .events import load_events

        events = load_events()
    event = _row(events, "id", event_id, "event_id")
    date = event["date"]
    rng = random.Random(seed)
    offsets = rng.sample([o for o in range(-4, 5) if o], 3)
    years = sorted([date.year, *(date.year + o for o in offsets)])
    options = []
    for year in years:
        gap = year - date.year
        if gap == 0:
            text = f"Yes: it happened on {when(date)}."
        else:
            way = "too early" if gap < 0 else "too late"
            text = f"No: {abs(gap)} year{'s' if abs(gap) > 1 else ''} {way}; it was {when(date)}."
        options.append(Option(str(year), gap == 0, text))
    return MultipleChoice(f"In which year: {event['title']}?", tuple(options))


def _row(frame: pd.DataFrame, column: str, value: object, argument: str) -> pd.Series:
    matches = frame[frame[column] == value]
    if matches.empty:
        known = [str(v) for v in frame[column]]
        hint = unknown_choice_hint(str(value), known[:60])
        raise ValueError(f"{argument}={value!r} is not in the catalogue; {hint}")
    return matches.iloc[0]


def _span(expedition: pd.Series) -> str:
    end = expedition["end"]
    return f"{when(expedition['start'])} – {'today' if pd.isna(end) else when(end)}"

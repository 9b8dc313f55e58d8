"""Quiz items made from the catalogue, so the answers can never drift from the data.

Each generator is one call in a lesson and is deterministic: the same ``seed`` gives the same
question, the same options in the same order, on every run and every machine. A generator
takes an optional DataFrame (e.g. a lesson's own filtered modules) and otherwise reads the
built-in catalogue.

Items should read as if a teacher wrote them: modules go by the plain names the lessons use
(:func:`plain_module_name`), and each wrong option is one a learner with a particular
misconception would pick (confusing who launched a module with who built it, or a launch with
a neighbouring event); its feedback names that mix-up without giving the answer away.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

import pandas as pd

from .. import language
from ..catalogue.events import load_events
from ..catalogue.given import given_table
from ..catalogue.summaries import vehicle_family
from ..catalogue.tables import load_expeditions, load_modules
from ..errors import SettingsError
from ..language import N_, ngettext
from ..language import gettext as _
from ..reading.values import closest, unknown_choice_hint
from .items import MultipleChoice, Option, Ordering

T = TypeVar("T")

__all__ = [
    "GENERATORS",
    "LESSON_MODULES",
    "Generator",
    "answer_position",
    "arrival_day_question",
    "busiest_rocket_question",
    "event_year_question",
    "expedition_question",
    "generate",
    "launch_order_question",
    "plain_module_name",
    "when",
    "which_agency_built",
]

LESSON_MODULES = (
    "zarya",
    "unity",
    "zvezda",
    "destiny",
    "quest",
    "canadarm2",
    "harmony",
    "columbus",
    "dextre",
    "kibo-pm",
    "tranquility",
    "cupola",
    "leonardo-pmm",
    "beam",
    "nauka",
    "prichal",
)
"""Modules the lessons introduce by name: the default pool for generated questions."""

# Names a learner meets in the lessons, where the catalogue's official name reads badly.
PLAIN_NAMES = {
    "quest": N_("the Quest airlock"),
    "columbus": "Columbus",
    "cupola": N_("the Cupola"),
    "kibo-pm": N_("Kibo's laboratory"),
    "kibo-elm-ps": N_("Kibo's storage module"),
    "kibo-ef": N_("Kibo's outdoor platform"),
    "leonardo-pmm": "Leonardo",
    "bishop": N_("the Bishop airlock"),
    "irosa-2021": N_("the first pair of roll-out solar arrays"),
    "irosa-2022": N_("the second pair of roll-out solar arrays"),
    "irosa-2023": N_("the third pair of roll-out solar arrays"),
}
# Countries a sentence names with "the".
_WITH_THE = ("United States", "Netherlands", "United Kingdom")

# The segments a feedback names ("the Russian segment"), for the catalogues.
_SEGMENT_WORDS = (N_("Russian"), N_("US"))

# What a module is, for a stem about one the lessons may not have introduced.
KIND_WORDS = {
    "pressurized": N_("a module the crew can enter"),
    "robotics": N_("a robotic arm or robot"),
    "truss": N_("a piece of the station's long girder"),
    "solar_array": N_("a set of solar panels"),
    "adapter": N_("a docking adapter"),
    "external": N_("equipment mounted outside"),
}

PARTNER_HOMES = {
    "NASA": "United States",
    "Roscosmos": "Russia",
    "ESA": "Europe",
    "JAXA": "Japan",
    "CSA": "Canada",
}


def plain_module_name(module: pd.Series | str) -> str:
    """The name a learner knows: 'Unity (Node 1)' -> 'Unity', 'Bigelow Expandable Activity
    Module (BEAM)' -> 'BEAM'; given a row, the lessons' own name where the official one is a
    mouthful ('Kibo Experiment Logistics Module, Pressurized Section' -> "Kibo's storage module").

    >>> plain_module_name("Zvezda (Service Module)")
    'Zvezda'
    >>> plain_module_name("Pressurized Mating Adapter 3")
    'the Pressurized Mating Adapter 3'
    """
    if isinstance(module, pd.Series):
        if module.get("id") in PLAIN_NAMES:
            return _(PLAIN_NAMES[module["id"]])
        if "name" not in module:
            raise SettingsError(_("plain_module_name needs a name, or a row of load_modules()"))
        module = str(module["name"])
    bracket = re.search(r"\(([A-Z0-9-]+)\)$", module)
    if bracket:  # an acronym people actually say
        return bracket.group(1)
    name = re.split(r" \(|, ", module, maxsplit=1)[0].strip()
    return _("the {name}").format(name=name) if " " in name else name  # 'the Z1 truss', 'Unity'


def answer_position(subject: object, seed: int, count: int) -> int:
    """Where the right option goes among ``count``: spread evenly over subjects and seeds.

    Derived from the subject and the seed (the same on every run and machine), so a lesson's
    generated items put their answers at A, B, C and D alike instead of wherever a shuffle of
    the same seed happens to leave them.

    >>> answer_position("columbus", 0, 4) == answer_position("columbus", 0, 4)
    True
    """
    return zlib.crc32(f"{subject}|{seed}".encode()) % count


def _with_answer_at(right: T, others: list[T], position: int) -> list[T]:
    placed = list(others)
    placed.insert(min(position, len(placed)), right)
    return placed


def when(date: pd.Timestamp) -> str:
    """A date written out so nobody mixes day and month up: '20 Nov 1998' (in another language,
    its long date: '20 novembre 1998')."""
    if language.current() != language.SOURCE_LANGUAGE:
        return language.day(date)
    return f"{date.day} {date:%b %Y}"


def launch_order_question(
    n: int = 4,
    seed: int = 0,
    modules: pd.DataFrame | None = None,
    kind: str | None = "pressurized",
    module_ids: Sequence[str] | None = LESSON_MODULES,
) -> Ordering:
    """Put ``n`` modules (3–5 is right for a class) in launch order; the answer shows the dates.

    Modules are drawn from ``kind`` (``None`` for every kind) and ``module_ids`` (by default
    those the lessons introduce; ``None`` for every module), each launched on a different date
    so there is exactly one right order.
    """
    modules = given_table(modules, "modules")
    pool = modules if kind is None else modules[modules["kind"] == kind]
    if isinstance(module_ids, str):
        raise SettingsError(
            _("module_ids= takes a list of ids, such as [{ids}]").format(ids=repr(module_ids))
        )
    if module_ids is not None:
        pool = pool[pool["id"].isin(module_ids)]
    pool = pool.dropna(subset=["launch_date"]).drop_duplicates("launch_date")
    if not 2 <= n <= min(8, len(pool)):
        raise SettingsError(
            _(
                "launch_order_question(n={n}): n must be between 2 and {most} for these modules"
            ).format(n=n, most=min(8, len(pool)))
        )
    rng = random.Random(seed)
    picked = pool.iloc[sorted(rng.sample(range(len(pool)), n))].sort_values("launch_date")
    return Ordering(
        _("Put these modules in the order they were launched, earliest first."),
        tuple(_capitalized(plain_module_name(row)) for _index, row in picked.iterrows()),
        tuple(_("launched {day}").format(day=when(d)) for d in picked["launch_date"]),
        seed=seed,
    )


def which_agency_built(
    module_id: str,
    seed: int = 0,
    modules: pd.DataFrame | None = None,
    agencies: pd.DataFrame | None = None,
    ask: Literal["built", "owns"] = "built",
) -> MultipleChoice:
    """Who built a module (``ask="built"``), or which partner owns it (``ask="owns"``)?

    The catalogue keeps the two apart: ``built_by`` is the partner whose side built it,
    ``agency`` the partner that owns it and answers for it (Zarya: built in Russia, paid for
    by the United States, owned by NASA). Wrong options are the mix-ups a learner makes: the
    owner for the builder (or the other way round), the agency that launched it, the one that
    runs its segment, a partner whose module flew on the same flight.
    """
    modules = given_table(modules, "modules")
    agencies = given_table(agencies, "agencies")
    module = _row(modules, "id", module_id, "module_id")
    name = plain_module_name(module)
    builder, owner = str(module["built_by"]), str(module["agency"])
    right = builder if ask == "built" else owner
    all_partners = list(agencies.loc[agencies["kind"] == "partner", "code"])
    if right not in all_partners:
        raise SettingsError(
            f"which_agency_built({module_id!r}, ask={ask!r}): the answer, {right}, is not one "
            f"of the partner agencies ({', '.join(all_partners)}), so the options would not fit"
        )
    partners = [c for c in all_partners if c != right]
    mixups = _mixups(module, modules, right, ask)
    rng = random.Random(f"{module_id}|{seed}")
    others = [c for c in partners if c not in mixups]
    chosen = [c for c in mixups if c in partners][:3]
    chosen += rng.sample(others, min(3 - len(chosen), len(others)))
    rng.shuffle(chosen)
    codes = _with_answer_at(right, chosen, answer_position(module_id, seed, len(chosen) + 1))

    raw = str(module.get("builder_country", "") or "")
    country = f"the {raw}" if raw in _WITH_THE else raw  # English grammar; others get the name
    if language.current() != language.SOURCE_LANGUAGE:
        country = _(raw)
    made = _("built in {country}").format(country=country) if raw else _("built")
    words = {"name": name, "Name": _capitalized(name), "gloss": _gloss(module), "made": made}
    words |= {"builder": builder, "owner": owner}
    if ask == "built":
        stem = _("Which partner built {name}{gloss}?").format(**words)
        explanation = _("{Name} was {made}, on {builder}'s side of the partnership.").format(
            **words
        )
        if owner != builder:
            explanation += " " + _(
                "It belongs to {owner}: who builds a module and who owns it can differ."
            ).format(**words)
    else:
        stem = _("Which partner owns {name}{gloss}?").format(**words)
        explanation = _("{Name} belongs to {owner}.").format(**words)
        if owner != builder:
            explanation += " " + _("It was {made} by {builder}'s side, for {owner}.").format(
                **words
            )
    options = []
    for code in codes:
        if code == right:
            text = explanation
        else:
            text = mixups.get(code) or _other_partner(code, module, modules, ask)
        options.append(Option(_partner_label(code), code == right, text))
    return MultipleChoice(stem, tuple(options))


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _partner_label(code: str) -> str:
    """The agency's code alone: with its country beside it ('NASA (United States)') the
    longest label would often be the right one, a cue that gives the answer away."""
    return code


def _gloss(module: pd.Series) -> str:
    """' (a docking adapter)' for hardware the lessons never introduce; '' otherwise."""
    if module["id"] in LESSON_MODULES:
        return ""
    words = KIND_WORDS.get(str(module["kind"]))
    return f" ({_(words)})" if words else ""


def _launcher(vehicle: str) -> str | None:
    family = vehicle_family(vehicle)
    if family in ("Proton", "Soyuz"):
        return "Roscosmos"
    if family in ("Space Shuttle",):
        return "NASA"
    return None  # a commercial rocket: no partner launched it


def _mixups(module: pd.Series, modules: pd.DataFrame, right: str, ask: str) -> dict[str, str]:
    """Partner -> feedback for each wrong answer a specific misconception leads to."""
    name = plain_module_name(module)
    builder, owner = str(module["built_by"]), str(module["agency"])
    found: dict[str, str] = {}

    def add(code: str | None, text: str) -> None:
        if code and code != right and code not in found:
            found[code] = text

    if ask == "built":
        add(
            owner,
            _("{owner} owns {name}, but owning a module is not the same as building it.").format(
                owner=owner, name=name
            ),
        )
    else:
        add(
            builder,
            _(
                "{builder}'s side built {name}, but building a module does not make it the owner."
            ).format(builder=builder, name=name),
        )
    vehicle = str(module.get("launch_vehicle", "") or "")
    launched = (
        _(
            "{agency} launched {name} on a {rocket}, but launching a module does not mean you "
            "built it."
        )
        if ask == "built"
        else _(
            "{agency} launched {name} on a {rocket}, but launching a module does not mean you "
            "own it."
        )
    )
    add(
        _launcher(vehicle),
        launched.format(agency=_launcher(vehicle), name=name, rocket=_(vehicle_family(vehicle))),
    )
    segment = str(module.get("segment", "") or "")
    leads = {"Russian": "Roscosmos", "US": "NASA"}.get(segment)
    part = (
        _(
            "{name} is part of the {segment} segment, which {agency} leads, but that alone does "
            "not tell you who built it."
        )
        if ask == "built"
        else _(
            "{name} is part of the {segment} segment, which {agency} leads, but that alone does "
            "not tell you who owns it."
        )
    )
    add(leads, part.format(name=name, segment=_(segment), agency=leads))
    flight = str(module.get("flight", "") or "")
    if flight:
        shipmates = modules[(modules["flight"] == flight) & (modules["id"] != module["id"])]
        for _index, other in shipmates.iterrows():
            code = str(other["built_by"] if ask == "built" else other["agency"])
            same_flight = (
                _(
                    "{Other}, which {agency} built, went up on the same flight, but {name} is not "
                    "{agency}'s."
                )
                if ask == "built"
                else _(
                    "{Other}, which {agency} owns, went up on the same flight, but {name} is "
                    "not {agency}'s."
                )
            )
            add(
                code,
                same_flight.format(
                    Other=_capitalized(plain_module_name(other)), agency=code, name=name
                ),
            )
    return found


def _other_partner(code: str, module: pd.Series, modules: pd.DataFrame, ask: str) -> str:
    column = "built_by" if ask == "built" else "agency"
    theirs = modules[(modules[column] == code) & modules["id"].isin(LESSON_MODULES)]
    if theirs.empty:
        theirs = modules[modules[column] == code]
    names = [plain_module_name(row) for _index, row in theirs.head(2).iterrows()]
    name = plain_module_name(module)
    if not names:
        none = (
            _("{agency} built none of the station's modules in the catalogue.")
            if ask == "built"
            else _("{agency} owns none of the station's modules in the catalogue.")
        )
        return none.format(agency=code)
    theirs_said = (
        _("{agency} built {modules}, but not {name}.")
        if ask == "built"
        else _("{agency} owns {modules}, but not {name}.")
    )
    return theirs_said.format(agency=code, modules=(" " + _("and") + " ").join(names), name=name)


def expedition_question(
    number: int, seed: int = 0, expeditions: pd.DataFrame | None = None
) -> MultipleChoice:
    """Who commanded Expedition ``number``? Wrong answers say where that person really was.

    The wrong options are crewmates (the mix-up of crew member and commander) and commanders
    of other expeditions; their feedback never names the right commander.
    """
    expeditions = given_table(expeditions, "expeditions")
    expedition = _row(expeditions, "number", number, "number")
    commander = expedition["commander"]
    crewmates = [c for c in expedition["crew"] if c != commander]
    others = [c for c in expeditions["commander"] if c and c != commander]
    rng = random.Random(f"expedition {number}|{seed}")
    distractors = rng.sample(crewmates, min(2, len(crewmates)))
    spare = [c for c in dict.fromkeys(others) if c not in distractors and c not in crewmates]
    distractors += rng.sample(spare, min(3 - len(distractors), len(spare)))
    rng.shuffle(distractors)
    at = answer_position(f"expedition {number}", seed, len(distractors) + 1)
    people = _with_answer_at(commander, distractors, at)
    options = []
    for person in people:
        if person == commander:
            text = _("{person} commanded Expedition {number} ({span}).").format(
                person=person, number=number, span=_span(expedition)
            )
        elif person in crewmates:
            text = _(
                "{person} was a member of Expedition {number}'s crew, but not its commander."
            ).format(person=person, number=number)
        else:
            led = expeditions[expeditions["commander"] == person].iloc[0]
            text = _(
                "{person} commanded Expedition {other} ({span}), not Expedition {number}."
            ).format(person=person, other=led["number"], span=_span(led), number=number)
        options.append(Option(person, person == commander, text))
    stem = _("Who commanded Expedition {number}?").format(number=number)
    return MultipleChoice(stem, tuple(options))


def event_year_question(
    event_id: str,
    seed: int = 0,
    events: pd.DataFrame | None = None,
    question: str | None = None,
) -> MultipleChoice:
    """In which year did an event happen? Wrong years are those of events easily confused with it.

    Each wrong year is the year of a nearby event (of the same kind first); its feedback names
    that event and says whether ours came before or after it, not when. ``question`` words the
    stem yourself (e.g. "In which year was Zarya launched?"); by default the stem quotes the
    event's headline.
    """
    events = given_table(events, "events")
    event = _row(events, "id", event_id, "event_id")
    date = event["date"]
    happened = events[(events["status"] == "happened") & (events["date"].dt.year != date.year)]
    ranked = happened.assign(
        other_kind=happened["category"] != event["category"],
        gap=(happened["date"] - date).abs(),
        year=happened["date"].dt.year,
    ).sort_values(["other_kind", "gap", "id"])
    by_year = ranked.drop_duplicates("year")
    before = by_year[by_year["date"] < date].head(3)
    after = by_year[by_year["date"] > date].head(3)
    wrong = min(3, len(before) + len(after))
    # how many wrong years come before the right one: that is where the answer stands once the
    # years are sorted, so it is spread over A-D instead of always standing in the middle
    feasible = [k for k in range(wrong + 1) if k <= len(before) and wrong - k <= len(after)]
    k = feasible[answer_position(event_id, seed, len(feasible))]
    confusable = pd.concat([before.head(k), after.head(wrong - k)])
    options = [Option(str(date.year), True, _("It happened on {day}.").format(day=when(date)))]
    for _index, other in confusable.iterrows():
        other_year = (
            _("{year} is the year of another event, “{title}”; this one happened before it.")
            if date < other["date"]
            else _("{year} is the year of another event, “{title}”; this one happened after it.")
        )
        options.append(
            Option(
                str(other["date"].year),
                False,
                other_year.format(year=other["date"].year, title=other["title"]),
            )
        )
    options.sort(key=lambda o: o.text)
    stem = question or _(
        "A headline from the station's history: “{title}”. In which year did it happen?"
    ).format(title=event["title"])
    return MultipleChoice(stem, tuple(options))


def arrival_day_question(
    module_id: str, seed: int = 0, modules: pd.DataFrame | None = None
) -> MultipleChoice:
    """On which day (UTC) did a module become part of the station?

    The wrong days are the ones a learner mixes up: the module's launch day (a launch is not an
    arrival: a module spends days reaching the station before it is joined to it) and the
    days the modules before and after it arrived. Their feedback says what happened that day.
    """
    modules = given_table(modules, "modules")
    module = _row(modules, "id", module_id, "module_id")
    name = plain_module_name(module)
    arrived, launched = module["attach_date"], module["launch_date"]
    if pd.isna(arrived):
        raise SettingsError(
            _("module_id={module} has no attachment date in the catalogue").format(
                module=repr(module_id)
            )
        )
    days: dict[pd.Timestamp, str] = {}
    if pd.notna(launched) and launched != arrived:
        days[launched] = _(
            "{day} is the day {name} was launched; it still had to reach the station and be "
            "joined to it."
        ).format(day=when(launched), name=name)
    others = modules.dropna(subset=["attach_date"])
    others = others[(others["attach_date"] != arrived) & (others["id"] != module["id"])]
    known = others[others["id"].isin(LESSON_MODULES)]  # neighbours the learner has met
    others = known if len(known) >= 2 else others
    before = others[others["attach_date"] < arrived].sort_values("attach_date").tail(2)
    after = others[others["attach_date"] > arrived].sort_values("attach_date").head(2)
    rng = random.Random(f"{module_id}|{seed}")
    neighbours = pd.concat([before, after])
    for _index, other in neighbours.sample(frac=1, random_state=rng.randrange(2**32)).iterrows():
        day = other["attach_date"]
        if len(days) >= 3:
            break
        if day not in days:
            joined = (
                _("{day} is the day {other} joined the station, before {name}.")
                if day < arrived
                else _("{day} is the day {other} joined the station, after {name}.")
            )
            days[day] = joined.format(day=when(day), other=plain_module_name(other), name=name)
    span = (arrived - launched).days if pd.notna(launched) else None
    story = (
        ngettext(
            "{Name} was launched on {day} and joined to the station {count} day later.",
            "{Name} was launched on {day} and joined to the station {count} days later.",
            span,
        ).format(Name=_capitalized(name), day=when(launched), count=span)
        if span
        else _("{Name} became part of the station on the day it was launched.").format(
            Name=_capitalized(name)
        )
    )
    right = Option(when(arrived), True, f"{when(arrived)}{_(':')} {story}")
    wrong = [Option(when(day), False, text) for day, text in days.items()]
    rng.shuffle(wrong)
    # not in date order: the launch day always comes before the arrival, so in date order the
    # answer would never be A and would usually sit right after the launch day
    at = answer_position(module_id, seed, len(wrong) + 1)
    return MultipleChoice(
        _("On which day (UTC) did {name}{gloss} become part of the station?").format(
            name=name, gloss=_gloss(module)
        ),
        tuple(_with_answer_at(right, wrong, at)),
    )


def busiest_rocket_question(modules: pd.DataFrame | None = None) -> MultipleChoice:
    """A chart-reading item for ``plots.launches_by_vehicle``: which rocket carried the most?

    Computed from the modules, one option per rocket row of the chart; a wrong row's feedback
    gives its own count of dots and years, so the learner goes back to the chart.
    """
    modules = given_table(modules, "modules")
    family = modules["launch_vehicle"].map(vehicle_family)
    counts = family.value_counts()
    if len(counts) < 2 or counts.iloc[0] == counts.iloc[1]:
        raise SettingsError(
            _("busiest_rocket_question needs one rocket that carried the most pieces")
        )
    total = int(counts.sum())
    options = []
    for rocket in sorted(counts.index, key=lambda r: modules.loc[family == r, "launch_date"].min()):
        dates = modules.loc[family == rocket, "launch_date"]
        first, last = dates.min().year, dates.max().year
        span = (
            str(first) if first == last else _("{first} to {last}").format(first=first, last=last)
        )
        count = int(counts[rocket])
        if rocket == counts.index[0]:
            rest = total - count
            more = _(" — more than all the other rockets together") if count > rest else ""
            text = _("It carried {count} of the {total} pieces, from {span}{more}.").format(
                count=count, total=total, span=span, more=more
            )
        else:
            text = ngettext(
                "The {rocket} carried {count} piece ({span}); find the row with more.",
                "The {rocket} carried {count} pieces ({span}); find the row with more.",
                count,
            ).format(rocket=_(rocket), count=count, span=span)
        options.append(Option(_vehicle_label(rocket), rocket == counts.index[0], text))
    return MultipleChoice(
        _(
            "Look at the chart of the rockets that launched the station's pieces (one dot per "
            "piece). Which rocket carried the most?"
        ),
        tuple(options),
    )


def _vehicle_label(family: str) -> str:
    """'Proton rocket', but 'Space Shuttle': every option names the kind of vehicle, so the
    Shuttle's two-word name is not the one long option among short ones."""
    if family == "Space Shuttle":
        return _(N_("Space Shuttle"))
    return _("{rocket} rocket").format(rocket=family)


def _row(frame: pd.DataFrame, column: str, value: object, argument: str) -> pd.Series:
    matches = frame[frame[column] == value]
    if matches.empty:
        known = [str(v) for v in frame[column]]
        hint = unknown_choice_hint(str(value), known[:60])
        raise SettingsError(
            _("{argument}={value} is not in the catalogue; {hint}").format(
                argument=argument, value=repr(value), hint=hint
            )
        )
    return matches.iloc[0]


def _span(expedition: pd.Series) -> str:
    end = expedition["end"]
    return f"{when(expedition['start'])} – {_('today') if pd.isna(end) else when(end)}"


# ---------------------------------------------------------------- by name, for quiz files


@dataclass(frozen=True)
class Generator:
    """An item a quiz file asks for by name (``generate: launch_order``), made from the catalogue.

    ``about`` names the argument that says what the item is about (``modules``, ``module``,
    ``expedition``, ``event``; empty for none) and ``about_kind`` what it holds: a list of ids,
    one id, or a number. ``extras`` are the other arguments a file may give.
    """

    name: str
    about: str
    about_kind: Literal["ids", "id", "number", ""]
    extras: tuple[str, ...]
    summary: str


GENERATORS: dict[str, Generator] = {
    g.name: g
    for g in (
        Generator(
            "launch_order",
            "modules",
            "ids",
            ("seed", "n"),
            "put modules in launch order (the module ids, e.g. [zarya, unity, zvezda]; or n "
            "of the lessons' modules)",
        ),
        Generator("built_by", "module", "id", ("seed",), "which partner built a module"),
        Generator("owned_by", "module", "id", ("seed",), "which partner owns a module"),
        Generator(
            "arrival_day", "module", "id", ("seed",), "on which day a module joined the station"
        ),
        Generator("commander", "expedition", "number", ("seed",), "who commanded an expedition"),
        Generator(
            "event_year",
            "event",
            "id",
            ("seed", "question"),
            "in which year an event happened (an event id of the catalogue)",
        ),
        Generator(
            "busiest_rocket",
            "",
            "",
            (),
            "which rocket launched the most pieces (read from the launch chart)",
        ),
    )
}
"""Every generator a quiz file can name, by name."""


def generate(
    name: str,
    about: str | int | Sequence[str] | None = None,
    *,
    seed: int = 0,
    n: int | None = None,
    question: str | None = None,
) -> MultipleChoice | Ordering:
    """The item the generator ``name`` makes about ``about`` (see :data:`GENERATORS`).

    Raises ``ValueError`` naming the argument when ``about`` is not in the catalogue (with the
    closest id) or a generator is unknown.

    >>> generate("launch_order", ["unity", "zarya"]).items
    ('Zarya', 'Unity')
    """
    if name not in GENERATORS:
        raise SettingsError(
            _("there is no generator {name}; {hint}").format(
                name=repr(name), hint=unknown_choice_hint(name, list(GENERATORS))
            )
        )
    if name == "busiest_rocket":
        return busiest_rocket_question()
    if name == "launch_order":
        if about is None:
            return launch_order_question(n=4 if n is None else n, seed=seed)
        ids = [about] if isinstance(about, (str, int)) else list(about)
        modules = load_modules()
        for module_id in ids:
            _known(modules, "id", str(module_id), "module")
        if n is not None and n != len(ids):
            raise SettingsError(
                _("n is {n} but {count} modules are listed; give one or the other").format(
                    n=n, count=len(ids)
                )
            )
        return launch_order_question(
            n=len(ids), seed=seed, modules=modules, kind=None, module_ids=[str(i) for i in ids]
        )
    if about is None or not isinstance(about, (str, int)):
        raise SettingsError(
            _("{name} needs one {about}").format(name=name, about=GENERATORS[name].about)
        )
    if name == "commander":
        if not str(about).isdigit():
            raise SettingsError(
                _("an expedition is given by its number, e.g. 20 (got {value})").format(
                    value=repr(about)
                )
            )
        expeditions = load_expeditions()
        if int(about) not in set(expeditions["number"]):
            last = int(expeditions["number"].max())
            raise SettingsError(
                _("there is no Expedition {number} in the catalogue (1 to {last})").format(
                    number=about, last=last
                )
            )
        return expedition_question(int(about), seed=seed, expeditions=expeditions)
    if name == "event_year":
        events = load_events()
        _known(events, "id", str(about), "event")
        return event_year_question(str(about), seed=seed, events=events, question=question)
    modules = load_modules()
    _known(modules, "id", str(about), "module")
    if name == "arrival_day":
        return arrival_day_question(str(about), seed=seed, modules=modules)
    ask: Literal["built", "owns"] = "built" if name == "built_by" else "owns"
    return which_agency_built(str(about), seed=seed, modules=modules, ask=ask)


def _known(frame: pd.DataFrame, column: str, value: str, what: str) -> None:
    """Refuse an id the catalogue lacks, naming the closest one (the list is too long to show)."""
    if value in set(frame[column]):
        return
    near = closest(value, [str(v) for v in frame[column]])
    if near:
        hint = _("; did you mean '{name}'?").format(name=near)
    else:
        hint = _(_SEE_TABLE.get(what, _SEE_TABLE["module"]))
    message = _(_NOT_AN_ID.get(what, _NOT_AN_ID["module"])).format(value=value)
    raise SettingsError(message + hint)


# Whole sentences per kind of id (a translation needs the noun's article and gender).
_NOT_AN_ID = {
    "event": N_("'{value}' is not an event id in the catalogue"),
    "module": N_("'{value}' is not a module id in the catalogue"),
}
_SEE_TABLE = {
    "event": N_("; see the id column of the events table"),
    "module": N_("; see the id column of the modules table"),
}

"""The fixed words of the catalogue: categories, statuses, kinds, and the columns of each table."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "assembly",
    "crew",
    "cooperation",
    "vehicle",
    "science",
    "spacewalk",
    "record",
    "incident",
    "milestone",
)
DEFAULT_CATEGORY = "milestone"

STATUSES: tuple[str, ...] = ("happened", "planned")
DEFAULT_STATUS = "happened"

MODULE_KINDS: tuple[str, ...] = (
    "pressurized",
    "truss",
    "robotics",
    "solar_array",
    "adapter",
    "external",
)

AGENCY_KINDS: tuple[str, ...] = ("partner", "commercial", "other")

EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "title",
    "summary",
    "category",
    "agencies",
    "countries",
    "status",
    "source",
    "note",
)
EVENT_REQUIRED: tuple[str, ...] = ("date", "title")

SEGMENTS: tuple[str, ...] = ("Russian", "US")  # the two halves the station is run as

MODULE_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "agency",
    "builder_country",
    "built_by",
    "segment",
    "launch_date",
    "attach_date",
    "detach_date",
    "launch_vehicle",
    "flight",
    "mass_kg",
    "pressurized_volume_m3",
    "role",
    "source",
    "note",
)

EXPEDITION_COLUMNS: tuple[str, ...] = ("number", "start", "end", "crew", "source", "note")

STAY_COLUMNS: tuple[str, ...] = (
    "person",
    "agency",
    "arrival",
    "departure",
    "vehicle_up",
    "vehicle_down",
    "source",
    "note",
)

AGENCY_COLUMNS: tuple[str, ...] = ("code", "name", "kind", "countries", "color")

ERA_COLUMNS: tuple[str, ...] = ("era", "starts_with", "description")

"""isslearn: lessons on the history of the International Space Station.

>>> import isslearn
>>> events = isslearn.annotate(isslearn.load_events())
>>> int(events.set_index("id").loc["expedition-1-boards", "days_continuously_crewed"])
0
"""

from .catalogue.annotation import ANNOTATION_COLUMNS, annotate
from .catalogue.attachments import load_attachments
from .catalogue.corrections import load_corrections
from .catalogue.events import current_to, load_events, validate
from .catalogue.flights import load_flights
from .catalogue.station import station_on
from .catalogue.tables import load_agencies, load_eras, load_expeditions, load_modules, load_stays
from .errors import (
    CatalogueError,
    FileProblems,
    GuideError,
    HandoutError,
    IsslearnError,
    LanguageError,
    OptionError,
    OutputExistsError,
    OutputPathError,
    PresentError,
    Problem,
    QuizFileError,
    ScaffoldError,
    SettingsError,
)
from .lesson import Lesson

# The one place the version is written: the wheel takes it from here ([tool.hatch.version]),
# and CHANGELOG.md's top entry names the same release (tests/test_release.py).
__version__ = "0.3.0"

__all__ = [
    "ANNOTATION_COLUMNS",
    "CatalogueError",
    "FileProblems",
    "GuideError",
    "HandoutError",
    "IsslearnError",
    "LanguageError",
    "Lesson",
    "OptionError",
    "OutputExistsError",
    "OutputPathError",
    "PresentError",
    "Problem",
    "QuizFileError",
    "ScaffoldError",
    "SettingsError",
    "annotate",
    "current_to",
    "load_agencies",
    "load_attachments",
    "load_corrections",
    "load_eras",
    "load_events",
    "load_expeditions",
    "load_flights",
    "load_modules",
    "load_stays",
    "station_on",
    "validate",
]

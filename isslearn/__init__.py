"""isslearn: lessons on the history of the International Space Station.

>>> import isslearn
>>> events = isslearn.annotate(isslearn.load_events())
>>> int(events.set_index("id").loc["expedition-1-boards", "days_continuously_crewed"])
0
"""

from .annotation import ANNOTATION_COLUMNS, annotate
from .catalogue import load_agencies, load_eras, load_expeditions, load_modules, load_stays
from .corrections import load_corrections
from .errors import CatalogueError, IsslearnError, Problem, QuizFileError, SettingsError
from .events import current_to, load_events, validate
from .lesson import Lesson
from .station import station_on

__version__ = "0.1.0"

__all__ = [
    "ANNOTATION_COLUMNS",
    "CatalogueError",
    "IsslearnError",
    "Lesson",
    "Problem",
    "QuizFileError",
    "SettingsError",
    "annotate",
    "current_to",
    "load_agencies",
    "load_corrections",
    "load_eras",
    "load_events",
    "load_expeditions",
    "load_modules",
    "load_stays",
    "station_on",
    "validate",
]

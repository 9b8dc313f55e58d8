"""isslearn: lessons on the history of the International Space Station.

>>> import isslearn
>>> events = isslearn.annotate(isslearn.load_events())
>>> int(events.set_index("id").loc["expedition-1-boards", "days_continuously_crewed"])
0
"""

from .annotate import annotate
from .catalogue import current_to, load_agencies, load_events, validate
from .corrections import load_corrections
from .errors import CatalogueError, IsslearnError, Problem, QuizFileError, SettingsError
from .lesson import Lesson
from .station import station_on
from .tables import load_expeditions, load_modules, load_stays

__version__ = "0.1.0"

__all__ = [
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
    "load_events",
    "load_expeditions",
    "load_modules",
    "load_stays",
    "station_on",
    "validate",
]

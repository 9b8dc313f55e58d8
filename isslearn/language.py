"""The language isslearn writes a lesson's words in: gettext catalogues and Babel's formats.

English is written in the code itself. Every other language is files only: its gettext catalogue
``isslearn/locale/<lang>/LC_MESSAGES/isslearn.po`` (compiled to ``.mo`` by ``make translations``,
both shipped in the wheel), the catalogue's words in ``seeds/<lang>/``, and the lessons, quizzes
and guides in their ``<lang>/`` folders. The languages are found from the compiled catalogues, so
a third one needs no code.

A kernel runs one lesson, so the language is one setting per process: ``Lesson(language="fr")``
sets it, and every figure, widget, quiz and table made after it speaks that language.

>>> set_language("fr"); day("1998-11-20"), day("2003-02-01"), number(1641), number(19.3, 1)
('20 novembre 1998', '1er février 2003', '1\\u202f641', '19,3')
>>> set_language("en"); day("1998-11-20"), number(1641), number(19.3, 1)
('1998-11-20', '1,641', '19.3')
"""

from __future__ import annotations

import gettext as _gettext
import sys
from functools import cache
from pathlib import Path

import pandas as pd

from . import errors
from .errors import LanguageError

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = [
    "DOMAIN",
    "FIRST_OF_MONTH",
    "LOCALE_DIR",
    "LONG_DATE",
    "N_",
    "SOURCE_LANGUAGE",
    "current",
    "day",
    "files_in_language",
    "from_environment",
    "gettext",
    "in_every_language",
    "language_of",
    "languages",
    "ngettext",
    "number",
    "percent",
    "pgettext",
    "set_language",
]

SOURCE_LANGUAGE = "en"  # the language of the code's own strings (the catalogues' msgids)
DOMAIN = "isslearn"
LOCALE_DIR = Path(__file__).with_name("locale")


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (a constant at import time);
    pass it through :func:`gettext` where it is shown."""
    return message


# How a language writes a long date, as a CLDR pattern its translator gives in the catalogue
# (left untranslated: the language's own "long" format). French writes the first day "1er".
LONG_DATE = N_("long date (a CLDR pattern such as d MMMM y)")
FIRST_OF_MONTH = N_("long date of the first day of a month (a CLDR pattern such as d MMMM y)")

_current = [SOURCE_LANGUAGE]  # one per kernel: a lesson sets it in its settings cell


@cache
def languages() -> tuple[str, ...]:
    """English, then every language with a compiled catalogue, in alphabetical order."""
    found = sorted(path.parts[-3] for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *found)


def files_in_language(
    folder: Traversable, suffix: str, language: str | None = None
) -> dict[str, Traversable]:
    """The files ending in ``suffix`` that ``folder`` ships in ``language`` (by default the
    current one), by name without the suffix, sorted: English ones in ``folder`` itself,
    another language's in its subfolder ``folder/CODE`` (the lessons' quizzes and guides)."""
    language = current() if language is None else language
    if language != SOURCE_LANGUAGE:
        folder = folder / language
    if not folder.is_dir():
        return {}
    found = {
        item.name.removesuffix(suffix): item
        for item in folder.iterdir()
        if item.name.endswith(suffix) and item.is_file()
    }
    return dict(sorted(found.items()))


def language_of(lesson: str | Path) -> str:
    """The language a lesson notebook is written in: that of its folder when it is a language
    isslearn has (``notebooks/fr/01_assembly.ipynb``), else the current one."""
    folder = Path(lesson).parent.name
    return folder if folder in languages() else current()


def current() -> str:
    """The language of the words isslearn writes now (``"en"`` until a lesson chooses)."""
    return _current[0]


def from_environment() -> str:
    """The language the locale variables ask for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in
    gettext's order: ``LANG=fr_FR.UTF-8`` gives ``"fr"``); English when none names a language
    isslearn speaks. The command line speaks it; a lesson chooses its own."""
    found = _gettext.find(DOMAIN, str(LOCALE_DIR))
    return Path(found).parts[-3] if found else SOURCE_LANGUAGE


def set_language(language: str) -> None:
    """Write every word from now on in ``language``; one isslearn has no catalogue for is
    refused with the list of those it has."""
    if not isinstance(language, str) or language not in languages():
        raise LanguageError(
            f"language={language!r} is not one isslearn speaks; choose one of "
            + ", ".join(repr(name) for name in languages())
        )
    _current[0] = language


@cache
def _catalogue(language: str) -> _gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])


def gettext(message: str) -> str:
    """``message`` (English, as written in the code) in the current language."""
    return _catalogue(current()).gettext(message)


errors.PROBLEM_WORDS[0] = gettext  # a finding's "notice:" and "column" in the current language


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message for ``count``, in the current language's rules."""
    return _catalogue(current()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where ``context`` tells the translator which
    ``message`` it is (a column's name, a drop-down's value: words a file is read back by)."""
    return _catalogue(current()).pgettext(context, message)


def in_every_language(context: str, message: str) -> tuple[str, ...]:
    """``message`` as every language writes it, English first: what a reader accepts for a
    word a template wrote in any of them (a French teacher's "catégorie" is "category")."""
    found = (_catalogue(name).pgettext(context, message) for name in languages())
    return tuple(dict.fromkeys(found))


def day(value: object) -> str:
    """A day as this language writes it: ``1998-11-20`` in English (as the lessons always have),
    the language's long date elsewhere (``20 novembre 1998``)."""
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if current() == SOURCE_LANGUAGE:
        return f"{stamp:%Y-%m-%d}"
    from babel.dates import format_date

    wanted = FIRST_OF_MONTH if stamp.day == 1 else LONG_DATE
    pattern = gettext(wanted)  # the translator's CLDR pattern ("d'er' MMMM y": "1er mars 2011")
    return format_date(stamp.date(), "long" if pattern == wanted else pattern, locale=current())


def number(value: float, decimals: int = 0) -> str:
    """A number with this language's separators: ``1,641.5`` in English, ``1 641,5`` in French
    (a narrow no-break space between thousands)."""
    if current() == SOURCE_LANGUAGE:
        return f"{value:,.{decimals}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, pattern, locale=current())


def percent(share: float) -> str:
    """A share as a whole percentage: ``37%`` in English, ``37 %`` in French."""
    if current() == SOURCE_LANGUAGE:
        return f"{share:.0%}"
    from babel.numbers import format_percent

    return format_percent(share, locale=current())

"""What readers read in Italian, whatever the machine's locale.

- ``data``: "7 maggio 2017" (a date, or with ``"full"`` "domenica 7 maggio 2017")
- ``ora``: "17:00"; ``iso``: the ISO 8601 form for ``<time datetime>``
- ``quante``: "1 incontro", "2 incontri"
- ``durata``: "1 h 05 min"; ``momento``: "00:12:30"
- ``lingua``: "inglese" for ``en`` or ``en-GB`` (Babel's Italian names)

eroi.plugins.italian gives them to templates as filters.
"""

from babel import Locale
from babel.dates import format_date, format_datetime

LOCALE = Locale.parse("it_IT")  # parsed once: formatting is on every page

FORMATS = {"long": "d MMMM y", "full": "EEEE d MMMM y"}


def data(value, style="long"):
    return format_date(value, FORMATS.get(style, style), locale=LOCALE)


def ora(value):
    return format_datetime(value, "HH:mm", locale=LOCALE)


def iso(value):
    return value.isoformat()


def quante(number, singular, plural, zero=None):
    """``number`` with the noun that agrees with it.

    ``zero`` replaces "0 <plural>" when given: a phrase that is true of
    nothing, e.g. "nessuna registrazione in archivio".
    """
    number = int(number)
    if number == 0 and zero:
        return zero
    return f"{number} {singular if number == 1 else plural}"


def durata(seconds):
    """Italian, short: "1 h 05 min", "45 min"."""
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def momento(seconds):
    """A moment of a recording: "00:12:30"."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def lingua(code):
    """The Italian name of a language code's language: "en-GB" → "inglese"."""
    primary = str(code).split("-")[0].lower()
    return LOCALE.languages.get(primary, str(code))

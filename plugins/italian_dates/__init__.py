"""Italian dates and counts in templates, independent of the machine's locale.

Adds Jinja filters to every generator's environment:

- ``data``: "7 maggio 2017" (a date, or with ``"full"`` "domenica 7 maggio 2017")
- ``ora``: "17:00"
- ``iso``: the ISO 8601 form for ``<time datetime>``
- ``quante``: "1 incontro", "2 incontri" (counts.py)
"""

from babel import Locale
from babel.dates import format_date, format_datetime
from pelican import signals

from .counts import quante

LOCALE = Locale.parse("it_IT")  # parsed once: formatting is on every page

FORMATS = {"long": "d MMMM y", "full": "EEEE d MMMM y"}


def data(value, style="long"):
    return format_date(value, FORMATS.get(style, style), locale=LOCALE)


def ora(value):
    return format_datetime(value, "HH:mm", locale=LOCALE)


def iso(value):
    return value.isoformat()


FILTERS = {
    "data": data,
    "ora": ora,
    "iso": iso,
    "quante": quante,
}


def add_filters(generator):
    generator.env.filters.update(FILTERS)


def register():
    signals.generator_init.connect(add_filters)

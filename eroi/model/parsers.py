"""Typed parsers of field values: text as a writer typed it → a value the site uses.

Each parser takes the text and the site's settings, and returns the value or
raises FieldError with a message (and, when the field's own hint would not
say enough, a hint) fit for a writer. Pure functions: they read no file and
change nothing. Each also says, with ``@publishes``, what its value is in the
site's open data (eroi.opendata): a JSON Schema, ``parse.json``.
"""

import re
import unicodedata
from datetime import datetime

from babel.dates import get_day_names, get_month_names
from pelican.readers import METADATA_PROCESSORS
from pelican.utils import get_date, slugify

from eroi.messages import N_, _
from eroi.model.links import link_problem, path_problem
from eroi.model.slugs import MAX_SLUG
from eroi.model.speakers import registry_of
from eroi.model.youtube import VIDEO_ID, parse_youtube

MAX_LINE = 5000  # a title, a name, a tag: one line (a long one gets a short slug)
YEARS = range(1990, 2101)  # a date outside is a typo ("0221", "9999")
MAX_DURATION_HOURS = 24
TIMESTAMP = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})$")
# Control characters (tab aside), noncharacters, and the line separators that
# would end a line of a feed or of a problem report.
NOT_TEXT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# A forum handle: letters (any alphabet, accents included) and digits, with
# '.', '-', '_' inside: "stefano.pasquini", "mia.bajić", "éric.araujo".
HANDLE_CHARACTERS = r"[^\W_](?:[\w.-]*\w)?"
HANDLE = re.compile(rf"^{HANDLE_CHARACTERS}$")
SLUG = re.compile(r"^[A-Za-z0-9_-]+$")
LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif")


class FieldError(ValueError):
    """A value the field cannot take; ``hint`` overrides the field's own hint."""

    def __init__(self, message, hint=None):
        super().__init__(message)
        self.hint = hint


def publishes(json_schema):
    """Declare the JSON Schema of a parser's value as the open data publishes it
    (a YouTube field as its video id, terms as their names, an image as its URL,
    formatted text as plain text): ``parse.json``."""

    def declare(parse):
        parse.json = json_schema
        return parse

    return declare


STRING = {"type": "string"}
ADDRESS = {"type": "string", "format": "uri-reference"}


def clip(text, limit=40):
    return text if len(text) <= limit else text[:limit] + "…"


# Text ---------------------------------------------------------------------------


@publishes(STRING)
def text_line(text, _settings=None):
    """One line of plain text: no control character, not empty, not huge."""
    text = text.strip()
    control = NOT_TEXT.search(text)
    if control:
        raise FieldError(
            _("holds the control character {code}").format(
                code=f"U+{ord(control.group()):04X}"
            ),
            _("delete it (it is invisible; some editors show it as a box)"),
        )
    if len(text) > MAX_LINE:
        raise FieldError(
            _("is {count} characters long").format(count=len(text)),
            _("keep it within {limit} characters").format(limit=MAX_LINE),
        )
    return text


@publishes(STRING)
def formatted(text, _settings=None):
    """Markdown or reStructuredText, already HTML: the HTML policy checks it."""
    return text


def choice(*allowed):
    def parse(text, _settings=None):
        value = text.strip()
        if value not in allowed:
            raise FieldError(
                _("'{value}' is not one of {choices}").format(
                    value=clip(value), choices=", ".join(allowed)
                ),
                _("write one of: {choices}").format(choices=", ".join(allowed)),
            )
        return value

    parse.choices = allowed
    parse.json = {"enum": list(allowed)}
    return parse


# Dates and times ----------------------------------------------------------------


@publishes({"type": "string", "format": "date-time"})
def date(text, _settings=None):
    """A date (and time), within a sane range of years: ISO 8601 (as Pelican
    reads it), or as Italians write it, day first: ``07/12/2026 17:30``,
    ``7.12.2026``, ``7 dicembre 2026``, ``lunedì 7 dicembre 2026, ore 17:30``."""
    text = " ".join(text.replace("_", " ").split())
    italian = ITALIAN_DATE.match(text)
    try:
        value = italian_date(italian, text) if italian else get_date(text)
    except FieldError:
        raise
    except (ValueError, OverflowError):
        raise FieldError(
            _("{text} is not a valid date").format(text=repr(text))
        ) from None

    if value.year not in YEARS:
        raise FieldError(
            _("the year {year} is not plausible").format(year=value.year),
            _("write a year between {first} and {last}").format(
                first=YEARS.start, last=YEARS.stop - 1
            ),
        )
    return value


def _unaccented(word):
    return "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    ).lower()


MONTHS = {
    _unaccented(name): number
    for width in ("wide", "abbreviated")
    for number, name in get_month_names(width, locale="it").items()
}
WEEKDAYS = {
    _unaccented(name): number
    for number, name in get_day_names("wide", locale="it").items()
}
ITALIAN_DATE = re.compile(
    r"^(?:(?P<weekday>[^\W\d_]+),?\s+)?(?P<day>\d{1,2})"
    r"(?:(?P<sep>[/.-])(?P<number>\d{1,2})(?P=sep)|\s+(?P<month>[^\W\d_]+)\.?\s+)"
    r"(?P<year>\d{2,4})(?:,?\s+(?:ore\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2}))?$",
    re.IGNORECASE,
)
DAY_FIRST_HINT = N_("write the day first, e.g. 07/12/2026 17:30 or 7 dicembre 2026")


def italian_date(match, text):
    """The datetime of an Italian date ``match`` (day first, always)."""
    if len(match["year"]) != 4:
        raise FieldError(
            _("'{text}': which century is the year {year}?").format(
                text=clip(text), year=match["year"]
            ),
            _("write the year with four digits, e.g. 07/12/2026"),
        )
    month = int(match["number"]) if match["number"] else None
    if match["month"]:
        month = MONTHS.get(_unaccented(match["month"]))
        if month is None:
            raise FieldError(
                _("'{month}' is not a month").format(month=match["month"]),
                _(DAY_FIRST_HINT),
            )
    try:
        value = datetime(
            int(match["year"]),
            month,
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
        )
    except ValueError:
        raise FieldError(
            _("'{text}' is not a date").format(text=clip(text)), _(DAY_FIRST_HINT)
        ) from None
    weekday = match["weekday"] and WEEKDAYS.get(_unaccented(match["weekday"]))
    if match["weekday"] and weekday is None:
        raise FieldError(
            _("'{weekday}' is not a day of the week").format(weekday=match["weekday"])
        )
    if weekday is not None and weekday != value.weekday():
        day = get_day_names("wide", locale="it")[value.weekday()]
        raise FieldError(
            _("'{text}': that day is a {day}, not a {weekday}").format(
                text=clip(text), day=day, weekday=match["weekday"]
            ),
            _("check the date, or leave the day of the week out"),
        )
    return value


def timestamp(text):
    """Seconds from ``H:MM:SS``, ``MM:SS`` or ``SS``."""
    match = TIMESTAMP.match(text.strip())
    not_a_time = _("{text} is not a time like 1:05:30 or 12:30").format(text=repr(text))
    if not match:
        raise FieldError(not_a_time)
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    if (match.group(2) and seconds > 59) or (match.group(1) and minutes > 59):
        raise FieldError(not_a_time)
    return hours * 3600 + minutes * 60 + seconds


@publishes({"type": "integer", "minimum": 1, "maximum": MAX_DURATION_HOURS * 3600})
def duration(text, _settings=None):
    """Seconds from ``1:05:30``, ``45:00``, ``90 min``, ``1h 30m`` or ``PT1H30M``."""
    plain = text.strip().lower().replace(" ", "")
    iso = re.match(r"^pt(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$", plain)
    human = re.match(r"^(?:(\d+)(?:h|ore|ora))?(?:(\d+)(?:m|min|minuti))?$", plain)
    if ":" in plain:
        seconds = timestamp(plain)
    elif iso and any(iso.groups()):
        hours, minutes, secs = (int(g or 0) for g in iso.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    elif human and any(human.groups()):
        hours, minutes = (int(g or 0) for g in human.groups())
        seconds = hours * 3600 + minutes * 60
    elif plain.isdigit():
        seconds = int(plain) * 60
    else:
        raise FieldError(
            _("{text} is not a duration like 1:30:00 or 90 min").format(
                text=repr(clip(text))
            )
        )
    if seconds <= 0:
        raise FieldError(
            _("{text} is not a positive duration").format(text=repr(clip(text)))
        )
    if seconds > MAX_DURATION_HOURS * 3600:
        raise FieldError(
            _("{text} is longer than {hours} hours").format(
                text=repr(clip(text)), hours=MAX_DURATION_HOURS
            ),
            _("check the value: e.g. 1:30:00 is an hour and a half"),
        )
    return seconds


# Links, paths, names ------------------------------------------------------------


@publishes(ADDRESS)
def link(text, settings):
    """An http(s) address, a path of the site, or a {filename}/{static} reference."""
    value = text_line(text)
    wrong = link_problem(value, settings["PATH"])
    if wrong:
        raise FieldError(*wrong)
    return value


@publishes({"type": "string", "format": "uri", "pattern": "^https://"})
def https_link(text, settings):
    """An https address with a host (``link``, no site path, no plain http):
    a place readers go to from outside the site, e.g. a live room."""
    value = link(text, settings)
    if not value.startswith("https://"):
        raise FieldError(
            _("'{link}' is not an https address").format(link=clip(value, 80)),
            _("write the full address, starting with https://"),
        )
    return value


@publishes(ADDRESS)
def image_path(text, settings):
    """An image file inside content/, in a folder the site publishes as it is."""
    value = text_line(text)
    wrong = path_problem(value, settings["PATH"])
    if wrong is None and not value.lower().endswith(IMAGE_SUFFIXES):
        wrong = (
            _("{path} is not an image").format(path=value),
            _("use a .jpg, .png, .webp or .svg"),
        )
    static_paths = settings["STATIC_PATHS"]
    if wrong is None and not any(
        value.lstrip("/").startswith(folder.rstrip("/") + "/")
        for folder in static_paths
    ):
        wrong = (
            _("{path} is not in a folder the site publishes").format(path=value),
            _("put it in {folder}").format(folder=f"content/{static_paths[0]}/"),
        )
    if wrong:
        raise FieldError(*wrong)
    return value


@publishes({"type": "string", "pattern": VIDEO_ID.pattern})
def youtube(text, _settings=None):
    """``(video id, start second)`` from a YouTube URL or an 11-character id."""
    try:
        return parse_youtube(text.strip())
    except ValueError as exc:
        raise FieldError(str(exc)) from None


def split_list(value):
    """``"a, b; c"`` or a list → ``["a", "b", "c"]`` without empty items."""
    items = value if isinstance(value, list | tuple) else re.split(r"[,;]", value or "")
    return [item.strip() for item in items if item and item.strip()]


@publishes({"type": "string", "minLength": 1})
def handle(text, settings=None):
    value = text_line(text).lstrip("@")
    if not HANDLE.match(value):
        # A name written instead of a handle: the handle of who has that name.
        registry = registry_of(settings)
        speaker = registry.named(value) if registry else None
        raise FieldError(
            _("'{value}' is not a forum handle").format(value=clip(value)),
            _("write the speaker's handle: {handle}").format(handle=speaker.handle)
            if speaker
            else _("write the handle as on the forum, e.g. {handle}").format(
                handle=slugify(value, regex_subs=[(r"[^\w]+", ".")]) or "mario.rossi"
            ),
        )
    return value


@publishes({"type": "array", "items": handle.json})
def handles(text, settings=None):
    """Forum handles, comma-separated, each once."""
    found = []
    for item in split_list(text):
        value = handle(item, settings)
        if value.lower() not in (h.lower() for h in found):
            found.append(value)
    return found


@publishes({"type": "string", "pattern": SLUG.pattern})
def slug(text, _settings=None):
    value = text.strip()
    if len(value) > MAX_SLUG:
        raise FieldError(
            _("is {count} characters long").format(count=len(value)),
            _("write a shorter one, at most {limit} characters").format(limit=MAX_SLUG),
        )
    if not SLUG.match(value):
        raise FieldError(
            _("'{value}' is not a single part of a URL").format(value=clip(value, 60))
        )
    return value


@publishes({"type": "string", "pattern": LANG.pattern})
def lang(text, _settings=None):
    value = text.strip()
    if not LANG.match(value):
        raise FieldError(
            _("'{value}' is not a language code").format(value=clip(value))
        )
    return value


# Pelican's own kinds: tags, a category, authors ---------------------------------


def terms(kind):
    """Pelican's parser of ``kind`` (tags, category, author, authors), checked:
    each term is plain text and gives a URL of reasonable length."""
    pelican_parse = METADATA_PROCESSORS[kind]

    def parse(text, settings):
        for name in split_list(text) if kind in ("tags", "authors") else [text]:
            text_line(name)
        value = pelican_parse(text, settings)
        for term in value if isinstance(value, list) else [value]:
            if not term.slug:
                raise FieldError(
                    _("'{title}' gives no URL").format(title=clip(term.name)),
                    _("use letters or digits in it"),
                )
            if len(term.slug) > MAX_SLUG:
                raise FieldError(
                    _("'{value}' is {count} characters long").format(
                        value=clip(term.name), count=len(term.name)
                    ),
                    _("write a shorter one, at most {limit} characters").format(
                        limit=MAX_SLUG
                    ),
                )

        return value

    # Published as the terms' names: a list for tags and authors, else one name.
    parse.json = (
        {"type": "array", "items": STRING} if kind in ("tags", "authors") else STRING
    )
    return parse

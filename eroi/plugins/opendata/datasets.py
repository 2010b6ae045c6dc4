"""What the open data holds: each file's records, one declared property at a time.

A ``Property`` is one key of a record: its JSON Schema, its Italian
description and how to read its value from a talk, a speaker or an article.
Every field of the content model is a property (``fields_of``): its schema
and description come from the field (``Field.json``), its value from the
content object, so a field declared in the schema is published; the others
(a talk's number, its state, the URLs the site makes) are described here. The records
(``Dataset.records``) and their JSON Schema (schemas.py) are both made from
these declarations, so the two cannot drift apart.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup
from pelican.urlwrappers import URLWrapper

from eroi.model import archive, parsers
from eroi.model import schema as model
from eroi.model.youtube import Video
from eroi.settings import site_url

# The id of a talk page's "Trascrizione" section (partials/transcript.html):
# transcripts have no file of their own, the section is their address.
TRANSCRIPT_ANCHOR = "trascrizione"
ADDRESS = {"type": "string", "format": "uri-reference"}


class Site:
    """The site's URLs as the data gives them: absolute when FEED_DOMAIN (else
    SITEURL) is an absolute address, otherwise from the site's root."""

    def __init__(self, settings):
        self.base = site_url(settings)

    def url(self, path):
        return f"{self.base}/{path.lstrip('/')}"


@dataclass(frozen=True)
class Property:
    key: str
    schema: dict  # the JSON Schema of the value, description included
    value: Callable  # (item, site) -> the JSON value
    nullable: bool = False  # null when the item has no such value

    @property
    def json(self):
        """The JSON Schema of the value, ``null`` allowed if it is nullable."""
        return nullable(self.schema) if self.nullable else self.schema


def nullable(schema):
    if "type" in schema:
        return {**schema, "type": [schema["type"], "null"]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return {"anyOf": [schema, {"type": "null"}]}


def object_schema(properties):
    """A record: exactly these keys, each always present (null when empty)."""
    return {
        "type": "object",
        "properties": {p.key: p.json for p in properties},
        "required": [p.key for p in properties],
        "additionalProperties": False,
    }


def field(declared, value, *, key=None, description=None, schema=None, **options):
    """A property that publishes a field of the content model (schema.py)."""
    described = declared.json
    if schema is not None:
        described = {**schema, "description": described["description"]}
    if description is not None:
        described = {**described, "description": description}
    return Property(key or declared.key, described, value, **options)


def derived(key, schema, description, value, **options):
    """A property the site computes (a number, a state, a URL)."""
    return Property(key, {**schema, "description": description}, value, **options)


def record_of(properties, item, site):
    return {p.key: p.value(item, site) for p in properties}


@dataclass(frozen=True)
class Dataset:
    name: str  # the file's name and the key of its list: "videoconferenze"
    item: str  # one record, the name of its schema: "videoconferenza"
    title: str
    description: str  # Italian: what the file lists
    item_description: str  # Italian: what one record is
    properties: tuple
    items: Callable  # context -> the items, in the file's order

    def records(self, context, site):
        return [record_of(self.properties, item, site) for item in self.items(context)]


# Values -------------------------------------------------------------------------


def as_json(value):
    """A value of a content object as the data gives it: a title or a summary
    as its text, a date in ISO 8601, a video as its id, a tag as its name."""
    if value is None:
        return None
    if isinstance(value, Markup):  # a title: HTML text
        return value.striptags()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Video):
        return value.id
    if isinstance(value, URLWrapper):  # a tag, category or author
        return str(value)
    if isinstance(value, list | tuple):
        return [as_json(item) for item in value]
    return value


def fields_of(schema, skip=(), **replaced):
    """A property for each field of ``schema``, in its order, its value as the
    content object holds it: declaring a field publishes it. ``skip``: fields
    that say nothing to a reader of the data; ``replaced``: a Property of
    its own for a field (by key)."""
    found = []
    for declared in schema.fields:
        if declared.key in skip:
            continue
        found.append(replaced.get(declared.key) or _published(declared))
    return tuple(found)


def _published(declared):
    def value(item, _site):
        found = getattr(item, declared.key, None)
        if found is None and declared.repeatable:
            return []
        if declared.parse is parsers.formatted:  # a summary: its text
            return Markup(found or "").striptags() or None
        return as_json(found)

    optional = not declared.required and not declared.repeatable
    return field(declared, value, nullable=optional)


# Talks --------------------------------------------------------------------------

CHAPTER = (
    derived(
        "start",
        {"type": "integer", "minimum": 0},
        "Il secondo della registrazione in cui inizia il capitolo.",
        lambda chapter, _site: chapter[0],
    ),
    derived(
        "title",
        {"type": "string"},
        "Il titolo del capitolo.",
        lambda chapter, _site: chapter[1],
    ),
)
SPEAKER_OF_TALK = (
    field(model.HANDLE, lambda speaker, _site: speaker.handle),
    field(model.NAME, lambda speaker, _site: speaker.name),
)

TALK_NUMBER = derived(
    "number",
    {"type": "integer", "minimum": 1},
    "Il numero della videoconferenza: si contano da 1, in ordine di data.",
    lambda talk, _site: talk.number,
)
TALK_URL = derived(
    "url",
    ADDRESS,
    "L'indirizzo della pagina della videoconferenza.",
    lambda talk, site: site.url(talk.url),
)
TALK_PROPERTIES = (
    TALK_NUMBER,
    *fields_of(
        model.TALK,
        skip=("slug", "status"),
        speakers=field(
            model.SPEAKERS,
            lambda talk, site: [
                record_of(SPEAKER_OF_TALK, s, site) for s in talk.speakers
            ],
            description="I relatori: l'handle del forum e il nome di ciascuno.",
            schema={"type": "array", "items": object_schema(SPEAKER_OF_TALK)},
        ),
        transcript=derived(
            "transcript",
            ADDRESS,
            "La trascrizione: la sezione «Trascrizione» della pagina della "
            "videoconferenza (non c'è un file a parte); null se non c'è.",
            lambda talk, site: (
                f"{site.url(talk.url)}#{TRANSCRIPT_ANCHOR}" if talk.transcript else None
            ),
            nullable=True,
        ),
    ),
    derived(
        "chapters",
        {"type": "array", "items": object_schema(CHAPTER)},
        "I capitoli della registrazione, in ordine di tempo.",
        lambda talk, site: [record_of(CHAPTER, c, site) for c in talk.chapters],
    ),
    TALK_URL,
    derived(
        "calendar",
        ADDRESS,
        "L'evento della videoconferenza in un file iCalendar (.ics).",
        lambda talk, site: site.url(talk.event_file) if talk.event_file else None,
        nullable=True,
    ),
    derived(
        "state",
        {"enum": [archive.RECORDED, archive.UPCOMING, archive.UNAVAILABLE]},
        f"Lo stato: {archive.RECORDED} (la registrazione è disponibile), "
        f"{archive.UPCOMING} (in programma), {archive.UNAVAILABLE} (passata, "
        "senza registrazione).",
        lambda talk, _site: talk.state,
    ),
)

# Speakers -----------------------------------------------------------------------

TALK_OF_SPEAKER = (TALK_NUMBER, TALK_URL)
SPEAKER_PROPERTIES = (
    *fields_of(
        model.SPEAKER,
        skip=("slug",),
        avatar=field(
            model.AVATAR,
            lambda speaker, site: site.url(speaker.avatar) if speaker.avatar else None,
            description="L'indirizzo della foto; null se non c'è.",
            nullable=True,
        ),
        community=field(
            model.COMMUNITY,
            lambda speaker, _site: speaker.profile,
            description="Il profilo nella community.",
        ),
    ),
    derived(
        "url",
        ADDRESS,
        "L'indirizzo della pagina del relatore.",
        lambda speaker, site: site.url(speaker.url),
    ),
    derived(
        "talks",
        {"type": "array", "items": object_schema(TALK_OF_SPEAKER)},
        "Le sue videoconferenze, dalla più recente: numero e indirizzo.",
        lambda speaker, site: [
            record_of(TALK_OF_SPEAKER, t, site) for t in speaker.talks
        ],
    ),
)

# Articles -----------------------------------------------------------------------

ARTICLE_PROPERTIES = (
    *fields_of(model.ARTICLE, skip=("author", "slug", "status")),
    derived(
        "url",
        ADDRESS,
        "L'indirizzo della pagina dell'articolo.",
        lambda article, site: site.url(article.url),
    ),
)


def published_articles(context):
    """Listed articles and their translations, never drafts or hidden ones."""
    found = []
    for article in context.get("articles", ()):
        found.append(article)
        found.extend(getattr(article, "translations", ()))
    found = [a for a in found if a.status == "published"]
    return sorted(found, key=lambda a: (a.date, a.url))


# The files ----------------------------------------------------------------------

TALKS = Dataset(
    "videoconferenze",
    "videoconferenza",
    "Videoconferenze",
    "Le videoconferenze del lunedì, dalla prima: data, relatori, video, "
    "capitoli, tag e indirizzi.",
    "Una videoconferenza.",
    TALK_PROPERTIES,
    lambda context: sorted(context.get("talks", ()), key=lambda t: t.number),
)
SPEAKERS = Dataset(
    "relatori",
    "relatore",
    "Relatori",
    "Chi ha tenuto le videoconferenze: nome, handle del forum, collegamenti "
    "e le sue videoconferenze.",
    "Un relatore.",
    SPEAKER_PROPERTIES,
    lambda context: sorted(
        context.get("speakers", ()), key=lambda s: (s.handle.lower(), s.handle)
    ),
)
ARTICLES = Dataset(
    "articoli",
    "articolo",
    "Articoli",
    "Gli articoli del blog, dal primo: titolo, date, autori, categoria, tag "
    "e riassunto.",
    "Un articolo del blog.",
    ARTICLE_PROPERTIES,
    published_articles,
)
DATASETS = (TALKS, SPEAKERS, ARTICLES)

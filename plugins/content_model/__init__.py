"""The content model: one declared schema per content type, parsed while reading.

- parsers.py: typed parsers (date, duration, link, handles, tags, language...);
- schema.py: the fields of talks, speakers, author profiles, articles, pages;
- reading.py: every reader parses and checks fields with the schema;
- reference.py: the writers' guide's field reference, written from the schema.

Settings (defaults below, a misspelt SCHEMA_ setting is reported):
SCHEMA_EXTRA_FIELDS = {"article": ["Subtitle"]} declares plain-text fields a
site adds to a content type.
"""

from eroi import run
from eroi.content_checks.reading import mix_into_readers
from eroi.settings import declare
from pelican import signals

from .reading import TypedReading, missing_fields

DEFAULTS = {"SCHEMA_EXTRA_FIELDS": {}}


def typed_readers(readers):
    """readers_init: every reader class parses its fields with the schema."""
    mix_into_readers(readers, TypedReading)


def require(content):
    """content_object_init: a required field is missing (a Date may come from
    the file name, so this is asked of the content object)."""
    source = getattr(content, "source_path", None)
    if source and type(content).__name__ != "Static":
        run.problems(content.settings).add(source, missing_fields(content))


def register():
    declare(__name__, DEFAULTS, ("SCHEMA_",))
    signals.readers_init.connect(typed_readers)
    signals.content_object_init.connect(require)

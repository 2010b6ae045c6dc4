"""Clear read errors for writers: `path: field: problem (hint)`.

Pelican reports content it cannot read as "Could not process <file>" and drops
the reason. This plugin wraps every reader so that an unparseable metadata
value or a file that is not UTF-8 is logged as an error that names the file,
the field and the fix; the build then fails as it would anyway. Empty fields
count as absent. problems.py holds the helpers other plugins report with;
check.py is `invoke check`.
"""

import functools
import logging

from pelican import signals

from .problems import shown_path

logger = logging.getLogger(__name__)

HINTS = {
    "date": "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2021-01-11 17:00",
    "modified": "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2021-01-11 17:00",
}


class FieldError(ValueError):
    """A metadata value the reader could not process."""


class CheckedReading:
    """Mixin over a Pelican reader class: name the file and field of a read error."""

    def read(self, source_path):
        try:
            content, metadata = super().read(source_path)
        except UnicodeDecodeError:
            logger.error(
                "%s: file: is not UTF-8 text (hint: save it with the UTF-8 encoding)",
                shown_path(source_path),
            )
            raise
        except FieldError as exc:
            logger.error("%s: %s", shown_path(source_path), exc)
            raise
        # An empty field ("Summary: " in a scaffold) is the same as no field.
        return content, {key: value for key, value in metadata.items() if value != ""}

    def process_metadata(self, name, value):
        try:
            return super().process_metadata(name, value)
        except FieldError:
            raise
        except ValueError as exc:
            hint = HINTS.get(name, f"check the value of '{name}'")
            raise FieldError(f"{name}: {exc} (hint: {hint})") from None


@functools.cache
def checked(reader_class):
    return type(reader_class.__name__, (CheckedReading, reader_class), {})


def wrap_readers(readers):
    for extension, reader_class in readers.reader_classes.items():
        if reader_class and not issubclass(reader_class, CheckedReading):
            readers.reader_classes[extension] = checked(reader_class)


def register():
    signals.readers_init.connect(wrap_readers)

"""Readers that stay inside the file they read, and fields that stay the site's.

- reStructuredText runs with docutils' file insertion off (no ``include``, no
  ``raw`` or ``csv-table`` with ``:file:`` or ``:url:``) and without reading
  docutils.conf files. Every docutils message of level WARNING or above
  becomes a problem at its line, naming the directive when one was refused.
- Fields that decide where a page is written or how it is built (``Save_as``,
  ``Url``, ``Template``, Pelican's internal attributes) are refused in every
  format: the site's settings decide them.
"""

import re

from docutils import nodes
from pelican.contents import Content

from eroi.plugins.reading import ReadProblem, mix_into_readers
from eroi.problems import Problem, field_line, shown_path

# Merged over the project's DOCUTILS_SETTINGS at start-up, so no settings file
# can turn them back on.
DOCUTILS_SETTINGS = {
    "file_insertion_enabled": False,
    "raw_enabled": True,  # inline HTML goes through the HTML policy like Markdown's
    "_disable_config": True,  # no docutils.conf from the working folder
    "halt_level": 5,  # every message is read from the document, with its line
    "report_level": 2,  # kept in the document (Pelican sends the stream nowhere)
}
# How docutils words a directive it refused because file insertion is off.
DISABLED = re.compile(
    r'^"(?P<directive>[\w:-]+)" directive disabled'
    r'|^File and URL access deactivated; ignoring "(?P<other>[\w:-]+)"'
)
# Content attributes Pelican sets from fields, that no file may set.
RESERVED = {
    "save_as": "the site decides where pages are written",
    "url": "the site decides the addresses of pages",
    "template": "the site decides which template shows a page",
    "settings": "is the site's configuration",
    "metadata": "is Pelican's own record of the fields",
    "translations": "is Pelican's own list",
    "source_path": "is the file's own path",
    "relative_source_path": "is the file's own path",
    "relative_dir": "is the file's own folder",
    "in_default_lang": "is worked out from Lang",
    "timezone": "every date is in the site's time zone (Europe/Rome)",
    "date_format": "the site formats dates",
    "locale_date": "the site formats dates",
    "locale_modified": "the site formats dates",
}
# Fields that are also attributes of a content class, set from the field on
# purpose (the talks generator reads them); any other attribute of a content
# class (default_template, get_content, url_format ...) is not a field.
FIELD_ATTRIBUTES = {"duration", "speakers", "status", "summary", "transcript"}
RESERVED_HINT = "remove the field; to choose the address write 'Slug:'"


class SealedReading:
    """Mixin over a Pelican reader class: no file insertion, no reserved field."""

    def read(self, source_path):
        content, metadata = super().read(source_path)
        attributes = content_attributes()
        found = [
            reserved(source_path, key)
            for key in metadata
            if key in RESERVED
            or key.startswith(("_", "override_"))
            or (key in attributes and key not in FIELD_ATTRIBUTES)
        ]
        if found:
            raise ReadProblem(found)
        return content, metadata

    def _get_publisher(self, source_path):
        """RstReader only: the docutils messages of the document, as problems."""
        publisher = super()._get_publisher(source_path)
        found = [
            rst_problem(source_path, message)
            for message in publisher.document.findall(nodes.system_message)
            if message["level"] >= 2
        ]
        if found:
            raise ReadProblem(found)
        return publisher


def content_attributes():
    """The attributes and methods of every content class (Pelican's and ours)."""
    names, classes = set(), [Content]
    while classes:
        cls = classes.pop()
        names.update(vars(cls))
        classes.extend(cls.__subclasses__())
    return names


def reserved(path, key):
    why = RESERVED.get(key, "is one of Pelican's internal attributes")
    return Problem(
        shown_path(path),
        field_line(path, key),
        key,
        f"not allowed: {why}",
        RESERVED_HINT,
    )


def rst_problem(path, message):
    text = message.children[0].astext() if message.children else message.astext()
    text = " ".join(text.split())
    line = message.get("line") or 1
    refused = DISABLED.match(text)
    if refused:
        return Problem(
            shown_path(path),
            line,
            refused["directive"] or refused["other"],
            "reads a file or an address while the site is built, which it never does",
            "write the text in this file; inline HTML may use '.. raw:: html' "
            "followed by the HTML itself",
        )
    return Problem(
        shown_path(path),
        line,
        "rst",
        text.rstrip("."),
        "fix the reStructuredText at that line",
    )


def seal_readers(readers):
    """readers_init: every reader class sealed."""
    mix_into_readers(readers, SealedReading)


def seal_settings(pelican):
    """initialized: the docutils settings above win over the project's."""
    settings = pelican.settings
    settings["DOCUTILS_SETTINGS"] = {
        **(settings.get("DOCUTILS_SETTINGS") or {}),
        **DOCUTILS_SETTINGS,
    }

"""What writers read, in Italian: a message catalogue, English for maintainers.

Every message a writer sees (a problem, its hint, a note, a summary) is
written in the code in English, as ``_("unknown speaker {handle}")``, and
translated when it is used, from ``eroi/locale/it.po`` (read once, at first
use, with Babel: no compiled file, no build step). Placeholders are named and
filled after the translation: ``_("... {handle}").format(handle=...)``.

``N_("...")`` marks a message that is kept as it is (a field's hint, declared
once) and translated where it is shown, with ``_(text)``.

``EROI_LANG=en`` shows the English messages; any other value, or none, Italian.
``invoke messages`` refreshes the catalogue from the code (``code_messages``:
new messages to translate, old ones dropped); tests/test_italian.py fails on a
message the catalogue does not translate.
"""

import functools
import os
from pathlib import Path

from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).parent / "locale" / "it.po"
# Where the messages are: this package, and the tasks (beside it).
SOURCES = ("eroi", "tasks.py")


def language():
    """``"en"`` when ``EROI_LANG`` says so, else ``"it"``."""
    return "en" if os.environ.get("EROI_LANG", "").lower().startswith("en") else "it"


@functools.cache
def italian():
    """``{English: Italian}``: every translated, non-fuzzy message of the catalogue."""
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po)
    return {
        message.id: message.string
        for message in catalogue
        if message.id and message.string and not message.fuzzy
    }


def _(message):
    """``message`` in the writer's language (itself in English, or untranslated)."""
    if language() == "en":
        return message
    return italian().get(message, message)


def N_(message):
    """``message`` as it is, marked for the catalogue: translated where shown."""
    return message


def code_messages(project):
    """A Babel Catalog of every ``_()`` and ``N_()`` message in the code of
    ``project`` (the folder holding ``eroi/`` and ``tasks.py``)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir, extract_from_file

    found = Catalog(locale="it", domain="eroi")
    project = Path(project)
    for source in SOURCES:
        path = project / source
        if path.is_dir():
            extracted = (
                (str(Path(source, name)), line, message)
                for name, line, message, _comments, _context in extract_from_dir(
                    path, method_map=[("**.py", "python")]
                )
            )
        else:
            extracted = (
                (source, line, message)
                for line, message, _comments, _context in extract_from_file(
                    "python", path
                )
            )
        for name, line, message in extracted:
            found.add(message, locations=[(name, line)])
    return found

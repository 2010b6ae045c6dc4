"""Open data: the archive as JSON files, each with its JSON Schema, under /dati/.

- datasets.py: what each file holds, one declared property at a time (fields
  of the content model take their schema and Italian description from it);
- schemas.py: each file's JSON Schema (draft 2020-12) and the file's frame;
- generator.py: writes ``videoconferenze.json``, ``relatori.json``,
  ``articoli.json`` and their ``*.schema.json`` into OPEN_DATA_FOLDER, and
  the page that explains them (theme/templates/dati.html) at OPEN_DATA_URL.

The data holds only what the site publishes (no draft, no hidden article),
in a stable order with sorted keys, so an unchanged archive gives the same
bytes. OPEN_DATA_LICENSE (``{"name": ..., "url": ...}``) is the data's
licence; None (the default) writes ``"licenza": null``: no licence is
invented for content whose authors have not stated one.
"""

from pelican import signals

from eroi.plugins.opendata.generator import opendata_generator
from eroi.settings import declare

DEFAULTS = {
    "OPEN_DATA_FOLDER": "dati",  # None: no data files and no page
    "OPEN_DATA_URL": "dati/",
    "OPEN_DATA_SAVE_AS": "dati/index.html",
    "OPEN_DATA_LICENSE": None,
}


def register():
    declare(__name__, DEFAULTS, ("OPEN_DATA_",))
    signals.get_generators.connect(opendata_generator)

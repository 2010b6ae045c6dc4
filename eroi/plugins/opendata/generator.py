"""OpenDataGenerator: writes the open data files, their schemas and /dati/.

It reads no file of its own: by phase two the articles and talks generators
have filled the context (``articles``, ``talks``, ``speakers``), drafts kept
aside, so the data holds exactly what the site publishes.
"""

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from eroi.plugins.opendata.datasets import DATASETS, Site
from eroi.plugins.opendata.schemas import data_file, file_schema

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PublishedFile:
    """One data file as /dati/ lists it (paths relative to the site's root)."""

    dataset: object  # datasets.Dataset
    path: str
    schema_path: str
    count: int


def to_json(value):
    """Stable bytes: sorted keys, UTF-8 as it is, one value per line."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def write_text(output, save_as, text):
    target = Path(output, save_as)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def licence_of(settings):
    """OPEN_DATA_LICENSE as the files state it: {"nome", "url"}, or None."""
    licence = settings["OPEN_DATA_LICENSE"]
    if not licence:
        return None
    if not (isinstance(licence, dict) and licence.get("name") and licence.get("url")):
        logger.warning(
            "opendata: OPEN_DATA_LICENSE must be None or "
            '{"name": ..., "url": ...}; the files state no licence'
        )
        return None
    return {"nome": str(licence["name"]), "url": str(licence["url"])}


class OpenDataGenerator(Generator):
    def generate_context(self):
        """Nothing to read: the other generators fill the context."""

    def generate_output(self, writer):
        settings = self.settings
        folder = (settings["OPEN_DATA_FOLDER"] or "").strip("/")
        if not folder:
            return
        site = Site(settings)
        licence = licence_of(settings)
        sitename = Markup(settings["SITENAME"]).striptags()
        published = []
        for dataset in DATASETS:
            path = f"{folder}/{dataset.name}.json"
            schema_path = f"{folder}/{dataset.name}.schema.json"
            schema_url = site.url(schema_path)
            records = dataset.records(self.context, site)
            write_text(
                self.output_path,
                schema_path,
                to_json(file_schema(dataset, schema_url, sitename)),
            )
            write_text(
                self.output_path,
                path,
                to_json(data_file(dataset, records, schema_url, licence)),
            )
            published.append(PublishedFile(dataset, path, schema_path, len(records)))
        logger.info(
            "opendata: %s",
            ", ".join(f"{f.path} ({f.count})" for f in published),
        )
        if settings["OPEN_DATA_SAVE_AS"]:
            writer.write_file(
                settings["OPEN_DATA_SAVE_AS"],
                self.get_template("dati"),
                self.context,
                relative_urls=settings["RELATIVE_URLS"],
                url=settings["OPEN_DATA_URL"],
                open_data_files=published,
                open_data_license=licence,
            )


def opendata_generator(_pelican):
    return OpenDataGenerator

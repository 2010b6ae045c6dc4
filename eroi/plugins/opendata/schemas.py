"""The JSON Schema (draft 2020-12) of each open data file, and the file itself.

A file is an object: ``schema`` (the address of its schema), ``licenza`` (the
data's licence, or null when the site states none) and the list of records
under the file's name. The records' schema is made from the properties
declared in datasets.py, so it describes exactly what the records hold.
"""

from eroi.plugins.opendata.datasets import ADDRESS, object_schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_KEY = "schema"
LICENCE_KEY = "licenza"

LICENCE = {
    "description": "La licenza dei dati: il suo nome e l'indirizzo del suo testo; "
    "null se il sito non indica una licenza.",
    "anyOf": [
        {"type": "null"},
        {
            "type": "object",
            "properties": {
                "nome": {"type": "string", "description": "Il nome della licenza."},
                "url": {
                    "type": "string",
                    "format": "uri",
                    "description": "L'indirizzo del testo della licenza.",
                },
            },
            "required": ["nome", "url"],
            "additionalProperties": False,
        },
    ],
}


def file_schema(dataset, schema_url, sitename):
    """The schema of ``dataset``'s file, published at ``schema_url`` (its $id)."""
    return {
        "$schema": DIALECT,
        "$id": schema_url,
        "title": f"{sitename}: {dataset.title.lower()}",
        "description": dataset.description,
        "type": "object",
        "properties": {
            SCHEMA_KEY: {
                **ADDRESS,
                "description": "L'indirizzo di questo schema, che descrive il file.",
            },
            LICENCE_KEY: LICENCE,
            dataset.name: {
                "type": "array",
                "description": dataset.description,
                "items": {"$ref": f"#/$defs/{dataset.item}"},
            },
        },
        "required": [SCHEMA_KEY, LICENCE_KEY, dataset.name],
        "additionalProperties": False,
        "$defs": {
            dataset.item: {
                "description": dataset.item_description,
                **object_schema(dataset.properties),
            }
        },
    }


def data_file(dataset, records, schema_url, licence):
    return {SCHEMA_KEY: schema_url, LICENCE_KEY: licence, dataset.name: records}

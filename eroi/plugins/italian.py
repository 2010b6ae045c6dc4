"""Italian dates, counts, durations and moments as template filters."""

from pelican import signals

from eroi.model.italian import data, durata, iso, momento, ora, quante

FILTERS = {
    "data": data,
    "ora": ora,
    "iso": iso,
    "quante": quante,
    "durata": durata,
    "momento": momento,
}


def add_filters(generator):
    generator.env.filters.update(FILTERS)


def register():
    signals.generator_init.connect(add_filters)

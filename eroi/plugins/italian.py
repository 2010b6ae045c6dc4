"""Italian dates, counts, durations, moments and languages as template filters."""

from pelican import signals

from eroi.model.italian import data, durata, iso, lingua, momento, ora, quante

FILTERS = {
    "data": data,
    "ora": ora,
    "iso": iso,
    "quante": quante,
    "durata": durata,
    "momento": momento,
    "lingua": lingua,
}


def add_filters(generator):
    generator.env.filters.update(FILTERS)


def register():
    signals.generator_init.connect(add_filters)

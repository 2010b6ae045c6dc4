"""The archive as the build reads it, for the tools that run without a build.

The scaffolds, the playlist import and `invoke check` need the speakers, the
videos and the slugs already in the archive. They get them from the talk
generator's first phase, through Pelican's readers and slug settings (so an
RST talk, a long title or two namesake speakers give the same answers as in
the build); nothing is written.
"""

import logging
from types import SimpleNamespace

from pelican import Pelican
from pelican.log import FatalLogger

from eroi import run
from eroi.plugins.reading import phase_one_context
from eroi.plugins.talks.generator import TalksGenerator


def read_archive(settings):
    """A TalksGenerator after phase one over ``settings["PATH"]``."""
    FatalLogger.fatal_lvl = logging.CRITICAL + 1  # a tool reports, never raises
    Pelican(settings)  # connects the plugins: readers, slugs, checks
    run.start(settings)
    generator = TalksGenerator(
        context=phase_one_context(settings),
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )
    generator.generate_context()
    return generator


def archive_sources(settings):
    """Speakers, videos (``{id: file}``) and talk slugs already in the archive."""
    generator = read_archive(settings)
    return SimpleNamespace(
        registry=generator.registry,
        videos=dict(generator.videos),
        slugs=set(generator.slugs),
    )

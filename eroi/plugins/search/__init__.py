"""Site search: a Pagefind index of the built site, written with the site.

At the end of every build (``finalized``), Pagefind indexes the output folder
in-process and writes its bundle to ``<output>/pagefind/``. The build runner
(sitebuild) builds into a staging folder, so an index that fails fails the
build and publishes nothing; the plain ``pelican content`` command exits 1.

Only the elements marked ``data-pagefind-body`` in the theme are indexed
(articles, talks, speakers, pages); their filters (tipo, relatore, anno, tag),
metadata and sort key come from ``data-pagefind-*`` attributes there. The
reader's side is /cerca/ (theme/templates/search.html, js/search.js); the
options of its filters are written into it with the site (filters.py).

Settings: SEARCH_INDEX (default True), SEARCH_LANGUAGE (default DEFAULT_LANG:
one index, with its stemming, for every page, so an English talk is found
from the Italian search page too).
"""

import logging

from pelican import signals

from eroi.plugins.search.filters import add_search_filters
from eroi.plugins.search.index import SearchIndexError, write_index
from eroi.settings import Derived, declare

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_INDEX": True,
    "SEARCH_LANGUAGE": Derived(lambda s: s["DEFAULT_LANG"]),
    # The search page and its policy, set by the site (pelicanconf.py).
    "SEARCH_URL": "cerca/",
    "SEARCH_SAVE_AS": "cerca/index.html",
    "SEARCH_CONTENT_SECURITY_POLICY": None,
    # What was said (the transcripts' passages, theme/templates/partials/
    # transcript.html, which keeps them out of the main index): indexed on
    # its own into SEARCH_SPOKEN_BUNDLE, which /cerca/ asks only when needed.
    "SEARCH_SPOKEN_SELECTOR": ".transcript-text",
    "SEARCH_SPOKEN_BUNDLE": "pagefind-trascrizioni",
}

__all__ = ["SearchIndexError", "write_index"]


def index_site(pelican):
    settings = pelican.settings
    if not settings["SEARCH_INDEX"]:
        return
    language = settings["SEARCH_LANGUAGE"]
    pages = write_index(
        pelican.output_path,
        language,
        spoken=settings["SEARCH_SPOKEN_SELECTOR"],
        spoken_bundle=settings["SEARCH_SPOKEN_BUNDLE"],
    )
    logger.info("Search index: %d pages in %s/pagefind", pages, pelican.output_path)


def register():
    declare(__name__, DEFAULTS, ("SEARCH_",))
    signals.all_generators_finalized.connect(add_search_filters)
    signals.finalized.connect(index_site)

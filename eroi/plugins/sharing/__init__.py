"""Sharing and being found: canonical URL, Open Graph, JSON-LD, cards, sitemap.

- pages.py: what each page says about itself (``share_page`` in templates,
  used by theme/templates/partials/share_meta.html; it changes nothing). The
  share cards are prepared from the content once every file is read, and the
  sitemap lists the pages Pelican wrote (its ``content_written`` signal).
- structured.py: the JSON-LD nodes, escaped for a <script> element.
- cards.py: 1200×630 share cards drawn with Pillow, cached by a hash of what
  they show (SHARE_CARDS_CACHE) and copied into every build.
- sitemap.py: sitemap.xml and robots.txt (SITEMAP_SAVE_AS, ROBOTS_SAVE_AS:
  set by publishconf.py, so only the production build writes them).

Absolute URLs come from FEED_DOMAIN, else SITEURL, whatever RELATIVE_URLS says.
SHARE_PAGES = False leaves all of it out (benchmarks/sharing_cost.py compares).
"""

import logging
import os

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from eroi import run
from eroi.plugins.sharing.cards import CardStore
from eroi.plugins.sharing.pages import PELICAN_KINDS, Describer
from eroi.plugins.sharing.sitemap import robots_txt, sitemap_xml, write_text
from eroi.settings import Derived, declare

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SHARE_PAGES": True,
    "SHARE_CARD_URL": "condivisione/{key}.png",
    # og:locale of a page, from its language.
    "SHARE_LOCALES": {"it": "it_IT", "en": "en_GB"},
    # Pages of the theme that search engines skip: a page not found, the
    # search, the reader's own list (empty for a crawler).
    "SHARE_NOINDEX": ("404", "search", "mylist"),
    "SITEMAP_SAVE_AS": None,
    "ROBOTS_SAVE_AS": None,
    "SHARE_CARDS_CACHE": Derived(
        lambda s: os.path.join(s["CACHE_PATH"], "condivisione")
    ),
}


DESCRIBER = "share_describer"  # in the shared context: the run's Describer


def describer_of(settings):
    """The run's Describer (one per run, shared by the generators)."""
    state = run.current(settings).state
    if __name__ not in state:
        cards = CardStore(settings["SHARE_CARDS_CACHE"])
        state[__name__] = Describer(settings, cards)
    return state[__name__]


def add_template_function(generator):
    settings = generator.settings
    if not settings["SHARE_PAGES"]:  # e.g. benchmarks, to compare
        generator.env.globals["share_page"] = lambda *args: None
        return
    describer = describer_of(settings)

    def share_page(template_context, description):
        """``description``: the page's rendered (escaped) description block."""
        return describer.describe(template_context, Markup(description).striptags())

    generator.env.globals["share_page"] = pass_context(share_page)


def prepare(generators):
    """all_generators_finalized: every share card, before any page is written."""
    settings = generators[0].settings
    if not settings["SHARE_PAGES"]:
        return
    describer = describer_of(settings)
    kinds = [kind for _name, kind in PELICAN_KINDS]
    kinds += [kind for g in generators for kind in getattr(g, "shared_kinds", ())]
    describer.prepare(generators, kinds)
    generators[0].context[DESCRIBER] = describer


def note_page(path, context):
    """content_written: the sitemap entry of the page just written."""
    describer = context.get(DESCRIBER)
    entry = describer and describer.sitemap_entry(context)
    if entry:
        url, lastmod = entry
        describer.lastmods[url] = lastmod


def write_files(pelican):
    describer = run.current(pelican.settings).state.get(__name__)
    if describer is None:
        return
    settings, output = pelican.settings, pelican.output_path
    folder = os.path.dirname(settings["SHARE_CARD_URL"].format(key="x"))
    describer.cards.write(os.path.join(output, folder))
    if settings["SITEMAP_SAVE_AS"]:
        write_text(output, settings["SITEMAP_SAVE_AS"], sitemap_xml(describer.lastmods))
        logger.info("sharing: sitemap with %d pages", len(describer.lastmods))
        if settings["ROBOTS_SAVE_AS"]:
            sitemap = describer.absolute(settings["SITEMAP_SAVE_AS"])
            write_text(output, settings["ROBOTS_SAVE_AS"], robots_txt(sitemap))


def register():
    declare(__name__, DEFAULTS, ("SHARE_",))
    signals.generator_init.connect(add_template_function)
    signals.all_generators_finalized.connect(prepare)
    signals.content_written.connect(note_page)
    signals.finalized.connect(write_files)

"""Pages rendered on every core.

Pelican renders and writes one page after another, in one process: at 1 000
items that is about half of a build. With this plugin the build's writer
(``writer.DeferredWriter``, offered through ``get_writer``) keeps Pelican's
order and bookkeeping (which file is written, which one overrides which) but
only records each page's template and context, and claims its file
without opening it; once every generator has written (``finalized``),
``workers.render`` renders the recorded pages on every core, in forked
copies of the build (which share its memory until they write) while the
build's process waits. Each file is written whole under another name and
renamed over the published one. A page is rendered with the objects it
would have been rendered with, so the output is byte for byte the one of a
build in one process; the tests build both and compare. One difference is
left: an ``{attach}`` link moves its file while the page renders, after
Pelican has copied the static files; the content boundary refuses
``{attach}`` (plugins/boundary/html.py).

What a page's template adds to the run while it renders (share cards to
draw, the sitemap's dates, notes) comes back from the workers and is merged
in the pages' order: an object kept in the run's state that changes while
pages render says how (``render_mark``, ``render_delta``, ``render_merge``).
Anything that needs every page written (the search index, the cards) calls
``finish(pelican)`` first; it renders what is still pending, once.

Forking is safe only with one thread: a build beside other threads renders
in its own process, as it does below RENDER_PARALLEL_FROM pages, with
RENDER_PROCESSES = 1, or where fork does not exist. The writer's loop and a
test's server are such threads, and so is the spinner of the plain `pelican
content` command (rich's refresh thread): `invoke build` and `invoke
publish` use every core, `pelican content` one. A worker's error stops the
build as it would in one process, with the worker's traceback as a note.

A recorded page keeps only what its context adds to the generator's (pages
recorded while that context does not change share one copy of it), and
from RENDER_BATCH recorded pages (2 000) the writer writes them before
recording more: memory stays flat on a large site, and the pages still come
out in Pelican's order.

Settings: RENDER_PROCESSES (None: every core this process may use),
RENDER_PARALLEL_FROM (64 pages), RENDER_BATCH (2 000).
"""

import logging

from eroi.settings import declare
from pelican import signals

from .writer import DeferredWriter

logger = logging.getLogger(__name__)

DEFAULTS = {
    "RENDER_PROCESSES": None,
    "RENDER_PARALLEL_FROM": 64,
    "RENDER_BATCH": 2000,
}


def deferred_writer(pelican):
    """get_writer: the deferred writer, unless pages render one by one anyway."""
    if pelican.settings["RENDER_PROCESSES"] == 1:
        return None
    if signals.content_written.receivers:
        # A plugin reads each file as it is written: give it Pelican's order.
        return None
    return DeferredWriter


def finish(pelican):
    """Render every page still pending; the output is complete after it."""
    writer = DeferredWriter.current(pelican.settings)
    if writer is not None:
        writer.finish()


def register():
    declare(__name__, DEFAULTS, ("RENDER_",))
    signals.get_writer.connect(deferred_writer)
    signals.finalized.connect(finish)

"""Pages rendered on every core.

Pelican renders and writes one page after another, in one process: at 1 000
items that is about half of a build. With this plugin the build's writer
(``writer.DeferredWriter``, offered through ``get_writer``) keeps Pelican's
order and bookkeeping (which file is written, which one overrides which) but
only records each page's template and context; once every generator has
written (``finalized``), ``workers.render`` renders the recorded pages on
every core: the build's process takes one share and forked copies of it
(which share its memory until they write) take the others. A page is
rendered with exactly the objects it would have been rendered with, so the
output is byte for byte the one of a build in one process; the tests build
both and compare.

What a page's template adds to the run while it renders (share cards to
draw, the sitemap's dates, notes) comes back from the workers and is merged
in the pages' order: an object kept in the run's state that changes while
pages render says how (``render_mark``, ``render_delta``, ``render_merge``).
Anything that needs every page written (the search index, the cards) calls
``finish(pelican)`` first; it renders what is still pending, once.

Forking is safe only with one thread: a build beside other threads (the
writer's loop, a test's server) renders in its own process, as it does
below RENDER_PARALLEL_FROM pages, with RENDER_PROCESSES = 1, or where fork
does not exist.

Each recorded page holds a copy of its context, so from RENDER_BATCH
recorded pages (2 000) the writer writes them before recording more: memory
stays flat on a large site, and the pages still come out in Pelican's order.

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

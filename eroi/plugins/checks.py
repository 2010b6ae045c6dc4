"""The run's problems: started with every run, stopping it before a page is written.

Every run starts with a fresh Run (eroi.run) holding its Problems. Once
every generator has read its content, the checks across files run
(``content_read``) and the build stops with ContentError (exit status 1) if
there is any problem, before anything is written. The build runner
(eroi.tools.runner) prints the problems itself; without it (the plain
`pelican content` command) they are printed here, and Pelican's own log of
the exception, with its traceback, is dropped. A run that only reads
(``run.READ_ONLY``: `invoke check`, the writers' tools) stops there too.
"""

import logging

from blinker import signal
from pelican import signals

from eroi import run
from eroi.problems import ContentError, report

logger = logging.getLogger(__name__)

# Sent with the Pelican object once its new Run is in its settings, at the
# start of every run: checks of the whole content folder report from there.
run_started = signal("eroi.run_started")
# Sent with the generators once every one has read its content, before the
# problems are printed: checks across files (e.g. two pages on one path).
content_read = signal("eroi.content_read")


def start_run(pelican):
    """get_generators fires once per run, also in `pelican -r`: a new Run."""
    run.start(pelican.settings)
    run_started.send(pelican)


def stop_on_problems(generators):
    """all_generators_finalized: stop before writing if there is any problem."""
    content_read.send(generators)
    settings = generators[0].settings
    found = run.problems(settings)
    if not settings.get(run.REPORTED):  # no runner of ours prints them
        report(found.problems, found.notes)
    if settings.get(run.READ_ONLY):  # `invoke check`, the writers' tools
        raise run.ContentRead(generators)
    if found.problems:
        raise ContentError(found.problems)


class DropReported(logging.Filter):
    """Pelican logs the ContentError it caught; its problems are already printed."""

    def filter(self, record):
        carried = [*(record.args or ()), record.exc_info and record.exc_info[1]]
        return not any(isinstance(item, ContentError) for item in carried)


def quiet_pelican(_pelican):
    pelican_logger = logging.getLogger("pelican")
    if not any(isinstance(f, DropReported) for f in pelican_logger.filters):
        pelican_logger.addFilter(DropReported())


def register():
    signals.initialized.connect(quiet_pelican)
    signals.get_generators.connect(start_run)
    signals.all_generators_finalized.connect(stop_on_problems)

"""One error model for every way in: `path:line: field: message (hint: ...)`.

- problems.py: the Problem value, a run's Problems, and ``report()``.
- reading.py: every file read in its own guard (bad values, encodings, empty
  files, missing title or date) and skipped, so all files are read.
- links.py: links and paths must be http(s) or the site's own and stay
  inside content/ (the boundary plugin applies them to bodies, files, paths).
- check.py: `invoke check`; fetch_media.py: `invoke fetch-media`.

Every run starts with a fresh Run (eroi.run) holding its Problems. Once
every generator has read its content, the build stops with ContentError
(exit status 1) if there is any problem, before anything is written. The
build runner (eroi.tools.runner) prints the problems itself; without it (the plain
`pelican content` command, `pelican -r`) they are printed here, and Pelican's
own log of the exception, with its traceback, is dropped.
"""

import logging
import sys

from blinker import signal
from pelican import signals

from eroi import run
from eroi.plugins.reading import guard_readers
from eroi.problems import ContentError, report

logger = logging.getLogger(__name__)

# Sent with the Pelican object once its new Run is in its settings, at the
# start of every run: checks of the whole content folder report from there.
run_started = signal("content_checks.run_started")
# Sent with the generators once every one has read its content, before the
# problems are printed: checks across files (e.g. two pages on one path).
content_read = signal("content_checks.content_read")


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
    if found.problems:
        if _in_pelican_autoreload():
            # Pelican's `-r` loop runs again at once after a failed run; wait
            # for the writer's next save instead of failing in a tight loop.
            from pelican.utils import wait_for_changes

            wait_for_changes("", settings)
        raise ContentError(found.problems)


def _in_pelican_autoreload():
    import pelican

    frame = sys._getframe()
    while frame is not None:
        if frame.f_code is pelican.autoreload.__code__:
            return True
        frame = frame.f_back
    return False


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
    signals.readers_init.connect(guard_readers)
    signals.all_generators_finalized.connect(stop_on_problems)

""" "Now" for a build: which talks are upcoming, how recent a page may claim to be."""

import os
from datetime import UTC, datetime

from eroi import run

NOW = "eroi.clock.now"  # run state: the one "now" of this run


def build_time(settings):
    """TALKS_NOW (a datetime, for tests) wins; then SOURCE_DATE_EPOCH, so that
    a reproducible build stays reproducible; then the clock, read once per
    run: every plugin of a build sees the same moment (a talk is upcoming on
    its page exactly when the sitemap thinks so)."""
    if settings.get("TALKS_NOW"):
        return settings["TALKS_NOW"]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return run.current(settings).state.setdefault(NOW, datetime.now(UTC))

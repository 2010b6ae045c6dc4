""" "Now" for a build: which talks are upcoming, how recent a page may claim to be."""

import os
from datetime import UTC, datetime


def build_time(settings):
    """TALKS_NOW (a datetime, for tests) wins; then SOURCE_DATE_EPOCH, so that
    a reproducible build stays reproducible; then the clock."""
    if settings.get("TALKS_NOW"):
        return settings["TALKS_NOW"]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)

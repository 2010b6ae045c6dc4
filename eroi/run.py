"""One build run's state, and the memory a build runner keeps between runs.

Pelican hands one settings dict to its generators, their readers and every
content object, so a run's state travels in it, under keys that no settings
file can set (they are not identifiers):

- ``Run`` (key ``eroi.run``): made afresh when a run starts (get_generators);
  it holds this run's ``Problems`` and the objects a plugin keeps for the
  length of one run (``state``).
- ``Memory`` (key ``eroi.memory``): caches that may outlive a run, such as
  parsed caption files. The build runner (eroi.tools.runner) owns one and
  passes it to every rebuild of `invoke livereload`; a run without a runner
  (the plain `pelican content` command) gets a memory of its own.
- ``eroi.reported`` (True when a runner prints the problems itself): without
  it, eroi.plugins.checks prints them before stopping the run.

``now(settings)`` is the run's one "now": which talks are upcoming, how
recent a page may say it is.
"""

import os
import threading
from datetime import UTC, datetime

from eroi.problems import Problems

RUN = "eroi.run"
MEMORY = "eroi.memory"
REPORTED = "eroi.reported"
# True in a run that only reads (``invoke check``, the writers' tools): once
# every generator has read its content, it stops with ContentRead.
READ_ONLY = "eroi.read_only"


class ContentRead(Exception):
    """The end of a run that only reads: its generators, as Pelican made them."""

    def __init__(self, generators):
        super().__init__("content read")
        self.generators = generators


class Memory:
    """Named caches, each a dict of at most ``limit`` entries (oldest dropped)."""

    def __init__(self):
        self._caches = {}
        # The writer's loop reads files while a full build runs in a thread.
        self._lock = threading.Lock()

    def cache(self, name):
        """The cache called ``name`` (an empty dict the first time)."""
        with self._lock:
            return self._caches.setdefault(name, {})

    def remember(self, name, key, make, limit=2000):
        """``make()``, computed once per ``key`` while the cache holds it."""
        cache = self.cache(name)
        with self._lock:
            if key in cache:
                return cache[key]
        value = make()  # outside the lock: two threads may both compute it
        with self._lock:
            while len(cache) >= limit:
                del cache[next(iter(cache))]
            cache[key] = value
        return value


class Run:
    """This run's problems, and the objects plugins keep until it ends."""

    def __init__(self, memory):
        self.problems = Problems()
        self.memory = memory
        self.state = {}


def start(settings):
    """A fresh Run in ``settings``; the runner's memory is kept, if it gave one."""
    run = Run(settings.setdefault(MEMORY, Memory()))
    settings[RUN] = run
    return run


def current(settings):
    """The run ``settings`` belong to (a fresh one for a tool with no run yet)."""
    return settings.get(RUN) or start(settings)


def problems(settings):
    """This run's Problems."""
    return current(settings).problems


def now(settings):
    """TALKS_NOW (a datetime, for tests) wins; then SOURCE_DATE_EPOCH, so that
    a reproducible build stays reproducible; then the clock, read once per
    run: every plugin of a build sees the same moment."""
    if settings.get("TALKS_NOW"):
        return settings["TALKS_NOW"]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return current(settings).state.setdefault("eroi.now", datetime.now(UTC))

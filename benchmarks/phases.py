"""Where a development build's time goes, phase by phase.

On a SYNTHETIC archive of N items (tests/synthetic.py; default 1 000), one
development build draws the share cards; then each of REPEAT builds (default
3) is timed in-process: when the reading ends (``all_generators_finalized``),
when the pages are written (``finalized``), how long Pagefind takes (both
bundles), and the whole build.

Not a test: it asserts nothing.

    .venv/bin/python -m benchmarks.phases [N]
"""

import contextlib
import functools
import io
import os
import sys
import tempfile
import time
from pathlib import Path

from pelican import signals

from benchmarks.speed import synthetic_archive
from eroi.plugins.search import index
from eroi.tools import runner

REPEAT = int(os.environ.get("REPEAT", "3"))


class Phases:
    def __init__(self):
        self.start = 0.0
        self.times = {}

    def at(self, name, *_args):
        self.times.setdefault(name, time.perf_counter() - self.start)

    def timing(self, name, call):
        @functools.wraps(call)
        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                spent = time.perf_counter() - began
                self.times[name] = self.times.get(name, 0.0) + spent

        return timed


def main(size):
    phases = Phases()
    reading = functools.partial(phases.at, "reading ends at")
    output = functools.partial(phases.at, "pages written at")
    signals.all_generators_finalized.connect(reading)
    signals.finalized.connect(output)
    index._run = phases.timing("Pagefind", index._run)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        synthetic_archive(tmp / "content", size)
        options = dict(
            PATH=str(tmp / "content"),
            OUTPUT_PATH=str(tmp / "output"),
            SHARE_CARDS_CACHE=str(tmp / "cards"),
            CACHE_PATH=str(tmp / "cache"),
            fatal="errors",
        )
        with contextlib.redirect_stdout(io.StringIO()):  # the cards' progress
            runner.build(runner.DEV_SETTINGS, **options)
        names = (
            "reading ends at",
            "pages written at",
            "Pagefind",
            "whole build",
        )
        print(f"SYNTHETIC, {size} items; development builds, seconds")
        print(" | ".join(f"{name:>20}" for name in names))
        for _ in range(REPEAT):
            phases.times = {}
            phases.start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                runner.build(runner.DEV_SETTINGS, **options)
            phases.times["whole build"] = time.perf_counter() - phases.start
            print(" | ".join(f"{phases.times.get(n, 0):>20.2f}" for n in names))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)

"""The playlist import's speed: N videos against N speakers, offline.

For each size N it writes a SYNTHETIC project (tests/exports.py): N speaker
files and the `yt-dlp -J` export of N videos whose descriptions name them
(full names, @handles, first names alone, hashtags, Markdown, links), then
times in this process, as `invoke import-playlist FILE` runs them:

1. reading the archive (``archive_sources``: Pelican's first phase, which
   reads every speaker file);
2. the import (N talk files written), and how many talks credit exactly the
   speakers their description names (by full name or @handle, among first
   names alone, a decorator and an e-mail address);
3. the same import again (every video already in the archive: nothing
   written).

Not a test: it asserts nothing.

    .venv/bin/python -m benchmarks.import_speed             # 1 000
    .venv/bin/python -m benchmarks.import_speed 250 1000 2000
"""

import json
import logging
import sys
import tempfile
import time
from pathlib import Path

from eroi.tools import importer, runner
from eroi.tools.check import archive_sources
from tests.exports import speakers_and_export

ROOT = Path(__file__).resolve().parent.parent


def measure(count):
    with tempfile.TemporaryDirectory(prefix="import-speed-") as folder:
        content = Path(folder, "content")
        export = Path(folder, "playlist.json")
        playlist, named = speakers_and_export(content, count)
        export.write_text(json.dumps(playlist), encoding="utf-8")
        settings = runner.load_settings(ROOT / runner.DEV_SETTINGS, PATH=str(content))
        read, sources = timed(archive_sources, settings)
        first, report = timed(
            importer.import_playlist, [export], content, sources, settings
        )
        sources = archive_sources(settings)
        again, rerun = timed(
            importer.import_playlist, [export], content, sources, settings
        )
        exact = sum(credits(path) == named[video(path)] for path in report.created)
        return (
            f"| {count} | {read:.2f} | {first:.2f} | {again:.2f} | "
            f"{len(report.created)} | {exact} | {len(report.drafts)} | "
            f"{len(rerun.created)} |"
        )


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def credits(path):
    """The handles in a talk file's Speakers field."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("Speakers: "):
            return line.removeprefix("Speakers: ").split(", ")
    return []


def video(path):
    return path.read_text(encoding="utf-8").split("watch?v=")[1][:11]


def main(sizes):
    logging.disable(logging.WARNING)  # Pelican's own log lines; nothing else
    print(
        "| videos and speakers | read archive s | import s | again s | created | "
        "credited as named | drafts | created again |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count in sizes:
        print(measure(count), flush=True)


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000])

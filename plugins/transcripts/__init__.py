"""Transcripts: what was said in a talk, to read, search and jump into.

A talk's caption file (files.py: beside it, or named by ``Transcript:``) is
read and checked (captions.py, webvtt-py), collapsed into what was said and
grouped into timed passages (passages.py). The talk generator calls
``transcript_of`` in its first phase, so the build, `invoke check`,
livereload and `pelican content` report the same problems. The talk page
shows the passages in a closed "Trascrizione" section whose timestamps seek
the player; each passage is a search sub-result (an ``h3`` with an id) and
the whole text is the VideoObject's ``transcript``.

Settings: TRANSCRIPT_PASSAGE_SECONDS, (shortest, longest), default (30, 60).
"""

import logging
import os
from dataclasses import dataclass

from eroi import run
from eroi.content_checks.problems import problem, shown_path
from eroi.settings import declare

from .captions import FIELD, SUFFIXES, read_captions
from .files import FILE_HINT, CaptionFiles, language_of, named_file
from .passages import Passage, paragraphs, spoken_lines

logger = logging.getLogger(__name__)

__all__ = [
    "SUFFIXES",
    "CaptionFiles",
    "Passage",
    "Transcript",
    "orphans",
    "transcript_of",
]

DEFAULTS = {"TRANSCRIPT_PASSAGE_SECONDS": (30, 60)}


@dataclass(frozen=True)
class Transcript:
    passages: tuple  # Passage
    lang: str
    automatic: bool
    source: str  # the caption file, as a writer knows it

    @property
    def text(self):
        return " ".join(passage.text for passage in self.passages)

    def excerpt(self, limit):
        """The text, or its first ``limit`` characters cut at a word, with "…"."""
        text = self.text
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0] + " …"


def transcript_of(talk, source, content_path, files, duration, chapters):
    """``(Transcript or None, problems)``: the talk's caption file, read.

    ``duration`` and ``chapters`` are the talk's, parsed; ``talk`` is only read.
    """
    named = str(talk.metadata.get("transcript", "") or "").strip()
    if named:
        path, wrong = named_file(named, source, content_path)
        files.beside(source, talk.lang)  # its other files are not orphans
        if wrong:
            return None, [problem(source, FIELD, *wrong)]
        files.claim(path)
    else:
        path = files.beside(source, talk.lang)
        if path is None:
            return None, []
    chapters = tuple(seconds for seconds, _title, _written in chapters)
    passage_seconds = tuple(talk.settings["TRANSCRIPT_PASSAGE_SECONDS"])
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size, duration, chapters)
    key += (passage_seconds, talk.lang, os.getcwd())  # paths shown from the cwd
    # Kept by the runner's memory, by file version and talk fields: a
    # livereload rebuild parses only the caption files that changed.
    transcript, found = run.current(talk.settings).memory.remember(
        "transcripts",
        key,
        lambda: _transcript(path, duration, chapters, passage_seconds, talk.lang),
    )
    return transcript, list(found)


def _transcript(path, duration, chapters, passage_seconds, lang):
    """``(Transcript or None, problems)`` of the caption file at ``path``."""
    captions, found = read_captions(path, duration)
    if found:
        return None, tuple(found)
    lines = spoken_lines(captions.cues)
    passages = paragraphs(lines, chapters, *passage_seconds)
    if not passages:
        return None, (
            problem(
                str(path),
                FIELD,
                "the cues hold no text",
                "download the captions again",
                line=1,
            ),
        )
    transcript = Transcript(
        passages=tuple(passages),
        lang=language_of(path) or captions.language or lang,
        automatic=captions.automatic,
        source=shown_path(str(path)),
    )
    return transcript, ()


def orphans(files):
    """A problem for each caption file that no talk owns."""
    return [
        problem(
            str(path),
            FIELD,
            "no talk owns this caption file",
            FILE_HINT,
            line=1,
        )
        for path in files.unclaimed()
    ]


def register():
    declare(__name__, DEFAULTS, ("TRANSCRIPT_",))

"""Transcripts: what was said in a talk, to read, search and jump into.

A talk ``content/talks/<stem>.md`` owns the caption files beside it named
``<stem>.vtt``, ``<stem>.<lang>.vtt``, ``<stem>.srt`` or ``<stem>.<lang>.srt``;
a ``Transcript:`` field names one explicitly (relative to the talk's folder,
or to content/ when it starts with "/"). A caption file that no talk owns is a
problem: a misspelt name would otherwise lose a transcript without a word.

The file is read and checked (eroi.model.captions, webvtt-py), collapsed
into what was said and grouped into timed passages (eroi.model.transcripts).
The talk generator calls ``transcript_of`` in its first phase, so the build,
`invoke check`, livereload and `pelican content` report the same problems. The talk page
shows the passages in a closed "Trascrizione" section whose timestamps seek
the player; each passage is a list item with an id (``#t-SECONDS``), where
the search shows the words it holds, and the whole text is the
VideoObject's ``transcript``.

Settings: TRANSCRIPT_PASSAGE_SECONDS, (shortest, longest), default (30, 60).
"""

import hashlib
import logging
import os
from collections import defaultdict
from pathlib import Path

from eroi import run
from eroi.messages import N_, _
from eroi.model.captions import FIELD, SUFFIXES, read_captions
from eroi.model.links import path_problem
from eroi.model.parsers import LANG
from eroi.model.transcripts import Transcript, paragraphs, spoken_lines
from eroi.problems import problem, shown_path
from eroi.settings import declare

logger = logging.getLogger(__name__)

DEFAULTS = {"TRANSCRIPT_PASSAGE_SECONDS": (30, 60)}


FILE_HINT = N_(
    "name the caption file after its talk (<talk>.vtt, <talk>.it.vtt, <talk>.srt) "
    "or write its path in the talk's Transcript: field"
)


def language_of(path):
    """The ``<lang>`` of ``<stem>.<lang>.vtt``, or None."""
    inner = Path(Path(path).stem).suffix.lstrip(".")
    return inner if LANG.match(inner) else None


class CaptionFiles:
    """The caption files under the talk folders, by the talk stem they fit."""

    def __init__(self, paths):
        self.paths = sorted(Path(p).resolve() for p in paths)
        self.by_stem = defaultdict(list)
        for path in self.paths:
            stem = Path(path.stem)
            self.by_stem[path.parent / stem.name].append(path)
            if language_of(path):
                self.by_stem[path.parent / stem.stem].append(path)
        self.claimed = set()

    def beside(self, talk_source, lang):
        """The caption file of the talk at ``talk_source``, or None; claims all."""
        source = Path(talk_source).resolve()
        candidates = self.by_stem.get(source.parent / source.stem, [])
        self.claimed.update(candidates)
        if not candidates:
            return None

        def preference(path):
            written = language_of(path)
            return (
                written != lang if written else 1,  # the talk's language first
                written is not None,  # then <stem>.vtt
                path.suffix.lower() != ".vtt",
                path.name,
            )

        return min(candidates, key=preference)

    def claim(self, path):
        self.claimed.add(Path(path).resolve())

    def unclaimed(self):
        return [path for path in self.paths if path not in self.claimed]


def named_file(value, talk_source, content_path):
    """``(path, None)`` for a Transcript: field, or ``(None, (message, hint))``."""
    text = str(value).strip()
    if text.startswith("/"):
        relative_to = ""
    else:
        relative_to = str(
            Path(talk_source).resolve().parent.relative_to(Path(content_path).resolve())
        )
    wrong = path_problem(text, content_path, relative_to=relative_to)
    if wrong:
        return None, (wrong[0], _(FILE_HINT))
    if not text.lower().endswith(SUFFIXES):
        return None, (
            _("'{path}' is not a caption file").format(path=text),
            _("give a .vtt (WebVTT) or .srt (SubRip) file"),
        )
    root = Path(content_path).resolve()
    return (root / relative_to / text.lstrip("/")).resolve(), None


def transcript_of(talk, source, content_path, files):
    """``(Transcript or None, problems)``: the talk's caption file, read
    (``talk`` is only read: its Transcript, Duration, chapters, language)."""
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
    duration = talk.duration
    chapters = tuple(seconds for seconds, _title in talk.chapters)
    passage_seconds = tuple(talk.settings["TRANSCRIPT_PASSAGE_SECONDS"])
    digest = hashlib.sha256(path.read_bytes()).digest()
    key = (path, digest, duration, chapters, passage_seconds, talk.lang, os.getcwd())
    # Kept by the runner's memory, by the file's bytes and the talk's fields
    # (paths are shown from the working folder): a livereload rebuild parses
    # only the caption files that changed.
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
                _("the cues hold no text"),
                _("download the captions again"),
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
            _("no talk owns this caption file"),
            _(FILE_HINT),
            line=1,
        )
        for path in files.unclaimed()
    ]


def register():
    declare(__name__, DEFAULTS, ("TRANSCRIPT_",))

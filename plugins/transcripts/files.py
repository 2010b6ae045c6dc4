"""Which caption file belongs to which talk.

A talk ``content/talks/<stem>.md`` owns the caption files beside it named
``<stem>.vtt``, ``<stem>.<lang>.vtt``, ``<stem>.srt`` or ``<stem>.<lang>.srt``;
a ``Transcript:`` field names one explicitly (relative to the talk's folder,
or to content/ when it starts with "/"). A caption file that no talk owns is a
problem: a misspelt name would otherwise lose a transcript without a word.
"""

import re
from collections import defaultdict
from pathlib import Path

from eroi.content_checks.links import path_problem

from .captions import SUFFIXES

LANG_PART = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
FILE_HINT = (
    "name the caption file after its talk (<talk>.vtt, <talk>.it.vtt, <talk>.srt) "
    "or write its path in the talk's Transcript: field"
)


def language_of(path):
    """The ``<lang>`` of ``<stem>.<lang>.vtt``, or None."""
    inner = Path(Path(path).stem).suffix.lstrip(".")
    return inner if LANG_PART.match(inner) else None


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
        return None, (wrong[0], FILE_HINT)
    if not text.lower().endswith(SUFFIXES):
        return None, (
            f"'{text}' is not a caption file",
            "give a .vtt (WebVTT) or .srt (SubRip) file",
        )
    root = Path(content_path).resolve()
    return (root / relative_to / text.lstrip("/")).resolve(), None

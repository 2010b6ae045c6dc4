"""Caption files (WebVTT or SubRip) read with webvtt-py, checked line by line.

``read_captions`` returns the cues of one file, or the Problems that make it
unusable: not UTF-8, empty, not a caption file, no cues, a cue timing that is
not a time, cues out of order, cues past the talk's Duration. Each Problem
names the caption file and the line of the cue at fault.
"""

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError
from webvtt.models import Timestamp

from eroi.messages import N_, _
from eroi.model.parsers import NOT_TEXT
from eroi.problems import problem

FIELD = "transcript"
SUFFIXES = (".vtt", ".srt")
# The per-word timing tags of YouTube's automatic captions: <00:00:01.230>.
WORD_TIMING = re.compile(r"<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>")
# Minutes and seconds go up to 59: webvtt-py would drop a cue at 00:61:00.
TIMESTAMP = r"(?:\d+:)?[0-5]\d:[0-5]\d[.,]\d{3}"
GOOD_TIMING = re.compile(rf"^\s*{TIMESTAMP}\s+-->\s+{TIMESTAMP}(?:\s|$)")
LANGUAGE = re.compile(r"^Language:\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s*$")
# Cue markup: <c>, <i>, <b>, <u>, <v Name>, <lang it>, <ruby>, <rt>.
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# Far beyond any talk's captions (three hours of YouTube's: about 1.5 MB).
MAX_BYTES = 20_000_000
# A cue may end this long after the Duration (YouTube rounds durations).
DURATION_SLACK = 1.5  # seconds
FIX_HINT = N_(
    "download the captions again, or fix the file in a text editor; the cues "
    "must be in time order"
)


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    lines: tuple  # text lines, tags removed, entities decoded


@dataclass(frozen=True)
class Captions:
    cues: tuple
    automatic: bool  # YouTube's automatic captions (per-word timing tags)
    language: str | None  # from the WebVTT header, if it says


def read_captions(path, duration=None):
    """``(Captions or None, problems)`` for the caption file at ``path``.

    ``duration`` is the talk's length in seconds, when known: a cue after it
    is a problem.
    """
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [
            _problem(
                path,
                _("the file is {size} MB, more than {limit} MB").format(
                    size=f"{size / 1_000_000:.0f}", limit=MAX_BYTES // 1_000_000
                ),
                _(
                    "a three-hour talk's automatic captions are about 1.5 MB: "
                    "check that this is a caption file"
                ),
                1,
            )
        ]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            _problem(
                path,
                _("not UTF-8 text"),
                _("save the file as UTF-8 (in an editor: Save as, encoding UTF-8)"),
                line,
            )
        ]
    if not text.strip():
        return None, [
            _problem(path, _("the file is empty"), _("download the captions again"), 1)
        ]
    # Split at newlines only: str.splitlines() also splits at \x0b, \x1c ...
    lines = [line.rstrip("\r") for line in text.split("\n")]
    timing_lines = [n for n, line in enumerate(lines, 1) if "-->" in line]
    srt = path.suffix.lower() == ".srt"
    found = [
        _problem(
            path,
            _("'{line}' is not a cue timing").format(line=lines[n - 1].strip()[:80]),
            _("write it as {example}").format(
                example="00:01:02,500 --> 00:01:05,000"
                if srt
                else "00:01:02.500 --> 00:01:05.000"
            ),
            n,
        )
        for n in timing_lines
        if not GOOD_TIMING.match(lines[n - 1])
    ]
    found += [
        _problem(
            path,
            _("holds the control character {code}").format(
                code=f"U+{ord(control.group()):04X}"
            ),
            _("delete it (it is invisible; some editors show it as a box)"),
            n,
        )
        for n, line in enumerate(lines, 1)
        if (control := NOT_TEXT.search(line))
    ]
    if found:
        return None, found
    try:
        parsed = webvtt.from_buffer(io.StringIO(text), format="srt" if srt else "vtt")
    except (MalformedFileError, MalformedCaptionError):
        return None, [
            _problem(
                path,
                _("not a SubRip caption file (numbered cues)")
                if srt
                else _("not a WebVTT caption file (the first line must be WEBVTT)"),
                _("save the captions as .vtt or .srt, as YouTube or yt-dlp give them"),
                1,
            )
        ]
    captions = parsed.captions
    if not captions:
        return None, [
            _problem(
                path,
                _("no cues: the file holds no timed text"),
                _("download the captions again"),
                1,
            )
        ]
    if len(timing_lines) != len(captions):  # a block webvtt-py skipped
        timing_lines = [1] * len(captions)
    cues, found = [], []
    previous = None
    for caption, line in zip(captions, timing_lines, strict=True):
        start, end = _seconds(caption.start), _seconds(caption.end)
        if end < start:
            found.append(
                _problem(
                    path,
                    _("cue ends ({end}) before it starts ({start})").format(
                        end=caption.end, start=caption.start
                    ),
                    _(FIX_HINT),
                    line,
                )
            )
        if previous is not None and start < previous:
            found.append(
                _problem(
                    path,
                    _("cue at {start} comes after a later one").format(
                        start=caption.start
                    ),
                    _(FIX_HINT),
                    line,
                )
            )
        if duration and end > duration + DURATION_SLACK:
            found.append(
                _problem(
                    path,
                    _("cue {start} --> {end} ends after the video ({duration})").format(
                        start=caption.start,
                        end=caption.end,
                        duration=Timestamp.from_seconds(duration),
                    ),
                    _("check the talk's Duration, or that these are its captions"),
                    line,
                )
            )
            break  # every later cue is past the end too
        previous = start
        cues.append(Cue(start, end, tuple(_text(raw) for raw in caption.lines)))
    if found:
        return None, found
    language = next(
        (m[1] for m in map(LANGUAGE.match, getattr(parsed, "metadata", []) or []) if m),
        None,
    )
    automatic = any(WORD_TIMING.search(c.raw_text) for c in captions[:50])
    return Captions(tuple(cues), automatic, language), []


def _text(raw):
    """A cue line as plain text: timing and markup tags out, entities decoded."""
    text = TAG.sub("", WORD_TIMING.sub("", raw))
    return " ".join(html.unescape(text).split())


def _seconds(stamp):
    return Timestamp.from_string(stamp).in_milliseconds() / 1000


def _problem(path, message, hint, line):
    return problem(str(path), FIELD, message, hint, line=line)

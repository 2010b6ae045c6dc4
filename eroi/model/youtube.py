"""YouTube video ids and URLs, as people paste them: normalised to id + start time."""

import re
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

from eroi.messages import _

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
    "youtu.be",
    "www.youtu.be",
}
# Path forms that carry the id as their second segment: /embed/ID, /shorts/ID ...
ID_IN_PATH = {"embed", "shorts", "live", "v", "e"}
# Local thumbnails (invoke fetch-thumbnails saves them): content/images/thumbnails/.
THUMBNAIL_FOLDER = "images/thumbnails"
YOUTUBE_TIME = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


class Video(NamedTuple):
    """A talk's recording: its YouTube id, and where to start (seconds)."""

    id: str
    start: int = 0

    @property
    def url(self):
        """The video's page on YouTube, at its start."""
        return watch_url(self.id, self.start)

    def at(self, seconds):
        """The video's page on YouTube at ``seconds``."""
        return watch_url(self.id, seconds)

    @property
    def thumbnail(self):
        """The local thumbnail's path, relative to content/ and to the output."""
        return thumbnail_path(self.id)


def parse_youtube(value):
    """Return a ``Video`` (id, start seconds) from an id or any YouTube URL form.

    Accepts watch, youtu.be, embed, shorts and live URLs, with or without
    scheme, and a start time given as ``t=``/``start=`` (``90``, ``90s``,
    ``1m30s``, ``1h2m3s``). ``start_seconds`` is 0 when there is none.
    """
    text = value.strip()
    if VIDEO_ID.fullmatch(text):
        return Video(text)
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    if host not in YOUTUBE_HOSTS:
        raise ValueError(
            _("{value} is not a YouTube video id or URL").format(value=repr(value))
        )
    query = parse_qs(parts.query)
    segments = [s for s in parts.path.split("/") if s]
    if host.endswith("youtu.be"):
        video = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        video = query.get("v", [""])[0]
    elif len(segments) >= 2 and segments[0] in ID_IN_PATH:
        video = segments[1]
    else:
        video = ""
    if not VIDEO_ID.fullmatch(video):
        raise ValueError(
            _("{value} does not name a YouTube video (no 11-character id)").format(
                value=repr(value)
            )
        )
    start = query.get("t", query.get("start", [""]))[0] or parts.fragment.removeprefix(
        "t="
    )
    return Video(video, parse_youtube_time(start) if start else 0)


def parse_youtube_time(value):
    """Seconds from YouTube's ``t=`` forms: ``90``, ``90s``, ``1m30s``, ``1h2m3s``."""
    match = YOUTUBE_TIME.match(value.strip().lower())
    if not value.strip() or not match:
        raise ValueError(
            _("start time {value} is not like 90, 90s or 1m30s").format(
                value=repr(value)
            )
        )

    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def thumbnail_path(video_id):
    """The path of a video's thumbnail, relative to content/ and to the output."""
    return f"{THUMBNAIL_FOLDER}/{video_id}.jpg"


def watch_url(video_id, start=0):
    """The video's page on YouTube, at ``start`` seconds when given."""
    return f"https://www.youtube.com/watch?v={video_id}" + (
        f"&t={start}s" if start else ""
    )

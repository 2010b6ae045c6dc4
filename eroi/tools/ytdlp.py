"""A YouTube playlist or channel read through yt-dlp, used as a library.

``fetch`` is the one function that reaches the network: yt-dlp's
``YoutubeDL.extract_info`` for a playlist (flat: ids and titles only) or a
video (every field), and ``YoutubeDL.urlopen`` for the bytes of a caption
file or a thumbnail. Everything else here reads what yt-dlp returned, in
the shapes yt-dlp gives it, and refuses a value of the wrong shape with a
``Malformed`` (field, message, hint) instead of a traceback:

- ``playlist_entries``: the flat entries of a playlist, a channel (its
  Videos, Live and Shorts tabs followed) or one video; an entry yt-dlp could
  not read, or a tab a file cannot list, is a Malformed in its place;
- ``video_fields``: the fields of a talk from one video's info dict (or one
  entry of ``yt-dlp -J`` output): id, title, date, duration, description,
  chapters, tags, language, availability;
- ``caption_choice``: the best captions of a video, the talk's language
  first, manual subtitles before automatic captions, WebVTT;
- ``thumbnail_urls``: a video's JPEG thumbnails, best first.
"""

import logging
import math
import re
from datetime import UTC, date, datetime

from eroi.messages import N_, _
from eroi.model.parsers import LANG
from eroi.model.youtube import VIDEO_ID
from eroi.problems import one_line

log = logging.getLogger(__name__)

WATCH_URL = "https://www.youtube.com/watch?v={id}"
MAX_CAPTION_BYTES = 20_000_000  # as eroi.transcripts.captions reads them
MAX_THUMBNAIL_BYTES = 5 * 1024 * 1024  # as eroi.video.thumbnails keeps them
UNAVAILABLE_TITLES = {
    "private video",
    "deleted video",
    "[private video]",
    "[deleted video]",
}
NOT_RECORDED = ("is_live", "is_upcoming")  # no recording yet
CHANNEL_TAB = "YoutubeTab"  # yt-dlp's extractor of playlists and channel tabs
FOLLOWED_DEPTH = 2  # a channel's tabs are playlists inside the channel
YTDLP_HINT = N_(
    "yt-dlp returned something this importer does not know; check that the "
    "installed yt-dlp is the pinned one (requirements.txt), or write the talk "
    "with invoke new-talk"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
UNREAD = (
    N_("is nothing: yt-dlp could not read this video"),
    N_("yt-dlp says why when it runs; run the import again later"),
)
TAB_HINT = N_(
    "export each tab with yt-dlp -J <tab address> (without --flat-playlist), or "
    "import the channel's address"
)


class Malformed(ValueError):
    """A value of yt-dlp's output that is missing or of the wrong shape.
    ``message`` comes translated (``_()``, filled); ``hint`` is translated
    here (eroi.messages)."""

    def __init__(self, field, message, hint=YTDLP_HINT):
        hint = _(hint)
        super().__init__(
            _("{field}: {message} (hint: {hint})").format(
                field=field, message=message, hint=hint
            )
        )
        self.field, self.message, self.hint = field, message, hint


class FetchError(OSError):
    """yt-dlp or the network could not give what was asked; one line."""


class _Log:
    """yt-dlp's messages go to logging (debug): the importer reports failures
    itself, one line each, and a bar or plain lines show progress."""

    def debug(self, message):
        log.debug("%s", message)

    info = debug
    warning = debug

    def error(self, message):
        log.debug("%s", message)


def fetch(url, what="video", limit=None):
    """The network call: yt-dlp's info dict of ``url``, or the bytes at it.

    ``what``: ``"playlist"`` (flat: each entry's id, title, duration ...,
    no request per video), ``"video"`` (one video, every field) or ``"file"``
    (the bytes at ``url``, at most ``limit`` + 1 of them). Raises what yt-dlp
    raises (``yt_dlp.utils.YoutubeDLError``, ``OSError``).
    """
    import yt_dlp

    options = {
        "quiet": True,
        "no_warnings": True,
        "noprogress": True,
        "skip_download": True,
        "ignore_no_formats_error": True,  # metadata, never a media format
        "socket_timeout": 30,
        "logger": _Log(),
    }
    if what == "playlist":
        options["extract_flat"] = "in_playlist"
    else:
        options["noplaylist"] = True
    with yt_dlp.YoutubeDL(options) as ydl:
        if what == "file":
            with ydl.urlopen(url) as response:
                return response.read(None if limit is None else limit + 1)
        return ydl.sanitize_info(ydl.extract_info(url, download=False))


def fetched(url, what="video", limit=None):
    """``fetch``, with every failure turned into one FetchError line."""
    from yt_dlp.utils import YoutubeDLError

    try:
        result = fetch(url, what, limit)
    except (YoutubeDLError, OSError, ValueError) as exc:
        text = ANSI.sub("", str(exc)).strip()
        text = re.sub(r"^ERROR:\s*", "", text)
        text = re.sub(r"\s*\(caused by .*\)$", "", text) or type(exc).__name__
        raise FetchError(one_line(text)) from None
    if what == "file" and not isinstance(result, bytes):
        raise FetchError(_("{url} gave no bytes").format(url=url))
    if what == "file" and limit is not None and len(result) > limit:
        raise FetchError(
            _("{url} is larger than {megabytes} MB").format(
                url=url, megabytes=limit // 1_000_000
            )
        )
    return result


# Playlists ---------------------------------------------------------------------


def playlist_entries(info, fetch_tab=None, depth=0):
    """``[(position, entry or Malformed), ...]`` of a flat playlist's info.

    ``info`` is what ``fetch(url, "playlist")`` returned. A channel's tabs
    (entries that are playlists themselves) are read with ``fetch_tab(url)``
    and their entries follow. One video's info is a list of one. Raises
    Malformed when ``info`` is not a playlist at all (the whole import fails).
    """
    if not isinstance(info, dict):
        raise Malformed(
            "playlist",
            _("yt-dlp returned {kind}, not a playlist or a video").format(
                kind=_kind(info)
            ),
        )
    if info.get("_type", "video") == "video":
        return [(1, info)]
    if info.get("_type") != "playlist":
        raise Malformed(
            "playlist",
            _("yt-dlp returned a {type} result, not a playlist").format(
                type=repr(str(info.get("_type")))
            ),
            N_("give the address of a playlist, a channel or a video"),
        )
    entries = info.get("entries")
    if not isinstance(entries, list):
        raise Malformed(
            "entries", _("is {kind}, not a list").format(kind=_kind(entries))
        )
    found = []
    for position, entry in enumerate(entries, start=1):
        if entry is None:  # yt-dlp's place for an entry it could not read
            found.append((position, Malformed("entry", _(UNREAD[0]), UNREAD[1])))
        elif not isinstance(entry, dict):
            message = _("is {kind}, not a video").format(kind=_kind(entry))
            found.append((position, Malformed("entry", message)))
        elif _is_tab(entry) and depth < FOLLOWED_DEPTH:
            if entry.get("_type") == "playlist":
                found += playlist_entries(entry, fetch_tab, depth + 1)
            elif fetch_tab is not None:
                found += playlist_entries(fetch_tab(entry["url"]), fetch_tab, depth + 1)
            else:  # a flat listing's tab, in a file: nothing to read it with
                message = _("{url} is a channel's tab, not listed in the file").format(
                    url=entry["url"]
                )
                found.append((position, Malformed("entry", message, TAB_HINT)))
        else:
            found.append((position, entry))
    return found


def _is_tab(entry):
    if entry.get("_type") == "playlist" and "entries" in entry:
        return True
    return (
        entry.get("_type") in ("url", "url_transparent")
        and entry.get("ie_key") == CHANNEL_TAB
        and isinstance(entry.get("url"), str)
        and entry["url"].startswith(("https://", "http://"))
    )


def entry_id(entry):
    """The video id of a flat entry (or a full info dict); Malformed if none."""
    value = entry.get("id")
    if value is None or value == "":
        raise Malformed("id", _("missing"))
    if not isinstance(value, str) or not VIDEO_ID.fullmatch(value):
        raise Malformed(
            "id", _("{value} is not a YouTube video id").format(value=_shown(value))
        )
    return value


def unavailable(entry):
    """Why a video cannot become a talk (private, deleted, not yet a
    recording), or None."""
    title = entry.get("title")
    title = title.strip().lower() if isinstance(title, str) else ""
    availability = entry.get("availability") or "public"
    if title in UNAVAILABLE_TITLES or availability not in ("public", "unlisted"):
        private = "private" in title or availability == "private"
        return _("private") if private else _("deleted or unavailable")
    if entry.get("live_status") in NOT_RECORDED:
        return _("live or upcoming, not a recording yet (hint: import it again later)")

    return None


# One video -----------------------------------------------------------------------


def video_fields(info):
    """The fields of ``importer.Video`` from one video's info dict."""
    if not isinstance(info, dict):
        raise Malformed(
            "video", _("yt-dlp returned {kind}, not a video").format(kind=_kind(info))
        )
    published, has_time = _published(info)
    duration = _number(info, "duration")
    reason = unavailable(info)
    return {
        "video_id": entry_id(info),
        "title": _text(info, "title").strip(),
        "description": _text(info, "description"),
        "published": published,
        "has_time": has_time,
        "duration": int(duration) if duration else None,
        "available": reason is None,
        "reason": reason or "",
        "chapters": _chapters(info),
        "tags": _tags(info),
        "lang": _lang(info),
    }


def _published(info):
    """``(aware datetime or None, whether it has a time)``: the release or
    upload time, else the release or upload date."""
    for key in ("release_timestamp", "timestamp"):
        stamp = _number(info, key)
        if stamp is not None:
            try:
                return datetime.fromtimestamp(stamp, UTC), True
            except (OverflowError, OSError, ValueError):
                message = _("{value} is not a time").format(value=_shown(stamp))
                raise Malformed(key, message) from None
    for key in ("release_date", "upload_date"):
        value = info.get(key)
        if value is None or value == "":
            continue
        return _date(key, value)
    return None, True


def _date(key, value):
    hint = N_("yt-dlp writes dates as YYYYMMDD (20210301) or in ISO form (2021-03-01)")
    if isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{8}", text):
                day = datetime.strptime(text, "%Y%m%d")
                return day.replace(tzinfo=UTC), False
            if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
                day = date.fromisoformat(text)
                return datetime(day.year, day.month, day.day, tzinfo=UTC), False
            if re.fullmatch(r"\d{4}-\d\d-\d\d[T ][\d:.]+(Z|[+-][\d:]+)?", text):
                when = datetime.fromisoformat(text.replace("Z", "+00:00"))
                return (when if when.tzinfo else when.replace(tzinfo=UTC)), True
        except ValueError:
            pass
    raise Malformed(key, _("{value} is not a date").format(value=_shown(value)), hint)


def _number(info, key):
    value = info.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        seconds = "time" in key or key == "duration"  # e.g. a timestamp as text
        message = (
            _("{value} is not a number of seconds")
            if seconds
            else _("{value} is not a number")
        )
        raise Malformed(key, message.format(value=_shown(value)))
    if not _seconds(value):  # NaN, infinite or negative
        raise Malformed(
            key, _("{value} is not a number of seconds").format(value=_shown(value))
        )
    return value


def _seconds(value):
    """True for a finite, non-negative number (not a boolean)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


def _text(info, key):
    value = info.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Malformed(key, _("is {kind}, not text").format(kind=_kind(value)))
    return value


def _tags(info):
    tags = info.get("tags")
    if tags is None:
        return []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise Malformed(
            "tags", _("is {kind}, not a list of text").format(kind=_kind(tags))
        )
    return tags


def _lang(info):
    """The language of the video's speech (yt-dlp's ``language``), or ""."""
    value = info.get("language")
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or not LANG.fullmatch(value):
        raise Malformed(
            "language",
            _("{value} is not a language code").format(value=_shown(value)),
        )
    return value


def _chapters(info):
    """``[(seconds, title), ...]`` from yt-dlp's ``chapters``."""
    chapters = info.get("chapters")
    if chapters is None:
        return []
    if not isinstance(chapters, list):
        raise Malformed(
            "chapters", _("is {kind}, not a list").format(kind=_kind(chapters))
        )
    found = []
    for chapter in chapters:
        if not isinstance(chapter, dict):
            raise Malformed(
                "chapters",
                _("a chapter is {kind}, not a dict").format(kind=_kind(chapter)),
            )
        start, title = chapter.get("start_time"), chapter.get("title")
        if not _seconds(start):
            raise Malformed(
                "chapters",
                _("start_time {value} is not a number of seconds").format(
                    value=_shown(start)
                ),
            )
        if not isinstance(title, str) or not title.strip():
            raise Malformed(
                "chapters", _("title {value} is not text").format(value=_shown(title))
            )
        found.append((int(start), title.strip()))
    return sorted(found)


# Captions and thumbnails ------------------------------------------------------------


def caption_choice(info, lang):
    """``(url, language, extension, automatic)`` of the best captions, or None.

    In order: manual subtitles in the talk's language ``lang``, YouTube's
    automatic captions in it (the ``-orig`` track, the speech's own, before
    a plain one that may be a translation), manual subtitles in another
    language, the automatic captions of the speech in another language.
    WebVTT first, then SubRip; other formats are not read by the build.
    """
    manual = _tracks(info, "subtitles")
    automatic = _tracks(info, "automatic_captions")
    originals = [code for code in automatic if code.endswith("-orig")]

    def base(code):
        return code.removesuffix("-orig")

    def speaks(code):
        return base(code) == lang or base(code).startswith(f"{lang}-")

    ordered = [(code, False) for code in manual if speaks(code)]
    ordered += [(code, True) for code in originals if speaks(code)]
    if not originals:  # an older shape: the speech's own track has no -orig
        ordered += [(code, True) for code in automatic if speaks(code)]
    ordered += [(code, False) for code in manual if not speaks(code)]
    ordered += [(code, True) for code in originals if not speaks(code)]
    for code, is_automatic in ordered:
        formats = (automatic if is_automatic else manual)[code]
        for ext in ("vtt", "srt"):
            for track in formats:
                if track.get("ext") == ext and _is_url(track.get("url")):
                    return track["url"], base(code), ext, is_automatic
    return None


def _tracks(info, key):
    tracks = info.get(key)
    if tracks is None:
        return {}
    if not isinstance(tracks, dict) or not all(
        isinstance(formats, list) and all(isinstance(t, dict) for t in formats)
        for formats in tracks.values()
    ):
        raise Malformed(
            key,
            _("is {kind}, not {shape}").format(
                kind=_kind(tracks), shape="{language: [{ext, url}, ...]}"
            ),
        )
    return {
        code: formats
        for code, formats in tracks.items()
        # Only codes the build reads back from a caption file's name.
        if isinstance(code, str) and LANG.match(code.removesuffix("-orig"))
    }


def thumbnail_urls(info):
    """The JPEG thumbnails of a video, best first (yt-dlp lists them worst
    first); YouTube's hqdefault.jpg last, as it is almost always there."""
    thumbnails = info.get("thumbnails")
    if thumbnails is None:
        thumbnails = []
    if not isinstance(thumbnails, list):
        raise Malformed(
            "thumbnails", _("is {kind}, not a list").format(kind=_kind(thumbnails))
        )
    urls = [
        t["url"]
        for t in thumbnails
        if isinstance(t, dict)
        and _is_url(t.get("url"))
        and t["url"].split("?")[0].lower().endswith((".jpg", ".jpeg"))
    ]
    if isinstance(info.get("thumbnail"), str) and _is_url(info["thumbnail"]):
        urls.append(info["thumbnail"])
    ordered = list(dict.fromkeys(reversed(urls)))
    fallback = f"https://i.ytimg.com/vi/{info['id']}/hqdefault.jpg"
    return [*[u for u in ordered if u != fallback][:2], fallback]


def _is_url(value):
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def _kind(value):
    if value is None:
        return _("nothing")
    if isinstance(value, str):
        return _("text ({value})").format(value=_shown(value))
    kinds = {dict: N_("a dict"), list: N_("a list"), bool: N_("a boolean")}
    if type(value) in kinds:
        return _(kinds[type(value)])
    return _("a {type}").format(type=type(value).__name__)


def _shown(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

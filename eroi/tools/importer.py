"""Talk files from a YouTube playlist or channel, or from an export of one.

``import_url`` reads a playlist's or a channel's address with yt-dlp as a
library (eroi.talks.ytdlp): the flat playlist first, then each new video's
own info (the videos already in the archive, by id, are not fetched again).
Each new video becomes a talk file with its date, duration, description
(chapters: the description's timestamp lines, made a paragraph of their own,
or yt-dlp's ``chapters``), its best captions beside it (``<talk>.<lang>.vtt``)
and its thumbnail (content/images/thumbnails/<id>.jpg). A video that fails
is reported, one line, and the others go on.

``import_playlist`` reads export files instead, with no network:

- the YouTube Data API v3 ``playlistItems.list`` response
  (``{"kind": "youtube#playlistItemListResponse", "items": [...]}``);
- the JSON that ``yt-dlp -J <playlist URL>`` prints (``{"_type": "playlist",
  "entries": [...]}``).

Caption files that yt-dlp wrote beside an export (``<title> [<id>].<lang>.vtt``,
from ``--write-auto-subs`` or ``--write-subs``) are copied beside their talk
as ``<talk>.<lang>.vtt``, matched by video id, for new talks and for talks
that have none yet.

Either way each public video becomes content/talks/<slug>.md (the slug from
its title), every field written through the content model's front matter.
Private and deleted videos are skipped and reported; videos already in the
archive (by id) are skipped; no file is ever overwritten.
Speakers are matched by name, handle and alias in the title and description;
a talk whose speakers could not be matched is written as a draft
(``Status: draft``) that the build does not publish.
"""

import glob
import html
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from eroi.model.captions import SUFFIXES as CAPTION_SUFFIXES
from eroi.model.chapters import CHAPTER_LINE
from eroi.model.italian import momento
from eroi.model.schema import SCHEMAS, front_matter, single_line
from eroi.model.slugs import slug_for
from eroi.model.youtube import VIDEO_ID, YOUTUBE_HOSTS, thumbnail_path
from eroi.plugins.mentions import MENTION
from eroi.problems import one_line as shown_line
from eroi.problems import shown_path
from eroi.tools import ytdlp
from eroi.tools.progress import track
from eroi.tools.thumbnails import save_thumbnail

UNAVAILABLE_TITLES = ytdlp.UNAVAILABLE_TITLES
PLAYLIST_HINT = (
    "give the address of a YouTube playlist or channel "
    "(https://www.youtube.com/playlist?list=... or https://www.youtube.com/@...) "
    "and check the network"
)


@dataclass
class Video:
    video_id: str
    title: str
    description: str = ""
    published: datetime | None = None  # aware
    has_time: bool = True
    duration: int | None = None
    available: bool = True
    chapters: list = field(default_factory=list)  # [(seconds, title)], yt-dlp's
    reason: str = ""  # why it is not available, when known


@dataclass(frozen=True)
class Failure:
    """One video that could not be imported (or only in part), as one line."""

    video: str  # its id, or "entry N" when it has none
    field: str
    message: str
    hint: str

    def __str__(self):
        text = f"{self.video}: {self.field}: {self.message} (hint: {self.hint})"
        return shown_line(text)


@dataclass
class ImportReport:
    created: list = field(default_factory=list)  # paths
    drafts: list = field(default_factory=list)  # (path, reason)
    already: list = field(default_factory=list)  # (video id, existing file)
    unavailable: list = field(default_factory=list)  # (video id or title, reason)
    captions: list = field(default_factory=list)  # (caption file written, talk)
    thumbnails: list = field(default_factory=list)  # thumbnail files written
    failures: list = field(default_factory=list)  # Failures


class ExportError(ValueError):
    """A file or an address that is not a playlist we can read: the whole
    import fails, with this one line."""


def read_export(path):
    """The videos of one export file, in playlist order; a Failure in place
    of an entry that cannot be read."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"{path}: file: not readable as JSON ({exc})") from None
    if (
        isinstance(data, dict)
        and data.get("kind") == "youtube#playlistItemListResponse"
    ):
        items = data.get("items", [])
        if not isinstance(items, list):
            raise ExportError(f"{path}: items: not a list (hint: {ytdlp.YTDLP_HINT})")
        return [_from_api(n, item) for n, item in enumerate(items, start=1)]
    if isinstance(data, dict) and data.get("_type") == "playlist":
        try:
            entries = ytdlp.playlist_entries(data)
        except ytdlp.Malformed as exc:
            raise ExportError(f"{path}: {exc}") from None
        return [_from_ytdlp(n, entry) for n, entry in entries]
    raise ExportError(
        f"{path}: file: not a YouTube playlist export (hint: save the JSON of the "
        "Data API's playlistItems.list, or the output of yt-dlp -J <playlist URL>)"
    )


def _from_api(position, item):
    try:
        snippet = item.get("snippet", {})
        details = item.get("contentDetails", {})
        video_id = details.get("videoId") or snippet.get("resourceId", {}).get(
            "videoId", ""
        )
        privacy = item.get("status", {}).get("privacyStatus", "public")
        title = (snippet.get("title") or "").strip()
        # The video's own publication date is the talk's date; the date it was
        # added to the playlist is only a fallback.
        stamp = details.get("videoPublishedAt") or snippet.get("publishedAt")
        description = snippet.get("description", "") or ""
        for value in (video_id, title, description, stamp):
            if not isinstance(value, str):
                raise TypeError(f"{value!r} is not text")
        return Video(
            video_id=video_id,
            title=title,
            description=description,
            published=_parse_iso(stamp),
            available=privacy in ("public", "unlisted")
            and title.lower() not in UNAVAILABLE_TITLES,
        )
    except (AttributeError, TypeError, ValueError) as exc:
        return Failure(
            f"entry {position}",
            "item",
            f"not a playlistItem of the Data API ({exc})",
            "save the JSON of the Data API's playlistItems.list as it comes",
        )


def _from_ytdlp(position, entry):
    if isinstance(entry, ytdlp.Malformed):
        return _failure(f"entry {position}", entry)
    try:
        return Video(**ytdlp.video_fields(entry))
    except ytdlp.Malformed as exc:
        return _failure(_label(entry, position), exc)


def _failure(video, malformed):
    return Failure(video, malformed.field, malformed.message, malformed.hint)


def _label(entry, position):
    """The video id of ``entry`` when it has a good one, else "entry N"."""
    try:
        return ytdlp.entry_id(entry)
    except (ytdlp.Malformed, AttributeError):
        return f"entry {position}"


def _parse_iso(stamp):
    if not stamp:
        return None
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def match_speakers(video, registry):
    """Speakers named in the title or description; plus @handles nobody owns."""
    text = f"{video.title}\n{video.description}"
    found, unknown = [], []
    for speaker in registry:
        keys = [speaker.name, speaker.handle, *speaker.aliases]
        for key in keys:
            if re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", text, re.IGNORECASE):
                found.append(speaker)
                break
    for handle in MENTION.findall(text):
        if registry.get(handle) is None:
            unknown.append(handle)
    return found, unknown


def with_chapters(description, chapters=()):
    """The description with its chapters where the build finds them.

    The build reads a paragraph made only of timestamp lines as the chapters
    (eroi.talks.chapters); YouTube descriptions often run those lines on from
    a heading ("Capitoli:"), so each run of two or more of them becomes a
    paragraph of its own. A description with none gets yt-dlp's
    ``chapters`` (``[(seconds, title)]``) as that paragraph.
    """
    lines = description.strip().splitlines()
    out, found, n = [], False, 0
    while n < len(lines):
        end = n
        while end < len(lines) and CHAPTER_LINE.match(lines[end]):
            end += 1
        if end - n >= 2:
            found = True
            if out and out[-1].strip():
                out.append("")
            out += lines[n:end]
            if end < len(lines) and lines[end].strip():
                out.append("")
            n = end
        else:
            out.append(lines[n])
            n += 1
    text = "\n".join(out)
    if not found and len(chapters) >= 2:
        listing = "\n".join(
            f"{momento(seconds)} {single_line(title)}" for seconds, title in chapters
        )
        text = f"{text}\n\n{listing}" if text else listing
    return text


def talk_file(video, slug, speakers, draft_reason, timezone):
    when = video.published.astimezone(ZoneInfo(timezone))
    date = f"{when:%Y-%m-%d %H:%M}" if video.has_time else f"{video.published:%Y-%m-%d}"
    fields = {
        "title": single_line(video.title),
        "date": date,
        "speakers": ", ".join(s.handle for s in speakers),
        "youtube": f"https://www.youtube.com/watch?v={video.video_id}",
        "slug": slug,
        "duration": momento(video.duration) if video.duration else "",
        "status": "draft" if draft_reason else "",
    }
    # A YouTube description is plain text: its "<" and "&" are shown as typed.
    description = with_chapters(video.description, video.chapters)
    body = html.escape(description.strip(), quote=False)
    text = front_matter(SCHEMAS["talk"], fields, blanks=False) + "\n"
    return text + (body + "\n" if body else "")


# yt-dlp's default name: "<title> [<id>].<lang>.<ext>".
CAPTION_NAME = re.compile(
    # The language part as the build reads it (transcripts/files.py).
    r"\[(?P<id>[A-Za-z0-9_-]{11})\](?:\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?"
    r"\.(?P<ext>vtt|srt)$"
)


def captions_beside(export_paths):
    """``{video id: [caption file, ...]}`` for the files beside the exports."""
    found = {}
    folders = {Path(path).resolve().parent for path in export_paths}
    for folder in sorted(folders):
        for path in sorted(folder.iterdir()):
            match = CAPTION_NAME.search(path.name)
            if match and path.is_file():
                found.setdefault(match["id"], []).append((path, match))
    return found


def has_captions(talk):
    """True when a caption file already sits beside the talk file ``talk``."""
    talk = Path(talk)
    return any(
        path.suffix.lower() in CAPTION_SUFFIXES
        for path in talk.parent.glob(f"{glob.escape(talk.stem)}.*")
    )


def attach_captions(talk, captions, report):
    """Copy ``captions`` beside the talk file ``talk``, unless it has some."""
    talk = Path(talk)
    if has_captions(talk):
        return
    for path, match in captions:
        suffix = f".{match['lang']}" if match["lang"] else ""
        target = talk.with_name(f"{talk.stem}{suffix}.{match['ext']}")
        if target.exists():
            continue
        shutil.copyfile(path, target)
        report.captions.append((target, talk))


def unique(slug, taken):
    """``slug``, or ``slug-2``, ``slug-3`` ... whichever is not taken."""
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


class Archive:
    """The talks folder as one import run sees it: the videos and slugs it
    holds, growing with each talk written."""

    def __init__(self, content_path, sources, settings, report):
        self.folder = Path(content_path, "talks")
        self.registry = sources.registry
        self.seen = dict(sources.videos)  # {video id: file}
        self.slugs = set(sources.slugs)
        self.settings, self.report = settings, report

    def skipped(self, video):
        """True (and reported) when ``video`` is unavailable or already here."""
        if (
            not video.available
            or not VIDEO_ID.fullmatch(video.video_id)
            or not video.published
        ):
            reason = video.reason or (
                "private"
                if "private" in video.title.lower()
                else "deleted or unavailable"
            )
            self.report.unavailable.append((video.video_id or video.title, reason))
            return True
        if video.video_id in self.seen:
            self.report.already.append((video.video_id, self.seen[video.video_id]))
            return True
        return False

    def write(self, video):
        """Write the talk file of ``video``; return its path."""
        speakers, unknown = match_speakers(video, self.registry)
        reason = None
        if unknown:
            reason = "unknown speakers " + ", ".join(f"@{h}" for h in unknown)
        elif not speakers:
            reason = "no known speaker named in the title or description"
        slug = unique(
            slug_for(video.title, self.settings) or video.video_id.lower(),
            self.slugs | {p.stem for p in self.folder.glob("*")},
        )
        self.slugs.add(slug)
        path = self.folder / f"{slug}.md"
        self.folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # never overwrite
            handle.write(
                talk_file(video, slug, speakers, reason, self.settings["TIMEZONE"])
            )
        self.seen[video.video_id] = shown_path(path)
        self.report.created.append(path)
        if reason:
            self.report.drafts.append((path, reason))
        return path


def import_playlist(export_paths, content_path, sources, settings):
    """Write the talk files of export files; return an ImportReport.

    ``sources`` is what the archive holds: ``registry`` (speakers),
    ``videos`` ({id: file}) and ``slugs`` (talk slugs), from
    eroi.tools.check.archive_sources.
    """
    report = ImportReport()
    videos = [video for path in export_paths for video in read_export(path)]
    captions = captions_beside(export_paths)
    archive = Archive(content_path, sources, settings, report)
    for video in videos:
        if isinstance(video, Failure):
            report.failures.append(video)
            continue
        if archive.skipped(video):
            existing = Path(archive.seen.get(video.video_id, ""))
            if video.video_id in captions and existing.is_file():
                attach_captions(existing, captions[video.video_id], report)
            continue
        path = archive.write(video)
        attach_captions(path, captions.get(video.video_id, ()), report)
    return report


# From a playlist's or channel's address, through yt-dlp ---------------------------


def import_url(url, content_path, sources, settings):
    """Write the talk files of the playlist or channel at ``url``; return an
    ImportReport. Only the videos not yet in the archive are fetched one by
    one; the network is reached through ``ytdlp.fetch`` alone."""
    host = (urlsplit(url).hostname or "").lower()
    if host not in YOUTUBE_HOSTS:
        raise ExportError(
            f"{shown_line(url)}: playlist: not a YouTube address (hint: "
            "copy the playlist's or the channel's address from youtube.com)"
        )
    report = ImportReport()
    archive = Archive(content_path, sources, settings, report)
    try:
        listing = ytdlp.fetched(url, "playlist")
        entries = ytdlp.playlist_entries(
            listing, fetch_tab=lambda tab: ytdlp.fetched(tab, "playlist")
        )
    except ytdlp.FetchError as exc:
        raise ExportError(
            f"{url}: playlist: not read: {exc} (hint: {PLAYLIST_HINT})"
        ) from None
    except ytdlp.Malformed as exc:
        raise ExportError(f"{url}: {exc}") from None
    whole = listing.get("_type", "video") == "video"  # one video's full info
    pending, queued = [], set()
    for position, entry in entries:
        if isinstance(entry, ytdlp.Malformed):
            report.failures.append(_failure(f"entry {position}", entry))
            continue
        try:
            video_id = ytdlp.entry_id(entry)
        except ytdlp.Malformed as exc:
            report.failures.append(_failure(f"entry {position}", exc))
            continue
        if video_id in queued:  # in two tabs of a channel
            continue
        queued.add(video_id)
        reason = ytdlp.unavailable(entry)
        if reason:
            report.unavailable.append((video_id, reason))
        elif video_id in archive.seen:
            report.already.append((video_id, archive.seen[video_id]))
        else:
            pending.append((video_id, entry if whole else None))
    for video_id, info in track(pending, "import", describe=lambda p: p[0]):
        _import_video(video_id, info, archive, content_path, settings)
    return report


def _import_video(video_id, info, archive, content_path, settings):
    """Fetch one new video's info, write its talk, captions and thumbnail."""
    report = archive.report
    try:
        if info is None:
            info = ytdlp.fetched(ytdlp.WATCH_URL.format(id=video_id), "video")
        video = Video(**ytdlp.video_fields(info))
        if video.video_id != video_id:
            raise ytdlp.Malformed("id", f"{video.video_id!r} instead of {video_id!r}")
        if video.available and not video.published:
            raise ytdlp.Malformed("upload_date", "missing, and no timestamp either")
        captions = ytdlp.caption_choice(info, settings["DEFAULT_LANG"])
        thumbnails = ytdlp.thumbnail_urls(info)
    except ytdlp.FetchError as exc:
        report.failures.append(
            Failure(
                video_id,
                "video",
                f"not fetched: {exc}",
                "the other videos were imported; run the import again later",
            )
        )
        return
    except ytdlp.Malformed as exc:
        report.failures.append(_failure(video_id, exc))
        return
    if archive.skipped(video):
        return
    path = archive.write(video)
    if captions and not has_captions(path):
        _save_captions(path, video_id, captions, report)
    if not Path(content_path, thumbnail_path(video_id)).exists():
        _save_thumbnail(content_path, video_id, thumbnails, report)


def _save_captions(talk, video_id, choice, report):
    url, lang, ext, _automatic = choice
    target = talk.with_name(f"{talk.stem}.{lang}.{ext}")
    try:
        data = ytdlp.fetched(url, "file", ytdlp.MAX_CAPTION_BYTES)
        text = data.decode("utf-8-sig")
        if ext == "vtt" and not text.startswith("WEBVTT"):
            raise ytdlp.FetchError("not a WebVTT file (its first line is not WEBVTT)")
        with target.open("x", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except (ytdlp.FetchError, UnicodeDecodeError, FileExistsError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc
        report.failures.append(
            Failure(
                video_id,
                "captions",
                f"not downloaded: {reason}",
                f"the talk {shown_path(talk)} was written without them; save "
                f"the captions beside it as {shown_path(target)}",
            )
        )
        return
    report.captions.append((target, talk))


def _save_thumbnail(content_path, video_id, urls, report):
    reason = "no JPEG thumbnail listed"
    for url in urls:
        try:
            data = ytdlp.fetched(url, "file", ytdlp.MAX_THUMBNAIL_BYTES)
            report.thumbnails.append(save_thumbnail(content_path, video_id, data))
            return
        except (ytdlp.FetchError, ValueError, OSError) as exc:
            reason = f"{url}: {exc}"
    report.failures.append(
        Failure(
            video_id,
            "thumbnail",
            f"not downloaded from {reason}",
            "invoke fetch-thumbnails tries again; meanwhile the site shows a "
            "drawn placeholder",
        )
    )

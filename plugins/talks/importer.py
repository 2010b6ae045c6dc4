"""Talk files from a YouTube playlist export, with no API key at import time.

Two export formats are read (one file or several, e.g. one per API page):

- the YouTube Data API v3 ``playlistItems.list`` response
  (``{"kind": "youtube#playlistItemListResponse", "items": [...]}``);
- the JSON that ``yt-dlp -J <playlist URL>`` prints (``{"_type": "playlist",
  "entries": [...]}``).

Each public video becomes content/talks/<slug>.md (the slug from its
title). Private and deleted videos are skipped and reported; videos already
in the archive (by id) are skipped; no file is ever overwritten. Caption
files that yt-dlp wrote beside an export (``<title> [<id>].<lang>.vtt``,
from ``--write-auto-subs`` or ``--write-subs``) are copied beside their talk
as ``<talk>.<lang>.vtt``, matched by video id, for new talks and for talks
that have none yet.
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
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from eroi.boundary.frontmatter import one_line
from eroi.content_checks.problems import shown_path
from eroi.content_model.schema import SCHEMAS, front_matter
from eroi.slugs import slug_for
from eroi.transcripts import SUFFIXES as CAPTION_SUFFIXES
from eroi.video.youtube import VIDEO_ID

from .fields import format_timestamp
from .mentions import MENTION

UNAVAILABLE_TITLES = {
    "private video",
    "deleted video",
    "[private video]",
    "[deleted video]",
}


@dataclass
class Video:
    video_id: str
    title: str
    description: str = ""
    published: datetime | None = None  # aware
    has_time: bool = True
    duration: int | None = None
    available: bool = True


@dataclass
class ImportReport:
    created: list = field(default_factory=list)  # paths
    drafts: list = field(default_factory=list)  # (path, reason)
    already: list = field(default_factory=list)  # (video id, existing file)
    unavailable: list = field(default_factory=list)  # (video id or title, reason)
    captions: list = field(default_factory=list)  # (caption file written, talk)


class ExportError(ValueError):
    """A file that is not a playlist export we can read."""


def read_export(path):
    """The videos of one export file, in playlist order."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"{path}: file: not readable as JSON ({exc})") from None
    if (
        isinstance(data, dict)
        and data.get("kind") == "youtube#playlistItemListResponse"
    ):
        return [_from_api(item) for item in data.get("items", [])]
    if isinstance(data, dict) and data.get("_type") == "playlist":
        return [_from_ytdlp(entry) for entry in data.get("entries", []) if entry]
    raise ExportError(
        f"{path}: file: not a YouTube playlist export (hint: save the JSON of the "
        "Data API's playlistItems.list, or the output of yt-dlp -J <playlist URL>)"
    )


def _from_api(item):
    snippet = item.get("snippet", {})
    details = item.get("contentDetails", {})
    video_id = details.get("videoId") or snippet.get("resourceId", {}).get(
        "videoId", ""
    )
    privacy = item.get("status", {}).get("privacyStatus", "public")
    title = snippet.get("title", "").strip()
    # The video's own publication date is the talk's date; the date it was
    # added to the playlist is only a fallback.
    stamp = details.get("videoPublishedAt") or snippet.get("publishedAt")
    return Video(
        video_id=video_id,
        title=title,
        description=snippet.get("description", "") or "",
        published=_parse_iso(stamp),
        available=privacy in ("public", "unlisted")
        and title.lower() not in UNAVAILABLE_TITLES,
    )


def _from_ytdlp(entry):
    title = (entry.get("title") or "").strip()
    stamp = entry.get("release_timestamp") or entry.get("timestamp")
    published, has_time = None, True
    if stamp:
        published = datetime.fromtimestamp(stamp, UTC)
    elif entry.get("upload_date"):
        published = datetime.strptime(entry["upload_date"], "%Y%m%d").replace(
            tzinfo=UTC
        )
        has_time = False
    availability = entry.get("availability") or "public"
    return Video(
        video_id=entry.get("id", ""),
        title=title,
        description=entry.get("description") or "",
        published=published,
        has_time=has_time,
        duration=int(entry["duration"]) if entry.get("duration") else None,
        available=availability in ("public", "unlisted")
        and title.lower() not in UNAVAILABLE_TITLES,
    )


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


def talk_file(video, slug, speakers, draft_reason, timezone):
    when = video.published.astimezone(ZoneInfo(timezone))
    date = f"{when:%Y-%m-%d %H:%M}" if video.has_time else f"{video.published:%Y-%m-%d}"
    fields = {
        "title": one_line(video.title),
        "date": date,
        "speakers": ", ".join(s.handle for s in speakers),
        "youtube": f"https://www.youtube.com/watch?v={video.video_id}",
        "slug": slug,
        "duration": format_timestamp(video.duration) if video.duration else "",
        "status": "draft" if draft_reason else "",
    }
    # A YouTube description is plain text: its "<" and "&" are shown as typed.
    body = html.escape(video.description.strip(), quote=False)
    text = front_matter(SCHEMAS["talk"], fields, blanks=False) + "\n"
    return text + (body + "\n" if body else "")


# yt-dlp's default name: "<title> [<id>].<lang>.<ext>".
CAPTION_NAME = re.compile(
    r"\[(?P<id>[A-Za-z0-9_-]{11})\](?:\.(?P<lang>[A-Za-z]{2,3}(?:-[\w]+)*))?"
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


def attach_captions(talk, captions, report):
    """Copy ``captions`` beside the talk file ``talk``, unless it has some."""
    talk = Path(talk)
    if any(
        path.suffix.lower() in CAPTION_SUFFIXES
        for path in talk.parent.glob(f"{glob.escape(talk.stem)}.*")
    ):
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


def import_playlist(export_paths, content_path, sources, settings):
    """Write the talk files; return an ImportReport.

    ``sources`` is what the archive holds: ``registry`` (speakers),
    ``videos`` ({id: file}) and ``slugs`` (talk slugs), from sources.py.
    """
    registry = sources.registry
    report = ImportReport()
    videos = [video for path in export_paths for video in read_export(path)]
    captions = captions_beside(export_paths)
    folder = Path(content_path, "talks")
    seen = dict(sources.videos)
    slugs = set(sources.slugs)
    for video in videos:
        if (
            not video.available
            or not VIDEO_ID.match(video.video_id)
            or not video.published
        ):
            reason = (
                "private"
                if "private" in video.title.lower()
                else "deleted or unavailable"
            )
            report.unavailable.append((video.video_id or video.title, reason))
            continue
        if video.video_id in seen:
            report.already.append((video.video_id, seen[video.video_id]))
            existing = Path(seen[video.video_id])
            if video.video_id in captions and existing.is_file():
                attach_captions(existing, captions[video.video_id], report)
            continue
        speakers, unknown = match_speakers(video, registry)
        reason = None
        if unknown:
            reason = "unknown speakers " + ", ".join(f"@{h}" for h in unknown)
        elif not speakers:
            reason = "no known speaker named in the title or description"
        slug = unique(
            slug_for(video.title, settings) or video.video_id.lower(),
            slugs | {p.stem for p in folder.glob("*")},
        )
        slugs.add(slug)
        path = folder / f"{slug}.md"
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # never overwrite
            handle.write(talk_file(video, slug, speakers, reason, settings["TIMEZONE"]))
        seen[video.video_id] = shown_path(path)
        report.created.append(path)
        attach_captions(path, captions.get(video.video_id, ()), report)
        if reason:
            report.drafts.append((path, reason))
    return report

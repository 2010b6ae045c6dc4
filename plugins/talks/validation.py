"""The checks of talk and speaker files: each returns the Problems it finds.

Every problem names the file, line and field, and says how to fix it; the
generator reports them to content_checks' collector and leaves the file out.
"""

import re

from eroi.content_checks.links import link_problem, path_problem
from eroi.content_checks.problems import line_where, missing, problem, shown_path
from eroi.transcripts import attach_transcript
from eroi.video.youtube import parse_youtube

from .chapters import extract_chapters
from .fields import parse_duration, split_list

YOUTUBE_HINT = (
    "paste the video's URL, e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ, "
    "or its 11-character id"
)
TALK_LINK_FIELDS = ("slides", "discussion")
SPEAKER_LINK_FIELDS = ("website", "community")
HANDLE = re.compile(r"^[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?$")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif")


def unknown_speaker(path, handle, registry):
    closest = registry.closest(handle)
    hint = (
        f"did you mean '{closest}'?"
        if closest
        else "add content/speakers/<handle>.md for this speaker"
    )
    return problem(path, "speakers", f"unknown speaker '{handle}'", hint)


def duplicate_video(path, video_id, owner):
    return problem(
        path,
        "youtube",
        f"video {video_id} is already the recording of {owner}",
        "each recording belongs to one talk",
    )


def duplicate_slug(path, slug, owner):
    return problem(
        path,
        "slug",
        f"'{slug}' is already the URL of {owner}",
        "add a different 'Slug:' to one of them",
    )


def link_fields(source, meta, fields, content_path):
    found = []
    for field in fields:
        value = str(meta.get(field, "")).strip()
        wrong = value and link_problem(value, content_path)
        if wrong:
            found.append(problem(source, field, *wrong))
    return found


# Talks ---------------------------------------------------------------------------


def check_talk(talk, source, registry, videos, content_path, captions):
    """Problems of one talk; sets its speakers, video, duration, chapters and
    transcript (from ``captions``, a transcripts.CaptionFiles)."""
    meta = talk.metadata
    found = []
    if not str(meta.get("title", "")).strip():
        found.append(missing(source, "title", "Title: Titolo della serata"))
    if "date" not in meta:
        found.append(missing(source, "date", "Date: 2021-01-11 17:00"))
    found += _speakers(talk, source, registry)
    found += _video(talk, source, videos)
    if meta.get("duration"):
        try:
            talk.duration = parse_duration(str(meta["duration"]))
        except ValueError as exc:
            found.append(
                problem(source, "duration", str(exc), "write e.g. 1:30:00 or 90 min")
            )
    found += link_fields(source, meta, TALK_LINK_FIELDS, content_path)
    found += _chapters(talk, source)
    found += attach_transcript(talk, source, content_path, captions)
    return found


def _speakers(talk, source, registry):
    handles = split_list(talk.metadata.get("speakers", ""))
    if not handles:
        return [missing(source, "speakers", "Speakers: handle, altro.handle")]
    found, speakers = [], []
    for handle in handles:
        speaker = registry.get(handle)
        if speaker is None:
            found.append(unknown_speaker(source, handle, registry))
        elif speaker not in speakers:
            speakers.append(speaker)
    talk.speakers = speakers
    return found


def _video(talk, source, videos):
    value = str(talk.metadata.get("youtube", "")).strip()
    if not value:
        return []
    try:
        talk.video_id, talk.start = parse_youtube(value)
    except ValueError as exc:
        return [problem(source, "youtube", str(exc), YOUTUBE_HINT)]
    owner = videos.setdefault(talk.video_id, shown_path(source))
    if owner != shown_path(source):
        return [duplicate_video(source, talk.video_id, owner)]
    return []


def draft_video(talk, source, videos):
    """A draft's video counts as in the archive (the import skips it)."""
    try:
        video_id, _start = parse_youtube(str(talk.metadata.get("youtube", "")))
    except ValueError:
        return
    videos.setdefault(video_id, shown_path(source))


def _chapters(talk, source):
    link_for = talk.video_url_at if talk.video_id else lambda _seconds: None
    talk._content, talk.chapters, bad = extract_chapters(talk._content, link_for)
    found = [
        problem(
            source,
            "chapters",
            f"'{stamp}' is not a time: {reason}",
            "write the chapter's time as H:MM:SS or MM:SS, minutes and seconds "
            "below 60",
            line=_line_of(source, stamp),
        )
        for stamp, reason in bad
    ]
    if talk.duration:
        found += [
            problem(
                source,
                "chapters",
                f"'{stamp}' is after the end of the video "
                f"({talk.metadata['duration']})",
                "check the chapter's time, or the Duration",
                line=_line_of(source, stamp),
            )
            for seconds, _title, stamp in talk.chapters
            if seconds > talk.duration
        ]
    return found


def _line_of(source, stamp):
    pattern = re.compile(rf"(?<![\d:]){re.escape(stamp)}(?![\d:])")
    return line_where(source, pattern.search)


# Speakers ------------------------------------------------------------------------


def check_speaker(meta, source, content_path, static_paths):
    """Problems of one speaker file's fields (name, handle, avatar, links)."""
    found = []
    name, handle = meta.get("name", "").strip(), meta.get("handle", "").strip()
    if not name:
        found.append(missing(source, "name", "Name: Nome Cognome"))
    if not handle:
        found.append(missing(source, "handle", "Handle: forum.handle"))
    elif not HANDLE.match(handle):
        found.append(
            problem(
                source,
                "handle",
                f"'{handle}' is not a forum handle",
                "write the handle as on the forum: letters, digits, '.', '-', '_'",
            )
        )
    avatar = meta.get("avatar", "").strip()
    if avatar:
        wrong = path_problem(avatar, content_path)
        if wrong is None and not avatar.lower().endswith(IMAGE_SUFFIXES):
            wrong = (f"{avatar} is not an image", "use a .jpg, .png, .webp or .svg")
        if wrong is None and not any(
            avatar.lstrip("/").startswith(folder.rstrip("/") + "/")
            for folder in static_paths
        ):
            wrong = (
                f"{avatar} is not in a folder the site publishes",
                f"put it in content/{static_paths[0]}/",
            )
        if wrong:
            found.append(problem(source, "avatar", *wrong))
    found += link_fields(source, meta, SPEAKER_LINK_FIELDS, content_path)
    return found

"""The checks of a talk against the rest of the archive: its speakers exist,
its video belongs to no other talk, its chapters fit the video, its caption
file is readable.

Each field was parsed by the content model while the file was read; these
checks need the other files. Every problem names the file, line and field
and says how to fix it; the generator reports them and leaves the file out.
"""

import re

from eroi.model.chapters import extract_chapters
from eroi.model.italian import durata
from eroi.model.youtube import watch_url
from eroi.plugins.transcripts import transcript_of
from eroi.problems import line_where, problem, shown_path


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


def no_url(path, title, field="title"):
    return problem(
        path,
        field,
        f"'{title[:40]}' gives no URL",
        "add 'Slug: una-parola-o-due' to the front matter",
    )


def duplicate_slug(path, slug, owner):
    return problem(
        path,
        "slug",
        f"'{slug}' is already the URL of {owner}",
        "add a different 'Slug:' to one of them",
    )


# Talks ---------------------------------------------------------------------------


def check_talk(talk, source, registry, videos, content_path, captions):
    """``(problems, values)`` of one talk, its fields already parsed by the
    schema: ``values`` are what the generator sets on the talk once every
    check passed (speakers, video, duration, chapters, body, transcript);
    ``captions`` is a transcripts.CaptionFiles. Nothing is changed here."""
    meta = talk.metadata
    found, speakers = _speakers(meta.get("speakers") or [], source, registry)
    video_id, start = meta.get("youtube") or (None, 0)
    found += _video(video_id, source, videos)
    duration = meta.get("duration")
    body, chapters, wrong = extract_chapters(
        talk._content,
        (lambda seconds: watch_url(video_id, seconds)) if video_id else lambda _s: None,
    )
    found += _chapters(chapters, wrong, duration, source)
    transcript, problems = transcript_of(
        talk, source, content_path, captions, duration, chapters
    )
    found += problems
    return found, {
        "speakers": speakers,
        "video_id": video_id,
        "start": start,
        "duration": duration,
        "chapters": chapters,
        "_content": body,
        "transcript": transcript,
    }


def _speakers(handles, source, registry):
    found, speakers = [], []
    for handle in handles:
        speaker = registry.get(handle)
        if speaker is None:
            found.append(unknown_speaker(source, handle, registry))
        elif speaker not in speakers:
            speakers.append(speaker)
    return found, speakers


def _video(video_id, source, videos):
    if not video_id:
        return []
    owner = videos.setdefault(video_id, shown_path(source))
    if owner != shown_path(source):
        return [duplicate_video(source, video_id, owner)]
    return []


def draft_video(talk, source, videos):
    """A draft's video counts as in the archive (the import skips it)."""
    video_id, _start = talk.metadata.get("youtube") or (None, 0)
    if video_id:
        videos.setdefault(video_id, shown_path(source))


def _chapters(chapters, wrong, duration, source):
    found = [
        problem(
            source,
            "chapters",
            f"'{stamp}' is not a time: {reason}",
            "write the chapter's time as H:MM:SS or MM:SS, minutes and seconds "
            "below 60",
            line=_line_of(source, stamp),
        )
        for stamp, reason in wrong
    ]
    if duration:
        found += [
            problem(
                source,
                "chapters",
                f"'{stamp}' is after the end of the video ({durata(duration)})",
                "check the chapter's time, or the Duration",
                line=_line_of(source, stamp),
            )
            for seconds, _title, stamp in chapters
            if seconds > duration
        ]
    return found


def _line_of(source, stamp):
    pattern = re.compile(rf"(?<![\d:]){re.escape(stamp)}(?![\d:])")
    return line_where(source, pattern.search)

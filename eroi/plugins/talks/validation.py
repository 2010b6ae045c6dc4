"""The checks of a talk against the rest of the archive: its speakers exist,
its video belongs to no other talk, its caption file is readable.

Each field (and the chapters) was checked as the file was read; these checks
need the other files. Every problem names the file, line and field
and says how to fix it; the generator reports them and leaves the file out.
"""

from eroi import run
from eroi.messages import _
from eroi.plugins.reading import REFUSED_SPEAKERS
from eroi.plugins.transcripts import transcript_of
from eroi.problems import problem, shown_path


def unknown_speaker(path, handle, registry):
    closest = registry.closest(handle)
    hint = (
        _("did you mean '{handle}'?").format(handle=closest)
        if closest
        else _('create it: invoke new-speaker {handle} --name "Nome Cognome"').format(
            handle=handle
        )
    )
    return problem(
        path, "speakers", _("unknown speaker '{handle}'").format(handle=handle), hint
    )


def duplicate_video(path, video_id, owner):
    return problem(
        path,
        "youtube",
        _("video {video} is already the recording of {owner}").format(
            video=video_id, owner=owner
        ),
        _("each recording belongs to one talk"),
    )


def no_url(path, title, field="title"):
    return problem(
        path,
        field,
        _("'{title}' gives no URL").format(title=title[:40]),
        _("add 'Slug: una-parola-o-due' to the front matter"),
    )


def duplicate_slug(path, slug, owner):
    return problem(
        path,
        "slug",
        _("'{slug}' is already the URL of {owner}").format(slug=slug, owner=owner),
        _("add a different 'Slug:' to one of them"),
    )


# Talks ---------------------------------------------------------------------------


def check_talk(talk, source, registry, videos, content_path, captions):
    """``(problems, values)`` of one talk against the archive; its own fields,
    chapters included, were checked as it was read. ``values`` are what the
    generator sets on the talk once every check passed (its Speakers and its
    Transcript); ``captions`` is a transcripts.CaptionFiles. Nothing is
    changed here."""
    found, speakers = [], []
    refused = run.current(talk.settings).state.get(REFUSED_SPEAKERS, ())
    for handle in talk.speakers:
        speaker = registry.get(handle)
        if speaker is None:  # unknown, unless its file is wrong (said there)
            if handle.lower() not in refused:
                found.append(unknown_speaker(source, handle, registry))
        elif speaker not in speakers:
            speakers.append(speaker)
    found += _video(talk.youtube, source, videos)
    transcript, problems = transcript_of(talk, source, content_path, captions)
    found += problems
    return found, {"speakers": speakers, "transcript": transcript}


def _video(video, source, videos):
    if not video:
        return []
    owner = videos.setdefault(video.id, shown_path(source))
    if owner != shown_path(source):
        return [duplicate_video(source, video.id, owner)]
    return []


def draft_video(talk, source, videos):
    """A draft's video counts as in the archive (the import skips it)."""
    if talk.youtube:
        videos.setdefault(talk.youtube.id, shown_path(source))

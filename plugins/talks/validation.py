"""The talk archive's own problem messages (see content_checks.problems)."""

from content_checks.problems import ContentError, missing, problem, shown_path

__all__ = [
    "ContentError",
    "duplicate_video",
    "missing",
    "problem",
    "shown_path",
    "unknown_speaker",
]


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

"""The archive's order: numbering by date, states, neighbours, grouping by year."""

import itertools
from datetime import timedelta

RECORDED = "recorded"
UNAVAILABLE = "unavailable"
UPCOMING = "upcoming"


def talk_state(end, video_id, now):
    """A talk is upcoming until it ends (while it is on, its live room is
    open and no recording is missing yet); then recorded or unavailable."""
    if end > now:
        return UPCOMING
    return RECORDED if video_id else UNAVAILABLE


def talk_end(date, duration, has_time, default_minutes):
    """When a talk ends: its start plus its Duration (seconds), or
    ``default_minutes`` when it has none; a talk dated by its day only
    lasts the whole day."""
    if not has_time:
        return date + timedelta(days=1)
    return date + timedelta(seconds=duration or default_minutes * 60)


def upcoming_first(talks_newest_first):
    """The talks still to come first, the nearest first; then the others,
    as they were (newest first)."""
    upcoming = [t for t in talks_newest_first if t.state == UPCOMING]
    return upcoming[::-1] + [t for t in talks_newest_first if t.state != UPCOMING]


def number_talks(talks):
    """Number talks from 1 by date (then slug), link neighbours; return newest first."""
    chronological = sorted(talks, key=lambda talk: (talk.date, talk.slug))
    for number, talk in enumerate(chronological, start=1):
        talk.number = number
    for earlier, later in itertools.pairwise(chronological):
        later.previous_talk = earlier
        earlier.next_talk = later
    return chronological[::-1]


def by_year(talks):
    """``[(year, [talk, ...]), ...]`` in the order of ``talks``."""
    return [
        (year, list(group))
        for year, group in itertools.groupby(talks, key=lambda talk: talk.date.year)
    ]


def latest_recorded(talks_newest_first):
    return next((t for t in talks_newest_first if t.state == RECORDED), None)


def latest_past(talks_newest_first):
    return next((t for t in talks_newest_first if t.state != UPCOMING), None)


def next_upcoming(talks_newest_first):
    upcoming = [t for t in talks_newest_first if t.state == UPCOMING]
    return upcoming[-1] if upcoming else None

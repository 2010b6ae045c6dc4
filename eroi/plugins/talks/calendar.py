"""The iCalendar file of every session (upcoming ones included), Europe/Rome time.

Events carry the local time with TZID (and the VTIMEZONE they need), so
calendar apps show 17:00 in Italy whatever the reader's zone; a talk whose
time is not known is an all-day event. The same talks give the same bytes,
and a talk's own ``evento.ics`` holds the VEVENT of the full calendar.
"""

import functools
from datetime import UTC, date, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar


class Calendars:
    """Calendars of many talks, each VEVENT and VTIMEZONE serialised once.

    A calendar is the bytes icalendar writes for it: the VCALENDAR's own
    lines, then the VTIMEZONE (before the events, as RFC 5545 asks) and the
    events, as icalendar writes each component. Serialising each component
    once keeps the per-talk ``evento.ics`` files from costing as much again
    as the full calendar, VTIMEZONE included.
    """

    def __init__(self, settings, siteurl):
        self.settings = settings
        self.siteurl = siteurl
        self._events = {}  # {talk slug: bytes}

    def calendar(self, talks, name=None):
        settings = self.settings
        calendar = icalendar.Calendar()
        calendar.add("prodid", f"-//{settings['SITENAME']}//Videoconferenze//IT")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", name or f"{settings['SITENAME']}: videoconferenze")
        calendar.add("x-wr-timezone", settings["TIMEZONE"])
        head, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
        talks = sorted(talks, key=lambda t: (t.date, t.slug))
        parts = [head]
        if any(talk.has_time for talk in talks):
            first, last = talks[0].date.year, talks[-1].date.year
            parts.append(_timezone_bytes(settings["TIMEZONE"], first, last))
        parts += [self.event(talk) for talk in talks]
        parts.append(b"END:VCALENDAR" + end)
        return b"".join(parts)

    def event(self, talk):
        if talk.slug not in self._events:
            event = talk_event(talk, self.settings, self.siteurl)
            self._events[talk.slug] = event.to_ical()
        return self._events[talk.slug]


@functools.cache
def _timezone_bytes(tzid, first_year, last_year):
    return _timezone(tzid, first_year, last_year).to_ical()


@functools.cache
def _timezone(tzid, first_year, last_year):
    """The VTIMEZONE of ``tzid`` over the years the events span (icalendar's
    default, 1970-2038, is several times bigger and slower to write)."""
    return icalendar.Timezone.from_tzid(
        tzid,
        first_date=date(first_year - 1, 1, 1),
        last_date=date(last_year + 2, 1, 1),
    )


def talk_event(talk, settings, siteurl):
    """The VEVENT of one talk."""
    zone = ZoneInfo(settings["TIMEZONE"])
    default_minutes = settings["TALKS_DEFAULT_DURATION_MINUTES"]
    domain = urlsplit(siteurl).hostname or "eroidigitali"
    start = talk.date.astimezone(zone)
    length = timedelta(seconds=talk.duration or default_minutes * 60)
    if not talk.has_time:  # only the day is known: an all-day event
        start, length = start.date(), timedelta(days=1)
    event = icalendar.Event()
    event.add("uid", f"{talk.slug}@{domain}")
    event.add("dtstamp", getattr(talk, "modified", talk.date).astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + length)
    event.add("summary", f"#{talk.number} {talk.title}")
    speakers = ", ".join(speaker.name for speaker in talk.speakers)
    event.add("description", f"Con {speakers}.")
    event.add("url", f"{siteurl}/{talk.url}")
    return event

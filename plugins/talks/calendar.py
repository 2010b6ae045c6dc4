"""The iCalendar file of every session (upcoming ones included), Europe/Rome time."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar


def build_calendar(talks, settings, siteurl, name=None):
    """Return the bytes of a VCALENDAR with one VEVENT per talk.

    Events carry the local time with TZID (plus the VTIMEZONE it needs), so
    calendar apps show 17:00 in Italy whatever the reader's zone; a talk whose
    time is not known is an all-day event. Output depends only on the talks and
    settings: the same content gives the same bytes. The full calendar and a
    talk's own ``evento.ics`` hold the same VEVENT for that talk (same UID).
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings['SITENAME']}//Videoconferenze//IT")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name or f"{settings['SITENAME']}: videoconferenze")
    calendar.add("x-wr-timezone", settings["TIMEZONE"])
    for talk in sorted(talks, key=lambda t: (t.date, t.slug)):
        calendar.add_component(talk_event(talk, settings, siteurl))
    calendar.add_missing_timezones()
    return calendar.to_ical()


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

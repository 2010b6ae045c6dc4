"""The iCalendar file of every session (upcoming ones included), Europe/Rome time.

Events carry the local time with TZID (and the VTIMEZONE they need), so
calendar apps show 17:00 in Italy whatever the reader's zone; a talk whose
time is not known is an all-day event. The same talks give the same bytes,
and a talk's own ``evento.ics`` holds the VEVENT of the full calendar; a
talk with a live room (``Live:``) has it as the event's LOCATION.

Also the links a page offers next to the files: the calendar's ``webcal://``
subscription (``subscription_url``) and an upcoming talk's "Aggiungi a
Google Calendar" and "Aggiungi a Outlook" (``add_links``), plain links that
load nothing until a reader follows them.
"""

import functools
from datetime import UTC, date
from urllib.parse import quote, urlencode, urlsplit
from zoneinfo import ZoneInfo

import icalendar

from eroi.model.archive import talk_end
from eroi.plugins.sharing.structured import plain
from eroi.settings import site_url

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"


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


def subscription_url(settings):
    """``webcal://host/path/calendario.ics``, or None when the site has no
    absolute http(s) address of its own (a development build with relative
    URLs: a calendar app could not reach it)."""
    base = site_url(settings)
    calendar = settings.get("TALKS_CALENDAR")
    scheme, _, rest = base.partition("://")
    if not calendar or settings.get("RELATIVE_URLS") or scheme not in ("http", "https"):
        return None
    return f"webcal://{rest.rstrip('/')}/{calendar}"


def event_times(talk, settings):
    """``(start, end)`` of a talk's event: aware datetimes in the site's zone,
    or dates for a talk whose time is not known (an all-day event)."""
    zone = ZoneInfo(settings["TIMEZONE"])
    start = talk.date.astimezone(zone)
    end = talk_end(
        start,
        talk.duration,
        talk.has_time,
        settings["TALKS_DEFAULT_DURATION_MINUTES"],
    )
    if not talk.has_time:
        return start.date(), end.date()
    return start, end


def _summary(talk):
    """The event's title as text (a talk's title is HTML: escaped once)."""
    return f"#{talk.number} {plain(talk.title)}"


def _details(talk, siteurl):
    speakers = ", ".join(speaker.name for speaker in talk.speakers)
    return f"Con {speakers}.\n{siteurl}/{talk.url}"


def add_links(talk, settings, siteurl):
    """``{"google": url, "outlook": url}``: the talk as a new event in
    Google Calendar and Outlook on the web, times in UTC."""
    start, end = event_times(talk, settings)
    location = talk.live or f"{siteurl}/{talk.url}"
    details = _details(talk, siteurl)
    if not talk.has_time:
        google_dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
        outlook_times = {"startdt": start.isoformat(), "enddt": end.isoformat()}
        outlook_times["allday"] = "true"
    else:
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        google_dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
        outlook_times = {
            "startdt": f"{start:%Y-%m-%dT%H:%M:%SZ}",
            "enddt": f"{end:%Y-%m-%dT%H:%M:%SZ}",
        }
    google = {
        "action": "TEMPLATE",
        "text": _summary(talk),
        "dates": google_dates,
        "details": details,
        "location": location,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": _summary(talk),
        **outlook_times,
        "body": details,
        "location": location,
    }
    return {
        "google": f"{GOOGLE}?{urlencode(google, quote_via=quote)}",
        "outlook": f"{OUTLOOK}?{urlencode(outlook, quote_via=quote)}",
    }


def talk_event(talk, settings, siteurl):
    """The VEVENT of one talk."""
    domain = urlsplit(siteurl).hostname or "eroidigitali"
    start, end = event_times(talk, settings)
    event = icalendar.Event()
    event.add("uid", f"{talk.slug}@{domain}")
    event.add("dtstamp", getattr(talk, "modified", talk.date).astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", _summary(talk))
    speakers = ", ".join(speaker.name for speaker in talk.speakers)
    event.add("description", f"Con {speakers}.")
    event.add("url", f"{siteurl}/{talk.url}")
    if talk.live:
        event.add("location", talk.live)
    return event

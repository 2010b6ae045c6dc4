"""The talk archive's pure pieces: URL parsing, durations, numbering, speakers."""

from datetime import datetime, timedelta
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from eroi.model import archive
from eroi.model.chapters import extract_chapters
from eroi.model.italian import durata as format_duration
from eroi.model.parsers import FieldError, https_link, split_list
from eroi.model.parsers import duration as parse_duration
from eroi.model.speakers import SpeakerRegistry, initials, name_from_handle
from eroi.model.youtube import parse_youtube
from eroi.plugins.mentions import link_mentions
from eroi.plugins.talks.calendar import add_links, subscription_url, talk_event

ID = "dQw4w9WgXcQ"
ROME = ZoneInfo("Europe/Rome")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (ID, (ID, 0)),
        (f"https://www.youtube.com/watch?v={ID}", (ID, 0)),
        (f"https://www.youtube.com/watch?feature=share&v={ID}&t=90", (ID, 90)),
        (f"https://m.youtube.com/watch?v={ID}&t=1m30s", (ID, 90)),
        (f"www.youtube.com/watch?v={ID}", (ID, 0)),
        (f"https://youtu.be/{ID}", (ID, 0)),
        (f"https://youtu.be/{ID}?t=1h2m3s", (ID, 3723)),
        (f"https://www.youtube.com/embed/{ID}?start=120", (ID, 120)),
        (f"https://www.youtube-nocookie.com/embed/{ID}", (ID, 0)),
        (f"https://youtube.com/shorts/{ID}", (ID, 0)),
        (f"https://www.youtube.com/live/{ID}?si=abc", (ID, 0)),
        (f"  {ID}  ", (ID, 0)),
    ],
)
def test_youtube_forms_normalise_to_id_and_start(value, expected):
    assert parse_youtube(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "not a video",
        "https://vimeo.com/123456789",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/playlist?list=PL123",
        "https://www.youtube.com/",
        f"https://www.youtube.com/watch?v={ID}&t=soon",
        f"https://evil.example/{ID}",
    ],
)
def test_bad_youtube_values_are_refused(value):
    with pytest.raises(ValueError, match=r"not|no 11-character"):
        parse_youtube(value)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("1:30:00", 5400),
        ("45:00", 2700),
        ("90 min", 5400),
        ("90", 5400),
        ("1h 30m", 5400),
        ("2 ore", 7200),
        ("PT1H5M30S", 3930),
    ],
)
def test_durations(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["un'ora", "0", "1:75:00", "-5"])
def test_bad_durations_are_refused(value):
    with pytest.raises(ValueError):
        parse_duration(value)


def test_duration_labels():
    assert format_duration(5400) == "1 h 30 min"
    assert format_duration(2700) == "45 min"


def test_split_list():
    assert split_list("a, b;c ,, ") == ["a", "b", "c"]


def talk(slug, date, video=None):
    return SimpleNamespace(slug=slug, date=date, video_id=video)


def test_talks_are_numbered_by_date_and_linked_to_neighbours():
    first = datetime(2018, 12, 12, 17, tzinfo=ROME)
    talks = [
        talk("c", first + timedelta(days=14)),
        talk("a", first),
        talk("b2", first + timedelta(days=7)),
        talk("b1", first + timedelta(days=7)),  # same day: the slug decides
    ]
    newest_first = archive.number_talks(talks)
    assert [(t.slug, t.number) for t in newest_first] == [
        ("c", 4),
        ("b2", 3),
        ("b1", 2),
        ("a", 1),
    ]
    a, b1 = newest_first[3], newest_first[2]
    assert a.next_talk is b1 and b1.previous_talk is a
    assert not hasattr(a, "previous_talk") or a.previous_talk is None


def test_talk_states():
    now = datetime(2021, 1, 11, 12, tzinfo=ROME)
    assert archive.talk_state(now + timedelta(hours=5), None, now) == "upcoming"
    assert archive.talk_state(now + timedelta(hours=5), ID, now) == "upcoming"
    assert archive.talk_state(now - timedelta(days=7), ID, now) == "recorded"
    assert archive.talk_state(now - timedelta(days=7), None, now) == "unavailable"


def test_a_talk_ends_after_its_duration_or_the_default_or_its_day():
    start = datetime(2026, 12, 7, 17, 30, tzinfo=ROME)
    assert archive.talk_end(start, 5400, True, 60) == start + timedelta(minutes=90)
    assert archive.talk_end(start, None, True, 60) == start + timedelta(minutes=60)
    day = datetime(2026, 12, 7, tzinfo=ROME)
    assert archive.talk_end(day, 5400, False, 60) == day + timedelta(days=1)


def test_a_talk_on_now_is_still_upcoming_until_it_ends():
    # Monday 17:30, 90 minutes: at 18:00 the room is open, no recording is
    # missing yet; a talk dated by its day only is on all that day.
    start = datetime(2026, 12, 7, 17, 30, tzinfo=ROME)
    during = datetime(2026, 12, 7, 18, tzinfo=ROME)
    end = archive.talk_end(start, 5400, True, 60)
    assert archive.talk_state(end, None, during) == "upcoming"
    assert archive.talk_state(end, None, end) == "unavailable"
    day = datetime(2026, 12, 7, tzinfo=ROME)
    assert archive.talk_state(archive.talk_end(day, None, False, 60), None, during) == (
        "upcoming"
    )


def test_a_calendar_event_s_title_is_text():
    settings = {"TIMEZONE": "Europe/Rome", "TALKS_DEFAULT_DURATION_MINUTES": 60}
    talk = calendar_talk(datetime(2026, 12, 7, 17, 30, tzinfo=ROME))
    talk.title = "L&#39;arte &amp; il backup"  # as the reader makes it
    talk.slug = "arte"
    event = talk_event(talk, settings, "https://eroi.example.org")
    assert str(event["summary"]) == "#7 L'arte & il backup"


def test_upcoming_talks_come_first_the_nearest_first():
    talks = [
        SimpleNamespace(slug=slug, state=state)
        for slug, state in [
            ("far", "upcoming"),
            ("near", "upcoming"),
            ("last", "recorded"),
            ("before", "unavailable"),
        ]
    ]
    ordered = [t.slug for t in archive.upcoming_first(talks)]
    assert ordered == ["near", "far", "last", "before"]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            {"SITEURL": "https://eroi.example.org/sito", "RELATIVE_URLS": False},
            "webcal://eroi.example.org/sito/videoconferenze/calendario.ics",
        ),
        (
            {
                "SITEURL": "",
                "FEED_DOMAIN": "http://eroi.example.org/",
                "RELATIVE_URLS": False,
            },
            "webcal://eroi.example.org/videoconferenze/calendario.ics",
        ),
        ({"SITEURL": "http://localhost:8000", "RELATIVE_URLS": True}, None),
        ({"SITEURL": "", "RELATIVE_URLS": False}, None),
        ({"SITEURL": "https://x.example", "TALKS_CALENDAR": ""}, None),
    ],
)
def test_calendar_subscription_needs_the_site_s_absolute_address(settings, expected):
    settings = {"TALKS_CALENDAR": "videoconferenze/calendario.ics", **settings}
    assert subscription_url(settings) == expected


def calendar_talk(date, has_time=True, duration=None, live=None):
    return SimpleNamespace(
        date=date,
        has_time=has_time,
        duration=duration,
        live=live,
        number=7,
        title="Backup &amp; ripristino",
        url="videoconferenze/backup/",
        speakers=[SimpleNamespace(name="Mario Rossi")],
    )


def test_google_and_outlook_links_carry_the_talk_in_utc():
    settings = {"TIMEZONE": "Europe/Rome", "TALKS_DEFAULT_DURATION_MINUTES": 60}
    site = "https://eroi.example.org"
    summer = calendar_talk(
        datetime(2026, 7, 6, 17, 30, tzinfo=ROME),
        duration=5400,
        live="https://meet.example.org/x",
    )
    links = add_links(summer, settings, site)
    google = parse_qs(urlsplit(links["google"]).query)
    assert google["dates"] == ["20260706T153000Z/20260706T170000Z"]  # CEST
    assert google["text"] == ["#7 Backup & ripristino"]
    assert google["location"] == ["https://meet.example.org/x"]
    assert google["details"] == [
        "Con Mario Rossi.\nhttps://eroi.example.org/videoconferenze/backup/"
    ]
    outlook = parse_qs(urlsplit(links["outlook"]).query)
    assert outlook["startdt"] == ["2026-07-06T15:30:00Z"]
    assert outlook["enddt"] == ["2026-07-06T17:00:00Z"]
    assert outlook["subject"] == ["#7 Backup & ripristino"]
    # Winter, no Duration: the default length; no room: the talk's page.
    winter = calendar_talk(datetime(2026, 12, 7, 17, 30, tzinfo=ROME))
    google = parse_qs(urlsplit(add_links(winter, settings, site)["google"]).query)
    assert google["dates"] == ["20261207T163000Z/20261207T173000Z"]
    assert google["location"] == ["https://eroi.example.org/videoconferenze/backup/"]
    # Only the day is known: an all-day event.
    day = calendar_talk(datetime(2026, 12, 7, tzinfo=ROME), has_time=False)
    links = add_links(day, settings, site)
    assert parse_qs(urlsplit(links["google"]).query)["dates"] == ["20261207/20261208"]
    outlook = parse_qs(urlsplit(links["outlook"]).query)
    assert (outlook["startdt"], outlook["allday"]) == (["2026-12-07"], ["true"])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("http://meet.example.org/x", "is not an https address"),
        ("/videoconferenze/", "is not an https address"),
        ("javascript:alert(1)", "is not a link"),
    ],
)
def test_a_live_room_is_an_https_address(value, message):
    settings = {"PATH": "content"}
    assert https_link(" https://meet.example.org/x ", settings) == (
        "https://meet.example.org/x"
    )
    with pytest.raises(FieldError, match=message):
        https_link(value, settings)


def speaker(handle, aliases=()):
    return SimpleNamespace(handle=handle, aliases=list(aliases), name=handle)


def test_registry_resolves_handles_and_aliases_ignoring_case_and_at():
    registry = SpeakerRegistry()
    mario = speaker("Mario_Tonti", ["mtonti", "Mario"])
    assert registry.add(mario) == []
    for key in ("Mario_Tonti", "mario_tonti", "@Mario_Tonti", "MTONTI", "mario"):
        assert registry.get(key) is mario
    assert registry.get("luigi") is None


def test_registry_reports_clashes_and_suggests_the_closest_handle():
    registry = SpeakerRegistry()
    registry.add(speaker("stefano.pasquini", ["spasquini"]))
    other = speaker("stefano.p", ["SPasquini"])
    clashes = registry.add(other)
    assert [key for key, _owner in clashes] == ["SPasquini"]
    assert registry.closest("stefano.pasqini") == "stefano.pasquini"
    assert registry.closest("zzzzzz") is None


@pytest.mark.parametrize(
    ("handle", "name"),
    [
        ("Maurizio_Bonazzi", "Maurizio Bonazzi"),
        ("stefano.pasquini", "Stefano Pasquini"),
        ("d.curto", "d.curto"),
        ("riccardo_RPM2000", "riccardo_RPM2000"),
        ("MKTGUniontel", "MKTGUniontel"),
        ("stefanomerlo", "stefanomerlo"),
    ],
)
def test_names_from_handles(handle, name):
    assert name_from_handle(handle) == name


def test_initials():
    assert initials("Maurizio Bonazzi") == "MB"
    assert initials("d.curto") == "DC"
    assert initials("Silver") == "SI"


def test_chapters_become_timestamp_links():
    html = "<p>Intro</p>\n<p>00:00 Benvenuto\n00:12:30 Demo\n1:02:03 Domande</p>"
    out, chapters, bad = extract_chapters(
        html, lambda s: f"https://v.example/?t={s}", "talk.md"
    )
    assert chapters == [(0, "Benvenuto"), (750, "Demo"), (3723, "Domande")]
    assert bad == []
    assert '<ol class="chapters">' in out
    assert 'href="https://v.example/?t=750"' in out and 'data-start="750"' in out
    assert "<p>Intro</p>" in out


def test_chapters_in_a_list_and_without_video():
    html = "<ul>\n<li>00:05:00 Primo</li>\n<li>00:10:00 Secondo</li>\n</ul>"
    out, chapters, _bad = extract_chapters(html, None, "talk.md")
    assert chapters == [(300, "Primo"), (600, "Secondo")]
    assert 'class="chapters"' in out and "<a" not in out
    linked, _chapters, _bad = extract_chapters(html, lambda s: f"#t{s}", "talk.md")
    assert 'aria-label="00:10:00, Secondo"' in linked


def test_text_without_chapters_is_untouched():
    html = "<p>Alle 17:00 iniziamo, 12:30 non è un capitolo qui.</p>"
    assert extract_chapters(html, None, "talk.md") == (html, [], [])


def test_impossible_chapter_times_and_chapters_past_the_end_are_reported():
    html = "<p>00:00 Inizio\n00:61:00 Fine\n1:75 Altro\n2:00:00 Dopo</p>"
    _out, chapters, bad = extract_chapters(html, None, "talk.md", duration=3600)
    assert chapters == [(0, "Inizio"), (7200, "Dopo")]
    assert [p.message for p in bad] == [
        "'00:61:00' is not a time: minutes and seconds go up to 59",
        "'1:75' is not a time: minutes and seconds go up to 59",
        "'2:00:00' is after the end of the video (1 h 00 min)",
    ]


def mention_registry():
    registry = SpeakerRegistry()
    stefano = speaker("stefano.pasquini", ["spasquini"])
    stefano.relative_source_path = "speakers/stefano.pasquini.md"
    registry.add(stefano)
    return registry


def test_known_mentions_link_to_the_speaker_page_unknown_ones_stay_text():
    html = "<p>Grazie @stefano.pasquini e @SPasquini, e a @sconosciuto.</p>"
    out = link_mentions(html, mention_registry())
    assert out.count('href="{filename}/speakers/stefano.pasquini.md"') == 2
    assert "e a @sconosciuto.</p>" in out


@pytest.mark.parametrize(
    "html",
    [
        "<p>Scrivi a info@example.org o a stefano.pasquini@example.org</p>",
        "<p><code>@stefano.pasquini</code></p>",
        '<p><a href="/x">@stefano.pasquini</a></p>',
        "<pre>@stefano.pasquini</pre>",
        '<p><span class="docutils literal">@stefano.pasquini</span></p>',
        "<p>Vedi https://example.org/?u=@stefano.pasquini e www.example.org/@spasquini</p>",
        "<p>@property e @staticmethod sono decoratori</p>",
    ],
)
def test_mentions_leave_code_literals_links_addresses_and_unknown_words_alone(html):
    assert link_mentions(html, mention_registry()) == html

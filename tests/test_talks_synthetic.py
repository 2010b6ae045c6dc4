"""A SYNTHETIC archive of 40 talks and 15 speakers (tests/synthetic.py), built for real."""

from collections import Counter
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest

from tests.helpers import broken_links, run_vnu, third_party_loads
from tests.synthetic import EXTRA_CLIP

ROME = ZoneInfo("Europe/Rome")


def talk_url(talk):
    return f"/videoconferenze/{talk['slug']}/"


def test_every_talk_page_shows_number_title_date_speakers_and_state(synthetic):
    states = Counter()
    for talk in synthetic.archive.talks:
        page = synthetic.page(talk_url(talk))
        assert page.h1.get_text() == talk["title"]
        assert (
            page.select_one(".kicker").get_text()
            == f"Videoconferenza #{talk['number']}"
        )
        assert page.select_one("header time")["datetime"] == talk["date"].isoformat()
        names = [s.get_text() for s in page.select(".speaker-chips .speaker-name")]
        assert names == [f"Relatore Sintetico {h[-2:]}" for h in talk["speakers"]]
        video = page.select_one(".talk-video")
        if talk["state"] == "recorded":
            assert video.a["href"] == f"https://www.youtube.com/watch?v={talk['video']}"
        elif talk["state"] == "upcoming":
            assert "in programma" in video.get_text()
        else:
            assert "non è disponibile" in video.get_text()
        states[talk["state"]] += 1
    assert (
        states["recorded"] > 20
        and states["unavailable"] > 5
        and states["upcoming"] == 3
    )


def test_playlist_groups_by_year_newest_first(synthetic):
    page = synthetic.page("/videoconferenze/")
    years = [section.h2["id"] for section in page.select("section.talk-year")]
    assert years == ["anno-2020", "anno-2019"]
    numbers = [int(n.get_text()[1:]) for n in page.select(".talk-number")]
    assert numbers == list(range(40, 0, -1))
    card = page.select(".talk-card")[-2]  # talk #2
    assert "1 h 02 min" in card.get_text()
    labels = Counter(s.get_text() for s in page.select(".state"))
    assert labels["In programma"] == 3


def test_prev_next_follow_the_numbering(synthetic):
    talks = synthetic.archive.talks
    page = synthetic.page(talk_url(talks[9]))
    assert page.find("a", rel="prev")["href"].endswith(talk_url(talks[8]))
    assert page.find("a", rel="next")["href"].endswith(talk_url(talks[10]))
    assert synthetic.page(talk_url(talks[0])).find("a", rel="prev") is None


def test_aliases_resolve_to_the_speaker(synthetic):
    archive = synthetic.archive
    aliased = archive.speakers[0]
    assert aliased["aliases"]
    expected = archive.talks_of(aliased["handle"])
    page = synthetic.page("/relatori/relatore-sintetico-00/")
    titles = [a.get_text() for a in page.select(".talk-card-title a")]
    assert titles == [t["title"] for t in reversed(expected)]  # newest first


def test_speaker_index_counts_and_pages(synthetic):
    archive = synthetic.archive
    rows = synthetic.page("/relatori/").select(".speaker-index li")
    assert len(rows) == len(archive.speakers)
    for row, speaker in zip(rows, archive.speakers, strict=True):
        assert row.select_one(".speaker-name").get_text() == speaker["name"]
        count = len(archive.talks_of(speaker["handle"]))
        expected = {0: "nessuna registrazione in archivio", 1: "1 videoconferenza"}
        assert row.select_one(".count").get_text() == expected.get(
            count, f"{count} videoconferenze"
        )
    page = synthetic.page("/relatori/relatore-sintetico-03/")
    assert (
        "Bio sintetica del relatore 03." in page.select_one(".speaker-bio").get_text()
    )
    assert page.find("a", string="Sito web")["href"] == "https://example.org/3"
    assert "Azienda Sintetica 3" in page.select_one(".speaker-header").get_text()


def test_avatars_are_local_images_or_initials(synthetic):
    page = synthetic.page("/relatori/relatore-sintetico-01/")
    image = page.select_one(".speaker-header img.avatar")
    assert image["src"].endswith("images/relatori/relatore-01.svg")
    assert (image["width"], image["height"]) == ("96", "96")
    assert image["alt"] == ""  # the name is right beside it
    other = synthetic.page("/relatori/relatore-sintetico-02/")
    assert other.select_one(".speaker-header .avatar-initials").get_text() == "RS"


def test_talk_links_to_slides_discussion_and_its_own_event(synthetic):
    talk = synthetic.archive.talks[6]
    page = synthetic.page(talk_url(talk))
    links = {a.get_text(): a["href"] for a in page.select(".talk-links a")}
    event = links.pop("L’incontro nel calendario (iCalendar)")
    assert event.endswith(f"/videoconferenze/{talk['slug']}/evento.ics")
    assert links == {
        "Slide della presentazione": "https://example.org/slide/7",
        "Discussione nella community": "https://example.org/discussione/7",
    }


def test_home_shows_next_and_latest_recorded_talk(synthetic):
    archive = synthetic.archive
    upcoming = [t for t in archive.talks if t["state"] == "upcoming"]
    recorded = [t for t in archive.talks if t["state"] == "recorded"]
    section = synthetic.page("/").select_one(".home-talks")
    titles = [a.get_text() for a in section.select(".talk-card-title a")]
    assert titles == [upcoming[0]["title"], recorded[-1]["title"]]


def test_live_room_is_offered_until_the_talk_ends(synthetic):
    live = [t for t in synthetic.archive.talks if t["live"]]
    assert [t["state"] == "upcoming" for t in live] == [False, True, True, True]
    for talk in live:
        link = synthetic.page(talk_url(talk)).select_one(".live-link a")
        if talk["state"] == "upcoming":
            assert link.get_text() == "Partecipa alla diretta"
            assert link["href"] == talk["live"]
        else:  # over when the site was built
            assert link is None
    # The home page: on the next talk's card; no list repeats it.
    home = synthetic.page("/").select(".home-talks .live-link a")
    assert [a["href"] for a in home] == [live[1]["live"]]
    assert synthetic.page("/videoconferenze/").select(".live-link") == []
    # The calendar's event: where to join it.
    events = icalendar.Calendar.from_ical(
        synthetic.file("/videoconferenze/calendario.ics").read_bytes()
    ).walk("VEVENT")
    locations = {str(e["uid"]).split("@")[0]: e.get("location") for e in events}
    for talk in synthetic.archive.talks:
        assert locations[talk["slug"]] == talk["live"]


def test_cards_show_the_time_and_upcoming_talks_nearest_first(synthetic):
    archive = synthetic.archive
    page = synthetic.page("/videoconferenze/")
    first = page.select(".talk-card")[-1]  # talk #1, Monday 7 January 2019
    assert first.select_one("time").get_text() == "7 gennaio 2019, ore 17:00"
    assert first.select_one("time")["datetime"] == archive.talks[0]["date"].isoformat()

    # Speaker and tag pages: what is to come first, the nearest first; then
    # the past, newest first.
    def expected(talks):
        upcoming = [t for t in talks if t["state"] == "upcoming"]
        past = [t for t in talks if t["state"] != "upcoming"]
        return [t["title"] for t in upcoming + past[::-1]]

    for number, speaker in enumerate(archive.speakers):
        url = f"/relatori/relatore-sintetico-{number:02d}/"
        titles = [a.get_text() for a in synthetic.page(url).select(".talk-card a")]
        titles = [t for t in titles if t.startswith("Videoconferenza")]
        assert titles == expected(archive.talks_of(speaker["handle"])), url
    upcoming_tags = {t["tag"] for t in archive.talks if t["state"] == "upcoming"}
    for tag in upcoming_tags:
        url = f"/videoconferenze/tag/{tag.lower()}/"
        titles = [
            a.get_text() for a in synthetic.page(url).select(".talk-card-title a")
        ]
        assert titles == expected([t for t in archive.talks if t["tag"] == tag]), url


def test_upcoming_talks_can_be_added_to_google_calendar_and_outlook(synthetic):
    for talk in synthetic.archive.talks:
        page = synthetic.page(talk_url(talk))
        links = {a.get_text(): a["href"] for a in page.select(".talk-links a")}
        google = links.get("Aggiungi a Google Calendar")
        outlook = links.get("Aggiungi a Outlook")
        if talk["state"] != "upcoming":
            assert google is outlook is None
            continue
        start = talk["date"].astimezone(UTC)
        end = start + timedelta(seconds=talk["duration"])
        title = f"#{talk['number']} {talk['title']}"
        where = talk["live"] or f"http://localhost:8000{talk_url(talk)}"
        parts = urlsplit(google)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
            "https://calendar.google.com/calendar/render"
        )
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        assert query["action"] == "TEMPLATE"
        assert query["text"] == title
        assert query["dates"] == f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
        assert query["location"] == where
        assert query["details"].endswith(talk_url(talk))
        parts = urlsplit(outlook)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
            "https://outlook.live.com/calendar/0/deeplink/compose"
        )
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        assert query["subject"] == title
        assert datetime.fromisoformat(query["startdt"]) == start
        assert datetime.fromisoformat(query["enddt"]) == end
        assert query["startdt"].endswith("Z")
        assert query["location"] == where
    # A development build has no address a calendar app could subscribe to.
    playlist = synthetic.page("/videoconferenze/")
    assert playlist.select('a[href^="webcal:"]') == []


def test_visto_only_on_talks_with_a_recording(synthetic):
    talks = {t["slug"]: t for t in synthetic.archive.talks}
    for url in ("/videoconferenze/", "/"):
        boxes = synthetic.page(url).select(".mylist-controls")
        assert boxes
        for box in boxes:
            recorded = talks[box["data-slug"]]["state"] == "recorded"
            assert box.has_attr("data-senza-visto") is not recorded, box
    for talk in talks.values():
        article = synthetic.page(talk_url(talk)).select_one("article.talk")
        no_visto = "" if talk["state"] == "recorded" else "sì"
        assert article["data-senza-visto"] == no_visto


def test_chapters_link_to_the_video_at_their_time(synthetic):
    talk = synthetic.archive.talks[1]
    links = synthetic.page(talk_url(talk)).select(".chapters a.chapter-time")
    assert [a.get_text() for a in links] == ["00:00:00", "00:12:30", "01:01:30"]
    assert [a["aria-label"] for a in links] == [
        "00:00:00, Introduzione",
        "00:12:30, Demo dal vivo",
        "01:01:30, Domande",
    ]
    assert links[1]["href"] == f"https://www.youtube.com/watch?v={talk['video']}&t=750s"


def test_restructuredtext_talk_and_its_youtube_directive(synthetic):
    talk = synthetic.archive.talks[4]
    page = synthetic.page(talk_url(talk))
    assert page.h1.get_text() == talk["title"]
    assert page.select_one(".talk-video a")["href"].endswith(talk["video"])
    assert page.find("iframe") is None
    clip = page.select_one(".prose .video a.video-link")
    assert clip["href"] == f"https://www.youtube.com/watch?v={EXTRA_CLIP}"


def test_talk_tags_have_their_pages(synthetic):
    tagged = [t for t in synthetic.archive.talks if t["tag"] == "VoIP"]
    page = synthetic.page("/videoconferenze/tag/voip/")
    assert len(page.select(".talk-card")) == len(tagged)


def test_talk_and_speaker_feeds(synthetic):
    feed = feedparser.parse(
        synthetic.file("/feeds/videoconferenze.atom.xml").read_bytes()
    )
    assert not feed.bozo
    assert len(feed.entries) == 40
    newest = synthetic.archive.talks[-1]
    assert feed.entries[0].title == f"#{newest['number']} {newest['title']}"
    handle = synthetic.archive.speakers[1]["handle"]
    own = feedparser.parse(
        synthetic.file("/feeds/relatori/relatore-sintetico-01.atom.xml").read_bytes()
    )
    assert len(own.entries) == len(synthetic.archive.talks_of(handle))


def test_calendar_has_every_session_at_local_time(synthetic):
    data = synthetic.file("/videoconferenze/calendario.ics").read_bytes()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 40
    by_uid = {str(e["uid"]).split("@")[0]: e for e in events}
    for talk in synthetic.archive.talks:
        event = by_uid[talk["slug"]]
        start = event.decoded("dtstart")
        assert start == talk["date"]
        assert start.astimezone(ROME).hour == 17
        assert event.decoded("dtend") - start == timedelta(seconds=talk["duration"])
    summer = next(t for t in synthetic.archive.talks if t["date"].month == 7)
    start = by_uid[summer["slug"]].decoded("dtstart")
    assert start.utcoffset() == timedelta(hours=2)  # CEST
    assert b"DTSTART;TZID=Europe/Rome:" in data


def test_mentions_in_articles_link_to_speakers(synthetic):
    page = synthetic.page("/blog/2019/articolo-sintetico-000/")
    mention = page.select_one(".prose a.mention")
    assert mention.get_text() == "@relatore.00"
    assert mention["href"].endswith("relatori/relatore-sintetico-00/")


def test_synthetic_build_passes_the_quality_gates(synthetic, vnu):
    assert synthetic.log == []
    assert broken_links(synthetic.output) == []
    assert third_party_loads(synthetic.output) == []
    assert run_vnu(vnu, synthetic.output) == []


@pytest.mark.parametrize("title", ['<script>alert("x")</script> & co.'])
def test_metadata_is_escaped(tmp_path, title):
    from tests.helpers import build_site

    content = tmp_path / "content"
    (content / "speakers").mkdir(parents=True)
    (content / "talks").mkdir()
    (content / "speakers" / "mario.md").write_text(
        'Name: Mario <b>"Rossi"</b>\nHandle: mario\n', encoding="utf-8"
    )
    (content / "talks" / "x.md").write_text(
        f"Title: {title}\nDate: 2020-01-13 17:00\nSpeakers: mario\nSlug: x\n\nTesto.\n",
        encoding="utf-8",
    )
    site = build_site(tmp_path / "output", PATH=str(content))
    speaker_url = (
        "/relatori/"
        + site.page("/relatori/")
        .select_one(".speaker-index a")["href"]
        .rstrip("/")
        .rsplit("/", 1)[-1]
        + "/"
    )
    pages = ("/videoconferenze/x/", "/videoconferenze/", speaker_url, "/", "/cerca/")
    for url in pages:
        page = site.page(url)
        scripts = [s.get("src", s.get("type")) for s in page.find_all("script")]
        ours = (
            "theme/js/video.js",
            "theme/js/playlist.js",
            "theme/js/mylist.js",
            "theme/js/continua.js",
            "theme/js/search.js",
            "application/ld+json",
        )
        assert [s for s in scripts if not s.endswith(ours)] == [], url
        data = page.find("script", type="application/ld+json").string
        assert "<" not in data, url
        assert page.find("b") is None, url
    assert site.page("/videoconferenze/x/").h1.get_text() == title
    # The search's filters are written with the page: names as text.
    speakers = site.page("/cerca/").select("#ricerca-filtro-relatore option")
    assert [o.get_text() for o in speakers][1:] == ['Mario <b>"Rossi"</b>']
    assert 'Mario <b>"Rossi"</b>' in site.page("/relatori/").get_text()

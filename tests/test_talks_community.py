"""The talk archive of the SYNTHETIC community (tests/community.py): a first
talk known by its day only and without a video, a recap that @mentions every
speaker, speakers with and without talks."""

from datetime import date

import feedparser
import icalendar

from tests.community import RECAP, SPEAKERS, TALK
from tests.helpers import soup


def test_first_meeting_page(community):
    page = community.page(TALK["url"])
    assert page.select_one(".kicker").get_text(strip=True) == "Videoconferenza #1"
    # The file gives the day, not the time: no time is shown.
    assert page.select_one("header time").text == "mercoledì 12 dicembre 2018"
    speaker = page.select_one(".speaker-chips a")
    assert speaker.select_one(".speaker-name").get_text() == TALK["speaker"]
    assert speaker["href"].endswith(TALK["speaker_url"])
    assert "non è disponibile" in page.select_one(".talk-video").get_text()
    assert page.select(".talk-video a") == []  # no video id is known: no video link


def test_recap_mentions_link_to_every_speaker_page(community):
    page = community.page(RECAP["url"])
    mentions = page.select(".prose a.mention")
    assert [a.get_text() for a in mentions] == [f"@{h}" for h in SPEAKERS]
    base = community.output / RECAP["url"].strip("/") / "index.html"
    for link in mentions:
        target = (base.parent / link["href"] / "index.html").resolve()
        assert target.is_file(), link["href"]
        assert soup(target).h1.get_text() != ""


def test_speaker_index_lists_everyone_a_to_z_with_counts(community):
    page = community.page("/relatori/")
    rows = page.select(".speaker-index li")
    assert len(rows) == len(SPEAKERS)
    names = [row.select_one(".speaker-name").get_text() for row in rows]
    assert names == sorted(names, key=str.casefold)
    counts = {
        row.select_one(".speaker-name").get_text(): row.select_one(".count").get_text()
        for row in rows
    }
    assert counts[TALK["speaker"]] == "1 videoconferenza"
    # Never "0 videoconferenze": a phrase that is true of nothing.
    assert counts["Stefano Pasquini"] == "nessuna registrazione in archivio"
    assert counts["riccardo_RPM2000"] == "nessuna registrazione in archivio"


def test_speaker_page_has_initials_profile_link_and_talks(community):
    page = community.page("/relatori/maurizio-bonazzi/")
    assert page.h1.get_text() == "Maurizio Bonazzi"
    assert page.select_one(".avatar-initials").get_text() == "MB"
    profile = page.find("a", string="Profilo nella community")
    assert profile["href"] == "https://community.nethesis.it/u/Maurizio_Bonazzi"
    assert [a.get_text() for a in page.select(".talk-card-title a")] == [TALK["title"]]
    feeds = [link["href"] for link in page.find_all("link", rel="alternate")]
    assert any(f.endswith("feeds/relatori/maurizio-bonazzi.atom.xml") for f in feeds)
    nobody = community.page("/relatori/costa/")
    assert "Nessuna registrazione in archivio" in nobody.get_text()
    assert "0 videoconferenze" not in nobody.get_text()


def test_playlist_and_home_show_the_talk(community):
    playlist = community.page("/videoconferenze/")
    card = playlist.select_one(".talk-card")
    assert card.select_one(".talk-number").get_text() == "#1"
    assert "Registrazione non disponibile" in card.get_text()
    assert playlist.select_one("#anno-2018") is not None
    home = community.page("/")
    assert TALK["title"] in home.select_one(".home-talks").get_text()


def test_talk_feed_and_calendar(community):
    feed = feedparser.parse(
        community.file("/feeds/videoconferenze.atom.xml").read_bytes()
    )
    assert [e.title for e in feed.entries] == [f"#1 {TALK['title']}"]
    assert feed.entries[0].author == TALK["speaker"]
    calendar = icalendar.Calendar.from_ical(
        community.file("/videoconferenze/calendario.ics").read_bytes()
    )
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert events[0].decoded("dtstart") == date(2018, 12, 12)  # all day: time unknown
    assert events[0].decoded("dtend") == date(2018, 12, 13)


def test_nav_links_to_talks_and_speakers(community):
    nav = [a.get_text() for a in community.page("/").select("header nav a")]
    assert nav[:3] == ["Blog", "Videoconferenze", "Relatori"]
    current = community.page("/relatori/costa/").select("header nav [aria-current]")
    assert [a.get_text() for a in current] == ["Relatori"]

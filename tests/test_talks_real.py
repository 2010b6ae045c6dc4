"""The real archive: the 23 speakers of the recap and the first online meeting."""

from datetime import date

import feedparser
import icalendar

from tests.helpers import soup

RECAP_URL = "/blog/2020/cosa-abbiamo-imparato-da-2-anni-di-videoconferenze/"
FIRST_TALK_URL = "/videoconferenze/primo-incontro-online/"
HANDLES = [
    "Maurizio_Bonazzi",
    "stefano.pasquini",
    "ilario.baronio",
    "d.curto",
    "costa",
    "Silver",
    "tommaso.tuni",
    "d.pallotta",
    "fuso",
    "francesco",
    "paolo",
    "a.marchesi",
    "MKTGUniontel",
    "isacomputer",
    "v.verratti",
    "doppioclick",
    "riccardo_RPM2000",
    "Mario_Tonti",
    "stetor",
    "a.bolgia",
    "peppe",
    "stefanomerlo",
    "Ulerich",
]


def test_first_meeting_page(site):
    page = site.page(FIRST_TALK_URL)
    assert page.select_one(".kicker").get_text(strip=True) == "Videoconferenza #1"
    # The seeds give the day, not the time: no time is shown.
    assert page.select_one("header time").text == "mercoledì 12 dicembre 2018"
    speaker = page.select_one(".speaker-chips a")
    assert speaker.select_one(".speaker-name").get_text() == "Maurizio Bonazzi"
    assert speaker["href"].endswith("relatori/maurizio-bonazzi/")
    assert "non è disponibile" in page.select_one(".talk-video").get_text()
    assert page.select(".talk-video a") == []  # no video id is known: no video link


def test_recap_speaker_list_links_to_the_23_speaker_pages(site):
    page = site.page(RECAP_URL)
    mentions = page.select(".prose a.mention")
    assert [a.get_text() for a in mentions] == [f"@{h}" for h in HANDLES]
    base = site.output / RECAP_URL.strip("/") / "index.html"
    for link in mentions:
        target = (base.parent / link["href"] / "index.html").resolve()
        assert target.is_file(), link["href"]
        assert soup(target).h1.get_text() != ""


def test_speaker_index_lists_everyone_a_to_z_with_counts(site):
    page = site.page("/relatori/")
    rows = page.select(".speaker-index li")
    assert len(rows) == 23
    names = [row.select_one(".speaker-name").get_text() for row in rows]
    assert names == sorted(names, key=str.casefold)
    counts = {
        row.select_one(".speaker-name").get_text(): row.select_one(".count").get_text()
        for row in rows
    }
    assert counts["Maurizio Bonazzi"] == "1 videoconferenza"
    # Never "0 videoconferenze": a phrase that is true of nothing.
    assert counts["Stefano Pasquini"] == "nessuna registrazione in archivio"
    assert counts["riccardo_RPM2000"] == "nessuna registrazione in archivio"


def test_speaker_page_has_initials_profile_link_and_talks(site):
    page = site.page("/relatori/maurizio-bonazzi/")
    assert page.h1.get_text() == "Maurizio Bonazzi"
    assert page.select_one(".avatar-initials").get_text() == "MB"
    profile = page.find("a", string="Profilo nella community")
    assert profile["href"] == "https://community.nethesis.it/u/Maurizio_Bonazzi"
    assert [a.get_text() for a in page.select(".talk-card-title a")] == [
        "Il primo incontro online degli Eroi Digitali"
    ]
    feeds = [link["href"] for link in page.find_all("link", rel="alternate")]
    assert any(f.endswith("feeds/relatori/maurizio-bonazzi.atom.xml") for f in feeds)
    nobody = site.page("/relatori/stetor/")
    assert "Nessuna registrazione in archivio" in nobody.get_text()
    assert "0 videoconferenze" not in nobody.get_text()


def test_playlist_and_home_show_the_talk(site):
    playlist = site.page("/videoconferenze/")
    card = playlist.select_one(".talk-card")
    assert card.select_one(".talk-number").get_text() == "#1"
    assert "Registrazione non disponibile" in card.get_text()
    assert playlist.select_one("#anno-2018") is not None
    home = site.page("/")
    assert "Il primo incontro online" in home.select_one(".home-talks").get_text()


def test_talk_feed_and_calendar(site):
    feed = feedparser.parse(site.file("/feeds/videoconferenze.atom.xml").read_bytes())
    assert [e.title for e in feed.entries] == [
        "#1 Il primo incontro online degli Eroi Digitali"
    ]
    assert feed.entries[0].author == "Maurizio Bonazzi"
    calendar = icalendar.Calendar.from_ical(
        site.file("/videoconferenze/calendario.ics").read_bytes()
    )
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert events[0].decoded("dtstart") == date(2018, 12, 12)  # all day: time unknown
    assert events[0].decoded("dtend") == date(2018, 12, 13)


def test_nav_links_to_talks_and_speakers(site):
    nav = [a.get_text() for a in site.page("/").select("header nav a")]
    assert nav[:3] == ["Blog", "Videoconferenze", "Relatori"]
    current = site.page("/relatori/stetor/").select("header nav [aria-current]")
    assert [a.get_text() for a in current] == ["Relatori"]

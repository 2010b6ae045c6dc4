"""Playlist filters on /videoconferenze/, in a real browser (chromium, Playwright).

A SYNTHETIC archive: every filter, the URL that carries them, the count
announced to screen readers, keyboard use, and the page without JavaScript.
"""

import posixpath
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.axe import assert_no_violation
from tests.helpers import run_vnu

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402


def shown(page):
    """The titles of the talks shown, once the filters have drawn them."""
    expect(page.locator("#risultati[aria-busy]")).to_have_count(0)
    return page.locator(".talk-card:visible .talk-card-title a").all_inner_texts()


def speaker_slug(speaker):
    return speaker["name"].lower().replace(" ", "-")


def test_without_javascript_every_talk_is_listed(browser, server, synthetic):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/videoconferenze/?anno=2019")
    assert len(shown(page)) == len(synthetic.archive.talks)
    expect(page.locator("#filtri")).to_be_hidden()
    context.close()


def test_each_filter_shows_only_its_talks(page, server, synthetic):
    archive = synthetic.archive
    speaker = archive.speakers[2]
    cases = {
        "anno": ("2020", [t for t in archive.talks if t["date"].year == 2020]),
        "relatore": (speaker_slug(speaker), archive.talks_of(speaker["handle"])),
        "tag": ("firewall", [t for t in archive.talks if t["tag"] == "Firewall"]),
        "stato": ("upcoming", [t for t in archive.talks if t["state"] == "upcoming"]),
    }
    page.goto(server + "/videoconferenze/")
    status = page.get_by_role("status")
    expect(status).to_have_text(f"{len(archive.talks)} videoconferenze in elenco.")
    for key, (value, talks) in cases.items():
        page.select_option(f"#filtro-{key}", value)
        expected = sorted(t["title"] for t in talks)
        assert sorted(shown(page)) == expected, key
        assert parse_qs(urlsplit(page.url).query) == {key: [value]}
        noun = (
            "videoconferenza mostrata"
            if len(talks) == 1
            else "videoconferenze mostrate"
        )
        expect(status).to_have_text(f"{len(talks)} {noun} su {len(archive.talks)}.")
        page.select_option(f"#filtro-{key}", "")
    page.fill("#filtro-parole", "sintetica 007")
    assert shown(page) == [archive.talks[6]["title"]]
    assert parse_qs(urlsplit(page.url).query) == {"parole": ["sintetica 007"]}
    page.fill("#filtro-parole", "nessuna parola così")
    expect(status).to_have_text("Nessuna videoconferenza corrisponde ai filtri.")
    assert page.locator(".talk-year:visible").count() == 0
    page.get_by_role("button", name="Azzera i filtri").click()
    # The form applies a reset after the browser has cleared its fields.
    expect(status).to_have_text(f"{len(archive.talks)} videoconferenze in elenco.")
    assert len(shown(page)) == len(archive.talks)
    assert urlsplit(page.url).query == ""


def test_a_shared_link_opens_the_playlist_filtered(page, server, synthetic):
    archive = synthetic.archive
    speaker = archive.speakers[0]
    talks = [t for t in archive.talks_of(speaker["handle"]) if t["date"].year == 2019]
    assert talks
    page.goto(f"{server}/videoconferenze/?relatore={speaker_slug(speaker)}&anno=2019")
    assert sorted(shown(page)) == sorted(t["title"] for t in talks)
    expect(page.locator("#filtro-relatore")).to_have_value(speaker_slug(speaker))
    expect(page.locator("#filtro-anno")).to_have_value("2019")
    # Only the years with a talk shown keep their heading, with the count shown.
    expect(page.locator(".talk-year:visible h2")).to_have_text([f"2019 ({len(talks)})"])


def test_the_speaker_page_links_to_the_playlist_filtered(page, server, synthetic):
    speaker = synthetic.archive.speakers[1]
    page.goto(f"{server}/relatori/{speaker_slug(speaker)}/")
    page.get_by_role("link", name="Nella playlist").click()
    page.wait_for_url("**/videoconferenze/?relatore=*")
    talks = synthetic.archive.talks_of(speaker["handle"])
    assert sorted(shown(page)) == sorted(t["title"] for t in talks)


def test_filters_by_keyboard_alone(page, server, synthetic):
    page.goto(server + "/videoconferenze/")
    page.focus("#filtro-parole")
    page.keyboard.type("voip")
    voip = [t["title"] for t in synthetic.archive.talks if t["tag"] == "VoIP"]
    assert sorted(shown(page)) == sorted(voip)
    page.keyboard.press("Tab")  # the year
    assert page.evaluate("document.activeElement.id") == "filtro-anno"
    page.keyboard.press("ArrowDown")  # the newest year
    newest = str(synthetic.archive.talks[-1]["date"].year)
    expect(page.locator("#filtro-anno")).to_have_value(newest)
    assert f"anno={newest}" in page.url
    for _ in range(4):  # past speaker, tag and state: the reset button
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "reset"
    page.keyboard.press("Enter")
    expect(page.locator(".talk-card:visible")).to_have_count(
        len(synthetic.archive.talks)
    )


def test_axe_finds_no_violation_on_a_filtered_playlist(page, server, synthetic):
    speaker = synthetic.archive.speakers[0]
    page.goto(f"{server}/videoconferenze/?relatore={speaker_slug(speaker)}")
    assert_no_violation(page, "filtered by speaker")
    page.fill("#filtro-parole", "nessuna parola così")
    assert_no_violation(page, "no talk shown")


def test_the_language_is_shown_and_filtered_when_there_are_two(page, bilingual):
    talks = bilingual.archive.talks
    english = [t["title"] for t in talks if t["lang"] == "en"]
    assert len(english) == 3
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(bilingual.base_url + "/videoconferenze/")
    cards = page.locator(".talk-card")
    foreign = cards.filter(has_text="· in inglese")
    expect(foreign).to_have_count(3)
    expect(cards.filter(has_text="in italiano")).to_have_count(0)
    # The title is marked as English; the card's Italian words are not.
    expect(foreign.locator(".talk-card-title a[lang=en]")).to_have_count(3)
    expect(page.locator(".talk-card-title a[lang]")).to_have_count(3)
    page.select_option("#filtro-lingua", label="inglese (3)")
    assert sorted(shown(page)) == sorted(english)
    # The cards the filter draws say it and mark the titles too.
    drawn = page.locator("#risultati .talk-card:visible")
    expect(drawn.filter(has_text="· in inglese")).to_have_count(3)
    expect(drawn.locator(".talk-card-title a[lang=en]")).to_have_count(3)
    assert parse_qs(urlsplit(page.url).query) == {"lingua": ["inglese"]}
    expect(page.locator("#filtri-esito")).to_have_text(
        f"3 videoconferenze mostrate su {len(talks)}."
    )
    assert_no_violation(page, "playlist in English")
    page.select_option("#filtro-lingua", "italiano")
    assert len(shown(page)) == len(talks) - 3
    # A shared link in English.
    page.goto(bilingual.base_url + "/videoconferenze/?lingua=inglese")
    assert sorted(shown(page)) == sorted(english)
    # The talk's page: Italian, its title and description in English.
    page.get_by_role("link", name=english[0], exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.locator("article.talk h1")).to_have_attribute("lang", "en")
    expect(page.locator("article.talk .prose")).to_have_attribute("lang", "en")
    expect(page.locator("article.talk header .meta")).to_contain_text("in inglese")
    assert_no_violation(page, "a talk in English")


def test_one_language_offers_no_language_filter(page, server, synthetic):
    page.goto(server + "/videoconferenze/")
    expect(page.locator(".talk-card").first).to_be_visible()
    expect(page.locator("#filtro-lingua")).to_have_count(0)
    expect(page.locator(".talk-card", has_text="in italiano")).to_have_count(0)
    page.goto(server + "/cerca/?q=sintetica")
    expect(page.locator("#ricerca-filtro-lingua")).to_have_count(0)


# A playlist in pages: 120 SYNTHETIC talks, 20 a page (conftest.PAGED) -------------

MOST_ELEMENTS = 2000  # on any page, however large the archive


def pages_of(site, first):
    """``[(path, soup)]`` of each page of a list, from ``first`` (a file of
    the output) along its "next" links."""
    found, path = [], first
    while path:
        soup = BeautifulSoup((site.output / path).read_text("utf-8"), "html.parser")
        found.append((path, soup))
        assert len(soup.find_all(True)) <= MOST_ELEMENTS, path
        link = soup.select_one('.pagination a[rel="next"]')
        path = link and posixpath.normpath(
            posixpath.join(posixpath.dirname(path), link["href"], "index.html")
        )
    return found


def card_titles(soup):
    return [a.get_text() for a in soup.select(".talk-card-title a")]


def test_the_playlist_s_pages_link_to_each_other_and_hold_every_talk_once(paged):
    pages = pages_of(paged, "videoconferenze/index.html")
    talks = paged.archive.talks
    assert len(pages) == 6
    listed = [title for _path, soup in pages for title in card_titles(soup)]
    assert listed == [t["title"] for t in reversed(talks)]  # newest first
    for number, (path, soup) in enumerate(pages, start=1):
        assert len(card_titles(soup)) == 20
        nav = soup.select_one(".pagination")
        assert f"Pagina {number} di 6" in nav.get_text()
        if number > 1:
            assert path == f"videoconferenze/pagina/{number}/index.html"
            assert soup.select_one('a[rel="prev"]') is not None
            assert f"pagina {number} di 6" in soup.h1.get_text()
    # From the first page, the last is one link away, and back.
    first = pages[0][1].select_one(".pagination").find("a", string="Ultima pagina »")
    assert first["href"].endswith("videoconferenze/pagina/6/")
    last = pages[-1][1].select_one(".pagination").find("a", string="« Prima pagina")
    assert last["href"].endswith("videoconferenze/")


def test_speaker_tag_and_speakers_pages_come_in_pages(paged):
    speakers = pages_of(paged, "relatori/index.html")
    names = [
        s.get_text() for _p, soup in speakers for s in soup.select(".speaker-name")
    ]
    assert len(speakers) == 3  # 12 speakers, 5 a page
    assert names == sorted(s["name"] for s in paged.archive.speakers)
    speaker = paged.archive.speakers[0]
    talks = paged.archive.talks_of(speaker["handle"])
    pages = pages_of(paged, f"relatori/{speaker_slug(speaker)}/index.html")
    assert len(pages) == -(-len(talks) // 5) > 1
    listed = [t for _path, soup in pages for t in card_titles(soup)]
    assert sorted(listed) == sorted(t["title"] for t in talks)
    # Search finds the speaker once, from the first page.
    assert [bool(soup.select("[data-pagefind-body]")) for _p, soup in pages] == [
        True
    ] + [False] * (len(pages) - 1)
    tagged = [t for t in paged.archive.talks if t["tag"] == "Backup"]
    pages = pages_of(paged, "videoconferenze/tag/backup/index.html")
    assert len(pages) == 2
    listed = [t for _path, soup in pages for t in card_titles(soup)]
    assert sorted(listed) == sorted(t["title"] for t in tagged)


def test_without_javascript_the_next_page_is_a_link(browser, paged_server, paged):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(paged_server + "/videoconferenze/")
    expect(page.locator(".talk-card:visible")).to_have_count(20)
    page.get_by_role("link", name="Meno recenti").click()
    page.wait_for_url("**/videoconferenze/pagina/2/")
    expect(page.locator(".talk-card:visible").first).to_contain_text(
        paged.archive.talks[-21]["title"]
    )
    context.close()


def test_a_filter_on_the_first_page_finds_talks_of_every_page(
    page, paged_server, paged
):
    talks = paged.archive.talks
    page.goto(paged_server + "/videoconferenze/")
    # Talk 70 is on the third page only.
    page.fill("#filtro-parole", "sintetica 070")
    expect(page.locator(".talk-card:visible")).to_have_count(1)
    assert shown(page) == [talks[69]["title"]]
    expect(page.locator(".pagination")).to_be_hidden()
    page.fill("#filtro-parole", "")
    expect(page.locator(".pagination")).to_be_visible()
    # A speaker's talks, all of them, from a shared link.
    speaker = paged.archive.speakers[3]
    expected = paged.archive.talks_of(speaker["handle"])
    page.goto(f"{paged_server}/videoconferenze/?relatore={speaker_slug(speaker)}")
    expect(page.get_by_role("status")).to_have_text(
        f"{len(expected)} videoconferenze mostrate su {len(talks)}."
    )
    assert sorted(shown(page)) == sorted(t["title"] for t in expected)
    expect(page.locator("#filtro-relatore")).to_have_value(speaker_slug(speaker))


def test_many_matches_come_a_few_at_a_time(page, paged_server, paged):
    recorded = [t for t in paged.archive.talks if t["state"] == "recorded"]
    assert len(recorded) > 48
    page.goto(paged_server + "/videoconferenze/pagina/2/?stato=recorded")
    expect(page.locator(".talk-card:visible")).to_have_count(48)
    assert_no_violation(page, "a page of matches, more to come")
    page.get_by_role("button", name="Mostra altre videoconferenze").click()
    expect(page.locator(".talk-card:visible")).to_have_count(min(96, len(recorded)))
    # The first card drawn has the focus: the reader goes on from there.
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == shown(page)[48]
    while page.get_by_role("button", name="Mostra altre videoconferenze").count():
        page.get_by_role("button", name="Mostra altre videoconferenze").click()
    assert sorted(shown(page)) == sorted(t["title"] for t in recorded)


@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_no_violation_on_a_page_of_a_list(page, paged_server, width):
    page.set_viewport_size({"width": width, "height": 640})
    for path in (
        "/videoconferenze/pagina/3/",
        "/relatori/pagina/2/",
        "/videoconferenze/tag/backup/pagina/2/",
    ):
        page.goto(paged_server + path)
        assert_no_violation(page, f"{path} at {width} px")
        # Nothing wider than the screen, the links between pages included.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


def test_the_pages_of_the_lists_are_valid_html(paged, vnu, tmp_path):
    for path in (
        "videoconferenze/pagina/2/index.html",
        "relatori/pagina/2/index.html",
        "videoconferenze/tag/backup/pagina/2/index.html",
        "contribuisci/index.html",
    ):
        shutil.copy(paged.output / path, tmp_path / path.replace("/", "-"))
    assert run_vnu(vnu, tmp_path) == []

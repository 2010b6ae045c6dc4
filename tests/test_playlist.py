"""Playlist filters on /videoconferenze/, in a real browser (chromium, Playwright).

A SYNTHETIC archive: every filter, the URL that carries them, the count
announced to screen readers, keyboard use, and the page without JavaScript.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.axe import assert_no_violation

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402


def shown(page):
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

"""The site in a real browser (Debian's chromium driven by Playwright).

Every page type is loaded from a local server: nothing may be requested from
another host on load or after scrolling; the video facade must swap in the
youtube-nocookie player on click, Enter or Space (and a chapter link must start
it at its time); without JavaScript the facade is a link; axe-core (tests/axe.py)
must report no accessibility violation, on every page type and on every variant
of the facade, as a button and as a link.
"""

from urllib.parse import quote, urlsplit

import pytest

from tests.axe import assert_no_violation
from tests.synthetic import THUMBNAILS

playwright = pytest.importorskip("playwright.sync_api")


def page_types(synthetic):
    talks = synthetic.archive.talks
    return {
        "home": "/",
        "article": "/blog/2019/articolo-sintetico-000/",
        "talk": f"/videoconferenze/{talks[0]['slug']}/",
        "talk-with-chapters": f"/videoconferenze/{talks[1]['slug']}/",
        "playlist": "/videoconferenze/",
        "speaker index": "/relatori/",
        "speaker": "/relatori/relatore-sintetico-01/",
        "search": "/cerca/?q=sintetica",
    }


def third_party(requests):
    return [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]


def test_no_request_leaves_the_site_on_load_or_scroll(page, server, synthetic):
    for name, url in page_types(synthetic).items():
        page.requests.clear()
        page.goto(server + url, wait_until="networkidle")
        page.mouse.wheel(0, 100_000)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        assert page.requests, name
        assert third_party(page.requests) == [], name
    assert page.csp_errors == []


def talk_page(page, server, synthetic, index=0):
    talk = synthetic.archive.talks[index]
    page.goto(f"{server}/videoconferenze/{talk['slug']}/", wait_until="load")
    return talk


def embed_url(page, talk):
    """The player's address: the embed's own messages open to this page's origin."""
    origin = quote("{0.scheme}://{0.netloc}".format(urlsplit(page.url)), safe="")
    return (
        f"https://www.youtube-nocookie.com/embed/{talk['video']}"
        f"?enablejsapi=1&origin={origin}&autoplay=1"
    )


def assert_player(page, talk, start=None):
    frame = page.locator(".talk-video .video iframe")
    frame.wait_for()
    src = frame.get_attribute("src")
    expected = embed_url(page, talk)
    assert src == expected + (f"&start={start}" if start else "")
    assert frame.get_attribute("title") == talk["title"]
    assert frame.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    assert "autoplay" in frame.get_attribute("allow")
    assert page.locator(".talk-video .video-play").count() == 0


def test_facade_is_a_button_named_in_italian(page, server, synthetic):
    talk = talk_page(page, server, synthetic)
    button = page.get_by_role("button", name=f"Guarda il video: {talk['title']}")
    assert button.count() == 1
    assert page.locator(".talk-video iframe").count() == 0


def test_click_swaps_in_the_nocookie_player(page, server, synthetic):
    talk = talk_page(page, server, synthetic)
    page.click(".talk-video .video-play")
    assert_player(page, talk)
    assert third_party(page.requests) == [embed_url(page, talk)]


@pytest.mark.parametrize("key", ["Enter", " "])
def test_keyboard_plays_the_video(page, server, synthetic, key):
    talk = talk_page(page, server, synthetic)
    page.focus(".talk-video .video-play")
    page.keyboard.press(key)
    assert_player(page, talk)


def test_chapter_link_starts_the_video_at_its_time(page, server, synthetic):
    talk = talk_page(page, server, synthetic, index=1)
    page.click("a.chapter-time[data-start='750']")
    assert_player(page, talk, start=750)
    assert page.url.endswith(f"/videoconferenze/{talk['slug']}/")  # stayed on the page


def test_a_shared_moment_plays_from_its_time_once_asked(page, server, synthetic):
    """The chapters' Clip URLs (JSON-LD) are the talk page with ?t=SECONDS."""
    talk = synthetic.archive.talks[1]
    page.goto(f"{server}/videoconferenze/{talk['slug']}/?t=3690", wait_until="load")
    assert page.locator(".talk-video iframe").count() == 0  # nothing loads by itself
    assert third_party(page.requests) == []
    page.click(".talk-video .video-play")
    assert_player(page, talk, start=3690)


def test_without_javascript_the_facade_is_a_link(browser, server, synthetic):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    talk = synthetic.archive.talks[0]
    page.goto(f"{server}/videoconferenze/{talk['slug']}/")
    link = page.locator(".talk-video a.video-link")
    assert (
        link.get_attribute("href") == f"https://www.youtube.com/watch?v={talk['video']}"
    )
    assert page.locator(".video-play").count() == 0
    context.close()


def test_axe_finds_no_violation(page, server, synthetic):
    for name, url in page_types(synthetic).items():
        page.goto(server + url, wait_until="load")
        assert_no_violation(page, name)


def facade_pages(synthetic):
    """A page for each variant of the facade in the SYNTHETIC site."""
    talks = synthetic.archive.talks
    drawn = next(t for t in talks if t["video"] and t["number"] > THUMBNAILS)
    return {
        "talk with a thumbnail": f"/videoconferenze/{talks[0]['slug']}/",
        "talk with a drawn placeholder": f"/videoconferenze/{drawn['slug']}/",
        # Its reStructuredText directive: a second facade, in the body.
        "talk with a directive": f"/videoconferenze/{talks[4]['slug']}/",
        "article with a pasted iframe": "/blog/2019/articolo-sintetico-000/",
    }


@pytest.mark.parametrize("javascript", [True, False], ids=["button", "link"])
def test_axe_finds_no_violation_on_any_facade(page, server, synthetic, javascript):
    """Each facade as a button (js/video.js) and as the link it is without it."""
    if not javascript:  # axe-core itself needs JavaScript: the site's scripts fail
        page.route("**/js/*.js", lambda route: route.abort())
    control = ".video-play" if javascript else "a.video-link"
    for name, url in facade_pages(synthetic).items():
        page.goto(server + url, wait_until="load")
        assert page.locator(f".video {control}").count() >= 1, name
        assert page.locator(".video .video-play, .video a.video-link").count() == (
            page.locator(f".video {control}").count()
        ), name
        assert_no_violation(page, f"{name} ({'button' if javascript else 'link'})")


def test_a_transcript_timestamp_starts_the_video_at_its_time(page, server, synthetic):
    talk = talk_page(page, server, synthetic, index=1)  # automatic captions
    page.get_by_text("Leggi la trascrizione").click()
    stamp = page.locator(".transcript-text h3 a.chapter-time").nth(2)
    start = int(stamp.get_attribute("data-start"))
    assert start > 60
    stamp.click()
    assert_player(page, talk, start=start)
    assert page.url.endswith(f"/videoconferenze/{talk['slug']}/")


def test_axe_finds_no_violation_in_an_open_transcript(page, server, synthetic):
    talk = synthetic.archive.talks[1]
    page.goto(f"{server}/videoconferenze/{talk['slug']}/#t-0", wait_until="load")
    assert page.locator("details.transcript-body").evaluate("d => d.open")
    assert_no_violation(page, "open transcript")

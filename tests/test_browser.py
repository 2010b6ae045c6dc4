"""The site in a real browser (Debian's chromium driven by Playwright).

Every page type is loaded from a local server: nothing may be requested from
another host on load or after scrolling; the video facade must swap in the
youtube-nocookie player on click, Enter or Space (and a chapter link must start
it at its time); "Guarda su YouTube" stays beside it, and says why when the
player does not load; without JavaScript the facade is a link; axe-core (tests/axe.py)
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
    stamp = page.locator(".transcript-text li a.chapter-time").nth(2)
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


# "Guarda su YouTube" beside every player, and what the reader is told when the
# player does not load (js/video.js). youtube-nocookie.com is stood in for by
# page.route: nothing leaves the machine.
NOCOOKIE = "https://www.youtube-nocookie.com/embed/"
WAIT = 8000  # js/video.js: how long the player has to say it is there (ms)
TROUBLE = "Il video non si carica: forse YouTube è bloccato da questa rete."
# A SYNTHETIC player: it answers the page's "listening" as the real one does.
FAKE_PLAYER = """<!DOCTYPE html><html lang="it"><title>SYNTHETIC player</title>
<script>
addEventListener("message", (event) => {
  if (JSON.parse(event.data).event !== "listening") return;
  parent.postMessage('{"event":"onReady","id":1,"channel":"widget"}', event.origin);
});
</script>"""
# What a school's or a company's filter serves instead of the player.
FILTER_PAGE = "<!DOCTYPE html><title>Bloccato</title><p>Sito bloccato dalla rete."


def elsewhere(page, talk):
    """The talk's "Guarda su YouTube", and the paragraph that holds it."""
    link = page.get_by_role("link", name=f"Guarda su YouTube: {talk['title']}")
    return link, page.locator(".talk-video .video-elsewhere")


def assert_links_to_youtube(page, talk):
    link, _note = elsewhere(page, talk)
    playwright.expect(link).to_be_visible()
    assert (
        link.get_attribute("href") == f"https://www.youtube.com/watch?v={talk['video']}"
    )
    assert link.evaluate("a => a.closest('.talk-video') !== null")


@pytest.mark.parametrize("how", ["aborted", "filtered"])
def test_a_blocked_player_says_so_beside_the_link(page, server, synthetic, how):
    if how == "aborted":  # offline, a privacy extension
        page.route(NOCOOKIE + "**", lambda route: route.abort("blockedbyclient"))
    else:  # a filter's own page: the frame loads, but no player speaks
        page.route(
            NOCOOKIE + "**",
            lambda route: route.fulfill(
                status=403, content_type="text/html", body=FILTER_PAGE
            ),
        )
    page.clock.install()
    talk = talk_page(page, server, synthetic)
    page.wait_for_load_state("networkidle")
    assert third_party(page.requests) == []  # the link loads nothing
    assert_links_to_youtube(page, talk)
    assert_no_violation(page, "talk before play")
    page.click(".talk-video .video-play")
    page.locator(".talk-video iframe").wait_for()
    _link, note = elsewhere(page, talk)
    page.clock.run_for(WAIT - 1000)
    assert note.inner_text() == "Guarda su YouTube"  # not yet
    page.clock.run_for(1000)
    playwright.expect(note).to_have_text(f"{TROUBLE} Guarda su YouTube")
    assert note.get_attribute("role") == "status"  # said, politely
    assert note.locator("a").count() == 1
    assert_links_to_youtube(page, talk)
    assert_no_violation(page, "talk whose player did not load")


def test_a_player_that_loads_leaves_only_the_link(page, server, synthetic):
    frames = []

    def fulfil(route):
        frames.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=FAKE_PLAYER)

    page.route(NOCOOKIE + "**", fulfil)
    page.clock.install()
    talk = talk_page(page, server, synthetic)
    page.wait_for_load_state("networkidle")
    assert frames == [] and third_party(page.requests) == []
    page.evaluate(
        """() => { window.shift = 0; new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.shift += entry.value;
        }).observe({ type: "layout-shift" }); }"""
    )
    # Heard by the page once the player has spoken (and video.js heard it).
    page.evaluate(
        """() => { window.heard = new Promise((done) => addEventListener("message",
          (e) => e.origin === "https://www.youtube-nocookie.com" && setTimeout(done))); }"""
    )
    page.click(".talk-video .video-play")
    page.evaluate("() => window.heard")
    assert frames == [embed_url(page, talk)]
    page.clock.run_for(2 * WAIT)
    _link, note = elsewhere(page, talk)
    assert note.inner_text() == "Guarda su YouTube"
    assert_links_to_youtube(page, talk)
    assert page.evaluate("() => window.shift") < 0.01  # the words had their place
    assert_no_violation(page, "talk playing")


def test_a_chapter_played_leaves_the_link_at_its_time(page, server, synthetic):
    talk = talk_page(page, server, synthetic, index=1)
    page.click("a.chapter-time[data-start='750']")
    assert_player(page, talk, start=750)
    link, _note = elsewhere(page, talk)
    assert link.get_attribute("href") == (
        f"https://www.youtube.com/watch?v={talk['video']}&t=750s"
    )


def test_every_facade_keeps_its_link_once_played(page, server, synthetic):
    """A talk's field, its reStructuredText directive, an article's iframe."""
    page.route(NOCOOKIE + "**", lambda route: route.fulfill(body=FAKE_PLAYER))
    for name, url in facade_pages(synthetic).items():
        page.goto(server + url, wait_until="load")
        boxes = page.locator(".video[data-video-id]")
        for n in range(boxes.count()):
            box = boxes.nth(n)
            video, title = (
                box.get_attribute("data-video-id"),
                box.get_attribute("data-title"),
            )
            link = box.locator("xpath=following-sibling::p[1]").get_by_role(
                "link", name=f"Guarda su YouTube: {title}"
            )
            playwright.expect(link).to_have_count(1)
            box.locator(".video-play").click()
            box.locator("iframe").wait_for()
            playwright.expect(link).to_be_visible()
            assert link.get_attribute("href").startswith(
                f"https://www.youtube.com/watch?v={video}"
            ), name

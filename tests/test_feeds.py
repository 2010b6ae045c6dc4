"""Atom feeds of the blog, on the SYNTHETIC community (tests/community.py)."""

from urllib.parse import urlsplit

import feedparser
import pytest

from tests.axe import assert_no_violation
from tests.community import AUTHOR, RECAP, REPORT
from tests.helpers import serve

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402


def test_blog_feed_has_both_articles(community):
    feed = feedparser.parse(community.file("/feeds/blog.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert titles == [RECAP["title"], REPORT["title"]]
    links = [entry.link for entry in feed.entries]
    assert links[1].endswith(REPORT["url"])
    assert feed.entries[1].published.startswith(REPORT["iso"])


def test_every_page_advertises_the_feed(community):
    link = community.page("/").find(
        "link", rel="alternate", type="application/atom+xml"
    )
    assert link["href"].endswith("feeds/blog.atom.xml")


def test_author_and_tag_feeds_exist(community):
    for url in (
        "/feeds/autori/ada-fittizia.atom.xml",
        "/feeds/tag/videoconferenze.atom.xml",
    ):
        feed = feedparser.parse(community.file(url).read_bytes())
        assert feed.entries, url


def test_a_feed_opened_in_a_browser_reads_as_an_italian_page(page, community):
    """Every feed names the theme's XSL, relative to itself; a browser shows
    an Italian page of its entries, nothing from another site."""
    for url in ("/feeds/blog.atom.xml", "/feeds/autori/ada-fittizia.atom.xml"):
        text = community.file(url).read_text(encoding="utf-8")
        depth = url.count("/") - 1
        assert text.splitlines()[1] == (
            f'<?xml-stylesheet type="text/xsl" href="{"../" * depth}theme/feed.xsl"?>'
        )
    with serve(community.output) as base_url:
        page.goto(base_url + "/feeds/autori/ada-fittizia.atom.xml")
        expect(page.locator("html")).to_have_attribute("lang", "it")
        expect(page.locator(".feed-note")).to_contain_text("Questo è un feed Atom")
        entries = page.locator("li a.entry-title")
        expect(entries).to_have_text([RECAP["title"], REPORT["title"]])
        assert entries.nth(1).get_attribute("href").endswith(REPORT["url"])
        expect(page.locator("li").nth(1)).to_contain_text(
            f"{REPORT['date']} · {AUTHOR}"
        )
        page.set_viewport_size({"width": 320, "height": 640})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        # Chromium's own banner (XSLT is on its way out of Chrome; Firefox
        # and Safari keep it) is the browser's, not the site's.
        page.evaluate("document.querySelector('xslt-warning-banner')?.remove()")
        assert_no_violation(page, "a feed in the browser")
    assert [u for u in page.requests if urlsplit(u).hostname != "127.0.0.1"] == []

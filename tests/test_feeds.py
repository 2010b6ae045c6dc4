"""Atom feeds of the blog, on the SYNTHETIC community (tests/community.py)."""

import feedparser

from tests.community import RECAP, REPORT


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

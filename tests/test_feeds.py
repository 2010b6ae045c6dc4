"""Atom feeds of the blog."""

import feedparser


def test_blog_feed_has_both_articles(site):
    feed = feedparser.parse(site.file("/feeds/blog.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "Cosa abbiamo imparato da 2 anni di videoconferenze con gli Eroi Digitali",
        "CLS Austin Report",
    ]
    links = [entry.link for entry in feed.entries]
    assert links[1].endswith("/blog/2017/cls-austin-report/")
    assert feed.entries[1].published.startswith("2017-05-15")


def test_every_page_advertises_the_feed(site):
    link = site.page("/").find("link", rel="alternate", type="application/atom+xml")
    assert link["href"].endswith("feeds/blog.atom.xml")


def test_author_and_tag_feeds_exist(site):
    for url in (
        "/feeds/autori/alessio-fattorini.atom.xml",
        "/feeds/tag/videoconferenze.atom.xml",
    ):
        feed = feedparser.parse(site.file(url).read_bytes())
        assert feed.entries, url

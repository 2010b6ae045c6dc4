"""Blog articles at their Italian URLs, on the SYNTHETIC community
(tests/community.py): title and date, quotes, headings, mentions, the
author's profile, lists and taxonomies."""

import re

import pytest

from tests.community import AUTHOR, AUTHOR_BIO, RECAP, RECAP_SECTIONS, REPORT, SPEAKERS


def body_text(site, url):
    text = site.page(url).select_one("article .prose").get_text(" ")
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("article", [REPORT, RECAP], ids=["report", "recap"])
def test_article_page_has_title_and_italian_date(community, article):
    page = community.page(article["url"])
    assert page.h1.get_text(strip=True) == article["title"]
    assert page.title.get_text().startswith(article["title"])
    time = page.select_one("article header time")
    assert time.get_text(strip=True) == article["date"]
    assert time["datetime"].startswith(article["iso"])
    assert page.html["lang"] == "it"


def test_quotes_are_blockquotes(community):
    quotes = community.page(REPORT["url"]).select("article .prose blockquote")
    assert len(quotes) == 2
    assert "crescita professionale" in quotes[0].get_text()
    assert "La tensione era tanta" in quotes[1].get_text()
    assert "ad alti livelli.”" in quotes[1].get_text()


def test_recap_sections_are_headings(community):
    headings = [
        h.get_text(strip=True) for h in community.page(RECAP["url"]).select(".prose h2")
    ]
    assert headings == RECAP_SECTIONS


def test_recap_keeps_the_speakers_as_mentions(community):
    body = body_text(community, RECAP["url"])
    for handle in SPEAKERS:
        assert f"@{handle}" in body


def test_author_bio_is_on_author_page_and_under_articles_not_in_body(community):
    author = community.page("/autori/ada-fittizia/")
    assert author.h1.get_text(strip=True) == AUTHOR
    assert "Community Manager" in author.get_text()
    assert AUTHOR_BIO in author.get_text()
    assert len(author.select(".archive-list li")) == 2
    for url in (REPORT["url"], RECAP["url"]):
        page = community.page(url)
        assert AUTHOR_BIO in page.select_one(".author-box").get_text()
        assert AUTHOR_BIO not in page.select_one(".prose").get_text()


def test_articles_are_listed_newest_first_with_their_taxonomies(community):
    home = community.page("/")
    titles = [a.get_text(strip=True) for a in home.select(".card-title a")]
    assert titles == [RECAP["title"], REPORT["title"]]
    eventi = community.page("/categorie/eventi/").select(".archive-list a")
    assert [a["href"].endswith(REPORT["url"]) for a in eventi] == [True]
    assert community.page("/tag/videoconferenze/").select(".archive-list a")
    archive = community.page("/archivio/").get_text(" ")
    assert RECAP["date"] in archive and REPORT["date"] in archive
    assert "2017" in community.page("/blog/2017/").h1.get_text()

"""Text kept as written, and the theme's markup kept the theme's.

A title holding `<`, `>` and `&` reads the same in the page, its <title>,
Open Graph, JSON-LD, the feed, the open data and the slug, whatever the
format; a heading or an element of the content never takes an id the theme
uses; an @handle in code, a literal or an address stays text; a
reStructuredText SVG picture and a {static}/{filename} mix-up just work.
"""

import json

import feedparser
from bs4 import BeautifulSoup
from PIL import Image

from eroi.tools import runner

ARTICLE = "Title: {title}\nDate: 2020-01-02\nTags: prova\n\n{body}\n"


def write(project, name, text):
    path = project / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def page(project, url):
    path = project / "output" / url.strip("/") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_title_reads_the_same_everywhere(small_project):
    title = "Se a<b e b>c & d"
    write(small_project, "articles/caso.md", ARTICLE.format(title=title, body="x"))
    write(
        small_project,
        "articles/caso.rst",
        "Note & <appunti>\n################\n\n:date: 2020-01-03\n\nTesto.\n",
    )
    runner.build()
    html = page(small_project, "/blog/2020/se-ab-e-bc-d/")
    assert html.h1.get_text() == title
    assert html.title.get_text().startswith(title)
    assert html.find("meta", property="og:title")["content"] == title
    graph = json.loads(html.find("script", type="application/ld+json").string)
    assert title in [node.get("headline") for node in graph["@graph"]]
    rst = page(small_project, "/blog/2020/note-appunti/")
    assert rst.h1.get_text() == "Note & <appunti>"
    assert rst.title.get_text().startswith("Note & <appunti>")
    feed = feedparser.parse(small_project / "output" / "feeds" / "blog.atom.xml")
    assert {entry.title for entry in feed.entries} >= {title, "Note & <appunti>"}


def test_content_never_takes_the_theme_s_ids(small_project):
    body = (
        "## Contenuto\n\n## Cerca nel sito\n\n[Su](#contenuto)\n\n"
        '<p id="ricerca-risultati">Un paragrafo.</p>\n'
    )
    write(small_project, "articles/caso.md", ARTICLE.format(title="Id", body=body))
    runner.build()
    html = page(small_project, "/blog/2020/id/")
    ids = [element["id"] for element in html.find_all(id=True)]
    assert len(ids) == len(set(ids)), ids
    assert html.find(id="contenuto").name == "main"  # the skip link's target
    assert html.find(id="cerca-nel-sito").name == "input"  # the search field
    assert html.find(id="testo-contenuto").name == "h2"
    assert html.find("a", string="Su")["href"] == "#testo-contenuto"
    assert html.find(id="testo-ricerca-risultati").get_text() == "Un paragrafo."


def test_mentions_only_in_text(small_project):
    write(
        small_project,
        "articles/caso.rst",
        "Menzioni\n########\n\n:date: 2020-01-03\n\n"
        "Grazie @stefano.pasquini, ``@stefano.pasquini`` e "
        "https://example.org/?u=@stefano.pasquini e scrivi a "
        "info@stefano.pasquini.example.\n",
    )
    runner.build()
    links = page(small_project, "/blog/2020/menzioni/").select("a.mention")
    assert [link.get_text() for link in links] == ["@stefano.pasquini"]


def test_an_svg_picture_and_mixed_up_links_just_work(small_project):
    (small_project / "content" / "images" / "segno.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="5" height="5"/></svg>\n',
        encoding="utf-8",
    )
    write(
        small_project,
        "articles/caso.rst",
        "Disegno\n#######\n\n:date: 2020-01-03\n\n"
        ".. image:: {static}/images/segno.svg\n   :alt: Un segno\n",
    )
    write(
        small_project,
        "articles/altro.md",
        ARTICLE.format(
            title="Altro",
            body="[Il disegno]({static}/articles/caso.rst) "
            "![Foto]({filename}/images/foto.png)",
        ),
    )
    runner.build(fatal="warnings")
    svg = page(small_project, "/blog/2020/disegno/").find("img", alt="Un segno")
    assert svg["src"].endswith("/images/segno.svg")
    other = page(small_project, "/blog/2020/altro/")
    assert other.find("a", string="Il disegno")["href"].endswith("/blog/2020/disegno/")
    assert other.find("img", alt="Foto")["src"].endswith("/images/foto.png")


def test_what_only_drafts_use_is_not_published(small_project, monkeypatch):
    from tests.synthetic import tiny_png

    (small_project / "content" / "images" / "bozza.png").write_bytes(tiny_png())
    write(
        small_project,
        "articles/bozza.md",
        "Title: Bozza\nDate: 2020-01-02\nStatus: draft\n\n"
        "![Solo qui]({static}/images/bozza.png)\n",
    )
    write(
        small_project,
        "talks/bozza.md",
        "Title: In bozza\nDate: 2020-02-03 17:00\nStatus: draft\n"
        "YouTube: SYNTHdraft1\n",
    )
    thumbnails = small_project / "content" / "images" / "thumbnails"
    thumbnails.mkdir()
    Image.new("RGB", (48, 36), "navy").save(thumbnails / "SYNTHdraft1.jpg", "JPEG")
    monkeypatch.setenv("SITEURL", "https://eroi.example.org")
    runner.build(runner.PUBLISH_SETTINGS, fatal="warnings")
    images = small_project / "output" / "images"
    assert (images / "foto.png").is_file()  # used by no draft: published
    assert not (images / "bozza.png").exists()
    assert not (images / "thumbnails" / "SYNTHdraft1.jpg").exists()
    runner.build()  # the development build previews drafts, their files too
    assert (images / "bozza.png").is_file()

"""The two seed articles, published faithfully at their Italian URLs."""

import re
from pathlib import Path

import pytest

SEEDS = Path(__file__).parent / "data" / "seeds"
CLS_URL = "/blog/2017/cls-austin-report/"
RECAP_URL = "/blog/2020/cosa-abbiamo-imparato-da-2-anni-di-videoconferenze/"

# Lines of the scraped seeds that are not part of the article.
LEFTOVERS = re.compile(
    r"^(fbpx|skip to Main Content|Back To Top|image"
    r"|Screenshot \d{4}-\d\d-\d\d at [\d.]+)$"
)
# The recap ends with the author box: it belongs on the author page, not the body.
AUTHOR_BOX = "Alessio Fattorini - Community Marketing Manager"
RECAP_SECTIONS = [
    "Il video avvicina, non c’è storia",
    "Formazione a tutto tondo",
    "Niente è più utile dell’esperienza sul campo",
    "Fonte di ispirazione per tutti",
    "Partecipazione obbligatoria",
    "Veri professionisti prima e dopo",
    "La professionalità non è acqua",
    "Non abbiamo mai chiuso alle 18",
    "Creato da e per la community",
    "Se cresce tu assecondalo",
    "I fantastici speaker",
]


def normalise(text):
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([.,;:!?”])", r"\1", text)


def seed_paragraphs(name):
    """The seed's paragraphs, without its title, scrape leftovers and author box."""
    lines = [
        line
        for line in (SEEDS / name).read_text(encoding="utf-8").splitlines()
        if not LEFTOVERS.match(line.strip())
    ]
    text = "\n".join(lines).split(AUTHOR_BOX)[0]
    blocks = [normalise(b) for b in re.split(r"\n\s*\n", text) if b.strip()]
    return blocks[1:]  # blocks[0] is the scraped title


def body_text(site, url):
    return normalise(site.page(url).select_one("article .prose").get_text(" "))


@pytest.mark.parametrize(
    ("url", "seed"),
    [(CLS_URL, "000_ddccfb2bbe14745c.txt"), (RECAP_URL, "004_08253bedc3e643b5.txt")],
)
def test_every_seed_paragraph_is_published_word_for_word(site, url, seed):
    body = body_text(site, url)
    paragraphs = seed_paragraphs(seed)
    assert len(paragraphs) > 5
    missing = [p for p in paragraphs if p not in body]
    assert not missing, f"{url} lacks seed paragraphs: {missing}"


@pytest.mark.parametrize(
    ("url", "title", "date", "iso"),
    [
        (CLS_URL, "CLS Austin Report", "15 maggio 2017", "2017-05-15"),
        (
            RECAP_URL,
            "Cosa abbiamo imparato da 2 anni di videoconferenze con gli Eroi Digitali",
            "21 dicembre 2020",
            "2020-12-21",
        ),
    ],
)
def test_article_page_has_title_and_italian_date(site, url, title, date, iso):
    page = site.page(url)
    assert page.h1.get_text(strip=True) == title
    assert page.title.get_text().startswith(title)
    time = page.select_one("article header time")
    assert time.get_text(strip=True) == date
    assert time["datetime"].startswith(iso)
    assert page.html["lang"] == "it"


def test_scrape_leftovers_are_gone(site):
    for url in (CLS_URL, RECAP_URL):
        page = site.page(url)
        text = page.get_text("\n")
        for leftover in (
            "fbpx",
            "skip to Main Content",
            "Back To Top",
            "Screenshot 20",
        ):
            assert leftover not in text, f"{url} shows {leftover!r}"
        assert not re.search(r"^\s*image\s*$", text, re.M)
        assert page.select("article .prose img") == []


def test_quotes_are_blockquotes(site):
    quotes = site.page(CLS_URL).select("article .prose blockquote")
    assert len(quotes) == 2
    assert "crescita professionale" in quotes[0].get_text()
    assert "La tensione era tanta" in quotes[1].get_text()
    assert "giocare ad alti livelli.”" in quotes[1].get_text()


def test_recap_sections_are_headings(site):
    headings = [
        h.get_text(strip=True) for h in site.page(RECAP_URL).select(".prose h2")
    ]
    assert headings == RECAP_SECTIONS


def test_recap_keeps_the_speakers_as_mentions(site):
    body = body_text(site, RECAP_URL)
    for handle in (
        "@Maurizio_Bonazzi",
        "@stefano.pasquini",
        "@riccardo_RPM2000",
        "@Ulerich",
    ):
        assert handle in body


def test_author_bio_is_on_author_page_and_under_articles_not_in_body(site):
    bio = "In Nethesis creo community, racconto storie e lavoro con l'Open Source."
    author = site.page("/autori/alessio-fattorini/")
    assert author.h1.get_text(strip=True) == "Alessio Fattorini"
    assert "Community Marketing Manager" in author.get_text()
    assert bio in author.get_text()
    assert len(author.select(".archive-list li")) == 2
    for url in (CLS_URL, RECAP_URL):
        page = site.page(url)
        assert bio in page.select_one(".author-box").get_text()
        assert bio not in page.select_one(".prose").get_text()
        assert AUTHOR_BOX not in page.get_text()


def test_articles_are_listed_newest_first_with_their_taxonomies(site):
    home = site.page("/")
    titles = [a.get_text(strip=True) for a in home.select(".card-title a")]
    assert titles == [
        "Cosa abbiamo imparato da 2 anni di videoconferenze con gli Eroi Digitali",
        "CLS Austin Report",
    ]
    eventi = site.page("/categorie/eventi/").select(".archive-list a")
    assert [a["href"].endswith(CLS_URL) for a in eventi] == [True]
    assert site.page("/tag/videoconferenze/").select(".archive-list a")
    archive = site.page("/archivio/").get_text(" ")
    assert "21 dicembre 2020" in archive and "15 maggio 2017" in archive
    assert "2017" in site.page("/blog/2017/").h1.get_text()

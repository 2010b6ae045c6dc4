"""Open data: /dati/*.json of a SYNTHETIC archive, read as a program would.

Each file is validated with jsonschema against the schema published beside
it, and compared with what the generated archive (tests/synthetic.py) holds;
drafts are in no file, an unchanged archive gives the same bytes, hostile
titles stay JSON strings, and /dati/ explains the files from the footer.
"""

import json
from datetime import datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from jsonschema import Draft202012Validator

from eroi.model.schema import SCHEMAS
from eroi.plugins.opendata.datasets import Site
from tests.axe import assert_no_violation
from tests.helpers import broken_links, build_site, run_vnu, serve, soup
from tests.synthetic import make_archive

SITEURL = "https://eroi.example.org/sito"
NAMES = ("videoconferenze", "relatori", "articoli")
HOSTILE = "</script><b>Serata</b> \"doppie\" 'singole' & <!-- fine"
DRAFT_ARTICLE = "Un articolo in bozza"
DRAFT_TALK = "Una videoconferenza in bozza"
SMALL = {"talks": 12, "speakers": 6, "articles": 4}


def add_extras(content):
    """A draft of each kind, a hostile talk title, a translation, an update."""
    articles, talks = content / "articles", content / "talks"
    (articles / "bozza.md").write_text(
        f"Title: {DRAFT_ARTICLE}\nDate: 2020-01-01\nStatus: draft\n\nNon ancora.\n",
        encoding="utf-8",
    )
    (talks / "bozza.md").write_text(
        f"Title: {DRAFT_TALK}\nDate: 2019-03-04 17:00\nSpeakers: relatore.00\n"
        "Status: draft\n\nNon ancora.\n",
        encoding="utf-8",
    )
    (talks / "ostile.md").write_text(
        f"Title: {HOSTILE}\nDate: 2030-01-07 17:00\nSpeakers: relatore.01\n\nTesto.\n",
        encoding="utf-8",
    )
    (articles / "articolo-000-en.md").write_text(
        "Title: Synthetic article 000\nDate: 2019-01-07\nSlug: articolo-sintetico-000\n"
        "Lang: en\nCategory: Sintetici\nSummary: A *SYNTHETIC* translation.\n\nText.\n",
        encoding="utf-8",
    )
    first = articles / "articolo-001.md"
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "Date:", "Modified: 2021-02-01 09:30\nDate:", 1
        ),
        encoding="utf-8",
    )


def make_content(root):
    archive = make_archive(root / "content", **SMALL)
    add_extras(root / "content")
    return archive


def build(root, output, archive, production=True, **overrides):
    if production:
        overrides.update(SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    site = build_site(
        root / output,
        "publishconf.py" if production else "pelicanconf.py",
        PATH=str(root / "content"),
        TALKS_NOW=archive.now,
        **overrides,
    )
    site.archive = archive
    return site


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("opendata")
    return build(root, "output", make_content(root))


@pytest.fixture(scope="module")
def development(tmp_path_factory):
    """The same content built twice with the development settings (drafts shown)."""
    root = tmp_path_factory.mktemp("opendata-dev")
    archive = make_content(root)
    return build(root, "first", archive, False), build(root, "second", archive, False)


def data(site, name):
    return json.loads(site.file(f"/dati/{name}.json").read_text(encoding="utf-8"))


def schema(site, name):
    return json.loads(
        site.file(f"/dati/{name}.schema.json").read_text(encoding="utf-8")
    )


def records(site, name):
    return data(site, name)[name]


def descriptions(node, where="$", item=False):
    """Every schema of a named value (a key, a record), and whether it has a
    description; the items of a described list need none of their own."""
    if not item:
        yield where, bool(node.get("description"))
    for name, child in {**node.get("properties", {}), **node.get("$defs", {})}.items():
        yield from descriptions(child, f"{where}.{name}")
    if "items" in node:
        yield from descriptions(node["items"], f"{where}[]", item=True)


# Schemas -------------------------------------------------------------------------


def test_every_file_is_valid_against_the_schema_published_beside_it(published):
    for name in NAMES:
        described, document = schema(published, name), data(published, name)
        Draft202012Validator.check_schema(described)
        assert described["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert described["$id"] == f"{SITEURL}/dati/{name}.schema.json"
        assert document["schema"] == described["$id"]
        validator = Draft202012Validator(
            described, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], name
        assert document[name], name
        missing = [where for where, has in descriptions(described) if not has]
        assert missing == [], f"{name}: values without a description"


def test_the_schemas_describe_fields_as_the_content_model_does(published):
    talk = schema(published, "videoconferenze")["$defs"]["videoconferenza"]
    speaker = schema(published, "relatori")["$defs"]["relatore"]
    article = schema(published, "articoli")["$defs"]["articolo"]
    model = SCHEMAS["talk"]
    for key in ("title", "date", "tags"):
        assert talk["properties"][key]["description"] == model.get(key).description
    assert talk["properties"]["date"]["format"] == "date-time"
    assert talk["properties"]["duration"]["type"] == ["integer", "null"]
    live = talk["properties"]["live"]
    assert (live["format"], live["pattern"]) == ("uri", "^https://")
    assert live["description"] == model.get("live").description
    assert talk["properties"]["state"]["enum"] == [
        "recorded",
        "upcoming",
        "unavailable",
    ]
    assert speaker["properties"]["handle"]["description"] == (
        SCHEMAS["speaker"].get("handle").description
    )
    assert article["properties"]["category"]["description"] == (
        SCHEMAS["article"].get("category").description
    )
    assert "trascrizione" in talk["properties"]["transcript"]["description"].lower()
    # Every record holds every key (null when empty), and nothing else.
    for described in (talk, speaker, article):
        assert described["additionalProperties"] is False
        assert sorted(described["required"]) == sorted(described["properties"])


# Content -------------------------------------------------------------------------


def test_the_talks_are_the_archive_s(published):
    talks = records(published, "videoconferenze")
    archive = published.archive.talks
    assert [t["number"] for t in talks] == list(range(1, len(archive) + 2))
    for expected, talk in zip(archive, talks, strict=False):
        url = f"{SITEURL}/videoconferenze/{expected['slug']}/"
        assert talk["title"] == expected["title"]
        assert datetime.fromisoformat(talk["date"]) == expected["date"]
        assert talk["date"].endswith(("+01:00", "+02:00"))
        assert [s["handle"] for s in talk["speakers"]] == expected["speakers"]
        assert talk["youtube"] == expected["video"]
        assert talk["lang"] == "it"
        assert talk["state"] == expected["state"]
        assert talk["duration"] == expected["duration"]
        assert talk["live"] == expected["live"]
        assert talk["tags"] == [expected["tag"]]
        assert talk["url"] == url
        assert talk["calendar"] == f"{url}evento.ics"
        assert published.file(talk["url"].removeprefix(SITEURL))
        assert published.file(talk["calendar"].removeprefix(SITEURL))
        has_transcript = bool(expected["captions"])
        assert talk["transcript"] == (f"{url}#trascrizione" if has_transcript else None)
    second = talks[1]
    assert second["chapters"] == [
        {"start": 0, "title": "Introduzione"},
        {"start": 750, "title": "Demo dal vivo"},
        {"start": 3690, "title": "Domande"},
    ]
    assert all(not t["chapters"] for t in talks if t["number"] != 2)
    speaker = published.archive.speakers[int(second["speakers"][0]["handle"][-2:])]
    assert second["speakers"][0]["name"] == speaker["name"]
    # The transcript's address is the talk page's transcript section.
    page = published.page(second["url"].removeprefix(SITEURL))
    assert page.find(id="trascrizione").get_text() == "Trascrizione"


def test_the_playlist_offers_a_calendar_subscription(published, development):
    playlist = published.page("/videoconferenze/")
    hrefs = [a["href"] for a in playlist.select(".subscribe a")]
    assert "webcal://eroi.example.org/sito/videoconferenze/calendario.ics" in hrefs
    assert f"{SITEURL}/videoconferenze/calendario.ics" in hrefs
    # Relative URLs (development): no address for a calendar app.
    assert development[0].page("/videoconferenze/").select('a[href^="webcal:"]') == []


def test_the_speakers_list_their_talks(published):
    speakers = records(published, "relatori")
    archive = published.archive
    assert [s["handle"] for s in speakers] == [s["handle"] for s in archive.speakers]
    talks = {t["number"]: t for t in records(published, "videoconferenze")}
    for expected, speaker in zip(archive.speakers, speakers, strict=True):
        numbers = [t["number"] for t in archive.talks_of(expected["handle"])]
        if expected["handle"] == "relatore.01":
            numbers.append(len(archive.talks) + 1)  # the hostile talk
        assert [t["number"] for t in speaker["talks"]] == sorted(numbers, reverse=True)
        assert all(t["url"] == talks[t["number"]]["url"] for t in speaker["talks"])
        assert speaker["name"] == expected["name"]
        assert speaker["aliases"] == expected["aliases"]
        n = int(expected["handle"][-2:])
        assert speaker["company"] == f"Azienda Sintetica {n % 4}"
        assert speaker["website"] == f"https://example.org/{n}"
        assert speaker["community"] == (
            f"https://community.nethesis.it/u/{expected['handle']}"
        )
        assert published.file(speaker["url"].removeprefix(SITEURL))
    avatars = {s["handle"]: s["avatar"] for s in speakers}
    assert avatars.pop("relatore.01") == f"{SITEURL}/images/relatori/relatore-01.svg"
    assert set(avatars.values()) == {None}
    assert published.file("/images/relatori/relatore-01.svg")


def test_the_articles_are_the_published_ones(published):
    articles = records(published, "articoli")
    titles = [a["title"] for a in articles]
    expected = [f"Articolo sintetico {n:03d}" for n in range(SMALL["articles"])]
    assert sorted(titles) == sorted([*expected, "Synthetic article 000"])
    assert DRAFT_ARTICLE not in titles
    dates = [datetime.fromisoformat(a["date"]) for a in articles]
    assert dates == sorted(dates)
    by_title = {a["title"]: a for a in articles}
    first = by_title["Articolo sintetico 000"]
    assert first["url"] == f"{SITEURL}/blog/2019/articolo-sintetico-000/"
    assert first["authors"] == ["Alessio Fattorini"]
    assert first["category"] == "Sintetici"
    assert first["tags"] == ["NethServer"]
    assert first["lang"] == "it"
    assert first["modified"] is None
    assert first["summary"].startswith("Testo sintetico dell'articolo 0")
    assert "<" not in first["summary"]
    updated = by_title["Articolo sintetico 001"]
    assert updated["modified"] == "2021-02-01T09:30:00+01:00"
    english = by_title["Synthetic article 000"]
    assert english["lang"] == "en"
    assert english["summary"] == "A SYNTHETIC translation."
    assert english["url"] == f"{SITEURL}/blog/2019/articolo-sintetico-000/en/"
    for article in articles:
        assert published.file(article["url"].removeprefix(SITEURL))


def test_drafts_are_in_no_file(published, development):
    for site in (published, *development):
        for name in NAMES:
            text = site.file(f"/dati/{name}.json").read_text(encoding="utf-8")
            assert DRAFT_ARTICLE not in text and DRAFT_TALK not in text
            assert "bozze/" not in text
    first, _second = development
    # The development build does show the draft article, under /bozze/.
    drafts = (first.output / "bozze").rglob("index.html")
    assert DRAFT_ARTICLE in {soup(p).h1.get_text() for p in drafts}


def test_an_unchanged_archive_gives_the_same_bytes(development):
    first, second = development
    written = sorted(p.name for p in (first.output / "dati").iterdir())
    data_files = [f"{n}{suffix}" for n in NAMES for suffix in (".json", ".schema.json")]
    assert written == sorted([*data_files, "index.html"])
    for name in written:
        if name.endswith(".json"):
            assert (first.output / "dati" / name).read_bytes() == (
                second.output / "dati" / name
            ).read_bytes(), name


def test_a_hostile_title_stays_a_json_string(published):
    raw = published.file("/dati/videoconferenze.json").read_text(encoding="utf-8")
    assert (
        '"title": "</script><b>Serata</b> \\"doppie\\" \'singole\' & <!-- fine"' in raw
    )
    talk = records(published, "videoconferenze")[-1]
    assert talk["title"] == HOSTILE
    assert talk["state"] == "upcoming" and talk["youtube"] is None
    assert "Serata" not in published.file("/dati/").read_text(encoding="utf-8")


# The page ------------------------------------------------------------------------


def test_the_footer_links_the_page_that_explains_the_files(published):
    for url in ("/", "/videoconferenze/", "/dati/"):
        link = published.page(url).select_one("footer.site-footer a[href$='/dati/']")
        assert link is not None and link.get_text() == "Dati aperti", url
        assert link["href"] == f"{SITEURL}/dati/"
    page = published.page("/dati/")
    assert page.h1.get_text() == "Dati aperti"
    links = {a["href"]: a for a in page.select("main a[href$='.json']")}
    for name in NAMES:
        for path, kind in (
            (f"/dati/{name}.json", "application/json"),
            (f"/dati/{name}.schema.json", "application/schema+json"),
        ):
            assert links[SITEURL + path]["type"] == kind
            assert published.file(path)
    count = len(records(published, "videoconferenze"))
    section = page.find(id="dati-videoconferenze").parent
    assert f"Contiene {count} elementi." in section.get_text()
    licence = page.find(id="dati-licenza").parent.get_text()
    assert "non indica ancora una licenza" in licence
    assert page.find("a", rel="license") is None
    assert broken_links(published.output, SITEURL) == []


def test_the_page_is_in_the_sitemap_and_the_files_are_not(published):
    tree = ElementTree.parse(published.file("/sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [e.text for e in tree.findall("s:url/s:loc", ns)]
    assert f"{SITEURL}/dati/" in listed
    assert not [url for url in listed if url.endswith(".json")]


def test_no_licence_is_stated_unless_the_site_sets_one(published, tmp_path):
    for name in NAMES:
        assert data(published, name)["licenza"] is None
    # SYNTHETIC: a licence set in the settings reaches every file and the page.
    licence = {"name": "Licenza sintetica", "url": "https://example.org/licenza"}
    archive = make_archive(tmp_path / "content", talks=8, speakers=3, articles=1)
    site = build(tmp_path, "output", archive, OPEN_DATA_LICENSE=licence)
    for name in NAMES:
        assert data(site, name)["licenza"] == {
            "nome": "Licenza sintetica",
            "url": "https://example.org/licenza",
        }
    link = site.page("/dati/").find("a", rel="license")
    assert link.get_text() == "Licenza sintetica"
    assert link["href"] == "https://example.org/licenza"


def test_the_page_is_valid_html(published, vnu):
    assert run_vnu(vnu, published.output / "dati") == []
    assert published.log == []


def test_addresses_are_site_relative_without_an_absolute_domain():
    assert Site({"SITEURL": "", "FEED_DOMAIN": ""}).url("dati/x.json") == (
        "/dati/x.json"
    )
    assert Site({"SITEURL": "https://a.example/b/"}).url("/c/") == (
        "https://a.example/b/c/"
    )
    assert urlsplit(Site({"SITEURL": SITEURL}).url("x")).netloc == "eroi.example.org"


def test_axe_finds_no_violation_on_the_page(page, development):
    first, _second = development
    with serve(first.output) as base_url:
        page.goto(base_url + "/dati/", wait_until="load")
        assert_no_violation(page, "/dati/")
    assert not [url for url in page.requests if "127.0.0.1" not in url]

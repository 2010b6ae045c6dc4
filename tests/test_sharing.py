"""Being shared and found: Open Graph, JSON-LD, cards, sitemap, feeds, events.

The production build of a SYNTHETIC archive (tests/synthetic.py), read as a
search engine and a social network would: JSON-LD through extruct, og:image
files opened with Pillow, feeds with feedparser, events with icalendar.
"""

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit
from xml.etree import ElementTree

import extruct
import feedparser
import icalendar
import pytest
from PIL import Image

from eroi.tools import runner
from tests.helpers import (
    ROOT,
    broken_links,
    build_site,
    html_files,
    page_url,
    run_vnu,
    soup,
    third_party_loads,
)
from tests.synthetic import make_archive

SITEURL = "https://eroi.example.org/sito"
OFFSET_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
# What content_checks lets through (it refuses <script>): the rest must stay inert.
HOSTILE = "</script><b>Serata</b> \"doppie\" 'singole' & <!-- fine"


def publish(root, archive_options=None, edit=None, **overrides):
    """Write a synthetic archive under ``root`` and build it with publishconf.py.

    ``edit(content, archive)``, if given, changes the content before the build.
    """
    archive = make_archive(root / "content", **(archive_options or {}))
    if edit is not None:
        edit(root / "content", archive)
    site = build_site(
        root / "output",
        "publishconf.py",
        PATH=str(root / "content"),
        TALKS_NOW=archive.now,
        SITEURL=SITEURL,
        FEED_DOMAIN=SITEURL,
        **overrides,
    )
    site.archive, site.siteurl = archive, SITEURL
    return site


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("published")
    content = root / "content"
    make_archive(content)  # written again by publish(); the draft stays
    (content / "articles" / "bozza.md").write_text(
        "Title: Una bozza\nDate: 2020-01-01\nStatus: draft\n\nNon ancora.\n",
        encoding="utf-8",
    )
    return publish(root)


def test_the_production_build_passes_the_quality_gates(published, vnu):
    assert published.log == []
    host = urlsplit(SITEURL).netloc
    assert broken_links(published.output, SITEURL) == []
    assert third_party_loads(published.output, host) == []
    assert run_vnu(vnu, published.output) == []


def graph(site, url):
    """{@type: [nodes]} of the page's JSON-LD, parsed by extruct."""
    html = site.file(url).read_text(encoding="utf-8")
    documents = extruct.extract(html, base_url=SITEURL + url, syntaxes=["json-ld"])
    assert len(documents["json-ld"]) == 1, "one JSON-LD block per page"
    nodes = {}
    for node in documents["json-ld"][0]["@graph"]:
        nodes.setdefault(node["@type"], []).append(node)
    return nodes


def one(nodes, kind):
    assert len(nodes.get(kind, [])) == 1, (kind, sorted(nodes))
    return nodes[kind][0]


def talk_of(site, state, **where):
    return next(
        t
        for t in site.archive.talks
        if t["state"] == state and all(t[k] == v for k, v in where.items())
    )


# JSON-LD -----------------------------------------------------------------------


def test_a_recorded_talk_is_a_video_object_with_its_chapters_as_clips(published):
    talk = published.archive.talks[1]  # talk 2: recorded, with chapters
    url = f"/videoconferenze/{talk['slug']}/"
    video = one(graph(published, url), "VideoObject")
    page_url = SITEURL + url
    assert video["name"] == f"#2 {talk['title']}"
    assert video["description"]
    assert video["thumbnailUrl"] == [f"{SITEURL}/images/thumbnails/{talk['video']}.jpg"]
    assert OFFSET_TIME.match(video["uploadDate"])
    assert datetime.fromisoformat(video["uploadDate"]) == talk["date"]
    minutes = talk["duration"] // 60
    assert video["duration"] == f"PT{minutes // 60}H{minutes % 60}M"
    assert (
        video["embedUrl"] == f"https://www.youtube-nocookie.com/embed/{talk['video']}"
    )
    assert video["contentUrl"] == f"https://www.youtube.com/watch?v={talk['video']}"
    assert video["inLanguage"] == "it"
    clips = [
        (c["name"], c["startOffset"], c.get("endOffset"), c["url"])
        for c in video["hasPart"]
    ]
    assert clips == [
        ("Introduzione", 0, 750, f"{page_url}?t=0"),
        ("Demo dal vivo", 750, 3690, f"{page_url}?t=750"),
        ("Domande", 3690, minutes * 60, f"{page_url}?t=3690"),
    ]


def test_an_upcoming_talk_is_an_online_event_with_a_card(published):
    talk = talk_of(published, "upcoming")
    url = f"/videoconferenze/{talk['slug']}/"
    nodes = graph(published, url)
    assert "VideoObject" not in nodes
    event = one(nodes, "Event")
    start = datetime.fromisoformat(event["startDate"])
    assert OFFSET_TIME.match(event["startDate"])
    assert start == talk["date"] and start.hour == 17
    assert (datetime.fromisoformat(event["endDate"]) - start).total_seconds() == (
        talk["duration"] // 60 * 60
    )
    assert (
        event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    )
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    # Where to join: the live room (Live:), else the talk's page.
    place = talk["live"] or SITEURL + url
    assert event["location"] == {"@type": "VirtualLocation", "url": place}
    names = {
        s["name"] for s in published.archive.speakers if s["handle"] in talk["speakers"]
    }
    assert {p["name"] for p in event["performer"]} == names
    organizer = one(nodes, "Organization")
    assert event["organizer"] == {"@id": organizer["@id"]}
    assert organizer["name"] == "Eroi Digitali"
    # Its share image is a drawn card that shows the date.
    page = published.page(url)
    image = page.find("meta", property="og:image")["content"]
    assert event["image"] == [image]
    assert image.startswith(f"{SITEURL}/condivisione/")
    assert "ore 17:00" in page.find("meta", property="og:image:alt")["content"]


def test_an_article_is_a_blog_posting(published):
    nodes = graph(published, "/blog/2019/articolo-sintetico-000/")
    post = one(nodes, "BlogPosting")
    assert post["headline"] == "Articolo sintetico 000"
    assert post["datePublished"].startswith("2019-01-07T00:00:00+01:00")
    assert post["dateModified"]
    assert post["author"][0]["name"]
    assert post["image"][0].startswith(f"{SITEURL}/condivisione/")
    assert post["mainEntityOfPage"] == {
        "@id": f"{SITEURL}/blog/2019/articolo-sintetico-000/"
    }
    assert post["publisher"] == {"@id": one(nodes, "Organization")["@id"]}


def test_a_speaker_page_is_a_person_with_handle_aliases_and_profiles(published):
    speaker = published.archive.speakers[0]  # has an alias
    nodes = graph(published, "/relatori/relatore-sintetico-00/")
    person = one(nodes, "Person")
    assert one(nodes, "ProfilePage")["mainEntity"] == {"@id": person["@id"]}
    assert person["name"] == speaker["name"]
    assert person["alternateName"] == [speaker["handle"], *speaker["aliases"]]
    assert person["sameAs"] == [
        "https://community.nethesis.it/u/relatore.00",
        "https://example.org/0",
    ]
    assert person["image"].startswith(SITEURL + "/")


def test_the_playlist_is_an_item_list_of_every_talk(published):
    items = one(graph(published, "/videoconferenze/"), "ItemList")["itemListElement"]
    newest_first = published.archive.talks[::-1]
    assert [i["url"] for i in items] == [
        f"{SITEURL}/videoconferenze/{t['slug']}/" for t in newest_first
    ]
    assert [i["position"] for i in items] == list(range(1, len(newest_first) + 1))


def test_every_page_below_home_has_breadcrumbs_and_the_site_search(published):
    for path in html_files(published.output):
        url = page_url(published.output, path)
        if url.startswith("/pagefind/"):
            continue
        nodes = graph(published, url)
        site = one(nodes, "WebSite")
        target = site["potentialAction"]["target"]["urlTemplate"]
        assert target == f"{SITEURL}/cerca/?q={{search_term_string}}"
        if url in ("/", "/404.html"):
            continue
        crumbs = one(nodes, "BreadcrumbList")["itemListElement"]
        assert crumbs[0]["item"] == SITEURL + "/", url
        assert crumbs[-1]["item"] == SITEURL + url, url


# Open Graph ----------------------------------------------------------------------


def test_every_page_has_canonical_og_and_twitter_tags_with_a_real_image(published):
    for path in html_files(published.output):
        url = page_url(published.output, path)
        if url.startswith("/pagefind/"):
            continue
        page = soup(path)
        meta = {
            m["property"]: m["content"] for m in page.find_all("meta", property=True)
        }
        named = {
            m["name"]: m["content"] for m in page.find_all("meta", attrs={"name": True})
        }
        assert page.find("link", rel="canonical")["href"] == SITEURL + url
        assert meta["og:url"] == SITEURL + url
        assert meta["og:locale"] == "it_IT"
        assert meta["og:title"] and meta["og:description"] and meta["og:image:alt"]
        assert named["description"] == meta["og:description"]
        assert named["twitter:card"] == "summary_large_image"
        kind = meta["og:type"]
        if (
            url.startswith("/videoconferenze/")
            and url.count("/") == 3
            and "/tag/" not in url
        ):
            assert kind == "video.other", url
        elif (url.startswith("/blog/") and url.count("/") == 4) or "/bozze/" in url:
            assert kind == "article", url
        elif url.startswith(("/relatori/", "/autori/")) and url.count("/") == 3:
            assert kind == "profile", url
        else:
            assert kind == "website", url
        image = meta["og:image"]
        assert image.startswith(SITEURL + "/"), url
        with Image.open(
            published.output / image.removeprefix(SITEURL + "/")
        ) as picture:
            size = picture.size
        assert size == (int(meta["og:image:width"]), int(meta["og:image:height"])), url


def test_recorded_talks_share_their_thumbnail_and_the_rest_a_card(published):
    talk = talk_of(published, "recorded", number=3)
    meta = published.page(f"/videoconferenze/{talk['slug']}/").find(
        "meta", property="og:image"
    )
    assert meta["content"] == f"{SITEURL}/images/thumbnails/{talk['video']}.jpg"
    for url in ("/", "/videoconferenze/", "/relatori/relatore-sintetico-03/"):
        meta = published.page(url).find("meta", property="og:image")
        assert meta["content"].startswith(f"{SITEURL}/condivisione/"), url


# Sitemap and robots.txt --------------------------------------------------------------


def test_the_sitemap_lists_exactly_the_published_pages(published):
    tree = ElementTree.parse(published.file("/sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = tree.findall("s:url", ns)
    listed = [e.find("s:loc", ns).text for e in entries]
    assert len(listed) == len(set(listed))
    pages = {
        page_url(published.output, path, SITEURL)
        for path in html_files(published.output)
        if "/pagefind/" not in path.as_posix()
    }
    left_out = pages - set(listed)
    # La mia lista is the reader's own, empty for a crawler.
    personal = f"{SITEURL}/la-mia-lista/"
    assert left_out == {f"{SITEURL}/404.html", f"{SITEURL}/cerca/", personal}
    assert not (published.output / "bozze").exists()  # drafts are never published
    assert set(listed) == pages - left_out
    for url in left_out:  # and they say so to crawlers
        page = published.page(url.removeprefix(SITEURL))
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    now = published.archive.now
    for entry in entries:
        lastmod = datetime.fromisoformat(entry.find("s:lastmod", ns).text)
        assert lastmod <= now
    robots = published.file("/robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


def test_the_development_build_writes_no_sitemap(synthetic):
    assert not (synthetic.output / "sitemap.xml").exists()
    assert not (synthetic.output / "robots.txt").exists()


# Feeds ---------------------------------------------------------------------------------


def feed(site, path):
    parsed = feedparser.parse(site.file(path).read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def test_every_tag_page_links_its_own_valid_feed(published):
    archive = published.archive
    tags = {t["tag"] for t in archive.talks}
    for tag in tags:
        slug = tag.lower()
        page = published.page(f"/videoconferenze/tag/{slug}/")
        alternate = page.find("link", rel="alternate", title=re.compile(tag))["href"]
        visible = page.select_one(".feed-link a")["href"]
        assert (
            alternate
            == visible
            == f"{SITEURL}/feeds/videoconferenze/tag/{slug}.atom.xml"
        )
        parsed = feed(published, visible.removeprefix(SITEURL))
        expected = [t for t in archive.talks if t["tag"] == tag][::-1]
        assert [e.link for e in parsed.entries] == [
            f"{SITEURL}/videoconferenze/{t['slug']}/" for t in expected
        ]
    for url, feed_path in (
        ("/tag/nethserver/", "/feeds/tag/nethserver.atom.xml"),
        ("/categorie/sintetici/", "/feeds/categorie/sintetici.atom.xml"),
    ):
        page = published.page(url)
        assert page.select_one(".feed-link a")["href"] == SITEURL + feed_path
        assert page.find("link", rel="alternate", href=SITEURL + feed_path)
        assert feed(published, feed_path).entries


def test_a_talk_entry_carries_its_date_speakers_and_video(published):
    talk = talk_of(published, "recorded", number=3)
    parsed = feed(published, "/feeds/videoconferenze.atom.xml")
    entry = next(e for e in parsed.entries if e.link.endswith(f"/{talk['slug']}/"))
    assert entry.title == f"#3 {talk['title']}"
    assert datetime.fromisoformat(entry.published) == talk["date"]
    speaker = next(
        s for s in published.archive.speakers if s["handle"] in talk["speakers"]
    )
    assert speaker["name"] in entry.author
    body = entry.content[0].value
    assert f"https://www.youtube.com/watch?v={talk['video']}" in body
    assert speaker["name"] in body and "ore 17:00" in body


def test_the_news_feed_mixes_articles_and_talks_newest_first(published):
    parsed = feed(published, "/feeds/novita.atom.xml")
    links = [e.link for e in parsed.entries]
    assert len(links) == len(published.archive.talks) + 5  # 5 articles, no draft
    assert sum("/blog/" in link for link in links) == 5
    dates = [datetime.fromisoformat(e.published) for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    home = published.page("/")
    assert home.find("link", rel="alternate", href=f"{SITEURL}/feeds/novita.atom.xml")
    assert home.find("a", href=f"{SITEURL}/feeds/novita.atom.xml")


# One event per talk ----------------------------------------------------------------------


def test_each_talk_offers_its_own_event_same_as_in_the_full_calendar(published):
    full = icalendar.Calendar.from_ical(
        published.file("/videoconferenze/calendario.ics").read_bytes()
    )
    events = {str(e["uid"]): e for e in full.walk("VEVENT")}
    talk = talk_of(published, "upcoming")
    url = f"/videoconferenze/{talk['slug']}/"
    link = published.page(url).select_one(".talk-video a[type='text/calendar']")
    assert link["href"] == f"{SITEURL}{url}evento.ics"
    own = icalendar.Calendar.from_ical(published.file(f"{url}evento.ics").read_bytes())
    (event,) = own.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start == talk["date"] and start.tzinfo.key == "Europe/Rome"
    assert (start.hour, start.minute) == (17, 0)
    assert [tz["tzid"] for tz in own.walk("VTIMEZONE")] == ["Europe/Rome"]
    assert event.to_ical() == events[str(event["uid"])].to_ical()


# Cards: drawn once, redrawn when what they show changes ---------------------------------


def test_a_rebuild_draws_no_card_and_a_changed_talk_redraws_only_its_own(tmp_path):
    cache = tmp_path / "cards"
    options = {"talks": 8, "speakers": 4, "articles": 2}
    first = publish(tmp_path / "a", options, SHARE_CARDS_CACHE=str(cache))
    drawn = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    published_cards = sorted(p.name for p in (first.output / "condivisione").iterdir())
    assert sorted(drawn) == published_cards and len(drawn) > 8

    again = publish(tmp_path / "b", options, SHARE_CARDS_CACHE=str(cache))
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == drawn
    assert sitecheck_bytes(again.output / "condivisione") == sitecheck_bytes(
        first.output / "condivisione"
    )

    talk = talk_of(again, "upcoming")

    def retitle(content, _archive):
        path = content / "talks" / f"{talk['slug']}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace(talk["title"], "Un titolo nuovo"), encoding="utf-8"
        )

    changed = publish(tmp_path / "c", options, retitle, SHARE_CARDS_CACHE=str(cache))
    new = {p.name for p in cache.iterdir()} - set(drawn)
    assert len(new) == 1
    page = changed.page(f"/videoconferenze/{talk['slug']}/")
    assert page.find("meta", property="og:image")["content"].endswith(f"/{new.pop()}")


def sitecheck_bytes(folder):
    return {p.name: p.read_bytes() for p in Path(folder).iterdir()}


# Hostile titles stay inert ------------------------------------------------------------


def test_hostile_titles_stay_inert_in_meta_json_ld_and_cards(tmp_path):
    def add_hostile_talk(content, _archive):
        (content / "talks" / "ostile.md").write_text(
            f"Title: {HOSTILE}\nDate: 2030-01-07 17:00\nSpeakers: relatore.00\n"
            f"Summary: {HOSTILE}\n\nTesto.\n",
            encoding="utf-8",
        )

    options = {"talks": 4, "speakers": 2, "articles": 1}
    site = publish(tmp_path / "site", options, add_hostile_talk)
    (path,) = (site.output / "videoconferenze").glob("*serata*/index.html")
    html = path.read_text(encoding="utf-8")
    page = soup(path)
    scripts = page.find_all("script")
    assert [s.get("type") or s.get("src") for s in scripts][1:] == [
        "application/ld+json",
        f"{SITEURL}/theme/js/mylist.js",
    ]
    assert page.head.find("b") is None
    # A title is text, kept as written; the summary is Markdown, its tags go.
    text = "Serata \"doppie\" 'singole' & <!-- fine"
    assert page.find("meta", property="og:title")["content"] == f"#5 {HOSTILE}"
    assert page.title.string.startswith(f"#5 {HOSTILE}")
    assert page.find("meta", property="og:description")["content"] == text
    block = page.find("script", type="application/ld+json").string
    assert "<" not in block and ">" not in block
    event = next(n for n in json.loads(block)["@graph"] if n["@type"] == "Event")
    assert event["name"] == f"#5 {HOSTILE}"
    assert event["description"] == text
    assert html.count("</script>") == len(scripts)
    card = page.find("meta", property="og:image")["content"].removeprefix(SITEURL + "/")
    with Image.open(site.output / card) as picture:
        assert picture.size == (1200, 630)


def test_sharing_describes_a_blog_without_the_talks_plugin(tmp_path):
    """Each content type tells the sharing plugin what it is: a site without
    talks still gets its titles, breadcrumbs and robots rules."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "articles" / "benvenuti.md").write_text(
        "Title: Benvenuti\nDate: 2020-01-01 10:00\nTags: community\n\nCiao.\n",
        encoding="utf-8",
    )
    (content / "pages" / "chi-siamo.md").write_text(
        "Title: Chi siamo\n\nTesto.\n", encoding="utf-8"
    )
    plugins = [
        name
        for name in runner.load_settings()["PLUGINS"]
        if name not in ("eroi.plugins.talks", "eroi.plugins.transcripts")
    ]
    # A process of its own: Pelican never disconnects a plugin it registered,
    # and this test process has registered the talks plugin already.
    overrides = {
        "PATH": str(content),
        "PLUGINS": plugins,
        "SITEURL": SITEURL,
        "OUTPUT_PATH": str(tmp_path / "output"),
        "SHARE_CARDS_CACHE": str(tmp_path / "cards"),
    }
    build = (
        "import json, sys; from eroi.tools import runner; "
        "runner.build(runner.PUBLISH_SETTINGS, "
        "fatal='warnings', **json.loads(sys.argv[1]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", build, json.dumps(overrides)],
        cwd=ROOT,
        env={**os.environ, "SITEURL": SITEURL},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site = SimpleNamespace(output=tmp_path / "output")
    expected = {
        "chi-siamo/index.html": ("Chi siamo", "website", None),
        "tag/community/index.html": ("Articoli con il tag community", "website", "Tag"),
        "tag/index.html": ("Tutti i tag", "website", None),
        "cerca/index.html": ("Cerca", "website", None),
    }
    for path, (title, og_type, section) in expected.items():
        page = soup(site.output / path)
        assert page.find("meta", property="og:title")["content"] == title, path
        assert page.find("meta", property="og:type")["content"] == og_type, path
        graph = json.loads(page.find("script", type="application/ld+json").string)
        crumbs = next(
            node for node in graph["@graph"] if node["@type"] == "BreadcrumbList"
        )
        names = [item["name"] for item in crumbs["itemListElement"]]
        assert names == [n for n in ("Eroi Digitali", section, title) if n], path
    robots = soup(site.output / "cerca" / "index.html").find(
        "meta", attrs={"name": "robots"}
    )
    assert robots["content"] == "noindex"
    assert not soup(site.output / "chi-siamo" / "index.html").find(
        "meta", attrs={"name": "robots"}
    )


def test_a_cold_build_shows_how_far_its_cards_are(synthetic):
    """Drawing many cards (a CI deploy with an empty cache) shows its progress:
    plain lines in CI, a bar on a terminal (eroi.progress). The SYNTHETIC
    archive's build is such a build (the synthetic fixture)."""
    lines = [line for line in synthetic.printed.splitlines() if "cards:" in line]
    drawn = len(list((synthetic.output.parent / "cards").glob("*.png")))
    assert drawn >= 50
    assert lines[0].startswith(f"cards: 1/{drawn} ")
    assert lines[-1].startswith(f"cards: {drawn}/{drawn} ")

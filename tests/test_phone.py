"""A phone first: every page fits a 320 px screen, the header is short and
the first talk is on the first screen at 390×844, a toast covers no control.

A SYNTHETIC archive (tests/synthetic.py) with hostile-long content added: a
speaker with a long handle, name, company and website, a talk with a long
unbroken title and tag, an article with a long URL, a long line of code and a
wide table. Every page type is loaded in chromium.
"""

import re

import pytest
from PIL import Image

from eroi.model.schema import SCHEMAS, front_matter
from tests.axe import assert_no_violation
from tests.helpers import build_site, page_url, pages_of_each_kind, serve
from tests.synthetic import make_archive

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect

HANDLE = "riccardo_RPM2000_con_un_nome_lunghissimo"
LONG_WORD = "Precipitevolissimevolmente" * 3
LONG_TAG = "SicurezzaInformaticaPerLePiccoleEMedieImpreseItaliane"
LONG_URL = "https://example.org/" + "un-percorso-molto-lungo-senza-spazi/" * 6
LONG_CODE = "sudo " + "--opzione-lunghissima=valore " * 12
PHOTO, PHOTO_ALT = "images/foto-enorme.jpg", "Una foto di 4000 pixel"


def add_hostile_content(content):
    """A speaker, a talk and an article whose words do not fit 320 px."""
    speaker = {
        "name": f"Riccardo {LONG_WORD}",
        "handle": HANDLE,
        "company": f"Azienda{LONG_WORD}",
        "website": LONG_URL,
    }
    (content / "speakers" / f"{HANDLE}.md").write_text(
        front_matter(SCHEMAS["speaker"], speaker, blanks=False)
        + f"\nBio con un indirizzo lungo: <{LONG_URL}>.\n",
        encoding="utf-8",
    )
    talk = {
        "title": f"Una videoconferenza {LONG_WORD}",
        "date": "2019-01-08 17:00",
        "speakers": HANDLE,
        "slug": "videoconferenza-lunghissima",
        "youtube": "SYNTHlong01",
        "duration": "61 min",
        "tags": LONG_TAG,
        "slides": LONG_URL,
    }
    (content / "talks" / "videoconferenza-lunghissima.md").write_text(
        front_matter(SCHEMAS["talk"], talk, blanks=False)
        + f"\nCon @{HANDLE}: {LONG_URL}\n\n    {LONG_CODE}\n",
        encoding="utf-8",
    )
    cells = " | ".join(f"Colonna{n:02d}" for n in range(12))
    article = {
        "title": f"Un articolo {LONG_WORD}",
        "date": "2019-01-09",
        "category": "Sintetici",
        "tags": LONG_TAG,
    }
    # A 4000-pixel photo first, so the home page shows it in the summary.
    Image.linear_gradient("L").resize((4000, 3000)).save(content / PHOTO)
    (content / "articles" / "articolo-lunghissimo.md").write_text(
        front_matter(SCHEMAS["article"], article, blanks=False)
        + f"\n![{PHOTO_ALT}]({{static}}/{PHOTO})\n\n"
        f"Un indirizzo: {LONG_URL}, e <{LONG_URL}>.\n\n"
        f"Il comando `{LONG_CODE.strip()}` in riga, e in un blocco:\n\n"
        f"    {LONG_CODE}\n\n"
        f"| {cells} |\n|{'---|' * 12}\n| {' | '.join(['valore'] * 12)} |\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile SYNTHETIC archive, built and served: (base URL, output)."""
    root = tmp_path_factory.mktemp("phone")
    archive = make_archive(root / "content", talks=12, speakers=5, articles=3)
    add_hostile_content(root / "content")
    site = build_site(
        root / "output", PATH=str(root / "content"), TALKS_NOW=archive.now
    )
    with serve(site.output) as base_url:
        yield base_url, site.output


# Page types that pages_of_each_kind finds by walking the output, and the
# hostile ones by their address.
HOSTILE_PAGES = {
    "hostile talk": "/videoconferenze/videoconferenza-lunghissima/",
    "hostile talk tag": f"/videoconferenze/tag/{LONG_TAG.lower()}/",
    "hostile tag": f"/tag/{LONG_TAG.lower()}/",
    "search": f"/cerca/?q={HANDLE}",
}

WIDEST = """() => {
  const wide = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
    .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
  return [document.documentElement.scrollWidth, wide.slice(0, 5)];
}"""


def page_with(output, pattern, text):
    """The address of the first page matching ``pattern`` that holds ``text``
    (the slugs of the hostile speaker and article are made from their names)."""
    path = next(
        p for p in sorted(output.glob(pattern)) if text in p.read_text(encoding="utf-8")
    )
    return page_url(output, path)


def every_page(output):
    urls = {
        kind: page_url(output, path)
        for kind, path in pages_of_each_kind(output).items()
    }
    return {
        **urls,
        **HOSTILE_PAGES,
        "hostile speaker": page_with(output, "relatori/*/index.html", f"@{HANDLE}"),
        "hostile article": page_with(output, "blog/*/*/index.html", "Colonna00"),
    }


def test_the_hostile_pages_exist(hostile):
    found = every_page(hostile[1])
    for kind in (
        "home",
        "playlist",
        "talk",
        "speakers",
        "speaker",
        "talk tag",
        "archive",
        "article",
        "tag",
        "search",
        "my list",
        "contribute",
        "open data",
        "not found",
    ):
        assert kind in found, kind
    for url in HOSTILE_PAGES.values():
        path = hostile[1] / url.split("?")[0].lstrip("/") / "index.html"
        assert path.is_file(), url


def test_no_page_scrolls_sideways_at_320_px(page, hostile):
    base_url, output = hostile
    page.set_viewport_size({"width": 320, "height": 640})
    wide = {}
    for kind, url in every_page(output).items():
        page.goto(base_url + url, wait_until="load")
        if kind == "search":
            expect(page.locator("#ricerca-stato")).to_contain_text("risultat")
        width, culprits = page.evaluate(WIDEST)
        if width > 320:
            wide[kind] = (url, width, culprits)
    assert wide == {}


def test_a_phone_loads_a_narrow_webp_of_a_big_photo(page, hostile):
    base_url, output = hostile
    page.set_viewport_size({"width": 320, "height": 640})
    for kind in ("home", "hostile article"):
        page.goto(base_url + every_page(output)[kind], wait_until="load")
        photo = page.get_by_role("img", name=PHOTO_ALT)
        expect(photo).to_have_js_property("complete", True)
        assert photo.evaluate("i => i.currentSrc").endswith(f"/{PHOTO}.640.webp")
        box = photo.bounding_box()
        assert box["width"] <= 320 and round(box["height"]) == round(
            box["width"] * 3 / 4
        ), (kind, box)


def test_the_header_is_short_and_the_first_talk_on_the_first_screen(page, hostile):
    base_url, _output = hostile
    page.set_viewport_size({"width": 390, "height": 844})
    for url in ("/", "/videoconferenze/", "/relatori/", "/archivio/", "/cerca/"):
        page.goto(base_url + url, wait_until="load")
        header = page.locator(".site-header").bounding_box()
        assert header["y"] + header["height"] <= 120, (url, header)
        # Every way on is shown, with no script: the links on one line.
        nav = page.get_by_role("navigation", name="Principale")
        links = nav.get_by_role("link").filter(visible=True)
        tops = {round(link.bounding_box()["y"]) for link in links.all()}
        assert len(tops) == 1, (url, tops)
        expect(page.get_by_role("searchbox", name="Cerca nel sito")).to_be_visible()
        # La mia lista: in the footer on a phone, not in the header.
        expect(nav.get_by_role("link", name="La mia lista")).to_be_hidden()
        mylist = page.get_by_role("contentinfo").get_by_role(
            "link", name="La mia lista"
        )
        expect(mylist).to_have_attribute("href", re.compile(r"la-mia-lista/$"))
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Vai al contenuto")).to_be_focused()
    expect(page.get_by_role("link", name="Vai al contenuto")).to_be_in_viewport()
    page.goto(base_url + "/videoconferenze/", wait_until="load")
    card = page.locator(".talk-card").first.bounding_box()
    assert card["y"] < 844 - 100, card  # its title is on screen, not only its top
    # The filters are folded, one tap away, and still filter.
    expect(page.locator("#filtro-stato")).to_be_hidden()
    page.locator("summary", has_text="Filtra le videoconferenze").click()
    page.select_option("#filtro-stato", "upcoming")
    expect(page.locator("#filtri-esito")).to_contain_text("mostrat")
    # A shared filtered link shows its filters open.
    page.goto(base_url + "/videoconferenze/?stato=upcoming", wait_until="load")
    expect(page.locator("#filtro-stato")).to_be_visible()
    expect(page.locator("#filtro-stato")).to_have_value("upcoming")


def test_the_desktop_header_and_filters_stay_as_they_were(page, hostile):
    base_url, _output = hostile
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + "/videoconferenze/", wait_until="load")
    expect(page.locator(".site-subtitle")).to_be_visible()
    assert page.locator(".site-subtitle").bounding_box()["width"] > 100
    expect(page.locator(".filters-box > summary")).to_be_hidden()
    expect(page.locator("#filtro-parole")).to_be_visible()
    # Wider, La mia lista is in the header, current on its own page.
    nav = page.get_by_role("navigation", name="Principale")
    nav.get_by_role("link", name="La mia lista").click()
    page.wait_for_url("**/la-mia-lista/")
    expect(nav.get_by_role("link", name="La mia lista")).to_have_attribute(
        "aria-current", "page"
    )
    assert page.locator(".site-header").bounding_box()["height"] < 220
    assert_no_violation(page, "la mia lista, from the header")
    page.go_back()
    page.select_option("#filtro-stato", "upcoming")
    expect(page.locator("#filtri-esito")).to_contain_text("mostrat")


# Every control a reader may touch, as boxes in the viewport.
CONTROLS = """() => [...document.querySelectorAll(
    'a[href], button, input, select, summary, [tabindex]:not([tabindex="-1"])')]
  .map((e) => e.getBoundingClientRect())
  .filter((r) => r.width > 0 && r.height > 0)
  .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }))"""


def meets(a, b):
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize(
    ("width", "url"),
    [
        (390, "/videoconferenze/videoconferenza-lunghissima/"),
        (1280, "/videoconferenze/videoconferenza-lunghissima/"),
        (390, "/videoconferenze/"),
    ],
)
def test_the_toast_covers_no_control(page, hostile, width, url):
    base_url, _output = hostile
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(base_url + url, wait_until="load")
    page.get_by_role(
        "button", name=f"Salva per dopo: Una videoconferenza {LONG_WORD}"
    ).click()
    toast = page.locator(".mylist-toast")
    expect(toast).to_have_text(f"Salvata per dopo: Una videoconferenza {LONG_WORD}.")
    expect(toast).to_have_attribute("aria-live", "polite")  # announced
    expect(toast).to_be_in_viewport()
    box = toast.bounding_box()
    assert box["height"] > 0
    if "lunghissima" in url:
        play = page.locator(".video-play").bounding_box()
        assert not meets(box, play), (box, play)
    assert [c for c in page.evaluate(CONTROLS) if meets(box, c)] == []
    # It fades, and keeps its place: nothing moves under the reader's finger.
    expect(toast).to_be_hidden(timeout=8000)
    assert (
        page.evaluate("() => document.querySelector('.mylist-toast').offsetHeight") > 0
    )


@pytest.mark.parametrize(
    "kind", ["hostile speaker", "hostile talk", "hostile article", "playlist"]
)
def test_axe_at_320_px(page, hostile, kind):
    base_url, output = hostile
    page.set_viewport_size({"width": 320, "height": 640})
    url = every_page(output)[kind]
    page.goto(base_url + url, wait_until="load")
    assert_no_violation(page, f"{kind} at 320 px")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_wide_table_scrolls_in_its_own_box(page, hostile, scheme):
    base_url, output = hostile
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(base_url + every_page(output)["hostile article"], wait_until="load")
    table = page.locator(".prose table")
    styled = table.evaluate(
        """(t) => {
          const css = (e) => getComputedStyle(e);
          const th = t.querySelector('thead th');
          return {
            border: css(t.querySelector('td')).borderTopWidth,
            header: css(th).backgroundColor !== css(document.body).backgroundColor,
            boxed: t.scrollWidth > t.clientWidth && t.clientWidth <= innerWidth,
          };
        }"""
    )
    assert styled == {"border": "1px", "header": True, "boxed": True}
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    # The keyboard scrolls it, not the page.
    table.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.prose table').scrollLeft > 0"
    )
    assert page.evaluate("() => scrollX") == 0
    assert_no_violation(page, f"a wide table at 320 px, {scheme}")

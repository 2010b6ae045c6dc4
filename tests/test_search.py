"""Site search at /cerca/, in a real browser (Debian's chromium, Playwright).

The SYNTHETIC community (tests/community.py) and a SYNTHETIC archive are
built with their Pagefind index and served from 127.0.0.1; the route guard of the `page` fixture aborts (and
records) any request to another host.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.axe import assert_no_violation
from tests.community import RECAP, REPORT, TALK
from tests.helpers import serve
from tests.synthetic import TOPICS

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402


@pytest.fixture(scope="module")
def small_community(community):
    with serve(community.output) as base_url:
        yield base_url


def titles(page):
    """The titles of the pages' results (what was said is listed apart)."""
    return page.locator("#ricerca-risultati .search-result h2 a").all_inner_texts()


def search(page, base_url, query="", **filters):
    params = "&".join(f"{k}={v}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{base_url}/cerca/?{params}")
    expect(page.locator("#ricerca-stato")).to_contain_text("risultat")
    return titles(page)


def off_site(page):
    return [url for url in page.requests if urlsplit(url).hostname != "127.0.0.1"]


def test_a_speakers_surname_in_the_header_lands_on_their_talks(page, small_community):
    page.goto(small_community + REPORT["url"])
    page.get_by_role("searchbox", name="Cerca nel sito").fill("Bonazzi")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cerca/?q=Bonazzi")
    expect(page.locator("#ricerca-stato")).to_contain_text("risultati per «Bonazzi»")
    found = titles(page)
    assert TALK["speaker"] in found
    assert TALK["title"] in found
    assert page.locator("#ricerca-testo").input_value() == "Bonazzi"
    assert off_site(page) == []
    assert page.csp_errors == []


def test_italian_words_are_found_in_their_other_forms(page, small_community):
    recap = RECAP["title"]
    # Singular for plural: "videoconferenza" finds the recap's "videoconferenze".
    assert recap in search(page, small_community, "videoconferenza")
    excerpt = page.locator(".search-result", has_text=recap).locator(".excerpt")
    expect(excerpt.locator("mark").first).to_contain_text("videoconferenz")
    # An elided word ("dall’esperienza" in the recap), with either apostrophe.
    for query in ("esperienza", "dall'esperienza", "dall’esperienza"):
        assert recap in search(page, small_community, query), query


def test_a_chapter_title_finds_its_talk(page, server, synthetic):
    talk = synthetic.archive.talks[1]  # the talk with chapters
    found = search(page, server, "demo dal vivo")
    assert found[0] == talk["title"]
    # On the talk, each chapter's link says its time and its title.
    page.get_by_role("link", name=talk["title"]).click()
    chapter = page.get_by_role("link", name="00:12:30, Demo dal vivo", exact=True)
    expect(chapter).to_have_attribute("data-start", "750")


def test_a_result_shows_title_date_people_excerpt_and_picture(page, server, synthetic):
    talk = synthetic.archive.talks[0]  # recorded, with a local thumbnail
    search(page, server, "001", tipo="videoconferenza")
    result = page.locator(".search-result").first
    expect(result.locator("h2 a")).to_have_text(talk["title"])
    meta = result.locator(".meta").inner_text()
    assert meta.startswith("Videoconferenza · ")
    assert f"{talk['date'].day} gennaio 2019" in meta
    assert "Relatore Sintetico" in meta
    assert result.locator(".excerpt").inner_text().strip()
    picture = result.locator(".result-picture img")
    assert picture.get_attribute("src").endswith(f"/thumbnails/{talk['video']}.jpg")
    assert picture.get_attribute("width") == "160"
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
    # A talk without a thumbnail gets the drawn tile, never a broken image.
    no_video = next(t for t in synthetic.archive.talks if not t["video"])
    search(page, server, f"{no_video['number']:03d}", tipo="videoconferenza")
    first = page.locator(".search-result").first
    expect(first.locator("h2 a")).to_have_text(no_video["title"])
    assert first.locator(".result-picture img").count() == 0
    assert first.locator(".card-placeholder").count() == 1


def test_each_filter_narrows_the_results_and_lives_in_the_url(page, server, synthetic):
    archive = synthetic.archive
    everything = search(page, server, "sintetica")
    assert len(everything) == 10  # the first page of results
    total = int(page.locator("#ricerca-stato").inner_text().split()[0])
    speaker = archive.speakers[3]
    year_talks = [t for t in archive.talks if t["date"].year == 2020]
    choices = {
        "tipo": ("videoconferenza", [t["title"] for t in archive.talks]),
        "relatore": (  # the speaker's talks, and their own page
            speaker["name"],
            [
                speaker["name"],
                *(t["title"] for t in archive.talks_of(speaker["handle"])),
            ],
        ),
        "anno": ("2020", [t["title"] for t in year_talks]),
        "tag": (  # talks and articles
            "Backup",
            [t["title"] for t in archive.talks if t["tag"] == "Backup"]
            + [
                f"Articolo sintetico {n:03d}"
                for n in range(5)
                if TOPICS[n % 7] == "Backup"
            ],
        ),
    }
    for key, (value, allowed) in choices.items():
        search(page, server, "sintetica")
        page.select_option(f"#ricerca-filtro-{key}", value)
        expect(page.locator("#ricerca-stato")).to_contain_text("con i filtri scelti")
        assert parse_qs(urlsplit(page.url).query) == {"q": ["sintetica"], key: [value]}
        found = titles(page)
        assert found, key
        assert set(found) <= set(allowed), key
        count = int(page.locator("#ricerca-stato").inner_text().split()[0])
        assert count < total, key
    assert off_site(page) == []


# The options each <select> of the form offers (its first, "Tutti ...", aside),
# and whether they are in the browser's Italian alphabetical order.
OPTIONS = """() => Object.fromEntries(
  [...document.querySelectorAll("#ricerca-filtri select")].map((select) => {
    const values = [...select.options].slice(1).map((option) => option.value);
    const sorted = [...values].sort((a, b) => a.localeCompare(b, "it"));
    return [select.name, {
      values,
      labels: [...select.options].map((option) => option.text),
      alphabetical: values.every((value, i) => value === sorted[i]),
    }];
  }))"""
# What the index holds: Pagefind's own list of its filters and their values.
INDEX_FILTERS = """async () => {
  const bundle = document.getElementById("ricerca").dataset.pagefindBundle;
  const pagefind = await import(new URL("pagefind.js", new URL(bundle, location.href)));
  return pagefind.filters();
}"""
LIST_KEY = "chiave"  # talk.html: the key of a talk in La mia lista (js/mylist.js)


def filter_chunks(page):
    """The index's filter files the page downloaded (pagefind/filter/*.pf_filter)."""
    return [url for url in page.requests if url.endswith(".pf_filter")]


@pytest.mark.parametrize(
    ("site_url", "query"), [("small_community", "prova"), ("server", "sintetica")]
)
def test_the_filters_are_written_with_the_page_as_the_index_has_them(
    page, request, site_url, query
):
    base_url = request.getfixturevalue(site_url)
    assert search(page, base_url, query)
    # The first query downloaded no filter of the index: the options are in the page.
    assert filter_chunks(page) == []
    written = page.evaluate(OPTIONS)
    assert written.pop("lista")["values"] == ["da-vedere", "visti"]
    index = page.evaluate(INDEX_FILTERS)
    assert set(written) == set(index) - {LIST_KEY}
    for key, select in written.items():
        assert sorted(select["values"]) == sorted(index[key]), key
        if key == "anno":
            assert select["values"] == sorted(index[key], reverse=True)
        else:
            assert select["alphabetical"], key
    tipo = written["tipo"]["labels"]
    assert tipo[0] == "Tutti i tipi"
    assert {"Articoli", "Relatori", "Videoconferenze"} <= set(tipo)
    assert off_site(page) == []


def test_a_filter_in_the_address_is_chosen_in_the_form(page, server, synthetic):
    year_talks = [t["title"] for t in synthetic.archive.talks if t["date"].year == 2020]
    found = search(page, server, "sintetica", anno="2020", tipo="videoconferenza")
    expect(page.locator("#ricerca-filtro-anno")).to_have_value("2020")
    expect(page.locator("#ricerca-filtro-tipo")).to_have_value("videoconferenza")
    expect(page.locator("#ricerca-stato")).to_contain_text("con i filtri scelti")
    assert found and set(found) <= set(year_talks)
    # A value the form does not offer is no filter.
    search(page, server, "sintetica", anno="1900")
    expect(page.locator("#ricerca-filtro-anno")).to_have_value("")
    expect(page.locator("#ricerca-stato")).not_to_contain_text("con i filtri scelti")


def test_filters_alone_list_the_newest_first(page, server, synthetic):
    found = search(page, server, "", tag="VoIP", tipo="videoconferenza")
    expected = [
        t["title"] for t in reversed(synthetic.archive.talks) if t["tag"] == "VoIP"
    ]
    assert found == expected[: len(found)]


def test_opening_a_result_and_going_back_keeps_the_search(page, server, synthetic):
    talk = synthetic.archive.talks[1]
    search(page, server, "demo dal vivo")
    page.locator(".search-result h2 a").first.click()
    page.wait_for_url(f"**/videoconferenze/{talk['slug']}/")
    expect(page.locator("h1")).to_have_text(talk["title"])
    page.go_back()
    expect(page.locator("#ricerca-testo")).to_have_value("demo dal vivo")
    expect(page.locator(".search-result h2 a").first).to_have_text(talk["title"])


def test_the_back_button_returns_to_the_previous_search(page, server):
    search(page, server, "backup")
    page.fill("#ricerca-testo", "firewall")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cerca/?q=firewall")
    expect(page.locator("#ricerca-stato")).to_contain_text("«firewall»")
    page.go_back()
    page.wait_for_url("**/cerca/?q=backup")
    expect(page.locator("#ricerca-testo")).to_have_value("backup")
    expect(page.locator("#ricerca-stato")).to_contain_text("«backup»")


def test_more_results_on_request(page, server, synthetic):
    search(page, server, "sintetica")
    assert page.locator("#ricerca-risultati .search-result").count() == 10
    page.get_by_role("button", name="Mostra altri risultati").click()
    expect(page.locator("#ricerca-risultati .search-result")).to_have_count(20)
    # Focus moves to the first new result, for keyboard and screen readers.
    focused = page.evaluate("document.activeElement.closest('.search-result') !== null")
    assert focused


def test_search_and_filters_by_keyboard_alone(page, server, synthetic):
    page.goto(server + "/")
    for _ in range(20):  # Tab from the top of the page to the header's field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "cerca-nel-sito":
            break
    else:
        pytest.fail("the header's search field is not reachable with Tab")
    page.keyboard.type("sintetica")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cerca/?q=sintetica")
    expect(page.locator("#ricerca-stato")).to_contain_text("risultati")
    page.focus("#ricerca-testo")
    page.keyboard.press("Tab")  # the button
    page.keyboard.press("Tab")  # the first filter: tipo
    assert page.evaluate("document.activeElement.id") == "ricerca-filtro-tipo"
    page.keyboard.press("ArrowDown")  # the first kind in the list
    expect(page.locator("#ricerca-stato")).to_contain_text("con i filtri scelti")
    assert "tipo=" in page.url
    page.focus(".search-result h2 a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/blog/**")


def test_nothing_leaves_the_site_while_searching(page, server, synthetic):
    head = synthetic.page("/cerca/").head
    preloaded = [link["href"] for link in head.select("link[rel=preload]")]
    assert preloaded == ["../pagefind/wasm.it.pagefind"]  # relative URLs
    assert synthetic.file("/pagefind/wasm.it.pagefind").is_file()
    search(page, server, "sintetica")
    # Pagefind's WebAssembly, preloaded with the page, is fetched once.
    assert [u for u in page.requests if "/pagefind/wasm." in u] == [
        f"{server}/pagefind/wasm.it.pagefind"
    ]
    for query in ("relatore", "nethserver", "zzzz"):
        search(page, server, query)
    page.fill("#ricerca-testo", "vo")
    page.keyboard.type("ip")
    expect(page.locator("#ricerca-stato")).to_contain_text("«voip»")
    assert page.requests and off_site(page) == []
    assert page.csp_errors == []


def test_without_javascript_the_page_says_where_to_look(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/cerca/?q=voip")
    notice = page.locator("noscript p, p.notice").filter(has_text="JavaScript")
    expect(notice).to_be_visible()
    # The filters are in the page, but work only with the script.
    assert page.locator("#ricerca-filtri select").count() > 0
    expect(page.locator("#ricerca-filtri")).to_be_hidden()
    links = notice.locator("a")
    assert [link.get_attribute("href") for link in links.all()] == [
        "../videoconferenze/",
        "../relatori/",
        "../archivio/",
    ]
    context.close()


def test_axe_finds_no_violation_with_results_and_filters(page, server):
    search(page, server, "", tipo="videoconferenza", anno="2019")
    more = page.get_by_role("button", name="Mostra altri risultati")
    while more.is_visible():
        before = page.locator(".search-result").count()
        more.click()
        expect(page.locator(".search-result")).not_to_have_count(before)
    assert page.locator(".search-result img").count() > 0
    assert page.locator(".search-result .card-placeholder").count() > 0
    assert_no_violation(page, "results and filters")
    search(page, server, "zzzz")  # no result
    assert_no_violation(page, "no result")


def test_a_spoken_phrase_opens_its_talk_at_that_moment(page, server, synthetic):
    talk = synthetic.archive.talks[1]  # YouTube's automatic captions
    phrase = talk["captions"][100][2]  # said at about six minutes
    soup = synthetic.page(f"/videoconferenze/{talk['slug']}/")
    said = soup.find("p", string=lambda text: text and phrase in text)
    start = int(said.find_parent("li")["id"].removeprefix("t-"))
    assert start > 0
    assert search(page, server, f'"{phrase}"') == []  # said, not written
    spoken = page.locator("#ricerca-detto-risultati .search-result h3 a")
    expect(spoken).to_have_text([talk["title"]])  # the exact phrase: one talk
    passage = page.locator(".search-result .passages a")
    expect(passage).to_have_count(1)
    expect(passage).to_have_text(
        f"Trascrizione, {start // 3600:02d}:{start // 60 % 60:02d}:{start % 60:02d}"
    )
    assert (
        phrase.split()[0] in page.locator(".passages .excerpt mark").first.inner_text()
    )
    passage.click()
    page.wait_for_url(f"**/videoconferenze/{talk['slug']}/?t={start}#t-{start}")
    expect(page.locator(f"li#t-{start}")).to_be_visible()  # its section opened
    assert page.locator(".talk-video iframe").count() == 0  # nothing loads by itself
    assert off_site(page) == []
    page.click(".talk-video .video-play")
    frame = page.locator(".talk-video iframe")
    frame.wait_for()
    assert frame.get_attribute("src").endswith(f"autoplay=1&start={start}")


def test_axe_finds_no_violation_with_transcript_passages(page, server, synthetic):
    phrase = synthetic.archive.talks[1]["captions"][100][2]
    search(page, server, phrase)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(page.locator(".passages a").first).to_be_visible()
    assert_no_violation(page, "transcript passages")


def test_words_said_in_a_talk_are_found_after_the_pages_results(
    page, server, synthetic
):
    """What was said is searched by default, unquoted, but its index is asked
    only once the pages' results are on screen; the passage links the talk
    at that moment."""
    talk = synthetic.archive.talks[1]
    words = talk["captions"][100][2].split()[:2]  # two words said, no quotes
    # Many pages' results: what was said is asked only once the reader
    # nears their end.
    search(page, server, "sintetica")
    page.wait_for_timeout(500)
    assert not [u for u in page.requests if "/pagefind-trascrizioni/" in u]
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(
        page.locator("#ricerca-detto-risultati .search-result").first
    ).to_be_visible()
    page.fill("#ricerca-testo", " ".join(words))
    spoken = page.locator("#ricerca-detto-risultati .search-result h3 a")
    expect(spoken.first).to_have_text(talk["title"])
    expect(page.locator("#ricerca-detto-sezione")).to_be_visible()
    passage = page.locator("#ricerca-detto-risultati .passages a").first
    expect(passage).to_have_text(re.compile(r"^Trascrizione, \d\d:\d\d:\d\d$"))
    assert "?t=" in passage.get_attribute("href")
    marks = page.locator("#ricerca-detto-risultati .passages mark").all_inner_texts()
    assert words[0] in marks
    # The pages' own results came first: the main index before the spoken one.
    asked = [url for url in page.requests if "/pagefind" in url]
    first_spoken = next(
        i for i, u in enumerate(asked) if "/pagefind-trascrizioni/" in u
    )
    assert any("/pagefind/fragment/" in u for u in asked[:first_spoken])
    assert "detto" not in page.url
    # Nor a script the page does not use: results are links, no video plays.
    assert not [url for url in page.requests if url.endswith("/js/video.js")]
    assert off_site(page) == []


def test_a_speakers_name_comes_before_words_like_it(page, server, synthetic):
    speaker = synthetic.archive.speakers[7]
    theirs = {t["title"] for t in synthetic.archive.talks_of(speaker["handle"])}
    found = search(page, server, "Sintetico 07")
    assert found[0] == speaker["name"]
    assert set(found[1 : 1 + len(theirs)]) == theirs


def test_a_tag_is_searched(page, small_community):
    # "management" is only in the report's tags ("community management").
    assert REPORT["title"] in search(page, small_community, "management")


def test_a_typo_offers_the_word_of_the_index(page, server):
    search(page, server, "snitetica")
    expect(page.locator("#ricerca-stato")).to_contain_text("Nessun risultato")
    maybe = page.locator("#ricerca-forse")
    expect(maybe).to_have_text("Forse cercavi sintetica?")
    assert_no_violation(page, "a suggestion")
    maybe.get_by_role("link").click()
    expect(page.locator("#ricerca-stato")).to_contain_text("risultati per «sintetica»")
    assert "q=sintetica" in page.url
    expect(maybe).to_be_hidden()


def test_the_missing_page_leads_to_the_search_and_the_talks(page, server):
    page.goto(server + "/404.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina non trovata")
    links = page.get_by_role("main").get_by_role("link")
    for name, path in (
        ("Tutte le videoconferenze", "/videoconferenze/"),
        ("I relatori", "/relatori/"),
        ("Torna alla home", "/"),
    ):
        href = links.filter(has_text=name).get_attribute("href")
        assert (
            urlsplit(page.evaluate("(h) => new URL(h, location).href", href)).path
            == path
        )
    assert_no_violation(page, "the missing page")
    page.get_by_role("searchbox", name="Cerca quello che ti serviva").fill("Firewall")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cerca/?q=Firewall")
    expect(page.locator("#ricerca-stato")).to_contain_text("risultati per «Firewall»")


# No tile's word is cut: each drawn tile holds its whole text.
CLIPPED_TILES = """() => [...document.querySelectorAll('.card-placeholder')]
  .filter((tile) => tile.scrollWidth > tile.clientWidth)
  .map((tile) => tile.textContent)"""


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800), (320, 640)])
def test_the_first_results_are_on_the_first_screen(
    page, server, synthetic, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    search(page, server, "sintetica")
    heading = page.locator(".search-result h2").first.bounding_box()
    # Its title's first line at least, on the smallest screen.
    seen = heading["height"] if width > 320 else 30
    assert heading["y"] + seen <= height, heading
    assert page.locator(".search-result .card-placeholder").count() > 0
    assert page.evaluate(CLIPPED_TILES) == []
    filters = page.locator("#ricerca-filtro-tipo")
    if width < 640:  # folded, one tap away, and they still filter
        expect(filters).to_be_hidden()
        page.get_by_text("Filtra i risultati", exact=True).first.click()
    expect(filters).to_be_visible()
    assert_no_violation(page, f"results at {width} px, filters open")
    page.select_option("#ricerca-filtro-tipo", "articolo")
    expect(page.locator("#ricerca-stato")).to_contain_text("con i filtri scelti")
    if width == 320:
        return
    # What was said, when no page holds the words: right under the status.
    phrase = synthetic.archive.talks[1]["captions"][100][2]
    search(page, server, f'"{phrase}"')
    expect(page.locator("#ricerca-detto-titolo")).to_be_visible()
    said = page.locator("#ricerca-detto-titolo").bounding_box()
    assert said["y"] + said["height"] <= height, said


def test_two_languages_are_a_filter_as_the_index_has_them(page, bilingual):
    search(page, bilingual.base_url, "sintetica")
    written = page.evaluate(OPTIONS)
    index = page.evaluate(INDEX_FILTERS)
    assert written["lingua"]["labels"] == ["Tutte le lingue", "inglese", "italiano"]
    assert sorted(index["lingua"]) == ["inglese", "italiano"]
    assert index["lingua"]["inglese"] == 3  # the talks only
    assert_no_violation(page, "search in two languages")


def test_the_language_filter_narrows_the_results(page, bilingual):
    english = [t["title"] for t in bilingual.archive.talks if t["lang"] == "en"]
    search(page, bilingual.base_url, "sintetica")
    page.select_option("#ricerca-filtro-lingua", "inglese")
    expect(page.locator("#ricerca-stato")).to_contain_text("con i filtri scelti")
    assert sorted(titles(page)) == sorted(english)


def test_what_was_said_is_filtered_as_the_pages_are(page, bilingual):
    # The spoken index has every filter of the main one: a language chosen
    # still finds what was said in a talk in that language.
    talk = next(t for t in bilingual.archive.talks if t["captions"])
    language = "inglese" if talk["lang"] == "en" else "italiano"
    phrase = talk["captions"][100][2]
    search(page, bilingual.base_url, f'"{phrase}"', lingua=language)
    spoken = page.locator("#ricerca-detto-risultati .search-result h3 a")
    expect(spoken).to_have_text([talk["title"]])
    expect(page.locator(".filters-box")).to_have_attribute("open", "")

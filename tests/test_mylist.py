"""La mia lista (js/mylist.js), in a real browser (chromium, Playwright), offline.

A SYNTHETIC archive served on 127.0.0.1: "Salva per dopo" and "Vista" on talk
pages, cards and search results, the playlist's and the search's "da vedere"
and "già viste", /la-mia-lista/
with its export, clear and import, storage that is blocked or full, resume
through the embed's postMessage channel (a local stand-in for the YouTube
frame), no request off this machine before a click, and axe in every state.
"""

import json
import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.axe import assert_no_violation

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

STORE = "eroi-digitali-lista"
NOCOOKIE = "https://www.youtube-nocookie.com/embed/"
BLOCKED = "Il browser non permette di salvare la lista: vale solo su questa pagina."


def talk_url(talk):
    return f"/videoconferenze/{talk['slug']}/"


def stored(page):
    """The list as the page's localStorage holds it (None when empty)."""
    return json.loads(page.evaluate(f"localStorage.getItem('{STORE}') ?? 'null'"))


def store(page, items):
    """Write ``items`` as the reader's list (the page must be on the site)."""
    data = json.dumps({"versione": 1, "videoconferenze": items})
    page.evaluate("([key, data]) => localStorage.setItem(key, data)", [STORE, data])


def toggle(page, label, talk):
    return page.get_by_role("button", name=f"{label}: {talk['title']}", exact=True)


def off_site(requests):
    return [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]


def shown(page):
    """The titles of the talks shown, once the playlist's filters have drawn them."""
    expect(page.locator("#risultati[aria-busy]")).to_have_count(0)
    return page.locator(".talk-card:visible .talk-card-title a").all_inner_texts()


def test_without_javascript_there_is_no_control(browser, server, synthetic):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    talk = synthetic.archive.talks[0]
    for url in (talk_url(talk), "/videoconferenze/", "/"):
        page.goto(server + url)
        assert page.locator(".mylist-controls button").count() == 0, url
        expect(page.locator(".mylist-controls").first).to_be_hidden()
    expect(page.get_by_role("heading", name="Continua a guardare")).to_have_count(0)
    page.goto(server + "/la-mia-lista/")
    expect(page.locator(".mylist-nojs")).to_be_visible()
    expect(page.locator("#mia-lista").get_by_role("button")).to_have_count(0)
    context.close()


def test_save_and_unsave_a_talk_on_its_page_and_its_card(page, server, synthetic):
    talk = synthetic.archive.talks[0]
    page.goto(server + talk_url(talk))
    save = toggle(page, "Salva per dopo", talk)
    expect(save).to_have_attribute("aria-pressed", "false")
    expect(save).to_have_text("Salva per dopo")
    save.click()
    expect(save).to_have_attribute("aria-pressed", "true")
    toast = page.locator(".mylist-toast")
    expect(toast).to_have_attribute("aria-live", "polite")
    expect(toast).to_have_text(f"Salvata per dopo: {talk['title']}.")
    item = stored(page)["videoconferenze"][talk["video"]]
    assert item["salvata"] is True
    assert item["titolo"] == talk["title"]
    assert item["indirizzo"] == talk_url(talk).lstrip("/")
    # The same talk's card in the playlist knows it, after a new page load.
    page.goto(server + "/videoconferenze/")
    card_save = toggle(page, "Salva per dopo", talk)
    expect(card_save).to_have_attribute("aria-pressed", "true")
    # From the keyboard: the card's button, then Space.
    card_save.focus()
    page.keyboard.press(" ")
    expect(card_save).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".mylist-toast")).to_have_text(
        f"Tolta dalle salvate: {talk['title']}."
    )
    assert stored(page)["videoconferenze"] == {}
    assert page.context.cookies() == []
    assert off_site(page.requests) == []


def test_no_visto_on_a_talk_not_yet_held_or_not_recorded(page, server, synthetic):
    talks = synthetic.archive.talks
    upcoming = next(t for t in talks if t["state"] == "upcoming")
    unavailable = next(t for t in talks if t["state"] == "unavailable")
    for talk in (upcoming, unavailable):
        page.goto(server + talk_url(talk))
        expect(toggle(page, "Salva per dopo", talk)).to_have_count(1)
        expect(toggle(page, "Vista", talk)).to_have_count(0)
    page.goto(server + "/videoconferenze/?stato=upcoming")
    expect(page.locator(".talk-card:visible .mylist-toggle")).to_have_count(3)
    # The In programma view: the nearest talk first.
    titles = page.locator(".talk-card:visible .talk-card-title a")
    expected = [t["title"] for t in talks if t["state"] == "upcoming"]
    expect(titles).to_have_text(expected)
    page.select_option("#filtro-stato", "")
    expect(page.locator(".talk-card .talk-card-title a").first).to_have_text(
        expected[-1]
    )
    assert off_site(page.requests) == []


def test_watched_talks_and_the_playlist_filters(page, server, synthetic):
    talks = synthetic.archive.talks
    watched, to_watch, upcoming = talks[2], talks[6], talks[-1]
    page.goto(server + "/videoconferenze/")
    toggle(page, "Salva per dopo", watched).click()
    toggle(page, "Vista", watched).click()
    toggle(page, "Salva per dopo", to_watch).click()
    toggle(page, "Salva per dopo", upcoming).press("Enter")  # no video: its slug
    expect(toggle(page, "Vista", watched)).to_have_attribute("aria-pressed", "true")
    items = stored(page)["videoconferenze"]
    assert set(items) == {watched["video"], to_watch["video"], upcoming["slug"]}
    page.select_option("#filtro-stato", "da-vedere")
    assert sorted(shown(page)) == sorted([to_watch["title"], upcoming["title"]])
    assert parse_qs(urlsplit(page.url).query) == {"stato": ["da-vedere"]}
    expect(page.locator("#filtri-esito")).to_have_text(
        f"2 videoconferenze mostrate su {len(talks)}."
    )
    # "La videoconferenza": feminine; the value in the URL is as it always was.
    page.select_option("#filtro-stato", label="Già viste")
    assert shown(page) == [watched["title"]]
    assert parse_qs(urlsplit(page.url).query) == {"stato": ["visti"]}
    # A shared or reloaded filtered link: the marks are there before the filter runs.
    page.reload()
    assert shown(page) == [watched["title"]]
    expect(page.locator("#filtro-stato")).to_have_value("visti")
    assert_no_violation(page, "playlist filtered to watched")


def test_a_talk_saved_on_a_later_page_of_the_playlist(page, paged_server, paged):
    talk = paged.archive.talks[69]  # on the third page only
    page.goto(paged_server + "/videoconferenze/pagina/3/")
    toggle(page, "Salva per dopo", talk).click()
    # The filters of the first page find it in the whole archive.
    page.goto(paged_server + "/videoconferenze/?stato=da-vedere")
    assert shown(page) == [talk["title"]]
    toggle(page, "Vista", talk).click()
    page.select_option("#filtro-stato", "visti")
    assert shown(page) == [talk["title"]]
    # La mia lista links it where it is now, whatever page listed it.
    page.goto(paged_server + "/la-mia-lista/")
    link = page.locator('[data-gruppo="viste"] a')
    expect(link).to_have_text(talk["title"])
    expect(link).to_have_attribute("href", re.compile(rf"{talk_url(talk)}$"))
    assert_no_violation(page, "la mia lista, a talk of a later page")


def test_la_mia_lista_shows_a_talk_as_it_is_now(page, server, synthetic):
    talk = synthetic.archive.talks[4]
    page.goto(server + "/la-mia-lista/")
    # Saved under an old title and address: the talks' index has the new ones.
    store(
        page,
        {
            talk["video"]: {
                "salvata": True,
                "titolo": "Vecchio titolo",
                "indirizzo": "videoconferenze/vecchio/",
            }
        },
    )
    page.reload()
    link = page.locator('[data-gruppo="salvate"] a')
    expect(link).to_have_text(talk["title"])
    expect(link).to_have_attribute("href", re.compile(rf"{talk_url(talk)}$"))


def search(page, server, **params):
    """/cerca/ with ``params`` in its address, once it has answered."""
    page.goto(f"{server}/cerca/?{urlencode(params)}")
    expect(page.locator("#ricerca-stato")).to_contain_text("risultat")
    return page.locator("#ricerca-risultati .search-result h2 a").all_inner_texts()


def test_a_talk_found_by_the_search_has_its_controls(page, server, synthetic):
    talk = synthetic.archive.talks[0]
    search(page, server, q="001", tipo="videoconferenza")
    result = page.locator(".search-result", has_text=talk["title"])
    save, seen = toggle(result, "Salva per dopo", talk), toggle(result, "Vista", talk)
    expect(save).to_have_attribute("aria-pressed", "false")
    expect(seen).to_have_attribute("aria-pressed", "false")
    save.click()
    expect(save).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".mylist-toast")).to_have_text(
        f"Salvata per dopo: {talk['title']}."
    )
    # Stored as the talk's own page stores it: its key, title, URL, duration.
    item = stored(page)["videoconferenze"][talk["video"]]
    assert item["salvata"] is True
    assert item["titolo"] == talk["title"]
    assert item["indirizzo"] == talk_url(talk).lstrip("/")
    assert item["durata"] == talk["duration"]
    result.get_by_role("link", name=talk["title"]).click()
    page.wait_for_url(f"**{talk_url(talk)}")
    expect(toggle(page, "Salva per dopo", talk)).to_have_attribute(
        "aria-pressed", "true"
    )
    toggle(page, "Vista", talk).click()
    page.go_back()
    expect(seen).to_have_attribute("aria-pressed", "true")
    assert off_site(page.requests) == []


def test_every_talk_result_has_its_buttons_once(page, server, synthetic):
    """Results drawn later (more results, what was said) get theirs too."""
    search(page, server, q="sintetica", tipo="videoconferenza")
    results = page.locator("#ricerca-risultati .search-result")
    page.get_by_role("button", name="Mostra altri risultati").click()
    expect(results).to_have_count(20)
    expect(results.locator(".mylist-controls:not(:empty)")).to_have_count(20)
    # A talk with no recording (yet) has "Salva per dopo" only.
    without = results.locator(".mylist-controls[data-senza-visto]").count()
    expect(results.locator(".mylist-toggle")).to_have_count(40 - without)
    expect(
        results.locator(
            ".mylist-controls[data-senza-visto] .mylist-toggle[value=vista]"
        )
    ).to_have_count(0)
    # Articles and speakers have none.
    search(page, server, q="sintetica", tipo="articolo")
    assert results.count() > 0
    expect(page.locator(".mylist-controls")).to_have_count(0)
    # A talk found in what was said: its buttons, and the same talk's
    # result among the pages says the same.
    talk = synthetic.archive.talks[1]
    search(page, server, q=f'"{talk["captions"][100][2]}"')
    spoken = page.locator("#ricerca-detto-risultati .search-result")
    expect(spoken).to_have_count(1)
    seen = toggle(spoken, "Vista", talk)
    seen.click()
    expect(seen).to_have_attribute("aria-pressed", "true")
    for button in toggle(page, "Vista", talk).all():
        expect(button).to_have_attribute("aria-pressed", "true")
    boxes = page.locator(".search-result .mylist-controls")
    without = page.locator(".search-result .mylist-controls[data-senza-visto]")
    expect(page.locator(".search-result .mylist-toggle")).to_have_count(
        2 * boxes.count() - without.count()
    )
    assert stored(page)["videoconferenze"][talk["video"]]["vista"] is True
    assert off_site(page.requests) == []


def test_the_search_finds_the_talks_to_watch_and_those_watched(page, server, synthetic):
    talks = synthetic.archive.talks
    watched, saved, started, by_slug = talks[2], talks[6], talks[1], talks[0]
    page.goto(server + "/la-mia-lista/")
    store(
        page,
        {
            watched["video"]: {"vista": True, "salvata": True},
            saved["video"]: {"salvata": True},
            started["video"]: {"posizione": 2530},
            by_slug["slug"]: {"salvata": True},  # saved before its video was out
        },
    )
    to_watch = sorted(t["title"] for t in (saved, started, by_slug))
    assert sorted(search(page, server, q="sintetica", lista="da-vedere")) == to_watch
    expect(page.locator("#ricerca-filtro-lista")).to_have_value("da-vedere")
    expect(page.locator("#ricerca-stato")).to_have_text(
        "3 risultati per «sintetica» con i filtri scelti."
    )
    page.select_option("#ricerca-filtro-lista", label="Già viste")
    expect(page.locator("#ricerca-stato")).to_contain_text("1 risultato per")
    assert page.locator("#ricerca-risultati h2 a").all_inner_texts() == [
        watched["title"]
    ]
    assert parse_qs(urlsplit(page.url).query) == {
        "q": ["sintetica"],
        "lista": ["visti"],
    }
    expect(toggle(page, "Vista", watched)).to_have_attribute("aria-pressed", "true")
    # The filter alone; with the other filters; talks only.
    assert sorted(search(page, server, lista="da-vedere")) == to_watch
    assert (
        search(page, server, lista="da-vedere", anno="2019")
        == [
            t["title"]
            for t in sorted((saved, started, by_slug), key=lambda t: t["date"])
        ][::-1]
    )
    assert search(page, server, q="sintetica", tipo="articolo", lista="visti") == []
    # "Tutte": every result again.
    search(page, server, q="sintetica", lista="visti")
    page.select_option("#ricerca-filtro-lista", "")
    expect(page.locator("#ricerca-stato")).not_to_contain_text("filtri")
    assert page.locator("#ricerca-risultati .search-result").count() == 10
    # An empty list: nothing to watch.
    store(page, {})
    assert search(page, server, q="sintetica", lista="da-vedere") == []
    expect(page.locator("#ricerca-stato")).to_contain_text("Nessun risultato")
    assert off_site(page.requests) == []


def test_a_talk_keeps_its_state_when_its_url_or_key_changed(page, server, synthetic):
    """Saved under its slug before its video was out, or with an old URL."""
    talks = synthetic.archive.talks
    by_slug, moved = talks[0], talks[2]
    page.goto(server + "/la-mia-lista/")
    store(
        page,
        {
            by_slug["slug"]: {"salvata": True, "titolo": "Un vecchio titolo"},
            moved["video"]: {"vista": True, "indirizzo": "videoconferenze/vecchio/"},
        },
    )
    page.reload()
    saved = page.locator('ul[data-gruppo="salvate"] a')
    expect(saved).to_have_text([by_slug["title"]])  # today's title and URL
    assert saved.get_attribute("href").endswith(talk_url(by_slug))
    seen = page.locator('ul[data-gruppo="viste"] a')
    assert seen.get_attribute("href").endswith(talk_url(moved))
    page.goto(server + talk_url(by_slug))
    save = toggle(page, "Salva per dopo", by_slug)
    expect(save).to_have_attribute("aria-pressed", "true")
    toggle(page, "Vista", by_slug).click()
    # Written again under its video id, its slug's entry gone.
    items = stored(page)["videoconferenze"]
    assert by_slug["slug"] not in items
    assert items[by_slug["video"]]["salvata"] and items[by_slug["video"]]["vista"]


def test_export_clear_and_import_round_trip(page, server, synthetic, tmp_path):
    talks = synthetic.archive.talks
    page.goto(server + "/videoconferenze/")
    toggle(page, "Salva per dopo", talks[0]).click()
    toggle(page, "Vista", talks[2]).click()
    page.goto(server + "/la-mia-lista/")
    expect(page.locator('ul[data-gruppo="salvate"] a')).to_have_text(
        [talks[0]["title"]]
    )
    expect(page.locator('ul[data-gruppo="viste"] a')).to_have_text([talks[2]["title"]])
    expect(page.locator('ul[data-gruppo="in-corso"] + .mylist-empty')).to_be_visible()
    before = stored(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Esporta la lista (JSON)").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name == "la-mia-lista-eroi-digitali.json"
    assert json.loads(exported.read_text(encoding="utf-8")) == before

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Svuota la lista").click()
    status = page.locator(".mylist-page-status")
    expect(status).to_have_text("La lista è vuota.")
    expect(page.locator(".mylist-items li")).to_have_count(0)
    assert stored(page)["videoconferenze"] == {}

    page.get_by_label("Importa una lista (JSON)").set_input_files(exported)
    expect(status).to_have_text("Importate 2 videoconferenze.")
    expect(page.locator('ul[data-gruppo="salvate"] a')).to_have_text(
        [talks[0]["title"]]
    )
    assert stored(page) == before

    # Another browser: a fresh context imports the same file.
    other = page.context.browser.new_context()
    fresh = other.new_page()
    fresh.goto(server + "/la-mia-lista/")
    fresh.get_by_label("Importa una lista (JSON)").set_input_files(exported)
    expect(fresh.locator('ul[data-gruppo="viste"] a')).to_have_text([talks[2]["title"]])
    other.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            {"versione": 2, "videoconferenze": {}},
            "Importazione rifiutata: viene da una versione più recente (2) "
            "di questo sito (1).",
        ),
        (
            {"versione": None, "videoconferenze": {}},
            "Importazione rifiutata: manca la versione.",
        ),
        (
            {"versione": 1, "videoconferenze": {"SYNTH000001": {"vista": "sì"}}},
            "Importazione rifiutata: campo «vista» di «SYNTH000001» non valido.",
        ),
        (
            {
                "versione": 1,
                "videoconferenze": {
                    "SYNTH000001": {"indirizzo": "javascript:alert(1)"}
                },
            },
            "Importazione rifiutata: campo «indirizzo» di «SYNTH000001» non valido.",
        ),
        ([1, 2], "Importazione rifiutata: non è una lista di questo sito."),
        ("not json", "Importazione rifiutata: il file non è in formato JSON."),
    ],
    ids=["future version", "no version", "wrong type", "unsafe link", "shape", "json"],
)
def test_import_refuses_a_bad_file_and_keeps_the_list(page, server, content, message):
    page.goto(server + "/la-mia-lista/")
    store(page, {"SYNTH000001": {"salvata": True}})
    page.reload()
    text = content if isinstance(content, str) else json.dumps(content)
    page.get_by_label("Importa una lista (JSON)").set_input_files(
        {"name": "lista.json", "mimeType": "application/json", "buffer": text.encode()}
    )
    expect(page.locator(".mylist-page-status")).to_have_text(message)
    assert stored(page)["videoconferenze"] == {"SYNTH000001": {"salvata": True}}


BLOCKING = {
    # Storage blocked (e.g. third-party data refused): every access throws.
    "blocked": """Object.defineProperty(window, "localStorage", {
        get() { throw new DOMException("blocked", "SecurityError"); } });""",
    # Storage full: reading works, writing throws.
    "full": """Storage.prototype.setItem = function () {
        throw new DOMException("full", "QuotaExceededError"); };""",
}


@pytest.mark.parametrize("how", BLOCKING)
def test_blocked_or_full_storage_gives_a_message_and_no_error(
    browser, server, synthetic, how
):
    context = browser.new_context()
    context.add_init_script(BLOCKING[how])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    talk = synthetic.archive.talks[0]
    page.goto(server + talk_url(talk))
    save = toggle(page, "Salva per dopo", talk)
    save.click()
    expect(page.locator(".mylist-toast")).to_have_text(BLOCKED)
    expect(save).to_have_attribute("aria-pressed", "true")  # for this page
    page.goto(server + "/la-mia-lista/")
    if how == "blocked":
        expect(page.locator(".mylist-page-status")).to_have_text(BLOCKED)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Svuota la lista").click()
    expect(page.locator(".mylist-page-status")).to_have_text(BLOCKED)
    assert errors == []
    context.close()


# A SYNTHETIC stand-in for the youtube-nocookie.com embed, served in its place
# by page.route (nothing leaves the machine): it answers the page's
# "listening" message with infoDelivery messages, as the real player does.
STAND_IN = """<!DOCTYPE html><html lang="it"><title>SYNTHETIC player</title>
<script>
addEventListener("message", (event) => {
  const data = JSON.parse(event.data);
  if (data.event !== "listening" || data.channel !== "widget") return;
  for (const currentTime of [%s]) {
    parent.postMessage(JSON.stringify({
      event: "infoDelivery", id: data.id, channel: "widget",
      info: { currentTime, playerState: 1 },
    }), event.origin);
  }
});
</script>"""


@pytest.fixture
def player(page):
    """Serve the stand-in for every embed; ``player.times`` it reports."""

    player = SimpleNamespace(times=[3.0, 2530.4], frames=[])

    def fulfil(route):
        player.frames.append(route.request.url)
        body = STAND_IN % ", ".join(str(t) for t in player.times)
        route.fulfill(status=200, content_type="text/html", body=body)

    page.route(NOCOOKIE + "**", fulfil)
    return player


def test_resume_where_the_reader_stopped(page, server, synthetic, player):
    talk = synthetic.archive.talks[1]  # chapters, and a transcript to 15:00
    page.goto(server + talk_url(talk), wait_until="networkidle")
    assert page.locator(".video-resume").count() == 0
    assert off_site(page.requests) == [] and player.frames == []
    page.get_by_role("button", name=f"Guarda il video: {talk['title']}").click()
    page.wait_for_function(
        "([key, video]) => JSON.parse(localStorage.getItem(key))"
        "?.videoconferenze?.[video]?.posizione === 2530",
        arg=[STORE, talk["video"]],
    )
    query = parse_qs(urlsplit(player.frames[0]).query)
    assert query["enablejsapi"] == ["1"] and query["origin"] == [server]

    # Back later: nothing loads by itself; the facade offers to resume.
    player.frames.clear()
    page.requests.clear()
    page.goto(server + talk_url(talk), wait_until="networkidle")
    assert off_site(page.requests) == [] and player.frames == []
    resume = page.get_by_role("button", name="Riprendi da 42:10")
    expect(resume).to_be_visible()
    expect(page.locator(".chapters .mylist-here")).to_contain_text("Demo dal vivo")
    expect(page.locator(".chapters .mylist-here")).to_contain_text("Hai interrotto qui")
    passages = page.locator(".transcript-text li[id]")
    last = passages.nth(passages.count() - 1).get_attribute("id")
    assert page.locator(".transcript-text li.mylist-here").get_attribute("id") == last
    assert_no_violation(page, "talk in progress")
    resume.press("Enter")
    frame = page.locator(".talk-video iframe")
    frame.wait_for()
    src = frame.get_attribute("src")
    assert src.startswith(f"{NOCOOKIE}{talk['video']}?enablejsapi=1&origin=")
    assert src.endswith("&autoplay=1&start=2530")
    assert player.frames == [src]

    # "Continua a guardare" on the home page, and how far in the list.
    page.goto(server + "/")
    going = page.locator("#continua")
    expect(going.get_by_role("heading")).to_have_text("Continua a guardare")
    expect(going.locator("li")).to_have_text(
        [f"{talk['title']} · fermata a 42:10 di 1:02:00 (68%)"]
    )
    assert_no_violation(page, "home with a talk in progress")
    page.goto(server + "/la-mia-lista/")
    expect(page.locator('ul[data-gruppo="in-corso"] li')).to_contain_text(
        "fermata a 42:10 di 1:02:00 (68%)"
    )
    assert_no_violation(page, "list with a talk in progress")


def test_a_talk_played_to_ninety_percent_is_watched(page, server, synthetic, player):
    talk = synthetic.archive.talks[1]  # 62 minutes
    player.times = [3000.0, 3400.0]  # 81%, then 91%
    page.goto(server + talk_url(talk))
    page.get_by_role("button", name=f"Guarda il video: {talk['title']}").click()
    expect(toggle(page, "Vista", talk)).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".mylist-toast")).to_have_text(
        f"Segnata come vista: {talk['title']}."
    )
    item = stored(page)["videoconferenze"][talk["video"]]
    assert item["vista"] is True and "posizione" not in item
    page.reload()
    assert page.locator(".video-resume").count() == 0


def test_the_player_ignores_messages_from_anyone_else(page, server, synthetic):
    talk = synthetic.archive.talks[1]
    page.route(NOCOOKIE + "**", lambda route: route.fulfill(body="<p>SYNTHETIC</p>"))
    page.goto(server + talk_url(talk))
    page.get_by_role("button", name=f"Guarda il video: {talk['title']}").click()
    page.locator(".talk-video iframe").wait_for()
    # Posted by the page itself: the script's listener has run once this
    # later listener hears the same message.
    page.evaluate(
        """() => new Promise((done) => {
          addEventListener("message", () => setTimeout(done), { once: true });
          postMessage(JSON.stringify({ event: "infoDelivery",
            info: { currentTime: 1200 } }), "*");
        })"""
    )
    assert stored(page) is None


STATES = {
    "empty": {},
    "saved": {"salvata": True},
    "in progress": {"posizione": 2530, "durata": 3720},
    "watched": {"vista": True, "salvata": True},
}


@pytest.mark.parametrize("state", STATES)
def test_axe_finds_no_violation_in_any_state(page, server, synthetic, state):
    talk = synthetic.archive.talks[1]
    page.goto(server + "/la-mia-lista/")
    if STATES[state]:
        item = {
            **STATES[state],
            "titolo": talk["title"],
            "indirizzo": talk_url(talk).lstrip("/"),
        }
        store(page, {talk["video"]: item})
    found = "/cerca/?q=002&tipo=videoconferenza"  # the talk's result
    for url in ("/la-mia-lista/", talk_url(talk), "/videoconferenze/", "/", found):
        page.goto(server + url, wait_until="load")
        if url == found:
            expect(page.locator(".search-result .mylist-toggle").first).to_be_visible()
        if state == "saved" and url in (talk_url(talk), "/videoconferenze/", found):
            expect(toggle(page, "Salva per dopo", talk).first).to_have_attribute(
                "aria-pressed", "true"
            )
        assert_no_violation(page, f"{state}: {url}")
    # A change announced: the toast is on screen while axe looks.
    page.goto(server + talk_url(talk))
    toggle(page, "Vista", talk).click()
    expect(page.locator(".mylist-toast")).not_to_be_empty()
    assert_no_violation(page, f"{state}: after a change")
    if state == "empty":  # it runs no list script: the same page in every state
        page.goto(server + "/la-mia-lista/riservatezza/")
        assert_no_violation(page, "privacy page")
    assert off_site(page.requests) == []

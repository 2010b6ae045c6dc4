"""No layout shift: what the scripts reveal has its place from the first paint.

Each page type of the SYNTHETIC site is loaded in chromium; the browser's
own layout-shift entries (the ones Lighthouse's CLS adds up) are summed once
the page's scripts have run. Desktop and phone widths; and the home page of
a returning reader whose script arrives after the first paint.
"""

import json
from urllib.parse import urljoin, urlsplit

import pytest

pytest.importorskip("playwright.sync_api")

# A page by its URL, or (a page, the start of a link's path on it): the page
# that link leads to.
PAGES = {
    "home": "/",
    "playlist": "/videoconferenze/",
    "a talk": ("/videoconferenze/", "/videoconferenze/videoconferenza-"),
    "a talk tag": "/videoconferenze/tag/backup/",
    "speakers": "/relatori/",
    "a speaker": ("/relatori/", "/relatori/relatore-"),
    "search": "/cerca/?q=sintetica",
    "search, a typo": "/cerca/?q=snitetica",  # no result: "Forse cercavi"
    "blog archive": "/archivio/",
    "an article": ("/archivio/", "/blog/"),
    "a blog tag": "/tag/backup/",
    "la mia lista": "/la-mia-lista/",
    "contributing": "/contribuisci/",
}

SHIFTS = """
() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
  // Two frames after the scripts' work: every shift has been reported.
  requestAnimationFrame(() => requestAnimationFrame(() => done(total)));
})
"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", PAGES)
def test_the_page_does_not_move_while_it_loads(page, server, name, width):
    page.set_viewport_size({"width": width, "height": 800})
    where = PAGES[name]
    if isinstance(where, tuple):
        start, prefix = where
        page.goto(server + start)
        links = [
            urljoin(page.url, a)
            for a in page.eval_on_selector_all(
                "main a[href]", "links => links.map(a => a.getAttribute('href'))"
            )
        ]
        url = next(
            u
            for u in links
            if urlsplit(u).path.startswith(prefix) and urlsplit(u).path != prefix
        )
    else:
        url = server + where
    assert page.goto(url, wait_until="load").ok, url
    page.wait_for_load_state("networkidle")
    assert page.evaluate(SHIFTS) < 0.01


# A SYNTHETIC reader's list in this browser: a talk stopped halfway.
IN_PROGRESS = {
    "versione": 1,
    "videoconferenze": {
        "SYNTH000002": {
            "posizione": 2530,
            "durata": 3720,
            "titolo": "Videoconferenza sintetica 002: Firewall",
            "indirizzo": "videoconferenze/videoconferenza-sintetica-002/",
        }
    },
}


# Desktop, tablet, phone: on the first two, "Continua a guardare" right after
# the talks moved the blog down.
@pytest.mark.parametrize(("width", "height"), [(1280, 1080), (768, 1024), (390, 844)])
def test_continue_watching_moves_nothing_for_a_returning_reader(
    page, server, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(server + "/la-mia-lista/")
    page.evaluate(
        "(list) => localStorage.setItem('eroi-digitali-lista', list)",
        json.dumps(IN_PROGRESS),
    )
    # js/mylist.js shows the section; here it arrives once the page has
    # painted, as on a slow connection.
    held = []
    page.route("**/js/mylist.js", lambda route: held.append(route))
    page.goto(server + "/", wait_until="commit")
    page.wait_for_function("() => performance.getEntriesByType('paint').length > 0")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(25)
    assert held, "the home page did not ask for js/mylist.js"
    held[0].continue_()
    page.wait_for_load_state("load")
    assert page.locator("#continua").is_visible()
    assert page.evaluate(SHIFTS) < 0.01

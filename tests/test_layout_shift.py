"""No layout shift: what the scripts reveal has its place from the first paint.

Each page type of the SYNTHETIC site is loaded in chromium; the browser's
own layout-shift entries (the ones Lighthouse's CLS adds up) are summed once
the page's scripts have run. Desktop and phone widths; and the home page of
a returning reader whose script arrives after the first paint.
"""

import json
from urllib.parse import urljoin, urlsplit

import pytest

from tests.axe import assert_no_violation

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect

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
IN_PROGRESS_TITLE = "Videoconferenza sintetica 002: Firewall"
IN_PROGRESS = {
    "versione": 1,
    "videoconferenze": {
        "SYNTH000002": {
            "posizione": 2530,
            "durata": 3720,
            "titolo": "Videoconferenza sintetica 002: Firewall",  # as it was
            "indirizzo": "videoconferenze/videoconferenza-sintetica-002/",
        }
    },
}


# Desktop, tablet, phone: "Continua a guardare" is at the top of the page,
# on the first screen, and moves nothing.
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (768, 1024), (390, 844)])
def test_continue_watching_moves_nothing_for_a_returning_reader(
    page, server, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(server + "/la-mia-lista/")
    page.evaluate(
        "(list) => localStorage.setItem('eroi-digitali-lista', list)",
        json.dumps(IN_PROGRESS),
    )
    # Its script and La mia lista's arrive late, as on a slow connection:
    # whatever the browser paints meanwhile must not move once they run.
    held = []
    page.route("**/js/{continua,mylist}.js", lambda route: held.append(route))
    page.goto(server + "/", wait_until="commit")
    for _ in range(200):
        if len(held) == 2:
            break
        page.wait_for_timeout(25)
    assert len(held) == 2, "the home page did not ask for its scripts"
    page.wait_for_timeout(300)
    for route in held:
        route.continue_()
    page.wait_for_load_state("load")
    going = page.locator("#continua")
    expect(going).to_be_visible()
    expect(going.get_by_role("link", name=IN_PROGRESS_TITLE)).to_be_visible()
    box = going.bounding_box()
    assert box["y"] + box["height"] <= height, box
    assert page.evaluate(SHIFTS) < 0.01
    assert_no_violation(page, f"continue watching at {width} px")

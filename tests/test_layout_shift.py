"""No layout shift: what the scripts reveal has its place from the first paint.

Each page type of the SYNTHETIC site is loaded in chromium; the browser's
own layout-shift entries (the ones Lighthouse's CLS adds up) are summed once
the page's scripts have run. Desktop and phone widths.
"""

from urllib.parse import urljoin

import pytest

pytest.importorskip("playwright.sync_api")

PAGES = {
    "home": "/",
    "playlist": "/videoconferenze/",
    "a talk": None,  # the first talk card's page
    "speakers": "/relatori/",
    "search": "/cerca/?q=sintetica",
    "blog archive": "/archivio/",
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
    url = server + (PAGES[name] or "/videoconferenze/")
    if PAGES[name] is None:
        page.goto(url)
        href = page.locator(".talk-card-title a").first.get_attribute("href")
        url = urljoin(page.url, href)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(SHIFTS) < 0.01

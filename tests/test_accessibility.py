"""Accessibility of every variant of the video facade, and of a page of each
kind of the real site, in a real browser.

A SYNTHETIC archive in which no video has a thumbnail draws every facade
(a talk's field, a talk's reStructuredText directive, an article's pasted
iframe): axe-core (the version pinned in package-lock.json, tests/axe.py) must
report no violation on any of its pages, with and without JavaScript.
"""

import pytest

from tests.axe import assert_no_violation
from tests.helpers import axe_each_kind, html_files, page_url, serve, soup

playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def no_thumbnails(tmp_path_factory):
    """A SYNTHETIC archive in which no video has a thumbnail: every facade drawn."""
    from tests.helpers import build_site
    from tests.synthetic import make_archive

    root = tmp_path_factory.mktemp("no-thumbnails")
    archive = make_archive(root / "content", talks=10, articles=2, thumbnails=0)
    site = build_site(
        root / "output", PATH=str(root / "content"), TALKS_NOW=archive.now
    )
    with serve(site.output) as base_url:
        yield base_url, site


@pytest.mark.parametrize("javascript", [True, False], ids=["button", "link"])
def test_axe_finds_no_violation_on_any_page_without_thumbnails(
    page, no_thumbnails, javascript
):
    """Every page, so every facade variant with its drawn placeholder.

    With the site's scripts the facades are buttons; without them (axe-core
    itself needs JavaScript: the scripts' requests fail) they are links.
    """

    base_url, site = no_thumbnails
    if not javascript:
        page.route("**/js/*.js", lambda route: route.abort())
    files = html_files(site.output)
    urls = [page_url(site.output, p) for p in files]
    assert any("/videoconferenze/" in url for url in urls)
    control = ".video .video-play" if javascript else ".video a.video-link"
    facades = 0
    for url in urls:
        page.goto(base_url + url, wait_until="load")
        facades += page.locator(control).count()
        assert_no_violation(page, url)
    built = sum(len(soup(p).select(".video")) for p in files)
    assert facades == built > 0  # each facade was checked, as a button or a link


def test_axe_finds_no_violation_on_a_page_of_each_kind_of_the_real_site(page, site):
    """Whatever content/ says: the pages are found by walking the output."""
    assert "home" in axe_each_kind(page, site.output)

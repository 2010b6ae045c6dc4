"""Accessibility of every variant of the video facade, in a real browser.

A SYNTHETIC archive in which no video has a thumbnail draws every facade
(a talk's field, a talk's reStructuredText directive, an article's pasted
iframe): axe-core must report no violation on any of its pages.
"""

import pytest

from tests.localserver import serve

playwright = pytest.importorskip("playwright.sync_api")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402


@pytest.fixture(scope="module")
def no_thumbnails(tmp_path_factory):
    """A SYNTHETIC archive in which no video has a thumbnail: every facade drawn."""
    from tests.conftest import build_site
    from tests.synthetic import make_archive

    root = tmp_path_factory.mktemp("no-thumbnails")
    archive = make_archive(root / "content", talks=10, articles=2, thumbnails=0)
    site = build_site(
        root / "output", PATH=str(root / "content"), TALKS_NOW=archive.now
    )
    with serve(site.output) as base_url:
        yield base_url, site


def test_axe_finds_no_violation_on_any_page_without_thumbnails(page, no_thumbnails):
    """Every page, so every facade variant with its drawn placeholder."""
    from tests import sitecheck

    base_url, site = no_thumbnails
    axe = Axe()
    urls = [
        sitecheck.page_url(site.output, p) for p in sitecheck.html_files(site.output)
    ]
    assert any("/videoconferenze/" in url for url in urls)
    for url in urls:
        page.goto(base_url + url, wait_until="load")
        result = axe.run(page)
        assert result.violations_count == 0, f"{url}: {result.generate_report()}"

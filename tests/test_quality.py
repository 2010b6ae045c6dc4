"""Quality gates over every page of the built site: the real content/ gets
the checks that hold whatever it says (tests/helpers.py), and so does a
changed copy of it (test_content_independent.py)."""

import re

import pytest

from tests.community import REPORT, write_community
from tests.helpers import (
    ROOT,
    broken_links,
    build_site,
    real_content_problems,
    run_vnu,
)


def test_the_real_content_builds_clean_and_whole(site):
    """No warning, links that resolve, nothing from another host, Italian pages
    with their skip link, readable feeds: whatever content/ says."""
    assert real_content_problems(site) == []


def test_every_page_is_valid_html(site, vnu):
    assert run_vnu(vnu, site.output) == []


def test_theme_is_self_hosted_responsive_and_has_dark_mode():
    css = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert "@media (prefers-color-scheme: dark)" in css
    assert ":focus-visible" in css
    assert not re.search(r"@import|url\(\s*['\"]?https?:", css)
    # No fixed width wider than the smallest phone (320 px).
    widths = [int(w) for w in re.findall(r"(?<![-\w])width:\s*(\d+)px", css)]
    assert all(w <= 320 for w in widths)


def test_nav_marks_the_current_section(community):
    nav = community.page("/archivio/").select_one("header nav")
    current = nav.select("[aria-current]")
    assert [a.get_text() for a in current] == ["Archivio"]


def test_404_page_is_italian(community):
    page = community.page("/404.html")
    assert page.h1.get_text() == "Pagina non trovata"


@pytest.fixture(scope="module")
def paginated(tmp_path_factory):
    """The SYNTHETIC community (two articles), one article a page."""
    root = tmp_path_factory.mktemp("paginated")
    write_community(root)
    return build_site(root / "output", PATH=str(root / "content"), DEFAULT_PAGINATION=1)


def test_index_paginates_with_working_links(paginated):
    first = paginated.page("/")
    assert "Pagina 1 di 2" in first.select_one(".pagination").get_text()
    second_url = first.select_one('.pagination a[rel="next"]')["href"]
    assert second_url.endswith("pagina/2/")
    second = paginated.page("/pagina/2/")
    assert second.select_one(".card-title").get_text(strip=True) == REPORT["title"]
    assert broken_links(paginated.output) == []

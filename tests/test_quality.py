"""Quality gates over every page of the built site."""

import re

import pytest

from tests.helpers import (
    ROOT,
    broken_links,
    build_site,
    html_files,
    run_vnu,
    soup,
    third_party_loads,
)


def test_build_logs_no_warning(site):
    assert site.log == []


def test_every_internal_link_and_image_resolves(site):
    assert broken_links(site.output) == []


def test_nothing_loads_from_another_host(site):
    assert third_party_loads(site.output) == []


def test_every_page_is_valid_html(site, vnu):
    assert run_vnu(vnu, site.output) == []


def test_every_page_is_italian_and_has_a_skip_link(site):
    pages = html_files(site.output)
    assert len(pages) > 15
    for path in pages:
        page = soup(path)
        assert page.html["lang"] == "it", path
        skip = page.select_one("a.skip-link")
        assert skip is not None and skip["href"] == "#contenuto", path
        assert page.find(id="contenuto").name == "main", path
        assert page.find("meta", attrs={"name": "viewport"}), path


def test_theme_is_self_hosted_responsive_and_has_dark_mode():
    css = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert "@media (prefers-color-scheme: dark)" in css
    assert ":focus-visible" in css
    assert not re.search(r"@import|url\(\s*['\"]?https?:", css)
    # No fixed width wider than the smallest phone (320 px).
    widths = [int(w) for w in re.findall(r"(?<![-\w])width:\s*(\d+)px", css)]
    assert all(w <= 320 for w in widths)


def test_nav_marks_the_current_section(site):
    nav = site.page("/archivio/").select_one("header nav")
    current = nav.select("[aria-current]")
    assert [a.get_text() for a in current] == ["Archivio"]


def test_404_page_is_italian(site):
    page = site.page("/404.html")
    assert page.h1.get_text() == "Pagina non trovata"


@pytest.fixture(scope="module")
def paginated(tmp_path_factory):
    return build_site(
        tmp_path_factory.mktemp("paginated") / "output", DEFAULT_PAGINATION=1
    )


def test_index_paginates_with_working_links(paginated):
    first = paginated.page("/")
    assert "Pagina 1 di 2" in first.select_one(".pagination").get_text()
    second_url = first.select_one('.pagination a[rel="next"]')["href"]
    assert second_url.endswith("pagina/2/")
    second = paginated.page("/pagina/2/")
    assert second.select_one(".card-title").get_text(strip=True) == "CLS Austin Report"
    assert broken_links(paginated.output) == []

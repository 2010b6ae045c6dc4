"""'Modifica questa pagina': each content page links to its source file's editor.

SYNTHETIC archives (tests/synthetic.py) built with a repository address (as a
setting, and from GitHub Actions' environment through publishconf.py) and
without one; the link is checked per content type, on the files, and with
axe-core in Chromium.
"""

import pytest

from tests.axe import assert_no_violation
from tests.helpers import build_site, html_files, page_url, serve, soup
from tests.synthetic import make_archive

REPOSITORY = "https://github.com/esempio/eroi-digitali"
EDIT = f"{REPOSITORY}/edit/main/content"
SITEURL = "https://eroi.example.org"
OPTIONS = {"talks": 8, "speakers": 3, "articles": 2}


def make_content(root):
    """The archive, plus a page in reStructuredText (talk 5 is one too)."""
    archive = make_archive(root / "content", **OPTIONS)
    (root / "content" / "pages").mkdir()
    (root / "content" / "pages" / "chi-siamo.rst").write_text(
        "Chi siamo\n#########\n\nUna pagina SYNTHETIC.\n", encoding="utf-8"
    )
    return archive


def build(root, settings="pelicanconf.py", **overrides):
    archive = make_content(root)
    if settings == "publishconf.py":
        overrides.update(SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    site = build_site(
        root / "output",
        settings,
        PATH=str(root / "content"),
        TALKS_NOW=archive.now,
        **overrides,
    )
    site.archive = archive
    return site


@pytest.fixture(scope="module")
def with_repository(tmp_path_factory):
    return build(tmp_path_factory.mktemp("editing"), REPOSITORY_URL=REPOSITORY)


def edit_link(site, url):
    """The edit link of the page at ``url`` (None when it has none)."""
    return site.page(url).select_one(".edit-link a")


def talk_url(site, n):
    return f"/videoconferenze/{site.archive.talks[n - 1]['slug']}/"


def test_every_content_page_links_to_its_source_file(with_repository):
    site = with_repository
    expected = {
        "/blog/2019/articolo-sintetico-000/": f"{EDIT}/articles/articolo-000.md",
        talk_url(site, 1): f"{EDIT}/talks/{site.archive.talks[0]['slug']}.md",
        # Talk 5 is reStructuredText: the link opens that file.
        talk_url(site, 5): f"{EDIT}/talks/{site.archive.talks[4]['slug']}.rst",
        "/relatori/relatore-sintetico-00/": f"{EDIT}/speakers/relatore.00.md",
        "/chi-siamo/": f"{EDIT}/pages/chi-siamo.rst",
    }
    for url, href in expected.items():
        link = edit_link(site, url)
        assert link is not None, url
        assert link["href"] == href
        assert link.get_text() == "Modifica questa pagina"
        paragraph = " ".join(link.parent.get_text().split())
        assert (
            paragraph == "Hai trovato un errore? Modifica questa pagina su github.com."
        )
        # The search does not index it as the page's text.
        assert link.parent.has_attr("data-pagefind-ignore")


def test_every_talk_speaker_and_article_page_has_exactly_one(with_repository):
    site = with_repository
    pages = {
        page_url(site.output, path): soup(path) for path in html_files(site.output)
    }
    linked = {url for url, page in pages.items() if page.select(".edit-link")}
    content = {
        url
        for url in pages
        if url.startswith(("/videoconferenze/", "/relatori/", "/blog/"))
        and url.count("/") >= 3
        and "/tag/" not in url
        and not url.removeprefix("/blog/").rstrip("/").isdigit()
    }
    content |= {"/chi-siamo/"}
    assert linked == content
    assert all(len(pages[url].select(".edit-link a")) == 1 for url in linked)
    # Lists and the site's own pages have none.
    for url in ("/", "/videoconferenze/", "/relatori/", "/dati/", "/cerca/"):
        assert url not in linked


def test_no_repository_no_link(synthetic):
    """pelicanconf.py names no repository: the SYNTHETIC site has no link."""
    files = html_files(synthetic.output)
    assert not any(soup(path).select(".edit-link") for path in files)


def test_publishing_takes_the_repository_from_github_actions(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "esempio/eroi-digitali")
    site = build(tmp_path / "actions", "publishconf.py")
    link = edit_link(site, "/chi-siamo/")
    assert link["href"] == f"{EDIT}/pages/chi-siamo.rst"
    # Anywhere else (a laptop, another CI), no address is guessed.
    monkeypatch.delenv("GITHUB_SERVER_URL")
    monkeypatch.delenv("GITHUB_REPOSITORY")
    site = build(tmp_path / "elsewhere", "publishconf.py")
    assert edit_link(site, "/chi-siamo/") is None
    assert edit_link(site, talk_url(site, 5)) is None


def test_axe_finds_no_violation_on_pages_with_the_link(page, with_repository):
    site = with_repository
    with serve(site.output) as base_url:
        for url in (
            "/blog/2019/articolo-sintetico-000/",
            talk_url(site, 2),
            "/relatori/relatore-sintetico-00/",
            "/chi-siamo/",
        ):
            page.goto(base_url + url, wait_until="load")
            assert page.get_by_role("link", name="Modifica questa pagina").count() == 1
            assert_no_violation(page, url)

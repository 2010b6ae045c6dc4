"""The content boundary beyond its table (tests/hostile_cases.py, run by
tests/test_hostile.py): what the policy keeps as written, drafts never in the
production site or its search index, downloads keep only whole images,
commands cannot inject a field, nothing from outside content/ reaches the
production site, and a browser opening the accepted hostile pages stays on
127.0.0.1.
"""

from xml.etree import ElementTree

from bs4 import BeautifulSoup

from eroi.tools import runner
from tests.helpers import (
    Link,
    invoke_task,
    place,
    resolve,
    searchable_text,
    serve,
    snapshot,
    soup,
)
from tests.hostile_cases import BOUNDARY_ACCEPTED, accepted
from tests.synthetic import tiny_png


def test_the_policy_keeps_text_as_written(small_project):
    place(
        small_project,
        {
            "articles/caso.md": ARTICLE_TEXT
            + "Perché è così? «Sì» & <b>ok</b> &lt;b&gt;\n"
        },
    )
    assert invoke_task("build") == 0
    html = resolve(small_project / "output", FACADE_URL).read_text()
    assert "Perché è così? «Sì» &amp; <b>ok</b> &lt;b&gt;" in html


ARTICLE_TEXT = "Title: Un articolo\nDate: 2020-01-01 10:00\n\n"


def test_a_pasted_player_becomes_the_facade_in_page_and_feeds(small_project):
    place(small_project, accepted("WWW.YOUTUBE-NOCOOKIE.COM")[0])
    assert invoke_task("build") == 0
    output = small_project / "output"
    page = soup(resolve(output, FACADE_URL))
    assert page.find("div", class_="video")["data-video-id"] == "dQw4w9WgXcQ"
    feed = (output / "feeds" / "blog.atom.xml").read_text(encoding="utf-8")
    assert 'data-video-id="dQw4w9WgXcQ"' in feed
    assert "youtube-nocookie" not in feed.lower()


FACADE_URL = "/blog/2020/un-articolo/"


def test_drafts_never_reach_the_production_site_or_its_search(
    small_project, monkeypatch
):
    place(
        small_project,
        {
            "articles/bozza.md": "Title: Bozza\nDate: 2020-02-02\nStatus: draft\n\n"
            "Parolasegretissima in una bozza.\n",
            "pages/bozza.md": "Title: Pagina in bozza\nStatus: draft\n\n"
            "Parolasegretissima in una pagina.\n",
            "talks/bozza.md": TALK_DRAFT,
        },
    )
    # Development builds show drafts under /bozze/, for their writers only.
    assert invoke_task("build") == 0
    dev = small_project / "output"
    assert (dev / "bozze" / "bozza" / "index.html").is_file()
    assert not any(
        "Parolasegretissima" in text for path, text in searchable_text(dev / "pagefind")
    )
    monkeypatch.setenv("SITEURL", "https://eroi.example.org")
    output = runner.build(
        runner.PUBLISH_SETTINGS,
        fatal="warnings",
        OUTPUT_PATH=str(small_project / "pubblicato"),
        SHARE_CARDS_CACHE=str(small_project / "carte"),
    )
    leaks = [
        path.relative_to(output)
        for path, text in searchable_text(output)
        if "Parolasegretissima" in text or "Pagina in bozza" in text
    ]
    assert leaks == []
    assert not (output / "bozze").exists()
    assert list((output / "pagefind").rglob("*.pf_fragment"))  # the index is there


TALK_DRAFT = (
    "Title: Serata in bozza\nDate: 2020-03-02 17:00\nSpeakers: stefano.pasquini\n"
    "Status: draft\n\nParolasegretissima in una serata.\n"
)


# Downloads and commands ------------------------------------------------------------


def test_fetch_media_keeps_only_whole_images(small_task, small_project, tmp_path):
    task, project = small_task, small_project
    host = tmp_path / "host"
    host.mkdir()
    (host / "buona.png").write_bytes(tiny_png())
    (host / "finta.png").write_text("<html><script>alert(1)</script></html>")
    (host / "tagliata.png").write_bytes(tiny_png()[:3])
    article = project / "content" / "articles" / "remoto.md"
    with serve(host) as base:
        article.write_text(
            "Title: Remoto\nDate: 2021-01-01\n\n"
            f"![Finta]({base}/finta.png)\n\n"
            f"![Tagliata]({base}/tagliata.png)\n\n"
            f"![Buona]({base}/buona.png)\n",
            encoding="utf-8",
        )
        result = task("fetch-media", "content/articles/remoto.md")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "fetch-media: 1 saved, 2 failed"
    failures = result.stderr.strip().splitlines()
    assert [line.split(": not downloaded")[0] for line in failures] == [
        f"content/articles/remoto.md:4: image: {base}/finta.png not downloaded: "
        "not a whole JPEG, PNG, GIF, WebP or AVIF image (the server said image/png) "
        "(hint: check the address, or save the image into content/images/ by hand)",
        f"content/articles/remoto.md:6: image: {base}/tagliata.png not downloaded: "
        "not a whole JPEG, PNG, GIF, WebP or AVIF image (the server said image/png) "
        "(hint: check the address, or save the image into content/images/ by hand)",
    ]
    images = project / "content" / "images"
    assert sorted(p.name for p in images.iterdir()) == ["buona.png", "foto.png"]


def test_commands_cannot_inject_a_field(small_task, small_project, tmp_path):
    task, project = small_task, small_project
    import json

    made = task(
        "new-talk", "Serata\nSave_as: index.html", "--speakers", "stefano.pasquini"
    )
    assert made.returncode == 0, made.stderr
    talk = project / "content" / "talks" / "serata-save_as-indexhtml.md"
    lines = talk.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Title: Serata Save_as: index.html"
    assert not any(line.lower().startswith("save_as") for line in lines)

    export = tmp_path / "playlist.json"
    entry = {
        "id": "SYNTHinject",
        "title": "Intrusa\r\nSave_as: cerca/index.html\nTemplate: base",
        "description": "Con @stefano.pasquini. <script>alert(1)</script>",
        "timestamp": 1579539600,
    }
    export.write_text(json.dumps({"_type": "playlist", "entries": [entry]}))
    imported = task("import-playlist", str(export))
    assert imported.returncode == 0, imported.stderr
    [created] = [
        p for p in (project / "content" / "talks").glob("*.md") if "intrusa" in p.name
    ]
    text = created.read_text(encoding="utf-8")
    head = text.split("\n\n", 1)[0].splitlines()
    assert head[0] == "Title: Intrusa Save_as: cerca/index.html Template: base"
    assert not any(line.lower().startswith(("save_as", "template")) for line in head)
    assert "&lt;script&gt;" in text  # a description is plain text
    assert task("build").returncode == 0


def test_a_card_reads_no_more_of_a_title_than_it_can_show():
    from eroi.plugins.sharing.cards import MAX_CHARACTERS, Card, draw

    word = "Sicurezza "
    shown = word * (MAX_CHARACTERS // len(word) + 1)
    huge = word * 3000  # 30 000 characters
    assert draw(Card(title=huge)).tobytes() == draw(Card(title=shown)).tobytes()
    unbroken = "x" * 30_000
    assert draw(Card(title=unbroken)).size == (1200, 630)


# In a real browser -----------------------------------------------------------------


def test_a_browser_on_accepted_hostile_pages_stays_on_the_site(small_project, page):
    for files, _url, _lang in BOUNDARY_ACCEPTED:
        place(small_project, files)
    place(
        small_project,
        {
            "articles/altro.md": "Title: Altro\nDate: 2020-01-03\n\n"
            '<iframe src="https://www.you&#116;ube-nocookie.com/embed/dQw4w9WgXcQ">'
            '</iframe>\n\n<img src="\\images\\logo.svg" alt="Logo">\n'
        },
    )
    assert invoke_task("build") == 0
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(small_project / "output") as base:
        for url in (
            FACADE_URL,
            "/blog/2020/altro/",
            "/blog/2020/un-articolo/en-GB/",
            "/images/logo.svg",
            "/feeds/blog.atom.xml",
        ):
            page.goto(base + url)
            # (Playwright never sees a feed's XSL request finish.)
            if not url.endswith(".xml"):
                page.wait_for_load_state("networkidle")
    assert dialogs == []
    assert [u for u in page.requests if not u.startswith("http://127.0.0.1:")] == []


def test_two_files_on_one_path_are_both_named():
    from types import SimpleNamespace

    from eroi.plugins.boundary.paths import output_clashes

    def page(source, save_as):
        return SimpleNamespace(source_path=source, save_as=save_as)

    generators = [
        SimpleNamespace(pages=[page("content/pages/a.md", "chi-siamo/index.html")]),
        SimpleNamespace(
            talks=[page("content/talks/b.md", "chi-siamo/index.html")],
            articles=[page("content/articles/c.md", "index.html")],
        ),
    ]
    settings = {"DIRECT_TEMPLATES": ["index"], "THEME_STATIC_DIR": "theme"}
    found = sorted(
        str(p).split(" (hint")[0] for p in output_clashes(generators, settings)
    )
    assert found == [
        "content/articles/c.md:1: slug: its page would be written over the site's "
        "/index.html",
        "content/pages/a.md:1: slug: its page /chi-siamo/index.html is also made by "
        "content/talks/b.md",
        "content/talks/b.md:1: slug: its page /chi-siamo/index.html is also made by "
        "content/pages/a.md",
    ]


def test_no_byte_from_outside_content_reaches_the_production_site(
    small_project, monkeypatch, tmp_path
):
    secret = tmp_path / "fuori" / "segreto.txt"
    secret.parent.mkdir()
    secret.write_text("TOKEN-SEGRETISSIMO\n")
    published = small_project / "pubblicato"
    monkeypatch.setenv("SITEURL", "https://eroi.example.org")

    def publish():
        try:
            runner.build(
                runner.PUBLISH_SETTINGS,
                fatal="warnings",
                OUTPUT_PATH=str(published),
                SHARE_CARDS_CACHE=str(small_project / "carte"),
            )
        except runner.BuildError as exc:
            return exc
        return None

    assert publish() is None
    before = snapshot(published)
    for files in (
        {"images/segreto.png": Link(str(secret))},
        {"images/fuori": Link(str(secret.parent))},
        {"articles/caso.rst": RST_INCLUDE.format(secret=secret)},
    ):
        place(small_project, files)
        failed = publish()
        assert failed is not None and failed.problems, files
        assert snapshot(published) == before
        for name in files:
            path = small_project / "content" / name
            path.unlink()
    for path, text in searchable_text(published):
        assert "TOKEN-SEGRETISSIMO" not in text, path


RST_INCLUDE = (
    "Incluso\n#######\n\n:date: 2020-01-02\n\n.. include:: {secret}\n   :literal:\n"
)


def test_text_never_becomes_markup_through_pelican_links(small_project):
    """A title holding 'src="{tag}' must stay text: Pelican replaces {…} links
    after the policy, and would otherwise cut the player's markup open."""
    payload = (
        "tabindex=0 autofocus onfocus=alert(document.domain) "
        'style=background-image:url(https://evil.example/x.png) src="{tag}a'
    )
    place(
        small_project,
        {
            "articles/caso.md": f"Title: {payload}\nDate: 2020-01-01 10:00\n"
            "Slug: caso\n\n"
            '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ">'
            "</iframe>\n\nTesto con {tag}a e | barre.\n",
            "articles/bozza.md": "Title: Bozza\nDate: 2020-02-02\nStatus: draft\n\n"
            '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" '
            'title="data-pagefind-body src=&quot;{tag}a"></iframe>\n\n'
            "Parolasegretissima.\n",
        },
    )
    assert invoke_task("build") == 0
    output = small_project / "output"
    page = soup(resolve(output, "/blog/2020/caso/"))
    video = page.find("div", class_="video")
    assert sorted(video.attrs) == ["class", "data-title", "data-video-id"]
    assert video["data-title"] == payload
    assert "Testo con {tag}a e | barre." in page.find("article").get_text()
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(output / "feeds" / "blog.atom.xml")
    contents = [e.text or "" for e in feed.iter(f"{atom}content")]
    assert any("dQw4w9WgXcQ" in html for html in contents)
    for html in contents:  # what a feed reader parses, with no CSP
        for element in BeautifulSoup(html, "html.parser").find_all(True):
            assert not [a for a in element.attrs if a.startswith("on")], element
            assert "autofocus" not in element.attrs and "style" not in element.attrs
    assert not any(
        "Parolasegretissima" in text
        for _path, text in searchable_text(output / "pagefind")
    )

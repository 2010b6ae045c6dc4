"""Video facades in the built pages, the CSP, and `invoke fetch-thumbnails`."""

import re

import pytest

from tests.helpers import html_files, serve, soup
from tests.synthetic import EXTRA_CLIP, PASTED_CLIP, TINY_JPEG, video_id

WATCH = "https://www.youtube.com/watch?v="


def facade(page, video):
    box = page.select_one(f'.video[data-video-id="{video}"]')
    assert box is not None, f"no facade for {video}"
    return box


def test_talk_video_is_a_facade_over_its_local_thumbnail(synthetic):
    talk = synthetic.archive.talks[0]
    box = facade(synthetic.page(f"/videoconferenze/{talk['slug']}/"), talk["video"])
    assert box["data-title"] == talk["title"]
    link = box.select_one("a.video-link")
    assert link["href"] == WATCH + talk["video"]
    assert link["aria-label"] == f"Guarda il video su YouTube: {talk['title']}"
    assert link.get_text(" ", strip=True) == "Guarda il video su YouTube"
    image = box.select_one("img.video-thumb")
    assert image["src"].endswith(f"images/thumbnails/{talk['video']}.jpg")
    assert (image["width"], image["height"]) == ("480", "360")
    assert image.get("loading") is None  # the talk's player is above the fold
    assert image["alt"] == ""


def test_missing_thumbnail_gets_a_drawn_placeholder(synthetic):
    talk = next(t for t in synthetic.archive.talks if t["video"] and t["number"] > 10)
    box = facade(synthetic.page(f"/videoconferenze/{talk['slug']}/"), talk["video"])
    assert box.find("img") is None
    assert box.select_one(".video-placeholder").get_text(strip=True) == talk["title"]
    link = box.select_one("a.video-link")
    assert link["aria-label"] == f"Guarda il video su YouTube: {talk['title']}"
    # The drawn title comes after the words, as in the name (WCAG 2.5.3).
    assert (
        link.get_text(" ", strip=True) == f"Guarda il video su YouTube {talk['title']}"
    )


def words(text):
    """The words of ``text``, lowercase, without punctuation (as axe-core compares)."""
    return re.sub(r"[^\w\s]", " ", text.lower()).split()


def test_every_facade_name_holds_its_visible_text_in_order(synthetic):
    """axe-core's label-content-name-mismatch, on the markup of every facade.

    The text a reader sees on the link, joined as axe-core joins it, must be
    a run of words of its name: with a thumbnail, a drawn placeholder, in a
    talk's field, a reStructuredText directive and an article's pasted iframe.
    """
    seen = set()
    for path in html_files(synthetic.output):
        for box in soup(path).select(".video[data-video-id]"):
            link = box.select_one("a.video-link")
            visible, name = words(link.get_text()), words(link["aria-label"])
            assert visible == name[: len(visible)], (path, visible, name)
            assert visible[:5] == ["guarda", "il", "video", "su", "youtube"]
            seen.add("thumbnail" if box.find("img") else "placeholder")
            seen.add("prose" if box.find_parent(class_="prose") else "field")
    assert seen == {"thumbnail", "placeholder", "prose", "field"}


def test_every_facade_has_guarda_su_youtube_beside_it(synthetic):
    """A plain link after the box, which the player never replaces: in a
    talk's field, a reStructuredText directive and an article's pasted iframe."""
    seen = set()
    for path in html_files(synthetic.output):
        for box in soup(path).select(".video[data-video-id]"):
            after = box.find_next_sibling()
            assert after.name == "p" and after["class"] == ["video-elsewhere"], path
            link = after.find("a")
            assert link["href"] == box.select_one("a.video-link")["href"], path
            assert link["href"].startswith(WATCH + box["data-video-id"]), path
            assert link["aria-label"] == f"Guarda su YouTube: {box['data-title']}"
            assert link.get_text() == "Guarda su YouTube"
            assert after.has_attr("data-pagefind-ignore")
            seen.add("prose" if box.find_parent(class_="prose") else "field")
            seen.add("start" if "&t=" in link["href"] else "no start")
    assert seen == {"prose", "field", "start", "no start"}


def test_restructuredtext_directive_becomes_the_facade(synthetic):
    talk = synthetic.archive.talks[4]
    page = synthetic.page(f"/videoconferenze/{talk['slug']}/")
    box = facade(page.select_one(".prose"), EXTRA_CLIP)
    assert box["data-title"] == talk["title"]  # the directive has no title
    assert box.select_one("a.video-link")["href"] == WATCH + EXTRA_CLIP


def test_pasted_iframe_becomes_the_facade_keeping_start_and_title(synthetic):
    page = synthetic.page("/blog/2019/articolo-sintetico-000/")
    box = facade(page.select_one(".prose"), PASTED_CLIP)
    assert box["data-start"] == "42"
    assert box["data-title"] == "Un estratto"
    assert box.select_one("a.video-link")["href"] == f"{WATCH}{PASTED_CLIP}&t=42s"


def test_no_page_embeds_or_loads_anything_from_youtube(synthetic):
    for path in html_files(synthetic.output):
        page = soup(path)
        assert page.find("iframe") is None, path
        for element in page.find_all(src=True):
            assert "youtube" not in element["src"] and "ytimg" not in element["src"]


def test_every_page_has_the_csp_and_no_inline_script(synthetic):
    search_page = synthetic.output / "cerca" / "index.html"
    for path in html_files(synthetic.output):
        page = soup(path)
        csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp is not None, path
        rules = dict(rule.strip().split(" ", 1) for rule in csp["content"].split(";"))
        # Pagefind's WebAssembly may be compiled on the search page alone.
        wasm = " 'wasm-unsafe-eval'" if path == search_page else ""
        assert rules["script-src"] == "'self'" + wasm, path
        assert rules["style-src"] == "'self'"
        assert rules["img-src"] == "'self'"
        assert rules["frame-src"] == "https://www.youtube-nocookie.com"
        for script in page.find_all("script"):
            if script.get("type") == "application/ld+json":  # data, never run
                assert "<" not in script.string, path
                continue
            assert script.get("src") and not script.string, path
        handlers = [
            attr
            for tag in page.find_all(True)
            for attr in tag.attrs
            if attr.startswith("on")
        ]
        assert handlers == [], path


@pytest.fixture
def thumbnail_server(tmp_path):
    """A local stand-in for YouTube's image host: serves vi/<id>/hqdefault.jpg."""
    root = tmp_path / "images-host"
    for n in (1, 2, 3):
        folder = root / "vi" / video_id(n)
        folder.mkdir(parents=True)
        (folder / "hqdefault.jpg").write_bytes(TINY_JPEG)
    with serve(root) as base_url:
        yield base_url + "/vi/{id}/hqdefault.jpg"


def test_fetch_thumbnails_downloads_once_and_reports_failures(
    small_task, small_project, thumbnail_server
):
    task, project = small_task, small_project
    talks = project / "content" / "talks"
    (talks / "uno.md").write_text(
        f"Title: Uno\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\nYouTube: https://youtu.be/{video_id(1)}\n"
    )
    (talks / "due.rst").write_text(
        f"Due\n###\n\n:date: 2020-01-20 17:00\n:speakers: stefano.pasquini\n:youtube: {video_id(2)}\n\n"
        f".. youtube:: {video_id(3)}\n"
    )
    (project / "content" / "articles" / "video.md").write_text(
        "Title: Video\nDate: 2020-01-01\n\n"
        f'<iframe src="https://www.youtube-nocookie.com/embed/{video_id(4)}"></iframe>\n'
    )
    result = task("fetch-thumbnails", "--url", thumbnail_server)
    assert result.returncode == 1
    folder = project / "content" / "images" / "thumbnails"
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{video_id(n)}.jpg" for n in (1, 2, 3)
    ]
    assert (folder / f"{video_id(1)}.jpg").read_bytes() == TINY_JPEG
    assert "thumbnails: 3 downloaded, 0 already there, 1 failed" in result.stdout
    failure = result.stderr.strip().splitlines()
    assert len(failure) == 1
    assert failure[0].startswith(
        f"content/articles/video.md:4: youtube: thumbnail of {video_id(4)} not "
        "downloaded"
    )
    assert "Traceback" not in result.stderr
    again = task("fetch-thumbnails", "--url", thumbnail_server)
    assert "thumbnails: 0 downloaded, 3 already there, 1 failed" in again.stdout

    build = task("build")
    assert build.returncode == 0, build.stderr
    page = soup(project / "output" / "videoconferenze" / "uno" / "index.html")
    assert page.select_one(".video img.video-thumb")["src"].endswith(
        f"{video_id(1)}.jpg"
    )

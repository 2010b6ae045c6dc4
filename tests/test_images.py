"""Photos made for the web (eroi.plugins.images): a writer's 17 MB photo, as a
phone takes it (24 megapixels, turned by its EXIF orientation, with the
camera's GPS position), costs a phone reader a few hundred KB, is upright,
tells nothing about where it was taken, and leaves content/ as it was."""

import io
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.helpers import (
    broken_links,
    build_site,
    place,
    run_vnu,
    snapshot,
    soup,
    write_small_project,
)
from tests.synthetic import camera_photo

PHOTO = "images/2024/palco.jpg"
ARTICLE = (
    "Title: La serata sul palco\nDate: 2024-03-01 10:00\n\n"
    f"![Il palco della serata]({{static}}/{PHOTO})\n\n"
    "Un testo dopo la foto.\n\n![Il logo]({static}/images/logo.png)\n\n"
    "![Un'icona]({static}/images/icona.png)\n"
)
SITEURL = "https://eroi.example.org/sito"


def logo():
    """A 4000×300 PNG with transparency: a banner wider than any screen."""
    stream = io.BytesIO()
    Image.new("RGBA", (4000, 300), (11, 92, 173, 128)).save(stream, "PNG")
    return stream.getvalue()


def icon():
    """A 200×200 palette PNG, a square on a transparent colour: small already."""
    image = Image.new("P", (200, 200), 0)
    image.putpalette([255, 255, 255, 11, 92, 173])
    image.paste(1, (50, 50, 150, 150))
    stream = io.BytesIO()
    image.save(stream, "PNG", transparency=0)
    return stream.getvalue()


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    """The small project with an article showing the photo and a wide logo,
    built for development, then for production with the same picture cache."""
    root = tmp_path_factory.mktemp("photos")
    write_small_project(root)
    data = camera_photo()
    images = {PHOTO: data, "images/logo.png": logo(), "images/icona.png": icon()}
    place(root, {**images, "articles/palco.md": ARTICLE})
    written = snapshot(root / "content")
    options = {"PATH": str(root / "content"), "IMAGE_CACHE": str(root / "immagini")}
    first = build_site(root / "a", **options)
    made = {p.name: p.stat().st_mtime_ns for p in (root / "immagini").iterdir()}
    second = build_site(
        root / "b", "publishconf.py", SITEURL=SITEURL, FEED_DOMAIN=SITEURL, **options
    )
    assert snapshot(root / "content") == written  # content/ as it was, byte for byte
    return root, data, first, second, made


def article_page(site):
    return soup(site.output / "blog/2024/la-serata-sul-palco/index.html")


def test_the_photo_is_made_for_the_web_and_tells_nothing(photos):
    _root, data, first, _second, _made = photos
    assert len(data) > 10_000_000  # what a phone's camera writes
    with Image.open(first.output / PHOTO) as published:
        assert published.format == "JPEG"
        assert published.size == (1333, 2000)  # upright, 2000 on the longer side
        assert not published.getexif()  # no orientation, camera or GPS
        assert "comment" not in published.info and "xmp" not in published.info
        assert published.info.get("icc_profile")  # the colours as shot
        # Upright: the sensor's top row (black, the gradient's start) is the
        # right side once turned a quarter clockwise.
        red = published.getchannel("R")
        assert red.getpixel((1300, 1000)) < 40 and red.getpixel((30, 1000)) > 215
    assert (first.output / PHOTO).stat().st_size < 1_000_000


def test_the_page_offers_webp_widths_and_a_phone_gets_a_light_one(photos):
    _root, _data, first, _second, _made = photos
    picture = article_page(first).find("picture")
    source, img = picture.find("source"), picture.find("img")
    assert source["type"] == "image/webp" and source["sizes"]
    assert (img["width"], img["height"]) == ("1333", "2000")
    # The page's first picture loads at once (it may be its largest paint);
    # the next ones when scrolled to.
    assert "loading" not in img.attrs and img["decoding"] == "async"
    logo = article_page(first).find("img", alt="Il logo")
    assert logo["loading"] == "lazy"
    assert img["alt"] == "Il palco della serata"
    assert img["src"].endswith(PHOTO)
    candidates = [c.split() for c in source["srcset"].split(",")]
    assert [w for _url, w in candidates] == ["640w", "1280w", "1333w"]
    for url, width in candidates:
        assert url == f"/{PHOTO}.{width[:-1]}.webp"
        with Image.open(first.output / url.lstrip("/")) as variant:
            assert variant.format == "WEBP" and variant.width == int(width[:-1])
            assert not variant.getexif()
    phone = [int(w[:-1]) for _url, w in candidates if int(w[:-1]) <= 800]
    assert phone, "no width a phone would pick"
    size = (first.output / f"{PHOTO}.{min(phone)}.webp").stat().st_size
    assert size <= 300_000


def test_a_png_keeps_its_transparency(photos):
    _root, _data, first, _second, _made = photos
    logo = article_page(first).find("img", alt="Il logo")
    assert (logo["width"], logo["height"]) == ("2000", "150")
    with Image.open(first.output / "images/logo.png") as published:
        assert published.size == (2000, 150) and published.mode == "RGBA"
        assert published.getpixel((10, 10))[3] == 128
    with Image.open(first.output / "images/icona.png") as published:
        assert published.mode == "P" and published.info["transparency"] == 0
    with Image.open(first.output / "images/icona.png.200.webp") as published:
        assert published.mode == "RGBA"
        assert published.getpixel((5, 5))[3] == 0
        assert published.getpixel((100, 100))[3] == 255


def test_a_second_build_takes_the_pictures_from_the_cache(photos):
    _root, _data, first, second, made = photos
    cache = first.output.parent / "immagini"
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == made
    # The photo and the logo: each itself and three widths; the icon: itself
    # and its own width; the project's foto.png, shown by no body: itself.
    assert len(made) == 4 + 4 + 2 + 1
    for name in (PHOTO, f"{PHOTO}.640.webp", "images/logo.png"):
        assert (second.output / name).read_bytes() == (first.output / name).read_bytes()


def test_the_pages_with_pictures_are_valid_html(photos, vnu):
    _root, _data, first, _second, _made = photos
    assert run_vnu(vnu, first.output) == []


def test_every_width_resolves_in_pages_and_feeds(photos):
    _root, _data, first, second, _made = photos
    assert broken_links(first.output) == []
    assert broken_links(second.output, SITEURL) == []
    assert feedparser.parse(second.output / "feeds/blog.atom.xml").bozo == 0
    atom = {"a": "http://www.w3.org/2005/Atom"}
    feed = ElementTree.parse(second.output / "feeds/blog.atom.xml")
    body = BeautifulSoup(feed.find("a:entry/a:content", atom).text, "html.parser")
    source, img = body.find("picture").find("source"), body.find("picture").img
    assert img["src"] == f"{SITEURL}/{PHOTO}"
    assert img["loading"] == "lazy"  # a summary or a feed: wherever it is
    assert source["srcset"].startswith(f"{SITEURL}/{PHOTO}.640.webp 640w, ")


def test_the_share_image_is_the_published_photo(photos):
    _root, _data, first, _second, _made = photos
    page = article_page(first)
    image = page.find("meta", property="og:image")["content"]
    assert image.endswith(f"/{PHOTO}")
    width = page.find("meta", property="og:image:width")["content"]
    height = page.find("meta", property="og:image:height")["content"]
    assert (width, height) == ("1333", "2000")


def test_only_the_first_picture_tag_loads_at_once():
    from eroi.plugins.images import eager_first

    body = (
        '<p><code>&lt;img loading="lazy"&gt;</code></p>'
        '<img alt="a" loading="lazy" src="a.jpg"><img alt="b" loading="lazy" src="b.jpg">'
    )
    assert eager_first(body) == (
        '<p><code>&lt;img loading="lazy"&gt;</code></p>'  # a code sample stays
        '<img alt="a" src="a.jpg"><img alt="b" loading="lazy" src="b.jpg">'
    )

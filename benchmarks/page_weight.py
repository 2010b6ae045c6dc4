"""Bytes a reader downloads before any interaction, per page type.

Builds a SYNTHETIC site (tests/synthetic.py: 30 talks, so the playlist holds
30; every recorded talk has a generated 480x360 JPEG thumbnail standing in for
YouTube's hqdefault.jpg), serves it on 127.0.0.1 and loads each page in
Debian's chromium (Playwright), 1280x800 viewport. Every response is counted
gzip-compressed (level 6, as a web server would send it). Beside each page:
the same page with pelican-youtube's plain <iframe> instead of our facade;
its third-party requests are blocked here (no network), so only their count
is shown, never their bytes. Not a test: it asserts nothing.

With ``--sizes 1000,10000`` it builds, instead, SYNTHETIC archives of that many
talks (a tenth as many speakers, a talk a day) and prints, for each type of
page, its largest HTML file gzipped (level 6) and the most elements (start
tags) any page of the type holds, with the files the lists fetch when asked.

    .venv/bin/python benchmarks/page_weight.py
    CARDS=/tmp/cards .venv/bin/python benchmarks/page_weight.py --sizes 1000,10000

(CARDS: a share-card cache kept from one run to the next.)
"""

import gzip
import io
import os
import random
import re
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from PIL import Image, ImageFilter
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eroi.tools import runner  # noqa: E402
from tests.localserver import serve  # noqa: E402
from tests.synthetic import make_archive  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def synthetic_thumbnail(seed):
    """A 480x360 JPEG of blurred noise: about the weight of a real thumbnail."""
    random.seed(seed)
    noise = Image.effect_noise((480, 360), 40 + seed % 5)
    image = Image.merge(
        "RGB",
        [
            noise.point(lambda v, k=k: v * (0.6 - 0.1 * k) + 40 + 25 * k)
            for k in range(3)
        ],
    ).filter(ImageFilter.GaussianBlur(1.2))
    data = io.BytesIO()
    image.save(data, "JPEG", quality=85)
    return data.getvalue()


def with_plain_iframes(output, variant):
    """Copy of the site where each facade is pelican-youtube's iframe."""
    shutil.copytree(output, variant)
    for path in variant.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        boxes = soup.select(".video[data-video-id]")
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if boxes and csp:
            csp.decompose()  # pelican-youtube's sites have no such policy
        for box in boxes:
            box.replace_with(
                BeautifulSoup(
                    '<div class="youtube youtube-16x9"><iframe src="https://www.youtube'
                    f'.com/embed/{box["data-video-id"]}" allowfullscreen seamless '
                    'frameBorder="0"></iframe></div>',
                    "html.parser",
                )
            )
        if boxes:
            path.write_text(str(soup), encoding="utf-8")


def weigh(browser, url):
    """{kind: gzip bytes} of what loading ``url`` fetched, and third-party requests."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    sizes, third_party = {}, []

    def route(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            third_party.append(route.request.url)
            route.abort()

    def count(response):
        if urlsplit(response.url).hostname != "127.0.0.1" or response.status != 200:
            return
        kind = response.request.resource_type
        kind = {"document": "html", "stylesheet": "css", "script": "js"}.get(
            kind, "img"
        )
        sizes[kind] = sizes.get(kind, 0) + len(gzip.compress(response.body(), 6))

    page.route("**/*", route)
    page.on("response", count)
    page.goto(url, wait_until="networkidle")
    page.close()
    return sizes, third_party


# Each page type: a pattern of its output files.
TYPES = {
    "home": r"index\.html",
    "playlist, first page": r"videoconferenze/index\.html",
    "playlist, other pages": r"videoconferenze/pagina/\d+/index\.html",
    "speakers' index": r"relatori/(pagina/\d+/)?index\.html",
    "speaker page": r"relatori/(?!pagina/)[^/]+/(pagina/\d+/)?index\.html",
    "tag page": r"videoconferenze/tag/[^/]+/(pagina/\d+/)?index\.html",
    "talk page": r"videoconferenze/(?!pagina/|tag/)[^/]+/index\.html",
    "/contribuisci/": r"contribuisci/index\.html",
    "/cerca/": r"cerca/index\.html",
    "/la-mia-lista/": r"la-mia-lista/index\.html",
    "talks' index (JSON, on a filter)": r"videoconferenze/indice\.json",
    "open data (JSON)": r"dati/videoconferenze\.json",
}


def weigh_lists(sizes):
    """The largest file of each page type at each size: gzip KB, elements."""
    rows = {name: [] for name in TYPES}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="lists-") as tmp:
            tmp = Path(tmp)
            archive = make_archive(
                tmp / "content",
                talks=size,
                speakers=size // 10,
                articles=20,
                captions=False,
                every=timedelta(days=1),
            )
            runner.build(
                PATH=str(tmp / "content"),
                OUTPUT_PATH=str(tmp / "out"),
                TALKS_NOW=archive.now,
                SHARE_CARDS_CACHE=os.environ.get("CARDS", str(tmp / "cards")),
            )
            found = {name: [0, 0, 0] for name in TYPES}  # files, gzip, elements
            for path in (tmp / "out").rglob("*"):
                name = path.relative_to(tmp / "out").as_posix()
                kind = next((k for k, p in TYPES.items() if re.fullmatch(p, name)), 0)
                if not kind:
                    continue
                data = path.read_bytes()
                elements = len(re.findall(rb"<[a-zA-Z]", data))
                row = found[kind]
                row[0] += 1
                row[1] = max(row[1], len(gzip.compress(data, 6)))
                row[2] = max(row[2], elements if name.endswith(".html") else 0)
            for name, row in found.items():
                rows[name].append(row)
    print("SYNTHETIC archives; the largest file of each type; KB = 1000 bytes.")
    print(
        f"{'page type':<34}"
        + "".join(f" | {n:>6} talks: files, gzip, elements" for n in sizes)
    )
    for name, found in rows.items():
        print(
            f"{name:<34}"
            + "".join(f" | {f:>19}, {g / 1000:>6.1f} KB, {e:>5}" for f, g, e in found)
        )


def main():
    if "--sizes" in sys.argv:
        sizes = sys.argv[sys.argv.index("--sizes") + 1]
        return weigh_lists([int(n) for n in sizes.split(",")])
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    with tempfile.TemporaryDirectory(prefix="weight-") as tmp:
        tmp = Path(tmp)
        archive = make_archive(tmp / "content", talks=30, speakers=15, articles=5)
        for n, talk in enumerate(archive.talks):
            if talk["video"]:
                thumbnail = (
                    tmp / "content" / "images" / "thumbnails" / f"{talk['video']}.jpg"
                )
                thumbnail.write_bytes(synthetic_thumbnail(n))
        runner.build(
            PATH=str(tmp / "content"),
            OUTPUT_PATH=str(tmp / "facade"),
            TALKS_NOW=archive.now,
        )
        with_plain_iframes(tmp / "facade", tmp / "iframe")
        talk = archive.talks[0]
        pages = {
            "home": "/",
            "article (1 video)": "/blog/2019/articolo-sintetico-000/",
            "talk (1 video)": f"/videoconferenze/{talk['slug']}/",
            "playlist (30 talks)": "/videoconferenze/",
            "speaker index": "/relatori/",
            "speaker page": "/relatori/relatore-sintetico-01/",
        }
        print("SYNTHETIC site; gzip bytes fetched on load, 1280x800; KB = 1000 bytes.")
        header = (
            f"{'page':<20} | {'html':>5} {'css':>5} {'js':>5} {'img':>6} {'total':>6}"
            f" {'3rd-party':>9} | {'iframe total':>12} {'3rd-party':>9}"
        )
        print(header)
        print("-" * len(header))
        with (
            sync_playwright() as p,
            serve(tmp / "facade") as ours_url,
            serve(tmp / "iframe") as plain_url,
        ):
            browser = p.chromium.launch(executable_path=executable, args=FLAGS)
            for name, path in pages.items():
                ours, ours_3p = weigh(browser, ours_url + path)
                plain, plain_3p = weigh(browser, plain_url + path)
                kb = {k: v / 1000 for k, v in ours.items()}
                print(
                    f"{name:<20} | {kb.get('html', 0):>5.1f} {kb.get('css', 0):>5.1f} "
                    f"{kb.get('js', 0):>5.1f} {kb.get('img', 0):>6.1f} "
                    f"{sum(kb.values()):>6.1f} {len(ours_3p):>9} | "
                    f"{sum(plain.values()) / 1000:>8.1f} + ? {len(plain_3p):>9}",
                    flush=True,
                )
            browser.close()
        script = ROOT / "theme" / "static" / "js" / "video.js"
        print(
            f"video.js: {script.stat().st_size} bytes as written, "
            f"{len(gzip.compress(script.read_bytes(), 6))} gzipped. "
            "'+ ?': the bytes of YouTube's player, not measurable offline."
        )


if __name__ == "__main__":
    main()

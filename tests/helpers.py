"""What the tests share: builds, commands, file snapshots, checks over an output
folder (pages, internal links, third-party loads), a local server.

Fixtures are in tests/conftest.py; SYNTHETIC content comes from
tests/synthetic.py and tests/captions.py. No test module imports another.
The checks over an output folder return a list of problems (empty = good), so
that a failing assertion shows every broken link at once.
"""

import functools
import gzip
import http.server
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from eroi.tools import runner

ROOT = Path(__file__).resolve().parent.parent

# Builds ---------------------------------------------------------------------


@dataclass
class Site:
    output: Path
    log: list = field(default_factory=list)
    siteurl: str = ""
    archive: object = None  # the expected synthetic archive, when there is one
    printed: str = ""  # what the build printed on stdout, when it was kept

    def file(self, url):
        """The file served at ``url`` (e.g. "/blog/2017/x/"); fails if missing."""
        target = resolve(self.output, url)
        assert target is not None, f"{url} was not written"
        return target

    def page(self, url):
        return soup(self.file(url))


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(f"{record.levelname}: {record.getMessage()}")


# The share-card cache of the session's builds (tests/conftest.py sets it):
# cards are named by a hash of what they show, so a card another build drew
# is the card this build would draw. A test about drawing names its own cache.
CARD_CACHE = None


def build_site(output, settings_file=runner.DEV_SETTINGS, **overrides):
    """Build with the project's own runner (warnings fatal) and record the log.

    ``settings_file`` is a file of this project (pelicanconf.py unless named),
    whatever the working folder: tests that show paths as a writer sees them
    work in a folder of their own. Share cards and pictures go to the
    session's cache (beside the output without one), never the project's.
    """
    cards = CARD_CACHE or Path(output).parent / "cards"
    overrides.setdefault("SHARE_CARDS_CACHE", str(cards))
    overrides.setdefault("IMAGE_CACHE", str(Path(cards).parent / "immagini"))
    recorder = Recorder()
    logging.getLogger().addHandler(recorder)
    try:
        runner.build(
            str(ROOT / settings_file),
            fatal="warnings",
            OUTPUT_PATH=str(output),
            **overrides,
        )
    finally:
        logging.getLogger().removeHandler(recorder)
    return Site(output=Path(output), log=recorder.records)


# The small project: one speaker, one talk, one article and an image.
SMALL_SPEAKER = "Name: Stefano Pasquini\nHandle: stefano.pasquini\n\nBio.\n"
SMALL_TALK = "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
SMALL_ARTICLE = "Title: Benvenuti\nDate: 2020-01-01 10:00\n"
PROJECT_FILES = ("pelicanconf.py", "publishconf.py", "tasks.py")


def write_small_project(folder):
    """A project in ``folder``: the settings, tasks.py, the theme, a small content/."""
    from tests.synthetic import tiny_png

    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "theme", folder / "theme")
    place(
        folder,
        {
            "speakers/stefano.pasquini.md": SMALL_SPEAKER,
            "talks/serata.md": SMALL_TALK + "\nLa serata.\n",
            "articles/articolo.md": SMALL_ARTICLE + "\nCiao @stefano.pasquini.\n",
            "images/foto.png": tiny_png(),
        },
    )


def copy_project(source, target):
    """A copy of a prepared project (its output/ and cache/ included): the
    files' bytes, as a fresh checkout has them (nothing reads their times)."""
    shutil.copytree(source, target, symlinks=True, copy_function=shutil.copyfile)
    return target


# Commands, in-process and as subprocesses -------------------------------------


def invoke_task(task_name, *args, **options):
    """`invoke <task_name> <args> --<options>` in-process (its task function,
    as invoke calls it) in the working folder; its exit status."""
    from invoke import Context, Exit

    import tasks

    try:
        getattr(tasks, task_name.replace("-", "_"))(Context(), *args, **options)
    except Exit as exc:
        if exc.message:  # what invoke prints before it exits
            sys.stderr.write(f"{exc.message}\n")
        return exc.code
    return 0


def pelican_main(*args):
    """The plain `pelican content` command in-process (Pelican's own ``main``),
    in the working folder; its exit status."""
    from pelican import main

    try:
        main(["content", "-s", "pelicanconf.py", *args])
    except SystemExit as exc:
        return exc.code
    return 0


def invoke(project, *args, env=None):
    """The real `invoke` command, run in ``project``."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def pelican_content(project):
    """The plain `pelican content` command a Pelican user types, in ``project``."""
    return subprocess.run(
        [Path(sys.executable).with_name("pelican"), "content", "-s", "pelicanconf.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def problem_lines(out, err):
    """The lines a refusing command printed, its `check: ...` summary aside."""
    return [
        line
        for line in (out + err).splitlines()
        if line.strip() and not line.startswith("check: ")
    ]


def run_vnu(vnu, output):
    """Nu HTML Checker errors for every HTML, CSS and SVG file under ``output``."""
    result = subprocess.run(
        [
            *vnu,
            "--skip-non-html",
            "--also-check-css",
            "--also-check-svg",
            "--format",
            "json",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{m.get('url', '').split(str(output))[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


# Playlist exports, in exactly the formats of the YouTube Data API and yt-dlp,
# for SYNTHETIC videos --------------------------------------------------------


def api_item(video, title, description, published, added, privacy="public"):
    """One item of a YouTube Data API v3 playlistItems.list response."""
    details = {"videoId": video}
    if published:
        details["videoPublishedAt"] = published
    return {
        "kind": "youtube#playlistItem",
        "etag": "synthetic",
        "id": f"PLI{video}",
        "snippet": {
            "publishedAt": added,
            "channelId": "UCsynthetic",
            "title": title,
            "description": description,
            "thumbnails": {},
            "channelTitle": "Synthetic",
            "playlistId": "PLsynthetic",
            "position": 0,
            "resourceId": {"kind": "youtube#video", "videoId": video},
        },
        "contentDetails": details,
        "status": {"privacyStatus": privacy},
    }


def api_page(items, next_token=None):
    page = {
        "kind": "youtube#playlistItemListResponse",
        "etag": "synthetic",
        "items": items,
        "pageInfo": {"totalResults": 4, "resultsPerPage": 2},
    }
    if next_token:
        page["nextPageToken"] = next_token
    return page


def ytdlp_playlist(entries):
    """The JSON of `yt-dlp -J <playlist URL>` (full, not --flat-playlist)."""
    return {
        "_type": "playlist",
        "id": "PLsynthetic",
        "title": "Videoconferenze del lunedì (SYNTHETIC)",
        "entries": entries,
        "extractor": "youtube:tab",
        "webpage_url": "https://www.youtube.com/playlist?list=PLsynthetic",
    }


def ytdlp_entry(video, title, description, upload_date, duration, timestamp=None):
    entry = {
        "id": video,
        "title": title,
        "description": description,
        "upload_date": upload_date,
        "duration": duration,
        "availability": "public",
        "webpage_url": f"https://www.youtube.com/watch?v={video}",
        "extractor": "youtube",
    }
    if timestamp:
        entry["timestamp"] = timestamp
    return entry


# Files ------------------------------------------------------------------------


class Link:
    """A symbolic link to ``target`` (a path outside the project, or inside)."""

    def __init__(self, target):
        self.target = target


class Fifo:
    """A named pipe: reading it would block the build forever."""


def place(project, files):
    """Write ``files`` ({path under content/: text, bytes, Link or Fifo})."""
    for name, text in files.items():
        path = project / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, Link):
            os.symlink(text.target, path)
        elif isinstance(text, Fifo):
            os.mkfifo(path)
        elif isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


def snapshot(folder):
    """Every file under ``folder``: {relative path: bytes}."""
    return {
        p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def searchable_text(output):
    """Every file of the output as text, Pagefind's compressed index included."""
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            yield path, data.decode("utf-8", "replace")


def feed_texts(output):
    return {p: p.read_text(encoding="utf-8") for p in (output / "feeds").rglob("*.xml")}


# A local server -----------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(folder):
    """Serve ``folder`` on 127.0.0.1, in a thread; yield its base URL
    (``http://127.0.0.1:<port>``)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


# Checks over a built output folder ----------------------------------------------

# Elements and attributes the browser fetches on its own while loading a page.
LOADING_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def html_files(output):
    return sorted(Path(output).rglob("*.html"))


def soup(path):
    """The page at ``path``, parsed once while the file is unchanged: the
    checks and the tests read the same tree, and never change it."""
    stat = os.stat(path)
    return _parsed(str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=512)
def _parsed(path, _inode, _size, _mtime):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def page_url(output, path, siteurl=""):
    """The URL a file is served at, e.g. ``/blog/2017/x/`` for ``.../index.html``."""
    rel = PurePosixPath(Path(path).relative_to(output).as_posix())
    url = "/" + (str(rel.parent) + "/" if rel.name == "index.html" else str(rel))
    return siteurl + url.replace("/./", "/")


def _is_third_party(url, site_host):
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob"):
        return False
    return bool(parts.netloc) and parts.netloc != site_host


def third_party_loads(output, site_host=""):
    """Every URL a page or stylesheet would load from another host."""
    problems = []
    for path in html_files(output):
        doc = soup(path)
        where = path.relative_to(output)
        for tag, attributes in LOADING_ATTRIBUTES.items():
            for element in doc.find_all(tag):
                for attribute in attributes:
                    for url in _urls(element.get(attribute)):
                        if _is_third_party(url, site_host):
                            problems.append(f"{where}: <{tag} {attribute}> loads {url}")
        for element in doc.find_all("link", href=True):
            rels = set(element.get("rel", []))
            if rels & LOADING_LINK_RELS and _is_third_party(element["href"], site_host):
                problems.append(
                    f"{where}: <link rel={element['rel']}> loads {element['href']}"
                )
        for element in doc.find_all(style=True):
            problems += _css_problems(
                element["style"], f"{where}: style attribute", site_host
            )
        for element in doc.find_all("style"):
            problems += _css_problems(
                element.get_text(), f"{where}: <style>", site_host
            )
    for css in sorted(Path(output).rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        problems += _css_problems(text, str(css.relative_to(output)), site_host)
    return problems


def _urls(value):
    if not value:
        return []
    if "," in value or " " in value.strip():  # srcset: "a.jpg 1x, b.jpg 2x"
        return [
            candidate.split()[0] for candidate in value.split(",") if candidate.strip()
        ]
    return [value]


def _css_problems(text, where, site_host):
    problems = []
    for match in CSS_URL.finditer(text):
        url = match.group(1) or match.group(2)
        if _is_third_party(url, site_host):
            problems.append(f"{where}: CSS loads {url}")
    return problems


def resolve(output, url, siteurl=""):
    """The file in ``output`` that an absolute site URL points at, or None."""
    path = urlsplit(url).path
    if siteurl:
        base = urlsplit(siteurl).path.rstrip("/")
        if not path.startswith(base + "/"):
            return None
        path = path[len(base) :]
    candidate = Path(output) / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(output, siteurl=""):
    """Every internal link, image or asset whose target (or #fragment) is missing."""
    site = urlsplit(siteurl)
    origin = f"{site.scheme}://{site.netloc}" if siteurl else "http://site.invalid"
    problems = []
    ids = {}
    for path in html_files(output):
        doc = soup(path)
        base = origin + page_url(output, path, site.path.rstrip("/"))
        for element in doc.find_all(["a", "link", "img", "script", "source", "iframe"]):
            found = [(a, element.get(a)) for a in ("href", "src")]
            found += [("srcset", url) for url in _urls(element.get("srcset"))]
            for attribute, raw in found:
                if raw is None or raw.startswith(("mailto:", "tel:", "data:")):
                    continue
                url = urljoin(base, raw)
                parts = urlsplit(url)
                if f"{parts.scheme}://{parts.netloc}" != origin:
                    continue  # a link to another site: not ours to resolve
                target = resolve(output, url, siteurl)
                where = (
                    f"{path.relative_to(output)}: <{element.name} {attribute}={raw!r}>"
                )
                if target is None:
                    problems.append(f"{where} points to a missing file")
                elif parts.fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = {e["id"] for e in soup(target).find_all(id=True)}
                    if parts.fragment not in ids[target]:
                        problems.append(
                            f"{where}: no element with id {parts.fragment!r}"
                        )
    return problems


# What must hold whatever the content says ----------------------------------------
# The real content/ gets only these checks (test_quality.py, test_accessibility.py),
# and so does a changed copy of it (test_content_independent.py): no count, no
# words, no title, slug, handle or URL of the real content. Pages of a kind
# (a talk's, a speaker's) are found by walking the output.


def pages_of_each_kind(output):
    """``{kind: path}``: the first page of each kind the output holds (the
    site's own pages always; an article, a talk, a speaker... when there is one)."""
    output = Path(output)

    def first(pattern, keep=lambda path: True):
        return next((p for p in sorted(output.glob(pattern)) if keep(p)), None)

    kinds = {
        "home": first("index.html"),
        "playlist": first("videoconferenze/index.html"),
        "speakers": first("relatori/index.html"),
        "archive": first("archivio/index.html"),
        "search": first("cerca/index.html"),
        "contribute": first("contribuisci/index.html"),
        "open data": first("dati/index.html"),
        "my list": first("la-mia-lista/index.html"),
        "not found": first("404.html"),
        "article": first("blog/*/*/index.html"),
        "year": first("blog/*/index.html"),
        # A talk's page is the one with its event beside it.
        "talk": first(
            "videoconferenze/*/index.html",
            lambda p: p.with_name("evento.ics").is_file(),
        ),
        "talk tag": first("videoconferenze/tag/*/index.html"),
        "speaker": first("relatori/*/index.html"),
        "author": first("autori/*/index.html"),
        "tag": first("tag/*/index.html"),
        "category": first("categorie/*/index.html"),
    }
    return {kind: path for kind, path in kinds.items() if path is not None}


SITE_OWN_PAGES = ("home", "playlist", "speakers", "archive", "search", "not found")


def page_problems(output):
    """Every page Italian, with a skip link to its main content and a viewport;
    the site's own pages all there."""
    problems = []
    for path in html_files(output):
        where = path.relative_to(output)
        page = soup(path)
        if page.html is None or page.html.get("lang") != "it":
            problems.append(f"{where}: not marked as Italian")
        skip = page.select_one("a.skip-link")
        if skip is None or skip.get("href") != "#contenuto":
            problems.append(f"{where}: no skip link to #contenuto")
        main = page.find(id="contenuto")
        if main is None or main.name != "main":
            problems.append(f"{where}: #contenuto is not the <main>")
        if not page.find("meta", attrs={"name": "viewport"}):
            problems.append(f"{where}: no viewport")
    found = pages_of_each_kind(output)
    problems += [f"no {kind} page" for kind in SITE_OWN_PAGES if kind not in found]
    return problems


def feed_problems(output):
    """Every Atom feed and every calendar parses."""
    import feedparser
    import icalendar

    problems = []
    for path in sorted(Path(output).rglob("*.xml")):
        if "feeds" in path.relative_to(output).parts:
            feed = feedparser.parse(path.read_bytes())
            if feed.bozo:
                problems.append(f"{path.relative_to(output)}: {feed.bozo_exception}")
    for path in sorted(Path(output).rglob("*.ics")):
        try:
            icalendar.Calendar.from_ical(path.read_bytes())
        except ValueError as exc:
            problems.append(f"{path.relative_to(output)}: {exc}")
    return problems


def real_content_problems(site):
    """What must hold of the site built from any content: no warning in the
    build's log, every internal link, image and #fragment resolves, nothing
    loads from another host, every page Italian with its skip link, every feed
    and calendar readable. (The Nu HTML Checker, run_vnu, and axe-core,
    axe_each_kind, need Java and a browser: tests of their own.)"""
    return [
        *(f"build log: {record}" for record in site.log),
        *broken_links(site.output),
        *third_party_loads(site.output),
        *page_problems(site.output),
        *feed_problems(site.output),
    ]


def axe_each_kind(page, output):
    """axe-core on one page of each kind of ``output``, served on 127.0.0.1
    (``page``: the browser tests' page); fails on the first violation."""
    from tests.axe import assert_no_violation

    kinds = pages_of_each_kind(output)
    with serve(output) as base_url:
        for kind, path in kinds.items():
            url = page_url(output, path)
            page.goto(base_url + url, wait_until="load")
            assert_no_violation(page, f"{kind} page {url}")
    return kinds

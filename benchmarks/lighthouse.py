"""Lighthouse's performance score and layout shift, for every page type.

Builds the real content/ (or, given a size, a SYNTHETIC archive of that
many items: tests/synthetic.py) with the production settings into a
temporary folder, serves it on 127.0.0.1 compressed as a web server would (gzip -6
for text; Pagefind's files as they are), and runs Lighthouse (npm,
LIGHTHOUSE_VERSION, fetched by `npm exec` the first time) in Debian's
chromium on each page type, with Lighthouse's default mobile profile
(simulated slow 4G and a four times slower CPU). Prints the performance
score, cumulative layout shift, first and largest contentful paint, total
blocking time and the bytes transferred.

Not a test: it asserts nothing. Needs network access to the npm registry
the first time, and chromium (CHROME_PATH, default /usr/bin/chromium).

    .venv/bin/python -m benchmarks.lighthouse          # the real content/
    .venv/bin/python -m benchmarks.lighthouse 1000     # 1 000 SYNTHETIC items
"""

import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from eroi.tools import runner

LIGHTHOUSE_VERSION = "13.5.0"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--no-first-run"
)
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics"}
# A page by its path, or (a page, the start of a link's path on it): the
# first page that link leads to.
PAGES = {
    "home": "/",
    "playlist": "/videoconferenze/",
    "a talk": ("/videoconferenze/", "/videoconferenze/"),
    "speakers": "/relatori/",
    "a speaker": ("/relatori/", "/relatori/"),
    "a talk tag": ("/videoconferenze/", "/videoconferenze/tag/"),
    "search": "/cerca/?q=nethserver",
    "blog archive": "/archivio/",
    "an article": ("/archivio/", "/blog/"),
    "la mia lista": "/la-mia-lista/",
    "contributing": "/contribuisci/",
    "not found": "/404.html",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzip-compressed when the client accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def first_link(root, page, prefix):
    """The first link on ``page`` (a path) to a page under ``prefix``."""
    from bs4 import BeautifulSoup

    html = (root / page.strip("/") / "index.html").read_text(encoding="utf-8")
    for link in BeautifulSoup(html, "html.parser").select("main a[href]"):
        path = urlsplit(urljoin(page, link["href"])).path
        if path.startswith(prefix) and path != prefix and path.endswith("/"):
            return path
    raise LookupError(f"no link under {prefix} on {page}")


def audit(url):
    result = subprocess.run(
        [
            "npm",
            "exec",
            "--yes",
            f"--package=lighthouse@{LIGHTHOUSE_VERSION}",
            "--",
            "lighthouse",
            url,
            "--only-categories=performance",
            f"--chrome-flags={FLAGS}",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def main(size=None):
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "output"
        what = "the real content/"
        overrides = {}
        if size:
            from benchmarks.speed import synthetic_archive

            content = Path(tmp) / "content"
            archive = synthetic_archive(content, size)
            what = f"{size} SYNTHETIC items"
            overrides = {"PATH": str(content), "TALKS_NOW": archive.now}
            PAGES["a talk tag"] = "/videoconferenze/tag/backup/"  # a TOPIC
        with contextlib.redirect_stdout(io.StringIO()):
            runner.build(
                runner.PUBLISH_SETTINGS,
                fatal="errors",
                **overrides,
                OUTPUT_PATH=str(output),
                SITEURL="http://127.0.0.1:8766",
                FEED_DOMAIN="http://127.0.0.1:8766",
                SHARE_CARDS_CACHE=str(Path(tmp) / "cards"),
            )
        handler = functools.partial(Handler, directory=str(output))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 8766), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile; {what}")
        print(
            f"{'page':<14} {'score':>5} {'CLS':>6} {'FCP s':>6} {'LCP s':>6} "
            f"{'TBT ms':>7} {'KB':>6}"
        )
        try:
            for name, where in PAGES.items():
                try:
                    path = where
                    if isinstance(where, tuple):
                        path = first_link(output, *where)
                except LookupError:  # the real content may have no such page
                    print(f"{name:<14} (none in this site)")
                    continue
                r = audit(f"http://127.0.0.1:8766{path}")
                print(
                    f"{name:<14} {r['score']:>5} {r['cls']:>6.3f} {r['fcp']:>6.2f} "
                    f"{r['lcp']:>6.2f} {r['tbt']:>7.0f} {r['kb']:>6.1f}",
                    flush=True,
                )
        finally:
            server.shutdown()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else None)

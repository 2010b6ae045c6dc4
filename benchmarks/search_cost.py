"""What the site search costs: to build, to store, to download.

For the real content/ and for SYNTHETIC archives (tests/synthetic.py) of
about 1 000 and 5 000 items (talks, speakers and articles), one run prints:

- the build without the index and with it, the index time alone, and its
  share of the build (target: at most 20 %); the best of three runs (one at
  5 000 items);
- the index's size on disk and its file count;
- the bytes a reader downloads, gzip-compressed as a web server would send
  them (Pagefind's own files are compressed already and counted as they
  are), for the first query on /cerca/ (page, script, Pagefind, its
  WebAssembly, index chunks, ten results; target: at most 100 KB at 1 000
  items) and for each following query, in Debian's chromium (Playwright).

Not a test: it asserts nothing. Sizes: `--sizes 1000,5000` (the default).

    .venv/bin/python -m benchmarks.search_cost
"""

import argparse
import gzip
import os
import shutil
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

from playwright.sync_api import expect, sync_playwright

from eroi.plugins.search.index import write_index
from eroi.tools import runner
from tests.localserver import serve
from tests.synthetic import make_archive

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = {
    "real": ["videoconferenze", "bonazzi", "community leadership"],
    "synthetic": ["sintetica", "backup", "relatore 07"],
}


def best_of(runs, job):
    """The fastest of ``runs`` timings of ``job()``: the least disturbed one."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        timings.append(time.perf_counter() - started)
    return min(timings)


def timed_build(content, output, runs, builder=None, **overrides):
    """Best of ``runs`` builds, each by ``builder`` (one that keeps its memory
    between builds, as livereload's does) or by a fresh one."""

    def build():
        (builder or runner.Runner()).build(
            PATH=str(content),
            OUTPUT_PATH=str(output),
            **overrides,
        )

    return best_of(runs, build)


def folder_size(folder):
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def sent_bytes(url, body):
    """Bytes on the wire: Pagefind's chunks and wasm are gzip files already."""
    path = urlsplit(url).path
    if "/pagefind/" in path and not path.endswith((".js", ".json")):
        return len(body)
    return len(gzip.compress(body, 6))


def downloads(browser, base_url, queries, spoken="/pagefind-trascrizioni/"):
    """[bytes of the first query, bytes of each following one], each as
    (the pages' results, what was said: the ``spoken`` bundle's files).

    A query's bytes are weighed once its status line shows it and no request
    of the page is pending any more (none for 300 ms): weighing each response
    inside its event handler let some fall into the next query's count (the
    first query read about 14 KB light before 2026-12-02). Bodies only, as
    gzip -6 would send them (Pagefind's own files are compressed already);
    no HTTP headers."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    arrived, pending = [], set()

    def route(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    page.route("**/*", route)
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    page.on("response", lambda response: arrived.append(response))
    status = page.locator("#ricerca-stato")

    def weigh():
        """The bytes of every response since the last weighing."""
        quiet_since = time.monotonic()
        deadline = quiet_since + 30
        while time.monotonic() < deadline:
            page.wait_for_timeout(50)  # lets the page's events arrive
            if pending:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= 0.3:
                break
        done, arrived[:] = list(arrived), []
        weighed = [0, 0]
        for response in done:
            if response.status == 200:
                weighed[spoken in response.url] += sent_bytes(
                    response.url, response.body()
                )
        return tuple(weighed)

    first, *others = queries
    page.goto(f"{base_url}/cerca/?q={quote(first)}")
    expect(status).to_contain_text(f"«{first}»")
    figures = [weigh()]
    for query in others:
        page.fill("#ricerca-testo", query)
        page.keyboard.press("Enter")
        expect(status).to_contain_text(f"«{query}»")
        figures.append(weigh())
    page.close()
    return figures


def measure(name, content, tmp, browser, queries, runs=3, **overrides):
    plain = timed_build(
        content, tmp / f"{name}-plain", runs, SEARCH_INDEX=False, **overrides
    )
    output = tmp / f"{name}-search"
    full = timed_build(content, output, runs, **overrides)
    pages = len(list(output.rglob("*.html")))
    indexed = write_index(output, "it")
    alone = best_of(runs, lambda: write_index(output, "it"))
    size, files = folder_size(output / "pagefind")
    with serve(output) as base_url:
        first, *following = map(sum, downloads(browser, base_url, queries))
    return {
        "site": name,
        "items": indexed,
        "pages": pages,
        "plain": plain,
        "full": full,
        "index": alone,
        "size": size,
        "files": files,
        "first": first,
        "following": following,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000")
    sizes = [int(n) for n in parser.parse_args().sizes.split(",") if n]
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    rows = []
    with (
        tempfile.TemporaryDirectory(prefix="search-cost-") as tmp,
        sync_playwright() as p,
    ):
        tmp = Path(tmp)
        browser = p.chromium.launch(executable_path=executable, args=FLAGS)
        rows.append(
            measure(
                "real content",
                ROOT / "content",
                tmp,
                browser,
                QUERIES["real"],
            )
        )
        for size in sizes:
            # About 90 % talks, the rest speakers and articles.
            content = tmp / f"content-{size}"
            archive = make_archive(
                content,
                talks=size * 9 // 10,
                speakers=size // 20,
                articles=size // 20,
            )
            rows.append(
                measure(
                    f"{size} items",
                    content,
                    tmp,
                    browser,
                    QUERIES["synthetic"],
                    runs=3 if size <= 1000 else 1,
                    TALKS_NOW=archive.now,
                )
            )
        browser.close()

    print(
        f"{'site':<13} {'indexed':>7} {'build':>7} {'+index':>7} {'index':>6} "
        f"{'share':>6} {'size':>8} {'files':>6} {'1st query':>10} {'next queries':>16}"
    )
    for r in rows:
        share = r["index"] / r["full"]
        following = " / ".join(f"{b / 1024:.1f}" for b in r["following"])
        print(
            f"{r['site']:<13} {r['items']:>7} {r['plain']:>6.2f}s {r['full']:>6.2f}s "
            f"{r['index']:>5.2f}s {share:>6.1%} {r['size'] / 1024:>6.0f}KB "
            f"{r['files']:>6} {r['first'] / 1024:>8.1f}KB {following:>13} KB"
        )
    print(
        "build: without the index; +index: the same build with it; index: "
        "Pagefind alone; share: index / (+index); 1st query and next: KB a "
        "reader downloads (gzip)."
    )


if __name__ == "__main__":
    main()

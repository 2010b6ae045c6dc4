"""Speed and weight, side by side in one run: the speed issue's every row.

For each size N (default 1 000 items: 50 % talks, 10 % speakers, 40 %
articles) it generates a SYNTHETIC archive (tests/synthetic.py) and, beside
it, N plain Markdown articles of the same length, then prints three tables:

1. **Builds**, each in a fresh process: plain Pelican 4.12 with its defaults
   (no plugin, its own theme, no cache); ours in development (share cards
   already drawn: what `invoke build` does after any edit) and in production
   (what CI deploys: with an empty card cache, cold, then with the cards
   drawn). Seconds, and peak memory (as deployed: without the test-only
   parsers): the build's process, and the largest process it started
   (Pagefind). Each row is the fastest of REPEAT runs (default 2), with its
   ratio to plain Pelican.
2. **The writer's loop** (`invoke livereload`) at 50 items and at each size
   up to 1 000: from a saved file to the served changed page, per kind of
   edit (benchmarks/writers_loop.py; median of 3).
3. **The first search**: bytes a reader downloads (gzip, as served) for the
   first query on /cerca/ of the development build of N items with 100
   one-hour transcripts (SYNTHETIC speech, tests/captions.py), in Debian's
   chromium, offline: the pages' results, then what was said (asked once
   those are shown), then a typo ("Forse cercavi ...").

Not a test: it asserts nothing.

    .venv/bin/python -m benchmarks.speed              # 1 000 items
    .venv/bin/python -m benchmarks.speed 1000 10000   # other sizes
"""

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("REPEAT", "2"))
SITEURL = "https://eroi.example.org"
LOOP_MOST = 1000  # the loop is measured up to this size (a full build per edit)
TRANSCRIBED = 100  # talks with a one-hour transcript, for the first search

CHILD = textwrap.dedent(
    """
    import json, pathlib, resource, sys, time
    # As the deploy job installs the site (requirements.txt): without lxml and
    # html5lib, which only the tests bring (extruct) and which Beautiful Soup
    # would load as extra parsers.
    sys.modules["lxml"] = sys.modules["html5lib"] = None
    kind, content, output, cards, cache = sys.argv[1:6]
    start = time.perf_counter()
    if kind == "plain":
        from pelican import Pelican
        from pelican.settings import read_settings
        settings = read_settings(None, override=dict(
            PATH=content, OUTPUT_PATH=output, SITEURL="http://localhost:8000",
            TIMEZONE="Europe/Rome"))
        Pelican(settings).run()
    else:
        from eroi.tools import runner
        settings = {"dev": runner.DEV_SETTINGS, "prod": runner.PUBLISH_SETTINGS}
        runner.build(settings[kind], PATH=content, OUTPUT_PATH=output,
                     SHARE_CARDS_CACHE=cards, CACHE_PATH=cache, fatal="errors")
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pages = sum(1 for _ in pathlib.Path(output).rglob("*.html"))
    print(json.dumps(dict(seconds=seconds, peak_mb=usage, workers_mb=workers,
                          pages=pages)))
    """
)

# (label, kind, empty card cache before each run). Every build reads every
# file and writes every page: there is no content cache and no kept output.
ROWS = (
    ("plain Pelican", "plain", False),
    ("ours, dev, cards drawn", "dev", False),
    ("ours, prod, cards cold", "prod", True),
    ("ours, prod, cards drawn", "prod", False),
)


def split(size):
    """How N items divide into talks, speakers and articles."""
    speakers = max(15, size // 10)
    talks = size * 5 // 10
    return talks, speakers, size - talks - speakers


def spacing(talks):
    """Two weeks between talks, as the community meets; daily when there are
    so many that two-weekly talks would go past the year 2100."""
    return timedelta(weeks=2) if talks <= 1500 else timedelta(days=1)


def synthetic_archive(content, size, **options):
    """A SYNTHETIC archive of ``size`` items in ``content`` (tests/synthetic.py)."""
    from tests.synthetic import make_archive

    talks, speakers, articles = split(size)
    return make_archive(
        content,
        talks=talks,
        speakers=speakers,
        articles=articles,
        every=spacing(talks),
        **options,
    )


def plain_articles(content, count):
    content.mkdir(parents=True)
    for n in range(count):
        (content / f"articolo-{n:05d}.md").write_text(
            f"Title: Articolo sintetico {n:05d}\nDate: 2019-01-07\n"
            f"Category: Sintetici\nTags: Tema {n % 7}\n\n"
            f"Descrizione sintetica della videoconferenza {n}, con qualcuno.\n",
            encoding="utf-8",
        )


def build(kind, content, output, cards, cache):
    """One build in a fresh process: seconds, peak MB, workers' MB, pages."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            kind,
            str(content),
            str(output),
            str(cards),
            str(cache),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "SITEURL": SITEURL},
    )
    if result.returncode != 0:
        sys.exit(f"{kind} build failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def best(kind, content, output, cards, cache, cold):
    """The best of REPEAT builds (cards drawn once first, unless ``cold``:
    each with an empty card cache)."""
    if not cold and not Path(cards).is_dir():
        build(kind, content, output, cards, cache)
    runs = []
    for _ in range(REPEAT):
        if cold:
            shutil.rmtree(cards, ignore_errors=True)
        runs.append(build(kind, content, output, cards, cache))
    return min(runs, key=lambda r: r["seconds"])  # its memory with it


def build_rows(size, tmp):
    synthetic_archive(tmp / "ours", size)
    plain_articles(tmp / "plain", size)
    results = {}
    for label, kind, cold in ROWS:
        content = tmp / ("plain" if kind == "plain" else "ours")
        output = tmp / f"out-{kind}"
        cache = tmp / f"cache-{kind}"
        results[label] = best(kind, content, output, tmp / "cards", cache, cold)
    return results


def print_builds(size, results):
    plain = results["plain Pelican"]
    for label, r in results.items():
        print(
            f"{size:>6} {label:<24} | {r['seconds']:>7.2f} "
            f"{r['seconds'] / plain['seconds']:>6.2f} | {r['peak_mb']:>7.0f} "
            f"{r['peak_mb'] / plain['peak_mb']:>6.2f} {r['workers_mb']:>8.0f} | "
            f"{r['pages']:>6}",
            flush=True,
        )


def loop_rows(size, tmp):
    """The writer's loop in a process of its own (it changes folder)."""
    script = (
        "import json, sys, pathlib; from benchmarks import writers_loop as w; "
        "first, rows = w.measure(int(sys.argv[1]), pathlib.Path(sys.argv[2])); "
        "print(json.dumps([first, rows]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(size), str(tmp)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        sys.exit(f"the writer's loop failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def first_query(size, tmp):
    """Bytes of the first search at ``size`` items with the transcripts."""
    from playwright.sync_api import sync_playwright

    from benchmarks.search_cost import FLAGS, downloads
    from eroi.tools import runner
    from tests.captions import realistic_vocabulary, speech, youtube_auto_vtt
    from tests.localserver import serve

    content = tmp / "transcribed"
    archive = synthetic_archive(content, size, captions=False)
    vocabulary = realistic_vocabulary()
    recorded = [t for t in archive.talks if t["state"] == "recorded"]
    for n, talk in enumerate(recorded[:TRANSCRIBED]):
        lines = speech(3590, seed=n, vocabulary=vocabulary)
        path = content / "talks" / f"{talk['slug']}.it.vtt"
        path.write_text(youtube_auto_vtt(lines), encoding="utf-8")
    hours = len(recorded[:TRANSCRIBED])
    output = tmp / "out-search"
    with contextlib.redirect_stdout(io.StringIO()):  # the cards' progress lines
        runner.build(
            PATH=str(content),
            OUTPUT_PATH=str(output),
            SHARE_CARDS_CACHE=str(tmp / "cards"),
            CACHE_PATH=str(tmp / "cache"),
            TALKS_NOW=archive.now,
            fatal="errors",
        )
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    with sync_playwright() as p, serve(output) as base_url:
        browser = p.chromium.launch(executable_path=executable, args=FLAGS)
        first, following = downloads(browser, base_url, ["backup", "snitetica"])
        browser.close()
    return hours, first, following


def main(sizes):
    print("SYNTHETIC content; one fresh process per build; best of", REPEAT)
    print()
    print(
        f"{'items':>6} {'build':<24} | {'seconds':>7} {'ratio':>6} | "
        f"{'peak MB':>7} {'ratio':>6} {'workers':>8} | {'pages':>6}"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="speed-") as tmp:
            print_builds(size, build_rows(size, Path(tmp)))
    print()
    print(f"{'items':>6} {'edit':<13} {'shown':>8} {'settled':>8}  (median of 3)")
    for size in sorted({50, *(s for s in sizes if s <= LOOP_MOST)}):
        with tempfile.TemporaryDirectory(prefix="speed-loop-") as tmp:
            first, rows = loop_rows(size, Path(tmp))
        print(f"{size:>6} {'first build':<13} {'':>8} {first:>7.2f}s")
        for kind, shown, settled in rows:
            print(f"{size:>6} {kind:<13} {shown:>7.3f}s {settled:>7.2f}s", flush=True)
    print()
    print(
        f"{'items':>6} {'transcripts':>11} | {'first query':>11} "
        f"{'then said':>10} | a typo"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="speed-search-") as tmp:
            hours, (pages, said), typo = first_query(size, Path(tmp))
        print(
            f"{size:>6} {hours:>9} h | {pages / 1024:>8.1f} KB "
            f"{said / 1024:>7.1f} KB | {sum(typo) / 1024:.1f} KB",
            flush=True,
        )


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000])

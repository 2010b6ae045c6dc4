"""Build time and peak memory of the site against plain Pelican, at several sizes.

For each size N it generates a SYNTHETIC site (tests/synthetic.py: talks,
speakers and articles, N items in all) and, beside it, N plain Markdown
articles of the same length. It then builds each in a fresh process, content
cache off: plain Pelican with its defaults (no plugin, its own theme); ours
with the development settings, share cards already drawn; ours with the
production settings (what CI deploys) with an empty card cache (cold) and
with the cards of the previous run (warm). One table, figures and ratios to
plain Pelican side by side; each figure is the best of REPEAT runs (default
2) to damp the noise of a shared machine. Not a test: it asserts nothing.

    .venv/bin/python benchmarks/build_speed.py            # 1000 5000 10000
    .venv/bin/python benchmarks/build_speed.py 500 2000   # other sizes
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.synthetic import make_archive  # noqa: E402

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    sys.path.insert(0, {root!r})
    kind, content, output, cards = sys.argv[1:5]
    start = time.perf_counter()
    if kind in ("dev", "prod"):
        import os, sitebuild
        os.environ["SITEURL"] = "https://eroi.example.org"
        settings = sitebuild.PUBLISH_SETTINGS
        if kind == "dev":
            settings = sitebuild.DEV_SETTINGS
        sitebuild.build(settings, PATH=content, OUTPUT_PATH=output, CACHE_CONTENT=False,
                        LOAD_CONTENT_CACHE=False, SHARE_CARDS_CACHE=cards,
                        fatal="errors")
    else:
        from pelican import Pelican
        from pelican.settings import read_settings
        settings = read_settings(None, override=dict(
            PATH=content, OUTPUT_PATH=output, SITEURL="http://localhost:8000",
            TIMEZONE="Europe/Rome", CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False))
        Pelican(settings).run()
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    files = sum(1 for _ in __import__("pathlib").Path(output).rglob("*.html"))
    print(json.dumps(dict(seconds=seconds, peak_mb=peak_mb, pages=files)))
    """
)


def split(size):
    """How N items divide into talks, speakers and articles."""
    speakers = max(15, size // 10)
    talks = size * 5 // 10
    return talks, speakers, size - talks - speakers


def plain_articles(content, count):
    content.mkdir(parents=True)
    for n in range(count):
        (content / f"articolo-{n:05d}.md").write_text(
            f"Title: Articolo sintetico {n:05d}\nDate: 2019-01-07\n"
            f"Category: Sintetici\nTags: Tema {n % 7}\n\n"
            f"Descrizione sintetica della videoconferenza {n}, con qualcuno.\n",
            encoding="utf-8",
        )


REPEAT = int(os.environ.get("REPEAT", "2"))


def best_run(kind, content, output, cards, cold=False):
    """The best of REPEAT builds; ``cold``: each with an empty card cache."""
    runs = []
    for n in range(REPEAT):
        if cold:
            shutil.rmtree(cards, ignore_errors=True)
        runs.append(run(kind, content, Path(f"{output}-{n}"), cards))
    return min(runs, key=lambda r: r["seconds"]) | {
        "peak_mb": min(r["peak_mb"] for r in runs)
    }


def run(kind, content, output, cards):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD.format(root=str(ROOT)),
            kind,
            str(content),
            str(output),
            str(cards),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        sys.exit(f"{kind} build failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


ROWS = (
    # (label, kind, cold card cache)
    ("plain Pelican", "plain", False),
    ("ours, dev, cards drawn", "dev", False),
    ("ours, prod, cards cold", "prod", True),
    ("ours, prod, cards drawn", "prod", False),
)


def main(sizes):
    print("SYNTHETIC content, content cache off, one fresh process per build.")
    header = (
        f"{'items':>6} {'build':<24} | {'seconds':>7} {'ratio':>6} "
        f"{'ms/item':>8} | {'peak MB':>7} {'ratio':>6} | {'pages':>6}"
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        talks, speakers, articles = split(size)
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            tmp = Path(tmp)
            make_archive(
                tmp / "ours", talks=talks, speakers=speakers, articles=articles
            )
            plain_articles(tmp / "plain", size)
            cards = tmp / "cards"
            results = {}
            for label, kind, cold in ROWS:
                content = tmp / ("plain" if kind == "plain" else "ours")
                output = tmp / f"out-{kind}-{int(cold)}"
                results[label] = best_run(kind, content, output, cards, cold)
        plain = results["plain Pelican"]
        for label, result in results.items():
            print(
                f"{size:>6} {label:<24} | {result['seconds']:>7.2f} "
                f"{result['seconds'] / plain['seconds']:>6.2f} "
                f"{1000 * result['seconds'] / size:>8.2f} | "
                f"{result['peak_mb']:>7.0f} "
                f"{result['peak_mb'] / plain['peak_mb']:>6.2f} | {result['pages']:>6}",
                flush=True,
            )


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 10000])

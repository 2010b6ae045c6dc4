"""Build time and peak memory of the site against plain Pelican, at several sizes.

For each size N it generates a SYNTHETIC site (tests/synthetic.py: talks,
speakers and articles, N items in all) and, beside it, N plain Markdown
articles of the same length. It then builds each in a fresh process, cache
off: our site with the project's settings, plugins and theme; plain Pelican
with its defaults (no plugin, its own theme). One table, figures and ratios
side by side; each figure is the best of REPEAT runs (default 2) to damp the
noise of a shared machine. Not a test: it asserts nothing.

    .venv/bin/python benchmarks/build_speed.py            # 1000 5000 10000
    .venv/bin/python benchmarks/build_speed.py 500 2000   # other sizes
"""

import json
import os
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
    kind, content, output = sys.argv[1:4]
    start = time.perf_counter()
    if kind == "ours":
        import sitebuild
        sitebuild.build(PATH=content, OUTPUT_PATH=output, CACHE_CONTENT=False,
                        LOAD_CONTENT_CACHE=False, fatal="errors")
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


def best_run(kind, content, output):
    runs = [run(kind, content, Path(f"{output}-{n}")) for n in range(REPEAT)]
    return min(runs, key=lambda r: r["seconds"]) | {
        "peak_mb": min(r["peak_mb"] for r in runs)
    }


def run(kind, content, output):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD.format(root=str(ROOT)),
            kind,
            str(content),
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        sys.exit(f"{kind} build failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(sizes):
    print("SYNTHETIC content, cache off, one fresh process per build.")
    header = (
        f"{'items':>6} {'talks':>6} {'spk':>5} {'art':>5} | {'ours s':>7} "
        f"{'plain s':>7} {'ratio':>6} | {'ours ms/item':>12} {'plain ms/item':>13} | "
        f"{'ours MB':>7} {'plain MB':>8} {'ratio':>6} | {'pages':>6}"
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
            ours = best_run("ours", tmp / "ours", tmp / "out-ours")
            plain = best_run("plain", tmp / "plain", tmp / "out-plain")
        print(
            f"{size:>6} {talks:>6} {speakers:>5} {articles:>5} | "
            f"{ours['seconds']:>7.1f} {plain['seconds']:>7.1f} "
            f"{ours['seconds'] / plain['seconds']:>6.2f} | "
            f"{1000 * ours['seconds'] / size:>12.2f} "
            f"{1000 * plain['seconds'] / size:>13.2f} | "
            f"{ours['peak_mb']:>7.0f} {plain['peak_mb']:>8.0f} "
            f"{ours['peak_mb'] / plain['peak_mb']:>6.2f} | {ours['pages']:>6}",
            flush=True,
        )


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 5000, 10000])

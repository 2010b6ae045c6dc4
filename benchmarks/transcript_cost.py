"""What transcripts cost: page weight, build time, search index, first query.

The captions are SYNTHETIC (tests/captions.py): YouTube's automatic-caption
format, words drawn by Zipf's law from the seed articles' vocabulary plus
made-up words (so they compress about as real speech does), about 150 words
a minute. One run prints, side by side:

- page: a talk page without and with a 90-minute transcript, raw and gzip
  (target: at most 40 KB gzip added), and the share of the JSON-LD copy;
- time: parsing one 90-minute caption file (webvtt-py, collapse, passages),
  and the build's extra time per transcript with 100 one-hour transcripts,
  in a first build and in a rebuild in the same process (livereload's case:
  unchanged caption files are not parsed again);
- index: Pagefind's bundle without and with those 100 transcript hours, and
  its growth per transcript hour;
- download: the bytes a reader downloads (gzip) for the first query on
  /cerca/ and the next ones, without and with the 100 transcribed talks
  (Debian's chromium, Playwright).

Not a test: it asserts nothing.

    .venv/bin/python -m benchmarks.transcript_cost
"""

import gzip
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from benchmarks.search_cost import FLAGS, downloads, folder_size, timed_build
from eroi.model.captions import read_captions
from eroi.model.transcripts import paragraphs, spoken_lines
from eroi.tools import runner
from tests.captions import realistic_vocabulary, speech, youtube_auto_vtt
from tests.localserver import serve
from tests.synthetic import make_archive

TALKS = 100  # transcribed talks, one hour each
RATE = {"line_seconds": (2.5, 4.0), "words": (6, 10)}  # about 150 words a minute


def build(content, output, archive, builder=None, **overrides):
    """Seconds of one build (search_cost's) by ``builder``."""
    return timed_build(
        content, output, 1, builder=builder, TALKS_NOW=archive.now, **overrides
    )


def gz(data):
    return len(gzip.compress(data, 6))


def recorded(archive):
    return [talk for talk in archive.talks if talk["state"] == "recorded"]


def page_weight(tmp, vocabulary):
    """(raw, gzip) of one talk page without and with 90 minutes of captions."""
    content = tmp / "page-content"
    archive = make_archive(content, talks=10, captions=False)
    talk = recorded(archive)[0]
    plain = tmp / "page-plain"
    build(content, plain, archive, SEARCH_INDEX=False)
    lines = speech(90 * 60, seed=90, vocabulary=vocabulary, **RATE)
    source = content / "talks" / f"{talk['slug']}.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace(f"Duration: {talk['duration'] // 60} min", "Duration: 1:35:00"),
        encoding="utf-8",
    )
    caption = content / "talks" / f"{talk['slug']}.it.vtt"
    caption.write_text(youtube_auto_vtt(lines), encoding="utf-8")
    with_text = tmp / "page-transcript"
    build(content, with_text, archive, SEARCH_INDEX=False)
    url = Path("videoconferenze", talk["slug"], "index.html")
    before, after = (plain / url).read_bytes(), (with_text / url).read_bytes()
    script = BeautifulSoup(after, "html.parser").find(
        "script", type="application/ld+json"
    )
    graph = json.loads(script.string)["@graph"]
    video = next(node for node in graph if node["@type"] == "VideoObject")
    words = sum(len(text.split()) for *_, text in lines)
    return {
        "words": words,
        "caption": caption.stat().st_size,
        "raw": (len(before), len(after)),
        "gzip": (gz(before), gz(after)),
        "jsonld": len(video["transcript"].encode()),
        "caption_path": caption,
    }


def parse_time(path, runs=5):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        captions, problems = read_captions(path, duration=100 * 60)
        passages = paragraphs(spoken_lines(captions.cues), (), 30, 60)
        timings.append(time.perf_counter() - started)
        assert not problems and passages
    return min(timings), len(captions.cues), len(passages)


def archive_with_transcripts(tmp, vocabulary, count):
    """Content with ``count`` one-hour transcripts (or none), and its archive."""
    content = tmp / f"archive-{count}"
    archive = make_archive(content, talks=140, captions=False)
    for n, talk in enumerate(recorded(archive)[:count]):
        # Within the shortest Duration (60 min) of the synthetic talks.
        lines = speech(3590, seed=n, vocabulary=vocabulary, **RATE)
        path = content / "talks" / f"{talk['slug']}.it.vtt"
        path.write_text(youtube_auto_vtt(lines), encoding="utf-8")
        talk["captions"] = lines
    return content, archive


def hours(archive):
    return sum(t["captions"][-1][1] for t in archive.talks if t["captions"]) / 3600


def main():
    vocabulary = realistic_vocabulary()
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    with (
        tempfile.TemporaryDirectory(prefix="transcript-cost-") as tmp,
        sync_playwright() as p,
    ):
        tmp = Path(tmp)
        page = page_weight(tmp, vocabulary)
        parse, cues, passages = parse_time(page["caption_path"])
        browser = p.chromium.launch(executable_path=executable, args=FLAGS)
        sites = {}
        for count in (0, TALKS):
            content, archive = archive_with_transcripts(tmp, vocabulary, count)
            output = tmp / f"output-{count}"
            # A second build by the same runner is livereload's full rebuild
            # (the runner keeps the parsed caption files in its memory).
            builder = runner.Runner()
            cold = build(content, output, archive, builder)
            warm = build(content, output, archive, builder)
            size, files = folder_size(output / "pagefind")
            spoken, _ = folder_size(output / "pagefind-trascrizioni")
            said = recorded(archive)[7]["captions"] or recorded(archive)[0]["captions"]
            phrase = " ".join(said[200][2].split()[:4]) if said else "backup sicuro"
            queries = ["backup", f'"{phrase}"', "sintetica"]
            with serve(output) as base_url:
                first, *following = downloads(browser, base_url, queries)
            sites[count] = {
                "hours": hours(archive),
                "build": cold,
                "rebuild": warm,
                "index": size,
                "spoken": spoken,
                "files": files,
                "first": first,
                "following": following,
            }
        browser.close()

    raw, zipped = page["raw"], page["gzip"]
    added = zipped[1] - zipped[0]
    print(
        f"One 90-minute transcript: {page['words']} words, caption file "
        f"{page['caption'] / 1024:.0f} KB, {cues} cues -> {passages} passages"
    )
    print(f"{'talk page':<28} {'raw':>9} {'gzip':>9}")
    print(
        f"{'without transcript':<28} {raw[0] / 1024:>7.1f}KB {zipped[0] / 1024:>7.1f}KB"
    )
    print(f"{'with transcript':<28} {raw[1] / 1024:>7.1f}KB {zipped[1] / 1024:>7.1f}KB")
    print(
        f"{'added (target <= 40 KB gzip)':<28} {(raw[1] - raw[0]) / 1024:>7.1f}KB "
        f"{added / 1024:>7.1f}KB  ({added / 40960:.0%} of the budget)"
    )
    print(f"  of which the JSON-LD transcript: {page['jsonld'] / 1024:.1f} KB raw")
    print(f"parse one 90-minute caption file: {parse * 1000:.0f} ms (best of 5)")
    without, with_ = sites[0], sites[TALKS]
    print(
        f"\n{'site (140 talks)':<26} {'build':>7} {'rebuild':>8} {'index':>9} "
        f"{'files':>6} {'spoken':>9} {'1st query':>10} {'next queries':>16}"
    )
    for name, row in (
        ("no transcripts", without),
        (f"{TALKS} one-hour transcripts", with_),
    ):
        following = " / ".join(f"{b / 1024:.1f}" for b in row["following"])
        print(
            f"{name:<26} {row['build']:>6.2f}s {row['rebuild']:>7.2f}s "
            f"{row['index'] / 1024:>7.0f}KB {row['files']:>6} "
            f"{row['spoken'] / 1024:>7.0f}KB "
            f"{row['first'] / 1024:>8.1f}KB {following:>13} KB"
        )
    for label, key in (("a build", "build"), ("a rebuild", "rebuild")):
        extra = (with_[key] - without[key]) / TALKS
        print(
            f"time per one-hour transcript in {label}: {extra * 1000:.0f} ms "
            f"(ratio {with_[key] / without[key]:.2f})"
        )
    growth = (with_["index"] + with_["spoken"] - without["index"]) / with_["hours"]
    print(
        f"index growth per transcript hour ({with_['hours']:.1f} h): "
        f"{growth / 1024:.0f} KB (ratio {with_['index'] / without['index']:.1f})"
    )
    print(
        "first query (backup) with transcripts / without: "
        f"{with_['first'] / without['first']:.2f}; next: a quoted spoken phrase, "
        "a word no transcript has"
    )


if __name__ == "__main__":
    main()

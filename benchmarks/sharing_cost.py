"""What being shared and found costs: cards, meta tags, JSON-LD, sitemap, feeds.

One run prints, side by side:

- the time to draw one share card (Pillow, 1200×630 PNG, two speakers with
  initials, a long title) and its size, over 40 different cards;
- for a SYNTHETIC archive (tests/synthetic.py) of about 1 000 items, the
  production build (publishconf.py) without this issue's output (no share
  tags, JSON-LD, cards, sitemap, talk-tag and news feeds, per-talk .ics),
  then with it from an empty card cache (cold), then again with that cache
  (warm), with the ratio of each to the build without it; the search index
  is off in all three, so only this work is compared;
- how many cards were drawn and what the cards and the rest weigh on disk.

Not a test: it asserts nothing.

    .venv/bin/python -m benchmarks.sharing_cost [--size 1000]
"""

import argparse
import contextlib
import logging
import tempfile
import time
from pathlib import Path

from eroi.plugins.sharing.cards import Card, Person, draw, encode
from eroi.tools import runner
from tests.synthetic import make_archive

SITEURL = "https://eroi.example.org"
WITHOUT = {
    "SHARE_PAGES": False,
    "TALKTAG_FEED_ATOM": None,
    "TALKS_NEWS_FEED_ATOM": None,
    "TALK_CALENDAR_SAVE_AS": None,
    "SITEMAP_SAVE_AS": None,
    "ROBOTS_SAVE_AS": None,
}


def card_cost(count=40):
    cards = [
        Card(
            title=f"Videoconferenza sintetica {n:03d}: backup, firewall e VoIP "
            "per le piccole imprese, dal vivo",
            kicker=f"Videoconferenza #{n}",
            when="Lunedì 7 dicembre 2026, ore 17:00",
            people=(
                Person(f"Relatore Sintetico {n:02d}", "RS"),
                Person("Altra Persona", "AP"),
            ),
            site="Eroi Digitali",
        )
        for n in range(count)
    ]
    encode(cards[0])  # fonts loaded once per process, as in a build
    started = time.perf_counter()
    drawn = [draw(card) for card in cards]
    drawing = (time.perf_counter() - started) / count
    started = time.perf_counter()
    sizes = [len(encode(card)) for card in cards]
    total = (time.perf_counter() - started) / count
    return drawing, total, sum(sizes) / len(sizes), len(drawn)


def build(content, output, cache, **overrides):
    started = time.perf_counter()
    runner.build(
        "publishconf.py",
        PATH=str(content),
        OUTPUT_PATH=str(output),
        SITEURL=SITEURL,
        FEED_DOMAIN=SITEURL,
        SEARCH_INDEX=False,
        SHARE_CARDS_CACHE=str(cache),
        **overrides,
    )
    return time.perf_counter() - started


def weight(folder):
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    size = parser.parse_args().size
    logging.getLogger().setLevel(logging.ERROR)

    drawing, total, png, count = card_cost()
    print(
        f"one card (mean of {count}): {total * 1000:.1f} ms "
        f"({drawing * 1000:.1f} ms drawing, the rest PNG encoding), "
        f"{png / 1024:.1f} KB"
    )

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = tmp / "content"
        # Every recorded talk has its thumbnail, as after `invoke fetch-thumbnails`:
        # cards are for upcoming and unrecorded talks, speakers and articles.
        talks = size * 9 // 10
        archive = make_archive(
            content,
            talks=talks,
            speakers=size // 20,
            articles=size // 20,
            thumbnails=talks,
        )
        now = {"TALKS_NOW": archive.now}
        cache = tmp / "cards"
        with contextlib.redirect_stdout(None):
            without = build(content, tmp / "without", cache, **WITHOUT, **now)
            cold = build(content, tmp / "cold", cache, **now)
            drawn = len(list(cache.iterdir()))
            warm = build(content, tmp / "warm", cache, **now)
            drawn_warm = len(list(cache.iterdir())) - drawn
        cards = weight(tmp / "warm" / "condivisione")
        print(f"\n{size} items ({len(archive.talks)} talks), production build:")
        print(f"{'':28}{'seconds':>9}{'ratio':>8}")
        print(f"{'without sharing':28}{without:9.2f}{1:8.2f}")
        print(f"{'with sharing, cold cache':28}{cold:9.2f}{cold / without:8.2f}")
        print(f"{'with sharing, warm cache':28}{warm:9.2f}{warm / without:8.2f}")
        print(f"cards drawn: {drawn} cold, {drawn_warm} warm")
        print(
            f"output: {weight(tmp / 'without') / 2**20:.1f} MB without, "
            f"{weight(tmp / 'warm') / 2**20:.1f} MB with "
            f"(cards {cards / 2**20:.1f} MB)"
        )


if __name__ == "__main__":
    main()

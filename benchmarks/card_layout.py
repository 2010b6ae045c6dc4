"""How share-card drawing grows with the length of a title (SYNTHETIC titles).

Draws one card per title length and prints the time beside the ratio to the
shortest, in one run: the layout reads at most MAX_CHARACTERS of a title, so
the time stays flat however long the title is. Not a test: it asserts nothing.

    .venv/bin/python -m benchmarks.card_layout
"""

import time

from eroi.plugins.sharing.cards import Card, draw

LENGTHS = (100, 1_000, 10_000, 30_000)


def seconds(title, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        draw(Card(title=title, kicker="Videoconferenza #1", when="lunedì"))
        best = min(best, time.perf_counter() - start)
    return best


def main():
    print(f"{'title':>22} {'words':>8} {'ratio':>6} {'one word':>9} {'ratio':>6}")
    base_words = base_word = None
    for length in LENGTHS:
        words = seconds(("Sicurezza " * length)[:length])
        word = seconds("x" * length)
        base_words = base_words or words
        base_word = base_word or word
        print(
            f"{length:>12,} characters {words * 1000:>6.1f}ms "
            f"{words / base_words:>6.2f} {word * 1000:>7.1f}ms {word / base_word:>6.2f}"
        )


if __name__ == "__main__":
    main()

"""SYNTHETIC caption files for tests and benchmarks: generated, not real speech.

``speech`` makes spoken lines (made-up Italian words, each line unique) with
their times; ``youtube_auto_vtt`` writes them exactly as YouTube's automatic
captions come from ``yt-dlp --write-auto-subs``: rolling two-line cues (the
previous line, then the new one with a ``<HH:MM:SS.mmm><c> word</c>`` tag per
word), each followed by a 10 ms echo cue, all with ``align:start
position:0%``. ``subrip`` writes the same lines as a plain .srt, one sentence
per cue, with punctuation (as a person would write captions).
"""

import random
import re
from pathlib import Path

SEEDS = Path(__file__).parent / "data" / "seeds"
WORDS = (
    "allora",
    "adesso",
    "backup",
    "cartella",
    "certificato",
    "client",
    "cloud",
    "community",
    "configurare",
    "connessione",
    "controllo",
    "dashboard",
    "dominio",
    "esempio",
    "firewall",
    "gestione",
    "installare",
    "interfaccia",
    "licenza",
    "macchina",
    "modulo",
    "nethserver",
    "nodo",
    "pacchetto",
    "pannello",
    "porta",
    "posta",
    "problema",
    "protocollo",
    "proxy",
    "regola",
    "rete",
    "ripristino",
    "server",
    "servizio",
    "sicurezza",
    "sistema",
    "telefono",
    "utente",
    "versione",
    "virtuale",
    "voip",
    "aggiornamento",
    "centralino",
    "chiamata",
    "domanda",
    "risposta",
    "progetto",
    "sviluppo",
    "partner",
    "cliente",
    "vediamo",
    "quindi",
    "praticamente",
    "infatti",
    "ovviamente",
    "diciamo",
    "proprio",
    "molto",
    "anche",
    "sempre",
    "ancora",
    "insieme",
    "subito",
    "dopo",
    "prima",
    "oggi",
    "settimana",
    "mese",
    "anno",
    "nuovo",
    "vecchio",
    "grande",
    "piccolo",
    "semplice",
    "veloce",
    "sicuro",
    "aperto",
    "chiuso",
    "pronto",
    "libero",
    "facile",
)


def realistic_vocabulary(size=5000, seed=1):
    """``(words, weights)`` drawn like speech: Zipf's law over the seed articles'
    words, most frequent first, then made-up Italian-sounding words. Text
    drawn from it compresses about as real speech does (for size budgets)."""
    rng = random.Random(seed)
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    counts = {}
    for word in re.findall(r"[a-zàèéìòù]+", text.lower()):
        counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    syllables = [c + v for c in "bcdfglmnprstvz" for v in "aeiou"]
    while len(words) < size:
        made = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if made not in counts:
            counts[made] = 0
            words.append(made)
    return words, [1 / rank for rank in range(1, len(words) + 1)]


def speech(
    seconds,
    *,
    seed=1,
    start=0.0,
    line_seconds=(2.5, 4.5),
    words=(5, 8),
    vocabulary=None,
):
    """``[(start, end, text), ...]`` covering ``seconds`` of talk; lines unique.

    ``vocabulary``: ``(words, weights)`` (realistic_vocabulary); by default
    the short WORDS list, all equally likely. At the defaults a line holds
    6.5 words in 3.5 s: about 110 words a minute.
    """
    rng = random.Random(seed)
    pool, weights = vocabulary or (WORDS, None)
    lines, seen, at = [], set(), start
    while at < start + seconds:
        length = rng.uniform(*line_seconds)
        text = " ".join(rng.choices(pool, weights, k=rng.randint(*words)))
        if text in seen:
            continue
        seen.add(text)
        lines.append((round(at, 3), round(at + length, 3), text))
        at += length + 0.01  # the 10 ms echo cue sits between two lines
    return lines


def stamp(seconds, comma=False):
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{',' if comma else '.'}{millis:03d}"


def _tagged(start, end, text):
    """The new line of a rolling cue: each word after the first carries its time."""
    words = text.split()
    step = (end - start) / len(words)
    return words[0] + "".join(
        f"<{stamp(start + i * step)}><c> {word}</c>"
        for i, word in enumerate(words[1:], start=1)
    )


def youtube_auto_vtt(lines, language="it"):
    """The WebVTT of YouTube's automatic captions for ``lines`` (from speech)."""
    blocks = [f"WEBVTT\nKind: captions\nLanguage: {language}\n"]
    previous = " "
    for start, end, text in lines:
        blocks.append(
            f"{stamp(start)} --> {stamp(end)} align:start position:0%\n"
            f"{previous}\n{_tagged(start, end, text)}\n"
        )
        blocks.append(
            f"{stamp(end)} --> {stamp(end + 0.01)} align:start position:0%\n{text}\n \n"
        )
        previous = text
    return "\n".join(blocks)


def sentence(text):
    return text[0].upper() + text[1:] + "."


def subrip(lines):
    """A plain SubRip file of ``lines``: numbered cues, one sentence each."""
    return "\n".join(
        f"{n}\n{stamp(start, comma=True)} --> {stamp(end, comma=True)}\n"
        f"{sentence(text)}\n"
        for n, (start, end, text) in enumerate(lines, start=1)
    )

"""Share cards: the 1200×630 picture a shared link shows, drawn with Pillow.

A card shows what a ``Card`` holds (kicker, title, when, people) in the
site's colours with the DejaVu Sans font shipped in fonts/. Its key is a hash
of everything that changes its pixels: the card's fields, the bytes of each
avatar, the fonts and ``STYLE`` (bump it when the drawing changes). A card is
drawn once into the cache folder, as ``<key>.png``, and copied from there into
each build while its key is the same.
"""

import functools
import hashlib
import io
import json
import logging
import os
import shutil
import tempfile
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps

from eroi.tools.progress import track

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
STYLE = "3"  # part of every key: change it when the drawing below changes
FONTS = Path(__file__).parent / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
# The site's light theme (theme/static/css/site.css): accent, its text, lines.
BACKGROUND = "#0b5cad"
FOREGROUND = "#ffffff"
SOFT = "#cfe3fa"
AVATAR_COLOURS = ["#8e4b10", "#1f6f43", "#6b3fa0", "#9b2c55", "#005f73", "#5c5c00"]
MARGIN = 72
MAX_PEOPLE = 4
# More characters than any card can show: the layout never measures more, so
# its time does not grow with the length of a title.
MAX_CHARACTERS = 400


@dataclass(frozen=True)
class Person:
    name: str
    initials: str
    avatar: str | None = None  # a raster image file, or None for initials


@dataclass(frozen=True)
class Card:
    title: str
    kicker: str = ""
    when: str = ""
    people: tuple = field(default_factory=tuple)  # of Person
    site: str = ""

    @property
    def alt(self):
        """The text of the card, for og:image:alt."""
        parts = [self.kicker, self.title, self.when]
        if self.people:
            parts.append("Con " + ", ".join(person.name for person in self.people))
        return ". ".join(part for part in parts if part)


def card_key(card):
    """A hash of everything the card shows, avatars' bytes and fonts included."""
    digest = hashlib.sha256()
    digest.update(STYLE.encode())
    digest.update(_fonts_digest())
    digest.update(json.dumps(asdict(card), sort_keys=True).encode())
    for path in (p.avatar for p in card.people if p.avatar):
        digest.update(file_digest(path))
    return digest.hexdigest()[:24]


@functools.cache
def _fonts_digest():
    """The fonts travel with the package: read once per process."""
    return file_digest(REGULAR) + file_digest(BOLD)


def file_digest(path):
    """The sha256 of a file's bytes (an avatar, a font)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).digest()
    except OSError:
        return b"missing"


class CardStore:
    """The cards a build shows, prepared from the content before any page is
    written: drawn into ``cache`` once, copied into the build."""

    def __init__(self, cache):
        self.cache = Path(cache)
        self.wanted = {}  # {key: card}
        self.drawn = []  # keys drawn by the last ``write``

    def key(self, card):
        """The card's file name without .png: a hash of what it shows."""
        return card_key(card)

    def prepare(self, card):
        """Draw ``card`` with the build (once); its key."""
        key = card_key(card)
        self.wanted.setdefault(key, card)
        return key

    def write(self, folder):
        """Write every prepared card into ``folder``; draw only the new ones."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.cache.mkdir(parents=True, exist_ok=True)
        missing = [
            (key, card)
            for key, card in sorted(self.wanted.items())
            if not (self.cache / f"{key}.png").is_file()
        ]
        shown = missing
        if len(missing) >= SHOWN_FROM:  # a cold build: say how far it is
            shown = track(missing, "cards", describe=_first)
        for key, card in shown:
            _save_whole(encode(card), self.cache / f"{key}.png")
        self.drawn = [key for key, _card in missing]
        for key in sorted(self.wanted):
            _link_or_copy(self.cache / f"{key}.png", folder / f"{key}.png")
        logger.info(
            "sharing: %d cards, %d drawn, %d from %s",
            len(self.wanted),
            len(self.drawn),
            len(self.wanted) - len(self.drawn),
            self.cache,
        )


def encode(card):
    """The card as PNG bytes.

    Cards are flat colours and text: a palette keeps them sharp at about a
    third of the size, and is faster to compress than full colour. Without a
    photo on it, a card holds only the theme's colours and the blends of its
    anti-aliased edges, so it is mapped onto that fixed palette (a lookup,
    eight times faster than choosing one per card); a photo avatar gets an
    adaptive palette of 256 colours.
    """
    image = draw(card)
    if any(person.avatar for person in card.people):
        image = image.quantize(
            256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    else:
        image = image.quantize(palette=_theme_palette(), dither=Image.Dither.NONE)
    stream = io.BytesIO()
    image.save(stream, "PNG")
    return stream.getvalue()


BLENDS = 11  # shades between two colours that meet on a card (text, circles)


@functools.cache
def _theme_palette():
    """A palette image of the card's colours and the shades between each
    background and what is drawn on it: 229 colours."""
    grounds = [BACKGROUND, *AVATAR_COLOURS]
    pairs = [(g, ink) for g in grounds for ink in (FOREGROUND, SOFT)]
    pairs += [(BACKGROUND, colour) for colour in AVATAR_COLOURS]
    colours = [ImageColor.getrgb(c) for c in (*grounds, FOREGROUND, SOFT)]
    for start, end in pairs:
        a, b = ImageColor.getrgb(start), ImageColor.getrgb(end)
        for step in range(1, BLENDS + 1):
            t = step / (BLENDS + 1)
            blend = zip(a, b, strict=True)
            colours.append(tuple(round(x + (y - x) * t) for x, y in blend))
    colours = list(dict.fromkeys(colours))
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in colours for v in colour])
    return palette


# From this many cards to draw, the build shows its progress (eroi.tools.progress).
SHOWN_FROM = 50


def _first(pair):
    return pair[0]


def _link_or_copy(source, target):
    """A hard link to the cached card (no bytes copied), or a copy across
    file systems. The cache replaces a file by renaming, never in place, so a
    published link never changes under the site."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _save_whole(data, target):
    """Write under a temporary name, then rename: never half a card."""
    handle, partial = tempfile.mkstemp(suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


# Drawing ------------------------------------------------------------------------


@functools.cache
def _font(path, size):
    return ImageFont.truetype(str(path), size)


def draw(card):
    """The card as an RGB image of WIDTH×HEIGHT."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    pen.rectangle((0, HEIGHT - 14, WIDTH, HEIGHT), fill=SOFT)
    y = MARGIN - 10
    if card.site:
        pen.text((MARGIN, y), card.site, font=_font(BOLD, 30), fill=SOFT)
        y += 56
    if card.kicker:
        kicker = _clip(_bounded(card.kicker.upper()), _font(BOLD, 28), inner)
        pen.text((MARGIN, y), kicker, font=_font(BOLD, 28), fill=SOFT)
        y += 50
    when_font = _font(REGULAR, 32)
    when = _clip_lines(
        _wrap(_bounded(card.when), when_font, inner), 2, when_font, inner
    )
    bottom = HEIGHT - MARGIN - (84 + 24 if card.people else 0)
    room = bottom - y - (14 + 42 * len(when) if card.when else 0)
    size, lines = _fit_title(_bounded(card.title), inner, room)
    title_font = _font(BOLD, size)
    for line in lines:
        pen.text((MARGIN, y), line, font=title_font, fill=FOREGROUND)
        y += int(size * 1.2)
    if card.when:
        y += 14
        for line in when:
            pen.text((MARGIN, y), line, font=when_font, fill=FOREGROUND)
            y += 42
    if card.people:
        _draw_people(image, pen, card.people, HEIGHT - MARGIN - 84)
    return image


def _bounded(text):
    """At most MAX_CHARACTERS of ``text`` (a "…" marks the cut)."""
    return text if len(text) <= MAX_CHARACTERS else text[:MAX_CHARACTERS] + "…"


def _fit_title(title, width, height):
    """The biggest size (64 → 40 px) at which the title fits; else cut with "…"."""
    for size in (64, 56, 50, 44, 40):
        lines = _wrap(title, _font(BOLD, size), width)
        if len(lines) * int(size * 1.2) <= height:
            return size, lines
    fitting = max(1, height // int(size * 1.2))
    return size, _clip_lines(lines, fitting, _font(BOLD, size), width)


def _clip_lines(lines, count, font, width):
    """At most ``count`` lines; the last one ends with "…" when text was left out."""
    if len(lines) <= count:
        return lines
    return [*lines[: count - 1], _ellipsis(lines[count - 1], font, width)]


def _clip(text, font, width):
    return text if font.getlength(text) <= width else _ellipsis(text, font, width)


def _wrap(text, font, width):
    """Greedy word wrap; a word longer than the line is cut where it must be."""
    lines, line = [], ""
    for word in " ".join(text.split()).split(" "):
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while font.getlength(word) > width:
            cut = max(1, _fitting(word, font, width))
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _fitting(text, font, width):
    """How many leading characters of ``text`` fit in ``width``."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _ellipsis(line, font, width):
    return line[: _fitting(line, font, width - font.getlength("…"))].rstrip() + "…"


def _draw_people(image, pen, people, top):
    size, x = 84, MARGIN
    name_font = _font(REGULAR, 28)
    shown = people[:MAX_PEOPLE]
    more = len(people) - len(shown)
    row = WIDTH - 2 * MARGIN - (80 if more else 0)
    room = row // len(shown) - size - 36
    for person in shown:
        picture, mask = _avatar(person, size)
        image.paste(picture, (x, top), mask)
        pen.text(
            (x + size + 16, top + size // 2),
            _clip(_bounded(person.name), name_font, room),
            font=name_font,
            fill=FOREGROUND,
            anchor="lm",
        )
        x += size + 36 + room
    if more:
        pen.text(
            (WIDTH - MARGIN, top + size // 2),
            f"+{more}",
            font=name_font,
            fill=SOFT,
            anchor="rm",
        )


def _avatar(person, size):
    """(picture, mask) of a round avatar: the image, else the initials on a colour."""
    mask = Image.new("L", (size * 4, size * 4), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, size * 4 - 1, size * 4 - 1), fill=255)
    mask = mask.resize((size, size), Image.Resampling.LANCZOS)
    picture = None
    if person.avatar:
        try:
            with Image.open(person.avatar) as source:
                picture = ImageOps.fit(source.convert("RGB"), (size, size))
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            # SVG, unreadable or too large to decode: initials
            logger.debug("sharing: avatar %s drawn as initials: %s", person.avatar, exc)
    if picture is None:
        colour = AVATAR_COLOURS[zlib.crc32(person.name.encode()) % len(AVATAR_COLOURS)]
        picture = Image.new("RGB", (size, size), colour)
        ImageDraw.Draw(picture).text(
            (size / 2, size / 2),
            person.initials,
            font=_font(BOLD, 32),
            fill=FOREGROUND,
            anchor="mm",
        )
    return picture, mask

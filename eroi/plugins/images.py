"""Photos made for the web: what content/ holds is never published as it is.

Every JPEG, PNG and still WebP the site publishes is written again into the
output (``finalized``, over Pelican's own copy): turned upright by its EXIF
orientation, at most IMAGE_MAX_SIDE pixels on its longer side, with no
metadata (EXIF, GPS, XMP, comments) but its ICC colour profile; beside it,
``<name>.<width>.webp`` for each of IMAGE_WIDTHS narrower than it and one at
its own width, if a body shows it (avatars and thumbnails are shown by the
templates, at one size). GIF, AVIF, SVG and animated images are published
as they are.

The HTML policy (boundary/html.py) asks ``Pictures.get`` at read time, from
the file's header only, what a ``{static}`` picture will be: its published
size, for ``width``/``height``, and its WebP widths, for a ``<picture>``.

Making them costs seconds per photo, so each is made once into IMAGE_CACHE,
keyed by the source's bytes and the recipe, and copied from there into
every build (copied, not linked: Pelican copies over its own files).
"""

import hashlib
import io
import logging
import os
import posixpath
import re
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from pelican import signals
from PIL import Image, ImageOps

from eroi import run
from eroi.settings import Derived, declare

logger = logging.getLogger(__name__)

DEFAULTS = {
    "IMAGE_MAX_SIDE": 2000,
    # The WebP widths offered to browsers (besides the picture's own width).
    "IMAGE_WIDTHS": (640, 1280),
    # How wide a picture of a body is shown: main's --measure (42rem, its
    # 1rem paddings included) in site.css.
    "IMAGE_SIZES": "(min-width: 42rem) 40rem, calc(100vw - 2rem)",
    "IMAGE_CACHE": Derived(lambda s: os.path.join(s["CACHE_PATH"], "immagini")),
}
# Extension -> the format written again (the fallback keeps its format).
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
QUALITY = {"JPEG": 82, "WEBP": 80}
RECIPE = b"1"  # change it when make() changes: every picture is made again
ORIENTATION = 0x0112
SWAPS = (5, 6, 7, 8)  # orientations that turn the picture a quarter
VARIANT = ".{width}.webp"  # after the picture's own name: foto.jpg.640.webp
FILES, PICTURES = f"{__name__}.files", f"{__name__}.pictures"  # run state
# An <img> tag's loading="lazy" (the policy writes tags; text has no "<img").
FIRST_LAZY = re.compile(r'(<img\b[^>]*?) loading="lazy"')


@dataclass(frozen=True)
class Picture:
    """A published picture: its size, and its WebP widths (the last its own)."""

    width: int
    height: int
    widths: tuple

    def srcset(self, url):
        """The WebP widths of the picture at ``url``, for a <source>."""
        return ", ".join(f"{url}{VARIANT.format(width=w)} {w}w" for w in self.widths)


def fitted(size, longest):
    """``size`` scaled down so that its longer side is at most ``longest``."""
    width, height = size
    scale = min(1, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def picture(path, settings):
    """The Picture the build publishes for the file at ``path`` (its header
    read only), or None for a file published as it is."""
    if Path(path).suffix.lower() not in FORMATS:
        return None
    try:
        # As the boundary reads it: a phone's JPEG with a second picture in
        # it (MPO: depth, HDR) is its first picture.
        with Image.open(path, formats=[FORMATS[Path(path).suffix.lower()]]) as image:
            if getattr(image, "is_animated", False) and image.format != "MPO":
                return None
            size = image.size
            if image.getexif().get(ORIENTATION) in SWAPS:
                size = size[::-1]
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    width, height = fitted(size, settings["IMAGE_MAX_SIDE"])
    widths = [w for w in sorted(settings["IMAGE_WIDTHS"]) if w < width]
    return Picture(width, height, (*widths, width))


def published_size(path, settings):
    """``(width, height)`` of the file at ``path`` as the site publishes it
    (resized, upright), or None if Pillow cannot read it."""
    shown = picture(path, settings) if "IMAGE_MAX_SIDE" in settings else None
    if shown:
        return shown.width, shown.height
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def make(path, shown):
    """``{suffix: bytes}`` of the picture at ``path`` as published (``""``:
    the fallback, ``".640.webp"``: a width), for its Picture ``shown``."""
    kind = FORMATS[Path(path).suffix.lower()]
    with Image.open(path, formats=[kind]) as source:
        icc = source.info.get("icc_profile")
        turned = source.getexif().get(ORIENTATION) in SWAPS
        wanted = (shown.height, shown.width) if turned else (shown.width, shown.height)
        source.draft(None, wanted)  # a JPEG decoded at 1/2, 1/4 ... of its size
        image = ImageOps.exif_transpose(source)
    # The profile of an RGB picture fits its WebP widths (not a CMYK's, a grey's).
    rgb_profile = icc if image.mode in ("RGB", "RGBA", "P", "PA") else None
    if image.size != (shown.width, shown.height):
        if image.mode not in ("RGB", "RGBA", "L", "LA"):  # a palette, CMYK ...
            image, icc = full_colour(image), rgb_profile
        image = image.resize((shown.width, shown.height), Image.Resampling.LANCZOS)
    made = {"": encode(image, kind, icc)}
    image = full_colour(image)
    for width in shown.widths:
        height = max(1, round(shown.height * width / shown.width))
        smaller = image.resize((width, height), Image.Resampling.LANCZOS)
        made[VARIANT.format(width=width)] = encode(smaller, "WEBP", rgb_profile)
    return made


def full_colour(image):
    """``image`` in RGB, or RGBA if it has transparency."""
    mode = "RGBA" if image.has_transparency_data else "RGB"
    return image if image.mode == mode else image.convert(mode)


def encode(image, kind, icc):
    """``image`` as ``kind`` bytes with no metadata but the colour profile."""
    # Pillow writes the comment, XMP or EXIF it finds in info: keep only a
    # palette's transparent colour.
    image.info = {k: v for k, v in image.info.items() if k == "transparency"}
    stream = io.BytesIO()
    options = {"icc_profile": icc} if icc else {}
    if kind in QUALITY:
        options["quality"] = QUALITY[kind]
    if kind == "JPEG":
        options.update(optimize=True, progressive=True)
    image.save(stream, kind, **options)
    return stream.getvalue()


class Pictures:
    """The published pictures of one build, for the HTML policy."""

    def __init__(self, settings):
        self.settings = settings
        self.content = Path(settings["PATH"])
        # Where {static} points: Pelican's link, whatever page shows it.
        # Relative URLs differ by page, so a srcset is written from the root.
        base = "" if settings["RELATIVE_URLS"] else settings["SITEURL"] or ""
        self.base = base.rstrip("/")
        self.sizes = settings["IMAGE_SIZES"]
        self.known = {}

    def get(self, relative):
        """``(Picture, its URL)`` for the file ``relative`` to content/, or None."""
        relative = posixpath.normpath(relative)
        if relative not in self.known:
            path = self.content / relative
            inside = not relative.startswith("..") and path.is_file()
            found = picture(path, self.settings) if inside else None
            url = quote(self.settings["STATIC_URL"].format(path=relative))
            self.known[relative] = found and (found, f"{self.base}/{url}")
        return self.known[relative]


def pictures_of(settings):
    """The run's Pictures (one per run: a file's header is read once)."""
    state = run.current(settings).state
    if PICTURES not in state:
        state[PICTURES] = Pictures(settings)
    return state[PICTURES]


def keep_files(generator):
    """static_generator_finalized: the files the build publishes as they are
    (the same list the boundary may yet shorten: drafts only)."""
    run.current(generator.settings).state[FILES] = generator.staticfiles


def write_pictures(pelican):
    """finalized: each picture as published, from the cache (made once)."""
    settings, output = pelican.settings, Path(pelican.output_path)
    cache = Path(settings["IMAGE_CACHE"])
    in_bodies = pictures_of(settings).known
    made = found = 0
    for static in run.current(settings).state.get(FILES, ()):
        shown = picture(static.source_path, settings)
        if shown is None:
            continue
        if not in_bodies.get(static.relative_source_path):  # an avatar ...
            shown = replace(shown, widths=())  # shown by templates: no widths
        data = Path(static.source_path).read_bytes()
        recipe = RECIPE + str(settings["IMAGE_MAX_SIDE"]).encode()
        key = hashlib.sha256(recipe + data).hexdigest()[:32]
        suffixes = ["", *(VARIANT.format(width=w) for w in shown.widths)]
        ext = Path(static.save_as).suffix
        cached = {s: cache / f"{key}{s or ext}" for s in suffixes}
        if all(path.is_file() for path in cached.values()):
            found += 1
        else:
            cache.mkdir(parents=True, exist_ok=True)
            for suffix, image in make(static.source_path, shown).items():
                save_whole(image, cached[suffix])
            made += 1
        for suffix, path in cached.items():
            shutil.copyfile(path, output / f"{static.save_as}{suffix}")
    if made or found:
        logger.info("images: %d made, %d from %s", made, found, cache)


def save_whole(data, target):
    """Write under a temporary name, then rename: never half a picture."""
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, target)


def eager_first(body):
    """Template filter for a page's own body (article.html, page.html): its
    first picture loads at once, as it may be the page's largest paint; the
    policy made every body picture lazy, as summaries and bios show them
    too."""
    return FIRST_LAZY.sub(r"\1", str(body), count=1)


def add_filter(generator):
    generator.env.filters["eager_first"] = eager_first


def register():
    declare(__name__, DEFAULTS, ("IMAGE_",))
    signals.generator_init.connect(add_filter)
    signals.static_generator_finalized.connect(keep_files)
    signals.finalized.connect(write_pictures)

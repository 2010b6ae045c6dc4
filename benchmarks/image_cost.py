"""What photos made for the web cost (eroi.plugins.images), and what they save.

One run prints, side by side, for the small project of the tests with one
article showing N phone photos (tests/synthetic.py camera_photo: 24
megapixels, about 17 MB each):

- the development build without the images plugin (photos published as they
  are), with it from an empty picture cache (cold), then again with that
  cache (warm);
- the bytes in content/, the bytes published, and what a phone at 320 px
  (the 640 px WebP) and a desktop (the picture's own width in WebP) load.

Not a test: it asserts nothing.

    .venv/bin/python -m benchmarks.image_cost [--photos 5]
"""

import argparse
import contextlib
import logging
import tempfile
import time
from pathlib import Path

from eroi.tools import runner
from tests.helpers import place, write_small_project
from tests.synthetic import camera_photo

PLUGINS = runner.load_settings("pelicanconf.py")["PLUGINS"]


def build(project, output, cache, **overrides):
    started = time.perf_counter()
    runner.build(
        "pelicanconf.py",
        PATH=str(project / "content"),
        OUTPUT_PATH=str(output),
        IMAGE_CACHE=str(cache),
        SHARE_CARDS_CACHE=str(project / "cards"),
        SEARCH_INDEX=False,
        **overrides,
    )
    return time.perf_counter() - started


def weight(paths):
    return sum(p.stat().st_size for p in paths)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=5)
    count = parser.parse_args().photos
    logging.getLogger().setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        write_small_project(project)
        photo = camera_photo()
        names = [f"images/foto-{n}.jpg" for n in range(count)]
        body = "\n\n".join(
            f"![Foto {n}]({{static}}/{name})" for n, name in enumerate(names)
        )
        place(project, {name: photo for name in names})
        place(
            project, {"articles/foto.md": f"Title: Foto\nDate: 2024-01-01\n\n{body}\n"}
        )
        cache = project / "immagini"
        without = [p for p in PLUGINS if p != "eroi.plugins.images"]
        with contextlib.redirect_stdout(None):
            plain = build(project, project / "plain", cache, PLUGINS=without)
            cold = build(project, project / "cold", cache)
            warm = build(project, project / "warm", cache)
        out = project / "warm"
        published = weight(out / name for name in names)
        variants = weight(p for name in names for p in out.glob(f"{name}.*.webp"))
        phone = weight(out / f"{name}.640.webp" for name in names)
        desktop = weight(out / f"{name}.1333.webp" for name in names)
        print(f"{count} photos of {len(photo) / 2**20:.1f} MB, development build:")
        print(f"{'':30}{'seconds':>9}")
        print(f"{'without the images plugin':30}{plain:9.2f}")
        print(f"{'with it, cold cache':30}{cold:9.2f}")
        print(f"{'with it, warm cache':30}{warm:9.2f}")
        print(f"per photo, cold: {(cold - plain) / count:.2f} s")
        print(f"content/: {count * len(photo) / 2**20:.1f} MB")
        print(
            f"published: {published / 2**20:.2f} MB fallbacks (JPEG, 1333×2000), "
            f"{variants / 2**20:.2f} MB WebP widths"
        )
        print(
            f"a reader loads per photo: {phone / count / 1024:.0f} KB on a phone "
            f"(640 px WebP), {desktop / count / 1024:.0f} KB on a desktop "
            f"(1333 px WebP), instead of {len(photo) / 2**20:.1f} MB"
        )


if __name__ == "__main__":
    main()

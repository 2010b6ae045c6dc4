"""Files under content/: never through a link, published only as what they say.

- ``scan_links``: every symbolic link and special file (FIFO, device, socket)
  under content/, each a problem, and every HTML file outside the folders of
  pages and posts; nothing follows them (``walk_without_links``).
- ``static_problems``: a file the site would publish as it is (content/images/,
  ``{static}`` and ``{attach}`` targets, ``Avatar:``) must be a raster image
  whose bytes are of the kind its extension says, within size and pixel
  limits, or an SVG drawing within the inert subset of svg.py.
"""

import fnmatch
import io
import os
import re
import stat
import unicodedata
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from eroi.messages import N_, _
from eroi.plugins.boundary.svg import svg_problems
from eroi.problems import Problem, shown_path

# Extension -> the Pillow format its bytes must have.
RASTER = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".gif": "GIF",
    ".webp": "WEBP",
    ".avif": "AVIF",
}
PUBLISHED = (*RASTER, ".svg")
MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 7 700×5 200 photo; a phone's is about 12 MP
KINDS_HINT = N_(
    "the site publishes images only: .jpg, .png, .gif, .webp, .avif, or an "
    ".svg without scripts or links; link anything else from its own site"
)
LINK_HINT = N_(
    "copy the file itself into content/: the site never follows a link, so "
    "nothing outside content/ can be published"
)


def file_problem(path, message, hint):
    return Problem(shown_path(path), 1, "file", message, hint)


HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".xht", ".shtml")


def scan_links(root, reader_folders=()):
    """A problem for every symbolic link and special file under ``root``, and
    for every HTML file outside ``reader_folders`` (where it is a page)."""
    found, seen = [], {}
    readers = tuple(os.path.join(root, f.strip("/")) + os.sep for f in reader_folders)
    for folder, dirs, files in os.walk(root):  # never descends into a link
        for name in sorted(dirs + files):
            path = os.path.join(folder, name)
            other = seen.setdefault(same(path), path)
            if other != path:
                found += [twin(path, other), twin(other, path)]
            wrong = not_plain(path, must_be_file=name in files) or odd_name(path)
            if wrong is None and name in files:
                if is_stray_html(path, readers):
                    wrong = stray_html(path)
                else:
                    wrong = unread(path, root, readers)
            if wrong:
                found.append(wrong)
    return found


def same(path):
    """A path as a case-insensitive file system (macOS, Windows, many web
    hosts) sees it: letter case and Unicode normalisation (NFC, NFD) aside."""
    return unicodedata.normalize("NFC", os.path.normpath(path)).casefold()


def twin(path, other):
    return file_problem(
        path,
        _("has the name of {other} but for letter case or accents").format(
            other=shown_path(other)
        ),
        _(
            "rename one of them: on macOS, Windows and many web hosts the two "
            "are one file, and one would overwrite the other"
        ),
    )


# Characters a file's URL cannot carry as written (quotes and angle brackets
# would end the attribute that links it).
ODD_NAME = re.compile(r"[\"'<>&%?#\\\x00-\x1f\x7f]")


def odd_name(path):
    """A problem if the name of ``path`` cannot be written in a URL as it is."""
    name = os.path.basename(path)
    if ODD_NAME.search(name):
        return file_problem(
            path,
            _(
                "has a name with characters a link cannot carry (quotes, <, >, "
                "&, %, ?, #, \\ or control characters)"
            ),
            _("rename it with letters, digits, '-', '_' and '.'"),
        )
    return None


READ = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
CAPTIONS = (".vtt", ".srt")


def unread(path, root, reader_folders):
    """A problem for a file the writer meant as content that no reader reads:
    a content extension outside the readers' folders, a capitalised one, or a
    file in those folders that is neither content nor an image."""
    suffix = os.path.splitext(path)[1]
    if not path.startswith(reader_folders):
        if suffix.lower() in READ:
            return file_problem(
                path,
                _("is outside the folders the site reads, so it is not published"),
                _("move it to content/articles/, pages/, talks/ or speakers/"),
            )
        return None
    if suffix in READ or suffix.lower() in (*PUBLISHED, *CAPTIONS):
        return None
    if suffix.lower() in READ:
        return file_problem(
            path,
            _("is not read: its extension {suffix} must be lower case").format(
                suffix=suffix
            ),
            _("rename it to {name}").format(
                name=os.path.basename(path)[: -len(suffix)] + suffix.lower()
            ),
        )
    return file_problem(
        path,
        _("is neither content nor an image, so it is not published"),
        _("write it as .md, .rst or .html, or move it out of content/"),
    )


def stray_html(path):
    return file_problem(
        path,
        _("is an HTML file outside the folders of pages"),
        _(
            "write it as a page in content/pages/ (Markdown or HTML): a file "
            "copied as it is could run a script on the site"
        ),
    )


def is_stray_html(path, reader_folders):
    return path.lower().endswith(HTML_SUFFIXES) and not path.startswith(reader_folders)


def not_plain(path, must_be_file=True):
    """A problem if ``path`` is a symbolic link, or not a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return file_problem(
            path,
            _("cannot be read: {reason}").format(reason=exc.strerror),
            _("check the file"),
        )
    if stat.S_ISLNK(mode):
        return file_problem(path, _("is a symbolic link"), _(LINK_HINT))
    if must_be_file and not stat.S_ISREG(mode):
        return file_problem(
            path, _("is not a regular file"), _("replace it with an ordinary file")
        )
    return None


def plain_file(path):
    """True for a regular file that is not a link."""
    return not_plain(path) is None


def linked_on_the_way(path, root):
    """A problem if ``path`` or a folder between ``root`` and it is a link."""
    root = os.path.abspath(root)
    path = os.path.abspath(path)
    relative = os.path.relpath(path, root)
    if relative == os.curdir or relative.startswith(os.pardir):
        return file_problem(path, _("is outside content/"), _(LINK_HINT))
    current = root
    parts = Path(relative).parts
    for n, part in enumerate(parts, start=1):
        current = os.path.join(current, part)
        wrong = not_plain(current, must_be_file=n == len(parts))
        if wrong:
            return wrong
    return None


def static_problems(path, root):
    """Why the file at ``path`` may not be published as it is (``[]``: it may)."""
    wrong = linked_on_the_way(path, root)
    if wrong:
        return [wrong]
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:  # the same line as the scan's: printed once
        return [stray_html(path)]
    if suffix not in PUBLISHED:
        message = (
            _("{suffix} files are not published").format(suffix=suffix)
            if suffix
            else _("a file without extension is not published")
        )
        return [file_problem(path, message, _(KINDS_HINT))]
    size = os.path.getsize(path)
    if size > MAX_BYTES:
        return [
            file_problem(
                path,
                _("is {size} MB, more than the 20 MB allowed").format(
                    size=size // (1024 * 1024)
                ),
                _("make it smaller (e.g. a JPEG of at most 2000 pixels a side)"),
            )
        ]
    if suffix == ".svg":
        return svg_problems(path)
    return raster_problems(path, RASTER[suffix])


def raster_problems(path, expected):
    """The file must decode as ``expected`` (a Pillow format) within MAX_PIXELS."""
    try:
        with Image.open(path, formats=[expected]) as image:
            width, height = image.size
    except Image.DecompressionBombError:  # far beyond MAX_PIXELS: not even opened
        return [
            file_problem(
                path,
                _("is larger than the {limit} megapixels allowed").format(
                    limit=MAX_PIXELS // 1_000_000
                ),
                _("scale it down, e.g. to 2000 pixels on the longer side"),
            )
        ]
    except (UnidentifiedImageError, OSError):
        return [
            file_problem(
                path,
                _("is not a {format} image, whatever its name says").format(
                    format=expected
                ),
                _("export it again as a real image file with the right extension"),
            )
        ]
    if width * height > MAX_PIXELS:
        return [
            file_problem(
                path,
                _(
                    "is {width}×{height} pixels, more than the {limit} megapixels "
                    "allowed"
                ).format(width=width, height=height, limit=MAX_PIXELS // 1_000_000),
                _("scale it down, e.g. to 2000 pixels on the longer side"),
            )
        ]
    return []


def image_bytes_kind(data):
    """The extension for ``data`` if it is an allowed raster image, else None.

    For downloads: the bytes decide, whatever the server said. The image is
    decoded whole, so a file cut short is refused.
    """
    try:
        with Image.open(io.BytesIO(data), formats=sorted(set(RASTER.values()))) as im:
            if im.width * im.height > MAX_PIXELS:
                return None
            im.load()
            kind = im.format
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        return None
    return next(suffix for suffix, name in RASTER.items() if name == kind)


def walk_without_links(generator, paths, exclude=None, extensions=None):
    """Pelican's ``Generator.get_files``, except that no link is ever followed.

    Links and special files (a FIFO would block its reader) are left out
    (``scan_links`` reports them); everything else is as in Pelican 4.12:
    ``exclude`` folders, IGNORE_FILES, ``extensions`` (None: the readers',
    False: any).
    """
    if isinstance(paths, str):
        paths = [paths]
    if extensions is None:
        extensions = tuple(generator.readers.extensions)
    ignores = generator.settings["IGNORE_FILES"]

    def wanted(name):
        if any(fnmatch.fnmatch(name, pattern) for pattern in ignores):
            return False
        return extensions is False or os.path.splitext(name)[1][1:] in extensions

    excluded = {}
    for name in exclude or []:
        parent, folder = os.path.split(os.path.join(generator.path, name))
        excluded.setdefault(parent, set()).add(folder)
    files = set()
    for path in paths:
        root = os.path.join(generator.path, path) if path else generator.path
        if os.path.islink(root):
            continue
        if os.path.isdir(root):
            for folder, dirs, names in os.walk(root, followlinks=False):
                dirs[:] = [
                    d
                    for d in dirs
                    if d not in excluded.get(folder, ())
                    and not any(fnmatch.fnmatch(d, pattern) for pattern in ignores)
                    and not os.path.islink(os.path.join(folder, d))
                ]
                relative = os.path.relpath(folder, generator.path)
                for name in names:
                    if wanted(name) and plain_file(os.path.join(folder, name)):
                        files.add(os.path.join(relative, name))
        elif os.path.exists(root) and wanted(os.path.basename(path)):
            files.add(path)
    return files

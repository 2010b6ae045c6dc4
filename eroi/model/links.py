"""Links and file paths written by people: http(s) or the site's own, inside content/.

Pure functions shared by every check of a field or body that becomes a link
(Slides, Discussion, Website, Community, links in content) or a file (Avatar,
``{static}`` images): ``link_problem`` and ``path_problem`` return what is
wrong as ``(message, hint)``, or None.
"""

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from eroi.messages import N_, _

INTRASITE = re.compile(r"^[{|](?P<what>filename|static|attach)[}|](?P<target>.*)$")
LINK_HINT = N_(
    "write the full address, starting with https://, or a path on this site "
    "starting with /"
)
PATH_HINT = N_(
    "put the file in content/images/ and write its path, e.g. images/nome.jpg"
)


def link_problem(value, content_path, relative_dir="", must_exist=True):
    """Why ``value`` may not be a link on the site (``(message, hint)``), or None.

    Allowed: http(s) addresses with a host, paths on the site (``/...``),
    ``{filename}``/``{static}`` references to files inside content/.
    """
    text = str(value).strip()
    if INTRASITE.match(text):
        return reference_problem(text, content_path, relative_dir, must_exist)
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. "http://[x": no valid address
        return _("'{link}' is not a link").format(link=shorten(text)), _(LINK_HINT)
    if parts.scheme in ("http", "https") and parts.hostname:
        return None
    if text.startswith("/") and not text.startswith("//"):
        return None
    return _("'{link}' is not a link").format(link=shorten(text)), _(LINK_HINT)


def reference_problem(text, content_path, relative_dir="", must_exist=True):
    """``{static}``/``{filename}`` targets must stay inside content/ (and exist)."""
    target = unquote(INTRASITE.match(text)["target"].split("?")[0].split("#")[0])
    if target.startswith("/"):
        target = target.lstrip("/")
    else:
        target = str(Path(relative_dir, target))
    return path_problem(target, content_path, must_exist=must_exist)


def path_problem(path, content_path, relative_to="", must_exist=True):
    """Why ``path`` (relative to content/) is not a file inside content/, or None."""
    text = str(path).strip()
    if "\x00" in text:
        return _("'{path}' is not a file name").format(path=shorten(text)), _(PATH_HINT)
    if re.match(r"^[A-Za-z][\w+.-]*:", text) or text.startswith("//"):
        return (
            _("'{path}' is on another site").format(path=shorten(text)),
            _(
                "download it into content/images/ (invoke fetch-media FILE) and "
                "write its path"
            ),
        )
    root = Path(content_path).resolve()
    target = (root / relative_to / text.lstrip("/")).resolve()
    if not target.is_relative_to(root):
        return _("'{path}' is outside content/").format(path=shorten(text)), _(
            PATH_HINT
        )
    if must_exist and not target.is_file():
        return _("file {path} not found in content/").format(path=shorten(text)), _(
            PATH_HINT
        )

    return None


def shorten(text, limit=80):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def intrasite_path(target, relative_dir):
    """The file (relative to content/) a ``{filename}``/``{static}`` link of a
    file in ``relative_dir`` names; None for any other link."""
    match = INTRASITE.match(target)
    if not match:
        return None
    path = unquote(urlsplit(match["target"]).path)
    if not path.startswith("/"):
        path = str(Path(relative_dir, path))
    return os.path.normpath(path.lstrip("/"))  # a/../b is b

"""Theme assets as readers download them: scripts and styles minified.

The theme's JavaScript and CSS are written for maintainers, with comments
that say why; readers need none of that. After Pelican has copied the
theme's static files into the output (``finalized``), each ``.js`` is
minified with rjsmin and each ``.css`` with rcssmin: comments and spacing
go, names and behaviour stay, so the page's scripts run as written (rjsmin
1.3 does not follow a template literal inside another's ``${...}``: the
theme has none, and tests/test_assets.py keeps it so). Every
budget of the theme (a script's gzip size, the first search's bytes) is
measured on these shipped files.

A file is replaced through a new file renamed over it: Pelican may have
hard-linked the copy to the theme's own file, which must not change.

Setting: THEME_ASSETS_MINIFY (default True).
"""

import logging
import os
from pathlib import Path

import rcssmin
import rjsmin
from pelican import signals

from eroi.settings import declare

logger = logging.getLogger(__name__)

DEFAULTS = {"THEME_ASSETS_MINIFY": True}
MINIFIERS = {
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=False),
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=False),
}


def minify_file(path):
    """Minify ``path`` in place if it is a script or a style; the bytes saved."""
    minify = MINIFIERS.get(path.suffix.lower())
    if minify is None or path.is_symlink():
        return 0
    source = path.read_text(encoding="utf-8")
    shipped = minify(source).strip() + "\n"
    if shipped == source:
        return 0
    fresh = path.with_name(f".{path.name}.min")
    fresh.write_text(shipped, encoding="utf-8")
    os.replace(fresh, path)
    return len(source.encode()) - len(shipped.encode())


def minify_theme(pelican):
    """finalized: minify every script and style of the theme's output folder."""
    settings = pelican.settings
    if not settings["THEME_ASSETS_MINIFY"]:
        return
    folder = Path(pelican.output_path) / settings["THEME_STATIC_DIR"]
    saved = sum(minify_file(path) for path in sorted(folder.rglob("*")))
    logger.info("Theme assets: %d bytes of comments and spacing left out", saved)


def register():
    declare(__name__, DEFAULTS, ("THEME_ASSETS_",))
    signals.finalized.connect(minify_theme)

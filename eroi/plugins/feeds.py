"""Feeds a browser shows as a page: every Atom feed names the theme's XSL.

A reader who opens a feed's link gets, instead of raw XML, an Italian page
(theme/static/feed.xsl): what a feed is and how to follow it, then its
entries as links. Feed readers ignore the stylesheet: the feed stays the
same valid Atom. Pelican's feeds and the talks' alike, on ``feed_written``;
the stylesheet's address is relative to the feed, so it holds wherever the
site is served.
"""

import os

from pelican import signals

STYLESHEET = "feed.xsl"  # in the theme's static folder


def add_stylesheet(path, context, feed):
    """feed_written: the xml-stylesheet instruction after the declaration."""
    output = context["OUTPUT_PATH"]
    sheet = os.path.join(output, context["THEME_STATIC_DIR"], STYLESHEET)
    href = os.path.relpath(sheet, os.path.dirname(path)).replace(os.sep, "/")
    with open(path, encoding="utf-8") as file:
        text = file.read()
    declaration, _, rest = text.partition("?>")
    instruction = f'<?xml-stylesheet type="text/xsl" href="{href}"?>'
    with open(path, "w", encoding="utf-8") as file:
        file.write(f"{declaration}?>\n{instruction}{rest}")


def register():
    signals.feed_written.connect(add_stylesheet)

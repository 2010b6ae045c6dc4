"""Videos that respect readers: nothing loads from YouTube before they press play.

- youtube.py: any YouTube id or URL form → video id + start time.
- facade.py: the one player markup (a link, made a button by js/video.js).
- embeds.py: the facade for a YouTube iframe in a content body (the
  boundary plugin's HTML policy calls it).
- thumbnails.py: local thumbnails, fetched once by `invoke fetch-thumbnails`.

Templates get ``video_facade(video_id, title, start, SITEURL)`` and
``video_thumbnail(video_id)``: the local thumbnail's path, or None.
"""

import functools
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from .facade import facade_html
from .thumbnails import thumbnail_path


def add_template_function(generator):
    content_path = generator.settings["PATH"]

    @functools.cache
    def video_thumbnail(video_id):
        """The thumbnail's path in the output (as in content/), or None."""
        if not video_id:
            return None
        thumbnail = thumbnail_path(video_id)
        return thumbnail if Path(content_path, thumbnail).is_file() else None

    def video_facade(video_id, title, start=0, siteurl="", lazy=False):
        thumbnail = video_thumbnail(video_id)
        url = f"{siteurl}/{thumbnail}" if thumbnail else None
        return Markup(
            facade_html(video_id, title, start=start, thumbnail=url, lazy=lazy)
        )

    generator.env.globals["video_facade"] = video_facade
    generator.env.globals["video_thumbnail"] = video_thumbnail


def register():
    signals.generator_init.connect(add_template_function)

"""Videos that respect readers: nothing loads from YouTube before they press play.

- youtube.py: any YouTube id or URL form → video id + start time.
- facade.py: the one player markup (a link, made a button by js/video.js).
- embeds.py: YouTube iframes in content bodies become that facade.
- thumbnails.py: local thumbnails, fetched once by `invoke fetch-thumbnails`.

Templates get ``video_facade(video_id, title, start, SITEURL)`` and
``video_thumbnail(video_id)``: the local thumbnail's path, or None.
"""

import functools
from pathlib import Path

from content_checks.problems import collector
from markupsafe import Markup
from pelican import signals

from .embeds import rewrite_embeds
from .facade import facade_html
from .thumbnails import thumbnail_path


def rewrite_content(content):
    """content_object_init: the embeds of every article, page and talk body."""
    if getattr(content, "_content", None) and content.source_path:
        content._content, problems = rewrite_embeds(
            content._content,
            content.settings["PATH"],
            content.source_path,
            getattr(content, "title", ""),
        )
        collector.add(content.source_path, problems)


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
    signals.content_object_init.connect(rewrite_content)
    signals.generator_init.connect(add_template_function)

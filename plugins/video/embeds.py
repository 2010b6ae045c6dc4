"""YouTube embeds in content bodies become the site's facade, at build time.

The content boundary's HTML policy (plugins/boundary/html.py) calls
``facade_for_frame`` for every ``<iframe>`` it meets in a body (pelican-youtube's
``.. youtube::`` directive in reStructuredText, or an iframe pasted into
Markdown or HTML): a YouTube one becomes the facade (facade.py), keeping its
start time and title; any other is refused there.
"""

from pathlib import Path

from .facade import facade_html
from .thumbnails import thumbnail_path
from .youtube import parse_youtube


def facade_for_frame(src, title, content_path):
    """The facade's HTML for an iframe's ``src``; ValueError if it is no video."""
    if src.startswith("//"):
        src = "https:" + src
    video_id, start = parse_youtube(src)
    thumbnail = thumbnail_path(video_id)
    return facade_html(
        video_id,
        title,
        start=start,
        # {static} links are resolved by Pelican, relative to each page.
        thumbnail=f"{{static}}/{thumbnail}"
        if Path(content_path, thumbnail).is_file()
        else None,
    )

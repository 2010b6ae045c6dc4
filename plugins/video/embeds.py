"""YouTube embeds in content bodies become the site's facade, at build time.

Every YouTube ``<iframe>`` in a content body (pelican-youtube's ``.. youtube::``
directive in reStructuredText, or an iframe pasted into Markdown or HTML) is
replaced with the facade (facade.py), keeping its start time and title. Only
fragments that mention YouTube are parsed.
"""

import logging
from pathlib import Path

from bs4 import BeautifulSoup

from .facade import facade_html
from .thumbnails import thumbnail_path
from .youtube import parse_youtube

logger = logging.getLogger(__name__)

FRAME_HOSTS = ("youtube.com/", "youtube-nocookie.com/", "youtu.be/")


def rewrite_embeds(html, content_path, source="", title=""):
    """Return ``html`` with each YouTube iframe replaced; ``html`` if it has none.

    An iframe without a ``title`` is named after the content (``title``).
    """
    if "youtu" not in html or "<iframe" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    frames = [
        frame
        for frame in soup.find_all("iframe", src=True)
        if any(host in frame["src"] for host in FRAME_HOSTS)
    ]
    for frame in frames:
        try:
            video_id, start = parse_youtube(frame["src"])
        except ValueError as exc:
            logger.warning("%s: iframe: %s (hint: embed a video's URL)", source, exc)
            continue
        thumbnail = thumbnail_path(video_id)
        facade = facade_html(
            video_id,
            frame.get("title") or title,
            start=start,
            # {static} links are resolved by Pelican, relative to each page.
            thumbnail=f"{{static}}/{thumbnail}"
            if Path(content_path, thumbnail).is_file()
            else None,
        )
        wrapper = frame.parent
        if wrapper is not None and "youtube" in (wrapper.get("class") or []):
            frame = wrapper  # pelican-youtube's <div class="youtube">
        frame.replace_with(BeautifulSoup(facade, "html.parser"))
    return str(soup) if frames else html

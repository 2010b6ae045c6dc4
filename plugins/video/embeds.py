"""YouTube iframes in content bodies, replaced at build time.

Every YouTube ``<iframe>`` in a content body (pelican-youtube's ``.. youtube::``
directive in reStructuredText, or an iframe pasted into Markdown or HTML) is
replaced with a link to the video that keeps its start time, so no page loads
a third-party frame. Only fragments that mention YouTube are parsed.
"""

import logging

from bs4 import BeautifulSoup

from .youtube import parse_youtube, watch_url

logger = logging.getLogger(__name__)

FRAME_HOSTS = ("youtube.com/", "youtube-nocookie.com/", "youtu.be/")


def rewrite_embeds(html, source=""):
    """Return ``html`` with each YouTube iframe replaced; ``html`` if it has none."""
    if "youtu" not in html:
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
            logger.warning(
                "%s: YouTube iframe: %s (hint: embed a video URL)", source, exc
            )
            continue
        link = soup.new_tag("a", href=watch_url(video_id, start))
        link.string = f"Guarda il video su YouTube: {frame.get('title') or video_id}"
        paragraph = soup.new_tag("p", attrs={"class": "video-link"})
        paragraph.append(link)
        wrapper = frame.parent
        if wrapper is not None and "youtube" in (wrapper.get("class") or []):
            wrapper.replace_with(paragraph)  # pelican-youtube's <div class="youtube">
        else:
            frame.replace_with(paragraph)
    return str(soup) if frames else html

"""YouTube embeds in content bodies become the site's facade, at build time.

Every YouTube ``<iframe>`` in a content body (pelican-youtube's ``.. youtube::``
directive in reStructuredText, or an iframe pasted into Markdown or HTML) is
replaced with the facade (facade.py), keeping its start time and title. Only
fragments that mention YouTube are parsed.
"""

from pathlib import Path

from bs4 import BeautifulSoup
from content_checks.problems import problem, text_line

from .facade import facade_html
from .thumbnails import thumbnail_path
from .youtube import parse_youtube

FRAME_HOSTS = ("youtube.com/", "youtube-nocookie.com/", "youtu.be/")


def rewrite_embeds(html, content_path, source="", title=""):
    """Return ``(html, problems)``: each YouTube iframe replaced by the facade.

    ``html`` is returned as it is when it has no YouTube iframe. An iframe
    without a ``title`` is named after the content (``title``); one that names
    no video is a problem of the file ``source``.
    """
    problems = []
    if "youtu" not in html or "<iframe" not in html:
        return html, problems
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
            problems.append(
                problem(
                    source,
                    "body",
                    f"<iframe> {exc}",
                    "paste the video's own embed code from YouTube",
                    line=text_line(source, frame["src"][:40]),
                )
            )
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
    return (str(soup) if frames else html), problems

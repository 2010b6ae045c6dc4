"""Videos that respect readers: nothing loads from YouTube before they press play.

The one player of the site is a facade: a plain link to the video on YouTube,
over a local thumbnail (content/images/thumbnails/, fetched once by `invoke
fetch-thumbnails`) or a drawn placeholder; theme/static/js/video.js turns it
into a real <button> that swaps in a youtube-nocookie.com iframe. Beside it,
"Guarda su YouTube" stays a plain link whatever happens to the player: where
youtube-nocookie.com is blocked, video.js says so there. The talk
template draws it with ``video_facade(video_id, title, start, SITEURL)``;
``video_thumbnail(video_id)`` is the local thumbnail's path, or None. A
YouTube iframe in a content body (pelican-youtube's ``.. youtube::``, or one
pasted into Markdown) becomes the same facade: the boundary's HTML policy
calls ``facade_for_frame``.
"""

import functools
from html import escape
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from eroi.model.youtube import parse_youtube, thumbnail_path, watch_url

THUMBNAIL_SIZE = (480, 360)  # YouTube's hqdefault.jpg


def facade_html(video_id, title, *, start=0, thumbnail=None, lazy=True):
    """HTML of the facade; ``thumbnail`` is the image URL, or None for a placeholder.

    The link's name (its aria-label, "Guarda il video su YouTube: <title>")
    holds its visible text in order (WCAG 2.5.3, axe-core's
    label-content-name-mismatch): the words "Guarda il video", " su YouTube",
    then the title that a drawn placeholder shows. So the picture comes after
    the words in the markup (the stylesheet lays the words over it), and the
    drawn title starts with a space: axe-core joins the texts of an element
    as they are, and "YouTubeTitolo" would be no word of the name.

    After the box, "Guarda su YouTube" (named "Guarda su YouTube: <title>")
    stays once the box holds the player; js/video.js writes there why the
    player did not load, if it did not. Its words are the same beside every
    video: not for the search.
    """
    title = escape(title or "video", quote=True)
    if thumbnail:
        width, height = THUMBNAIL_SIZE
        loading = ' loading="lazy"' if lazy else ""
        picture = (
            f'<img class="video-thumb" src="{escape(thumbnail, quote=True)}" alt="" '
            f'width="{width}" height="{height}"{loading} decoding="async">'
        )
    else:
        # The drawn title is in the name already: hidden, it is not read twice.
        picture = (
            '<span class="video-placeholder" aria-hidden="true">'
            f" <span>{title}</span></span>"
        )
    href = escape(watch_url(video_id, start), quote=True)
    start_attribute = f' data-start="{int(start)}"' if start else ""
    return (
        f'<div class="video" data-video-id="{video_id}"{start_attribute} '
        f'data-title="{title}">'
        f'<a class="video-link" href="{href}" '
        f'aria-label="Guarda il video su YouTube: {title}">'
        f'<span class="video-label">Guarda il video</span>'
        f'<span class="video-host"> su YouTube</span>{picture}</a></div>'
        f'<p class="video-elsewhere" data-pagefind-ignore><a href="{href}" '
        f'aria-label="Guarda su YouTube: {title}">Guarda su YouTube</a></p>'
    )


def facade_for_frame(src, title, content_path):
    """``(facade HTML, Video)`` for an iframe's ``src``; ValueError if it is no
    video."""
    if src.startswith("//"):
        src = "https:" + src
    video = parse_youtube(src)
    has_thumbnail = Path(content_path, video.thumbnail).is_file()
    html = facade_html(
        video.id,
        title,
        start=video.start,
        # {static} links are resolved by Pelican, relative to each page.
        thumbnail=f"{{static}}/{video.thumbnail}" if has_thumbnail else None,
    )
    return html, video


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

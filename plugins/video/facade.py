"""The one video player of the site: a facade that loads YouTube only on request.

The markup works without JavaScript (a plain link to the video on YouTube,
over a local thumbnail or a drawn placeholder); theme/static/js/video.js turns
the link into a real <button> that swaps in a youtube-nocookie.com iframe.
Used by the talk template and by the rewriting of embeds in content.
"""

from html import escape

from .youtube import watch_url

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
    )

"""URL slugs of a reasonable length, whatever the title.

A slug made from a title (articles, pages, talks; the scaffolds and the
playlist import use the same ``slug_for``) is cut at a word boundary to at
most MAX_SLUG characters, so a very long title still gives a URL and a file
name the system can write. A ``Slug:`` written by hand longer than that is
refused (eroi.model.parsers).
"""

from pelican.utils import slugify

# A URL part of at most this many characters: a file name stays well within
# 255 bytes. A made slug is cut at a word; a written one is refused beyond it.
MAX_SLUG = 80


def shorten(slug, limit=MAX_SLUG):
    """``slug`` cut at the last dash that keeps it within ``limit`` characters."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else ""
    return (cut or slug[:limit]).strip("-")


def slug_for(title, settings):
    """The slug Pelican makes of ``title``, within MAX_SLUG characters."""
    return shorten(
        slugify(
            title,
            regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        ),
    )

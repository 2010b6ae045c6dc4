"""URL slugs of a reasonable length, whatever the title.

A slug made from a title (articles, pages, talks; the scaffolds and the
playlist import use the same ``slug_for``) is cut at a word boundary to at
most SLUG_MAX_LENGTH characters, so a very long title still gives a URL and a
file name the system can write. A ``Slug:`` written by hand is left alone
(content_checks refuses one that is too long).
"""

from eroi.settings import declare
from pelican import signals
from pelican.utils import slugify

SLUG_MAX_LENGTH = 80


def shorten(slug, limit=SLUG_MAX_LENGTH):
    """``slug`` cut at the last dash that keeps it within ``limit`` characters."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else ""
    return (cut or slug[:limit]).strip("-")


def slug_for(title, settings):
    """The slug Pelican makes of ``title``, within SLUG_MAX_LENGTH."""
    return shorten(
        slugify(
            title,
            regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        ),
        settings.get("SLUG_MAX_LENGTH", SLUG_MAX_LENGTH),
    )


def shorten_slug(content):
    """content_object_init: a slug Pelican made from the title, shortened."""
    slug = getattr(content, "slug", None)
    if slug and "slug" not in content.metadata:
        content.slug = shorten(
            slug, content.settings.get("SLUG_MAX_LENGTH", SLUG_MAX_LENGTH)
        )


def register():
    declare(
        __name__,
        {"SLUG_MAX_LENGTH": SLUG_MAX_LENGTH},
        ("SLUG_",),
        also={"SLUG_REGEX_SUBSTITUTIONS"},
    )
    signals.content_object_init.connect(shorten_slug)

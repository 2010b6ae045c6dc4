"""Output paths belong to the site: a file's Slug and Lang, and no page over another.

``Save_as``, ``Url`` and ``Template`` are refused when a file is read
(readers.py); what is left that shapes an output path is checked here:

- a hand-written ``Slug:`` is one URL path segment that the site's own links
  reach: letters, digits, ``_`` and ``-``;
- ``Lang:`` is a language code (``it``, ``en``, ``en-GB``): it is a folder in
  the URL of a translation;
- once every file is read, no two of them are written to the same path, and
  none is written over a page of the site (home, search, playlist...) or into
  a folder the site writes whole (its theme, the search index, share cards).
"""

import os
import re

from eroi.content_checks.problems import field_line, problem, shown_path
from eroi.content_checks.reading import MAX_SLUG

SLUG = re.compile(r"^[A-Za-z0-9_-]+$")
LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
SEARCH_BUNDLE = "pagefind"
SLUG_HINT = "use letters, digits and dashes only, e.g. Slug: la-mia-serata"
# The lists of content objects a generator holds, and how to reach a speaker's.
CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
    "talks",
)


def field_problems(content, source):
    """Problems of the fields that shape ``content``'s output path."""
    found = []
    if "slug" in content.metadata:
        slug = str(content.metadata["slug"])
        if len(slug) > MAX_SLUG:
            found.append(
                problem(
                    source,
                    "slug",
                    f"is {len(slug)} characters long",
                    f"write a shorter one, at most {MAX_SLUG} characters",
                )
            )
        elif not SLUG.match(slug):
            found.append(
                problem(
                    source,
                    "slug",
                    f"'{slug[:60]}' is not a single part of a URL",
                    SLUG_HINT,
                )
            )
    lang = content.metadata.get("lang")
    if lang is not None and not LANG.match(str(lang)):
        found.append(
            problem(
                source,
                "lang",
                f"'{str(lang)[:40]}' is not a language code",
                "write it like it, en or en-GB",
            )
        )
    return found


def site_outputs(settings):
    """``({path: what}, [folder/, ...])``: the site's own pages, folders it owns."""
    pages = {}
    for name in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            pages[os.path.normpath(save_as)] = "/" + (
                settings.get(f"{name.upper()}_URL") or save_as
            )
    for key, value in settings.items():
        fixed = isinstance(value, str) and value and "{" not in value
        if key.endswith("_SAVE_AS") and fixed:
            url = settings.get(key.replace("_SAVE_AS", "_URL")) or value
            pages.setdefault(os.path.normpath(value), "/" + url)
    folders = [settings.get("THEME_STATIC_DIR", "theme"), SEARCH_BUNDLE]
    cards = settings.get("SHARE_CARD_URL")
    if cards:
        folders.append(cards.split("/", 1)[0])
    return pages, [folder.strip("/") + "/" for folder in folders if folder]


def content_outputs(generators):
    """``(save_as, source path)`` of every page that a content file makes."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, ()) or ():
                if getattr(content, "save_as", None):
                    yield content.save_as, content.source_path
        for speaker in getattr(generator, "registry", ()) or ():
            source = speaker.source
            if source is not None and speaker.save_as:
                yield speaker.save_as, source.source_path


def listing_outputs(generators):
    """``{path: URL}`` of the pages the site makes for tags, categories, authors."""
    pages = {}
    for generator in generators:
        for name in ("tags", "categories", "authors", "talk_tags"):
            entries = getattr(generator, name, None) or ()
            for entry in entries.items() if isinstance(entries, dict) else entries:
                wrapper = entry[0] if isinstance(entry, tuple) else entry
                save_as = getattr(wrapper, "save_as", None)
                if save_as:
                    pages[os.path.normpath(save_as)] = "/" + wrapper.url
    return pages


def output_clashes(generators, settings):
    """Problems for pages written over another page, or into the site's folders."""
    pages, folders = site_outputs(settings)
    pages.update(listing_outputs(generators))
    owners, found = {}, []
    for save_as, source in content_outputs(generators):
        target = os.path.normpath(save_as)
        if target in pages or target.startswith(tuple(folders)):
            what = pages.get(target) or "/" + target.split("/", 1)[0] + "/"
            found.append(
                _clash(source, f"its page would be written over the site's {what}")
            )
            continue
        other = owners.setdefault(target, source)
        if other != source:
            found.append(
                _clash(
                    source, f"its page /{target} is also made by {shown_path(other)}"
                )
            )
            found.append(
                _clash(
                    other, f"its page /{target} is also made by {shown_path(source)}"
                )
            )
    return found


def _clash(source, message):
    line = field_line(source, "slug")
    return problem(
        source,
        "slug",
        message,
        "write a different 'Slug:' for it",
        line=line if line > 1 else field_line(source, "title"),
    )

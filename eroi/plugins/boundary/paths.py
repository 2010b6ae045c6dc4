"""Output paths belong to the site: no page is written over another.

``Save_as``, ``Url`` and ``Template`` are refused when a file is read
(readers.py); ``Slug:`` (one URL path segment) and ``Lang:`` (a language
code) are parsed by the content model. Once every file is read, no two of
them are written to the same path, and none is written over a page of the
site (home, search, playlist...) or into a folder the site writes whole (its
theme, the search index, share cards).
"""

import os
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from eroi.messages import N_, _
from eroi.model.links import intrasite_path
from eroi.plugins.boundary.files import same
from eroi.plugins.boundary.html import browser_url
from eroi.problems import field_line, problem, shown_path, text_line

SEARCH_BUNDLE = "pagefind"
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
    folders = [
        settings.get("THEME_STATIC_DIR", "theme"),
        SEARCH_BUNDLE,
        settings.get("SEARCH_SPOKEN_BUNDLE"),  # the spoken words' search
        settings.get("OPEN_DATA_FOLDER"),
    ]
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
            yield speaker.save_as, speaker.source_path


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
    """Problems for pages written over another page, or into the site's
    folders, even where only letter case or Unicode normalisation differ."""
    pages, folders = site_outputs(settings)
    pages.update(listing_outputs(generators))
    pages = {same(path): url for path, url in pages.items()}
    folders = tuple(same(folder) + os.sep for folder in folders)
    owners, found = {}, []
    for save_as, source in content_outputs(generators):
        target = same(save_as)
        if target in pages or target.startswith(folders):
            what = pages.get(target) or "/" + target.split("/", 1)[0] + "/"
            found.append(
                _clash(
                    source,
                    _("its page would be written over the site's {page}").format(
                        page=what
                    ),
                )
            )
            continue
        other, written = owners.setdefault(target, (source, save_as))
        if other != source:
            also_made = _("its page {page} is also made by {other}")
            found.append(
                _clash(
                    source,
                    also_made.format(page=f"/{save_as}", other=shown_path(other)),
                )
            )
            found.append(
                _clash(
                    other,
                    also_made.format(page=f"/{written}", other=shown_path(source)),
                )
            )
    return found


def _clash(source, message):
    line = field_line(source, "slug")
    return problem(
        source,
        "slug",
        message,
        _("write a different 'Slug:' for it"),
        line=line if line > 1 else field_line(source, "title"),
    )


WHERE_HINT = N_(
    "check the path: {filename}/articles/x.md for a page, "
    "{static}/images/x.jpg for a file"
)


def site_urls(generators, settings):
    """Every address the built site will have, as "/a/b/" or "/a/b.ext"."""
    pages, _folders = site_outputs(settings)
    urls = {"/", *pages.values(), *listing_outputs(generators).values()}
    for key, value in settings.items():  # feeds and calendars
        if key.endswith(("_ATOM", "_CALENDAR")) and isinstance(value, str):
            urls.add("/" + value)
    context = generators[0].context
    for collection in ("generated_content", "static_content"):
        urls |= {"/" + item.url for item in context[collection].values() if item}
    return urls


def dead_links(generators, settings):
    """Links and pictures of content bodies that lead to no page or file of
    the site: Pelican would leave them as they are (and warn, which fails a
    production build)."""
    context, content_path = generators[0].context, settings["PATH"]
    urls, found = site_urls(generators, settings), []
    for content in list(context["generated_content"].values()):
        for element, attribute, target in getattr(content, "references", ()):
            if (element, attribute) not in (("a", "href"), ("img", "src")):
                continue
            if resolves(target, content, context, urls, content_path):
                continue
            source = content.source_path
            found.append(
                problem(
                    source,
                    "image" if element == "img" else "link",
                    _("{target} points to no page or file of the site").format(
                        target=target
                    ),
                    _(WHERE_HINT),
                    line=text_line(source, target.split("}")[-1] or target),
                )
            )
    return found


def resolves(target, content, context, urls, content_path):
    target = browser_url(target)  # as a browser reads it: \\images is /images
    parts = urlsplit(target)
    if parts.scheme or target.startswith(("#", "//", "mailto:", "tel:")):
        return True  # another site, or this page
    relative = intrasite_path(target, content.relative_dir)
    if relative is not None:
        return (
            relative in context["generated_content"]
            or relative in context["static_content"]
            or Path(content_path, relative).is_file()
        )
    path = unquote(urljoin("/" + content.url, parts.path))
    return (
        path in urls
        or path.rstrip("/") + "/" in urls
        or path.removesuffix("index.html") in urls
    )

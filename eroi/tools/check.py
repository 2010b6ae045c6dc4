"""`invoke check`: every content problem at once, without writing the site.

Runs Pelican's first phase (each generator reads and validates its content,
reporting to the run's Problems: the same checks as the build), then checks what
only a whole site can tell: links and images that point to no page or file of
the site. Prints every Problem with ``report()``, as the build does.
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urljoin, urlsplit

from pelican import Pelican
from pelican.contents import Content

from eroi import run
from eroi.model.links import intrasite_path
from eroi.problems import problem, text_line

CONTENT_SUFFIXES = {".md", ".markdown", ".mdown", ".rst", ".html", ".htm"}
WHERE_HINT = (
    "check the path: {filename}/articles/x.md for a page, "
    "{static}/images/x.jpg for a file"
)


@dataclass
class Report:
    problems: list
    notes: list
    counts: dict  # what was checked: {"articles": 2, ...}
    context: dict  # what phase one read (talks, speakers ...), e.g. for --todo

    @property
    def summary(self):
        checked = ", ".join(f"{folder}/ {n}" for folder, n in self.counts.items())
        checked = f"{sum(self.counts.values())} files checked: {checked}"
        if not self.problems:
            return f"check: all good ({checked})."
        files = len({p.path for p in self.problems})
        plural = "s" if len(self.problems) != 1 else ""
        return (
            f"check: {len(self.problems)} problem{plural} in {files} "
            f"file{'s' if files != 1 else ''} ({checked})."
        )


def read_site(settings):
    """Pelican's phase one (every generator reads its files, then the checks
    across files) and nothing else: ``(generators, context)``; the problems
    are the run's (``run.problems(generators[0].settings)``)."""
    settings = {**settings, run.READ_ONLY: True, run.REPORTED: True}
    with tempfile.TemporaryDirectory(prefix="check-") as scratch:
        settings["OUTPUT_PATH"] = scratch
        try:
            Pelican(settings).run()
        except run.ContentRead as done:
            generators = done.generators
    return generators, generators[0].context


def contents_of(context):
    """The content objects (articles, pages, talks ...) phase one read."""
    return [c for c in context["generated_content"].values() if isinstance(c, Content)]


def site_urls(generators, context, settings):
    """Every path the built site would have, as "/a/b/" or "/a/b.ext"."""
    urls = {"/", "/404.html"}
    for key in (
        "ARCHIVES_URL",
        "TAGS_URL",
        "CATEGORIES_URL",
        "AUTHORS_URL",
        "TALKS_URL",
        "SPEAKERS_URL",
        "TALKS_CALENDAR",
        "FEED_ALL_ATOM",
        "TALKS_FEED_ATOM",
        "TALKS_NEWS_FEED_ATOM",
        "SEARCH_URL",
        "CONTRIBUTE_URL",
        "OPEN_DATA_URL",
    ):
        if settings.get(key):
            urls.add("/" + settings[key])
    for collection in ("generated_content", "static_content"):
        for item in context[collection].values():
            if item is not None:  # None: a file that failed to be read
                urls.add("/" + item.url)
    for generator in generators:
        for name in ("tags", "categories", "authors"):
            for entry in getattr(generator, name, ()):
                wrapper = entry[0] if isinstance(entry, tuple) else entry
                urls.add("/" + wrapper.url)
        for tag in getattr(generator, "talk_tags", {}):
            urls.add("/" + tag.url)
    return urls


def check_targets(contents, context, urls, content_path):
    """Links and images in content bodies that point to no page or file."""
    found = []
    for content in contents:
        source = content.source_path
        for element, attribute, target in getattr(content, "references", ()):
            if (element, attribute) not in (("a", "href"), ("img", "src")):
                continue
            if resolves(target, content, context, urls, content_path):
                continue
            found.append(
                problem(
                    source,
                    "image" if element == "img" else "link",
                    f"{target} points to no page or file of the site",
                    WHERE_HINT,
                    line=text_line(source, target.split("}")[-1] or target),
                )
            )
    return found


def resolves(target, content, context, urls, content_path):
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


def check_site(settings):
    """Every problem of the content in ``settings["PATH"]``: a Report."""
    content_path = settings["PATH"]
    generators, context = read_site(settings)
    settings = generators[0].settings  # with every plugin's defaults
    found = run.problems(settings)
    problems = list(found.problems)
    contents = contents_of(context)
    urls = site_urls(generators, context, settings)
    problems += check_targets(contents, context, urls, content_path)
    return Report(
        sorted(set(problems)), list(found.notes), count_files(content_path), context
    )


def count_files(content_path):
    """``{"articles": 2, "talks": 1, ...}``: content files per top folder."""
    counts = {}
    for path in sorted(Path(content_path).rglob("*")):
        if path.suffix.lower() in CONTENT_SUFFIXES and path.is_file():
            folder = path.relative_to(content_path).parts[0]
            counts[folder] = counts.get(folder, 0) + 1
    return counts


def archive_sources(settings):
    """What the scaffolds and the playlist import need of the archive, read
    as the build reads it (so an RST talk, a long title or two namesake
    speakers give the same answers): the speakers (a SpeakerRegistry), the
    videos (``{id: file}``, drafts included) and the talk slugs."""
    generators, _context = read_site(settings)
    talks = next(g for g in generators if hasattr(g, "registry"))
    return SimpleNamespace(
        registry=talks.registry, videos=dict(talks.videos), slugs=set(talks.slugs)
    )

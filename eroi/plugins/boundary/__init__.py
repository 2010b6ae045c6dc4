"""The content boundary: nothing in content/ publishes a byte from outside it,
runs a script, calls another host, or writes over a page of the site.

- files.py: no link is followed, and a file published as it is must be an
  image whose bytes are what its extension says (SVG: svg.py, inert only);
- readers.py: reStructuredText cannot insert files or URLs; fields that pick
  output paths or templates (Save_as, Url, Template...) are refused;
- html.py: the one HTML policy every body and summary goes through, once;
- paths.py: no page is written over another (Slug and Lang are parsed by
  the content model).

Every refusal is a content_checks Problem, so `invoke build`, `invoke check`,
livereload and the plain `pelican content` print it the same way and stop
before anything is written.
"""

import os

from pelican import signals

from eroi import run
from eroi.plugins.boundary.files import (
    linked_on_the_way,
    scan_links,
    static_problems,
    walk_without_links,
)
from eroi.plugins.boundary.html import apply_policy
from eroi.plugins.boundary.paths import output_clashes
from eroi.plugins.boundary.readers import seal_readers, seal_settings
from eroi.plugins.checks import content_read, run_started
from eroi.plugins.reading import file_to_read
from eroi.problems import Problem, shown_path

MAX_TEXT_BYTES = 5 * 1024 * 1024  # a content file of text; a long article is 100 KB
# Settings naming the folders whose files are read as content (not copied).
READER_FOLDERS = (
    "ARTICLE_PATHS",
    "PAGE_PATHS",
    "TALK_PATHS",
    "SPEAKER_PATHS",
    "AUTHOR_PROFILE_PATHS",
)


def scan_content(pelican):
    """run_started: every link, special file and stray HTML file under
    content/, once per run."""
    settings = pelican.settings
    readers = [
        folder
        for key in READER_FOLDERS
        for folder in settings.get(key) or ()
        if folder  # "" would be the whole of content/
    ]
    problems = run.problems(settings)
    for found in scan_links(settings["PATH"], readers):
        problems.add(found.path, found)


def no_links(generator):
    """generator_init: this generator finds files without following links."""

    def get_files(paths, exclude=None, extensions=None):
        return walk_without_links(generator, paths, exclude, extensions)

    generator.get_files = get_files


def check_file(source, root, static):
    """file_to_read: a file reached through a link is never read; a static file
    must be publishable; a text file must be of a reasonable size."""
    if static:
        # A {static} link to a missing file is the linking file's problem.
        return static_problems(source, root) if os.path.lexists(source) else []
    wrong = linked_on_the_way(source, root)
    size = os.path.getsize(source) if wrong is None else 0
    if size > MAX_TEXT_BYTES:
        wrong = Problem(
            shown_path(source),
            1,
            "file",
            f"is {size // 1024} KB of text, more than "
            f"{MAX_TEXT_BYTES // (1024 * 1024)} MB",
            "split it, or link a large file from its own site",
        )
    return [wrong] if wrong else []


def police(content):
    """content_object_init: the HTML policy over body and summary (Slug, Lang
    and the title's characters are the content model's, parsed as read)."""
    source = getattr(content, "source_path", None)
    if not source or type(content).__name__ == "Static":
        return
    content_path = content.settings["PATH"]
    relative_dir = os.path.relpath(os.path.dirname(source), content_path)
    title = getattr(content, "title", "") or content.metadata.get("name", "")
    found = []
    if getattr(content, "_content", None):
        content._content, problems = apply_policy(
            content._content, source, content_path, relative_dir, title
        )
        found += problems
    if content.metadata.get("summary"):
        summary, problems = apply_policy(
            str(content.metadata["summary"]), source, content_path, relative_dir, title
        )
        content.metadata["summary"] = content._summary = summary
        found += problems
    run.problems(content.settings).add(source, found)


def check_outputs(generators):
    """content_read: no page over another, none over the site's own."""
    if not generators:
        return
    settings = generators[0].settings
    for found in output_clashes(generators, settings):
        run.problems(settings).add(found.path, found)


def register():
    signals.initialized.connect(seal_settings)
    signals.readers_init.connect(seal_readers)
    signals.generator_init.connect(no_links)
    signals.content_object_init.connect(police)
    run_started.connect(scan_content)
    file_to_read.connect(check_file)
    content_read.connect(check_outputs)

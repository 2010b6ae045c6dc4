"""The content boundary: nothing in content/ publishes a byte from outside it,
runs a script, calls another host, or writes over a page of the site.

- files.py: no link is followed, and a file published as it is must be an
  image whose bytes are what its extension says (SVG: svg.py, inert only);
- html.py: the one HTML policy every body and summary goes through, once
  (the reader applies it: eroi.plugins.reading);
- paths.py: no page is written over another;
- drafts.py: no page links a draft, and what only drafts use is not published;
- here: reStructuredText cannot insert files or URLs (docutils' file
  insertion is off, whatever the settings say), and every file under
  content/ is looked at once per run.

Every refusal is a Problem of the run, so `invoke build`, `invoke check`,
livereload and the plain `pelican content` print it the same way and stop
before anything is written.
"""

from pelican import signals

from eroi import run
from eroi.plugins.boundary.drafts import drafts_only, links_to_drafts
from eroi.plugins.boundary.files import scan_links, walk_without_links
from eroi.plugins.boundary.paths import dead_links, output_clashes
from eroi.plugins.checks import content_read, run_started

# Merged over the project's DOCUTILS_SETTINGS at start-up, so no settings file
# can turn them back on.
DOCUTILS_SETTINGS = {
    "file_insertion_enabled": False,
    "raw_enabled": True,  # inline HTML goes through the HTML policy like Markdown's
    "_disable_config": True,  # no docutils.conf from the working folder
    "halt_level": 5,  # every message is read from the document, with its line
    "report_level": 2,  # kept in the document (Pelican sends the stream nowhere)
}
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


def seal_settings(pelican):
    """initialized: the docutils settings above win over the project's."""
    settings = pelican.settings
    settings["DOCUTILS_SETTINGS"] = {
        **(settings.get("DOCUTILS_SETTINGS") or {}),
        **DOCUTILS_SETTINGS,
    }


def check_outputs(generators):
    """content_read: no page over another, none over the site's own, none
    that links a draft; and no file only drafts use where drafts are not
    written."""
    if not generators:
        return
    settings, context = generators[0].settings, generators[0].context
    problems = run.problems(settings)
    for found in [
        *output_clashes(generators, settings),
        *links_to_drafts(context),
        *dead_links(generators, settings),
    ]:
        problems.add(found.path, found)
    drafts_only(context, settings)


def register():
    signals.initialized.connect(seal_settings)
    signals.generator_init.connect(no_links)
    run_started.connect(scan_content)
    content_read.connect(check_outputs)

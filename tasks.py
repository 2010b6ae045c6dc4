"""The one command line for writers and CI: `invoke --list` shows every task."""

import glob
import os
import shutil
import sys
import webbrowser
from pathlib import Path

from invoke import Exit, task

from eroi.messages import _
from eroi.problems import one_line, report, report_line
from eroi.tools import importer, media, runner, scaffold, thumbnails
from eroi.tools.check import archive_sources, check_site, contents_of, read_site
from eroi.tools.server import LocalServer, PreviewServer

HOST = "localhost"
PORT = 8000


def pelican_run(settings_file=runner.DEV_SETTINGS, fatal="errors", **overrides):
    """Build with Pelican in-process; a failed build has printed why and exits 1."""
    try:
        return runner.build(settings_file, fatal=fatal, **overrides)
    except runner.BuildError as exc:
        raise Exit(code=exc.exit_status) from None


def serve_forever(server, open_browser=False):
    """Serve until Ctrl-C; ``server`` is one of eroi.tools.server's."""
    url = f"http://{HOST}:{server.server_port}/"
    folder = os.path.relpath(server.root)
    print(
        _("Serving {folder} at {url} (Ctrl-C to stop)").format(folder=folder, url=url),
        file=sys.stderr,
    )
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@task
def build(c):
    """Build the site with the development settings into output/."""
    pelican_run()


@task
def rebuild(c):
    """Build from scratch: drop the content cache first, then build."""
    clean(c)
    pelican_run()


@task
def clean(c):
    """Remove the output folder and the content cache."""
    settings = runner.load_settings()
    for folder in (settings["OUTPUT_PATH"], settings["CACHE_PATH"]):
        shutil.rmtree(folder, ignore_errors=True)


@task(
    help={
        "port": f"port to listen on (default {PORT})",
        "browser": "open a browser tab",
    }
)
def serve(c, port=PORT, browser=False):
    """Build, then serve output/ at http://localhost:8000/."""
    serve_forever(LocalServer(pelican_run(), HOST, port), browser)


@task(
    help={
        "port": f"port to listen on (default {PORT})",
        "browser": "open a browser tab",
    }
)
def livereload(c, port=PORT, browser=False):
    """Serve the site and show each saved change at once, then build it whole."""
    from eroi.tools import livereload as devloop

    settings = runner.load_settings()
    server = PreviewServer(settings["OUTPUT_PATH"], HOST, port)
    loop = devloop.Loop(server)
    # The first build; then every change: its pages at once, a full build after.
    loop.start(
        [settings["PATH"], settings["THEME"], Path(runner.DEV_SETTINGS).resolve()]
    )
    try:
        serve_forever(server, browser)
    finally:
        loop.stop()


@task(
    help={
        "port": f"port to listen on (default {PORT})",
        "browser": "open a browser tab",
    }
)
def preview(c, port=PORT, browser=False):
    """Build with the production settings (warnings fatal) and serve it locally."""
    siteurl = f"http://{HOST}:{port}"
    os.environ["SITEURL"] = siteurl
    output = pelican_run(
        runner.PUBLISH_SETTINGS,
        fatal="warnings",
        SITEURL=siteurl,
        FEED_DOMAIN=siteurl,
    )
    serve_forever(LocalServer(output, HOST, port), browser)


@task
def publish(c):
    """The production build that CI deploys: needs SITEURL, warnings are fatal."""
    siteurl = os.environ.get("SITEURL", "").rstrip("/")
    if not siteurl.startswith(("https://", "http://")):
        raise Exit(
            _(
                "publishconf.py: SITEURL: not set to an absolute URL (hint: "
                "SITEURL=https://example.org invoke publish; CI takes it from "
                "GitHub Pages)"
            ),
            code=2,
        )
    pelican_run(runner.PUBLISH_SETTINGS, fatal="warnings")


def created(path):
    print(_("created {path}").format(path=os.path.relpath(path)))


def refused(exc):
    report(exc.problems)
    raise Exit(code=1) from None


@task(
    help={
        "title": "the article's title, in quotes",
        "author": "who signs it (default: git config user.name; asked if unknown)",
    }
)
def new_article(c, title, author=""):
    """Write content/articles/<slug>.md with complete front matter."""
    if not author and not scaffold.git_author() and sys.stdin.isatty():
        author = input("Chi firma l'articolo? (Nome Cognome) ").strip()
    try:
        created(scaffold.new_article(title, runner.load_settings(), author or None))
    except scaffold.ScaffoldError as exc:
        refused(exc)


@task(
    help={
        "title": "the talk's title, in quotes",
        "speakers": "speaker handles or aliases, comma separated",
        "date": "e.g. 07/12/2026, '7 dicembre 2026 17:30' or 2026-12-07 "
        "(default: next Monday, 17:00)",
        "youtube": "the recording's URL or id",
    }
)
def new_talk(c, title, speakers="", date="", youtube=""):
    """Write content/talks/<slug>.md; its speakers must exist."""
    settings = runner.load_settings()
    try:
        created(scaffold.new_talk(title, speakers, settings, date or None, youtube))
    except scaffold.ScaffoldError as exc:
        refused(exc)


@task(help={"handle": "the community forum handle", "name": "Nome Cognome"})
def new_speaker(c, handle, name=""):
    """Write content/speakers/<handle>.md."""
    try:
        created(scaffold.new_speaker(handle, runner.load_settings(), name or None))
    except scaffold.ScaffoldError as exc:
        refused(exc)


@task(
    help={
        "source": "a YouTube playlist's or channel's address (https://...), or "
        "export JSON file(s): a path, a glob or a comma-separated list"
    }
)
def import_playlist(c, source):
    """Create talk files from a YouTube playlist or channel (through yt-dlp) or
    from playlist exports (Data API or yt-dlp -J)."""
    settings = runner.load_settings()
    try:
        archive = archive_sources(settings)
        if source.startswith(("https://", "http://")):
            imported = importer.import_url(source, settings["PATH"], archive, settings)
        else:
            imported = importer.import_playlist(
                expand(source), settings["PATH"], archive, settings
            )
    except importer.ExportError as exc:
        raise Exit(str(exc), code=1) from None
    for path in imported.created:
        created(path)
    for caption, talk in imported.captions:
        print(
            _("attached {caption} to {talk}").format(
                caption=os.path.relpath(caption), talk=os.path.relpath(talk)
            )
        )
    for path in imported.thumbnails:
        print(_("saved {path}").format(path=os.path.relpath(path)))
    for video, existing in imported.already:
        print(
            one_line(
                _("skipped {video}: already in {path}").format(
                    video=video, path=existing
                )
            )
        )
    for video, reason in imported.unavailable:
        print(
            one_line(_("skipped {video}: {reason}").format(video=video, reason=reason))
        )
    for path, reason in imported.drafts:
        print(
            _(
                "{path}: speakers: {reason} (hint: write the handles in Speakers: "
                "and remove 'Status: draft' to publish it)"
            ).format(path=os.path.relpath(path), reason=reason)
        )
    for failure in imported.failures:
        report_line(str(failure))
    print(
        _(
            "import: {created} created ({drafts} drafts), {already} already in the "
            "archive, {unavailable} private or deleted, {captions} caption files "
            "attached, {thumbnails} thumbnails saved, {failures} failed"
        ).format(
            created=len(imported.created),
            drafts=len(imported.drafts),
            already=len(imported.already),
            unavailable=len(imported.unavailable),
            captions=len(imported.captions),
            thumbnails=len(imported.thumbnails),
            failures=len(imported.failures),
        )
    )
    if imported.failures:
        raise Exit(code=1)


@task(help={"todo": "then list what talks and speakers lack (not problems)"})
def check(c, todo=False):
    """Validate all content without writing the site; exit 1 on any problem."""
    settings = runner.load_settings()
    checked = check_site(settings)
    report(checked.problems, checked.notes)
    print(checked.summary)
    if todo:
        # What /contribuisci/ lists: information, never a reason to fail.
        from eroi.plugins.contributing.gaps import gaps_in

        gaps = gaps_in(checked.context, settings)
        for line in gaps.lines():
            print(line)
        print(gaps.summary)
    if checked.problems:
        raise Exit(code=1)


@task(help={"url": "where thumbnails come from; {id} is the video id"})
def fetch_thumbnails(c, url=thumbnails.THUMBNAIL_URL):
    """Download each video's thumbnail once into content/images/thumbnails/."""
    settings = runner.load_settings()
    _generators, context = read_site(settings)
    videos = thumbnails.videos_in(contents_of(context))
    fetched, kept, failures = thumbnails.fetch_thumbnails(videos, settings["PATH"], url)
    report(failures)
    print(
        _(
            "thumbnails: {fetched} downloaded, {kept} already there, {failures} failed"
        ).format(fetched=len(fetched), kept=len(kept), failures=len(failures))
    )
    if failures:
        raise Exit(code=1)


@task
def messages(c):
    """Refresh eroi/locale/it.po from the code: new messages (to translate) in,
    messages the code no longer has out."""
    from babel.messages.pofile import read_po, write_po

    from eroi.messages import CATALOGUE, code_messages

    with CATALOGUE.open("rb") as po:
        italian = read_po(po, locale="it", domain="eroi")
    created = italian.creation_date  # the file changes only with its messages
    italian.update(code_messages(Path(__file__).parent), no_fuzzy_matching=True)
    italian.creation_date = created

    with CATALOGUE.open("wb") as po:
        write_po(po, italian, no_location=True, ignore_obsolete=True, sort_output=True)
    untranslated = [m.id for m in italian if m.id and (m.fuzzy or not m.string)]
    for message in untranslated:
        print(f"to translate: {message}")
    print(f"{os.path.relpath(CATALOGUE)}: {len(untranslated)} messages to translate")


def expand(files):
    """Paths from a path, a glob or a comma-separated list."""
    patterns = [p.strip() for p in files.split(",") if p.strip()]
    return [path for p in patterns for path in sorted(glob.glob(p)) or [p]]


@task(help={"files": "content file(s): a path, a glob or a comma-separated list"})
def fetch_media(c, files):
    """Download the remote images of FILES into content/images/ and use them."""
    settings = runner.load_settings()
    fetched = media.fetch_media(expand(files), settings["PATH"])
    for source, url, local in fetched.saved:
        print(
            _("{path}: {url} saved as {local}").format(
                path=source, url=url, local=local
            )
        )
    report(fetched.failures)
    print(
        _("fetch-media: {saved} saved, {failures} failed").format(
            saved=len(fetched.saved), failures=len(fetched.failures)
        )
    )

    if fetched.failures:
        raise Exit(code=1)


@task(
    help={
        "k": "only run tests matching this expression",
        "fast": "leave out the browser (Chromium) and Nu HTML Checker (Java) tests",
    }
)
def test(c, k="", fast=False):
    """Run ruff, `check` on content/, then the whole test suite."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
    c.run(f"{sys.executable} -m ruff format --check .", pty=False)
    # The community's content first: a writer's mistake in a pull request is
    # then a few `path:line:` lines at the top of CI's log, not a failed test.
    check(c)
    selection = f" -k {k!r}" if k else ""
    if fast:
        selection += " -m 'not browser and not vnu'"
    # Every core, a test file per worker (module fixtures are built once), the
    # longest files first (in the order tests/conftest.py collects them).
    c.run(
        f"{sys.executable} -m pytest -n auto --dist loadfile --no-loadscope-reorder"
        f"{selection}",
        pty=False,
    )

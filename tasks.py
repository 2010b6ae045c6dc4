"""The one command line for writers and CI: `invoke --list` shows every task."""

import os
import shutil
import sys
import webbrowser

from invoke import Exit, task

import sitebuild

sys.path.insert(0, str(sitebuild.ROOT / "plugins"))
from video import thumbnails

HOST = "localhost"
PORT = 8000


def pelican_run(settings_file=sitebuild.DEV_SETTINGS, fatal="errors", **overrides):
    """Build with Pelican in-process; a failed build exits 1 with a clear message."""
    try:
        return sitebuild.build(settings_file, fatal=fatal, **overrides)
    except sitebuild.BuildError as exc:
        raise Exit(str(exc), code=1) from None


def serve_forever(path, port=PORT, open_browser=False):
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    RootedHTTPServer.allow_reuse_address = True
    server = RootedHTTPServer(str(path), (HOST, port), ComplexHTTPRequestHandler)
    url = f"http://{HOST}:{port}/"
    print(f"Serving {path} at {url} (Ctrl-C to stop)", file=sys.stderr)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
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
    settings = sitebuild.load_settings()
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
    serve_forever(pelican_run(), port, browser)


@task(
    help={
        "port": f"port to listen on (default {PORT})",
        "browser": "open a browser tab",
    }
)
def livereload(c, port=PORT, browser=False):
    """Serve the site, rebuild on every change and reload the open page."""
    from livereload import Server

    settings = sitebuild.load_settings()

    def rebuild_quietly():
        # A content error is printed and the last good build keeps being served.
        try:
            sitebuild.build(fatal="errors")
        except sitebuild.BuildError as exc:
            print(exc, file=sys.stderr)

    rebuild_quietly()
    server = Server()
    for pattern in ("pelicanconf.py", "content/**/*", "theme/**/*", "plugins/**/*.py"):
        server.watch(pattern, rebuild_quietly)
    server.serve(
        host=HOST,
        port=port,
        root=settings["OUTPUT_PATH"],
        open_url_delay=1 if browser else None,
    )


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
        sitebuild.PUBLISH_SETTINGS,
        fatal="warnings",
        SITEURL=siteurl,
        FEED_DOMAIN=siteurl,
    )
    serve_forever(output, port, browser)


@task
def publish(c):
    """The production build that CI deploys: needs SITEURL, warnings are fatal."""
    siteurl = os.environ.get("SITEURL", "").rstrip("/")
    if not siteurl.startswith(("https://", "http://")):
        raise Exit(
            "publishconf.py: SITEURL: not set to an absolute URL (hint: SITEURL="
            "https://example.org invoke publish; CI takes it from GitHub Pages)",
            code=2,
        )
    pelican_run(sitebuild.PUBLISH_SETTINGS, fatal="warnings")


@task(help={"url": "where thumbnails come from; {id} is the video id"})
def fetch_thumbnails(c, url=thumbnails.THUMBNAIL_URL):
    """Download each video's thumbnail once into content/images/thumbnails/."""
    content = sitebuild.load_settings()["PATH"]
    videos = thumbnails.find_videos(content)
    fetched, kept, failures = thumbnails.fetch_thumbnails(videos, content, url)
    for line in failures:
        print(line, file=sys.stderr)
    print(
        f"thumbnails: {len(fetched)} downloaded, {len(kept)} already there, "
        f"{len(failures)} failed"
    )
    if failures:
        raise Exit(code=1)


@task(help={"k": "only run tests matching this expression"})
def test(c, k=""):
    """Run ruff and the whole test suite (builds the real site, validates its HTML)."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
    c.run(f"{sys.executable} -m ruff format --check .", pty=False)
    selection = f" -k {k!r}" if k else ""
    c.run(f"{sys.executable} -m pytest{selection}", pty=False)

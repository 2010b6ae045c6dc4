"""Pages rendered on every core (plugins/rendering): the same bytes as a build
in one process, and a page that fails in a worker fails the build cleanly.

Each build runs in a process of its own: a process forks its workers only
when it has a single thread, and a test runner's process may have more.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from eroi import run
from eroi.rendering.writer import DeferredWriter
from pelican.settings import read_settings
from pelican.writers import FileOverwriteFailedError, Writer

import sitebuild
from tests.synthetic import make_archive

SITEURL = "https://eroi.example.org"
BUILD = """
import json, logging, sys
from datetime import datetime
import sitebuild
overrides = json.loads(sys.argv[1])
settings = overrides.pop("settings")
overrides["TALKS_NOW"] = datetime.fromisoformat(overrides["TALKS_NOW"])
exec(overrides.pop("prelude", ""))  # a test's change to the build, if any
said = logging.StreamHandler(sys.stdout)
logging.getLogger("eroi.rendering").addHandler(said)
logging.getLogger("eroi.rendering").setLevel(logging.INFO)
fatal = overrides.pop("fatal", "warnings")
try:
    sitebuild.build(settings, fatal=fatal, **overrides)
except sitebuild.BuildError as exc:
    sys.exit(exc.exit_status)
"""


def build(tmp_path, content, now, output, **overrides):
    overrides = {
        "settings": sitebuild.PUBLISH_SETTINGS,
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "SHARE_CARDS_CACHE": str(tmp_path / "cards"),
        "TALKS_NOW": now.isoformat(),
        "RENDER_PARALLEL_FROM": 1,
        **overrides,
    }
    return subprocess.run(
        [sys.executable, "-c", BUILD, json.dumps(overrides)],
        cwd=sitebuild.ROOT,
        env={**os.environ, "SITEURL": SITEURL, "SOURCE_DATE_EPOCH": "1764000000"},
        capture_output=True,
        text=True,
        check=False,
    )


def files(folder):
    """Every file's bytes, Pagefind's bundles aside (their chunks' order varies)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not path.relative_to(folder).parts[0].startswith("pagefind")
    }


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("rendering")
    return root, make_archive(root / "content", talks=40, articles=12)


def published(archive, tmp_path):
    """A good build of ``archive`` in ``tmp_path/output``: the folder, its files."""
    root, expected = archive
    output = tmp_path / "output"
    first = build(tmp_path, root / "content", expected.now, output)
    assert first.returncode == 0, first.stderr
    return output, files(output)


# Development builds have relative URLs: a feed's summaries then depend on
# which page was written before it. A small batch: pages written in several
# rounds of workers while the generators still record.
@pytest.mark.parametrize(
    ("settings", "batch"),
    [
        (sitebuild.PUBLISH_SETTINGS, 2000),
        (sitebuild.DEV_SETTINGS, 2000),
        (sitebuild.PUBLISH_SETTINGS, 70),
    ],
)
def test_pages_rendered_by_workers_are_the_pages_of_one_process(
    archive, tmp_path, settings, batch
):
    root, expected = archive
    alone = build(
        tmp_path,
        root / "content",
        expected.now,
        tmp_path / "one",
        settings=settings,
        RENDER_PROCESSES=1,
    )
    shared = build(
        tmp_path,
        root / "content",
        expected.now,
        tmp_path / "two",
        settings=settings,
        RENDER_PROCESSES=2,
        RENDER_BATCH=batch,
    )
    assert alone.returncode == 0, alone.stderr
    assert shared.returncode == 0, shared.stderr
    rounds = shared.stdout.count("pages rendered in 2 processes")
    assert rounds == 1 if batch == 2000 else rounds > 1
    assert "processes" not in alone.stdout
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    # What the templates asked for while rendering came back from the
    # workers: every share card a page names is there, and so is the sitemap.
    cards = {name for name in two if name.startswith("condivisione/")}
    named = {
        "condivisione/" + key
        for name, data in two.items()
        if name.endswith(".html")
        for key in re.findall(r"/condivisione/([0-9a-f]+\.png)", data.decode())
    }
    assert named and named <= cards
    if settings == sitebuild.DEV_SETTINGS:
        return  # no sitemap
    sitemap = two["sitemap.xml"].decode()
    assert sitemap.count("<url>") > 50
    assert f"<loc>{SITEURL}/videoconferenze/</loc>" in sitemap


def test_a_page_that_fails_in_a_worker_fails_the_build_and_publishes_nothing(
    archive, tmp_path
):
    root, expected = archive
    output, before = published(archive, tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(Path(sitebuild.ROOT) / "theme", theme)
    talk = theme / "templates" / "talk.html"
    broken = talk.read_text(encoding="utf-8").replace(
        "{% block content %}",
        "{% block content %}{% if talk.number == 7 %}{{ talk.no_such() }}{% endif %}",
        1,
    )
    assert broken != talk.read_text(encoding="utf-8")
    talk.write_text(broken, encoding="utf-8")
    failed = build(
        tmp_path,
        root / "content",
        expected.now,
        output,
        THEME=str(theme),
        RENDER_PROCESSES=2,  # in a worker, even on one core
    )
    assert failed.returncode == 1
    assert "pages rendered in" not in failed.stdout
    assert "Traceback" not in failed.stderr
    lines = [line for line in failed.stderr.splitlines() if "build failed" in line]
    assert len(lines) == 1, failed.stderr
    assert "no_such" in lines[0] and f"{output} was left as it was" in lines[0]
    assert files(output) == before


@pytest.mark.parametrize("writer_class", [Writer, DeferredWriter])
def test_an_overriding_page_wins_as_with_pelicans_own_writer(tmp_path, writer_class):
    """Pelican's rule: a page written with override_output replaces the one
    before it, and a later page without it is skipped; the deferred writer
    keeps it whatever the order its workers finish in."""
    # Settings that Pelican does not warn about (another test's build may
    # have left warnings fatal in this process).
    settings = read_settings(
        None,
        override={
            "RENDER_PARALLEL_FROM": 1,
            "TIMEZONE": "Europe/Rome",
            "SITEURL": SITEURL,
        },
    )
    settings.update(RENDER_PROCESSES=2, RENDER_BATCH=2000)
    run.start(settings)
    writer = writer_class(str(tmp_path), settings=settings)
    page = jinja2.Environment().from_string("{{ which }}")
    context = {"localsiteurl": ""}
    writer.write_file("a.html", page, context, which="first")
    writer.write_file("a.html", page, context, which="second", override_output=True)
    writer.write_file("a.html", page, context, which="third")
    writer.write_file("b.html", page, context, which="b")
    with pytest.raises(FileOverwriteFailedError):
        writer.write_file("b.html", page, context, which="b again")
    if writer_class is DeferredWriter:
        # Only the overriding page writes a.html: no race between workers.
        writing = [page.target is not None for page in writer.pending]
        assert writing == [False, True, False, True, False]
        writer.finish()
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "second"
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == "b"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


# What stops a fork, and what a fork must not break --------------------------------

KILL_A_WORKER = """
import os, signal
from eroi.rendering import writer
parent, write = os.getpid(), writer.Page.write
def dying(page):
    if os.getpid() != parent and str(page.target).endswith("index.html"):
        os.kill(os.getpid(), signal.SIGKILL)
    write(page)
writer.Page.write = dying
"""

ANOTHER_THREAD = """
import threading
waiting = threading.Event()
threading.Thread(target=waiting.wait, daemon=True).start()
"""


def test_a_killed_page_renderer_fails_the_build_and_publishes_nothing(
    archive, tmp_path
):
    root, expected = archive
    output, before = published(archive, tmp_path)
    killed = build(
        tmp_path,
        root / "content",
        expected.now,
        output,
        RENDER_PROCESSES=2,
        prelude=KILL_A_WORKER,
    )
    assert killed.returncode == 1
    assert "Traceback" not in killed.stderr
    lines = [line for line in killed.stderr.splitlines() if "build failed" in line]
    assert len(lines) == 1, killed.stderr
    assert "a page renderer stopped with exit status -9" in lines[0]
    assert files(output) == before
    assert not list(tmp_path.glob(".output-*"))


def test_beside_another_thread_pages_render_in_one_process(archive, tmp_path):
    """A fork copies only the thread that forks: with another thread alive
    (a server, a spinner) the build renders in its own process, same bytes."""
    root, expected = archive
    alone = build(tmp_path, root / "content", expected.now, tmp_path / "one")
    assert alone.returncode == 0, alone.stderr
    threaded = build(
        tmp_path,
        root / "content",
        expected.now,
        tmp_path / "two",
        RENDER_PROCESSES=2,
        prelude=ANOTHER_THREAD,
    )
    assert threaded.returncode == 0, threaded.stderr
    assert "processes" not in threaded.stdout
    assert files(tmp_path / "one") == files(tmp_path / "two")


def test_a_plugin_that_reads_each_written_file_gets_pelicans_own_writer(
    archive, tmp_path
):
    """A content_written receiver reads each file as it is written: the
    deferred writer stands aside, so each file is there, whole, when signalled."""
    from pelican import signals

    root, expected = archive
    seen = {}

    def read_it(path, context=None):
        seen[path] = Path(path).read_text(encoding="utf-8")

    signals.content_written.connect(read_it)
    try:
        sitebuild.build(
            sitebuild.DEV_SETTINGS,
            fatal="warnings",
            PATH=str(root / "content"),
            OUTPUT_PATH=str(tmp_path / "output"),
            SHARE_CARDS_CACHE=str(tmp_path / "cards"),
            TALKS_NOW=expected.now,
            RENDER_PROCESSES=2,
            RENDER_PARALLEL_FROM=1,
        )
    finally:
        signals.content_written.disconnect(read_it)
    pages = [text for path, text in seen.items() if path.endswith(".html")]
    assert len(pages) == len(list((tmp_path / "output").rglob("*.html")))
    assert all(text.rstrip().endswith("</html>") for text in pages)


WARN_IN_A_WORKER = """
import logging, os
from eroi.rendering import writer
parent, write = os.getpid(), writer.Page.write
def warning(page):
    if os.getpid() != parent and str(page.target).endswith("/videoconferenze/index.html"):
        logging.getLogger("eroi.test").warning("a page warned while it rendered")
    write(page)
writer.Page.write = warning
"""


@pytest.mark.parametrize("warns", [False, True])
def test_a_warning_in_a_page_renderer_is_not_kept_as_a_clean_build(
    archive, tmp_path, warns
):
    """`invoke build` (warnings not fatal) keeps a clean build's output when
    nothing changed; a warning logged in a forked renderer makes it unclean,
    so the next build runs again and says it again."""
    root, expected = archive
    runs = [
        build(
            tmp_path,
            root / "content",
            expected.now,
            tmp_path / "output",
            settings=sitebuild.DEV_SETTINGS,
            fatal="errors",
            reuse=True,
            RENDER_PROCESSES=2,
            CACHE_PATH=str(tmp_path / "cache"),
            prelude=WARN_IN_A_WORKER if warns else "",
        )
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[1].stderr
    assert "pages rendered in 2 processes" in runs[0].stdout
    if warns:
        assert "a page warned while it rendered" in runs[0].stderr
        assert "a page warned while it rendered" in runs[1].stderr
        assert "Nothing changed" not in runs[1].stdout
    else:
        assert "Nothing changed since the last build" in runs[1].stdout

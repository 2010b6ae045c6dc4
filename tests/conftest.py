"""Fixtures: the real site built once per session into a temporary folder."""

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from invoke import Context

from eroi.tools import runner
from tests import sitecheck
from tests.synthetic import make_archive, tiny_png

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Site:
    output: Path
    log: list = field(default_factory=list)
    siteurl: str = ""
    archive: object = None  # the expected synthetic archive, when there is one

    def file(self, url):
        """The file served at ``url`` (e.g. "/blog/2017/x/"); fails if missing."""
        target = sitecheck.resolve(self.output, url)
        assert target is not None, f"{url} was not written"
        return target

    def page(self, url):
        return sitecheck.soup(self.file(url))


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(f"{record.levelname}: {record.getMessage()}")


def build_site(output, settings_file=None, **overrides):
    """Build with the project's own runner (warnings fatal) and record the log."""
    # Share cards are drawn into a cache beside the output, never the project's.
    overrides.setdefault("SHARE_CARDS_CACHE", str(Path(output).parent / "cards"))
    settings_file = settings_file or str(ROOT / runner.DEV_SETTINGS)
    recorder = Recorder()
    logging.getLogger().addHandler(recorder)
    try:
        runner.build(
            settings_file,
            fatal="warnings",
            OUTPUT_PATH=str(output),
            **overrides,
        )
    finally:
        logging.getLogger().removeHandler(recorder)
    return Site(output=Path(output), log=recorder.records)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real content/, built with pelicanconf.py."""
    return build_site(tmp_path_factory.mktemp("site") / "output")


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    """A SYNTHETIC archive (tests/synthetic.py) built with the project's settings."""
    root = tmp_path_factory.mktemp("synthetic")
    archive = make_archive(root / "content")
    site = build_site(
        root / "output", PATH=str(root / "content"), TALKS_NOW=archive.now
    )
    site.archive = archive
    return site


SMALL_SPEAKER = "Name: Stefano Pasquini\nHandle: stefano.pasquini\n\nBio.\n"
SMALL_TALK = "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
SMALL_ARTICLE = "Title: Benvenuti\nDate: 2020-01-01 10:00\n"


@pytest.fixture
def small_project(tmp_path, monkeypatch):
    """A project with a small content/ (one speaker, talk and article), built once."""
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    content = tmp_path / "content"
    for folder, name, text in (
        ("speakers", "stefano.pasquini.md", SMALL_SPEAKER),
        ("talks", "serata.md", SMALL_TALK + "\nLa serata.\n"),
        ("articles", "articolo.md", SMALL_ARTICLE + "\nCiao @stefano.pasquini.\n"),
    ):
        (content / folder).mkdir(parents=True, exist_ok=True)
        (content / folder / name).write_text(text, encoding="utf-8")
    (content / "images").mkdir()
    (content / "images" / "foto.png").write_bytes(tiny_png())
    monkeypatch.chdir(tmp_path)
    import tasks

    tasks.build(Context())
    return tmp_path


@pytest.fixture(scope="session")
def vnu():
    """A command line that runs the Nu HTML Checker (java + node_modules/vnu-jar)."""
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if java is None or not jar.is_file():
        pytest.fail(
            "the Nu HTML Checker needs Java 11+ and node_modules/vnu-jar "
            "(hint: apt-get install default-jre-headless && npm ci)"
        )
    return [java, "-jar", str(jar)]


PROJECT_FILES = ("pelicanconf.py", "publishconf.py", "tasks.py")
PROJECT_DIRS = ("content", "theme")


@pytest.fixture
def project(tmp_path):
    """A copy of the project, to break its content without touching the real one."""
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, tmp_path / name)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def invoke(project, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def run_vnu(vnu, output):
    """Nu HTML Checker errors for every HTML, CSS and SVG file under ``output``."""
    import json

    result = subprocess.run(
        [
            *vnu,
            "--skip-non-html",
            "--also-check-css",
            "--also-check-svg",
            "--format",
            "json",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{m.get('url', '').split(str(output))[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


@pytest.fixture
def task(project, monkeypatch, capsys):
    """Run a task of tasks.py in-process, in the copied project, as invoke would.

    ``task("new-talk", "Titolo", "--speakers", "a")`` returns an object like a
    finished subprocess (returncode, stdout, stderr). A few tests still run
    the real `invoke` command (``invoke()`` above) as smoke tests.
    """
    from invoke import Context, Exit

    import tasks

    monkeypatch.chdir(project)

    def run(name, *args):
        positional, options, words = [], {}, list(args)
        while words:
            word = words.pop(0)
            if word.startswith("--"):
                options[word[2:].replace("-", "_")] = words.pop(0)
            else:
                positional.append(word)
        capsys.readouterr()
        code, message = 0, ""
        try:
            getattr(tasks, name.replace("-", "_"))(Context(), *positional, **options)
        except Exit as exc:
            code, message = exc.code, exc.message or ""
        out, err = capsys.readouterr()
        err += f"{message}\n" if message else ""
        return subprocess.CompletedProcess(name, code, out, err)

    return run


# In a real browser: Debian's chromium driven by Playwright, never a download.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def server(synthetic):
    """The SYNTHETIC site served on 127.0.0.1: its base URL."""
    from tests.localserver import serve

    with serve(synthetic.output) as base_url:
        yield base_url


def pelican_content(project):
    """Run the plain `pelican content` command a Pelican user types, in ``project``."""
    return subprocess.run(
        [Path(sys.executable).with_name("pelican"), "content", "-s", "pelicanconf.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def browser():
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "browser tests need Debian's chromium (hint: apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page that records every request and never reaches past this machine."""
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.csp_errors = []

    def guard(route):
        page.requests.append(route.request.url)
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    page.route("**/*", guard)
    page.on(
        "console",
        lambda m: (
            "Content Security Policy" in m.text and page.csp_errors.append(m.text)
        ),
    )
    yield page
    context.close()

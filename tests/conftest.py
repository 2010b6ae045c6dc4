"""Fixtures: the real site, a SYNTHETIC archive, the SYNTHETIC community
(tests/community.py) and a small project, each built once per run into
temporary folders (the xdist workers share them); a Chromium per worker. The
functions they use are in tests/helpers.py.

Only `site` reads the real content/, and only checks that hold whatever it
says use it (helpers.real_content_problems); `project` is a copy of the
project with the SYNTHETIC community as its content.

A test that uses the `browser` or `page` fixture is marked `browser`, one that
uses `vnu` is marked `vnu` (declared in pyproject.toml): `invoke test --fast`
leaves both out.
"""

import contextlib
import fcntl
import io
import os
import pickle
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest

from tests import helpers
from tests.community import write_community
from tests.helpers import (
    PROJECT_FILES,
    ROOT,
    build_site,
    copy_project,
    serve,
    write_small_project,
)
from tests.synthetic import make_archive

# The suite reads the maintainers' English messages (eroi/messages.py: the
# language is read when a message is made), and so do the commands it runs
# (subprocesses inherit the environment); tests/test_italian.py reads Italian.
os.environ.setdefault("EROI_LANG", "en")

BROWSER_FIXTURES = {"browser", "page"}

# The longest modules first (`invoke test` keeps this order: --dist loadfile
# --no-loadscope-reorder), so that no worker is left with one of them at the
# end while the other has nothing to do; the short ones fill in.
LONGEST = (
    "test_accessibility.py",
    "test_hostile.py",
    "test_mylist.py",
    "test_search.py",
    "test_layout_shift.py",
    "test_browser.py",
    "test_writers_loop.py",
    "test_sharing.py",
    "test_talks_synthetic.py",
    "test_contributing.py",
    "test_opendata.py",
    "test_quality.py",
    "test_content_independent.py",
    "test_editing.py",
    "test_playlist.py",
    "test_boundary.py",
    "test_build.py",
    "test_writers.py",
)


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if "vnu" in used:
            item.add_marker(pytest.mark.vnu)

    def order(item):
        name = item.path.name
        return LONGEST.index(name) if name in LONGEST else len(LONGEST)

    items.sort(key=order)  # stable: each module's tests stay in their order


def made_once(tmp_path_factory, name, make):
    """What ``make(folder)`` returns, made once per run: the xdist workers
    share the run's temporary folder, the first makes it and the others wait
    for it and read it. ``folder`` is never changed afterwards."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's
    folder, made = root / name, root / f"{name}.pickle"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            folder.mkdir(exist_ok=True)
            made.write_bytes(pickle.dumps(make(folder)))
    return pickle.loads(made.read_bytes())


@pytest.fixture(scope="session", autouse=True)
def card_cache(tmp_path_factory):
    """One share-card cache for the run's builds (helpers.CARD_CACHE); cards
    are written under a temporary name and renamed, so workers may share it."""
    helpers.CARD_CACHE = made_once(tmp_path_factory, "cards", lambda folder: folder)
    yield helpers.CARD_CACHE
    helpers.CARD_CACHE = None


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real content/, built with pelicanconf.py."""
    return made_once(
        tmp_path_factory, "site", lambda folder: build_site(folder / "output")
    )


def build_community(root):
    write_community(root)
    return build_site(root / "output", PATH=str(root / "content"))


@pytest.fixture(scope="session")
def community(tmp_path_factory):
    """The SYNTHETIC community (tests/community.py), built with pelicanconf.py."""
    return made_once(tmp_path_factory, "community", build_community)


def build_synthetic(root):
    """A cold build, as a CI deploy's: its share cards are all drawn, into a
    cache of its own (root/cards), and what it printed on stdout is kept."""
    archive = make_archive(root / "content")
    printed = io.StringIO()
    ci = os.environ.get("CI")
    os.environ["CI"] = "true"
    try:
        with contextlib.redirect_stdout(printed):
            site = build_site(
                root / "output",
                PATH=str(root / "content"),
                TALKS_NOW=archive.now,
                SHARE_CARDS_CACHE=str(root / "cards"),
            )
    finally:
        if ci is None:
            del os.environ["CI"]
        else:
            os.environ["CI"] = ci
    site.archive, site.printed = archive, printed.getvalue()
    return site


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    """A SYNTHETIC archive (tests/synthetic.py) built with the project's
    settings (build_synthetic)."""
    return made_once(tmp_path_factory, "synthetic", build_synthetic)


def build_bilingual(root):
    """A small SYNTHETIC archive whose talks 1, 2 and 7 are in English."""
    archive = make_archive(root / "content", talks=12, speakers=5, english=(1, 2, 7))
    site = build_site(
        root / "output", PATH=str(root / "content"), TALKS_NOW=archive.now
    )
    site.archive = archive
    return site


# Small pages, so that 120 talks and 12 speakers need several of each.
PAGED = {"index": None, "talks": 20, "talk_tag": 10, "speaker": 5, "speakers": 5}


def build_paged(root):
    archive = make_archive(root / "content", talks=120, speakers=12, articles=2)
    site = build_site(
        root / "output",
        PATH=str(root / "content"),
        TALKS_NOW=archive.now,
        PAGINATED_TEMPLATES=PAGED,
        CONTRIBUTE_LIST_MOST=5,
    )
    site.archive = archive
    return site


@pytest.fixture(scope="session")
def bilingual(tmp_path_factory):
    """A SYNTHETIC archive in two languages (build_bilingual), served: the
    site, with its base URL as ``base_url``."""
    site = made_once(tmp_path_factory, "bilingual", build_bilingual)
    with serve(site.output) as site.base_url:
        yield site


@pytest.fixture(scope="session")
def paged(tmp_path_factory):
    """A SYNTHETIC archive of 120 talks built with small pages (PAGED) and at
    most 5 files a gap on /contribuisci/."""
    return made_once(tmp_path_factory, "paged", build_paged)


@pytest.fixture(scope="session")
def paged_server(paged):
    """The paged SYNTHETIC site served on 127.0.0.1: its base URL."""
    with serve(paged.output) as base_url:
        yield base_url


def build_prepared(folder):
    from invoke import Context

    import tasks

    write_small_project(folder)
    here = os.getcwd()
    os.chdir(folder)
    try:
        tasks.build(Context())
    finally:
        os.chdir(here)
    return folder


@pytest.fixture(scope="session")
def prepared(tmp_path_factory):
    """A small project (one speaker, talk and article, an image), built once:
    settings, tasks.py, theme, content/, output/ and cache/. Copy it, never
    change it (`small_project`)."""
    return made_once(tmp_path_factory, "prepared", build_prepared)


@pytest.fixture
def small_project(prepared, tmp_path, monkeypatch):
    """A fresh copy of the prepared small project, output/ included; the
    working folder is the copy."""
    project = copy_project(prepared, tmp_path / "project")
    monkeypatch.chdir(project)
    return project


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
    # Only the JIT's first tier and the serial collector: half the CPU time
    # for these short runs, the same messages. Compiled that way, the
    # checker's recursion needs a deeper stack than Java's default.
    return [
        java,
        "-Xss8m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-jar",
        str(jar),
    ]


@pytest.fixture
def project(tmp_path):
    """A copy of the project (settings, tasks.py, theme) whose content is the
    SYNTHETIC community (tests/community.py): to run and break the writers'
    commands on files the tests know, whatever the real content/ says."""
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    write_community(tmp_path)
    return tmp_path


@pytest.fixture
def task(project, monkeypatch, capsys):
    """Run a task of tasks.py in-process, in the copied project, as invoke would.

    ``task("new-talk", "Titolo", "--speakers", "a")`` returns an object like a
    finished subprocess (returncode, stdout, stderr). A few tests still run
    the real `invoke` command (helpers.invoke) as smoke tests.
    """
    monkeypatch.chdir(project)
    return task_runner(capsys)


@pytest.fixture
def small_task(small_project, capsys):
    """`task`, in a copy of the prepared small project (built already)."""
    return task_runner(capsys)


def task_runner(capsys):
    """Tasks of tasks.py, run in-process in the working folder."""
    from invoke import Context, Exit

    import tasks

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


@pytest.fixture(scope="session")
def server(synthetic):
    """The SYNTHETIC site served on 127.0.0.1: its base URL."""
    with serve(synthetic.output) as base_url:
        yield base_url


# In a real browser: Debian's chromium driven by Playwright, never a download.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """One Chromium per session (per xdist worker); each test gets its own
    context (`page`), so no state passes from one test to the next."""
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

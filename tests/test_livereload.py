"""`invoke livereload`: edits rebuild the site; a content error keeps the last good build."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

ARTICLE = "content/articles/articolo.md"
ARTICLE_URL = "/blog/2020/benvenuti/"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8")


def wait_for(condition, seconds=40):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture
def livereload(small_project):
    """`invoke livereload` in a copy of the small project (its output built)."""
    project = small_project
    port = free_port()
    log = (project / "livereload.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://localhost:{port}"
    try:
        assert wait_for(lambda: fetch(base + ARTICLE_URL)[0] == 200), (
            "server did not start"
        )
        yield base, project / "livereload.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
        log.close()


def test_edit_rebuilds_and_error_keeps_serving(livereload, small_project):
    project = small_project
    base, log = livereload
    status, page = fetch(base + ARTICLE_URL)
    assert "<h1>Benvenuti</h1>" in page
    assert "livereload.js" in page  # the page reloads itself after a rebuild

    source = project / ARTICLE
    source.write_text(
        source.read_text().replace("Ciao @stefano.pasquini.", "Ciao a tutti.")
    )
    assert wait_for(lambda: "Ciao a tutti." in fetch(base + ARTICLE_URL)[1])

    (project / "content" / "articles" / "rotto.md").write_text(
        "Title: Rotto\nDate: ieri\n\nx\n"
    )
    assert wait_for(lambda: "is not a valid date" in log.read_text())
    assert (
        "content/articles/rotto.md:2: date: 'ieri' is not a valid date"
        in log.read_text()
    )
    status, page = fetch(base + ARTICLE_URL)  # the server lives on, last good build
    assert status == 200 and "Ciao a tutti." in page

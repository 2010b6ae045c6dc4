"""While `invoke livereload` runs, a content problem shows on the open page.

The loop runs in-process (its watcher, its preview server, its full builds)
on a small project; Debian's Chromium shows the page. Breaking a file shows
an Italian alert over the page with the problem's line (the terminal prints
the same line), axe finds nothing wrong with it, and the next good save
takes it away.
"""

import threading
import time

import pytest

from eroi.tools import livereload, runner, server
from tests.axe import assert_no_violation

ARTICLE = "content/articles/articolo.md"
BROKEN = "Title: Benvenuti\nDate: ieri\n\nCiao.\n"
LINE = "content/articles/articolo.md:2: date: 'ieri' is not a valid date"


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def loop(small_project):
    settings = runner.load_settings()
    preview = server.PreviewServer(settings["OUTPUT_PATH"], "127.0.0.1", 0)
    threading.Thread(target=preview.serve_forever, daemon=True).start()
    running = livereload.Loop(preview)
    running.start([settings["PATH"], settings["THEME"]])
    running.base = f"http://127.0.0.1:{preview.server_address[1]}"
    yield running
    running.stop()
    preview.shutdown()
    preview.server_close()


def test_a_problem_shows_on_the_page_until_a_good_save(
    loop, small_project, page, capfd
):
    page.goto(f"{loop.base}/blog/2020/benvenuti/")
    article = small_project / ARTICLE
    good = article.read_text(encoding="utf-8")
    article.write_text(BROKEN, encoding="utf-8")
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=60_000)
    assert alert.get_by_role("heading").inner_text() == (
        "Il sito non è stato aggiornato: correggi questi file"
    )
    assert LINE in alert.inner_text()
    assert LINE in capfd.readouterr().err  # the terminal says the same
    assert_no_violation(page, "the preview's alert")
    page.reload()  # a page opened meanwhile shows it too
    page.get_by_role("alert").wait_for(timeout=10_000)
    article.write_text(good + "\nDi nuovo a posto.\n", encoding="utf-8")
    assert wait_for(lambda: page.get_by_role("alert").count() == 0)
    assert page.get_by_text("Di nuovo a posto.").count() == 1

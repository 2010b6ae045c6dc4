"""The writer's loop (`invoke livereload`): a save shows its page at once, and
once the loop settles the served folder is exactly a full build.

The loop runs in-process on a small project: its real watcher (inotify), its
preview server on 127.0.0.1, its quick render and its full builds. After each
edit of a series (body, title, date, speakers, tags, a new file, a picture
shown and replaced, a deleted file, a speaker, a caption file, a template)
the changed page is fetched as the browser would, then the settled output is
compared with a full build of the same content, file by file (Pagefind's
index aside: its chunks are ordered at random).
"""

import threading
import time
import urllib.error
import urllib.request

import pytest

from eroi.tools import livereload as devloop
from eroi.tools import runner
from eroi.tools import server as devserver
from tests.captions import speech, subrip
from tests.helpers import snapshot
from tests.synthetic import tiny_image

TALK = (
    "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
    "YouTube: SYNTHloop01\nDuration: 10 min\n\nLa serata.\n"
)
TALK_PAGE = "videoconferenze/una-serata/index.html"
ARTICLE_PAGE = "blog/2020/benvenuti/index.html"
SPEAKER_PAGE = "relatori/stefano-pasquini/index.html"


def fetch(base, page):
    try:
        with urllib.request.urlopen(f"{base}/{page}", timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def loop(small_project, capfd):
    (small_project / "content" / "talks" / "serata.md").write_text(TALK)
    # A speaker a page: with two speakers, the index is a list in two pages.
    with (small_project / "pelicanconf.py").open("a") as settings_file:
        settings_file.write('PAGINATED_TEMPLATES["speakers"] = 1\n')
    settings = runner.load_settings()
    server = devserver.PreviewServer(settings["OUTPUT_PATH"], "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    running = devloop.Loop(server)
    running.start([settings["PATH"], settings["THEME"]])
    assert running.runner.last is not None, "the first build failed"
    running.base = f"http://127.0.0.1:{server.server_address[1]}"
    capfd.readouterr()
    yield running
    running.stop()
    server.shutdown()
    server.server_close()


def settle(loop, before):
    assert wait_for(lambda: loop.full_builds > before and loop.settled()), (
        "the loop did not settle"
    )


def assert_same_as_a_full_build(project, tmp_path):
    full = tmp_path / "full"
    runner.build(OUTPUT_PATH=str(full))

    def files(folder):
        return {
            path: data
            for path, data in snapshot(folder).items()
            if not path.parts[0].startswith("pagefind")  # the search bundles
        }

    served = files(project / "output")
    built = files(full)
    assert sorted(served) == sorted(built)
    assert [p for p in served if served[p] != built[p]] == []


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_edit_shows_at_once_and_settles_into_a_full_build(
    loop, small_project, tmp_path
):
    content = small_project / "content"
    talk, article = (
        content / "talks" / "serata.md",
        content / "articles" / "articolo.md",
    )
    speaker = content / "speakers" / "stefano.pasquini.md"
    footer = small_project / "theme" / "templates" / "partials" / "footer.html"
    second = content / "speakers" / "mario.rossi.md"

    def new_speaker():
        second.write_text("Name: Mario Rossi\nHandle: mario.rossi\n\nBio.\n")

    def captions():
        lines = speech(20, seed=3)
        lines[0] = (*lines[0][:-1], "Parolachiave")
        (content / "talks" / "serata.it.srt").write_text(subrip(lines))

    def saved_twice(path, old, first, second):
        edit(path, old, first)
        assert wait_for(lambda: first in fetch(loop.base, TALK_PAGE))
        edit(path, first, first.replace("prima", second))

    def new_article():
        (content / "articles" / "nuovo.md").write_text(
            "Title: Un nuovo articolo\nDate: 2020-02-01 10:00\n\nNuovo.\n"
        )

    steps = [
        # (what, the edit, the page that shows it, the text it shows, at once?)
        (
            "body",
            lambda: edit(article, "Ciao", "Ciao a tutti"),
            ARTICLE_PAGE,
            "Ciao a tutti",
            True,
        ),
        (
            "tags",
            lambda: edit(article, "Date:", "Tags: comunità\nDate:"),
            ARTICLE_PAGE,
            "comunità",
            True,
        ),
        (
            "talk date",
            lambda: edit(talk, "2020-01-13", "2020-01-20"),
            TALK_PAGE,
            "20 gennaio 2020",
            True,
        ),
        (
            "talk saved twice before its full build",
            lambda: saved_twice(talk, "La serata.", "La serata, prima.", "seconda"),
            TALK_PAGE,
            "La serata, seconda.",
            True,
        ),
        (
            "speaker bio",
            lambda: edit(speaker, "Bio.", "Bio nuova."),
            SPEAKER_PAGE,
            "Bio nuova.",
            True,
        ),
        (
            "new speaker file",
            new_speaker,
            "relatori/mario-rossi/index.html",
            "Mario Rossi",
            False,
        ),
        (
            "speakers",
            lambda: edit(talk, "stefano.pasquini", "stefano.pasquini, mario.rossi"),
            TALK_PAGE,
            "Mario Rossi",
            True,
        ),
        ("caption file", captions, TALK_PAGE, "Parolachiave", True),
        (
            "template",
            lambda: edit(footer, "</footer>", "<p>Piè nuovo</p></footer>"),
            TALK_PAGE,
            "Piè nuovo",
            True,
        ),
        (
            "template, open on a list's second page",
            lambda: edit(footer, "Piè nuovo", "Piè rinnovato"),
            "relatori/pagina/2/index.html",
            "Piè rinnovato",
            True,
        ),
        (
            "title",
            lambda: edit(talk, "Title: Una serata", "Title: Una serata bis"),
            "videoconferenze/una-serata-bis/index.html",
            "Una serata bis",
            False,
        ),
        (
            "new file",
            new_article,
            "blog/2020/un-nuovo-articolo/index.html",
            "Un nuovo articolo",
            False,
        ),
        (
            "a picture shown",
            lambda: edit(
                article, "Ciao a tutti", "![Una foto]({static}/images/foto.png)"
            ),
            ARTICLE_PAGE,
            "/images/foto.png.2.webp 2w",
            True,
        ),
        (
            "the picture replaced",  # no page: the full build makes it
            lambda: (content / "images" / "foto.png").write_bytes(
                tiny_image("PNG", size=(40, 30))
            ),
            ARTICLE_PAGE,
            'width="40"',
            False,
        ),
        (
            "deleted file",
            lambda: (content / "articles" / "nuovo.md").unlink(),
            "blog/2020/un-nuovo-articolo/index.html",
            "HTTP 404",
            False,
        ),
    ]
    # Full builds wait at this gate: what shows before it opens, the quick
    # step wrote.
    gate = threading.Event()
    full_build = loop.build

    def gated_build():
        gate.wait()
        return full_build()

    loop.build = gated_build
    for what, change, page, text, at_once in steps:
        fetch(loop.base, page)  # the page the browser has open
        before = loop.full_builds
        gate.clear()
        change()
        if at_once:
            assert wait_for(lambda t=text, p=page: t in fetch(loop.base, p)), what
        gate.set()
        settle(loop, before)
        assert text in fetch(loop.base, page), what
        assert_same_as_a_full_build(small_project, tmp_path / what.replace(" ", "-"))


def test_a_content_error_prints_its_line_and_keeps_the_last_good_site(
    loop, small_project, capfd
):
    article = small_project / "content" / "articles" / "articolo.md"
    good = fetch(loop.base, ARTICLE_PAGE)
    before = loop.full_builds
    edit(article, "Date: 2020-01-01 10:00", "Date: ieri")
    settle(loop, before)
    printed = capfd.readouterr().err.splitlines()
    line = "content/articles/articolo.md:2: date: 'ieri' is not a valid date"
    assert [p.split(" (hint")[0] for p in printed if "articolo.md" in p] == [line]
    assert fetch(loop.base, ARTICLE_PAGE) == good
    before = loop.full_builds
    edit(article, "Date: ieri", "Date: 2020-01-01 10:00")
    settle(loop, before)
    assert fetch(loop.base, ARTICLE_PAGE) == good

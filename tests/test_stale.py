"""No stale output: after any change, a build gives what a clean build gives.

For each kind of input a build reads (a content file, a caption file, an
image, a template, a theme file, the settings file) the change is made with
the file's old modification time put back, as `cp -p` or `rsync -a` would
leave it; a runner that built before (livereload keeps one, with its memory)
builds again, and its output is compared, byte for byte, with a clean build
by a fresh runner into another folder. Pagefind's bundles are left out: they
are not byte-reproducible from one run to the next.
"""

import io
import os
import shutil

import pytest
from PIL import Image

from eroi.tools import runner
from tests.helpers import ROOT
from tests.synthetic import tiny_png

SPEAKER = "Name: Stefano Pasquini\nHandle: stefano.pasquini\nAvatar: /images/io.png\n"
TALK = (
    "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
    "YouTube: SYNTHstal01\nDuration: 10 min\n\nLa serata.\n"
)
ARTICLE = (
    "Title: Benvenuti\nDate: 2020-01-01 10:00\n\n![Foto]({static}/images/foto.png)\n"
)
CAPTIONS = "1\n00:00:01,000 --> 00:00:04,000\nParole della prima versione.\n"


def picture(colour):
    stream = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(stream, "PNG")
    return stream.getvalue()


CHANGES = {
    "content file": ("content/articles/benvenuti.md", lambda old: old.replace(
        "Benvenuti", "Benvenute")),
    "caption file": ("content/talks/serata.it.srt", lambda old: old.replace(
        "prima", "nuova")),
    "speaker file": ("content/speakers/stefano.pasquini.md", lambda old: old.replace(
        "Stefano Pasquini", "Stefania Pasquini")),
    "template": ("theme/templates/article.html", lambda old: old.replace(
        "</article>", "<p>Una riga in più.</p></article>", 1)),
    "theme file": ("theme/static/css/site.css", lambda old: old + "\n.nuova{}\n"),
    "settings file": ("pelicanconf.py", lambda old: old.replace(
        'SITENAME = "Eroi Digitali"', 'SITENAME = "Eroi Digitali!"')),
}  # fmt: skip


@pytest.fixture
def project(tmp_path, monkeypatch):
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    content = tmp_path / "content"
    for path, text in (
        ("speakers/stefano.pasquini.md", SPEAKER),
        ("talks/serata.md", TALK),
        ("talks/serata.it.srt", CAPTIONS),
        ("articles/benvenuti.md", ARTICLE),
    ):
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    (content / "images").mkdir()
    (content / "images" / "foto.png").write_bytes(tiny_png())
    (content / "images" / "io.png").write_bytes(tiny_png())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def built(builder, output):
    builder.build(OUTPUT_PATH=str(output), SHARE_CARDS_CACHE="cards")
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
        and not path.relative_to(output).parts[0].startswith("pagefind")
    }


def keep_time(path, change):
    """Change the file at ``path``, then put its modification time back."""
    before = os.stat(path)
    change()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_a_change_that_keeps_the_old_time_builds_as_a_clean_build(project, kind):
    builder = runner.Runner()
    first = built(builder, project / "output")
    name, change = CHANGES[kind]
    path = project / name
    old = path.read_text(encoding="utf-8")
    keep_time(path, lambda: path.write_text(change(old), encoding="utf-8"))
    again = built(builder, project / "output")
    clean = built(runner.Runner(), project / "clean")
    assert again != first, "the change shows nowhere: the test changes nothing"
    assert again == clean


def test_an_image_replaced_with_the_old_time_is_published_anew(project):
    builder = runner.Runner()
    built(builder, project / "output")
    path = project / "content" / "images" / "io.png"
    keep_time(path, lambda: path.write_bytes(picture("red")))
    again = built(builder, project / "output")
    assert again["images/io.png"] == path.read_bytes()
    assert again == built(runner.Runner(), project / "clean")

"""Careless and hostile content, one table: refused cleanly, or built harmlessly.

Each refused case runs through `invoke build` (its task, in-process) and the
plain `pelican content` command (Pelican's own ``main``, in-process): the
exact problem line, exit status 1, no traceback, the previous output/ byte for
byte. Each accepted case builds, and its pages escape what must be escaped
and load nothing from another host. A real subprocess of each command is in
test_build.py and test_talks_validation.py.
"""

import json

import pytest
from invoke import Context, Exit
from pelican import main as pelican_main

from tests import sitecheck
from tests.synthetic import tiny_png

SPEAKER = "Name: Stefano Pasquini\nHandle: stefano.pasquini\n\nBio.\n"
TALK = "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
ARTICLE = "Title: Un articolo\nDate: 2020-01-01 10:00\n"
BASE_ARTICLE = "Title: Benvenuti\nDate: 2020-01-01 10:00\n"
PIXEL = tiny_png()

# (file, text, expected `path:line: field: message`), the hint follows.
REFUSED = [
    (
        "articles/caso.md",
        "Title: Data\nDate: ieri\n\nx\n",
        "content/articles/caso.md:2: date: 'ieri' is not a valid date",
    ),
    (
        "articles/caso.md",
        "Date: 2020-01-01\n\nTesto.\n",
        "content/articles/caso.md:1: title: missing",
    ),
    (
        "articles/caso.md",
        "Title: Perch\xe9\nDate: 2020-01-01\n\nx\n".encode("latin-1"),
        "content/articles/caso.md:1: file: is not UTF-8 text",
    ),
    (
        "articles/caso.md",
        "Title: UTF-16\nDate: 2020-01-01\n".encode("utf-16"),
        "content/articles/caso.md:1: file: is not UTF-8 text",
    ),
    ("articles/caso.md", " \n\n", "content/articles/caso.md:1: file: is empty"),
    (
        "articles/caso.md",
        ARTICLE + "\n![logo](https://elsewhere.example/logo.png)\n",
        "content/articles/caso.md:4: body: <img src> loads "
        "https://elsewhere.example/logo.png from another site",
    ),
    (
        "articles/caso.md",
        ARTICLE + "\nx\n\n<script>alert(1)</script>\n",
        "content/articles/caso.md:6: body: <script> runs a script",
    ),
    (
        "articles/caso.md",
        ARTICLE + "\n[clic](javascript:alert(1))\n",
        "content/articles/caso.md:4: body: <a href='javascript:alert(1)'> can run a "
        "script",
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<iframe src="https://evil.example/"></iframe>\n',
        "content/articles/caso.md:4: body: <iframe src='https://evil.example/'> loads "
        "another site's page",
    ),
    (
        "articles/caso.md",
        ARTICLE
        + '\n<img alt="x" src="/x.png" srcset="https://cdn.example/a.png 2x">\n',
        "content/articles/caso.md:4: body: <img srcset> loads https://cdn.example/a.png "
        "from another site",
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<video src="https://cdn.example/v.mp4"></video>\n',
        "content/articles/caso.md:4: body: <video> plays a file",
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<audio controls><source src="//cdn.example/a.mp3"></audio>\n',
        [
            "content/articles/caso.md:4: body: <audio> plays a file",
            "content/articles/caso.md:4: body: <source src> loads //cdn.example/a.mp3 "
            "from another site",
        ],
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<link rel="stylesheet" href="https://cdn.example/s.css">\n',
        "content/articles/caso.md:4: body: <link> loads a file into the page",
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<object data="https://cdn.example/f.swf"></object>\n',
        "content/articles/caso.md:4: body: <object> embeds a plug-in",
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<embed src="https://cdn.example/f.swf">\n',
        "content/articles/caso.md:4: body: <embed> embeds a plug-in",
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<style>@import "https://cdn.example/s.css";</style>\n',
        "content/articles/caso.md:4: body: <style> restyles the whole page",
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<p style="background: url(https://cdn.example/b.png)">x</p>\n',
        "content/articles/caso.md:4: body: style loads https://cdn.example/b.png from "
        "another site",
    ),
    (
        "articles/caso.md",
        ARTICLE + '\n<img src="/x.png" alt="x" onerror="alert(1)">\n',
        "content/articles/caso.md:4: body: <img onerror> runs a script",
    ),
    (
        "articles/caso.md",
        ARTICLE + "\n![segreto]({static}/../../segreto.png)\n",
        "content/articles/caso.md:4: body: '../../segreto.png' is outside content/",
    ),
    (
        "articles/caso.md",
        ARTICLE + "\n![](images/foto.png)\n",
        "content/articles/caso.md:4: image: images/foto.png has no alt text",
    ),
    (
        "articles/caso.md",
        ARTICLE + "Slug: ../../fuori\n\nx\n",
        "content/articles/caso.md:3: slug: '../../fuori' is not a single part of a URL",
    ),
    (
        "articles/caso.md",
        ARTICLE + f"Slug: {'x' * 300}\n\nx\n",
        "content/articles/caso.md:3: slug: is 300 characters long",
    ),
    (
        "articles/caso.md",
        ARTICLE + "Status: publshed\n\nx\n",
        "content/articles/caso.md:3: status: 'publshed' is not one of published, draft, hidden",
    ),
    (
        "articles/caso.md",
        ARTICLE + 'Summary: <img src="/x.png" alt="x" onerror="alert(1)">\n\nx\n',
        "content/articles/caso.md:3: body: <img onerror> runs a script",
    ),
    (
        "articles/caso.md",
        ARTICLE + f"Tags: community, {'lunghissimo ' * 20}\n\nx\n",
        "content/articles/caso.md:3: tags: 'lunghissimo lunghissimo lunghissimo lung…' "
        "is 239 characters long",
    ),
    (
        "articles/caso.md",
        "Title: !!!\nDate: 2020-01-02\n\nx\n",
        "content/articles/caso.md:1: title: '!!!' gives no URL",
    ),
    (
        "articles/zz-copia.md",
        "Title: Benvenuti\nDate: 2021-05-05\n\nCopia.\n",
        [
            "content/articles/articolo.md:1: slug: 'benvenuti' is also the URL of "
            "content/articles/zz-copia.md",
            "content/articles/zz-copia.md:1: slug: 'benvenuti' is also the URL of "
            "content/articles/articolo.md",
        ],
    ),
    (
        "pages/chi-siamo.md",
        "Title: Chi siamo\n\n![gruppo](http://elsewhere.example/gruppo.jpg)\n",
        "content/pages/chi-siamo.md:3: body: <img src> loads "
        "http://elsewhere.example/gruppo.jpg from another site",
    ),
    (
        "talks/caso.md",
        TALK.replace("2020-01-13 17:00", "lunedì prossimo"),
        "content/talks/caso.md:2: date: 'lunedì prossimo' is not a valid date",
    ),
    (
        "talks/caso.md",
        TALK.replace("stefano.pasquini", "stefano.pasqini"),
        "content/talks/caso.md:3: speakers: unknown speaker 'stefano.pasqini'",
    ),
    (
        "talks/caso.md",
        TALK + "Slides: javascript:alert(document.cookie)\n",
        "content/talks/caso.md:4: slides: 'javascript:alert(document.cookie)' is not a "
        "link",
    ),
    (
        "talks/caso.md",
        TALK + "Discussion: ftp://forum.example/t/1\n",
        "content/talks/caso.md:4: discussion: 'ftp://forum.example/t/1' is not a link",
    ),
    (
        "talks/caso.md",
        TALK + "\n00:00:00 Inizio\n00:75:00 Fine\n",
        "content/talks/caso.md:6: chapters: '00:75:00' is not a time: minutes and "
        "seconds go up to 59",
    ),
    (
        "talks/caso.md",
        TALK + "Duration: 30 min\n\n00:00:00 Inizio\n00:45:00 Fine\n",
        "content/talks/caso.md:7: chapters: '00:45:00' is after the end of the video "
        "(30 min)",
    ),
    (
        "talks/caso.md",
        TALK + "YouTube: https://vimeo.com/12345\n",
        "content/talks/caso.md:4: youtube: 'https://vimeo.com/12345' is not a YouTube "
        "video id or URL",
    ),
    (
        "talks/caso.md",
        TALK + "\n<img src=https://tracker.example/p.gif alt=x>\n",
        "content/talks/caso.md:5: body: <img src> loads https://tracker.example/p.gif "
        "from another site",
    ),
    (
        "speakers/caso.md",
        "Name: Caso\nHandle: caso\nWebsite: javascript:alert(1)\n",
        "content/speakers/caso.md:3: website: 'javascript:alert(1)' is not a link",
    ),
    (
        "speakers/caso.md",
        "Name: Caso\nHandle: caso\nAvatar: ../../../etc/passwd\n",
        "content/speakers/caso.md:3: avatar: '../../../etc/passwd' is outside content/",
    ),
    (
        "speakers/caso.md",
        "Name: Caso\nHandle: caso\nAvatar: https://cdn.example/a.png\n",
        "content/speakers/caso.md:3: avatar: 'https://cdn.example/a.png' is on another "
        "site",
    ),
    (
        "speakers/caso.md",
        "Name: Caso\nHandle: caso\nCommunity: data:text/html,<script>alert(1)</script>\n",
        "content/speakers/caso.md:3: community: 'data:text/html,<script>alert(1)</script>' "
        "is not a link",
    ),
    (
        "speakers/caso.md",
        "Name: Caso\nHandle: caso con spazi\n",
        "content/speakers/caso.md:2: handle: 'caso con spazi' is not a forum handle",
    ),
    (
        "speakers/caso.md",
        "Name: Caso\n\nBio.\n",
        "content/speakers/caso.md:1: handle: missing",
    ),
]


def invoke_task(name):
    """`invoke <name>` (a task without arguments), in-process; its exit status."""
    import tasks

    try:
        getattr(tasks, name)(Context())
    except Exit as exc:
        return exc.code
    return 0


def invoke_build():
    return invoke_task("build")


def pelican_content(*args):
    """The plain `pelican content` command, in-process; its exit status."""
    try:
        pelican_main(["content", "-s", "pelicanconf.py", *args])
    except SystemExit as exc:
        return exc.code
    return 0


def snapshot(folder):
    return {
        p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def write(project, name, text):
    path = project / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    REFUSED,
    ids=[str(c[2]).split(":", 3)[-1][:60] for c in REFUSED],
)
@pytest.mark.parametrize("command", ["invoke build", "pelican content"])
def test_refused(small_project, capsys, name, text, expected, command):
    before = snapshot(small_project / "output")
    write(small_project, name, text)
    capsys.readouterr()
    status = invoke_build() if command == "invoke build" else pelican_content()
    out, err = capsys.readouterr()
    assert status == 1
    lines = [line for line in (out + err).splitlines() if line.strip()]
    expected = [expected] if isinstance(expected, str) else expected
    assert len(lines) == len(expected), lines
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start + " (hint: ") and line.endswith(")"), line
    assert "Traceback" not in out + err
    assert snapshot(small_project / "output") == before
    assert not list(small_project.glob(".output-*"))


def test_all_problems_of_all_files_at_once(small_project, capsys):
    for n, (name, text, _expected) in enumerate(REFUSED[:8] + REFUSED[24:26]):
        if isinstance(text, str):
            text = text.replace("Title: Un articolo", f"Title: Caso {n}")
        write(small_project, name.replace("caso", f"caso{n}"), text)
    capsys.readouterr()
    assert pelican_content() == 1
    _out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 10, err


# Accepted: what a writer may legitimately do builds, and harms no reader ----------

LONG = "Una serata lunghissima sulla sicurezza " * 80
ACCEPTED = [
    (
        "articles/caso.md",
        "Title: <script>alert(1)</script></script> & co\nDate: 2020-01-02\n"
        'Summary: <b>grassetto</b> & "virgolette" </script>\nTags: <b>tag</b>\n\n'
        "Testo.\n",
        "/blog/2020/scriptalert1scriptscript-co/",
        "it",
    ),
    (
        "articles/caso.md",
        "\ufeffTitle: Con BOM\r\nDate: 2020-01-02\r\n\r\nTesto.\r\n",
        "/blog/2020/con-bom/",
        "it",
    ),
    (
        "articles/caso.md",
        "Title: In English\nDate: 2020-01-02\nLang: en\n\nHello.\n",
        "/blog/2020/in-english/en/",
        "en",
    ),
    (
        "articles/caso.md",
        f"Title: {LONG}\nDate: 2020-01-02\n\nTesto.\n",
        "/blog/2020/una-serata-lunghissima-sulla-sicurezza-una-serata-lunghissima-sulla-sicurezza/",
        "it",
    ),
    (
        "talks/caso.md",
        "Title: </script><b>Serata</b>\nDate: 2020-02-03 17:00\n"
        "Speakers: stefano.pasquini\nSummary: <i>Serata</i> </textarea>\n"
        'Slides: https://example.org/s.pdf?a=1&b="2"\n\nTesto.\n',
        "/videoconferenze/scriptbseratab/",
        "it",
    ),
    (
        "talks/caso.md",
        "Title: A talk in English\nDate: 2020-02-03 17:00\nSpeakers: stefano.pasquini\n"
        "Lang: en\n\nHello.\n",
        "/videoconferenze/a-talk-in-english/",
        "en",
    ),
    (
        "talks/caso.md",
        f"Title: {LONG}\nDate: 2020-02-03 17:00\nSpeakers: stefano.pasquini\n\nx\n",
        "/videoconferenze/una-serata-lunghissima-sulla-sicurezza-una-serata-lunghissima-sulla-sicurezza/",
        "it",
    ),
    (
        "talks/caso.rst",
        "Serata in RST\n#############\n\n:date: 2020-02-03 17:00\n"
        ":speakers: stefano.pasquini\n\nTesto.\n\n.. youtube:: dQw4w9WgXcQ\n",
        "/videoconferenze/serata-in-rst/",
        "it",
    ),
    (
        "articles/caso.md",
        "Title: Video incollato\nDate: 2020-01-02\n\n"
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=5" '
        'title="<b>x</b>"></iframe>\n',
        "/blog/2020/video-incollato/",
        "it",
    ),
    (
        "speakers/caso.md",
        "Name: Mario <b>Rossi</b>\nHandle: mario.rossi\nCompany: </script>Srl\n"
        "Website: https://example.org/?q=<x>\nLang: en\n\nBio <em>ok</em>.\n",
        "/relatori/mario-brossib/",
        "en",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "url", "lang"), ACCEPTED, ids=[c[2] for c in ACCEPTED]
)
def test_accepted(small_project, capsys, name, text, url, lang):
    write(small_project, name, text)
    assert invoke_build() == 0, capsys.readouterr()
    page = sitecheck.soup(sitecheck.resolve(small_project / "output", url))
    assert page.html["lang"] == lang
    scripts = [s.get("src", s.get("type")) for s in page.find_all("script")]
    # La mia lista's script, on the pages that show talks, reads no content.
    scripts = [s for s in scripts if not s.endswith("/js/mylist.js")]
    assert len(scripts) == 2, scripts
    assert scripts[0].endswith("/js/video.js"), scripts
    assert scripts[1] == "application/ld+json", scripts
    # The structured data stays one inert block: no "<" can end it.
    data = page.find("script", type="application/ld+json").string
    assert "<" not in data
    assert json.loads(data)["@graph"]
    assert not page.find(attrs={"onerror": True})
    assert not page.find(["iframe", "textarea"])
    assert sitecheck.third_party_loads(small_project / "output") == []
    assert sitecheck.broken_links(small_project / "output") == []
    for link in page.find_all("a", href=True):
        assert not link["href"].lower().startswith(("javascript:", "data:")), link


def test_namesakes_get_distinct_urls_and_a_note(small_project, capsys):
    write(small_project, "speakers/mrossi.md", "Name: Mario Rossi\nHandle: mrossi\n")
    write(small_project, "speakers/m.rossi.md", "Name: Mario Rossi\nHandle: m.rossi\n")
    capsys.readouterr()
    assert invoke_build() == 0
    _out, err = capsys.readouterr()
    output = small_project / "output" / "relatori"
    assert (output / "mario-rossi-mrossi" / "index.html").is_file()
    assert (output / "mario-rossi-m-rossi" / "index.html").is_file()
    assert not (output / "mario-rossi").exists()
    assert (
        "content/speakers/mrossi.md: note: 'Mario Rossi' is the name of 2 speakers; "
        "this one's page is /relatori/mario-rossi-mrossi/ (write 'Slug:' to choose it)"
    ) in err

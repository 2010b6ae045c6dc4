"""The hostile table of the content boundary: files that try to leave content/.

Every case is SYNTHETIC: made here to try one way out, and refused or made
harmless. Used by tests/test_boundary.py.
"""

import struct
import zlib

from tests.synthetic import tiny_png

ARTICLE = "Title: Un articolo\nDate: 2020-01-01 10:00\n"
PAGE = "Title: Una pagina\n"
TALK = "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"


class Link:
    """A symbolic link to ``target`` (a path outside the project, or inside)."""

    def __init__(self, target):
        self.target = target


class Fifo:
    """A named pipe: reading it would block the build forever."""


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
B = "content/articles/caso.md"
P = "content/pages/caso.md"
R = "content/articles/caso.rst"
IMG = "content/images"

# (files {name: text, bytes, Link or Fifo}, the expected `path:line: field: message`
# lines, in order; each is followed by " (hint: ...)").
REFUSED = [
    # Readers that reach outside content/ ---------------------------------------
    (
        {"articles/caso.rst": RST + ".. include:: ../../.git/config\n   :literal:\n"},
        [f"{R}:8: include: reads a file or an address while the site is built"],
    ),
    (
        {"articles/caso.rst": RST + ".. raw:: html\n   :file: /etc/hostname\n"},
        [f"{R}:8: raw: reads a file or an address while the site is built"],
    ),
    (
        {"articles/caso.rst": RST + ".. raw:: html\n   :url: http://127.0.0.1:9/\n"},
        [f"{R}:8: raw: reads a file or an address while the site is built"],
    ),
    (
        {"articles/caso.rst": RST + ".. csv-table:: t\n   :url: http://127.0.0.1:9/\n"},
        [f"{R}:8: csv-table: reads a file or an address while the site is built"],
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
        ["content/talks/caso.md:4: slides: 'http://[::1' is not a link"],
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
            f'{IMG}/x" onerror="alert(1)" y=".png:1: file: has a name with characters '
            "a link cannot carry"
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
        {
            "articles/caso.md": ARTICLE
            + '\n<a href="ja&NewLine;vascript:alert(1)">x</a>\n'
        },
        [f"{B}:4: body: <a href='ja\\nvascript:alert(1)'> can run a script"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Default_template: search\n\nx\n"},
        [f"{B}:3: default_template: not allowed: is one of Pelican's internal"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Get_content: x\n\nx\n"},
        [f"{B}:3: get_content: not allowed: is one of Pelican's internal"],
    ),
    (
        {"articles/caso.md": ARTICLE + "Content: x\n\nx\n"},
        [f"{B}:3: content: not allowed: is one of Pelican's internal"],
    ),
    (
        {"speakers/caso.md": "Name: Caso\nHandle: caso\nStatus: draft\n\nSegreto.\n"},
        ["content/speakers/caso.md:3: status: is not a field of a speaker"],
    ),
    (
        {"authors/caso.md": "Name: Stefano Pasquini\nStatus: draft\n\nSegreto.\n"},
        ["content/authors/caso.md:2: status: is not a field of an author"],
    ),
    (
        {
            "pages/caso.md": PAGE + "Slug: tag\nLang: en\n\nx\n",
            "articles/caso.md": ARTICLE + "Tags: en\n\nx\n",
        },
        [f"{P}:2: slug: its page would be written over the site's /tag/en/"],
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
    (
        {"articles/maiuscolo.MD": ARTICLE + "\nx\n"},
        [
            "content/articles/maiuscolo.MD:1: file: is not read: its extension .MD "
            "must be lower case"
        ],
    ),
    (
        {"radice.md": ARTICLE + "\nx\n"},
        ["content/radice.md:1: file: is outside the folders the site reads"],
    ),
    (
        {"articles/note.txt": "appunti"},
        ["content/articles/note.txt:1: file: is neither content nor an image"],
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
    ),
    (
        {"speakers/caso.md": "Name: ???\nHandle: caso\n"},
        ["content/speakers/caso.md:1: name: '???' gives no URL"],
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
        ["content/talks/caso.md:4: slug: '../fuori' is not a single part of a URL"],
    ),
    (
        {"speakers/caso.md": "Name: Caso\nHandle: caso\nSlug: a/b\n"},
        ["content/speakers/caso.md:3: slug: 'a/b' is not a single part of a URL"],
    ),
]

# Accepted: built, and harmless in pages and feeds. (files, URL of the page)
FACADE = "/blog/2020/un-articolo/"
ACCEPTED = [
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<iframe src="https://WWW.YOUTUBE-NOCOOKIE.COM/embed/dQw4w9WgXcQ">'
            "</iframe>\n"
        },
        FACADE,
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + '\n<iframe src="https://www.you&#116;ube-nocookie.com/embed/dQw4w9WgXcQ">'
            "</iframe>\n"
        },
        FACADE,
    ),
    (
        {
            "articles/caso.md": ARTICLE
            + "\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nNota[^1].\n\n[^1]: Una nota.\n"
        },
        FACADE,
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
        FACADE,
    ),
    (
        {"articles/caso.md": ARTICLE + "Lang: en-GB\n\nHello.\n"},
        "/blog/2020/un-articolo/en-GB/",
    ),
    ({"pages/caso.md": PAGE + "\nUna pagina senza data.\n"}, "/una-pagina/"),
]

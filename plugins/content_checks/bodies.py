"""Content bodies that would harm a reader are refused, with file, line and hint.

A body (the HTML a reader wrote in Markdown, reStructuredText or HTML) may not
make the reader's browser load anything from another host before a click, nor
run a script: no remote ``img``/``srcset``/``video``/``audio``/``source``/
``track``, no ``iframe`` (YouTube ones become the video facade, see the video
plugin), ``script``, ``link``, ``object``/``embed``, ``meta``/``base``, no
``style`` with a remote ``url()`` or ``@import``, no ``on...`` attribute, and
every link is http(s), mail, phone or the site's own. ``{static}`` and
``{filename}`` references must stay inside content/.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .links import INTRASITE, link_problem, reference_problem, shorten
from .problems import problem, shown_path, text_line

# Attributes that make the browser fetch something while the page loads.
LOADS = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
REFUSED = {
    "script": "runs a script",
    "link": "loads a file into the page",
    "object": "embeds a plug-in",
    "embed": "embeds a plug-in",
    "applet": "embeds a plug-in",
    "meta": "changes how the page behaves",
    "base": "changes where every link of the page points",
    "frame": "loads another page",
}
LINKS = {"a": "href", "area": "href", "form": "action"}
YOUTUBE_FRAME = re.compile(
    r"^(https?:)?//(www\.)?(youtube\.com|youtube-nocookie\.com|youtu\.be)/", re.I
)
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
REMOTE_HINT = (
    "download it with 'invoke fetch-media {path}' and use the local copy: "
    "nothing on a page may load from another site"
)
SCRIPTABLE = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
# A body with none of these cannot hold anything this module refuses.
SUSPECT = re.compile(
    r"<(?:img|source|video|audio|track|input|image|use|feimage|script|link|object|"
    r"embed|applet|meta|base|i?frame|style|form)\b|\son\w+\s*=|\sstyle\s*=|href\s*=",
    re.I,
)


def body_problems(html, source_path, content_path, relative_dir=""):
    """Every problem of a content body; ``[]`` for a harmless one."""
    if not html or not SUSPECT.search(html):
        return []
    scanner = Scanner()
    scanner.feed(html)
    scanner.close()
    found = []
    for field, needle, message, hint in scanner.findings(content_path, relative_dir):
        found.append(
            problem(
                source_path,
                field,
                message,
                hint.format(path=shown_path(source_path)),
                line=text_line(source_path, needle),
            )
        )
    return found


def is_remote(url):
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


class Scanner(HTMLParser):
    """Collects ``(field, needle, message, hint)`` for everything refused.

    ``needle`` is a piece of the source to find the problem's line with.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen = []  # (tag, attrs) in document order
        self.styles = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))
        self._in_style = tag == "style"

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if getattr(self, "_in_style", False):
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in_style = False

    def findings(self, content_path, relative_dir):
        for tag, attrs in self.seen:
            yield from self._element(tag, dict(attrs), content_path, relative_dir)
        for css in self.styles:
            yield from css_findings(css, "style")

    def _element(self, tag, attrs, content_path, relative_dir):
        needle = f"<{tag}"
        for name, value in attrs.items():
            if name.startswith("on"):
                yield "body", f"{name}=", f"<{tag} {name}> runs a script", _REMOVE
            elif value and SCRIPTABLE.match(value) and name != "srcset":
                yield (
                    "body",
                    value[:30],
                    f"<{tag} {name}='{shorten(value, 40)}'> can run a script",
                    "link to an http(s) address or a page of this site",
                )
        if tag in REFUSED:
            yield "body", needle, f"<{tag}> {REFUSED[tag]}", _REMOVE
        elif tag == "iframe":
            src = attrs.get("src") or ""
            if not YOUTUBE_FRAME.match(src.strip()) or "srcdoc" in attrs:
                yield (
                    "body",
                    src or needle,
                    f"<iframe src='{shorten(src, 60)}'> loads another site's page",
                    "only YouTube videos may be embedded (they become the site's "
                    "player); link to anything else",
                )
        for name in LOADS.get(tag, ()):
            for url in urls(attrs.get(name), srcset=name == "srcset"):
                if is_remote(url) and not url.startswith("data:"):
                    yield (
                        "body",
                        url,
                        f"<{tag} {name}> loads {shorten(url)} from another site",
                        REMOTE_HINT,
                    )
                elif INTRASITE.match(url):
                    wrong = reference_problem(
                        url, content_path, relative_dir, must_exist=False
                    )
                    if wrong:
                        yield ("body", url.split("}")[-1], *wrong)
        if tag in LINKS and attrs.get(LINKS[tag]):
            href = attrs[LINKS[tag]].strip()
            if not href.startswith(("#", "mailto:", "tel:", "?")) and (
                is_remote(href) or INTRASITE.match(href) or href.startswith("/")
            ):
                wrong = link_problem(href, content_path, relative_dir, must_exist=False)
                if wrong and not SCRIPTABLE.match(href):  # already reported
                    yield ("link", href.split("}")[-1], *wrong)
        if attrs.get("style"):
            yield from css_findings(attrs["style"], tag)
        if tag == "img" and not (attrs.get("alt") or "").strip():
            src = attrs.get("src") or ""
            yield (
                "image",
                src.split("}")[-1] or needle,
                f"{shorten(src)} has no alt text",
                "describe it: ![Cosa mostra l'immagine](percorso)",
            )


_REMOVE = "remove it: content may hold text, links, local images and YouTube videos"


def css_findings(css, tag):
    for match in CSS_URL.finditer(css):
        url = match.group(2) or match.group(4)
        if url and is_remote(url) and not url.startswith("data:"):
            yield (
                "body",
                url,
                f"style loads {shorten(url)} from another site",
                REMOTE_HINT,
            )


def urls(value, srcset=False):
    if not value:
        return []
    if srcset:
        return [c.split()[0] for c in value.split(",") if c.strip()]
    return [value.strip()]

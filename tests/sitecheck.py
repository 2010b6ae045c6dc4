"""Checks over a built output folder: pages, internal links, third-party loads.

Shared by the tests; each function returns a list of problems (empty = good) so
that a failing assertion shows every broken link at once.
"""

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Elements and attributes the browser fetches on its own while loading a page.
LOADING_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def html_files(output):
    return sorted(Path(output).rglob("*.html"))


def soup(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def page_url(output, path, siteurl=""):
    """The URL a file is served at, e.g. ``/blog/2017/x/`` for ``.../index.html``."""
    rel = PurePosixPath(Path(path).relative_to(output).as_posix())
    url = "/" + (str(rel.parent) + "/" if rel.name == "index.html" else str(rel))
    return siteurl + url.replace("/./", "/")


def _is_third_party(url, site_host):
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob"):
        return False
    return bool(parts.netloc) and parts.netloc != site_host


def third_party_loads(output, site_host=""):
    """Every URL a page or stylesheet would load from another host."""
    problems = []
    for path in html_files(output):
        doc = soup(path)
        where = path.relative_to(output)
        for tag, attributes in LOADING_ATTRIBUTES.items():
            for element in doc.find_all(tag):
                for attribute in attributes:
                    for url in _urls(element.get(attribute)):
                        if _is_third_party(url, site_host):
                            problems.append(f"{where}: <{tag} {attribute}> loads {url}")
        for element in doc.find_all("link", href=True):
            rels = set(element.get("rel", []))
            if rels & LOADING_LINK_RELS and _is_third_party(element["href"], site_host):
                problems.append(
                    f"{where}: <link rel={element['rel']}> loads {element['href']}"
                )
        for element in doc.find_all(style=True):
            problems += _css_problems(
                element["style"], f"{where}: style attribute", site_host
            )
        for element in doc.find_all("style"):
            problems += _css_problems(
                element.get_text(), f"{where}: <style>", site_host
            )
    for css in sorted(Path(output).rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        problems += _css_problems(text, str(css.relative_to(output)), site_host)
    return problems


def _urls(value):
    if not value:
        return []
    if "," in value or " " in value.strip():  # srcset: "a.jpg 1x, b.jpg 2x"
        return [
            candidate.split()[0] for candidate in value.split(",") if candidate.strip()
        ]
    return [value]


def _css_problems(text, where, site_host):
    problems = []
    for match in CSS_URL.finditer(text):
        url = match.group(1) or match.group(2)
        if _is_third_party(url, site_host):
            problems.append(f"{where}: CSS loads {url}")
    return problems


def resolve(output, url, siteurl=""):
    """The file in ``output`` that an absolute site URL points at, or None."""
    path = urlsplit(url).path
    if siteurl:
        base = urlsplit(siteurl).path.rstrip("/")
        if not path.startswith(base + "/"):
            return None
        path = path[len(base) :]
    candidate = Path(output) / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(output, siteurl=""):
    """Every internal link, image or asset whose target (or #fragment) is missing."""
    site = urlsplit(siteurl)
    origin = f"{site.scheme}://{site.netloc}" if siteurl else "http://site.invalid"
    problems = []
    ids = {}
    for path in html_files(output):
        doc = soup(path)
        base = origin + page_url(output, path, site.path.rstrip("/"))
        for element in doc.find_all(["a", "link", "img", "script", "source", "iframe"]):
            for attribute in ("href", "src"):
                raw = element.get(attribute)
                if raw is None or raw.startswith(("mailto:", "tel:", "data:")):
                    continue
                url = urljoin(base, raw)
                parts = urlsplit(url)
                if f"{parts.scheme}://{parts.netloc}" != origin:
                    continue  # a link to another site: not ours to resolve
                target = resolve(output, url, siteurl)
                where = (
                    f"{path.relative_to(output)}: <{element.name} {attribute}={raw!r}>"
                )
                if target is None:
                    problems.append(f"{where} points to a missing file")
                elif parts.fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = {e["id"] for e in soup(target).find_all(id=True)}
                    if parts.fragment not in ids[target]:
                        problems.append(
                            f"{where}: no element with id {parts.fragment!r}"
                        )
    return problems

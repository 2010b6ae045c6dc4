"""One HTML policy for what people write: parsed once, refused or rewritten.

Every body and summary (articles, pages, talks, speakers' and authors' bios;
Markdown, reStructuredText or HTML) goes through ``apply_policy`` once, when
its content object is made. The one parse decides what is refused (a problem
naming the file, line and fix) and what is rewritten (a YouTube iframe
becomes the video facade); the HTML that pages and feeds carry is that tree
serialised again, so what was checked is exactly what readers get.

- Elements: an allow-list of text, link, list, table, figure and image
  markup (what Markdown, docutils and Pygments write). Anything else, e.g.
  ``script``, ``style``, ``form``, ``svg``, ``plaintext``, is refused.
- Attributes: an allow-list per element; ``on...`` runs a script, ``data-...``
  is the site's own markup (search filters, player), an attribute written
  twice is ambiguous: all refused.
- URLs are read as browsers read them (entities decoded, tabs and newlines
  dropped, backslashes as slashes, host case-folded): images load only from
  the site; links are http(s), mail, phone or the site's own.
- ``style``: a few layout properties with plain values; no function (so no
  ``url()`` or ``image-set()``), no escape, no comment.
- Comments, doctypes and processing instructions are dropped.
- A {static} photo becomes a <picture> of WebP widths around its <img>, which
  gets the published size (eroi.plugins.images).
"""

import functools
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction
from bs4.dammit import EntitySubstitution
from bs4.element import CData
from bs4.formatter import HTMLFormatter

from eroi.messages import N_, _
from eroi.model.links import (
    INTRASITE,
    link_problem,
    reference_problem,
    shorten,
)
from eroi.plugins.boundary.css import unescape_css
from eroi.plugins.video import facade_for_frame
from eroi.problems import problem, shown_path, text_line

GLOBAL = {"class", "id", "title", "lang", "dir", "role", "translate", "style"}
CELL = {"colspan", "rowspan", "headers", "align", "valign", "width"}
ELEMENTS = {
    "a": {"href", "name", "rel", "target", "hreflang"},
    "blockquote": {"cite"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "del": {"cite", "datetime"},
    "details": {"open"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "ins": {"cite", "datetime"},
    "li": {"value"},
    "ol": {"start", "reversed", "type"},
    "q": {"cite"},
    "source": {"srcset", "sizes", "media", "type"},
    "pre": {"tabindex"},
    "table": {"border", "frame", "rules", "summary", "width", "tabindex"},
    "tbody": {"valign", "align"},
    "td": CELL,
    "tfoot": {"valign", "align"},
    "th": {*CELL, "scope", "abbr"},
    "thead": {"valign", "align"},
    "time": {"datetime"},
    "tr": {"valign", "align"},
}
# Boxes the stylesheet lets scroll sideways on a narrow screen (a long line
# of code, a wide table): focusable, so the keyboard can scroll them too.
SCROLLERS = {"pre", "table"}
# Elements with no attribute but the global ones.
PLAIN = frozenset(
    re.findall(
        r"\w+",
        "abbr address article aside b bdi br caption cite code dd dfn div dl dt em "
        "figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i kbd mark nav p "
        "picture rp rt ruby s samp section small span strong sub summary sup "
        "tt u ul var wbr",
    )
)
REFUSED = {
    "script": N_("runs a script"),
    "noscript": N_("hides markup from the policy"),
    "style": N_("restyles the whole page"),
    "link": N_("loads a file into the page"),
    "object": N_("embeds a plug-in"),
    "embed": N_("embeds a plug-in"),
    "applet": N_("embeds a plug-in"),
    "meta": N_("changes how the page behaves"),
    "base": N_("changes where every link of the page points"),
    "frame": N_("loads another page"),
    "frameset": N_("loads other pages"),
    "form": N_("sends what readers type to an address"),
    "svg": N_("is a drawing that can load and run things"),
    "math": N_("is markup the site does not publish"),
    "video": N_("plays a file"),
    "audio": N_("plays a file"),
}
REMOVE_HINT = N_(
    "remove it: content may hold text, links, local images and YouTube videos"
)
REMOTE_HINT = N_(
    "download it with 'invoke fetch-media {path}' and use the local copy: "
    "nothing on a page may load from another site"
)
# URL-bearing attributes: what the browser loads, and where a click leads.
LOADS = {"src", "srcset", "poster", "background", "lowsrc", "dynsrc", "data"}
LINKS = {"href", "cite", "action", "formaction", "longdesc", "ping", "xlink:href"}
SCRIPTABLE = re.compile(r"^(javascript|vbscript|data|file|blob):", re.I)
# Characters that are not text: no page or feed may carry them.
NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Pelican's own link syntax ({filename}, {static}, {tag} ...) at the start of
# a URL attribute, resolved after the policy by pasting text into the
# attribute: kept to plain paths. Anywhere else "{" and "|" are escaped.
PELICAN_LINK = re.compile(r"[{|](?P<what>\w+)[}|]")
# The extensions of pages' sources (linked with {filename}).
SOURCES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
# The ones this site uses ({attach} would move the file next to the page).
PELICAN_LINKS = {"filename", "static", "tag", "category", "author", "index"}
UNSAFE_IN_LINK = re.compile(r"[\"'<>&\x00-\x1f\x7f]")
# Characters browsers drop from URLs, and the ones they treat as "/".
URL_NOISE = re.compile(r"[\t\n\r]")
CSS_PROPERTIES = {
    "text-align",
    "vertical-align",
    "width",
    "height",
    "max-width",
    "min-width",
    "white-space",
    "font-weight",
    "font-style",
    "text-decoration",
    "float",
    "clear",
}
CSS_VALUE = re.compile(r"^[\w\s.,%#+-]*$")
# CSS that loads a file: url(), image-set(), image(), src(), @import.
CSS_LOAD = re.compile(
    r"(?:url|image-set|image|src)\(\s*['\"]?([^'\")\s]*)|@import\s+['\"]?([^'\";\s]+)",
    re.I,
)


class CheckedLink(str):
    """A {filename}/{static}/{attach} link the policy checked: left for Pelican."""


class Serialiser(HTMLFormatter):
    """HTML5 that escapes only "&", "<", ">" (and quotes in attributes), so the
    text stays as written, accents included; and "{" and "|" everywhere but
    in the checked links of URL attributes. Pelican replaces its {…} links
    after the policy by pasting text between quotes: no other "{" may reach
    it (a title holding 'src="{tag}' would otherwise turn text into markup).
    """

    def __init__(self):
        super().__init__(
            entity_substitution=self.escape,
            void_element_close_prefix=None,
            empty_attributes_are_booleans=True,
        )

    @staticmethod
    def escape(text):
        escaped = EntitySubstitution.substitute_xml(text)
        return escaped.replace("{", "&#123;").replace("|", "&#124;")

    def attributes(self, tag):
        for name, value in super().attributes(tag):
            if (
                name in LOADS | LINKS
                and isinstance(value, str)
                and PELICAN_LINK.match(value.strip())
            ):
                value = CheckedLink(value)
            yield name, value

    def attribute_value(self, value):
        if isinstance(value, CheckedLink):
            return EntitySubstitution.substitute_xml(value)
        return self.substitute(value)


SERIALISE = Serialiser()


def serialise(soup):
    """A tree of content HTML as text, as the policy writes it (see Serialiser)."""
    return soup.decode(formatter=SERIALISE)


def apply_policy(
    html, source, content_path, relative_dir="", title="", theme=None, pictures=None
):
    """``(clean_html, problems, references)`` for one body or summary of the
    file ``source``; ``references``: ``[(element, attribute, url), ...]`` in
    order, what it links and loads (a YouTube iframe, now a facade, as
    ``("iframe", "youtube", video id)``). An id that the ``theme`` folder's
    templates give an element of their own (``contenuto``, ``cerca-nel-sito``,
    ``t-120`` ...) is renamed ``testo-<id>``, and so are the links to it in
    the fragment: content never takes over the theme's markup."""
    if not html or ("<" not in html and not NOT_TEXT.search(html)):
        return html, [], []
    duplicates = []

    def on_duplicate(attributes, name, value):
        duplicates.append(name)
        attributes.setdefault(name, value)  # browsers keep the first

    soup = BeautifulSoup(html, "html.parser", on_duplicate_attribute=on_duplicate)
    policy = Policy(
        source, content_path, relative_dir, title, theme_ids(theme), pictures
    )
    control = NOT_TEXT.search(html)
    if control:
        policy.refuse(
            control.group(),
            _("holds the control character {code}").format(
                code=f"U+{ord(control.group()):04X}"
            ),
            _("delete it (it is invisible; some editors show it as a box or ^@)"),
        )
    for name in duplicates:
        policy.refuse(
            f"{name}=",
            _("the attribute {name} is written twice in one element").format(name=name),
            _("write each attribute once"),
        )
    for node in soup.find_all(
        string=lambda s: isinstance(
            s, Comment | Declaration | Doctype | ProcessingInstruction | CData
        )
    ):
        node.extract()
    for element in soup.find_all(True):
        policy.element(element)
    for link in soup.find_all(href=True) if policy.renamed else ():
        target = policy.renamed.get(str(link["href"]).removeprefix("#"))
        if target and link["href"].startswith("#"):
            link["href"] = f"#{target}"
    return serialise(soup), policy.problems, policy.references


@functools.cache
def theme_ids(theme):
    """A pattern of the ids the theme's templates write (``{{ ... }}`` in an
    id matches any text), or None without a theme."""
    if theme is None:
        return None
    patterns = set()
    for path in sorted(Path(theme, "templates").rglob("*.html")):
        for value in re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")):
            pieces = re.split(r"\{\{.*?\}\}", value)
            if any(pieces):  # an id made whole by the template: its own values
                patterns.add(".+".join(re.escape(piece) for piece in pieces))
    return re.compile("|".join(sorted(patterns))) if patterns else None


class Policy:
    """The decisions about one fragment; ``problems`` collects the refusals."""

    def __init__(
        self,
        source,
        content_path,
        relative_dir,
        title,
        reserved_ids=None,
        pictures=None,  # eroi.plugins.images.Pictures
    ):
        self.source = source
        self.reserved_ids = reserved_ids
        self.renamed = {}  # {theme's id: the id the content's element gets}
        self.content_path = content_path
        self.relative_dir = relative_dir
        self.title = title
        self.problems = []
        self.references = []
        self.needles = {}  # {needle: refusals so far}
        self.pictures = pictures

    def refuse(self, needle, message, hint, field="body", *, near=None):
        """A problem at the line holding ``needle`` (else ``near``): the second
        refusal for one needle at its second line, and so on, so that fifteen
        pasted scripts are fifteen lines to fix. ``message`` and ``hint`` are
        translated (eroi.messages); ``{path}`` in the hint is the file's."""
        self.needles[needle] = self.needles.get(needle, 0) + 1
        line = text_line(self.source, needle, self.needles[needle])
        if line == 1 and near:
            line = text_line(self.source, near)
        self.problems.append(
            problem(
                self.source,
                field,
                message,
                hint.format(path=shown_path(self.source)),
                line=line,
            )
        )

    def element(self, element):
        tag = element.name
        if tag == "iframe":
            return self.frame(element)
        if tag == "object" and element.get("type") == "image/svg+xml":
            # How docutils shows an SVG (``.. image:: x.svg``): a picture.
            picture = BeautifulSoup("<img>", "html.parser").img
            picture["src"] = element.get("data") or ""
            picture["alt"] = element.get_text(" ", strip=True)
            element.replace_with(picture)
            return self.element(picture)
        if tag not in ELEMENTS and tag not in PLAIN:
            why = REFUSED.get(tag, N_("is not an element content may use"))
            return self.refuse(f"<{tag}", f"<{tag}> {_(why)}", _(REMOVE_HINT))
        allowed = ELEMENTS.get(tag, ())
        for name, value in list(element.attrs.items()):
            value = " ".join(value) if isinstance(value, list) else value or ""
            self.attribute(tag, name, value, allowed)
            link = PELICAN_LINK.match(value.strip())
            if link and link["what"] in ("static", "filename") and name != "srcset":
                # Pelican links a page's source with {filename}, any other
                # file with {static}: whichever the writer wrote, it works.
                page = value.split("?")[0].split("#")[0].lower().endswith(SOURCES)
                what = "filename" if page else "static"
                element[name] = value.strip().replace(link.group(), f"{{{what}}}", 1)
        if tag in SCROLLERS:
            element["tabindex"] = "0"
        own = element.get("id")
        if own and self.reserved_ids and self.reserved_ids.fullmatch(own):
            element["id"] = self.renamed[own] = f"testo-{own}"
        if tag == "img" and not (element.get("alt") or "").strip():
            src = element.get("src") or ""
            self.refuse(
                src.split("}")[-1] or "<img",
                _("{src} has no alt text").format(src=shorten(src)),
                _("describe it: ![Cosa mostra l'immagine](percorso)"),
                field="image",
            )
        elif tag == "img" and self.pictures:
            self.picture(element)

    def picture(self, img):
        """A {static} photo as the build publishes it (eroi.plugins.images): its
        real size, loaded when scrolled to, and WebP widths to choose from."""
        src = img.get("src") or ""
        link = PELICAN_LINK.match(src)
        if not link or img.get("srcset") or img.parent.name == "picture":
            return
        target = unquote(src[link.end() :].split("?")[0].split("#")[0])
        if not target.startswith("/"):
            target = posixpath.join(self.relative_dir, target)
        found = self.pictures.get(target.lstrip("/"))
        if not found:
            return
        shown, url = found
        if not img.get("width") and not img.get("height"):
            img["width"], img["height"] = str(shown.width), str(shown.height)
        img["loading"] = img.get("loading") or "lazy"
        img["decoding"] = img.get("decoding") or "async"
        frame = BeautifulSoup('<picture><source type="image/webp">', "html.parser")
        picture = frame.picture
        picture.source["srcset"] = shown.srcset(url)
        picture.source["sizes"] = self.pictures.sizes
        img.replace_with(picture)
        picture.append(img)

    def attribute(self, tag, name, value, allowed):
        if name.startswith("on"):
            return self.refuse(
                f"{name}=",
                _("{tag} runs a script").format(tag=f"<{tag} {name}>"),
                _(REMOVE_HINT),
            )
        if name.startswith("data-"):
            return self.refuse(
                f"{name}=",
                _("{tag} is the site's own markup").format(tag=f"<{tag} {name}>"),
                _(
                    "remove it: data-… attributes (search filters, the player) "
                    "come from the site's templates"
                ),
            )
        if name == "style":
            return self.style(tag, value)
        if name == "srcset" and PELICAN_LINK.search(value):
            return self.refuse(
                "srcset=",
                _(
                    "{tag} uses {{static}} or {{filename}}, which Pelican does "
                    "not resolve in srcset"
                ).format(tag=f"<{tag} srcset>"),
                _(
                    "show one picture with src, e.g. "
                    "![Cosa mostra]({{static}}/images/x.jpg)"
                ),
            )
        # Pelican replaces {…} links after the policy, pasting the text that
        # follows the {…} between the attribute's quotes.
        pelican_link = name in LOADS | LINKS and PELICAN_LINK.match(value.strip())
        if pelican_link and not self.pelican_link(tag, name, value, pelican_link):
            return None
        before = len(self.problems)
        if name in LOADS:
            for url in candidates(value, srcset=name == "srcset"):
                self.load(tag, name, url)
                self.references.append((tag, name, url.strip()))
        elif name in LINKS:
            self.link(tag, name, value)
            self.references.append((tag, name, value.strip()))
        known = name in allowed or name in GLOBAL or name.startswith("aria-")
        if not known and len(self.problems) == before:
            self.refuse(
                f"{name}=",
                _("{tag} is not an attribute content may use").format(
                    tag=f"<{tag} {name}>"
                ),
                _("remove it"),
            )
        return None

    def pelican_link(self, tag, name, value, match):
        """Pelican's {what} links: replaced after the policy, keeping the scheme
        and host of what follows; False when refused."""
        what, rest = match["what"], value.strip()[match.end() :]
        needle, near = value.split("}")[-1][:30] or f"{name}=", f"{name}="
        element = f"<{tag} {name}>"
        if UNSAFE_IN_LINK.search(value):
            message = _(
                "{tag} links a file of the site with quotes, <, >, & or control "
                "characters in the link"
            ).format(tag=element)
        elif what == "attach":
            message = _("{tag} uses {{attach}}, which moves the file").format(
                tag=element
            )
        elif what not in PELICAN_LINKS:
            message = _("{tag} uses {link}, which is not a link Pelican makes").format(
                tag=element, link=f"{{{what}}}"
            )
        elif rest.lstrip().startswith(("//", "\\")) or re.match(
            r"^[A-Za-z][\w+.-]*:", browser_url(rest)
        ):
            message = _("{tag} sends a {link} link to {address}").format(
                tag=element, link=f"{{{what}}}", address=shorten(rest, 40)
            )
        else:
            return True
        self.refuse(
            needle,
            message,
            _(
                "write the path of a file of the site plainly, e.g. "
                "{{static}}/images/foto.jpg or {{filename}}/articles/x.md"
            ),
            near=near,
        )
        return False

    def load(self, tag, name, url):
        plain = browser_url(url)
        if INTRASITE.match(plain):
            wrong = reference_problem(plain, self.content_path, self.relative_dir)
            if wrong:
                self.refuse(url.split("}")[-1], *wrong)
        elif is_remote(plain):
            self.refuse(
                url,
                _("{tag} loads {url} from another site").format(
                    tag=f"<{tag} {name}>", url=shorten(url)
                ),
                _(REMOTE_HINT),
            )

    def link(self, tag, name, value):
        href = browser_url(value)
        if SCRIPTABLE.match(href):
            return self.refuse(
                value[:30],
                _("{tag} can run a script").format(
                    tag=f"<{tag} {name}='{shorten(value, 40)}'>"
                ),
                _("link to an http(s) address or a page of this site"),
                near=f"{name}=",
            )
        if href.startswith(("#", "mailto:", "tel:", "?")) or not (
            is_remote(href) or INTRASITE.match(href) or href.startswith("/")
        ):
            return None
        wrong = link_problem(
            href, self.content_path, self.relative_dir, must_exist=False
        )
        if wrong:
            self.refuse(value.split("}")[-1], *wrong, field="link")
        return None

    def style(self, tag, css):
        loads = CSS_LOAD.search(unescape_css(css))
        if loads:
            url = (loads.group(1) or loads.group(2) or "").strip()
            return self.refuse(
                url or "style=",
                _("style loads {url} from another site").format(url=shorten(url))
                if is_remote(url)
                else _("style loads a file"),
                _(REMOTE_HINT) if is_remote(url) else _(REMOVE_HINT),
            )
        for declaration in filter(str.strip, css.split(";")):
            prop, _sep, value = declaration.partition(":")
            if prop.strip().lower() not in CSS_PROPERTIES or not CSS_VALUE.match(value):
                return self.refuse(
                    "style=",
                    _("{tag} is not a style content may use").format(
                        tag=f"<{tag} style='{shorten(declaration.strip(), 40)}'>"
                    ),
                    _(
                        "remove it: the site's stylesheet styles content (allowed: "
                        "{properties}, with plain values)"
                    ).format(properties=", ".join(sorted(CSS_PROPERTIES))),
                )
        return None

    def frame(self, element):
        src = browser_url(element.get("src") or "")
        try:
            facade, video = facade_for_frame(
                src, element.get("title") or self.title, self.content_path
            )
        except ValueError as exc:
            youtube = "youtu" in src.lower()
            return self.refuse(
                src[:40] or "<iframe",
                f"<iframe> {exc}"
                if youtube
                else _("{tag} loads another site's page").format(
                    tag=f"<iframe src='{shorten(src, 60)}'>"
                ),
                _("paste the video's own embed code from YouTube")
                if youtube
                else _(
                    "only YouTube videos may be embedded (they become the site's "
                    "player); link to anything else"
                ),
            )
        wrapper = element.parent
        if wrapper is not None and "youtube" in (wrapper.get("class") or []):
            element = wrapper  # pelican-youtube's <div class="youtube">
        element.replace_with(BeautifulSoup(facade, "html.parser"))
        self.references.append(("iframe", "youtube", video.id))
        return None


def browser_url(value):
    """A URL as a browser reads it: no tab or newline, no leading or trailing
    space or control character, backslashes as slashes."""
    return (
        URL_NOISE.sub("", value)
        .strip(
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b"
            "\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16"
            "\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
        )
        .replace("\\", "/")
    )


def is_remote(url):
    try:
        parts = urlsplit(browser_url(url))
    except ValueError:  # e.g. "http://[x": no browser loads it from the site
        return True
    return bool(parts.netloc) or bool(parts.scheme) or url.startswith("//")


def candidates(value, srcset=False):
    """The URLs of a ``src`` (one) or a ``srcset`` (one per candidate)."""
    if not srcset:
        return [value] if value.strip() else []
    return [c.split()[0] for c in value.split(",") if c.strip()]

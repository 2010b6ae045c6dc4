"""What a page says about itself to a sharer or a search engine.

``describe`` takes the context of the page being written and returns a
``SharedPage``: the canonical URL, the Open Graph title, type and image, the
JSON-LD graph, its sitemap entry (lastmod), and whether search engines may
index it; it changes nothing, so templates only read. The share cards a page
shows are prepared from the content before any page is written
(``prepare``: each kind's ``cards``). How to describe a page depends on its
``Kind``:

- a generator of another plugin names it in the page's context, as
  ``shared_as`` (the talks plugin: a talk, a speaker, the playlist ...);
- Pelican's own pages are known by the variables Pelican gives them
  (``article``, ``page``, ``tag``, ``category``, ``author``, ``period``,
  ``articles_page``);
- any other page is a list, named by its template's ``share_heading``; the
  templates named in SHARE_NOINDEX ask search engines to skip their page.
"""

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from PIL import Image

from eroi import run
from eroi.model.italian import data, ora
from eroi.model.speakers import initials
from eroi.plugins.images import published_size
from eroi.plugins.sharing import structured
from eroi.plugins.sharing.cards import HEIGHT, WIDTH, Card, Person
from eroi.plugins.sharing.structured import plain
from eroi.settings import site_url

logger = logging.getLogger(__name__)

# A local picture, written as {static}/path or {filename}/path.
LOCAL_IMAGE = re.compile(r"\{(?:static|filename)\}(/?[^\"#?]+)")


@dataclass(frozen=True)
class Kind:
    """A kind of page, and how to describe it.

    - ``describe(describer, ctx, subject, url, description)``: ``(og:title,
      og:type, ShareImage, [JSON-LD nodes])``;
    - ``subject``: the context variable holding the item the page shows, if any;
    - ``section(settings, subject)``: ``(label, URL)`` of the breadcrumb
      between the home page and this page, or None;
    - ``dated(ctx, subject)``: the items whose newest date is the page's
      lastmod (None: the newest of the whole site);
    - ``crumb(ctx, title)``: the page's own breadcrumb label;
    - ``cards(describer, generators)``: the share cards of every page of the
      kind, prepared before any is written (a page that shows the site's
      card needs none).
    """

    describe: Callable
    subject: str | None = None
    section: Callable | None = None
    dated: Callable | None = None
    crumb: Callable | None = None
    cards: Callable | None = None


def section(label, url_setting):
    """A ``Kind.section``: the same breadcrumb for every page of the kind."""
    return lambda settings, _subject: (label, settings[url_setting])


@dataclass(frozen=True)
class Site:
    url: str  # absolute, no trailing slash
    name: str
    description: str
    lang: str
    search_url: str


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str
    type: str


@dataclass(frozen=True)
class SharedPage:
    url: str
    title: str
    description: str
    og_type: str
    image: ShareImage
    json_ld: Markup
    noindex: bool
    lastmod: object  # a datetime, or None


class Describer:
    """One per build: settings, the card store, the pages described so far."""

    def __init__(self, settings, cards):
        self.settings = settings
        self.content = Path(settings["PATH"])
        self.cards = cards
        self.card_url = settings["SHARE_CARD_URL"]
        siteurl = site_url(settings)
        self.site = Site(
            url=siteurl,
            name=plain(settings["SITENAME"]),
            description=plain(settings.get("SITESUBTITLE", "")),
            lang=settings["DEFAULT_LANG"],
            search_url=settings.get("SEARCH_URL", ""),
        )
        self.now = run.now(settings)
        self.lastmods = {}  # {absolute url: lastmod or None} of pages written
        # The files of the theme's pages that search engines skip.
        self.noindex = {
            settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
            for name in settings["SHARE_NOINDEX"]
        }

    def prepare(self, generators, kinds):
        """Before any page is written: the share card of every page of ``kinds``."""
        self.cards.prepare(self.site_card_spec())
        for kind in kinds:
            for card in kind.cards(self, generators) if kind.cards else ():
                self.cards.prepare(card)

    def absolute(self, url):
        return f"{self.site.url}/{url}"

    # The page --------------------------------------------------------------------

    def facts(self, ctx):
        """``(url, kind, subject, noindex)`` of the page being written."""
        output_file = ctx.get("output_file", "")
        url = self.absolute(re.sub(r"(^|/)index\.html$", r"\1", output_file))
        kind = ctx.get("shared_as") or pelican_kind(ctx)
        subject = ctx.get(kind.subject) if kind.subject else None
        noindex = output_file in self.noindex or (
            getattr(subject, "status", "published") != "published"
        )
        return url, kind, subject, noindex

    def sitemap_entry(self, ctx):
        """``(url, lastmod)`` of a page written, or None if it is not indexed."""
        url, kind, subject, noindex = self.facts(ctx)
        return None if noindex else (url, self._lastmod(ctx, kind, subject))

    def describe(self, ctx, description):
        url, kind, subject, noindex = self.facts(ctx)
        title, og_type, image, graph = kind.describe(
            self, ctx, subject, url, description
        )
        graph = [
            structured.website(self.site),
            structured.community(self.site),
            *graph,
        ]
        trail = self._trail(ctx, kind, subject, url, title)
        if trail:
            graph.append(structured.breadcrumbs(url, trail))
        page = SharedPage(
            url=url,
            title=title,
            description=description,
            og_type=og_type,
            image=image,
            json_ld=structured.script_json(graph),
            noindex=noindex,
            lastmod=None if noindex else self._lastmod(ctx, kind, subject),
        )
        return page

    # Breadcrumbs and lastmod ---------------------------------------------------

    def _trail(self, ctx, kind, subject, url, title):
        home = (self.site.name, f"{self.site.url}/")
        if url == home[1]:
            return None
        trail = [home]
        crumb = kind.section and kind.section(self.settings, subject)
        if crumb:
            trail.append((crumb[0], self.absolute(crumb[1])))
        trail.append((kind.crumb(ctx, title) if kind.crumb else title, url))
        return trail

    def _lastmod(self, ctx, kind, subject):
        """When the page last changed: its content's, or the newest it lists.

        A page that lists nothing dated (a speaker with no talk yet) takes the
        newest date of the whole site.
        """
        if kind.dated:
            items = kind.dated(ctx, subject)
        else:
            items = [subject] if subject is not None else None
        if not items:  # only the few list pages get here: the whole site
            items = [*ctx.get("articles", ()), *ctx.get("talks", ())]
        dates = [
            date
            for i in items
            if (date := getattr(i, "modified", None) or getattr(i, "date", None))
        ]
        return self._cap(max(dates)) if dates else None

    def _cap(self, date):
        """A date in the future (an upcoming talk) is not a modification."""
        if date is None:
            return None
        return min(date, self.now.astimezone(date.tzinfo)) if date.tzinfo else date

    # Images --------------------------------------------------------------------

    def when(self, date, has_time=True):
        """``Lunedì 11 gennaio 2021, ore 17:00``: a date as a card shows it."""
        text = data(date, "full")
        text = text[:1].upper() + text[1:]
        return f"{text}, ore {ora(date)}" if has_time else text

    def card(self, card):
        """The ShareImage of a drawn ``card`` (prepared before the pages)."""
        key = self.cards.key(card)
        if key not in self.cards.wanted:
            logger.warning(
                "sharing: the card '%s' was not prepared before the pages",
                card.title,
            )
        return ShareImage(
            url=self.absolute(self.card_url.format(key=key)),
            width=WIDTH,
            height=HEIGHT,
            alt=card.alt,
            type="image/png",
        )

    def site_card_spec(self):
        return Card(title=self.site.name, when=self.site.description)

    def site_card(self):
        return self.card(self.site_card_spec())

    def first_image(self, content):
        """The first local raster picture in a body, if Pillow can read it."""
        written = next(
            (
                match.group(1)
                for element, attribute, url in getattr(content, "references", ())
                if (element, attribute) == ("img", "src")
                and (match := LOCAL_IMAGE.match(url))
            ),
            None,
        )
        if written is None:
            return None
        if written.startswith("/"):
            relative = Path(written.lstrip("/"))
        else:
            relative = Path(content.relative_dir) / written
        size, kind = image_header(self.content / relative, self.settings)
        if size is None:
            return None
        kind = Image.MIME.get((kind or "").upper())
        return ShareImage(
            url=self.absolute(relative.as_posix()),
            width=size[0],
            height=size[1],
            alt=f"Immagine dell'articolo: {plain(content.title)}",
            type=kind or "image/jpeg",
        )


# Pelican's own kinds of page -----------------------------------------------------


def article_card(describer, article):
    """The card of an article without a picture of its own (else None)."""
    if describer.first_image(article) is not None:
        return None
    return Card(
        title=plain(article.title),
        kicker=f"Blog · {article.category}" if article.category else "Blog",
        when=data(article.date, "full"),
        people=tuple(Person(a.name, initials(a.name)) for a in article.authors),
        site=describer.site.name,
    )


def article(describer, ctx, article, url, description):
    title = plain(article.title)
    image = describer.first_image(article) or describer.card(
        article_card(describer, article)
    )
    page = structured.web_page(url, title, description, describer.site, image=image)
    node = structured.blog_posting(article, url, description, image, describer.site)
    return title, "article", image, [page, node]


# Every article Pelican writes a page for (drafts too, in development).
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)


def article_cards(describer, generators):
    for generator in generators:
        for name in ARTICLE_LISTS:
            for item in getattr(generator, name, ()):
                card = article_card(describer, item)
                if card is not None:
                    yield card


def home(describer, ctx, _subject, url, description):
    image = describer.site_card()
    name = describer.site.name
    page = structured.web_page(url, name, description, describer.site, image=image)
    return name, "website", image, [page]


def page(describer, ctx, page, url, description):
    title = plain(page.title)
    image = describer.site_card()
    node = structured.web_page(url, title, description, describer.site)
    return title, "website", image, [node]


def listing(heading, og_type="website"):
    """The ``describe`` of a page that lists things: ``heading(ctx)`` names it."""

    def describe(describer, ctx, _subject, url, description):
        title = heading(ctx)
        image = describer.site_card()
        node = structured.web_page(
            url, title, description, describer.site, kind="CollectionPage"
        )
        return title, og_type, image, [node]

    return describe


def listed_articles(ctx, _subject):
    return ctx.get("articles", []) or ctx.get("dates", [])


ARTICLE = Kind(
    article,
    subject="article",
    cards=article_cards,
    section=lambda _settings, article: (
        (str(article.category), article.category.url) if article.category else None
    ),
)
PAGE = Kind(page, subject="page")
TAG = Kind(
    listing(lambda ctx: f"Articoli con il tag {ctx['tag']}"),
    section=section("Tag", "TAGS_URL"),
    dated=listed_articles,
)
CATEGORY = Kind(
    listing(lambda ctx: f"Categoria {ctx['category']}"),
    section=section("Categorie", "CATEGORIES_URL"),
    dated=listed_articles,
)
AUTHOR = Kind(
    listing(lambda ctx: str(ctx["author"]), og_type="profile"),
    section=section("Autori", "AUTHORS_URL"),
    dated=listed_articles,
)
PERIOD = Kind(
    listing(lambda ctx: f"Archivio {ctx['period'][0]}"),
    section=section("Archivio", "ARCHIVES_URL"),
    dated=listed_articles,
)
# The blog's pages of articles (Pelican's paginated index).
INDEX = Kind(
    home,
    dated=lambda ctx, _subject: ctx["articles_page"].object_list,
    crumb=lambda ctx, _title: f"Pagina {ctx['articles_page'].number}",
)
# Any other page: one of the theme's own (tags, archives, search, 404 ...).
OTHER = Kind(listing(lambda ctx: ctx.get("share_heading") or plain(ctx["SITENAME"])))

PELICAN_KINDS = (
    ("article", ARTICLE),
    ("page", PAGE),
    ("tag", TAG),
    ("category", CATEGORY),
    ("author", AUTHOR),
    ("period", PERIOD),
    ("articles_page", INDEX),
)


def pelican_kind(ctx):
    """The kind of a page Pelican writes, from the variables it gives the page."""
    return next((kind for name, kind in PELICAN_KINDS if ctx.get(name)), OTHER)


def image_header(path, settings):
    """``((width, height), format)`` of a raster image file as the site
    publishes it (eroi.plugins.images: resized, upright; from its header), or
    ``(None, None)``."""
    try:
        with Image.open(path) as image:
            kind = image.format
    except (OSError, ValueError, Image.DecompressionBombError):
        return None, None
    return published_size(path, settings), kind


def image_size(path, settings):
    """(width, height) of a raster image file as published, or None."""
    return image_header(path, settings)[0]

"""What a page says about itself to a sharer or a search engine.

``describe`` looks at the context of the page being written (its template
and the article, talk, speaker... it shows) and returns a ``SharedPage``: the
canonical URL, the Open Graph title, type and image, the JSON-LD graph, its
sitemap entry (lastmod), and whether search engines may index it.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eroi.italian_dates import data, ora
from eroi.italian_dates.counts import quante
from eroi.talks.archive import build_time
from eroi.talks.speakers import initials
from eroi.video.thumbnails import thumbnail_path
from markupsafe import Markup
from PIL import Image

from . import structured
from .cards import HEIGHT, WIDTH, Card, Person
from .structured import plain

# A page's first picture, written as {static}/path or {filename}/path.
LOCAL_IMAGE = re.compile(r"<img\b[^>]*?\bsrc=\"\{(?:static|filename)\}(/?[^\"#?]+)\"")
NOINDEX_TEMPLATES = {"404.html", "search.html"}


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
        siteurl = (settings.get("FEED_DOMAIN") or settings["SITEURL"]).rstrip("/")
        self.site = Site(
            url=siteurl,
            name=plain(settings["SITENAME"]),
            description=plain(settings.get("SITESUBTITLE", "")),
            lang=settings["DEFAULT_LANG"],
            search_url=settings.get("SEARCH_URL", ""),
        )
        self.now = build_time(settings)
        self.lastmods = {}  # {absolute url: lastmod or None} of indexable pages

    def absolute(self, url):
        return f"{self.site.url}/{url}"

    # The page --------------------------------------------------------------------

    def describe(self, ctx, description):
        template = ctx.name or ""
        output_file = ctx.get("output_file", "")
        url = self.absolute(re.sub(r"(^|/)index\.html$", r"\1", output_file))
        kind = template.removesuffix(".html")
        subject = next(
            (
                ctx.get(name)
                for name in ("article", "page", "talk", "speaker")
                if ctx.get(name)
            ),
            None,
        )
        noindex = template in NOINDEX_TEMPLATES or (
            getattr(subject, "status", "published") != "published"
        )
        handler = {
            "talk": self._talk,
            "article": self._article,
            "speaker": self._speaker,
            "talks": self._talks,
            "index": self._index,
        }.get(kind, self._other)
        title, og_type, image, graph = handler(ctx, subject, url, description)
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
        if not noindex:
            self.lastmods[url] = page.lastmod
        return page

    # Page kinds: (og:title, og:type, image, [JSON-LD nodes]) -------------------

    def _talk(self, ctx, talk, url, description):
        title = f"#{talk.number} {plain(talk.title)}"
        thumbnail = self._thumbnail(talk)
        page = structured.web_page(url, title, description, self.site)
        if thumbnail is not None and talk.state == "recorded":
            node = structured.video_object(talk, url, description, thumbnail, self.site)
            return title, "video.other", thumbnail, [page, node]
        image = self._card(
            Card(
                title=plain(talk.title),
                kicker=f"Videoconferenza #{talk.number}",
                when=self._when(talk.date, talk.has_time),
                people=tuple(self._person(s) for s in talk.speakers),
                site=self.site.name,
            )
        )
        if talk.state == "recorded":  # a video with no local thumbnail
            node = structured.video_object(talk, url, description, image, self.site)
        else:
            node = structured.event(
                talk, url, description, image, self.settings, self.site
            )
        return title, "video.other", image, [page, node]

    def _article(self, ctx, article, url, description):
        title = plain(article.title)
        image = self._first_image(article) or self._card(
            Card(
                title=title,
                kicker=f"Blog · {article.category}" if article.category else "Blog",
                when=data(article.date, "full"),
                people=tuple(Person(a.name, initials(a.name)) for a in article.authors),
                site=self.site.name,
            )
        )
        page = structured.web_page(url, title, description, self.site, image=image)
        node = structured.blog_posting(article, url, description, image, self.site)
        return title, "article", image, [page, node]

    def _speaker(self, ctx, speaker, url, description):
        count = quante(
            len(speaker.talks),
            "videoconferenza",
            "videoconferenze",
            "nessuna registrazione in archivio",
        )
        image = self._card(
            Card(
                title=speaker.name,
                kicker="Relatore",
                when=" · ".join(part for part in (speaker.company, count) if part),
                people=(self._person(speaker),),
                site=self.site.name,
            )
        )
        avatar = self.absolute(speaker.avatar) if speaker.avatar else image.url
        page = structured.web_page(
            url, speaker.name, description, self.site, kind="ProfilePage"
        )
        page["mainEntity"] = {"@id": f"{url}#persona"}
        node = structured.person(speaker, self.site, image=avatar)
        return speaker.name, "profile", image, [page, node]

    def _talks(self, ctx, _subject, url, description):
        talks = ctx.get("talks", [])
        title = "Videoconferenze"
        upcoming = ctx.get("next_talk")
        when = quante(len(talks), "incontro", "incontri")
        if upcoming:
            when += f" · prossimo: {self._when(upcoming.date, upcoming.has_time)}"
        image = self._card(
            Card(
                title="Le videoconferenze del lunedì",
                when=when,
                site=self.site.name,
            )
        )
        page = structured.web_page(
            url, title, description, self.site, kind="CollectionPage", image=image
        )
        page["mainEntity"] = {"@id": f"{url}#elenco"}
        return (
            title,
            "website",
            image,
            [page, structured.item_list(talks, url, self.site)],
        )

    def _index(self, ctx, _subject, url, description):
        image = self._site_card()
        page = structured.web_page(
            url, self.site.name, description, self.site, image=image
        )
        return self.site.name, "website", image, [page]

    def _other(self, ctx, subject, url, description):
        title = self._heading(ctx, subject)
        og_type = "profile" if ctx.get("author") else "website"
        image = self._site_card()
        kind = "CollectionPage" if subject is None else "WebPage"
        page = structured.web_page(url, title, description, self.site, kind=kind)
        return title, og_type, image, [page]

    def _heading(self, ctx, subject):
        """The name of a page that is not an article, talk or speaker."""
        if subject is not None:
            return plain(subject.title)
        for name, label in (
            ("talk_tag", "Videoconferenze sul tema {}"),
            ("tag", "Articoli con il tag {}"),
            ("category", "Categoria {}"),
            ("author", "{}"),
            ("period", "Archivio {}"),
        ):
            value = ctx.get(name)
            if value:
                if name == "period":
                    value = value[0]
                return label.format(value)
        return NAMES.get(ctx.name, self.site.name)

    # Breadcrumbs and lastmod ---------------------------------------------------

    def _trail(self, ctx, kind, subject, url, title):
        home = (self.site.name, f"{self.site.url}/")
        s = self.settings
        if url == home[1]:
            return None
        section = {
            "talk": ("Videoconferenze", s["TALKS_URL"]),
            "talk_tag": ("Videoconferenze", s["TALKS_URL"]),
            "speaker": ("Relatori", s["SPEAKERS_URL"]),
            "tag": ("Tag", s["TAGS_URL"]),
            "category": ("Categorie", s["CATEGORIES_URL"]),
            "author": ("Autori", s["AUTHORS_URL"]),
            "period_archives": ("Archivio", s["ARCHIVES_URL"]),
        }.get(kind)
        if kind == "article" and getattr(subject, "category", None):
            section = (str(subject.category), subject.category.url)
        trail = [home]
        if section:
            trail.append((section[0], self.absolute(section[1])))
        if kind == "index":
            title = f"Pagina {ctx['articles_page'].number}"
        trail.append((title, url))
        return trail

    def _lastmod(self, ctx, kind, subject):
        """When the page last changed: its content's, or the newest it lists.

        A page that lists nothing dated (a speaker with no talk yet) takes the
        newest date of the whole site.
        """
        if kind == "speaker":
            items = subject.talks
        elif subject is not None:
            items = [subject]
        elif kind == "talk_tag":
            items = ctx.get("tag_talks", [])
        elif kind in ("tag", "category", "author", "period_archives"):
            items = ctx.get("articles", []) or ctx.get("dates", [])
        elif kind == "index" and ctx.get("articles_page"):
            items = ctx["articles_page"].object_list
        else:
            items = None
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

    def _when(self, date, has_time=True):
        text = data(date, "full")
        text = text[:1].upper() + text[1:]
        return f"{text}, ore {ora(date)}" if has_time else text

    def _person(self, speaker):
        avatar = None
        if speaker.avatar:
            path = self.content / speaker.avatar
            avatar = str(path) if path.suffix.lower() != ".svg" else None
        return Person(speaker.name, speaker.initials, avatar)

    def _card(self, card):
        key = self.cards.add(card)
        return ShareImage(
            url=self.absolute(self.card_url.format(key=key)),
            width=WIDTH,
            height=HEIGHT,
            alt=card.alt,
            type="image/png",
        )

    def _site_card(self):
        return self._card(Card(title=self.site.name, when=self.site.description))

    def _thumbnail(self, talk):
        if not talk.video_id:
            return None
        path = thumbnail_path(talk.video_id)
        size = image_size(self.content / path)
        if size is None:
            return None
        return ShareImage(
            url=self.absolute(path),
            width=size[0],
            height=size[1],
            alt=f"Anteprima del video: #{talk.number} {plain(talk.title)}",
            type="image/jpeg",
        )

    def _first_image(self, content):
        """The first local raster picture in a body, if Pillow can read it."""
        match = LOCAL_IMAGE.search(getattr(content, "_content", "") or "")
        if not match:
            return None
        written = match.group(1)
        if written.startswith("/"):
            relative = Path(written.lstrip("/"))
        else:
            relative = Path(content.relative_dir) / written
        size = image_size(self.content / relative)
        if size is None:
            return None
        kind = Image.MIME.get((image_format(self.content / relative) or "").upper())
        return ShareImage(
            url=self.absolute(relative.as_posix()),
            width=size[0],
            height=size[1],
            alt=f"Immagine dell'articolo: {plain(content.title)}",
            type=kind or "image/jpeg",
        )


NAMES = {
    "tags.html": "Tutti i tag",
    "categories.html": "Categorie",
    "authors.html": "Autori",
    "archives.html": "Archivio",
    "speakers.html": "Relatori",
    "search.html": "Cerca",
    "404.html": "Pagina non trovata",
}


def _open(path):
    try:
        stat = path.stat()
    except OSError:
        return None, None
    return _read_header(path, stat.st_size, stat.st_mtime_ns)


@cache
def _read_header(path, _size, _mtime):
    try:
        with Image.open(path) as image:
            return image.size, image.format
    except (OSError, ValueError, Image.DecompressionBombError):
        return None, None


def image_size(path):
    """(width, height) of a raster image file (read once while unchanged), or None."""
    return _open(Path(path))[0]


def image_format(path):
    return _open(Path(path))[1]

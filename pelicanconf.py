"""Development settings, used by `invoke build`, `serve`, `livereload` and the tests.

The plugins are the package `eroi.plugins` of this project, installed with it
(`pip install -e .`, see pyproject.toml).
"""

import logging

AUTHOR = "Alessio Fattorini"
SITENAME = "Eroi Digitali"
SITESUBTITLE = (
    "Il blog e le videoconferenze del lunedì della community di NethServer e Nethesis"
)
# Feeds need an absolute domain; pages use relative links so the output folder
# can be browsed from any local server.
SITEURL = "http://localhost:8000"
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
AUTHOR_PROFILE_PATHS = ["authors"]

TIMEZONE = "Europe/Rome"
DEFAULT_LANG = "it"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
DEFAULT_PAGINATION = 10
# The home page is paginated (with summaries); tag, category and author
# pages list every article compactly, on one page each. The lists of talks
# and speakers come in pages of a fixed size, so that no page grows with the
# archive (eroi/plugins/talks: the playlist, a speaker's and a tag's talks,
# the speakers' index).
PAGINATED_TEMPLATES = {
    "index": None,
    "talks": 50,
    "talk_tag": 50,
    "speaker": 50,
    "speakers": 150,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/pagina/{number}/", "{base_name}/pagina/{number}/index.html"),
)

# Italian URLs: blog/, videoconferenze/, relatori/, categorie/, autori/ ...
ARTICLE_URL = "blog/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "blog/{date:%Y}/{slug}/index.html"
DRAFT_URL = "bozze/{slug}/"
DRAFT_SAVE_AS = "bozze/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Content in another language (Lang: en): its own folder beside the Italian one.
ARTICLE_LANG_URL = "blog/{date:%Y}/{slug}/{lang}/"
ARTICLE_LANG_SAVE_AS = "blog/{date:%Y}/{slug}/{lang}/index.html"
DRAFT_LANG_URL = "bozze/{slug}/{lang}/"
DRAFT_LANG_SAVE_AS = "bozze/{slug}/{lang}/index.html"
PAGE_LANG_URL = "{slug}/{lang}/"
PAGE_LANG_SAVE_AS = "{slug}/{lang}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
CATEGORY_URL = "categorie/{slug}/"
CATEGORY_SAVE_AS = "categorie/{slug}/index.html"
CATEGORIES_URL = "categorie/"
CATEGORIES_SAVE_AS = "categorie/index.html"
AUTHOR_URL = "autori/{slug}/"
AUTHOR_SAVE_AS = "autori/{slug}/index.html"
AUTHORS_URL = "autori/"
AUTHORS_SAVE_AS = "autori/index.html"
ARCHIVES_URL = "archivio/"
ARCHIVES_SAVE_AS = "archivio/index.html"
YEAR_ARCHIVE_URL = "blog/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "blog/{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = [
    "index",
    "tags",
    "categories",
    "authors",
    "archives",
    "search",
    "mylist",
    "mylist_privacy",
    "404",
]
# The search page (plugins/search indexes the site for it); every header's
# search field sends its words here as ?q=.
SEARCH_URL = "cerca/"
SEARCH_SAVE_AS = "cerca/index.html"
# "La mia lista" (js/mylist.js): the talks a reader saved, started or watched,
# kept in their browser only; and the page that says what it stores.
MYLIST_URL = "la-mia-lista/"
MYLIST_SAVE_AS = "la-mia-lista/index.html"
MYLIST_PRIVACY_URL = "la-mia-lista/riservatezza/"
MYLIST_PRIVACY_SAVE_AS = "la-mia-lista/riservatezza/index.html"

FEED_ALL_ATOM = "feeds/blog.atom.xml"
CATEGORY_FEED_ATOM = "feeds/categorie/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/autori/{slug}.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

THEME = "theme"
THEME_STATIC_DIR = "theme"
PLUGINS = [
    "pelican.plugins.youtube",
    "eroi.plugins.checks",
    "eroi.plugins.boundary",
    "eroi.plugins.reading",
    "eroi.plugins.images",
    "eroi.plugins.italian",
    "eroi.plugins.authors",
    "eroi.plugins.video",
    "eroi.plugins.transcripts",
    "eroi.plugins.talks",
    "eroi.plugins.contributing",
    "eroi.plugins.search",
    "eroi.plugins.feeds",
    "eroi.plugins.opendata",
    "eroi.plugins.editing",
    "eroi.plugins.sharing",
    "eroi.plugins.assets",
]
# Every page: scripts, styles, images from the site itself; frames only from
# YouTube's no-cookie domain, and only once a reader presses play.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; "
    "frame-src https://www.youtube-nocookie.com; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
# The search page alone may also compile WebAssembly (Pagefind's search).
SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"
)

# The readers (eroi.plugins.reading) report an image without alt text, a tag,
# category or author that gives no URL, and a reStructuredText file without
# one title as problems of their file, with their line; Pelican's own
# warnings would only repeat them.
LOG_FILTER = [
    (logging.WARNING, "Empty alt attribute for image %s in %s"),
    (logging.WARNING, 'Unable to generate valid slug for %s "%s".'),
    (
        logging.WARNING,
        "Document title missing in file %s: Ensure exactly one top level section",
    ),
]

# Templates escape every value unless it is marked |safe (content bodies only).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# No content cache: every build reads every file, so an edit that keeps a
# file's old time (cp -p, rsync -a) or a changed setting is never served
# stale. CACHE_PATH holds only the share cards, keyed by what they show.
CACHE_PATH = "cache"

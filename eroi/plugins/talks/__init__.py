"""The talk archive: the Monday video conferences and their speakers.

Talks (content/talks/*.md) and speakers (content/speakers/*.md) are read,
checked and written by this plugin's own generator (generator.py): a page per
talk, the playlist, the speaker index and pages, talk-tag pages (lists in
pages), the talks' index for the playlist's filters, Atom feeds
(all talks, per speaker, per talk tag, and "novità" with the articles), an
iCalendar file and one event file per talk. ``@handle`` mentions in any
content link to speakers (eroi.plugins.mentions). Settings below are
defaults; pelicanconf.py may override any.
"""

from pelican import signals

from eroi.plugins.talks.generator import talks_generator
from eroi.settings import Derived, declare

DEFAULTS = {
    "TALK_PATHS": ["talks"],
    "SPEAKER_PATHS": ["speakers"],
    "TALK_URL": "videoconferenze/{slug}/",
    "TALK_SAVE_AS": "videoconferenze/{slug}/index.html",
    # A talk in another language (Lang: en) is not a translation: same URLs.
    "TALK_LANG_URL": "videoconferenze/{slug}/",
    "TALK_LANG_SAVE_AS": "videoconferenze/{slug}/index.html",
    "TALKS_URL": "videoconferenze/",
    "TALKS_SAVE_AS": "videoconferenze/index.html",
    # Every talk, compact, for the playlist's filters and La mia lista (index.py).
    "TALKS_INDEX_SAVE_AS": "videoconferenze/indice.json",
    "TALKTAG_URL": "videoconferenze/tag/{slug}/",
    "TALKTAG_SAVE_AS": "videoconferenze/tag/{slug}/index.html",
    "SPEAKER_URL": "relatori/{slug}/",
    "SPEAKER_SAVE_AS": "relatori/{slug}/index.html",
    # A speaker's bio in another language (Lang: en): the same page.
    "SPEAKER_LANG_URL": "relatori/{slug}/",
    "SPEAKER_LANG_SAVE_AS": "relatori/{slug}/index.html",
    "SPEAKERS_URL": "relatori/",
    "SPEAKERS_SAVE_AS": "relatori/index.html",
    "TALKS_FEED_ATOM": "feeds/videoconferenze.atom.xml",
    "SPEAKER_FEED_ATOM": "feeds/relatori/{slug}.atom.xml",
    "TALKTAG_FEED_ATOM": "feeds/videoconferenze/tag/{slug}.atom.xml",
    # Everything new, articles and talks together.
    "TALKS_NEWS_FEED_ATOM": "feeds/novita.atom.xml",
    "TALKS_CALENDAR": "videoconferenze/calendario.ics",
    # One talk's event alone ("Aggiungi al calendario" on its page).
    "TALK_CALENDAR_SAVE_AS": "videoconferenze/{slug}/evento.ics",
    "TALKS_COMMUNITY_PROFILE_URL": "https://community.nethesis.it/u/{handle}",
    # Where an @mention links (eroi.plugins.mentions): "page", the speaker's
    # page on this site, or "profile", their community profile.
    "TALKS_MENTIONS_LINK": "page",
    "TALKS_DEFAULT_DURATION_MINUTES": 60,
    "TALKS_NOW": None,
    # Speaker slugs from names and handles: "d.curto" -> "d-curto".
    "SPEAKER_REGEX_SUBSTITUTIONS": Derived(
        lambda s: [(r"[._]+", "-"), *s.get("SLUG_REGEX_SUBSTITUTIONS", [])]
    ),
}
SETTING_PREFIXES = ("TALK_", "TALKS_", "TALKTAG_", "SPEAKER_", "SPEAKERS_")


def register():
    declare(__name__, DEFAULTS, SETTING_PREFIXES)
    signals.get_generators.connect(talks_generator)

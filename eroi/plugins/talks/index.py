"""The talks' index: every published talk in one compact JSON file.

The playlist's pages hold a page of talks each; its filters (js/playlist.js)
look through the whole archive in this file, fetched only when a reader sets
a filter, and draw the cards of the talks that match; La mia lista
(js/mylist.js) takes from it the current URL, title and length of the talks
a reader saved. Only what a card shows: a talk is a row of values, its
speakers and tags indexes into the two lists before it. The same archive
gives the same bytes.
"""

import json

from markupsafe import Markup

from eroi.model.italian import data, durata, lingua, ora

# The columns of a talk's row, in order (js/playlist.js and js/mylist.js read them).
COLUMNS = (
    "url",
    "slug",
    "titolo",
    "numero",
    "data",  # ISO 8601
    "quando",  # Italian: "lunedì 7 gennaio 2019, ore 17:00"
    "relatori",  # indexes into "relatori"
    "tag",  # indexes into "tag"
    "stato",
    "video",  # the YouTube id, or ""
    "anteprima",  # the local thumbnail's path, or ""
    "durata",  # seconds, or 0
    "durata_testo",  # "1 h 05 min", or ""
    "lingua",  # "it", "en-GB" ...: its Italian name in "lingue"
)


def talks_index(talks, speakers, tags, thumbnail, site_lang):
    """The index's bytes: ``talks`` newest first, ``speakers`` and ``tags``
    (TalkTag) in the filters' order; ``thumbnail(video_id)`` is the local
    thumbnail's path or None; ``site_lang``: a card says the language of a
    talk in another."""
    speakers = [s for s in speakers if s.talks]
    speaker_at = {s.handle: n for n, s in enumerate(speakers)}
    tag_at = {t.slug: n for n, t in enumerate(tags)}
    rows = []
    for talk in talks:
        when = data(talk.date)
        if talk.has_time:
            when += f", ore {ora(talk.date)}"
        video = talk.youtube.id if talk.youtube else ""
        rows.append(
            [
                talk.url,
                talk.slug,
                Markup(talk.title).striptags(),
                talk.number,
                talk.date.isoformat(),
                when,
                [speaker_at[s.handle] for s in talk.speakers],
                [tag_at[t.slug] for t in talk.talk_tags],
                talk.state,
                video,
                thumbnail(video) or "",
                talk.duration or 0,
                durata(talk.duration) if talk.duration else "",
                talk.lang,
            ]
        )
    codes = {site_lang, *(talk.lang for talk in talks)}
    index = {
        "colonne": COLUMNS,
        "lingua_sito": site_lang,
        # The languages' Italian names: the filter's values ("inglese").
        "lingue": {code: lingua(code) for code in sorted(codes)},
        "relatori": [[s.slug, s.name, s.url] for s in speakers],
        "tag": [[t.slug, str(t)] for t in tags],
        "videoconferenze": rows,
    }
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")

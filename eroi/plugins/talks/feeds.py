"""Atom feeds of talks: all of them, per speaker, per talk tag, and "novità".

Pelican's writer makes the feeds; a ``TalkEntry`` is what it gets for a talk:
the title with the talk's number, and an entry body that opens with the date,
the speakers and the video link (or the event file of an upcoming talk).
"""

from markupsafe import Markup

from eroi.model.archive import UPCOMING
from eroi.model.italian import data, ora


class TalkEntry:
    """A talk as a feed entry (the attributes Pelican's feed writer reads)."""

    def __init__(self, talk, settings):
        self.talk = talk
        self.settings = settings
        self.title = f"#{talk.number} {talk.title}"
        self.url = talk.url
        self.date = talk.date
        self.author = talk.author
        self.tags = [str(tag) for tag in talk.talk_tags]
        self.bodies = {}
        if hasattr(talk, "modified"):
            self.modified = talk.modified

    @property
    def summary(self):
        return self.talk.summary

    def get_content(self, siteurl):
        """The entry's body, made once per site URL (a talk is in four feeds)."""
        if siteurl not in self.bodies:
            self.bodies[siteurl] = self.body(siteurl)
        return self.bodies[siteurl]

    def body(self, siteurl):
        talk = self.talk
        when = data(talk.date, "full")
        if talk.has_time:
            when += f", ore {ora(talk.date)}"
        speakers = Markup(", ").join(
            Markup('<a href="{}/{}">{}</a>').format(siteurl, s.url, s.name)
            for s in talk.speakers
        )
        parts = [
            Markup("<p>Videoconferenza #{} del {}, con {}.</p>").format(
                talk.number, when, speakers
            )
        ]
        if talk.youtube:
            parts.append(
                Markup('<p><a href="{}">Guarda il video su YouTube</a></p>').format(
                    talk.youtube.url
                )
            )
        if talk.state == UPCOMING and self.settings.get("TALK_CALENDAR_SAVE_AS"):
            parts.append(
                Markup('<p><a href="{}/{}">Aggiungi al calendario</a></p>').format(
                    siteurl, talk.event_file
                )
            )
        return str(Markup("\n").join(parts)) + "\n" + talk.get_content(siteurl)


def write_talk_feeds(writer, context, settings, talks, registry, talk_tags):
    """Every talk feed the settings ask for; entries newest first."""

    # One entry per talk, whatever the number of feeds it is in: its body is
    # made once.
    entry = {id(talk): TalkEntry(talk, settings) for talk in talks}

    def entries(items):
        return [entry[id(talk)] for talk in items]

    def write(items, path, title):
        if path and items:
            writer.write_feed(entries(items), context, path, feed_title=title)

    write(talks, settings["TALKS_FEED_ATOM"], "videoconferenze")
    if settings["SPEAKER_FEED_ATOM"]:
        for speaker in registry:
            write(
                speaker.talks,
                settings["SPEAKER_FEED_ATOM"].format(slug=speaker.slug),
                f"videoconferenze di {speaker.name}",
            )
    if settings["TALKTAG_FEED_ATOM"]:
        for tag, tagged in talk_tags.items():
            write(
                tagged,
                settings["TALKTAG_FEED_ATOM"].format(slug=tag.slug),
                f"videoconferenze sul tema {tag}",
            )
    if settings["TALKS_NEWS_FEED_ATOM"]:
        news = [*context.get("articles", ()), *entries(talks)]
        news.sort(key=lambda item: item.date, reverse=True)
        if news:
            writer.write_feed(
                news,
                context,
                settings["TALKS_NEWS_FEED_ATOM"],
                feed_title="novità dal blog e dalle videoconferenze",
            )

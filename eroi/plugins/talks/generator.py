"""TalksGenerator: reads and checks speakers and talks, then writes their pages.

The speakers are read as the generator is made, before any generator reads
its files, so that every reader links @mentions (eroi.plugins.mentions).
Phase one (``generate_context``) reads content/talks/, checks each talk
against the archive (its speakers, its video, its caption file), reports
every problem to the run (the build stops once all content is read) and
leaves those files out; it numbers the talks, links speakers and tags, and
fills the context.
Phase two (``generate_output``) writes the talk pages, the playlist, the
speaker index and pages, the talk-tag pages (the lists in pages of a fixed
size), the talks' index for the filters (index.py), the Atom feeds
(feeds.py), the calendar and each talk's own event file.
"""

import logging
import os
from collections import defaultdict
from pathlib import Path

from markupsafe import Markup
from pelican.contents import SkipStub
from pelican.generators import Generator
from pelican.urlwrappers import Author, URLWrapper
from pelican.utils import slugify

from eroi import run
from eroi.messages import _
from eroi.model import archive
from eroi.model.captions import SUFFIXES
from eroi.model.related import relate_all
from eroi.model.slugs import shorten
from eroi.model.speakers import REGISTRY, Speaker, SpeakerRegistry
from eroi.model.talks import Talk
from eroi.plugins.talks.calendar import (
    Calendars,
    add_links,
    subscription_url,
)
from eroi.plugins.talks.feeds import write_talk_feeds
from eroi.plugins.talks.index import talks_index
from eroi.plugins.talks.sharing import KINDS, PLAYLIST, SPEAKER, TALK, TALK_TAG
from eroi.plugins.talks.validation import (
    check_talk,
    draft_video,
    duplicate_slug,
    no_url,
)
from eroi.plugins.transcripts import CaptionFiles, orphans
from eroi.problems import problem, shown_path
from eroi.settings import site_url

logger = logging.getLogger(__name__)


class TalkTag(URLWrapper):
    """A tag of talks; URLs from TALKTAG_URL / TALKTAG_SAVE_AS."""


class TalksGenerator(Generator):
    shared_kinds = KINDS  # the kinds of page it writes (eroi.plugins.sharing)

    def __init__(self, *args, **kwargs):
        self.talks = []  # published, newest first
        self.drafts = []
        self.talk_tags = {}
        self.videos = {}  # {video id: file}, drafts included
        self.slugs = {}  # {slug: file}, drafts included
        super().__init__(*args, **kwargs)
        # Before any generator reads its files: the readers link @mentions.
        self.registry = self._read_speakers()

    @property
    def problems(self):
        """This run's Problems."""
        return run.problems(self.settings)

    # Phase one -----------------------------------------------------------------

    def generate_context(self):
        for speaker in self.registry:
            self.context["generated_content"][speaker.relative_source_path] = speaker
        talks = self._read_talks()
        self.talks = archive.number_talks(talks)
        for talk in self.talks:
            self._place(talk)
        tagged = defaultdict(list)
        for talk in self.talks:
            for speaker in talk.speakers:
                speaker.talks.append(talk)
            for tag in talk.talk_tags:
                tagged[tag].append(talk)
        self.talk_tags = dict(sorted(tagged.items(), key=lambda item: item[0].slug))
        relate_all(self.talks)
        speakers = sorted(self.registry, key=lambda s: (s.name.casefold(), s.handle))
        self.context.update(
            talks=self.talks,
            talks_by_year=archive.by_year(self.talks),
            speakers=speakers,
            talk_tags=self.talk_tags,
            latest_talk=archive.latest_recorded(self.talks),
            last_talk=archive.latest_past(self.talks),
            next_talk=archive.next_upcoming(self.talks),
            upcoming_first=archive.upcoming_first,
            calendar_subscription=subscription_url(self.settings),
        )

    def _place(self, talk):
        """What a talk is at this build's moment (``run.now``): its state,
        whether its live room is open to join (until the talk ends), and,
        while it is to come, its "Aggiungi a Google Calendar / Outlook"."""
        settings = self.settings
        now = run.now(settings)
        talk.ends = archive.talk_end(
            talk.date,
            talk.duration,
            talk.has_time,
            settings["TALKS_DEFAULT_DURATION_MINUTES"],
        )
        talk.state = archive.talk_state(talk.ends, talk.youtube, now)
        talk.joinable = bool(talk.live) and now < talk.ends
        talk.add_links = (
            add_links(talk, settings, site_url(settings))
            if talk.state == archive.UPCOMING
            else None
        )

    def _read(self, path, content_class):
        """The content object of ``path``, or None when the file was refused."""
        content = self.readers.read_file(
            base_path=self.path,
            path=path,
            content_class=content_class,
            context=self.context,
        )
        return None if isinstance(content, SkipStub) else content

    def _read_speakers(self):
        """Every speaker file, in the run's registry (eroi.plugins.mentions)."""
        registry = SpeakerRegistry()
        run.current(self.settings).state[REGISTRY] = registry
        read = {}
        for path in sorted(self.get_files(self.settings["SPEAKER_PATHS"])):
            speaker = self._read(path, Speaker)
            if speaker is None:
                continue
            self._slug(speaker)
            if not speaker.slug:
                source = speaker.source_path
                self.problems.add(source, no_url(source, speaker.name, "name"))
                continue
            for key, owner in registry.add(speaker):
                self.problems.add(
                    speaker.source_path,
                    problem(
                        speaker.source_path,
                        "handle" if key == speaker.handle else "aliases",
                        _(
                            "'{handle}' is already the handle or an alias of {owner}"
                        ).format(handle=key, owner=shown_path(owner.source_path)),
                        _("each handle and alias names one speaker"),
                    ),
                )
            read[path] = speaker
        # A bio that mentions someone is read again, now that everyone is known.
        for path, speaker in read.items():
            if "@" in speaker.content:
                fresh = self._read(path, Speaker)
                if fresh is not None:
                    fresh.slug = speaker.slug
                    registry.replace(speaker, fresh)
        self._give_unique_urls(list(registry))
        return registry

    def _slug(self, speaker):
        """A speaker's URL part: its Slug, else its name (shortened)."""
        settings = self.settings
        speaker.slug = speaker.metadata.get("slug") or shorten(
            slugify(
                Markup.escape(speaker.name),  # its text as written, tags too
                regex_subs=settings["SPEAKER_REGEX_SUBSTITUTIONS"],
                preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
                use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
            )
        )

    def _give_unique_urls(self, speakers):
        """Namesakes get a URL each, from name and handle; equal Slugs are refused."""
        by_slug = defaultdict(list)
        for speaker in speakers:
            by_slug[speaker.slug].append(speaker)
        for slug, namesakes in sorted(by_slug.items()):
            written = [s for s in namesakes if s.metadata.get("slug")]
            for speaker in namesakes[1:] if written else ():
                self.problems.add(
                    speaker.source_path,
                    duplicate_slug(
                        speaker.source_path,
                        slug,
                        shown_path(namesakes[0].source_path),
                    ),
                )
            if written or len(namesakes) == 1:
                continue
            for speaker in namesakes:
                speaker.slug = f"{slug}-{speaker.handle_slug}"
                self.problems.note(
                    _(
                        "{path}: note: '{name}' is the name of {count} speakers; "
                        "this one's page is {url} (write 'Slug:' to choose it)"
                    ).format(
                        path=shown_path(speaker.source_path),
                        name=speaker.name,
                        count=len(namesakes),
                        url=f"/{speaker.url}",
                    )
                )

    def _read_talks(self):
        talks, videos, slugs = [], self.videos, self.slugs
        paths = self.settings["TALK_PATHS"]
        captions = CaptionFiles(
            os.path.join(self.path, path)
            for path in self.get_files(paths, extensions=[s[1:] for s in SUFFIXES])
        )
        for path in sorted(self.get_files(paths)):
            source = os.path.join(self.path, path)
            captions.beside(source, None)  # even a file that cannot be read owns them
            talk = self._read(path, Talk)
            if talk is None:
                continue
            self.add_source_path(talk)
            if talk.status == "draft":
                self.drafts.append(talk)
                slugs.setdefault(talk.slug, shown_path(source))
                draft_video(talk, source, videos)
                continue
            if self._check(talk, source, captions, videos, slugs):
                talks.append(talk)
        for found in orphans(captions):
            self.problems.add(found.path, found)
        return talks

    def _check(self, talk, source, captions, videos, slugs):
        """Check ``talk`` against the archive; set its checked values, or
        report its problems. True when it is published."""
        found, values = check_talk(
            talk, source, self.registry, videos, self.path, captions
        )
        if not talk.slug:
            found.append(no_url(source, Markup(talk.title).striptags()))
        if not found and talk.slug in slugs:
            found = [duplicate_slug(source, talk.slug, slugs[talk.slug])]
        if found:
            self.problems.add(source, found)
            return False
        slugs[talk.slug] = shown_path(source)
        talk.speakers = values["speakers"]
        talk.transcript = values["transcript"]
        # Feeds name the speakers as the entry's author.
        names = ", ".join(speaker.name for speaker in talk.speakers)
        talk.author = Author(names, self.settings)
        talk.authors = [talk.author]
        talk.talk_tags = [
            TalkTag(tag.name, self.settings) for tag in getattr(talk, "tags", [])
        ]
        return True

    # One file again (the writer's loop) -----------------------------------------

    def reread_talk(self, path, old):
        """A fresh Talk from the file at ``path`` (relative to the content
        folder) that was the published ``old``: checked against the archive as
        this generator read it, in the place ``old`` had (number, related
        talks). None if the file has a problem or is now a draft."""
        source = os.path.join(self.path, path)
        talk = self._read(path, Talk)
        if talk is None or talk.status == "draft":
            return None
        captions = CaptionFiles(
            os.path.join(self.path, caption)
            for caption in self.get_files(
                [os.path.dirname(path)], extensions=[s[1:] for s in SUFFIXES]
            )
        )
        videos = {v: f for v, f in self.videos.items() if f != shown_path(source)}
        slugs = {s: f for s, f in self.slugs.items() if f != shown_path(source)}
        if not self._check(talk, source, captions, videos, slugs):
            return None
        for name in ("number", "previous_talk", "next_talk", "related"):
            setattr(talk, name, getattr(old, name))
        self._place(talk)
        return talk

    def reread_speaker(self, path, old):
        """A fresh Speaker from the file at ``path`` that was ``old``, with
        ``old``'s URL and talks; None if the file has a problem."""
        speaker = self._read(path, Speaker)
        if speaker is None:
            return None
        speaker.slug = old.slug
        speaker.talks = old.talks
        return speaker

    def refresh_metadata_intersite_links(self):
        for talk in self.talks:
            talk.refresh_metadata_intersite_links()

    # Phase two -----------------------------------------------------------------

    def generate_output(self, writer):
        settings = self.settings

        def write(save_as, template, url, **kwargs):
            writer.write_file(
                save_as,
                self.get_template(template),
                self.context,
                relative_urls=settings["RELATIVE_URLS"],
                url=url,
                **kwargs,
            )

        # shared_as: what the sharing plugin describes each page as.
        for talk in self.talks:
            write(talk.save_as, talk.template, talk.url, talk=talk, shared_as=TALK)
        # The lists come in pages (Pelican's paginator: PAGINATED_TEMPLATES,
        # PAGINATION_PATTERNS); each page's template gets `<key>_page`.
        write(
            settings["TALKS_SAVE_AS"],
            "talks",
            settings["TALKS_URL"],
            shared_as=PLAYLIST,
            paginated={"talks": self.talks},
            template_name="talks",
        )
        write(
            settings["SPEAKERS_SAVE_AS"],
            "speakers",
            settings["SPEAKERS_URL"],
            paginated={"speakers": self.context["speakers"]},
            template_name="speakers",
        )
        for speaker in self.registry:
            write(
                speaker.save_as,
                "speaker",
                speaker.url,
                speaker=speaker,
                shared_as=SPEAKER,
                paginated={"speaker_talks": archive.upcoming_first(speaker.talks)},
                template_name="speaker",
            )
        for tag, talks in self.talk_tags.items():
            write(
                tag.save_as,
                "talk_tag",
                tag.url,
                talk_tag=tag,
                tag_talks=talks,
                shared_as=TALK_TAG,
                paginated={"tag_talks": archive.upcoming_first(talks)},
                template_name="talk_tag",
            )
        if settings["TALKS_INDEX_SAVE_AS"]:
            target = Path(self.output_path, settings["TALKS_INDEX_SAVE_AS"])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(
                talks_index(
                    self.talks,
                    self.context["speakers"],
                    list(self.talk_tags),
                    self.env.globals.get("video_thumbnail", lambda _video: None),
                    settings["DEFAULT_LANG"],
                )
            )
        write_talk_feeds(
            writer, self.context, settings, self.talks, self.registry, self.talk_tags
        )
        self._write_calendars()

    def _write_calendars(self):
        """The full calendar, and each talk's own event file (same VEVENT)."""
        settings = self.settings
        calendars = Calendars(settings, site_url(settings))

        def write(save_as, talks, **options):
            target = Path(self.output_path, save_as)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(calendars.calendar(talks, **options))

        if settings["TALKS_CALENDAR"]:
            write(settings["TALKS_CALENDAR"], self.talks)
        if settings["TALK_CALENDAR_SAVE_AS"]:
            for talk in self.talks:
                name = f"{settings['SITENAME']}: #{talk.number} {talk.title}"
                write(talk.event_file, [talk], name=name)


def talks_generator(_pelican):
    return TalksGenerator

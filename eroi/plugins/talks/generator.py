"""TalksGenerator: reads and checks speakers and talks, then writes their pages.

Phase one (``generate_context``) reads content/speakers/ and content/talks/,
reports every problem to content_checks (which stops the build once all
content is read) and leaves those files out; it numbers the talks, links
speakers, chapters and tags, and fills the context.
Phase two (``generate_output``) writes the talk pages, the playlist, the
speaker index and pages, the talk-tag pages, the Atom feeds (feeds.py), the
calendar and each talk's own event file.
"""

import logging
import os
from collections import defaultdict
from pathlib import Path

from pelican.contents import SkipStub
from pelican.generators import CachingGenerator
from pelican.urlwrappers import Author, URLWrapper

from eroi import run
from eroi.clock import build_time
from eroi.model import archive
from eroi.model.captions import SUFFIXES
from eroi.model.related import relate_all
from eroi.model.slugs import shorten
from eroi.model.speakers import Speaker, SpeakerRegistry
from eroi.model.talks import SpeakerSource, Talk
from eroi.plugins.talks.calendar import Calendars
from eroi.plugins.talks.feeds import write_talk_feeds
from eroi.plugins.talks.mentions import link_mentions
from eroi.plugins.talks.sharing import PLAYLIST, SPEAKER, TALK, TALK_TAG
from eroi.plugins.talks.validation import (
    check_talk,
    draft_video,
    duplicate_slug,
    no_url,
)
from eroi.plugins.transcripts import CaptionFiles, orphans
from eroi.problems import problem, shown_path

logger = logging.getLogger(__name__)


class TalkTag(URLWrapper):
    """A tag of talks; URLs from TALKTAG_URL / TALKTAG_SAVE_AS."""


class TalksGenerator(CachingGenerator):
    def __init__(self, *args, **kwargs):
        self.talks = []  # published, newest first
        self.drafts = []
        self.registry = SpeakerRegistry()
        self.talk_tags = {}
        self.videos = {}  # {video id: file}, drafts included
        self.slugs = {}  # {slug: file}, drafts included
        super().__init__(*args, **kwargs)

    @property
    def problems(self):
        """This run's Problems."""
        return run.problems(self.settings)

    # Phase one -----------------------------------------------------------------

    def generate_context(self):
        self._read_speakers()
        talks = self._read_talks()
        self.save_cache()
        self.readers.save_cache()
        now = build_time(self.settings)
        for talk in talks:
            talk.state = archive.talk_state(talk.date, talk.video_id, now)
        self.talks = archive.number_talks(talks)
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
        )

    def _read(self, path, content_class):
        """The content object of ``path``, or None when the file was refused."""
        content = self.get_cached_data(path, None)
        if content is None:
            content = self.readers.read_file(
                base_path=self.path,
                path=path,
                content_class=content_class,
                context=self.context,
            )
            if isinstance(content, SkipStub):
                return None
            self.cache_data(path, content)
        return content

    def _read_speakers(self):
        speakers = []
        for path in sorted(self.get_files(self.settings["SPEAKER_PATHS"])):
            source_path = os.path.join(self.path, path)
            source = self._read(path, SpeakerSource)
            if source is None:
                continue
            speaker = self._speaker(source, path)
            if not speaker.slug:
                self.problems.add(
                    source_path, no_url(source_path, speaker.name, "name")
                )
                continue
            for key, owner in self.registry.add(speaker):
                self.problems.add(
                    source_path,
                    problem(
                        source_path,
                        "handle" if key == speaker.handle else "aliases",
                        f"'{key}' is already the handle or an alias of "
                        f"{shown_path(self.path, owner.source_path)}",
                        "each handle and alias names one speaker",
                    ),
                )
            speakers.append(speaker)
        self._give_unique_urls(speakers)

    def _speaker(self, source, path):
        """The Speaker a speaker file describes (its URL from Slug or name)."""
        meta = source.metadata
        speaker = Speaker(
            meta["name"],
            self.settings,
            handle=meta["handle"],
            aliases=meta.get("aliases", []),
            avatar=meta.get("avatar"),
            company=meta.get("company"),
            website=meta.get("website"),
            community=meta.get("community"),
            source=source,
            source_path=Path(path).as_posix(),
        )
        speaker.slug = meta.get("slug") or shorten(speaker.slug or "")
        return speaker

    def _give_unique_urls(self, speakers):
        """Namesakes get a URL each, from name and handle; equal Slugs are refused."""
        by_slug = defaultdict(list)
        for speaker in speakers:
            by_slug[speaker.slug].append(speaker)
        for slug, namesakes in sorted(by_slug.items()):
            written = [s for s in namesakes if s.source.metadata.get("slug")]
            for speaker in namesakes[1:] if written else ():
                source_path = os.path.join(self.path, speaker.source_path)
                self.problems.add(
                    source_path,
                    duplicate_slug(
                        source_path,
                        slug,
                        shown_path(self.path, namesakes[0].source_path),
                    ),
                )
            if written or len(namesakes) == 1:
                continue
            for speaker in namesakes:
                speaker.slug = f"{slug}-{speaker.handle_slug}"
                self.problems.note(
                    f"{shown_path(self.path, speaker.source_path)}: note: "
                    f"'{speaker.name}' is the name of {len(namesakes)} speakers; "
                    f"this one's page is /{speaker.url} (write 'Slug:' to choose it)"
                )
        for speaker in speakers:
            if not self.problems.has_refused(
                os.path.join(self.path, speaker.source_path)
            ):
                self.context["generated_content"][speaker.source_path] = speaker

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
            found.append(no_url(source, talk.title))
        if not found and talk.slug in slugs:
            found = [duplicate_slug(source, talk.slug, slugs[talk.slug])]
        if found:
            self.problems.add(source, found)
            return False
        slugs[talk.slug] = shown_path(source)
        for name, value in values.items():
            setattr(talk, name, value)
        # Feeds name the speakers as the entry's author.
        names = ", ".join(speaker.name for speaker in talk.speakers)
        talk.author = Author(names, self.settings)
        talk.authors = [talk.author]
        talk.talk_tags = [
            TalkTag(tag.name, self.settings) for tag in getattr(talk, "tags", [])
        ]
        return True

    def link_mentions(self, content):
        """Link the @handles in ``content``'s body (once speakers are known)."""
        content._content = link_mentions(
            content._content,
            self.registry,
            self.settings["TALKS_COMMUNITY_PROFILE_URL"],
        )

    # One file again (the writer's loop) -----------------------------------------

    def reread_talk(self, path, old):
        """A fresh Talk from the file at ``path`` (relative to the content
        folder) that was the published ``old``: checked against the archive as
        this generator read it, in the place ``old`` had (number, related
        talks). None if the file has a problem or is now a draft."""
        source = os.path.join(self.path, path)
        talk = self.readers.read_file(
            base_path=self.path, path=path, content_class=Talk, context=self.context
        )
        if isinstance(talk, SkipStub) or talk.status == "draft":
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
        for name, value in vars(old).items():  # its place in the archive
            # (not what the class computes and caches, e.g. its URL)
            if name not in vars(talk) and not hasattr(type(talk), name):
                setattr(talk, name, value)
        talk.state = archive.talk_state(
            talk.date, talk.video_id, build_time(self.settings)
        )
        return talk

    def reread_speaker(self, path, old):
        """A fresh Speaker from the file at ``path`` that was ``old``, with
        ``old``'s URL and talks; None if the file has a problem."""
        source = self.readers.read_file(
            base_path=self.path,
            path=path,
            content_class=SpeakerSource,
            context=self.context,
        )
        if isinstance(source, SkipStub):
            return None
        speaker = self._speaker(source, path)
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
        write(
            settings["TALKS_SAVE_AS"],
            "talks",
            settings["TALKS_URL"],
            shared_as=PLAYLIST,
        )
        write(settings["SPEAKERS_SAVE_AS"], "speakers", settings["SPEAKERS_URL"])
        for speaker in self.registry:
            write(
                speaker.save_as,
                "speaker",
                speaker.url,
                speaker=speaker,
                shared_as=SPEAKER,
            )
        for tag, talks in self.talk_tags.items():
            write(
                tag.save_as,
                "talk_tag",
                tag.url,
                talk_tag=tag,
                tag_talks=talks,
                shared_as=TALK_TAG,
            )
        write_talk_feeds(
            writer, self.context, settings, self.talks, self.registry, self.talk_tags
        )
        self._write_calendars()

    def _write_calendars(self):
        """The full calendar, and each talk's own event file (same VEVENT)."""
        settings = self.settings
        siteurl = settings.get("FEED_DOMAIN") or settings["SITEURL"]
        calendars = Calendars(settings, siteurl)

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

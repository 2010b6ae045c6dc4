"""TalksGenerator: reads and checks speakers and talks, then writes their pages.

Phase one (``generate_context``) reads content/speakers/ and content/talks/,
collects every problem, and fails the build with all of them; otherwise it
numbers the talks, links speakers, chapters and tags, and fills the context.
Phase two (``generate_output``) writes the talk pages, the playlist, the
speaker index and pages, the talk-tag pages, the Atom feeds and the calendar.
"""

import logging
from collections import defaultdict
from pathlib import Path

from pelican.generators import CachingGenerator
from pelican.urlwrappers import Author, URLWrapper
from video.youtube import parse_youtube

from . import archive
from .calendar import build_calendar
from .chapters import extract_chapters
from .contents import SpeakerSource, Talk
from .fields import parse_duration, split_list
from .speakers import Speaker, SpeakerRegistry
from .validation import (
    ContentError,
    duplicate_video,
    missing,
    problem,
    shown_path,
    unknown_speaker,
)

logger = logging.getLogger(__name__)

YOUTUBE_HINT = (
    "paste the video's URL, e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ, "
    "or its 11-character id"
)
LINK_FIELDS = ("slides", "discussion")


class TalkTag(URLWrapper):
    """A tag of talks; URLs from TALKTAG_URL / TALKTAG_SAVE_AS."""


class TalksGenerator(CachingGenerator):
    def __init__(self, *args, **kwargs):
        self.talks = []  # published, newest first
        self.drafts = []
        self.registry = SpeakerRegistry()
        self.talk_tags = {}
        super().__init__(*args, **kwargs)

    # Phase one -----------------------------------------------------------------

    def generate_context(self):
        problems = []
        self._read_speakers(problems)
        talks = self._read_talks(problems)
        self.save_cache()
        self.readers.save_cache()
        if problems:
            raise ContentError(problems)
        now = archive.build_time(self.settings)
        for talk in talks:
            talk.state = archive.talk_state(talk.date, talk.video_id, now)
            link_for = talk.video_url_at if talk.video_id else lambda _seconds: None
            talk._content, talk.chapters = extract_chapters(talk._content, link_for)
        self.talks = archive.number_talks(talks)
        tagged = defaultdict(list)
        for talk in self.talks:
            for speaker in talk.speakers:
                speaker.talks.append(talk)
            for tag in talk.talk_tags:
                tagged[tag].append(talk)
        self.talk_tags = dict(sorted(tagged.items(), key=lambda item: item[0].slug))
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
        content = self.get_cached_data(path, None)
        if content is None:
            content = self.readers.read_file(
                base_path=self.path,
                path=path,
                content_class=content_class,
                context=self.context,
            )
            self.cache_data(path, content)
        return content

    def _read_speakers(self, problems):
        slugs = {}
        for path in sorted(self.get_files(self.settings["SPEAKER_PATHS"])):
            source = self._read(path, SpeakerSource)
            shown = shown_path(self.path, path)
            meta = source.metadata
            name, handle = meta.get("name", "").strip(), meta.get("handle", "").strip()
            if not name:
                problems.append(missing(shown, "name", "Name: Nome Cognome"))
            if not handle:
                problems.append(missing(shown, "handle", "Handle: forum.handle"))
            if not (name and handle):
                continue
            avatar = meta.get("avatar", "").strip() or None
            if avatar and not Path(self.path, avatar).is_file():
                problems.append(
                    problem(
                        shown,
                        "avatar",
                        f"file {avatar} not found in content/",
                        "put the image in content/images/ and write its path, "
                        "e.g. images/relatori/nome.jpg",
                    )
                )
                avatar = None
            speaker = Speaker(
                name,
                self.settings,
                handle=handle,
                aliases=split_list(meta.get("aliases", "")),
                avatar=avatar,
                company=meta.get("company"),
                website=meta.get("website"),
                community=meta.get("community"),
                source=source,
                source_path=Path(path).as_posix(),
            )
            if meta.get("slug"):
                speaker.slug = meta["slug"]
            for key, owner in self.registry.add(speaker):
                problems.append(
                    problem(
                        shown,
                        "handle" if key == handle else "aliases",
                        f"'{key}' is already the handle or an alias of "
                        f"{shown_path(self.path, owner.source_path)}",
                        "each handle and alias names one speaker",
                    )
                )
            if speaker.slug in slugs:
                problems.append(
                    problem(
                        shown,
                        "slug",
                        f"'{speaker.slug}' is already the URL of {slugs[speaker.slug]}",
                        "add a different 'Slug:' to one of them",
                    )
                )
            slugs.setdefault(speaker.slug, shown)
            self.context["generated_content"][speaker.source_path] = speaker

    def _read_talks(self, problems):
        talks, videos, slugs = [], {}, {}
        for path in sorted(self.get_files(self.settings["TALK_PATHS"])):
            talk = self._read(path, Talk)
            self.add_source_path(talk)
            if talk.status == "draft":
                self.drafts.append(talk)
                continue
            shown = shown_path(self.path, path)
            before = len(problems)
            meta = talk.metadata
            if not meta.get("title", "").strip():
                problems.append(missing(shown, "title", "Title: Titolo della serata"))
            if "date" not in meta:
                problems.append(missing(shown, "date", "Date: 2021-01-11 17:00"))
            self._check_speakers(talk, shown, problems)
            self._check_video(talk, shown, problems, videos)
            self._check_fields(talk, shown, problems)
            if len(problems) > before:
                continue
            if talk.slug in slugs:
                problems.append(
                    problem(
                        shown,
                        "slug",
                        f"'{talk.slug}' is already the URL of {slugs[talk.slug]}",
                        "add a different 'Slug:' to one of them",
                    )
                )
                continue
            slugs[talk.slug] = shown
            # Feeds name the speakers as the entry's author.
            names = ", ".join(speaker.name for speaker in talk.speakers)
            talk.author = Author(names, self.settings)
            talk.authors = [talk.author]
            talk.talk_tags = [
                TalkTag(tag.name, self.settings) for tag in getattr(talk, "tags", [])
            ]
            talks.append(talk)
        return talks

    def _check_speakers(self, talk, shown, problems):
        handles = split_list(talk.metadata.get("speakers", ""))
        if not handles:
            problems.append(
                missing(shown, "speakers", "Speakers: handle, altro.handle")
            )
        speakers = []
        for handle in handles:
            speaker = self.registry.get(handle)
            if speaker is None:
                problems.append(unknown_speaker(shown, handle, self.registry))
            elif speaker not in speakers:
                speakers.append(speaker)
        talk.speakers = speakers

    def _check_video(self, talk, shown, problems, videos):
        value = str(talk.metadata.get("youtube", "")).strip()
        if not value:
            return
        try:
            talk.video_id, talk.start = parse_youtube(value)
        except ValueError as exc:
            problems.append(problem(shown, "youtube", str(exc), YOUTUBE_HINT))
            return
        if talk.video_id in videos:
            problems.append(
                duplicate_video(shown, talk.video_id, videos[talk.video_id])
            )
        videos.setdefault(talk.video_id, shown)

    def _check_fields(self, talk, shown, problems):
        meta = talk.metadata
        if meta.get("duration"):
            try:
                talk.duration = parse_duration(str(meta["duration"]))
            except ValueError as exc:
                problems.append(
                    problem(shown, "duration", str(exc), "write e.g. 1:30:00 or 90 min")
                )
        for field in LINK_FIELDS:
            value = str(meta.get(field, "")).strip()
            if value and not value.startswith(("https://", "http://", "/", "{")):
                problems.append(
                    problem(
                        shown,
                        field,
                        f"'{value}' is not a link",
                        "write the full address, starting with https://",
                    )
                )

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

        for talk in self.talks:
            write(talk.save_as, talk.template, talk.url, talk=talk)
        write(settings["TALKS_SAVE_AS"], "talks", settings["TALKS_URL"])
        write(settings["SPEAKERS_SAVE_AS"], "speakers", settings["SPEAKERS_URL"])
        for speaker in self.registry:
            write(speaker.save_as, "speaker", speaker.url, speaker=speaker)
        for tag, talks in self.talk_tags.items():
            write(tag.save_as, "talk_tag", tag.url, talk_tag=tag, tag_talks=talks)
        self._write_feeds(writer)
        if settings["TALKS_CALENDAR"]:
            target = Path(self.output_path, settings["TALKS_CALENDAR"])
            target.parent.mkdir(parents=True, exist_ok=True)
            siteurl = settings.get("FEED_DOMAIN") or settings["SITEURL"]
            target.write_bytes(build_calendar(self.talks, settings, siteurl))

    def _write_feeds(self, writer):
        settings = self.settings
        sitename = settings["SITENAME"]
        if settings["TALKS_FEED_ATOM"] and self.talks:
            writer.write_feed(
                self.talks,
                self.context,
                settings["TALKS_FEED_ATOM"],
                feed_title=f"{sitename}: videoconferenze",
            )
        if settings["SPEAKER_FEED_ATOM"]:
            for speaker in self.registry:
                if speaker.talks:
                    writer.write_feed(
                        speaker.talks,
                        self.context,
                        settings["SPEAKER_FEED_ATOM"].format(slug=speaker.slug),
                        feed_title=f"{sitename}: videoconferenze di {speaker.name}",
                    )


def talks_generator(_pelican):
    return TalksGenerator

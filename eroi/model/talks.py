"""The talk content type: one video conference, from content/talks/*.md."""

from functools import cached_property

from pelican.contents import Content

from eroi.model.youtube import watch_url


class Talk(Content):
    """URLs from TALK_URL / TALK_SAVE_AS; fields are checked by the generator."""

    mandatory_properties = ()  # checked by the generator, with writer-friendly errors
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "talk"

    # Set by the generator once every talk and speaker is known.
    number = None
    speakers = ()
    video_id = None
    start = 0
    duration = None
    state = None
    chapters = ()
    transcript = None  # transcripts.Transcript, from the talk's caption file
    talk_tags = ()
    previous_talk = None
    next_talk = None
    related = ()

    # A talk's URL is asked for on every page that lists it: compute it once.
    @cached_property
    def url(self):
        return self.get_url_setting("url")

    @cached_property
    def save_as(self):
        return self.get_url_setting("save_as")

    @property
    def has_time(self):
        """False when the Date gave only a day: the time is not known."""
        return (self.date.hour, self.date.minute) != (0, 0)

    @property
    def video_url(self):
        return watch_url(self.video_id, self.start) if self.video_id else None

    @property
    def event_file(self):
        """The path of this talk's own .ics (TALK_CALENDAR_SAVE_AS), or None."""
        pattern = self.settings.get("TALK_CALENDAR_SAVE_AS")
        return pattern.format(slug=self.slug) if pattern else None

    def video_url_at(self, seconds):
        return watch_url(self.video_id, seconds)


class SpeakerSource(Content):
    """A speaker file as read by Pelican's readers, before it becomes a Speaker."""

    mandatory_properties = ()
    # A speaker's page is public as soon as the file is: no draft to leak.
    allowed_statuses = ("published",)
    default_status = "published"

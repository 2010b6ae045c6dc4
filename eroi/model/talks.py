"""The talk content type: one video conference, from content/talks/*.md.

Its fields are the schema's (eroi.model.schema TALK), parsed as the file is
read: ``talk.youtube`` is a Video, ``talk.duration`` seconds, ``talk.chapters``
``[(seconds, title)]``. Once every file is read, the talks generator gives it
its place in the archive (eroi.model.archive): number, state, neighbours; its
speakers (Speaker objects), its transcript and its related talks.
"""

from functools import cached_property

from pelican.contents import Content


class Talk(Content):
    """URLs from TALK_URL / TALK_SAVE_AS."""

    mandatory_properties = ()  # the reader checks them, with writer-friendly lines
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "talk"

    chapters = ()  # from the body, when it lists them
    # Set by the talks generator once every talk and speaker is known.
    number = None
    state = None
    previous_talk = None
    next_talk = None
    related = ()
    talk_tags = ()
    ends = None  # when it ends: start + Duration (or the default length)
    joinable = False  # it has a live room (Live:) and has not ended yet
    add_links = None  # while upcoming: {"google": url, "outlook": url}

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
    def event_file(self):
        """The path of this talk's own .ics (TALK_CALENDAR_SAVE_AS), or None."""
        pattern = self.settings.get("TALK_CALENDAR_SAVE_AS")
        return pattern.format(slug=self.slug) if pattern else None

"""Speakers: the people who give talks, and the registry that resolves handles.

A speaker is a content object read from content/speakers/<handle>.md. The
registry maps every handle and alias, case-insensitively, to its speaker and
suggests the closest handle for a typo.
"""

import difflib
import re
import zlib
from functools import cached_property

from pelican.contents import Content
from pelican.utils import slugify

from eroi import run

AVATAR_COLOURS = 8
REGISTRY = "eroi.speakers"  # run state: the run's SpeakerRegistry


class Speaker(Content):
    """A speaker: the fields of the file as the schema parsed them (name,
    handle, aliases, avatar, company, website, community), the bio as its
    body. URL from SPEAKER_URL / SPEAKER_SAVE_AS; the talks generator gives
    it its slug (from Slug, else the name; namesakes add their handle) and
    its talks, newest first."""

    mandatory_properties = ()
    # A speaker's page is public as soon as the file is: no draft to leak.
    allowed_statuses = ("published",)
    default_status = "published"
    default_template = "speaker"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.talks = []

    # Asked for on every page that lists the speaker: compute it once.
    @cached_property
    def url(self):
        return self.get_url_setting("url")

    @cached_property
    def save_as(self):
        return self.get_url_setting("save_as")

    @property
    def profile(self):
        """The speaker's page in the community: Community, else the forum's."""
        return self.community or self.settings["TALKS_COMMUNITY_PROFILE_URL"].format(
            handle=self.handle
        )

    @property
    def handle_slug(self):
        """The handle as a URL part: "d.curto" -> "d-curto"."""
        return slugify(
            self.handle, regex_subs=self.settings["SPEAKER_REGEX_SUBSTITUTIONS"]
        )

    @property
    def initials(self):
        return initials(self.name)

    @property
    def avatar_colour(self):
        """A stable colour index for the initials avatar, from the handle."""
        return zlib.crc32(self.handle.lower().encode()) % AVATAR_COLOURS


def initials(name):
    """What an avatar shows without a picture: ``Maurizio Bonazzi`` → ``MB``."""
    words = [w for w in re.split(r"[\W_\d]+", name) if w]
    if len(words) >= 2:
        return (words[0][0] + words[-1][0]).upper()
    return (words[0][:2] if words else "?").upper()


def name_from_handle(handle):
    """The name a handle spells (``Maurizio_Bonazzi`` → ``Maurizio Bonazzi``).

    Only handles made of two or more words of two or more letters, separated
    by ``_`` or ``.``, spell a name; any other handle is returned as it is.
    """
    words = re.split(r"[_.]", handle)
    if len(words) >= 2 and all(re.fullmatch(r"[^\W\d_]{2,}", w) for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in words)
    return handle


def registry_of(settings):
    """The run's speakers (read before any other file), or None before."""
    this_run = settings.get(run.RUN) if settings else None
    return this_run.state.get(REGISTRY) if this_run is not None else None


class SpeakerRegistry:
    """Every speaker by handle and alias; lookups ignore case and a leading @."""

    def __init__(self):
        self.speakers = []
        self._by_key = {}

    def add(self, speaker):
        """Register ``speaker``; return the keys already taken by another one."""
        clashes = []
        for key in [speaker.handle, *speaker.aliases]:
            owner = self._by_key.get(key.lower())
            if owner is not None and owner is not speaker:
                clashes.append((key, owner))
            else:
                self._by_key[key.lower()] = speaker
        self.speakers.append(speaker)
        return clashes

    def replace(self, old, new):
        """``new`` (the same file read again) where ``old`` was."""
        self.speakers[self.speakers.index(old)] = new
        for key, speaker in self._by_key.items():
            if speaker is old:
                self._by_key[key] = new

    def get(self, handle):
        return self._by_key.get(handle.lstrip("@").lower())

    def named(self, name):
        """The speaker whose Name is ``name`` (case aside), if one only is."""
        found = [s for s in self.speakers if s.name.casefold() == name.casefold()]
        return found[0] if len(found) == 1 else None

    def closest(self, handle):
        """The known handle or alias ``handle`` is a near miss of, or None."""
        matches = difflib.get_close_matches(
            handle.lstrip("@").lower(), self._by_key, n=1, cutoff=0.8
        )
        if not matches:
            return None
        speaker = self._by_key[matches[0]]
        keys = [speaker.handle, *speaker.aliases]
        return next(k for k in keys if k.lower() == matches[0])

    def __iter__(self):
        return iter(self.speakers)

    def __len__(self):
        return len(self.speakers)

"""Speakers: the people who give talks, and the registry that resolves handles.

A speaker is a URL wrapper (like Pelican's Author) with the fields of its
content/speakers/<handle>.md file. The registry maps every handle and alias,
case-insensitively, to its speaker and suggests the closest handle for a typo.
"""

import difflib
import re
import zlib
from functools import cached_property

from pelican.urlwrappers import URLWrapper
from pelican.utils import slugify

from eroi.plugins.sharing.cards import initials

AVATAR_COLOURS = 8


class Speaker(URLWrapper):
    """URL and save path come from SPEAKER_URL / SPEAKER_SAVE_AS."""

    def __init__(self, name, settings, *, handle, aliases=(), **fields):
        super().__init__(name, settings)
        self.handle = handle
        self.aliases = list(aliases)
        self.avatar = fields.get("avatar")
        self.company = fields.get("company")
        self.website = fields.get("website")
        self.community = fields.get("community") or settings[
            "TALKS_COMMUNITY_PROFILE_URL"
        ].format(handle=handle)
        self.source = fields.get("source")  # the SpeakerSource read from the file
        self.source_path = fields.get("source_path")
        self.talks = []  # newest first; filled by the generator

    # Asked for on every page that lists the speaker: compute it once.
    @cached_property
    def url(self):
        return self._from_settings("URL")

    @cached_property
    def save_as(self):
        return self._from_settings("SAVE_AS")

    @property
    def bio(self):
        """The bio as HTML, with intrasite links adjusted for the page being written."""
        return self.source.content if self.source is not None else ""

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


def name_from_handle(handle):
    """The name a handle spells (``Maurizio_Bonazzi`` → ``Maurizio Bonazzi``).

    Only handles made of two or more words of two or more letters, separated
    by ``_`` or ``.``, spell a name; any other handle is returned as it is.
    """
    words = re.split(r"[_.]", handle)
    if len(words) >= 2 and all(re.fullmatch(r"[^\W\d_]{2,}", w) for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in words)
    return handle


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

    def get(self, handle):
        return self._by_key.get(handle.lstrip("@").lower())

    def closest(self, handle):
        """The known handle or alias nearest to ``handle``, or None."""
        matches = difflib.get_close_matches(
            handle.lstrip("@").lower(), self._by_key, n=1, cutoff=0.6
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

"""Who a talk credits: the speakers its title and description name, on evidence.

Evidence that a speaker gave the talk is one of:

- their ``@handle`` or an ``@alias``, exact (as eroi.plugins.mentions links it);
- an alias of their file (``Aliases:``) written as a word of its own;
- their full name, of two words or more, as a reader would match it: case,
  accents, apostrophes and the spaces between the words aside, whole words
  only ("Nicolò D'Ambra" is "NICOLO D’AMBRA", not "Nicolò D'Ambrasi"). When
  two speakers share the name, it names neither for sure.

Nothing else is: a first name alone, a one-word name (``paolo``) or a handle
written without its ``@`` only make the speaker a candidate, for a person to
choose. Web and e-mail addresses are not read, and an ``@word`` is read as a
handle only. An ``@word`` that is nobody's handle is unknown; in the title,
where a talk is credited, it means a speaker the archive lacks.

The playlist import (eroi.tools.importer) credits what it finds and writes a
talk without evidence as a draft; the contributors' page and `invoke check
--todo` (gaps.py) list those drafts with their candidates and the reason.
The speakers are indexed once: reading a text costs a few lookups per word,
whatever the number of speakers.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from eroi.messages import _
from eroi.plugins.mentions import ADDRESS, MENTION

WORD = re.compile(r"[^\W_]+")  # a word of a name: letters and digits
RUN = re.compile(r"[\w.-]+")  # a handle written as a word, without its @


def fold(word):
    """``word`` as a reader compares it: without case or accents."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text):
    return [fold(word) for word in WORD.findall(unicodedata.normalize("NFC", text))]


@dataclass
class Credits:
    speakers: list  # named on evidence, in the order the text names them
    candidates: list  # named only by a first name, a one-word name or a bare handle
    unknown: list  # @words that are no speaker's, as written
    unknown_in_title: bool

    @property
    def draft(self):
        """No speaker on evidence, or one the archive lacks named in the title."""
        return not self.speakers or self.unknown_in_title

    @property
    def reason(self):
        """Why the talk is a draft, for the command line (eroi.messages)."""
        if self.unknown:
            why = _("unknown speakers {handles}").format(
                handles=", ".join(self.unknown)
            )
        elif self.speakers:  # a draft whose speakers were added since
            named = ", ".join(f"@{s.handle} ({s.name})" for s in self.speakers)
            why = _("no Speakers: written, and it names {speakers}").format(
                speakers=named
            )
        else:
            why = _("no speaker named by @handle, alias or full name")
        maybe = ", ".join(f"@{s.handle} ({s.name})" for s in self.candidates)
        return (
            _("{why}; maybe {speakers}").format(why=why, speakers=maybe)
            if maybe
            else why
        )

    @property
    def motivo(self):
        """The same, in Italian, for the contributors' page."""
        if self.unknown:
            chi = ", ".join(self.unknown)
            why = f"{chi} non {'è' if len(self.unknown) == 1 else 'sono'} "
            why += "tra i relatori dell'archivio"
        elif self.speakers:
            chi = ", ".join(f"{s.name} (@{s.handle})" for s in self.speakers)
            why = f"il campo Speakers è vuoto, ma nomina {chi}"
        else:
            why = "nessun relatore è nominato con @handle, alias o nome e cognome"
        forse = ", ".join(f"{s.name} (@{s.handle})" for s in self.candidates)
        return f"{why}; forse: {forse}" if forse else why


class SpeakerIndex:
    """Speakers by what names them, built once for many texts."""

    def __init__(self, speakers):
        self.mentions = {}  # handle or alias, lowercase -> speaker
        self.aliases = {}  # folded alias -> speaker
        self.handles = {}  # folded handle -> speaker (written bare: a candidate)
        # first two folded words -> {folded full name: [speakers]}
        self.names = defaultdict(lambda: defaultdict(list))
        self.first = defaultdict(list)  # folded first or one-word name -> speakers
        for speaker in speakers:
            for key in (speaker.handle, *speaker.aliases):
                self.mentions.setdefault(key.lower(), speaker)
            for alias in speaker.aliases:
                self.aliases.setdefault(fold(alias), speaker)
            self.handles.setdefault(fold(speaker.handle), speaker)
            name = tuple(words(speaker.name))
            full = len(speaker.name.split()) >= 2 and len(name) >= 2
            if full:
                self.names[name[:2]][name].append(speaker)
            if full or len(name) == 1:
                self.first[name[0]].append(speaker)

    def credits(self, title, description=""):
        """The Credits of a talk with ``title`` and ``description``."""
        title = unicodedata.normalize("NFC", title)
        text = _blank(ADDRESS, f"{title}\n{unicodedata.normalize('NFC', description)}")
        found, weak, unknown = [], [], []  # (position in text, speaker or @word)
        for match in MENTION.finditer(text):
            speaker = self.mentions.get(match.group(1).lower())
            if speaker is None:
                unknown.append((match.start(), match.group()))
            else:
                found.append((match.start(), speaker))
        text = _blank(MENTION, text)  # an @word is a handle, never a name
        spans = list(WORD.finditer(text))
        folded = [fold(match.group()) for match in spans]
        names, n = [], 0  # names: (start, end) of the full names found
        while n < len(spans):
            named = self.names.get(tuple(folded[n : n + 2]), {})
            matches = [
                name for name in named if tuple(folded[n : n + len(name)]) == name
            ]
            if matches:
                name = max(matches, key=len)  # "Anna Maria Tracce", not "Anna Maria"
                owners, at = named[name], spans[n].start()
                (found if len(owners) == 1 else weak).extend((at, s) for s in owners)
                names.append((at, spans[n + len(name) - 1].end()))
                n += len(name)
            else:
                weak += [(spans[n].start(), s) for s in self.first.get(folded[n], ())]
                n += 1
        for match in RUN.finditer(text):
            if any(start <= match.start() < end for start, end in names):
                continue
            word = fold(match.group().strip(".-"))
            if word in self.aliases:
                found.append((match.start(), self.aliases[word]))
            elif word in self.handles:
                weak.append((match.start(), self.handles[word]))
        speakers = _in_order(found)
        return Credits(
            speakers,
            [s for s in _in_order(weak) if s not in speakers],
            list(dict.fromkeys(word for _at, word in sorted(unknown))),
            any(at < len(title) for at, _word in unknown),
        )


def _blank(pattern, text):
    """``text`` with what ``pattern`` matches made spaces (positions kept)."""
    return pattern.sub(lambda match: " " * len(match.group()), text)


def _in_order(found):
    """The speakers of ``[(position, speaker)]`` by position (then name), each
    once."""
    ordered = []
    for _at, speaker in sorted(
        found, key=lambda item: (item[0], item[1].name.casefold(), item[1].handle)
    ):
        if speaker not in ordered:
            ordered.append(speaker)
    return ordered

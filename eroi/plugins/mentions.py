"""@mentions: ``@handle`` in a body links to the speaker it names.

A handle or alias of a known speaker links to the speaker's page (a Pelican
``{filename}`` link to the speaker's file, so relative URLs stay right), or,
with ``TALKS_MENTIONS_LINK = "profile"``, to their community profile; any
other ``@word`` (a Twitter handle, a Python decorator, a first name) stays
text. Never inside code, literals, links, or a web or e-mail address written
as text. The talks generator keeps the speakers in the run (``REGISTRY``)
before any other file is read, so the reader links mentions as it reads.
Only fragments holding a mention are parsed again; they are written back as
the content boundary's policy writes them.
"""

import re

from bs4 import BeautifulSoup, NavigableString

from eroi.model.parsers import HANDLE_CHARACTERS
from eroi.plugins.boundary.html import serialise

MENTION = re.compile(rf"(?<![\w@/.:+-])@({HANDLE_CHARACTERS})")
# Where a mention is not a mention: code, literals, links.
SKIP = {"a", "code", "pre", "script", "style", "kbd", "samp", "tt", "var"}
LITERAL = "literal"  # docutils' inline literal: <span class="docutils literal">
# A web or e-mail address written as text: no mention inside it.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def link_mentions(html, registry):
    """``html`` with every mention of a known speaker linked."""
    if "@" not in html or not MENTION.search(html):
        return html
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for text in soup.find_all(string=MENTION):
        if any(
            parent.name in SKIP or LITERAL in (parent.get("class") or ())
            for parent in text.parents
        ):
            continue
        pieces = _linked(soup, str(text), registry)
        if pieces:
            text.replace_with(*pieces)
            changed = True
    return serialise(soup) if changed else html


def _target(speaker):
    """The speaker's page; their community profile if the site says so (a
    speaker object without settings links its page)."""
    settings = getattr(speaker, "settings", None) or {}
    if settings.get("TALKS_MENTIONS_LINK") == "profile":
        return speaker.profile
    return "{filename}/" + speaker.relative_source_path


def _linked(soup, text, registry):
    """The pieces of ``text`` with its mentions linked; [] if none is known."""
    addresses = [match.span() for match in ADDRESS.finditer(text)]
    pieces, position = [], 0
    for match in MENTION.finditer(text):
        if any(start <= match.start() < end for start, end in addresses):
            continue
        speaker = registry.get(match.group(1))
        if speaker is None:
            continue
        pieces.append(NavigableString(text[position : match.start()]))
        link = soup.new_tag("a", href=_target(speaker), attrs={"class": "mention"})
        link.string = match.group(0)
        pieces.append(link)
        position = match.end()
    if not pieces:
        return []
    pieces.append(NavigableString(text[position:]))
    return [piece for piece in pieces if piece != ""]

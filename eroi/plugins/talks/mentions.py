"""@mentions: ``@handle`` in articles, pages and talks links to the speaker.

A known handle or alias links to the speaker's page (through Pelican's
``{filename}`` links, so relative URLs stay right); an unknown one links to the
handle's community profile. Text inside code, pre and existing links is left
alone. Only fragments that contain an ``@`` are parsed; they are written back
as the content boundary's policy writes them.
"""

import re

from bs4 import BeautifulSoup, NavigableString

from eroi.plugins.boundary.html import serialise

MENTION = re.compile(r"(?<![\w@/.:+-])@([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?)")
SKIP = {"a", "code", "pre", "script", "style", "kbd", "samp"}


def link_mentions(html, registry, profile_url):
    """Return ``html`` with every @mention linked; ``html`` itself if it has none."""
    if "@" not in html or not MENTION.search(html):
        return html
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for text in soup.find_all(string=MENTION):
        if any(parent.name in SKIP for parent in text.parents):
            continue
        text.replace_with(*_linked(soup, str(text), registry, profile_url))
        changed = True
    return serialise(soup) if changed else html


def _linked(soup, text, registry, profile_url):
    pieces, position = [], 0
    for match in MENTION.finditer(text):
        handle = match.group(1)
        speaker = registry.get(handle)
        if speaker is not None:
            href = "{filename}/" + speaker.source_path
            classes = "mention"
        else:
            href = profile_url.format(handle=handle)
            classes = "mention mention-external"
        pieces.append(NavigableString(text[position : match.start()]))
        link = soup.new_tag("a", href=href, attrs={"class": classes})
        link.string = match.group(0)
        pieces.append(link)
        position = match.end()
    pieces.append(NavigableString(text[position:]))
    return [piece for piece in pieces if piece != ""]

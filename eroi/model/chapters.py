"""Chapters in a talk's description: lines like ``00:12:30 Titolo`` become links.

A paragraph made only of such lines becomes an ordered list of chapters; a
list item that starts with a timestamp gets its timestamp linked. Each link
points at the video at that time (the player facade makes it seek). A time
that is not one (minutes or seconds past 59), or one after the end of the
video, is a problem at its line.
"""

import re

from bs4 import BeautifulSoup

from eroi.messages import N_, _
from eroi.model.italian import durata, momento
from eroi.model.parsers import timestamp
from eroi.plugins.boundary.html import serialise
from eroi.problems import line_where, problem

CHAPTER_LINE = re.compile(r"^\s*((?:\d{1,2}:)?\d{1,2}:\d{2})\s+[-–—]?\s*(\S.*?)\s*$")
HAS_TIMESTAMP = re.compile(r"\d:\d\d")


def extract_chapters(html, link_for, source, duration=None):
    """``(html, chapters, problems)`` of a talk's body read from ``source``.

    ``chapters`` is ``[(seconds, title), ...]`` in time order.
    ``link_for(seconds)`` gives the URL of the video at that time; without a
    video (None) timestamps stay plain text. ``duration``: the video's length
    in seconds, if known.
    """
    if not HAS_TIMESTAMP.search(html):
        return html, [], []
    soup = BeautifulSoup(html, "html.parser")
    chapters, bad, loose = [], [], []
    link_for = link_for or (lambda _seconds: None)
    for item in soup.find_all("li"):
        first = item.contents[0] if item.contents else None
        match = CHAPTER_LINE.match(first) if isinstance(first, str) else None
        seconds = match and _chapter(match, chapters, bad)
        if seconds is None:
            continue
        title = match.group(2)
        first.replace_with(_stamp(soup, seconds, link_for, title), " " + title)
        classes = item.parent.get("class", [])
        if "chapters" not in classes:
            item.parent["class"] = [*classes, "chapters"]
    for paragraph in soup.find_all("p"):
        if paragraph.find(["a", "code"]):
            continue
        lines = [line for line in paragraph.get_text().splitlines() if line.strip()]
        matches = [CHAPTER_LINE.match(line) for line in lines]
        text = len(matches) - next(
            (n for n, match in enumerate(reversed(matches)) if not match),
            len(matches),
        )
        if text == len(matches) or (text and len(matches) - text < 2):
            continue  # no chapter, or one time line after the text: a sentence
        if text:  # chapter lines right after the text, with no empty line
            if paragraph.find(True):  # its markup would be lost: say so
                loose.append(matches[text].group(1))
                continue
            paragraph.string = "\n".join(lines[:text])
            matches = matches[text:]
            paragraph.insert_after(anchor := soup.new_tag("p"))
            paragraph = anchor
        listing = soup.new_tag("ol", attrs={"class": "chapters"})
        for match in matches:
            seconds = _chapter(match, chapters, bad)
            if seconds is None:
                continue
            item = soup.new_tag("li")
            item.append(_stamp(soup, seconds, link_for, match.group(2)))
            item.append(" " + match.group(2))
            listing.append(item)
        paragraph.replace_with(listing)
    found = [
        problem(
            source,
            "chapters",
            _("'{time}' is not a time: {reason}").format(time=stamp, reason=_(reason)),
            _(
                "write the chapter's time as H:MM:SS or MM:SS, minutes and seconds "
                "below 60"
            ),
            line=_line_of(source, stamp),
        )
        for stamp, reason in bad
    ]
    found += [
        problem(
            source,
            "chapters",
            _("'{time}' is after the end of the video ({duration})").format(
                time=stamp, duration=durata(duration)
            ),
            _("check the chapter's time, or the Duration"),
            line=_line_of(source, stamp),
        )
        for seconds, _title, stamp in chapters
        if duration and seconds > duration
    ]
    found += [
        problem(
            source,
            "chapters",
            _(
                "'{time}' and the lines after it follow the text with no empty "
                "line, so they are not chapters"
            ).format(time=stamp),
            _("leave an empty line between the text and the chapters"),
            line=_line_of(source, stamp),
        )
        for stamp in loose
    ]
    if not chapters:
        return html, [], found
    ordered = sorted((seconds, title) for seconds, title, _stamp in chapters)
    return serialise(soup), ordered, found


def _line_of(source, stamp):
    pattern = re.compile(rf"(?<![\d:]){re.escape(stamp)}(?![\d:])")
    return line_where(source, pattern.search)


def _chapter(match, chapters, bad):
    written = match.group(1)
    try:
        seconds = timestamp(written)
    except ValueError:
        bad.append((written, N_("minutes and seconds go up to 59")))

        return None
    chapters.append((seconds, match.group(2), written))
    return seconds


def _stamp(soup, seconds, link_for, title):
    """The chapter's time, a link to the video at that time if it has one,
    named by its time and title (a list of bare times says nothing)."""
    url = link_for(seconds)
    text = momento(seconds)
    if url is None:
        tag = soup.new_tag("span", attrs={"class": "chapter-time"})
    else:
        tag = soup.new_tag(
            "a",
            href=url,
            attrs={
                "class": "chapter-time",
                "data-start": str(seconds),
                "aria-label": f"{text}, {title}",
            },
        )
    tag.string = text
    return tag

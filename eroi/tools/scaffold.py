"""Scaffolds for writers: new article, talk and speaker files, front matter complete.

Every field of the content model's schema is written, in its order: the ones
the command knows filled in, the others empty for the writer (empty is absent).

Each function writes one file and returns its path, or raises ScaffoldError
(`path:line: field: problem (suggerimento: ...)`) without writing anything: an
existing file is never overwritten, and a talk's speakers must be known.
"""

import re
import subprocess
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from eroi.messages import _
from eroi.model.parsers import HANDLE, FieldError
from eroi.model.parsers import date as parse_date
from eroi.model.schema import DATE_HINT, SCHEMAS, front_matter, single_line
from eroi.model.slugs import slug_for
from eroi.model.speakers import name_from_handle
from eroi.model.youtube import parse_youtube
from eroi.plugins.talks.validation import duplicate_video, unknown_speaker
from eroi.problems import Problem, problem, shown_path
from eroi.tools.check import archive_sources

TALK_TIME = "17:00"  # the Monday video conferences start at five


class ScaffoldError(ValueError):
    """The scaffold was refused; ``problems`` say why and how to fix it."""

    def __init__(self, problems):
        self.problems = [problems] if isinstance(problems, Problem) else problems
        super().__init__("\n".join(map(str, self.problems)))


def write_new(path, text):
    """Create ``path`` with ``text``; refuse if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(
            problem(
                path,
                "file",
                _("already exists"),
                _("edit it, or choose another title"),
            )
        ) from None
    return path


def named_path(folder, title, settings):
    """``(slug, path)`` of a new file titled ``title``; a title with no letter
    or digit gives no name (it would write a hidden ``.md``)."""
    slug = slug_for(title, settings)
    if not slug:
        raise ScaffoldError(
            problem(
                Path(settings["PATH"], folder, "<titolo>.md"),
                "title",
                _("'{title}' gives no URL and no file name").format(title=title[:40]),
                _("write the title with letters or digits"),
            )
        )
    return slug, Path(settings["PATH"], folder, f"{slug}.md")


def git_author():
    """The name git signs commits with here (``git config user.name``), or ""."""
    try:
        done = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, check=False
        )
    except OSError:  # no git
        return ""
    return done.stdout.strip()


def new_article(title, settings, author=None, now=None):
    """``author``: who signs it; by default git's user.name. Without either,
    refused: every article would otherwise be signed by one person."""
    title = single_line(title)
    now = now or datetime.now(ZoneInfo(settings["TIMEZONE"]))
    slug, path = named_path("articles", title, settings)
    author = single_line(author or git_author())
    if not author:
        raise ScaffoldError(
            problem(
                path,
                "author",
                _("who signs the article is not known"),
                _(
                    'write it: invoke new-article "{title}" --author "Nome Cognome"'
                ).format(title=title[:40]),
            )
        )
    fields = {
        "title": title,
        "date": f"{now:%Y-%m-%d %H:%M}",
        "author": author,
        "category": "Community",
        "slug": slug,
        "lang": settings["DEFAULT_LANG"],
    }
    text = front_matter(SCHEMAS["article"], fields)
    return write_new(path, text + "\nIl testo dell'articolo, in Markdown.\n")


def next_monday(now):
    days = (7 - now.weekday()) % 7 or 7
    return (now + timedelta(days=days)).date()


def new_talk(title, speakers, settings, date=None, youtube=None, now=None):
    """``date``: as the Date field reads it (``07/12/2026 17:30``, ``2026-12-07``
    ...; without a time, 17:00); default: next Monday, 17:00."""
    title, speakers = single_line(title), single_line(speakers or "")
    youtube = single_line(youtube or "")
    sources = archive_sources(settings)
    slug, path = named_path("talks", title, settings)
    handles = [h.strip() for h in (speakers or "").split(",") if h.strip()]
    if not handles:
        raise ScaffoldError(
            problem(
                path,
                "speakers",
                _("missing"),
                _("add --speakers handle,other.handle"),
            )
        )
    problems = [
        unknown_speaker(path, h, sources.registry)
        for h in handles
        if sources.registry.get(h) is None
    ]
    if slug in sources.slugs:
        problems.append(
            problem(
                path,
                "slug",
                _("'{slug}' is already a talk").format(slug=slug),
                _("choose another title"),
            )
        )
    video = ""
    if youtube:
        try:
            video_id, _start = parse_youtube(youtube)
        except ValueError as exc:
            problems.append(
                problem(path, "youtube", str(exc), _("paste the video's URL"))
            )
        else:
            if video_id in sources.videos:
                owner = sources.videos[video_id]
                problems.append(duplicate_video(path, video_id, owner))
            video = youtube.strip()
    when = None
    try:  # as the Date field reads it; without a time, at TALK_TIME
        when = date and parse_date(date)
        if when and not re.search(r"\d[:.]\d\d$", date.strip()):
            when = datetime.combine(when.date(), time.fromisoformat(TALK_TIME))
    except FieldError as exc:
        problems.append(problem(path, "date", str(exc), exc.hint or _(DATE_HINT)))
    if problems:
        raise ScaffoldError(problems)
    if not when:
        today = now or datetime.now(ZoneInfo(settings["TIMEZONE"]))
        when = datetime.fromisoformat(f"{next_monday(today)} {TALK_TIME}")
    fields = {
        "title": title,
        "date": f"{when:%Y-%m-%d %H:%M}",
        "speakers": ", ".join(handles),
        "youtube": video,
        "slug": slug,
    }
    return write_new(
        path,
        front_matter(SCHEMAS["talk"], fields)
        + "\nLa descrizione della videoconferenza, in Markdown.\n",
    )


def new_speaker(handle, settings, name=None):
    content = settings["PATH"]
    handle, name = single_line(handle).lstrip("@"), name and single_line(name)
    path = Path(content, "speakers", f"{handle}.md")
    if not HANDLE.match(handle):
        raise ScaffoldError(
            problem(
                Path(content, "speakers", "<handle>.md"),
                "handle",
                _("'{value}' is not a forum handle").format(value=handle[:40]),
                _("write the handle as on the forum: letters, digits, '.', '-', '_'"),
            )
        )
    owner = archive_sources(settings).registry.get(handle)
    if owner is not None:
        raise ScaffoldError(
            problem(
                path,
                "handle",
                _("'{handle}' is already the handle or an alias of {owner}").format(
                    handle=handle, owner=shown_path(content, owner.source_path)
                ),
                _("edit that file instead"),
            )
        )
    fields = {"name": name or name_from_handle(handle), "handle": handle}
    return write_new(path, front_matter(SCHEMAS["speaker"], fields) + "\n")

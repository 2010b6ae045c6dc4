"""Talk files from a YouTube playlist or channel, or from an export of one.

``import_url`` reads a playlist's or a channel's address with yt-dlp as a
library (eroi.tools.ytdlp): the flat playlist first, then each new video's
own info (the videos already in the archive, by id, are not fetched again).
Each new video becomes a talk file, its best captions beside it
(``<talk>.<lang>.vtt``, in the video's language first) and its thumbnail
(content/images/thumbnails/<id>.jpg). A video that fails is reported, one
line, and the others go on.

``import_playlist`` reads export files instead, with no network:

- the YouTube Data API v3 ``playlistItems.list`` response
  (``{"kind": "youtube#playlistItemListResponse", "items": [...]}``);
- the JSON that ``yt-dlp -J <playlist URL>`` prints (``{"_type": "playlist",
  "entries": [...]}``).

Caption files that yt-dlp wrote beside an export (``<title> [<id>].<lang>.vtt``,
from ``--write-auto-subs`` or ``--write-subs``) are copied beside their talk
as ``<talk>.<lang>.vtt``, matched by video id, for new talks and for talks
that have none yet.

Either way each public video becomes content/talks/<slug>.md (the slug from
its title): title, date, speakers, video, duration, tags (yt-dlp's
``tags``), language (``Lang:``, from yt-dlp's ``language``, when it is not
the site's), every value checked with the content model's own parser, so
the build accepts what is written; a value it would refuse is left out, or
the video is not imported (a date outside the archive's years), with a line
saying so. The description is plain text: nothing in it becomes markup but
its web addresses (links) and its timestamp lines (chapters, a paragraph of
their own; yt-dlp's ``chapters`` when it has none).
Speakers are credited on evidence only (eroi.plugins.contributing.credits:
an @handle, an alias, a full name); a talk without evidence is a draft
(``Status: draft``) that the build does not publish, reported with the
speakers it may mean.
A video already in content/ (its id in the YouTube field of any file, even
one the build refuses) is never imported again; private and deleted videos
and entries that cannot be read are reported, one line each, and no file is
ever overwritten.
"""

import glob
import html
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from eroi.messages import N_, _
from eroi.model.captions import SUFFIXES as CAPTION_SUFFIXES
from eroi.model.chapters import CHAPTER_LINE
from eroi.model.italian import durata, momento
from eroi.model.parsers import FieldError, timestamp
from eroi.model.schema import SCHEMAS, front_matter, single_line
from eroi.model.slugs import MAX_SLUG, shorten, slug_for
from eroi.model.youtube import VIDEO_ID, YOUTUBE_HOSTS, thumbnail_path
from eroi.plugins.contributing.credits import SpeakerIndex
from eroi.problems import one_line as shown_line
from eroi.problems import shown_path
from eroi.tools import ytdlp
from eroi.tools.progress import track
from eroi.tools.thumbnails import save_thumbnail

TALK = SCHEMAS["talk"]
UNAVAILABLE_TITLES = ytdlp.UNAVAILABLE_TITLES
NO_DATE_HINT = N_(
    "a flat listing has no dates: export with yt-dlp -J <playlist address> "
    "(without --flat-playlist), or import the address itself"
)
PLAYLIST_HINT = N_(
    "give the address of a YouTube playlist or channel "
    "(https://www.youtube.com/playlist?list=... or https://www.youtube.com/@...) "
    "and check the network"
)


@dataclass
class Video:
    video_id: str
    title: str
    description: str = ""
    published: datetime | None = None  # aware
    has_time: bool = True
    duration: int | None = None
    available: bool = True
    chapters: list = field(default_factory=list)  # [(seconds, title)], yt-dlp's
    reason: str = ""  # why it is not available, when known
    tags: list = field(default_factory=list)
    lang: str = ""  # the language of its speech, when known


@dataclass(frozen=True)
class Failure:
    """One video that could not be imported (or only in part), as one line."""

    video: str  # its id, or "entry N" when it has none
    field: str
    message: str
    hint: str

    def __str__(self):
        text = _("{path}: {field}: {message} (hint: {hint})").format(
            path=self.video, field=self.field, message=self.message, hint=self.hint
        )
        return shown_line(text)


@dataclass
class ImportReport:
    created: list = field(default_factory=list)  # paths
    drafts: list = field(default_factory=list)  # (path, reason and candidates)
    already: list = field(default_factory=list)  # (video id, existing file)
    unavailable: list = field(default_factory=list)  # (video id or title, reason)
    captions: list = field(default_factory=list)  # (caption file written, talk)
    thumbnails: list = field(default_factory=list)  # thumbnail files written
    failures: list = field(default_factory=list)  # Failures


class ExportError(ValueError):
    """A file or an address that is not a playlist we can read: the whole
    import fails, with this one line."""


def read_export(path):
    """The videos of one export file, in playlist order; a Failure in place
    of an entry that cannot be read."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(
            _("{path}: file: not readable as JSON ({error})").format(
                path=path, error=exc
            )
        ) from None
    if (
        isinstance(data, dict)
        and data.get("kind") == "youtube#playlistItemListResponse"
    ):
        items = data.get("items", [])
        if not isinstance(items, list):
            raise ExportError(
                _("{path}: items: not a list (hint: {hint})").format(
                    path=path, hint=_(ytdlp.YTDLP_HINT)
                )
            )
        return [_from_api(n, item) for n, item in enumerate(items, start=1)]
    if isinstance(data, dict) and data.get("_type") == "playlist":
        try:
            entries = ytdlp.playlist_entries(data)
        except ytdlp.Malformed as exc:
            raise ExportError(f"{path}: {exc}") from None
        return [_from_ytdlp(n, entry) for n, entry in entries]
    raise ExportError(
        _(
            "{path}: file: not a YouTube playlist export (hint: save the JSON of "
            "the Data API's playlistItems.list, or the output of yt-dlp -J "
            "<playlist URL>)"
        ).format(path=path)
    )


def _from_api(position, item):
    try:
        snippet = item.get("snippet", {})
        details = item.get("contentDetails", {})
        video_id = details.get("videoId") or snippet.get("resourceId", {}).get(
            "videoId", ""
        )
        privacy = item.get("status", {}).get("privacyStatus", "public")
        title = (snippet.get("title") or "").strip()
        # The video's own publication date is the talk's date; the date it was
        # added to the playlist is only a fallback.
        stamp = details.get("videoPublishedAt") or snippet.get("publishedAt")
        description = snippet.get("description", "") or ""
        for value in (video_id, title, description, stamp):
            if not isinstance(value, str):
                raise TypeError(_("{value} is not text").format(value=repr(value)))
        if not VIDEO_ID.fullmatch(video_id):
            raise ValueError(
                _("videoId {value} is not a YouTube video id").format(
                    value=repr(video_id)
                )
            )
        return Video(
            video_id=video_id,
            title=title,
            description=description,
            published=_parse_iso(stamp),
            available=privacy in ("public", "unlisted")
            and title.lower() not in UNAVAILABLE_TITLES,
        )
    except (AttributeError, TypeError, ValueError) as exc:
        return Failure(
            _("entry {position}").format(position=position),
            "item",
            _("not a playlistItem of the Data API ({error})").format(error=exc),
            _("save the JSON of the Data API's playlistItems.list as it comes"),
        )


def _from_ytdlp(position, entry):
    if isinstance(entry, ytdlp.Malformed):
        return _failure(_("entry {position}").format(position=position), entry)
    try:
        return Video(**ytdlp.video_fields(entry))
    except ytdlp.Malformed as exc:
        return _failure(_label(entry, position), exc)


def _failure(video, malformed):
    return Failure(video, malformed.field, malformed.message, malformed.hint)


def _label(entry, position):
    """The video id of ``entry`` when it has a good one, else "entry N"."""
    try:
        return ytdlp.entry_id(entry)
    except (ytdlp.Malformed, AttributeError):
        return _("entry {position}").format(position=position)


def _parse_iso(stamp):
    if not stamp:
        return None
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


# The talk file ---------------------------------------------------------------------

# Not text: control characters (the line breaks aside), lone surrogates,
# noncharacters. The build refuses them in a title, a field or a body.
NOT_TEXT = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
# A web address as descriptions write it: up to a space, or a character that
# is never part of one as written and may be Markdown's.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"`\\\[\]{}|^]+")
# Markdown in running text: escaped wherever it is (an underscore inside a
# word, as in snake_case, is not emphasis and stays as it is).
INLINE = re.compile(r"[\\`*\[\]{}|]|(?<![^\W_])_|_(?![^\W_])")
# What starts a heading, a list, a rule, a definition or a fence at a line's
# start: a backslash where Markdown takes one, else the character's reference.
BLOCK = {"#": "\\#", "+": "\\+", "-": "\\-", "=": "&#61;", ":": "&#58;", "~": "&#126;"}
ORDERED = re.compile(r"^(\d+)\.")  # "1. " starts a numbered list


def clean(text):
    return NOT_TEXT.sub("", text)


def description_markdown(description, chapters=(), duration=None):
    """``(markdown, refused)``: the description as Markdown that shows it as
    it was typed, in paragraphs; web addresses are links; the timestamp lines
    are paragraphs of their own, the build's chapters. ``refused``:
    ``[(line, why)]``, the chapter lines the build would refuse (not a time,
    or after the end of the video), left out."""
    lines = [line.strip() for line in clean(description).splitlines()]
    paragraphs, refused = [], []
    for block in _paragraphs(with_chapters(lines, chapters)):
        written = [_markdown_line(line) for line in block]
        # The build reads a paragraph of timestamp lines, without links, as
        # its chapters; one it would refuse is left out.
        if all(CHAPTER_LINE.match(line) for line in block) and not any(
            "<" in line for line in written
        ):
            wrong = [_wrong_chapter(line, duration) for line in block]
            refused += [
                (line, why) for line, why in zip(block, wrong, strict=True) if why
            ]
            written = [md for md, why in zip(written, wrong, strict=True) if not why]
        if written:
            paragraphs.append("\n".join(written))
    return "\n\n".join(paragraphs), refused


def with_chapters(lines, chapters=()):
    """``lines`` with each run of two or more timestamp lines made a paragraph
    of its own (YouTube descriptions run them on from a heading such as
    "Capitoli:"); with none, yt-dlp's ``chapters`` (``[(seconds, title)]``)
    as that paragraph at the end."""
    out, found, n = [], False, 0
    while n < len(lines):
        end = n
        while end < len(lines) and CHAPTER_LINE.match(lines[end]):
            end += 1
        if end - n >= 2:
            out += ["", *lines[n:end], ""]
            found, n = True, end
        else:
            out.append(lines[n])
            n += 1
    if not found and len(chapters) >= 2:
        out += ["", *(f"{momento(at)} {single_line(clean(t))}" for at, t in chapters)]
    return out


def _paragraphs(lines):
    block = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
        elif block:
            yield block
            block = []


def _markdown_line(line):
    """One line of plain text as Markdown that shows it as it is."""
    pieces, at = [], 0
    for match in WEB_ADDRESS.finditer(line):
        url = _address(match.group())
        if url:
            # In an address too, "&amp;" as written is text, not a reference.
            link = re.sub(r"&(?=#?\w+;)", "&amp;", url)
            pieces += [_escaped(line[at : match.start()]), f"<{link}>"]
            at = match.start() + len(url)
    text = "".join([*pieces, _escaped(line[at:])])
    if text[:1] in BLOCK:
        text = BLOCK[text[0]] + text[1:]
    return ORDERED.sub(r"\1\\.", text)


def _escaped(text):
    return INLINE.sub(r"\\\g<0>", html.escape(text, quote=False))


def _address(url):
    """``url`` without the punctuation that ends its sentence, if it is a link
    the site takes (http(s), with a host); else None."""
    url = url.rstrip(".,;:!?'")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:!?'")
    try:
        return url if urlsplit(url).hostname else None
    except ValueError:  # e.g. "http://[x"
        return None


def _wrong_chapter(line, duration):
    """Why the build would refuse the chapter ``line``, or None."""
    written = CHAPTER_LINE.match(line).group(1)
    try:
        seconds = timestamp(written)
    except FieldError:
        return _("is not a time: minutes and seconds go up to 59")
    if duration and seconds > duration:
        return _("is after the end of the video ({duration})").format(
            duration=durata(duration)
        )
    return None


# yt-dlp's default name: "<title> [<id>].<lang>.<ext>".
CAPTION_NAME = re.compile(
    # The language part as the build reads it (transcripts/files.py).
    r"\[(?P<id>[A-Za-z0-9_-]{11})\](?:\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?"
    r"\.(?P<ext>vtt|srt)$"
)


def captions_beside(export_paths):
    """``{video id: [caption file, ...]}`` for the files beside the exports."""
    found = {}
    folders = {Path(path).resolve().parent for path in export_paths}
    for folder in sorted(folders):
        for path in sorted(folder.iterdir()):
            match = CAPTION_NAME.search(path.name)
            if match and path.is_file():
                found.setdefault(match["id"], []).append((path, match))
    return found


def has_captions(talk):
    """True when a caption file already sits beside the talk file ``talk``."""
    talk = Path(talk)
    return any(
        path.suffix.lower() in CAPTION_SUFFIXES
        for path in talk.parent.glob(f"{glob.escape(talk.stem)}.*")
    )


def attach_captions(talk, captions, report):
    """Copy ``captions`` beside the talk file ``talk``, unless it has some."""
    talk = Path(talk)
    if has_captions(talk):
        return
    for path, match in captions:
        suffix = f".{match['lang']}" if match["lang"] else ""
        target = talk.with_name(f"{talk.stem}{suffix}.{match['ext']}")
        if target.exists():
            continue
        shutil.copyfile(path, target)
        report.captions.append((target, talk))


def unique(slug, taken):
    """``slug``, or ``slug-2``, ``slug-3`` ... whichever is not ``taken``
    (lowercase), within MAX_SLUG characters."""
    candidate, n = slug, 2
    while candidate.lower() in taken:
        suffix = f"-{n}"
        candidate, n = shorten(slug, MAX_SLUG - len(suffix)) + suffix, n + 1
    return candidate


# A video's id in a YouTube field (Markdown, reStructuredText, HTML's <meta>),
# read as text: the file may be one the build refuses.
YOUTUBE_FIELD = re.compile(
    r"^[ \t]*:?(?:youtube|video|registrazione|yt)[ \t]*:(?P<value>.*)$"
    r"|<meta\s+name=[\"']?(?:youtube|video|registrazione|yt)[\"']?\s+"
    r"content=[\"']?(?P<meta>[^\"'>]*)",
    re.IGNORECASE | re.MULTILINE,
)
ID_IN_VALUE = re.compile(
    r"(?:^|v=|youtu\.be/|/(?:embed|shorts|live|v|e)/)([A-Za-z0-9_-]{11})(?![\w-])"
)
MARKDOWN = {".md", ".markdown", ".mkd", ".mdown"}
SOURCES = MARKDOWN | {".rst", ".html", ".htm"}


def videos_in_files(content_path):
    """``{video id: file}`` of the YouTube field of every content file, read as
    text (in Markdown, the front matter only)."""
    found = {}
    for folder, _folders, names in sorted(os.walk(content_path)):
        for name in sorted(names):
            path = Path(folder, name)
            suffix = path.suffix.lower()
            if suffix not in SOURCES or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if suffix in MARKDOWN:
                text = re.split(r"\n[ \t]*\r?\n", text, maxsplit=1)[0]
            for match in YOUTUBE_FIELD.finditer(text):
                value = (match["value"] or match["meta"] or "").strip()
                video = ID_IN_VALUE.search(value)
                if video:
                    found.setdefault(video.group(1), shown_path(path))
    return found


class Archive:
    """The talks folder as one import run sees it: the videos and slugs it
    holds, growing with each talk written."""

    def __init__(self, content_path, sources, settings, report):
        self.folder = Path(content_path, "talks")
        self.index = SpeakerIndex(sources.registry)
        self.seen = {**videos_in_files(content_path), **sources.videos}
        stems = self.folder.glob("*") if self.folder.is_dir() else ()
        self.slugs = {s.lower() for s in sources.slugs} | {
            p.name.split(".")[0].lower() for p in stems
        }
        self.settings, self.report = settings, report

    def add(self, video):
        """Write the talk file of ``video`` and return its path; or report why
        not (unavailable, already here, no date, a date the build refuses)
        and return None."""
        report, settings = self.report, self.settings
        if not video.available:
            private = "private" in video.title.lower()
            reason = video.reason or (
                _("private") if private else _("deleted or unavailable")
            )
            report.unavailable.append((video.video_id or video.title, reason))
            return None
        if video.video_id in self.seen:
            report.already.append((video.video_id, self.seen[video.video_id]))
            return None
        if video.published is None:
            report.failures.append(
                Failure(
                    video.video_id,
                    "date",
                    _("missing from the export"),
                    _(NO_DATE_HINT),
                )
            )
            return None
        title = single_line(clean(video.title))
        slug = unique(slug_for(title, settings) or video.video_id.lower(), self.slugs)
        path = self.folder / f"{slug}.md"
        fields, failures = self.fields(video, title, slug, path)
        if "title" not in fields or "date" not in fields:  # required: not written
            report.failures += failures
            return None
        credits = self.index.credits(title, clean(video.description))
        fields["speakers"] = ", ".join(s.handle for s in credits.speakers)
        fields["status"] = "draft" if credits.draft else ""
        body, refused = description_markdown(
            video.description, video.chapters, video.duration
        )
        failures += [
            Failure(
                video.video_id,
                "chapters",
                f"'{shown_line(line)}' {why}",
                _("the talk {path} was written without that line").format(
                    path=shown_path(path)
                ),
            )
            for line, why in refused
        ]
        self.folder.mkdir(parents=True, exist_ok=True)
        text = front_matter(TALK, fields, blanks=False) + "\n"
        with path.open("x", encoding="utf-8") as handle:  # never overwrite
            handle.write(text + (body + "\n" if body else ""))
        self.seen[video.video_id] = shown_path(path)
        self.slugs.add(slug.lower())
        report.created.append(path)
        if credits.draft:
            report.drafts.append((path, credits.reason))
        report.failures += failures
        return path

    def fields(self, video, title, slug, path):
        """``(fields, failures)``: the talk's fields, each checked by the content
        model's parser; one the build would refuse is left out, with a Failure
        (the title and date: the video is not imported)."""
        settings = self.settings
        when = video.published.astimezone(ZoneInfo(settings["TIMEZONE"]))
        own_lang = video.lang.split("-")[0] == settings["DEFAULT_LANG"]
        items = [
            ("title", title),
            (
                "date",
                f"{when:%Y-%m-%d %H:%M}" if video.has_time else f"{when:%Y-%m-%d}",
            ),
            ("youtube", f"https://www.youtube.com/watch?v={video.video_id}"),
            ("duration", momento(video.duration) if video.duration else ""),
            ("slug", slug),
            ("lang", "" if own_lang else video.lang),
            # A comma or a semicolon would split a tag in two.
            *(("tags", single_line(clean(re.sub("[,;]", " ", t)))) for t in video.tags),
        ]
        fields, failures, tags = {}, [], {}
        for key, value in items:
            declared = TALK.get(key)
            try:
                if not value and declared.required:
                    raise FieldError(_("missing"))
                parsed = declared.parse(value, settings) if value else None
            except FieldError as exc:
                hint = (
                    _("it was not imported: write its talk with invoke new-talk")
                    if declared.required
                    else _("the talk {path} was written without it").format(
                        path=shown_path(path)
                    )
                )
                failures.append(Failure(video.video_id, key, str(exc), hint))
                continue
            if key == "tags" and value:
                tags.setdefault(parsed[0].slug, value)  # each tag once
            elif value:
                fields[key] = value
        if tags:
            fields["tags"] = ", ".join(tags.values())
        return fields, failures


def import_playlist(export_paths, content_path, sources, settings):
    """Write the talk files of export files; return an ImportReport.

    ``sources`` is what the archive holds: ``registry`` (speakers),
    ``videos`` ({id: file}) and ``slugs`` (talk slugs), from
    eroi.tools.check.archive_sources.
    """
    report = ImportReport()
    videos = [video for path in export_paths for video in read_export(path)]
    captions = captions_beside(export_paths)
    archive = Archive(content_path, sources, settings, report)
    for video in videos:
        if isinstance(video, Failure):
            report.failures.append(video)
            continue
        path = archive.add(video) or Path(archive.seen.get(video.video_id, ""))
        if video.video_id in captions and path.is_file():
            attach_captions(path, captions[video.video_id], report)
    return report


# From a playlist's or channel's address, through yt-dlp ---------------------------


def import_url(url, content_path, sources, settings):
    """Write the talk files of the playlist or channel at ``url``; return an
    ImportReport. Only the videos not yet in the archive are fetched one by
    one; the network is reached through ``ytdlp.fetch`` alone."""
    host = (urlsplit(url).hostname or "").lower()
    if host not in YOUTUBE_HOSTS:
        raise ExportError(
            _(
                "{address}: playlist: not a YouTube address (hint: copy the "
                "playlist's or the channel's address from youtube.com)"
            ).format(address=shown_line(url))
        )
    report = ImportReport()
    archive = Archive(content_path, sources, settings, report)
    try:
        listing = ytdlp.fetched(url, "playlist")
        entries = ytdlp.playlist_entries(
            listing, fetch_tab=lambda tab: ytdlp.fetched(tab, "playlist")
        )
    except ytdlp.FetchError as exc:
        raise ExportError(
            _("{address}: playlist: not read: {error} (hint: {hint})").format(
                address=url, error=exc, hint=_(PLAYLIST_HINT)
            )
        ) from None
    except ytdlp.Malformed as exc:
        raise ExportError(f"{url}: {exc}") from None
    whole = listing.get("_type", "video") == "video"  # one video's full info
    pending, queued = [], set()
    for position, entry in entries:
        if isinstance(entry, ytdlp.Malformed):
            report.failures.append(
                _failure(_("entry {position}").format(position=position), entry)
            )
            continue
        try:
            video_id = ytdlp.entry_id(entry)
        except ytdlp.Malformed as exc:
            report.failures.append(
                _failure(_("entry {position}").format(position=position), exc)
            )
            continue
        if video_id in queued:  # in two tabs of a channel
            continue
        queued.add(video_id)
        reason = ytdlp.unavailable(entry)
        if reason:
            report.unavailable.append((video_id, reason))
        elif video_id in archive.seen:
            report.already.append((video_id, archive.seen[video_id]))
        else:
            pending.append((video_id, entry if whole else None))
    for video_id, info in track(pending, "import", describe=lambda p: p[0]):
        _import_video(video_id, info, archive, content_path, settings)
    return report


def _import_video(video_id, info, archive, content_path, settings):
    """Fetch one new video's info, write its talk, captions and thumbnail."""
    report = archive.report
    try:
        if info is None:
            info = ytdlp.fetched(ytdlp.WATCH_URL.format(id=video_id), "video")
        video = Video(**ytdlp.video_fields(info))
        if video.video_id != video_id:
            raise ytdlp.Malformed(
                "id",
                _("{found} instead of {expected}").format(
                    found=repr(video.video_id), expected=repr(video_id)
                ),
            )
        if video.available and not video.published:
            raise ytdlp.Malformed("upload_date", _("missing, and no timestamp either"))
        lang = (video.lang or settings["DEFAULT_LANG"]).split("-")[0]
        captions = ytdlp.caption_choice(info, lang)
        thumbnails = ytdlp.thumbnail_urls(info)
    except ytdlp.FetchError as exc:
        report.failures.append(
            Failure(
                video_id,
                "video",
                _("not fetched: {error}").format(error=exc),
                _("the other videos were imported; run the import again later"),
            )
        )
        return
    except ytdlp.Malformed as exc:
        report.failures.append(_failure(video_id, exc))
        return
    path = archive.add(video)
    if path is None:
        return
    if captions and not has_captions(path):
        _save_captions(path, video_id, captions, report)
    if not Path(content_path, thumbnail_path(video_id)).exists():
        _save_thumbnail(content_path, video_id, thumbnails, report)


def _save_captions(talk, video_id, choice, report):
    url, lang, ext, _automatic = choice
    target = talk.with_name(f"{talk.stem}.{lang}.{ext}")
    try:
        data = ytdlp.fetched(url, "file", ytdlp.MAX_CAPTION_BYTES)
        text = data.decode("utf-8-sig")
        if ext == "vtt" and not text.startswith("WEBVTT"):
            raise ytdlp.FetchError(
                _("not a WebVTT file (its first line is not WEBVTT)")
            )
        with target.open("x", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except (ytdlp.FetchError, UnicodeDecodeError, FileExistsError) as exc:
        reason = _("not UTF-8 text") if isinstance(exc, UnicodeDecodeError) else exc
        report.failures.append(
            Failure(
                video_id,
                "captions",
                _("not downloaded: {error}").format(error=reason),
                _(
                    "the talk {path} was written without them; save the captions "
                    "beside it as {target}"
                ).format(path=shown_path(talk), target=shown_path(target)),
            )
        )
        return
    report.captions.append((target, talk))


def _save_thumbnail(content_path, video_id, urls, report):
    reason = _("no JPEG thumbnail listed")
    for url in urls:
        try:
            data = ytdlp.fetched(url, "file", ytdlp.MAX_THUMBNAIL_BYTES)
            report.thumbnails.append(save_thumbnail(content_path, video_id, data))
            return
        except (ytdlp.FetchError, ValueError, OSError) as exc:
            reason = f"{url}: {exc}"
    report.failures.append(
        Failure(
            video_id,
            "thumbnail",
            _("not downloaded from {source}").format(source=reason),
            _(
                "invoke fetch-thumbnails tries again; meanwhile the site shows a "
                "drawn placeholder"
            ),
        )
    )

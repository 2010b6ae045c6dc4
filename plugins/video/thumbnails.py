"""Local video thumbnails: where they live, which videos need one, fetching them.

Thumbnails are files in content/images/thumbnails/<id>.jpg, downloaded once by
`invoke fetch-thumbnails` and committed; the build never loads a remote image
(a missing thumbnail gets a drawn placeholder).
"""

import re
import urllib.request
from pathlib import Path

from content_checks.problems import shown_path

from .youtube import parse_youtube

THUMBNAIL_FOLDER = "images/thumbnails"
THUMBNAIL_URL = "https://i.ytimg.com/vi/{id}/hqdefault.jpg"
CONTENT_SUFFIXES = {".md", ".markdown", ".rst", ".html", ".htm"}
MARKDOWN_FIELD = re.compile(r"^youtube:\s*(\S+)", re.IGNORECASE)  # in the header
RST_FIELD = re.compile(r"^:youtube:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
DIRECTIVE = re.compile(r"^\s*\.\.\s+youtube::\s*(\S+)", re.MULTILINE)
IFRAME = re.compile(r"""<iframe[^>]*\ssrc\s*=\s*["']([^"']+)""", re.IGNORECASE)


def thumbnail_path(video_id):
    """The path of a video's thumbnail, relative to content/ and to the output."""
    return f"{THUMBNAIL_FOLDER}/{video_id}.jpg"


def find_videos(content_path):
    """``{video_id: path of the first file using it}`` over every content file.

    Looks at the YouTube field of front matter, pelican-youtube directives
    and pasted iframes; values that are not YouTube videos are ignored here
    (the build reports those of talks).
    """
    videos = {}
    for path in sorted(Path(content_path).rglob("*")):
        if path.suffix.lower() not in CONTENT_SUFFIXES or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix.lower() == ".rst":
            candidates = RST_FIELD.findall(text)
        else:
            header = text.split("\n\n", 1)[0].splitlines()
            candidates = [m.group(1) for m in map(MARKDOWN_FIELD.match, header) if m]
        candidates += DIRECTIVE.findall(text) + IFRAME.findall(text)
        for candidate in candidates:
            try:
                video_id, _start = parse_youtube(candidate)
            except ValueError:
                continue
            videos.setdefault(video_id, path)
    return videos


def fetch_thumbnails(videos, content_path, url_template=THUMBNAIL_URL, timeout=15):
    """Download the thumbnails that are missing; return (fetched, kept, failures).

    ``failures`` are writer-readable lines, one per video. Files are written
    whole (temporary file, then rename): an interrupted run leaves no stub.
    """
    folder = Path(content_path, THUMBNAIL_FOLDER)
    fetched, kept, failures = [], [], []
    for video_id, source in sorted(videos.items()):
        target = folder / f"{video_id}.jpg"
        if target.exists():
            kept.append(video_id)
            continue
        url = url_template.format(id=video_id)
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                kind = response.headers.get_content_type()
                data = response.read()
            if not kind.startswith("image/") or not data:
                raise ValueError(f"got {kind}, not an image")
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            failures.append(
                f"{shown_path(source)}: video {video_id}: thumbnail not downloaded "
                f"from {url}: {reason} (hint: check the video id and the network; "
                "meanwhile the site shows a drawn placeholder)"
            )
            continue
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
        fetched.append(video_id)
    return fetched, kept, failures

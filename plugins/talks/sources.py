"""Talk and speaker files read straight from disk, for tools that run without a build.

The scaffolds and the playlist import need the speaker registry and the videos
already in the archive in a fraction of a second; they read the files' front
matter (Markdown ``Key: value`` lines, reStructuredText ``:key: value``)
instead of running Pelican.
"""

import re
from pathlib import Path
from types import SimpleNamespace

from pelican.utils import slugify
from video.thumbnails import find_videos

from .fields import split_list
from .speakers import SpeakerRegistry

MARKDOWN_FIELD = re.compile(r"^([A-Za-z][\w-]*):\s*(.*?)\s*$")
RST_FIELD = re.compile(r"^:([A-Za-z][\w-]*):\s*(.*?)\s*$", re.MULTILINE)


def front_matter(path):
    """The metadata of a content file, keys in lower case."""
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).suffix == ".rst":
        return {key.lower(): value for key, value in RST_FIELD.findall(text)}
    fields = {}
    for line in text.splitlines():
        match = MARKDOWN_FIELD.match(line)
        if not match:
            break
        fields[match.group(1).lower()] = match.group(2)
    return fields


def speaker_registry(content_path, speaker_paths=("speakers",)):
    """Every speaker file's handle and aliases (clashes are the build's business)."""
    registry = SpeakerRegistry()
    for folder in speaker_paths:
        for path in sorted(Path(content_path, folder).glob("*.*")):
            meta = front_matter(path)
            if meta.get("handle"):
                registry.add(
                    SimpleNamespace(
                        handle=meta["handle"],
                        aliases=split_list(meta.get("aliases", "")),
                        name=meta.get("name") or meta["handle"],
                        source_path=path,
                    )
                )
    return registry


def talk_slugs(content_path, settings, talk_paths=("talks",)):
    """The slug of every talk file (its Slug, or the slug of its Title)."""
    slugs = set()
    for folder in talk_paths:
        for path in Path(content_path, folder).glob("*.*"):
            meta = front_matter(path)
            slug = meta.get("slug") or slugify(
                meta.get("title", ""), settings["SLUG_REGEX_SUBSTITUTIONS"]
            )
            if slug:
                slugs.add(slug)
    return slugs


def archive_sources(content_path, settings):
    """Speakers, videos and slugs already in the archive, for scaffolds and import."""
    return SimpleNamespace(
        registry=speaker_registry(
            content_path, settings.get("SPEAKER_PATHS", ["speakers"])
        ),
        videos=archived_videos(content_path, settings.get("TALK_PATHS", ["talks"])),
        slugs=talk_slugs(content_path, settings, settings.get("TALK_PATHS", ["talks"])),
    )


def archived_videos(content_path, talk_paths=("talks",)):
    """``{video_id: talk file}`` for every video already in the archive."""
    videos = {}
    for folder in talk_paths:
        for video, path in find_videos(Path(content_path, folder)).items():
            videos.setdefault(video, path)
    return videos

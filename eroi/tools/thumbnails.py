"""Local video thumbnails: where they live, which videos need one, fetching them.

Thumbnails are files in content/images/thumbnails/<id>.jpg, downloaded once by
`invoke fetch-thumbnails` (for the videos the build finds, see ``videos_in``)
and committed; the build never loads a remote image (a missing thumbnail gets a
drawn placeholder).
"""

import http.client
import urllib.request
from pathlib import Path

from eroi.messages import _
from eroi.model.youtube import THUMBNAIL_FOLDER, thumbnail_path
from eroi.problems import problem, text_line
from eroi.tools.progress import track

THUMBNAIL_URL = "https://i.ytimg.com/vi/{id}/hqdefault.jpg"
MAX_BYTES = 5 * 1024 * 1024


def videos_in(contents):
    """``{video_id: source path of the first content using it}``.

    ``contents`` are content objects as the build reads them: a talk's
    ``youtube``, and every YouTube embed in a body (pelican-youtube directives
    and pasted iframes, which the reader made facades: its ``references``).
    """
    videos = {}
    for content in sorted(contents, key=lambda c: c.source_path or ""):
        video = getattr(content, "youtube", None)
        found = [video.id] if video else []
        found += [
            url
            for element, attribute, url in getattr(content, "references", ())
            if (element, attribute) == ("iframe", "youtube")
        ]
        for video_id in found:
            videos.setdefault(video_id, content.source_path)
    return videos


def fetch_thumbnails(videos, content_path, url_template=THUMBNAIL_URL, timeout=15):
    """Download the thumbnails that are missing; return (fetched, kept, failures).

    ``failures`` are Problems, one per video. Files are written
    whole (temporary file, then rename): an interrupted run leaves no stub.
    Progress is shown per download (eroi.progress).
    """
    folder = Path(content_path, THUMBNAIL_FOLDER)
    fetched, kept, failures, missing = [], [], [], []
    for video_id, source in sorted(videos.items()):
        if (folder / f"{video_id}.jpg").exists():
            kept.append(video_id)
        else:
            missing.append((video_id, source))
    for video_id, source in track(missing, "thumbnails", describe=lambda v: v[0]):
        url = url_template.format(id=video_id)
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                kind = response.headers.get_content_type()
                data = response.read(MAX_BYTES + 1)
            save_thumbnail(content_path, video_id, data, kind)
        except (OSError, ValueError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", None) or exc
            failures.append(
                problem(
                    source,
                    "youtube",
                    _(
                        "thumbnail of {video} not downloaded from {url}: {reason}"
                    ).format(video=video_id, url=url, reason=reason),
                    _(
                        "check the video id and the network; meanwhile the site "
                        "shows a drawn placeholder"
                    ),
                    line=text_line(source, video_id),
                )
            )
            continue
        fetched.append(video_id)
    return fetched, kept, failures


def save_thumbnail(content_path, video_id, data, kind="unknown"):
    """Write ``data`` as the thumbnail of ``video_id``; return its path.

    Only a whole JPEG of at most MAX_BYTES is kept (ValueError otherwise);
    an existing file is never replaced (FileExistsError). The file is
    written whole: temporary file, then rename.
    """
    # Imported here: the boundary's HTML policy imports this package.
    from eroi.plugins.boundary.files import image_bytes_kind

    if len(data) > MAX_BYTES:
        raise ValueError(_("larger than 5 MB"))
    if image_bytes_kind(data) not in (".jpg", ".jpeg"):
        raise ValueError(
            _("not a whole JPEG image (the server said {kind})").format(kind=kind)
        )
    target = Path(content_path, thumbnail_path(video_id))
    if target.exists():
        raise FileExistsError(_("{path} already exists").format(path=target))

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)
    return target

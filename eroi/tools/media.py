"""`invoke fetch-media FILE...`: remote images a file uses become local files.

The build refuses content that would make a reader's browser load an image
from another site (the boundary's HTML policy); this downloads each such image once into
content/images/, rewrites the file's references to ``{static}/images/<name>``,
never overwrites a file (an existing file with the same bytes is reused, a
different one gets a new name), and reports one line per URL. A download is
kept only when the whole body arrived and its bytes decode as a JPEG, PNG,
GIF, WebP or AVIF image (its extension comes from the bytes, whatever the
server said); a failed URL never stops the others.
"""

import hashlib
import http.client
import os
import re
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from eroi.messages import _
from eroi.plugins.boundary.files import image_bytes_kind
from eroi.problems import problem, shown_path, text_line
from eroi.tools.progress import track

IMAGES_FOLDER = "images"
MAX_BYTES = 20 * 1024 * 1024
# Remote images in Markdown (![alt](url)) and HTML (src, srcset, poster).
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(https?://[^)\s>]+)>?")
HTML_IMAGE = re.compile(
    r"""<(?:img|source|video|image)\b[^>]*?\s(?:src|srcset|poster|href)\s*=\s*"""
    r"""["']([^"']+)["']""",
    re.IGNORECASE,
)
REMOTE = re.compile(r"https?://[^\s,\"'<>)]+")


@dataclass
class MediaReport:
    saved: list = field(default_factory=list)  # (source, url, local path)
    failures: list = field(default_factory=list)  # Problems


def remote_images(text):
    """The remote image URLs of a content file's text, in order, once each."""
    urls = MARKDOWN_IMAGE.findall(text)
    for value in HTML_IMAGE.findall(text):
        urls += REMOTE.findall(value)
    return list(dict.fromkeys(urls))


def fetch_media(paths, content_path, timeout=15):
    """Download the remote images of each file in ``paths``; rewrite the files.

    Progress is shown per download (eroi.tools.progress).
    """
    report = MediaReport()
    folder = Path(content_path, IMAGES_FOLDER)
    readable = []  # (source, text, remote image URLs)
    for path in paths:
        source = Path(path)
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            report.failures.append(
                problem(
                    source,
                    "file",
                    _("cannot be read: {reason}").format(reason=exc),
                    _("check the path"),
                    1,
                )
            )
            continue
        readable.append((source, text, remote_images(text)))
    changed = {source: text for source, text, _urls in readable}
    wanted = [(source, url) for source, _text, urls in readable for url in urls]
    for source, url in track(wanted, "fetch-media", describe=lambda pair: pair[1]):
        try:
            data, suffix = download(url, timeout)
            local = store(folder, url, data, suffix)
        except (OSError, ValueError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", None) or exc
            report.failures.append(
                problem(
                    source,
                    "image",
                    _("{url} not downloaded: {reason}").format(url=url, reason=reason),
                    _(
                        "check the address, or save the image into content/images/ "
                        "by hand"
                    ),
                    line=text_line(source, url),
                )
            )
            continue
        relative = local.relative_to(content_path).as_posix()
        changed[source] = changed[source].replace(url, "{static}/" + relative)
        report.saved.append((shown_path(source), url, shown_path(local)))
    for source, text, _urls in readable:
        if changed[source] != text:
            rewrite(source, changed[source])
    return report


def download(url, timeout):
    """``(bytes, extension)`` of a whole image at ``url``; ValueError otherwise."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        if urlsplit(response.geturl()).scheme not in ("http", "https"):
            raise ValueError(
                _("redirected to {address}").format(address=response.geturl())
            )
        said = response.headers.get_content_type()
        length = response.headers.get("Content-Length", "")
        data = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(_("larger than 20 MB"))
    if length.isdigit() and int(length) != len(data):
        raise ValueError(
            _("cut off after {received} of {length} bytes").format(
                received=len(data), length=length
            )
        )
    suffix = image_bytes_kind(data)
    if suffix is None:
        raise ValueError(
            _(
                "not a whole JPEG, PNG, GIF, WebP or AVIF image (the server said "
                "{kind})"
            ).format(kind=said)
        )

    return data, suffix


def store(folder, url, data, suffix):
    """Save ``data`` under a name from the URL; reuse a file with the same bytes."""
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    stem = os.path.splitext(name)[0]
    stem = re.sub(r"[^\w-]+", "-", stem).strip("-")[:60] or "immagine"
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    for n in range(1, 1000):
        candidate = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            with candidate.open("xb") as handle:  # never overwrite
                handle.write(data)
            return candidate
        except FileExistsError:
            if hashlib.sha256(candidate.read_bytes()).hexdigest() == digest:
                return candidate
    raise ValueError(_("too many files named {name}").format(name=stem + suffix))


def rewrite(path, text):
    """Replace ``path``'s text whole (temporary file, then rename)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(temporary, path.stat().st_mode & 0o777)
    os.replace(temporary, path)

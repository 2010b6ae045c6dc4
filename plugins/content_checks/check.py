"""`invoke check`: every content problem at once, without writing the site.

Runs Pelican's first phase (each generator reads and validates its content)
with the log captured, then checks what readers would stumble on: images
without alt text, links and images that point to no page or file of the site,
files that are empty or not UTF-8. Each problem is a Finding printed as
`path:line: field: problem (hint)`.
"""

import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.contents import Content
from pelican.log import FatalLogger
from pelican.plugins import signals

from .problems import shown_path

CONTENT_SUFFIXES = {".md", ".markdown", ".mdown", ".rst", ".html", ".htm"}
PROBLEM = re.compile(
    r"^(?P<path>[^:\s][^:]*): (?P<field>[\w .-]+): (?P<message>.*?)"
    r"(?: \(hint: (?P<hint>.*)\))?$",
    re.DOTALL,
)
SKIPPED = re.compile(
    r"^Skipping (?P<path>.+): could not find information about '(?P<field>\w+)'"
)
NOT_PROCESSED = re.compile(r"^Could not process (?P<path>.+)$")
INTRASITE = re.compile(r"^[{|](?P<what>filename|static|attach)[}|](?P<target>.*)$")
EXAMPLES = {"title": "Title: Il titolo", "date": "Date: 2021-01-11 17:00"}


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    field: str
    message: str
    hint: str

    def __str__(self):
        return (
            f"{self.path}:{self.line}: {self.field}: {self.message} (hint: {self.hint})"
        )


@dataclass
class Report:
    findings: list
    counts: dict  # what was checked: {"articles": 2, ...}

    @property
    def summary(self):
        checked = ", ".join(f"{folder}/ {n}" for folder, n in self.counts.items())
        checked = f"{sum(self.counts.values())} files checked: {checked}"
        if not self.findings:
            return f"check: all good ({checked})."
        files = len({f.path for f in self.findings})
        plural = "s" if len(self.findings) != 1 else ""
        return (
            f"check: {len(self.findings)} problem{plural} in {files} "
            f"file{'s' if files != 1 else ''} ({checked})."
        )


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def field_line(path, field):
    """The line of ``field`` in the front matter of ``path`` (1 if it is not there)."""
    pattern = re.compile(rf"^:?{re.escape(field)}:", re.IGNORECASE)
    return line_where(path, pattern.match)


def text_line(path, needle):
    """The first line of ``path`` that contains ``needle`` (1 if none does)."""
    return line_where(path, lambda line: needle in line)


def line_where(path, test):
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, start=1) if test(line)), 1)


def check_files(content_path):
    """Findings for files that are empty or not UTF-8."""
    findings = []
    for path in sorted(Path(content_path).rglob("*")):
        if path.suffix.lower() not in CONTENT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        shown = shown_path(path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            findings.append(
                Finding(
                    shown,
                    line,
                    "file",
                    "is not UTF-8 text",
                    "save it with the UTF-8 encoding",
                )
            )
            continue
        if not text.strip():
            findings.append(
                Finding(
                    shown,
                    1,
                    "file",
                    "is empty",
                    "write its front matter and text, or delete it",
                )
            )
    return findings


def from_message(message, content_path):
    """A Finding from a log message or a ContentError line, or None."""
    for pattern in (SKIPPED, NOT_PROCESSED, PROBLEM):
        match = pattern.match(message)
        if match:
            break
    else:
        return None
    path = match["path"]
    if not Path(path).exists():
        path = str(Path(content_path, path))
    shown = shown_path(path)
    if pattern is SKIPPED:
        field = match["field"]
        example = EXAMPLES.get(field, f"{field.title()}: ...")
        return Finding(
            shown, 1, field, "missing", f"add '{example}' to the front matter"
        )
    if pattern is NOT_PROCESSED:
        return Finding(shown, 1, "file", "could not be read", "see the other problems")
    field = match["field"].split()[0]
    return Finding(
        shown,
        field_line(path, field),
        match["field"],
        match["message"],
        match["hint"] or "see the documentation in the README",
    )


def read_site(settings):
    """Pelican's phase one: (generators, context, findings) without writing."""
    FatalLogger.fatal_lvl = logging.CRITICAL + 1  # report everything, raise nothing
    recorder = Recorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    findings = []
    try:
        pelican = Pelican(settings)
        context = settings.copy()
        context.update(
            generated_content={},
            static_links=set(),
            static_content={},
            localsiteurl=settings["SITEURL"],
        )
        with tempfile.TemporaryDirectory(prefix="check-") as scratch:
            generators = [
                cls(
                    context=context,
                    settings=settings,
                    path=settings["PATH"],
                    theme=settings["THEME"],
                    output_path=scratch,
                )
                for cls in pelican._get_generator_classes()
            ]
            for generator in generators:
                try:
                    generator.generate_context()
                except Exception as exc:  # a plugin's ContentError, or a crash
                    for line in getattr(exc, "problems", None) or [
                        f"site: build: {exc}"
                    ]:
                        finding = from_message(line, settings["PATH"])
                        findings.append(
                            finding or Finding("site", 0, "build", line, "-")
                        )
            signals.all_generators_finalized.send(generators)
    finally:
        root.removeHandler(recorder)
    for message in recorder.messages:
        finding = from_message(message, settings["PATH"])
        if finding is not None:
            findings.append(finding)
    return generators, context, findings


def site_urls(generators, context, settings):
    """Every path the built site would have, as "/a/b/" or "/a/b.ext"."""
    urls = {"/", "/404.html"}
    for key in (
        "ARCHIVES_URL",
        "TAGS_URL",
        "CATEGORIES_URL",
        "AUTHORS_URL",
        "TALKS_URL",
        "SPEAKERS_URL",
        "TALKS_CALENDAR",
        "FEED_ALL_ATOM",
        "TALKS_FEED_ATOM",
    ):
        if settings.get(key):
            urls.add("/" + settings[key])
    for collection in ("generated_content", "static_content"):
        for item in context[collection].values():
            if item is not None:  # None: a file that failed to be read
                urls.add("/" + item.url)
    for generator in generators:
        for name in ("tags", "categories", "authors"):
            for entry in getattr(generator, name, ()):
                wrapper = entry[0] if isinstance(entry, tuple) else entry
                urls.add("/" + wrapper.url)
        for tag in getattr(generator, "talk_tags", {}):
            urls.add("/" + tag.url)
        for speaker in getattr(
            getattr(generator, "registry", None) or (), "speakers", ()
        ):
            urls.add("/" + speaker.url)
    return urls


def check_bodies(contents, context, urls, content_path):
    """Images without alt text and links to nowhere, in every content body."""
    findings = []
    for content in contents:
        html = content._content or ""
        if "<img" not in html and "href=" not in html:
            continue
        source = content.source_path
        shown = shown_path(source)
        soup = BeautifulSoup(html, "html.parser")
        for image in soup.find_all("img"):
            if "video-thumb" in image.get("class", []):
                continue  # the video facade's decorative thumbnail
            if not (image.get("alt") or "").strip():
                src = image.get("src", "")
                findings.append(
                    Finding(
                        shown,
                        text_line(source, src.split("}")[-1] or "<img"),
                        "image",
                        f"{src} has no alt text",
                        "describe it: ![Cosa mostra l'immagine](percorso)",
                    )
                )
        for element, attribute in [
            (a, "href") for a in soup.find_all("a", href=True)
        ] + [(i, "src") for i in soup.find_all("img", src=True)]:
            target = element[attribute]
            if not resolves(target, content, context, urls, content_path):
                kind = "image" if element.name == "img" else "link"
                findings.append(
                    Finding(
                        shown,
                        text_line(source, target.split("}")[-1] or target),
                        kind,
                        f"{target} points to no page or file of the site",
                        "check the path: {filename}/articles/x.md for a page, "
                        "{static}/images/x.jpg for a file",
                    )
                )
    return findings


def resolves(target, content, context, urls, content_path):
    parts = urlsplit(target)
    if parts.scheme or target.startswith(("#", "//", "mailto:", "tel:")):
        return True  # another site, or this page
    intrasite = INTRASITE.match(target)
    if intrasite:
        path = unquote(urlsplit(intrasite["target"]).path)
        if path.startswith("/"):
            relative = path.lstrip("/")
        else:
            relative = str(Path(content.relative_dir, path))
        relative = str(Path(relative))  # normalise a/../b
        return (
            relative in context["generated_content"]
            or relative in context["static_content"]
            or Path(content_path, relative).is_file()
        )
    path = unquote(urljoin("/" + content.url, parts.path))
    return (
        path in urls
        or path.rstrip("/") + "/" in urls
        or path.removesuffix("index.html") in urls
    )


def check_site(settings):
    """Every problem of the content in ``settings["PATH"]``: a Report."""
    content_path = settings["PATH"]
    findings = check_files(content_path)
    bad_files = {f.path for f in findings}
    generators, context, read_findings = read_site(settings)
    findings += [f for f in read_findings if f.path not in bad_files]
    # "could not be read" only where no other finding says why.
    explained = {f.path for f in findings if f.message != "could not be read"}
    findings = [
        f
        for f in findings
        if f.message != "could not be read" or f.path not in explained
    ]
    contents = [
        c for c in context["generated_content"].values() if isinstance(c, Content)
    ]
    urls = site_urls(generators, context, settings)
    findings += check_bodies(contents, context, urls, content_path)
    return Report(sorted(set(findings)), count_files(content_path))


def count_files(content_path):
    """``{"articles": 2, "talks": 1, ...}``: content files per top folder."""
    counts = {}
    for path in sorted(Path(content_path).rglob("*")):
        if path.suffix.lower() in CONTENT_SUFFIXES and path.is_file():
            folder = path.relative_to(content_path).parts[0]
            counts[folder] = counts.get(folder, 0) + 1
    return counts

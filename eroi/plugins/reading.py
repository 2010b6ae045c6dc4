"""Every content file read once, into typed fields and the HTML readers get.

A mixin goes in front of every Pelican reader class (``readers_init``). For
each file it:

1. refuses a file it must not read: reached through a link, too big, empty,
   not UTF-8 (a file published as it is must be an image that is what its
   extension says: eroi.plugins.boundary.files);
2. parses each field with the schema as the reader meets it (a Duration is
   seconds, Speakers a list of handles, YouTube a Video), refuses a field
   written twice unless it may repeat, a field its content type (known from
   its folder) does not have (naming the closest, Italian names included), a
   field that would set one of Pelican's attributes, and a required field
   that is missing;
3. puts body and summary through the one HTML policy (what is refused and
   what is rewritten: eroi.plugins.boundary.html), links the chapters of a
   talk and the ``@mentions`` of known speakers; the title becomes HTML
   text (escaped once, in every format);
4. refuses a page or article whose URL another file already has.

A file with problems is reported to the run's Problems with its file and
line, and handed back to Pelican as ``status: skip``, which every generator
skips quietly: the next file is read, and every problem of every file is
reported at once. Pelican's Markdown and reStructuredText readers are
subclassed on their public methods: the Markdown front matter is read here
(a field written twice, or continued on an indented line, is seen as
written), and docutils' messages come from the document the writer gets.
"""

import os
import re
from pathlib import Path

from docutils import nodes
from markdown import Markdown
from markupsafe import Markup
from pelican import signals
from pelican.contents import Content
from pelican.readers import MarkdownReader, RstReader, parse_path_metadata
from pelican.utils import pelican_open

from eroi import run
from eroi.messages import N_, _
from eroi.model.chapters import extract_chapters
from eroi.model.parsers import FieldError, text_line
from eroi.model.schema import DATE_HINT, MISSING, SCHEMAS, fields_by_key
from eroi.model.slugs import shorten, slug_for
from eroi.model.speakers import registry_of
from eroi.plugins.boundary.files import linked_on_the_way, static_problems
from eroi.plugins.boundary.html import apply_policy
from eroi.plugins.images import pictures_of
from eroi.plugins.mentions import link_mentions
from eroi.problems import Problem, field_line, problem, shown_path
from eroi.settings import declare

DEFAULTS = {"SCHEMA_EXTRA_FIELDS": {}}  # {"article": ["Subtitle"], ...}
# The settings naming the folders of each content type.
FOLDERS = {
    "article": "ARTICLE_PATHS",
    "page": "PAGE_PATHS",
    "talk": "TALK_PATHS",
    "speaker": "SPEAKER_PATHS",
    "author": "AUTHOR_PROFILE_PATHS",
}
TRANSLATABLE = ("article", "page")  # Pelican pairs these by slug and language
MAX_TEXT_BYTES = 5 * 1024 * 1024  # a content file of text; a long article is 100 KB
HINTS = {"date": DATE_HINT, "modified": DATE_HINT}
URLS = "eroi.reading.urls"  # run state: {(kind, status, slug, lang): file}
REFUSED_SPEAKERS = "eroi.reading.refused_speakers"  # run state: their handles

# Fields that decide where a page is written or how it is built: the site's.
RESERVED = {
    "save_as": N_("the site decides where pages are written"),
    "url": N_("the site decides the addresses of pages"),
    "template": N_("the site decides which template shows a page"),
    "settings": N_("is the site's configuration"),
    "metadata": N_("is Pelican's own record of the fields"),
    "translations": N_("is Pelican's own list"),
    "source_path": N_("is the file's own path"),
    "relative_source_path": N_("is the file's own path"),
    "relative_dir": N_("is the file's own folder"),
    "in_default_lang": N_("is worked out from Lang"),
    "timezone": N_("every date is in the site's time zone (Europe/Rome)"),
    "date_format": N_("the site formats dates"),
    "locale_date": N_("the site formats dates"),
    "locale_modified": N_("the site formats dates"),
}
RESERVED_HINT = N_("remove the field; to choose the address write 'Slug:'")
# How docutils words a directive it refused because file insertion is off.
DISABLED = re.compile(
    r'^"(?P<directive>[\w:-]+)" directive disabled'
    r'|^File and URL access deactivated; ignoring "(?P<other>[\w:-]+)"'
)
# A content type with its article, as messages name it ("is not a field of a talk").
A_KIND = {
    "article": N_("an article"),
    "page": N_("a page"),
    "talk": N_("a talk"),
    "speaker": N_("a speaker"),
    "author": N_("an author"),
}
INDENTED_FIELD = re.compile(r"^[ \t]+[A-Za-z][\w -]*:")
CHAPTER_START = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s")


def field_named(line, fields):
    """True when ``line`` starts with a field's name, or one of its Italian
    names (a word followed by ':' in a value is not one)."""
    name = line.split(":")[0].strip().lower()
    return name in fields or any(name in f.italian for f in fields.values())


def kind_of(source_path, settings):
    """The content type of the file at ``source_path``, from its folder; or None."""
    try:
        relative = (
            Path(source_path).resolve().relative_to(Path(settings["PATH"]).resolve())
        )
    except ValueError:
        return None
    best, depth = None, -1
    for kind, key in FOLDERS.items():
        for folder in settings.get(key) or ():
            parts = Path(folder).parts
            if relative.parts[: len(parts)] == parts and len(parts) > depth:
                best, depth = kind, len(parts)
    return best


def schema_for(kind, settings):
    schema = SCHEMAS[kind]
    return schema.with_extra((settings.get("SCHEMA_EXTRA_FIELDS") or {}).get(kind, ()))


def a(kind):
    return _(A_KIND.get(kind, kind))


class Reading:
    """Mixin over a Pelican reader class: one file read into checked, typed fields."""

    source = None  # the file being read, while it is read

    def read(self, source_path):
        settings = self.settings
        root = settings["PATH"]
        if "static" in self.file_extensions:  # a file published as it is
            # A {static} link to a missing file is the linking file's problem.
            if os.path.lexists(source_path):
                found = static_problems(source_path, root)
                run.problems(settings).add(source_path, found)
            return super().read(source_path)
        self.source = source_path
        self.fields = fields_by_key()  # the schema as it is now (tests extend it)
        self.written = {}  # key -> [raw values], in the order met
        self.found = []
        try:
            found = self.file_problems(source_path)
            if not found:
                content, metadata = self.read_checked(source_path)
                found = self.found
        except RecursionError:
            found = [self.unreadable(_("its markup is nested too deeply"))]
        except Exception as exc:  # a reader's or an extension's: name the file
            found = [self.unreadable(f"{type(exc).__name__}: {exc}")]
        finally:
            self.source = None
        if found:
            run.problems(settings).add(source_path, found)
            if kind_of(source_path, settings) == "speaker":
                # Its talks are not "unknown": the speaker's own file is wrong.
                names = {Path(source_path).stem, *self.written.get("handle", ())}
                refused = run.current(settings).state.setdefault(
                    REFUSED_SPEAKERS, set()
                )
                refused.update(name.strip().lstrip("@").lower() for name in names)
            return "", {"status": "skip"}
        return content, metadata

    def file_problems(self, source_path):
        """Why the file itself cannot be read (reached through a link, too big,
        empty, not UTF-8)."""
        wrong = linked_on_the_way(source_path, self.settings["PATH"])
        if wrong:
            return [wrong]
        data = Path(source_path).read_bytes()
        if len(data) > MAX_TEXT_BYTES:
            return [
                file_problem(
                    source_path,
                    _("is {size} KB of text, more than {limit} MB").format(
                        size=len(data) // 1024, limit=MAX_TEXT_BYTES // (1024 * 1024)
                    ),
                    _("split it, or link a large file from its own site"),
                )
            ]
        if not data.strip():
            return [
                file_problem(
                    source_path,
                    _("is empty"),
                    _("write its front matter and text, or delete it"),
                )
            ]
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return [
                Problem(
                    shown_path(source_path),
                    data[: exc.start].count(b"\n") + 1,
                    "file",
                    _("is not UTF-8 text"),
                    _("save it with the UTF-8 encoding"),
                )
            ]
        return []

    def read_checked(self, source_path):
        settings = self.settings
        content, metadata = super().read(source_path)
        # An empty field ("Summary: " in a scaffold) is the same as no field.
        # (A Category or Tag compares equal to its slug: only strings are tested.)
        metadata = {
            key: value
            for key, value in metadata.items()
            if not (isinstance(value, str) and value == "")
        }
        self.reserved(metadata)
        self.title(metadata)
        kind = kind_of(source_path, settings)
        if kind is not None:
            self.against(kind, metadata)
        if self.found:
            return None, metadata
        content_path = settings["PATH"]
        relative_dir = os.path.relpath(os.path.dirname(source_path), content_path)
        title = Markup(metadata.get("title") or metadata.get("name", "")).striptags()
        references = []
        content = self.police(content, relative_dir, title, references)
        if metadata.get("summary"):
            metadata["summary"] = self.police(
                str(metadata["summary"]), relative_dir, title, references
            )
        # What the body links, loads and shows: for the checks across files.
        metadata["references"] = references
        if kind == "talk" and content:
            content = self.chapters(content, metadata)
        registry = registry_of(settings)
        if registry is not None and content:
            content = link_mentions(content, registry)
        if kind in TRANSLATABLE and not self.found:
            self.same_url(kind, metadata)
        if kind is not None:  # every field of its type is an attribute
            for declared in schema_for(kind, settings).fields:
                if declared.default is not MISSING:
                    metadata.setdefault(declared.key, declared.default)
        return content, metadata

    def unreadable(self, why):
        return file_problem(
            self.source,
            _("could not be read: {why}").format(why=why),
            _("fix the file (markup, encoding, field values), or report the message"),
        )

    # Fields ----------------------------------------------------------------------

    def process_metadata(self, name, value):
        path = self.source
        if path is None:  # a default from the settings, not a file's value
            return super().process_metadata(name, value)
        key = name.lower()
        declared = self.fields.get(key)
        raws = [str(v) for v in value] if isinstance(value, list) else [value]
        seen = self.written.setdefault(key, [])
        if seen and not (declared and declared.repeatable):
            self.repeated(key)  # reStructuredText or HTML: a second field
            return self.process_metadata_of(name, seen[0], declared)
        seen.extend(raws)
        if declared is not None and declared.repeatable:
            text = ", ".join(map(str, seen))
        elif len(raws) > 1:  # HTML: a <meta> written twice
            self.repeated(key)
            text = raws[0]
        else:
            text = raws[0]
        return self.process_metadata_of(name, text, declared)

    def process_metadata_of(self, name, text, declared):
        if declared is None or not isinstance(text, str):
            try:
                return super().process_metadata(name, text)
            except ValueError as exc:
                hint = HINTS.get(name) or _("check the value of '{name}'")
                self.found.append(
                    problem(self.source, name, str(exc), _(hint).format(name=name))
                )
                return ""
        if not text.strip():
            return ""  # empty, as in a scaffold: as if absent
        try:
            return declared.parse(text, self.settings)
        except FieldError as exc:
            self.found.append(
                problem(
                    self.source, declared.key, str(exc), exc.hint or _(declared.hint)
                )
            )
            return ""  # dropped: the file is refused anyway

    def repeated(self, key):
        declared = self.fields.get(key)
        self.found.append(
            problem(
                self.source,
                key,
                _("is written more than once"),
                _("keep one line: {example}").format(example=declared.line)
                if declared
                else _("keep one line; a field is written once"),
                line=second_line(self.source, key),
            )
        )

    def reserved(self, metadata):
        """Fields that would choose an output path or a template, or set one of
        the content object's own attributes."""
        attributes = content_attributes()
        for key in metadata:
            if (
                key in RESERVED
                or key.startswith(("_", "override_"))
                or (key in attributes and key not in self.fields)
            ):
                why = RESERVED.get(key, N_("is one of Pelican's internal attributes"))
                self.found.append(
                    Problem(
                        shown_path(self.source),
                        field_line(self.source, key),
                        key,
                        _("not allowed: {why}").format(why=_(why)),
                        _(RESERVED_HINT),
                    )
                )

    def title(self, metadata):
        """The title as HTML text: a field's text escaped once; reStructuredText's
        heading as docutils wrote it, its text checked as a field's."""
        title = metadata.get("title")
        if not title:
            return
        if "title" in self.written:  # a field: text, parsed by the schema
            metadata["title"] = Markup.escape(title)
            return
        try:
            text_line(Markup(title).striptags())
        except FieldError as exc:
            declared = self.fields["title"]
            self.found.append(
                problem(self.source, "title", str(exc), exc.hint or _(declared.hint))
            )
        metadata["title"] = Markup(title)

    def against(self, kind, metadata):
        """Fields a file of ``kind`` does not have, values it does not allow, and
        the required ones it lacks."""
        source = self.source
        schema = schema_for(kind, self.settings)
        for key, raws in self.written.items():
            declared = schema.get(key)
            if any(f.field == key for f in self.found):
                continue  # already refused: its value, or a reserved name
            if declared is None:
                self.found.append(unknown(source, key, kind, schema))
            elif choices := getattr(declared.parse, "choices", None):
                value = str(raws[0]).strip()
                if value and value not in choices:
                    self.found.append(
                        problem(
                            source,
                            key,
                            _("'{value}' is not a status of {a_kind}").format(
                                value=value[:40], a_kind=a(kind)
                            ),
                            _("write one of: {choices}").format(
                                choices=", ".join(choices)
                            ),
                        )
                    )
        if self.found:  # a field already refused: its file is refused anyway
            return
        # A Date may come from the file's name (FILENAME_METADATA).
        from_path = parse_path_metadata(source, self.settings)
        for declared in schema.fields:
            if (
                declared.required
                and not metadata.get(declared.key)
                and not from_path.get(declared.key)
                and not (declared.drafts_may_omit and metadata.get("status") == "draft")
            ):
                self.found.append(
                    Problem(
                        shown_path(source),
                        field_line(source, declared.key),
                        declared.key,
                        _("missing"),
                        _("add '{example}' to the front matter").format(
                            example=declared.line
                        ),
                    )
                )

    # Body ------------------------------------------------------------------------

    def police(self, html, relative_dir, title, references):
        settings = self.settings
        pictures = pictures_of(settings) if "IMAGE_MAX_SIDE" in settings else None
        html, found, seen = apply_policy(
            html,
            self.source,
            settings["PATH"],
            relative_dir,
            title,
            settings["THEME"],
            pictures,
        )
        self.found += found
        references += seen
        return html

    def chapters(self, html, metadata):
        """A talk's chapter lines linked to its video; impossible times and
        chapters after the end of the video refused."""
        video = metadata.get("youtube")
        html, chapters, found = extract_chapters(
            html, video.at if video else None, self.source, metadata.get("duration")
        )
        metadata["chapters"] = chapters
        self.found += found
        return html

    def same_url(self, kind, metadata):
        """Articles and pages whose slug gives no URL, or the URL of another file.

        Pelican pairs these as translations of one another and only warns; here
        both files are named. Keyed like Pelican's translations: kind, status,
        slug and language.
        """
        settings = self.settings
        slug = metadata.get("slug") or slug_for(metadata.get("title", ""), settings)
        if not slug:
            title = Markup(metadata.get("title", "")).striptags()
            self.found.append(
                problem(
                    self.source,
                    "title",
                    _("'{title}' gives no URL").format(title=title),
                    _("add 'Slug: una-parola-o-due' to the front matter"),
                )
            )
            return
        status = metadata.get("status") or "published"
        key = (kind, status, slug, metadata.get("lang") or settings["DEFAULT_LANG"])
        urls = run.current(settings).state.setdefault(URLS, {})
        other = urls.setdefault(key, self.source)
        if other != self.source:
            run.problems(settings).add(other, duplicate_url(other, slug, self.source))
            self.found.append(duplicate_url(self.source, slug, other))


class MarkdownFile(MarkdownReader):
    """Pelican's Markdown reader, with the front matter read as it is written:
    a field written twice is seen, a field continued on indented lines is one
    value."""

    def read(self, source_path):
        markdown = Markdown(**self.settings["MARKDOWN"])
        with pelican_open(source_path) as text:
            content = markdown.convert(text)
        found, indented = self.traps(source_path, text)
        self.found += found
        markdown.preprocessors.deregister("meta")  # none in formatted fields
        metadata = {}
        for name, values in getattr(markdown, "Meta", {}).items():
            key = name.lower()
            if key.isdigit():  # a chapter line taken for a field (see traps)
                continue
            values = [v for v in values if v.strip() not in indented] or [""]
            if key in self.settings["FORMATTED_FIELDS"]:
                markdown.reset()
                value = markdown.convert("\n".join(values))
            else:
                value = self.one_value(key, values)
            metadata[key] = self.process_metadata(key, value)
        return content, metadata

    def traps(self, path, text):
        """Lines of the front matter that Markdown would read otherwise than
        written: a field indented (read as the line above, continued), a
        chapter line with no empty line before it (read as a field). Their
        problems, and the indented lines (left out of the line above)."""
        found, indented = [], set()
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                break
            if INDENTED_FIELD.match(line) and field_named(line, self.fields):
                indented.add(line.strip())
                found.append(
                    problem(
                        path,
                        line.split(":")[0].strip().lower(),
                        _("is indented, so it is read as the end of the line above"),
                        _("start the field at the beginning of its line"),
                        line=n,
                    )
                )
            elif CHAPTER_START.match(line):
                found.append(
                    problem(
                        path,
                        "chapters",
                        _(
                            "'{time}' follows the fields with no empty line, "
                            "so it is read as a field"
                        ).format(time=line.split()[0]),
                        _("leave an empty line between the fields and the text"),
                        line=n,
                    )
                )
                break
        return found, indented

    def one_value(self, key, values):
        """Markdown gives several lines for a field written twice, and for a
        value continued on indented lines (one value, wrapped)."""
        if len(values) < 2:
            return values[0] if values else ""
        declared = self.fields.get(key)
        repeatable = declared is not None and declared.repeatable
        if not repeatable and front_matter_lines(self.source, key) > 1:
            self.repeated(key)
            return values[0]
        return (", " if repeatable else " ").join(values)


class RstFile(RstReader):
    """Pelican's reStructuredText reader: every docutils message of level
    WARNING or above is a problem at its line, naming the directive when one
    was refused (file insertion is off: eroi.plugins.boundary)."""

    def read(self, source_path):
        messages = []

        class Writer(RstReader.writer_class):
            def translate(self):
                messages.extend(
                    m
                    for m in self.document.findall(nodes.system_message)
                    if m["level"] >= 2
                )
                super().translate()

        self.writer_class = Writer
        content, metadata = super().read(source_path)
        self.found += [rst_problem(source_path, m) for m in messages]
        if not self.found and not metadata.get("title"):
            self.found.append(
                Problem(
                    shown_path(source_path),
                    1,
                    "title",
                    _("is not one heading of its own"),
                    _(
                        "write the title on its first line, with a line of # as "
                        "long as the title under it"
                    ),
                )
            )
        return content, metadata


def content_attributes():
    """The attributes and methods of every content class (Pelican's and ours)."""
    names, classes = set(), [Content]
    while classes:
        cls = classes.pop()
        names.update(vars(cls))
        classes.extend(cls.__subclasses__())
    return names


def rst_problem(path, message):
    text = message.children[0].astext() if message.children else message.astext()
    text = " ".join(text.split())
    line = message.get("line") or 1
    refused = DISABLED.match(text)
    if refused:
        return Problem(
            shown_path(path),
            line,
            refused["directive"] or refused["other"],
            _(
                "reads a file or an address while the site is built, which it "
                "never does"
            ),
            _(
                "write the text in this file; inline HTML may use '.. raw:: html' "
                "followed by the HTML itself"
            ),
        )
    return Problem(
        shown_path(path),
        line,
        "rst",
        text.rstrip("."),
        _("fix the reStructuredText at that line"),
    )


def file_problem(path, message, hint):
    return Problem(shown_path(path), 1, "file", message, hint)


def duplicate_url(path, slug, other):
    line = field_line(path, "slug")
    return problem(
        path,
        "slug",
        _("'{slug}' is also the URL of {other}").format(
            slug=slug, other=shown_path(other)
        ),
        _("add a different 'Slug:' to one of them"),
        line=line if line > 1 else field_line(path, "title"),
    )


def unknown(path, key, kind, schema):
    meant = schema.closest(key)
    if meant is not None:
        hint = _("did you mean '{name}'? e.g. {example}").format(
            name=meant.name, example=meant.line
        )
    else:
        hint = _("the fields of {a_kind} are: {names}").format(
            a_kind=a(kind), names=", ".join(f.name for f in schema.fields)
        )
    return problem(
        path, key, _("is not a field of {a_kind}").format(a_kind=a(kind)), hint
    )


def numbered(path):
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def second_line(path, key):
    """The line where ``key`` is written a second time (1 if it is not)."""
    start = re.compile(rf"^\s*:?{re.escape(key)}\s*:", re.IGNORECASE)
    lines = [n for n, text in enumerate(numbered(path), 1) if start.match(text)]
    return lines[1] if len(lines) > 1 else 1


def front_matter_lines(path, key):
    """How many lines of the Markdown front matter of ``path`` start ``key:``."""
    start = re.compile(rf"^ {{0,3}}{re.escape(key)}\s*:", re.IGNORECASE)
    count = 0
    for line in numbered(path):
        if not line.strip():
            break
        count += bool(start.match(line))
    return count


BASES = {MarkdownReader: MarkdownFile, RstReader: RstFile}
_MIXED = {}


def install(readers):
    """readers_init: every reader class reads with ``Reading`` in front."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is None or issubclass(reader_class, Reading):
            continue
        if reader_class not in _MIXED:
            base = BASES.get(reader_class, reader_class)
            _MIXED[reader_class] = type(reader_class.__name__, (Reading, base), {})
        readers.reader_classes[extension] = _MIXED[reader_class]


def shorten_slug(content):
    """content_object_init: a slug Pelican made from the title, shortened."""
    slug = getattr(content, "slug", None)
    if slug and "slug" not in content.metadata:
        content.slug = shorten(slug)


def register():
    declare(__name__, DEFAULTS, ("SCHEMA_",))
    signals.readers_init.connect(install)
    signals.content_object_init.connect(shorten_slug)

"""The content model in the build: every reader parses fields with the schema.

``TypedReading`` goes in front of every Pelican reader class. As the reader
meets each field it:

- joins the values of a field written twice when the field may repeat
  (``Tags``), and refuses the second one otherwise;
- parses the value with the field's typed parser, so the content object only
  ever holds parsed values (a Duration is seconds, Speakers a list of handles);
- once the file is read, refuses fields its content type does not have,
  naming the closest one (``Durata`` → ``Duration``), and statuses it does
  not allow.

A file's content type comes from its folder (TALK_PATHS, ARTICLE_PATHS ...),
so the reader knows it before any generator does. Every problem of a file is
raised at once, as a ReadProblem: content_checks reports them with the file.
"""

import re
from pathlib import Path

from pelican import signals

from eroi import run
from eroi.model.parsers import FieldError, text_line
from eroi.model.schema import SCHEMAS, fields_by_key
from eroi.model.slugs import shorten
from eroi.plugins.reading import ReadProblem, mix_into_readers
from eroi.problems import Problem, field_line, problem, shown_path
from eroi.settings import declare

DEFAULTS = {"SCHEMA_EXTRA_FIELDS": {}}

# The settings naming the folders of each content type.
FOLDERS = {
    "article": "ARTICLE_PATHS",
    "page": "PAGE_PATHS",
    "talk": "TALK_PATHS",
    "speaker": "SPEAKER_PATHS",
    "author": "AUTHOR_PROFILE_PATHS",
}
EXTRA_SETTING = "SCHEMA_EXTRA_FIELDS"  # {"article": ["Subtitle"], ...}
ARTICLES = {"a": "an", "t": "a", "s": "a", "p": "a"}


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
    return schema.with_extra((settings.get(EXTRA_SETTING) or {}).get(kind, ()))


def a(kind):
    return f"{ARTICLES.get(kind[0], 'a')} {kind}"


class TypedReading:
    """Mixin over a Pelican reader class: fields parsed and checked by the schema."""

    def read(self, source_path):
        self._fields = fields_by_key()  # the schema as it is now (tests extend it)
        self._written = {}  # key -> [raw values], in the order met
        self._field_problems = []
        try:
            content, metadata = super().read(source_path)
        except ReadProblem as exc:
            raise ReadProblem([*self._field_problems, *exc.problems]) from None
        found = self._field_problems
        if "title" not in self._written and metadata.get("title"):
            # reStructuredText's title is its heading, not a field.
            try:
                metadata["title"] = text_line(str(metadata["title"]))
            except FieldError as exc:
                found.append(self._problem(source_path, self._fields["title"], exc))
        kind = kind_of(source_path, self.settings)
        if kind is not None:
            found += self._against(kind, source_path)
        if found:
            raise ReadProblem(found)
        return content, metadata

    def _against(self, kind, source_path):
        """Fields a file of ``kind`` does not have, and values it does not allow."""
        schema = schema_for(kind, self.settings)
        found = []
        for key, raws in self._written.items():
            declared = schema.get(key)
            if declared is None:
                found.append(unknown(source_path, key, kind, schema))
            elif any(f.field == key for f in self._field_problems):
                continue  # its value was already refused
            elif choices := getattr(declared.parse, "choices", None):
                value = str(raws[0]).strip()
                if value and value not in choices:
                    found.append(
                        problem(
                            source_path,
                            key,
                            f"'{value[:40]}' is not a status of {a(kind)}",
                            declared.hint,
                        )
                    )
        return found

    def _parse_metadata(self, meta, *rest):
        """Markdown hands over ``{name: [line, ...]}``: a name met twice is seen
        here, before Pelican keeps only its first line."""
        if isinstance(meta, dict) and not rest:
            meta = {
                name: self._once(name.lower(), values) for name, values in meta.items()
            }
        return super()._parse_metadata(meta, *rest)

    def _once(self, key, values):
        """One value for ``key``: Markdown also gives several for a value
        continued on indented lines, which is one value wrapped."""
        if len(values) < 2:
            return values
        declared = self._fields.get(key)
        repeatable = declared is not None and declared.repeatable
        if not repeatable and front_matter_lines(self._source_path, key) > 1:
            self._repeated(key)
            return values[:1]
        if key in self.settings["FORMATTED_FIELDS"]:
            return values  # Pelican joins the lines of a formatted field
        return [(", " if repeatable else " ").join(values)]

    def _repeated(self, key):
        path = self._source_path
        declared = self._fields.get(key)
        self._field_problems.append(
            problem(
                path,
                key,
                "is written more than once",
                "keep one line"
                + (f": {declared.line}" if declared else "; a field is written once"),
                line=second_line(path, key),
            )
        )

    def process_metadata(self, name, value):
        path = getattr(self, "_source_path", None)
        if path is None:  # a default from the settings, not a file's value
            return super().process_metadata(name, value)
        key = name.lower()
        declared = self._fields.get(key)
        raws = [str(v) for v in value] if isinstance(value, list) else [value]
        seen = self._written.setdefault(key, [])
        if seen and not (declared and declared.repeatable):
            self._repeated(key)  # reStructuredText or HTML: a second field
            return super().process_metadata(name, seen[0])
        seen.extend(raws)
        if declared is None:
            return super().process_metadata(name, value)
        if declared.repeatable:
            text = ", ".join(map(str, seen))
        elif len(raws) > 1:  # HTML: a <meta> written twice
            self._repeated(key)
            text = raws[0]
        else:
            text = raws[0]
        if not isinstance(text, str):
            return super().process_metadata(name, text)
        if not text.strip():
            return ""  # empty, as in a scaffold: as if absent
        try:
            return declared.parse(text, self.settings)
        except FieldError as exc:
            self._field_problems.append(self._problem(path, declared, exc))
            return ""  # dropped: the file is refused anyway

    def _problem(self, path, declared, exc):
        return problem(path, declared.key, str(exc), exc.hint or declared.hint)


def second_line(path, key):
    """The line where ``key`` is written a second time (1 if it is not)."""
    start = re.compile(rf"^\s*:?{re.escape(key)}\s*:", re.IGNORECASE)
    lines = [n for n, text in enumerate(numbered(path), 1) if start.match(text)]
    return lines[1] if len(lines) > 1 else 1


def numbered(path):
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def front_matter_lines(path, key):
    """How many lines of the Markdown front matter of ``path`` start ``key:``."""
    start = re.compile(rf"^ {{0,3}}{re.escape(key)}\s*:", re.IGNORECASE)
    count = 0
    for line in numbered(path):
        if not line.strip():
            break
        count += bool(start.match(line))
    return count


def unknown(path, key, kind, schema):
    meant = schema.closest(key)
    if meant is not None:
        hint = f"did you mean '{meant.name}'? e.g. {meant.line}"
    else:
        hint = f"the fields of {a(kind)} are: " + ", ".join(
            f.name for f in schema.fields
        )
    return problem(path, key, f"is not a field of {a(kind)}", hint)


def missing_fields(content):
    """The required fields of ``content``'s type that it lacks, as problems."""
    source = getattr(content, "source_path", None)
    kind = source and kind_of(source, content.settings)
    if not kind:
        return []
    return [
        Problem(
            shown_path(source),
            field_line(source, declared.key),
            declared.key,
            "missing",
            f"add '{declared.line}' to the front matter",
        )
        for declared in schema_for(kind, content.settings).fields
        if declared.required
        and not content.metadata.get(declared.key)
        and not (declared.drafts_may_omit and content.status == "draft")
    ]


def typed_readers(readers):
    """readers_init: every reader class parses its fields with the schema."""
    mix_into_readers(readers, TypedReading)


def require(content):
    """content_object_init: a required field is missing (a Date may come from
    the file name, so this is asked of the content object)."""
    source = getattr(content, "source_path", None)
    if source and type(content).__name__ != "Static":
        run.problems(content.settings).add(source, missing_fields(content))


def shorten_slug(content):
    """content_object_init: a slug Pelican made from the title, shortened."""
    slug = getattr(content, "slug", None)
    if slug and "slug" not in content.metadata:
        content.slug = shorten(slug)


def register():
    declare(__name__, DEFAULTS, ("SCHEMA_",))
    signals.readers_init.connect(typed_readers)
    signals.content_object_init.connect(require)
    signals.content_object_init.connect(shorten_slug)

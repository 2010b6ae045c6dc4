"""Every content file read in its own guard: a problem names the file, never crashes.

Pelican reads a file with ``Readers.read_file``; this module wraps that method
on every Readers object (``readers_init``), and wraps each reader class so that
a bad metadata value or a file that is not UTF-8 names its field and line.
Before a file is read, receivers of ``file_to_read`` may refuse it (the
boundary plugin refuses links and files that may not be published).
A file with problems is reported to the run's Problems and handed back to Pelican
as a ``SkipStub``, which every generator skips quietly: so the next file is
read, and all problems of all files are reported at once. Empty fields count as
absent.
"""

import functools
import os
from pathlib import Path

from blinker import signal
from pelican.contents import Page, SkipStub

from eroi import run
from eroi.model.slugs import MAX_SLUG
from eroi.problems import Problem, field_line, problem, shown_path

DATE_HINT = "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2021-01-11 17:00"
HINTS = {"date": DATE_HINT, "modified": DATE_HINT}
TRANSLATABLE = ("Article", "Page")


# Sent with a file's absolute path before it is read, with ``root`` (content/)
# and ``static`` (True for a file published as it is); receivers return the
# file's problems. A file with problems is not read.
file_to_read = signal("content_checks.file_to_read")


class ReadProblem(Exception):
    """A reader met values or a file it cannot use; ``problems`` say which."""

    def __init__(self, found):
        self.problems = [found] if isinstance(found, Problem) else list(found)
        super().__init__("; ".join(map(str, self.problems)))


class CheckedReading:
    """Mixin over a Pelican reader class: name the file and field of a read error."""

    def read(self, source_path):
        self._source_path = source_path
        try:
            content, metadata = super().read(source_path)
        except UnicodeDecodeError:
            raise ReadProblem(not_utf8(source_path)) from None
        finally:
            self._source_path = None
        # An empty field ("Summary: " in a scaffold) is the same as no field.
        # (A Category or Tag compares equal to its slug: only strings are tested.)
        return content, {
            key: value
            for key, value in metadata.items()
            if not (isinstance(value, str) and value == "")
        }

    def process_metadata(self, name, value):
        try:
            return super().process_metadata(name, value)
        except ValueError as exc:
            path = getattr(self, "_source_path", None)
            if path is None:  # a default from the settings, not a file's value
                raise
            hint = HINTS.get(name, f"check the value of '{name}'")
            raise ReadProblem(problem(path, name, str(exc), hint)) from None


def not_utf8(path):
    data = Path(path).read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    else:
        line = 1
    return Problem(
        shown_path(path),
        line,
        "file",
        "is not UTF-8 text",
        "save it with the UTF-8 encoding",
    )


@functools.cache
def _mixed(mixin, reader_class):
    return type(reader_class.__name__, (mixin, reader_class), {})


def mix_into_readers(readers, mixin):
    """Put ``mixin`` in front of every reader class of ``readers`` (once)."""
    for extension, reader_class in readers.reader_classes.items():
        if reader_class and not issubclass(reader_class, mixin):
            readers.reader_classes[extension] = _mixed(mixin, reader_class)


def guard_readers(readers):
    """readers_init: checked reader classes, and a guarded ``read_file``."""
    mix_into_readers(readers, CheckedReading)
    if not hasattr(readers.read_file, "guarded"):
        readers.read_file = guarded(readers.read_file, readers.settings)


def guarded(read_file, settings):
    @functools.wraps(read_file)
    def read_file_guarded(base_path, path, content_class=Page, *args, **kwargs):
        problems = run.problems(settings)
        source = os.path.abspath(os.path.join(base_path, path))
        static = content_class.__name__ == "Static"  # files copied as they are
        found = [
            found
            for _receiver, problems in file_to_read.send(
                source, root=base_path, static=static
            )
            for found in problems or ()
        ]
        if static:  # Pelican reads no byte of a static file: it only copies it
            problems.add(source, found)
            return read_file(base_path, path, content_class, *args, **kwargs)
        if found:
            problems.add(source, found)
            return SkipStub(None, source_path=source)
        found = empty_file(source)
        content = None
        if not found:
            try:
                content = read_file(base_path, path, content_class, *args, **kwargs)
            except ReadProblem as exc:
                found = exc.problems
            except RecursionError:
                found = [unreadable(source, "its markup is nested too deeply")]
            except Exception as exc:  # a reader's or a plugin's: name the file
                found = [unreadable(source, f"{type(exc).__name__}: {exc}")]
        if content is not None and not isinstance(content, SkipStub):
            found = invalid(content, source, problems)
        problems.add(source, found)
        if problems.has_refused(source):
            return SkipStub(None, source_path=source)
        return content

    read_file_guarded.guarded = True
    return read_file_guarded


def unreadable(path, why):
    return Problem(
        shown_path(path),
        1,
        "file",
        f"could not be read: {why}",
        "fix the file (markup, encoding, field values), or report the message",
    )


def empty_file(path):
    try:
        with open(path, "rb") as handle:
            blank = not handle.read().strip()
    except OSError as exc:
        return [Problem(shown_path(path), 1, "file", f"cannot be read: {exc}", "-")]
    if blank:
        return [
            Problem(
                shown_path(path),
                1,
                "file",
                "is empty",
                "write its front matter and text, or delete it",
            )
        ]
    return []


def invalid(content, source, problems):
    """Terms without a URL, and two files on one URL, as problems of the file.
    (Missing fields and wrong statuses are the content model's.)"""
    found = long_terms(content, source)
    refused = found or problems.has_refused(source)
    if not refused and type(content).__name__ in TRANSLATABLE:
        found += same_url(content, source, problems)
    return found


def long_terms(content, source):
    """A tag, category or author whose URL part would be empty, or too long."""
    found = []
    for field in ("tags", "category", "authors"):
        value = getattr(content, field, None) or []
        for term in value if isinstance(value, list) else [value]:
            if not term.slug:
                # Its page would be the list of all of them (/categorie/ ...).
                found.append(
                    problem(
                        source,
                        field,
                        f"'{term.name[:40]}' gives no URL",
                        "use letters or digits in it",
                    )
                )
            elif len(term.slug) > MAX_SLUG:
                found.append(
                    problem(
                        source,
                        field,
                        f"'{term.name[:40]}…' is {len(term.name)} characters long",
                        f"write a shorter one, at most {MAX_SLUG} characters",
                    )
                )
    return found


def same_url(content, source, problems):
    """Articles and pages whose slug gives no URL, or the URL of another file.

    Pelican groups these as translations of one another and only warns; here
    both files are named. Keyed like Pelican's translations: kind, status,
    slug and language.
    """
    if not content.slug:
        return [
            problem(
                source,
                "title",
                f"'{content.title}' gives no URL",
                "add 'Slug: una-parola-o-due' to the front matter",
            )
        ]
    key = (type(content).__name__, content.status, content.slug, content.lang)
    other = problems.urls.setdefault(key, source)
    if other == source:
        return []
    problems.add(other, duplicate_url(other, content.slug, source))
    return [duplicate_url(source, content.slug, other)]


def duplicate_url(path, slug, other):
    line = field_line(path, "slug")
    return problem(
        path,
        "slug",
        f"'{slug}' is also the URL of {shown_path(other)}",
        "add a different 'Slug:' to one of them",
        line=line if line > 1 else field_line(path, "title"),
    )


def phase_one_context(settings):
    """The context a Pelican run starts from, for tools that read without writing."""
    context = settings.copy()
    context.update(
        generated_content={},
        static_links=set(),
        static_content={},
        localsiteurl=settings["SITEURL"],
    )
    return context

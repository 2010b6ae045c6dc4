"""Content problems: one value from where a problem is found to where it is printed.

A Problem carries its path, line, field, message and hint, and prints as
`path:line: field: message (suggerimento: ...)`, or with ``EROI_LANG=en``
`path:line: field: message (hint: ...)`: messages and hints are translated
where they are made (eroi.messages), the line's frame where it is printed.
Checks report problems to their run's ``Problems`` (see eroi.run); the build
fails once every file has been read, with all of them (see __init__.py).
`invoke build`, `invoke check`, `livereload` and the plain `pelican content`
command print them through ``report()``, identically.
"""

import logging
import os
import re
import sys
from dataclasses import dataclass

from eroi.messages import _

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as a writer knows it (shown_path)
    line: int
    field: str
    message: str
    hint: str

    def __str__(self):
        return one_line(
            _("{path}:{line}: {field}: {message} (hint: {hint})").format(
                path=self.path,
                line=self.line,
                field=self.field,
                message=self.message,
                hint=self.hint,
            )
        )


def one_line(text):
    """``text`` with control characters shown as escapes (``\\n``, ``\\x00``):
    a problem is always one line."""
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


class ContentError(Exception):
    """Content the build cannot publish; ``problems`` says what and where."""

    exitcode = 1  # what `pelican content` exits with

    def __init__(self, problems):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        super().__init__(f"{count} content problem{'s' if count != 1 else ''}")


def problem(path, field, message, hint, line=None):
    """A Problem in the file at ``path``; its line is the field's, unless given."""
    if line is None:
        line = field_line(path, field)
    return Problem(shown_path(path), line, field, message, hint)


def missing(path, field, example):
    return problem(
        path,
        field,
        _("missing"),
        _("add '{example}' to the front matter").format(example=example),
    )


def shown_path(*parts):
    """The path as a writer knows it: relative to the working folder when inside it."""
    path = os.path.join(*parts)
    shown = os.path.relpath(path)
    return path if shown.startswith(os.pardir) else shown


def field_line(path, field):
    """The line of ``field`` in the front matter of ``path`` (1 if it is not there)."""
    pattern = re.compile(rf"^\s*:?{re.escape(field)}:", re.IGNORECASE)
    return line_where(path, pattern.match)


def text_line(path, needle, nth=1):
    """The ``nth`` line of ``path`` that contains ``needle`` (the last such
    line if there are fewer; 1 if none)."""
    return line_where(path, lambda line: needle in line, nth)


def line_where(path, test, nth=1):
    found = 1
    try:
        with open(path, encoding="utf-8") as lines:
            for n, line in enumerate(lines, start=1):
                if test(line):
                    found, nth = n, nth - 1
                    if not nth:
                        break
    except (OSError, UnicodeDecodeError):
        return 1
    return found


# This run's problems ---------------------------------------------------------------


class Problems:
    """The problems found so far in one run, and the files they make unusable."""

    def __init__(self):
        self.problems = []
        self.notes = []
        self.refused = set()  # absolute source paths
        self.urls = {}  # (kind, status, slug, lang): the file that has that URL

    def add(self, source_path, found):
        """Record ``found`` (a Problem or a list) against the file ``source_path``."""
        found = [found] if isinstance(found, Problem) else list(found)
        self.problems.extend(found)
        if found:
            self.refused.add(os.path.abspath(source_path))

    def note(self, text):
        self.notes.append(text)


class _StderrHandler(logging.Handler):
    """Plain lines on the current sys.stderr (which tests and tools may swap)."""

    def emit(self, record):
        sys.stderr.write(self.format(record) + "\n")
        sys.stderr.flush()


# A logger of its own: plain `path:line: ...` lines, never wrapped, never fatal
# (Pelican's loggers turn errors into exceptions in fatal mode).
printer = logging.Logger("content_checks.report", logging.INFO)
printer.addHandler(_StderrHandler())
printer.propagate = False


def report(problems, notes=()):
    """Print ``problems`` (then ``notes``), one line each."""
    for note in notes:
        printer.info("%s", note)
    for found in sorted(set(problems)):
        printer.error("%s", found)


def report_line(text):
    """Print one line that is not a file's problem (e.g. why a build failed)."""
    printer.error("%s", one_line(text))

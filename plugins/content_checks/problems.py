"""Content problems as writers read them: `path: field: problem (hint)`.

Shared by the plugins that check content: each collects every problem of a
build, then raises one ContentError with all of them, so a writer fixes
everything in one pass. sitebuild.py prints them, one per line.
"""

import os


class ContentError(Exception):
    """Content the build cannot publish; ``problems`` are `path: field: ...` lines."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


def problem(path, field, message, hint):
    return f"{path}: {field}: {message} (hint: {hint})"


def missing(path, field, example):
    return problem(path, field, "missing", f"add '{example}' to the front matter")


def shown_path(*parts):
    """The path as a writer knows it: relative to the working folder when inside it."""
    path = os.path.join(*parts)
    shown = os.path.relpath(path)
    return path if shown.startswith(os.pardir) else shown

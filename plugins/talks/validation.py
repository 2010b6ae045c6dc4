"""Content problems as writers read them: `path: field: problem (hint)`.

The generator collects every problem of a build, then raises one ContentError
with all of them, so a writer fixes everything in one pass.
"""

import os


class ContentError(Exception):
    """Content the build cannot publish; ``problems`` are `path: field: ...` lines."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


def problem(path, field, message, hint):
    return f"{path}: {field}: {message} (hint: {hint})"


def unknown_speaker(path, handle, registry):
    closest = registry.closest(handle)
    hint = (
        f"did you mean '{closest}'?"
        if closest
        else "add content/speakers/<handle>.md for this speaker"
    )
    return problem(path, "speakers", f"unknown speaker '{handle}'", hint)


def missing(path, field, example):
    return problem(path, field, "missing", f"add '{example}' to the front matter")


def shown_path(base, relative):
    """``content/talks/x.md``: relative to the working folder when inside it."""
    path = os.path.join(base, relative)
    shown = os.path.relpath(path)
    return path if shown.startswith(os.pardir) else shown

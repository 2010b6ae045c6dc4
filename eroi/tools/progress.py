"""Progress of a long command: a bar on a terminal, plain lines anywhere else.

``track(items, label)`` yields the items and shows how far along they are.
When stderr is a terminal (and ``CI`` is not set) that is a rich progress bar
on stderr; in CI, or when stderr is piped or captured, it is one plain line
per item on stdout, ``<label>: 12/240 <item>``, the line a log keeps (stderr
stays for problems, one ``path:line: ...`` line each). ``progress(label,
total)`` is the same as a context manager, for loops that are not a plain
iteration: call ``step(item)`` as each item starts.
"""

import contextlib
import os
import sys

from eroi.problems import one_line


def interactive(stream=None):
    """True when progress should be a bar: ``stream`` (stderr) is a terminal
    and this is not a CI run."""
    stream = sys.stderr if stream is None else stream
    if os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


class PlainLines:
    """One line per item: ``label: n/total item``, on stdout."""

    def __init__(self, label, total, stream=None):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream

    def step(self, item=""):
        self.done += 1
        total = f"/{self.total}" if self.total is not None else ""
        text = f"{self.label}: {self.done}{total}"
        stream = self.stream or sys.stdout  # the stdout of the moment
        stream.write(one_line(f"{text} {item}".rstrip()) + "\n")
        stream.flush()


class Bar:
    """A rich progress bar on stderr; lines printed meanwhile go above it."""

    def __init__(self, label, total, stream=None):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        stream = stream or sys.stderr
        self.label, self.started = label, False
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[item]}", markup=False),  # URLs, titles
            console=Console(file=stream),
            # stdout lines move above the bar only when they share its terminal
            redirect_stdout=interactive(sys.stdout),
            redirect_stderr=True,
        )
        self.task = self.progress.add_task(label, total=total, item="")

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc):
        if self.started:
            self.progress.advance(self.task)
        self.progress.stop()

    def step(self, item=""):
        if self.started:
            self.progress.advance(self.task)
        self.started = True
        self.progress.update(self.task, item=one_line(str(item)))


@contextlib.contextmanager
def progress(label, total=None, *, stream=None):
    """A context manager giving an object whose ``step(item)`` marks the start
    of the next item; a bar or plain lines, whichever fits (``interactive``)."""
    if total != 0 and interactive(stream):  # nothing to do: no bar
        with Bar(label, total, stream) as bar:
            yield bar
    else:
        yield PlainLines(label, total)


def track(items, label, *, total=None, describe=str, stream=None):
    """Yield ``items``, showing ``describe(item)`` as each one starts."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)
    with progress(label, total, stream=stream) as shown:
        for item in items:
            shown.step(describe(item))
            yield item

"""Progress of a long command: a bar on a terminal, plain lines anywhere else.

``track(items, label)`` yields the items. When stderr is a terminal (and
``CI`` is not set) a rich bar on stderr shows how far along they are;
otherwise each item is one plain line on stdout, ``<label>: 12/240 <item>``,
the line a log keeps (stderr stays for problems, one line each).
"""

import os
import sys

from eroi.problems import one_line


def interactive(stream):
    """True when ``stream`` is a terminal and this is not a CI run."""
    try:
        return not os.environ.get("CI") and stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def track(items, label, *, total=None, describe=str, stream=None):
    """Yield ``items``, showing ``describe(item)`` as each one starts."""
    stream = sys.stderr if stream is None else stream
    items = list(items) if total is None else items
    total = len(items) if total is None else total
    if not interactive(stream):
        for done, item in enumerate(items, start=1):
            sys.stdout.write(one_line(f"{label}: {done}/{total} {describe(item)}"))
            sys.stdout.write("\n")
            sys.stdout.flush()
            yield item
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[item]}", markup=False),  # URLs, titles: text
    )
    with Progress(*columns, console=Console(file=stream)) as bar:
        task = bar.add_task(label, total=total, item="")
        for item in items:
            bar.update(task, item=one_line(str(describe(item))))
            yield item
            bar.advance(task)

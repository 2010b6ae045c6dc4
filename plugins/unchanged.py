"""Whether a build would write exactly what the output folder already holds.

A build's output depends only on its inputs: the files of the content, the
theme and the code (this package and the project's settings and modules),
the settings as read, the installed packages and Python, a few environment
variables, and the clock (a talk whose date comes is no longer upcoming, a
future date is capped at the build's time). ``inputs(settings)`` digests all
of them but the clock.

After a good build (no warning, no note), the runner ``record``s that digest
beside a digest of the output folder's listing (every file's path, size and
modification time) and the first moment after the build at which the clock
would change a page (``NEXT_CHANGE``, from the content's dates). A later
build asks ``unchanged``: the same inputs, the output folder exactly as the
build left it (no file added, removed or touched) and that moment not come.
Then there is nothing to write, and the runner keeps the output as it is.

Anything it cannot digest for sure (a setting whose value has no stable
text, a symbolic link in the content, a date without a time zone) means no
record, so the next build renders everything: a wrong guess can only cost
time, never a stale page.
"""

import contextlib
import hashlib
import json
import logging
import os
import stat
import sys
import sysconfig
from datetime import UTC, datetime
from pathlib import Path

import eroi
from eroi import run
from eroi.clock import build_time
from pelican import signals

logger = logging.getLogger(__name__)

FORMAT = 1
NEXT_CHANGE = "eroi.unchanged.next_change"  # run state: a datetime, None or False
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "TZ", "LANG", "LC_ALL", "LC_TIME")
SKIPPED = {"__pycache__", ".pytest_cache", ".ruff_cache"}


class Unknown(Exception):
    """An input without a stable digest: no build is reused."""


def inputs(settings, code=(), read=None):
    """A digest of everything a build reads but the clock: the settings as
    read (before the build adds to them) and ``files(settings, code)``
    (``read``, if already computed). Raises Unknown when one has no stable
    digest."""
    digest = hashlib.blake2b(digest_size=20)
    readable = {k: v for k, v in settings.items() if k.isidentifier()}
    try:
        text = json.dumps(readable, sort_keys=True, default=_plain)
    except (TypeError, ValueError) as exc:
        raise Unknown(f"settings: {exc}") from None
    digest.update(text.encode())
    digest.update((read or files(settings, code)).encode())
    return digest.hexdigest()


def files(settings, code=()):
    """A digest of what a build reads besides its settings: the files under
    PATH, THEME and the eroi package and ``code`` (other files the build
    runs, e.g. the settings files), the installed distributions, Python,
    ENVIRONMENT and Pagefind's own variables. The runner takes it again
    after the build: a file saved while it ran means no record."""
    digest = hashlib.blake2b(digest_size=20)
    try:
        for root in (settings["PATH"], settings["THEME"], Path(eroi.__file__).parent):
            _tree(digest, Path(root))
        for path in sorted(map(str, code)):
            _file(digest, Path(path), path)
        digest.update(repr(_distributions()).encode())
    except OSError as exc:  # a file gone or unreadable while it was read
        raise Unknown(f"{exc.filename}: {exc.strerror}") from None
    digest.update(sys.version.encode())
    environment = sorted(
        (name, value)
        for name, value in os.environ.items()
        if name in ENVIRONMENT or name.startswith("PAGEFIND_")
    )
    digest.update(repr(environment).encode())
    return digest.hexdigest()


def listing(folder):
    """A digest of every file under ``folder``: path, size, modification time."""
    digest = hashlib.blake2b(digest_size=20)
    count = 0
    for path, info in sorted(_walk(Path(folder))):
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
        count += 1
    return digest.hexdigest(), count


def record(settings, target, digest):
    """Write the record of a good build of ``digest`` into ``target``, if its
    moment of change is known (else drop any older record)."""
    path = _record_path(settings, target)
    next_change = run.current(settings).state.get(NEXT_CHANGE, False)
    if next_change is False:
        forget(settings, target)
        return
    try:
        output, files = listing(target)
    except Unknown:
        forget(settings, target)
        return
    kept = {
        "format": FORMAT,
        "inputs": digest,
        "output": output,
        "files": files,
        "next_change": next_change and next_change.isoformat(),
    }
    part = path.with_suffix(".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_text(json.dumps(kept), encoding="utf-8")
        part.replace(path)
    except OSError as exc:  # the build is good all the same
        logger.info("no record of this build: %s", exc)


def forget(settings, target):
    """Drop the record of ``target``: its next build renders everything."""
    with contextlib.suppress(OSError):
        _record_path(settings, target).unlink(missing_ok=True)


def unchanged(settings, target, digest, now=None):
    """How many files ``target`` holds, if the last good build into it had
    these inputs, left it as it is and the clock changes no page since;
    else None."""
    try:
        kept = json.loads(_record_path(settings, target).read_text(encoding="utf-8"))
        if kept["format"] != FORMAT or kept["inputs"] != digest:
            return None
        next_change = kept["next_change"]
        if next_change and (now or datetime.now(UTC)) >= datetime.fromisoformat(
            next_change
        ):
            return None
    except (OSError, ValueError, TypeError, KeyError):  # none, or not ours
        return None
    try:
        if listing(target) != (kept.get("output"), kept.get("files")):
            return None
    except Unknown:
        return None
    return kept["files"]


def note_next_change(generators):
    """all_generators_finalized: the first moment after the build at which a
    content date passes (a talk stops being upcoming, a future date stops
    being capped): None if none comes, or with a clock set by the settings;
    False if a date has no time zone."""
    settings = generators[0].settings
    state = run.current(settings).state
    if settings.get("TALKS_NOW") or os.environ.get("SOURCE_DATE_EPOCH"):
        state[NEXT_CHANGE] = None
        return
    now = build_time(settings)
    coming = []
    for item in generators[0].context.get("generated_content", {}).values():
        for name in ("date", "modified"):
            date = getattr(item, name, None)
            if not isinstance(date, datetime):
                continue
            if date.tzinfo is None:
                state[NEXT_CHANGE] = False
                return
            if date > now:
                coming.append(date)
    state[NEXT_CHANGE] = min(coming) if coming else None


signals.all_generators_finalized.connect(note_next_change)


def _plain(value):
    """JSON for a settings value that is not JSON already, if stable."""
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    if isinstance(value, datetime):
        return value.isoformat()
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    text = repr(value)
    if " at 0x" in text:  # an object known by its address: not the same twice
        raise TypeError(f"{type(value).__name__} has no stable text")
    return f"{type(value).__qualname__}:{text}"


def _tree(digest, root):
    for path in sorted(name for name, _ in _walk(root)):
        _file(digest, root / path, path)


def _file(digest, path, name):
    """Add a regular file's name and bytes. Anything else (a link, a pipe, a
    device: the content boundary refuses them) has no digest: opened without
    following a link and without waiting for a writer, it is never read."""
    digest.update(f"{name}\0".encode())
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        digest.update(b"\0missing")
        return
    except OSError as exc:  # a link (ELOOP), no permission ...
        raise Unknown(f"{path}: {exc.strerror}") from None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise Unknown(f"{path}: not a regular file")
        digest.update(hashlib.file_digest(stream, "blake2b").digest())


def _walk(root, prefix=""):
    """(relative path, lstat) of every file under ``root``, but caches."""
    try:
        entries = list(os.scandir(root))
    except FileNotFoundError:
        return
    except OSError as exc:  # a folder it may not read
        raise Unknown(f"{root}: {exc.strerror}") from None
    for entry in entries:
        if entry.name in SKIPPED:
            continue
        name = f"{prefix}{entry.name}"
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, f"{name}/")
            else:
                yield name, entry.stat(follow_symlinks=False)
        except OSError as exc:  # gone since the folder was read
            raise Unknown(f"{entry.path}: {exc.strerror}") from None


def _distributions():
    """The installed distributions, as their metadata folders name them
    (name and version): reading each one's metadata would take 50 ms."""
    names = []
    # The environment's own folders, not sys.path: Pelican adds to it while
    # it builds (its plugin paths, the working folder).
    paths = sysconfig.get_paths()
    for folder in sorted({paths["purelib"], paths["platlib"]}):
        try:
            names.extend(
                entry.name
                for entry in os.scandir(folder)
                if entry.name.endswith((".dist-info", ".egg-info"))
            )
        except OSError:  # not a folder, gone, not readable
            continue
    return sorted(names)


def _record_path(settings, target):
    name = hashlib.blake2b(str(Path(target).resolve()).encode(), digest_size=8)
    return Path(settings["CACHE_PATH"]) / "builds" / f"{name.hexdigest()}.json"

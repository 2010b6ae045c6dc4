"""Parsing of talk fields written by people: timestamps, durations, lists.

Pure functions; each raises ValueError with a message fit for a writer.
"""

import re

TIMESTAMP = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})$")


def parse_timestamp(value):
    """Seconds from ``H:MM:SS``, ``MM:SS`` or ``SS``."""
    match = TIMESTAMP.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a time like 1:05:30 or 12:30")
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    if (match.group(2) and seconds > 59) or (match.group(1) and minutes > 59):
        raise ValueError(f"{value!r} is not a time like 1:05:30 or 12:30")
    return hours * 3600 + minutes * 60 + seconds


def parse_duration(value):
    """Seconds from ``1:05:30``, ``45:00``, ``90 min``, ``1h 30m`` or ``PT1H30M``."""
    text = value.strip().lower().replace(" ", "")
    iso = re.match(r"^pt(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$", text)
    human = re.match(r"^(?:(\d+)(?:h|ore|ora))?(?:(\d+)(?:m|min|minuti))?$", text)
    if ":" in text:
        seconds = parse_timestamp(text)
    elif iso and any(iso.groups()):
        hours, minutes, secs = (int(g or 0) for g in iso.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    elif human and any(human.groups()):
        hours, minutes = (int(g or 0) for g in human.groups())
        seconds = hours * 3600 + minutes * 60
    elif text.isdigit():
        seconds = int(text) * 60
    else:
        raise ValueError(f"{value!r} is not a duration like 1:30:00 or 90 min")
    if seconds <= 0:
        raise ValueError(f"{value!r} is not a positive duration")
    return seconds


def format_duration(seconds):
    """Italian, short: "1 h 05 min", "45 min"."""
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def format_timestamp(seconds):
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def split_list(value):
    """``"a, b; c"`` or a list → ``["a", "b", "c"]`` without empty items."""
    items = value if isinstance(value, list | tuple) else re.split(r"[,;]", value or "")
    return [item.strip() for item in items if item and item.strip()]

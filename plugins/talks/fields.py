"""Talk values shown to readers: durations and moments, in Italian.

Parsing of what writers type lives in the content model
(eroi.content_model.parsers); it is re-exported here for the talks' modules.
"""

from eroi.content_model.parsers import duration, split_list, timestamp

__all__ = [
    "format_duration",
    "format_timestamp",
    "parse_duration",
    "parse_timestamp",
    "split_list",
]

parse_timestamp = timestamp


def parse_duration(value):
    """Seconds from ``1:05:30``, ``45:00``, ``90 min``, ``1h 30m`` or ``PT1H30M``."""
    return duration(value)


def format_duration(seconds):
    """Italian, short: "1 h 05 min", "45 min"."""
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def format_timestamp(seconds):
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"

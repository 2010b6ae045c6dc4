"""Plugin settings: each plugin declares its defaults once, in one place.

``declare(__name__, DEFAULTS, prefixes)`` in a plugin's ``register()``: when
Pelican starts, every setting the plugin's prefixes cover but its defaults do
not name is reported as a warning (fatal in production builds), with the
closest known name; a setting of another kind than its default (a text for a
list...) is too; and every default the site did not set is filled in. A
default may be ``Derived(function of the settings)``.
"""

import copy
import difflib
import logging

from pelican import signals

logger = logging.getLogger(__name__)

# What each plugin declared at import: fixed for the process, not run state.
_declared = {}


class Derived:
    """A default computed from the other settings, e.g. a path under CACHE_PATH."""

    def __init__(self, compute):
        self.compute = compute


def declare(plugin, defaults, prefixes, also=()):
    """Record ``plugin``'s ``defaults``; ``also``: settings of Pelican's own (or
    the site's) that start with one of its ``prefixes``."""
    _declared[plugin] = (defaults, tuple(prefixes), frozenset(also))
    signals.initialized.connect(apply_declared)


def apply_declared(pelican):
    """initialized: report misspelt settings of the enabled plugins, fill defaults."""
    settings = pelican.settings
    enabled = {getattr(p, "__name__", p) for p in settings.get("PLUGINS") or ()}
    for plugin, (defaults, prefixes, also) in sorted(_declared.items()):
        if plugin not in enabled:
            continue
        for key in sorted(settings):
            if key.startswith(prefixes) and key not in defaults and key not in also:
                close = difflib.get_close_matches(key, defaults, n=1)
                logger.warning(
                    "%s: unknown setting %s (%s)",
                    plugin.removeprefix("eroi."),
                    key,
                    f"did you mean {close[0]}?" if close else "typo?",
                )
        for key, value in defaults.items():
            if key not in settings:
                settings[key] = (
                    value.compute(settings)
                    if isinstance(value, Derived)
                    else copy.deepcopy(value)
                )
            elif not of_its_kind(settings[key], value):
                logger.warning(
                    "%s: setting %s is %s, not %s like its default",
                    plugin.removeprefix("eroi."),
                    key,
                    type(settings[key]).__name__,
                    type(value).__name__,
                )


def of_its_kind(value, default):
    """A setting's value is of its default's kind (a text, a number, a list...);
    a default of None or Derived says nothing."""
    if default is None or isinstance(default, Derived) or value is None:
        return True
    if isinstance(default, list | tuple):
        return isinstance(value, list | tuple)
    return isinstance(value, type(default))


def site_url(settings):
    """The site's absolute address for what is read outside it (feeds,
    calendars, share data, open data): FEED_DOMAIN, else SITEURL, without
    its last slash; empty when the site has none."""
    return (settings.get("FEED_DOMAIN") or settings["SITEURL"] or "").rstrip("/")

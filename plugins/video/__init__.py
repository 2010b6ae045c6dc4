"""Videos on the site: YouTube ids and URLs, and embeds that load nothing remote.

- youtube.py: any YouTube id or URL form → video id + start time (used by talks).
- embeds.py: YouTube iframes in content bodies become links at build time.
"""

import os

from pelican import signals

from .embeds import rewrite_embeds


def rewrite_content(content):
    """content_object_init: rewrite the body of every article, page and talk."""
    if getattr(content, "_content", None):
        source = os.path.relpath(content.source_path) if content.source_path else ""
        content._content = rewrite_embeds(content._content, source)


def register():
    signals.content_object_init.connect(rewrite_content)

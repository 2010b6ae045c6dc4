"""The edit URL of a content file on the repository host."""

from urllib.parse import quote, urlsplit


def source_of(item):
    """The content object read from ``item``'s file: the item itself (an
    article, page or talk), or the file behind it (a speaker's ``source``)."""
    if getattr(item, "relative_source_path", None):
        return item
    return getattr(item, "source", None)


def edit_url(settings, item):
    """The address that opens ``item``'s source file in the host's editor, or
    None without REPOSITORY_URL or a source file."""
    repository = (settings.get("REPOSITORY_URL") or "").rstrip("/")
    source = source_of(item)
    if not repository or source is None:
        return None
    relative = source.relative_source_path.replace("\\", "/")
    folder = (settings["REPOSITORY_CONTENT_PATH"] or "").strip("/")
    path = f"{folder}/{relative}" if folder else relative
    return settings["REPOSITORY_EDIT_URL"].format(
        repository=repository,
        branch=quote(settings["REPOSITORY_BRANCH"], safe="/"),
        path=quote(path, safe="/"),
    )


def edit_host(settings):
    """The host's name as readers know it: ``github.com``."""
    return urlsplit(settings.get("REPOSITORY_URL") or "").hostname or ""

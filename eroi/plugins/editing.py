"""Edit links: "Modifica questa pagina" on every article, talk, speaker and page.

The link opens the page's source file in the repository host's editor:
REPOSITORY_EDIT_URL filled with REPOSITORY_URL, REPOSITORY_BRANCH and the
file's path in the repository (REPOSITORY_CONTENT_PATH, the content folder,
then the file's path inside it). Without REPOSITORY_URL (the default) no page
has the link: publishconf.py sets it from GitHub Actions' environment, never
from a guess. Templates ask ``edit_url(item)`` (theme/templates/partials/
edit_link.html); the host's name goes beside the link.
"""

from functools import partial
from urllib.parse import quote, urlsplit

from pelican import signals

from eroi.settings import declare

DEFAULTS = {
    "REPOSITORY_URL": None,  # e.g. https://github.com/owner/name
    "REPOSITORY_BRANCH": "main",
    # Where pelicanconf.py's PATH is in the repository.
    "REPOSITORY_CONTENT_PATH": "content",
    # GitHub's form; GitLab's is "{repository}/-/edit/{branch}/{path}".
    "REPOSITORY_EDIT_URL": "{repository}/edit/{branch}/{path}",
}


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


def add_template_functions(generator):
    generator.env.globals["edit_url"] = partial(edit_url, generator.settings)
    generator.env.globals["edit_host"] = partial(edit_host, generator.settings)


def register():
    declare(__name__, DEFAULTS, ("REPOSITORY_",))
    signals.generator_init.connect(add_template_functions)

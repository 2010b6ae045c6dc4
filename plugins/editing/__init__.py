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

from eroi.settings import declare
from pelican import signals

from .links import edit_host, edit_url

DEFAULTS = {
    "REPOSITORY_URL": None,  # e.g. https://github.com/owner/name
    "REPOSITORY_BRANCH": "main",
    # Where pelicanconf.py's PATH is in the repository.
    "REPOSITORY_CONTENT_PATH": "content",
    # GitHub's form; GitLab's is "{repository}/-/edit/{branch}/{path}".
    "REPOSITORY_EDIT_URL": "{repository}/edit/{branch}/{path}",
}


def add_template_functions(generator):
    generator.env.globals["edit_url"] = partial(edit_url, generator.settings)
    generator.env.globals["edit_host"] = partial(edit_host, generator.settings)


def register():
    declare(__name__, DEFAULTS, ("REPOSITORY_",))
    signals.generator_init.connect(add_template_functions)

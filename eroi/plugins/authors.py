"""Author profiles: role and bio of the blog's authors, from content/authors/*.md.

Each Markdown file has a ``Name`` (as written in the articles' ``Author``), an
optional ``Role`` and the bio as body. Templates find them in the context as
``author_profiles[author.slug]``: the author page and the box under each article.
"""

import logging
import os

from pelican import signals
from pelican.contents import Content, SkipStub
from pelican.urlwrappers import Author

from eroi import run
from eroi.messages import _
from eroi.problems import problem
from eroi.settings import declare

logger = logging.getLogger(__name__)


class AuthorProfile(Content):
    mandatory_properties = ()
    # A bio is shown as soon as the file exists: no draft to leak.
    allowed_statuses = ("published",)
    default_status = "published"


def read_profiles(generator):
    """Read every profile file into ``context["author_profiles"]``, keyed by slug.

    A profile's fields were checked as it was read (the content model: Name
    is required); a refused file is left out, its problems reported.
    """
    settings = generator.settings
    profiles = {}
    for path in sorted(generator.get_files(settings["AUTHOR_PROFILE_PATHS"])):
        profile = generator.readers.read_file(
            base_path=generator.path,
            path=path,
            content_class=AuthorProfile,
            context=generator.context,
        )
        if isinstance(profile, SkipStub):  # refused: its problems are reported
            continue
        author = Author(profile.metadata["name"], settings)
        if not author.slug:
            source = os.path.join(generator.path, path)
            run.problems(settings).add(
                source,
                problem(
                    source,
                    "name",
                    _("'{title}' gives no URL").format(title=author.name[:40]),
                    _("write the name with letters, as in the articles' Author"),
                ),
            )
            continue
        profiles[author.slug] = profile
    generator.context["author_profiles"] = profiles
    logger.debug("author_profiles: %d profiles read", len(profiles))


def register():
    declare(__name__, {"AUTHOR_PROFILE_PATHS": ["authors"]}, ("AUTHOR_PROFILE",))
    signals.article_generator_finalized.connect(read_profiles)

"""Author profiles: role and bio of the blog's authors, from content/authors/*.md.

Each Markdown file has a ``Name`` (as written in the articles' ``Author``), an
optional ``Role`` and the bio as body. Templates find them in the context as
``author_profiles[author.slug]``: the author page and the box under each article.
"""

import logging

from eroi.content_checks.problems import ContentError, missing, shown_path
from pelican import signals
from pelican.contents import Content, SkipStub
from pelican.urlwrappers import Author

logger = logging.getLogger(__name__)


class AuthorProfile(Content):
    mandatory_properties = ()
    # A bio is shown as soon as the file exists: no draft to leak.
    allowed_statuses = ("published",)
    default_status = "published"


def read_profiles(generator):
    """Read every profile file into ``context["author_profiles"]``, keyed by slug."""
    settings = generator.settings
    profiles, problems = {}, []
    for path in sorted(generator.get_files(settings.get("AUTHOR_PROFILE_PATHS", []))):
        profile = generator.readers.read_file(
            base_path=generator.path,
            path=path,
            content_class=AuthorProfile,
            context=generator.context,
        )
        if isinstance(profile, SkipStub):  # refused: its problems are reported
            continue
        name = profile.metadata.get("name", "").strip()
        if not name:
            problems.append(
                missing(shown_path(generator.path, path), "name", "Name: Nome Cognome")
            )
            continue
        profile.name = name
        profiles[Author(name, settings).slug] = profile
    if problems:
        raise ContentError(problems)
    generator.context["author_profiles"] = profiles
    logger.debug("author_profiles: %d profiles read", len(profiles))


def register():
    signals.article_generator_finalized.connect(read_profiles)

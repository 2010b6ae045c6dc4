"""ContributeGenerator: writes the contributors' page, /contribuisci/.

In the second phase, once the talks plugin has filled the context with the
published talks and the speakers, it lists their gaps (gaps.py) with
theme/templates/contribute.html. The link to propose a topic for a future
session is a GitHub issue form of the repository, given only when the site
names its repository (``REPOSITORY_URL``).
"""

from pelican.generators import Generator

from eroi.plugins.contributing.gaps import gaps_in

PROPOSAL_FORM = "proposta-videoconferenza.yml"
PROPOSAL_LABEL = "proposta"


def proposal_links(repository_url):
    """``(new proposal URL, open proposals URL)`` of a repository, or Nones."""
    if not repository_url:
        return None, None
    base = str(repository_url).strip().rstrip("/").removesuffix(".git")
    return (
        f"{base}/issues/new?template={PROPOSAL_FORM}",
        f"{base}/issues?q=is%3Aissue+is%3Aopen+label%3A{PROPOSAL_LABEL}",
    )


class ContributeGenerator(Generator):
    def generate_context(self):
        pass  # the talks and speakers are the talks plugin's

    def generate_output(self, writer):
        settings = self.settings
        if not settings.get("CONTRIBUTE_SAVE_AS"):
            return
        found = gaps_in(self.context, settings)
        propose, proposals = proposal_links(settings.get("REPOSITORY_URL"))
        writer.write_file(
            settings["CONTRIBUTE_SAVE_AS"],
            self.get_template("contribute"),
            self.context,
            relative_urls=settings["RELATIVE_URLS"],
            url=settings["CONTRIBUTE_URL"],
            gaps=found,
            propose_url=propose,
            proposals_url=proposals,
        )


def contribute_generator(_pelican):
    return ContributeGenerator

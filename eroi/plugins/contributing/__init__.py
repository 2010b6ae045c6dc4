"""The contributors' page: what the archive lacks, and how to add it.

``/contribuisci/`` ("Cosa manca") lists what each published talk and each
speaker lacks (a video, a transcript, chapters, slides, a description, tags;
a bio, a photo, a company, a website) and the drafts that lack their
speakers, with why and who they may be (credits.py), each entry naming its
file, with the totals and how to fill each gap (gaps.py computes the list,
generator.py writes the page, at most CONTRIBUTE_LIST_MOST files a gap).
`invoke check --todo` prints the whole list.
A proposal for a future session is a GitHub issue form
(.github/ISSUE_TEMPLATE/proposta-videoconferenza.yml), linked when the site
sets REPOSITORY_URL. Settings below are defaults; pelicanconf.py may
override any (an empty CONTRIBUTE_SAVE_AS writes no page).
"""

from pelican import signals

from eroi.plugins.contributing.gaps import Gap, Gaps, Need, find_gaps
from eroi.plugins.contributing.generator import (
    ContributeGenerator,
    contribute_generator,
)
from eroi.settings import declare

__all__ = ["ContributeGenerator", "Gap", "Gaps", "Need", "find_gaps"]

DEFAULTS = {
    "CONTRIBUTE_URL": "contribuisci/",
    "CONTRIBUTE_SAVE_AS": "contribuisci/index.html",
    # The files listed for each gap on the page (all of them: 0); `invoke
    # check --todo` prints every one.
    "CONTRIBUTE_LIST_MOST": 25,
}


def register():
    declare(__name__, DEFAULTS, ("CONTRIBUTE_",))
    signals.get_generators.connect(contribute_generator)

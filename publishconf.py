"""Production settings: `invoke publish` (what CI deploys) and `invoke preview`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address comes from the deployment (GitHub Pages' configure step in
# CI, or the environment): never a guessed domain. `invoke publish` refuses to
# run without it.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL

# Drafts (Status: draft) are never written: not a page, not in the search
# index. `invoke build` and `invoke livereload` show them under /bozze/.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

DELETE_OUTPUT_DIRECTORY = True

# Only the public site tells search engines about its pages.
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"

# "Modifica questa pagina" (plugins/editing) links to the repository that GitHub
# Actions is building, as its environment names it; without it, no page has
# the link (never a guessed address).
if os.environ.get("GITHUB_SERVER_URL") and os.environ.get("GITHUB_REPOSITORY"):
    REPOSITORY_URL = (
        os.environ["GITHUB_SERVER_URL"].rstrip("/")
        + "/"
        + os.environ["GITHUB_REPOSITORY"]
    )

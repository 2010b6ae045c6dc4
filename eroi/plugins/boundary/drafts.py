"""Drafts stay private: nothing only a draft uses is published, no page links one.

- A published page that links a draft (``{filename}``) would send its readers
  to a page the published site does not have, and spell out the draft's
  address: a problem naming both files, in every build (``invoke check`` is
  what ``invoke publish`` will say).
- A build that does not write drafts (production: DRAFT_SAVE_AS and
  DRAFT_PAGE_SAVE_AS empty; talk drafts are never written) does not publish
  the files that only drafts use either: their pictures, the thumbnail of a
  draft talk's video.
"""

from eroi.messages import _
from eroi.model.links import intrasite_path
from eroi.model.youtube import thumbnail_path
from eroi.problems import problem, shown_path, text_line


def uses(content):
    """The files (relative to content/) ``content`` shows or links."""
    found = {
        intrasite_path(url, content.relative_dir)
        for _element, _attribute, url in getattr(content, "references", ())
    }
    found |= {
        thumbnail_path(url)
        for element, attribute, url in getattr(content, "references", ())
        if (element, attribute) == ("iframe", "youtube")
    }
    if getattr(content, "youtube", None):
        found.add(content.youtube.thumbnail)
    if getattr(content, "avatar", None):
        found.add(intrasite_path("{static}" + content.avatar, ""))
    found.discard(None)
    return found


def links_to_drafts(context):
    """A problem for each ``{filename}`` link of a published page to a draft."""
    contents = context["generated_content"]
    found = []
    for content in list(contents.values()):
        if getattr(content, "status", "published") == "draft":
            continue
        for _element, _attribute, url in getattr(content, "references", ()):
            target = contents.get(intrasite_path(url, content.relative_dir) or "")
            if getattr(target, "status", None) != "draft":
                continue
            found.append(
                problem(
                    content.source_path,
                    "link",
                    _(
                        "{url} links the draft {draft}, which the published site "
                        "does not have"
                    ).format(url=url, draft=shown_path(target.source_path)),
                    _(
                        "publish that page first (remove its 'Status: draft'), or "
                        "remove the link"
                    ),
                    line=text_line(content.source_path, url.split("}")[-1] or url),
                )
            )
    return found


def drafts_only(context, settings):
    """Leave out of this build the static files that only drafts use (when
    drafts are not written)."""
    if settings.get("DRAFT_SAVE_AS") or settings.get("DRAFT_PAGE_SAVE_AS"):
        return  # drafts are previewed: their files with them
    published, drafts = set(), set()
    for content in context["generated_content"].values():
        draft = getattr(content, "status", "published") == "draft"
        (drafts if draft else published).update(uses(content))
    for profile in context.get("author_profiles", {}).values():
        published.update(uses(profile))
    private = drafts - published
    if not private:
        return
    staticfiles = context.get("staticfiles", [])
    staticfiles[:] = [s for s in staticfiles if s.relative_source_path not in private]
    for path in private:
        context["static_content"].pop(path, None)

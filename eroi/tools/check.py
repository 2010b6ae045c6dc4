"""`invoke check`: every content problem at once, without writing the site.

Runs Pelican's first phase and the checks across files, as every build does
(a run that only reads: eroi.run.READ_ONLY), so what a build refuses, check
says. The writers' tools read the archive the same way (``archive_sources``).
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from pelican import Pelican
from pelican.contents import Content

from eroi import run
from eroi.messages import _

CONTENT_SUFFIXES = {".md", ".markdown", ".mdown", ".rst", ".html", ".htm"}


@dataclass
class Report:
    problems: list
    notes: list
    counts: dict  # what was checked: {"articles": 2, ...}
    context: dict  # what phase one read (talks, speakers ...), e.g. for --todo

    @property
    def summary(self):
        total = sum(self.counts.values())
        checked = (
            _("{count} file checked: {folders}")
            if total == 1
            else _("{count} files checked: {folders}")
        ).format(
            count=total,
            folders=", ".join(f"{folder}/ {n}" for folder, n in self.counts.items()),
        )
        if not self.problems:
            return _("check: all good ({checked}).").format(checked=checked)
        count, files = len(self.problems), len({p.path for p in self.problems})
        problems = _("{count} problem") if count == 1 else _("{count} problems")
        in_files = _("{count} file") if files == 1 else _("{count} files")
        return _("check: {problems} in {files} ({checked}).").format(
            problems=problems.format(count=count),
            files=in_files.format(count=files),
            checked=checked,
        )


def read_site(settings):
    """Pelican's phase one (every generator reads its files, then the checks
    across files) and nothing else: ``(generators, context)``; the problems
    are the run's (``run.problems(generators[0].settings)``)."""
    settings = {**settings, run.READ_ONLY: True, run.REPORTED: True}
    with tempfile.TemporaryDirectory(prefix="check-") as scratch:
        settings["OUTPUT_PATH"] = scratch
        try:
            Pelican(settings).run()
        except run.ContentRead as done:
            generators = done.generators
    return generators, generators[0].context


def contents_of(context):
    """The content objects (articles, pages, talks ...) phase one read."""
    return [c for c in context["generated_content"].values() if isinstance(c, Content)]


def check_site(settings):
    """Every problem of the content in ``settings["PATH"]``: a Report."""
    content_path = settings["PATH"]
    generators, context = read_site(settings)
    found = run.problems(generators[0].settings)
    return Report(
        sorted(set(found.problems)),
        list(found.notes),
        count_files(content_path),
        context,
    )


def count_files(content_path):
    """``{"articles": 2, "talks": 1, ...}``: content files per top folder."""
    counts = {}
    for path in sorted(Path(content_path).rglob("*")):
        if path.suffix.lower() in CONTENT_SUFFIXES and path.is_file():
            folder = path.relative_to(content_path).parts[0]
            counts[folder] = counts.get(folder, 0) + 1
    return counts


def archive_sources(settings):
    """What the scaffolds and the playlist import need of the archive, read
    as the build reads it (so an RST talk, a long title or two namesake
    speakers give the same answers): the speakers (a SpeakerRegistry), the
    videos (``{id: file}``, drafts included) and the talk slugs."""
    generators, _context = read_site(settings)
    talks = next(g for g in generators if hasattr(g, "registry"))
    return SimpleNamespace(
        registry=talks.registry, videos=dict(talks.videos), slugs=set(talks.slugs)
    )

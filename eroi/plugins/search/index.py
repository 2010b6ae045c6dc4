"""Run Pagefind (the binary its PyPI package bundles) over a built site.

The command line indexes the whole folder in one go; the package's Python
API talks to the same binary as a service that it polls every 0.1 s, which
cost about twice as long for the same index.
"""

import gzip
import json
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from pagefind_bin import get_executable

BUNDLE = "pagefind"
# Pagefind writes its own ready-made interfaces too; /cerca/ uses the search
# API (pagefind.js) on the main thread with the site's markup, so these are
# left out of the published site.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
    "wasm.unknown.pagefind",
)


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why."""


def write_index(output_path, language, spoken=None, spoken_bundle=None):
    """Index the HTML pages under ``output_path``; return how many were indexed.

    The bundle replaces ``<output_path>/pagefind/``. Raises SearchIndexError
    when Pagefind fails or finds nothing to index (a theme without
    ``data-pagefind-body`` would publish a search that finds nothing).

    ``spoken``: a CSS selector of what was said (transcripts). A second
    bundle, ``<output_path>/<spoken_bundle>/``, holds only that, so that the
    first query never downloads the spoken words; the theme keeps them out of
    the main index (``data-pagefind-ignore="all"`` around them).
    """
    output = Path(output_path).resolve()
    pages = _run(output, output / BUNDLE, language, [])
    if not pages:
        raise SearchIndexError(
            f"Pagefind found no page to index in {output} "
            "(hint: the theme marks what to index with data-pagefind-body)"
        )
    write_words(output / BUNDLE)
    if spoken and spoken_bundle:  # none on a site without transcripts
        options = ["--root-selector", spoken]
        _run(output, output / spoken_bundle, language, options, may_be_empty=True)
    return pages


# What Pagefind says, with exit status 1, when no page has what it indexes.
NOTHING_TO_INDEX = "not able to build an index"


def _run(output, bundle, language, options, may_be_empty=False):
    """One Pagefind bundle of ``output`` into ``bundle``: its page count
    (``may_be_empty``: 0, and no bundle, when no page has what it indexes)."""
    shutil.rmtree(bundle, ignore_errors=True)
    command = [
        str(executable()),
        "--site",
        str(output),
        "--output-path",
        str(bundle),
        "--force-language",
        language,
        *options,
        "--quiet",
    ]
    # From an empty folder: Pagefind reads a pagefind.yml/.toml/.json found
    # in its working folder, and only these arguments may configure it.
    with tempfile.TemporaryDirectory(prefix="pagefind-") as empty:
        try:
            done = subprocess.run(
                command, cwd=empty, capture_output=True, text=True, check=False
            )
        except OSError as exc:
            raise SearchIndexError(f"Pagefind failed on {output}: {exc}") from exc
    said = " ".join((done.stderr or done.stdout).split())[-300:]
    if done.returncode != 0 and may_be_empty and NOTHING_TO_INDEX in said:
        shutil.rmtree(bundle, ignore_errors=True)
        return 0
    if done.returncode != 0:
        raise SearchIndexError(
            f"Pagefind failed on {output}: exit status {done.returncode}: {said}"
        )
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    # A fragment per indexed page (those with data-pagefind-body).
    return sum(1 for _ in (bundle / "fragment").glob("*.pf_fragment"))


# The words /cerca/ may offer for a query that finds nothing ("Forse
# cercavi ..."): the index's own, those of the most pages first.
WORDS = "parole.json"
MOST_WORDS = 5000
WORD = re.compile(r"[^\W\d_]{4,}")
# A fragment is a page's indexed text, as Pagefind keeps it: gzip of this
# signature and a JSON object with the page's "content".
FRAGMENT = b"pagefind_dcd"


def write_words(bundle):
    """``<bundle>/parole.json``: the words of the pages the bundle indexed
    (four letters or more), by how many pages hold them."""
    pages = Counter()
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT)
        text = json.loads(data)["content"].lower()
        pages.update(set(WORD.findall(text)))
    words = sorted(pages, key=lambda word: (-pages[word], word))[:MOST_WORDS]
    (bundle / WORDS).write_text(json.dumps(words, ensure_ascii=False), "utf-8")


def executable():
    """The Pagefind binary of the pagefind-bin package."""
    return get_executable()

"""Run Pagefind (its PyPI package and bundled binary) over a built site."""

import asyncio
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import PagefindIndex

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


def write_index(output_path, language):
    """Index the HTML pages under ``output_path``; return how many were indexed.

    The bundle replaces ``<output_path>/pagefind/``. Raises SearchIndexError
    when Pagefind fails or finds nothing to index (a theme without
    ``data-pagefind-body`` would publish a search that finds nothing).
    """
    output = Path(output_path).resolve()
    bundle = output / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        # In a thread of its own: the caller may be running an event loop
        # (livereload's server, Playwright in the tests).
        with ThreadPoolExecutor(max_workers=1) as worker:
            job = worker.submit(asyncio.run, _index(output, bundle, language))
            pages = job.result()
    except Exception as exc:  # the service's errors carry no common base class
        raise SearchIndexError(f"Pagefind failed on {output}: {exc}") from exc
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    if not pages:
        raise SearchIndexError(
            f"Pagefind found no page to index in {output} "
            "(hint: the theme marks what to index with data-pagefind-body)"
        )
    return pages


async def _index(output, bundle, language):
    config = {
        "force_language": language,
        "output_path": str(bundle),
        "verbose": False,
    }
    # One request for the whole folder: the Python service answers one
    # request per 0.1 s, so a page at a time would cost minutes at 5 000 pages.
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(output))
    # A fragment per indexed page (those with data-pagefind-body).
    return sum(1 for _ in (bundle / "fragment").glob("*.pf_fragment"))

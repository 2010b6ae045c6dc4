"""axe-core in the browser tests: the npm package pinned in package-lock.json.

``assert_no_violation(page, where)`` injects node_modules/axe-core/axe.min.js
into the loaded page and runs ``axe.run()`` on the whole document with the
rules axe-core enables by default (the WCAG 2.0-2.2 A and AA rules and its best
practices), reporting violations only; an assertion failure lists each
violation with its rule, impact, target selectors and failure summary.

The script is evaluated through the browser's debugging protocol, as a
``<script>`` tag would be refused by the pages' Content Security Policy
(script-src 'self'): into the page at hand the first time, and from then on
as an init script of the page's browser context, so every page the test
opens next has it without sending its 500 KB again.
"""

import functools
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LOCK = ROOT / "package-lock.json"
# What the pages are checked against: every rule enabled by default, as
# axe-playwright-python (which the tests used before) ran them.
OPTIONS = {"resultTypes": ["violations"]}


@functools.cache
def pinned_version():
    """The axe-core version pinned in package-lock.json."""
    packages = json.loads(LOCK.read_text(encoding="utf-8"))["packages"]
    return packages["node_modules/axe-core"]["version"]


@functools.cache
def axe_script():
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE_JS.relative_to(ROOT)}): "
            "run `npm ci --ignore-scripts` in the project's folder"
        )
    return AXE_JS.read_text(encoding="utf-8")


def inject(page):
    """Load axe-core into ``page`` (once per document, and into every document
    its context opens next); fail if it is stale."""
    context = page.context
    if not getattr(context, "axe_added", False):
        context.add_init_script(script=axe_script())
        context.axe_added = True
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    version, expected = page.evaluate("() => axe.version"), pinned_version()
    if version != expected:
        pytest.fail(
            f"node_modules has axe-core {version}, package-lock.json pins "
            f"{expected}: run `npm ci --ignore-scripts`"
        )


def violations(page, context=None):
    """axe-core's violations on ``page`` (the whole document unless ``context``)."""
    inject(page)
    return page.evaluate(
        "([context, options]) => axe.run(context ?? document, options)"
        ".then(results => results.violations)",
        [context, OPTIONS],
    )


def _selector(target):
    # A target is a list of selectors, one per frame or shadow root crossed.
    if isinstance(target, list):
        return " >> ".join(_selector(part) for part in target)
    return str(target)


def report(found):
    """A readable report of axe-core violations, for assertion messages."""
    lines = [f"axe-core found {len(found)} violation(s):"]
    for violation in found:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {_selector(node['target'])}")
            for summary in (node.get("failureSummary") or "").splitlines():
                lines.append(f"      {summary.strip()}")
    return "\n".join(lines)


def assert_no_violation(page, where=""):
    """Fail with axe-core's report if the page as it is now has any violation."""
    found = violations(page)
    assert found == [], f"{where}: {report(found)}" if where else report(found)

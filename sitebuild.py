"""Run Pelican in-process: the one build path shared by tasks.py and the tests.

A build writes into a fresh folder beside the output folder and swaps it in
only when Pelican finished without an error (or, with ``fatal="warnings"``,
without a warning), so a failed build leaves the published output exactly as
it was and never prints a traceback for bad content. Content problems are
printed by the content_checks plugin, one line each, as in `pelican content`.
"""

import logging
import shutil
import tempfile
from pathlib import Path

from eroi.content_checks.problems import ContentError
from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent
DEV_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"

logger = logging.getLogger(__name__)


class BuildError(Exception):
    """The build failed; the message says why. The previous output is intact.

    ``problems`` holds the content problems (already printed), if that was why.
    """

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


def load_settings(settings_file=DEV_SETTINGS, **overrides):
    """Read a settings file of this project, with ``overrides`` applied last."""
    return read_settings(str(ROOT / settings_file), override=overrides)


def build(settings_file=DEV_SETTINGS, *, fatal="errors", debug=False, **overrides):
    """Build the site with ``settings_file``; return the output folder.

    ``fatal`` is "errors" or "warnings": the lowest log level that fails the
    build. ``overrides`` replace settings (e.g. ``OUTPUT_PATH`` in the tests).
    Raises BuildError, with the previous output untouched, when the build fails.
    """
    init_logging(
        level=logging.INFO if debug else logging.WARNING,
        fatal=fatal,
        handler=_plain_handler(),
    )
    settings = load_settings(settings_file, **overrides)
    target = Path(settings["OUTPUT_PATH"])
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    settings["OUTPUT_PATH"] = str(staging)
    try:
        Pelican(settings).run()
    except ContentError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError("", exc.problems) from None
    except Exception as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if debug:
            raise
        raise BuildError(_explain(exc, target)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, target)
    return target


def _plain_handler():
    """Pelican's own messages, one line each (`LEVEL: message`), never wrapped."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    return handler


def _explain(exc, target):
    if isinstance(exc, RuntimeError) and str(exc) == "Warning or error encountered":
        # Pelican's fatal logger: the message itself was logged just above.
        reason = "the problem reported above. "
    else:
        reason = f"{type(exc).__name__}: {exc}. "
    return (
        f"build failed: {reason}{target} was left as it was "
        "(hint: fix the file named above and build again)"
    )


def _swap_in(staging, target):
    """Replace ``target`` with ``staging`` (two renames on the same filesystem)."""
    staging.chmod(0o755)
    retired = None
    if target.exists():
        retired = Path(
            tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent)
        )
        target.replace(retired / target.name)
    staging.replace(target)
    if retired is not None:
        shutil.rmtree(retired)

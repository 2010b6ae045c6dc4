"""Run Pelican in-process: the one build path shared by tasks.py and the tests.

A build writes into a fresh folder beside the output folder and swaps it in
only when Pelican finished without an error (or, with ``fatal="warnings"``,
without a warning), so a failed build leaves the published output exactly as
it was and never prints a traceback for bad content. The runner prints a
failed build's problems (one line each, as `pelican content` does) or its
reason, once; callers only choose the exit status.
"""

import contextlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

from eroi import run
from eroi.messages import _
from eroi.problems import (
    ContentError,
    one_line,
    report,
    report_line,
)

DEV_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"

logger = logging.getLogger(__name__)


class BuildError(Exception):
    """The build failed, and the runner has printed why; the previous output
    is intact. ``problems``: the content problems, if that was why; otherwise
    ``reason`` says what failed. ``exit_status``: what a command exits with."""

    exit_status = 1

    def __init__(self, problems=(), reason=None):
        super().__init__(reason or f"{len(problems)} content problems")
        self.problems = list(problems)
        self.reason = reason


def load_settings(settings_file=DEV_SETTINGS, **overrides):
    """Read a settings file of this project, with ``overrides`` applied last."""
    path = os.path.abspath(settings_file)
    if not os.path.isfile(path):  # Pelican would build with its defaults
        raise FileNotFoundError(f"no settings file {path}")
    return read_settings(path, override=overrides)


@dataclass(frozen=True)
class Built:
    """A good build: its settings (and so its run's state) and output folder."""

    settings: dict
    output: Path


class Runner:
    """Builds the site in-process, as often as asked (livereload rebuilds on
    every save). It owns the memory that outlives a run (eroi.run.Memory) and
    prints each build's problems, once. ``last`` is the last good build."""

    def __init__(self):
        self.memory = run.Memory()
        self.last = None
        # Held while the new output replaces the old (the writer's loop also
        # writes into the output folder, never at the same time).
        self.swap_lock = contextlib.nullcontext()

    def build(
        self,
        settings_file=DEV_SETTINGS,
        *,
        fatal="errors",
        debug=False,
        **overrides,
    ):
        """Build the site with ``settings_file``; return the output folder.

        ``fatal`` is "errors" or "warnings": the lowest log level that fails
        the build. ``overrides`` replace settings (e.g. ``OUTPUT_PATH``
        in the tests). Raises BuildError, with the previous output untouched
        and the reason printed, when the build fails.
        """
        init_logging(
            level=logging.INFO if debug else logging.WARNING,
            fatal=fatal,
            handler=_plain_handler(),
        )
        try:
            settings = load_settings(settings_file, **overrides)
        except Exception as exc:  # e.g. a settings file that does not run
            if debug:
                raise
            reason = one_line(
                _(
                    "build failed: {path}: {error} (hint: fix the settings file "
                    "and build again)"
                ).format(path=settings_file, error=f"{type(exc).__name__}: {exc}")
            )
            report_line(reason)
            raise BuildError(reason=reason) from None
        target = Path(settings["OUTPUT_PATH"])
        settings[run.MEMORY] = self.memory
        settings[run.REPORTED] = True
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent)
        )
        settings["OUTPUT_PATH"] = str(staging)
        try:
            Pelican(settings).run()
        except ContentError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            report(exc.problems, run.problems(settings).notes)
            raise BuildError(exc.problems) from None
        except Exception as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if debug:
                raise
            reason = _explain(exc, target)
            report_line(reason)
            raise BuildError(reason=reason) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        report((), run.problems(settings).notes)
        with self.swap_lock:
            _swap_in(staging, target)
            self.last = Built(settings, target)
        return target


def build(settings_file=DEV_SETTINGS, **options):
    """One build by a runner of its own: see ``Runner.build``."""
    return Runner().build(settings_file, **options)


def _plain_handler():
    """Pelican's own messages, one line each (`LEVEL: message`), never wrapped."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    return handler


def _explain(exc, target):
    if isinstance(exc, RuntimeError) and str(exc) == "Warning or error encountered":
        # Pelican's fatal logger: the message itself was logged just above.
        reason = _("the problem reported above")
    else:
        reason = f"{type(exc).__name__}: {exc}"
    return _(
        "build failed: {reason}. {output} was left as it was (hint: fix the file "
        "named above and build again)"
    ).format(reason=reason, output=target)


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

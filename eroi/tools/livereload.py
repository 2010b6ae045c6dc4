"""The writer's loop behind `invoke livereload`: a saved file on screen in a blink.

Pelican has no incremental build, so a save is handled in two steps:

1. **quick**: from the last good build, kept in memory (its generators, their
   context, and every call it made to the writer, recorded as it wrote), only
   what the change touches is read and written again, straight into the
   served folder. A content file is read again through Pelican's readers, and
   so through every plugin's checks, and its own page is rendered; a caption
   file renders its talk's page; a template renders the page the browser has
   open; a file of the theme's static folder is copied. The browser reloads
   at once. What the quick step cannot do alone (a file with a problem, a new
   or deleted file, a draft, a page's new URL, the lists and feeds a change
   also touches) is left to step 2.
2. **full**: a complete build (``runner.Runner``), in a thread of its own,
   into a staging folder swapped in when it succeeds; a change during it
   starts another. Once the loop settles, the served folder is a full build,
   byte for byte. A content problem is printed by the full build, once, and
   the last good site stays served.
"""

import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.writers import Writer

from eroi import run
from eroi.messages import _
from eroi.model.speakers import Speaker
from eroi.model.talks import Talk
from eroi.problems import report_line
from eroi.tools import runner

logger = logging.getLogger(__name__)

RECORD = "eroi.record"  # settings key: a build whose writes are recorded
CALLS = "devloop.calls"  # run state: {output file: the Call that wrote it}
GENERATORS = "devloop.generators"  # run state: the build's generators
CAPTIONS = (".vtt", ".srt")
SUBJECTS = ("article", "page", "talk", "speaker")


@dataclass
class Call:
    """One call a build made to ``Writer.write_file``, to make again: the
    files it wrote (one, or each page of a paginated list) all name it."""

    name: str  # the file asked for (a paginated list's first page)
    template: object  # a Jinja template
    context: dict
    args: tuple
    kwargs: dict

    def write(self, writer, fresh_template=False):
        template = self.template
        if fresh_template:  # the file may have changed: Jinja reloads it
            template = template.environment.get_template(template.name)
        writer.write_file(self.name, template, self.context, *self.args, **self.kwargs)


class RecordingWriter(Writer):
    """Pelican's writer, remembering each page's call in the run's state."""

    def write_file(self, name, template, context, *args, **kwargs):
        if not name:
            return super().write_file(name, template, context, *args, **kwargs)
        written = []

        def note(path, **_context):
            written.append(os.path.relpath(path, self.output_path))

        signals.content_written.connect(note)
        try:
            super().write_file(name, template, context, *args, **kwargs)
        finally:
            signals.content_written.disconnect(note)
        calls = run.current(self.settings).state.setdefault(CALLS, {})
        call = Call(name, template, context, args, kwargs)
        for page in written or [name]:
            calls[Path(page).as_posix()] = call


def recording_writer(pelican):
    """get_writer: record the writes of the loop's builds."""
    return RecordingWriter if pelican.settings.get(RECORD) else None


def remember_generators(generators):
    """all_generators_finalized: the loop's builds keep their generators."""
    settings = generators[0].settings
    if settings.get(RECORD):
        run.current(settings).state[GENERATORS] = generators


class Loop:
    """Builds once, then on each change: a quick render, then a full build.

    ``server`` (devserver.PreviewServer) is told to reload the open pages and
    says which page the browser has open.
    """

    def __init__(self, server, builder=None):
        # Only the loop's builds (RECORD in their settings) record and keep.
        signals.get_writer.connect(recording_writer)
        signals.all_generators_finalized.connect(remember_generators)
        self.server = server
        self.runner = builder or runner.Runner()
        self.lock = threading.Lock()  # a quick render or a swap, never both
        self.runner.swap_lock = self.lock
        self.wanted = threading.Event()  # a full build is due
        self.stopping = threading.Event()
        self.building = False
        self.full_builds = 0  # finished, good or not

    # The two steps -----------------------------------------------------------

    def build(self):
        """A full build (step 2); False when it failed (problems printed)."""
        start = time.perf_counter()
        try:
            self.runner.build(fatal="errors", **{RECORD: True})
        except runner.BuildError as exc:  # printed by the runner; shown on the page
            self.server.show_problems([str(p) for p in exc.problems] or [exc.reason])
            return False
        except Exception as exc:  # never the end of the loop: say it, go on
            reason = _("livereload: the build failed: {error}").format(
                error=f"{type(exc).__name__}: {exc}"
            )

            report_line(reason)
            self.server.show_problems([reason])
            return False
        self.server.show_problems([])
        logger.info("livereload: full build in %.2f s", time.perf_counter() - start)
        return True

    def quick(self, paths):
        """Step 1: render what ``paths`` touch from the last good build; the
        output files written (none if the change needs a full build)."""
        built = self.runner.last
        if built is None:
            return []
        with self.lock:
            return Quick(built).render([Path(p).resolve() for p in paths], self.server)

    # Threads -----------------------------------------------------------------

    def changed(self, paths):
        """A change seen by the watcher: quick render, reload, full build due."""
        start = time.perf_counter()
        try:
            written = self.quick(paths)
        except Exception:  # e.g. a file deleted while read: the full build says
            logger.debug("livereload: quick render skipped", exc_info=True)
            written = []
        if written:
            self.server.reload()
            logger.info(
                "livereload: %s in %.3f s",
                ", ".join(str(w) for w in written),
                time.perf_counter() - start,
            )
        self.wanted.set()

    def builder(self):
        """Full builds, one at a time, as long as changes keep coming."""
        while not self.stopping.is_set():
            if not self.wanted.wait(timeout=0.5):
                continue
            self.building = True  # before the change is taken: never "settled"
            self.wanted.clear()
            good = self.build()
            self.full_builds += 1
            self.building = False
            if good and not self.wanted.is_set():  # settled: show the full build
                self.server.reload_if_open_page_changed()

    def watch(self, paths):
        """Send every change under ``paths`` to ``changed`` (inotify, no polling:
        a change is seen 30 ms after the last write of a burst)."""
        from watchfiles import watch

        for changes in watch(
            *paths,
            stop_event=self.stopping,
            step=30,
            debounce=400,
            rust_timeout=500,
            yield_on_timeout=True,  # an empty set: the watcher is running
        ):
            self.watching.set()
            if changes:
                self.changed(sorted({path for _change, path in changes}))

    def start(self, paths):
        """The threads that watch ``paths`` and build; the first build first."""
        self.build()
        self.watching = threading.Event()
        for target, args in ((self.builder, ()), (self.watch, (paths,))):
            threading.Thread(target=target, args=args, daemon=True).start()
        self.watching.wait(timeout=10)

    def stop(self):
        self.stopping.set()

    def settled(self):
        """True once no change waits for its full build."""
        return not self.wanted.is_set() and not self.building


class Quick:
    """One quick render from a build kept in memory (``runner.Built``)."""

    def __init__(self, built):
        self.settings = built.settings
        self.output = Path(built.output)
        self.run = self.settings[run.RUN]
        self.calls = self.run.state.get(CALLS, {})
        self.generators = self.run.state.get(GENERATORS, [])
        self.content = Path(self.settings["PATH"]).resolve()
        self.theme = Path(self.settings["THEME"]).resolve()

    def render(self, paths, server):
        if not self.generators:
            return []
        # The files are read in a run of their own: its problems are its own
        # (the full build prints them); the build's state and memory are kept.
        reading = run.Run(self.run.memory)
        reading.state = self.run.state
        self.settings[run.RUN] = reading
        try:
            writes, copies = {}, []
            for path in paths:
                if path.is_relative_to(self.theme / "static"):
                    copies.append(path)
                elif path.is_relative_to(self.theme / "templates"):
                    page = server.open_page and str(server.open_page)
                    if page in self.calls:
                        writes[page] = (self.calls[page], True)
                elif path.is_relative_to(self.content):
                    for name, call in self._reread(path):
                        writes[name] = (call, False)
            if reading.problems.problems:
                return []  # the full build reports them
            written = [self._copy(path) for path in copies]
            writer = Writer(str(self.output), settings=self.settings)
            done = set()  # a list's pages are one call
            for name, (call, fresh) in writes.items():
                if id(call) not in done:
                    done.add(id(call))
                    call.write(writer, fresh_template=fresh)
                written.append(name)
            return [w for w in written if w]
        finally:
            self.settings[run.RUN] = self.run

    def _copy(self, path):
        if not path.is_file():
            return None
        relative = path.relative_to(self.theme / "static")
        target = self.output / self.settings["THEME_STATIC_DIR"] / relative
        if not target.parent.is_dir():
            return None
        shutil.copyfile(path, target)
        return str(target.relative_to(self.output))

    def _reread(self, path):
        """``(output file, Call)`` for each page of the content ``path`` changes."""
        generated = self.generators[0].context["generated_content"]
        if path.suffix.lower() in CAPTIONS:  # its talk's page
            path = self._owner_of_captions(path)
            if path is None:
                return []
        relative = path.relative_to(self.content).as_posix()
        old = generated.get(relative)
        if old is None or not path.is_file():
            return []  # a new or deleted file: the full build
        new = self._fresh(relative, old)
        if new is None:
            return []
        generated[relative] = new
        found, fresh = [], {}  # {id of a call: the call with ``new``}
        for name, call in list(self.calls.items()):
            subject = next((k for k in SUBJECTS if call.kwargs.get(k) is old), None)
            if subject is None:
                continue
            if subject != "speaker" and new.save_as != old.save_as:
                return []  # a new URL: the full build
            if id(call) not in fresh:
                kwargs = {**call.kwargs, subject: new}
                fresh[id(call)] = Call(
                    call.name, call.template, call.context, call.args, kwargs
                )
            self.calls[name] = fresh[id(call)]
            found.append((name, self.calls[name]))
        return found

    def _fresh(self, relative, old):
        """A new content object for ``relative``, read as its generator reads it."""
        talks = next((g for g in self.generators if hasattr(g, "reread_talk")), None)
        new = None
        if talks is not None and isinstance(old, Talk):
            new = talks.reread_talk(relative, old)
        elif talks is not None and isinstance(old, Speaker):
            new = talks.reread_speaker(relative, old)
        elif isinstance(old, Article | Page):
            new = self._reread_pelican(relative, old)
        return new

    def _reread_pelican(self, relative, old):
        kind = ArticlesGenerator if isinstance(old, Article) else PagesGenerator
        generator = next((g for g in self.generators if isinstance(g, kind)), None)
        if generator is None:
            return None
        signal_name = "article" if kind is ArticlesGenerator else "page"
        new = generator.readers.read_file(
            base_path=generator.path,
            path=relative,
            content_class=type(old),
            context=generator.context,
            preread_signal=getattr(signals, f"{signal_name}_generator_preread"),
            preread_sender=generator,
            context_signal=getattr(signals, f"{signal_name}_generator_context"),
            context_sender=generator,
        )
        if not isinstance(new, type(old)) or new.status != old.status:
            return None
        new.refresh_metadata_intersite_links()
        return new

    def _owner_of_captions(self, path):
        """The talk file a caption file sits beside (``<talk>.<lang>.vtt``)."""
        for candidate in sorted(path.parent.glob("*")):
            if candidate.suffix.lower() in CAPTIONS or candidate == path:
                continue
            if path.name.startswith(candidate.stem + "."):
                return candidate
        return None

"""The deferred writer: Pelican's writer, with each page's render put off.

Pelican's ``Writer.write_file`` computes the page's context (pagination
included), calls ``template.render(context)``, opens the output file through
``_open_w`` (which knows whether an earlier page overrides it) and writes.
Here the template is wrapped so that ``render`` only records the page, and
``_open_w`` only claims the file: Pelican's bookkeeping (``claim``), with
nothing opened, so a published page stays as it was until its new text
replaces it whole. A feed is handled the same way: its file is claimed at
once, its entries are made later. Other work that only writes files can be
put off with ``defer``. ``finish`` then does all of it (``workers.render``).
"""

import contextlib
import logging
import os

from eroi import run
from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .workers import render

logger = logging.getLogger(__name__)

STATE = "eroi.rendering"  # run state: this run's DeferredWriter


class Page:
    """One recorded render: what ``template.render`` was given, and where the
    text goes (``target``: None when an overriding page has the file; the
    page is still rendered, as Pelican renders it, for what it adds to the
    run).

    Pelican gives each page a copy of the generator's context with the
    page's own values on top. Pages recorded one after another share one
    copy (``base``, made again only when the context changed) and keep only
    what differs from it (``own``): a copy is about 150 entries, and a
    thousand of them weighed more than the rest of the recording."""

    __slots__ = ("base", "context", "own", "target", "template")

    def __init__(self, template, base, own, context):
        self.template = template
        self.base, self.own = base, own
        self.context = context  # the generator's, whose localsiteurl Pelican sets
        self.target = None

    @property
    def localcontext(self):
        """The page's context as Pelican made it (the same entries, in order)."""
        return {**self.base, **self.own} if self.base is not None else self.own

    def write(self):
        localcontext = self.localcontext
        if localcontext["localsiteurl"]:
            # Content objects read the page's site URL from the shared context.
            self.context["localsiteurl"] = localcontext["localsiteurl"]
        text = self.template.render(localcontext)
        if self.target is not None:
            with replacing(self.target) as stream:
                stream.write(text)


class Job:
    """Work put off (``DeferredWriter.defer``): a call that writes files, made
    with the site URL its context had when it was put off (content objects
    read it: a feed's summaries are made relative to it). ``target`` is None
    once the file it claimed went to an overriding write."""

    __slots__ = ("call", "context", "localsiteurl", "target")

    def __init__(self, call, context, target=True):
        self.call = call
        self.context = context
        self.localsiteurl = context.get("localsiteurl") if context else None
        self.target = target

    def write(self):
        if self.target is None:
            return
        if self.context is not None:
            self.context["localsiteurl"] = self.localsiteurl
        self.call()


@contextlib.contextmanager
def replacing(path, encoding="utf-8"):
    """A text file whose content replaces ``path`` once it is closed without
    an error (a rename): nobody ever reads half a page, and a failure leaves
    the published file as it was."""
    partial = f"{path}.{os.getpid()}.part"
    try:
        with open(partial, "w", encoding=encoding) as stream:
            yield stream
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


class _Recorded:
    """A template whose ``render`` records the page instead."""

    def __init__(self, writer, template, context):
        self.writer, self.template, self.context = writer, template, context

    def render(self, localcontext):
        base = self.writer.base(self.context)
        if base.keys() <= localcontext.keys():
            own = {k: v for k, v in localcontext.items() if base.get(k, _NONE) is not v}
        else:  # an entry was taken out: keep the page's context whole
            base, own = None, localcontext
        self.writer.pending.append(Page(self.template, base, own, self.context))
        return ""


_NONE = object()


class DeferredWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.pending = []
        self.claims = {}  # {file: the Page or Job that writes it}
        self._recording = False  # inside write_file: _open_w claims
        self._replaying = False  # inside finish: _open_w writes
        self._bases = {}  # {id(context): (context, its last copy)}
        run.current(settings).state[STATE] = self

    @staticmethod
    def current(settings):
        """This run's deferred writer, if the run has one."""
        this_run = settings.get(run.RUN)
        return this_run.state.get(STATE) if this_run is not None else None

    def defer(self, call, context=None):
        """Do ``call()`` (which writes files, and changes nothing else) later,
        with the pages, on any core; ``context``: the generator's, if the call
        reads content."""
        self._make_room()
        self.pending.append(Job(call, context))

    def base(self, context):
        """A copy of ``context`` as it is now: the last one made, if nothing
        in it changed since but the page's site URL (each page has its own)."""
        kept = self._bases.get(id(context))
        if kept is not None and kept[0] is context:
            base = kept[1]
            if len(base) == len(context) and all(
                base.get(k, _NONE) is v or k == "localsiteurl"
                for k, v in context.items()
            ):
                return base
        base = context.copy()
        self._bases[id(context)] = (context, base)
        return base

    def _make_room(self):
        """From RENDER_BATCH recorded pages, write them before recording more
        (each keeps its own entries, and the copies it shares, alive)."""
        if len(self.pending) >= self.settings["RENDER_BATCH"]:
            self.finish()

    def write_file(self, name, template, context, *args, **kwargs):
        self._make_room()
        recorded = _Recorded(self, template, context)
        self._recording = True
        try:
            return super().write_file(name, recorded, context, *args, **kwargs)
        finally:
            self._recording = False

    def write_feed(
        self,
        elements,
        context,
        path=None,
        url=None,
        feed_type="atom",
        override_output=False,
        feed_title=None,
    ):
        """Claim the feed's file now, as Pelican would; write it later. (Pelican
        returns the feed object; nothing in this site uses it.)"""
        options = (elements, context, path, url, feed_type, override_output, feed_title)
        receivers = signals.feed_generated.receivers or signals.feed_written.receivers
        if not path or receivers or self._replaying:
            return super().write_feed(*options)
        self._make_room()
        target = sanitised_join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if self.claim(target, override_output) is None:
            return None  # an overriding feed has the file
        write = super().write_feed
        self.pending.append(Job(lambda: write(*options), context, target))
        self.claims[target] = self.pending[-1]
        return None

    def claim(self, filename, override=False):
        """Pelican's ``_open_w`` (4.12) without opening the file: the same
        errors and log lines, and the same answer to who writes it: the file,
        or None when an overriding write has it (which also takes it from the
        write it overrides)."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)"
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return None
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)"
                )
            logger.info('Overwriting "%s"', filename)
            overridden = self.claims.get(filename)
            if overridden is not None:
                overridden.target = None
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename

    def _open_w(self, filename, encoding, override=False):
        if self._replaying:  # a feed, claimed when it was recorded
            return replacing(filename, encoding)
        if not self._recording:
            return super()._open_w(filename, encoding, override)
        page = self.pending[-1]
        page.target = self.claim(filename, override)
        if page.target is not None:
            self.claims[page.target] = page
        return contextlib.nullcontext(_Discard())

    def finish(self):
        """Render and write everything recorded so far (once each)."""
        tasks, self.pending = self.pending, []
        self.claims = {}  # a later overriding write now comes after these
        self._bases = {}
        if not tasks:
            return
        self._replaying = True
        try:
            render(tasks, self.settings)
        finally:
            self._replaying = False


class _Discard:
    def write(self, _text):
        pass

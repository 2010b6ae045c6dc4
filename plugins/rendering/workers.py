"""Render recorded pages on every core, in forked copies of the build.

Each worker is a fork of the build's process at the moment every page has
been recorded: it has every object a page needs, without pickling any, and
shares the build's memory until it writes to it. Worker k renders and writes
pages k, k + n, k + 2n ... (pages of one kind sit together, so each worker
gets some of every kind), and sends back, for each page, what the render
added to the run's objects (see ``gatherers``). The build's process merges
those in the pages' order, so the run ends as if it had rendered them itself.
It does not render in the meantime: what its own renders would add could not
be put in order with the workers'.
"""

import contextlib
import gc
import logging
import multiprocessing
import os
import pickle
import threading
import traceback

from eroi import run

logger = logging.getLogger(__name__)


def render(pages, settings):
    """Write ``pages`` (writer.Page, writer.Job), on every core when it pays."""
    contexts = {id(p.context): p.context for p in pages if p.context is not None}
    # After the pages, each shared context holds what the last one set.
    kept = {key: context["localsiteurl"] for key, context in contexts.items()}
    try:
        processes = _processes(settings, len(pages))
        if processes < 2:
            for page in pages:
                page.write()
        else:
            _render_forked(pages, processes, gatherers(settings))
    finally:
        for key, context in contexts.items():
            context["localsiteurl"] = kept[key]


def gatherers(settings):
    """The run's objects that rendering a page may add to: its problems and
    every object in its state that says how (render_mark, render_delta,
    render_merge)."""
    this_run = run.current(settings)
    found = [this_run.problems]
    found += [
        value for value in this_run.state.values() if hasattr(value, "render_mark")
    ]
    if settings.get(run.WARNINGS) is not None:  # a runner's count of warnings
        found.append(settings[run.WARNINGS])
    return found


def _processes(settings, count):
    wanted = settings["RENDER_PROCESSES"] or _cores()
    if count < max(settings["RENDER_PARALLEL_FROM"], 2):
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:  # a fork copies one thread: never safe
        return 1
    return min(wanted, count)


def _cores():
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _render_forked(pages, processes, found):
    context = multiprocessing.get_context("fork")
    workers = []
    gc.freeze()  # the collector would touch, and so copy, every shared object
    try:
        for share in range(processes):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(
                target=_worker,
                args=(pages, share, processes, found, send),
                name=f"render-{share}",
                daemon=True,
            )
            worker.start()
            send.close()
            workers.append((worker, receive))
        changes = {}
        for worker, receive in workers:
            changes.update(_result(worker, receive))
    finally:
        for worker, receive in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
            receive.close()
        gc.unfreeze()
    for index in sorted(changes):
        for gatherer, delta in zip(found, changes[index], strict=True):
            if delta:
                gatherer.render_merge(delta)
    logger.info("%d pages rendered in %d processes", len(pages), processes)


def _worker(pages, share, processes, found, send):
    """In a worker: render this share, send back {page index: deltas}."""
    index = share
    try:
        changes = {}
        for index in range(share, len(pages), processes):
            marks = [gatherer.render_mark() for gatherer in found]
            pages[index].write()
            deltas = [g.render_delta(m) for g, m in zip(found, marks, strict=True)]
            if any(deltas):
                changes[index] = deltas
        send.send(("done", changes))
    except BaseException as exc:  # the build's process raises it again
        where = f"while writing {getattr(pages[index], 'target', None)}"
        send.send(("failed", (_portable(exc), where, traceback.format_exc())))
    finally:
        send.close()


def _portable(exc):
    """``exc`` itself if it survives pickling whole, else a RuntimeError that
    says it (an exception whose arguments are not what it was built with does
    not come back as it was)."""
    with contextlib.suppress(Exception):
        copy = pickle.loads(pickle.dumps(exc))
        if type(copy) is type(exc) and str(copy) == str(exc):
            return copy
    return RuntimeError(f"{type(exc).__name__}: {exc}")


def _result(worker, receive):
    try:
        outcome, value = receive.recv()
    except EOFError:  # the worker died without a word (e.g. killed)
        worker.join()
        raise RuntimeError(
            f"a page renderer stopped with exit status {worker.exitcode}"
        ) from None
    if outcome == "failed":
        error, where, trace = value
        # The worker's traceback, for `--debug` and Pelican's own log.
        error.add_note(f"In a page renderer, {where}:\n{trace}")
        raise error
    return value

"""The writers' preview server: the built site, reloaded in the browser on a change.

A threaded HTTP server (the standard library's) serves the output folder as
the static host would (``/dir/`` is ``/dir/index.html``, a missing page is
``404.html`` with status 404). Every HTML page it serves gets one script tag,
``/__livereload.js``, which listens to ``/__livereload`` (server-sent events,
the same origin: the site's Content-Security-Policy allows it) and reloads
the page when told. The files in the output folder are never changed.

The server remembers the last page the browser asked for (``open_page``), so
the writer's loop can render that one first.
"""

import hashlib
import http.server
import logging
import queue
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

EVENTS = "/__livereload"
SCRIPT = "/__livereload.js"
SCRIPT_BODY = (
    "// The writers' preview: reload the page when the site changes.\n"
    f'new EventSource("{EVENTS}").addEventListener("message", () => '
    "location.reload());\n"
).encode()
TAG = f'<script src="{SCRIPT}" defer></script>'.encode()
PING_SECONDS = 15
LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}


class PreviewServer(http.server.ThreadingHTTPServer):
    """Serves ``root`` on ``host:port``; ``reload()`` reloads every open page."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root, host, port):
        self.root = Path(root)
        self._listeners = set()
        self._lock = threading.Lock()
        self.open_page = None  # the output file of the last page served
        self.open_digest = None  # its bytes' digest when it was served
        super().__init__((host, port), PreviewHandler)

    def reload(self):
        """Tell every open page to load itself again."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener.put("reload")

    def reload_if_open_page_changed(self):
        """After a full build: reload only if the open page's bytes changed."""
        page = self.open_page
        if page is not None and _digest(self.root / page) != self.open_digest:
            self.reload()

    def handle_error(self, request, client_address):
        """A page that went away mid-answer (a reload cuts its loads) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def listen(self):
        listener = queue.Queue()
        with self._lock:
            self._listeners.add(listener)
        return listener

    def forget(self, listener):
        with self._lock:
            self._listeners.discard(listener)


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    server: PreviewServer

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=None, **kwargs)

    def translate_path(self, path):
        # The output folder is replaced whole by every full build: resolve it
        # on each request, never keep a handle on the old one.
        self.directory = str(self.server.root)
        return super().translate_path(path)

    def do_GET(self):
        # Only for this machine's own names: a page of another site that
        # rebinds its name to 127.0.0.1 must not read the preview (drafts).
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        if host not in LOCAL_NAMES:
            return self.send_error(403, "the preview answers to localhost only")
        path = urlsplit(self.path).path
        if path == EVENTS:
            return self._events()
        if path == SCRIPT:
            return self._send(200, "text/javascript; charset=utf-8", SCRIPT_BODY)
        return self._page(path)

    def _page(self, path):
        target = Path(self.translate_path(path))
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
            target = target / "index.html"
        status = 200
        if not target.is_file():
            status, target = 404, self.server.root / "404.html"
            if not target.is_file():
                return self.send_error(404)
        try:
            body = target.read_bytes()
        except OSError:  # replaced by a full build meanwhile
            return self.send_error(404)
        kind = self.guess_type(str(target))
        if target.suffix == ".html":
            if status == 200:
                self.server.open_page = target.relative_to(self.server.root)
                self.server.open_digest = hashlib.sha256(body).digest()
            body = _with_script(body)
            kind = "text/html; charset=utf-8"
        return self._send(status, kind, body)

    def _send(self, status, kind, body):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        listener = self.server.listen()
        try:
            while True:
                try:
                    listener.get(timeout=PING_SECONDS)
                    self.wfile.write(b"data: reload\n\n")
                except queue.Empty:
                    self.wfile.write(b": ping\n\n")
                self.wfile.flush()
        except OSError:  # the page went away
            pass
        finally:
            self.server.forget(listener)

    def log_message(self, format, *args):
        logger.debug("%s", format % args)


def _with_script(body):
    """The page with the reload script before ``</body>`` (or at its end)."""
    at = body.rfind(b"</body>")
    return body + TAG if at < 0 else body[:at] + TAG + body[at:]


def _digest(path):
    try:
        return hashlib.sha256(Path(path).read_bytes()).digest()
    except OSError:
        return None

"""The one local server, for `invoke serve`, `invoke preview` and `invoke livereload`.

It serves the output folder as the static host would, and nothing else:

- only to this machine's names: a request whose ``Host`` is not ``localhost``,
  ``127.0.0.1`` or ``[::1]`` (any port) gets 403 whatever its method, so a page
  of another site that rebinds its name to 127.0.0.1 reads nothing (drafts
  included);
- GET and HEAD only (HEAD: GET's status and headers, no body); any other
  method gets 405;
- files under the output folder only: no ``..``, no symbolic link leading
  out of it;
- ``/dir/`` is ``/dir/index.html`` and ``/dir`` redirects there; a folder
  without ``index.html`` and a missing page get the site's ``404.html`` with
  status 404. No folder is ever listed.

The output folder is resolved on each request: the writer's loop replaces it
whole on every full build.

``PreviewServer`` is `invoke livereload`'s: every HTML page it serves gets one
script tag, ``/__livereload.js``, which listens to ``/__livereload``
(server-sent events, the same origin: the site's Content-Security-Policy
allows it) and reloads the page when told (``reload()``). It remembers the
last page the browser asked for (``open_page``), so the writer's loop can
render that one first. The files in the output folder are never changed.
"""

import contextlib
import hashlib
import http.server
import json
import logging
import mimetypes
import queue
import re
import sys
import threading
from pathlib import Path
from urllib.parse import quote, unquote

# Never log a warning here: after `invoke preview` (warnings fatal) Pelican's
# logger class raises on one.
logger = logging.getLogger(__name__)

LOCAL_HOST = re.compile(
    r"(?:localhost|127\.0\.0\.1|\[::1\])(?::[0-9]*)?", re.ASCII | re.IGNORECASE
)
ALLOW = "GET, HEAD"
DRAIN_LIMIT = 65536  # a refused request's body, read so the answer arrives
PLAIN = "text/plain; charset=utf-8"
FORBIDDEN = "Questo server locale risponde solo a localhost, 127.0.0.1 e [::1].\n"
NOT_ALLOWED = "Questo server locale accetta solo GET e HEAD.\n"
NOT_FOUND = "Pagina non trovata.\n"

EVENTS = "/__livereload"
SCRIPT = "/__livereload.js"
# The writers' preview: reload the page when the site changes; while the
# site cannot be built, say why over the page (an alert, read out by screen
# readers), until a save mends it. Styles set from the script: the site's
# Content-Security-Policy allows no inline style.
SCRIPT_BODY = f"""
const source = new EventSource("{EVENTS}");
source.addEventListener("message", () => location.reload());
source.addEventListener("problems", (event) => {{
  const lines = JSON.parse(event.data);
  let box = document.getElementById("anteprima-problemi");
  if (!lines.length) {{ if (box) box.remove(); return; }}
  if (!box) {{
    box = document.createElement("section");
    box.id = "anteprima-problemi";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "anteprima-problemi-titolo");
    Object.assign(box.style, {{
      position: "fixed", left: "0", right: "0", bottom: "0", zIndex: "2147483647",
      maxHeight: "60vh", overflow: "auto", padding: "1rem 1.25rem",
      background: "#fff4f4", color: "#5a0000", borderTop: "4px solid #b3001b",
      font: "1rem/1.5 system-ui, sans-serif", textAlign: "left",
    }});
    document.body.append(box);
  }}
  const title = document.createElement("h2");
  title.id = "anteprima-problemi-titolo";
  title.textContent = "Il sito non è stato aggiornato: correggi questi file";
  const list = document.createElement("ul");
  for (const line of lines) {{
    const item = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = line;
    code.style.whiteSpace = "pre-wrap";
    item.append(code);
    list.append(item);
  }}
  const note = document.createElement("p");
  note.textContent = "Ogni riga dice file, riga e campo, poi come correggerlo. " +
    "Salva il file: questo avviso sparisce quando il sito si costruisce di nuovo.";
  box.replaceChildren(title, list, note);
}});
""".encode()
TAG = f'<script src="{SCRIPT}" defer></script>'.encode()
PING_SECONDS = 15


class LocalServer(http.server.ThreadingHTTPServer):
    """Serves the output folder ``root`` on ``host:port`` to this machine."""

    daemon_threads = True
    allow_reuse_address = True
    livereload = False

    def __init__(self, root, host, port):
        self.root = Path(root).absolute()  # whatever the working folder becomes
        super().__init__((host, port), LocalHandler)

    def handle_error(self, request, client_address):
        """A page that went away mid-answer (a reload cuts its loads) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class PreviewServer(LocalServer):
    """`invoke livereload`'s server; ``reload()`` reloads every open page."""

    livereload = True

    def __init__(self, root, host, port):
        self._listeners = set()
        self._lock = threading.Lock()
        self.open_page = None  # the output file of the last page served
        self.open_digest = None  # its bytes' digest when it was served
        self.problems = []  # why the last full build failed, one line each
        super().__init__(root, host, port)

    def reload(self):
        """Tell every open page to load itself again."""
        self._tell(b"data: reload\n\n")

    def show_problems(self, lines):
        """Show ``lines`` (why the last build failed) over every open page; an
        empty list takes them away."""
        if lines != self.problems:
            self.problems = list(lines)
            self._tell(_problems_event(self.problems))

    def _tell(self, event):
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener.put(event)

    def reload_if_open_page_changed(self):
        """After a full build: reload only if the open page's bytes changed."""
        page = self.open_page
        if page is not None and _digest(self.root / page) != self.open_digest:
            self.reload()

    def listen(self):
        listener = queue.Queue()
        with self._lock:
            self._listeners.add(listener)
        return listener

    def forget(self, listener):
        with self._lock:
            self._listeners.discard(listener)

    def shown(self, page, body, opened):
        """An HTML page about to be sent: remember it if ``opened``, add the script."""
        if opened:
            self.open_page = page
            self.open_digest = hashlib.sha256(body).digest()
        at = body.rfind(b"</body>")
        return body + TAG if at < 0 else body[:at] + TAG + body[at:]


class LocalHandler(http.server.BaseHTTPRequestHandler):
    server: LocalServer
    timeout = 30  # seconds a silent client may hold its thread

    def parse_request(self):
        """Every request, whatever its method, passes here before an answer."""
        if not super().parse_request():
            return False  # malformed: the standard library answered 400
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or not LOCAL_HOST.fullmatch(hosts[0].strip(" \t")):
            logger.info("refused %s %r for Host %r", self.command, self.path, hosts)
            self._refuse(403, FORBIDDEN)
            return False
        if self.command not in ("GET", "HEAD"):
            self._refuse(405, NOT_ALLOWED, Allow=ALLOW)
            return False
        return True

    def do_GET(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if self.server.livereload and path == EVENTS:
            return self._events()
        if self.server.livereload and path == SCRIPT:
            return self._send(200, "text/javascript; charset=utf-8", SCRIPT_BODY)
        return self._page(path)

    do_HEAD = do_GET  # _send leaves the body out

    def _page(self, path):
        root = self.server.root.resolve()  # the folder of the latest build
        parts = _parts(path)
        target = _inside(root, root.joinpath(*parts)) if parts is not None else None
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                query = self.path[len(path) :]
                location = "".join(f"/{quote(part)}" for part in parts) + "/"
                return self._send(301, PLAIN, b"", Location=location + query)
            target = _inside(root, target / "index.html")
        elif path.endswith("/"):
            target = None  # a file is no folder
        status = 200
        if target is None or not target.is_file():
            status, target = 404, _inside(root, root / "404.html")
        body = _read(target) if target is not None else None
        if body is None:  # no 404.html, or the file went with a full build
            return self._send(404, PLAIN, NOT_FOUND.encode())
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/"):
            kind += "; charset=utf-8"
        if self.server.livereload and target.suffix == ".html":
            opened = status == 200 and self.command == "GET"
            body = self.server.shown(target.relative_to(root), body, opened)
        return self._send(status, kind, body)

    def _send(self, status, kind, body, **headers):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self, status, message, **headers):
        # Read what the client sent first, or closing the connection could
        # reset it before the answer is read.
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) <= DRAIN_LIMIT:
            with contextlib.suppress(OSError):
                self.rfile.read(int(length))
        self._send(status, PLAIN, message.encode(), **headers)

    def _events(self):
        # Listening before the answer starts: no reload falls in between.
        listener = self.server.listen() if self.command == "GET" else None
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if listener is not None and self.server.problems:  # a page opened now
                self.wfile.write(_problems_event(self.server.problems))
                self.wfile.flush()
            while listener is not None:
                try:
                    self.wfile.write(listener.get(timeout=PING_SECONDS))
                except queue.Empty:
                    self.wfile.write(b": ping\n\n")
                self.wfile.flush()
        except OSError:  # the page went away
            pass
        finally:
            self.server.forget(listener)

    def log_message(self, format, *args):
        logger.debug("%s", format % args)


def _parts(path):
    """The decoded segments of a URL path; None if one is ``..`` or has a NUL."""
    parts = [part for part in unquote(path).split("/") if part not in ("", ".")]
    if ".." in parts or any("\0" in part for part in parts):
        return None
    return parts


def _inside(root, path):
    """``path`` resolved (links followed) if it is still under ``root``, else None."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return None
    return resolved if resolved.is_relative_to(root) else None


def _read(path):
    try:
        return path.read_bytes()
    except OSError:
        return None


def _digest(path):
    body = _read(Path(path))
    return None if body is None else hashlib.sha256(body).digest()


def _problems_event(lines):
    return f"event: problems\ndata: {json.dumps(lines)}\n\n".encode()

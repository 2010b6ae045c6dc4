"""The one local server of `invoke serve`, `invoke preview` and `invoke livereload`.

Each command runs in-process on a small project of its own (a page, a draft,
a file outside the output folder and links pointing at it), as the task
starts it, on an ephemeral port; requests go through raw sockets, so every
byte of the request (its Host header, its method) and of the answer is ours
to see. What a page of another site would get through DNS rebinding is
nothing: 403, the same bytes whatever the URL, whatever the method.
"""

import contextlib
import hashlib
import io
import shutil
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from invoke import Context

import tasks
from eroi.tools.server import PreviewServer
from tests.helpers import ROOT, SMALL_ARTICLE, SMALL_SPEAKER, SMALL_TALK

COMMANDS = ("serve", "preview", "livereload")
PAGE = "/blog/2020/benvenuti/"
DRAFT = "/bozze/una-bozza-riservata/"
MISSING = "/non-esiste/"
DRAFT_TEXT = "Testo riservato della bozza."
SECRET = b"SEGRETO-FUORI-DAL-SITO"
# Bytes a response would carry if anything of the site leaked.
SITE_BYTES = (
    b"<html",
    b"<!doctype",
    b"eroi digitali",
    b"benvenuti",
    b"bozza",
    b"riservat",
    b"pagina non trovata",
    SECRET.lower(),
)
LISTINGS = (b"index of", b"directory listing")
FOREIGN_HOSTS = (
    "evil.example",
    "evil.example:8000",
    "localhost.evil.example",
    "127.0.0.1.evil.example:8000",
    "localhost@evil.example",
    "::1",
    "",
    None,  # no Host header at all
)
OTHER_METHODS = ("POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW", "get")
URLS = (DRAFT, "/blog/", "/blog/2020", "/__livereload.js")  # and MISSING


@dataclass
class Answer:
    raw: bytes
    status: int = 0
    head: list = field(default_factory=list)  # header lines, Date left out
    body: bytes = b""

    def __post_init__(self):
        head, _, self.body = self.raw.partition(b"\r\n\r\n")
        status, *lines = head.decode("latin-1").split("\r\n")
        self.status = int(status.split()[1])
        self.head = [line for line in lines if not line.startswith("Date:")]

    def header(self, name):
        values = [
            line.split(":", 1)[1].strip()
            for line in self.head
            if line.split(":", 1)[0].lower() == name.lower()
        ]
        return values[0] if values else None

    def leaks(self):
        """What of the site the raw answer shows (nothing, for a refusal)."""
        return [part for part in SITE_BYTES + LISTINGS if part in self.raw.lower()]


def send(port, raw):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(raw)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@dataclass
class Served:
    command: str
    server: object
    output: Path

    @property
    def port(self):
        return self.server.server_address[1]

    def ask(self, method, url, host="localhost", body=b""):
        lines = [f"{method} {url} HTTP/1.1"]
        if host is not None:
            lines.append(f"Host: {host}")
        if body:
            lines.append(f"Content-Length: {len(body)}")
        lines.append("Connection: close")
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        return Answer(send(self.port, raw))

    @property
    def drafts(self):
        return self.command != "preview"  # production builds write no draft


def small_project(root):
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "theme", root / "theme")
    for folder, name, text in (
        ("speakers", "stefano.pasquini.md", SMALL_SPEAKER),
        ("talks", "serata.md", SMALL_TALK + "\nLa serata.\n"),
        ("articles", "articolo.md", SMALL_ARTICLE + "\nCiao.\n"),
        (
            "articles",
            "bozza.md",
            "Title: Una bozza riservata\nDate: 2020-01-02 10:00\nStatus: draft\n\n"
            f"{DRAFT_TEXT}\n",
        ),
    ):
        (root / "content" / folder).mkdir(parents=True, exist_ok=True)
        (root / "content" / folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module", params=COMMANDS)
def served(request, tmp_path_factory):
    """The server the task starts, serving in a thread: what `invoke <command>
    --port 0` serves, the task's own `serve_forever` included."""
    project = tmp_path_factory.mktemp(request.param)
    small_project(project)
    started = []
    serve_forever = tasks.serve_forever

    def in_a_thread(server, open_browser=False):
        said = io.StringIO()
        thread = threading.Thread(
            target=serve_forever, args=(server, open_browser), daemon=True
        )
        with contextlib.redirect_stderr(said):
            thread.start()
            send(server.server_address[1], b"GET / HTTP/1.0\r\n\r\n")  # serving
        started.append((server, thread, said.getvalue()))

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.setenv("SITEURL", "")  # `invoke preview` sets its own
        patch.setattr(tasks, "serve_forever", in_a_thread)
        getattr(tasks, request.param)(Context(), port=0)
    ((server, thread, said),) = started
    url = f"http://localhost:{server.server_address[1]}/"
    assert said == f"Serving output at {url} (Ctrl-C to stop)\n"
    output = server.root
    # Outside the output folder: a file, and links from inside pointing at it.
    (project / "secret.txt").write_bytes(SECRET)
    (output / "fuori.txt").symlink_to(project / "secret.txt")
    (output / "fuori").symlink_to(project)
    yield Served(request.param, server, output)
    stopping = threading.Thread(target=server.shutdown)
    stopping.start()
    while stopping.is_alive():  # a connection wakes the loop: no 0.5 s poll
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", server.server_port)).close()
        stopping.join(timeout=0.01)
    thread.join(timeout=5)


def test_each_command_serves_with_the_one_local_server(served):
    assert isinstance(served.server, tasks.LocalServer)
    assert isinstance(served.server, PreviewServer) == (served.command == "livereload")


@pytest.mark.parametrize("host", FOREIGN_HOSTS)
def test_a_foreign_or_missing_host_gets_403_and_learns_nothing(served, host):
    """Whatever the method and URL: 403, the same bytes, nothing of the site."""
    for method in ("GET", "HEAD", *OTHER_METHODS):
        refusal = served.ask(method, MISSING, host)
        assert refusal.status == 403, (method, host)
        assert refusal.leaks() == [], (method, host)
        if method == "HEAD":
            assert refusal.body == b""
        for url in URLS:
            body = b"x=1" if method == "POST" else b""
            answer = served.ask(method, url, host, body=body)
            assert (answer.head, answer.body) == (refusal.head, refusal.body), (
                method,
                host,
                url,
            )


def test_requests_without_a_host_line_are_refused(served):
    """HTTP/1.0 and 0.9 requests carry no Host: refused as well."""
    http10 = Answer(send(served.port, f"GET {PAGE} HTTP/1.0\r\n\r\n".encode()))
    assert http10.status == 403 and http10.leaks() == []
    http09 = send(served.port, f"GET {PAGE}\r\n\r\n".encode())
    assert http09.startswith(b"Questo server locale") and SECRET not in http09
    assert [part for part in SITE_BYTES if part in http09.lower()] == []
    twice = send(
        served.port,
        f"GET {PAGE} HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n".encode(),
    )
    assert Answer(twice).status == 403 and Answer(twice).leaks() == []


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8000", "127.0.0.1:1234", "[::1]", "[::1]:8000"]
)
def test_local_get_serves_a_page_and_head_the_same_without_body(served, host):
    page = served.ask("GET", PAGE, host)
    assert page.status == 200
    assert "<h1>Benvenuti</h1>" in page.body.decode()
    assert page.header("Content-Type") == "text/html; charset=utf-8"
    assert page.header("Content-Length") == str(len(page.body))
    head = served.ask("HEAD", PAGE, host)
    assert (head.status, head.head, head.body) == (200, page.head, b"")


def test_a_draft_is_served_locally_in_the_development_build(served):
    draft = served.ask("GET", DRAFT)
    if served.drafts:
        assert draft.status == 200 and DRAFT_TEXT in draft.body.decode()
    else:
        assert draft.status == 404 and DRAFT_TEXT not in draft.body.decode()
    head = served.ask("HEAD", DRAFT)
    assert (head.status, head.head, head.body) == (draft.status, draft.head, b"")


def test_other_methods_get_405_and_change_nothing(served):
    page = served.output / "blog" / "2020" / "benvenuti" / "index.html"
    before = hashlib.sha256(page.read_bytes()).digest()
    for method in OTHER_METHODS:
        first = served.ask(method, PAGE, body=b"<p>nuovo</p>")
        assert first.status == 405, method
        assert first.header("Allow") == "GET, HEAD"
        assert first.leaks() == [], method
        for url in URLS:
            answer = served.ask(method, url, "127.0.0.1:8000")
            assert (answer.head, answer.body) == (first.head, first.body), (method, url)
    assert hashlib.sha256(page.read_bytes()).digest() == before
    assert served.ask("GET", PAGE).status == 200


def test_a_missing_page_is_the_site_s_404_page(served):
    missing = served.ask("GET", MISSING)
    assert missing.status == 404
    not_found = (served.output / "404.html").read_bytes()
    if served.command == "livereload":  # with the reload script
        assert missing.body.startswith(not_found.split(b"</body>")[0])
    else:
        assert missing.body == not_found
    assert "Pagina non trovata" in missing.body.decode()
    # At any depth, its style and links come from the site's root (the
    # development build's relative URLs would miss from a nested path).
    style = b'<link rel="stylesheet" href="/theme/css/site.css">'
    assert style in missing.body or served.command == "preview"  # absolute URLs
    head = served.ask("HEAD", MISSING)
    assert (head.status, head.head, head.body) == (404, missing.head, b"")
    a_file_as_folder = served.ask("GET", PAGE + "index.html/")
    assert (a_file_as_folder.status, a_file_as_folder.body) == (404, missing.body)


def test_without_a_404_page_a_missing_page_is_a_plain_404(served):
    page = served.output / "404.html"
    kept = page.with_name("404.kept")
    page.rename(kept)
    try:
        missing = served.ask("GET", MISSING)
    finally:
        kept.rename(page)
    assert missing.status == 404
    assert missing.header("Content-Type").startswith("text/plain")
    assert b"<html" not in missing.body.lower()


@pytest.mark.parametrize("url", ["/blog/", "/theme/", "/theme/css/", "/pagefind/"])
def test_a_folder_without_index_is_never_listed(served, url):
    """A folder without index.html is a missing page: never a list of its files."""
    missing = served.ask("GET", MISSING)
    folder = served.ask("GET", url)
    assert (folder.status, folder.body) == (404, missing.body)
    assert not any(listing in folder.raw.lower() for listing in LISTINGS)


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("/blog/2020", "/blog/2020/"),
        ("/blog/2020?pagina=2", "/blog/2020/?pagina=2"),
        ("//blog/2020", "/blog/2020/"),  # never "//blog/...": another host
        ("/blog//2020", "/blog/2020/"),
        ("/./blog/2020", "/blog/2020/"),
        ("/bozze", "/bozze/"),
    ],
)
def test_a_folder_without_its_slash_redirects_on_this_site(served, url, location):
    redirect = served.ask("GET", url)
    if url == "/bozze" and not served.drafts:
        assert redirect.status == 404
        return
    assert (redirect.status, redirect.header("Location")) == (301, location)
    assert redirect.leaks() == []
    head = served.ask("HEAD", url)
    assert (head.status, head.head, head.body) == (301, redirect.head, b"")


@pytest.mark.parametrize(
    "url",
    [
        "/../secret.txt",
        "/blog/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/blog/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/..\\secret.txt",
        "/%2e%2e%5csecret.txt",
        "/fuori.txt",  # a link inside the folder to a file outside it
        "/fuori/secret.txt",  # a link to a folder outside it
        "/fuori/",
        "/%2Fetc%2Fpasswd",
        "//etc/passwd",
        "/../../../../../../etc/passwd",
        "/secret.txt%00.html",
        "http://localhost/../secret.txt",
    ],
)
def test_nothing_outside_the_output_folder_is_served(served, url):
    for method in ("GET", "HEAD"):
        answer = served.ask(method, url)
        assert answer.status == 404, method
        assert SECRET not in answer.raw and b"root:" not in answer.raw


def test_only_livereload_adds_its_script_and_events(served):
    page = served.ask("GET", PAGE)
    script = served.ask("GET", "/__livereload.js")
    if served.command != "livereload":
        assert b"__livereload" not in page.body
        assert script.status == 404
        assert served.ask("GET", "/__livereload").status == 404
        return
    assert page.body.count(b'<script src="/__livereload.js" defer></script>') == 1
    assert script.status == 200 and b"EventSource" in script.body
    assert served.server.open_page == Path("blog/2020/benvenuti/index.html")
    # The events: the page hears "reload" when the server says so.
    with socket.create_connection(("127.0.0.1", served.port), timeout=5) as events:
        events.sendall(b"GET /__livereload HTTP/1.1\r\nHost: localhost\r\n\r\n")
        heard = events.recv(4096)
        while b"\r\n\r\n" not in heard:
            heard += events.recv(4096)
        assert b"text/event-stream" in heard
        served.server.reload()
        while b"data: reload" not in heard:
            heard += events.recv(4096)
    # A HEAD of another page is no page opened.
    served.ask("HEAD", DRAFT)
    assert served.server.open_page == Path("blog/2020/benvenuti/index.html")

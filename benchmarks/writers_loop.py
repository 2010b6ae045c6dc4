"""The writer's loop, end to end: from a saved file to the served changed page.

For each size N it generates a SYNTHETIC archive (tests/synthetic.py, N items:
talks, speakers and articles), starts the loop of `invoke livereload`
in-process (eroi.tools.livereload.Loop: its inotify watcher, its preview server on
127.0.0.1, its quick render and full builds), and for each kind of edit (a
talk, an article, a speaker, a caption file, a template) writes a marker into
the file and fetches the page over HTTP every 5 ms until it shows the marker.
The page is requested once first, as the open browser would. Between edits
the loop settles (its full build ends); that time is printed too. Each figure
is the median of REPEAT edits (default 3). Not a test: it asserts nothing.

    .venv/bin/python benchmarks/writers_loop.py            # 50 and 1000 items
    .venv/bin/python benchmarks/writers_loop.py 300        # other sizes
"""

import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.speed import split, synthetic_archive  # noqa: E402
from eroi.tools import livereload, runner, server  # noqa: E402
from tests.captions import speech, youtube_auto_vtt  # noqa: E402

REPEAT = int(os.environ.get("REPEAT", "3"))


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait(condition, seconds=120, step=0.005):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    raise TimeoutError("the loop did not answer")


def edits(content, theme):
    """``(kind, file, page URL path, edit(marker))`` for each kind of edit."""
    talk = content / "talks" / "videoconferenza-sintetica-002.md"
    captions = content / "talks" / "videoconferenza-sintetica-002.it.vtt"
    article = content / "articles" / "articolo-001.md"
    speaker = content / "speakers" / "relatore.03.md"
    footer = theme / "templates" / "partials" / "footer.html"

    def append(path):
        return lambda marker: path.write_text(
            path.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8"
        )

    def caption(marker):
        lines = speech(600, seed=5)
        lines[0] = (*lines[0][:2], marker)
        captions.write_text(youtube_auto_vtt(lines), encoding="utf-8")

    def template(marker):
        text = footer.read_text(encoding="utf-8").split("<!--m-->")[0]
        footer.write_text(f"{text}<!--m--><p>{marker}</p>\n", encoding="utf-8")

    return [
        ("talk", talk, "videoconferenze/videoconferenza-sintetica-002/", append(talk)),
        ("article", article, "blog/2019/articolo-sintetico-001/", append(article)),
        ("speaker", speaker, "relatori/relatore-sintetico-03/", append(speaker)),
        (
            "caption file",
            captions,
            "videoconferenze/videoconferenza-sintetica-002/",
            caption,
        ),
        (
            "template",
            footer,
            "videoconferenze/videoconferenza-sintetica-002/",
            template,
        ),
    ]


def measure(size, workdir):
    project = workdir / f"site-{size}"
    for name in ("pelicanconf.py", "publishconf.py"):
        project.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "theme", project / "theme")
    synthetic_archive(project / "content", size, thumbnails=min(10, split(size)[0]))
    os.chdir(project)
    settings = runner.load_settings()
    preview = server.PreviewServer(settings["OUTPUT_PATH"], "127.0.0.1", 0)
    threading.Thread(target=preview.serve_forever, daemon=True).start()
    loop = livereload.Loop(preview)
    start = time.perf_counter()
    loop.start([settings["PATH"], settings["THEME"]])
    first = time.perf_counter() - start
    base = f"http://127.0.0.1:{preview.server_address[1]}/"
    rows = []
    for kind, _source, page, edit in edits(project / "content", project / "theme"):
        shown, settled = [], []
        for n in range(REPEAT):
            fetch(base + page)  # the page the browser has open
            marker = f"Segnalibro{kind.replace(' ', '')}{n}x"
            before = loop.full_builds
            edit(marker)
            written = time.perf_counter()
            wait(lambda m=marker, p=page: m in fetch(base + p))
            shown.append(time.perf_counter() - written)
            wait(lambda b=before: loop.full_builds > b and loop.settled(), step=0.02)
            settled.append(time.perf_counter() - written)
        rows.append((kind, statistics.median(shown), statistics.median(settled)))
    loop.stop()
    preview.shutdown()
    preview.server_close()
    os.chdir(ROOT)
    return first, rows


def main(sizes):
    print(
        f"{'items':>6} {'edit':<13} {'shown':>8} {'settled':>8}  (median of {REPEAT})"
    )
    with tempfile.TemporaryDirectory(prefix="writers-loop-") as workdir:
        for size in sizes:
            first, rows = measure(size, Path(workdir))
            print(f"{size:>6} {'first build':<13} {'':>8} {first:>7.2f}s")
            for kind, shown, settled in rows:
                print(f"{size:>6} {kind:<13} {shown:>7.3f}s {settled:>7.2f}s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 1000])

"""Careless and hostile content (tests/hostile_cases.py): refused cleanly, or
built harmlessly.

Each refused case is placed in a fresh copy of the prepared small project and
goes through the three ways in, in-process: `invoke build` (its task),
`invoke check` (its task) and the plain `pelican content` (Pelican's own
``main``). Each prints exactly the expected lines, exits 1 with no traceback,
leaves output/ byte for byte as it was and no staging folder behind. A few
cases of different kinds also go through the three real commands, as
subprocesses. Each accepted case builds, and its pages and feeds load nothing
from another host and run nothing but the site's own scripts.
"""

import json
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from tests.helpers import (
    broken_links,
    feed_texts,
    invoke,
    invoke_task,
    pelican_content,
    pelican_main,
    place,
    problem_lines,
    resolve,
    snapshot,
    soup,
    third_party_loads,
)
from tests.hostile_cases import (
    ACCEPTED,
    AT_ONCE,
    BY_THE_REAL_COMMANDS,
    REFUSED,
    Start,
)

COMMANDS = {
    "invoke build": lambda: invoke_task("build"),
    "invoke check": lambda: invoke_task("check"),
    "pelican content": pelican_main,
}


def case_id(case):
    return case[1][0].removeprefix("content/")[:70]


def assert_refused_with(lines, expected, hint=""):
    """Exactly the expected lines, in order, each with its hint."""
    assert len(lines) == len(expected), lines
    for line, start in zip(lines, expected, strict=True):
        if isinstance(start, Start):
            assert line.startswith(start) and " (hint: " in line, line
        else:
            assert line.startswith(f"{start} (hint: "), line
        assert line.endswith(")"), line
        if hint:
            assert line.startswith(f"{start} (hint: {hint}"), line


def refused_case(case):
    files, expected, *hint = case
    return files, expected, hint[0] if hint else ""


@pytest.mark.parametrize("case", REFUSED, ids=[case_id(c) for c in REFUSED])
def test_refused(small_project, capsys, case):
    files, expected, hint = refused_case(case)
    before = snapshot(small_project / "output")
    place(small_project, files)
    for command, run in COMMANDS.items():
        capsys.readouterr()
        status = run()
        out, err = capsys.readouterr()
        assert status == 1, command
        assert "Traceback" not in out + err, command
        assert_refused_with(problem_lines(out, err), expected, hint)
        assert snapshot(small_project / "output") == before, command
        assert not list(small_project.glob(".output-*")), command


REAL_COMMANDS = {
    "invoke build": lambda project: invoke(project, "build"),
    "invoke check": lambda project: invoke(project, "check"),
    "pelican content": pelican_content,
}


@pytest.mark.parametrize(
    "case", BY_THE_REAL_COMMANDS, ids=[case_id(c) for c in BY_THE_REAL_COMMANDS]
)
def test_the_real_commands_agree(small_project, case):
    """The commands a writer types print what their in-process runs print."""
    files, expected, hint = refused_case(case)
    before = snapshot(small_project / "output")
    place(small_project, files)
    for command, run in REAL_COMMANDS.items():
        result = run(small_project)
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr, command
        assert_refused_with(problem_lines(result.stdout, result.stderr), expected, hint)
        assert snapshot(small_project / "output") == before, command
        assert not list(small_project.glob(".output-*")), command


def test_all_problems_of_all_files_at_once(small_project, capsys):
    for n, (files, _expected, *_hint) in enumerate(AT_ONCE):
        for name, text in files.items():
            if isinstance(text, str):
                text = text.replace("Title: Un articolo", f"Title: Caso {n}")
            place(small_project, {name.replace("caso", f"caso{n}"): text})
    capsys.readouterr()
    assert pelican_main() == 1
    _out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 10, err


# Accepted: built, and harmless in pages and feeds ----------------------------------

# A URL a feed reader would load from a host other than the site's.
REMOTE = re.compile(
    r"""(?:src|srcset|poster|background)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""(?!localhost:8000/)"""
)
LISTS = ("/js/mylist.js", "/js/playlist.js")


@pytest.mark.parametrize(
    ("files", "url", "lang"),
    ACCEPTED,
    ids=[f"{i}-{c[1]}" for i, c in enumerate(ACCEPTED)],
)
def test_accepted(small_project, capsys, files, url, lang):
    place(small_project, files)
    assert invoke_task("build") == 0, capsys.readouterr()
    output = small_project / "output"
    written = resolve(output, url)
    assert written is not None, f"{url} was not written"
    page = soup(written)
    # The content's language: the page's, or (a talk: the page's words are
    # Italian) its title's.
    assert (page.h1.get("lang") or page.html["lang"]) == lang
    scripts = [s.get("src", s.get("type")) for s in page.find_all("script")]
    # La mia lista's and the playlist's scripts, on the pages that show talks,
    # read no content.
    scripts = [s for s in scripts if not s.endswith(LISTS)]
    assert len(scripts) == 2, scripts
    assert scripts[0].endswith("/js/video.js"), scripts
    assert scripts[1] == "application/ld+json", scripts
    # The structured data stays one inert block: no "<" can end it.
    data = page.find("script", type="application/ld+json").string
    assert "<" not in data
    assert json.loads(data)["@graph"]
    assert not page.find(attrs={"onerror": True})
    assert not page.find(["iframe", "textarea"])
    assert not page.find("article").find(["image", "svg", "object", "embed", "form"])
    for link in page.find_all("a", href=True):
        assert not link["href"].lower().startswith(("javascript:", "data:")), link
    assert third_party_loads(output) == []
    assert broken_links(output) == []
    for path, text in feed_texts(output).items():
        # Feed readers have no CSP: the entries' HTML carries the policy too.
        # (A title is text: "<script>" written in it is shown, never run.)
        for element in ElementTree.fromstring(text).iter():
            if element.tag.rsplit("}", 1)[-1] not in (
                "content",
                "summary",
                "description",
            ):
                continue
            entry = BeautifulSoup(element.text or "", "html.parser")
            assert not entry.find(["script", "iframe"]), (path, element.text)
            for tag in entry.find_all(True):
                assert not any(a.lower().startswith("on") for a in tag.attrs), (
                    path,
                    tag,
                )
            for tag in entry.find_all(["img", "source", "video", "audio", "image"]):
                assert not REMOTE.search(str(tag)), (path, tag)


def test_namesakes_get_distinct_urls_and_a_note(small_project, capsys):
    place(
        small_project,
        {
            "speakers/mrossi.md": "Name: Mario Rossi\nHandle: mrossi\n",
            "speakers/m.rossi.md": "Name: Mario Rossi\nHandle: m.rossi\n",
        },
    )
    capsys.readouterr()
    assert invoke_task("build") == 0
    _out, err = capsys.readouterr()
    output = small_project / "output" / "relatori"
    assert (output / "mario-rossi-mrossi" / "index.html").is_file()
    assert (output / "mario-rossi-m-rossi" / "index.html").is_file()
    assert not (output / "mario-rossi").exists()
    assert (
        "content/speakers/mrossi.md: note: 'Mario Rossi' is the name of 2 speakers; "
        "this one's page is /relatori/mario-rossi-mrossi/ (write 'Slug:' to choose it)"
    ) in err

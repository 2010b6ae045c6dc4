"""Writers read Italian: every message through the catalogue, every way in.

The rest of the suite runs with ``EROI_LANG=en`` (tests/conftest.py); here
the variable is removed, as on a writer's machine, and the commands must
print Italian lines in the one format, `path:line: field: message
(suggerimento: ...)`. The catalogue must translate every message of the code,
keeping its placeholders.
"""

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from eroi.messages import CATALOGUE, code_messages
from eroi.tools import livereload, server
from tests.helpers import ROOT, invoke_task, place

# One problem line, in Italian: path:line: field: message (suggerimento: ...)
ITALIAN_LINE = re.compile(r"^\S+:\d+: \w+: .+ \(suggerimento: .+\)$")
UNKNOWN_SPEAKER = (
    "content/talks/rotta.md:3: speakers: relatore sconosciuto 'mario.rosi' "
    '(suggerimento: crea la sua scheda: invoke new-speaker mario.rosi --name "Nome '
    'Cognome")'
)
NO_DATE = (
    "content/talks/senza-data.md:1: date: manca (suggerimento: aggiungi "
    "'Date: 2021-01-11 17:00' ai campi in cima al file)"
)
BROKEN = {
    # A talk whose speaker does not exist, and one without its Date.
    "talks/rotta.md": "Title: Rotta\nDate: 2020-02-03 17:00\nSpeakers: mario.rosi\n",
    "talks/senza-data.md": "Title: Senza data\nSpeakers: stefano.pasquini\n",
}


def placeholders(text):
    """The names of the ``{placeholders}`` of ``text`` (``{{`` is a brace)."""
    return {
        name for _text, name, _spec, _conv in string.Formatter().parse(text) if name
    }


def test_the_catalogue_translates_every_message_of_the_code():
    with CATALOGUE.open("rb") as po:
        italian = {m.id: m for m in read_po(po) if m.id}
    code = {m.id: m for m in code_messages(ROOT) if m.id}
    assert len(code) > 250  # the extraction found the messages
    wrong = []
    for message_id, found in sorted(code.items()):
        where = ", ".join(f"{path}:{line}" for path, line in found.locations)
        translated = italian.get(message_id)
        if translated is None or not translated.string:
            wrong.append(f"{where}: not translated: {message_id!r}")
        elif translated.fuzzy:
            wrong.append(f"{where}: fuzzy: {message_id!r}")
        elif placeholders(translated.string) != placeholders(message_id):
            wrong.append(f"{where}: other placeholders: {translated.string!r}")
    stale = sorted(set(italian) - set(code))
    assert not wrong, "translate them in eroi/locale/it.po (invoke messages):\n" + (
        "\n".join(wrong)
    )
    assert not stale, f"not in the code any more (run invoke messages): {stale}"


def test_the_catalogue_ships_with_the_package():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"eroi" = ["locale/*.po"]' in text
    assert CATALOGUE.is_relative_to(ROOT / "eroi")


@pytest.fixture
def writer(monkeypatch):
    """A writer's environment: no EROI_LANG (the commands run here inherit it)."""
    monkeypatch.delenv("EROI_LANG", raising=False)
    return {k: v for k, v in os.environ.items() if k != "EROI_LANG"}


def run(project, env, *command):
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, env=env, check=False
    )


def test_pelican_content_prints_italian_lines(small_project, writer):
    place(small_project, BROKEN)
    pelican = Path(sys.executable).with_name("pelican")
    result = run(small_project, writer, pelican, "content", "-s", "pelicanconf.py")
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert UNKNOWN_SPEAKER in lines, result.stderr
    assert NO_DATE in lines, result.stderr
    assert all(ITALIAN_LINE.match(line) for line in lines if "content/" in line)


def test_invoke_check_prints_italian_lines_and_summary(small_project, writer):
    place(small_project, BROKEN)
    result = run(small_project, writer, sys.executable, "-m", "invoke", "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert UNKNOWN_SPEAKER in result.stderr.splitlines()
    assert NO_DATE in result.stderr.splitlines()
    assert result.stdout.startswith("check: 2 problemi in 2 file (5 file controllati")


def test_with_eroi_lang_en_the_line_is_english(small_project, writer):
    place(small_project, BROKEN)
    env = {**writer, "EROI_LANG": "en"}
    result = run(small_project, env, sys.executable, "-m", "invoke", "check")
    assert result.returncode == 1
    assert (
        "content/talks/rotta.md:3: speakers: unknown speaker 'mario.rosi' (hint: "
        'create it: invoke new-speaker mario.rosi --name "Nome Cognome")'
    ) in result.stderr.splitlines()
    assert result.stdout.startswith("check: 2 problems in 2 files (5 files checked")


def test_check_todo_is_italian(small_project, writer, capsys):
    assert invoke_task("check", todo=True) == 0
    out = capsys.readouterr().out
    assert (
        "content/talks/serata.md: youtube: manca (suggerimento: aggiungi 'YouTube: "
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ' ai campi in cima al file)"
    ) in out.splitlines()
    assert "da fare: 1 videoconferenza senza video;" in out


def test_a_scaffold_refuses_in_italian(small_project, writer, capfd):
    status = invoke_task(
        "new-talk", title="Nuova serata", speakers="mario.rosi", date="32/01/2027"
    )
    assert status == 1
    lines = capfd.readouterr().err.splitlines()
    assert (
        "content/talks/nuova-serata.md:1: date: '32/01/2027' non è una data "
        "(suggerimento: scrivi prima il giorno, per esempio 07/12/2026 17:30 o "
        "7 dicembre 2026)"
    ) in lines
    assert all(ITALIAN_LINE.match(line) for line in lines)
    assert not (small_project / "content/talks/nuova-serata.md").exists()
    assert invoke_task("new-speaker", handle="mario.rosi") == 0
    assert capfd.readouterr().out == "creato content/speakers/mario.rosi.md\n"


def test_the_livereload_overlay_shows_italian_lines(small_project, writer):
    place(small_project, {"talks/rotta.md": BROKEN["talks/rotta.md"]})
    preview = server.PreviewServer(small_project / "output", "127.0.0.1", 0)
    try:
        assert not livereload.Loop(preview).build()
    finally:
        preview.server_close()
    assert preview.problems == [UNKNOWN_SPEAKER]
    assert "Il sito non è stato aggiornato" in server.SCRIPT_BODY.decode()

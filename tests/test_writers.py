"""Writers' commands: scaffolds, playlist import, check, and builds that fail cleanly."""

import json
import re

import pytest

from eroi.tools import scaffold
from tests.community import FILES, REPORT
from tests.helpers import api_item, api_page, invoke, ytdlp_entry, ytdlp_playlist

TALKS = "content/talks"


def text(result):
    return result.stdout + result.stderr


# Scaffolds ---------------------------------------------------------------------


def test_new_article_writes_complete_front_matter(task, project):
    result = task("new-article", "Perché è così difficile?", "--author", "Ada Rossi")
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip() == "created content/articles/perche-e-cosi-difficile.md"
    )
    written = (project / "content/articles/perche-e-cosi-difficile.md").read_text()
    assert written.startswith("Title: Perché è così difficile?\nDate: 20")
    assert re.search(r"^Date: \d{4}-\d\d-\d\d \d\d:\d\d$", written, re.M)
    for field in (
        "Author: Ada Rossi",
        "Slug: perche-e-cosi-difficile",
        "Lang: it",
    ):
        assert field in written
    again = task("new-article", "Perché è così difficile?")
    assert again.returncode == 1
    assert (
        "content/articles/perche-e-cosi-difficile.md:1: file: already exists"
        in again.stderr
    )
    assert task("build").returncode == 0  # the scaffold builds as it is


def test_new_article_is_signed_by_who_writes_it(task, project, monkeypatch):
    """By default git's user.name signs it; with neither --author nor a git
    name the article is refused (no one else's name), with a line."""
    monkeypatch.setattr(scaffold, "git_author", lambda: "Bea Verdi")
    assert task("new-article", "Di Bea").returncode == 0
    written = (project / "content/articles/di-bea.md").read_text(encoding="utf-8")
    assert "\nAuthor: Bea Verdi\n" in written
    monkeypatch.setattr(scaffold, "git_author", lambda: "")
    result = task("new-article", "Di nessuno")
    assert result.returncode == 1
    assert result.stderr == (
        "content/articles/di-nessuno.md:1: author: who signs the article is not "
        'known (hint: write it: invoke new-article "Di nessuno" --author "Nome '
        'Cognome")\n'
    )
    assert not (project / "content/articles/di-nessuno.md").exists()


@pytest.mark.parametrize("command", ["new-article", "new-talk"])
def test_a_title_without_letters_or_digits_writes_no_hidden_file(
    task, project, command
):
    before = sorted(project.rglob("*.md"))
    result = (
        task(command, "🐍🐍🐍", "--speakers", "costa")
        if command == "new-talk"
        else task(command, "🐍🐍🐍", "--author", "Ada")
    )
    assert result.returncode == 1
    assert (
        "title: '🐍🐍🐍' gives no URL and no file name (hint: write the title with letters or digits)"
        in result.stderr
    )
    assert sorted(project.rglob("*.md")) == before


def test_new_talk_checks_speakers_and_writes_the_talk(task, project):
    refused = task("new-talk", "Backup sicuri", "--speakers", "stefano.pasqini")
    assert refused.returncode == 1
    assert (
        "content/talks/backup-sicuri.md:1: speakers: unknown speaker 'stefano.pasqini' "
        "(hint: did you mean 'stefano.pasquini'?)"
    ) in refused.stderr
    assert not (project / TALKS / "backup-sicuri.md").exists()
    result = task(
        "new-talk",
        "Backup sicuri",
        "--speakers",
        "stefano.pasquini,Mario_Tonti",
        "--date",
        "2021-03-01",
        "--youtube",
        "https://youtu.be/dQw4w9WgXcQ?t=30",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "created content/talks/backup-sicuri.md"
    written = (project / TALKS / "backup-sicuri.md").read_text()
    assert "Date: 2021-03-01 17:00\n" in written
    assert "Speakers: stefano.pasquini, Mario_Tonti\n" in written
    assert "YouTube: https://youtu.be/dQw4w9WgXcQ?t=30\n" in written
    build = task("build")
    assert build.returncode == 0, build.stderr
    page = (project / "output/videoconferenze/backup-sicuri/index.html").read_text()
    assert "Stefano Pasquini" in page and 'data-video-id="dQw4w9WgXcQ"' in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--speakers", ""],
            "speakers: missing (hint: add --speakers handle,other.handle)",
        ),
        (
            ["--speakers", "costa", "--date", "lunedì"],
            "date: 'lunedì' is not a valid date",
        ),
        (
            ["--speakers", "costa", "--youtube", "vimeo.com/1"],
            "youtube: 'vimeo.com/1' is not",
        ),
    ],
)
def test_new_talk_refuses_bad_input(task, args, message):
    result = task("new-talk", "Una serata", *args)
    assert result.returncode == 1
    assert f"content/talks/una-serata.md:1: {message}" in result.stderr
    assert "Traceback" not in text(result)


def test_new_speaker(task, project):
    result = task("new-speaker", "mario.rossi", "--name", "Mario Rossi")
    assert result.returncode == 0, result.stderr
    written = (project / "content/speakers/mario.rossi.md").read_text()
    assert written.startswith("Name: Mario Rossi\nHandle: mario.rossi\n")
    taken = task("new-speaker", "Mario_Tonti")
    assert taken.returncode == 1
    assert "handle: 'Mario_Tonti' is already the handle or an alias of" in taken.stderr
    assert task("build").returncode == 0
    assert (project / "output/relatori/mario-rossi/index.html").is_file()


# Playlist import -----------------------------------------------------------------
# Fixtures in exactly the exported formats, with SYNTHETIC videos.


@pytest.fixture
def exports(tmp_path):
    page1 = api_page(
        [
            api_item(
                "SYNTHapi001",
                "Backup e ripristino con Stefano Pasquini",
                "La serata con Stefano.\n\n00:00:00 Introduzione\n00:10:00 Demo",
                "2021-03-01T16:00:00Z",
                "2021-03-05T10:00:00Z",
            ),
            api_item(
                "SYNTHapi002",
                "Private video",
                "This video is private.",
                None,
                "2021-03-06T10:00:00Z",
                privacy="private",
            ),
        ],
        next_token="NEXT",
    )
    page2 = api_page(
        [
            api_item(
                "SYNTHapi003",
                "Una serata senza relatori noti",
                "Con @qualcuno.di.nuovo",
                "2021-03-08T16:00:00Z",
                "2021-03-09T10:00:00Z",
            ),
            api_item(
                "SYNTHapi004",
                "Deleted video",
                "This video is unavailable.",
                None,
                "2021-03-10T10:00:00Z",
                privacy="privacyStatusUnspecified",
            ),
        ]
    )
    ytdlp = ytdlp_playlist(
        [
            ytdlp_entry(
                "SYNTHapi001",
                "Backup e ripristino con Stefano Pasquini",
                "",
                "20210301",
                5400,
            ),
            ytdlp_entry(
                "SYNTHytd005",
                "VoIP in azienda, con Mario_Tonti",
                "Demo dal vivo.",
                "20210315",
                4530,
                timestamp=1615827600,
            ),
            ytdlp_entry("SYNTHytd006", "[Private video]", None, None, None),
        ]
    )
    paths = []
    for name, data in (
        ("api-1.json", page1),
        ("api-2.json", page2),
        ("ytdlp.json", ytdlp),
    ):
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def talk_files(project):
    return sorted(p.name for p in (project / TALKS).iterdir())


def test_import_playlist_api_pages_and_ytdlp(task, project, exports):
    before = set(talk_files(project))
    result = task("import-playlist", ",".join(map(str, exports)))
    assert result.returncode == 0, text(result)
    created = sorted(set(talk_files(project)) - before)
    assert created == [
        "backup-e-ripristino-con-stefano-pasquini.md",
        "una-serata-senza-relatori-noti.md",
        "voip-in-azienda-con-mario_tonti.md",
    ]
    backup = (project / TALKS / created[0]).read_text()
    assert "Date: 2021-03-01 17:00\n" in backup  # the video's date, in Rome time
    assert "Speakers: stefano.pasquini\n" in backup
    assert "YouTube: https://www.youtube.com/watch?v=SYNTHapi001\n" in backup
    assert "00:10:00 Demo" in backup and "Status: draft" not in backup
    voip = (project / TALKS / created[2]).read_text()
    assert "Date: 2021-03-15 18:00\n" in voip and "Duration: 01:15:30\n" in voip
    assert "Speakers: Mario_Tonti\n" in voip
    draft = (project / TALKS / created[1]).read_text()
    assert "Status: draft\n" in draft
    out = result.stdout
    assert (
        "skipped SYNTHapi001: already in content/talks/backup" in out
    )  # the yt-dlp copy
    assert "skipped SYNTHapi002: private" in out
    assert "skipped SYNTHapi004: deleted or unavailable" in out
    assert (
        "content/talks/una-serata-senza-relatori-noti.md: speakers: unknown speakers "
        "@qualcuno.di.nuovo"
    ) in out
    assert (
        "import: 3 created (1 drafts), 1 already in the archive, 3 private or deleted, "
        "0 caption files attached" in out
    )

    build = task("build")
    assert build.returncode == 0, build.stderr
    output = project / "output" / "videoconferenze"
    assert (
        output / "backup-e-ripristino-con-stefano-pasquini" / "index.html"
    ).is_file()
    assert not (output / "una-serata-senza-relatori-noti").exists()  # the draft

    again = task("import-playlist", ",".join(map(str, exports)))
    assert again.returncode == 0
    assert "import: 0 created (0 drafts), 4 already in the archive" in again.stdout
    assert sorted(set(talk_files(project)) - before) == created


def test_import_playlist_refuses_files_it_cannot_read(task, tmp_path):
    bad = tmp_path / "altro.json"
    bad.write_text('{"kind": "youtube#videoListResponse", "items": []}')
    result = task("import-playlist", str(bad))
    assert result.returncode == 1
    assert f"{bad}: file: not a YouTube playlist export" in result.stderr
    broken = tmp_path / "rotto.json"
    broken.write_text("{non è json")
    result = task("import-playlist", str(broken))
    assert result.returncode == 1 and "not readable as JSON" in result.stderr
    assert "Traceback" not in text(result)


# invoke check ---------------------------------------------------------------------


def test_check_on_good_content_prints_one_calm_line(task, project):
    result = task("check")
    assert result.returncode == 0, text(result)
    folders = ", ".join(f"{name}/ {count}" for name, count in FILES.items())
    assert result.stdout.strip().splitlines() == [
        f"check: all good ({sum(FILES.values())} files checked: {folders})."
    ]
    assert not (project / "output").exists()  # nothing written


def test_check_reports_every_problem_with_its_line(task, project):
    articles = project / "content" / "articles"
    (articles / "immagini.md").write_text(
        "Title: Immagini\nDate: 2021-02-01\n\nPrima riga.\n\n![](images/foto.png)\n"
    )
    (articles / "collegamenti.md").write_text(
        "Title: Collegamenti\nDate: 2021-02-01\n\nPrima riga.\n\n"
        "![Una foto](images/nessuna.png) e [un link]({filename}/articles/manca.md)\n"
        f"[ok]({{filename}}/{REPORT['file']}) [x](/nulla/) "
        "[playlist](/videoconferenze/)\n"
    )
    (articles / "vuoto.md").write_text("")
    (articles / "latino.md").write_bytes(
        b"Title: Latin\nDate: 2021-01-01\n\nPerch\xe9\n"
    )
    (articles / "senza-titolo.md").write_text("Date: 2021-01-01\n\nTesto.\n")
    (articles / "data.md").write_text("Title: Data\nDate: ieri\n\nTesto.\n")
    (project / TALKS / "serata.md").write_text(
        "Title: Serata\nDate: 2021-01-11 17:00\nSpeakers: Maurizio_Bonazi\n\nTesto.\n"
    )
    result = task("check")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == sorted(
        [
            "content/articles/data.md:2: date: 'ieri' is not a valid date (hint: write it "
            "day first, e.g. 07/12/2026 17:30, or as 2026-12-07 17:30)",
            "content/articles/immagini.md:6: image: images/foto.png has no alt text "
            "(hint: describe it: ![Cosa mostra l'immagine](percorso))",
            "content/articles/collegamenti.md:6: image: images/nessuna.png points to no "
            "page or file of the site (hint: check the path: {filename}/articles/x.md for "
            "a page, {static}/images/x.jpg for a file)",
            "content/articles/collegamenti.md:6: link: {filename}/articles/manca.md points "
            "to no page or file of the site (hint: check the path: {filename}/articles/x.md "
            "for a page, {static}/images/x.jpg for a file)",
            "content/articles/collegamenti.md:7: link: /nulla/ points to no page or file of "
            "the site (hint: check the path: {filename}/articles/x.md for a page, "
            "{static}/images/x.jpg for a file)",
            "content/articles/latino.md:4: file: is not UTF-8 text (hint: save it with the "
            "UTF-8 encoding)",
            "content/articles/senza-titolo.md:1: title: missing (hint: add 'Title: Backup sicuri con NethServer' "
            "to the front matter)",
            "content/articles/vuoto.md:1: file: is empty (hint: write its front matter and "
            "text, or delete it)",
            "content/talks/serata.md:3: speakers: unknown speaker 'Maurizio_Bonazi' (hint: "
            "did you mean 'Maurizio_Bonazzi'?)",
        ]
    )
    assert result.stdout.startswith("check: 9 problems in 7 files")
    assert "Traceback" not in text(result)


# Builds that fail leave the previous output -------------------------------------


def test_a_crashing_plugin_leaves_the_previous_output(small_project):
    """A real `invoke build` (a plugin registered in this process would stay),
    in a built project."""
    project = small_project
    before = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    crash = project / "site_plugins" / "crash"
    crash.mkdir(parents=True)
    (crash / "__init__.py").write_text(
        "from pelican import signals\n\n\n"
        "def explode(generators):\n    raise RuntimeError('plugin exploded')\n\n\n"
        "def register():\n    signals.all_generators_finalized.connect(explode)\n"
    )
    conf = project / "pelicanconf.py"
    conf.write_text(
        conf.read_text()
        + '\nPLUGIN_PATHS = ["site_plugins"]\nPLUGINS = [*PLUGINS, "crash"]\n'
    )
    result = invoke(project, "build")
    assert result.returncode == 1
    assert "build failed: RuntimeError: plugin exploded" in result.stderr
    assert "Traceback" not in text(result)
    after = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    assert after == before


def test_scaffold_and_import_know_an_rst_talks_slug(task, project, tmp_path):
    """The slug comes from Pelican's reader of the RST file, not a parser of ours."""
    (project / TALKS / "serata.rst").write_text(
        "Backup sicuri\n#############\n\n:date: 2021-03-01 17:00\n"
        ":speakers: stefano.pasquini\n:youtube: SYNTHrst001\n\nTesto.\n"
    )
    refused = task("new-talk", "Backup sicuri", "--speakers", "stefano.pasquini")
    assert refused.returncode == 1
    assert (
        "content/talks/backup-sicuri.md:1: slug: 'backup-sicuri' is already a talk"
    ) in refused.stderr
    export = tmp_path / "ytdlp.json"
    export.write_text(
        json.dumps(
            ytdlp_playlist(
                [
                    ytdlp_entry("SYNTHrst001", "Backup sicuri", "", "20210301", 60),
                    ytdlp_entry(
                        "SYNTHrst002",
                        "Backup sicuri",
                        "Stefano Pasquini",
                        "20210308",
                        60,
                    ),
                ]
            )
        )
    )
    result = task("import-playlist", str(export))
    assert result.returncode == 0, result.stderr
    assert "skipped SYNTHrst001: already in content/talks/serata.rst" in result.stdout
    assert "created content/talks/backup-sicuri-2.md" in result.stdout

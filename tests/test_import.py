"""`invoke import-playlist URL|FILE`: a playlist read through yt-dlp as a library.

No network: the one function that reaches it, ``eroi.tools.ytdlp.fetch``, is
replaced in-process by a recording of yt-dlp's answers. Every answer here is
SYNTHETIC (made-up ids, titles, names, dates and speech) and has the shapes
yt-dlp 2026.10.26 returns (tests/exports.py): a flat playlist
(``extract_flat="in_playlist"``), a channel's tabs, one video's info dict
after ``sanitize_info``, WebVTT bytes for captions, JPEG bytes for
thumbnails; export files are the Data API's pages and ``yt-dlp -J`` output.
"""

import copy
import io
import json
import shutil

import pytest
from yt_dlp.networking.exceptions import RequestError
from yt_dlp.utils import DownloadError

from eroi.tools import ytdlp
from eroi.tools.progress import track
from tests.captions import speech, stamp, youtube_auto_vtt
from tests.exports import (
    api_item,
    api_page,
    automatic_captions,
    caption_tracks,
    channel,
    flat_entry,
    flat_playlist,
    in_playlist,
    speaker_file,
    video_info,
)
from tests.helpers import build_site, soup
from tests.synthetic import tiny_image

TALKS = "content/talks"
THUMBNAILS = "content/images/thumbnails"
PLAYLIST = "https://www.youtube.com/playlist?list=PLsynthetic0imp"
WATCH = "https://www.youtube.com/watch?v={}"
BACKUP, VOIP, PRIVATE, HOSTILE = (
    "SYNTHimp001",
    "SYNTHimp002",
    "SYNTHimp003",
    "SYNTHimp004",
)

AUTO_VTT = youtube_auto_vtt(speech(300, seed=31))  # SYNTHETIC automatic captions
MAXRES_JPEG = tiny_image("JPEG", (200, 30, 30))  # SYNTHETIC thumbnails
HQ_JPEG = tiny_image("JPEG", (30, 200, 30))


def manual_vtt():
    """SYNTHETIC subtitles as a channel owner uploads them: plain cues."""
    cues = [
        f"{stamp(start)} --> {stamp(end)}\n{text.capitalize()}.\n"
        for start, end, text in speech(240, seed=32)
    ]
    return "WEBVTT\n\n" + "\n".join(cues)


MANUAL_VTT = manual_vtt()


BACKUP_DESCRIPTION = (
    "La serata con Stefano Pasquini: backup e ripristino.\n"
    "Capitoli:\n"
    "00:00 Introduzione\n"
    "12:30 Demo dal vivo\n"
    "1:02:03 Domande"
)


def recorded_answers():
    """``{url: answer}``: what yt-dlp answered for this SYNTHETIC playlist."""
    backup_chapters = [
        {"start_time": 0.0, "end_time": 750.0, "title": "Introduzione"},
        {"start_time": 750.0, "end_time": 3723.0, "title": "Demo dal vivo"},
        {"start_time": 3723.0, "end_time": 4500.0, "title": "Domande"},
    ]
    answers = {
        PLAYLIST: flat_playlist(
            [
                flat_entry(BACKUP, "Backup e ripristino con Stefano Pasquini", 4500.0),
                flat_entry(VOIP, "VoIP in azienda, con Mario_Tonti", 1800.0),
                flat_entry(PRIVATE, "[Private video]", None),
                flat_entry(HOSTILE, "Sicurezza\nStatus: draft", 600.0),
            ]
        ),
        WATCH.format(BACKUP): video_info(
            BACKUP,
            "Backup e ripristino con Stefano Pasquini",
            BACKUP_DESCRIPTION,
            "20210301",
            4500,
            timestamp=1614614400,  # 2021-03-01 16:00 UTC: 17:00 in Rome
            chapters=backup_chapters,
            automatic_captions={
                "en": caption_tracks(BACKUP, "it", "&kind=asr&tlang=en", "English"),
                "it-orig": caption_tracks(
                    BACKUP, "it", "&kind=asr", "Italian (Original)"
                ),
                "it": caption_tracks(BACKUP, "it", "&kind=asr"),
            },
        ),
        WATCH.format(VOIP): video_info(
            VOIP,
            "VoIP in azienda, con Mario_Tonti",
            "Demo dal vivo del centralino.",
            "20210315",
            1800,
            chapters=[
                {"start_time": 0.0, "end_time": 600.0, "title": "Apertura"},
                {"start_time": 600.0, "end_time": 1800.0, "title": "Il centralino"},
            ],
            subtitles={"it": caption_tracks(VOIP, "it")},
            automatic_captions={"it-orig": caption_tracks(VOIP, "it", "&kind=asr")},
        ),
        WATCH.format(HOSTILE): video_info(
            HOSTILE,
            "Sicurezza\nStatus: draft\nSlug: altro\nSpeakers: costa",
            "Con Stefano Pasquini.\n<script>alert(1)</script>",
            "20210322",
            600,
        ),
        # Caption files: the VTT of the chosen track of each video.
        f"https://www.youtube.com/api/timedtext?v={BACKUP}&lang=it&kind=asr&fmt=vtt": (
            AUTO_VTT.encode()
        ),
        f"https://www.youtube.com/api/timedtext?v={VOIP}&lang=it&fmt=vtt": (
            MANUAL_VTT.encode()
        ),
        f"https://i.ytimg.com/vi/{BACKUP}/maxresdefault.jpg": MAXRES_JPEG,
        f"https://i.ytimg.com/vi/{VOIP}/hqdefault.jpg": HQ_JPEG,  # no maxres
        f"https://i.ytimg.com/vi/{HOSTILE}/maxresdefault.jpg": MAXRES_JPEG,
    }
    return answers


class Network:
    """Stands in for ``ytdlp.fetch``: replays ``answers`` and records each call."""

    def __init__(self, answers):
        self.answers, self.calls = answers, []

    def __call__(self, url, what="video", limit=None):
        self.calls.append((what, url))
        if url not in self.answers:
            if what == "file":
                raise RequestError("HTTP Error 404: Not Found")
            raise DownloadError(f"ERROR: [generic] Unable to download webpage: {url}")
        answer = self.answers[url]
        if isinstance(answer, Exception):
            raise answer
        return copy.deepcopy(answer)

    def fetched(self, what):
        return [url for kind, url in self.calls if kind == what]


@pytest.fixture
def network(monkeypatch):
    replay = Network(recorded_answers())
    monkeypatch.setattr(ytdlp, "fetch", replay)
    return replay


def text(result):
    return result.stdout + result.stderr


def files_under(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# A whole import --------------------------------------------------------------------


def test_import_from_a_playlist_url_writes_talks_captions_and_thumbnails(
    task, project, network
):
    talks = project / TALKS
    result = task("import-playlist", PLAYLIST)
    assert result.returncode == 0, text(result)
    assert result.stderr == ""
    backup = talks / "backup-e-ripristino-con-stefano-pasquini.md"
    voip = talks / "voip-in-azienda-con-mario_tonti.md"
    hostile = talks / "sicurezza-status-draft-slug-altro-speakers-costa.md"
    assert backup.read_text() == (
        "Title: Backup e ripristino con Stefano Pasquini\n"
        "Date: 2021-03-01 17:00\n"
        "Speakers: stefano.pasquini\n"
        f"YouTube: https://www.youtube.com/watch?v={BACKUP}\n"
        "Duration: 01:15:00\n"
        "Slug: backup-e-ripristino-con-stefano-pasquini\n"
        "\n"
        "La serata con Stefano Pasquini: backup e ripristino.\n"
        "Capitoli:\n"
        "\n"  # the timestamp lines made a paragraph: the build's chapters
        "00:00 Introduzione\n"
        "12:30 Demo dal vivo\n"
        "1:02:03 Domande\n"
    )
    written = voip.read_text()
    assert "Date: 2021-03-15\n" in written  # a date without a time
    assert "Duration: 00:30:00\n" in written
    assert written.endswith(
        "Demo dal vivo del centralino.\n\n00:00:00 Apertura\n00:10:00 Il centralino\n"
    )  # yt-dlp's chapters, as the description has none
    # No title sets a field: one line, escaped description, every field once.
    front, body = hostile.read_text().split("\n\n", 1)
    assert front.splitlines()[0] == (
        "Title: Sicurezza Status: draft Slug: altro Speakers: costa"
    )
    assert [line.split(":")[0] for line in front.splitlines()] == [
        "Title",
        "Date",
        "Speakers",
        "YouTube",
        "Duration",
        "Slug",
    ]
    assert "&lt;script&gt;" in body and "<script>" not in body

    # Captions beside the talk: the automatic Italian track, the manual one first.
    assert (talks / f"{backup.stem}.it.vtt").read_text() == AUTO_VTT
    assert (talks / f"{voip.stem}.it.vtt").read_text() == MANUAL_VTT
    assert not (talks / f"{hostile.stem}.it.vtt").exists()  # it has none
    thumbnails = project / THUMBNAILS
    assert (thumbnails / f"{BACKUP}.jpg").read_bytes() == MAXRES_JPEG
    assert (thumbnails / f"{VOIP}.jpg").read_bytes() == HQ_JPEG  # maxres missing
    assert not (thumbnails / f"{PRIVATE}.jpg").exists()

    # One flat listing, then one info per new public video; the private one
    # is never fetched.
    assert network.fetched("playlist") == [PLAYLIST]
    assert network.fetched("video") == [
        WATCH.format(v) for v in (BACKUP, VOIP, HOSTILE)
    ]
    assert not any(PRIVATE in url for _what, url in network.calls)

    out = result.stdout.splitlines()
    # Progress, as plain lines: the output is not a terminal.
    assert out[:3] == [
        f"import: {n}/3 {v}" for n, v in enumerate((BACKUP, VOIP, HOSTILE), 1)
    ]
    assert f"created {TALKS}/{backup.name}" in out
    assert f"attached {TALKS}/{backup.stem}.it.vtt to {TALKS}/{backup.name}" in out
    assert f"saved {THUMBNAILS}/{BACKUP}.jpg" in out
    assert f"skipped {PRIVATE}: private" in out
    assert out[-1] == (
        "import: 3 created (0 drafts), 0 already in the archive, 1 private or "
        "deleted, 2 caption files attached, 3 thumbnails saved, 0 failed"
    )

    # A second run: nothing new, so only the flat listing is fetched, and what
    # a writer edited meanwhile stays as they left it.
    backup.write_text(backup.read_text().replace("Domande", "Domande e risposte"))
    before = files_under(project / "content")
    network.calls.clear()
    again = task("import-playlist", PLAYLIST)
    assert again.returncode == 0, text(again)
    assert network.calls == [("playlist", PLAYLIST)]
    assert files_under(project / "content") == before
    assert again.stdout.splitlines()[-1] == (
        "import: 0 created (0 drafts), 3 already in the archive, 1 private or "
        "deleted, 0 caption files attached, 0 thumbnails saved, 0 failed"
    )
    assert f"skipped {BACKUP}: already in {TALKS}/{backup.name}" in again.stdout


def test_the_imported_talks_build_with_chapters_and_transcript(
    task, project, network, tmp_path
):
    assert task("import-playlist", PLAYLIST).returncode == 0
    site = build_site(tmp_path / "output", PATH=str(project / "content"))
    page = site.page("/videoconferenze/backup-e-ripristino-con-stefano-pasquini/")
    chapters = [li.get_text(" ", strip=True) for li in page.select("ol.chapters li")]
    assert chapters == [
        "00:00:00 Introduzione",
        "00:12:30 Demo dal vivo",
        "01:02:03 Domande",
    ]
    transcript = page.select_one("section.transcript")
    assert transcript is not None
    assert "sottotitoli automatici" in transcript.get_text()
    assert page.select_one(".video img.video-thumb")["src"].endswith(f"{BACKUP}.jpg")
    voip = site.page("/videoconferenze/voip-in-azienda-con-mario_tonti/")
    assert [li.get_text(" ", strip=True) for li in voip.select("ol.chapters li")] == [
        "00:00:00 Apertura",
        "00:10:00 Il centralino",
    ]
    assert (
        "Dai sottotitoli della registrazione."
        in voip.select_one("section.transcript").get_text()
    )
    hostile = site.file(
        "/videoconferenze/sicurezza-status-draft-slug-altro-speakers-costa/"
    )
    assert "<script>alert" not in hostile.read_text()
    assert (
        soup(hostile)
        .select_one("h1")
        .get_text(strip=True)
        .startswith("Sicurezza Status: draft")
    )


# Failures ---------------------------------------------------------------------------


def test_one_video_failing_leaves_the_others_imported(task, project, network):
    network.answers[WATCH.format(VOIP)] = DownloadError(
        f"ERROR: [youtube] {VOIP}: Video unavailable. This video has been removed "
        "by the uploader"
    )
    result = task("import-playlist", PLAYLIST)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{VOIP}: video: not fetched: [youtube] {VOIP}: Video unavailable. This "
        "video has been removed by the uploader (hint: the other videos were "
        "imported; run the import again later)"
    ]
    assert "Traceback" not in text(result)
    talks = project / TALKS
    assert (talks / "backup-e-ripristino-con-stefano-pasquini.md").is_file()
    assert not (talks / "voip-in-azienda-con-mario_tonti.md").exists()
    assert result.stdout.splitlines()[-1] == (
        "import: 2 created (0 drafts), 0 already in the archive, 1 private or "
        "deleted, 1 caption files attached, 2 thumbnails saved, 1 failed"
    )

    # Next time only the video that failed is fetched again.
    network.answers = recorded_answers()
    network.calls.clear()
    again = task("import-playlist", PLAYLIST)
    assert again.returncode == 0, text(again)
    assert network.fetched("video") == [WATCH.format(VOIP)]
    assert (talks / "voip-in-azienda-con-mario_tonti.md").is_file()


def test_captions_and_thumbnails_that_fail_leave_the_talk_and_a_line(
    task, project, network
):
    for url in list(network.answers):
        if "timedtext" in url and BACKUP in url:
            network.answers[url] = b"<transcript>not vtt</transcript>"
        if "i.ytimg.com" in url and BACKUP in url:
            del network.answers[url]
    result = task("import-playlist", PLAYLIST)
    assert result.returncode == 1
    talk = f"{TALKS}/backup-e-ripristino-con-stefano-pasquini"
    assert result.stderr.splitlines() == [
        f"{BACKUP}: captions: not downloaded: not a WebVTT file (its first line is "
        f"not WEBVTT) (hint: the talk {talk}.md was written without them; save the "
        f"captions beside it as {talk}.it.vtt)",
        f"{BACKUP}: thumbnail: not downloaded from https://i.ytimg.com/vi/{BACKUP}/"
        "hqdefault.jpg: HTTP Error 404: Not Found (hint: invoke fetch-thumbnails "
        "tries again; meanwhile the site shows a drawn placeholder)",
    ]
    assert (project / f"{talk}.md").is_file()
    assert not (project / f"{talk}.it.vtt").exists()
    assert not (project / THUMBNAILS / f"{BACKUP}.jpg").exists()


HINT = ytdlp.YTDLP_HINT
DATE_HINT = "yt-dlp writes dates as YYYYMMDD (20210301) or in ISO form (2021-03-01)"


def break_playlist(answers, change):
    change(answers[PLAYLIST])


def break_backup(answers, change):
    change(answers[WATCH.format(BACKUP)])


@pytest.mark.parametrize(
    ("breaks", "line"),
    [
        (
            lambda a: break_backup(a, lambda i: i.update(timestamp="1614614400")),
            f"{BACKUP}: timestamp: '1614614400' is not a number of seconds (hint: {HINT})",
        ),
        (
            lambda a: break_backup(
                a, lambda i: i.update(upload_date="01/03/2021", timestamp=None)
            ),
            f"{BACKUP}: upload_date: '01/03/2021' is not a date (hint: {DATE_HINT})",
        ),
        (
            lambda a: break_backup(
                a, lambda i: i.update(upload_date=None, timestamp=None)
            ),
            f"{BACKUP}: upload_date: missing, and no timestamp either (hint: {HINT})",
        ),
        (
            lambda a: break_backup(
                a, lambda i: i["chapters"][1].update(start_time="12:30")
            ),
            f"{BACKUP}: chapters: start_time '12:30' is not a number of seconds "
            f"(hint: {HINT})",
        ),
        (
            lambda a: break_backup(a, lambda i: i.update(subtitles=["it"])),
            f"{BACKUP}: subtitles: is a list, not {{language: [{{ext, url}}, ...]}} "
            f"(hint: {HINT})",
        ),
        (
            lambda a: break_backup(a, lambda i: i.update(duration="1:15:00")),
            f"{BACKUP}: duration: '1:15:00' is not a number of seconds (hint: {HINT})",
        ),
        (
            lambda a: break_backup(a, lambda i: i.update(tags="backup, voip")),
            f"{BACKUP}: tags: is text ('backup, voip'), not a list of text "
            f"(hint: {HINT})",
        ),
        (
            lambda a: break_backup(a, lambda i: i.update(language="Italiano")),
            f"{BACKUP}: language: 'Italiano' is not a language code (hint: {HINT})",
        ),
        (
            lambda a: break_backup(
                a, lambda i: i.update(timestamp=None, upload_date="99991231")
            ),
            f"{BACKUP}: date: the year 9999 is not plausible (hint: it was not "
            "imported: write its talk with invoke new-talk)",
        ),
        (
            lambda a: break_playlist(a, lambda p: p["entries"][0].pop("id")),
            f"entry 1: id: missing (hint: {HINT})",
        ),
        (
            lambda a: break_playlist(a, lambda p: p["entries"].__setitem__(0, None)),
            "entry 1: entry: is nothing: yt-dlp could not read this video (hint: "
            "yt-dlp says why when it runs; run the import again later)",
        ),
        (
            lambda a: break_playlist(
                a, lambda p: p["entries"].__setitem__(0, "SYNTHimp001")
            ),
            f"entry 1: entry: is text ('SYNTHimp001'), not a video (hint: {HINT})",
        ),
    ],
    ids=[
        "timestamp-as-text",
        "date-not-iso",
        "no-date",
        "chapter-time-as-text",
        "subtitles-not-a-dict",
        "duration-as-text",
        "tags-as-text",
        "language-not-a-code",
        "year-9999",
        "missing-id",
        "entry-none",
        "entry-not-a-dict",
    ],
)
def test_a_malformed_video_is_one_line_and_the_others_import(
    task, project, network, breaks, line
):
    breaks(network.answers)
    result = task("import-playlist", PLAYLIST)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [line]
    assert "Traceback" not in text(result)
    assert not (
        project / TALKS / "backup-e-ripristino-con-stefano-pasquini.md"
    ).exists()
    assert (project / TALKS / "voip-in-azienda-con-mario_tonti.md").is_file()


PLAYLIST_HINT = (
    "give the address of a YouTube playlist or channel "
    "(https://www.youtube.com/playlist?list=... or https://www.youtube.com/@...) "
    "and check the network"
)


@pytest.mark.parametrize(
    ("answer", "line"),
    [
        (
            DownloadError(
                "ERROR: [youtube:tab] PLsynthetic0imp: The playlist does not exist."
            ),
            f"{PLAYLIST}: playlist: not read: [youtube:tab] PLsynthetic0imp: The "
            f"playlist does not exist. (hint: {PLAYLIST_HINT})",
        ),
        (
            {**flat_playlist([]), "entries": {"0": flat_entry(BACKUP, "Backup", 60)}},
            f"{PLAYLIST}: entries: is a dict, not a list (hint: {HINT})",
        ),
        (
            {**flat_playlist([]), "entries": "SYNTHimp001"},
            f"{PLAYLIST}: entries: is text ('SYNTHimp001'), not a list (hint: {HINT})",
        ),
        (
            None,
            f"{PLAYLIST}: playlist: yt-dlp returned nothing, not a playlist or a "
            f"video (hint: {HINT})",
        ),
    ],
    ids=["download-error", "entries-a-dict", "entries-text", "nothing"],
)
def test_a_playlist_that_cannot_be_read_fails_with_one_line(
    task, project, network, answer, line
):
    network.answers[PLAYLIST] = answer
    before = files_under(project / "content")
    result = task("import-playlist", PLAYLIST)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [line]
    assert result.stdout == ""
    assert "Traceback" not in text(result)
    assert files_under(project / "content") == before


def test_a_channel_follows_its_tabs_once_per_video(task, project, network):
    """A channel's address lists its tabs (Videos, Live) as playlists."""
    channel = "https://www.youtube.com/@eroidigitali-synthetic"
    videos_tab, live_tab = f"{channel}/videos", f"{channel}/streams"
    recorded = network.answers[PLAYLIST]["entries"]
    network.answers[channel] = {
        **flat_playlist([]),
        "id": "UCsynthetic000000000000a",
        "webpage_url": channel,
        "entries": [
            {"_type": "url", "ie_key": "YoutubeTab", "url": url, "title": name}
            for url, name in ((videos_tab, "Videos"), (live_tab, "Live"))
        ],
    }
    network.answers[videos_tab] = flat_playlist(recorded[:2])
    upcoming = flat_entry("SYNTHimp005", "Prossima serata", None)
    upcoming["live_status"] = "is_upcoming"
    network.answers[live_tab] = flat_playlist([recorded[1], upcoming])
    result = task("import-playlist", channel)
    assert result.returncode == 0, text(result)
    assert network.fetched("playlist") == [channel, videos_tab, live_tab]
    assert network.fetched("video") == [WATCH.format(BACKUP), WATCH.format(VOIP)]
    assert (
        "skipped SYNTHimp005: live or upcoming, not a recording yet (hint: import "
        "it again later)"
    ) in result.stdout
    assert "import: 2 created" in result.stdout


# Export files stay, for offline use -------------------------------------------------


def test_an_export_file_with_a_malformed_entry_reports_it(task, project, tmp_path):
    answers = recorded_answers()
    good = answers[WATCH.format(VOIP)]
    bad = {**answers[WATCH.format(BACKUP)], "timestamp": "ieri"}
    export = tmp_path / "playlist.json"  # as `yt-dlp -J` writes it
    export.write_text(json.dumps(flat_playlist([bad, good])), encoding="utf-8")
    result = task("import-playlist", str(export))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{BACKUP}: timestamp: 'ieri' is not a number of seconds (hint: {HINT})"
    ]
    assert (project / TALKS / "voip-in-azienda-con-mario_tonti.md").is_file()
    assert not (project / THUMBNAILS).exists()  # offline: nothing downloaded


# Progress ------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_in_ci(monkeypatch, capsys):
    monkeypatch.delenv("CI", raising=False)
    terminal = Terminal()
    assert list(track(["uno", "due"], "cards", stream=terminal)) == ["uno", "due"]
    assert capsys.readouterr().out == ""
    drawn = terminal.getvalue()
    assert "cards" in drawn and "2/2" in drawn

    monkeypatch.setenv("CI", "true")
    terminal = Terminal()
    assert list(track(["uno", "due"], "cards", stream=terminal)) == ["uno", "due"]
    assert capsys.readouterr().out == "cards: 1/2 uno\ncards: 2/2 due\n"
    assert terminal.getvalue() == ""


def test_a_bar_shows_an_item_with_brackets_as_it_is(monkeypatch):
    """An address or title is text on the bar, never rich markup."""
    monkeypatch.delenv("CI", raising=False)
    terminal = Terminal()
    item = "https://example.org/[/b]foto[bold].png"
    assert list(track([item], "media", stream=terminal)) == [item]
    assert "[/b]foto[bold]" in terminal.getvalue()


def test_an_address_that_is_not_youtube_is_refused(task, project, network):
    before = files_under(project / "content")
    result = task("import-playlist", "https://example.org/playlist?list=PLx")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "https://example.org/playlist?list=PLx: playlist: not a YouTube address "
        "(hint: copy the playlist's or the channel's address from youtube.com)"
    ]
    assert network.fetched("playlist") == []
    assert files_under(project / "content") == before


def test_a_data_api_export_with_a_number_for_an_id_reports_it(task, project, tmp_path):
    export = tmp_path / "pagina.json"
    item = {
        "kind": "youtube#playlistItem",
        "snippet": {"title": "Serata", "description": {"testo": "no"}},
        "contentDetails": {"videoId": 12345, "videoPublishedAt": "2020-01-13T16:00Z"},
    }
    export.write_text(
        json.dumps({"kind": "youtube#playlistItemListResponse", "items": [item]}),
        encoding="utf-8",
    )
    result = task("import-playlist", str(export))
    assert result.returncode == 1
    assert "Traceback" not in text(result)
    assert [line.split(" (")[0] for line in result.stderr.splitlines()] == [
        "entry 1: item: not a playlistItem of the Data API"
    ]


# The real archive, right the first time ------------------------------------------
# A SYNTHETIC archive of speakers shaped like the community's: one-word
# handles that are first names, namesakes, an accented name, an alias.

SPEAKERS = {  # handle: (Name, Aliases)
    "paolo": ("paolo", ""),
    "francesco": ("francesco", ""),
    "paolo.finzi": ("Paolo Finzi", ""),
    "nicolo.dambra": ("Nicolò D'Ambra", ""),
    "giulia.esempi": ("Giulia Esempi", "giuly"),
    "marco.prova": ("Marco Prova", ""),
    "m.prova": ("Marco Prova", ""),
    "anna.maria": ("Anna Maria", ""),
    "anna.tracce": ("Anna Maria Tracce", ""),
}
DRAFT_HINT = (
    "(hint: write the handles in Speakers: and remove 'Status: draft' to publish it)"
)


@pytest.fixture
def archive(project):
    """The project's copy with the SYNTHETIC speakers above, and no talk or
    article of the real community."""
    content = project / "content"
    for folder in ("speakers", "talks", "articles"):
        shutil.rmtree(content / folder)
    for handle, (name, aliases) in SPEAKERS.items():
        speaker_file(content, handle, name, aliases)
    return project


def export(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def front(path):
    """The front matter of a talk file, ``{field: value}``."""
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def ytdlp_export(videos, first_date="20210301"):
    """`yt-dlp -J` output of ``[(id, title, description, extra fields)]``."""
    return flat_playlist(
        [
            in_playlist(video_info(video, title, text, first_date, 3600, **extra), n)
            for n, (video, title, text, extra) in enumerate(videos, start=1)
        ]
    )


CREDITS = [
    # (id, title, description): who is credited, from what evidence
    (
        "SYNTHcred01",
        "Backup con Paolo Finzi",
        "Ciao da Paolo e Francesco!\n#backup #PaoloFinzi",
    ),
    ("SYNTHcred02", "Una serata con Paolo", "Francesco ci racconta NethServer."),
    (
        "SYNTHcred03",
        "NICOLO D’AMBRA e i firewall",
        "Non è Nicolò D'Ambrasi, né nicolò.",
    ),
    (
        "SYNTHcred04",
        "Python per sistemisti",
        "Con @francesco e giuly.\n@property\ndef nome(self):\n"
        "Scrivete a paolo@example.org, https://example.org/@paolo.finzi",
    ),
    ("SYNTHcred05", "Marco Prova racconta", "Due Marco Prova nell'archivio."),
    ("SYNTHcred06", "Con @nuovo.relatore e Paolo Finzi", "Serata a due voci."),
    ("SYNTHcred07", "Anna Maria Tracce presenta", "Con la community."),
    ("SYNTHcred08", "Serata con @paolo.finzi.bis", "Un handle più lungo."),
]


def test_speakers_are_credited_on_evidence_only(task, archive, tmp_path):
    """A full name (case and accents aside), an @handle or an alias is
    evidence; a first name, a one-word name or a fuzzy match is not: the talk
    is then a draft, printed with the speakers it may mean."""
    page = api_page(
        [api_item(v, t, d, "2021-03-01T16:00:00Z") for v, t, d in CREDITS[:2]]
    )
    rest = ytdlp_export([(v, t, d, {}) for v, t, d in CREDITS[2:]])
    result = task(
        "import-playlist",
        f"{export(tmp_path, 'api.json', page)},{export(tmp_path, 'ytdlp.json', rest)}",
    )
    assert result.returncode == 0, text(result)
    talks = archive / TALKS
    credited = {
        video: front(talks / name)
        for video, name in (
            ("SYNTHcred01", "backup-con-paolo-finzi.md"),
            ("SYNTHcred02", "una-serata-con-paolo.md"),
            ("SYNTHcred03", "nicolo-dambra-e-i-firewall.md"),
            ("SYNTHcred04", "python-per-sistemisti.md"),
            ("SYNTHcred05", "marco-prova-racconta.md"),
            ("SYNTHcred06", "con-nuovorelatore-e-paolo-finzi.md"),
            ("SYNTHcred07", "anna-maria-tracce-presenta.md"),
            ("SYNTHcred08", "serata-con-paolofinzibis.md"),
        )
    }
    assert {v: (f.get("Speakers"), f.get("Status")) for v, f in credited.items()} == {
        "SYNTHcred01": ("paolo.finzi", None),  # not paolo, not francesco
        "SYNTHcred02": (None, "draft"),  # first names only
        "SYNTHcred03": ("nicolo.dambra", None),
        "SYNTHcred04": ("francesco, giulia.esempi", None),  # not @property
        "SYNTHcred05": (None, "draft"),  # two speakers have that name
        "SYNTHcred06": ("paolo.finzi", "draft"),  # and one the archive lacks
        "SYNTHcred07": ("anna.tracce", None),  # not Anna Maria
        "SYNTHcred08": (None, "draft"),
    }
    out = result.stdout.splitlines()
    assert [line for line in out if ": speakers: " in line] == [
        f"{TALKS}/una-serata-con-paolo.md: speakers: no speaker named by @handle, "
        "alias or full name; maybe @paolo (paolo), @paolo.finzi (Paolo Finzi), "
        f"@francesco (francesco) {DRAFT_HINT}",
        f"{TALKS}/marco-prova-racconta.md: speakers: no speaker named by @handle, "
        "alias or full name; maybe @m.prova (Marco Prova), @marco.prova (Marco "
        f"Prova) {DRAFT_HINT}",
        f"{TALKS}/con-nuovorelatore-e-paolo-finzi.md: speakers: unknown speakers "
        f"@nuovo.relatore {DRAFT_HINT}",
        f"{TALKS}/serata-con-paolofinzibis.md: speakers: unknown speakers "
        f"@paolo.finzi.bis {DRAFT_HINT}",
    ]
    assert out[-1] == (
        "import: 8 created (4 drafts), 0 already in the archive, 0 private or "
        "deleted, 0 caption files attached, 0 thumbnails saved, 0 failed"
    )


TEXT_PLAYLIST = "https://www.youtube.com/playlist?list=PLsynthetic0txt"
MARKUP, ENGLISH, UNCREDITED, MARATHON = (
    "SYNTHtext01",
    "SYNTHtext02",
    "SYNTHtext03",
    "SYNTHtext04",
)
# What people paste into YouTube descriptions: none of it is markup.
PASTED = (
    "#PWC2022 #NethServer\n"
    "Le novità della serata, con @paolo.finzi e *tanti* __ospiti__.\n"
    "---\n"
    "- punto uno\n"
    "1. punto due\n"
    "> citazione\n"
    "<b>grassetto</b> <script>alert(1)</script> &copy; {filename}/x.md\n"
    "![logo](https://example.org/logo.png)\n"
    "[clicca](javascript:alert(1)) | tabella |\n"
    "Slide: https://example.org/slide.pdf?a=1&b=2.\n"
    "Scrivete a info@example.org\n"
    "@property\n"
    "    def nome(self): return self._nome  # snake_case\n"
    "Titolo\n"
    "======\n"
)
CHAPTERS = (
    "Capitoli:\n"
    "00:00 Introduzione\n"
    "05:30 Le *novità*\n"
    "1:75:00 Un orario che non c'è\n"
    "29:00 Domande"
)
ENGLISH_VTT = youtube_auto_vtt(speech(110, seed=41), language="en")


def text_answers():
    """A SYNTHETIC playlist of what the real archive holds besides plain talks."""
    videos = {
        MARKUP: video_info(
            MARKUP,
            "PWC 2022: le novità, con Paolo Finzi",
            f"{PASTED}\n{CHAPTERS}\n28:00 Saluti",
            "20220307",
            1700,
        ),
        ENGLISH: video_info(
            ENGLISH,
            "NethServer in English, with Nicolò D'Ambra",
            "An evening in English.",
            "20220314",
            120,
            language="en",
            tags=["NethServer", "PWC 2022", "🔥", "firewall, rules", "nethserver"],
            automatic_captions=automatic_captions(ENGLISH, "en", also=("it",)),
        ),
        UNCREDITED: video_info(
            UNCREDITED,
            "Serata con Paolo",
            "Francesco e Paolo raccontano.",
            "20220321",
            1800,
        ),
        MARATHON: video_info(
            MARATHON,
            "Maratona con Giulia Esempi",
            "Venticinque ore di diretta.",
            "20220328",
            90000,
        ),
    }
    answers = {
        TEXT_PLAYLIST: flat_playlist(
            [flat_entry(v, i["title"], i["duration"]) for v, i in videos.items()],
            playlist="PLsynthetic0txt",
        ),
        **{WATCH.format(v): info for v, info in videos.items()},
        f"https://www.youtube.com/api/timedtext?v={ENGLISH}&lang=en&kind=asr&fmt=vtt": (
            ENGLISH_VTT.encode()
        ),
    }
    for video in videos:
        answers[f"https://i.ytimg.com/vi/{video}/maxresdefault.jpg"] = MAXRES_JPEG
    return answers


def test_what_is_imported_builds_and_shows_the_description_as_text(
    task, archive, monkeypatch, tmp_path
):
    network = Network(text_answers())
    monkeypatch.setattr(ytdlp, "fetch", network)
    result = task("import-playlist", TEXT_PLAYLIST)
    talks = archive / TALKS
    markup = f"{TALKS}/pwc-2022-le-novita-con-paolo-finzi.md"
    english = f"{TALKS}/nethserver-in-english-with-nicolo-dambra.md"
    marathon = f"{TALKS}/maratona-con-giulia-esempi.md"
    # What the build would refuse is left out, each with its line.
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{MARKUP}: chapters: '1:75:00 Un orario che non c'è' is not a time: "
        f"minutes and seconds go up to 59 (hint: the talk {markup} was written "
        "without that line)",
        f"{MARKUP}: chapters: '29:00 Domande' is after the end of the video "
        f"(28 min) (hint: the talk {markup} was written without that line)",
        f"{ENGLISH}: tags: '🔥' gives no URL (hint: the talk {english} was "
        "written without it)",
        f"{MARATHON}: duration: '25:00:00' is longer than 24 hours (hint: the talk "
        f"{marathon} was written without it)",
    ]
    # yt-dlp's tags and language; the captions in the talk's language.
    assert front(archive / english) == {
        "Title": "NethServer in English, with Nicolò D'Ambra",
        "Date": "2022-03-14",
        "Speakers": "nicolo.dambra",
        "YouTube": f"https://www.youtube.com/watch?v={ENGLISH}",
        "Duration": "00:02:00",
        "Tags": "NethServer, PWC 2022, firewall rules",
        "Slug": "nethserver-in-english-with-nicolo-dambra",
        "Lang": "en",
    }
    assert (talks / "nethserver-in-english-with-nicolo-dambra.en.vtt").read_text() == (
        ENGLISH_VTT
    )
    assert "Duration" not in front(archive / marathon)
    assert front(talks / "serata-con-paolo.md")["Status"] == "draft"

    site = build_site(tmp_path / "output", PATH=str(archive / "content"))
    page = site.page("/videoconferenze/pwc-2022-le-novita-con-paolo-finzi/")
    prose = page.select_one(".prose")
    chapters = prose.select_one("ol.chapters").extract()
    assert [li.get_text(" ", strip=True) for li in chapters.select("li")] == [
        "00:00:00 Introduzione",
        "00:05:30 Le *novità*",
        "00:28:00 Saluti",
    ]
    # Nothing else but paragraphs and links: the text as it was typed.
    assert {tag.name for tag in prose.find_all(True)} == {"p", "a"}
    assert prose.get_text().split() == f"{PASTED}\nCapitoli:".split()
    assert [(a.get_text(), a["href"]) for a in prose.select("a")] == [
        ("@paolo.finzi", "../../relatori/paolo-finzi/"),
        ("https://example.org/logo.png", "https://example.org/logo.png"),
        (
            "https://example.org/slide.pdf?a=1&b=2",
            "https://example.org/slide.pdf?a=1&b=2",
        ),
    ]
    english_page = site.page(
        "/videoconferenze/nethserver-in-english-with-nicolo-dambra/"
    )
    assert english_page.html["lang"] == "it"  # the page's words are Italian
    assert english_page.h1["lang"] == "en"
    assert [a.get_text() for a in english_page.select("ul.tags a")] == [
        "NethServer",
        "PWC 2022",
        "firewall rules",
    ]
    assert english_page.select_one("section.transcript") is not None

    # The draft, on the contributors' page with why and who it may be.
    contribute = site.page("/contribuisci/")
    section = contribute.find(id="manca-talk-speakers").parent
    assert section.h3.get_text() == "1 videoconferenza in bozza, senza relatori"
    entry = section.select_one(".gap-files li")
    assert entry.code.get_text() == f"{TALKS}/serata-con-paolo.md"
    assert entry.a.get_text() == (
        "Serata con Paolo: nessun relatore è nominato con @handle, alias o nome e "
        "cognome; forse: paolo (@paolo), Paolo Finzi (@paolo.finzi), francesco "
        "(@francesco)"
    )
    site.file("/contribuisci/" + entry.a["href"])  # the speakers' index
    todo = task("check", "--todo", True)
    assert todo.returncode == 0, text(todo)
    assert (
        f"{TALKS}/serata-con-paolo.md: speakers: no speaker named by @handle, alias "
        "or full name; maybe @paolo (paolo), @paolo.finzi (Paolo Finzi), @francesco "
        "(francesco) (hint: write the handles in Speakers: (invoke new-speaker for "
        "a new one) and remove 'Status: draft' to publish it)"
    ) in todo.stdout.splitlines()

    # The same site, with mentions linking the community profiles.
    profiles = build_site(
        tmp_path / "profiles",
        PATH=str(archive / "content"),
        TALKS_MENTIONS_LINK="profile",
    )
    page = profiles.page("/videoconferenze/pwc-2022-le-novita-con-paolo-finzi/")
    assert page.select_one(".prose a.mention")["href"] == (
        "https://community.nethesis.it/u/paolo.finzi"
    )


def test_a_video_already_in_any_file_is_never_imported_again(task, archive, tmp_path):
    """Published, draft, written by hand in reStructuredText, renamed, or
    refused by the build: the video's id in a file is enough."""
    talks = archive / TALKS
    talks.mkdir()
    (talks / "scritta-a-mano.rst").write_text(
        "Serata scritta a mano\n#####################\n\n"
        ":date: 2022-01-10 17:00\n:speakers: paolo.finzi\n"
        ":youtube: https://youtu.be/SYNTHidem05\n\nScritta a mano.\n",
        encoding="utf-8",
    )
    exported = export(
        tmp_path,
        "playlist.json",
        ytdlp_export(
            [
                ("SYNTHidem01", "Prima serata con Paolo Finzi", "Backup.", {}),
                ("SYNTHidem02", "Seconda serata con Giulia Esempi", "VoIP.", {}),
                ("SYNTHidem03", "Terza serata con Paolo", "Una bozza.", {}),
                ("SYNTHidem04", "Quarta serata con Giulia Esempi", "Cloud.", {}),
                ("SYNTHidem05", "Quinta serata con Paolo Finzi", "A mano.", {}),
            ]
        ),
    )
    first = task("import-playlist", exported)
    assert first.returncode == 0, text(first)
    assert first.stdout.splitlines()[-1] == (
        "import: 4 created (1 drafts), 1 already in the archive, 0 private or "
        "deleted, 0 caption files attached, 0 thumbnails saved, 0 failed"
    )
    assert f"skipped SYNTHidem05: already in {TALKS}/scritta-a-mano.rst" in first.stdout
    # A writer renames a talk and breaks it, and another one's YouTube field:
    # the build refuses both now.
    first_talk = talks / "prima-serata-con-paolo-finzi.md"
    (talks / "rinominata.md").write_text(
        first_talk.read_text().replace("Slug:", "Colore: rosso\nSlug:")
    )
    first_talk.unlink()
    second = talks / "seconda-serata-con-giulia-esempi.md"
    second.write_text(second.read_text().replace("SYNTHidem02", "SYNTHidem02&t=ieri"))
    refused = task("check")
    assert refused.returncode == 1
    assert f"{TALKS}/rinominata.md:6: colore: is not a field of a talk" in (
        refused.stderr
    )
    assert f"{TALKS}/seconda-serata-con-giulia-esempi.md:4: youtube:" in (
        refused.stderr
    )

    before = files_under(archive / "content")
    again = task("import-playlist", exported)
    assert again.returncode == 0, text(again)
    assert files_under(archive / "content") == before  # nothing written
    assert again.stdout.splitlines() == [
        f"skipped SYNTHidem01: already in {TALKS}/rinominata.md",
        f"skipped SYNTHidem02: already in {TALKS}/seconda-serata-con-giulia-esempi.md",
        f"skipped SYNTHidem03: already in {TALKS}/terza-serata-con-paolo.md",
        f"skipped SYNTHidem04: already in {TALKS}/quarta-serata-con-giulia-esempi.md",
        f"skipped SYNTHidem05: already in {TALKS}/scritta-a-mano.rst",
        "import: 0 created (0 drafts), 5 already in the archive, 0 private or "
        "deleted, 0 caption files attached, 0 thumbnails saved, 0 failed",
    ]


def test_every_entry_skipped_or_refused_has_its_line_and_is_counted(
    task, archive, tmp_path
):
    tabs = channel(
        "https://www.youtube.com/@eroidigitali-synthetic",
        [("videos", "Videos"), ("streams", "Live")],
    )  # yt-dlp -J --flat-playlist <channel>: its tabs only
    playlist = ytdlp_export(
        [
            ("SYNTHskip01", "Serata con Paolo Finzi", "Backup.", {}),
            ("SYNTHskip04", "Dal futuro, con Paolo Finzi", "", {}),
            ("SYNTHskip05", "Dal 1970, con Paolo Finzi", "", {"timestamp": 0}),
        ]
    )
    playlist["entries"][1]["upload_date"] = "99991231"
    playlist["entries"][1:1] = [
        None,  # what yt-dlp -J --ignore-errors writes for a video it could not read
        flat_entry("SYNTHskip03", "Serata con Giulia Esempi", 3600.0),
        flat_entry("SYNTHskip06", "[Private video]", None),
    ]
    result = task(
        "import-playlist",
        f"{export(tmp_path, 'canale.json', tabs)},"
        f"{export(tmp_path, 'playlist.json', playlist)}",
    )
    assert result.returncode == 1
    tab_hint = (
        "(hint: export each tab with yt-dlp -J <tab address> (without "
        "--flat-playlist), or import the channel's address)"
    )
    not_imported = "(hint: it was not imported: write its talk with invoke new-talk)"
    assert result.stderr.splitlines() == [
        "entry 1: entry: https://www.youtube.com/@eroidigitali-synthetic/videos is "
        f"a channel's tab, not listed in the file {tab_hint}",
        "entry 2: entry: https://www.youtube.com/@eroidigitali-synthetic/streams is "
        f"a channel's tab, not listed in the file {tab_hint}",
        "entry 2: entry: is nothing: yt-dlp could not read this video (hint: yt-dlp "
        "says why when it runs; run the import again later)",
        "SYNTHskip03: date: missing from the export (hint: a flat listing has no "
        "dates: export with yt-dlp -J <playlist address> (without --flat-playlist), "
        "or import the address itself)",
        f"SYNTHskip04: date: the year 9999 is not plausible {not_imported}",
        f"SYNTHskip05: date: the year 1970 is not plausible {not_imported}",
    ]
    assert "skipped SYNTHskip06: private" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "import: 1 created (0 drafts), 0 already in the archive, 1 private or "
        "deleted, 0 caption files attached, 0 thumbnails saved, 6 failed"
    )
    assert [p.name for p in (archive / TALKS).iterdir()] == [
        "serata-con-paolo-finzi.md"
    ]


def test_a_draft_names_the_speaker_added_since_its_import(task, archive, tmp_path):
    """The maintainer's loop: a draft, a new speaker file, `check --todo`."""
    exported = export(
        tmp_path,
        "playlist.json",
        ytdlp_export([("SYNTHnext01", "Serata con Luca Nuovi", "Con Paolo.", {})]),
    )
    imported = task("import-playlist", exported)
    draft = f"{TALKS}/serata-con-luca-nuovi.md"
    assert (
        f"{draft}: speakers: no speaker named by @handle, alias or full name; "
        f"maybe @paolo (paolo), @paolo.finzi (Paolo Finzi) {DRAFT_HINT}"
    ) in imported.stdout.splitlines()
    assert task("new-speaker", "luca.nuovi", "--name", "Luca Nuovi").returncode == 0
    todo = task("check", "--todo", True)
    assert (
        f"{draft}: speakers: no Speakers: written, and it names @luca.nuovi (Luca "
        "Nuovi); maybe @paolo (paolo), @paolo.finzi (Paolo Finzi) (hint: write the "
        "handles in Speakers: (invoke new-speaker for a new one) and remove "
        "'Status: draft' to publish it)"
    ) in todo.stdout.splitlines()

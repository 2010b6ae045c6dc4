"""Transcripts: caption files become a readable, searchable "Trascrizione".

The caption files are SYNTHETIC (tests/captions.py): YouTube's automatic
captions exactly as yt-dlp saves them, and a plain SubRip file.
"""

import itertools
import json
import re

import pytest
from bs4 import BeautifulSoup

from eroi.model.captions import read_captions
from eroi.model.transcripts import Passage, Transcript, paragraphs, spoken_lines
from eroi.tools import runner
from tests.captions import speech, stamp, subrip, youtube_auto_vtt
from tests.helpers import build_site, pelican_content, ytdlp_entry, ytdlp_playlist

SPEAKER = "Name: Stefano Pasquini\nHandle: stefano.pasquini\n"
TALK = (
    "Title: {title}\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
    "YouTube: {video}\nDuration: 10 min\n{extra}\nDescrizione.\n"
)


def talk_file(n, extra=""):
    return TALK.format(title=f"Serata {n}", video=f"SYNTHtr{n:04d}", extra=extra)


# Collapsing and grouping ------------------------------------------------------------


def read_back(tmp_path, name, text, duration):
    """The Captions of ``text`` saved as ``name``; the file must have no problem."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    captions, problems = read_captions(path, duration=duration)
    assert problems == []
    return captions


def test_rolling_automatic_captions_collapse_to_each_phrase_once(tmp_path):
    lines = speech(300, seed=11)
    captions = read_back(tmp_path, "serata.it.vtt", youtube_auto_vtt(lines), 600)
    assert captions.automatic and captions.language == "it"
    assert len(captions.cues) == 2 * len(lines)  # a rolling cue and its echo each
    kept = spoken_lines(captions.cues)
    assert [text for _start, text in kept] == [text for *_, text in lines]
    assert [start for start, _text in kept] == [start for start, *_ in lines]
    text = " ".join(passage.text for passage in paragraphs(kept))
    assert not re.search(r"[<>]|-->|align:|position:|\d\d:\d\d", text)
    for _start, _end, phrase in lines:
        assert text.count(phrase) == 1, phrase


def test_subrip_captions_keep_their_sentences(tmp_path):
    lines = speech(120, seed=12)
    captions = read_back(tmp_path, "serata.srt", subrip(lines), 600)
    assert not captions.automatic
    passages = paragraphs(spoken_lines(captions.cues))
    assert passages[0].text.startswith(lines[0][2].capitalize() + ".")
    # Punctuated text closes a passage at the first sentence end after 30 s.
    for passage, following in itertools.pairwise(passages):
        assert 30 <= following.start - passage.start <= 60 + 5
        assert passage.text.endswith(".")


def test_passages_last_30_to_60_seconds_and_open_at_each_chapter(tmp_path):
    lines = speech(900, seed=13)
    captions = read_back(tmp_path, "serata.vtt", youtube_auto_vtt(lines), 1000)
    passages = paragraphs(spoken_lines(captions.cues), chapter_starts=[0, 750])
    starts = [passage.start for passage in passages]
    line_starts = [int(start) for start, *_ in lines]
    assert set(starts) <= set(line_starts)  # each passage opens with a line
    first_after_chapter = next(s for s in line_starts if s >= 750)
    assert first_after_chapter in starts
    for start, following in zip(starts, [*starts[1:], 900], strict=True):
        if following == first_after_chapter or following == 900:
            continue  # cut short by the chapter, or the end
        assert 60 <= following - start <= 65  # no punctuation: cut at 60 s


# On the talk page --------------------------------------------------------------------


def talk_page(synthetic, number):
    talk = synthetic.archive.talks[number - 1]
    return talk, synthetic.page(f"/videoconferenze/{talk['slug']}/")


def test_talk_page_shows_the_transcript_closed_with_seek_links(synthetic):
    talk, soup = talk_page(synthetic, 2)
    section = soup.select_one("section.transcript")
    assert section.h2.get_text() == "Trascrizione"
    details = section.select_one("details.transcript-body")
    assert not details.has_attr("open")
    assert "sottotitoli automatici" in section.select_one(".transcript-note").text
    text = section.select_one(".transcript-text")
    assert text["lang"] == "it"
    body = text.get_text(" ")
    assert "<" not in body and "align:" not in body
    for *_, phrase in talk["captions"]:
        assert body.count(phrase) == 1, phrase
    assert not text.find("h3")  # times are not headings
    passages = text.select("ol.transcript-passages > li[id]")
    assert passages[0]["id"] == "t-0"
    for passage in passages:
        seconds = int(passage["id"].removeprefix("t-"))
        link = passage.a
        assert link["class"] == ["chapter-time"]
        assert link["data-start"] == str(seconds)
        suffix = f"&t={seconds}s" if seconds else ""
        assert link["href"] == (
            f"https://www.youtube.com/watch?v={talk['video']}{suffix}"
        )
        assert link.text == stamp(seconds)[:8]
    # The chapter "Demo dal vivo" (00:12:30) opens a passage.
    first_after = next(int(s) for s, *_ in talk["captions"] if s >= 750)
    assert soup.find(id=f"t-{first_after}")


def test_subrip_transcript_is_not_called_automatic(synthetic):
    talk, soup = talk_page(synthetic, 3)
    note = soup.select_one(".transcript-note").text
    assert "automatici" not in note and "Dai sottotitoli della registrazione" in note
    assert soup.select_one(".transcript-text p").text.startswith(
        talk["captions"][0][2].capitalize() + "."
    )


def test_talks_without_captions_have_no_transcript(synthetic):
    _talk, soup = talk_page(synthetic, 1)
    assert soup.select_one("section.transcript") is None


def test_video_object_carries_the_transcript(synthetic):
    talk, soup = talk_page(synthetic, 3)
    graph = json.loads(soup.find("script", type="application/ld+json").string)
    video = next(n for n in graph["@graph"] if n["@type"] == "VideoObject")
    spoken = " ".join(f"{text.capitalize()}." for *_, text in talk["captions"])
    assert video["transcript"] == spoken


def test_a_long_transcript_is_cut_at_a_word_in_structured_data():
    passages = (Passage(0, "uno due tre"), Passage(40, "quattro cinque"))
    transcript = Transcript(passages, "it", automatic=True, source="x.vtt")
    assert transcript.excerpt(100) == "uno due tre quattro cinque"
    assert transcript.excerpt(13) == "uno due tre …"


# Bad caption files -------------------------------------------------------------------

GOOD = youtube_auto_vtt(speech(60, seed=14))
BAD = {
    "1.vtt": (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncaf\xe8\n",
        4,
        "not UTF-8 text",
    ),
    "2.vtt": (b"", 1, "the file is empty"),
    "3.vtt": (
        b"WEBVTT\nKind: captions\n\n",
        1,
        "no cues: the file holds no timed text",
    ),
    "4.vtt": (
        b"WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nuno\n\n"
        b"00:00:01.000 --> 00:00:02.000\ndue\n",
        6,
        "cue at 00:00:01.000 comes after a later one",
    ),
    "5.vtt": (
        b"WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nuno\n\n"
        b"00:12:00.000 --> 00:12:02.000\noltre\n",
        6,
        "cue 00:12:00.000 --> 00:12:02.000 ends after the video (00:10:00.000)",
    ),
    "6.vtt": (
        b"Non sono sottotitoli\n",
        1,
        "not a WebVTT caption file (the first line must be WEBVTT)",
    ),
    "8.vtt": (
        b"WEBVTT\n\n" + b"x" * 20_000_001,
        1,
        "the file is 20 MB, more than 20 MB",
    ),
    "7.srt": (
        b"1\n00:00:01,000 --> 00:00:xx\nciao\n",
        2,
        "'00:00:01,000 --> 00:00:xx' is not a cue timing",
    ),
}


def write_project(tmp_path, talks, captions):
    content = tmp_path / "content"
    (content / "speakers").mkdir(parents=True)
    (content / "talks").mkdir()
    (content / "speakers" / "stefano.pasquini.md").write_text(SPEAKER)
    for name, text in talks.items():
        (content / "talks" / name).write_text(text, encoding="utf-8")
    for name, data in captions.items():
        (content / "talks" / name).write_bytes(data)
    return content


@pytest.fixture
def bad_content(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    talks = {
        f"serata-{name.split('.')[0]}.md": talk_file(i) for i, name in enumerate(BAD)
    }
    captions = {f"serata-{name}": data for name, (data, _, _) in BAD.items()}
    talks["serata-10.md"] = talk_file(10, "Transcript: ../../fuori.vtt\n")
    talks["serata-9.md"] = talk_file(9)
    captions["serata-09.it.vtt"] = GOOD.encode()  # a typo: no talk owns it
    return write_project(tmp_path, talks, captions)


EXPECTED = [
    f"content/talks/serata-{name}:{line}: transcript: {message}"
    for name, (_data, line, message) in BAD.items()
] + [
    "content/talks/serata-10.md:6: transcript: '../../fuori.vtt' is outside content/",
    "content/talks/serata-09.it.vtt:1: transcript: no talk owns this caption file",
]


def assert_reported(text):
    for expected in EXPECTED:
        assert expected in text, (expected, text)
    assert "Traceback" not in text


def test_every_bad_caption_file_stops_the_build_with_its_line(bad_content, tmp_path):
    output = tmp_path / "output"
    with pytest.raises(runner.BuildError) as failure:
        build_site(output, PATH=str(bad_content))
    problems = [str(p) for p in failure.value.problems]
    assert_reported("\n".join(problems))
    assert len(problems) == len(EXPECTED)
    assert all("(hint: " in p for p in problems)
    assert not output.exists()


def test_check_and_pelican_report_the_same_caption_problems(project, task):
    talks = project / "content" / "talks"
    talk = next(talks.glob("*.md"))
    (talks / f"{talk.stem}.it.vtt").write_bytes(BAD["4.vtt"][0])
    (talks / "orfano.srt").write_text(subrip(speech(10)), encoding="utf-8")
    result = task("check")
    assert result.returncode == 1
    expected = [
        f"content/talks/{talk.stem}.it.vtt:6: transcript: cue at 00:00:01.000 "
        "comes after a later one",
        "content/talks/orfano.srt:1: transcript: no talk owns this caption file",
    ]
    for line in expected:
        assert line in result.stderr
    plain = pelican_content(project)
    assert plain.returncode == 1
    for line in expected:
        assert line in plain.stderr
    assert "Traceback" not in plain.stderr


def test_hostile_caption_text_stays_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"
        "<script>alert(1)</script> &lt;/script&gt;<b>grassetto</b>\n\n"
        "00:00:03.000 --> 00:00:05.000\n<v Mario>javascript:alert(2)\n"
    )
    content = write_project(
        tmp_path,
        {"serata.md": talk_file(1, "Transcript: sottotitoli.vtt\n")},
        {"sottotitoli.vtt": hostile.encode()},
    )
    output = tmp_path / "output"
    build_site(output, PATH=str(content), SEARCH_INDEX=False)
    html = (output / "videoconferenze" / "serata-1" / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    text = soup.select_one(".transcript-text p")
    assert text.find_all(True) == []
    assert text.text == "alert(1) </script>grassetto javascript:alert(2)"
    assert len(soup.find_all("script", src=False)) == 1  # the JSON-LD only
    assert (
        "</script>grassetto"
        not in soup.find("script", type="application/ld+json").string
    )


# Writers' commands -------------------------------------------------------------------


def test_import_playlist_attaches_the_captions_yt_dlp_wrote(task, project, tmp_path):
    downloads = tmp_path / "scaricati"
    downloads.mkdir()
    export = downloads / "playlist.json"
    export.write_text(
        json.dumps(
            ytdlp_playlist(
                [
                    ytdlp_entry(
                        "SYNTHcap001",
                        "Backup con Stefano Pasquini",
                        "Demo.",
                        "20210301",
                        1800,
                        timestamp=1614618000,
                    ),
                    ytdlp_entry(
                        "SYNTHcap002",
                        "Firewall con Mario_Tonti",
                        "Demo.",
                        "20210308",
                        1800,
                        timestamp=1615222800,
                    ),
                ]
            )
        ),
        encoding="utf-8",
    )
    first = youtube_auto_vtt(speech(120, seed=21))
    (downloads / "Backup con Stefano Pasquini [SYNTHcap001].it.vtt").write_text(first)
    result = task("import-playlist", str(export))
    assert result.returncode == 0, result.stderr
    talks = project / "content" / "talks"
    assert (talks / "backup-con-stefano-pasquini.it.vtt").read_text() == first
    assert (
        "attached content/talks/backup-con-stefano-pasquini.it.vtt to "
        "content/talks/backup-con-stefano-pasquini.md"
    ) in result.stdout
    assert "1 caption files attached" in result.stdout

    # Captions fetched later, for a talk already imported: attached by its id.
    later = youtube_auto_vtt(speech(120, seed=22))
    (downloads / "Firewall con Mario_Tonti [SYNTHcap002].it.vtt").write_text(later)
    again = task("import-playlist", str(export))
    assert again.returncode == 0, again.stderr
    assert (talks / "firewall-con-mario_tonti.it.vtt").read_text() == later
    assert "1 caption files attached" in again.stdout
    assert (talks / "backup-con-stefano-pasquini.it.vtt").read_text() == first
    assert "0 caption files attached" in task("import-playlist", str(export)).stdout

    build = task("build")
    assert build.returncode == 0, build.stderr
    page = project / "output" / "videoconferenze" / "firewall-con-mario_tonti"
    soup = BeautifulSoup((page / "index.html").read_text(), "html.parser")
    assert soup.select_one(".transcript-text li#t-0 a[data-start='0']")


def test_a_rebuild_shows_the_edited_caption_file(tmp_path, monkeypatch):
    """livereload rebuilds in one process: a changed file is read again."""
    monkeypatch.chdir(tmp_path)
    content = write_project(
        tmp_path,
        {"serata.md": talk_file(1)},
        {"serata.srt": subrip([(1.0, 3.0, "prima versione")]).encode()},
    )
    output = tmp_path / "output"
    page = output / "videoconferenze" / "serata-1" / "index.html"

    def build():
        build_site(output, PATH=str(content), SEARCH_INDEX=False)
        return BeautifulSoup(page.read_text(), "html.parser")

    assert build().select_one(".transcript-text p").text == "Prima versione."
    (content / "talks" / "serata.srt").write_text(
        subrip([(1.0, 3.0, "seconda versione")]), encoding="utf-8"
    )
    assert build().select_one(".transcript-text p").text == "Seconda versione."

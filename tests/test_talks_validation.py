"""Bad talk and speaker files stop the build with `path: field: problem (hint)`."""

import pytest

from eroi.tools import runner
from tests.helpers import ROOT, invoke, pelican_content

SPEAKERS = {
    "stefano.pasquini.md": "Name: Stefano Pasquini\nHandle: stefano.pasquini\n"
    "Aliases: spasquini\n",
    "mario.md": "Name: Mario Tonti\nHandle: Mario_Tonti\n",
}
GOOD_TALK = "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Paths in messages are shown relative to the working folder, as for writers."""
    monkeypatch.chdir(tmp_path)


def build(tmp_path, talks=(), speakers=SPEAKERS):
    """Build a small content folder; return the problems of the failed build."""
    content = tmp_path / "content"
    for folder, files in (("speakers", speakers), ("talks", dict(talks))):
        (content / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (content / folder / name).write_text(text, encoding="utf-8")
    output = tmp_path / "output"
    with pytest.raises(runner.BuildError) as failure:
        runner.build(
            str(ROOT / runner.DEV_SETTINGS),
            PATH=str(content),
            OUTPUT_PATH=str(output),
        )
    assert not output.exists(), "a failed build must not write the site"
    return [str(problem) for problem in failure.value.problems]


def problem_for(problems, path):
    """The problem of ``path``, without its ``path:line: `` prefix."""
    matching = [p for p in problems if p.split(":", 1)[0].endswith(path)]
    assert len(matching) == 1, problems
    return matching[0].split(": ", 1)[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Date: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n",
            "title: missing (hint: add 'Title: Backup sicuri con NethServer' to the front matter)",
        ),
        (
            "Title: Senza data\nSpeakers: stefano.pasquini\n",
            "date: missing (hint: add 'Date: 2021-01-11 17:00' to the front matter)",
        ),
        (
            "Title: Senza relatori\nDate: 2020-01-13 17:00\n",
            "speakers: missing (hint: add 'Speakers: stefano.pasquini, d.curto' "
            "to the front matter)",
        ),
        (
            GOOD_TALK.replace("stefano.pasquini", "stefano.pasqini"),
            "speakers: unknown speaker 'stefano.pasqini' "
            "(hint: did you mean 'stefano.pasquini'?)",
        ),
        (
            GOOD_TALK.replace("stefano.pasquini", "qwertyuiop"),
            "speakers: unknown speaker 'qwertyuiop' "
            '(hint: create it: invoke new-speaker qwertyuiop --name "Nome Cognome")',
        ),
        (
            GOOD_TALK + "YouTube: https://vimeo.com/12345\n",
            "youtube: 'https://vimeo.com/12345' is not a YouTube video id or URL "
            "(hint: paste the video's URL, e.g. https://www.youtube.com/watch?v="
            "dQw4w9WgXcQ, or its 11-character id)",
        ),
        (
            GOOD_TALK + "Duration: un'ora e mezza\n",
            'duration: "un\'ora e mezza" is not a duration like 1:30:00 or 90 min '
            "(hint: write e.g. 1:30:00 or 90 min)",
        ),
        (
            GOOD_TALK + "Slides: slide.pdf\n",
            "slides: 'slide.pdf' is not a link (hint: write the full address, "
            "starting with https://, or a path on this site starting with /)",
        ),
    ],
)
def test_talk_problems(tmp_path, text, expected):
    problems = build(tmp_path, {"serata.md": text + "\nTesto.\n"})
    assert problem_for(problems, "talks/serata.md") == expected


def test_unparseable_date_names_file_and_field(tmp_path, capsys):
    talk = GOOD_TALK.replace("2020-01-13 17:00", "lunedì prossimo")
    build(tmp_path, {"serata.md": talk})
    err = capsys.readouterr().err
    assert (
        "content/talks/serata.md:2: date: 'lunedì prossimo' is not a valid date" in err
    )
    assert "(hint: write it day first, e.g. 07/12/2026 17:30" in err


def test_same_video_in_two_talks(tmp_path):
    video = "YouTube: https://youtu.be/dQw4w9WgXcQ\n"
    problems = build(
        tmp_path,
        {
            "a.md": GOOD_TALK.replace("Una serata", "Prima") + video,
            "b.md": GOOD_TALK.replace("Una serata", "Seconda")
            + "YouTube: dQw4w9WgXcQ\n",
        },
    )
    assert problem_for(problems, "talks/b.md") == (
        "youtube: video dQw4w9WgXcQ is already the recording of content/talks/a.md "
        "(hint: each recording belongs to one talk)"
    )


def test_same_slug_in_two_talks(tmp_path):
    problems = build(tmp_path, {"a.md": GOOD_TALK, "b.md": GOOD_TALK})
    assert problem_for(problems, "talks/b.md") == (
        "slug: 'una-serata' is already the URL of content/talks/a.md "
        "(hint: add a different 'Slug:' to one of them)"
    )


def test_speaker_without_name_or_handle(tmp_path):
    speakers = {**SPEAKERS, "vuoto.md": "Company: Nessuna\n"}
    problems = build(tmp_path, speakers=speakers)
    assert [p.split(": ", 1)[1] for p in problems if "vuoto.md" in p] == [
        "handle: missing (hint: add 'Handle: forum.handle' to the front matter)",
        "name: missing (hint: add 'Name: Nome Cognome' to the front matter)",
    ]


def test_speaker_avatar_must_exist(tmp_path):
    speakers = {
        **SPEAKERS,
        "mario.md": SPEAKERS["mario.md"] + "Avatar: images/mario.jpg\n",
    }
    problems = build(tmp_path, speakers=speakers)
    assert problem_for(problems, "speakers/mario.md") == (
        "avatar: file images/mario.jpg not found in content/ (hint: put the file in "
        "content/images/ and write its path, e.g. images/nome.jpg)"
    )


def test_two_speakers_claiming_the_same_handle_or_alias(tmp_path):
    speakers = {
        **SPEAKERS,
        "zz-copia.md": "Name: Altro Stefano\nHandle: Stefano.Pasquini\n",
        "zz-alias.md": "Name: Ancora Altro\nHandle: ancora\nAliases: SPasquini\n",
    }
    problems = build(tmp_path, speakers=speakers)
    assert problem_for(problems, "speakers/zz-copia.md") == (
        "handle: 'Stefano.Pasquini' is already the handle or an alias of "
        "content/speakers/stefano.pasquini.md (hint: each handle and alias names one "
        "speaker)"
    )
    assert problem_for(problems, "speakers/zz-alias.md").startswith(
        "aliases: 'SPasquini' is already the handle or an alias of"
    )


def test_every_problem_is_reported_at_once(tmp_path):
    problems = build(
        tmp_path,
        {
            "a.md": "Date: 2020-01-13 17:00\nSpeakers: nessuno\n",
            "b.md": GOOD_TALK + "YouTube: nope\n",
        },
    )
    # a.md's missing title refuses it before its speakers are looked up; the
    # unknown speaker is reported once the file's own fields are right.
    assert len(problems) == 2


def test_invoke_build_prints_the_problems_and_exits_1(project):
    (project / "content" / "talks" / "rotto.md").write_text(
        "Title: Rotto\nDate: 2020-01-13 17:00\nSpeakers: Maurizio_Bonazi\n"
    )
    result = invoke(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.splitlines() == [
        "content/talks/rotto.md:3: speakers: unknown speaker 'Maurizio_Bonazi' "
        "(hint: did you mean 'Maurizio_Bonazzi'?)"
    ]


def test_plain_pelican_content_prints_the_same_and_exits_1(project):
    (project / "content" / "talks" / "rotto.md").write_text(
        "Title: Rotto\nDate: 2020-01-13 17:00\nSpeakers: Maurizio_Bonazi\n"
    )
    result = pelican_content(project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "content/talks/rotto.md:3: speakers: unknown speaker 'Maurizio_Bonazi' "
        "(hint: did you mean 'Maurizio_Bonazzi'?)"
    ]
    assert not (project / "output").exists()


# Hints that point at the right person ---------------------------------------------


def talk_with(speakers):
    return {"talk.md": GOOD_TALK.replace("stefano.pasquini", speakers)}


@pytest.mark.parametrize(
    ("speakers", "expected"),
    [
        (  # a handle nobody has, far from any: how to create it
            "giulia.rossi",
            "speakers: unknown speaker 'giulia.rossi' (hint: create it: invoke "
            'new-speaker giulia.rossi --name "Nome Cognome")',
        ),
        (  # a name instead of a handle: the handle of who has it
            "Mario Tonti",
            "speakers: 'Mario Tonti' is not a forum handle (hint: write the "
            "speaker's handle: Mario_Tonti)",
        ),
        (  # a name nobody has: a handle made of it, as an example
            "Giulia Rossi",
            "speakers: 'Giulia Rossi' is not a forum handle (hint: write the handle "
            "as on the forum, e.g. giulia.rossi)",
        ),
    ],
)
def test_a_speaker_hint_suggests_a_person_only_for_a_near_miss(
    tmp_path, speakers, expected
):
    assert problem_for(build(tmp_path, talk_with(speakers)), "talk.md") == expected


def test_handles_are_letters_of_any_alphabet(tmp_path):
    speakers = {
        **SPEAKERS,
        "éric.araujo.md": "Name: Éric Araujo\nHandle: éric.araujo\n",
        "mia.bajić.md": "Name: Mia Bajić\nHandle: mia.bajić\nAliases: cantù\n",
    }
    talks = talk_with("éric.araujo, mia.bajić, cantù, qwertyuiop")
    problems = build(tmp_path, talks, speakers)
    assert [p.split(": ", 1)[1].split(" (hint")[0] for p in problems] == [
        "speakers: unknown speaker 'qwertyuiop'"
    ]


def test_a_speaker_file_with_a_problem_is_reported_there_only(tmp_path):
    speakers = {
        **SPEAKERS,
        "giulia.rossi.md": "Name: Giulia Rossi\nHandle: giulia.rossi\nSito: x\n",
    }
    problems = build(tmp_path, talk_with("giulia.rossi"), speakers)
    assert [p.split(":")[0] for p in problems] == ["content/speakers/giulia.rossi.md"]


# No silent traps ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD_TALK + "\tTags: backup\n",
            "tags: is indented, so it is read as the end of the line above",
        ),
        (
            GOOD_TALK + "00:00 Intro\n00:10:00 Demo\n",
            "chapters: '00:00' follows the fields with no empty line, so it is read "
            "as a field",
        ),
        (
            GOOD_TALK + "\n*Descrizione.*\n00:00 Intro\n00:10:00 Demo\n",
            "chapters: '00:00' and the lines after it follow the text with no empty "
            "line, so they are not chapters",
        ),
    ],
)
def test_a_line_markdown_would_read_otherwise_is_a_problem(tmp_path, text, expected):
    problems = build(tmp_path, {"talk.md": text})
    assert any(p.split(": ", 1)[1].startswith(expected) for p in problems), problems


def test_chapters_right_after_the_text_are_chapters(tmp_path):
    content = tmp_path / "content"
    for folder, files in (
        ("speakers", SPEAKERS),
        ("talks", {"talk.md": GOOD_TALK + "\nDescrizione.\n00:00 Intro\n10:00 Demo\n"}),
    ):
        (content / folder).mkdir(parents=True)
        for name, text in files.items():
            (content / folder / name).write_text(text, encoding="utf-8")
    runner.build(
        str(ROOT / runner.DEV_SETTINGS),
        PATH=str(content),
        OUTPUT_PATH=str(tmp_path / "o"),
    )
    page = (
        tmp_path / "o" / "videoconferenze" / "una-serata" / "index.html"
    ).read_text()
    assert "<p>Descrizione.</p>" in page
    assert page.count('<span class="chapter-time">') == 2

"""Dates as Italians write them: day first, always; ISO 8601 still works."""

from datetime import datetime

import pytest

from eroi.model.parsers import FieldError, date
from eroi.tools import runner, scaffold


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("07/12/2026", datetime(2026, 12, 7)),
        ("7/12/2026 17:30", datetime(2026, 12, 7, 17, 30)),
        ("07.12.2026", datetime(2026, 12, 7)),
        ("7-12-2026 17.30", datetime(2026, 12, 7, 17, 30)),
        ("7 dicembre 2026", datetime(2026, 12, 7)),
        ("7 dic 2026", datetime(2026, 12, 7)),
        ("lunedì 7 dicembre 2026, 17:30", datetime(2026, 12, 7, 17, 30)),
        ("Lunedi 7 Dicembre 2026, ore 17:30", datetime(2026, 12, 7, 17, 30)),
        ("12/07/2026", datetime(2026, 7, 12)),
        ("2026-12-07", datetime(2026, 12, 7)),
        ("2026-12-07 17:00", datetime(2026, 12, 7, 17)),
    ],
)
def test_a_date_is_read_day_first(written, meant):
    assert date(written) == meant


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("7/12/26", "'7/12/26': which century is the year 26?", "four digits"),
        ("31/02/2026", "'31/02/2026' is not a date", "day first"),
        ("7 dicembrino 2026", "'dicembrino' is not a month", "day first"),
        (
            "martedì 7 dicembre 2026",
            "'martedì 7 dicembre 2026': that day is a lunedì, not a martedì",
            "leave the day of the week out",
        ),
        ("07/12/9999", "the year 9999 is not plausible", "between 1990"),
    ],
)
def test_a_date_that_cannot_be_read_one_way_is_refused_with_a_hint(
    written, message, hint
):
    with pytest.raises(FieldError) as refused:
        date(written)
    assert str(refused.value) == message
    assert hint in refused.value.hint


def test_a_talk_in_an_italian_date_builds_on_its_day(small_project):
    talk = small_project / "content" / "talks" / "lunedi.md"
    talk.write_text(
        "Title: Di lunedì\nDate: 07/12/2026 17:00\nSpeakers: stefano.pasquini\n",
        encoding="utf-8",
    )
    runner.build(TALKS_NOW=datetime.fromisoformat("2026-12-06T12:00+01:00"))
    page = small_project / "output" / "videoconferenze" / "di-lunedi" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "lunedì 7 dicembre 2026" in text and "17:00" in text


def test_new_talk_takes_the_date_as_italians_write_it(small_project):
    settings = runner.load_settings()
    path = scaffold.new_talk(
        "Una data italiana", "stefano.pasquini", settings, date="07/12/2026"
    )
    assert "Date: 2026-12-07 17:00\n" in path.read_text(encoding="utf-8")
    with pytest.raises(scaffold.ScaffoldError) as refused:
        scaffold.new_talk("Un'altra", "stefano.pasquini", settings, date="7/12/26")
    assert [str(p).split(" (hint")[0] for p in refused.value.problems] == [
        "content/talks/unaltra.md:1: date: '7/12/26': which century is the year 26?"
    ]

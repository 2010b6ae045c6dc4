"""The content model: every field declared once, and checked before anything is written.

Each refused case of tests/model_cases.py goes through `invoke build`,
`invoke check` and the plain `pelican content`: one exact line naming the
file, line and field, exit 1, no traceback, output/ byte-identical.
"""

import pytest

from tests.model_cases import ACCEPTED, REFUSED
from tests.test_boundary import COMMANDS, place, refused_lines
from tests.test_hostile import invoke_build


@pytest.mark.parametrize(
    ("files", "expected", "hint"),
    REFUSED,
    ids=[case[1][0].split(": ", 1)[-1][:60] for case in REFUSED],
)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_refused(small_project, capsys, files, expected, hint, command):
    lines = refused_lines(small_project, capsys, files, command)
    assert len(lines) == len(expected), lines
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(f"{start} (hint: {hint}"), line
        assert line.endswith(")"), line


@pytest.mark.parametrize(("files", "page"), ACCEPTED, ids=[p for _f, p in ACCEPTED])
def test_accepted(small_project, capsys, files, page):
    place(small_project, files)
    assert invoke_build() == 0, capsys.readouterr()
    assert (small_project / "output" / page).is_file()


# The schema is the only list of fields -------------------------------------------


def test_every_field_is_in_the_writers_guide():
    from eroi.model.reference import END, START, reference
    from tests.conftest import ROOT

    guide = (ROOT / "docs" / "guida-autori.md").read_text(encoding="utf-8")
    written = guide.split(START, 1)[1].split(END, 1)[0]
    assert written.strip() == reference().strip(), (
        "run: python -m eroi.model.reference docs/guida-autori.md"
    )
    from eroi.model.schema import SCHEMAS

    for schema in SCHEMAS.values():
        for declared in schema.fields:
            assert f"| `{declared.name}` |" in written


def test_every_example_parses_and_every_italian_name_finds_its_field():
    from eroi.model.schema import SCHEMAS
    from eroi.tools.runner import load_settings

    settings = load_settings()
    for schema in SCHEMAS.values():
        for declared in schema.fields:
            if declared.key != "avatar":  # a path: its file must exist
                declared.parse(declared.example, settings)
            for name in declared.italian:
                assert schema.closest(name) is declared, (schema.kind, name)


def test_scaffolds_and_importer_write_files_that_parse_cleanly(task, project, tmp_path):
    assert task("new-speaker", "nuovo.relatore").returncode == 0
    made = task("new-talk", "Una serata nuova", "--speakers", "nuovo.relatore")
    assert made.returncode == 0, made.stderr
    assert task("new-article", "Un articolo nuovo").returncode == 0
    export = tmp_path / "export.json"
    export.write_text(
        '{"_type": "playlist", "entries": [{"id": "SYNTHimp001", "title": '
        '"Serata importata", "timestamp": 1600000000, "duration": 3600, '
        '"description": "Con @nuovo.relatore"}]}',
        encoding="utf-8",
    )
    assert task("import-playlist", str(export)).returncode == 0
    checked = task("check")
    assert checked.returncode == 0, checked.stderr
    talk = (project / "content" / "talks" / "una-serata-nuova.md").read_text()
    from eroi.model.schema import SCHEMAS

    # Every field of the schema, in its order, ready to be filled in.
    names = [line.split(":", 1)[0] for line in talk.split("\n\n", 1)[0].splitlines()]
    assert names == [f.name for f in SCHEMAS["talk"].fields]


def test_a_field_added_to_the_schema_reaches_check_scaffold_and_page(
    task, project, monkeypatch
):
    """What the maintainers' guide promises: edit the schema and the template."""
    from dataclasses import replace

    from eroi.model import parsers
    from eroi.model.schema import SCHEMAS, Field

    level = Field(
        "Level",
        parsers.choice("base", "avanzato"),
        "base",
        "Il livello della serata.",
        "write base or avanzato",
        italian=("livello",),
    )
    talk = SCHEMAS["talk"]
    monkeypatch.setitem(SCHEMAS, "talk", replace(talk, fields=(*talk.fields, level)))
    template = project / "theme" / "templates" / "talk.html"
    text = template.read_text(encoding="utf-8")
    marker = "{% block content %}"
    assert marker in text
    template.write_text(
        text.replace(
            marker,
            marker + '{% if talk.level %}<p class="level">{{ talk.level }}</p>'
            "{% endif %}",
            1,
        ),
        encoding="utf-8",
    )
    made = task("new-talk", "Serata di livello", "--speakers", "stefano.pasquini")
    assert made.returncode == 0, made.stderr
    path = project / "content" / "talks" / "serata-di-livello.md"
    assert "\nLevel: \n" in path.read_text()
    path.write_text(path.read_text().replace("Level: ", "Livello: base"))
    checked = task("check")
    assert checked.returncode == 1
    assert (
        "content/talks/serata-di-livello.md:14: livello: is not a field of a talk "
        "(hint: did you mean 'Level'? e.g. Level: base)"
    ) in checked.stderr
    path.write_text(path.read_text().replace("Livello: base", "Level: base"))
    assert task("check").returncode == 0
    assert task("build").returncode == 0
    page = project / "output" / "videoconferenze" / "serata-di-livello" / "index.html"
    assert '<p class="level">base</p>' in page.read_text(encoding="utf-8")

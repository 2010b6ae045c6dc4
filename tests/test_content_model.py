"""The content model: every field declared once, in the schema.

Its refusals (misspelt and Italian field names, fields written twice, values
that used to crash, author profiles) are rows of tests/hostile_cases.py, run
through `invoke build`, `invoke check` and `pelican content` by
tests/test_hostile.py. Here: the schema is the only list of fields.
"""

from tests.helpers import ROOT

# The schema is the only list of fields -------------------------------------------


def test_every_field_is_in_the_writers_guide():
    from eroi.model.reference import END, START, reference

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
    line = path.read_text().splitlines().index("Livello: base") + 1
    checked = task("check")
    assert checked.returncode == 1
    assert (
        f"content/talks/serata-di-livello.md:{line}: livello: is not a field of a "
        "talk (hint: did you mean 'Level'? e.g. Level: base)"
    ) in checked.stderr
    path.write_text(path.read_text().replace("Livello: base", "Level: base"))
    assert task("check").returncode == 0
    assert task("build").returncode == 0
    page = project / "output" / "videoconferenze" / "serata-di-livello" / "index.html"
    assert '<p class="level">base</p>' in page.read_text(encoding="utf-8")

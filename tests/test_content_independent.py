"""The real content's checks hold whatever the content says.

A copy of the project's content/ is changed as writers change it in a pull
request: a speaker and a talk added with the scaffolds (`invoke new-speaker`,
`invoke new-talk`) and filled in, a word fixed in an article, and the talks
of the real archive deleted (all but the added one, unless another file
links to them). The copy must pass `invoke check` and, once built, exactly
the checks the real content gets (tests/helpers.py: real_content_problems,
run_vnu, axe_each_kind), so the suite never pins the community's content.
"""

import os
import re
import shutil

import pytest

from eroi.model.slugs import slug_for
from eroi.tools.runner import load_settings
from tests.helpers import (
    PROJECT_FILES,
    ROOT,
    axe_each_kind,
    build_site,
    invoke_task,
    page_url,
    pages_of_each_kind,
    real_content_problems,
    run_vnu,
    soup,
)

# The first of these the content does not have yet is added (a writer may
# well add a Giulia Rossi one day).
SUFFIXES = ("", "2", "3", "4", "5")
PEOPLE = [(f"giulia.rossi{n}", f"Giulia Rossi {n}".strip()) for n in SUFFIXES]
TITLES = [f"Backup senza pensieri {n}".strip() for n in SUFFIXES]
# The Austin report's slip, fixed as a writer would (any article, if it is gone).
SLIP, FIXED = "la possibilità condividere", "la possibilità di condividere"


def fill_in(path, fields, body=None):
    """Fill the scaffold's empty fields (and its placeholder body), as a writer."""
    text = path.read_text(encoding="utf-8")
    for name, value in fields.items():
        text, found = re.subn(rf"^{name}: *$", f"{name}: {value}", text, flags=re.M)
        assert found == 1, f"{path.name} has no empty {name} field"
    if body is not None:
        head, _ = text.split("\n\n", 1)
        text = f"{head}\n\n{body}\n"
    path.write_text(text, encoding="utf-8")


def fix_a_word(content):
    """The changed article and the words it now shows."""
    articles = sorted((content / "articles").glob("*.md"))
    for path in articles:
        text = path.read_text(encoding="utf-8")
        if SLIP in text:
            path.write_text(text.replace(SLIP, FIXED, 1), encoding="utf-8")
            return path, FIXED
    if not articles:
        return None, None
    path = articles[0]  # the slip is fixed already: a word added instead
    head, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    path.write_text(f"{head}\n\nDavvero: {body}", encoding="utf-8")
    return path, "Davvero:"


def added(folder, make):
    """The one file ``make()`` writes into ``folder`` (it must succeed)."""
    before = set(folder.iterdir())
    assert make() == 0
    (path,) = set(folder.iterdir()) - before
    return path


def delete_the_real_talks(content, keep):
    """Delete every talk but the added one, with its caption files, unless
    another file links to it (deleting that is a change of the other file
    too); the deleted files' names."""
    talks = content / "talks"
    sources = [
        p for p in content.rglob("*") if p.is_file() and p.suffix in {".md", ".rst"}
    ]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources]
    documents = [p for p in sources if p.parent == talks and p != keep]
    linked = [p for p in documents if any(f"talks/{p.name}" in t for t in texts)]
    kept_texts = [p.read_text(encoding="utf-8", errors="replace") for p in linked]
    deleted = []
    for path in sorted(p for p in talks.iterdir() if p.is_file()):
        if path == keep or path in linked:
            continue
        if path not in documents and (
            path.name.split(".")[0] in {p.stem for p in linked}
            or any(path.name in text for text in kept_texts)
        ):
            continue  # a caption file of a talk that stays
        path.unlink()
        deleted.append(path.name)
    return deleted


def change_as_writers_do(project):
    content = project / "content"
    speakers, talks = content / "speakers", content / "talks"
    handle, name = next(
        (handle, name)
        for handle, name in PEOPLE
        if not (speakers / f"{handle}.md").exists()
    )
    speaker = added(speakers, lambda: invoke_task("new-speaker", handle, name=name))
    fill_in(
        speaker,
        {"Company": "Studio Rossi"},
        body="Sistemista, si occupa di backup e di reti per piccole aziende.",
    )
    taken = {p.stem for p in talks.glob("*")}
    title = next(t for t in TITLES if slug_for(t, load_settings()) not in taken)
    talk = added(
        talks,
        lambda: invoke_task("new-talk", title, speakers=handle, date="2021-03-01"),
    )
    fill_in(
        talk,
        {
            "Tags": "Backup",
            "Summary": "Come impostare backup che non richiedono attenzione.",
        },
        body=(
            f"@{handle} mostra come impostare backup automatici e come "
            "verificare che si possano ripristinare."
        ),
    )
    article, words = fix_a_word(content)
    deleted = delete_the_real_talks(content, keep=talk)
    return {
        "name": name,
        "title": title,
        "talk": talk.stem,
        "article": article,
        "words": words,
        "deleted": deleted,
    }


def build_changed(root):
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copytree(ROOT / "content", root / "content", symlinks=True)
    here = os.getcwd()
    os.chdir(root)
    try:
        changes = change_as_writers_do(root)
        checked = invoke_task("check")
    finally:
        os.chdir(here)
    site = build_site(root / "output", PATH=str(root / "content"))
    site.changes = changes
    site.checked = checked
    return site


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A copy of the real content/, changed as writers change it, built."""
    return build_changed(tmp_path_factory.mktemp("changed"))


def test_the_changes_are_made_and_published(changed):
    kinds = pages_of_each_kind(changed.output)
    talk = changed.page(f"/videoconferenze/{changed.changes['talk']}/")
    assert talk.h1.get_text(strip=True) == changed.changes["title"]
    assert changed.changes["name"] in talk.select_one(".speaker-chips").get_text()
    talks = [
        p
        for p in changed.output.glob("videoconferenze/*/index.html")
        if p.with_name("evento.ics").is_file()
    ]
    assert [page_url(changed.output, p) for p in talks] == [
        page_url(changed.output, kinds["talk"])
    ], "only the added talk is left"
    assert changed.changes["deleted"], "no talk of the real archive was deleted"
    if changed.changes["article"] is not None:
        shown = [
            soup(p).get_text(" ") for p in changed.output.glob("blog/*/*/index.html")
        ]
        assert any(changed.changes["words"] in text for text in shown)


def test_invoke_check_passes_on_the_changed_copy(changed):
    assert changed.checked == 0


def test_the_changed_copy_passes_the_real_content_checks(changed):
    assert real_content_problems(changed) == []


def test_the_changed_copy_is_valid_html(changed, vnu):
    assert run_vnu(vnu, changed.output) == []


def test_axe_finds_no_violation_on_a_page_of_each_kind_of_the_changed_copy(
    page, changed
):
    assert {"talk", "speaker", "article"} <= set(axe_each_kind(page, changed.output))

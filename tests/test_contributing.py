"""The contributors' page (/contribuisci/) and `invoke check --todo`.

A SYNTHETIC archive (tests/synthetic.py) with a few hand-made SYNTHETIC files
added, so that exactly what each talk and speaker lacks is known: the page
and the command must list exactly those files and fields, with the same
Italian totals, and never a draft.
"""

import re
import shutil
from datetime import timedelta

import pytest
import yaml

from eroi.model.schema import SCHEMAS, front_matter
from tests.axe import assert_no_violation
from tests.helpers import ROOT, build_site, run_vnu, serve
from tests.synthetic import make_archive

TALKS = "content/talks/videoconferenza-sintetica-{:03d}.{}"
REPOSITORY = "https://github.com/example/eroi-digitali"
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "proposta-videoconferenza.yml"


def talk(n, suffix="md"):
    return TALKS.format(n, suffix)


# make_archive(talks=10, speakers=4, thumbnails=3): talks 8-10 are upcoming;
# 4 has no video; the recorded ones are 1, 2, 3, 5 (reStructuredText: no
# thumbnail, no Slides), 6, 7; thumbnails for 1-3; chapters only in 2;
# captions only for 2 and 3; only relatore.01 has an avatar. Then
# add_gaps() below: relatore.03 loses bio, company and website, and four
# talks and a draft are added.
EXPECTED = {
    ("youtube", talk(4)),
    ("youtube", "content/talks/serata-spoglia.md"),
    ("youtube", "content/talks/serata-riassunto.md"),
    ("thumbnail", talk(5, "rst")),
    ("thumbnail", talk(6)),
    ("thumbnail", talk(7)),
    ("thumbnail", "content/talks/serata-capitoli.md"),
    ("transcript", talk(1)),
    ("transcript", talk(5, "rst")),
    ("transcript", talk(6)),
    ("transcript", talk(7)),
    ("transcript", "content/talks/serata-capitoli.md"),
    ("chapters", talk(1)),
    ("chapters", talk(3)),
    ("chapters", talk(5, "rst")),
    ("chapters", talk(6)),
    ("chapters", talk(7)),
    ("slides", talk(5, "rst")),
    ("slides", "content/talks/serata-spoglia.md"),
    ("summary", "content/talks/serata-spoglia.md"),
    ("summary", "content/talks/serata-capitoli.md"),
    ("summary", "content/talks/serata-futura.md"),
    ("tags", "content/talks/serata-spoglia.md"),
    ("tags", "content/talks/serata-futura.md"),
    ("bio", "content/speakers/relatore.03.md"),
    ("avatar", "content/speakers/relatore.00.md"),
    ("avatar", "content/speakers/relatore.02.md"),
    ("avatar", "content/speakers/relatore.03.md"),
    ("company", "content/speakers/relatore.03.md"),
    ("website", "content/speakers/relatore.03.md"),
}
TOTALS = [
    "3 videoconferenze senza video",
    "4 videoconferenze senza anteprima del video",
    "5 videoconferenze senza trascrizione",
    "5 videoconferenze senza capitoli",
    "2 videoconferenze senza slide",
    "3 videoconferenze senza descrizione",
    "2 videoconferenze senza tag",
    "1 relatore senza biografia",
    "3 relatori senza foto",
    "1 relatore senza azienda",
    "1 relatore senza sito web",
]
DRAFT = "content/talks/bozza-sintetica.md"


def write(content, relative, fields, kind="talk", body=""):
    path = content / relative
    path.write_text(
        front_matter(SCHEMAS[kind], fields, blanks=False) + body, encoding="utf-8"
    )


def add_gaps(content, archive):
    """The SYNTHETIC files whose gaps EXPECTED lists (besides make_archive's)."""
    write(
        content,
        "speakers/relatore.03.md",
        {
            "name": "Relatore Sintetico 03",
            "handle": "relatore.03",
            "aliases": "alias03",
        },
        kind="speaker",
    )
    past = f"{archive.now - timedelta(days=30):%Y-%m-%d %H:%M}"
    future = f"{archive.now + timedelta(days=200):%Y-%m-%d %H:%M}"
    speaker = {"speakers": "relatore.01"}
    write(
        content,
        "talks/serata-spoglia.md",
        {"title": "Serata sintetica spoglia", "date": past, **speaker},
    )
    write(
        content,
        "talks/serata-riassunto.md",
        {
            "title": "Serata sintetica con riassunto",
            "date": past,
            "tags": "Sintetico",
            "slides": "https://example.org/slide/riassunto",
            "summary": "Un riassunto sintetico.",
            **speaker,
        },
    )
    write(
        content,
        "talks/serata-capitoli.md",
        {
            "title": "Serata sintetica con soli capitoli",
            "date": past,
            "youtube": "SYNTHchap01",
            "duration": "60 min",
            "tags": "Sintetico",
            "slides": "https://example.org/slide/capitoli",
            **speaker,
        },
        body="\n00:00 Introduzione\n10:00 Domande\n",
    )
    write(
        content,
        "talks/serata-futura.md",
        {"title": "Serata sintetica in programma", "date": future, **speaker},
    )
    write(
        content,
        "talks/bozza-sintetica.md",
        {"title": "Bozza sintetica", "date": past, "status": "draft", **speaker},
    )


def make_content(content):
    archive = make_archive(content, talks=10, speakers=4, articles=1, thumbnails=3)
    add_gaps(content, archive)
    return archive


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The SYNTHETIC archive built twice: without and with REPOSITORY_URL."""
    root = tmp_path_factory.mktemp("contributing")
    archive = make_content(root / "content")
    sites = {
        name: build_site(
            root / name / "output",
            PATH=str(root / "content"),
            TALKS_NOW=archive.now,
            REPOSITORY_URL=url,
        )
        for name, url in (("plain", ""), ("repository", REPOSITORY))
    }
    return sites


def listed(page):
    """``{(field, file)}`` of the page's entries, and its totals, in order."""
    entries = set()
    for section in page.select("section.gap"):
        key = section.h3["id"].rsplit("-", 1)[-1]
        for item in section.select(".gap-files li"):
            entries.add((key, item.code.get_text()))
    totals = [li.get_text(strip=True) for li in page.select(".gap-totals li")]
    return entries, totals


def test_the_page_lists_exactly_what_is_missing_with_totals(built):
    page = built["plain"].page("/contribuisci/")
    entries, totals = listed(page)
    assert entries == EXPECTED
    assert totals == TOTALS
    assert DRAFT not in page.get_text() and "Bozza sintetica" not in page.get_text()
    assert page.h1.get_text() == "Cosa manca"
    # Each section's heading is its total, and each total links to it.
    for link in page.select(".gap-totals a"):
        target = page.find(id=link["href"].removeprefix("#"))
        assert target.name == "h3" and target.get_text() == link.get_text()
    assert [h.get_text() for h in page.select("main h2")] == [
        "In breve",
        "Videoconferenze",
        "Relatori",
        "Proponi un tema",
    ]


def test_a_large_archive_lists_a_few_files_a_gap_beside_its_total(paged):
    from bs4 import BeautifulSoup

    html = (paged.output / "contribuisci" / "index.html").read_text("utf-8")
    page = BeautifulSoup(html, "html.parser")
    sections = {s.h3["id"].rsplit("-", 1)[-1]: s for s in page.select("section.gap")}
    # 120 talks, every fourth past one without a video: 29 (CONTRIBUTE_LIST_MOST 5).
    missing = [t for t in paged.archive.talks if t["state"] == "unavailable"]
    youtube = sections["youtube"]
    assert youtube.h3.get_text() == f"{len(missing)} videoconferenze senza video"
    newest = sorted(missing, key=lambda t: t["date"], reverse=True)[:5]
    assert [a.get_text() for a in youtube.select(".gap-files a")] == [
        t["title"] for t in newest
    ]
    assert youtube.select_one(".gap-more").get_text() == (
        f"Qui ne trovi 5 su {len(missing)}: l'elenco completo lo stampa "
        "invoke check --todo."
    )
    for section in sections.values():
        assert len(section.select(".gap-files li")) <= 5
    # Every speaker has a company: that gap has no section, and no "more".
    assert "company" not in sections


def test_every_page_links_the_contributors_page_in_its_footer(built):
    site = built["plain"]
    for url in ("/", "/videoconferenze/", "/contribuisci/"):
        link = site.page(url).select_one("footer a[href$='contribuisci/']")
        assert link is not None and link.get_text() == "Cosa manca: contribuisci"


def test_each_entry_links_its_page_and_each_gap_says_how_to_fill_it(built):
    site = built["plain"]
    page = site.page("/contribuisci/")
    for item in page.select(".gap-files li"):
        site.file("/contribuisci/" + item.a["href"])  # the talk's or speaker's page
    sections = {s.h3["id"].rsplit("-", 1)[-1]: s for s in page.select("section.gap")}
    talk, speaker = SCHEMAS["talk"], SCHEMAS["speaker"]
    for key, schema in (("youtube", talk), ("slides", talk), ("tags", talk)):
        codes = [c.get_text() for c in sections[key].select("p code")]
        assert codes == [schema.get(key).name, schema.get(key).line]
    for key in ("avatar", "company", "website"):
        codes = [c.get_text() for c in sections[key].select("p code")]
        assert codes == [speaker.get(key).name, speaker.get(key).line]
    assert "invoke fetch-thumbnails" in sections["thumbnail"].get_text()
    assert "invoke import-playlist" in sections["transcript"].get_text()
    assert ".it.vtt" in sections["transcript"].get_text()
    assert talk.get("summary").line in sections["summary"].get_text()


def test_topics_are_proposed_with_the_issue_form_only_when_the_repository_is_known(
    built,
):
    plain = built["plain"].page("/contribuisci/").select_one(".contribute-propose")
    assert plain.find("a") is None
    assert "forum della community" in plain.get_text()
    linked = built["repository"].page("/contribuisci/")
    links = [a["href"] for a in linked.select(".contribute-propose a")]
    assert links == [
        f"{REPOSITORY}/issues/new?template={FORM.name}",
        f"{REPOSITORY}/issues?q=is%3Aissue+is%3Aopen+label%3Aproposta",
    ]
    assert listed(linked) == listed(built["plain"].page("/contribuisci/"))


def test_the_issue_form_is_valid_for_github():
    """GitHub's issue-form syntax: name, description, body; ids unique."""
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert isinstance(form["name"], str) and form["name"].strip()
    assert isinstance(form["description"], str) and form["description"].strip()
    assert set(form) <= {
        "name",
        "description",
        "body",
        "title",
        "labels",
        "assignees",
        "projects",
        "type",
    }
    assert form["labels"] == ["proposta"]  # what the page's list of topics filters
    body = form["body"]
    assert body and any(item["type"] != "markdown" for item in body)
    ids = []
    for item in body:
        kind, attributes = item["type"], item["attributes"]
        assert kind in {"markdown", "textarea", "input", "dropdown", "checkboxes"}
        if kind == "markdown":
            assert attributes["value"].strip() and "id" not in item
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", item["id"])
        ids.append(item["id"])
        assert attributes["label"].strip()
        if kind == "dropdown":
            assert attributes["options"] and all(attributes["options"])
        assert isinstance(item.get("validations", {}).get("required", False), bool)
    assert len(ids) == len(set(ids))


def test_the_page_is_valid_html(built, vnu, tmp_path):
    for name, site in built.items():
        shutil.copy(site.file("/contribuisci/"), tmp_path / f"{name}.html")
    assert run_vnu(vnu, tmp_path) == []


@pytest.mark.parametrize("variant", ["plain", "repository"])
def test_axe_finds_no_violation_on_the_page(built, page, variant):
    with serve(built[variant].output) as base_url:
        page.goto(base_url + "/contribuisci/", wait_until="load")
        assert_no_violation(page, f"/contribuisci/ ({variant})")


# The command ---------------------------------------------------------------------

LINE = re.compile(r"^(content/\S+): (\w+): missing \(hint: .+\)$")


@pytest.fixture
def synthetic_project(project, monkeypatch):
    """The project's copy with the SYNTHETIC content, 'now' as the archive's."""
    shutil.rmtree(project / "content")
    archive = make_content(project / "content")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(archive.now.timestamp())))
    return project


def test_check_todo_prints_the_same_list_and_exits_0(synthetic_project, task):
    result = task("check", "--todo", True)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("check: all good")
    gaps = [LINE.match(line) for line in lines[1:-1]]
    assert all(gaps), lines
    assert {(m[2], m[1]) for m in gaps} == EXPECTED
    assert len(gaps) == len(EXPECTED)  # one line per gap
    assert [m[1] for m in gaps] == sorted(m[1] for m in gaps)  # by file
    assert lines[-1] == f"todo: {'; '.join(TOTALS)}."
    assert DRAFT not in result.stdout
    plain = task("check")
    assert plain.returncode == 0 and plain.stdout == lines[0] + "\n"


def test_check_todo_still_fails_on_a_problem(synthetic_project, task):
    (synthetic_project / "content" / "talks" / "serata-spoglia.md").write_text(
        "Title: Serata sintetica spoglia\nDate: 2019-13-01\n", encoding="utf-8"
    )
    result = task("check", "--todo", True)
    assert result.returncode == 1
    assert "content/talks/serata-spoglia.md:2: date:" in result.stderr
    assert "todo: " in result.stdout


def test_check_knows_the_site_s_own_pages(task, project):
    """A writer may link the contributors' page, the open data and the search."""
    (project / "content" / "articles" / "link.md").write_text(
        "Title: Dove aiutare\nDate: 2020-01-01 10:00\n\n"
        "Vedi [cosa manca](/contribuisci/), [i dati](/dati/) e [cerca](/cerca/).\n",
        encoding="utf-8",
    )
    result = task("check")
    assert result.returncode == 0, result.stderr
    assert "check: all good" in result.stdout

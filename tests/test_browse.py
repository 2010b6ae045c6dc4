"""Finding things in the built site: the search index, the header's form,
pictures on the cards, related talks and Italian counts (no browser needed)."""

import gzip
import json
import random
import shutil
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from eroi.model.italian import quante
from eroi.model.related import closeness, relate_all
from eroi.tools import runner
from tests.helpers import html_files, pelican_content, soup


def indexed(output):
    """``{url: record}`` of every page in the Pagefind bundle of ``output``."""
    records = {}
    for path in (output / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        records[record["url"]] = record
    return records


def test_the_index_holds_articles_talks_speakers_and_nothing_else(synthetic):
    archive = synthetic.archive
    records = indexed(synthetic.output)
    talks = {f"/videoconferenze/{t['slug']}/" for t in archive.talks}
    speakers = {
        f"/relatori/{s['name'].lower().replace(' ', '-')}/" for s in archive.speakers
    }
    articles = {f"/blog/2019/articolo-sintetico-{n:03d}/" for n in range(5)}
    assert set(records) == talks | speakers | articles
    kinds = {url: record["filters"]["tipo"] for url, record in records.items()}
    assert {kinds[url][0] for url in talks} == {"videoconferenza"}
    assert {kinds[url][0] for url in speakers} == {"relatore"}
    assert {kinds[url][0] for url in articles} == {"articolo"}


def test_a_talk_is_indexed_with_its_filters_and_without_its_neighbours(synthetic):
    talk = synthetic.archive.talks[1]
    record = indexed(synthetic.output)[f"/videoconferenze/{talk['slug']}/"]
    assert record["meta"]["title"] == talk["title"]
    assert record["filters"]["anno"] == ["2019"]
    assert record["filters"]["tag"] == [talk["tag"]]
    assert len(record["filters"]["relatore"]) == len(talk["speakers"])
    assert record["meta"]["datetime"] == talk["date"].isoformat()
    assert "Demo dal vivo" in record["content"]  # a chapter title
    page = synthetic.page(f"/videoconferenze/{talk['slug']}/")
    related = [a.get_text() for a in page.select(".related-talks .talk-card-title a")]
    assert related
    for other in related:
        assert other not in record["content"]  # related talks stay out
    for boilerplate in ("Tutte le videoconferenze", "Guarda il video", "Feed Atom"):
        assert boilerplate not in record["content"]


def test_every_page_has_the_search_form_in_its_header(synthetic):
    for path in html_files(synthetic.output):
        if path.parent.name == "pagefind":
            continue
        form = soup(path).select_one("header form[role=search]")
        assert form is not None, path
        assert form["method"] == "get"
        assert form["action"].endswith("cerca/"), path
        assert form.select_one("input[type=search]")["name"] == "q"
        label = form.select_one("label")
        assert label.get_text() == "Cerca nel sito"


def test_the_search_bundle_is_only_what_the_page_uses(site):
    bundle = site.output / "pagefind"
    names = {path.name for path in bundle.iterdir() if path.is_file()}
    assert "pagefind.js" in names
    assert "wasm.it.pagefind" in names
    assert not any("-ui." in name or "worker" in name for name in names)


def test_plain_pelican_content_writes_the_index(small_project):
    shutil.rmtree(small_project / "output")
    result = pelican_content(small_project)
    assert result.returncode == 0, result.stderr
    assert "/relatori/stefano-pasquini/" in indexed(small_project / "output")


def test_a_failed_index_fails_the_build_and_keeps_the_output(
    small_project, monkeypatch
):
    """A built project (small_project), then a build whose index fails."""
    output = small_project / "output"
    before = sorted(p.relative_to(output) for p in output.rglob("*"))

    broken = small_project / "pagefind-rotto"
    broken.write_text("#!/bin/sh\necho 'the index could not be written' >&2\nexit 3\n")
    broken.chmod(0o755)
    from eroi.plugins.search import index

    monkeypatch.setattr(index, "executable", lambda: broken)
    with pytest.raises(runner.BuildError) as failure:
        runner.build()
    assert "Pagefind failed" in str(failure.value)
    assert "exit status 3: the index could not be written" in str(failure.value)
    assert sorted(p.relative_to(output) for p in output.rglob("*")) == before
    assert not list(small_project.glob(".output-*"))


def test_every_card_has_a_sized_picture(synthetic):
    archive = synthetic.archive
    by_title = {t["title"]: t for t in archive.talks}
    thumbnails = {
        p.stem for p in (synthetic.output / "images" / "thumbnails").glob("*.jpg")
    }
    pages = ("/", "/videoconferenze/", "/relatori/relatore-sintetico-01/")
    tags = [f"/videoconferenze/tag/{t.lower()}/" for t in ("VoIP", "Backup")]
    for url in (*pages, *tags):
        cards = synthetic.page(url).select(".talk-card")
        assert cards, url
        for card in cards:
            talk = by_title[card.select_one(".talk-card-title a").get_text()]
            image = card.select_one(".talk-card-picture img")
            if talk["video"] in thumbnails:
                assert image["src"].endswith(f"images/thumbnails/{talk['video']}.jpg")
                assert (image["width"], image["height"]) == ("160", "90")
                assert image["alt"] == ""  # the title beside it is the link
            else:
                assert image is None
                placeholder = card.select_one(".card-placeholder")
                assert placeholder.get_text() == f"#{talk['number']}"


def test_playlist_pictures_below_the_fold_load_lazily(synthetic):
    cards = synthetic.page("/videoconferenze/").select(".talk-card")
    lazy = [n for n, card in enumerate(cards) if card.select_one("img[loading=lazy]")]
    eager = [n for n, card in enumerate(cards) if card.select_one("img:not([loading])")]
    assert lazy
    assert all(n < 3 for n in eager)
    assert all(n >= 3 for n in lazy)


def test_every_talk_page_suggests_related_talks(synthetic):
    archive = synthetic.archive
    for talk in archive.talks:
        page = synthetic.page(f"/videoconferenze/{talk['slug']}/")
        related = page.select(".related-talks .talk-card-title a")
        assert 3 <= len(related) <= 4, talk["slug"]
        titles = [a.get_text() for a in related]
        assert talk["title"] not in titles
        aside = page.select_one(".related-talks")
        assert aside.find_parent(attrs={"data-pagefind-body": True}) is None
    # Same speakers first: talk 1's speaker gave other talks, listed first.
    first = archive.talks[0]
    mates = [
        t["title"]
        for t in archive.talks
        if t is not first and set(t["speakers"]) & set(first["speakers"])
    ]
    page = synthetic.page(f"/videoconferenze/{first['slug']}/")
    shown = [a.get_text() for a in page.select(".related-talks .talk-card-title a")]
    assert shown[: min(len(mates), 4)] == [t for t in shown if t in mates][:4]


class FakeTalk(SimpleNamespace):
    """Just what related talks read of a talk; hashable by identity, like a Talk."""

    __hash__ = object.__hash__
    __eq__ = object.__eq__


def fake_talk(number, date, speakers, tags):
    return FakeTalk(
        number=number,
        date=date,
        speakers=[SimpleNamespace(handle=h) for h in speakers],
        talk_tags=[SimpleNamespace(slug=t) for t in tags],
        related=(),
    )


def test_related_talks_order_speakers_then_tags_then_time():
    start = datetime(2020, 1, 6)
    talk = fake_talk(1, start, ["anna"], ["voip", "cloud"])
    same_speaker_far = fake_talk(2, start + timedelta(days=900), ["anna"], [])
    two_tags = fake_talk(3, start + timedelta(days=600), ["bruno"], ["voip", "cloud"])
    one_tag = fake_talk(4, start + timedelta(days=300), ["carla"], ["voip"])
    nearest = fake_talk(5, start + timedelta(days=7), ["dario"], [])
    farther = fake_talk(6, start + timedelta(days=14), ["elena"], [])
    talks = [talk, same_speaker_far, two_tags, one_tag, nearest, farther]
    relate_all(talks)
    assert talk.related == [same_speaker_far, two_tags, one_tag, nearest]


def test_related_talks_match_comparing_every_pair():
    """The fast choice equals the brute-force one, on random archives."""
    rng = random.Random(3)
    for _ in range(30):
        start = datetime(2019, 1, 7)
        talks = [
            fake_talk(
                n,
                start + timedelta(days=rng.choice([7, 14, 14, 21]) * n),
                rng.sample(["a", "b", "c", "d", "e", "f"], rng.choice([1, 1, 2])),
                rng.sample(["t1", "t2", "t3", "t4"], rng.choice([0, 1, 2, 3])),
            )
            for n in range(1, rng.randint(2, 60))
        ]
        relate_all(talks)
        for talk in talks:
            others = [o for o in talks if o is not talk]
            expected = sorted(others, key=lambda o, t=talk: closeness(t, o))[:4]
            assert talk.related == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0 incontri"), (1, "1 incontro"), (2, "2 incontri"), (21, "21 incontri")],
)
def test_counts_agree_with_their_noun(number, expected):
    assert quante(number, "incontro", "incontri") == expected


def test_italian_counts_on_the_pages(prepared, synthetic):
    """One talk and one speaker (the small project), then many."""
    small = prepared / "output"
    lead = soup(small / "videoconferenze" / "index.html").select_one(".lead").get_text()
    assert "1 incontro dal 2020" in lead
    assert "1 incontri" not in lead
    lead = synthetic.page("/videoconferenze/").select_one(".lead").get_text()
    assert f"{len(synthetic.archive.talks)} incontri" in lead
    speakers = soup(small / "relatori" / "index.html").select_one(".lead").get_text()
    assert speakers.startswith("1 relatore ")
    speakers = synthetic.page("/relatori/").select_one(".lead").get_text()
    assert speakers.startswith(f"{len(synthetic.archive.speakers)} relatori ")

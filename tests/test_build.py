"""The build commands: clear errors, no traceback, previous output untouched."""

from urllib.parse import urlsplit

import feedparser
import pytest

from eroi.tools import runner
from tests.community import REPORT
from tests.helpers import (
    broken_links,
    build_site,
    invoke,
    invoke_task,
    page_url,
    pages_of_each_kind,
    snapshot,
    soup,
    third_party_loads,
)


def test_invoke_build_writes_the_site(project):
    result = invoke(project, "build")
    assert result.returncode == 0, result.stderr
    article = project / "output" / REPORT["url"].strip("/") / "index.html"
    assert article.is_file()
    assert not list(project.glob(".output-*")), (
        "staging folders must not be left behind"
    )


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("Date: 2021-01-01\n", "content/articles/rotto.md:1: title: missing"),
        (
            "Title: Rotto\nDate: il primo di gennaio\n",
            "content/articles/rotto.md:2: date: 'il primo di gennaio' is not a valid "
            "date",
        ),
    ],
)
def test_bad_article_fails_clearly_and_keeps_previous_output(
    small_project, capsys, front_matter, message
):
    """A built project (small_project: built, then copied), a broken file."""
    before = snapshot(small_project / "output")
    (small_project / "content" / "articles" / "rotto.md").write_text(
        front_matter + "\nTesto.\n"
    )
    capsys.readouterr()
    assert invoke_task("build") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1
    assert err.startswith(message + " (hint: ")
    assert snapshot(small_project / "output") == before
    assert not list(small_project.glob(".output-*"))


def test_publish_refuses_without_siteurl(project):
    env = {"SITEURL": ""}
    result = invoke(project, "publish", env=env)
    assert result.returncode == 2
    assert "publishconf.py: SITEURL: not set" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "output").exists()


def test_production_build_uses_absolute_urls_and_passes_the_gates(tmp_path):
    """The real content/ in production: whatever it says, every page of each
    kind (found by walking the output) is canonical at its absolute URL."""
    siteurl = "https://eroi.example.org/sito"
    site = build_site(
        tmp_path / "output", "publishconf.py", SITEURL=siteurl, FEED_DOMAIN=siteurl
    )
    assert site.log == []
    for kind, path in pages_of_each_kind(site.output).items():
        if kind == "not found":
            continue  # served at any address: no canonical one
        page = soup(path)
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical == page_url(site.output, path, siteurl), kind
        stylesheet = page.find("link", rel="stylesheet")["href"]
        assert stylesheet == f"{siteurl}/theme/css/site.css", kind
    feed = feedparser.parse(site.file("/feeds/blog.atom.xml").read_bytes())
    assert all(entry.link.startswith(siteurl + "/blog/") for entry in feed.entries)
    assert broken_links(site.output, siteurl) == []
    assert third_party_loads(site.output, urlsplit(siteurl).netloc) == []


def test_the_same_content_builds_the_same_bytes(site, tmp_path):
    # Its own share-card cache: every card drawn again, compared too.
    again = build_site(tmp_path / "output", SHARE_CARDS_CACHE=str(tmp_path / "cards"))
    assert without_search_filters(snapshot(again.output)) == without_search_filters(
        snapshot(site.output)
    )


def without_search_filters(files):
    """All files but Pagefind's filter chunks and the two files naming them.

    Pagefind writes a filter's values in its (Rust) hash map's order, seeded
    afresh on every run: the same filters, other bytes. Its pages and words
    (fragments and index chunks) are compared like every other file.
    """
    return {
        path: data
        for path, data in files.items()
        if not (
            path.parts[:2] == ("pagefind", "filter")
            or path.name == "pagefind-entry.json"
            or path.suffix == ".pf_meta"
        )
    }


# Problems belong to the build, caches to the runner ---------------------------------

ROTTO = "content/articles/rotto.md:2: date: 'ieri' is not a valid date"


def test_a_runner_prints_each_build_s_own_problems_once(small_project, capsys):
    """livereload's runner builds again and again: each failed build prints its
    own problems once, and a good build after it prints nothing."""
    builder = runner.Runner()
    bad = small_project / "content" / "articles" / "rotto.md"
    bad.write_text("Title: Rotto\nDate: ieri\n\nx\n", encoding="utf-8")
    capsys.readouterr()
    for _ in range(2):
        with pytest.raises(runner.BuildError) as failure:
            builder.build()
        assert failure.value.exit_status == 1
        assert [str(p).split(" (hint")[0] for p in failure.value.problems] == [ROTTO]
        printed = capsys.readouterr().err.splitlines()
        assert [line.split(" (hint")[0] for line in printed] == [ROTTO]
    bad.unlink()
    builder.build()
    assert capsys.readouterr().err == ""


def test_a_runner_s_memory_sees_an_edited_caption_file(small_project):
    """Parsed caption files are kept between a runner's builds, by file version."""
    talks = small_project / "content" / "talks"
    (talks / "serata.md").write_text(
        "Title: Una serata\nDate: 2020-01-13 17:00\nSpeakers: stefano.pasquini\n"
        "YouTube: SYNTHmem001\nDuration: 10 min\n\nLa serata.\n",
        encoding="utf-8",
    )
    captions = talks / "serata.it.srt"
    builder = runner.Runner()
    page = small_project / "output" / "videoconferenze" / "una-serata" / "index.html"
    for words in ("prima versione", "seconda versione"):
        captions.write_text(
            f"1\n00:00:01,000 --> 00:00:04,000\nParole della {words}.\n",
            encoding="utf-8",
        )
        builder.build()
        assert f"Parole della {words}." in page.read_text(encoding="utf-8")
    assert len(builder.memory.cache("transcripts")) == 2
    assert runner.Runner().memory.cache("transcripts") == {}

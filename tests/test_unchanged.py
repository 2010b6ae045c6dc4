"""`invoke build` keeps the output as it is when nothing it reads changed, and
only then: any change of content, theme, settings or output, or the clock
passing a talk's date, builds again."""

import os
from datetime import datetime, timedelta

import pytest
from eroi import unchanged
from invoke import Context

import sitebuild
import tasks
from tests.conftest import invoke

ARTICLE = "content/articles/articolo.md"
ARTICLE_PAGE = "output/blog/2020/benvenuti/index.html"


def stats(folder):
    """Each file's identity and modification time: what a build that writes
    nothing leaves exactly as it was."""
    return {
        path.relative_to(folder): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_build_with_nothing_changed_writes_nothing(small_project, capsys):
    before = stats(small_project / "output")
    capsys.readouterr()
    tasks.build(Context())
    out = capsys.readouterr().out
    assert "Nothing changed since the last build" in out
    assert f"({len(before)} files kept)" in out
    assert stats(small_project / "output") == before


def edit_article(project):
    path = project / ARTICLE
    path.write_text(path.read_text() + "\nUna riga nuova.\n", encoding="utf-8")
    return ARTICLE_PAGE, "Una riga nuova."


def edit_template(project):
    path = project / "theme" / "templates" / "base.html"
    path.write_text(path.read_text() + "{# segno #}<!-- segno nuovo -->\n")
    return ARTICLE_PAGE, "<!-- segno nuovo -->"


def edit_settings(project):
    path = project / "pelicanconf.py"
    path.write_text(path.read_text() + '\nSITESUBTITLE = "Un sottotitolo nuovo"\n')
    return "output/index.html", "Un sottotitolo nuovo"


def delete_output_file(project):
    (project / ARTICLE_PAGE).unlink()
    return ARTICLE_PAGE, "Benvenuti"


def touch_output_file(project):
    page = project / ARTICLE_PAGE
    page.write_text("vuoto")
    return ARTICLE_PAGE, "Benvenuti"


@pytest.mark.parametrize(
    "change",
    [edit_article, edit_template, edit_settings, delete_output_file, touch_output_file],
)
def test_any_change_builds_again(small_project, capsys, change):
    page, text = change(small_project)
    capsys.readouterr()
    tasks.build(Context())
    assert "Nothing changed" not in capsys.readouterr().out
    assert text in (small_project / page).read_text(encoding="utf-8")
    capsys.readouterr()
    tasks.build(Context())  # and the build after it is kept
    assert "Nothing changed" in capsys.readouterr().out


def test_a_failed_build_is_never_kept(small_project, capsys):
    bad = small_project / "content" / "articles" / "rotto.md"
    bad.write_text("Title: Rotto\nDate: ieri\n\nx\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(sitebuild.BuildError):
            sitebuild.build(reuse=True)
        assert "Nothing changed" not in capsys.readouterr().out


def test_the_clock_ends_a_kept_build_when_a_talk_starts(small_project):
    """An upcoming talk turns into a recorded one when its date passes: a
    build after that moment renders again, one before it need not."""
    (small_project / "content" / "talks" / "futura.md").write_text(
        "Title: Una serata futura\nDate: 2099-01-05 17:00\n"
        "Speakers: stefano.pasquini\n\nIn arrivo.\n",
        encoding="utf-8",
    )
    built = sitebuild.Runner()
    built.build(reuse=True)
    settings = sitebuild.load_settings()
    target = built.last.output
    digest, _ = sitebuild._inputs(settings)
    starts = datetime.fromisoformat("2099-01-05T17:00:00+01:00")
    assert unchanged.unchanged(settings, target, digest, now=starts) is None
    assert unchanged.unchanged(
        settings, target, digest, now=starts - timedelta(minutes=1)
    )


def test_the_code_and_the_packages_are_inputs(small_project, tmp_path, monkeypatch):
    """A plugin's file or an installed package changed: not the same inputs."""
    package = tmp_path / "pacchetto"
    package.mkdir()
    (package / "__init__.py").write_text("A = 1\n")
    monkeypatch.setattr(unchanged.eroi, "__file__", str(package / "__init__.py"))
    settings = sitebuild.load_settings()
    first = unchanged.inputs(settings)
    assert unchanged.inputs(settings) == first
    (package / "__init__.py").write_text("A = 2\n")
    second = unchanged.inputs(settings)
    assert second != first
    monkeypatch.setattr(unchanged, "_distributions", lambda: ["jinja2-9.9.dist-info"])
    assert unchanged.inputs(settings) != second


def test_a_value_without_a_stable_text_renders_everything(small_project):
    settings = sitebuild.load_settings(JINJA_GLOBALS={"oggetto": object()})
    with pytest.raises(unchanged.Unknown):
        unchanged.inputs(settings)
    assert sitebuild._inputs(settings) == (None, None)


@pytest.mark.parametrize("kind", ["pipe", "link"])
def test_a_pipe_or_a_link_in_the_content_is_never_read(small_project, kind):
    """A named pipe would block a reader forever, a link reads another file:
    neither is read, and the build renders everything (the content boundary
    then refuses the file)."""
    odd = small_project / "content" / "articles" / "strano.md"
    if kind == "pipe":
        os.mkfifo(odd)
    else:
        odd.symlink_to(small_project / "pelicanconf.py")
    with pytest.raises(unchanged.Unknown, match=r"strano\.md"):
        unchanged.inputs(sitebuild.load_settings())


def test_a_setting_given_to_the_build_is_an_input(small_project, capsys):
    index = small_project / "output" / "index.html"
    for _ in range(2):
        capsys.readouterr()
        sitebuild.build(reuse=True, SITESUBTITLE="Un sottotitolo dato")
    assert "Nothing changed" in capsys.readouterr().out
    assert "Un sottotitolo dato" in index.read_text(encoding="utf-8")
    sitebuild.build(reuse=True)
    assert "Un sottotitolo dato" not in index.read_text(encoding="utf-8")


def test_a_file_saved_while_the_build_reads_leaves_no_record(small_project):
    """The inputs are digested before the build: a file changed after that
    but before it is read (then changed back) must not be taken for the
    file the output was built from."""
    from pelican import signals

    article = small_project / ARTICLE
    original = article.read_text(encoding="utf-8")

    def edit(_pelican):
        article.write_text(original + "\nScritto durante la build.\n", "utf-8")

    (small_project / "output" / "index.html").unlink()  # so that it builds
    signals.initialized.connect(edit)
    try:
        sitebuild.build(reuse=True)
    finally:
        signals.initialized.disconnect(edit)
    page = small_project / ARTICLE_PAGE
    assert "Scritto durante la build." in page.read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")  # undone
    sitebuild.build(reuse=True)
    assert "Scritto durante la build." not in page.read_text(encoding="utf-8")


def test_every_plugin_of_a_run_sees_one_now(small_project):
    from eroi import run
    from eroi.clock import build_time

    settings = sitebuild.load_settings()
    run.start(settings)
    first = build_time(settings)
    assert build_time(settings) is first
    run.start(settings)  # the next build reads the clock again
    assert build_time(settings) >= first


def test_invoke_build_twice_in_a_fresh_copy_keeps_the_second(project):
    """As a newcomer runs it: two `invoke build` commands, each a process of
    its own. Pelican puts the working folder on sys.path while it builds,
    and `pip install -e .` left package metadata there: the installed
    packages are read from the environment, not from sys.path."""
    (project / "eroi_digitali_site.egg-info").mkdir()
    first = invoke(project, "build")
    assert first.returncode == 0, first.stderr
    assert "Nothing changed" not in first.stdout
    second = invoke(project, "build")
    assert second.returncode == 0, second.stderr
    assert "Nothing changed since the last build" in second.stdout

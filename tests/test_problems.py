"""Every problem of a file in one run, each at its own line."""

import pytest

from eroi.tools import runner
from tests.helpers import ROOT

TWEET = (
    '<blockquote class="twitter-tweet"><p>tweet {n}</p></blockquote>\n'
    '<script async src="https://platform.twitter.com/widgets.js"></script>\n'
)


def test_fifteen_pasted_scripts_are_fifteen_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    body = "\n".join(TWEET.format(n=n) for n in range(15))
    (articles / "tweet.md").write_text(
        f"Title: Tweet\nDate: 2020-01-01\n\n{body}", encoding="utf-8"
    )
    with pytest.raises(runner.BuildError) as failure:
        runner.build(
            str(ROOT / runner.DEV_SETTINGS),
            PATH=str(tmp_path / "content"),
            OUTPUT_PATH=str(tmp_path / "output"),
        )
    lines = [p.line for p in failure.value.problems if "runs a script" in p.message]
    assert lines == [5 + 3 * n for n in range(15)]

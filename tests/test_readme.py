"""The README's two commands stay true: CI runs the same test command."""

import re

from tests.helpers import ROOT


def readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_gives_a_build_and_a_test_command():
    serve, test = readme_commands()
    assert serve.endswith("invoke serve") and "requirements.txt" in serve
    assert test.endswith("invoke test") and "requirements-dev.txt" in test


def test_ci_runs_the_readme_test_command():
    _, test = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci

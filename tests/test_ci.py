"""CI that runs today: the workflow lints clean and its dependencies stay current."""

import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def test_workflows_pass_actionlint():
    actionlint = Path(sys.executable).with_name("actionlint")
    result = subprocess.run(
        [str(actionlint), "-no-color"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_keeps_actions_pip_and_npm_current():
    config = (ROOT / ".github" / "dependabot.yml").read_text()
    ecosystems = set(re.findall(r"package-ecosystem:\s*(\S+)", config))
    assert ecosystems == {"github-actions", "pip", "npm"}

"""What the content checks cost in a build: the time spent in them, per 1 000 items.

Builds a SYNTHETIC site (tests/synthetic.py) once under cProfile and prints,
side by side, the whole build and the cumulative time of the checks every
build runs (the one reader's checks of each file and field, the HTML
policy over every body and summary, the boundary's scans of content/ and
of the output paths, dead links and links to drafts, the talks' checks
across files). Profiling slows everything down alike, so the share is the
figure to read. Not a test: it asserts nothing.

    .venv/bin/python -m benchmarks.checks_cost          # 1000 items
    .venv/bin/python -m benchmarks.checks_cost 5000
"""

import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

from eroi.tools import runner
from tests.synthetic import make_archive

CHECKS = {
    "file checks (per file)": ("plugins/reading.py", "file_problems"),
    "fields parsed and checked (per field)": ("plugins/reading.py", "process_metadata"),
    "fields against the schema (per content)": ("plugins/reading.py", "against"),
    "HTML policy (per content)": ("boundary/html.py", "apply_policy"),
    "links and names scan (per run)": ("boundary/__init__.py", "scan_content"),
    "output clashes (per run)": ("boundary/paths.py", "output_clashes"),
    "dead links (per run)": ("boundary/paths.py", "dead_links"),
    "links to drafts (per run)": ("boundary/drafts.py", "links_to_drafts"),
    "talk checks": ("talks/validation.py", "check_talk"),
}


def main(items):
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        archive = make_archive(
            root / "content",
            talks=items // 2,
            speakers=items // 10,
            articles=items * 4 // 10,
        )
        profile = cProfile.Profile()
        profile.enable()
        runner.build(
            PATH=str(root / "content"),
            OUTPUT_PATH=str(root / "output"),
            TALKS_NOW=archive.now,
        )
        profile.disable()
    stats = pstats.Stats(profile).stats
    total = max(cumulative for _cc, _nc, _tt, cumulative, _callers in stats.values())
    print(f"{items} SYNTHETIC items, one build under cProfile: {total:.2f} s")
    print(f"{'check':<28} {'seconds':>8} {'share':>7}")
    checks = 0.0
    for label, (path, name) in CHECKS.items():
        seconds = sum(
            entry[3]  # cumulative
            for (file, _line, function), entry in stats.items()
            if file.endswith(path) and function == name
        )
        checks += seconds
        print(f"{label:<28} {seconds:8.3f} {seconds / total:7.1%}")
    print(f"{'all checks':<28} {checks:8.3f} {checks / total:7.1%}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)

"""What the content checks cost in a build: the time spent in them, per 1 000 items.

Builds a SYNTHETIC site (tests/synthetic.py) once under cProfile and prints,
side by side, the whole build and the cumulative time of the checks every
build runs (content_checks: the reading guard; the content boundary: the
HTML policy over every body and summary, the file policy, the links scan and
the output clashes; talks' validation; the slug cap). Profiling slows
everything down alike, so the share is the figure to read. Not a test: it
asserts nothing.

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
    "reading guard (per file)": ("content_checks/reading.py", "read_file_guarded"),
    "HTML policy, Slug, Lang (per content)": ("boundary/__init__.py", "police"),
    "file policy (per file read)": ("boundary/__init__.py", "check_file"),
    "links scan (per run)": ("boundary/__init__.py", "scan_content"),
    "output clashes (per run)": ("boundary/__init__.py", "check_outputs"),
    "talk checks": ("talks/validation.py", "check_talk"),
    "speaker checks": ("talks/validation.py", "check_speaker"),
    "slug cap": ("slugs/__init__.py", "shorten_slug"),
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
            cumulative
            for (file, _line, function), (
                _cc,
                _nc,
                _tt,
                cumulative,
                _c,
            ) in stats.items()
            if file.endswith(path) and function == name
        )
        if name == "read_file_guarded":  # less the reading it guards
            seconds -= sum(
                cumulative
                for (file, _l, function), (
                    _cc,
                    _nc,
                    _tt,
                    cumulative,
                    _c,
                ) in stats.items()
                if file.endswith("pelican/readers.py") and function == "read_file"
            )
        checks += seconds
        print(f"{label:<28} {seconds:8.3f} {seconds / total:7.1%}")
    print(f"{'all checks':<28} {checks:8.3f} {checks / total:7.1%}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)

"""The theme's scripts and styles ship minified (plugins/assets), and only
the output's copies change."""

import gzip
import re

from tests.conftest import ROOT

THEME_STATIC = ROOT / "theme" / "static"


def shipped_files(site):
    return sorted(
        path
        for path in (site.output / "theme").rglob("*")
        if path.suffix in {".js", ".css"}
    )


def test_scripts_and_styles_ship_without_comments_and_smaller(site):
    shipped = shipped_files(site)
    assert {p.name for p in shipped} >= {"site.css", "video.js", "search.js"}
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        source = THEME_STATIC / path.relative_to(site.output / "theme")
        original = source.read_text(encoding="utf-8")
        # The maintainers' comments stay in the theme, not in what readers get.
        assert "/*" in original, source
        assert not re.search(r"/\*|^\s*//", text, re.MULTILINE), path
        assert len(gzip.compress(text.encode())) < len(
            gzip.compress(original.encode())
        ), path


def test_the_theme_itself_is_untouched(site):
    for path in shipped_files(site):
        source = THEME_STATIC / path.relative_to(site.output / "theme")
        assert source.stat().st_ino != path.stat().st_ino, path
        assert source.read_text(encoding="utf-8").startswith("/*"), source

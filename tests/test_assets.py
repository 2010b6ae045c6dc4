"""The theme's scripts and styles ship minified (plugins/assets), and only
the output's copies change."""

import gzip
import re

from tests.helpers import ROOT

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


def nested_templates(source):
    """Line numbers of template literals inside another's ``${...}``: rjsmin
    1.3 minifies those as if the inner one ended the outer one, and drops the
    spaces between them (a playlist's search lost the space between a talk's
    text and its tags). Strings and comments are skipped."""
    found, stack, i, line = [], [], 0, 1  # stack: "`" (template) or "{" depths
    while i < len(source):
        char, pair = source[i], source[i : i + 2]
        line += char == "\n"
        in_template = stack and stack[-1] == "`"
        if in_template:
            if char == "\\":
                i += 1
            elif pair == "${":
                stack.append(0)
                i += 1
            elif char == "`":
                stack.pop()
        elif pair in ("//", "/*"):
            end = source.find("\n" if pair == "//" else "*/", i + 2)
            end = len(source) if end < 0 else end
            line += source.count("\n", i, end)
            i = end - 1 if pair == "//" else end + 1  # a line's end is counted
        elif char in "\"'":
            end = i + 1
            while end < len(source) and source[end] != char:
                end += 2 if source[end] == "\\" else 1
            i = end
        elif char == "`":
            if stack:  # inside a ${...} of a template
                found.append(line)
            stack.append("`")
        elif stack and char == "{":
            stack[-1] += 1
        elif stack and char == "}":
            if stack[-1] == 0:
                stack.pop()  # back in the template
            else:
                stack[-1] -= 1
        i += 1
    return found


def test_no_script_nests_a_template_literal_that_the_minifier_would_break():
    assert nested_templates("const a = `x ${f(`${b} ${c}`)} y`;") == [1]
    assert nested_templates("const a = `x ${b} y`; const c = `${d}`;") == []
    assert nested_templates("// `a ${`b`}`\nconst s = '`${`';") == []
    for script in sorted((THEME_STATIC / "js").glob("*.js")):
        source = script.read_text(encoding="utf-8")
        assert nested_templates(source) == [], script.name

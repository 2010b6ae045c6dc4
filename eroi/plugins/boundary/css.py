"""CSS as a browser reads it, for the checks of style attributes and SVG styles."""

import re


def unescape_css(css):
    """CSS as the browser reads it: comments dropped, ``\\72`` escapes decoded."""
    css = re.sub(r"/\*.*?(\*/|$)", "", css, flags=re.S)
    return re.sub(
        r"\\([0-9a-fA-F]{1,6})\s?|\\(.)",
        lambda m: chr(min(int(m.group(1), 16), 0x10FFFF)) if m.group(1) else m.group(2),
        css,
    )

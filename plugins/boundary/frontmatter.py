"""Text written into a field by a command (scaffolds, the playlist import).

A field is one line of front matter: ``one_line`` makes any text one, so a
title that holds a newline (from YouTube, or typed at the command line)
cannot add a field such as ``Save_as:`` of its own.
"""

import unicodedata


def one_line(text):
    """``text`` with every run of whitespace (newlines included) as one space,
    and no control character."""
    text = "".join(
        " " if unicodedata.category(char) == "Cc" else char for char in str(text)
    )
    return " ".join(text.split())

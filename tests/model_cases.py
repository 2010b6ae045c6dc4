"""The hostile table of the content model: fields a careless writer gets wrong.

Every case is SYNTHETIC. Misspelt and Italian field names in each content
type, fields written twice, values that used to crash the build, and author
profile problems. Used by tests/test_content_model.py.
"""

from tests.boundary_cases import ARTICLE, PAGE, TALK

SPEAKER = "Name: Mario Rossi\nHandle: mario.rossi\n"
AUTHOR = "Name: Stefano Pasquini\n"
A = "content/articles/caso.md"
T = "content/talks/caso.md"
S = "content/speakers/caso.md"
P = "content/pages/caso.md"
AU = "content/authors/caso.md"

# (files, the expected `path:line: field: message` starts, the hint's start)
REFUSED = [
    # A misspelt or Italian field name names the field that was meant ----------
    ({"talks/caso.md": TALK + "Slide: https://example.org/s.pdf\n"},
     [f"{T}:4: slide: is not a field of a talk"], "did you mean 'Slides'?"),
    ({"talks/caso.md": TALK + "Durata: 1:00:00\n"},
     [f"{T}:4: durata: is not a field of a talk"], "did you mean 'Duration'?"),
    ({"talks/caso.md": "Title: Una serata\nDate: 2020-01-13 17:00\n"
      "Relatori: stefano.pasquini\n"},
     [f"{T}:3: relatori: is not a field of a talk"], "did you mean 'Speakers'?"),
    ({"speakers/caso.md": SPEAKER + "Sito: https://example.org\n"},
     [f"{S}:3: sito: is not a field of a speaker"], "did you mean 'Website'?"),
    ({"speakers/caso.md": SPEAKER + "Azienda: Nethesis\n"},
     [f"{S}:3: azienda: is not a field of a speaker"], "did you mean 'Company'?"),
    ({"articles/caso.md": ARTICLE + "Tag: community\n\nx\n"},
     [f"{A}:3: tag: is not a field of an article"], "did you mean 'Tags'?"),
    ({"articles/caso.md": ARTICLE + "Autore: Mario Rossi\n\nx\n"},
     [f"{A}:3: autore: is not a field of an article"], "did you mean 'Author'?"),
    ({"articles/caso.md": ARTICLE + "Speakers: stefano.pasquini\n\nx\n"},
     [f"{A}:3: speakers: is not a field of an article"], "the fields of an article"),
    ({"pages/caso.md": PAGE + "Sommario: due righe\n\nx\n"},
     [f"{P}:2: sommario: is not a field of a page"], "did you mean 'Summary'?"),
    ({"authors/caso.md": AUTHOR + "Ruolo: Community manager\n\nBio.\n"},
     [f"{AU}:2: ruolo: is not a field of an author"], "did you mean 'Role'?"),
    ({"articles/caso.rst": "Caso\n####\n\n:date: 2020-01-02\n:categoria: x\n\nx\n"},
     ["content/articles/caso.rst:5: categoria: is not a field of an article"],
     "did you mean 'Category'?"),
    # A field written twice -----------------------------------------------------
    ({"articles/caso.md": ARTICLE + "Title: Seconda\n\nx\n"},
     [f"{A}:3: title: is written more than once"], "keep one line"),
    ({"articles/caso.md": ARTICLE + "Lang: it\nLang: en\n\nx\n"},
     [f"{A}:4: lang: is written more than once"], "keep one line"),
    ({"speakers/caso.md": SPEAKER + "Name: Mario Bianchi\n"},
     [f"{S}:3: name: is written more than once"], "keep one line"),
    ({"speakers/caso.md": SPEAKER + "Company: A\nCompany: B\n"},
     [f"{S}:4: company: is written more than once"], "keep one line"),
    ({"articles/caso.rst": "Caso\n####\n\n:date: 2020-01-02\n:date: 2020-01-03\n\nx\n"},
     ["content/articles/caso.rst:5: date: is written more than once"],
     "keep one line"),
    # Values that used to crash the build ---------------------------------------
    ({"articles/caso.md": "Title: 🎉🎉\nDate: 2020-01-01\n\nx\n"},
     [f"{A}:1: title: '🎉🎉' gives no URL"], "add 'Slug:"),
    ({"talks/caso.md": TALK.replace("Una serata", "\u200b\u200b") + "\nx\n"},
     [f"{T}:1: title: '\u200b\u200b' gives no URL"], "add 'Slug:"),
    ({"speakers/caso.md": "Name: 🎉\nHandle: festa\n"},
     [f"{S}:1: name: '🎉' gives no URL"], "add 'Slug:"),
    ({"articles/caso.md": "Title: Un\x08titolo\nDate: 2020-01-01\n\nx\n"},
     [f"{A}:1: title: holds the control character U+0008"], "delete it"),
    ({"talks/caso.md": TALK.replace("Una serata", "Una\x1bserata") + "\nx\n"},
     [f"{T}:1: title: holds the control character U+001B"], "delete it"),
    ({"articles/caso.md": "Title: Un titolo\uffff\nDate: 2020-01-01\n\nx\n"},
     [f"{A}:1: title: holds the control character U+FFFF"], "delete it"),
    ({"talks/caso.md": TALK + "Duration: 99999999999h\n"},
     [f"{T}:4: duration: '99999999999h' is longer than 24 hours"], "check the value"),
    ({"articles/caso.md": "Title: Antico\nDate: 0001-01-01\n\nx\n"},
     [f"{A}:2: date: the year 1 is not plausible"], "write a year between"),
    ({"talks/caso.md": "Title: Futuro\nDate: 9999-01-01\nSpeakers: stefano.pasquini\n"},
     [f"{T}:2: date: the year 9999 is not plausible"], "write a year between"),
    ({"talks/caso.md": TALK + "Tags: <svg onload=alert(1)>\n"},
     [f"{T}:4: tags: '<svg onload=alert(1)>' gives no URL"], "use letters"),
    ({"articles/caso.md": ARTICLE + "Category: ???\n\nx\n"},
     [f"{A}:3: category: '???' gives no URL"], "use letters"),
    # Author profiles -----------------------------------------------------------
    ({"authors/caso.md": "Role: Community manager\n\nBio.\n"},
     [f"{AU}:1: name: missing"], "add 'Name: Nome Cognome'"),
    ({"authors/caso.md": AUTHOR + "\n![foto](https://example.org/foto.png)\n"},
     [f"{AU}:3: body: <img src> loads https://example.org/foto.png from another "
      "site"], "download it with"),
]  # fmt: skip

# Content the model accepts: (files, a page the build must write).
ACCEPTED = [
    ({"pages/caso.md": PAGE + "\nUna pagina senza data.\n"},
     "una-pagina/index.html"),
    ({"talks/caso.md": TALK.replace("Una serata", "Due tag") + "Tags: backup\n"
      "Tags: rete\n\nx\n"}, "videoconferenze/tag/rete/index.html"),
    # A draft talk may wait for its speakers (the playlist import writes them).
    ({"talks/caso.md": "Title: Bozza\nDate: 2020-01-13\nStatus: draft\n\nx\n"},
     "videoconferenze/index.html"),
]  # fmt: skip

"""The content model: every field of every content type, declared once.

A Schema lists the fields of one content type (talk, speaker, author profile,
article, page). A Field has its name, whether it is required, its typed parser
(parsers.py), whether it may be written more than once (the values are then
joined, as a list), an example line, an Italian description and a hint for
writers, and the Italian names writers may reach for (``Durata``).

This is the only list of fields: the readers parse with it (reading.py), the
build and `invoke check` refuse unknown, repeated, missing and mistyped
fields with it, and the scaffolds, the importer, the test generator and the
writers' guide are written from it.
"""

import difflib
import unicodedata
from dataclasses import dataclass, field, replace

from eroi.messages import N_
from eroi.model import parsers as p

MISSING = object()


@dataclass(frozen=True)
class Field:
    name: str  # as the front matter spells it (readers lowercase it)
    parse: object  # parsers.*: (text, settings) -> value, or FieldError
    example: str  # the value in an example line, e.g. "2021-01-11 17:00"
    description: str  # Italian, one line, for writers
    hint: str  # English, translated where it is shown (eroi.messages)
    required: bool = False
    drafts_may_omit: bool = False  # e.g. a talk imported before its speakers
    repeatable: bool = False  # written twice, the values are joined as a list
    italian: tuple = ()  # names writers may use instead, lowercase
    # What a content object holds when the file does not write the field
    # (MISSING: nothing, for the fields Pelican itself reads: title, date ...).
    default: object = MISSING

    @property
    def key(self):
        return self.name.lower()

    @property
    def line(self):
        """The example line: ``Date: 2021-01-11 17:00``."""
        return f"{self.name}: {self.example}"

    @property
    def json(self):
        """The JSON Schema of the value as the open data publishes it (its
        parser's ``json``), described in Italian."""
        return {**self.parse.json, "description": self.description}


DATE_HINT = N_("write it day first, e.g. 07/12/2026 17:30, or as 2026-12-07 17:30")
LINK_HINT = N_("write a full address, e.g. https://community.nethserver.org/t/123")


# Fields, by name: one meaning per name in every content type ----------------------

TITLE = Field(
    "Title",
    p.text_line,
    "Backup sicuri con NethServer",
    "Il titolo, su una riga.",
    N_("write the title on one line"),
    italian=("titolo",),
)
DATE = Field(
    "Date",
    p.date,
    "2021-01-11 17:00",
    "Data e ora di pubblicazione (di una serata: quando inizia), ora di Roma: "
    "07/12/2026 17:30, 7 dicembre 2026, 2026-12-07 17:30 (prima il giorno).",
    DATE_HINT,
    italian=("data", "quando"),
)
MODIFIED = Field(
    "Modified",
    p.date,
    "2021-02-01",
    "Data dell'ultimo aggiornamento importante.",
    DATE_HINT,
    italian=("modificato", "aggiornato", "aggiornamento"),
)
AUTHOR = Field(
    "Author",
    p.terms("author"),
    "Alessio Fattorini",
    "Chi ha scritto il testo (una persona).",
    N_("write the author's name, e.g. Author: Alessio Fattorini"),
    italian=("autore", "autrice"),
)
AUTHORS = Field(
    "Authors",
    p.terms("authors"),
    "Alessio Fattorini, Andrea Leardini",
    "Chi ha scritto il testo, se sono più persone: nomi separati da virgole.",
    N_("separate the names with commas"),
    repeatable=True,
    italian=("autori",),
)
CATEGORY = Field(
    "Category",
    p.terms("category"),
    "Community",
    "La categoria dell'articolo (una sola).",
    N_("write one category with letters or digits, e.g. Category: Community"),
    italian=("categoria",),
)
TAGS = Field(
    "Tags",
    p.terms("tags"),
    "nethserver, backup",
    "Le etichette, separate da virgole.",
    N_("separate the tags with commas, e.g. Tags: nethserver, backup"),
    repeatable=True,
    italian=("tag", "etichette", "etichetta", "parole chiave", "keywords"),
)
SLUG = Field(
    "Slug",
    p.slug,
    "backup-sicuri",
    "La parte finale dell'indirizzo della pagina; di solito viene dal titolo.",
    N_("use letters, digits and dashes only, e.g. Slug: la-mia-serata"),
    italian=("indirizzo", "url"),
)
LANG = Field(
    "Lang",
    p.lang,
    "en",
    "La lingua del testo, se non è l'italiano.",
    N_("write it like it, en or en-GB"),
    italian=("lingua", "language"),
)
SUMMARY = Field(
    "Summary",
    p.formatted,
    "Due righe che invogliano a leggere.",
    "Il riassunto mostrato negli elenchi e nelle anteprime.",
    N_("write one or two sentences"),
    italian=("sommario", "riassunto", "descrizione", "abstract"),
)


def status(*allowed, description):
    return Field(
        "Status",
        p.choice(*allowed),
        "draft",
        description,
        "",  # never shown: choice() gives its own hint, with the values
        italian=("stato", "bozza"),
    )


SPEAKERS = Field(
    "Speakers",
    p.handles,
    "stefano.pasquini, d.curto",
    "I relatori: i loro handle del forum, separati da virgole.",
    N_("write the speakers' forum handles, e.g. Speakers: stefano.pasquini"),
    required=True,
    drafts_may_omit=True,
    repeatable=True,
    italian=("relatori", "relatore", "relatrice", "speaker", "oratori"),
    default=(),
)
YOUTUBE = Field(
    "YouTube",
    p.youtube,
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "La registrazione: l'indirizzo del video su YouTube (o il suo id).",
    N_(
        "paste the video's URL, e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ, "
        "or its 11-character id"
    ),
    italian=("video", "registrazione", "yt"),
    default=None,
)
DURATION = Field(
    "Duration",
    p.duration,
    "1:30:00",
    "Quanto dura la registrazione.",
    N_("write e.g. 1:30:00 or 90 min"),
    italian=("durata",),
    default=None,
)
LIVE = Field(
    "Live",
    p.https_link,
    "https://meet.example.org/eroi-digitali",
    "La stanza della diretta: l'indirizzo (https) dove partecipare alla serata; "
    "il sito mostra «Partecipa alla diretta» finché la serata non è finita.",
    N_("write the room's full address, e.g. https://meet.example.org/eroi-digitali"),
    italian=("diretta", "stanza", "in diretta", "partecipa"),
    default=None,
)
SLIDES = Field(
    "Slides",
    p.link,
    "https://example.org/slide.pdf",
    "Le slide della serata: un indirizzo.",
    LINK_HINT,
    italian=("slide", "presentazione", "lucidi"),
    default=None,
)
DISCUSSION = Field(
    "Discussion",
    p.link,
    "https://community.nethserver.org/t/123",
    "La discussione sul forum.",
    LINK_HINT,
    italian=("discussione", "forum", "thread"),
    default=None,
)
TRANSCRIPT = Field(
    "Transcript",
    p.text_line,
    "backup-sicuri.it.vtt",
    "Il file dei sottotitoli, se non ha il nome della serata.",
    N_("name a .vtt or .srt file beside the talk"),
    italian=("trascrizione", "sottotitoli"),
    default=None,
)
NAME = Field(
    "Name",
    p.text_line,
    "Nome Cognome",
    "Nome e cognome, come li vedono i lettori.",
    N_("write the name on one line"),
    required=True,
    italian=("nome", "nome e cognome"),
)
HANDLE = Field(
    "Handle",
    p.handle,
    "forum.handle",
    "L'handle del forum della community.",
    N_("write the handle as on the forum: letters, digits, '.', '-', '_'"),
    required=True,
    italian=("utente", "nickname", "username"),
)
ALIASES = Field(
    "Aliases",
    p.handles,
    "vecchio.handle",
    "Altri handle con cui è stato citato, separati da virgole.",
    N_("write other handles separated by commas"),
    repeatable=True,
    italian=("alias",),
    default=(),
)
AVATAR = Field(
    "Avatar",
    p.image_path,
    "/images/relatori/forum.handle.jpg",
    "La foto, un file in content/images/.",
    N_("put the image in content/images/ and write its path"),
    italian=("foto", "immagine", "ritratto"),
    default=None,
)
COMPANY = Field(
    "Company",
    p.text_line,
    "Nethesis",
    "L'azienda o l'organizzazione.",
    N_("write it on one line"),
    italian=("azienda", "società", "organizzazione"),
    default=None,
)
WEBSITE = Field(
    "Website",
    p.link,
    "https://example.org",
    "Il sito personale.",
    LINK_HINT,
    italian=("sito", "sito web", "web", "blog"),
    default=None,
)
COMMUNITY = Field(
    "Community",
    p.link,
    "https://community.nethesis.it/u/forum.handle",
    "Il profilo nella community, se non è quello del suo handle.",
    LINK_HINT,
    italian=("profilo", "comunità"),
    default=None,
)
ROLE = Field(
    "Role",
    p.text_line,
    "Community manager",
    "Il ruolo, mostrato sotto il nome.",
    N_("write it on one line"),
    italian=("ruolo", "incarico"),
    default=None,
)


@dataclass(frozen=True)
class Schema:
    kind: str  # "talk", ...
    label: str  # Italian, for the writers' guide: "Videoconferenza"
    folder: str  # where its files live, under content/
    fields: tuple = field(default_factory=tuple)

    def __post_init__(self):
        object.__setattr__(self, "by_key", {f.key: f for f in self.fields})

    def get(self, key):
        return self.by_key.get(key.lower())

    def with_extra(self, names):
        """This schema plus the plain-text fields a site declares in its settings."""
        if not names:
            return self
        extra = tuple(
            Field(
                name, p.text_line, "...", "Campo del sito.", N_("write it on one line")
            )
            for name in names
            if name.lower() not in self.by_key
        )
        return Schema(self.kind, self.label, self.folder, self.fields + extra)

    def closest(self, key):
        """The field a writer probably meant by ``key`` (Italian names too)."""
        key = key.lower().replace("_", " ").replace("-", " ")
        names = {f.key: f for f in self.fields}
        names.update((it, f) for f in self.fields for it in f.italian)
        if key in names:
            return names[key]
        match = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
        return names[match[0]] if match else None


def required(declared):
    return replace(declared, required=True)


TALK = Schema(
    "talk",
    "Videoconferenza",
    "talks",
    (
        required(TITLE),
        required(DATE),
        SPEAKERS,
        YOUTUBE,
        DURATION,
        LIVE,
        TAGS,
        SLIDES,
        DISCUSSION,
        SLUG,
        LANG,
        status(
            "published",
            "draft",
            description="draft: una bozza, che il sito pubblicato non mostra.",
        ),
        SUMMARY,
        TRANSCRIPT,
    ),
)
SPEAKER = Schema(
    "speaker",
    "Relatore",
    "speakers",
    (NAME, HANDLE, ALIASES, AVATAR, COMPANY, WEBSITE, COMMUNITY, SLUG, LANG),
)
AUTHOR_PROFILE = Schema("author", "Autore del blog", "authors", (NAME, ROLE, LANG))
ARTICLE = Schema(
    "article",
    "Articolo",
    "articles",
    (
        required(TITLE),
        required(DATE),
        MODIFIED,
        AUTHOR,
        AUTHORS,
        CATEGORY,
        TAGS,
        SLUG,
        LANG,
        status(
            "published",
            "draft",
            "hidden",
            description="draft: una bozza; hidden: pubblicato ma fuori dagli elenchi.",
        ),
        SUMMARY,
    ),
)
PAGE = Schema(
    "page",
    "Pagina",
    "pages",
    (
        required(TITLE),
        DATE,
        MODIFIED,
        SLUG,
        LANG,
        status(
            "published",
            "draft",
            "hidden",
            description="draft: una bozza; hidden: pubblicata ma fuori dal menu.",
        ),
        SUMMARY,
    ),
)
SCHEMAS = {s.kind: s for s in (ARTICLE, PAGE, TALK, SPEAKER, AUTHOR_PROFILE)}


def fields_by_key():
    """Every field by its lowercase name: each name means one thing everywhere,
    so a reader can parse a field before it knows the content type."""
    found = {}
    for schema in SCHEMAS.values():
        for declared in schema.fields:
            found.setdefault(declared.key, declared)
    return found


def front_matter(schema, values, blanks=True):
    """The front matter of a new file of ``schema``'s type, in the schema's order.

    ``values``: ``{"title": "...", ...}`` by field key; with ``blanks``, every
    other field is written empty for the writer to fill (empty is absent).
    """
    wrong = set(values) - set(schema.by_key)
    if wrong:
        raise KeyError(f"not fields of a {schema.kind}: {', '.join(sorted(wrong))}")
    lines = []
    for declared in schema.fields:
        value = single_line(values.get(declared.key, ""))
        if value or blanks:
            lines.append(f"{declared.name}: {value}".rstrip() + ("" if value else " "))
    return "\n".join(lines) + "\n"


def single_line(text):
    """``text`` as one line of front matter: every run of whitespace (newlines
    included) one space, no control character. A title from YouTube or the
    command line cannot add a field such as ``Save_as:`` of its own."""
    text = "".join(
        " " if unicodedata.category(char) == "Cc" else char for char in str(text)
    )
    return " ".join(text.split())

"""What the archive lacks: the gaps of each published talk and each speaker.

``find_gaps(talks, speakers, settings, drafts)`` takes the talks and speakers
the talks plugin's first phase put in the context (published talks only) and
the talk drafts, and returns every ``Gap``: a file, what it lacks (a
``Need``) and how to fill it. The contributors' page (generator.py) and
`invoke check --todo` show the same list.

A draft is listed only when it lacks its speakers (the playlist import writes
a talk that names none on evidence as a draft, credits.py): with the reason
and the candidates, the speakers it may mean.

A talk in the future lacks nothing that only its evening brings (video,
slides); a transcript, chapters and a thumbnail are asked of talks with a
video. Field names, example lines and descriptions come from the content
model (``SCHEMAS``), so a renamed field is renamed here too.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from markupsafe import Markup

from eroi.messages import _
from eroi.model.archive import UPCOMING
from eroi.model.italian import quante
from eroi.model.schema import SCHEMAS
from eroi.model.talks import Talk
from eroi.plugins.contributing.credits import SpeakerIndex

TALK = SCHEMAS["talk"]
SPEAKER = SCHEMAS["speaker"]
IMPORT = "invoke import-playlist"
FETCH_THUMBNAILS = "invoke fetch-thumbnails"
CHAPTER_EXAMPLE = "00:12:30 Demo dal vivo"


@dataclass(frozen=True)
class Need:
    """One thing a talk or a speaker may lack, and how to add it.

    ``applies`` and ``lacks`` are given the content object read from the
    file: a Talk, or a speaker's SpeakerSource.
    """

    key: str  # as a problem names its field: "youtube", "transcript" ...
    kind: str  # "talk" or "speaker"
    missing: str  # Italian, after the count: "senza trascrizione"
    how: str  # Italian, for the page
    hint: str  # for the command line, translated (eroi.messages)
    applies: Callable  # (content) -> bool: whether it should have it
    lacks: Callable  # (content, settings) -> bool
    example: str = ""  # a line to write, from the schema
    field: str = ""  # the front-matter field to add, when that is the way
    command: str = ""  # a command that fills it

    @property
    def anchor(self):
        return f"manca-{self.kind}-{self.key}"

    def total(self, count):
        """``12 videoconferenze senza trascrizione``."""
        if self.kind == "talk":
            noun = quante(count, "videoconferenza", "videoconferenze")
        else:
            noun = quante(count, "relatore", "relatori")
        return f"{noun} {self.missing}"


@dataclass(frozen=True)
class Gap:
    need: Need
    path: str  # relative to the project: content/talks/x.md
    title: str  # the talk's title or the speaker's name (a draft's: and why)
    url: str  # its page, relative to the site
    why: str = ""  # for the command line (translated); "" is "missing"

    def __str__(self):
        return _("{path}: {field}: {message} (hint: {hint})").format(
            path=self.path,
            field=self.need.key,
            message=self.why or _("missing"),
            hint=self.need.hint,
        )


@dataclass(frozen=True)
class Gaps:
    needs: tuple  # every Need, in the page's order
    gaps: tuple  # Gap, by need, then in the order of the archive
    talks: int  # how many talks and speakers were looked at
    speakers: int

    def of(self, need):
        return [gap for gap in self.gaps if gap.need is need]

    @property
    def totals(self):
        """``[(need, count), ...]`` of the needs some item has, in order."""
        counts = [(need, len(self.of(need))) for need in self.needs]
        return [(need, count) for need, count in counts if count]

    @property
    def summary(self):
        """The totals on one line, as the command prints them."""
        totals = "; ".join(need.total(count) for need, count in self.totals)
        return _("todo: {totals}.").format(totals=totals or _("nothing missing"))

    def lines(self):
        """One line per gap, by file (then in the page's order of needs)."""
        order = {need: n for n, need in enumerate(self.needs)}
        ranked = sorted(self.gaps, key=lambda g: (g.path, order[g.need]))
        return [str(gap) for gap in ranked]


# What a talk or a speaker may lack ----------------------------------------------


def _meta(item, key):
    return item.metadata.get(key)


def _text(html):
    """The words of an HTML body, without its chapter list."""
    if not html or not html.strip():
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for chapters in soup.select(".chapters"):
        chapters.decompose()
    return soup.get_text(" ", strip=True)


def _past(talk):
    return talk.state != UPCOMING


def _recorded(talk):
    return bool(talk.youtube) and talk.state != UPCOMING


def _no_thumbnail(talk, settings):
    return not Path(settings["PATH"], talk.youtube.thumbnail).is_file()


def _missing_field(declared):
    return lambda item, _settings: not _meta(item, declared.key)


def _field_need(kind, declared, missing, applies):
    """A Need for a front-matter field of the content model."""
    return Need(
        key=declared.key,
        kind=kind,
        missing=missing,
        how=declared.description,
        hint=_("add '{example}' to the front matter").format(example=declared.line),
        applies=applies,
        lacks=_missing_field(declared),
        example=declared.line,
        field=declared.name,
    )


def talk_needs():
    youtube, slides = TALK.get("youtube"), TALK.get("slides")
    summary, tags = TALK.get("summary"), TALK.get("tags")
    transcript, speakers = TALK.get("transcript"), TALK.get("speakers")
    return (
        Need(
            key=speakers.key,
            kind="talk",
            missing="in bozza, senza relatori",
            how="Sono bozze, che il sito non pubblica. L'importazione da YouTube "
            f"({IMPORT}) scrive così le videoconferenze che non nominano nessun "
            "relatore con il suo @handle, un alias o nome e cognome. Accanto a "
            "ciascuna trovi il motivo e i relatori possibili: scrivi i loro "
            "handle (creando prima le schede che mancano, con invoke "
            "new-speaker) e togli la riga Status: draft.",
            hint=_(
                "write the handles in Speakers: (invoke new-speaker for a new "
                "one) and remove 'Status: draft' to publish it"
            ),
            applies=lambda _talk: False,  # drafts only: draft_gaps()
            lacks=lambda _talk, _settings: False,
            example=speakers.line,
            field=speakers.name,
        ),
        _field_need("talk", youtube, "senza video", _past),
        Need(
            key="thumbnail",
            kind="talk",
            missing="senza anteprima del video",
            how="Scarica le anteprime dei video che mancano: il sito non le "
            "prende mai da YouTube mentre lo leggi.",
            hint=_("run {command}").format(command=FETCH_THUMBNAILS),
            applies=_recorded,
            lacks=_no_thumbnail,
            command=FETCH_THUMBNAILS,
        ),
        Need(
            key=transcript.key,
            kind="talk",
            missing="senza trascrizione",
            how="Metti il file dei sottotitoli accanto alla videoconferenza, con "
            "lo stesso nome: nome-della-serata.it.vtt (WebVTT) o "
            "nome-della-serata.srt (SubRip). L'importazione della playlist di "
            f"YouTube ({IMPORT}) li mette al posto giusto da sola. Se il file ha "
            f"un altro nome, scrivilo nel campo {transcript.name}.",
            hint=_(
                "put the captions beside the talk as <talk>.it.vtt or <talk>.srt "
                "({command} attaches them) or name the file in '{field}:'"
            ).format(command=IMPORT, field=transcript.name),
            applies=_recorded,
            lacks=lambda talk, _settings: talk.transcript is None,
            example=transcript.line,
            command=IMPORT,
        ),
        Need(
            key="chapters",
            kind="talk",
            missing="senza capitoli",
            how="Nella descrizione, sotto i campi, scrivi un paragrafo fatto solo "
            "di righe che cominciano con un orario: ogni riga è un capitolo.",
            hint=_("list them in the description, one per line: '{example}'").format(
                example=CHAPTER_EXAMPLE
            ),
            applies=_recorded,
            lacks=lambda talk, _settings: not talk.chapters,
            example=CHAPTER_EXAMPLE,
        ),
        _field_need("talk", slides, "senza slide", _past),
        Need(
            key=summary.key,
            kind="talk",
            missing="senza descrizione",
            how="Scrivi sotto i campi, dopo una riga vuota, di cosa si parla "
            f"nella serata, oppure aggiungi il campo {summary.name}: "
            f"{summary.description}",
            hint=_(
                "write what the talk is about below the front matter, or add "
                "'{example}'"
            ).format(example=summary.line),
            applies=lambda _talk: True,
            lacks=lambda talk, _settings: (
                not (_meta(talk, summary.key) or _text(talk.content))
            ),
            example=summary.line,
        ),
        _field_need("talk", tags, "senza tag", lambda _talk: True),
    )


def speaker_needs():
    always = lambda _source: True  # noqa: E731
    return (
        Need(
            key="bio",
            kind="speaker",
            missing="senza biografia",
            how="Sotto i campi, dopo una riga vuota, scrivi qualche riga su chi è "
            "e di cosa si occupa.",
            hint=_("write a short bio below the front matter, after a blank line"),
            applies=always,
            lacks=lambda speaker, _settings: not _text(speaker.content),
        ),
        _field_need("speaker", SPEAKER.get("avatar"), "senza foto", always),
        _field_need("speaker", SPEAKER.get("company"), "senza azienda", always),
        _field_need("speaker", SPEAKER.get("website"), "senza sito web", always),
    )


# The list ---------------------------------------------------------------------


def project_path(settings, source_path):
    """``content/talks/x.md``: a content file as named from the project."""
    content = Path(settings["PATH"])
    relative = os.path.relpath(source_path, content)
    return (Path(content.name) / relative).as_posix()


def find_gaps(talks, speakers, settings, drafts=()):
    """Every Gap of ``talks`` (published, as the talks plugin lists them),
    ``speakers`` and talk ``drafts``."""
    # Each item with the content object read from its file: a talk is its
    # own; a speaker's is its SpeakerSource (fields in metadata, bio as body).
    items = {
        "talk": [(talk, talk) for talk in talks],
        "speaker": [(s, s) for s in speakers],
    }
    needs = talk_needs() + speaker_needs()
    found = [
        Gap(
            need=need,
            path=project_path(settings, content.source_path),
            title=item.title if need.kind == "talk" else item.name,
            url=item.url,
        )
        for need in needs
        for item, content in items[need.kind]
        if need.applies(content) and need.lacks(content, settings)
    ]
    uncredited = next(need for need in needs if need.key == "speakers")
    found[:0] = draft_gaps(drafts, speakers, settings, uncredited)
    return Gaps(needs, tuple(found), len(items["talk"]), len(items["speaker"]))


def draft_gaps(drafts, speakers, settings, need):
    """A Gap for each draft without speakers, or whose title names a speaker
    the archive lacks: its reason and candidates in its title (Italian) and
    ``why`` (English); it links the speakers' index, where handles are."""
    index = SpeakerIndex(speakers)
    found = []
    for draft in drafts:
        title = Markup(draft.title).striptags()
        credits = index.credits(title, _text(draft.content))
        if _meta(draft, "speakers") and not credits.unknown_in_title:
            continue
        found.append(
            Gap(
                need=need,
                path=project_path(settings, draft.source_path),
                title=f"{title}: {credits.motivo}",
                # (`check --todo` shows no URL: its settings lack the plugin's.)
                url=settings.get("SPEAKERS_URL", ""),
                why=credits.reason,
            )
        )
    return found


def gaps_in(context, settings):
    """The gaps of the talks, drafts and speakers in a run's ``context``."""
    drafts = [
        item
        for item in context["generated_content"].values()
        if isinstance(item, Talk) and item.status == "draft"
    ]
    return find_gaps(
        context.get("talks", ()), context.get("speakers", ()), settings, drafts
    )

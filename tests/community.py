"""A SYNTHETIC community: content shaped like the real archive's first files,
written for the tests, never read from content/.

Two articles by an author with a profile (an older report with quotes, a
recap with headings that @mentions every speaker), one talk known by its day
only and without a video, and speakers of every shape the real files have
(Name and handle alike or not, dots, underscores, capitals), most of them
with no talk. The tests of behaviour that used to read the real content
(blog pages, the first talk, the speaker index, search, the writers'
commands) use it; the real content/ only gets checks that hold whatever it
says (tests/helpers.py: real_content_problems).
"""

from tests.helpers import place

AUTHOR = "Ada Fittizia"
AUTHOR_BIO = "Scrivo della community e dei suoi incontri (SYNTHETIC)."
REPORT = {
    "file": "articles/2017-05-resoconto-di-prova.md",
    "url": "/blog/2017/resoconto-di-prova/",
    "title": "Resoconto di prova",
    "date": "15 maggio 2017",
    "iso": "2017-05-15",
}
RECAP = {
    "file": "articles/2020-12-due-anni-di-prova.md",
    "url": "/blog/2020/due-anni-di-videoconferenze-di-prova/",
    "title": "Due anni di videoconferenze di prova",
    "date": "21 dicembre 2020",
    "iso": "2020-12-21",
}
RECAP_SECTIONS = ["Il video avvicina", "Formazione a tutto tondo", "I relatori"]
TALK = {
    "url": "/videoconferenze/primo-incontro-di-prova/",
    "title": "Il primo incontro di prova",
    "speaker": "Maurizio Bonazzi",
    "speaker_url": "relatori/maurizio-bonazzi/",
}
# handle: Name (a Name equal to the handle, as the real files have for many)
SPEAKERS = {
    "Maurizio_Bonazzi": "Maurizio Bonazzi",
    "stefano.pasquini": "Stefano Pasquini",
    "Mario_Tonti": "Mario Tonti",
    "costa": "costa",
    "riccardo_RPM2000": "riccardo_RPM2000",
}
# What `invoke check` counts in it.
FILES = {"articles": 2, "authors": 1, "speakers": len(SPEAKERS), "talks": 1}

REPORT_TEXT = f"""\
Title: {REPORT["title"]}
Date: 2017-05-15 10:00
Author: {AUTHOR}
Category: Eventi
Tags: community management, NethServer
Slug: resoconto-di-prova
Lang: it
Summary: Un resoconto inventato per i test.

Un resoconto inventato per i test, con due citazioni.

> Un’esperienza di crescita professionale, dice l’autrice.

Un paragrafo tra le due citazioni.

> La tensione era tanta, ma ne è valsa la pena.
>
> E alla fine si gioca ad alti livelli.”
"""

RECAP_TEXT = f"""\
Title: {RECAP["title"]}
Date: 2020-12-21 10:00
Author: {AUTHOR}
Category: Community
Tags: videoconferenze, Eroi Digitali
Slug: due-anni-di-videoconferenze-di-prova
Lang: it
Summary: Che cosa insegnano due anni di incontri inventati.

Due anni di videoconferenze inventate per i test.

## {RECAP_SECTIONS[0]}

Ognuno impara dall’esperienza degli altri: questa esperienza ci unisce.

## {RECAP_SECTIONS[1]}

Dal marketing alle tecnologie di tutti i giorni.

## {RECAP_SECTIONS[2]}

{" ".join(f"@{handle}" for handle in SPEAKERS)}
"""

TALK_TEXT = f"""\
Title: {TALK["title"]}
Date: 2018-12-12
Speakers: Maurizio_Bonazzi
Slug: primo-incontro-di-prova
Summary: La prima videoconferenza di prova, con {TALK["speaker"]}.

La prima videoconferenza inventata per i test, guidata da @Maurizio_Bonazzi.

Com'è andata poi: [{RECAP["title"]}]({{filename}}/{RECAP["file"]}).
"""

AUTHOR_TEXT = f"""\
Name: {AUTHOR}
Role: Community Manager

{AUTHOR_BIO}
"""


def speaker_text(handle, name):
    return f"Name: {name}\nHandle: {handle}\n"


def write_community(project):
    """The SYNTHETIC community's files under ``project``/content."""
    place(
        project,
        {
            REPORT["file"]: REPORT_TEXT,
            RECAP["file"]: RECAP_TEXT,
            "talks/2018-12-12-primo-incontro-di-prova.md": TALK_TEXT,
            "authors/ada-fittizia.md": AUTHOR_TEXT,
            **{
                f"speakers/{handle}.md": speaker_text(handle, name)
                for handle, name in SPEAKERS.items()
            },
        },
    )

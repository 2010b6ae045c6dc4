"""What the archive's pages say to a sharer or a search engine.

The talks generator names the kind of each page it writes (``shared_as`` in
the page's context): a talk, a speaker, the playlist, a topic (the speakers'
index is a plain list, named by its template). The sharing plugin asks
that kind for the page's title, image and JSON-LD; it knows nothing of
talks itself.
"""

from eroi.model.archive import RECORDED
from eroi.model.italian import quante
from eroi.plugins.sharing import structured
from eroi.plugins.sharing.cards import Card, Person
from eroi.plugins.sharing.pages import Kind, ShareImage, image_size, listing, section
from eroi.plugins.sharing.structured import plain


def talk_card(describer, talk):
    """The card of a talk without its video's thumbnail (else None)."""
    if thumbnail(describer, talk) is not None and talk.state == RECORDED:
        return None
    return Card(
        title=plain(talk.title),
        kicker=f"Videoconferenza #{talk.number}",
        when=describer.when(talk.date, talk.has_time),
        people=tuple(person(describer, s) for s in talk.speakers),
        site=describer.site.name,
    )


def talk(describer, ctx, talk, url, description):
    title = f"#{talk.number} {plain(talk.title)}"
    image = thumbnail(describer, talk)
    page = structured.web_page(url, title, description, describer.site)
    if image is not None and talk.state == RECORDED:
        node = structured.video_object(talk, url, description, image, describer.site)
        return title, "video.other", image, [page, node]
    image = describer.card(talk_card(describer, talk))
    if talk.state == RECORDED:  # a video with no local thumbnail
        node = structured.video_object(talk, url, description, image, describer.site)
    else:
        node = structured.event(
            talk, url, description, image, describer.settings, describer.site
        )
    return title, "video.other", image, [page, node]


def speaker_card(describer, speaker):
    count = quante(
        len(speaker.talks),
        "videoconferenza",
        "videoconferenze",
        "nessuna registrazione in archivio",
    )
    return Card(
        title=speaker.name,
        kicker="Relatore",
        when=" · ".join(part for part in (speaker.company, count) if part),
        people=(person(describer, speaker),),
        site=describer.site.name,
    )


def speaker(describer, ctx, speaker, url, description):
    image = describer.card(speaker_card(describer, speaker))
    avatar = describer.absolute(speaker.avatar) if speaker.avatar else image.url
    page = structured.web_page(
        url, speaker.name, description, describer.site, kind="ProfilePage"
    )
    page["mainEntity"] = {"@id": f"{url}#persona"}
    node = structured.person(speaker, describer.site, image=avatar)
    return speaker.name, "profile", image, [page, node]


def playlist_card(describer, ctx):
    when = quante(len(ctx.get("talks", [])), "incontro", "incontri")
    upcoming = ctx.get("next_talk")
    if upcoming:
        when += f" · prossimo: {describer.when(upcoming.date, upcoming.has_time)}"
    return Card(
        title="Le videoconferenze del lunedì", when=when, site=describer.site.name
    )


def playlist(describer, ctx, _subject, url, description):
    # The talks this page of the playlist lists.
    shown = ctx.get("talks_page")
    talks = shown.object_list if shown else ctx.get("talks", [])
    title = "Videoconferenze"
    image = describer.card(playlist_card(describer, ctx))
    page = structured.web_page(
        url, title, description, describer.site, kind="CollectionPage", image=image
    )
    page["mainEntity"] = {"@id": f"{url}#elenco"}
    return (
        title,
        "website",
        image,
        [page, structured.item_list(talks, url, describer.site)],
    )


def person(describer, speaker):
    """A speaker on a card: a raster avatar from content/, or initials."""
    avatar = None
    if speaker.avatar:
        path = describer.content / speaker.avatar
        avatar = str(path) if path.suffix.lower() != ".svg" else None
    return Person(speaker.name, speaker.initials, avatar)


def thumbnail(describer, talk):
    """The talk's video thumbnail in content/, if it has one Pillow can read."""
    if not talk.youtube:
        return None
    path = talk.youtube.thumbnail
    size = image_size(describer.content / path, describer.settings)
    if size is None:
        return None
    return ShareImage(
        url=describer.absolute(path),
        width=size[0],
        height=size[1],
        alt=f"Anteprima del video: #{talk.number} {plain(talk.title)}",
        type="image/jpeg",
    )


def _talks_generator(generators):
    return next((g for g in generators if hasattr(g, "registry")), None)


def talk_cards(describer, generators):
    talks = _talks_generator(generators)
    for item in talks.talks if talks else ():
        card = talk_card(describer, item)
        if card is not None:
            yield card


def speaker_cards(describer, generators):
    talks = _talks_generator(generators)
    return [speaker_card(describer, s) for s in talks.registry] if talks else []


def playlist_cards(describer, generators):
    talks = _talks_generator(generators)
    return [playlist_card(describer, talks.context)] if talks else []


TALKS_SECTION = section("Videoconferenze", "TALKS_URL")

TALK = Kind(talk, subject="talk", section=TALKS_SECTION, cards=talk_cards)
SPEAKER = Kind(
    speaker,
    subject="speaker",
    section=section("Relatori", "SPEAKERS_URL"),
    dated=lambda ctx, speaker: speaker.talks,
    cards=speaker_cards,
)
PLAYLIST = Kind(playlist, cards=playlist_cards)
TALK_TAG = Kind(
    listing(lambda ctx: f"Videoconferenze sul tema {ctx['talk_tag']}"),
    section=TALKS_SECTION,
    dated=lambda ctx, _subject: ctx.get("tag_talks", []),
)
# What the talks generator writes, for the sharing plugin to prepare.
KINDS = (TALK, SPEAKER, PLAYLIST, TALK_TAG)

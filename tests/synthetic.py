"""SYNTHETIC content for tests and benchmarks: generated, not real community data.

`make_archive` writes speakers, talks and articles into a content folder and
returns what a correct build must show, so tests can assert against it.
Every name, title, date and video id here is made up. Markdown files are
written with the content model's front_matter(), in the schema's order.
"""

import io
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image, ImageCms

from eroi.model.schema import SCHEMAS, front_matter
from tests.captions import speech, subrip, youtube_auto_vtt

ROME = ZoneInfo("Europe/Rome")
FIRST_MONDAY = datetime(2019, 1, 7, 17, 0, tzinfo=ROME)
EXTRA_CLIP = "SYNTHclip01"  # a second video embedded in the body of talk 5
PASTED_CLIP = "SYNTHpaste1"  # an iframe pasted into article 0, from 42 s


def tiny_image(kind, colour=(11, 92, 173), size=(2, 2)):
    """The bytes of a real image of a few pixels (``kind``: a Pillow format)."""
    stream = io.BytesIO()
    Image.new("RGB", size, colour).save(stream, kind)
    return stream.getvalue()


def tiny_png(colour=(11, 92, 173)):
    return tiny_image("PNG", colour)


def camera_photo(size=(6000, 4000)):
    """A JPEG as a phone writes it (24 megapixels, about 17 MB): a gradient
    (black at the top of the sensor) with sensor noise, orientation 6 (to be
    turned a quarter clockwise), camera and GPS tags, an sRGB colour
    profile, a comment, and a second picture in it (MPF)."""
    noise = Image.effect_noise(size, 30)
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.merge("RGB", (gradient, noise, Image.blend(gradient, noise, 0.5)))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F], exif[0x0110] = "Fotocamera", "Modello 1"
    exif[0x8825] = {1: "N", 2: (45.0, 27.0, 50.0), 3: "E", 4: (9.0, 11.0, 25.0)}
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    stream = io.BytesIO()
    image.save(
        stream,
        "MPO",  # a JPEG with a second, smaller picture (depth, HDR) after it
        save_all=True,
        append_images=[image.resize((600, 400))],
        quality=95,
        exif=exif,
        icc_profile=profile,
        comment=b"Via Roma",
    )
    return stream.getvalue()


# A valid, whole 2×2 JPEG: stands in for downloaded thumbnails of the first videos.
TINY_JPEG = tiny_image("JPEG")
THUMBNAILS = 10  # videos 1..10 have a local thumbnail; the others a placeholder
TOPICS = ["NethServer", "VoIP", "Firewall", "Backup", "Marketing", "Cloud", "Sicurezza"]


@dataclass
class Archive:
    """What the generated content must produce once built."""

    now: datetime
    talks: list = field(default_factory=list)  # dicts, oldest first
    speakers: list = field(default_factory=list)  # dicts

    def talks_of(self, handle):
        return [t for t in self.talks if handle in t["speakers"]]


def video_id(n):
    return f"SYNTH{n:06d}"  # 11 characters, like a YouTube id


def make_archive(
    content,
    *,
    talks=40,
    speakers=15,
    articles=5,
    now=None,
    seed=7,
    thumbnails=THUMBNAILS,
    captions=True,
    every=timedelta(weeks=2),
    english=(),
):
    """Write a synthetic archive into ``content``; return the expected Archive.

    Talks fall on Mondays at 17:00 (Europe/Rome) from 2019; the last three
    are after ``now`` (upcoming); every fourth past talk has no video; the
    last four have a live room (``Live:``), the first of them past. Speaker
    0 is named by an alias in some talks; talk 5 is reStructuredText with
    pelican-youtube's directive; talk 2 lists chapters and has YouTube's
    automatic captions for its first 15 minutes; talk 3 has a SubRip file
    (unless ``captions`` is False). ``every``: the time between two talks
    (thousands of talks need less than two weeks to end before 2100).
    ``english``: the numbers of the talks written ``Lang: en`` (their "lang").
    """
    rng = random.Random(seed)
    content = Path(content)
    for folder in (
        "speakers",
        "talks",
        "articles",
        "images/relatori",
        "images/thumbnails",
    ):
        (content / folder).mkdir(parents=True, exist_ok=True)
    dates = [FIRST_MONDAY + every * n for n in range(talks)]
    now = now or dates[-3] - timedelta(days=1)
    archive = Archive(now=now)

    for n in range(speakers):
        handle = f"relatore.{n:02d}"
        speaker = {
            "handle": handle,
            "name": f"Relatore Sintetico {n:02d}",
            "aliases": [f"alias{n:02d}"] if n % 3 == 0 else [],
            "bio": f"Bio sintetica del relatore {n:02d}.",
        }
        archive.speakers.append(speaker)
        avatar = ""
        if n == 1:  # a local avatar image; the others get initials
            avatar = "images/relatori/relatore-01.svg"
            (content / "images" / "relatori" / "relatore-01.svg").write_text(
                '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" '
                'viewBox="0 0 96 96"><rect width="96" height="96" fill="#8ab"/></svg>\n',
                encoding="utf-8",
            )
        fields = {
            "name": speaker["name"],
            "handle": handle,
            "aliases": ", ".join(speaker["aliases"]),
            "avatar": avatar,
            "company": f"Azienda Sintetica {n % 4}",
            "website": f"https://example.org/{n}",
        }
        (content / "speakers" / f"{handle}.md").write_text(
            front_matter(SCHEMAS["speaker"], fields, blanks=False)
            + f"\n{speaker['bio']}\n",
            encoding="utf-8",
        )

    for n, date in enumerate(dates, start=1):
        chosen = rng.sample(archive.speakers, 2 if n % 5 == 0 else 1)
        handles = [s["handle"] for s in chosen]
        written = [
            s["aliases"][0] if s["aliases"] and n % 2 else s["handle"] for s in chosen
        ]
        upcoming = date > now
        has_video = not upcoming and n % 4 != 0
        talk = {
            "number": n,
            "slug": f"videoconferenza-sintetica-{n:03d}",
            "title": f"Videoconferenza sintetica {n:03d}: {TOPICS[n % len(TOPICS)]}",
            "date": date,
            "speakers": handles,
            "video": video_id(n) if has_video else None,
            "state": "upcoming"
            if upcoming
            else "recorded"
            if has_video
            else "unavailable",
            "tag": TOPICS[n % len(TOPICS)],
            "lang": "en" if n in english else "it",
            "duration": 3600 + 60 * (n % 45),
            "captions": [],  # (start, end, text) of its caption file
            # A live room (Live:) for the last four: one past, three to come.
            "live": f"https://meet.example.org/sintetica-{n:03d}"
            if n > talks - 4 and n != 5
            else None,
        }
        archive.talks.append(talk)
        minutes = talk["duration"] // 60
        if n == 5:  # reStructuredText, video through pelican-youtube's directive
            body = (
                f"{talk['title']}\n{'#' * len(talk['title'])}\n\n"
                f":date: {date:%Y-%m-%d %H:%M}\n:speakers: {', '.join(written)}\n"
                f":slug: {talk['slug']}\n:tags: {talk['tag']}\n:duration: {minutes} min\n"
                f":youtube: https://www.youtube.com/embed/{talk['video']}\n\n"
                f"Descrizione sintetica in reStructuredText, con un estratto:\n\n"
                f".. youtube:: {EXTRA_CLIP}\n"
            )
            (content / "talks" / f"{talk['slug']}.rst").write_text(
                body, encoding="utf-8"
            )
            continue
        if has_video and n <= thumbnails:
            (content / "images" / "thumbnails" / f"{video_id(n)}.jpg").write_bytes(
                TINY_JPEG
            )
        youtube = ""
        if has_video:
            forms = [
                video_id(n),
                f"https://www.youtube.com/watch?v={video_id(n)}",
                f"https://youtu.be/{video_id(n)}",
            ]
            youtube = forms[n % 3]
        chapters = ""
        if n == 2:
            chapters = (
                "\n\n00:00:00 Introduzione\n00:12:30 Demo dal vivo\n01:01:30 Domande\n"
            )
        if n == 2 and captions:
            talk["captions"] = speech(900, seed=n)
            (content / "talks" / f"{talk['slug']}.it.vtt").write_text(
                youtube_auto_vtt(talk["captions"]), encoding="utf-8"
            )
        if n == 3 and captions:
            talk["captions"] = speech(300, seed=n)
            (content / "talks" / f"{talk['slug']}.srt").write_text(
                subrip(talk["captions"]), encoding="utf-8"
            )
        fields = {
            "title": talk["title"],
            "date": f"{date:%Y-%m-%d %H:%M}",
            "speakers": ", ".join(written),
            "slug": talk["slug"],
            "youtube": youtube,
            "duration": f"{minutes} min",
            "tags": talk["tag"],
            "slides": f"https://example.org/slide/{n}",
            "discussion": f"https://example.org/discussione/{n}",
            "live": talk["live"] or "",
            "lang": "en" if n in english else "",
        }
        (content / "talks" / f"{talk['slug']}.md").write_text(
            front_matter(SCHEMAS["talk"], fields, blanks=False)
            + f"\nDescrizione sintetica della videoconferenza {n}, con @{handles[0]}."
            + chapters,
            encoding="utf-8",
        )

    for n in range(articles):
        fields = {
            "title": f"Articolo sintetico {n:03d}",
            "date": f"{dates[n % len(dates)]:%Y-%m-%d}",
            "category": "Sintetici",
            "tags": TOPICS[n % len(TOPICS)],
        }
        (content / "articles" / f"articolo-{n:03d}.md").write_text(
            front_matter(SCHEMAS["article"], fields, blanks=False) + "\n"
            f"Testo sintetico dell'articolo {n}, che cita @{archive.speakers[0]['handle']}.\n"
            + (
                f'\n<iframe width="560" height="315" title="Un estratto" '
                f'src="https://www.youtube.com/embed/{PASTED_CLIP}?start=42" '
                f'frameborder="0" allowfullscreen></iframe>\n'
                if n == 0
                else ""
            ),
            encoding="utf-8",
        )
    return archive

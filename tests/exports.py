"""SYNTHETIC YouTube exports, in the shapes yt-dlp and the Data API give them.

Every id, title, name, date and word here is made up. The shapes are those
of yt-dlp 2026.10.26 (``extract_info`` after ``sanitize_info``, and the JSON
that ``yt-dlp -J`` prints) and of the YouTube Data API v3:

- ``video_info``: one video's full info dict: formats, thumbnails, captions
  (``subtitles``, ``automatic_captions``), ``chapters``, ``tags``,
  ``language``; ``in_playlist`` adds the keys of an entry of
  ``yt-dlp -J <playlist>``;
- ``flat_entry`` and ``flat_playlist``: a flat listing
  (``extract_flat="in_playlist"``, ``yt-dlp -J --flat-playlist``);
- ``channel``: a channel's address, whose entries are its tabs;
- ``api_item`` and ``api_page``: one page of ``playlistItems.list``;
- ``speaker_file`` writes a speaker's file; ``speakers_and_export``: N
  speakers and a ``yt-dlp -J`` export of N videos naming them as real
  descriptions do (benchmarks/import_speed.py).
"""

import random

from eroi.model.schema import SCHEMAS, front_matter

WATCH = "https://www.youtube.com/watch?v={}"
CHANNEL = "Eroi Digitali (SYNTHETIC)"
CHANNEL_ID = "UCsynthetic000000000000a"
VERSION = {"version": "2026.10.26", "repository": "yt-dlp/yt-dlp"}


def thumbnails(video):
    """A processed ``thumbnails`` list: worst first, as yt-dlp sorts them."""
    return [
        {
            "url": f"https://i.ytimg.com/vi/{video}/default.jpg",
            "preference": -13,
            "id": "0",
            "height": 90,
            "width": 120,
            "resolution": "120x90",
        },
        {
            "url": f"https://i.ytimg.com/vi/{video}/hqdefault.jpg",
            "preference": -7,
            "id": "22",
            "height": 360,
            "width": 480,
            "resolution": "480x360",
        },
        {
            "url": f"https://i.ytimg.com/vi_webp/{video}/maxresdefault.webp",
            "preference": -1,
            "id": "39",
        },
        {
            "url": f"https://i.ytimg.com/vi/{video}/maxresdefault.jpg",
            "preference": -1,
            "id": "40",
            "height": 720,
            "width": 1280,
            "resolution": "1280x720",
        },
    ]


def formats(video, duration):
    """A few of the formats yt-dlp lists for a video: a storyboard, audio
    only, video only, worst first."""
    base = f"https://rr1---sn-synthetic.googlevideo.com/videoplayback?id={video}"
    audio = {"vcodec": "none", "video_ext": "none", "audio_ext": "m4a"}
    return [
        {
            "format_id": "sb0",
            "format_note": "storyboard",
            "ext": "mhtml",
            "protocol": "mhtml",
            "acodec": "none",
            "vcodec": "none",
            "url": f"https://i.ytimg.com/sb/{video}/storyboard3_L2/M$M.jpg",
            "fragments": [{"url": f"https://i.ytimg.com/sb/{video}/M0.jpg"}],
            "rows": 3,
            "columns": 3,
            "fps": 0.01,
            "resolution": "160x90",
        },
        {
            "format_id": "139",
            "format_note": "low",
            "ext": "m4a",
            "acodec": "mp4a.40.5",
            "asr": 22050,
            "audio_channels": 2,
            "abr": 48.8,
            "filesize": None if duration is None else int(duration * 6100),
            "language": "it",
            "protocol": "https",
            "url": f"{base}&itag=139",
            **audio,
        },
        {
            "format_id": "137",
            "format_note": "1080p",
            "ext": "mp4",
            "vcodec": "avc1.640028",
            "acodec": "none",
            "width": 1920,
            "height": 1080,
            "fps": 30,
            "dynamic_range": "SDR",
            "protocol": "https",
            "url": f"{base}&itag=137",
            "video_ext": "mp4",
            "audio_ext": "none",
        },
    ]


def caption_tracks(video, lang, kind="", name="Italian"):
    """The formats of one caption language, WebVTT among them."""
    base = f"https://www.youtube.com/api/timedtext?v={video}&lang={lang}{kind}"
    return [
        {"ext": ext, "url": f"{base}&fmt={ext}", "name": name}
        for ext in ("json3", "srv1", "srv2", "srv3", "ttml", "srt", "vtt")
    ]


def automatic_captions(video, lang, also=("en",)):
    """YouTube's automatic captions of speech in ``lang``: the ``-orig`` track,
    the plain one, and machine translations into ``also``."""
    found = {
        f"{lang}-orig": caption_tracks(video, lang, "&kind=asr", f"{lang} (Original)"),
        lang: caption_tracks(video, lang, "&kind=asr", lang),
    }
    for other in also:
        if other != lang:
            kind = f"&kind=asr&tlang={other}"
            found[other] = caption_tracks(video, lang, kind, other)
    return found


def flat_entry(video, title, duration, **fields):
    """One entry of a flat playlist: no description, date or captions."""
    entry = {
        "_type": "url",
        "ie_key": "Youtube",
        "id": video,
        "url": WATCH.format(video),
        "title": title,
        "description": None,
        "duration": duration,
        "channel_id": CHANNEL_ID,
        "channel": CHANNEL,
        "channel_url": f"https://www.youtube.com/channel/{CHANNEL_ID}",
        "uploader": CHANNEL,
        "thumbnails": [
            {
                "url": f"https://i.ytimg.com/vi/{video}/hqdefault.jpg?sqp=synthetic",
                "height": 94,
                "width": 168,
            }
        ],
        "timestamp": None,
        "release_timestamp": None,
        "availability": None,
        "view_count": 42,
        "live_status": None,
        "channel_is_verified": None,
        "__x_forwarded_for_ip": None,
    }
    entry.update(fields)
    return entry


def flat_playlist(entries, playlist="PLsynthetic0imp", url=None):
    url = url or f"https://www.youtube.com/playlist?list={playlist}"
    return {
        "_type": "playlist",
        "id": playlist,
        "title": "Videoconferenze del lunedì (SYNTHETIC)",
        "availability": "public",
        "channel": CHANNEL,
        "channel_id": CHANNEL_ID,
        "description": "",
        "tags": [],
        "entries": entries,
        "extractor": "youtube:tab",
        "extractor_key": "YoutubeTab",
        "webpage_url": url,
        "original_url": url,
        "webpage_url_basename": "playlist",
        "playlist_count": len(entries),
        "epoch": 1767225600,
        "_version": VERSION,
    }


def channel(url, tabs):
    """A channel's address, flat: its tabs (``/videos``, ``/streams`` ...),
    each an entry yt-dlp reads as a playlist of its own."""
    info = flat_playlist([], playlist=CHANNEL_ID, url=url)
    info["title"] = f"{CHANNEL} - Home"
    info["entries"] = [
        {
            "_type": "url",
            "ie_key": "YoutubeTab",
            "id": CHANNEL_ID,
            "url": f"{url}/{tab}",
            "title": f"{CHANNEL} - {name}",
        }
        for tab, name in tabs
    ]
    return info


def video_info(video, title, description, upload_date, duration, **fields):
    """One video's info dict (``extract_info(url, download=False)``), as it is
    also an entry of ``yt-dlp -J <playlist URL>``."""
    info = {
        "id": video,
        "title": title,
        "formats": formats(video, duration),
        "thumbnails": thumbnails(video),
        "thumbnail": f"https://i.ytimg.com/vi_webp/{video}/maxresdefault.webp",
        "description": description,
        "channel_id": CHANNEL_ID,
        "channel_url": f"https://www.youtube.com/channel/{CHANNEL_ID}",
        "duration": duration,
        "view_count": 137,
        "average_rating": None,
        "age_limit": 0,
        "webpage_url": WATCH.format(video),
        "categories": ["Science & Technology"],
        "tags": [],
        "playable_in_embed": True,
        "live_status": "was_live",
        "release_timestamp": None,
        "_format_sort_fields": ("quality", "res", "fps", "hdr:12", "source"),
        "automatic_captions": {},
        "subtitles": {},
        "comment_count": 3,
        "chapters": None,
        "heatmap": None,
        "like_count": 9,
        "channel": CHANNEL,
        "channel_follower_count": 1200,
        "uploader": CHANNEL,
        "uploader_id": "@eroidigitali-synthetic",
        "uploader_url": "https://www.youtube.com/@eroidigitali-synthetic",
        "upload_date": upload_date,
        "timestamp": None,
        "availability": "public",
        "original_url": WATCH.format(video),
        "webpage_url_basename": "watch",
        "webpage_url_domain": "youtube.com",
        "extractor": "youtube",
        "extractor_key": "Youtube",
        "display_id": video,
        "fulltitle": title,
        "duration_string": "synthetic",
        "release_year": None,
        "is_live": False,
        "was_live": True,
        "requested_subtitles": None,
        "_has_drm": None,
        "epoch": 1767225600,
        "language": "it",
        "format_id": "137+139",
        "ext": "mp4",
        "_type": "video",
        "_version": VERSION,
    }
    info.update(fields)
    return info


def in_playlist(info, position, playlist="PLsynthetic0imp"):
    """``info`` as an entry of ``yt-dlp -J <playlist URL>``: with its place."""
    return {
        **info,
        "playlist": "Videoconferenze del lunedì (SYNTHETIC)",
        "playlist_id": playlist,
        "playlist_title": "Videoconferenze del lunedì (SYNTHETIC)",
        "playlist_index": position,
        "playlist_autonumber": position,
        "n_entries": None,
        "__last_playlist_index": None,
    }


# The Data API ------------------------------------------------------------------------


def api_item(video, title, description, published, added=None, privacy="public"):
    """One item of a YouTube Data API v3 playlistItems.list response (parts
    snippet, contentDetails, status)."""
    details = {"videoId": video}
    if published:
        details["videoPublishedAt"] = published
    return {
        "kind": "youtube#playlistItem",
        "etag": "synthetic",
        "id": f"PLI{video}",
        "snippet": {
            "publishedAt": added or published,
            "channelId": CHANNEL_ID,
            "title": title,
            "description": description,
            "thumbnails": {
                "default": {
                    "url": f"https://i.ytimg.com/vi/{video}/default.jpg",
                    "width": 120,
                    "height": 90,
                }
            },
            "channelTitle": CHANNEL,
            "playlistId": "PLsynthetic0imp",
            "position": 0,
            "resourceId": {"kind": "youtube#video", "videoId": video},
            "videoOwnerChannelTitle": CHANNEL,
            "videoOwnerChannelId": CHANNEL_ID,
        },
        "contentDetails": details,
        "status": {"privacyStatus": privacy},
    }


def api_page(items, next_token=None):
    page = {
        "kind": "youtube#playlistItemListResponse",
        "etag": "synthetic",
        "items": items,
        "pageInfo": {"totalResults": len(items), "resultsPerPage": 50},
    }
    if next_token:
        page["nextPageToken"] = next_token
    return page


# A whole channel's worth, for the benchmark -------------------------------------------

FIRST = [
    "Paolo",
    "Francesco",
    "Giulia",
    "Marco",
    "Chiara",
    "Luca",
    "Sara",
    "Andrea",
    "Elena",
    "Matteo",
    "Nicolò",
    "Anna",
    "Davide",
    "Lucia",
    "Simone",
    "Irene",
    "Giorgio",
    "Marta",
    "Stefano",
    "Ilaria",
]
SURNAMES = [
    "Finzi",
    "Inventi",
    "Esempi",
    "Prova",
    "Fittizi",
    "Campione",
    "Modelli",
    "Bozzetti",
    "Schizzi",
    "Tracce",
    "Sagome",
    "Abbozzi",
    "Ipotesi",
    "Prototipi",
    "Simulati",
    "Figurati",
    "Immaginari",
    "Supposti",
    "Presunti",
    "Astratti",
]


def speaker_file(content, handle, name, aliases=""):
    fields = {"name": name, "handle": handle, "aliases": aliases}
    path = content / "speakers" / f"{handle}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = front_matter(SCHEMAS["speaker"], fields, blanks=False) + "\nBio.\n"
    path.write_text(text, encoding="utf-8")
    return path


def speakers_and_export(content, count, speakers=None, seed=1):
    """Write ``speakers`` SYNTHETIC speaker files (default ``count``) into
    ``content``/speakers; return the ``yt-dlp -J`` output of ``count`` videos
    and ``{video id: [handles it credits]}``.

    Nine speakers in ten have a full name (twenty first names for all of
    them, one or two surnames); one in ten a one-word name and handle that is
    a first name (``elena``), as many forum profiles have. Each description
    credits one or two speakers by full name or @handle and also holds a
    first name alone, hashtags, a rule, a list, emphasis, a decorator, a link
    and an e-mail address; one in ten lists chapters, one in twenty is in
    English.
    """
    rng = random.Random(seed)
    people, taken = [], set()
    for n in range(speakers or count):
        first = FIRST[n % len(FIRST)]
        if n % 10 == 9:
            handle = first.lower() if first.lower() not in taken else f"{first}{n}"
            name = handle
        else:
            surnames = [SURNAMES[(n // len(FIRST)) % len(SURNAMES)]]
            if n >= len(FIRST) * len(SURNAMES):
                surnames.append(SURNAMES[(n // 400) % len(SURNAMES)])
            name = " ".join([first, *surnames])
            handle = f"{first.lower()}.{surnames[0].lower()}{n}"
        taken.add(handle.lower())
        speaker_file(content, handle, name)
        people.append((handle, name))
    entries, credited = [], {}
    for n in range(count):
        video = f"SYN{n:08d}"
        named = rng.sample(people, 2 if n % 4 == 0 else 1)
        credited[video] = [handle for handle, _name in named]
        credits = " e ".join(
            name if " " in name else f"@{handle}" for handle, name in named
        )
        description = (
            f"Videoconferenza del lunedì con {credits}.\n"
            f"Ciao a tutti, sono {rng.choice(FIRST)}: oggi parliamo di backup.\n"
            f"#EroiDigitali #NethServer{n % 9}\n"
            "---\n"
            "* domande in chat\n"
            "Il codice: @property e __init__, **non** tutto.\n"
            f"Slide: https://example.org/slide/{n}.pdf\n"
            "Scrivici: info@example.org\n"
        )
        if n % 10 == 0:
            description += "\n00:00 Introduzione\n05:00 Demo\n40:00 Domande\n"
        info = video_info(
            video,
            f"Serata sintetica {n}: backup",
            description,
            f"{2019 + n % 7}{1 + n % 12:02d}{1 + n % 28:02d}",
            3600,
            tags=["backup", f"tema{n % 30}"],
            language="en" if n % 20 == 19 else "it",
        )
        entries.append(in_playlist(info, n + 1))
    return flat_playlist(entries), credited

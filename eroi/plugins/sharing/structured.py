"""JSON-LD: one schema.org ``@graph`` per page, safe inside a <script> block.

Every function returns plain dicts; ``script_json`` serialises a graph so that
no value can end the <script type="application/ld+json"> element or open a
comment in it, whatever a writer put in a title.
"""

import json
from datetime import timedelta

from markupsafe import Markup

SCHEMA = "https://schema.org"
# The page shows the whole transcript already; a second whole copy here would
# double its weight (a 90-minute talk: about 30 KB gzip each, budget 40 KB;
# benchmarks/transcript_cost.py). Longer transcripts are cut at a word.
TRANSCRIPT_CHARACTERS = 16_000
YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/{id}"
YOUTUBE_WATCH = "https://www.youtube.com/watch?v={id}"
# Characters that could close the element, start markup or break JavaScript.
UNSAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def script_json(graph):
    """The JSON text of ``{"@context", "@graph"}``, escaped for a script element."""
    document = {"@context": SCHEMA, "@graph": graph}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(UNSAFE))


def plain(title):
    """A title as text: Pelican titles may hold markup (as in <title>, tags go)."""
    return Markup(title).striptags()


def iso_duration(seconds):
    """ISO 8601: 3725 -> "PT1H2M5S"."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
    parts.append(f"{secs}S" if secs or not (hours or minutes) else "")
    return "PT" + "".join(parts)


def website(site):
    return {
        "@type": "WebSite",
        "@id": f"{site.url}/#sito",
        "url": f"{site.url}/",
        "name": site.name,
        "description": site.description,
        "inLanguage": site.lang,
        "publisher": {"@id": f"{site.url}/#community"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{site.url}/{site.search_url}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def community(site):
    """The community that publishes the site and organises the talks."""
    return {
        "@type": "Organization",
        "@id": f"{site.url}/#community",
        "name": site.name,
        "url": f"{site.url}/",
    }


def breadcrumbs(page_url, trail):
    """``trail``: [(name, absolute url), ...] from the home page to this page."""
    return {
        "@type": "BreadcrumbList",
        "@id": f"{page_url}#percorso",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url}
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }


def web_page(page_url, name, description, site, kind="WebPage", image=None):
    node = {
        "@type": kind,
        "@id": page_url,
        "url": page_url,
        "name": name,
        "description": description,
        "isPartOf": {"@id": f"{site.url}/#sito"},
        "inLanguage": site.lang,
        "breadcrumb": {"@id": f"{page_url}#percorso"},
    }
    if image:
        node["primaryImageOfPage"] = image.url
    return node


def person(speaker, site, image=None):
    """A speaker: handle and aliases as alternateName, profiles as sameAs."""
    node = {
        "@type": "Person",
        "@id": f"{site.url}/{speaker.url}#persona",
        "name": speaker.name,
        "url": f"{site.url}/{speaker.url}",
        "alternateName": [speaker.handle, *speaker.aliases],
        "sameAs": [link for link in (speaker.profile, speaker.website) if link],
    }
    if image:
        node["image"] = image
    if speaker.company:
        node["worksFor"] = {"@type": "Organization", "name": speaker.company}
    return node


def performer(speaker, site):
    return {
        "@type": "Person",
        "@id": f"{site.url}/{speaker.url}#persona",
        "name": speaker.name,
        "url": f"{site.url}/{speaker.url}",
    }


def blog_posting(article, page_url, description, image, site):
    authors = [
        {"@type": "Person", "name": author.name, "url": f"{site.url}/{author.url}"}
        for author in article.authors
    ]
    node = {
        "@type": "BlogPosting",
        "@id": f"{page_url}#articolo",
        "mainEntityOfPage": {"@id": page_url},
        "headline": plain(article.title),
        "description": description,
        "url": page_url,
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "inLanguage": article.lang,
        "author": authors,
        "publisher": {"@id": f"{site.url}/#community"},
        "image": [image.url],
    }
    if getattr(article, "category", None):
        node["articleSection"] = str(article.category)
    tags = [str(tag) for tag in getattr(article, "tags", ())]
    if tags:
        node["keywords"] = tags
    return node


def video_object(talk, page_url, description, thumbnail, site):
    """A recorded talk; each chapter is a Clip that opens the talk at its time;
    what was said, when it has captions, is its ``transcript``."""
    node = {
        "@type": "VideoObject",
        "@id": f"{page_url}#video",
        "name": f"#{talk.number} {plain(talk.title)}",
        "description": description,
        "thumbnailUrl": [thumbnail.url],
        "uploadDate": talk.date.isoformat(),
        "embedUrl": YOUTUBE_EMBED.format(id=talk.youtube.id),
        "contentUrl": YOUTUBE_WATCH.format(id=talk.youtube.id),
        "url": page_url,
        "inLanguage": talk.lang,
        "isPartOf": {"@id": page_url},
        "publisher": {"@id": f"{site.url}/#community"},
        "actor": [performer(speaker, site) for speaker in talk.speakers],
    }
    if talk.duration:
        node["duration"] = iso_duration(talk.duration)
    if talk.chapters:
        node["hasPart"] = clips(talk, page_url)
    if talk.transcript:
        node["transcript"] = talk.transcript.excerpt(TRANSCRIPT_CHARACTERS)
    return node


def clips(talk, page_url):
    starts = [seconds for seconds, _title in talk.chapters]
    ends = [*starts[1:], talk.duration]
    parts = []
    for (seconds, title), end in zip(talk.chapters, ends, strict=True):
        clip = {
            "@type": "Clip",
            "name": title,
            "startOffset": seconds,
            "url": f"{page_url}?t={seconds}",
        }
        if end and end > seconds:
            clip["endOffset"] = end
        parts.append(clip)
    return parts


def event(talk, page_url, description, image, settings, site):
    """An upcoming (or unrecorded) talk: an online event with its speakers."""
    minutes = settings["TALKS_DEFAULT_DURATION_MINUTES"]
    length = timedelta(seconds=talk.duration or minutes * 60)
    if talk.has_time:
        start, end = talk.date.isoformat(), (talk.date + length).isoformat()
    else:  # only the day is known
        start = end = talk.date.date().isoformat()
    return {
        "@type": "Event",
        "@id": f"{page_url}#evento",
        "name": f"#{talk.number} {plain(talk.title)}",
        "description": description,
        "url": page_url,
        "startDate": start,
        "endDate": end,
        "eventAttendanceMode": f"{SCHEMA}/OnlineEventAttendanceMode",
        "eventStatus": f"{SCHEMA}/EventScheduled",
        # Where to join it: its live room (Live:), else its page.
        "location": {"@type": "VirtualLocation", "url": talk.live or page_url},
        "image": [image.url],
        "inLanguage": talk.lang,
        "performer": [performer(speaker, site) for speaker in talk.speakers],
        "organizer": {"@id": f"{site.url}/#community"},
    }


def item_list(talks, page_url, site):
    return {
        "@type": "ItemList",
        "@id": f"{page_url}#elenco",
        "numberOfItems": len(talks),
        "itemListOrder": f"{SCHEMA}/ItemListOrderDescending",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": n,
                "url": f"{site.url}/{talk.url}",
                "name": f"#{talk.number} {plain(talk.title)}",
            }
            for n, talk in enumerate(talks, start=1)
        ],
    }

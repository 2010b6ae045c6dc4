"""The options of the search filters, written into /cerca/ with the site.

The pages give Pagefind their filters with ``data-pagefind-filter``: tipo,
relatore, anno and tag (talk.html, speaker.html, article.html with
partials/article_meta.html and partials/tag_list.html, page.html), and the
talks' lingua ("inglese", "italiano") when they are in more than one
language (talk.html declares it when this module found two). The same
values are read here from the content the generators hold, once all of them
have read it, into the context as ``search_filters``: search.html writes them
as its <select>s, so /cerca/ shows its filters from the first paint and never
downloads the index's filter chunks to list them. tests/test_search.py checks
that they are the values Pagefind holds.
"""

import unicodedata
from collections import defaultdict

from eroi.model.italian import lingua

# The filters /cerca/ offers, in its order.
KEYS = ("tipo", "relatore", "anno", "tag", "lingua")
# What the generators write with an indexed template (drafts are not indexed).
CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "talks",
)


def _article(article):
    yield "tipo", "articolo"
    yield "anno", article.date.year
    # tag_list.html links (and declares) the tags of a published article only.
    if article.status == "published":
        for tag in getattr(article, "tags", ()):
            yield "tag", tag


def _page(_page):
    yield "tipo", "pagina"


def _talk(talk):
    yield "tipo", "videoconferenza"
    yield "anno", talk.date.year
    for speaker in talk.speakers:
        yield "relatore", speaker.name
    for tag in talk.talk_tags:
        yield "tag", tag
    yield "lingua", lingua(talk.lang)


def _speaker(speaker):
    yield "tipo", "relatore"
    yield "relatore", speaker.name


# By the template a content is written with: the filters that template declares.
DECLARED = {"article": _article, "page": _page, "talk": _talk}


def _collation(text):
    """Italian alphabetical order, as the browser sorts (accents, then case,
    count only between equal letters; lower case first)."""
    letters = "".join(
        char
        for char in unicodedata.normalize("NFD", text)
        if not unicodedata.combining(char)
    )
    return letters.casefold(), text.casefold(), text.swapcase()


def _ordered(key, values):
    if key == "anno":  # the newest first
        return sorted(values, key=int, reverse=True)
    return sorted(values, key=_collation)


def filter_values(generators, speakers=()):
    """{filter: [values in the order /cerca/ lists them]}, for the filters
    that have a value; ``speakers``: every speaker, each with a page."""
    found = defaultdict(set)
    declared = []
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, ()):
                if content.template in DECLARED:
                    declared.append(DECLARED[content.template](content))
    declared.extend(_speaker(speaker) for speaker in speakers)
    for pairs in declared:
        for key, value in pairs:
            # Pagefind reads a filter from the element's text, spaces collapsed.
            found[key].add(" ".join(str(value).split()))
    if len(found["lingua"]) < 2:  # one language: nothing to choose
        del found["lingua"]
    return {key: _ordered(key, found[key]) for key in KEYS if found[key]}


def add_search_filters(generators):
    """all_generators_finalized: ``search_filters`` in the shared context."""
    context = generators[0].context
    context["search_filters"] = filter_values(generators, context.get("speakers", ()))

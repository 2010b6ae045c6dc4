"""Related talks: what to watch next, chosen the same way on every build.

Same speakers first, then more shared tags, then nearest in time; the talk
number breaks any remaining tie, so the same content gives the same choice.
"""

import heapq
import itertools
from collections import defaultdict

RELATED_TALKS = 4


def closeness(talk, other):
    """The sort key of ``other`` as a talk related to ``talk``: smaller is closer."""
    speakers = {s.handle for s in other.speakers}
    tags = {t.slug for t in other.talk_tags}
    shared_speakers = sum(s.handle in speakers for s in talk.speakers)
    shared_tags = sum(t.slug in tags for t in talk.talk_tags)
    distance = abs((other.date - talk.date).total_seconds())
    return (-shared_speakers, -shared_tags, distance, other.number)


def relate_all(talks, count=RELATED_TALKS):
    """Set ``talk.related`` (up to ``count`` talks) on every talk of ``talks``.

    Exact, without comparing every pair: a talk that shares no speaker and at
    most one tag can only be chosen if it is among the ``count`` nearest, on
    its side in time, in that tag's list (or in the whole archive when it
    shares nothing); talks that share a speaker or two tags are all weighed.
    """
    chronological = sorted(talks, key=lambda t: (t.date, t.number))
    by_speaker, by_tag = defaultdict(set), defaultdict(list)
    for talk in chronological:
        for speaker in talk.speakers:
            by_speaker[speaker.handle].add(talk)
        for tag in talk.talk_tags:
            by_tag[tag.slug].append(talk)
    position = {
        key: {id(talk): i for i, talk in enumerate(listed)}
        for key, listed in [("", chronological), *by_tag.items()]
    }
    lists = {"": chronological, **by_tag}
    tagged = {key: set(listed) for key, listed in by_tag.items()}

    def nearest(key, talk):
        listed, i = lists[key], position[key][id(talk)]
        return listed[max(0, i - count) : i] + listed[i + 1 : i + 1 + count]

    for talk in talks:
        tags = [tag.slug for tag in talk.talk_tags]
        candidates = set(nearest("", talk))
        for speaker in talk.speakers:
            candidates |= by_speaker[speaker.handle]
        for tag in tags:
            candidates.update(nearest(tag, talk))
        for first, second in itertools.combinations(tags, 2):
            candidates |= tagged[first] & tagged[second]
        candidates.discard(talk)
        talk.related = heapq.nsmallest(
            count, candidates, key=lambda other: closeness(talk, other)
        )

"""What was said in a talk: its caption cues as each phrase once, in timed passages.

YouTube's automatic captions roll: every cue repeats the line before it, and
a 10 ms "echo" cue repeats the new line once more. ``spoken_lines`` keeps a
line only when it is not the one just kept, which collapses the rolling
captions and leaves ordinary captions (YouTube Studio, SubRip) as they are.
``paragraphs`` groups the lines into passages of about 30–60 seconds, closing
one at a sentence's end once it is long enough, and always at a chapter.
"""

from dataclasses import dataclass

SENTENCE_ENDS = (".", "?", "!", "…", '."', ".»", "?»", "!»")


@dataclass(frozen=True)
class Passage:
    start: int  # whole seconds: the link, the anchor (#t-START) and ?t=START
    text: str


def spoken_lines(cues):
    """``[(start seconds, line), ...]``: each caption line once, in order."""
    kept, last = [], None
    for cue in cues:
        for line in cue.lines:
            if line and line != last:
                kept.append((cue.start, line))
                last = line
    return kept


def paragraphs(lines, chapter_starts=(), shortest=30, longest=60):
    """``lines`` (from spoken_lines) as Passages: ``shortest``–``longest`` s each."""
    chapters = sorted(chapter_starts)
    passages, words, start = [], [], None

    def close():
        text = " ".join(words)
        if passages and passages[-1].start == int(start):
            passages[-1] = Passage(passages[-1].start, f"{passages[-1].text} {text}")
        else:
            passages.append(Passage(int(start), text))
        words.clear()

    for at, line in lines:
        if words:
            elapsed = at - start
            if (
                any(start < chapter <= at for chapter in chapters)
                or elapsed >= longest
                or (elapsed >= shortest and words[-1].endswith(SENTENCE_ENDS))
            ):
                close()
        if not words:
            start = at
        words.append(line)
    if words:
        close()
    return passages


@dataclass(frozen=True)
class Transcript:
    passages: tuple  # Passage
    lang: str
    automatic: bool
    source: str  # the caption file, as a writer knows it

    @property
    def text(self):
        return " ".join(passage.text for passage in self.passages)

    def excerpt(self, limit):
        """The text, or its first ``limit`` characters cut at a word, with "…"."""
        text = self.text
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0] + " …"

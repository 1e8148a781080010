"""One draft as the built-in scorers read it: words, sentences, time frames and the hits of
the coach's rules, each computed on first use and shared by every scorer.

The work is linear in the draft and bounded per draft: a spoken answer is 150-220 words in
about ten sentences, so a draft past `MAX_WORDS` words, `MAX_CHARS` characters or
`MAX_SENTENCES` sentences is read only up to there, and the specificity scorer says so; a
sentence past `text.SENTENCE_CHARS` is read in windows.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

from .compiled import compile_pattern
from .fastre import calm_hyphens, lower, word_starts
from .matches import Matches
from .text import (
    WORD_RE,
    ClauseBreaks,
    Span,
    TimeFrame,
    TokenCount,
    find_time_frames,
    speaking_seconds,
    split_sentences,
    tokens_of,
    windows,
)
from .text import words as word_list

if TYPE_CHECKING:
    from ..models import Profile
    from .hits import Hit

#: How much of a draft the built-in scorers read: fifty spoken answers' worth of words,
#: of characters (one word without spaces counts by its characters) and of sentences
#: (each concept's matches are kept per sentence, so a draft of one-word sentences costs
#: by its sentences).
MAX_WORDS = 10_000
MAX_CHARS = 100_000
MAX_SENTENCES = 1_000
#: Phrases of one sentence that search their clause for a negation before the sentence's
#: negations are indexed.
FEW_ASKS = 4

_TOKEN = compile_pattern(r"[\w']+")
_TOKEN_CHAR = compile_pattern(r"[\w']")


def analysed_end(
    text: str, max_words: int = MAX_WORDS, max_chars: int = MAX_CHARS
) -> tuple[int, list[re.Match[str]] | None]:
    """Where the part of `text` the scorers read ends: `len(text)` for any real answer;
    else after word `max_words`, or at the last space before `max_chars` characters. With
    it, the words of that part when they were found on the way (None: not looked for)."""
    if len(text) < 2 * max_words and len(text) <= max_chars:
        return len(text), None  # too short to hold more words than the limit
    found = word_list(text[:max_chars])
    if len(found) > max_words:  # cut only where a word follows: nothing else goes unread
        return found[max_words - 1].end(), found[:max_words]
    if len(text) <= max_chars:
        return len(text), found
    space = text.rfind(" ", max_chars // 2, max_chars)
    return (space if space > 0 else max_chars), None


class Analysis:
    """Everything the built-in scorers read from one draft, each part computed on first use.

    `text` is the part of the draft that is read: all of it, unless the draft is longer
    than `MAX_WORDS` words, `MAX_CHARS` characters or `MAX_SENTENCES` sentences (`draft` is
    then the whole draft and `cut` is True). Offsets are indices into both."""

    def __init__(self, text: str, profile: Profile) -> None:
        end, found = analysed_end(text)
        part = text if end == len(text) else text[:end]
        if len(part) > 2 * MAX_SENTENCES:  # long enough to hold more sentences than that
            sentences = windows(part, split_sentences(part))
            if len(sentences) > MAX_SENTENCES:
                part, found = part[: sentences[MAX_SENTENCES - 1].end], None
            else:
                self.sentences = sentences  # the cached property, filled in already
        self.draft = text
        self.text = part
        self.cut = len(part) < len(text)
        self.profile = profile
        if found is not None:
            self.word_matches = found  # the cached property, filled in already

    @cached_property
    def unread(self) -> tuple[int, int] | None:
        """The first word past the part that is read, when the draft was cut."""
        if not self.cut:
            return None
        m = WORD_RE.search(self.draft, len(self.text))
        return (m.start(), m.end()) if m else None

    @cached_property
    def word_matches(self) -> list[re.Match[str]]:
        return word_list(self.text)

    @cached_property
    def words(self) -> int:
        return len(self.word_matches)

    @cached_property
    def tokens(self) -> list[tuple[str, str]]:
        """(lower-case word, stem) of every meaningful word, in order."""
        return tokens_of(self.word_matches)

    @cached_property
    def speaking_seconds(self) -> int:
        return speaking_seconds(self.words)

    @cached_property
    def lowered(self) -> str:
        """The text in lower case, every character at its original index (hyphens of
        dash runs read as spaces: see `fastre.calm_hyphens`)."""
        return calm_hyphens(lower(self.text))

    @cached_property
    def word_starts(self) -> frozenset[str]:
        return word_starts(self.lowered)

    @cached_property
    def sentences(self) -> list[Span]:
        return windows(self.text, split_sentences(self.text))

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def time_frames(self) -> list[TimeFrame]:
        return find_time_frames(self.lowered)

    @cached_property
    def time_frame_starts(self) -> list[int]:
        return [f.start for f in self.time_frames]

    def frames_in(self, start: int, end: int) -> list[TimeFrame]:
        """The time frames that start within `[start, end)`."""
        starts = self.time_frame_starts
        return self.time_frames[bisect_left(starts, start) : bisect_left(starts, end)]

    @cached_property
    def matches(self) -> Matches:
        """The coach's concepts as found in this draft."""
        return Matches(self.lowered, self.sentences)

    @cached_property
    def hits(self) -> list[Hit]:
        from .detect import find_hits

        return find_hits(self)

    def hits_of(self, *kinds: str) -> list[Hit]:
        return [h for h in self.hits if h.kind in kinds]

    def sentence_index(self, pos: int) -> int | None:
        i = bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return i
        return None

    def sentence_at(self, pos: int) -> Span | None:
        i = self.sentence_index(pos)
        return None if i is None else self.sentences[i]

    @cached_property
    def _clauses(self) -> dict[int, ClauseBreaks]:
        return {}

    def clause_around(self, sentence: Span, start: int, end: int) -> tuple[int, int]:
        """`text.clause_around`, with the sentence's clause breaks found only once."""
        breaks = self._clauses.get(sentence.start)
        if breaks is None or breaks.sentence != sentence:
            breaks = self._clauses[sentence.start] = ClauseBreaks(sentence)
        return breaks.around(start, end)

    @cached_property
    def _gaps(self) -> dict[int, TokenCount]:
        return {}

    @cached_property
    def _negations(self) -> dict[int, tuple[list[int], list[int]]]:
        return {}

    @cached_property
    def _asked(self) -> dict[int, int]:
        return {}

    def word_gaps(self, sentence: Span) -> TokenCount:
        """Counts the words (`[\\w']+`) between two offsets within `sentence`, from an index
        made the first time a rule measures a gap there (not for every sentence: while
        typing, only the changed sentence is read again)."""
        found = self._gaps.get(sentence.start)
        if found is None:
            found = TokenCount(self.lowered, _TOKEN, _TOKEN_CHAR, sentence.start, sentence.end)
            self._gaps[sentence.start] = found
        return found

    def negations(self, sentence: Span) -> tuple[list[int], list[int]] | None:
        """Starts and ends of the negations in `sentence` ("not", "never", "n't"), found in
        one pass once `FEW_ASKS` phrases there have asked, so that the rest check their
        clause by bisection instead of searching it again. None until then: a sentence
        with a phrase or two is quicker searched clause by clause."""
        from .detect import NEGATION

        found = self._negations.get(sentence.start)
        if found is None:
            asked = self._asked[sentence.start] = self._asked.get(sentence.start, 0) + 1
            if asked <= FEW_ASKS:
                return None
            spans = [
                (m.start(), m.end())
                for m in NEGATION.finditer(self.lowered, sentence.start, sentence.end)
            ]
            found = self._negations[sentence.start] = ([a for a, _ in spans], [b for _, b in spans])
        return found

    @cached_property
    def _job_stems(self) -> frozenset[str]:
        from .vocabulary import vocabulary

        weights = vocabulary(self.profile).weights
        return frozenset(s for s, w in weights.items() if w >= 1.0)

    def job_terms_in(self, sentence: Span) -> int:
        """How many distinct terms of the job description the sentence uses."""
        found = tokens_of(word_list(sentence.text))
        return len({s for _, s in found} & self._job_stems)

"""One draft as the built-in scorers read it: words, sentences, time frames and the hits of
the coach's rules, each computed on first use and shared by every scorer."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

from .fastre import lower, word_starts
from .matches import Matches
from .text import Span, TimeFrame, find_time_frames, speaking_seconds, split_sentences, tokens_of
from .text import words as word_list

if TYPE_CHECKING:
    from ..models import Profile
    from .hits import Hit


class Analysis:
    """Everything the built-in scorers read from one draft, each part computed on first use."""

    def __init__(self, text: str, profile: Profile) -> None:
        self.text = text
        self.profile = profile

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
        """The draft in lower case, every character at its original index."""
        return lower(self.text)

    @cached_property
    def word_starts(self) -> frozenset[str]:
        return word_starts(self.lowered)

    @cached_property
    def sentences(self) -> list[Span]:
        return split_sentences(self.text)

    @cached_property
    def time_frames(self) -> list[TimeFrame]:
        return find_time_frames(self.lowered)

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
        i = bisect_right([s.start for s in self.sentences], pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return i
        return None

    def sentence_at(self, pos: int) -> Span | None:
        i = self.sentence_index(pos)
        return None if i is None else self.sentences[i]

    @cached_property
    def _job_stems(self) -> frozenset[str]:
        from .vocabulary import vocabulary

        weights = vocabulary(self.profile).weights
        return frozenset(s for s, w in weights.items() if w >= 1.0)

    def job_terms_in(self, sentence: Span) -> int:
        """How many distinct terms of the job description the sentence uses."""
        found = tokens_of(word_list(sentence.text))
        return len({s for _, s in found} & self._job_stems)

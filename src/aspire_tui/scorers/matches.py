"""Each concept's matches in one draft, sorted into its sentences: what every rule and
scorer reads the coach's knowledge through.

While a user types, one sentence changes at a time, so what a concept matches is kept per
sentence text: scoring the next keystroke scans only the sentence that changed. A new text
(a paste, a draft opened) is scanned whole, in one pass per concept.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cached_property
from typing import NamedTuple

from .compiled import compile_pattern
from .fastre import WordIndex
from .lexicon import generation, pattern
from .text import Span, TokenCount


class Found(NamedTuple):
    """One match of a concept: the parts of `re.Match` the rules use."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def group(self) -> str:
        return self.text


Spans = tuple[tuple[int, int], ...]
#: (knowledge generation, concept, sentence in lower case) -> spans within the sentence
_BY_SENTENCE: dict[tuple[int, str, str], Spans] = {}
CACHE_LIMIT = 200_000
_NOT_SPACES = compile_pattern(r"\S+")
_NOT_SPACE = compile_pattern(r"\S")


class Matches:
    """Computed per concept on first use."""

    def __init__(self, lowered: str, sentences: list[Span]) -> None:
        self.lowered = lowered
        self.sentences = sentences
        self._by: dict[str, list[list[Found]]] = {}

    @cached_property
    def index(self) -> WordIndex:
        return WordIndex(self.lowered)

    def of(self, concept: str) -> list[list[Found]]:
        """Per sentence, the matches of `concept`; "a|b" is the matches of either."""
        found = self._by.get(concept)
        if found is None:
            if "|" in concept:
                parts = [self.of(c) for c in concept.split("|")]
                found = [
                    sorted((m for p in parts for m in p[i]), key=_start)
                    for i in range(len(self.sentences))
                ]
            else:
                found = self._scan(concept)
            self._by[concept] = found
        return found

    def _scan(self, concept: str) -> list[list[Found]]:
        low, sentences = self.lowered, self.sentences
        gen = generation()
        keys = [(gen, concept, low[s.start : s.end]) for s in sentences]
        spans: list[Spans | None] = [_BY_SENTENCE.get(k) for k in keys]
        missing = [i for i, sp in enumerate(spans) if sp is None]
        if len(missing) > max(3, len(sentences) // 4):  # a new text: one pass over it all
            whole = bucket(pattern(concept).scan(self.index), sentences, self._ends)
            for i in missing:
                start = sentences[i].start
                spans[i] = tuple((m.start() - start, m.end() - start) for m in whole[i])
        else:
            regex = pattern(concept).full
            for i in missing:
                s = sentences[i]
                spans[i] = tuple(
                    (m.start() - s.start, m.end() - s.start)
                    for m in regex.finditer(low, s.start, s.end)
                )
        if missing:
            if len(_BY_SENTENCE) > CACHE_LIMIT:
                _BY_SENTENCE.clear()
            for i in missing:
                _BY_SENTENCE[keys[i]] = spans[i]  # type: ignore[assignment]
        out: list[list[Found]] = []
        for s, sp in zip(sentences, spans, strict=True):
            base = s.start
            out.append([Found(base + a, base + b, low[base + a : base + b]) for a, b in sp or ()])
        return out

    @cached_property
    def _ends(self) -> list[int]:
        return [s.end for s in self.sentences]

    def any(self, concept: str) -> bool:
        return any(self.of(concept))

    def all(self, concept: str) -> list[Found]:
        return [m for found in self.of(concept) for m in found]

    def has(self, concept: str, i: int, outside: Iterable[tuple[int, int]] = ()) -> bool:
        """Whether sentence `i` holds a match of `concept` that starts outside the spans."""
        blank = Blank(outside)
        return any(not blank.covers(m.start()) for m in self.of(concept)[i])

    def followed(self, first: str, second: str, within: int = 8) -> int:
        """Sentences where `first` is followed by `second` within `within` words.

        Only the nearest `second` after each `first` is measured: a later one has at least
        as many words in between."""
        count = 0
        for i, found in enumerate(self.of(first)):
            later = self.of(second)[i]
            if not found or not later:
                continue
            s = self.sentences[i]
            gaps = TokenCount(self.lowered, _NOT_SPACES, _NOT_SPACE, s.start, s.end)
            starts = [y.start() for y in later]
            for x in found:
                j = bisect_left(starts, x.end())
                if j < len(starts) and gaps.between(x.end(), starts[j]) <= within:
                    count += 1
                    break
        return count


class Blank:
    """Spans to leave out. Past a few, they are merged, so that whether a position falls in
    one is a bisection rather than a look at every span (a sentence of hedges has
    thousands)."""

    FEW = 8

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.starts: list[int] = []
        self.ends: list[int] = []
        if len(self.spans) <= self.FEW:
            return
        merged: list[list[int]] = []
        for a, b in sorted(s for s in self.spans if s[1] > s[0]):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def covers(self, pos: int) -> bool:
        if len(self.spans) <= self.FEW:
            return any(a <= pos < b for a, b in self.spans)
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _start(m: Found) -> int:
    return m.start()


def bucket(
    matches: Iterable[re.Match[str]], sentences: list[Span], ends: list[int] | None = None
) -> list[list[re.Match[str]]]:
    """Matches over the whole text, sorted into the sentences that hold them whole."""
    out: list[list[re.Match[str]]] = [[] for _ in sentences]
    if ends is None:
        ends = [s.end for s in sentences]
    for m in matches:
        i = bisect_left(ends, m.end())
        if i < len(sentences) and sentences[i].start <= m.start():
            out[i].append(m)
    return out

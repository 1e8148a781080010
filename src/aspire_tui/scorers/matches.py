"""Each concept's matches in one draft, sorted into its sentences: what every rule and
scorer reads the coach's knowledge through."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cached_property

from .lexicon import pattern
from .text import Span


class Matches:
    """Computed per concept on first use; one pass of its pattern over the whole draft."""

    def __init__(self, lowered: str, starts: frozenset[str], sentences: list[Span]) -> None:
        self.lowered = lowered
        self.starts = starts
        self.sentences = sentences
        self._by: dict[str, list[list[re.Match[str]]]] = {}

    def of(self, concept: str) -> list[list[re.Match[str]]]:
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
                regex = pattern(concept).for_text(self.starts)
                found = bucket(regex.finditer(self.lowered), self.sentences, self._ends)
            self._by[concept] = found
        return found

    @cached_property
    def _ends(self) -> list[int]:
        return [s.end for s in self.sentences]

    def any(self, concept: str) -> bool:
        return any(self.of(concept))

    def all(self, concept: str) -> list[re.Match[str]]:
        return [m for found in self.of(concept) for m in found]

    def has(self, concept: str, i: int, outside: Iterable[tuple[int, int]] = ()) -> bool:
        spans = list(outside)
        return any(not any(a <= m.start() < b for a, b in spans) for m in self.of(concept)[i])

    def followed(self, first: str, second: str, within: int = 8) -> int:
        """Sentences where `first` is followed by `second` within `within` words."""
        count = 0
        for i, found in enumerate(self.of(first)):
            later = self.of(second)[i]
            if any(
                y.start() >= x.end() and len(self.lowered[x.end() : y.start()].split()) <= within
                for x in found
                for y in later
            ):
                count += 1
        return count


def _start(m: re.Match[str]) -> int:
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

"""Word-list patterns that stay fast on long drafts.

Python's `re` tries every branch of an alternation at every word boundary, so a pattern of
fifty phrasings costs fifty tries per word. `WordPattern` splits a `\\b(?:A|B|...)` pattern
into its branches and notes the three letters each must start with. For a given text it
keeps only the branches whose opening letters occur at some word start, and compiles that
smaller pattern once (cached). Case-insensitive patterns are compiled in lower case and run
on lower-cased text (`lower`), which `re` scans about twice as fast as IGNORECASE.
Matches are those of the full pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_QUANTIFIERS = frozenset("?*+{")
_KEY = 3
_WORD_START = re.compile(r"\b\w{2,3}")


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) of each `(`, `)` and `|` that is syntax: not
    escaped and not inside a character class."""
    depth = 0
    in_class = False
    i = start
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":  # a literal ] first in the class
                i += 1
        elif c in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[c]
            yield i, c, depth
        i += 1


def split_top_level(body: str) -> list[str]:
    """The branches of `body` separated by `|` outside any group or character class."""
    parts: list[str] = []
    start = 0
    for i, c, depth in _structure(body):
        if c == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p for p in parts if p]


def literal_keys(branch: str, ignore_case: bool) -> frozenset[str] | None:
    """The two or three letters a branch must start with (any of several when it opens with
    a group of choices); None when it can start some other way."""
    if branch.startswith("(?:"):
        end = _group_end(branch, 0)
        if branch[end + 1 : end + 2] in _QUANTIFIERS and branch[end + 1 : end + 2]:
            return None
        keys: set[str] = set()
        for choice in split_top_level(branch[3:end]):
            found = literal_keys(choice + branch[end + 1 :], ignore_case)
            if found is None:
                return None
            keys |= found
        return frozenset(keys) if keys else None
    letters = ""
    for i, c in enumerate(branch[:_KEY]):
        if not ("a" <= c.lower() <= "z"):
            break
        if branch[i + 1 : i + 2] in _QUANTIFIERS and branch[i + 1 : i + 2]:
            break
        letters += c
    if len(letters) < 2:
        return None
    return frozenset({letters.casefold() if ignore_case else letters})


def lower(text: str) -> str:
    """Lower case with every character at its original index, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_UPPER_LITERALS = re.compile(r"\\.|\(\?P|([A-Z]+)")


def lower_pattern(pattern: str) -> str:
    """Lower-case the literal letters of a pattern, leaving escapes (\\S) and (?P alone."""
    return _UPPER_LITERALS.sub(lambda m: m.group(1).lower() if m.group(1) else m.group(0), pattern)


def word_starts(text: str) -> frozenset[str]:
    """The first two and three characters of every word of lower-cased `text`."""
    found = _WORD_START.findall(text)
    return frozenset(found) | frozenset(w[:2] for w in found)


class WordPattern:
    """A `\\b(?:A|B|...)<tail>` pattern that compiles, per text, only branches that can match."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if flags & re.VERBOSE:
            pattern = re.sub(r"\s+", "", pattern)
            flags &= ~re.VERBOSE
        self.ignore_case = bool(flags & re.IGNORECASE)
        if self.ignore_case:
            pattern = lower_pattern(pattern)
            flags &= ~re.IGNORECASE
        self.flags = flags
        if not pattern.startswith(r"\b(?:"):
            raise ValueError("a WordPattern starts with \\b(?:")
        end = _group_end(pattern, 2)
        self.tail = pattern[end + 1 :]
        self.branches = tuple(split_top_level(pattern[5:end]))
        self.keys = tuple(literal_keys(b, self.ignore_case) for b in self.branches)

    @classmethod
    def union(cls, patterns: list[WordPattern]) -> WordPattern:
        """One pattern matching what any of these (same flags, same tail) match: one pass."""
        first = patterns[0]
        if any(p.tail != first.tail or p.flags != first.flags for p in patterns):
            raise ValueError("only patterns with the same flags and tail can be joined")
        joined = cls.__new__(cls)
        joined.flags, joined.ignore_case, joined.tail = first.flags, first.ignore_case, first.tail
        joined.branches = tuple(b for p in patterns for b in p.branches)
        joined.keys = tuple(k for p in patterns for k in p.keys)
        return joined

    def _compile(self, active: tuple[int, ...]) -> re.Pattern[str]:
        body = "|".join(self.branches[i] for i in active) or r"(?!)"
        return _compile(r"\b(?:" + body + ")" + self.tail, self.flags)

    def for_text(self, starts: frozenset[str]) -> re.Pattern[str]:
        """The pattern reduced to the branches that can match a text with these word starts.

        For a case-insensitive pattern, run the result on `lower(text)`."""
        active = tuple(i for i, k in enumerate(self.keys) if k is None or not k.isdisjoint(starts))
        return self._compile(active)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Matches in `text` (lower-cased first when the pattern ignores case)."""
        if self.ignore_case:
            text = lower(text)
        return list(self.for_text(word_starts(text)).finditer(text))

    def search(self, text: str) -> re.Match[str] | None:
        if self.ignore_case:
            text = lower(text)
        return self.for_text(word_starts(text)).search(text)


@lru_cache(maxsize=512)
def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _group_end(pattern: str, open_at: int) -> int:
    """The index of the `)` closing the group opened at `open_at`."""
    for i, c, depth in _structure(pattern, open_at):
        if c == ")" and depth == 0:
            return i
    raise ValueError("unbalanced pattern")

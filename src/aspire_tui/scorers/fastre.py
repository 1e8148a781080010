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

from . import compiled

_QUANTIFIERS = frozenset("?*+{")
_KEY = 3
_WORD_START = compiled.compile_pattern(r"\b\w{2,3}")
_WORD = compiled.compile_pattern(r"[^\W\d_]+")


_SYNTAX = compiled.compile_pattern(r"\\.|\[\]?(?:\\.|[^\]\\])*\]|[()|]")


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) of each `(`, `)` and `|` that is syntax: not
    escaped and not inside a character class. Escapes and classes are skipped by a regex,
    which keeps parsing the word lists cheap at start-up."""
    depth = 0
    for m in _SYNTAX.finditer(pattern, start):
        c = m.group()
        if c in "()|":
            depth += 1 if c == "(" else -1 if c == ")" else 0
            yield m.start(), c, depth


syntax_of = _structure  # for checks of a pattern's shape elsewhere


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


#: What may follow a literal word for it to be a whole word of the text.
_WORD_END = ("\\s", "[\\s-]+", "\\b", ",", ".", "'", ")", "|", "(?![")


def literal_keys(branch: str, ignore_case: bool) -> frozenset[str] | None:
    """What a branch must start with, as keys `word_starts` can be checked against: a whole
    word ("=money") when the literal is followed by a word end, else its first two or three
    letters ("sal"). Several keys when it opens with a group of choices; None when it can
    start some other way."""
    if branch.startswith("(?:"):
        try:
            end = _group_end(branch, 0)
        except ValueError:
            return None
        if branch[end + 1 : end + 2] in _QUANTIFIERS and branch[end + 1 : end + 2]:
            return None
        keys: set[str] = set()
        rest = branch[end + 1 : end + 4]  # enough to tell whether a word ends there
        for choice in split_top_level(branch[3:end]):
            found = literal_keys(choice + rest, ignore_case)
            if found is None:
                return None
            keys |= found
        return frozenset(keys) if keys else None
    letters = ""
    whole = False
    for i, c in enumerate(branch):
        if not ("a" <= c.lower() <= "z"):
            # "\s?" or "[\s-]?" may join the next letters on: not the end of a word
            whole = branch.startswith(_WORD_END, i) and not branch.startswith(
                ("\\s?", "\\s*", "[\\s-]?", "[\\s-]*"), i
            )
            break
        if branch[i + 1 : i + 2] in _QUANTIFIERS and branch[i + 1 : i + 2]:
            break
        letters += c
    else:
        whole = True  # the branch is a single word
    if len(letters) < 2:
        return None
    letters = letters.casefold() if ignore_case else letters
    return frozenset({f"={letters}" if whole else letters[:_KEY]})


_LATER_WORD = compiled.compile_pattern(
    r"(?:\\s\+?|\[\\s-\]\+)([a-z]{3,})(?![a-z]*[?*{])(?:(?=(\\s|\[\\s|\\b|\)|\(\?!\[|$))|)"
)


def required_keys(branch: str) -> frozenset[str]:
    """Keys of words later in a branch that every match must contain: literal words at the
    top level of the branch (outside any group), each after a space. Used to rule a branch
    out when its first word is common ("my own ..." needs "own")."""
    top = []
    depth = 0
    last = 0
    for i, c, d in _structure(branch):
        if c == "(" and d == 1:
            top.append(branch[last:i])
        elif c == ")" and d == 0:
            last = i + 1
            if branch[last : last + 1] in _QUANTIFIERS and branch[last : last + 1]:
                last += 1
        depth = d
    if depth == 0:
        top.append(branch[last:])
    keys = set()
    for part in top:
        for m in _LATER_WORD.finditer(part):
            word = m.group(1)
            keys.add(f"={word}" if m.group(2) is not None else word[:_KEY])
    return frozenset(keys)


#: A branch opening on a plain word, or a choice of plain words, and then a space: what
#: follows the space is its second word, which a position can be checked against.
_PLAIN_FIRST = compiled.compile_pattern(r"(?:[a-z]+|\(\?:[a-z]+(?:\|[a-z]+)*\))\[\\s-\]\+")


def second_keys(branch: str, ignore_case: bool = True) -> frozenset[str] | None:
    """Keys (as `literal_keys`) of the word after a branch's first word, when its first
    word is plain and a space follows it; None when a match could go on some other way."""
    m = _PLAIN_FIRST.match(branch)
    if m is None:
        return None
    return literal_keys(branch[m.end() :], ignore_case)


def key_fits(key: str, word: str) -> bool:
    """Whether `word` (lower case) offers `key`: "=pay" is the word "pay" (its letters),
    "sal" is a word starting so."""
    if key.startswith("="):
        lead = _WORD.match(word)
        return lead is not None and lead.group() == key[1:]
    return word.startswith(key)


def lower(text: str) -> str:
    """Lower case with every character at its original index, so offsets stay valid."""
    low = text.lower().replace("’", "'")
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


#: Three hyphens with only spaces between them ("- - -"), or five within one word, are no
#: writing an answer has ("state-of-the-art" has three); from there to the end of the run
#: or the word, hyphens are read as spaces. The patterns start at a hyphen, which `re`
#: finds without trying every position, and each part can match in one way only.
_DASH_RUN = compiled.compile_pattern(r"-\s*-\s*-[\s-]*")
_HYPHEN_WORD = compiled.compile_pattern(r"-[\w'&]*-[\w'&]*-[\w'&]*-[\w'&]*-[\w'&-]*")


def _spaced(m: re.Match[str]) -> str:
    return m.group().replace("-", " ")


def calm_hyphens(low: str) -> str:
    """`low` with the hyphens of dash runs and many-hyphened words read as spaces, every
    character at its index. A phrase's space matches spaces or hyphens and its "[\\w-]+"
    words take hyphens too, so in such a run every hyphen could be either and `re` tried
    each way: fifty hyphens after "my partner" took minutes. An answer's text is returned
    as it is."""
    if low.count("-") < 3:
        return low
    return _HYPHEN_WORD.sub(_spaced, _DASH_RUN.sub(_spaced, low))


_UPPER_LITERALS = compiled.compile_pattern(r"\\.|\(\?P|([A-Z]+)")


def lower_pattern(pattern: str) -> str:
    """Lower-case the literal letters of a pattern, leaving escapes (\\S) and (?P alone."""
    return _UPPER_LITERALS.sub(lambda m: m.group(1).lower() if m.group(1) else m.group(0), pattern)


def word_starts(text: str) -> frozenset[str]:
    """The keys a text offers (see `literal_keys`): each word's first two and three
    characters, and each whole word marked with "="."""
    found = _WORD_START.findall(text)
    words = {f"={w}" for w in _WORD.findall(text)}
    return frozenset(found) | frozenset(w[:2] for w in found) | frozenset(words)


#: Where a phrase may start: not inside a word. Written as a look-behind rather than "\\b",
#: which the regex engine checks about twice as fast before a long alternation.
START = r"(?<!\w)"
_WORD_AT = compiled.compile_pattern(r"(?<!\w)\w+")
#: A branch whose first word occurs more often than this is searched for with the regex
#: engine; rarer ones are tried only where their word stands.
COMMON = 12
_LEAD_LETTERS = compiled.compile_pattern(r"[^\W\d_]+")
_NEXT_WORD = compiled.compile_pattern(r"[^\W\d_]+[\s-]+(\w+)")


class WordIndex:
    """Where each key of `word_starts` begins in one text. Built in one pass and shared by
    every pattern, so a pattern tries its branches only where their first word stands,
    instead of at every word of the text."""

    def __init__(self, text: str) -> None:
        at: dict[str, list[int]] = {}
        for m in _WORD_AT.finditer(text):
            word, pos = m.group(), m.start()
            if len(word) >= 2:
                at.setdefault(word[:2], []).append(pos)
                if len(word) >= 3:
                    at.setdefault(word[:3], []).append(pos)
            lead = _LEAD_LETTERS.match(word)
            if lead:
                at.setdefault("=" + lead.group(), []).append(pos)
        self.text = text
        self.at = at
        self.keys = frozenset(at)
        self._after: dict[int, str | None] = {}

    def word_after(self, pos: int) -> str | None:
        """The word after the one at `pos`, when only spaces or hyphens are between."""
        if pos not in self._after:
            m = _NEXT_WORD.match(self.text, pos)
            self._after[pos] = m.group(1) if m else None
        return self._after[pos]


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
        self.tail, self.branches, self.keys = compiled.remembered(
            ("words", pattern, self.ignore_case), lambda: _analyse(pattern, self.ignore_case)
        )
        self._needs: dict[int, frozenset[str]] = {}
        self._second: dict[int, frozenset[str] | None] = {}
        self._at: dict[tuple[int, ...], re.Pattern[str]] = {}

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
        joined._needs = {}
        joined._second = {}
        joined._at = {}
        return joined

    def _compile(self, active: tuple[int, ...]) -> re.Pattern[str]:
        body = "|".join(self.branches[i] for i in active) or r"(?!)"
        return _compile(START + "(?:" + body + ")" + self.tail, self.flags)

    def for_text(self, starts: frozenset[str]) -> re.Pattern[str]:
        """The pattern reduced to the branches that can match a text with these word starts.

        For a case-insensitive pattern, run the result on `lower(text)`."""
        active = tuple(
            i
            for i, k in enumerate(self.keys)
            if (k is None or not k.isdisjoint(starts)) and self.needs(i) <= starts
        )
        return self._compile(active)

    def needs(self, i: int) -> frozenset[str]:
        """The later words branch `i` requires (worked out on first use, then kept)."""
        found = self._needs.get(i)
        if found is None:
            found = required_keys(self.branches[i]) if self.ignore_case else frozenset()
            self._needs[i] = found
        return found

    def second(self, i: int) -> frozenset[str] | None:
        """The keys of branch `i`'s second word, if it has a plain first word (kept)."""
        if i not in self._second:
            branch, ignore_case = self.branches[i], self.ignore_case
            self._second[i] = compiled.remembered(
                ("second", branch, ignore_case), lambda: second_keys(branch, ignore_case)
            )
        return self._second[i]

    def scan(self, index: WordIndex) -> list[re.Match[str]]:
        """The matches `finditer` would find in `index.text`, tried only at the words each
        branch can start with (branches that can start anyhow are searched for)."""
        text = index.text
        starts: dict[int, list[int]] = {}
        free: list[int] = []
        at_key = index.at
        for i, keys in enumerate(self.keys):
            if keys is None:
                free.append(i)
                continue
            if not self.needs(i) <= index.keys:
                continue
            where = [at_key[k] for k in keys if k in at_key]
            if sum(map(len, where)) > COMMON:  # a common first word: the regex scan is faster
                free.append(i)
                continue
            then = self.second(i)
            for positions_of_key in where:
                for pos in positions_of_key:
                    if then is not None:  # tried only where its second word follows
                        after = index.word_after(pos)
                        if after is None or not any(key_fits(k, after) for k in then):
                            continue
                    starts.setdefault(pos, []).append(i)
        if not starts and not free:
            return []
        loose = self._compile(tuple(free)) if free else None
        positions = sorted(starts)
        out: list[re.Match[str]] = []
        pos = j = 0
        found: re.Match[str] | None = None
        while True:
            while j < len(positions) and positions[j] < pos:
                j += 1
            if loose is not None and (found is None or found.start() < pos):
                found = loose.search(text, pos)
                if found is None:
                    loose = None  # no free branch matches further on
            at = positions[j] if j < len(positions) else None
            if found is not None and (at is None or found.start() < at):
                at = found.start()
            if at is None:
                return out
            keyed = starts.get(at, ())
            # A free branch can match here only if the search for them stopped here: it
            # finds the leftmost match, so one found further on means none starts here.
            # Left out otherwise, as joining them into every position's regex is most of
            # what compiling costs on a new text.
            if free and found is not None and found.start() == at:
                branches = tuple(sorted({*keyed, *free}))
            else:
                branches = tuple(sorted(set(keyed)))
            regex = self._at.get(branches)
            if regex is None:  # one per set of first words: few, and kept for the next text
                regex = self._at[branches] = self._compile(branches)
            m = regex.match(text, at)
            if m is None:
                pos = at + 1
                continue
            out.append(m)
            pos = m.end() if m.end() > at else at + 1

    @property
    def full(self) -> re.Pattern[str]:
        """Every branch at once: quickest on a short text such as one sentence. Kept, as
        joining hundreds of branches for each sentence typed costs more than matching."""
        found: re.Pattern[str] | None = self.__dict__.get("_full")
        if found is None:
            found = self.__dict__["_full"] = self._compile(tuple(range(len(self.branches))))
        return found

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Matches in `text` (lower-cased first when the pattern ignores case)."""
        if self.ignore_case:
            text = lower(text)
        return list(self.for_text(word_starts(text)).finditer(text))

    def search(self, text: str) -> re.Match[str] | None:
        if self.ignore_case:
            text = lower(text)
        return self.for_text(word_starts(text)).search(text)


def _analyse(
    pattern: str, ignore_case: bool
) -> tuple[str, tuple[str, ...], tuple[frozenset[str] | None, ...]]:
    """A word pattern's tail, branches and each branch's first-word keys."""
    end = _group_end(pattern, 2)
    branches = tuple(split_top_level(pattern[5:end]))
    return pattern[end + 1 :], branches, tuple(literal_keys(b, ignore_case) for b in branches)


@lru_cache(maxsize=512)
def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    return compiled.compile_pattern(pattern, flags)


def _group_end(pattern: str, open_at: int) -> int:
    """The index of the `)` closing the group opened at `open_at`."""
    for i, c, depth in _structure(pattern, open_at):
        if c == ")" and depth == 0:
            return i
    raise ValueError("unbalanced pattern")

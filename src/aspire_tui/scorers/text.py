"""Text helpers shared by the built-in scorers: words, sentences, clauses, stems and time
frames. One `Analysis` is built per draft and shared by every scorer that asks for it.

Offsets are Python str indices into the draft, the unit findings use.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from .compiled import compile_pattern

#: Speaking pace used for the length figures (DOMAIN: 130-160 words a minute).
WORDS_PER_MINUTE = 140

WORD_RE = compile_pattern(r"[^\W_](?:[\w'’\-]*[^\W_])?")
_SENTENCE_END = compile_pattern(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*\n|\n(?=\s*[-*•\d])")
# "and I", "so we": a new subject starts a new clause ("my mum's not well and I'd be back").
_CLAUSE_BREAK = compile_pattern(
    r"[,;:—–()]|\s-\s|\bbut\b|\bthough\b|\bbecause\b|\bso that\b|\b(?:and|so)\s+(?=(?:I|we|We)\b)"
)

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "else",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "get",
        "gets",
        "getting",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "let",
        "like",
        "me",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "really",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "we",
        "we'd",
        "we'll",
        "we're",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "you'd",
        "you'll",
        "you're",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "yet",
        "still",
        "even",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "next",
        "last",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "time",
        "thing",
        "things",
        "way",
        "lot",
        "lots",
        "bit",
        "kind",
        "sort",
        "well",
        "actually",
        "able",
        "want",
        "wants",
        "wanted",
        "like'd",
        "i'd'd",
        "something",
        "anything",
        "everything",
        "someone",
        "anyone",
    ]
)

#: Words every career answer uses; they say nothing about fit with one particular job.
GENERIC = frozenset(
    [
        "work",
        "working",
        "worked",
        "job",
        "jobs",
        "role",
        "roles",
        "career",
        "careers",
        "company",
        "companies",
        "team",
        "teams",
        "people",
        "person",
        "opportunity",
        "opportunities",
        "experience",
        "experienced",
        "skill",
        "skills",
        "grow",
        "growing",
        "growth",
        "learn",
        "learning",
        "learned",
        "learnt",
        "new",
        "good",
        "great",
        "better",
        "best",
        "really",
        "help",
        "helping",
        "make",
        "making",
        "take",
        "taking",
        "see",
        "think",
        "know",
        "love",
        "enjoy",
        "hope",
        "hoping",
        "would",
        "could",
        "plan",
        "plans",
        "planning",
        "goal",
        "goals",
        "future",
        "long",
        "short",
        "term",
        "place",
        "part",
        "side",
        "level",
        "position",
        "side",
        "days",
        "aspiration",
        "aspirations",
        "ambition",
        "ambitions",
        "interest",
        "interested",
        "interesting",
        "excited",
        "exciting",
        "stay",
        "become",
        "becoming",
        "professional",
        "organisation",
        "organization",
        "business",
        "employer",
        "hire",
        "hired",
        "hiring",
        "candidate",
        "candidates",
        "join",
        "joining",
        "looking",
        "look",
    ]
)


class TimeFrame(NamedTuple):
    """A stated time frame, in years from now (`years`), as written in the draft."""

    start: int
    end: int
    years: float


class _TimeWords(NamedTuple):
    regex: re.Pattern[str]
    numbers: dict[str, float]
    ordinals: dict[str, float]
    units: dict[str, float]
    phrases: tuple[float, ...]


def _alternation(words: object) -> str:
    ordered = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def _time_words() -> _TimeWords:
    """The time parser, built once from `knowledge/time.toml`."""
    from .lexicon import table

    t = table("time")
    numbers = {k: float(v) for k, v in t["numbers"].items()}
    ordinals = {k: float(v) for k, v in t["ordinals"].items()}
    units = {k: float(v) for k, v in t["units"].items()}
    counted_units = {k: float(v) for k, v in t.get("ordinal_units", {}).items()}
    tens = [w for w, v in numbers.items() if v >= 20 and v % 10 == 0 and v < 100]
    ones = [w for w, v in numbers.items() if 1 <= v <= 9 and " " not in w and len(w) > 2]
    num = (
        rf"(?:\d+(?:\.\d+)?|(?:{_alternation(tens)})[\s-](?:{_alternation(ones)})"
        rf"|{_alternation(numbers)})(?:\s+and\s+a\s+half)?"
    )
    unit = rf"(?:{_alternation(units)})s?"
    ordinal_unit = rf"(?:{_alternation({**units, **counted_units})})s?"
    ordinal = rf"(?:{_alternation(ordinals)}|{_alternation(numbers)}|\d+)"
    phrases = t.get("phrase", [])
    # "within five": a count with its unit left unsaid is years, in an answer about years
    bare = [w for w, v in numbers.items() if 2 <= v <= 20 and v == int(v) and " " not in w]
    bare_count = rf"{_alternation(bare)}|[2-9]|1\d"
    space = r"[\s-]+"
    phrase_groups = "|".join(
        f"(?P<p{i}>{p['pattern'].replace(' ', space)})" for i, p in enumerate(phrases)
    )
    regex = compile_pattern(
        rf"""\b(?:
            (?P<lo>{num})(?:\s*(?:-|–|to|or)\s*(?P<hi>{num}))?(?:\s*\+|\s+or\s+more|\s+plus)?[\s-]+(?P<unit>{unit})\b(?P<half>\s+and\s+a\s+half)?
          | (?:by\s+|in\s+|within\s+)?(?P<ordunit>year|month|quarter|week)\s+(?P<ordnum>{ordinal})\b
          | (?:my|the|your|our|its|their|his|her|[a-z]+'s)\s+(?P<ord>{_alternation(ordinals)})\s+
            (?:couple\s+of\s+)?(?:(?:annual|yearly|performance)\s+)?(?P<ordunit2>{ordinal_unit})\b
          | (?P<next>next|this|coming)\s+(?P<nextunit>year|quarter|month)\b
          | (?:by|before|in)\s+(?P<calendar>20\d\d|fy\s?\d\d)\b
          | (?:within|inside)\s+(?:the\s+next\s+)?(?P<bare>{bare_count})(?=\s*(?:[.,;!?]|$))
          | {phrase_groups or "(?!)"}
        )""",
        re.VERBOSE,  # runs on lower-cased text: faster than IGNORECASE
    )
    every_unit = {**units, **counted_units}
    return _TimeWords(
        regex, numbers, ordinals, every_unit, tuple(float(p["years"]) for p in phrases)
    )


def number_value(text: str) -> float | None:
    words = _time_words().numbers
    text = " ".join(text.lower().split())
    half = text.endswith(" and a half")
    if half:
        text = text[: -len(" and a half")]
    value: float | None
    if text in words:
        value = words[text]
    else:
        parts = re.split(r"[\s-]+", text)
        if len(parts) == 2 and all(p in words for p in parts):
            value = words[parts[0]] + words[parts[1]]
        else:
            try:
                value = float(text)
            except ValueError:
                return None
    return value + 0.5 if half else value


def _unit_years(unit: str) -> float:
    units = _time_words().units
    return units.get(unit, units.get(unit.rstrip("s"), 1.0))


def find_time_frames(text: str, offset: int = 0) -> list[TimeFrame]:
    """Every time frame in lower-cased `text`, in years from now."""
    from datetime import date

    tw = _time_words()
    frames: list[TimeFrame] = []
    for m in tw.regex.finditer(text):
        years: float | None = None
        if m.group("unit"):
            lo = number_value(m.group("lo"))
            hi = number_value(m.group("hi")) if m.group("hi") else None
            unit = _unit_years(m.group("unit"))
            if m.group("unit").startswith("day") and lo == 1 and hi is None:
                continue  # "one day" means "some day", not a day from now
            if lo is not None:
                years = ((lo + hi) / 2 if hi is not None else lo) * unit
                years += 0.5 * unit if m.group("half") else 0.0
        elif m.group("ordunit"):
            word = m.group("ordnum")
            n = tw.ordinals.get(word) or number_value(word)
            years = float(n) * _unit_years(m.group("ordunit")) if n else None
        elif m.group("ord"):
            n = tw.ordinals[m.group("ord")]
            couple = "couple" in m.group(0)
            years = (2 if couple else n) * _unit_years(m.group("ordunit2"))
        elif m.group("next"):
            years = _unit_years(m.group("nextunit")) * (2 if m.group("next") == "next" else 1)
        elif m.group("bare"):
            years = number_value(m.group("bare"))
        elif m.group("calendar"):
            digits = re.sub(r"\D", "", m.group("calendar"))
            year = int(digits) if len(digits) == 4 else 2000 + int(digits)
            years = max(0.5, year - date.today().year)
        else:
            i = next(int(k[1:]) for k, v in m.groupdict().items() if v and k[0] == "p")
            years = tw.phrases[i]
        if years is not None:
            frames.append(TimeFrame(m.start() + offset, m.end() + offset, years))
    return frames


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    result: str = _stemmer().stemWord(word.lower().replace("’", "'"))
    return result


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    # PyStemmer: the Snowball English stemmer in C, about 100 times faster than pure Python.
    import Stemmer

    return Stemmer.Stemmer("english")


class Span(NamedTuple):
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        _add_span(spans, text, pos, m.start())
        pos = m.end()
    _add_span(spans, text, pos, len(text))
    return spans


def _add_span(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))


def clause_around(sentence: Span, start: int, end: int) -> tuple[int, int]:
    """The clause of `sentence` that holds `[start, end)`: what a coach would underline."""
    return ClauseBreaks(sentence).around(start, end)


_LEADING_SPACE = compile_pattern(r"\s*")
_TRAILING = " \t.,;:!?"


class ClauseBreaks:
    """Where one sentence breaks into clauses, found once: each hit then finds its clause by
    bisection instead of rescanning the sentence, which made a long sentence with many
    hits quadratic."""

    def __init__(self, sentence: Span) -> None:
        self.sentence = sentence
        found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence.text)]
        self.starts = [sentence.start + a for a, _ in found]
        self.ends = [sentence.start + b for _, b in found]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """As `clause_around`: after the last break ending by `start`, up to the first break
        starting at or after `end`, without the spaces and stops at either edge."""
        s = self.sentence
        i = bisect_right(self.ends, start)
        left = self.ends[i - 1] if i else s.start
        j = bisect_left(self.starts, end, lo=i)
        right = self.starts[j] if j < len(self.starts) else s.end
        text = s.text
        if left < start:
            spaces = _LEADING_SPACE.match(text, left - s.start, start - s.start)
            left += spaces.end() - spaces.start() if spaces else 0
        if right > end:
            right = end + len(text[end - s.start : right - s.start].rstrip(_TRAILING))
        return left, max(right, end)


#: A sentence longer than this (about 800 words) is read in windows of about this size,
#: cut at a space: no spoken sentence is that long, even a run-on one typed without stops,
#: and every rule's work within one sentence is then bounded.
SENTENCE_CHARS = 5_000
_SPACE_BEFORE = compile_pattern(r"\s(?=\S*\Z)")


def windows(text: str, spans: list[Span], limit: int = SENTENCE_CHARS) -> list[Span]:
    """`spans`, each longer than `limit` characters cut into windows of at most `limit`,
    at the last space of each window's second half when it has one."""
    if all(s.end - s.start <= limit for s in spans):
        return spans
    out: list[Span] = []
    for s in spans:
        pos = s.start
        while s.end - pos > limit:
            cut = pos + limit
            space = _SPACE_BEFORE.search(text, pos + limit // 2, cut)
            if space is not None:
                cut = space.start()
            _add_span(out, text, pos, cut)
            pos = cut
        _add_span(out, text, pos, s.end)
    return out


class TokenCount:
    """Counts the tokens (`findall` of `token`) of slices of `text[start:end]`. A short
    slice is counted directly; the first long one builds an index of where each token
    starts, and from then on every count is a bisection, so that many long gaps in one
    sentence do not each rescan it. A slice that begins inside a token counts that token's
    tail, as `findall` on the slice does; `start` must not fall inside a token (a sentence
    starts after a space)."""

    SHORT = 200

    def __init__(
        self, text: str, token: re.Pattern[str], char: re.Pattern[str], start: int, end: int
    ) -> None:
        self.text = text
        self.token = token
        self.char = char
        self.span = (start, end)
        self._starts: list[int] | None = None

    def between(self, start: int, end: int) -> int:
        if end <= start:
            return 0
        if end - start <= self.SHORT:
            return len(self.token.findall(self.text, start, end))
        if self._starts is None:
            self._starts = [m.start() for m in self.token.finditer(self.text, *self.span)]
        starts = self._starts
        n = bisect_left(starts, end) - bisect_left(starts, start)
        inside = start > 0 and self.char.match(self.text, start - 1) is not None
        return n + (inside and self.char.match(self.text, start) is not None)


def words(text: str) -> list[re.Match[str]]:
    return list(WORD_RE.finditer(text))


def speaking_seconds(count: int) -> int:
    return round(count * 60 / WORDS_PER_MINUTE)


def tokens_of(matches: list[re.Match[str]]) -> list[tuple[str, str]]:
    out = []
    for m in matches:
        w = m.group().lower()
        if len(w) < 2 or w in STOPWORDS or w[0].isdigit():
            continue
        out.append((w, stem(w)))
    return out

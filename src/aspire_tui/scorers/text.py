"""Text helpers shared by the built-in scorers: words, sentences, clauses, stems and time
frames. One `Analysis` is built per draft and shared by every scorer that asks for it.

Offsets are Python str indices into the draft, the unit findings use.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..models import Profile
    from .pitfalls import Hit

#: Speaking pace used for the length figures (DOMAIN: 130-160 words a minute).
WORDS_PER_MINUTE = 140

WORD_RE = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*\n|\n(?=\s*[-*•\d])")
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\s-\s|\bbut\b|\bthough\b|\bbecause\b|\bso that\b")

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

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "couple": 2,
    "few": 3,
    "several": 3,
    "half": 0.5,
    "a couple of": 2,
    "a few": 3,
}
_NUM = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|eighteen|twenty|thirty|couple(?: of)?|a couple of|a few|few|several|half a)"
)
_ORD = r"(?:first|second|third|fourth|fifth|sixth|one|two|three|four|five|six|\d+)"
_UNIT = r"(?:years?|yrs?|months?|weeks?|days?|quarters?)"
_UNIT_YEARS = {
    "year": 1.0,
    "yr": 1.0,
    "month": 1 / 12,
    "week": 1 / 52,
    "day": 1 / 365,
    "quarter": 0.25,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}

TIME_RE = re.compile(
    rf"""\b(?:
        (?P<lo>{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<hi>{_NUM}))?[\s-]+(?P<unit>{_UNIT})\b
      | (?P<ordunit>year|month|quarter)\s+(?P<ordnum>{_ORD})\b
      | (?:my|the|your)\s+(?P<ord>first|second|third|fourth|fifth)\s+(?:couple\s+of\s+)?
        (?P<ordunit2>years?|months?|quarters?|weeks?|days?)\b
      | (?P<dayone>day\s+one|the\s+first\s+day|straight\s+away|immediately|right\s+away|right\s+now|
        overnight|in\s+no\s+time|a\s+matter\s+of\s+(?P<matter>weeks|days|months)
        |(?:within|in)\s+(?P<bare>weeks|days))
      | (?P<next>next|this|coming)\s+(?P<nextunit>year|quarter|month)\b
    )""",
    re.VERBOSE,  # runs on lower-cased text: faster than IGNORECASE
)


def number_value(text: str) -> float | None:
    text = text.lower().strip()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    if text.startswith("couple"):
        return 2.0
    if text == "half a":
        return 0.5
    try:
        return float(text)
    except ValueError:
        return None


class TimeFrame(NamedTuple):
    """A stated time frame, in years from now (`years`), as written in the draft."""

    start: int
    end: int
    years: float


def find_time_frames(text: str, offset: int = 0) -> list[TimeFrame]:
    from .fastre import lower

    frames: list[TimeFrame] = []
    for m in TIME_RE.finditer(lower(text)):
        years: float | None = None
        if m.group("unit"):
            lo = number_value(m.group("lo"))
            hi = number_value(m.group("hi")) if m.group("hi") else None
            unit = _UNIT_YEARS[m.group("unit").lower().rstrip("s")]
            if unit == _UNIT_YEARS["day"] and lo == 1 and hi is None:
                continue  # "one day" means "some day", not a day from now
            if lo is not None:
                years = ((lo + hi) / 2 if hi is not None else lo) * unit
        elif m.group("ordunit"):
            n = number_value(m.group("ordnum")) or _ORDINALS.get(m.group("ordnum").lower())
            unit = _UNIT_YEARS[m.group("ordunit").lower()]
            years = float(n) * unit if n else None
        elif m.group("ord"):
            n = _ORDINALS[m.group("ord").lower()]
            unit_word = m.group("ordunit2").lower().rstrip("s")
            couple = "couple" in m.group(0).lower()
            years = (2 if couple else n) * _UNIT_YEARS[unit_word]
        elif m.group("dayone"):
            matter = (m.group("matter") or m.group("bare") or "").lower()
            years = {"weeks": 0.1, "days": 0.02, "months": 0.3}.get(matter, 0.0)
        elif m.group("next"):
            years = _UNIT_YEARS[m.group("nextunit").lower()] * (
                2 if m.group("next").lower() == "next" else 1
            )
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
    left = sentence.start
    right = sentence.end
    for m in _CLAUSE_BREAK.finditer(sentence.text):
        a = sentence.start + m.start()
        b = sentence.start + m.end()
        if b <= start:
            left = b
        elif a >= end:
            right = a
            break
    text = sentence.text
    while left < start and text[left - sentence.start].isspace():
        left += 1
    while right > end and text[right - sentence.start - 1] in " \t.,;:!?":
        right -= 1
    return left, max(right, end)


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


class Analysis:
    """Everything the built-in scorers read from one draft, each part computed on first use."""

    def __init__(self, text: str, profile: Profile) -> None:
        self.text = text
        self.profile = profile

    @cached_property
    def word_matches(self) -> list[re.Match[str]]:
        return words(self.text)

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
        from .fastre import lower

        return lower(self.text)

    @cached_property
    def word_starts(self) -> frozenset[str]:
        from .fastre import word_starts

        return word_starts(self.lowered)

    @cached_property
    def sentences(self) -> list[Span]:
        return split_sentences(self.text)

    @cached_property
    def time_frames(self) -> list[TimeFrame]:
        return find_time_frames(self.lowered)

    @cached_property
    def hits(self) -> list[Hit]:
        from .pitfalls import find_hits

        return find_hits(self)

    def hits_of(self, *kinds: str) -> list[Hit]:
        return [h for h in self.hits if h.kind in kinds]

    def sentence_at(self, pos: int) -> Span | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None
